"""Which language an article is in: lingua's statistical detector, two rules on top.

The parser extracts entities from Ukrainian only, so this decides whether it runs at all: a
Serbian, Belarusian or Bulgarian article called Ukrainian would be parsed as Ukrainian, and
a Ukrainian one called anything else would lose its entities.  ``benchmarks/bench_language.py``
measured the candidates on real paragraphs in sixteen languages; lingua in its low-accuracy
mode (trigram models only, loaded per script on first use) was the most accurate detector that
keeps a cold start within budget (about 0.1 s for Cyrillic text; its high-accuracy mode takes
a second and 200 MB).  The measured numbers are in docs/extraction.md.

Only the opening is read (paragraphs in order until about 300 letters, at most 600
characters of each): lingua takes about a microsecond per character, and on the 316 whole
texts of the benchmark the opening gave the same answers as the whole.

A paragraph of twenty Cyrillic letters or more, mostly in Cyrillic words, whose letters fit
the Ukrainian alphabet and no other (``і`` with ``и``, or ``ї``, ``є``, ``ґ``) is Ukrainian without
asking lingua: lingua would name a Cyrillic language there, which the alphabet rule below
makes Ukrainian.  (On a few stopwords, ``не є у``, lingua may name none: shorter paragraphs are
still asked.)  On the benchmark's 14,000 texts, openings and paragraphs and on 40,000 random
mixes of Ukrainian and Latin words the answers are lingua's; the parse saves about a
millisecond an article.

Two rules, each kept because the benchmark showed what it fixes:

- **Paragraphs vote, quotations do not outvote.**  Each paragraph weighs by its letters; one
  whose quoted spans (``«...»``, ``„...“``, ``“...”``, ``"..."``) hold most of its letters is
  detected from the rest (when ten letters or more remain), so a Ukrainian paragraph around
  a long English quotation stays Ukrainian.  Shorter quotations stay in: they are mostly
  names in the article's own language, and the letters they carry (``і``, ``ї``) help.
- **An answer must fit the alphabet.**  For Cyrillic text, a language whose alphabet lacks
  letters the paragraph uses (more than one in a hundred: Russian for text with ``ў``,
  Ukrainian for text with ``ј``), or whose signature letters never appear (Kazakh without
  ``әғқңөұүһ``), is replaced by the best language whose alphabet fits.  lingua alone calls
  some Ukrainian paragraphs Kazakh or Macedonian with full confidence.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lingua import Language, LanguageDetector

_QUOTED = re.compile(r"«[^«»]*»|„[^„“”]*[“”]|“[^“”]*”|\"[^\"\n]*\"")
_PARAGRAPH = re.compile(r"\n\s*")
# Letters after which the paragraphs read so far decide: lingua takes about a microsecond
# per character, so reading whole articles would cost as much as parsing them.
_ENOUGH_LETTERS = 300
# Characters of a paragraph that are read: a page's whole body may come as one line.
_PARAGRAPH_CHARACTERS = 600
# A paragraph without its quotations is detected alone only when this many letters remain.
_MIN_UNQUOTED = 10
# Letters so frequent in a language that a paragraph of it without any is not in it.
_SIGNATURE_LETTERS = {"kk": "әғқңөұүһ", "mn": "өү"}
# Cyrillic letters from which lingua always answers (on a few stopwords, "не є у", it may
# give no language at all, and the text then has none).
_SURE_LETTERS = 20
_SCRIPT_WORD = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
# Letters of the Cyrillic languages lingua knows (their standard alphabets, lower case).
_CYRILLIC_ALPHABETS = {
    "be": "абвгдеёжзійклмнопрстуўфхцчшыьэюя",
    "bg": "абвгдежзийклмнопрстуфхцчшщъьюя",
    "kk": "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя",
    "mk": "абвгдѓежзѕијклљмнњопрстќуфхцчџш",
    "mn": "абвгдеёжзийклмноөпрстуүфхцчшщъыьэюя",
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "sr": "абвгдђежзијклљмнњопрстћуфхцчџш",
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
}
_ALPHABET_SETS = tuple(
    (name, frozenset(alphabet), frozenset(_SIGNATURE_LETTERS.get(name, "")))
    for name, alphabet in _CYRILLIC_ALPHABETS.items()
)
"""Each alphabet as sets, once: a language fits a paragraph when at most one of its Cyrillic
letters in a hundred is outside the alphabet (a name spelt the other way), and one of the
language's signature letters appears, if it has them."""


