"""One entity per real person, organisation or place: the recogniser's spans merged by key.

Organisations and places merge by their gazetteer key, an alias the text introduced (an
acronym in brackets) or their folded nominative name.  People merge by name: a full name by
its folded spelling or by its surname up to one letter (``Горемікін``/``Горемикін``), a lone
surname or given name with the person already named that way.  Candidate people are found
through an index of spelling keys (:mod:`newsmodel.extract.person_index`), so the merging
costs the same per mention however many people the text names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib.resources import files
from typing import Any

from newsmodel.extract import morph
from newsmodel.extract.names import name_genders as _name_genders
from newsmodel.extract.names import normalise
from newsmodel.extract.person_index import PersonIndex, fold, variant
from newsmodel.extract.recognizer import EntitySpan
from newsmodel.extract.tokens import Token

_WORD = re.compile(r"\w+(?:[-'’ʼ]\w+)*")


@dataclass(slots=True)
class Entity:
    kind: str  # PERS ORG LOC
    name: str
    key: str
    spans: list[EntitySpan] = field(default_factory=list)
    alternates: list[str] = field(default_factory=list)
    given: str | None = None
    family: str | None = None
    lexicon_key: str | None = None
    place_kind: str | None = None
    country: Entity | None = None
    parent: Entity | None = None
    title: str | None = None
    affiliation: list[Entity] = field(default_factory=list)
    nationality: Entity | None = None
    ident: str = ""


class Registry:
    """Entities by key, merging mentions of one entity."""

    def __init__(self, body: str, tokens: Sequence[Token]) -> None:
        self.body = body
        self.tokens = tokens
        self.entities: list[Entity] = []
        self.by_key: dict[tuple[str, str], Entity] = {}
        self.people: PersonIndex[Entity] = PersonIndex()
        self.genders: dict[str, str] = {}
        """Nominative full names whose gender one of the text's mentions shows."""

    def text(self, span: EntitySpan) -> str:
        return self.body[span.start : span.end]

    def words(self, span: EntitySpan) -> list[str]:
        if span.first_token >= 0:
            return [
                t.text for t in self.tokens[span.first_token : span.last_token + 1] if t.is_word
            ]
        return _WORD.findall(self.text(span))

    def get(self, kind: str, key: str, name: str) -> Entity:
        found = self.by_key.get((kind, key))
        if found is None:
            found = Entity(kind, name, key)
            self.by_key[(kind, key)] = found
            self.entities.append(found)
        return found

    # organisations and places --------------------------------------------------------------

    def named(self, span: EntitySpan, *, mention: bool) -> Entity:
        kind = span.label
        known_alias = self.by_key.get((kind, "alt:" + fold(self.text(span))))
        if known_alias is not None and span.key:
            if mention:
                known_alias.spans.append(span)
            return known_alias
        if span.key:
            entry = lexicon_entry(span.key)
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
                    lexicon_entry(entry.parent) if kind == "ORG" and entry.parent else None
                )
                if parent_entry is not None and entity.parent is None:
                    entity.parent = self.get("ORG", "key:" + parent_entry.key, parent_entry.name)
                    entity.parent.lexicon_key = parent_entry.key
                if kind == "ORG" and entry.country and entity.country is None:
                    country = lexicon_entry(entry.country)
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

    def merge(self, entity: Entity, *, into: Entity) -> None:
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

    def attest_genders(self, spans: Sequence[EntitySpan]) -> None:
        """Remember the gender of every full name a mention reads in one gender only
        (``Лесі Мусаєвої``), so that the text's ambiguous mentions of it (``Лесю Мусаєву``:
        Лесь's dative or Леся's accusative) take that reading."""
        for span in spans:
            words = tuple(self.words(span))
            genders = name_genders(words)
            if len(genders) == 1:
                self.genders.setdefault(normalise(words).name, next(iter(genders)))

    def attested_gender(self, words: tuple[str, ...]) -> str | None:
        """The one gender of an ambiguous mention that another mention of the name shows."""
        genders = name_genders(words)
        if len(genders) < 2:  # ambiguous means both genders fit
            return None
        shown = [g for g in sorted(genders) if self.genders.get(normalise(words, g).name) == g]
        return shown[0] if len(shown) == 1 else None

    def person(self, span: EntitySpan) -> Entity:
        """The person a name mention belongs to: the first person named the same way, else a
        new one.  A longer full name of a person known by a shorter one becomes the name."""
        words = tuple(self.words(span))
        parsed = normalise(words, self.attested_gender(words))
        if len(words) > 1:
            entity = self.people.full_name_match(parsed.name, parsed.family_name)
            if entity is not None:
                if len(parsed.name) > len(entity.name) and entity.given is None:
                    entity.name, entity.given, entity.family = (
                        parsed.name,
                        parsed.given_name,
                        parsed.family_name,
                    )
                    self.people.add(entity)
                elif (
                    fold(parsed.name) != fold(entity.name) and parsed.name not in entity.alternates
                ):
                    entity.alternates.append(parsed.name)
                entity.spans.append(span)
                return entity
            entity = self.get("PERS", fold(parsed.name), parsed.name)
            entity.given, entity.family = parsed.given_name, parsed.family_name
            self.people.add(entity)
            entity.spans.append(span)
            return entity
        word = parsed.name
        entity = self.people.one_word_match(word)
        if entity is not None:
            if (
                entity.family
                and entity.family != word
                and variant(entity.family, word)
                and word not in entity.alternates
            ):
                entity.alternates.append(word)
            entity.spans.append(span)
            return entity
        entity = self.get("PERS", fold(word), word)
        entity.given, entity.family = parsed.given_name, parsed.family_name
        self.people.add(entity)
        entity.spans.append(span)
        return entity


