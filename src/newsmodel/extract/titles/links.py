"""The titles stage: every title the document gives a person mention, from each way of writing
one (:mod:`.apposition`, :mod:`.predicate`, :mod:`.leading`, a bare title after the person's
sentence), the pronoun that points back to a person resolved, and the titles to state chosen."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace

from newsmodel.extract.document import Document
from newsmodel.extract.recognizer import EntitySpan
from newsmodel.extract.titles import apposition, leading, phrase, predicate
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
    written = {id(person): apposition.before(doc, index, person) for person in persons}
    # "Марченко, голова РДА, депутат райради Юрій Оніщенко": a title opening the next
    # person's list of titles is not the previous person's apposition
    listed = {title.first_token for titles in written.values() for title in titles}
    for person in persons:
        titles = written[id(person)]
        if not titles:
            later = apposition.after(doc, index, person)
            titles = [later] if later is not None and later.first_token not in listed else []
        links.extend(TitleLink(person, title, "apposition") for title in titles)
        if titles and titles[-1].plural:  # "депутати Андрій Сенченко та Олег Дудченко"
            links.extend(
                TitleLink(other, titles[-1], "apposition") for other in _listed(doc, index, person)
            )
    for claim in [*predicate.claims(doc, index), *leading.claims(doc, index)]:
        if claim.person is not None:
            links.append(TitleLink(claim.person, claim.title, "predicate"))
        elif claim.anaphor is not None:
            target = resolve(doc, persons, claim.anaphor)
            if target is not None:
                links.append(TitleLink(target, claim.title, "anaphor"))
    links.extend(_bare_titles(doc, index, persons))
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


def _listed(doc: Document, spans: Spans, person: EntitySpan) -> list[EntitySpan]:
    """The persons listed right after ``person`` (``, Олег Дудченко та Ірина Коваль``)."""
    found = []
    index = person.last_token + 1
    while index + 1 < len(doc.tokens) and doc.tokens[index].text in {",", "і", "й", "та"}:
        span = spans.by_first.get(index + 1)
        if span is None or span.label != "PERS":
            break
        found.append(span)
        index = span.last_token + 1
    return found


def _bare_titles(doc: Document, spans: Spans, persons: Sequence[EntitySpan]) -> list[TitleLink]:
    """``Іван Петренко приїхав до Львова. Міністр заявив ...``: a sentence whose subject is a
    bare title refers to the person named in the sentence before.  Weak: used only when the
    text gives the person no other title, and never when the sentence before names someone
    else by that title (``зустрівся з прем'єром. Прем'єр заявив``)."""
    found = []
    for sentence in doc.sentences[1:]:
        head = sentence.start
        while head < sentence.end - 1 and not phrase.head_readings(doc, head):
            if not phrase.agrees(doc, head, head + 1) or head - sentence.start > 2:
                break
            head += 1
        readings = phrase.head_readings(doc, head)
        if not any(r.case == "nomn" and not r.plural for r in readings):
            continue
        last, inner = phrase.extent(doc, spans, head)
        following = last + 1
        if following >= sentence.end or not phrase.is_verb(doc, following):
            continue
        lemmas = {r.lemma for r in readings}
        previous = doc.sentences[doc.tokens[head].sentence - 1]
        if any(doc.lemmas(i, "NOUN") & lemmas for i in range(previous.start, previous.end)):
            continue
        target = resolve(doc, persons, sentence.start, gendered=False)
        if (
            target is not None
            and doc.tokens[target.first_token].sentence == doc.tokens[previous.start].sentence
        ):
            title = phrase.make(doc, sentence.start, last, inner)
            found.append(TitleLink(target, replace(title, weak=True), "anaphor"))
    return found


def _gender(doc: Document, token: int) -> str | None:
    return next((r.gender for r in doc.readings[token] if r.case == "nomn" and r.gender), None)


def _person_gender(doc: Document, person: EntitySpan) -> str | None:
    for index in range(person.first_token, person.last_token + 1):
        for reading in doc.readings[index]:
            if reading.is_name and reading.gender and reading.case == "nomn":
                return reading.gender
    return None


def resolve(
    doc: Document, persons: Sequence[EntitySpan], anaphor: int, *, gendered: bool = True
) -> EntitySpan | None:
    """The person a subject pronoun (``він``, ``вона``, ``останній``) refers to: the last one
    named before it in its sentence or the one before, of the pronoun's gender.  ``persons``
    are the person spans in text order."""
    sentence = doc.tokens[anaphor].sentence
    gender = _gender(doc, anaphor) if gendered else None
    # ``persons`` are in text order: start at the last one before the anaphor
    before = bisect_left(persons, anaphor, key=lambda person: person.last_token)
    for number in range(before - 1, -1, -1):
        person = persons[number]
        if sentence - doc.tokens[person.first_token].sentence > ANAPHOR_REACH:
            break
        found = _person_gender(doc, person)
        if gender is None or found is None or found == gender:
            return person
    return None

