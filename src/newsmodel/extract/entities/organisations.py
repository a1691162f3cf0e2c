"""Organisations: quoted names after a legal form or an organisation word (``ТОВ «Наш Дім»``),
Latin-script company names ending in a company word, products that are no entity, acronyms
with their complements and in brackets after a long name.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsmodel.extract import gazetteer, morph
from newsmodel.extract.entities.places import PlaceRules
from newsmodel.extract.entities.vocabulary import (
    _FUNCTION_POS,
    _LATIN_JOINERS,
    _QUOTE_OPEN,
    _QUOTED_PLACE_HEADS,
    LEGAL_FORMS,
)
from newsmodel.extract.entities.words import (
    _is_initial,
    _is_verb,
)
from newsmodel.extract.recognizer import EntitySpan, Label
from newsmodel.extract.tokens import latin_capital, latin_script

_NAMED_IN_QUOTES = frozenset(["фірма", "офшор"])
"""Words for a business that head no name of their own (``Київська фірма`` is none) but give
one in quotes (``фірма «Будівельні технології півдня»``)."""


class OrganisationRules(PlaceRules):
    """The candidate rules of this kind (see the module docs)."""

    def quoted_organisation(self, index: int) -> EntitySpan | None:
        token = self.tokens[index]
        if token.text in LEGAL_FORMS or (token.is_upper and len(token.text) <= 6):
            # ТОВ «X», ДП «КТ», ПрАТ КП «X»: one or two legal-form acronyms and a quoted name
            opening = index + 1
            if (mid := self.tok(opening)) is not None and mid.is_upper and len(mid.text) <= 6:
                opening += 1
            nxt = self.tok(opening)
            if nxt is not None and nxt.text in _QUOTE_OPEN and self.adjacent(opening - 1, opening):
                close = self.closing_quote(opening)
                if close is not None:
                    return self.span(
                        index, close, "ORG", self.text[token.start : self.tokens[close].end]
                    )
        if token.text in _QUOTE_OPEN and self.capital_word(index + 1):
            close = self.closing_quote(index)
            if close is None or close == index + 1:
                return None
            inner = self.words[index + 1 : close]
            before = self.tok(index - 1)
            # "фірма «Інтер кємікал груп»": after an organisation word a quote is its name,
            # however few capitals it has
            named = before is not None and (
                self.is_head(before.text, self.org_heads)
                or not morph.lemmas_of(before.text).isdisjoint(_NAMED_IN_QUOTES)
            )
            if (
                len(inner) > 5
                or any(_is_verb(word) for word in inner)
                or any(r.known and r.pos in _FUNCTION_POS for r in morph.readings(inner[0]))
                or any(word.islower() and morph.pos_set(word) & {"PREP", "CONJ"} for word in inner)
                or (
                    not named
                    and len(inner) > 2
                    and not any(self.capital_word(i) for i in range(index + 2, close))
                )
            ):
                return None  # a quotation, not a name
            label: Label = "ORG"
            if before is not None and self.is_head(before.text, _QUOTED_PLACE_HEADS):
                label = "LOC"  # "урочище «Маяк»", "стадіон «Юність»": the named place itself
            elif before is not None and not morph.lemmas_of(before.text).isdisjoint(
                gazetteer.work_heads()
            ):
                return None  # "орден «Знак пошани»", "роман «Таємниця»": a title, no body
            elif not named and self.titled_work(inner):
                return None  # "«Червона книга України»": a work's title, no body
            if "«" in inner:  # «НВП «Інтертерм»: the inner name keeps its closing mark
                return self.span(index + 1, close, label)
            return self.span(index + 1, close - 1, label)
        return None

    def titled_work(self, inner: Sequence[str]) -> bool:
        """Is a quoted name the title of a work, a work or document word inside it (``Червона
        книга України``, ``Закон про освіту``)?"""
        works = gazetteer.work_heads() | gazetteer.document_heads()
        return any(
            not morph.lemmas_of(word).isdisjoint(works) for word in inner if word[:1].isalpha()
        )

    def latin_run_end(self, index: int) -> int | None:
        """The last token of a run of capitalised Latin words (model numbers and ``and``/``of``
        inside) starting at ``index``, or ``None`` when no such run starts there."""
        word = self.words[index]
        if (
            not (latin_capital(word) and word.isalpha() and latin_script(word))
            or index in self.hits
        ):
            return None
        last = index
        while (
            (t := self.tok(last + 1)) is not None
            and self.adjacent(last, last + 1)
            and latin_script(t.text)
            and t.text[:1].isalnum()
            and (t.text[:1].isupper() or t.text[:1].isdigit() or t.text.lower() in _LATIN_JOINERS)
            and last - index < 5
        ):
            last += 1
        while last > index and self.lowered[last] in _LATIN_JOINERS:
            last -= 1
        return last

    def is_product(self, index: int, last: int) -> bool:
        """``Toyota Land Cruiser``, ``Audi Q7``: a product brand with its model (the Latin run
        ``index..last``) names a product, neither a person nor an organisation.  A brand alone
        (``Samsung відкрив``) is the company, left to the other rules."""
        return last > index and self.lowered[index] in gazetteer.product_brands()

    def latin_company(self, index: int, last: int | None) -> EntitySpan | None:
        """``Limpieza Limited``, ``Samsung Electronics``: a Latin run (``index..last``) ending
        with a company word is a company (a date after it, ``Mako Trading 2 травня``, is not
        part of it)."""
        if last is None:
            return None
        while last > index and self.words[last][:1].isdigit():
            last -= 1
        if last == index or self.lowered[last].rstrip(".") not in gazetteer.legal_forms():
            return None
        return self.span(index, last, "ORG")

    def organisation_with_complement(self, index: int) -> EntitySpan:
        """An acronym, with a named complement: ``ДСНС України``, ``ГУ ДФС``."""
        nxt = self.tok(index + 1)
        if nxt is not None and _is_initial(nxt.text.rstrip(".")):
            return self.span(index, index, "ORG")  # "Укрзалізниці О. Клименко": a person
        last, parts = self.complements(index, organisation=True)
        if last > index and not any(self.capital_word(i) for i in range(index + 1, last + 1)):
            last, parts = index, []
        return self.span(index, last, "ORG", None, None, tuple(parts))

    def parenthesised_acronym(self, found: EntitySpan, index: int) -> int:
        """``Південнокорейська розвідка (NIS)``: the acronym is the same organisation."""
        if found.label != "ORG":
            return index
        opening, acronym, closing = self.tok(index), self.tok(index + 1), self.tok(index + 2)
        if (
            opening
            and acronym
            and closing
            and opening.text == "("
            and closing.text == ")"
            and acronym.is_upper
        ):
            self.spans.append(
                self.span(index + 1, index + 1, "ORG", acronym.text, found.key, (found,))
            )
            return index + 3
        return index
