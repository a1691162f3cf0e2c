"""One JSON-LD block, parsed as forgivingly as is safe.

Publishers' ``<script type="application/ld+json">`` blocks are often wrapped in ``<!-- -->`` or
``//<![CDATA[``, carry raw control characters inside strings, JavaScript comments or trailing
commas.  :func:`parse_block` repairs exactly those (and says which repairs it made, so a
validator can warn and a reader can record them); anything else is a syntax error with the
line and column *in the page*, so a publisher can jump to it.  Finding the blocks in a page is
:mod:`newsmodel.htmlblocks`'.  This module imports no model, so both the readers and the
validators can use it.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from typing import Any, NoReturn

import orjson

from newsmodel.errors import DocumentError
from newsmodel.textcodecs import first_lone_surrogate, surrogate_message

MAX_DEPTH = 64
"""Refuse JSON nested deeper than this: real markup stays under ten levels, and readers and
validators walk the tree recursively."""

_WRAP_START = re.compile(r"\A\s*(?://\s*<!\[CDATA\[|/\*\s*<!\[CDATA\[\s*\*/|<!\[CDATA\[|<!--)")
_WRAP_END = re.compile(r"(?://\s*\]\]>|/\*\s*\]\]>\s*\*/|\]\]>|(?://\s*)?-->)\s*\Z")


@dataclass(frozen=True, slots=True)
class Block:
    """One JSON-LD text and where it starts in its file (1-based line and column).

    ``language`` is the page's declared language (``<html lang>``), for a reader to fall back
    on when the markup has no ``inLanguage``.
    """

    index: int
    text: str
    line: int = 1
    column: int | None = 1
    language: str | None = None

    def position(self, line: int, column: int) -> tuple[int, int | None]:
        """A (line, column) inside the block, as a position in the whole file."""
        if line == 1:
            return self.line, (self.column + column - 1) if self.column is not None else None
        return self.line + line - 1, column


@dataclass(slots=True)
class Parsed:
    """A parsed block and the repairs that were needed to parse it (empty for strict JSON).

    ``text`` is the block's text as parsed: repairs blank characters out, so its offsets are
    the block's (a validator finds a property's line and column in it).
    """

    value: Any
    repairs: list[str] = field(default_factory=list)
    text: str = ""


class BlockSyntaxError(DocumentError):
    """A block that is not JSON even after the safe repairs; ``line``/``column`` are in the file."""

    def __init__(
        self,
        message: str,
        *,
        block: Block,
        line: int,
        column: int | None,
        source: str | None = None,
        hint: str = "fix the JSON syntax at that position",
        code: str = "jsonld.syntax",
    ) -> None:
        where = f"{line}:{column}" if column is not None else f"{line}"
        super().__init__(message, where=f"{source}:{where}" if source else where, hint=hint)
        self.code = code
        self.block = block
        self.line = line
        self.column = column


def parse_block(block: Block, *, source: str | None = None) -> Parsed:
    """Parse one block; repair only wrappers, control characters, comments and trailing commas."""
    text = block.text
    repairs: list[str] = []
    tail = max(0, len(text) - 64)
    start, end = _WRAP_START.match(text), _WRAP_END.search(text, tail)
    if start or end:
        # Blank the wrappers out rather than cut them, so positions stay those of the page.
        chars = list(text)
        for match in (start, end):
            if match:
                chars[match.start() : match.end()] = [" "] * (match.end() - match.start())
        text = "".join(chars)
        repairs.append("removed an HTML comment or CDATA wrapper around the JSON")
    if not text.strip():
        _refuse(block, source, "the JSON-LD block is empty")
    try:
        return _checked(Parsed(orjson.loads(text), repairs, text), block, source)
    except orjson.JSONDecodeError as error:
        first = error
    if "recursion" in first.msg:
        _too_deep(block, source)
    forgiven = _forgiven(text, [*repairs, "raw control characters inside strings"], block, source)
    if forgiven is not None:
        return forgiven
    cleaned, what = _strip_comments_and_commas(text)
    if what and (forgiven := _forgiven(cleaned, [*repairs, *what], block, source)) is not None:
        return forgiven
    line, column = block.position(first.lineno, first.colno)
    raise BlockSyntaxError(
        f"not valid JSON: {first.msg}", block=block, line=line, column=column, source=source
    )


class _NotJSONNumber(ValueError):  # noqa: N818 (a reason carried out of json.loads)
    """A number the strict parser refuses: ``NaN``, ``Infinity``, or one beyond a double."""


def _forgiven(text: str, repairs: list[str], block: Block, source: str | None) -> Parsed | None:
    """The block read by :func:`_forgiving` with these repairs, or ``None`` when it still is no
    JSON; too deep a nesting or a number JSON has not is refused."""
    try:
        return _checked(Parsed(_forgiving(text), repairs, text), block, source)
    except json.JSONDecodeError:
        return None
    except RecursionError:
        _too_deep(block, source)
    except _NotJSONNumber as error:
        _bad_number(block, source, error)


def _forgiving(text: str) -> Any:
    """Python's parser with raw control characters allowed, reading numbers as the strict
    parser does (integers past 64 bits become floats), and refusing what it refuses: ``NaN``,
    ``Infinity`` and numbers too large for a double (its ``int`` would also stop at 4,300
    digits)."""
    return json.loads(
        text, strict=False, parse_int=_integer, parse_float=_float, parse_constant=_constant
    )


def _integer(literal: str) -> int | float:
    digits = len(literal.lstrip("-"))
    if digits < 20:
        return int(literal)
    return _float(literal)


def _float(literal: str) -> float:
    value = float(literal)
    if math.isinf(value):
        raise _NotJSONNumber(
            f"the number {literal[:20]}… is too large for JSON readers"
            if len(literal) > 20
            else f"the number {literal} is too large"
        )
    return value


def _constant(name: str) -> Any:
    raise _NotJSONNumber(f"{name} is not a JSON value")


def _bad_number(block: Block, source: str | None, error: ValueError) -> NoReturn:
    _refuse(
        block,
        source,
        f"not valid JSON: {error}",
        hint="write the value as a string, or a number in double range",
    )


def _checked(parsed: Parsed, block: Block, source: str | None) -> Parsed:
    """The parsed block, unless it nests deeper than :data:`MAX_DEPTH` (checked iteratively)
    or holds a lone surrogate (an escape such as ``"\\ud800"`` that is half a pair: the
    strict parser refuses it, the forgiving one would let it through)."""
    found = first_lone_surrogate(parsed.value)
    if found is not None:
        pointer, text, index = found
        _refuse(
            block,
            source,
            f"{surrogate_message(text, index)} (at {pointer or '/'})",
            code="jsonld.surrogate",
            hint="remove the lone \\uD8xx-\\uDFxx escape",
        )
    stack: list[tuple[Any, int]] = [(parsed.value, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            _too_deep(block, source)
        if isinstance(value, dict):
            items = list(value.values())
        elif isinstance(value, list):
            items = value
        else:
            continue
        stack.extend((item, depth + 1) for item in items if isinstance(item, dict | list))
    return parsed


def _too_deep(block: Block, source: str | None) -> NoReturn:
    _refuse(
        block,
        source,
        f"the JSON nests deeper than {MAX_DEPTH} levels; refusing it",
        hint="real markup is never that deep; flatten it with @id references",
    )


def _refuse(
    block: Block,
    source: str | None,
    message: str,
    *,
    hint: str = "fix the JSON syntax at that position",
    code: str = "jsonld.syntax",
) -> NoReturn:
    """A syntax error placed at the block's start (for what has no finer position)."""
    raise BlockSyntaxError(
        message,
        block=block,
        line=block.line,
        column=block.column,
        source=source,
        hint=hint,
        code=code,
    )


