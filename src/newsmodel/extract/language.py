"""Which language a text is in, from its letters and most frequent words.

Enough to tell Ukrainian from Russian and the common Latin-script languages of news feeds;
the parser needs it to refuse entity extraction on text it does not support.
"""

from __future__ import annotations

import re
from collections import Counter

_WORD = re.compile(r"[^\W\d_]+")
_STOPWORDS: dict[str, frozenset[str]] = {
    "uk": frozenset(
        [
            "і",
            "й",
            "та",
            "що",
            "як",
            "це",
            "не",
            "на",
            "за",
            "до",
            "від",
            "про",
            "у",
            "в",
            "з",
            "із",
            "але",
            "його",
            "її",
            "їх",
            "був",
            "була",
            "було",
            "буде",
            "також",
            "який",
            "яка",
            "які",
            "цього",
            "року",
            "після",
            "він",
            "вона",
            "вони",
        ]
    ),
    "ru": frozenset(
        [
            "и",
            "что",
            "как",
            "это",
            "не",
            "на",
            "за",
            "до",
            "от",
            "о",
            "в",
            "с",
            "но",
            "его",
            "её",
            "их",
            "был",
            "была",
            "было",
            "будет",
            "также",
            "который",
            "которая",
            "которые",
            "этого",
            "года",
            "после",
            "он",
            "она",
            "они",
        ]
    ),
    "en": frozenset(
        [
            "the",
            "and",
            "of",
            "to",
            "in",
            "is",
            "that",
            "for",
            "on",
            "with",
            "as",
            "was",
            "by",
            "at",
            "from",
            "it",
            "an",
            "be",
            "are",
            "this",
            "has",
            "have",
            "said",
        ]
    ),
    "de": frozenset(
        [
            "der",
            "die",
            "das",
            "und",
            "ist",
            "nicht",
            "ein",
            "eine",
            "zu",
            "den",
            "mit",
            "von",
            "auf",
            "für",
            "im",
            "dem",
            "des",
            "sich",
            "auch",
        ]
    ),
    "fr": frozenset(
        [
            "le",
            "la",
            "les",
            "et",
            "des",
            "est",
            "une",
            "un",
            "du",
            "que",
            "en",
            "dans",
            "pour",
            "pas",
            "sur",
            "au",
            "qui",
            "par",
            "avec",
        ]
    ),
    "es": frozenset(
        [
            "el",
            "la",
            "los",
            "las",
            "y",
            "de",
            "que",
            "en",
            "un",
            "una",
            "por",
            "con",
            "para",
            "es",
            "del",
            "se",
            "al",
            "lo",
            "como",
        ]
    ),
    "pl": frozenset(
        [
            "i",
            "w",
            "na",
            "z",
            "że",
            "się",
            "nie",
            "do",
            "jest",
            "to",
            "jak",
            "od",
            "po",
            "dla",
            "przez",
            "oraz",
            "jego",
        ]
    ),
    "it": frozenset(
        [
            "il",
            "la",
            "di",
            "che",
            "e",
            "un",
            "una",
            "per",
            "non",
            "con",
            "del",
            "della",
            "sono",
            "gli",
            "le",
        ]
    ),
}
_UKRAINIAN_LETTERS = set("іїєґІЇЄҐ")
_RUSSIAN_LETTERS = set("ыэъёЫЭЪЁ")


def detect_language(text: str, *, sample: int = 20000) -> str | None:
    """A BCP 47 tag (``uk``, ``ru``, ``en``...) or ``None`` when the text gives no clear sign."""
    chunk = text[:sample]
    letters = [char for char in chunk if char.isalpha()]
    if len(letters) < 3:
        return None
    cyrillic = sum(1 for char in letters if "\u0400" <= char <= "\u04ff")
    words = [word.lower() for word in _WORD.findall(chunk)]
    if cyrillic * 2 >= len(letters):
        ukrainian = sum(1 for char in chunk if char in _UKRAINIAN_LETTERS)
        russian = sum(1 for char in chunk if char in _RUSSIAN_LETTERS)
        if ukrainian == russian == 0:
            return _by_stopwords(words, ("uk", "ru")) or "uk"
        return "uk" if ukrainian >= russian else "ru"
    return _by_stopwords(words, ("en", "de", "fr", "es", "pl", "it"))


def _by_stopwords(words: list[str], candidates: tuple[str, ...]) -> str | None:
    counts = Counter(words)
    scores = {lang: sum(counts[w] for w in _STOPWORDS[lang]) for lang in candidates}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] > 0 else None
