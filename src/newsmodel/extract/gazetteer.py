"""The gazetteer: known places and organisations, found in a token sequence in any inflected form.

Knowledge lives in hand-reviewed data files in ``extract/lexicon/`` (general knowledge, never
harvested from evaluation data).  Inflected forms are precomputed with pymorphy3 by
``tools/build_lexicon_forms.py`` into ``lexicon/forms.tsv``, so matching needs no morphology at
run time; ``lexicon/forms_index.tsv`` inverts it (form -> lines, :mod:`.lexicon_index`), so
loading is one dictionary of strings (about 15 ms, once per process) and a form's entry is
made only when a text holds it.

Matching rules, chosen so a match is worth trusting without further checks:

* names and alternate names match in any grammatical case; a name must start with a capital
  letter in the text (``Суми`` the city, not ``суми`` the sums; ``Червоний Хрест``), unless a
  later word is a proper noun (``міністерство оборони України`` is often written so);
* a few one-word names that are also common words (flag ``ambiguous`` in the data) do not match
  at the start of a sentence, where every word is capitalised;
* acronyms (``США``, ``КНДР``, ``NATO``) match case-sensitively, as written: ``сша`` is not
  an acronym in running text, and lower-cased acronyms are too often ordinary words;
* adjectives and demonyms match in any case, gender and number (``російських``, ``росіяни``);
* the longest match wins, matches never overlap, and apostrophe variants (’ ʼ ') are one;
* a "bare" name (``~`` in the data: ``МЗС``, ``Генштаб``, ``Міноборони``) names its entry
  (Ukraine's ministry) only when no country is attached: ``МЗС Китаю`` and ``російське
  Міноборони`` are left to the recogniser, which builds those names from head words;
* a one-word form that is also an adjective form (``Донецька``, genitive of Донецьк, and
  feminine of донецький) does not match before a capitalised word or an administrative noun
  (``Донецька ОВА``, ``Покровська міська рада``), where it is part of another name, nor after
  a capitalised word inside a sentence (``Богдана Хмельницького``), where it is a surname.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import compress
from typing import Literal, NamedTuple, cast

from newsmodel.extract.lexicon_data import (
    BARE,
    FLAGS,
    LEXICON_PACKAGE,
    ORGANISATION_FILES,
    PLACE_FILES,
    SOURCE_FILES,
    SOURCES,
    EntryTable,
    EntryType,
    LexiconEntry,
    OrganisationHead,
    SourceRecord,
    abbreviations,
    apostrophe_variants,
    document_heads,
    is_acronym,
    legal_forms,
    normalise,
    organisation_head_words,
    organisation_heads,
    product_brands,
    read,
    sentence_start_words,
    source_records,
    sources_digest,
    title_heads,
    unify_apostrophes,
    work_heads,
)
from newsmodel.extract.lexicon_index import FORMS_FILE, FORMS_INDEX, LazyMapping, read_index
from newsmodel.extract.place_context import SETTLEMENT_KINDS, names_a_facility, proper_name

Via = Literal["name", "adjective", "demonym"]
Mode = Literal["exact", "upper", "inner", "any"]
"""How a form must appear in text to match: ``exact`` as written (acronyms); ``upper`` with a
capital first letter; ``inner`` capitalised and not first in its sentence; ``any`` anyhow."""
Guard = Literal["-", "bare", "adj"]
"""Context a form needs: none; no place attached (``bare``); no noun it could modify (``adj``)."""
GENERATED_PREFIX = "gn-"
"""Keys of entries ``tools/build_geonames.py`` generates (``gn-<GeoNames id>``)."""

_SENTENCE_OPENERS = frozenset({".", "!", "?", "…", "...", "«", "“", "„", '"', ":", "—", "–"})
_ADMIN_STEMS = (
    "облас",
    "міськ",
    "район",
    "селищ",
    "сільськ",
    "народн",
    "військов",
    "громад",
    "атомн",
    "теплов",
    "окруж",
    "єпарх",
    "дивіз",
    "бригад",
    "губерн",
    "округ",
)
_GUARDS: frozenset[str] = frozenset({"-", "bare", "adj"})
_VIAS: frozenset[str] = frozenset({"name", "adjective", "demonym"})
_MODES: frozenset[str] = frozenset({"exact", "upper", "inner", "any"})


class LexiconMatch(NamedTuple):
    """Tokens ``start:end`` name ``entry`` directly, or through its adjective or demonym (a
    named tuple: a text makes dozens, cheaper to build than a frozen dataclass)."""

    entry: LexiconEntry
    start: int
    end: int
    via: Via


# --------------------------------------------------------------------------- the index


@dataclass(frozen=True, slots=True)
class _Form:
    entry: LexiconEntry
    via: Via
    mode: Mode
    guard: Guard
    exact: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Index:
    forms: LazyMapping[tuple[_Form, ...]]
    reach: dict[str, int]
    """Every key a form can start at (a form's own key or its first word's), to the words of
    the longest form starting there: one look-up a token tells whether any form starts at it
    and how far to try."""
    entries: EntryTable


@functools.cache
def _index() -> _Index:
    forms, longest = read_index(FORMS_INDEX, sections=2)
    lines = read(FORMS_FILE).splitlines()
    entries = EntryTable(SOURCES)

    def parse(key: str, numbers: str) -> tuple[_Form, ...]:
        return tuple(
            form
            for number in numbers.split(",")
            for form in _forms_of(entries, lines, int(number), key)
        )

    return _Index(
        forms=LazyMapping(forms, parse),
        # a one-word form reaches one word, unless a longer form starts with that word
        reach=dict.fromkeys(forms, 1) | {first: int(words) for first, words in longest.items()},
        entries=entries,
    )


def _forms_of(entries: EntryTable, lines: list[str], number: int, key: str) -> Iterator[_Form]:
    """The forms of line ``number`` of ``forms.tsv`` that match as ``key``, in line order."""
    line = lines[number - 1]
    cells = line.split("\t")
    if len(cells) != 5:
        raise ValueError(f"{FORMS_FILE}:{number}: bad line {line[:60]!r}; rebuild the forms")
    name, via, mode, guard, written = cells
    found = entries.get(name)
    if found is None or via not in _VIAS or mode not in _MODES or guard not in _GUARDS:
        raise ValueError(f"{FORMS_FILE}:{number}: bad line {line[:60]!r}; rebuild the forms")
    shared = _Form(found, cast(Via, via), cast(Mode, mode), cast(Guard, guard))
    for form in written.split("|"):
        if mode != "exact" and form == key:
            yield shared
        elif mode == "exact" and form.lower() == key:
            yield _Form(found, "name", "exact", shared.guard, tuple(form.split(" ")))


@functools.cache
def _lower_case_name(key: str) -> bool:
    """Whether a generated entry has a name the data writes in lower case (``селище
    Енергетиків``): such an entry matches without a proper name at its start."""
    found = entry(key)
    return any(name[:1].islower() for name in (found.name, *found.alternate_names))


@functools.cache
def _words() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Adjectives and demonyms (normalised) to the key of their entry; countries' keys to their
    capital's.  Read from the full data files: only the look-ups by lemma below need them."""
    records = source_records()
    adjectives = {normalise(a): r.entry.key for r in records for a in r.adjectives}
    demonyms = {normalise(d): r.entry.key for r in records for d in r.demonyms}
    capitals = {r.entry.key: r.capital for r in records if r.capital}
    return adjectives, demonyms, capitals


