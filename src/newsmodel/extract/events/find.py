"""The events stage: one event per clause, then one event per happening.

Each clause of the document (cut again at line breaks: a paragraph never continues a clause)
reports at most one event (``clause.py``); its participants and places come from the clause's
mentions in their frame roles (``roles.py``), its date from the clause, else the sentence, else a
back-reference (``dating.py``); retellings and back-references join the first telling
(``merge.py``).  The result is stored as the document's ``events`` layer.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from datetime import date
from operator import attrgetter
from typing import Any

from newsmodel.extract.document import Document
from newsmodel.extract.events.anaphora import Organisations, descriptions
from newsmodel.extract.events.clause import ClauseEvent, clause_event, conditional_starts
from newsmodel.extract.events.dating import (
    DatedSpan,
    Owners,
    by_sentence,
    event_date,
    place_dates,
)
from newsmodel.extract.events.lexicon import lexicon
from newsmodel.extract.events.marks import Marks, marks
from newsmodel.extract.events.merge import (
    EventCandidate,
    family,
    merge,
    mergeable,
    referred_to,
)
from newsmodel.extract.events.roles import EntityMention, People, cast
from newsmodel.models import EventCategory

_TREATY = "Підписання договору"
_FIRST_TOKEN = attrgetter("first_token")


def units(doc: Document, marked: Marks | None = None) -> list[tuple[int, int]]:
    """The document's clauses as token ranges, cut again where a line break falls inside and
    between predicates joined by a bare comma (``Його затримали, наступного дня повідомили
    про підозру``: two happenings).  Only the tokens that can cut (a line's first token, a
    comma, a finite verb) are visited, each once; ``marked``: the document's marks (which
    list its commas), found here when not given."""
    found = []
    lower, finite = doc.lower, doc.finite_verbs
    breaks = doc.line_starts()
    commas = (marks(doc) if marked is None else marked).commas
    cutting = sorted({*breaks, *commas, *doc.finite_at})
    line_starts = frozenset(breaks)
    for clause in doc.clauses:
        start, verb_before = clause.start, finite[clause.start]
        comma: int | None = None  # the last comma since start, with a verb before it
        verb_after = False
        for index in cutting[bisect_right(cutting, start) : bisect_left(cutting, clause.end)]:
            if index in line_starts:
                found.append((start, index))
                start, comma, verb_before, verb_after = index, None, False, False
            if lower[index] == ",":
                if comma is not None and verb_after:
                    found.append((start, comma + 1))
                    start, verb_before = comma + 1, True
                comma = index if verb_before else None
                verb_after = False
            elif finite[index]:
                if comma is None:
                    verb_before = True
                else:
                    verb_after = True
        if comma is not None and verb_after:
            found.append((start, comma + 1))
            start = comma + 1
        found.append((start, clause.end))
    return found


def _demonstrative_before(doc: Document, event: ClauseEvent) -> bool:
    words = lexicon().singles("demonstrative")
    index = event.trigger - 1
    while index >= event.start and doc.lower[index] in ("ж", "же", "самого", "самої"):
        index -= 1
    return index >= event.start and doc.lower[index] in words


def _takes_part_in_it(doc: Document, event: ClauseEvent) -> bool:
    """``взяли участь`` with a pronoun for the event (``у них``, ``в ньому``) before it."""
    if event.obj is None or not doc.lemmas(event.obj) & lexicon().singles("participation_lemma"):
        return False
    words = [t.text.lower() for t in doc.tokens[event.start : event.trigger]]
    pronouns = lexicon().singles("event_pronoun")
    return any(a in ("у", "в") and b in pronouns for a, b in itertools.pairwise(words))


def _evidence(doc: Document, trigger: int) -> str:
    """The trigger's sentence, within its line (a paragraph never continues a sentence)."""
    tokens, text = doc.tokens, doc.text
    sentence = doc.sentences[tokens[trigger].sentence]
    start, end = tokens[sentence.start].start, tokens[sentence.end - 1].end
    at = tokens[trigger].start
    line_start = text.rfind("\n", start, at) + 1 or start  # never before start
    line_end = text.find("\n", at, end)
    return text[line_start : end if line_end < 0 else line_end].strip()


def _candidate(
    doc: Document,
    event: ClauseEvent,
    mentions: Sequence[EntityMention],
    people: People,
    dated: DatedSpan | None,
    *,
    context: tuple[int, int],
    marked: Marks,
) -> EventCandidate:
    """The event told by the clause, with its cast and date (``context``: the tokens around
    the clause its stage reads, :meth:`Document.context`)."""
    number = doc.tokens[event.trigger].sentence
    who = cast(doc, event, mentions, context, people, marks=marked)
    trigger = doc.tokens[event.trigger]
    start, end = trigger.start, trigger.end
    if event.obj is not None and abs(event.obj - event.trigger) <= 3:
        # "наклав арешт", "провадження було розпочате": the support verb with its object
        start = min(start, doc.tokens[event.obj].start)
        end = max(end, doc.tokens[event.obj].end)
    category, name = event.frame.category, event.frame.name
    if who.between_states:
        category, name = EventCategory.AGREEMENT, _TREATY
        who.participants = [(i, "signatory" if r == "party" else r) for i, r in who.participants]
    candidate = EventCandidate(
        category,
        name + who.place_suffix,
        number,
        _evidence(doc, event.trigger),
        [(start, end)],
        status=event.status,
        location=who.location,
        participants=who.participants,
        priority=event.frame.priority,
        base_name=name,
        place_suffix=who.place_suffix,
        suffixes=[who.place_suffix] if who.place_suffix else [],
    )
    if dated is not None:
        if dated.relation == "until":
            candidate.end_date = dated.value
        else:
            candidate.start_date = dated.value
            if dated.relation == "between" and dated.end_value is not None:
                candidate.end_date = dated.end_value
    return candidate


