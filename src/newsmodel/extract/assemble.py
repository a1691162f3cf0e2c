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
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from newsmodel.extract import morph
from newsmodel.extract.dates import find_dates
from newsmodel.extract.document import Document
from newsmodel.extract.entities import SETTLEMENT_KINDS, RuleRecognizer
from newsmodel.extract.events import DatedSpan, EntityMention, find_events
from newsmodel.extract.gazetteer import GENERATED_PREFIX
from newsmodel.extract.language import detect_language
from newsmodel.extract.lead import description_from_lead, headline_from_lead
from newsmodel.extract.linking import LINK_THRESHOLD, PlaceQuery, link_places
from newsmodel.extract.names import latin, normalise, slug
from newsmodel.extract.recognizer import EntitySpan, Recognizer
from newsmodel.extract.roles import SpanIndex, find_title
from newsmodel.extract.source import Source
from newsmodel.extract.tokens import Token
from newsmodel.models import Article

_WORD = re.compile(r"\w+(?:[-'’ʼ]\w+)*")
_FOLD = str.maketrans("іїєґ’ʼ'", "иієг   ")


def article_id(source: Source, source_id: str | None) -> str:
    """The caller's id when given, otherwise a digest of the body: same text, same id."""
    if source_id:
        return source_id
    return (
        "sha1-" + hashlib.sha1(source.body.encode("utf-8"), usedforsecurity=False).hexdigest()[:16]
    )


def fold(text: str) -> str:
    """A key for spelling variants: lower case, ``і``/``и`` and apostrophes folded."""
    return text.lower().translate(_FOLD).replace(" ", "")


@dataclass(slots=True)
class _Entity:
    kind: str  # PERS ORG LOC
    name: str
    key: str
    spans: list[EntitySpan] = field(default_factory=list)
    alternates: list[str] = field(default_factory=list)
    given: str | None = None
    family: str | None = None
    lexicon_key: str | None = None
    place_kind: str | None = None
    country: _Entity | None = None
    parent: _Entity | None = None
    title: str | None = None
    affiliation: list[_Entity] = field(default_factory=list)
    nationality: _Entity | None = None
    ident: str = ""


