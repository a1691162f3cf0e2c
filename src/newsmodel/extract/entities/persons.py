"""People: runs of capitalised words that morphology reads as names (given names, surnames,
patronymics, East Asian names), initials joined to them, and adjective-form surnames.
"""

from __future__ import annotations

from functools import lru_cache

from newsmodel.extract import morph
from newsmodel.extract.entities.latin import LatinRules
from newsmodel.extract.entities.vocabulary import (
    _NOT_NAMES,
    _ROMAN,
    PLACE_HEADS,
)
from newsmodel.extract.entities.words import (
    _has_name_reading,
    _is_initial,
    _looks_like_person,
    _person_boundary,
)
from newsmodel.extract.names import is_east_asian
from newsmodel.extract.recognizer import EntitySpan
from newsmodel.extract.tokens import latin_script

_LOCATIVE_PREPOSITIONS = frozenset({"у", "в", "уві", "на"})


@lru_cache(maxsize=morph.WORDS_CACHED)
def _east_asian(words: tuple[str, ...]) -> bool:
    """:func:`names.is_east_asian`, cached per run of words (a person run asks it thrice)."""
    return is_east_asian(words)


@lru_cache(maxsize=morph.WORDS_CACHED)
def _name_length(words: tuple[str, ...]) -> int:
    """How many of a run of capitalised words make one person's name (0: none).  Cached per
    run: it reads only the words."""
    split = None if _east_asian(words) else _person_boundary(words)
    if split is not None:
        words = words[:split]
        if len(words) == 1:
            return 0
    if (
        not _has_name_reading(words[0])
        and morph.is_known(words[0])
        and not any("anim" in r.grammemes for r in morph.readings(words[0]))
        and _has_name_reading(words[1], "Name")
        and not _east_asian(words)
    ):
        return 0  # "Росії Олександр Мацегора": the name starts at the next word
    return len(words) if _east_asian(words) or _looks_like_person(words) else 0


