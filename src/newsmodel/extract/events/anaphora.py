"""Definite descriptions as participants: ``міністерство перерахувало фірмі 5 млн грн``.

News names an organisation once and then calls it by its head noun, in lower case: the
ministry, the court, the firm.  In an event's clause such a noun stands for the organisation
last named before it whose name starts with that noun (``міністерство`` -> ``Міністерство
молоді та спорту України``), or, for the words of a company (``фірма``, ``компанія``,
``підприємство``), the last company named (a name starting with a legal form such as ``ТОВ``).
The antecedent becomes a mention at the noun's place, so the roles stage reads its case as it
reads any name's.  Knowledge: ``lexicon/events/anaphoric_heads.tsv``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from operator import attrgetter

from newsmodel.extract.document import Document
from newsmodel.extract.events.marks import Marks, anaphoric_head
from newsmodel.extract.events.roles import EntityMention

_REACH = 40
"""Organisation mentions looked back over (the description refers to a recent name)."""
_LEGAL_FORMS = frozenset({"тов", "пат", "прат", "ат", "зат", "ват", "тзов", "кп", "дп", "фоп"})
_COMPANY_NOUNS = frozenset({"компанія", "фірма", "підприємство", "товариство", "концерн"})


class Organisations:
    """The organisation mentions of a document in text order, each with the lemma its name
    starts with, to find the antecedent of a description by binary search (linear stage)."""

    def __init__(self, doc: Document, mentions: Sequence[EntityMention]) -> None:
        count = len(doc.tokens)
        self.mentions = sorted(
            [m for m in mentions if m.label == "ORG" and m.first_token < count],
            key=attrgetter("first_token"),
        )
        self.starts = [m.first_token for m in self.mentions]
        self.heads = [doc.lemmas(m.first_token) for m in self.mentions]
        self.companies = [
            bool(heads & _COMPANY_NOUNS) or doc.lower[m.first_token].strip('«»"') in _LEGAL_FORMS
            for m, heads in zip(self.mentions, self.heads, strict=True)
        ]

    def antecedent(self, token: int, lemma: str, kind: str) -> EntityMention | None:
        """The organisation the description ``lemma`` at ``token`` refers back to."""
        end = bisect_left(self.starts, token)
        for index in range(end - 1, max(-1, end - 1 - _REACH), -1):
            heads = self.heads[index]
            if kind == "company" and self.companies[index]:
                return self.mentions[index]
            if kind == "same" and lemma in heads:
                return self.mentions[index]
            if kind == "ministry" and "міністерство" in heads:
                return self.mentions[index]
        return None


def descriptions(
    doc: Document, start: int, end: int, organisations: Organisations, marks: Marks
) -> list[EntityMention]:
    """Mentions standing for the organisations that lower-case head nouns between tokens
    ``start`` and ``end`` refer back to (``marks``: the document's, which list those nouns)."""
    found = []
    for index in marks.within(marks.heads, start, end):
        token = doc.tokens[index]
        head = anaphoric_head(token.text)
        antecedent = None if head is None else organisations.antecedent(index, *head)
        if antecedent is not None:
            found.append(EntityMention(antecedent.entity_id, "ORG", token.start, token.end, index))
    return found
