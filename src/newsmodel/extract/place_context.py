"""Where a settlement's name in a text names the settlement itself, and where it does not.

Used by the gazetteer's matching (:mod:`newsmodel.extract.gazetteer`): a name generated from
GeoNames must be written as a name, and no settlement's name inside a station, airport or
river phrase (``Південного вокзалу``, ``аеропорт «Бориспіль»``, ``річка Почайна``) is the
settlement: a station, an airport or a river is another kind of place, and no link is better
than a wrong one.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsmodel.extract.lexicon_data import is_acronym

SETTLEMENT_KINDS = frozenset({"city", "settlement"})
_STATION_STEMS = ("вокзал", "залізничн", "автовокзал", "аеропорт", "летовищ")
_FACILITY_STEMS = (*_STATION_STEMS, "станці", "платформ", "зупинк", "аероклуб")
_RIVER_STEMS = ("річк", "ріка", "ріки", "ріці", "ріку", "рікою", "озер", "водосховищ")
_QUOTES = frozenset({"«", "“", "„", '"'})
"""Words that make a settlement's name another kind of place (see :func:`names_a_facility`)."""


def proper_name(token: str) -> bool:
    """A generated (GeoNames) name is written as a name: capitalised, no acronym (``ДАБІ`` is
    an inspectorate, not the locative of ``Даб``; ``на правому березі`` is a river bank).
    The gazetteer waives it for entries the data writes in lower case (``селище Енергетиків``)."""
    return token[:1].isupper() and not is_acronym(token)


def names_a_facility(tokens: Sequence[str], keys: list[str], start: int, end: int) -> bool:
    """Whether a settlement's name here names a station, airport or river instead: followed by
    a station noun (``Південного вокзалу``), after a river noun (``річка Почайна``), or quoted
    after an airport or station noun (``аеропорт «Бориспіль»``; ``аеропорт Києва`` is Kyiv's)."""
    if end < len(keys) and keys[end].startswith(_STATION_STEMS):
        return True
    before = start - 1
    quoted = before >= 0 and tokens[before] in _QUOTES
    before -= quoted
    if before < 0:
        return False
    word = keys[before]
    if word == "." and before >= 1:
        word = keys[before - 1] + "."  # р. Дністер
    return (
        word.startswith(_RIVER_STEMS)
        or word == "р."
        or (quoted and word.startswith(_FACILITY_STEMS))
    )


__all__ = ["SETTLEMENT_KINDS", "names_a_facility", "proper_name"]
