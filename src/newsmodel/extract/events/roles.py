"""Who and where: the people, organisations and places of a clause, in their frame roles.

A mention's marking is the preposition before it (``з``, ``від``, ``до``, ``проти``...), else its
case (from ``Document.readings``, read against its place: a nominative before a verb is its
subject, an accusative after it its object, a genitive after a noun trigger its agent: ``ухвала
суду``, ``візит Шойгу``).  The frame maps the marking to a role.  A place after ``у``/``в``/``на``
is where the event happened; a place is a participant only where a state acts (``Північна Корея
надіслала війська``), never a decision-maker.  An organisation next to a reporting word
(``повідомляє Укрінформ``, ``за даними розвідки``) is the ``source``: it told, it did not take part.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsmodel.extract.document import Document
from newsmodel.extract.events.clause import ClauseEvent
from newsmodel.extract.events.lexicon import lexicon
from newsmodel.models import EventCategory

_PREPOSITIONS = {
    "з": "з",
    "із": "з",
    "зі": "з",
    "від": "від",
    "до": "до",
    "проти": "проти",
    "між": "між",
    "для": "для",
    "щодо": "щодо",
    "стосовно": "щодо",
    "на": "на",
    "над": "над",
    "по": "по",
    "за": "за",
    "у": "у",
    "в": "у",
    "біля": "біля",
    "поблизу": "біля",
    "під": "під",
    "про": "про",
    "серед": "серед",
    "через": "через",
    "при": "при",
    "без": "без",
}
_SKIPPED = frozenset(
    {
        ".",
        "«",
        '"',
        "„",
        "“",
        "м",
        "с",
        "смт",
        "сел",
        "місто",
        "місті",
        "міста",
        "село",
        "селі",
        "селище",
        "селищі",
        "місцевості",
        "урочищі",
        "вул",
        "вулиці",
        "області",
        "районі",
    }
)
"""Words between a preposition and the name it governs: settlement words, quotes."""
_PRONOUNS = {"він": "masc", "вона": "femn"}
_LOCATIVE = frozenset({"у", "на", "біля", "під"})
_MOVEMENTS = frozenset({EventCategory.VISIT, EventCategory.DEPLOYMENT})
_STATE_ACTS = frozenset(
    {
        EventCategory.DEPLOYMENT,
        EventCategory.ATTACK,
        EventCategory.AID,
        EventCategory.SANCTIONS,
        EventCategory.MILITARY_ACTION,
        EventCategory.AGREEMENT,
    }
)
_PARTIES = frozenset({"між", "з", "nomn", "ablt"})
_CASES = ("nomn", "accs", "gent", "datv", "ablt", "loct")
_NAMED_WINDOW = 3
_SOURCE_WINDOW = 3


@dataclass(frozen=True, slots=True)
class EntityMention:
    """A mention the events stage can use: who (id, label) and where (span, first token)."""

    entity_id: str
    label: str
    start: int
    end: int
    first_token: int


@dataclass(slots=True)
class Cast:
    """A clause's participants ``(id, role)``, places, and the place its event is named after."""

    participants: list[tuple[str, str]]
    location: list[str]
    place_suffix: str
    between_states: bool = False
    """States are its parties (``договір між Росією та КНДР``): a treaty, not a business deal."""


def _cases(doc: Document, index: int) -> set[str]:
    """The cases a token can be in; empty when it is indeclinable or unknown (``ТОВ``, ``НАЗК``)."""
    found = {r.case for r in doc.readings[index] if r.case}
    fixed = any("Fixd" in r.grammemes for r in doc.readings[index])
    return set() if fixed or len(found) >= 5 else {c for c in found if c}


def _preposition(doc: Document, first: int) -> str | None:
    """The preposition governing a mention, past a settlement word or an opening quote
    (``у м. Дніпрі``, ``в селі Любохини``, ``з «Укрпластом»``)."""
    sentence_start = doc.sentence_of(first).start
    index = first - 1
    while index >= sentence_start and doc.tokens[index].text.lower() in _SKIPPED:
        index -= 1
    if index < sentence_start:
        return None
    return _PREPOSITIONS.get(doc.tokens[index].text.lower())


