"""Merging mentions of one person: the same answers as comparing every pair, at a cost per
mention that does not grow with the number of people (issue 10 item 19)."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from newsmodel.extract.coreference import Registry
from newsmodel.extract.person_index import PersonIndex, fold, same_person, variant
from newsmodel.extract.recognizer import EntitySpan
from newsmodel.extract.tokens import tokenize


@dataclass
class _Person:
    name: str
    given: str | None
    family: str | None


def _pairwise_full(people: list[_Person], name: str, family: str | None) -> _Person | None:
    return next((p for p in people if same_person(p, name, family)), None)


def _pairwise_word(people: list[_Person], word: str) -> _Person | None:
    return next(
        (p for p in people if any(x and variant(x, word) for x in (p.family, p.given, p.name))),
        None,
    )


_LETTERS = st.sampled_from(list("абвгіиоклмн'"))
_WORD = st.text(_LETTERS, min_size=2, max_size=8).map(str.capitalize)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(_WORD, _WORD), min_size=1, max_size=12),
    st.tuples(_WORD, _WORD),
    _WORD,
)
def test_index_finds_what_the_pairwise_search_finds(
    names: list[tuple[str, str]], query: tuple[str, str], word: str
) -> None:
    people = [_Person(f"{g} {f}", g, f) for g, f in names]
    index: PersonIndex[_Person] = PersonIndex()
    for person in people:
        index.add(person)
    full = f"{query[0]} {query[1]}"
    assert index.full_name_match(full, query[1]) is _pairwise_full(people, full, query[1])
    assert index.one_word_match(word) is _pairwise_word(people, word)


def test_variants_are_found_by_key() -> None:
    index: PersonIndex[_Person] = PersonIndex()
    person = _Person("Віктор Горемікін", "Віктор", "Горемікін")
    index.add(person)
    assert index.one_word_match("Горемикін") is person  # і/и
    assert index.one_word_match("Горемікіна") is person  # one letter more
    assert index.full_name_match("Віктор Горемикін", "Горемикін") is person
    assert index.one_word_match("Гореміна") is None
    assert fold("Горем'якін") == "горем якин".replace(" ", "")


def _registry_of(people: int) -> tuple[Registry, int]:
    """A text naming ``people`` distinct people, each twice (full name, then surname)."""
    # two-letter chunks with no letter in common: two surnames differ in two letters or more
    chunks = ["бв", "гд", "жз", "кл", "мн", "пр", "ст", "фх"]
    names = [
        f"Петро О{chunks[i % 8]}а{chunks[(i // 8) % 8]}о{chunks[i // 64]}енко"
        for i in range(people)
    ]
    body = " ".join(f"{name} сказав. {name.split()[1]} пішов." for name in names)
    tokens = tokenize(body)
    registry = Registry(body, tokens)
    mentions = 0
    words = [t for t in tokens if t.is_word]
    position = 0
    for name in names:
        given, family = name.split()
        first = next(i for i in range(position, len(words)) if words[i].text == given)
        last = first + 1
        short = next(i for i in range(last + 1, len(words)) if words[i].text == family)
        position = short + 1
        for a, b in ((first, last), (short, short)):
            ta, tb = words[a], words[b]
            registry.person(EntitySpan(ta.start, tb.end, "PERS", None, None, ta.index, tb.index))
            mentions += 1
    return registry, mentions


def test_person_merging_cost_per_mention_does_not_grow() -> None:
    small, small_mentions = _registry_of(40)
    large, large_mentions = _registry_of(512)
    assert len([e for e in large.entities if e.kind == "PERS"]) == 512
    per_small = small.people.comparisons / small_mentions
    per_large = large.people.comparisons / large_mentions
    # pairwise comparing made this 16 times larger for 12.8 times the people
    assert per_large <= 2 * per_small + 1, (per_small, per_large)
