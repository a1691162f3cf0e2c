"""A compiled yes/no JSON Schema check that agrees exactly with the Python ``jsonschema`` one.

``jsonschema-rs`` (Rust) validates a rich article about a hundred times faster than the
pure-Python ``jsonschema``, but the two differ where the JSON Schema spec leaves room, and a
fast path that calls a document valid when ``jsonschema`` would not would hide errors.  So the
schema handed to ``jsonschema-rs`` is first rewritten to mean what ``jsonschema`` means, and
anything that cannot be rewritten with certainty turns the fast path off (``None``: every
document then takes the Python path, as before).

What differs, and what is done about it:

- ``pattern``: ``jsonschema`` uses Python's ``re``, ``jsonschema-rs`` an ECMA-262 dialect.
  Python's ``\\s`` is ``str.isspace`` (it includes U+001C-U+001F and U+0085, ECMA's does not,
  and ECMA's includes U+FEFF); Python's ``.`` excludes only ``\\n`` (ECMA's also ``\\r``,
  U+2028, U+2029); Python's ``$`` also matches before a final ``\\n``.  Patterns are rewritten
  token by token into explicit classes (``\\S`` -> ``[^<Python's whitespace>]``, ``.`` ->
  ``[^\\n]``, a final ``$`` -> ``\\n?$``).  Only a small, known grammar is rewritten (literals,
  ASCII classes, groups, alternation, quantifiers, ``\\s``/``\\S``, escaped punctuation); any
  other construct (``\\d``, ``\\w``, ``\\b``, look-arounds, flags, non-final ``$``...) raises
  :class:`Untranslatable` and the fast path is off.
- ``format``: ``jsonschema``'s format checks depend on which optional packages are installed
  (``uri`` needs ``rfc3987``...), so no fixed Rust behaviour can match them: a schema that uses
  ``format`` (or ``patternProperties``, whose keys would need the same rewriting) is
  untranslatable.  Our article schema uses neither today.
- Numbers: the documents come from ``orjson``, whose integers fit in 64 bits (larger ones
  become floats); ``integer`` accepts ``1.0`` and ``minimum`` compares the same in both.
  Checked in ``tests/unit/test_json_validate_fast.py``.
- String lengths count code points in both (astral characters count once).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any, Protocol

import jsonschema_rs

_SUBSCHEMA_MAPS = ("properties", "$defs", "definitions", "dependentSchemas")
_SUBSCHEMA = (
    "items",
    "not",
    "if",
    "then",
    "else",
    "contains",
    "additionalProperties",
    "propertyNames",
    "unevaluatedItems",
    "unevaluatedProperties",
    "additionalItems",
)
_SUBSCHEMA_LISTS = ("anyOf", "allOf", "oneOf", "prefixItems")
_UNTRANSLATABLE_KEYWORDS = ("format", "patternProperties", "$dynamicRef", "$recursiveRef")
_PUNCTUATION = frozenset(r"\.^$|?*+()[]{}/")
"""Characters whose escape means the character itself in both dialects (ECMA's syntax
characters and ``/``).  Others are not passed through: ``\\<`` is ``<`` to Python but a word
boundary to jsonschema-rs."""
_CLASS_PUNCTUATION = _PUNCTUATION | {"-"}
_CLASS_SET_OPERATORS = ("--", "&&", "~~")
"""Set operations in a class (``[a--b]``) that ECMA's ``v`` mode or Python's future syntax
read differently: untranslatable."""
_QUANTIFIER = re.compile(r"\{\d+(,\d*)?\}")


class FastValidator(Protocol):
    """The one question the fast path asks."""

    def is_valid(self, instance: Any) -> bool: ...


class Untranslatable(ValueError):  # noqa: N818 (a reason, not a failure the user sees)
    """A schema construct whose meaning in ``jsonschema-rs`` cannot be made Python's."""


def fast_validator(schema: dict[str, Any]) -> FastValidator | None:
    """A compiled validator agreeing with ``jsonschema``'s verdict, or ``None`` if none can."""
    try:
        translated = python_dialect(schema)
    except Untranslatable:
        return None
    try:
        validator: FastValidator = jsonschema_rs.Draft202012Validator(translated)
    except jsonschema_rs.ValidationError:
        return None  # a schema jsonschema-rs refuses (a regex it cannot compile): no fast path
    return validator


