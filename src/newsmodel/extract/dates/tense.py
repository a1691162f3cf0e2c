"""The tense of the clause a date stands in, read from the annotated document's verbs.

A year-less date points back or forward depending on its clause: ``суд розглянув справу 3
березня`` is the latest 3 March, ``суд розгляне справу 3 березня`` the next one.  The text-window
word list in :mod:`.context` cannot see a perfective future (``розглянуть``, ``прилетить``: the
same endings as the present), but the morphology can: pymorphy3 tags it ``futr``.  So with a
:class:`~newsmodel.extract.document.Document`, the finite verb of the date's clause nearest to
the date decides:

* ``futr`` (``буде``, ``відбудеться``, ``розгляне``, ``триватиме``): forward;
* ``past``: backward;
* a present-tense verb of intention or expectation followed by an infinitive (``планують
  провести``, ``має пройти``, ``збирається підписати``), or one that is itself about the future
  (``планується``, ``очікується``): forward (the lemmas are ``lexicon/dates/future_verbs.txt``);
* any other present tense, or no finite verb: no verdict, and the word list decides.

A verb between the same pauses as the date (commas, dashes, brackets) is preferred to one
beyond them, so a parenthetical ``нагадаємо,`` or ``повідомили в суді`` does not decide.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import cache, lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING

from newsmodel.extract import morph
from newsmodel.extract.morph import WORDS_CACHED

if TYPE_CHECKING:
    from newsmodel.extract.document import Document

_PAUSES = frozenset({",", ";", ":", "—", "–", "(", ")"})
"""Punctuation that sets off a parenthetical (``нагадаємо,``) or an aside within a clause."""
_UNSEEN = "unseen"
_INFINITIVE_REACH = 3
"""How many tokens after a verb of intention its infinitive may stand (``має невдовзі пройти``)."""


@cache
def future_verbs() -> tuple[frozenset[str], frozenset[str]]:
    """``(with_infinitive, on_their_own)`` lemmas from ``lexicon/dates/future_verbs.txt``."""
    data = files("newsmodel.extract").joinpath("lexicon/dates/future_verbs.txt").read_text("utf-8")
    with_infinitive: set[str] = set()
    alone: set[str] = set()
    for line in data.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lemma, _, kind = line.partition("\t")
        (alone if kind.strip() == "alone" else with_infinitive).add(lemma.strip())
    return frozenset(with_infinitive), frozenset(alone)


@cache
def announce_verbs() -> frozenset[str]:
    """Lemmas from ``lexicon/dates/announce_verbs.txt`` (see there)."""
    data = files("newsmodel.extract").joinpath("lexicon/dates/announce_verbs.txt")
    lines = data.read_text("utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


class ClauseTense:
    """Answers "does this character span stand in a future clause?" for one document."""

    __slots__ = ("_doc", "_starts", "_verdicts")

    def __init__(self, doc: Document) -> None:
        self._doc = doc
        self._starts: list[int] = []
        self._verdicts: dict[int, str | None] = {}  # token -> "future", "past" or None

    @property
    def doc(self) -> Document:
        return self._doc

    def token_span(self, start: int, end: int) -> tuple[int, int] | None:
        """The tokens ``[first, last + 1)`` covering characters ``start`` to ``end``."""
        doc = self._doc
        first = doc.token_at(start)
        last = doc.token_at(end - 1)
        if first is None or last is None:  # a span edge between tokens: find the nearest ones
            starts = self._starts or [token.start for token in doc.tokens]
            self._starts = starts
            if not starts:
                return None
            first = max(bisect_right(starts, start) - 1, 0)
            if doc.tokens[first].end <= start and first + 1 < len(starts):
                first += 1
            last = max(bisect_right(starts, end - 1) - 1, first)
        return first, max(last, first) + 1

    def future(self, start: int, end: int) -> bool | None:
        """``True`` for a future clause, ``False`` for a past one, ``None`` without a verdict."""
        span = self.token_span(start, end)
        if span is None:
            return None
        first, stop = span
        clause = self._doc.clause_of(first)
        tokens = self._doc.tokens
        # Walk outwards from the date, the left side first at equal distance, and stop at the
        # first tensed verb.  First within the date's own stretch between pauses ("Нагадаємо,
        # 2 липня служба розпочала"), then on through the rest of the clause.
        left, right = first - 1, stop
        for ignore_pauses in (False, True):
            while left >= clause.start or right < clause.end:
                moved = False
                if left >= clause.start and (ignore_pauses or tokens[left].text not in _PAUSES):
                    tense = self._tense(left) if _may_tell(tokens[left].text) else None
                    if tense is not None:
                        return tense == "future"
                    left -= 1
                    moved = True
                if right < clause.end and (ignore_pauses or tokens[right].text not in _PAUSES):
                    tense = self._tense(right) if _may_tell(tokens[right].text) else None
                    if tense is not None:
                        return tense == "future"
                    right += 1
                    moved = True
                if not moved:
                    break
        return None

    def announces(self, start: int, end: int) -> bool:
        """Does a finite verb of the clause around characters ``start`` to ``end`` announce,
        schedule or decide (:func:`announce_verbs`)?"""
        span = self.token_span(start, end)
        if span is None:
            return False
        doc = self._doc
        clause = doc.clause_of(span[0])
        verbs = doc.finite_at
        lemmas = announce_verbs()
        return any(
            not doc.lemmas(index).isdisjoint(lemmas)
            for index in verbs[bisect_left(verbs, clause.start) : bisect_left(verbs, clause.end)]
        )

    def _tense(self, index: int) -> str | None:
        """``future``, ``past`` or ``None`` for one token (cached: clauses are re-read)."""
        verdict = self._verdicts.get(index, _UNSEEN)
        if verdict is not _UNSEEN:
            return verdict
        token = self._doc.tokens[index]
        verdict, present = _word_tense(token.text) if token.is_word else (None, _NO_LEMMAS)
        if verdict is None and present:
            # present tense, or an impersonal form without one ("заплановано")
            with_infinitive, alone = future_verbs()
            if present & alone:
                verdict = "past" if self._after_past_auxiliary(index) else "future"
            elif present & with_infinitive and self._infinitive_after(index):
                verdict = "future"
        self._verdicts[index] = verdict
        return verdict

    def _after_past_auxiliary(self, index: int) -> bool:
        if index == 0:
            return False
        return any(
            r.pos == "VERB" and r.lemma == "бути" and "past" in r.grammemes
            for r in self._doc.readings[index - 1]
        )

    def _infinitive_after(self, index: int) -> bool:
        doc = self._doc
        stop = min(index + 1 + _INFINITIVE_REACH, len(doc.tokens))
        for following in range(index + 1, stop):
            readings = doc.readings[following]
            if any(r.pos == "VERB" and "infn" in r.grammemes for r in readings):
                return True
            if not doc.tokens[following].is_word:
                return False
        return False


_NO_LEMMAS: frozenset[str] = frozenset()


@lru_cache(maxsize=WORDS_CACHED)
def _may_tell(text: str) -> bool:
    """Can the token give a verdict (:meth:`ClauseTense._tense` is ``None`` otherwise)?  Asked
    once per word, so the walk from a date passes the many words without a verb reading at
    the cost of one cache hit."""
    return text[:1].isalnum() and _word_tense(text) != (None, _NO_LEMMAS)


@lru_cache(maxsize=WORDS_CACHED)
def _word_tense(word: str) -> tuple[str | None, frozenset[str]]:
    """A word's own tense, once per distinct word: ``future`` or ``past`` from its dictionary
    verb readings (a guessed one makes a verb of a typo, ``райсду``), else ``None`` with the
    lemmas of its present-tense readings (whose tense the words around decide)."""
    verdict = None
    present: set[str] = set()
    for reading in morph.readings(word):
        if reading.pos != "VERB" or not reading.known:
            continue
        grammemes = reading.grammemes
        if "futr" in grammemes:
            return "future", _NO_LEMMAS
        if "past" in grammemes:
            verdict = "past"
        elif "infn" not in grammemes:
            present.add(reading.lemma)
    return verdict, frozenset(present)


__all__ = ["ClauseTense", "future_verbs"]
