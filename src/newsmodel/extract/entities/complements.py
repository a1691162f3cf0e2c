"""Where an organisation's complements go on: coordinated genitives (``геодезії, картографії та
кадастру``), a topic after ``з`` (``з питань ...``), an instrumental after ``управління``
(``справами``), a genitive chain through a verb form (``захисту прав споживачів``), a court's or
prosecutor's region, coordinated adjectives sharing one head (``Кременчуцький, Дрогобицький і
Надвірнянський НПЗ``).  The phrase rules (:mod:`.phrases`) ask these as they extend a name.
"""

from __future__ import annotations

from functools import lru_cache

from newsmodel.extract import morph
from newsmodel.extract.entities.edges import NameEdges
from newsmodel.extract.entities.vocabulary import (
    _PREPOSITION_NOUNS,
    _QUOTE_OPEN,
    _REGION_HEADS,
    PLACE_HEADS,
)
from newsmodel.extract.entities.words import _is_verb, _title_heads
from newsmodel.extract.recognizer import EntitySpan
from newsmodel.extract.tokens import Token

_LOCAL_BODIES = frozenset({"суд", "прокуратура", "мерія"})
"""Bodies that a region or city names by itself: ``госпсуд Дніпропетровської області``,
``прокуратури Луганської області``, ``мерія Києва``."""
_COORDINATION = frozenset({"та", "і", "й", ","})
"""What joins the coordinated complements of one name: ``геодезії, картографії та кадастру``."""
_TIME_NOUNS = (
    frozenset({"січень", "лютий", "березень", "квітень", "травень", "червень", "липень"})
    | frozenset({"серпень", "вересень", "жовтень", "листопад", "грудень", "рік", "місяць"})
    | frozenset({"день", "час", "момент", "початок", "кінець"})
)
"""Nouns of time after ``з``: ``з серпня 2018 року`` says since when, not a body's topic."""
_FIELDS = frozenset({"галузь", "сфера", "промисловість", "справа"})
"""Nouns of a body's field after ``у``/``в``: ``центр у нафтогазовій галузі``."""
_OPENS_COMPLEMENT = _COORDINATION | {"з", "із", "питань"}
"""Words after which a verbal noun is a complement, not the sentence going on:
``телебачення і радіомовлення``, ``центр з вирішення спорів``, ``з питань забезпечення``."""


@lru_cache(maxsize=morph.WORDS_CACHED)
def _verb_only(word: str) -> bool:
    """A verb form that is no genitive noun: ``оборони`` is the genitive of ``оборона`` as well
    as an imperative, so ``Міністерства оборони`` goes on; ``надала`` (a past tense, and a
    rare surname) ends the name."""
    if not _is_verb(word):
        return False
    verbs = [r for r in morph.readings(word) if r.known and r.pos in ("VERB", "INFN")]
    return not all("impr" in r.grammemes for r in verbs) or not _common_genitive(word)


@lru_cache(maxsize=morph.WORDS_CACHED)
def _common_genitive(word: str) -> bool:
    """Has ``word`` a dictionary reading as the genitive of a common inanimate noun?"""
    return any(
        r.known and {"NOUN", "gent", "inan"} <= r.grammemes and not r.is_name
        for r in morph.readings(word)
    )


def _lower_genitive(token: Token) -> bool:
    """A lower-case word that can be a genitive complement (noun or adjective)."""
    word = token.text
    return (
        token.is_word
        and not token.is_capitalised
        and morph.has(word, "gent")
        and not _verb_only(word)
    )


