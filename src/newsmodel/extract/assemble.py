"""Candidates -> ``Article.model_validate``: the one place the model's rules are enforced.

The stages meet here: tokens, the recogniser's spans, coreference (one entity per real
person, organisation or place, every surface mention kept), titles, dates and events.  Ids are
readable and stable: ``person-<transliterated name>``, ``org-<slug>``, ``place-<gazetteer key or
slug>``, ``event-<n>-<category>``; the same text always gives the same ids.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from newsmodel.extract import morph
from newsmodel.extract.coreference import Entity as _Entity
from newsmodel.extract.coreference import Registry as _Registry
from newsmodel.extract.coreference import lexicon_entry as _lexicon_entry
from newsmodel.extract.coreference import maiden_names, nominative_spelling, referenced
from newsmodel.extract.dates import find_dates
from newsmodel.extract.document import Document
from newsmodel.extract.entities import SETTLEMENT_KINDS, RuleRecognizer
from newsmodel.extract.events import DatedSpan, EntityMention, find_events
from newsmodel.extract.gazetteer import GENERATED_PREFIX
from newsmodel.extract.language import detect_language
from newsmodel.extract.lead import description_from_lead, headline_from_lead
from newsmodel.extract.linking import LINK_THRESHOLD, PlaceQuery, link_places
from newsmodel.extract.names import latin, slug
from newsmodel.extract.recognizer import EntitySpan, Recognizer, checked_spans
from newsmodel.extract.source import Source
from newsmodel.extract.titles import Title, choose, find_titles
from newsmodel.models import Article

_WORD = re.compile(r"\w+(?:[-'’ʼ]\w+)*")


def article_id(source: Source, source_id: str | None) -> str:
    """The caller's id when given, otherwise a digest of the body: same text, same id."""
    if source_id:
        return source_id
    return (
        "sha1-" + hashlib.sha1(source.body.encode("utf-8"), usedforsecurity=False).hexdigest()[:16]
    )


def _dates(doc: Document, published: date | None) -> list[DatedSpan]:
    """The document's time expressions, resolved against the publication date (back-references
    such as ``того ж дня`` already resolved by the dates stage)."""
    return [
        DatedSpan(d.start, d.end, d.value, d.end_value, d.relation, d.back_reference)
        for d in find_dates(doc.text, published, doc)
    ]


def _ids(entities: list[_Entity]) -> None:
    used: set[str] = set()
    prefixes = {"PERS": "person", "ORG": "org", "LOC": "place"}
    for entity in entities:
        base = f"{prefixes[entity.kind]}-{slug(entity.name)}"
        ident, number = base, 2
        while ident in used:
            ident, number = f"{base}-{number}", number + 1
        used.add(ident)
        entity.ident = ident


def extract_entities(
    body: str, published: date | None, recognizer: Recognizer | None = None
) -> dict[str, list[dict[str, Any]]]:
    """Persons, organisations, places and events of a Ukrainian text, as model dictionaries."""
    doc = Document.from_text(body)
    tokens = doc.tokens
    spans = checked_spans((recognizer or RuleRecognizer()).recognise(body, tokens), body, tokens)
    doc.layers["entities"] = spans
    registry = _Registry(body, tokens)
    persons = sorted((s for s in spans if s.label == "PERS"), key=lambda s: -len(registry.words(s)))
    for span in spans:
        if span.label == "ORG" and span.parts and span.parts[0].end <= span.start:
            registry.acronym(span)
        elif span.label != "PERS":
            registry.named(span, mention=True)
    registry.attest_genders(persons)
    for span in persons:
        registry.person(span)
    nominative_spelling(registry)
    maiden_names(registry)
    _roles(registry, doc, spans)
    _group_leaders(registry, doc)
    pointed_to = referenced(registry.entities)
    entities = [e for e in registry.entities if e.spans or id(e) in pointed_to]
    _ids(entities)
    mentions = [
        EntityMention(e.ident, e.kind, s.start, s.end, max(s.first_token, 0))
        for e in entities
        for s in e.spans
    ]
    mentions.sort(key=lambda m: m.start)
    within = _countries_of_places(registry, entities)
    events = find_events(doc, mentions, _dates(doc, published), within=within, published=published)
    doc.release()
    return {
        "persons": [_person_dict(e, body) for e in entities if e.kind == "PERS"],
        "organisations": [_org_dict(e, body) for e in entities if e.kind == "ORG"],
        "places": _linked([e for e in entities if e.kind == "LOC"], body),
        "events": events,
    }


