"""How a message quotes the bad value: short, unambiguous, and safe for any parsed JSON value.

Every validator quotes values the same way.  ``orjson`` cannot write integers past 64 bits (a
JSON-LD ``wordCount`` of 30 digits), and ``str`` of an integer stops at 4,300 digits, so those
are rendered by hand.
"""

from __future__ import annotations

from typing import Any

import orjson

MAX_QUOTE = 80
"""Longer renderings are cut, with an ellipsis."""


def quote(value: Any) -> str:
    """``'text'`` for a string, the JSON for anything else, at most :data:`MAX_QUOTE` long."""
    if isinstance(value, str):
        text = repr(value)
    elif isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 63:
        bits = value.bit_length()
        text = str(value) if bits < 256 else f"an integer of {bits} bits"
    else:
        try:
            text = orjson.dumps(value).decode("utf-8")
        except orjson.JSONEncodeError:  # a value no JSON parser gives (NaN from a repair...)
            text = repr(value)
    return text if len(text) <= MAX_QUOTE else text[: MAX_QUOTE - 1] + "…"


__all__ = ["MAX_QUOTE", "quote"]