class ComplementEdges(NameEdges):
    """The complement tests of organisation names (see the module docs)."""

    def genitive_chain(self, index: int, inside: bool) -> bool:
        """A verb form inside a chain of genitive complements is a noun (``захисту прав
        споживачів``): a common genitive noun reading, a complement before it, and a lower-case
        genitive noun that is no verb after it."""
        return (
            inside
            and _common_genitive(self.words[index])
            and self.case_phrase(index + 1, "gent") == index + 1
        )

    def instrumental_complement(self, last: int) -> int | None:
        """``управління справами``, ``Управлінням національними проектами``: the management of
        something names it in the instrumental, not the genitive; lower-case adjectives and the
        noun after an ``управління`` at ``last``, the noun's index, else None."""
        if "управління" not in morph.lemmas_of(self.words[last]):
            return None
        end = self.case_phrase(last + 1, "ablt")
        inanimate = end is not None and morph.has(self.words[end], "NOUN", "ablt", "inan")
        return end if inanimate else None

    def case_phrase(self, first: int, case: str) -> int | None:
        """Up to three lower-case adjectives and a noun in ``case`` from ``first``, next to each
        other and to the word before: the noun's index, else None (a verb form ends it)."""
        end = first
        while (
            end - first < 3
            and (t := self.tok(end)) is not None
            and not t.is_capitalised
            and self.adjacent(end - 1, end)
            and morph.has(t.text, "ADJF", case, known=True)
            and not morph.has(t.text, "NOUN", known=True)
        ):
            end += 1
        noun = self.tok(end)
        if (
            noun is None
            or noun.is_capitalised
            or not self.adjacent(end - 1, end)
            or _is_verb(noun.text)
            or not morph.has(noun.text, "NOUN", case, known=True)
        ):
            return None
        return end

    def local_body(self, index: int, head: int, place: EntitySpan) -> int | None:
        """A court, prosecutor's office or city hall (``head``, one body: singular) and the
        region right after it (``place``: a region phrase or an acronym such as ``АРК``) are one
        organisation, not a common word and a place.  The first token of the name (its
        singular adjectives from ``index`` on: ``апеляційного суду``), else None."""
        if (
            place.label != "LOC"
            or place.first_token != head + 1
            or not (
                self.is_head(self.words[place.last_token], _REGION_HEADS)
                or (place.first_token == place.last_token and self.tokens[head + 1].is_upper)
            )
        ):
            return None
        if not any(
            r.pos == "NOUN"
            and not r.plural
            and (r.lemma in _LOCAL_BODIES or r.lemma.endswith("суд"))
            for r in morph.readings(self.words[head])
        ):
            return None
        first = head
        while first > index and any(
            r.pos == "ADJF" and not r.plural for r in morph.readings(self.words[first - 1])
        ):
            first -= 1  # "регіональної прокуратури", not "слідчих регіональної прокуратури"
        if first > 0 and not morph.lemmas_of(self.words[first - 1]).isdisjoint(_title_heads()):
            return None  # "суддя господарського суду Одеської області": the court is his title's
        return first

    def topic(self, index: int) -> bool:
        """``з інвестицій``, ``з питань``, ``з цінних паперів`` at ``index``: ``з``/``із`` and a
        lower-case genitive noun, or adjectives and one, naming what a body deals with: a thing,
        not people (``відділ ... з юридичних осіб``), a place (``з сусіднього села``: where from),
        a time (``з серпня``) or a compound preposition (``з боку``)."""
        if self.lowered[index] not in ("з", "із"):
            return False
        end = self.case_phrase(index + 1, "gent")
        if end is None:
            return False
        noun = self.words[end]
        return (
            noun.lower() not in _PREPOSITION_NOUNS
            and not morph.has(noun, "NOUN", "anim", known=True)
            and morph.lemmas_of(noun).isdisjoint(PLACE_HEADS | _TIME_NOUNS)
        )

    def attachment(self, index: int) -> int | None:
        """``при Президентові``, ``при Закарпатському державному університеті`` (the body it
        works under) or ``у нафтогазовій галузі``, ``в сфері освіти`` (its field) at ``index``:
        the preposition and the locative phrase; its noun's index, else None."""
        lower = self.lowered[index]
        if lower not in ("при", "у", "в") or not self.adjacent(index, index + 1):
            return None
        end = index + 1
        while (
            end - index <= 3
            and self.adjacent(end, end + 1)
            and morph.has(self.words[end], "ADJF", "loct", known=True)
            and not morph.has(self.words[end], "NOUN", known=True)
        ):
            end += 1
        noun = self.words[end]
        if not morph.has(noun, "NOUN", "loct", known=True):
            return None
        if lower == "при":
            return end if self.capital_word(index + 1) else None
        field = not morph.lemmas_of(noun).isdisjoint(_FIELDS)
        return end if field and not self.capital_word(index + 1) else None

    def coordinated(self, index: int) -> bool:
        """``і радіомовлення``, ``, картографії та кадастру`` at ``index``: a glue word and a
        lower-case genitive (or, last, a :meth:`common_acronym`) that continues the name.  A
        comma joins only a list that closes with ``і``/``та``/``й`` and a genitive a few words
        on, so ``Міністерства економіки, заяви якого`` stops at the comma."""
        glue = self.tok(index)
        if (
            glue is None
            or glue.text.lower() not in _COORDINATION
            or not self.adjacent(index, index + 1)
        ):
            return False
        if glue.text != ",":
            return _lower_genitive(self.tokens[index + 1]) or self.common_acronym(index + 1)
        if not _lower_genitive(self.tokens[index + 1]):
            return False
        for i in range(index + 2, index + 9):
            word = self.tok(i)
            if word is None or not self.adjacent(i - 1, i):
                return False
            if word.text.lower() in ("та", "і", "й"):
                return self.adjacent(i, i + 1) and (
                    _lower_genitive(self.tokens[i + 1]) or self.common_acronym(i + 1)
                )
            if word.text != "," and not _lower_genitive(word):
                return False
        return False

    def common_acronym(self, index: int) -> bool:
        """An acronym of common words closing a list of complements (``будівництва і ЖКГ``,
        житлово-комунального господарства): capitals, and no body or place the gazetteer
        knows (``економіки та МВФ`` are two bodies)."""
        token, after = self.tok(index), self.tok(index + 1)
        return (
            token is not None
            and token.is_upper
            and 2 <= len(token.text) <= 5
            and index not in self.hits
            and (after is None or after.text not in _QUOTE_OPEN)
        )

    def coordinated_adjectives(self, index: int) -> int | None:
        """``Слов'янської і Старобешівської ТЕС``, ``Кременчуцький, Дрогобицький і Надвірнянський
        НПЗ`` at ``index``: capitalised adjectives in one case joined by commas and a last
        ``і``/``та``/``й`` before one organisation head or acronym; the last adjective's index,
        else None."""
        i = index
        while i - index < 8:
            word, glue = self.tok(i), self.tok(i + 1)
            if word is None or glue is None or not self.capital_word(i):
                return None
            if not morph.has(word.text, "ADJF", known=True) or not self.adjacent(i, i + 1):
                return None
            if self.lowered[i + 1] in ("і", "та", "й", ","):
                i += 2
                continue
            if i == index or self.words[i - 1] == ",":
                return None  # no adjectives joined, or a list not closed by і/та/й
            head = self.tokens[i + 1]
            if not (head.is_upper or self.org_head(head.text)) or not self.agrees(i, i + 1):
                return None
            if not all(morph.shares_case(self.words[j], head.text) for j in range(index, i, 2)):
                return None
            return i
        return None
