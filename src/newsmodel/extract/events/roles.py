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

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter, itemgetter

from newsmodel.extract import morph
from newsmodel.extract.document import Document, noun_lemmas
from newsmodel.extract.events.clause import ClauseEvent
from newsmodel.extract.events.marks import SUBJECT_PRONOUNS, Marks
from newsmodel.extract.morph import WORDS_CACHED
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
        "м.",
        "с.",
        "смт.",
        "вул.",
        "вулиці",
        "області",
        "районі",
    }
)
"""Words between a preposition and the name it governs: settlement words, quotes."""
_PRONOUN_REACH = 40
"""How far back from the trigger a subject pronoun is looked for."""
_RELATIVES = {"який": "masc", "яка": "femn", "котрий": "masc", "котра": "femn"}
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
_AFTER = ("datv", "ablt", "gent", "accs", "nomn", "loct")
"""After the trigger a name is more likely its object than a late subject."""
_GENERIC_HEADS = frozenset(
    {
        "компанія",
        "фірма",
        "підприємство",
        "товариство",
        "корпорація",
        "концерн",
        "холдинг",
        "організація",
        "банк",
        "група",
        "агенція",
        "агентство",
    }
)
"""Common nouns before an organisation's name (``у компанії «X»``): the preposition governs
the whole phrase."""
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


def _cases(doc: Document, index: int) -> frozenset[str]:
    """The cases a token can be in; empty when it is indeclinable or unknown (``ТОВ``, ``НАЗК``)."""
    token = doc.tokens[index]
    return _word_cases(token.text) if token.is_word else frozenset()


@lru_cache(maxsize=WORDS_CACHED)
def _word_cases(word: str) -> frozenset[str]:
    """:func:`_cases` of a word, once per distinct word."""
    readings = morph.readings(word)
    found = frozenset(r.case for r in readings if r.case)
    fixed = any("Fixd" in r.grammemes for r in readings)
    return frozenset() if fixed or len(found) >= 5 else found


def _preposition(doc: Document, first: int) -> str | None:
    """The preposition governing a mention, past a settlement word or an opening quote
    (``у м. Дніпрі``, ``в селі Любохини``, ``з «Укрпластом»``)."""
    sentence_start = doc.sentence_of(first).start
    tokens = doc.tokens
    index = first - 1
    while index >= sentence_start and _passed_over(tokens[index].text):
        index -= 1
    if index < sentence_start:
        return None
    return _PREPOSITIONS.get(doc.lower[index])


@lru_cache(maxsize=WORDS_CACHED)
def _passed_over(text: str) -> bool:
    """A token between a preposition and its name: a settlement word, a quote, a generic head
    noun (:data:`_GENERIC_HEADS`), once per distinct token."""
    if text.lower() in _SKIPPED:
        return True
    return text[:1].isalnum() and not noun_lemmas(text).isdisjoint(_GENERIC_HEADS)


def _word_before(doc: Document, mention: EntityMention) -> str:
    """The preposition as the text writes it (``у``, ``в``, ``до``), past settlement words."""
    index = mention.first_token - 1
    while index > 0 and doc.lower[index] in _SKIPPED:
        index -= 1
    return doc.lower[index]


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
        after_noun = first > event.start and first - 1 != event.trigger and _is_noun(doc, first - 1)
        if after_noun and mention.label == "ORG":
            # "рахунки ТОВ «Світанок»": an organisation after a noun is its possessor (a person
            # after one is in apposition to a title: "міністр оборони КНДР Но Гван Чоль")
            return "gent"
        return "nomn" if ahead else ("gent" if noun else "accs")
    if ahead and "nomn" in cases:
        return "nomn"
    if not ahead and noun and "gent" in cases:
        return "gent"
    if not ahead and "accs" in cases and not noun:
        return "accs"
    for case in _CASES if ahead else _AFTER:
        if case in cases:
            return case
    return "nomn"


def _is_noun(doc: Document, index: int) -> bool:
    token = doc.tokens[index]
    return token.is_word and _known_noun(token.text)


@lru_cache(maxsize=WORDS_CACHED)
def _known_noun(word: str) -> bool:
    return any(r.pos == "NOUN" and r.known for r in morph.readings(word))


def _is_source(mention: EntityMention, sentence: tuple[int, int], marks: Marks) -> bool:
    """A reporting word within three words of the mention, in its sentence."""
    start, end = sentence
    first = mention.first_token
    low, high = max(start, first - _SOURCE_WINDOW), min(end, first + _SOURCE_WINDOW + 1)
    return marks.any_within(marks.sources, low, high)


def _nested(mention: EntityMention, mentions: Sequence[EntityMention]) -> bool:
    """Inside a longer mention (``Києва`` in ``суду м. Києва``): part of a name, not a role."""
    start, end = mention.start, mention.end
    for other in mentions:
        if other.start <= start and end <= other.end and other.end - other.start > end - start:
            return True  # a longer one, so never the mention itself
    return False


