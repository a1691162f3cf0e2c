"""The lexicon's data files as written: entries, their flags, and the word lists.

Split from :mod:`newsmodel.extract.gazetteer` (which matches the entries in text and
re-exports these names): this module only reads and checks the hand-reviewed files of
``extract/lexicon/`` and knows nothing of matching.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Literal

from newsmodel.models import PlaceKind

EntryType = Literal["place", "organisation"]
LEXICON_PACKAGE = "newsmodel.extract.lexicon"
FLAGS = frozenset({"ambiguous", "fixed", "unmatched"})
"""Data flags: ``ambiguous`` names are also common words (not matched at a sentence start);
``fixed`` names never inflect; ``unmatched`` names are too often something else (``Софія``, a
capital and a first name) to be matched by one word at all."""
BARE = "~"
PLACE_FILES = (
    "places_countries.tsv",
    "places_regions.tsv",
    "places_cities.tsv",
    "places_other.tsv",
    "places_geonames.tsv",
)
ORGANISATION_FILES = ("organisations.tsv",)
SOURCE_FILES = PLACE_FILES + ORGANISATION_FILES
SOURCES: tuple[tuple[str, EntryType], ...] = tuple(
    (name, "place" if name in PLACE_FILES else "organisation") for name in SOURCE_FILES
)
"""The entry files and the type of their entries, places first."""

_APOSTROPHES = str.maketrans(dict.fromkeys("’ʼ`′‘", "'"))
_PLACE_KINDS = frozenset(PlaceKind)


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """One known place or organisation, under the name an editor indexes it by."""

    key: str
    type: EntryType
    kind: str | None
    name: str
    alternate_names: tuple[str, ...]
    country: str | None
    parent: str | None


@dataclass(frozen=True, slots=True)
class SourceRecord:
    """An entry as written in the data files, with what only the forms builder needs."""

    entry: LexiconEntry
    adjectives: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str | None
    flags: frozenset[str]
    bare_names: frozenset[str] = frozenset()
    extra_forms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class OrganisationHead:
    """A head word that starts an organisation name (``міністерство`` оборони України).

    ``needs_modifier``: the bare word is never a name (``служба``), only with what follows it.
    """

    lemma: str
    needs_modifier: bool


@functools.lru_cache(maxsize=1 << 16)
def unify_apostrophes(token: str) -> str:
    """``Куп’янськ`` and ``Кам'янець`` spelled with the one apostrophe ``'`` (cached: a
    translation of Cyrillic text costs microseconds, and words repeat)."""
    return token.translate(_APOSTROPHES)


@functools.lru_cache(maxsize=1 << 16)
def normalise(token: str) -> str:
    """The matching key of a token: lower case, one apostrophe (cached: words repeat)."""
    return token.translate(_APOSTROPHES).lower()


def apostrophe_variants(words: Iterable[str]) -> frozenset[str]:
    """The words as written with any of the apostrophes texts use (``об’єднання``,
    ``об'єднання``, ``обʼєднання``): the morphology keeps the text's own apostrophe in lemmas."""
    return frozenset(
        variant
        for word in words
        for variant in (word, word.replace("'", "’"), word.replace("'", "ʼ"))
    )


def is_acronym(token: str) -> bool:
    """``США``, ``G7``, ``NATO``: no lower-case letter, at least one capital, two characters."""
    return len(token) >= 2 and token.upper() == token and any(c.isupper() for c in token)


def read(name: str) -> str:
    """The text of a data file of ``extract/lexicon/``."""
    return resources.files(LEXICON_PACKAGE).joinpath(name).read_text(encoding="utf-8")


def parse_rows(name: str, text: str) -> Iterable[tuple[int, dict[str, str]]]:
    """The data rows of a TSV file with a header, skipping blank and ``#`` lines."""
    header: list[str] | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if header is None:
            header = line.split("\t")
            continue
        yield number, parse_row(name, number, header, line)


def parse_row(name: str, number: int, header: list[str], line: str) -> dict[str, str]:
    """One data line of a TSV file as column -> stripped cell (missing cells empty)."""
    cells = line.split("\t")
    if len(cells) > len(header):
        raise ValueError(f"{name}:{number}: {len(cells)} cells, header has {len(header)}")
    cells += [""] * (len(header) - len(cells))
    return {column: cell.strip() for column, cell in zip(header, cells, strict=True)}


def split_cell(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def parse_record(name: str, number: int, row: dict[str, str], type_: EntryType) -> SourceRecord:
    where = f"{name}:{number}"
    key = row.get("key", "")
    if not key or not key.isascii() or key != key.lower() or " " in key:
        raise ValueError(f"{where}: key {key!r} must be a lower-case ASCII slug")
    kind: str | None = None
    if type_ == "place":
        kind = row.get("kind", "")
        if kind not in _PLACE_KINDS:
            raise ValueError(f"{where}: kind {kind!r} is not a PlaceKind")
    flags = frozenset(split_cell(row.get("flags", "")))
    if not flags <= FLAGS:
        raise ValueError(f"{where}: unknown flags {sorted(flags - FLAGS)}")
    if not row.get("name"):
        raise ValueError(f"{where}: an entry needs a name")
    alternates = split_cell(row.get("alternates", ""))
    return SourceRecord(
        entry=LexiconEntry(
            key=key,
            type=type_,
            kind=kind,
            name=row["name"],
            alternate_names=tuple(name.removeprefix(BARE) for name in alternates),
            country=row.get("country") or None,
            parent=row.get("parent") or None,
        ),
        adjectives=split_cell(row.get("adjectives", "")),
        demonyms=split_cell(row.get("demonyms", "")),
        capital=row.get("capital") or None,
        flags=flags,
        bare_names=frozenset(n.removeprefix(BARE) for n in alternates if n.startswith(BARE)),
        extra_forms=split_cell(row.get("forms", "")),
    )


@functools.cache
def source_records() -> tuple[SourceRecord, ...]:
    """Every entry of the data files, in file order, each row checked; keys are unique across
    all files.  (The gazetteer makes entries one by one, :class:`EntryTable`; the tools and
    the tests read them all here.)"""
    records = [
        parse_record(name, number, row, type_)
        for name, type_ in SOURCES
        for number, row in parse_rows(name, read(name))
    ]
    seen: set[str] = set()
    for record in records:
        if record.entry.key in seen:
            raise ValueError(f"lexicon key {record.entry.key!r} is defined twice")
        seen.add(record.entry.key)
    return tuple(records)


def sources_digest() -> str:
    """SHA-256 of the source data files: ``forms.tsv`` records the digest it was built from."""
    import hashlib  # loads OpenSSL: only the tools and the tests need a digest

    digest = hashlib.sha256()
    for name in SOURCE_FILES:
        digest.update(name.encode())
        digest.update(read(name).encode("utf-8"))
    return digest.hexdigest()


class EntryTable(Mapping[str, LexiconEntry]):
    """Entries by key, each made from its line of the data files when first asked for: a
    process needs the few its articles name, not the seven thousand the files hold.  Only
    the keys are read up front (a key defined twice is an error at once); a bad row is
    reported when its entry is made, and :func:`source_records` (which the tests run) checks
    every row."""

    __slots__ = ("_made", "_rows")

    def __init__(self, files: Sequence[tuple[str, EntryType]]) -> None:
        self._rows: dict[str, tuple[str, int, list[str], str, EntryType]] = {}
        self._made: dict[str, LexiconEntry] = {}
        for name, type_ in files:
            self._add(name, read(name), type_)

    def _add(self, name: str, text: str, type_: EntryType) -> None:
        header: list[str] | None = None
        column = 0
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            if header is None:
                header = line.split("\t")
                column = header.index("key") if "key" in header else 0
                continue
            key = line.split("\t", column + 1)[column].strip()
            if key in self._rows:
                raise ValueError(f"lexicon key {key!r} is defined twice")
            self._rows[key] = (name, number, header, line, type_)

    def __getitem__(self, key: str) -> LexiconEntry:
        made = self._made.get(key)
        if made is None:
            name, number, header, line, type_ = self._rows[key]
            row = parse_row(name, number, header, line)
            made = self._made.setdefault(key, parse_record(name, number, row, type_).entry)
        return made

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


@functools.cache
def organisation_head_words() -> tuple[OrganisationHead, ...]:
    """Organisation head words and their ``needs_modifier`` flag (``organisation_heads.tsv``)."""
    heads: list[OrganisationHead] = []
    for number, row in parse_rows("organisation_heads.tsv", read("organisation_heads.tsv")):
        flag = row.get("needs_modifier", "")
        if not row.get("lemma") or flag not in {"yes", "no"}:
            raise ValueError(f"organisation_heads.tsv:{number}: need a lemma and yes/no")
        heads.append(OrganisationHead(normalise(row["lemma"]), needs_modifier=flag == "yes"))
    return tuple(heads)


@functools.cache
def organisation_heads() -> frozenset[str]:
    """Lemmas that start an organisation name (``міністерство``, ``рада``, ``збройні сили``)."""
    return frozenset(head.lemma for head in organisation_head_words())


def _word_list(name: str) -> frozenset[str]:
    lines = (line.split("#", 1)[0].strip() for line in read(name).splitlines())
    return frozenset(normalise(line) for line in lines if line)


@functools.cache
def title_heads() -> frozenset[str]:
    """Job-title head lemmas (``міністр``, ``посол``, ``речник``), from ``title_heads.txt``."""
    return _word_list("title_heads.txt")


@functools.cache
def abbreviations() -> dict[str, str]:
    """Dictionary abbreviations and what they name, ``institution`` or ``thing`` (from
    ``abbreviations.tsv``), keyed as written (``РДА``)."""
    table = {}
    for number, line in enumerate(read("abbreviations.tsv").splitlines(), start=1):
        if not line or line.startswith(("#", "abbreviation\t")):
            continue
        abbreviation, kind, _meaning = line.split("\t")
        if kind not in ("institution", "thing"):
            raise ValueError(f"abbreviations.tsv:{number}: kind {kind!r} is not institution/thing")
        table[abbreviation] = kind
    return table


@functools.cache
def product_brands() -> frozenset[str]:
    """Brands that name products with their models (``Toyota``, ``Skoda``), lower case."""
    return _word_list("product_brands.txt")


@functools.cache
def legal_forms() -> frozenset[str]:
    """Words that end a company name in Latin script (``Limited``, ``GmbH``), lower case."""
    return _word_list("legal_forms.txt")


@functools.cache
def document_heads() -> frozenset[str]:
    """Head lemmas of documents and symbols named after a place (``кодекс``, ``герб``)."""
    return _word_list("document_heads.txt")


@functools.cache
def work_heads() -> frozenset[str]:
    """Head lemmas of works, awards and products named by a quoted title (``роман``, ``орден``)."""
    return _word_list("work_heads.txt")


@functools.cache
def thing_heads() -> frozenset[str]:
    """Head lemmas of things and happenings whose name follows them (``вакцина``, ``хвороба``,
    ``кампанія``): that name is no person, organisation or place."""
    return _word_list("thing_heads.txt")


@functools.cache
def speech_verbs() -> frozenset[str]:
    """Lemmas of verbs of speech (``заявити``, ``сказати``)."""
    return _word_list("speech_verbs.txt")


@functools.cache
def latin_given_names() -> frozenset[str]:
    """Given names common in Latin-script text (``donald``, ``tim``), as matching keys."""
    return _word_list("latin_given_names.txt")


@functools.cache
def sentence_start_words() -> frozenset[str]:
    """Common words that are no entity when capitalised at a sentence start (``Також``)."""
    return _word_list("sentence_start_words.txt")
