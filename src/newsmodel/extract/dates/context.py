"""One match in its text: the prefix before it, whether its clause speaks of the future, and
the final :class:`DateExpression`; plus the resolvers shared by the rules."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from newsmodel.extract.dates.expression import DateExpression, Relation
from newsmodel.extract.dates.lexicon import Prefix, normalise
from newsmodel.extract.dates.periods import latest_day, latest_month, nearest_day, partial_date
from newsmodel.extract.dates.scan import Scan
from newsmodel.extract.dates.tense import ClauseTense
from newsmodel.models import PartialDate

if TYPE_CHECKING:
    from newsmodel.extract.dates.patterns import Grammar


_SYNTHETIC_FUTURE = tuple(
    vowel + "тим" + ending for vowel in "аяиі" for ending in ("уть", "емо", "ете", "еш", "у", "е")
)
"""The synthetic future tense: ``триватиме``, ``працюватимуть``."""
_SYNTHETIC_ENDINGS = tuple(f"{ending} " for ending in _SYNTHETIC_FUTURE)
PENDING_YEAR = 2000
"""The stand-in year of ``того ж року`` until the earlier date is known."""
_AHEAD_WORDS = frozenset({"з", "із", "зі", "на", "до"})
_CLAUSE_SPLIT = re.compile(r"[.!?;,:\n«»()\[\]—–\"]")


@dataclass(slots=True)
class Context:
    scan: Scan
    text: str
    match: re.Match[str]
    published: date | None
    tense: ClauseTense | None = None
    pending_year: bool = False
    _prefix: tuple[int, Prefix | None] | None = None

    def group(self, name: str) -> str | None:
        return self.match.group(name)

    def prefix(self, grammar: Grammar) -> tuple[int, Prefix | None]:
        """The preposition or period phrase just before the match, and where it starts.

        Up to three words back, longest first (``у першій половині``, ``до кінця``, ``з``).
        """
        if self._prefix is not None:
            return self._prefix
        start = self.match.start()
        starts = self.scan.word_starts(start)
        self._prefix = (start, None)
        if len(starts) == 1:
            return self._prefix
        words = normalise(self.text[starts[-1] : start]).split()
        for count in range(len(starts) - 1, 0, -1):
            found = grammar.lexicon.prefixes.get(" ".join(words[-count:]))
            if found is not None:
                self._prefix = (starts[count], found)
                break
        return self._prefix

    def announces_ahead(self, grammar: Grammar) -> bool:
        """``оголосили страйк з 1 липня``, ``призначили засідання на 3 березня``: after ``з``,
        ``на`` or ``до``, in a clause whose verb announces, schedules or decides, a year-less
        date is when the announced thing is to be, ahead of publication or behind it."""
        if self.tense is None:
            return False
        start, prefix = self.prefix(grammar)
        if prefix is None or prefix.period:
            return False
        if normalise(self.text[start : self.match.start()]).strip() not in _AHEAD_WORDS:
            return False
        return self.tense.announces(*self.match.span())

    def says_future(self, grammar: Grammar) -> bool:
        """Does the clause around the match speak of what will happen?

        With the document's clause tense (:mod:`.tense`), the nearest finite verb of the clause
        decides; without one, or when it gives no verdict, the clause's words do: it runs to the
        nearest punctuation on each side (at most 100 characters), so
        ``заявив у червні, що … буде`` keeps its past date.
        """
        start, end = self.match.span()
        if self.tense is not None:
            verdict = self.tense.future(start, end)
            if verdict is not None:
                return verdict
        before = _CLAUSE_SPLIT.split(self.text[max(0, start - 100) : start])[-1]
        after = _CLAUSE_SPLIT.split(self.text[end : end + 100], maxsplit=1)[0]
        return _has_future_word(grammar, f"{before.lower()} | {after.lower()}")

    def build(
        self,
        start: int,
        value: PartialDate | None,
        *,
        end_value: PartialDate | None = None,
        relation: Relation = "on",
        explicit_year: bool,
        anchor_end: bool = False,
        end: int | None = None,
    ) -> DateExpression | None:
        if value is None:
            return None
        if end_value is not None and end_value.last_day() < value.first_day():
            return None
        if self.published is None and not explicit_year and not self.pending_year:
            return None
        stop = self.match.end() if end is None else end
        point = (end_value or value).last_day() if anchor_end else value.first_day()
        future = self.published is not None and point > self.published
        return DateExpression(
            start=start,
            end=stop,
            text=self.text[start:stop],
            value=value,
            end_value=end_value,
            relation=relation,
            future=future,
            explicit_year=explicit_year,
            back_reference=self.pending_year,
        )


def _has_future_word(grammar: Grammar, clause: str) -> bool:
    """A future-tense word (``буде``, ``відбудеться``, ``-тиме``) in ``clause`` (lower case).

    The clause holds no punctuation, so splitting on spaces gives whole words.
    """
    lex = grammar.lexicon
    if not lex.future_single.isdisjoint(clause.split()):
        return True
    padded = f" {' '.join(clause.split())} "
    return any(ending in padded for ending in _SYNTHETIC_ENDINGS) or any(
        phrase in padded for phrase in lex.future_phrases
    )


def with_prefix(
    grammar: Grammar,
    ctx: Context,
    value: PartialDate | None,
    *,
    explicit_year: bool,
    end_value: PartialDate | None = None,
) -> DateExpression | None:
    start, prefix = ctx.prefix(grammar)
    relation: Relation = prefix.relation if prefix else "on"
    return ctx.build(
        start,
        value,
        end_value=end_value,
        relation=relation,
        explicit_year=explicit_year,
        anchor_end=prefix.anchor_end if prefix else False,
    )


def tail_year(grammar: Grammar, ctx: Context) -> tuple[int | None, bool]:
    """The year a month or day is given by: written (``2024 року``), deictic (``цього року``)
    or that of the date just mentioned (``того ж року``)."""
    written = ctx.group("ty")
    if written is not None:
        return int(written), True
    if ctx.group("tp") is not None:
        # "у грудні того ж року": the year of the date just mentioned, filled in by
        # references.resolve_references; a leap year stands in so "29 лютого" survives
        ctx.pending_year = True
        return PENDING_YEAR, False
    modifier = ctx.group("tr")
    if modifier is not None and ctx.published is not None:
        return ctx.published.year + grammar.lexicon.modifiers.get(normalise(modifier), 0), False
    return None, False


def month_number(grammar: Grammar, form: str) -> int:
    key = normalise(form).rstrip(".")
    lex = grammar.lexicon
    return lex.months.get(key) or lex.month_abbreviations.get(key, 0)


def resolve_day(
    grammar: Grammar, ctx: Context, month: int, day: int, year: int | None
) -> PartialDate | None:
    if year is not None:
        return partial_date(year, month, day)
    if ctx.published is None:
        return None
    forward = ctx.says_future(grammar)
    if not forward and ctx.announces_ahead(grammar):
        return nearest_day(month, day, ctx.published)
    return latest_day(month, day, ctx.published, forward)


def resolve_month(
    grammar: Grammar, ctx: Context, month: int, year: int | None
) -> PartialDate | None:
    if year is not None:
        return partial_date(year, month)
    if ctx.published is None:
        return None
    forward = ctx.says_future(grammar)
    _, prefix = ctx.prefix(grammar)
    if not forward and prefix is not None and prefix.anchor_end:
        # "наприкінці листопада" in a November article: the end must be past, so last year's.
        published = ctx.published
        return partial_date(
            published.year if month < published.month else published.year - 1, month
        )
    return partial_date(latest_month(month, ctx.published, forward), month)