def _countries_of_places(registry: _Registry, entities: list[_Entity]) -> dict[str, str]:
    """Place id -> id of the country it lies in, for the places the text names."""
    kept = {id(e) for e in entities}
    within = {}
    for entity in entities:
        if entity.kind != "LOC" or entity.lexicon_key is None:
            continue
        entry = _lexicon_entry(entity.lexicon_key)
        country = entry.country if entry is not None else None
        target = registry.by_key.get(("LOC", "key:" + country)) if country else None
        if target is not None and id(target) in kept and target is not entity:
            within[entity.ident] = target.ident
    return within


def _roles(registry: _Registry, doc: Document, all_spans: Sequence[EntitySpan]) -> None:
    """Each person's job title from all its mentions (``titles.choose``), and the
    organisations and country named in it as affiliation and nationality."""
    owner = {id(s): e for e in registry.entities if e.kind == "PERS" for s in e.spans}
    found: dict[int, list[Title]] = {}
    for link in find_titles(doc, all_spans):
        entity = owner.get(id(link.person))
        if entity is not None:
            found.setdefault(id(entity), []).append(link.title)
    for entity in registry.entities:
        chosen = choose(found.get(id(entity), []))
        if not chosen:
            continue
        entity.title = ", ".join(title.text for title in chosen)
        for inner in (span for title in chosen for span in title.inner):
            target = registry.named(inner, mention=False)
            if inner.label == "ORG" and target not in entity.affiliation:
                entity.affiliation.append(target)
                if entity.nationality is None and target.country is not None:
                    entity.nationality = target.country
            elif (
                inner.label == "LOC"
                and entity.nationality is None
                and target.place_kind in ("country", None)
            ):
                entity.nationality = target


_GROUP_WORDS = frozenset(
    {"делегація", "група", "місія", "загін", "колона", "команда", "військовий", "військові"}
)
"""Groups a person can head (``делегація ... на чолі з``): the group's country is theirs."""


def _country(registry: _Registry, key: str) -> _Entity | None:
    """The place entity of a lexicon country (created if the text has not named it yet)."""
    entry = _lexicon_entry(key)
    if entry is None or entry.type != "place" or entry.kind != "country":
        return None
    entity = registry.get("LOC", "key:" + key, entry.name)
    entity.lexicon_key, entity.place_kind = key, entry.kind
    return entity


def _group_country(registry: _Registry, words: Sequence[str]) -> _Entity | None:
    """The one country a group phrase names: ``російських військових``, ``делегацію ...
    Збройних сил Росії``; none when it names two or none."""
    from newsmodel.extract import gazetteer

    keys = set()
    for match in gazetteer.find_matches(list(words)):
        entry = match.entry
        key = entry.key if entry.type == "place" else entry.country
        if key is not None and (entry.type != "place" or entry.kind == "country"):
            keys.add(key)
    return _country(registry, keys.pop()) if len(keys) == 1 else None


def _group_leaders(registry: _Registry, doc: Document) -> None:
    """``делегації російських військових на чолі з заступником міністра оборони Віктором
    Горемікіним``: the head of a group qualified by a country belongs to that country."""
    tokens = doc.tokens
    for entity in registry.entities:
        if entity.kind != "PERS" or entity.nationality is not None:
            continue
        for span in entity.spans:
            first = span.first_token
            if first < 0:
                continue
            sentence = tokens[first].sentence
            lead = next(
                (
                    i
                    for i in range(first - 1, max(first - 9, 1), -1)
                    if tokens[i].text.lower() == "чолі"
                    and tokens[i - 1].text.lower() == "на"
                    and tokens[i].sentence == sentence
                ),
                None,
            )
            if lead is None:
                continue
            start = lead - 1
            window = range(start - 1, max(start - 13, -1), -1)
            group = next(
                (
                    i
                    for i in window
                    if tokens[i].sentence == sentence
                    and not doc.lemmas(i, "NOUN").isdisjoint(_GROUP_WORDS)
                ),
                None,
            )
            if group is None:
                continue
            begin = group - 1 if group > 0 and tokens[group - 1].sentence == sentence else group
            words = [t.text for t in tokens[begin:start]]
            country = _group_country(registry, words)
            if country is not None:
                entity.nationality = country
                break


def _mentions(entity: _Entity, body: str) -> list[dict[str, Any]]:
    seen = sorted({(s.start, s.end) for s in entity.spans})
    return [{"start": s, "end": e, "text": body[s:e]} for s, e in seen]