# --------------------------------------------------------------------------- public API


def _accepts(form: _Form, tokens: Sequence[str], start: int) -> bool:
    key = form.entry.key
    if (
        key.startswith(GENERATED_PREFIX)
        and not proper_name(tokens[start])
        and not _lower_case_name(key)
    ):
        return False
    if form.mode == "any":
        return True
    if form.mode == "exact":
        span = tokens[start : start + len(form.exact)]
        return tuple(map(unify_apostrophes, span)) == form.exact
    if not tokens[start][:1].isupper():
        return False
    return form.mode == "upper" or (start > 0 and tokens[start - 1] not in _SENTENCE_OPENERS)


def find_matches(tokens: Sequence[str]) -> list[LexiconMatch]:
    """Longest, non-overlapping matches of any inflected form of any entry name, alternate name,
    acronym, adjective or demonym in a token sequence.

    Tokens are as they appear in text, split like ``tokenize_uk.tokenize_words`` (hyphenated words
    and inner apostrophes kept whole, punctuation apart).  Names match in any grammatical case
    (``Курської області``, ``у Пхеньяні``), capitalised unless a later word is a proper noun;
    acronyms only as written (``США`` but not ``сша``); adjectives and demonyms in any case,
    gender and number (``російських``, ``північнокорейська``, ``росіяни``).  Scanning is left to
    right, taking the longest form that starts at each token; see the module notes for the rest.
    """
    index = _index()
    keys = list(map(normalise, tokens))
    matches: list[LexiconMatch] = []
    taken = 0  # tokens before this are inside a match
    # the tokens a form can start at, by a C loop: most tokens start none
    for start in compress(range(len(keys)), map(index.reach.__contains__, keys)):
        if start < taken:
            continue
        previous = matches[-1] if matches and matches[-1].end == start else None
        found = _longest_at(index, tokens, keys, start, previous)
        if found is not None:
            form, taken = found
            matches.append(LexiconMatch(form.entry, start, taken, form.via))
    return matches


