"""Job titles and whom they belong to, read off the annotated document.

A person's title is written beside the name (:mod:`.apposition`: ``міністр оборони КНДР Но Кван
Чхоль``, ``Ірина Коваль, голова правління банку``), or as a predicate's complement
(:mod:`.predicate`: ``є засновником``, ``став керівником``, ``Директором фірми є ...``), whose
subject may be a pronoun or ``останній`` referring to the person named last before it.  Titles
are in the nominative singular, with the organisation part as written (``голова правління
ПриватБанку``).  Head words, predicate verbs and the other special words are lexicon data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsmodel.extract.document import Document
from newsmodel.extract.recognizer import EntitySpan
from newsmodel.extract.titles import apposition, predicate
from newsmodel.extract.titles.lexicon import title_heads
from newsmodel.extract.titles.phrase import Spans, Title

ANAPHOR_REACH = 1
"""How many sentences back a pronoun subject may find its person."""


@dataclass(frozen=True, slots=True)
class TitleLink:
    """A title found for one person mention (``person`` is the recogniser's span)."""

    person: EntitySpan
    title: Title
    source: str  # apposition, predicate or anaphor


def find_titles(doc: Document, spans: Sequence[EntitySpan]) -> list[TitleLink]:
    """Every title the document gives a person mention, in text order of the titles."""
    index = Spans.build(spans)
    persons = sorted(
        (s for s in spans if s.label == "PERS" and s.first_token >= 0), key=lambda s: s.first_token
    )
    links: list[TitleLink] = []
    for person in persons:
        written = apposition.before(doc, index, person)
        if not written:
            later = apposition.after(doc, index, person)
            written = [later] if later is not None else []
        links.extend(TitleLink(person, title, "apposition") for title in written)
    for claim in predicate.claims(doc, index):
        if claim.person is not None:
            links.append(TitleLink(claim.person, claim.title, "predicate"))
        elif claim.anaphor is not None:
            target = resolve(doc, persons, claim.anaphor)
            if target is not None:
                links.append(TitleLink(target, claim.title, "anaphor"))
    links.sort(key=lambda link: link.title.first_token)
    doc.layers["titles"] = links
    return links


MAX_TITLES = 3


def choose(found: Sequence[Title]) -> list[Title]:
    """The titles to state for one person, in text order: weak ones (``власник``) only when
    there is nothing else, each once, a title contained in a longer one dropped."""
    strong = [t for t in found if not t.weak] or list(found[:1])
    chosen: list[Title] = []
    for title in strong:
        key = title.text.casefold()
        if any(key in other.text.casefold() for other in chosen):
            continue
        chosen = [c for c in chosen if c.text.casefold() not in key]
        chosen.append(title)
    return sorted(chosen, key=lambda t: t.first_token)[:MAX_TITLES]


def _gender(doc: Document, token: int) -> str | None:
    return next((r.gender for r in doc.readings[token] if r.case == "nomn" and r.gender), None)


def _person_gender(doc: Document, person: EntitySpan) -> str | None:
    for index in range(person.first_token, person.last_token + 1):
        for reading in doc.readings[index]:
            if reading.is_name and reading.gender and reading.case == "nomn":
                return reading.gender
    return None


def resolve(doc: Document, persons: Sequence[EntitySpan], anaphor: int) -> EntitySpan | None:
    """The person a subject pronoun (``він``, ``вона``, ``останній``) refers to: the last one
    named before it in its sentence or the one before, of the pronoun's gender."""
    sentence = doc.tokens[anaphor].sentence
    gender = _gender(doc, anaphor)
    for person in reversed(persons):
        if person.last_token >= anaphor:
            continue
        if sentence - doc.tokens[person.first_token].sentence > ANAPHOR_REACH:
            break
        found = _person_gender(doc, person)
        if gender is None or found is None or found == gender:
            return person
    return None


__all__ = ["Title", "TitleLink", "choose", "find_titles", "resolve", "title_heads"]
