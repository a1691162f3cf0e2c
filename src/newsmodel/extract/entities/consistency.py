"""The whole text as evidence: one name is one entity of one type throughout.

Three passes after the decoder: a name typed two ways takes the type with the most evidence
(:meth:`ConsistencyRules.one_type_per_name`), a one-word item of a list of places is a place
(:meth:`ConsistencyRules.list_items`), and a word that is a person's name elsewhere is one
everywhere (:meth:`ConsistencyRules.persons_everywhere`).

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

from newsmodel.extract import morph
from newsmodel.extract.entities.base import ScannerBase
from newsmodel.extract.entities.decoder import weights
from newsmodel.extract.entities.vocabulary import _FUNCTION_POS
from newsmodel.extract.entities.words import _stem
from newsmodel.extract.recognizer import EntitySpan, Label

_LIST_GLUE = frozenset([",", "і", "й", "та", "або", "чи"])
"""What joins the items of a list of names (``Галич, Бурштин і Рогатин``)."""

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

    def list_items(self, scores: dict[int, int]) -> None:
        """``Галич, Бурштин, Рогатин``: a one-word item of a list of places whose neighbours
        on both sides, or the two before it, are places is one too, found or not.  Only places:
        a list of people is found name by name, and a street list named after people (``Франка,
        Промислова, Лесі Українки``) would spread the wrong label."""
        strong = weights()[STRONG]
        by_first = {span.first_token: position for position, span in enumerate(self.spans)}
        by_last = {span.last_token: position for position, span in enumerate(self.spans)}

        def label_at(position: int | None) -> Label | None:
            return None if position is None else self.spans[position].label

        def glued(left: int, right: int) -> bool:
            return left >= 0 and right < self.count and self.words[left + 1] in _LIST_GLUE

        added: list[EntitySpan] = []
        covered = {i for span in self.spans for i in range(span.first_token, span.last_token + 1)}
        for index in self.capital_indices:
            if (
                index < 2
                or self.tokens[index].is_upper
                or (self.capital_word(index + 1) and self.adjacent(index, index + 1))
            ):
                continue  # one capitalised word ("Героїв Сталінграда" is a longer name)
            before = by_last.get(index - 2) if glued(index - 2, index) else None
            after = by_first.get(index + 2) if glued(index, index + 2) else None
            label = label_at(before)
            if label != "LOC":
                continue  # lists of people are found name by name; of streets, they mislead
            if label_at(after) != label:
                previous = self.spans[before].first_token - 2 if before is not None else -1
                first_item = by_last.get(previous) if glued(previous, previous + 2) else None
                if label_at(first_item) != label or after is not None:
                    continue
            own = by_first.get(index)
            if own is None:
                if index not in covered:
                    added.append(self.span(index, index, label))
                    covered.add(index)
                continue
            span = self.spans[own]
            if (
                span.first_token == span.last_token
                and span.label != label
                and span.key is None
                and scores.get(index, strong) < strong
            ):
                self.spans[own] = replace(span, label=label, name=None)
        if added:
            self.spans = sorted([*self.spans, *added], key=lambda span: span.start)

    def persons_everywhere(self) -> list[EntitySpan]:
        """A word that is a person's name elsewhere in the text is one here too, even at the
        start of a sentence (``Пелипас звернулася``) where capitals prove nothing."""
        covered: set[int] = set()
        for span in self.spans:
            covered.update(range(span.first_token, span.last_token + 1))
        names: set[str] = set()
        for span in self.spans:
            if span.label == "PERS":
                for token in self.tokens[span.first_token : span.last_token + 1]:
                    if token.is_word and len(token.text) > 2:
                        names.add(_stem(token.text))
        relabelled = []
        for span in self.spans:
            if (
                span.label != "PERS"
                and span.key is None
                and span.first_token == span.last_token
                and not span.parts
                and _stem(self.words[span.first_token]) in names
                and not self.tokens[span.first_token].is_upper
            ):
                relabelled.append(
                    EntitySpan(
                        span.start, span.end, "PERS", None, None, span.first_token, span.last_token
                    )
                )
                continue
            relabelled.append(span)
        self.spans = relabelled
        added = []
        for index in self.capital_indices:
            token = self.tokens[index]
            if index in covered or token.is_upper:
                continue
            if _stem(token.text) in names and not any(
                r.known and r.pos in _FUNCTION_POS for r in morph.readings(token.text)
            ):
                added.append(self.span(token.index, token.index, "PERS"))
        return sorted([*self.spans, *added], key=lambda span: span.start)