def _longest_at(
    index: _Index,
    tokens: Sequence[str],
    keys: list[str],
    start: int,
    previous: LexiconMatch | None,
) -> tuple[_Form, int] | None:
    key = keys[start]
    limit = index.reach.get(key, 0)
    for length in range(min(limit, len(keys) - start), 0, -1):
        phrase = key if length == 1 else " ".join(keys[start : start + length])
        for form in index.forms.get(phrase) or ():
            if not _accepts(form, tokens, start):
                continue
            end = start + length
            if form.guard == "bare" and _attached(index, tokens, keys, end, previous):
                continue
            if form.guard == "adj" and _adjectival(tokens, keys, start, end):
                continue
            settlement = form.via == "name" and form.entry.kind in SETTLEMENT_KINDS
            if settlement and names_a_facility(tokens, keys, start, end):
                continue
            return form, end
    return None


def _adjectival(tokens: Sequence[str], keys: list[str], start: int, end: int) -> bool:
    """Whether an adjective-like form is a modifier or a surname here rather than a place.

    It modifies a capitalised word or an administrative noun after it (``Донецька ОВА``), or
    is a surname after a first name inside a sentence (``Богдана Хмельницького``).
    """
    if end < len(keys) and (tokens[end][:1].isupper() or keys[end].startswith(_ADMIN_STEMS)):
        return True
    if start >= 2 and tokens[start - 1] == "." and _is_initial(tokens[start - 2]):
        return True  # Б . Хмельницький
    if start == 0 or not tokens[start - 1][:1].isupper() or is_acronym(tokens[start - 1]):
        return False
    return start >= 2 and tokens[start - 2] not in _SENTENCE_OPENERS


def _is_initial(token: str) -> bool:
    return len(token) == 1 and token.isupper()


def _attached(
    index: _Index,
    tokens: Sequence[str],
    keys: list[str],
    end: int,
    previous: LexiconMatch | None,
) -> bool:
    """Whether a place is attached to a bare name: an adjective before it, a name after it."""
    if previous is not None and previous.via == "adjective":
        return True
    if end >= len(keys):
        return False
    following = _longest_at(index, tokens, keys, end, None)
    return following is not None and following[0].entry.type == "place"


def entry(key: str) -> LexiconEntry:
    """The entry with this key; a ``KeyError`` names the unknown key."""
    try:
        return _index().entries[key]
    except KeyError:
        raise KeyError(f"no lexicon entry with key {key!r}") from None


def entries() -> tuple[LexiconEntry, ...]:
    """Every entry, places first, in data-file order."""
    index = _index()
    return tuple(index.entries.values())


def adjective_entry(lemma: str) -> LexiconEntry | None:
    """The entry an adjective refers to: ``російський`` (or any form, ``російських``) -> Росія."""
    key = _words()[0].get(normalise(lemma))
    return entry(key) if key else _by_form(lemma, "adjective")


def demonym_entry(lemma: str) -> LexiconEntry | None:
    """The place a demonym refers to: ``росіянин`` (or any form, ``росіяни``) -> Росія."""
    key = _words()[1].get(normalise(lemma))
    return entry(key) if key else _by_form(lemma, "demonym")


def _by_form(word: str, via: Via) -> LexiconEntry | None:
    forms = _index().forms.get(normalise(word)) or ()
    return next((form.entry for form in forms if form.via == via), None)


def capital(key: str) -> LexiconEntry | None:
    """The capital city of a country entry, when the lexicon knows it."""
    city = _words()[2].get(key)
    return entry(city) if city else None


__all__ = [
    "BARE",
    "FLAGS",
    "GENERATED_PREFIX",
    "LEXICON_PACKAGE",
    "ORGANISATION_FILES",
    "PLACE_FILES",
    "SOURCE_FILES",
    "EntryType",
    "LexiconEntry",
    "LexiconMatch",
    "OrganisationHead",
    "SourceRecord",
    "abbreviations",
    "adjective_entry",
    "apostrophe_variants",
    "capital",
    "demonym_entry",
    "document_heads",
    "entries",
    "entry",
    "find_matches",
    "is_acronym",
    "legal_forms",
    "normalise",
    "organisation_head_words",
    "organisation_heads",
    "product_brands",
    "sentence_start_words",
    "source_records",
    "sources_digest",
    "title_heads",
    "unify_apostrophes",
    "work_heads",
]