def _real(candidate: EventCandidate, people: frozenset[str], needs: str, *, happened: bool) -> bool:
    """A happening, not a kind of one: someone (other than the source) took part, or it has a
    place or a date; an appointment or a dismissal happens to a person; an election needs a
    date, a plan, or a verb saying it took place (``happened``: :func:`_said_to_happen`)."""
    actors = [ident for ident, role in candidate.participants if role != "source"]
    if needs == "person" and not any(ident in people for ident in actors):
        return False
    if needs == "happen" and not (
        candidate.start_date or candidate.status != "occurred" or happened
    ):
        return False
    return bool(actors or candidate.location or candidate.start_date or candidate.end_date)


def _said_to_happen(doc: Document, event: ClauseEvent) -> bool:
    """``У США відбулися вибори``, ``Трамп переміг на виборах``: a finite verb of the clause says
    the happening took place (``happen_lemma`` in ``modality.tsv``), or the clause names it
    both ways, a verb and a noun trigger of the same category.  A verb trigger alone does not
    count for itself: ``переміг`` may tell of a match or a card game, and still needs a date."""
    table = lexicon()
    happen = table.singles("happen_lemma")
    other = "VERB" if event.frame.pos == "NOUN" else "NOUN"
    category = event.frame.category
    for index in range(event.start, event.end):
        if index == event.trigger:
            if event.obj is None:
                continue  # a lone verb trigger
        elif not doc.tokens[index].is_word:
            continue
        lemmas = doc.lemmas(index)
        if doc.is_finite_verb(index) and not lemmas.isdisjoint(happen):
            return True
        for lemma in lemmas:
            frame = table.frames.get((lemma, other))
            if frame is not None and frame.category == category and index != event.trigger:
                return True
    return False


def _future(candidate: EventCandidate, published: date | None) -> None:
    """A date after publication makes a reported happening a scheduled one."""
    if published is None or candidate.start_date is None or candidate.status != "occurred":
        return
    if candidate.start_date.first_day() > published:
        candidate.status = "scheduled"


def find_events(
    doc: Document,
    mentions: Sequence[EntityMention],
    dates: Sequence[DatedSpan],
    *,
    within: Mapping[str, str] | None = None,
    published: date | None = None,
) -> list[dict[str, Any]]:
    """Events as dictionaries ready for ``Event.model_validate`` (ids ``event-<n>-<category>``).

    ``within`` maps a place id to the id of the country it lies in (``Пхеньян`` -> ``КНДР``),
    so a visit to a country and talks in its capital can be recognised as one happening."""
    inside = within or {}
    table = lexicon()
    marked = marks(doc)
    conditional = conditional_starts(doc, marked)
    found: list[ClauseEvent] = []
    for start, end in units(doc, marked):
        supposed = conditional.get(doc.tokens[start].sentence)
        event = clause_event(doc, start, end, supposed, marks=marked)
        if event is not None:
            found.append(event)
    owner = Owners(found)
    placed = by_sentence(doc, place_dates(doc, dates))
    count = len(doc.tokens)
    ordered = sorted([m for m in mentions if m.first_token < count], key=_FIRST_TOKEN)
    starts = [m.first_token for m in ordered]
    people = People(mentions)
    orgs = Organisations(doc, mentions)
    events: list[EventCandidate] = []
    families: dict[EventCategory, list[EventCandidate]] = {}
    for event in found:
        context = low, high = doc.context(event.start, event.end)
        dated = event_date(doc, event, context, placed, owner)
        nearby = ordered[bisect_left(starts, low) : bisect_left(starts, high)]
        described = descriptions(doc, event.start, event.end, orgs, marked)
        if described:
            nearby = [*nearby, *_uncovered(described, nearby)]
        candidate = _candidate(doc, event, nearby, people, dated, context=context, marked=marked)
        _future(candidate, published)
        same = families.setdefault(family(candidate.category), [])
        if _demonstrative_before(doc, event):
            antecedent = referred_to(same, candidate)
            if antecedent is not None:
                # "за результатами цих переговорів ...": the clause goes on about something
                # else, so only the mention joins the event (not its people, places or dates)
                antecedent.mentions.extend(candidate.mentions)
                continue
        if events and _takes_part_in_it(doc, event):
            # "У них взяли участь ...": the people took part in the event just told
            for ident, role in candidate.participants:
                if all(ident != other for other, _ in events[-1].participants):
                    events[-1].participants.append((ident, role))
            events[-1].mentions.extend(candidate.mentions)
            continue
        previous = mergeable(same, candidate, inside)
        if previous is not None:
            merge(previous, candidate, inside)  # the category stays in its family
            continue
        needs = table.categories[event.frame.category].needs
        happened = needs == "happen" and _said_to_happen(doc, event)
        if _real(candidate, people.ids, needs, happened=happened):
            events.append(candidate)
            same.append(candidate)
    result = [event.as_dict(index + 1, doc.text) for index, event in enumerate(events)]
    doc.layers["events"] = events
    return result


def _uncovered(
    found: Sequence[EntityMention], mentions: Sequence[EntityMention]
) -> list[EntityMention]:
    """Descriptions outside every name (``суд`` inside ``Печерський районний суд`` is the
    name's own word, not a reference back)."""
    return [d for d in found if not any(m.start <= d.start and d.end <= m.end for m in mentions)]


__all__ = ["find_events", "units"]
