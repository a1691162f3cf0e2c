"""MkDocs hook: fill ``<!-- model-fields: Name -->`` markers with a table built from the model.

The model reference must never drift from the code, so its field tables are generated at build
time from the pydantic models themselves (names, types, required or not, descriptions).
"""

from __future__ import annotations

import re
import types
import typing
from typing import Any

MARKER = re.compile(r"^<!-- model-fields: (\w+) -->$", re.MULTILINE)


def on_page_markdown(markdown: str, **_: Any) -> str:
    return MARKER.sub(lambda match: field_table(match.group(1)), markdown)


def field_table(name: str) -> str:
    from newsmodel import models

    model = getattr(models, name)
    rows = ["| field | type | required | meaning |", "|---|---|---|---|"]
    for field, info in model.model_fields.items():
        meaning = (info.description or "").replace("|", "\\|")
        required = "yes" if info.is_required() else "no"
        rows.append(f"| `{field}` | {type_name(info.annotation)} | {required} | {meaning} |")
    return "\n".join(rows)


def type_name(annotation: Any) -> str:
    """A short readable type: ``list[Person]``, ``str | None``, ``PartialDate``."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return type_name(args[0])
    if origin in (typing.Union, types.UnionType):
        return " \\| ".join(type_name(arg) for arg in args)
    if origin is list:
        return f"list[{type_name(args[0])}]"
    if annotation is type(None):
        return "None"
    return getattr(annotation, "__name__", str(annotation))
