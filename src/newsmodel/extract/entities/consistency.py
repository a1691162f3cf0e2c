"""The whole text as evidence: one name is one entity of one type throughout.

A name a text repeats keeps its type: ``Гельсінкська група`` is not an organisation in one
sentence and a person in the next.  When the decoder gave one name (its words' stems) several
labels, each label's mentions add up their scores, and the weaker mentions take the label with
the most evidence over the whole text when it outweighs theirs twice, unless their own evidence
is strong on its own (a gazetteer entry, a legal form, a settlement word: ``strong_evidence`` in
the evidence table).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from newsmodel.extract.entities.base import ScannerBase
from newsmodel.extract.entities.decoder import weights
from newsmodel.extract.entities.words import _stem
from newsmodel.extract.recognizer import EntitySpan, Label

STRONG = "strong_evidence"
"""The row of the evidence table: a mention scoring this much keeps its own label."""


_MAJORITY = 2
"""How many times the evidence of its own label the other label's must weigh to relabel."""


class ConsistencyRules(ScannerBase):
    """The text-wide type decision (see the module docs)."""

    def name_of(self, span: EntitySpan) -> tuple[str, ...]:
        tokens = self.tokens[span.first_token : span.last_token + 1]
        return tuple(_stem(token.text) for token in tokens if token.is_word)

    def one_type_per_name(self, scores: dict[int, int]) -> None:
        """Relabel the weaker mentions of a name the text gives several types.

        ``scores`` maps a decoded span's first token to its score; spans the rules added
        after decoding (street lists, acronyms in brackets) have none and are left alone."""
        strong = weights()[STRONG]
        mentions: defaultdict[tuple[str, ...], list[int]] = defaultdict(list)
        for position, span in enumerate(self.spans):
            if span.key is None and not span.parts and span.first_token in scores:
                mentions[self.name_of(span)].append(position)
        for positions in mentions.values():
            totals: defaultdict[Label, int] = defaultdict(int)
            for position in positions:
                span = self.spans[position]
                totals[span.label] += scores[span.first_token]
            if len(totals) < 2:
                continue
            winner = max(totals, key=lambda label: totals[label])
            for position in positions:
                span = self.spans[position]
                if (
                    span.label != winner
                    and scores[span.first_token] < strong
                    and totals[winner] >= _MAJORITY * totals[span.label]
                ):
                    self.spans[position] = replace(span, label=winner, name=None)
