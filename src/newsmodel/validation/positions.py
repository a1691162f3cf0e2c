"""Where a JSON pointer's property starts in JSON text, so an issue in a page has line:column.

A validator works on parsed JSON and knows an issue's pointer; a publisher reading an HTML
page wants the line and column.  :func:`locate` walks the text's tokens once, following the
structure, and gives the offset of each wanted pointer: the property's key in an object, the
element in an array.  It reads the same text the forgiving block parser read (repairs blank
characters out, so offsets are those of the page) and never fails: a pointer it cannot find
is simply absent.  A source-map library was considered (json-source-map) and left out: it
re-parses strictly, so it refuses the raw control characters and very long integers that the
forgiving reader accepts, and it maps every value where only a few are wanted.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from dataclasses import dataclass

_PIECE = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\],:]|[^\s{}\[\],:"]+', re.DOTALL)


@dataclass(slots=True)
class _Frame:
    pointer: str
    is_object: bool
    index: int = 0
    expect_key: bool = True
    child: str = ""


def locate(text: str, wanted: Collection[str]) -> dict[str, int]:
    """The offset in ``text`` of each pointer of ``wanted`` that the text has."""
    found: dict[str, int] = {}
    if "" in wanted:
        start = len(text) - len(text.lstrip())
        found[""] = start
    stack: list[_Frame] = []
    for match in _PIECE.finditer(text):
        if len(found) == len(wanted):
            break
        piece = match.group()
        top = stack[-1] if stack else None
        if top is not None and top.is_object and top.expect_key:
            if piece.startswith('"'):
                top.child = f"{top.pointer}/{escape_key(_key(piece))}"
                top.expect_key = False
                if top.child in wanted:
                    found.setdefault(top.child, match.start())
            elif piece == "}":
                stack.pop()
            continue
        if piece == ":":
            continue
        if piece == ",":
            if top is not None:
                if top.is_object:
                    top.expect_key = True
                else:
                    top.index += 1
            continue
        if piece in ("}", "]"):
            if stack:
                stack.pop()
            continue
        if top is None:
            pointer = ""
        elif top.is_object:
            pointer = top.child
        else:
            pointer = f"{top.pointer}/{top.index}"
            if pointer in wanted:
                found.setdefault(pointer, match.start())
        if piece == "{":
            stack.append(_Frame(pointer, is_object=True))
        elif piece == "[":
            stack.append(_Frame(pointer, is_object=False, expect_key=False))
    return found


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _key(piece: str) -> str:
    try:
        key: str = json.loads(piece, strict=False)
    except json.JSONDecodeError:  # a bad escape the forgiving reader also could not read
        return piece[1:-1]
    return key


def escape_key(key: str) -> str:
    """A key as a JSON pointer reference token (RFC 6901: ``~0`` for ``~``, ``~1`` for ``/``)."""
    if "/" not in key and "~" not in key:
        return key
    return key.replace("~", "~0").replace("/", "~1")


__all__ = ["escape_key", "line_column", "locate"]