def _person_dict(entity: _Entity, body: str) -> dict[str, Any]:
    return {
        "id": entity.ident,
        "name": entity.name,
        "given_name": entity.given,
        "family_name": entity.family,
        "alternate_names": entity.alternates,
        "name_latin": latin(entity.name),
        "job_title": entity.title,
        "affiliation": [a.ident for a in entity.affiliation if a.ident],
        "nationality": entity.nationality.ident
        if entity.nationality and entity.nationality.ident
        else None,
        "mentions": _mentions(entity, body),
    }


def _org_dict(entity: _Entity, body: str) -> dict[str, Any]:
    return {
        "id": entity.ident,
        "name": entity.name,
        "alternate_names": entity.alternates,
        "country": entity.country.ident if entity.country and entity.country.ident else None,
        "parent": entity.parent.ident if entity.parent and entity.parent.ident else None,
        "mentions": _mentions(entity, body),
    }


_PLACE_KINDS = {"country", "region", "district", "city", "settlement", "other"}


_KIND_BY_HEAD = (
    ("область", "region"),
    ("край", "region"),
    ("район", "district"),
    ("округ", "district"),
)
_WORD_BEFORE = re.compile(r"(\S+)\s*$")


def _place_kind(entity: _Entity, body: str) -> str | None:
    """The lexicon's kind; else the name's head (``Перевальський район``: a district); else the
    settlement word the text puts before it (``в селі Олексіївка``, ``м. Жовква``).  The text's
    word outranks the kind of a GeoNames entry, which is only guessed from its population."""
    generated = (entity.lexicon_key or "").startswith(GENERATED_PREFIX)
    if entity.place_kind in _PLACE_KINDS and not generated:
        return entity.place_kind
    name = entity.name.lower()
    for head, kind in _KIND_BY_HEAD:
        if name.endswith(head):
            return kind
    for span in entity.spans:
        before = _WORD_BEFORE.search(body, max(0, span.start - 30), span.start)
        if before is None:
            continue
        word = before.group(1).lower()
        for key in (word, *sorted(morph.lemmas_of(word))):
            if key in SETTLEMENT_KINDS:
                return SETTLEMENT_KINDS[key]
    return entity.place_kind if generated else None


def _place_dict(entity: _Entity, body: str) -> dict[str, Any]:
    kind = _place_kind(entity, body)
    return {
        "id": entity.ident,
        "name": entity.name,
        "kind": kind,
        "alternate_names": entity.alternates,
        "mentions": _mentions(entity, body),
    }


def _linked(entities: list[_Entity], body: str) -> list[dict[str, Any]]:
    """The place dictionaries, each with its GeoNames link when the linker is sure enough;
    ``contained_in`` only names places of the article (no place is added for a container)."""
    places = [_place_dict(e, body) for e in entities]
    queries = [
        PlaceQuery(p["name"], p["kind"], e.lexicon_key, tuple(p["alternate_names"]))
        for p, e in zip(places, entities, strict=True)
    ]
    for place, link in zip(places, link_places(queries), strict=True):
        if link is None or link.confidence < LINK_THRESHOLD:
            continue
        record = link.record
        place["same_as"] = [record.uri] if record.uri else []
        if record.latitude is not None and record.longitude is not None:
            place["geo"] = {"latitude": record.latitude, "longitude": record.longitude}
        place["country_code"] = record.country or None
        if link.container is not None:
            place["contained_in"] = places[link.container]["id"]
    return places


def assemble(
    source: Source,
    *,
    published: date | None,
    source_id: str | None,
    recognizer: Recognizer | None = None,
) -> Article:
    """Build the article: what the text states directly, and its entities when it is Ukrainian."""
    lead = source.paragraphs[0].text if source.paragraphs else source.body
    language = detect_language(source.body)
    warnings = list(source.warnings)
    found: dict[str, list[dict[str, Any]]] = {}
    if language != "uk":
        warnings.append(
            f"the text is not Ukrainian (detected: {language or 'unknown'}); "
            "entity extraction supports Ukrainian only, so no entities were extracted"
        )
    else:
        found = extract_entities(source.body, published, recognizer)
    if published is None:
        warnings.append("no publication date: relative dates were not resolved")
    return Article.model_validate(
        {
            "id": article_id(source, source_id),
            "headline": headline_from_lead(lead),
            "description": description_from_lead(lead),
            "date_published": published,
            "language": language,
            "body": source.body,
            "word_count": len(_WORD.findall(source.body)),
            **found,
            "provenance": {"source": source_id, "format": "text", "warnings": warnings},
        }
    )