def marking(doc: Document, mention: EntityMention, event: ClauseEvent) -> str:
    """The preposition before the mention, else its case in the clause (see module doc)."""
    first = mention.first_token
    preposition = _preposition(doc, first)
    if preposition is not None:
        return preposition
    cases = _cases(doc, first)
    ahead = first < event.trigger
    noun = event.frame.pos == "NOUN" and event.obj is None
    if not cases:
        return "nomn" if ahead else ("gent" if noun else "accs")
    if ahead and "nomn" in cases:
        return "nomn"
    if not ahead and noun and "gent" in cases:
        return "gent"
    if not ahead and "accs" in cases and not noun:
        return "accs"
    return next(c for c in _CASES if c in cases) if cases & set(_CASES) else "nomn"


def _is_source(doc: Document, mention: EntityMention, sentence: tuple[int, int]) -> bool:
    """A reporting word within three words of the mention, in its sentence."""
    sources = lexicon().sources
    start, end = sentence
    first = mention.first_token
    for index in range(max(start, first - _SOURCE_WINDOW), min(end, first + _SOURCE_WINDOW + 1)):
        if doc.lemmas(index) & sources:
            return True
    return False


def _nested(mention: EntityMention, mentions: Sequence[EntityMention]) -> bool:
    """Inside a longer mention (``Києва`` in ``суду м. Києва``): part of a name, not a role."""
    return any(
        other is not mention
        and other.start <= mention.start
        and mention.end <= other.end
        and (other.end - other.start) > (mention.end - mention.start)
        for other in mentions
    )


def cast(
    doc: Document,
    event: ClauseEvent,
    mentions: Sequence[EntityMention],
    sentence: tuple[int, int],
) -> Cast:
    """The participants and places of the clause's event (``mentions`` of its sentence)."""
    result = Cast([], [], "")
    inside = [m for m in mentions if event.start <= m.first_token < event.end]
    category = event.frame.category
    name_place: tuple[int, str] | None = None
    for mention in inside:
        if _nested(mention, inside):
            continue
        how = marking(doc, mention, event)
        if mention.label == "LOC":
            moving = category in _MOVEMENTS and how == "до"
            if how in _LOCATIVE or moving:
                if mention.entity_id not in result.location:
                    result.location.append(mention.entity_id)
                if how in {"у", "на"} or moving:
                    distance = abs(mention.first_token - event.trigger)
                    if name_place is None or distance < name_place[0]:
                        preposition = doc.tokens[mention.first_token - 1].text.lower()
                        text = doc.text[mention.start : mention.end]
                        name_place = (distance, f" {preposition} {text}")
            elif category is EventCategory.CONTRACT and how in _PARTIES:
                result.between_states = True
                _add(result, mention.entity_id, "signatory")
            elif category in _STATE_ACTS and how == "nomn":
                _add(result, mention.entity_id, event.frame.roles.get("nomn", "participant"))
            continue
        if mention.label == "ORG" and _is_source(doc, mention, sentence):
            _add(result, mention.entity_id, "source")
            continue
        role = event.frame.roles.get(how)
        if role is None and how in _CASES:
            role = "participant"
        if role is not None:
            _add(result, mention.entity_id, role)
    if name_place is not None:
        result.place_suffix = name_place[1]
    _subject_pronoun(doc, event, mentions, result)
    return result


def _subject_pronoun(
    doc: Document, event: ClauseEvent, mentions: Sequence[EntityMention], result: Cast
) -> None:
    """``Він ... став першим заступником``: a subject pronoun before the trigger (in its clause,
    or an earlier clause of its sentence sharing the subject: ``Він очолював ..., а потім став``)
    stands for the person last named before it, when the clause names no person itself."""
    people = [m for m in mentions if m.label == "PERS"]
    if any(m.entity_id == ident for m in people for ident, _ in result.participants):
        return
    pronoun = next(
        (
            i
            for i in range(doc.sentence_of(event.trigger).start, event.trigger)
            if doc.tokens[i].text.lower() in _PRONOUNS
        ),
        None,
    )
    if pronoun is None:
        return
    earlier = [m for m in people if m.first_token < pronoun]
    if not earlier:
        return
    # "Вона наголошувала" after a man was named: she is something else (an agency, a country)
    wanted = _PRONOUNS[doc.tokens[pronoun].text.lower()]
    genders = {r.gender for r in doc.readings[earlier[-1].first_token] if r.is_name}
    if genders and wanted not in genders:
        return
    _add(result, earlier[-1].entity_id, event.frame.roles.get("nomn", "participant"))


def _add(result: Cast, entity_id: str, role: str) -> None:
    if all(entity_id != ident for ident, _ in result.participants):
        result.participants.append((entity_id, role))


__all__ = ["Cast", "EntityMention", "cast", "marking"]
