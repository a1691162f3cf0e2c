"""A single capitalised word nothing longer claimed: an acronym, a place after ``у``/``в``, a
name by its readings; sentence-initial words only on evidence from the rest of the text.
"""

from __future__ import annotations

import re

from newsmodel.extract import gazetteer, morph
from newsmodel.extract.entities.context import possessive
from newsmodel.extract.entities.decoder import Candidate, entity, nothing
from newsmodel.extract.entities.organisations import OrganisationRules
from newsmodel.extract.entities.vocabulary import (
    _FUNCTION_POS,
    _IN_PLACE,
    _LOCATIVE_PREPOSITIONS,
    _NOT_NAMES,
    _PLACE_ABBREVIATIONS,
    _ROMAN,
    _STREET_ABBREVIATIONS,
)
from newsmodel.extract.entities.words import (
    _compound_organisation,
    _has_digit,
    _has_name_reading,
    _is_initial,
    _is_verb,
    _lowercase_noun_lemmas,
    _lowercase_street_word,
    _oblast_of,
    _readings,
    _shouted,
    _title_heads,
)
from newsmodel.extract.recognizer import EntitySpan

_QUARTERS = frozenset({"північ", "південь", "захід", "схід"})
"""Quarters of the world, which capitalised name regions and blocs (``Захід``, ``Північчю``)."""


_INFLECTED_ABBREVIATION = re.compile(r"^([А-ЯІЇЄҐ]{2,})([а-яіїєґ]{1,3})$")
"""An abbreviation with a case ending written after it (``ФОПа``, ``ВНЗів``)."""

_SURNAME_ADJECTIVE_ENDINGS = ("ський", "цький", "зький", "ська", "цька", "зька")
_SUBJECT_ADVERBS = frozenset(
    ["також", "теж", "вже", "ще", "тоді", "раніше", "нині", "досі", "особисто"]
)
"""Adverbs that may stand between a subject and its verb (``Олійник також володіє``)."""

_GOVERNING_PERSONS = frozenset(["з", "із", "зі", "до", "від"])
"""Prepositions after which a given name is a person (``з Марією``, ``до Наталі``); after
``у``/``в``/``на`` the same form is as often a place named after one (``у Львові``)."""


