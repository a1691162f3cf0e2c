"""A title's words as an editor writes them: in the nominative singular, with the text's own
spacing, demonstratives dropped.

Everything here is a function of the title's words alone (a word's readings are its own), so
the written form is computed once per distinct phrase, like ``morph.noun_phrase_nominative``:
inflecting the heads and adjectives costs microseconds a title, and titles repeat across news
(``міністр оборони``, ``президент України``).
"""

from __future__ import annotations

from functools import lru_cache

from newsmodel.extract import morph
from newsmodel.extract.morph import WORDS_CACHED
from newsmodel.extract.titles.lexicon import base_lemma, title_heads, words
from newsmodel.extract.tokens import is_acronym

COORDINATORS = frozenset({"і", "й", "та"})
_ADJECTIVES = frozenset({"ADJF", "PRTF"})


@lru_cache(maxsize=WORDS_CACHED)
def written(
    texts: tuple[str, ...], joined: tuple[bool, ...], opens: bool, acting: bool
) -> tuple[str, bool, bool]:
    """The title's text, and whether it is weak (``власник``) and plural.

    ``texts``: its tokens' texts; ``joined[k]``: no space between tokens ``k`` and ``k + 1``;
    ``opens``: its first word opens the sentence (capitalised only for that, so written in
    lower case); ``acting``: it starts with ``в. о.`` (no head is inflected then)."""
    kept = [k for k in range(len(texts)) if k == 0 or not _demonstrative(texts[k])]
    parts = [texts[k] for k in kept]
    if opens and parts[0][1:].islower():
        parts[0] = parts[0][:1].lower() + parts[0][1:]
    weak = plural = False
    if not acting:
        kept_texts = [texts[k] for k in kept]
        starts = [n for n in range(len(kept)) if n == 0 or _coordinated_head(kept_texts, n)]
        for number, start in enumerate(starts):
            stop = starts[number + 1] if number + 1 < len(starts) else len(kept)
            _nominative(kept_texts, parts, start, stop)
        head = next((text for text in kept_texts if head_readings(text)), texts[0])
        readings = head_readings(head)
        weak = bool(readings) and all(base_lemma(r.lemma) in words("weak") for r in readings)
        plural = bool(readings) and all(r.plural for r in readings)
    out = parts[0]
    for n in range(1, len(kept)):
        left, right = kept[n - 1], kept[n]
        out += ("" if right == left + 1 and joined[left] else " ") + parts[n]
    return out, weak, plural


@lru_cache(maxsize=WORDS_CACHED)
def head_readings(text: str) -> tuple[morph.Reading, ...]:
    """A token's readings as a title head noun, once per distinct text (none for punctuation
    and acronyms, nor when it is no title head)."""
    if not text[:1].isalnum() or (len(text) > 1 and is_acronym(text)):
        return ()
    heads = title_heads()
    return tuple(
        r for r in morph.readings(text) if r.pos == "NOUN" and base_lemma(r.lemma) in heads
    )


@lru_cache(maxsize=WORDS_CACHED)
def _demonstrative(text: str) -> bool:
    """A demonstrative pronoun (``цей``, ``цього``), left out of a title's text."""
    return (
        text[:1].isalnum()
        and text.lower() not in COORDINATORS
        and not morph.lemmas_of(text, "NPRO").isdisjoint(words("demonstrative"))
    )


def _readings(text: str) -> tuple[morph.Reading, ...]:
    return morph.readings(text) if text[:1].isalnum() else ()


def _adjective_cases(text: str) -> set[str]:
    return {r.case for r in _readings(text) if r.case and r.pos in _ADJECTIVES}


def _coordinated_head(texts: list[str], n: int) -> bool:
    """``засновником і директором``: a second head after a coordinator starts a segment
    of its own, put in the nominative like the first."""
    return texts[n - 1].lower() in COORDINATORS and bool(head_readings(texts[n]))


def _nominative(texts: list[str], parts: list[str], start: int, stop: int) -> None:
    """Put the head among ``texts[start:stop]`` and the adjectives before it in the nominative
    singular, in place in ``parts``."""
    head = next((n for n in range(start, stop) if head_readings(texts[n])), None)
    if head is None:
        return
    readings = head_readings(texts[head])
    wanted = set.intersection(
        {r.case for r in readings if r.case},
        *(_adjective_cases(texts[n]) or {""} for n in range(start, head)),
    )
    reading = next((r for r in readings if r.case in wanted), readings[0])
    if reading.case == "nomn" and not reading.plural:
        return
    gender = reading.gender if not reading.plural else _lemma_gender(reading.lemma)
    parts[head] = morph.restore_case(reading.lemma, parts[head])
    for n in range(start, head):
        adjectives = [
            r for r in _readings(texts[n]) if r.pos in _ADJECTIVES and r.case == reading.case
        ]
        # a standard reading before a dialectal one ("народні": народний, not народній)
        adjectives.sort(key=lambda r: "Dist" in r.grammemes)
        adjective = adjectives[0] if adjectives else None
        form = adjective.inflect({"nomn", gender or "masc"}) if adjective else None
        if form:
            parts[n] = morph.restore_case(form, parts[n])


def _lemma_gender(lemma: str) -> str | None:
    """The gender of a plural head's singular (``депутатами`` -> masculine)."""
    return next((r.gender for r in morph.readings(lemma) if r.pos == "NOUN" and r.gender), None)


__all__ = ["COORDINATORS", "head_readings", "written"]
