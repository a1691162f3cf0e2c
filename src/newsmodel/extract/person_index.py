"""Which person a name mention may belong to, found by key instead of by comparing all pairs.

Two spellings of one name are *variants* when they fold to the same key (case, ``і``/``и``
and apostrophes aside) or, from five letters on, differ by one letter after the first three
(``Горемікін``/``Горемикін``, ``Коваль``/``Ковальь``).  Comparing each mention with every
person known so far made the merging quadratic in the number of people (a 300 kB text of
many people took a minute); instead every person is filed under the keys of its names:
the folded spelling and that spelling with one letter deleted (from the fourth on).  Two
words one substitution or one insertion apart share such a key, so the keys give every
person that can match (and a few that cannot, which the exact test then rejects), and the
first matching person in the order they were met wins, exactly as the pairwise search did.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from typing import Generic, Protocol, TypeVar

_FOLD = str.maketrans("іїєґ’ʼ'", "иієг   ")
_KEEP = 3
"""Letters a variant never changes: the first three."""
_LONGEST_VARIANT = 64
"""Names longer than this (folded) are filed under their exact spelling only: no real name
is that long, and deletion keys of a hostile 10,000-letter word would cost its square."""


class Named(Protocol):
    """What the index reads of a person (``coreference.Entity``)."""

    name: str
    given: str | None
    family: str | None


def fold(text: str) -> str:
    """A key for spelling variants: lower case, ``і``/``и`` and apostrophes folded (once per
    distinct name: every mention of one asks it several times)."""
    return _fold(text) if len(text) <= _LONGEST_VARIANT else _folded(text)


@lru_cache(maxsize=100_000)
def _fold(text: str) -> str:
    return _folded(text)


def _folded(text: str) -> str:
    return text.lower().translate(_FOLD).replace(" ", "")


def variant(a: str, b: str) -> bool:
    """The same word up to a spelling variant (``Горемікін``/``Горемикін``) or one letter."""
    return _folded_variant(fold(a), fold(b))


def _folded_variant(fa: str, fb: str) -> bool:
    if fa == fb:
        return True
    if len(fa) < 5 or abs(len(fa) - len(fb)) > 1 or fa[:_KEEP] != fb[:_KEEP]:
        return False
    return _distance_at_most_one(fa, fb)


def _distance_at_most_one(a: str, b: str) -> bool:
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    if len(a) > len(b):
        a, b = b, a
    return any(a == b[:i] + b[i + 1 :] for i in range(len(b)))


def variant_keys(folded: str) -> frozenset[str]:
    """The keys two variants share at least one of: the word and the word less one letter
    (once per distinct name part)."""
    if not 5 <= len(folded) <= _LONGEST_VARIANT:
        return frozenset({folded})
    return _deletion_keys(folded)


@lru_cache(maxsize=100_000)
def _deletion_keys(folded: str) -> frozenset[str]:
    return frozenset({folded, *(folded[:i] + folded[i + 1 :] for i in range(_KEEP, len(folded)))})


def same_person(entity: Named, name: str, family: str | None) -> bool:
    """A full name names this person: the same spelling, or the same surname (up to a variant)
    with the same given name, or one of the two is a surname alone."""
    if fold(entity.name) == fold(name):
        return True
    if family and entity.family and variant(entity.family, family):
        mine, theirs = entity.name.split(), name.split()
        if len(mine) == 1 or len(theirs) == 1:
            return True
        # East Asian family names are shared by many: Кім Чен Ин is not Кім Чон Гю
        return (
            fold(" ".join(mine[:-1])) == fold(" ".join(theirs[:-1]))
            if len(mine) > 2
            else fold(mine[0]) == fold(theirs[0])
        )
    return False


@lru_cache(maxsize=100_000)
def _keys(
    name: str, given: str | None, family: str | None
) -> tuple[str, frozenset[str], frozenset[str]]:
    """A person's keys, once per distinct name: its folded name, its surname's variant keys,
    and the variant keys of its surname, given name and name together."""
    family_keys = variant_keys(fold(family)) if family else frozenset()
    part_keys = frozenset().union(
        *(variant_keys(fold(part)) for part in (family, given, name) if part)
    )
    return fold(name), family_keys, part_keys


P = TypeVar("P", bound=Named)


class PersonIndex(Generic[P]):
    """The people met so far, filed by the keys of their names (see the module docs)."""

    def __init__(self) -> None:
        self._order: dict[int, int] = {}
        self._people: dict[int, P] = {}
        self._by_name: defaultdict[str, set[int]] = defaultdict(set)
        self._by_family: defaultdict[str, set[int]] = defaultdict(set)
        self._by_part: defaultdict[str, set[int]] = defaultdict(set)
        self.comparisons = 0
        """How many people the exact test was run on: the cost a regression test counts."""

    def add(self, person: P) -> None:
        """File a person (again, after its name changed: old keys only give extra candidates)."""
        ident = id(person)
        self._order.setdefault(ident, len(self._order))
        self._people[ident] = person
        name_key, family_keys, part_keys = _keys(person.name, person.given, person.family)
        self._by_name[name_key].add(ident)
        by_family, by_part = self._by_family, self._by_part
        for key in family_keys:
            by_family[key].add(ident)
        for key in part_keys:
            by_part[key].add(ident)

    def full_name_match(self, name: str, family: str | None) -> P | None:
        """The first person a full name names (:func:`same_person`), or None."""
        candidates = set(self._by_name.get(fold(name), ()))
        if family:
            candidates.update(self._lookup(self._by_family, fold(family)))
        return self._first(candidates, lambda person: same_person(person, name, family))

    def one_word_match(self, word: str) -> P | None:
        """The first person whose surname, given name or name is a variant of one word."""
        folded = fold(word)

        def matches(person: P) -> bool:
            parts = (person.family, person.given, person.name)
            return any(part and _folded_variant(fold(part), folded) for part in parts)

        return self._first(self._lookup(self._by_part, folded), matches)

    def _lookup(self, index: defaultdict[str, set[int]], folded: str) -> Iterable[int]:
        for key in variant_keys(folded):
            yield from index.get(key, ())

    def _first(self, candidates: Iterable[int], test: _Test[P]) -> P | None:
        for ident in sorted(set(candidates), key=self._order.__getitem__):
            self.comparisons += 1
            if test(self._people[ident]):
                return self._people[ident]
        return None


P_contra = TypeVar("P_contra", bound=Named, contravariant=True)


class _Test(Protocol[P_contra]):
    def __call__(self, person: P_contra, /) -> bool: ...
