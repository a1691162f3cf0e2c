"""Ukrainian time expressions, resolved against the publication date into ``PartialDate``.

News rarely writes a full date: it says ``6 листопада``, ``у червні``, ``минулого тижня``.  An
editor reads those against the day the article came out, and so does :func:`find_dates`:

* a year-less date is the latest such date not after publication (``у грудні`` in a November
  article is last December), unless its clause says it is still to come (``у грудні
  відбудеться``), when it is the next one;
* a date keeps the precision the text gives and never more (``наприкінці 2023 року`` is ``2023``);
* a bare four-digit number is a year only next to a year word (``року``, ``р.``, ``-го``), a month,
  or a preposition followed by punctuation (``у 2024,``), so ``2000 військових`` stays a number.

The package is the stage in steps: :mod:`.lexicon` loads the words from ``lexicon/dates/*.tsv``,
:mod:`.patterns` builds the regexes and anchors from them, :mod:`.scan` finds where a rule may
start, :mod:`.rules_calendar` and :mod:`.rules_relative` resolve each match (with
:mod:`.context` and :mod:`.periods`), and :mod:`.finder` ties them together.  Nothing here raises
on any text: an impossible date (``31 лютого``) is skipped.  See ``docs/dates.md`` for the full
list of what is recognised and the resolution rules.
"""

from __future__ import annotations

from newsmodel.extract.dates.expression import DateExpression, Relation
from newsmodel.extract.dates.finder import annotate_dates, find_dates

__all__ = ["DateExpression", "Relation", "annotate_dates", "find_dates"]
