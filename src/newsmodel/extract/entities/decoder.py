"""The decoder: every rule proposes a candidate span with its evidence, and the best one wins.

The rules (organisations, places, people, single words) do not decide alone.  At a token each
rule that fires proposes a :class:`Candidate`: a span of tokens, a label (or none, for a span
that names no entity: a product, the title of an act) and the evidence for it, named in
``lexicon/entities/evidence.tsv`` with its weight.  The context adds its own evidence (a verb of
speech or a job title beside a person candidate, :mod:`.context`).  A candidate's score is the
sum of its evidence's weights, and :func:`best` takes, among the candidates that start at one
token, the highest score and then the longest span; the scan goes on after it, so the chosen
spans never overlap.  :func:`bound` lets the scan stop asking rules once no later rule could
beat the best so far, which keeps the cost of asking every rule close to that of asking one.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import NamedTuple

from newsmodel.extract.lexicon_data import parse_rows, read
from newsmodel.extract.recognizer import EntitySpan, Label

EVIDENCE_FILE = "entities/evidence.tsv"
THRESHOLD = "threshold"
"""The row of the evidence table giving the least score a candidate needs to be taken."""
CONTEXT_EVIDENCE = ("speech_verb", "job_title")
"""Evidence the context adds to a person candidate (:mod:`.context`), at most once each."""


@cache
def weights() -> dict[str, int]:
    """Each evidence's weight (``lexicon/entities/evidence.tsv``)."""
    table: dict[str, int] = {}
    for number, row in parse_rows(EVIDENCE_FILE, read(EVIDENCE_FILE)):
        try:
            table[row["evidence"]] = int(row["weight"])
        except ValueError as error:
            raise ValueError(f"{EVIDENCE_FILE}:{number}: weight must be an integer") from error
    return table


class Candidate(NamedTuple):
    """A span one rule proposes, with the evidence for it and its score (their weights' sum).

    ``span`` is the entity it would become, or ``None`` for a span that names no entity
    (``first``/``last`` then say which tokens it keeps from the other rules).  Build one with
    :func:`entity` or :func:`nothing`, which add up the score.
    """

    first: int
    last: int
    span: EntitySpan | None
    evidence: tuple[str, ...]
    score: int

    @property
    def label(self) -> Label | None:
        return self.span.label if self.span is not None else None

    def with_evidence(self, *names: str) -> Candidate:
        table = weights()
        score = self.score + sum(table[name] for name in names)
        return Candidate(self.first, self.last, self.span, (*self.evidence, *names), score)


def entity(span: EntitySpan, evidence: str) -> Candidate:
    """The candidate a rule proposes for ``span``."""
    return Candidate(span.first_token, span.last_token, span, (evidence,), weights()[evidence])


def nothing(first: int, last: int, evidence: str) -> Candidate:
    """A candidate for tokens ``first..last`` naming no entity."""
    return Candidate(first, last, None, (evidence,), weights()[evidence])


def bound(rule_evidence: str, context: Iterable[str] = CONTEXT_EVIDENCE) -> int:
    """The most a candidate of this rule can score with the ``context`` evidence it may get
    (by default all there is)."""
    table = weights()
    return table[rule_evidence] + sum(table[name] for name in context)


def best(candidates: Iterable[Candidate]) -> Candidate | None:
    """The highest score, then the longest span, then the first proposed (the more specific
    rule: rules are asked from the most specific evidence down); a candidate scoring under the
    table's ``threshold`` is never taken."""
    chosen: Candidate | None = None
    least = weights()[THRESHOLD]
    for candidate in candidates:
        if candidate.score < least:
            continue  # the evidence against it outweighs the rule's
        if chosen is None or (candidate.score, candidate.last) > (chosen.score, chosen.last):
            chosen = candidate
    return chosen


__all__ = ["Candidate", "best", "bound", "entity", "nothing", "weights"]