def cast(
    doc: Document,
    event: ClauseEvent,
    mentions: Sequence[EntityMention],
    sentence: tuple[int, int],
    people: People,
    *,
    marks: Marks,
) -> Cast:
    """The participants and places of the clause's event (``mentions``: its sentence's;
    ``marks``: the document's)."""
    result = Cast([], [], "")
    start, end = event.start, event.end
    inside = [m for m in mentions if start <= m.first_token < end]
    category = event.frame.category
    name_place: tuple[int, str] | None = None
    several = len(inside) > 1
    for mention in inside:
        if several and _nested(mention, inside):
            continue
        how = marking(doc, mention, event)
        if mention.label == "LOC":
            moving = category in _MOVEMENTS and how == "до"
            if how in _LOCATIVE or how == "loct" or moving:
                if mention.entity_id not in result.location:
                    result.location.append(mention.entity_id)
                if how in {"у", "на", "loct"} or moving:
                    distance = abs(mention.first_token - event.trigger)
                    if name_place is None or distance < name_place[0]:
                        preposition = "у" if how == "loct" else _word_before(doc, mention)
                        text = doc.text[mention.start : mention.end]
                        name_place = (distance, f" {preposition} {text}")
            elif category is EventCategory.CONTRACT and how in _PARTIES:
                result.between_states = True
                _add(result, mention.entity_id, "signatory")
            elif category in _STATE_ACTS and how == "nomn":
                _add(result, mention.entity_id, event.frame.roles.get("nomn", "participant"))
            continue
        if mention.label == "ORG" and _is_source(mention, sentence, marks):
            _add(result, mention.entity_id, "source")
            continue
        role = event.frame.roles.get(how)
        if role is None and how in _CASES:
            role = "participant"
        if role is not None:
            _add(result, mention.entity_id, role)
    if name_place is not None:
        result.place_suffix = name_place[1]
    low, high = sentence
    for mention in mentions:
        # "«Переговори пройшли ...», йдеться в повідомленні ЦТАК": the reporting clause of
        # the sentence names the source of every event told in it
        first = mention.first_token
        if (
            mention.label == "ORG"
            and low <= first < high
            and not start <= first < end
            and _is_source(mention, sentence, marks)
        ):
            _add(result, mention.entity_id, "source")
    _subject_pronoun(doc, event, people, result, marks)
    return result


class People:
    """The person mentions of a document in text order, to find the one last named before a
    token (a binary search, so the stage stays linear)."""

    def __init__(self, mentions: Sequence[EntityMention]) -> None:
        self.mentions = sorted([m for m in mentions if m.label == "PERS"], key=_FIRST_TOKEN)
        self.starts = [m.first_token for m in self.mentions]
        self.ids = frozenset(m.entity_id for m in self.mentions)

    def last_before(self, token: int) -> EntityMention | None:
        index = bisect_left(self.starts, token)
        return self.mentions[index - 1] if index else None


def _subject_pronoun(
    doc: Document, event: ClauseEvent, people: People, result: Cast, marks: Marks
) -> None:
    """``Він ... став першим заступником``: a subject pronoun before the trigger (in its clause,
    or an earlier clause of its sentence sharing the subject: ``Він очолював ..., а потім став``)
    stands for the person last named before it, when the clause names no person itself."""
    first = doc.lower[event.start]
    relative = first in _RELATIVES
    if not relative and not marks.any_within(
        marks.pronouns, event.trigger - _PRONOUN_REACH, event.trigger
    ):
        return  # no pronoun near enough to stand for anyone (the cheapest test first: all pure)
    if not people.ids.isdisjoint(map(_IDENT, result.participants)):
        return
    sentence_start = doc.sentence_of(event.trigger).start
    if relative:
        # "Олексія Алтуніна, прописаного в Донецьку, який став директором": the relative
        # pronoun stands for the person named before it in its sentence
        pronoun, wanted = event.start, _RELATIVES[first]
    else:
        reach = max(sentence_start, event.trigger - _PRONOUN_REACH)
        found = marks.within(marks.pronouns, reach, event.trigger)
        if not found:
            return
        pronoun, wanted = found[0], SUBJECT_PRONOUNS[doc.lower[found[0]]]
        sentence_start = 0
    earlier = people.last_before(pronoun)
    if earlier is None or earlier.first_token < sentence_start:
        return
    # "Вона наголошувала" after a man was named: she is something else (an agency, a country)
    genders = {r.gender for r in doc.readings[earlier.first_token] if r.is_name}
    if genders and wanted not in genders:
        return
    _add(result, earlier.entity_id, event.frame.roles.get("nomn", "participant"))


def _add(result: Cast, entity_id: str, role: str) -> None:
    """The entity in its role, unless it already has one."""
    if entity_id not in map(_IDENT, result.participants):
        result.participants.append((entity_id, role))


_IDENT = itemgetter(0)
_FIRST_TOKEN = attrgetter("first_token")
"""A participant's id (its role is the second item)."""


__all__ = ["Cast", "EntityMention", "People", "cast", "marking"]