class PersonRules(LatinRules):
    """The candidate rules of this kind (see the module docs)."""

    def with_initials(self, span: EntitySpan) -> EntitySpan:
        """``В. Ющенка``, ``Д . Кембелл``, ``Смєшко І. П.``: initials belong to the name."""
        first, last = span.first_token, span.last_token
        latin = latin_script(self.words[first][:1])  # "Metinvest B. V. Ріната Ахметова": none
        while (
            first >= 2
            and _is_initial(self.tokens[first - 2].text)
            and latin_script(self.tokens[first - 2].text) == latin
            and self.tokens[first - 1].text == "."
            and self.tokens[first - 2].sentence == self.tokens[first].sentence
        ):
            first -= 2
        while (
            first >= 1
            and _is_initial(self.tokens[first - 1].text.rstrip("."))
            and latin_script(self.tokens[first - 1].text) == latin
            and self.tokens[first - 1].text.endswith(".")
        ):
            first -= 1
        after = last
        while after + 1 < len(self.tokens) and self.adjacent(after, after + 1):
            nxt = self.tokens[after + 1]
            if len(nxt.text) == 2 and nxt.text.endswith(".") and _is_initial(nxt.text[0]):
                after += 1  # "Смєшко І. П."
            elif (
                _is_initial(nxt.text)
                and after + 2 < len(self.tokens)
                and self.tokens[after + 2].text == "."
            ):
                after += 2  # "Павлову Г . Л ."
            else:
                break
        roman = self.tok(after + 1)
        if (
            after == last
            and roman is not None
            and roman.text in _ROMAN
            and self.adjacent(after, after + 1)
            and roman.text != "I"
        ):
            after += 1  # "Катерини II", "Казимир III": a monarch's number
        last = after
        if (first, last) == (span.first_token, span.last_token):
            return span
        return self.span(first, last, "PERS", span.name, span.key, span.parts)

    def initials_before(self, index: int) -> bool:
        """``В. І. Критської``, ``Т . К . Пуздирєвої``: a capitalised word right after initials
        is a surname, whatever else its readings say (an adjective, a common noun), unless the
        initials close the name before them (``Васильєвою Т. І. Сутність``) or are a unit
        (``° С``), or a line break comes between."""
        first = index
        while True:
            before = self.tok(first - 1)
            if before is None:
                break
            if len(before.text) == 2 and before.text.endswith(".") and _is_initial(before.text[0]):
                first -= 1
            elif (
                before.text == "."
                and (letter := self.tok(first - 2)) is not None
                and _is_initial(letter.text)
            ):
                first -= 2
            else:
                break
        if (
            first == index
            or "\n" in self.text[self.tokens[index - 1].end : self.tokens[index].start]
        ):
            return False
        preceding = self.tok(first - 1)
        return preceding is None or not (
            self.capital_word(first - 1) or preceding.text in ("°", "º")
        )

    def person_run(self, index: int) -> EntitySpan | None:
        if not self.capital_word(index) or self.tokens[index].is_upper:
            return None
        if _is_initial(self.words[index].rstrip(".")):
            return None  # initials join the name they belong to (with_initials)
        place = self.locative_place(index)
        if place is not None:
            return place
        last = index
        while (
            self.capital_word(last + 1)
            and self.adjacent(last, last + 1)
            and (last + 1 not in self.hits or self.place_as_surname(last, last + 1))
            and not self.tokens[last + 1].is_upper
            and not _is_initial(self.words[last + 1].rstrip("."))
            and self.lowered[last + 1] not in _NOT_NAMES
            and last - index < 3
        ):
            last += 1
        words = tuple(self.words[index : last + 1])
        if len(words) == 1 or words[0].lower() in _NOT_NAMES:
            return None  # "Тому Старовижівська районна рада": a conjunction, not "Том"
        if self.initial(index) and not _has_name_reading(words[0]) and morph.is_known(words[0]):
            return None  # "Коли Адамек", "Професор Сербин": the name starts at the next word
        length = _name_length(words)
        return self.span(index, index + length - 1, "PERS") if length else None

    def place_as_surname(self, given: int, index: int) -> bool:
        """``Ірина Вашингтон``, ``Джек Лондон``: a one-word place right after a given name and
        in the same case is a surname (``Марія Україну`` is a subject and its object)."""
        hit = self.hits[index]
        return (
            hit.type == "place"
            and hit.end == index + 1
            and _has_name_reading(self.words[given], "Name")
            and morph.shares_case(self.words[given], self.words[index])
        )

    def locative_place(self, index: int) -> EntitySpan | None:
        """``У Петропавлівській Борщагівці``: after ``у``/``в``/``на`` a capitalised adjective
        and noun in the locative name a place, whatever surname endings they have (and even
        when the adjective is misspelt): ``у`` takes a person in the genitive (``у Петренка``),
        never in the locative.  A known given name keeps it a person (``у Володимирі
        Зеленському бачать ...``)."""
        before = self.tok(index - 1)
        if before is None or before.text.lower() not in _LOCATIVE_PREPOSITIONS:
            return None
        after = index + 1
        if not self.capital_word(after) or not self.adjacent(index, after):
            return None
        hit = self.hits.get(after)
        if hit is not None and (hit.type != "place" or hit.end - 1 != after):
            return None
        words = self.words[index : after + 1]
        if any(_has_name_reading(word, "Name") for word in words):
            return None
        first, last = morph.readings(words[0]), morph.readings(words[1])
        adjective = any(r.pos == "ADJF" and "loct" in r.grammemes for r in first)
        genitive = any("gent" in r.grammemes for r in first)
        noun = any(r.pos == "NOUN" and "loct" in r.grammemes and not r.is_name for r in last)
        if not (adjective and noun) or genitive:
            return None
        name = morph.noun_phrase_nominative(words, PLACE_HEADS)
        return self.span(index, after, "LOC", name)

    def adjective_name(self, index: int) -> EntitySpan | None:
        """``Південний Буг``, ``Високому Замку``, ``Західної України``: a capitalised adjective
        mid-sentence agreeing with the capitalised noun after it names one place."""
        token = self.tokens[index]
        if not token.is_capitalised or token.is_upper or self.initial(index):
            return None
        kinds = morph.pos_set(token.text)
        if "ADJF" not in kinds or not morph.is_known(token.text):
            return None
        noun = self.tok(index + 1)
        if noun is not None and _is_initial(noun.text.rstrip(".")):
            return None  # "Підвисоцький М. Т.": a surname with initials
        if (
            noun is None
            or not self.capital_word(index + 1)
            or noun.is_upper
            or not self.adjacent(index, index + 1)
        ):
            return None
        if "NOUN" not in morph.pos_set(noun.text) or not morph.shares_case(token.text, noun.text):
            return None
        if _has_name_reading(noun.text):
            return None  # "Іванна Петрова", "Дніпрова Чайка": people
        hit = self.hits.get(index + 1)
        if hit is not None and hit.type != "place":
            return None
        last = hit.end - 1 if hit is not None else index + 1
        return self.span(
            index,
            last,
            "LOC",
            morph.noun_phrase_nominative(self.words[index : last + 1], PLACE_HEADS),
        )

    def country_after(self, index: int) -> bool:
        """The next word, with nothing between, starts a country's name in the genitive."""
        hit = self.hits.get(index + 1)
        return (
            hit is not None
            and hit.type == "place"
            and hit.country is None  # a country lies in no other
            and self.adjacent(index, index + 1)
            and morph.has(self.tokens[index + 1].text, "NOUN", "gent")
        )

    def genitive_name_end(self, index: int) -> int:
        """``Майдані Незалежності``, ``Площі Ринок``: a capitalised noun in the genitive right
        after a place word belongs to its name (unless it is a known place or a person's name
        of its own: ``Печерському районі Києва``, ``вулиці Шевченка``)."""
        word = self.tok(index + 1)
        if (
            word is not None
            and self.capital_word(index + 1)
            and not word.is_upper
            and self.adjacent(index, index + 1)
            and index + 1 not in self.hits
            and morph.has(word.text, "NOUN", "gent")
            and not _has_name_reading(word.text)
        ):
            return index + 1
        return index