class _Registry:
    """Entities by key, merging mentions of one entity."""

    def __init__(self, body: str, tokens: Sequence[Token]) -> None:
        self.body = body
        self.tokens = tokens
        self.entities: list[_Entity] = []
        self.by_key: dict[tuple[str, str], _Entity] = {}

    def text(self, span: EntitySpan) -> str:
        return self.body[span.start : span.end]

    def words(self, span: EntitySpan) -> list[str]:
        if span.first_token >= 0:
            return [
                t.text for t in self.tokens[span.first_token : span.last_token + 1] if t.is_word
            ]
        return _WORD.findall(self.text(span))

    def get(self, kind: str, key: str, name: str) -> _Entity:
        found = self.by_key.get((kind, key))
        if found is None:
            found = _Entity(kind, name, key)
            self.by_key[(kind, key)] = found
            self.entities.append(found)
        return found

    # organisations and places --------------------------------------------------------------

    def named(self, span: EntitySpan, *, mention: bool) -> _Entity:
        kind = span.label
        known_alias = self.by_key.get((kind, "alt:" + fold(self.text(span))))
        if known_alias is not None and span.key:
            if mention:
                known_alias.spans.append(span)
            return known_alias
        if span.key:
            entry = _lexicon_entry(span.key)
            name = entry.name if entry else (span.name or self.text(span))
            if kind == "ORG" and span.name:
                name = span.name
            entity = self.get(kind, "key:" + span.key, name)
            entity.lexicon_key = span.key
            if entry is not None:
                entity.place_kind = entry.kind
                if (
                    entry.name.lower() != entity.name.lower()
                    and entry.name not in entity.alternates
                ):
                    entity.alternates.append(entry.name)
                alias = attested_alias(entry, self.text(span))
                if (
                    alias is not None
                    and alias.lower() != entity.name.lower()
                    and alias not in entity.alternates
                ):
                    entity.alternates.append(alias)
                parent_entry = (
                    _lexicon_entry(entry.parent) if kind == "ORG" and entry.parent else None
                )
                if parent_entry is not None and entity.parent is None:
                    entity.parent = self.get("ORG", "key:" + parent_entry.key, parent_entry.name)
                    entity.parent.lexicon_key = parent_entry.key
                if kind == "ORG" and entry.country and entity.country is None:
                    country = _lexicon_entry(entry.country)
                    if country is not None:
                        entity.country = self.get("LOC", "key:" + entry.country, country.name)
                        entity.country.lexicon_key = entry.country
                        entity.country.place_kind = country.kind
        else:
            name = span.name or morph.noun_phrase_nominative(self.words(span)) or self.text(span)
            if name.startswith("«"):
                name = name.strip('«»" ')
            entity = self.by_key.get((kind, "alt:" + fold(name))) or self.get(
                kind, "name:" + fold(name), name
            )
        surface = self.text(span)
        if mention:
            entity.spans.append(span)
        for part in span.parts:
            if part.label == "LOC" and kind == "ORG" and entity.country is None:
                entity.country = self.named(part, mention=False)
            elif (
                part.label == "ORG"
                and kind == "ORG"
                and entity.parent is None
                and part.start >= span.start
            ):
                parent = self.named(part, mention=False)
                if parent is not entity:
                    entity.parent = parent
        if surface != name and surface.isupper() and surface not in entity.alternates:
            entity.alternates.append(surface)
        return entity

    def acronym(self, span: EntitySpan) -> None:
        """``(NIS)`` after an organisation: the same organisation, another name."""
        acronym = self.text(span)
        target = self.named(span.parts[0], mention=False)
        earlier = self.by_key.get(("ORG", "alt:" + fold(acronym)))
        if earlier is not None and earlier is not target:
            # the same acronym after two long forms: one organisation named two ways
            self.merge(target, into=earlier)
            target = earlier
        target.spans.append(span)
        if acronym not in target.alternates and acronym != target.name:
            target.alternates.append(acronym)
        self.by_key.setdefault(("ORG", "alt:" + fold(acronym)), target)

    def merge(self, entity: _Entity, *, into: _Entity) -> None:
        into.spans.extend(entity.spans)
        for name in (entity.name, *entity.alternates):
            if name != into.name and name not in into.alternates:
                into.alternates.append(name)
        for key, value in list(self.by_key.items()):
            if value is entity:
                self.by_key[key] = into
        for other in self.entities:
            if other.parent is entity:
                other.parent = into
        self.entities.remove(entity)

    # people --------------------------------------------------------------------------------

    def person(self, span: EntitySpan) -> _Entity:
        words = tuple(self.words(span))
        parsed = normalise(words)
        if len(words) > 1:
            for entity in self.entities:
                if entity.kind == "PERS" and _same_person(entity, parsed.name, parsed.family_name):
                    if len(parsed.name) > len(entity.name) and entity.given is None:
                        entity.name, entity.given, entity.family = (
                            parsed.name,
                            parsed.given_name,
                            parsed.family_name,
                        )
                    elif (
                        fold(parsed.name) != fold(entity.name)
                        and parsed.name not in entity.alternates
                    ):
                        entity.alternates.append(parsed.name)
                    entity.spans.append(span)
                    return entity
            entity = self.get("PERS", fold(parsed.name), parsed.name)
            entity.given, entity.family = parsed.given_name, parsed.family_name
            entity.spans.append(span)
            return entity
        word = parsed.name
        for entity in self.entities:
            if entity.kind == "PERS" and any(
                part and _variant(part, word) for part in (entity.family, entity.given, entity.name)
            ):
                if (
                    entity.family
                    and entity.family != word
                    and _variant(entity.family, word)
                    and word not in entity.alternates
                ):
                    entity.alternates.append(word)
                entity.spans.append(span)
                return entity
        entity = self.get("PERS", fold(word), word)
        entity.given, entity.family = parsed.given_name, parsed.family_name
        entity.spans.append(span)
        return entity


def _variant(a: str, b: str) -> bool:
    """The same word up to a spelling variant (``Горемікін``/``Горемикін``) or one letter."""
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    if len(fa) < 5 or abs(len(fa) - len(fb)) > 1 or fa[:3] != fb[:3]:
        return False
    return _distance_at_most_one(fa, fb)


def _distance_at_most_one(a: str, b: str) -> bool:
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    if len(a) > len(b):
        a, b = b, a
    return any(a == b[:i] + b[i + 1 :] for i in range(len(b)))


def _same_person(entity: _Entity, name: str, family: str | None) -> bool:
    if fold(entity.name) == fold(name):
        return True
    if family and entity.family and _variant(entity.family, family):
        mine, theirs = entity.name.split(), name.split()
        if len(mine) == 1 or len(theirs) == 1:
            return True
        # East Asian family names are shared by many: Кім Чен Ин is not Кім Чон Гю
        return (
            fold(" ".join(mine[:-1])) == fold(" ".join(theirs[:-1]))
            if len(mine) > 2
            else fold(mine[0]) == fold(theirs[0])
        )
    return False