@cache
def _maiden_markers() -> tuple[tuple[str, ...], ...]:
    text = files("newsmodel.extract.lexicon").joinpath("maiden_name_markers.txt")
    lines = text.read_text("utf-8").splitlines()
    return tuple(tuple(line.split()) for line in lines if line and not line.startswith("#"))


def _after_marker(tokens: Sequence[Token], first: int) -> bool:
    """Do the words before token ``first`` (an opening bracket aside) end in a marker?"""
    words = [t.text.lower() for t in tokens[max(0, first - 4) : first] if t.is_word]
    return any(tuple(words[-len(marker) :]) == marker for marker in _maiden_markers())


def maiden_names(registry: Registry) -> None:
    """``Наталія Бернацька (до заміжжя Коваль)``: a lone surname after a maiden-name marker is
    the earlier surname of the woman just named in the sentence: her alternate name (with her
    given name), not another person."""
    owner = {id(s): e for e in registry.entities if e.kind == "PERS" for s in e.spans}
    spans = sorted(
        (s for e in registry.entities if e.kind == "PERS" for s in e.spans), key=lambda s: s.start
    )
    tokens = registry.tokens
    previous: EntitySpan | None = None
    for span in spans:
        entity = owner[id(span)]
        target = owner[id(previous)] if previous is not None else None
        if (
            previous is not None
            and target is not None
            and target is not entity
            and target.given
            and span.first_token == span.last_token
            and len(entity.spans) == 1
            and tokens[previous.last_token].sentence == tokens[span.first_token].sentence
            and _after_marker(tokens, span.first_token)
        ):
            registry.merge(entity, into=target)
            target.alternates = [a for a in target.alternates if a != entity.name]
            alias = f"{target.given} {entity.name}"
            if alias not in target.alternates:
                target.alternates.append(alias)
            owner[id(span)] = target
            continue
        previous = span


@lru_cache(maxsize=morph.WORDS_CACHED)
def lexicon_entry(key: str) -> Any:
    """The gazetteer entry of a key, or None when the lexicon has no such key (cached: every
    mention of a known name asks it, and entries never change)."""
    from newsmodel.extract import gazetteer

    try:
        return gazetteer.entry(key)
    except KeyError:
        return None


def referenced(entities: Sequence[Entity]) -> set[int]:
    """Ids of the entities another mentioned entity points to (its country, parent,
    nationality or affiliation): kept even when the text never names them."""
    found: set[int] = set()
    for other in entities:
        if not other.spans:
            continue
        found.update(id(e) for e in (other.country, other.parent, other.nationality) if e)
        found.update(id(e) for e in other.affiliation)
    return found


def nominative_spelling(registry: Registry) -> None:
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
                and variant(alternate, entity.family)
            ):
                old = entity.name
                entity.name = entity.name[: -len(entity.family)] + alternate
                entity.family = alternate
                entity.alternates = [a for a in entity.alternates if a != alternate]
                entity.alternates.append(old)
                break


@lru_cache(maxsize=morph.WORDS_CACHED)
def name_genders(words: tuple[str, ...]) -> frozenset[str]:
    """:func:`names.name_genders`, cached per name: each mention asks it twice."""
    return _name_genders(words)


def attested_alias(entry: Any, surface: str) -> str | None:
    """The lexicon name the text actually used, in any grammatical case, if one is recognisable.

    ``Північної Кореї`` attests ``Північна Корея`` (the same words, inflected: each word shares
    its first four letters with the name's word); an editor lists the names a text uses beside
    the canonical one (``КНДР``).  Short words must match whole.
    """
    return _attested_alias((entry.name, *entry.alternate_names), surface)


@lru_cache(maxsize=morph.WORDS_CACHED)
def _attested_alias(names: tuple[str, ...], surface: str) -> str | None:
    words = surface.split()
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