def _strip_comments_and_commas(text: str) -> tuple[str, list[str]]:
    """Blank JavaScript comments and trailing commas outside strings; say which were found."""
    out = list(text)
    found: list[str] = []
    index, length = 0, len(text)
    in_string = False
    last_comma: int | None = None
    while index < length:
        char = text[index]
        if in_string:
            if char == "\\":
                index += 2
                continue
            if char == '"':
                in_string = False
            index += 1
            continue
        if char == '"':
            in_string = True
            last_comma = None
        elif char == "/" and text.startswith("//", index):
            stop = text.find("\n", index)
            stop = length if stop < 0 else stop
            out[index:stop] = [" "] * (stop - index)
            _note(found, "JavaScript comments")
            index = stop
            continue
        elif char == "/" and text.startswith("/*", index):
            stop = text.find("*/", index + 2)
            stop = length if stop < 0 else stop + 2
            out[index:stop] = [c if c == "\n" else " " for c in text[index:stop]]
            _note(found, "JavaScript comments")
            index = stop
            continue
        elif char == ",":
            last_comma = index
        elif char in "}]":
            if last_comma is not None:
                out[last_comma] = " "
                _note(found, "trailing commas")
            last_comma = None
        elif not char.isspace():
            last_comma = None
        index += 1
    return "".join(out), found


def _note(found: list[str], what: str) -> None:
    if what not in found:
        found.append(what)


__all__ = ["MAX_DEPTH", "Block", "BlockSyntaxError", "Parsed", "parse_block"]
