"""Headline and description derived from the lead, for texts that come without them."""

from __future__ import annotations

import re

HEADLINE_MAX = 110
DESCRIPTION_MAX = 300

_SENTENCE_END = re.compile(r"(?<=[.!?…])[»\"”)]?\s+(?=[«\"„(]?[A-ZА-ЯІЇЄҐ0-9])")
_CLAUSE_BREAK = re.compile(r"[,;:]\s+|\s+[—–-]\s+")
_TRAILING_FUNCTION_WORDS = re.compile(
    r"(?:\s+(?:і|й|та|а|але|або|чи|що|як|з|із|зі|із|в|у|на|до|від|для|по|за|під|над|про|при|"
    r"and|or|the|of|to|in|on|for|a|an))+$",
    re.IGNORECASE,
)


def first_sentence(text: str) -> str:
    match = _SENTENCE_END.search(text)
    return text[: match.start()].strip() if match else text.strip()


def shorten(text: str, limit: int) -> str:
    """Cut ``text`` to ``limit`` characters at a clause or a word boundary, never mid-word."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    head = text[: limit + 1]
    clauses = [
        match.start() for match in _CLAUSE_BREAK.finditer(head) if match.start() >= limit // 2
    ]
    if clauses:
        return head[: clauses[-1]].rstrip(" ,;:—–-")
    space = head.rfind(" ", 0, limit)
    if space <= 0:
        return text[: limit - 1] + "…"
    cut = _TRAILING_FUNCTION_WORDS.sub("", head[:space].rstrip(" ,;:—–-"))
    return cut + "…"


def headline_from_lead(lead: str) -> str:
    """A headline of at most 110 characters from the lead's first sentence."""
    sentence = first_sentence(lead).rstrip(".")
    return shorten(sentence, HEADLINE_MAX)


def description_from_lead(lead: str) -> str:
    """The lead's opening, at most 300 characters, ending at a sentence when possible."""
    text = " ".join(lead.split())
    if len(text) <= DESCRIPTION_MAX:
        return text
    sentences: list[str] = []
    rest = text
    while rest:
        sentence = first_sentence(rest)
        if sentences and len(" ".join([*sentences, sentence])) > DESCRIPTION_MAX:
            break
        sentences.append(sentence)
        rest = rest[len(sentence) :].strip()
    description = " ".join(sentences)
    return (
        description
        if len(description) <= DESCRIPTION_MAX
        else shorten(description, DESCRIPTION_MAX)
    )