def _lexicon_entry(key: str) -> Any:
    from newsmodel.extract import gazetteer

    try:
        return gazetteer.entry(key)
    except KeyError:
        return None


def _dates(doc: Document, published: date | None) -> list[DatedSpan]:
    """The document's time expressions, resolved against the publication date."""
    return [
        DatedSpan(d.start, d.end, d.value, d.end_value, d.relation)
        for d in find_dates(doc.text, published)
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
    spans = (recognizer or RuleRecognizer()).recognise(body, tokens)
    doc.layers["entities"] = spans
    registry = _Registry(body, tokens)
    persons = sorted((s for s in spans if s.label == "PERS"), key=lambda s: -len(registry.words(s)))
    for span in spans:
        if span.label == "ORG" and span.parts and span.parts[0].end <= span.start:
            registry.acronym(span)
        elif span.label != "PERS":
            registry.named(span, mention=True)
    for span in persons:
        registry.person(span)
    _nominative_spelling(registry)
    _roles(registry, tokens, spans)
    _group_leaders(registry, tokens)
    entities = [e for e in registry.entities if e.spans or _referenced(e, registry.entities)]
    _ids(entities)
    mentions = [
        EntityMention(e.ident, e.kind, s.start, s.end, max(s.first_token, 0))
        for e in entities
        for s in e.spans
    ]
    mentions.sort(key=lambda m: m.start)
    within = _countries_of_places(registry, entities)
    events = find_events(
        doc, mentions, _dates(doc, published), within=within, published=published
    )
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


def _referenced(entity: _Entity, entities: list[_Entity]) -> bool:
    return any(
        other.spans
        and (
            entity is other.country
            or entity is other.parent
            or entity is other.nationality
            or entity in other.affiliation
        )
        for other in entities
    )


def _roles(registry: _Registry, tokens: Sequence[Token], all_spans: Sequence[EntitySpan]) -> None:
    spans = SpanIndex.build(all_spans)
    for entity in registry.entities:
        if entity.kind != "PERS":
            continue
        for span in entity.spans:
            title = find_title(tokens, spans, span)
            if title is None:
                continue
            entity.title = entity.title or title.text
            for inner in title.inner:
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


def _nominative_spelling(registry: _Registry) -> None:
    """``Віктором Горемікіним`` and later ``Горемикін``: of two spellings of one surname, the
    one the text writes in the nominative is the text's own; the other becomes an alternate."""
    for entity in registry.entities:
        if entity.kind != "PERS" or not entity.family or not entity.alternates:
            continue
        written = {word.lower() for span in entity.spans for word in registry.words(span)}
        if entity.family.lower() in written:
            continue
        for alternate in entity.alternates:
            if (
                " " not in alternate
                and alternate.lower() in written
                and _variant(alternate, entity.family)
            ):
                old = entity.name
                entity.name = entity.name[: -len(entity.family)] + alternate
                entity.family = alternate
                entity.alternates = [a for a in entity.alternates if a != alternate]
                entity.alternates.append(old)
                break


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


def _group_leaders(registry: _Registry, tokens: Sequence[Token]) -> None:
    """``делегації російських військових на чолі з заступником міністра оборони Віктором
    Горемікіним``: the head of a group qualified by a country belongs to that country."""
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
                    and not morph.lemmas_of(tokens[i].text).isdisjoint(_GROUP_WORDS)
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


def attested_alias(entry: Any, surface: str) -> str | None:
    """The lexicon name the text actually used, in any grammatical case, if one is recognisable.

    ``Північної Кореї`` attests ``Північна Корея`` (the same words, inflected: each word shares
    its first four letters with the name's word); an editor lists the names a text uses beside
    the canonical one (``КНДР``).  Short words must match whole.
    """
    words = surface.split()
    names: tuple[str, ...] = (entry.name, *entry.alternate_names)
    for alias in names:
        alias_words = alias.split()
        if len(alias_words) != len(words):
            continue
        pairs = zip(alias_words, words, strict=True)
        if all(_same_word(name_word, word) for name_word, word in pairs):
            return alias
    return None


def _same_word(name_word: str, word: str) -> bool:
    name_word, word = name_word.lower(), word.lower()
    if len(name_word) <= 4 or len(word) <= 4:
        return name_word == word
    return name_word[:4] == word[:4]