@cache
def _detector() -> LanguageDetector:
    """All 75 of lingua's languages; each script's models load on first use, then stay."""
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


@cache
def _cyrillic_detector(tags: frozenset[str]) -> LanguageDetector:
    """A detector restricted to the Cyrillic languages whose alphabet fits the text."""
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = [
        Language.from_iso_code_639_1(getattr(IsoCode639_1, tag.upper())) for tag in sorted(tags)
    ]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def detect_language(text: str, *, sample: int = 20000) -> str | None:
    """A BCP 47 tag (``uk``, ``ru``, ``en``...) or ``None`` when the text gives no clear sign.

    An article's opening tells its language: paragraphs are read in order until about
    ``_ENOUGH_LETTERS`` letters have voted, and never past the first ``sample`` characters.
    """
    votes: Counter[str] = Counter()
    for paragraph in _PARAGRAPH.split(text[:sample]):
        if votes.total() >= _ENOUGH_LETTERS:
            break
        evidence, letters = _evidence(paragraph[:_PARAGRAPH_CHARACTERS])
        if letters < 3:
            continue
        tag = _paragraph_language(evidence)
        if tag is not None:
            votes[tag] += letters
    if not votes:
        return None
    return votes.most_common(1)[0][0]


def _evidence(paragraph: str) -> tuple[str, int]:
    """The text a paragraph is judged by, and its letters: without its quotations when they
    hold most of its letters and enough of the paragraph's own remain."""
    letters = _letters(paragraph)
    unquoted = _QUOTED.sub(" ", paragraph)
    if unquoted == paragraph:  # no quotation (most paragraphs): no letters to count again
        return paragraph, letters
    rest = _letters(unquoted)
    if rest >= _MIN_UNQUOTED and letters - rest > rest:
        return unquoted, rest
    return paragraph, letters


def _letters(text: str) -> int:
    return sum(map(str.isalpha, text))


def _paragraph_language(paragraph: str) -> str | None:
    # lingua takes UTF-8: a lone surrogate (text decoded with surrogateescape) would raise.
    paragraph = paragraph.encode("utf-8", "replace").decode("utf-8")
    # the distinct Cyrillic letters, then how often each occurs (str.count runs at C speed; a
    # findall of every letter builds a string apiece)
    lowered = paragraph.lower()
    used = frozenset(c for c in set(lowered) if "\u0400" <= c <= "\u04ff")
    cyrillic = sum(map(lowered.count, used))
    allowed = cyrillic // 100
    fitting = frozenset(
        name
        for name, alphabet, signature in _ALPHABET_SETS
        if (used <= alphabet or sum(map(lowered.count, used - alphabet)) <= allowed)
        and (not signature or not signature.isdisjoint(used))
    )
    if fitting == {"uk"} and _plainly_cyrillic(paragraph, cyrillic):
        # lingua would answer a Cyrillic language here, which the alphabet rule below turns
        # into Ukrainian whatever it is: asking it costs a microsecond a character for nothing
        return "uk"
    found = _detector().detect_language_of(paragraph)
    if found is None:
        return None
    tag = _tag(found)
    if tag not in _CYRILLIC_ALPHABETS:
        return tag
    if tag in fitting or not fitting:
        return tag
    if len(fitting) == 1:
        return next(iter(fitting))
    refound = _cyrillic_detector(fitting).detect_language_of(paragraph)
    return tag if refound is None else _tag(refound)


def _plainly_cyrillic(paragraph: str, cyrillic: int) -> bool:
    """Enough Cyrillic letters for lingua always to answer, in a paragraph whose words are
    mostly Cyrillic (so lingua reads it as Cyrillic text, not as the Latin-script language of
    a long quoted name): lingua then names a Cyrillic language, whichever it is.
    ``cyrillic`` is how many Cyrillic letters the paragraph holds."""
    if cyrillic < _SURE_LETTERS:
        return False
    words = _SCRIPT_WORD.findall(paragraph)
    latin = sum(1 for word in words if not _CYRILLIC.search(word))
    return latin * 3 < len(words) - latin


def _tag(language: Language) -> str:
    return language.iso_code_639_1.name.lower()
