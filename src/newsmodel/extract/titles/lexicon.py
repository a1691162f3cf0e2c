"""The title finder's knowledge, read once from the lexicon's data files.

``title_heads.txt`` lists job-title head lemmas, ``title_words.tsv`` the words with a special
part (prefixes, weak heads, acting markers, anaphors, demonstratives, skippable adverbs) and
``title_predicates.tsv`` the verbs whose complement is a job title, with its case.
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib.resources import files


def _lines(name: str) -> list[str]:
    text = files("newsmodel.extract.lexicon").joinpath(name).read_text("utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def title_heads() -> frozenset[str]:
    """Job-title head lemmas (``lexicon/title_heads.txt``), in every apostrophe."""
    from newsmodel.extract import gazetteer

    return gazetteer.apostrophe_variants(gazetteer.title_heads())


@cache
def words(kind: str) -> frozenset[str]:
    """The ``title_words.tsv`` words of one kind (``prefix``, ``weak``, ``anaphor``...)."""
    found = set()
    for line in _lines("title_words.tsv"):
        row_kind, word = line.split("\t")
        if row_kind == kind:
            found.add(word)
    return frozenset(found)


@cache
def predicates() -> dict[str, str]:
    """Predicate word or lemma -> the case its title complement takes (``ablt``)."""
    return {row[0]: row[1] for row in _predicate_rows() if len(row) == 2}


@cache
def leading_verbs() -> dict[str, tuple[str, str]]:
    """Verb lemma -> (its object's case, the title it gives): ``очолювати`` -> ``керівник``."""
    return {row[0]: (row[1], row[2]) for row in _predicate_rows() if len(row) == 3}


def _predicate_rows() -> list[list[str]]:
    return [line.split("\t") for line in _lines("title_predicates.tsv")]


@lru_cache(maxsize=100_000)
def base_lemma(lemma: str) -> str:
    """The lemma without a title prefix: ``екс-мер`` -> ``мер``, ``екс-віце-спікер`` ->
    ``віце-спікер`` (kept when the shorter form is itself a head)."""
    heads = title_heads()
    changed = True
    while changed and lemma not in heads:
        changed = False
        for prefix in words("prefix"):
            if lemma.startswith(prefix) and len(lemma) > len(prefix) + 2:
                lemma = lemma[len(prefix) :]
                changed = True
    return lemma


__all__ = ["base_lemma", "leading_verbs", "predicates", "title_heads", "words"]
