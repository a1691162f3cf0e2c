"""Head words of names: the nouns an organisation's or a place's name is built on
(``рада``, ``суд``, ``область``), and the word tests every rule asks of them, cached per word
because the same few hundred words are asked again and again.
"""

from __future__ import annotations

from functools import cache, lru_cache

from newsmodel.extract import gazetteer, morph
from newsmodel.extract.entities.vocabulary import (
    _ORG_HEAD_ENDINGS,
    _PLACE_ABBREVIATIONS,
    PLACE_HEADS,
)


@cache
def organisation_heads() -> frozenset[str]:
    """Organisation head lemmas (``lexicon/organisation_heads.tsv``), in every apostrophe."""
    return gazetteer.apostrophe_variants(gazetteer.organisation_heads())


@cache
def name_heads() -> frozenset[str]:
    """Organisation and place head lemmas together: the words a name's noun phrase ends on."""
    return organisation_heads() | PLACE_HEADS


@lru_cache(maxsize=morph.WORDS_CACHED)
def is_head(word: str, heads: frozenset[str], compounds: bool) -> bool:
    """Is a lemma of ``word`` among ``heads``, or (``compounds``) a compound of an organisation
    word?  Cached per word: every rule asks it of the same few hundred words."""
    lemmas = morph.lemmas_of(word)
    if not lemmas.isdisjoint(heads):
        return True
    # compounds of an organisation word: райсуд, госпсуд, держадміністрація, Держекоінспекція
    return compounds and any(
        lemma.endswith(_ORG_HEAD_ENDINGS) and len(lemma) > 5 for lemma in lemmas
    )


@lru_cache(maxsize=morph.WORDS_CACHED)
def organisation_head(word: str) -> bool:
    """An organisation head word, or a compound of ``відділення`` (``тервідділення``,
    ``райвідділення``), a branch's head as ``райсуд`` is a court's.  Cached per word."""
    return is_head(word, organisation_heads(), True) or any(
        lemma.endswith("відділення") and lemma != "відділення" for lemma in morph.lemmas_of(word)
    )


@lru_cache(maxsize=morph.WORDS_CACHED)
def heads_nothing(word: str) -> bool:
    """Can no name's phrase start at this word: it has no adjective or participle reading to
    modify a head after it, and is no organisation or place head itself?"""
    return (
        morph.pos_set(word).isdisjoint(("ADJF", "PRTF"))
        and not organisation_head(word)
        and not is_head(word, PLACE_HEADS, False)
        and word.lower() not in _PLACE_ABBREVIATIONS
    )