def python_dialect(schema: Any) -> Any:
    """A copy of ``schema`` whose patterns mean in ECMA-262 what they mean in Python's ``re``."""
    if isinstance(schema, bool):
        return schema
    if not isinstance(schema, dict):
        raise Untranslatable(f"a subschema that is neither an object nor a boolean: {schema!r}")
    for keyword in _UNTRANSLATABLE_KEYWORDS:
        if keyword in schema:
            raise Untranslatable(f"the schema uses {keyword!r}")
    result = dict(schema)
    if isinstance(schema.get("pattern"), str):
        result["pattern"] = translate_pattern(schema["pattern"])
    for keyword in _SUBSCHEMA_MAPS:
        if isinstance(schema.get(keyword), dict):
            result[keyword] = {name: python_dialect(sub) for name, sub in schema[keyword].items()}
    for keyword in _SUBSCHEMA:
        if keyword in schema:
            result[keyword] = python_dialect(schema[keyword])
    for keyword in _SUBSCHEMA_LISTS:
        if isinstance(schema.get(keyword), list):
            result[keyword] = [python_dialect(sub) for sub in schema[keyword]]
    return result


@cache
def python_whitespace() -> str:
    """Every character Python's ``re`` calls ``\\s`` in a str pattern (``str.isspace``), as
    ECMA ``\\uXXXX`` escapes; all lie in the Basic Multilingual Plane (a test checks the rest)."""
    return "".join(f"\\u{code:04x}" for code in range(0x10000) if chr(code).isspace())


def translate_pattern(pattern: str) -> str:
    """Python ``re`` pattern -> an ECMA-262 pattern matching exactly the same strings.

    Raises :class:`Untranslatable` for anything outside the small grammar described in the
    module docstring.
    """
    out: list[str] = []
    index, length = 0, len(pattern)
    previous_is_atom = False
    while index < length:
        char = pattern[index]
        if char == "\\":
            escaped = pattern[index + 1 : index + 2]
            if escaped == "S":
                out.append(f"[^{python_whitespace()}]")
            elif escaped == "s":
                out.append(f"[{python_whitespace()}]")
            elif escaped and escaped in _PUNCTUATION:
                out.append("\\" + escaped)
            else:
                raise Untranslatable(f"escape \\{escaped} in {pattern!r}")
            index += 2
            previous_is_atom = True
        elif char == "[":
            end = _class_end(pattern, index)
            out.append(pattern[index : end + 1])
            index = end + 1
            previous_is_atom = True
        elif char == ".":
            out.append("[^\\n]")
            index += 1
            previous_is_atom = True
        elif char == "$":
            if index != length - 1:
                raise Untranslatable(f"'$' before the end of {pattern!r}")
            out.append("\\n?$")
            index += 1
            previous_is_atom = False
        elif char == "(":
            if pattern.startswith("(?", index) and not pattern.startswith("(?:", index):
                raise Untranslatable(f"group syntax {pattern[index : index + 3]!r} in {pattern!r}")
            size = 3 if pattern.startswith("(?:", index) else 1
            out.append(pattern[index : index + size])
            index += size
            previous_is_atom = False
        elif char == "{":
            match = _QUANTIFIER.match(pattern, index)
            if match is None or not previous_is_atom:
                raise Untranslatable(f"literal '{{' in {pattern!r}")
            out.append(match.group())
            index = match.end()
            previous_is_atom = False
        elif char in "?*+":
            if not previous_is_atom and not (char == "?" and out and out[-1][-1] in "?*+}"):
                raise Untranslatable(f"quantifier {char!r} with nothing to repeat in {pattern!r}")
            out.append(char)
            index += 1
            previous_is_atom = False
        elif char in "]}":
            raise Untranslatable(f"unbalanced {char!r} in {pattern!r}")
        else:
            # '^' (start of string in both: no multiline flag), ')', '|' and literal characters.
            out.append(char)
            index += 1
            previous_is_atom = char not in "^|"
    return "".join(out)


def _class_end(pattern: str, start: int) -> int:
    """Index of the ']' closing the class at ``start``: printable ASCII members only."""
    index = start + 1
    if pattern.startswith("^", index):
        index += 1
    if pattern.startswith("]", index):
        raise Untranslatable(f"']' first in a class in {pattern!r}")
    while index < len(pattern):
        char = pattern[index]
        if char == "]":
            return index
        if char == "\\":
            escaped = pattern[index + 1 : index + 2]
            if not escaped or escaped not in _CLASS_PUNCTUATION:
                raise Untranslatable(f"escape \\{escaped} in a class in {pattern!r}")
            index += 2
            continue
        if char == "[" or not (" " <= char <= "~"):
            raise Untranslatable(f"class member {char!r} in {pattern!r}")
        if pattern.startswith(_CLASS_SET_OPERATORS, index):
            raise Untranslatable(f"set operation in a class in {pattern!r}")
        index += 1
    raise Untranslatable(f"unterminated class in {pattern!r}")
