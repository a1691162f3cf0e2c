"""Places: streets and street lists (``вул. Горького, Якубовського та Соборна``), settlements
(``с. Олексіївка``), coordinated regions and natural features (``річки Орілі``).
"""

from __future__ import annotations

from newsmodel.extract import morph
from newsmodel.extract.entities.phrases import PhraseRules
from newsmodel.extract.entities.vocabulary import (
    _FEATURE_WORDS,
    _LIST_GLUE,
    _SETTLEMENT_SHORT,
    _SETTLEMENT_WORDS,
    _STREET_SHORT,
    _STREET_SHORT_DOTTED,
    _STREET_WORDS,
    PLACE_HEADS,
)
from newsmodel.extract.entities.words import (
    _has_name_reading,
    _is_verb,
    _street_name,
)
from newsmodel.extract.recognizer import EntitySpan

_REGION_WORDS = frozenset(["область", "район", "округ"])
"""Region words that adjectives share in a list (``Донецька та Луганська області``)."""


class PlaceRules(PhraseRules):
    """The candidate rules of this kind (see the module docs)."""

    def street(self, index: int) -> EntitySpan | None:
        """``вул. Горького``, ``вулиці Чумацької``, ``просп. Перемоги, 12``, ``р. Дністер``."""
        token = self.tokens[index]
        word = self.lowered[index]
        if word == "р." and (year := self.tok(index - 1)) is not None and year.text[-1:].isdigit():
            return None  # "2008 р.": a year, not a river
        if token.is_capitalised or not (
            word in _STREET_WORDS
            or word in _STREET_SHORT_DOTTED
            or not morph.lemmas_of(token.text).isdisjoint(_STREET_WORDS)
        ):
            return None
        nxt = index + 1
        if (
            word.rstrip(".") in _STREET_WORDS
            and not word.endswith(".")
            and (dot := self.tok(nxt)) is not None
            and dot.text == "."
            and word in _STREET_SHORT
        ):
            nxt += 1  # "вул . Сухомлинського" with a spaced dot
        elif not (
            word in _STREET_SHORT_DOTTED
            or word in _STREET_SHORT
            or (
                token.is_word
                and not token.is_capitalised
                and any(
                    r.lemma in _STREET_WORDS for r in morph.readings(token.text) if r.pos == "NOUN"
                )
            )
        ):
            return None
        if self.plural_street_word(index):
            # "на вулицях Києва": the streets of a place, whose name other rules take;
            # "вулиць Космонавтів і Турбінної", "вулиць: Різдвяна, Гоголя": a list, each name a
            # street (see street_list)
            if (colon := self.tok(nxt)) is not None and colon.text == ":":
                nxt += 1
            name = self.after_initials(nxt)  # "вулиць: В. Чорновола, ..."
            if name in self.hits or not self.capital_word(name) or self.tokens[name].is_upper:
                return None
            last = name
            while self.capital_word(last + 1) and self.adjacent(last, last + 1) and last - nxt < 2:
                last += 1
            written = self.text[self.tokens[nxt].start : self.tokens[last].end]
            head = self.street_head(index)
            return self.span(nxt, last, "LOC", f"{head} {_street_name(head, written)}")
        last = self.after_initials(nxt)  # initials: "Б. Хмельницького"
        if not self.capital_word(last) or self.tokens[last].is_upper:
            return None
        while self.capital_word(last + 1) and self.adjacent(last, last + 1) and last - nxt < 3:
            last += 1
        if word not in ("р.", "р") and (house := self.house_number_end(last)) is not None:
            last = house
        return self.span(index, last, "LOC")

    def after_initials(self, index: int) -> int:
        """The first token after the initials starting at ``index`` (``Б. Хмельницького``,
        ``В . Чорновола``), in the same sentence; ``index`` when there are none."""
        sentence = self.tokens[index].sentence if index < self.count else -1
        while (t := self.tok(index)) is not None and t.sentence == sentence:
            if len(t.text) == 2 and t.text.endswith(".") and t.text[0].isupper():
                index += 1
            elif (
                len(t.text) == 1
                and t.text.isupper()
                and (dot := self.tok(index + 1)) is not None
                and dot.text == "."
            ):
                index += 2
            else:
                break
        return index

    def plural_street_word_before(self, first: int) -> int | None:
        """The plural street word right before a span (``вулиць Гоголя``, ``вулиць: Гоголя``)."""
        before = first - 2 if first >= 2 and self.tokens[first - 1].text == ":" else first - 1
        return before if before >= 0 and self.plural_street_word(before) else None

    def plural_street_word(self, index: int) -> bool:
        """``вулицях``, ``вулиць``, ``проспектів``: a street word that can only be plural names
        no street of its own (abbreviations like ``вул.`` are read as singular)."""
        token = self.tokens[index]
        if not token.is_word or token.text.lower() in _STREET_SHORT:
            return False
        readings = [
            r for r in morph.readings(token.text) if r.pos == "NOUN" and r.lemma in _STREET_WORDS
        ]
        return bool(readings) and all(r.plural for r in readings)

    def house_number_end(self, last: int) -> int | None:
        """``вулиці Хрещатик, 22``, ``вул. Московська, 5 / 2а``: a comma and a short house
        number after a street name belong to it, with a second number after a slash (a
        corner house or a block); the house number's last token, or ``None``."""
        comma, number = self.tok(last + 1), self.tok(last + 2)
        if (
            comma is None
            or number is None
            or comma.text != ","
            or not number.text[:1].isdigit()
            or len(number.text) > 5
        ):
            return None
        end = last + 2
        while (
            (slash := self.tok(end + 1)) is not None
            and slash.text == "/"
            and (second := self.tok(end + 2)) is not None
            and second.text[:1].isdigit()
            and len(second.text) <= 4
            and second.sentence == number.sentence
        ):
            end += 2
        return end

    def coordinated_regions(self, index: int) -> EntitySpan | None:
        """``Донецькій та Луганській областях``, ``Хмельницької, Тернопільської та Чернівецької
        областей``: capitalised adjectives joined by commas or ``та``/``і`` before a plural
        region word name the regions together."""
        token = self.tokens[index]
        if not token.is_capitalised or "ADJF" not in morph.pos_set(token.text):
            return None
        last = index
        joined = False
        while last - index < 16:
            glue = self.tok(last + 1)
            nxt = self.tok(last + 2)
            if glue is None or nxt is None or glue.sentence != token.sentence:
                return None
            if (
                glue.text in {",", "та", "і", "й"}
                and nxt.is_capitalised
                and "ADJF" in morph.pos_set(nxt.text)
                # "Новоазовська, Донецької області": a town, then its region
                and morph.shares_case(self.words[last], nxt.text)
            ):
                last += 2
                joined = True
                continue
            break
        head = self.tok(last + 1)
        if not joined or head is None or not self.adjacent(last, last + 1):
            return None
        if not any(r.plural and r.lemma in _REGION_WORDS for r in morph.readings(head.text)):
            return None
        return self.span(index, last + 1, "LOC")

    def each_region(self, regions: EntitySpan) -> list[EntitySpan]:
        """``Донецькій та Луганській областях`` names two regions: one place per adjective,
        the last with the region word, each named in the singular nominative (``Донецька
        область``, ``Луганська область``)."""
        head = self.words[regions.last_token]
        lemma = next(r.lemma for r in morph.readings(head) if r.lemma in _REGION_WORDS)
        gender = "femn" if lemma == "область" else "masc"
        places = []
        for index in range(regions.first_token, regions.last_token, 2):
            word = self.words[index]
            adjective = next((r for r in morph.readings(word) if r.pos == "ADJF"), None)
            form = adjective.inflect({"nomn", gender}) if adjective is not None else None
            name = f"{morph.restore_case(form, word) if form else word} {lemma}"
            last = regions.last_token if index + 1 == regions.last_token else index
            places.append(self.span(index, last, "LOC", name))
        return places

    def settlement(self, index: int) -> EntitySpan | None:
        """``в селі Пасічній``, ``с. Ставрове``, ``місто Жовква``: the capitalised words after a
        settlement word name a place (the word itself is not part of the name)."""
        token = self.tokens[index]
        if not self.capital_word(index) or token.is_upper or index == 0:
            return None
        prev = self.tokens[index - 1]
        if prev.sentence != token.sentence or prev.is_capitalised:
            return None
        if prev.text not in _SETTLEMENT_SHORT and morph.lemmas_of(prev.text).isdisjoint(
            _SETTLEMENT_WORDS
        ):
            return None
        if index in self.hits:
            return None  # the gazetteer knows it: its own rule gives kind and key
        if self.metres(index - 1):
            return None  # "9 тис. кв. м. Роботи почались": metres, and a new sentence
        if (
            _has_name_reading(token.text, "Name")
            and self.capital_word(index + 1)
            and self.adjacent(index, index + 1)
            and _has_name_reading(self.words[index + 1])
        ):
            return None  # "очільник міста Ігор Слюзар": the town's head, a person
        last = index
        after = self.tok(index + 2)
        if (
            self.capital_word(index + 1)
            and self.adjacent(index, index + 1)
            and (index + 1 not in self.hits)
            # "Олексіївка Перевальського району": the district is a place of its own
            and not (after is not None and self.is_head(after.text, PLACE_HEADS))
        ):
            last = index + 1  # "Мала Костромка", "Липовий Скиток"
        return self.span(index, last, "LOC")

    def street_list(self, index: int, head: str) -> int:
        """``вул. Горького, Якубовського та Соборна``: the names listed after a street are
        streets too (with their house numbers), named with the street word (``вул. Соборна``
        keeps its genitive, as ``вулиця Шевченка`` does)."""
        while index + 1 < len(self.tokens) and self.tokens[index].text in _LIST_GLUE:
            first = index + 1
            if not self.capital_word(first) or self.tokens[first].is_upper or first in self.hits:
                break  # "на вулицях Києва та Львова": a known place is no street
            last = first
            while (
                self.capital_word(last + 1) and self.adjacent(last, last + 1) and last - first < 2
            ):
                last += 1
            if any(
                _is_verb(word) and "NOUN" not in morph.pos_set(word)
                for word in self.words[first : last + 1]
            ):
                break  # a verb ends the list ("Героїв", a noun too, does not)
            if (house := self.house_number_end(last)) is not None:
                last = house
            written = self.text[self.tokens[first].start : self.tokens[last].end]
            name = f"{head} {_street_name(head, written)}"
            self.spans.append(self.span(first, last, "LOC", name))
            index = last + 1
        return index

    def street_head(self, index: int) -> str:
        """The street word at ``index`` as a name starts with it: an abbreviation as written
        (``вул.``), a word in the singular nominative (``вулицях`` -> ``вулиця``)."""
        word = self.tokens[index].text
        if word.endswith(".") or word.lower() in _STREET_SHORT:
            return word
        lemmas = morph.lemmas_of(word) & _STREET_WORDS
        return min(lemmas) if lemmas else word.lower()

    def feature_name(self, index: int) -> EntitySpan | None:
        """``річки Орілі``, ``гора Говерла``, ``озеро Світязь``: a name in apposition to a
        lower-case river, mountain, lake or island word is that place, whatever its case."""
        prev = self.tok(index - 1)
        if (
            prev is None
            or not prev.is_word
            or prev.is_capitalised
            or not self.adjacent(index - 1, index)
            or not self.capital_word(index)
            or self.tokens[index].is_upper
            or morph.lemmas_of(prev.text).isdisjoint(_FEATURE_WORDS)
        ):
            return None
        last = index
        while last - index < 2 and self.capital_word(last + 1) and self.adjacent(last, last + 1):
            last += 1
        return self.span(index, last, "LOC")
