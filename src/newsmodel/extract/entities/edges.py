"""Where a name ends: a number or quoted name after it, the honoree after ``імені``, a
region after ``у``/``в`` (``у Волинській області``), a body's seat, and a place word that is a
foreign given name (``Вірджинія Вулф``).  Where an organisation's complements go on is
:mod:`.complements`.
"""

from __future__ import annotations

from newsmodel.extract import morph
from newsmodel.extract.entities.heads import organisation_head
from newsmodel.extract.entities.persons import PersonRules
from newsmodel.extract.entities.vocabulary import (
    _QUOTE_OPEN,
    _REGION_HEADS,
    _TERRITORIAL_HEADS,
    LEGAL_FORMS,
)
from newsmodel.extract.entities.words import (
    _compound_organisation,
    _is_initial,
    _title_heads,
    speaks,
)
from newsmodel.extract.recognizer import EntitySpan


class NameEdges(PersonRules):
    """Tests of where a name ends, for the phrase rules."""

    def name_suffix(self, last: int) -> int:
        """``Державне підприємство «Укрхімтрансаміак»``, ``прокуратура №1``: a quoted name or
        a number right after an organisation phrase belongs to it."""
        nxt = self.tok(last + 1)
        if nxt is None or nxt.sentence != self.tokens[last].sentence:
            return last
        if nxt.text in _QUOTE_OPEN and self.capital_word(last + 2):
            close = self.closing_quote(last + 1)
            if close is not None and close - last <= 8:
                return close
        return self.number_after(last)

    def number_after(self, last: int) -> int:
        """``№ 4``, ``№9`` right after ``last``: the number's token, else ``last``."""
        sign, number = self.tok(last + 1), self.tok(last + 2)
        if (
            sign is not None
            and sign.text == "№"
            and sign.sentence == self.tokens[last].sentence
            and number is not None
            and number.text[:1].isdigit()
            and self.adjacent(last + 1, last + 2)
        ):
            return last + 2
        return last

    def named_for(self, index: int) -> int | None:
        """``імені Тараса Шевченка``, ``ім. Т. Г. Шевченка``, ``м. Києва`` at ``index``: the
        word, any initials and the name it introduces; the name's last token, else None."""
        lower = self.lowered[index]
        if lower not in ("імені", "ім.", "ім", "м.") or not (
            self.capital_word(index + 1)
            or (
                (d := self.tok(index + 1)) is not None
                and d.text == "."
                and self.capital_word(index + 2)
            )
        ):
            return None
        last = index + (1 if self.tokens[index + 1].text == "." else 0)
        while (
            (a := self.tok(last + 1))
            and _is_initial(a.text.rstrip("."))
            and (a.text.endswith(".") or ((d := self.tok(last + 2)) is not None and d.text == "."))
        ):
            last += 1 if a.text.endswith(".") else 2  # "імені Т . Шевченка"
        if lower != "м.":
            last = self.honoree_end(last)  # "імені Тараса Шевченка": the name is his
        return last

    def honoree_end(self, last: int) -> int:
        """After ``імені`` and any initials: the last word of the name (up to three words)."""
        end = last
        while end - last < 3 and self.capital_word(end + 1) and self.adjacent(end, end + 1):
            end += 1
        return end

    def is_region_phrase(self, index: int) -> bool:
        """``Луганській області``, ``Деснянському районі``, ``м. Києві``: a capitalised
        adjective and a region word, in the locative."""
        head = self.tok(index + 1)
        return (
            head is not None
            and self.is_head(head.text, frozenset({"область", "район"}))
            and morph.has(head.text, "loct")
        )

    def before_org_head(self, index: int) -> bool:
        """The word at ``index`` is an adjective of the organisation head after it
        (``Головне управління``, ``Головного управління``), whatever other readings it has: an
        adverb ``головне``, a noun ``головного``."""
        head = self.tok(index + 1)
        return (
            head is not None
            and self.adjacent(index, index + 1)
            and self.is_head(head.text, self.org_heads)
            and morph.shares_case(self.words[index], head.text)
        )

    def org_head(self, word: str) -> bool:
        return organisation_head(word)

    def territorial_head(self, head: int) -> bool:
        """A head whose office its territory alone names (``прокуратура у Київській області``)
        or a known body's acronym (``СБУ в Луганській області``, ``ДПІ у Деснянському районі``)."""
        return (
            self.is_head(self.words[head], _TERRITORIAL_HEADS)
            or (self.tokens[head].is_upper and len(self.words[head]) > 1)
            or _compound_organisation(self.words[head])
        )

    def seat_and_acronym(self, index: int, head: int) -> bool:
        """An adjective made from a place's name before a body's acronym (``Черкаське ОТВ
        АМКУ``, ``Диканське ГМРП``) names the body, at the start of a sentence too; not before
        a legal form, where the quoted name after it is the name (``Донецьке ТОВ «X»``)."""
        return (
            head == index + 1
            and self.tokens[head].is_upper
            and self.words[head] not in LEGAL_FORMS
            and any(
                lemma.endswith(("ський", "цький", "зький"))
                for lemma in morph.lemmas_of(self.words[index], "ADJF")
            )
        )

    def before_body(self, index: int) -> bool:
        """The word at ``index``, which may also be a noun, is an adjective of the head after
        it: an organisation head (:meth:`before_org_head`), or, for a capitalised word, a
        lower-case noun of a body it agrees with (``Черкаської міськради``, where
        ``Черкаської`` is also a surname)."""
        if self.before_org_head(index):
            return True
        head = self.tok(index + 1)
        return (
            self.tokens[index].is_capitalised
            and head is not None
            and not head.is_capitalised
            and self.adjacent(index, index + 1)
            and morph.has(self.words[index], "ADJF", known=True)
            and morph.has(head.text, "NOUN", "inan", known=True)
            and not morph.pos_set(head.text) & {"PREP", "CONJ"}  # "Кабінету Міністрів про"
            and morph.shares_case(self.words[index], head.text)
        )

    def genitive_phrase(self, first: int, last: int) -> bool:
        """Adjectives and a noun, every one with a genitive reading (``Черкаської міськради``,
        not the nominative ``Громадська рада``)."""
        return all(
            any(r.case == "gent" and r.pos in ("ADJF", "NOUN") for r in morph.readings(word))
            for word in self.words[first : last + 1]
        )

    def regional_seat(self, last: int) -> int | None:
        """``у Волинській області`` right after ``last``: the region's last token, else None."""
        preposition, first = self.tok(last + 1), last + 2
        if preposition is None or preposition.text.lower() not in ("у", "в"):
            return None
        if not self.adjacent(last, last + 1) or not self.adjacent(last + 1, first):
            return None
        return self.locative_region(first)

    def locative_region(self, first: int) -> int | None:
        """A region in the locative at ``first`` (``Волинській області``, known or not): its
        last token, else None."""
        region = self.hits.get(first)
        if region is not None:
            tail = self.words[region.end - 1]
            if region.type == "place" and self.is_head(tail, _REGION_HEADS):
                return region.end - 1 if morph.has(tail, "loct") else None
            return None
        return first + 1 if self.capital_word(first) and self.is_region_phrase(first) else None

    def city_seat(self, index: int) -> int | None:
        """``у м. Києві``, ``в місті Львові`` at ``index``: a known city after ``м.`` or
        ``місті``, the seat of a body's city office; its last token, else None."""
        preposition, abbreviation = self.tok(index), self.tok(index + 1)
        if preposition is None or self.lowered[index] not in ("у", "в"):
            return None
        if abbreviation is None or abbreviation.text not in ("м.", "місті"):
            return None
        city = self.hits.get(index + 2)
        if city is None or city.type != "place" or not self.adjacent(index + 1, index + 2):
            return None
        return city.end - 1

    def region_seat(self, index: int, last: int, head: int) -> tuple[int, EntitySpan | None] | None:
        """``у``/``в`` at ``index`` and a region in the locative after an organisation's name
        (``ДСНС України в Івано-Франківській області``): the seat of its regional office, which
        belongs to the name.  The seat's last token, and the region as a part when the
        gazetteer knows it (then only after a complement or a territorial head, ``last`` and
        ``head`` of the name so far); else None."""
        if self.lowered[index] not in ("у", "в"):
            return None
        first = index + 1
        region = self.hits.get(first)
        if region is None:
            known = self.capital_word(first) and self.is_region_phrase(first)
            return (first + 1, None) if known else None
        tail = self.words[region.end - 1]
        if (
            (last > head or self.territorial_head(head))
            and region.type == "place"
            and self.is_head(tail, _REGION_HEADS)
            and morph.has(tail, "loct")
        ):
            end = region.end - 1
            return end, self.span(region.start, end, "LOC", region.name, region.key)
        return None

    def second_seat(self, index: int) -> int | None:
        """``та Київській області`` at ``index``, right after a body's first seat (``у м.
        Києві``): a coordinated region in the locative, which the office also serves; its last
        token, else None."""
        glue = self.tok(index)
        if glue is None or glue.text.lower() not in ("та", "і", "й"):
            return None
        return self.locative_region(index + 1) if self.adjacent(index, index + 1) else None

    def foreign_name_after(self, index: int) -> bool:
        """A place's name used as a foreign given name (``Джорджія Мелоні заявила``): the place
        word in the nominative, a capitalised word after it, and evidence for a person (a
        verb of speech beside the pair or a job title before it)."""
        nxt = self.tok(index + 1)
        if (
            nxt is None
            or not self.capital_word(index + 1)
            or nxt.is_upper
            or index + 1 in self.hits
            or not self.adjacent(index, index + 1)
            or self.capital_word(index + 2)
            or not any(r.case == "nomn" for r in morph.readings(self.words[index]) if r.known)
        ):
            return False
        sentence = self.tokens[index].sentence
        near = [
            t
            for t in (*self.tokens[max(index - 3, 0) : index], *self.tokens[index + 2 : index + 5])
            if t.is_word and t.sentence == sentence
        ]
        return any(speaks(t.text) for t in near) or any(
            not morph.lemmas_of(t.text.lower()).isdisjoint(_title_heads())
            for t in self.tokens[max(index - 3, 0) : index]
        )