class SingleWordRules(OrganisationRules):
    """The candidate rules of this kind (see the module docs)."""

    def single(self, index: int) -> Candidate | None:
        """The candidate for one capitalised word nothing longer claimed."""
        found = self._single(index)
        return entity(found, "single_word") if isinstance(found, EntitySpan) else found

    def _single(self, index: int) -> EntitySpan | Candidate | None:
        """The word's entity; a non-entity candidate when it is a title or an act's name that
        only names a place after it (``Закону України``); ``None`` when it is no name."""
        token = self.tokens[index]
        if (
            not self.capital_word(index)
            or len(token.text) < 2
            or (_is_initial(token.text[0]) and token.text.endswith("."))
        ):
            return None
        word = token.text
        readings = morph.readings(word)
        if token.is_upper and re.search(r"\d", word) and not re.match(r"^[^\W\d]{3,}-\d+$", word):
            return None  # "СУ-100", "А-3": models and formats; "ТЕЦ-5" stays a plant
        if token.is_upper and len(word) == 2 and word.isascii():
            return None  # "PR", "DT", "TU": Latin two-letter abbreviations are rarely bodies
        if token.is_upper:
            meaning = gazetteer.abbreviations().get(word)
            if meaning == "thing":
                return None  # ЗМІ, ПДВ: abbreviations of things name no organisation
            lower = word.lower()
            if (
                word in _ROMAN
                or len(word) > 8
                or any(r.known and "Abbr" not in r.grammemes and r.lemma == lower for r in readings)
                or (len(word) >= 4 and _shouted(word))
            ):
                abbreviation = any("Abbr" in r.grammemes for r in readings) and not any(
                    r.known and r.pos in _FUNCTION_POS for r in readings
                )  # not "ДО УКРАЇНИ" in a headline in capitals
                if meaning == "institution" or (
                    abbreviation and len(word) <= 5 and self.country_after(index)
                ):
                    # "НАН України", "ЗС України": a dictionary abbreviation with a country's
                    # name after it is that country's institution
                    return self.organisation_with_complement(index)
                return None  # ЗМІ, ПДВ: common abbreviations; НЕ, ЇЇ: shouted words
            return self.organisation_with_complement(index)
        if _has_digit(word):
            return None  # "Євро-2012", "А4": names of events and formats, not people or places
        if word.lower() in _NOT_NAMES:
            return None
        if (inflected := _INFLECTED_ABBREVIATION.match(word)) is not None and (
            gazetteer.abbreviations().get(inflected.group(1)) == "thing"
        ):
            return None  # "ФОПа", "ФОПів": an abbreviation of a thing with a case ending
        if _compound_organisation(word):
            return self.organisation_with_complement(index)  # Київрада, Держстандарт України
        facts = _readings(word)
        known_name = facts.known_name
        if facts.function_word and not known_name:
            return None
        prev = self.tok(index - 1)
        preposition = prev.text.lower() if prev is not None else ""
        if self.initial(index):
            if known_name and facts.only_names:
                return self.span(index, index, "PERS")
            if self.surname_as_subject(index):
                return self.span(index, index, "PERS")  # "Олійник володіє ...", "Шишацький був"
            return None
        if (region := self.elliptical_region(index)) is not None:
            return region  # "Сумську, Харківську і Полтавську": the oblasts, the word left out
        common = facts.common_noun
        if common and (end := self.title_or_document_end(index)) is not None:
            return nothing(index, end, "title_or_act")
        if self.initials_before(index) and not token.is_upper:
            return self.span(index, index, "PERS")  # "В. І. Критської": a surname
        if self.possessive_of_name(index):
            return self.span(index, index, "PERS")  # "Оксанина мама", "Петрове рішення"
        if morph.pos_set(word) <= {"ADJF", "PRTF"} and morph.is_known(word):
            return None
        inanimate, animate = facts.inanimate, facts.animate
        if preposition == "на" and self.street_by_surname(index):
            return self.span(index, index, "LOC")  # "на Грушевського": the street
        if known_name and not (preposition in _LOCATIVE_PREPOSITIONS and inanimate):
            return self.span(index, index, "PERS")
        if preposition in _GOVERNING_PERSONS and _has_name_reading(word, "Name"):
            return self.span(index, index, "PERS")  # "з Марією", "до Наталі": a given name
        if preposition in _STREET_ABBREVIATIONS:
            if self.metres(index - 1):
                return None  # "9 тис. кв. м. Роботи почались": metres, and a new sentence
            return self.span(index, index, "LOC")
        if preposition in _LOCATIVE_PREPOSITIONS:
            locative = (
                preposition in ("у", "в", "на")
                and any("loct" in r.grammemes for r in readings)
                and not possessive(word)  # "у Зойчиній манері": a person's
            )
            if inanimate or locative or (preposition in ("у", "в", "на") and not animate):
                # "у Лемонті": after у/в/на a locative is a place; a person would be genitive
                return self.span(index, self.genitive_name_end(index), "LOC")
            return self.span(index, index, "PERS")
        if inanimate and any(r.pos == "NOUN" for r in readings):
            hit = self.hits.get(index + 1)
            if hit is not None and hit.type == "place" and self.adjacent(index, index + 1):
                if (
                    hit.country is not None
                    and self.in_place_before(index)
                    and morph.lemmas_of(word).isdisjoint(gazetteer.document_heads())
                ):
                    return self.span(index, index, "LOC")  # "в окупованому Алчевську Луганської"
                # "Закону України", "Герба України", "Дня Києва": a title that names a
                # country or city is not a mention of it
                return nothing(index, hit.end - 1, "title_or_act")
            if self.lowercase_elsewhere(token.text):
                return None  # "Інтернеті" here, "інтернет" elsewhere: a common noun
            if common and facts.all_known and morph.lemmas_of(word).isdisjoint(_QUARTERS):
                # "Положення про ...", "Завтра Різдво", "Біблії": a capitalised common noun
                # with no preposition of place before it and no gazetteer entry is the name of
                # a document, a feast or a thing, not a place
                return None
            return self.span(index, self.genitive_name_end(index), "LOC")
        return self.span(index, index, "PERS")

    def elliptical_region(self, index: int) -> EntitySpan | None:
        """``оголосили Сумську, Харківську і Полтавську``, ``з Хмельницької – 14 чоловік``: a
        feminine adjective standing alone whose form with ``область`` is an oblast the gazetteer
        knows names that oblast (a surname of the same shape, ``Загребельська``, names none)."""
        following = self.tok(index + 1)
        if (
            following is not None
            and self.adjacent(index, index + 1)
            and following.is_word
            and (following.is_capitalised or morph.pos_set(following.text) & {"NOUN", "ADJF"})
        ):
            return None  # a name, a noun or an adjective follows: not standing alone
        if self.list_shares_other_noun(index):
            return None  # "Київська, Житомирська ТЕЦ": the plants, the noun said once
        # no feminine adjective whose form with "область" the gazetteer knows: no oblast
        oblast = _oblast_of(self.words[index])
        return None if oblast is None else self.span(index, index, "LOC", *oblast)

    def list_shares_other_noun(self, index: int) -> bool:
        """Does a list of capitalised adjectives starting at ``index`` end in a noun other than
        ``область`` (``Київська, Житомирська ТЕЦ``), which all its adjectives then share?"""
        last = index
        while (
            (glue := self.tok(last + 1)) is not None
            and glue.text in {",", "і", "й", "та"}
            and self.capital_word(last + 2)
            and "ADJF" in morph.pos_set(self.words[last + 2])
        ):
            last += 2
        noun = self.tok(last + 1)
        return (
            last > index
            and noun is not None
            and self.adjacent(last, last + 1)
            and noun.is_word
            and morph.lemmas_of(noun.text).isdisjoint({"область"})
            and noun.text.lower() not in _PLACE_ABBREVIATIONS
            and (noun.is_upper or (not noun.is_capitalised and "NOUN" in morph.pos_set(noun.text)))
        )

    def surname_as_subject(self, index: int) -> bool:
        """A sentence's first word, a surname in the nominative (``Олійник``) or an adjective of
        a surname's shape standing alone (``Шишацький``, ``Загребельська``), with a verb right
        after it (an adverb between allowed): the subject is that person, since an adjective
        with no noun after it and a surname before a verb name no thing."""
        readings = morph.readings(self.words[index])
        surname = any(
            r.is_name and "Surn" in r.grammemes and "nomn" in r.grammemes for r in readings
        ) and all(r.is_name for r in readings if r.known)  # not "Вітер", "Крук": words too
        adjectival = (
            not surname
            and self.lowered[index].endswith(_SURNAME_ADJECTIVE_ENDINGS)
            and all(r.pos == "ADJF" for r in readings)
            and any("nomn" in r.grammemes for r in readings)
        )
        if not (surname or adjectival):
            return False
        verb = index + 1
        if self.tok(verb) is not None and self.lowered[verb] in _SUBJECT_ADVERBS:
            verb += 1
        following = self.tok(verb)
        return (
            following is not None
            and following.is_word
            and not following.is_capitalised
            and (_is_verb(following.text) or following.text == "є")
        )

    def street_by_surname(self, index: int) -> bool:
        """``офіс на Грушевського``: ``на`` governs no genitive, so a surname in the genitive
        after it is a street named after someone, the street word left out, in a text that
        names streets elsewhere (``тиснути на Петренка``, a person in the accusative, looks
        the same, and a text about people rarely names streets)."""
        if self._names_streets is None:
            self._names_streets = any(map(_lowercase_street_word, set(self.words)))
        readings = morph.readings(self.words[index])
        return (
            self._names_streets
            and any(r.is_name and "gent" in r.grammemes for r in readings)
            and not any("loct" in r.grammemes for r in readings)
            and not _has_name_reading(self.words[index], "Name")
        )

    def possessive_of_name(self, index: int) -> bool:
        """A capitalised possessive adjective (``Оксанина``, ``Петрового``) before the lower-case
        noun it agrees with names that noun's owner, a person, when the text names the owner
        (``Оксана``, ``Петро``): so no person is made up from a word alone."""
        if not possessive(self.words[index]):
            return False
        following = self.tok(index + 1)
        readings = morph.readings(self.words[index])
        return (
            following is not None
            and following.is_word
            and not following.is_capitalised
            and self.adjacent(index, index + 1)
            and "NOUN" in morph.pos_set(following.text)
            and morph.shares_case(self.words[index], following.text)
            and any(self.owner_named(r.lemma) for r in readings if r.pos == "ADJF" and r.known)
        )

    def owner_named(self, possessive_lemma: str) -> bool:
        """Does the text name a person by a given name the possessive is made from (``петрів``:
        ``Петро``, ``оксанин``: ``Оксана``)?  The name starts with the possessive's stem and is
        at most a few letters longer."""
        stem = possessive_lemma[:-2]
        if self._given_names is None:
            self._given_names = {
                token.text.lower()
                for token in self.tokens
                if token.is_capitalised
                and _has_name_reading(token.text, "Name")
                and not possessive(token.text)
            }
        return len(stem) >= 3 and any(
            name.startswith(stem) and len(name) <= len(stem) + 3 for name in self._given_names
        )

    def title_or_document_end(self, index: int) -> int | None:
        """``Міністра оборони України``, ``Закону України``: a capitalised job title or document
        word with its genitive complements names neither a person nor the place inside.  The
        last token of that non-entity (the place's, when one follows), or ``None`` when the
        word is no title or document word."""
        lemmas = morph.lemmas_of(self.words[index])
        last = index
        while (
            (t := self.tok(last + 1)) is not None
            and t.is_word
            and not t.is_capitalised
            and morph.has(t.text, "NOUN", "gent")
            and not morph.pos_set(t.text) & {"PREP", "CONJ"}  # "до", a note, is a preposition
            and last - index < 3
        ):
            last += 1
        hit = self.hits.get(last + 1)
        place_follows = hit is not None and hit.type == "place" and self.adjacent(last, last + 1)
        if (
            place_follows
            and hit is not None
            and hit.country is not None
            and last == index
            and self.in_place_before(index)
            and lemmas.isdisjoint(_title_heads())
            and lemmas.isdisjoint(gazetteer.document_heads())  # "У Статуті Львівської області"
        ):
            return None  # "в (окупованому) Алчевську Луганської області": a town in its region
        if not lemmas.isdisjoint(_title_heads()) or (
            place_follows and any("inan" in r.grammemes for r in morph.readings(self.words[index]))
        ):
            return hit.end - 1 if place_follows and hit is not None else index
        return None

    def in_place_before(self, index: int) -> bool:
        """Does a preposition of place (``у``, ``в``, ``на``, ``біля``) stand before the word,
        maybe with lower-case adjectives between (``в окупованому Алчевську``)?"""
        before = index - 1
        while (
            before > index - 3
            and (token := self.tok(before)) is not None
            and token.is_word
            and not token.is_capitalised
            and morph.pos_set(token.text) <= {"ADJF", "PRTF"}
        ):
            before -= 1
        preposition = self.tok(before)
        return preposition is not None and preposition.text.lower() in _IN_PLACE

    def lowercase_elsewhere(self, word: str) -> bool:
        """Does the text also write this word's lemma in lower case (a common noun)?"""
        if self._lowercase_lemmas is None:
            self._lowercase_lemmas = set().union(*map(_lowercase_noun_lemmas, set(self.words)))
        return any(r.lemma in self._lowercase_lemmas for r in morph.readings(word) if r.known)
