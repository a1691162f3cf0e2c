"""People, organisations and places: the default rule-and-morphology recogniser.

Ukrainian capitalises proper names and little else, so the recogniser looks at capitalised
words and decides what each run is, in this order:

1. a legal form with a quoted name (``ТОВ «ЛБК «Наш Дом»``) or a quoted name after an
   organisation word (``комунальне підприємство «Жилбудсервіс»``): organisation;
2. a noun phrase whose head is an organisation word (``Ради безпеки Росії``,
   ``головного політичного управління Корейської народної армії``) or a place word
   (``Курської області``), with its genitive complements: organisation or place;
3. a gazetteer entry (countries, cities, regions, well-known organisations, any case);
4. a run of capitalised words read as a person's name (dictionary first names, surnames,
   patronymics; East Asian names);
5. an acronym: organisation; a single capitalised word: by its readings and by the
   preposition before it (``у Пхеньяні`` is a place).

Sentence-initial words are only taken when the dictionary knows them as names or the same
word is an entity elsewhere in the text.  Grammar words (prepositions, legal forms, generic
place heads) are listed here; world knowledge comes from the gazetteer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from newsmodel.extract import gazetteer, morph
from newsmodel.extract.names import is_east_asian
from newsmodel.extract.recognizer import EntitySpan, Label
from newsmodel.extract.tokens import Token

LEGAL_FORMS = frozenset(
    [
        "ТОВ",
        "ТзОВ",
        "ПП",
        "ДП",
        "КП",
        "ПАТ",
        "ПрАТ",
        "ВАТ",
        "ЗАТ",
        "АТ",
        "ТДВ",
        "ГО",
        "БФ",
        "ОСББ",
        "НАК",
        "КНП",
        "ДУ",
        "СП",
        "ФГ",
        "ПФ",
        "ТД",
        "СТ",
        "МП",
        "LLC",
        "Ltd",
        "Inc",
        "GmbH",
    ]
)
"""Legal-form abbreviations written before a quoted company name."""

PLACE_HEADS = frozenset(
    [
        "область",
        "район",
        "регіон",
        "край",
        "округ",
        "місто",
        "село",
        "селище",
        "смт",
        "вулиця",
        "проспект",
        "бульвар",
        "провулок",
        "площа",
        "майдан",
        "узвіз",
        "шосе",
        "набережна",
        "річка",
        "море",
        "озеро",
        "острів",
        "півострів",
        "гора",
        "затока",
        "канал",
        "острів",
        "затока",
        "парк",
        "сквер",
        "урочище",
        "хутір",
        "станція",
        "аеропорт",
        # landmarks: "Софійський собор", "Високий замок", "Байкове кладовище"
        "замок",
        "собор",
        "монастир",
        "лавра",
        "фортеця",
        "кладовище",
        "цвинтар",
        "водосховище",
        "алея",
        "вокзал",
    ]
)
"""Generic heads of place names (``Курська область``, ``вулиця Франка``)."""

_LOCATIVE_PREPOSITIONS = frozenset(
    ["у", "в", "до", "з", "із", "зі", "на", "біля", "поблизу", "під", "від", "через", "над", "поза"]
)
_STREET_ABBREVIATIONS = frozenset(
    ["вул.", "просп.", "пл.", "бул.", "пров.", "м.", "с.", "смт.", "обл.", "р-н"]
)
_QUOTED_PLACE_HEADS = frozenset(
    [
        "урочище",
        "заказник",
        "заповідник",
        "парк",
        "сквер",
        "стадіон",
        "аеропорт",
        "вокзал",
        "метро",
        "станція",
        "болото",
        "озеро",
        "острів",
        "пляж",
        "кладовище",
        "цвинтар",
        "степ",
    ]
)
"""Common nouns of places whose quoted name follows: ``урочище «Маяк»``, ``стадіон «Юність»``."""
_SITE_HEADS = frozenset(["парк", "сквер", "аеропорт", "вокзал", "стадіон", "пляж", "кладовище"])
_FEATURE_WORDS = frozenset(
    ["річка", "ріка", "гора", "озеро", "острів", "півострів", "море", "затока", "хребет"]
)
_REGION_HEADS = frozenset({"область", "район"})
_TERRITORIAL_GLUE = frozenset({"у", "в", "м.", "місті", "та", "і"})
_GLUE = frozenset({"та", "і", "й", "з", "із", "у", "в", "імені", "ім.", "ім", "м.", ".", ","})
_QUOTE_PAIRS = {"«": frozenset("»"), "“": frozenset("”"), "„": frozenset("“”")}
"""Which marks close which: inside «...» a “ or " opens a nested name."""
_QUOTE_OPEN = frozenset('«„"“')
_QUOTE_CLOSE = frozenset('»"”“')
_OPENERS = frozenset('.!?…:;—–-«"„“(')
_FUNCTION_POS = frozenset(
    {"PREP", "CONJ", "PRCL", "ADVB", "NPRO", "VERB", "INFN", "NUMR", "INTJ", "PRED", "GRND", "COMP"}
)
SETTLEMENT_KINDS = {"село": "settlement", "селище": "settlement", "містечко": "settlement",
                    "хутір": "settlement", "смт": "settlement", "місто": "city",
                    "с.": "settlement", "смт.": "settlement", "м.": "city"}
"""Settlement words (lemmas) and abbreviations before a place's name, with the place kind
they give it (``в селі Олексіївка``, ``м. Жовква``)."""
_SETTLEMENT_WORDS = frozenset(word for word in SETTLEMENT_KINDS if not word.endswith("."))
_SETTLEMENT_SHORT = frozenset({"с.", "м.", "смт", "смт."})
_STREET_WORDS = frozenset(
    [
        "вулиця",
        "проспект",
        "провулок",
        "бульвар",
        "площа",
        "узвіз",
        "шосе",
        "набережна",
        "майдан",
        "вул",
        "просп",
        "пров",
        "бул",
        "пл",
        "б-р",
    ]
)
_STREET_SHORT = frozenset(["вул", "просп", "пров", "бул", "пл"])
_LATIN_JOINERS = frozenset(["and", "of", "&", "de", "la", "du", "und"])
_LIST_GLUE = frozenset([",", "і", "й", "та"])
"""What joins the names of a street list: ``вул. Горького, Якубовського та Соборна``."""
_IN_PLACE = frozenset(["у", "в", "на", "біля", "поблизу", "під"])
"""Prepositions that put what follows on the map (not ``до``: ``до Закону України``)."""
_STREET_SHORT_DOTTED = frozenset(["вул.", "просп.", "пров.", "бул.", "пл.", "б-р", "р."])
_ORG_HEAD_ENDINGS = ("суд", "адміністрація", "інспекція", "прокуратура", "служба", "комітет")
_PLACE_ABBREVIATIONS = frozenset({"обл.", "обл", "р-н", "р-ну", "р-ні"})
_PHRASE_POS = frozenset({"ADJF", "PRTF", "NOUN"})
_ROMAN = frozenset(
    [
        "I",
        "II",
        "III",
        "IV",
        "V",
        "VI",
        "VII",
        "VIII",
        "IX",
        "X",
        "XI",
        "XII",
        "XIII",
        "XIV",
        "XV",
        "XVI",
        "XVII",
        "XVIII",
        "XIX",
        "XX",
        "XXI",
    ]
)
_NOT_NAMES = frozenset(
    [
        "бог",
        "господь",
        "але",
        "і",
        "й",
        "та",
        "а",
        "або",
        "чи",
        "що",
        "як",
        "це",
        "той",
        "ця",
        "цей",
        "ці",
        "ти",
        "ви",
        "ми",
        "він",
        "вона",
        "вони",
        "я",
        "так",
        "ні",
        "тут",
        "там",
        "де",
        "коли",
        "якщо",
        "щоб",
        "хоча",
        "проте",
        "однак",
        "тому",
        "також",
        "навіть",
        "лише",
    ]
)

"""Organisation head words used when the gazetteer provides none (its list extends these)."""


@dataclass(frozen=True, slots=True)
class LexiconHit:
    """A gazetteer match in token indices ``[start, end)``."""

    start: int
    end: int
    key: str
    type: str
    name: str
    via: str
    country: str | None


@cache
def organisation_heads() -> frozenset[str]:
    """Organisation head lemmas (``lexicon/organisation_heads.tsv``), in every apostrophe."""
    return gazetteer.apostrophe_variants(gazetteer.organisation_heads())


def lexicon_hits(words: Sequence[str]) -> list[LexiconHit]:
    """Gazetteer matches (longest, non-overlapping) for a sequence of words."""
    return [
        LexiconHit(
            match.start,
            match.end,
            match.entry.key,
            match.entry.type,
            match.entry.name,
            match.via,
            match.entry.country,
        )
        for match in gazetteer.find_matches(list(words))
    ]


class RuleRecognizer:
    """The default recogniser: rules, morphology and the gazetteer (see the module docs)."""

    def recognise(self, text: str, tokens: Sequence[Token]) -> list[EntitySpan]:
        return _Scanner(text, tokens).run()


class _Scanner:
    def __init__(self, text: str, tokens: Sequence[Token]) -> None:
        self.text = text
        self.tokens = tokens
        self.words = [token.text for token in tokens]
        self.count = len(tokens)
        # asked for every token several times: computed once
        self.capitals = [
            token.is_word
            and token.is_capitalised
            and not token.text.isdigit()
            and not _latin_prefixed_noun(token.text)
            for token in tokens
        ]
        self.hits = {hit.start: hit for hit in lexicon_hits(self.words) if hit.via == "name"}
        self.org_heads = organisation_heads()
        self.spans: list[EntitySpan] = []
        self.blocked: set[int] = set()
        self._lowercase_lemmas: set[str] | None = None
        self.block_document_places()

    def block_document_places(self) -> None:
        """``Податкового кодексу України``, ``законам України``, ``Закону «Про місцеве
        самоврядування в Україні»``: a place right after a document word, or inside the quoted
        title of an act (``«Про ...»``), belongs to that name and is no mention of the place."""
        documents = gazetteer.document_heads()
        for start, hit in self.hits.items():
            if hit.type != "place" or not self.adjacent(start - 1, start):
                continue
            if not morph.lemmas_of(self.words[start - 1]).isdisjoint(documents):
                self.blocked.update(range(hit.start, hit.end))
        for index, word in enumerate(self.words):
            if word in _QUOTE_OPEN and index + 1 < self.count:
                if self.words[index + 1].lower() not in ("про", "щодо"):
                    continue
                close = next(
                    (
                        i
                        for i in range(index + 2, min(index + 30, self.count))
                        if self.words[i] in _QUOTE_CLOSE
                    ),
                    index + 1,
                )
                for start in range(index + 2, close):
                    if (quoted := self.hits.get(start)) is not None and quoted.type == "place":
                        self.blocked.update(range(quoted.start, quoted.end))

    # -- helpers ---------------------------------------------------------------------------

    def tok(self, index: int) -> Token | None:
        return self.tokens[index] if 0 <= index < self.count else None

    def adjacent(self, left: int, right: int) -> bool:
        """No punctuation or line break between two neighbouring tokens."""
        if not (0 <= left < self.count and 0 <= right < self.count):
            return False
        a, b = self.tokens[left], self.tokens[right]
        return a.sentence == b.sentence and b.start - a.end <= 1

    def capital_word(self, index: int) -> bool:
        return 0 <= index < self.count and self.capitals[index]

    def span(  # noqa: PLR0917 - mirrors EntitySpan's fields, in its order
        self,
        first: int,
        last: int,
        label: Label,
        name: str | None = None,
        key: str | None = None,
        parts: tuple[EntitySpan, ...] = (),
    ) -> EntitySpan:
        start, end = self.tokens[first].start, self.tokens[last].end
        return EntitySpan(start, end, label, name, key, first, last, parts)

    # -- main loop -------------------------------------------------------------------------

    def run(self) -> list[EntitySpan]:
        index = 0
        count = len(self.tokens)
        while index < count:
            token = self.tokens[index]
            if index in self.blocked:
                index += 1
                continue
            if (
                not token.is_capitalised
                and token.text not in _QUOTE_OPEN
                and token.text.lower() not in _STREET_WORDS
                and (not token.is_word or not morph.pos_set(token.text) & _PHRASE_POS)
            ):
                index += 1  # punctuation, verbs, function words: nothing starts here
                continue
            latin_end = self.latin_run_end(index) if "A" <= token.text[:1] <= "Z" else None
            company = self.latin_company(index, latin_end)
            if company is None and latin_end is not None and self.is_product(index, latin_end):
                index = latin_end + 1  # "Toyota Land Cruiser": a product, no entity
                continue
            phrase = self.noun_phrase(index)
            listed = self.lexicon(index)
            if listed is not None and phrase is not None and listed.last_token < phrase.last_token:
                listed = None
            found = (
                company
                or self.coordinated_regions(index)
                or self.settlement(index)
                or self.street(index)
                or self.quoted_organisation(index)
                or listed
                or phrase
                or self.feature_name(index)
                or self.person_run(index)
                or self.adjective_name(index)
                or self.single(index)
            )
            if found:
                if found.label == "PERS":
                    found = self.with_initials(found)
                self.spans.append(found)
                index = found.last_token + 1
                index = self.parenthesised_acronym(found, index)
                if found.label == "LOC" and found.key is None:
                    if self.tokens[found.first_token].text.lower() in (
                        _STREET_WORDS | _STREET_SHORT_DOTTED
                    ):
                        index = self.street_list(index, self.street_head(found.first_token))
                    elif (word := self.plural_street_word_before(found.first_token)) is not None:
                        index = self.street_list(index, self.street_head(word))
            else:
                index += 1
        return self.second_pass()

    def second_pass(self) -> list[EntitySpan]:
        """A word that is a person's name elsewhere in the text is one here too, even at the
        start of a sentence (``Пелипас звернулася``) where capitals prove nothing."""
        covered: set[int] = set()
        for span in self.spans:
            covered.update(range(span.first_token, span.last_token + 1))
        names: set[str] = set()
        for span in self.spans:
            if span.label == "PERS":
                for token in self.tokens[span.first_token : span.last_token + 1]:
                    if token.is_word and len(token.text) > 2:
                        names.add(_stem(token.text))
        relabelled = []
        for span in self.spans:
            if (
                span.label != "PERS"
                and span.key is None
                and span.first_token == span.last_token
                and not span.parts
                and _stem(self.words[span.first_token]) in names
                and not self.tokens[span.first_token].is_upper
            ):
                relabelled.append(
                    EntitySpan(
                        span.start, span.end, "PERS", None, None, span.first_token, span.last_token
                    )
                )
                continue
            relabelled.append(span)
        self.spans = relabelled
        added = []
        for token in self.tokens:
            if token.index in covered or not self.capital_word(token.index) or token.is_upper:
                continue
            if _stem(token.text) in names and not any(
                r.known and r.pos in _FUNCTION_POS for r in morph.readings(token.text)
            ):
                added.append(self.span(token.index, token.index, "PERS"))
        return sorted([*self.spans, *added], key=lambda span: span.start)

    def street(self, index: int) -> EntitySpan | None:
        """``вул. Горького``, ``вулиці Чумацької``, ``просп. Перемоги, 12``, ``р. Дністер``."""
        token = self.tokens[index]
        word = token.text.lower()
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
            if nxt in self.hits or not self.capital_word(nxt) or self.tokens[nxt].is_upper:
                return None
            last = nxt
            while self.capital_word(last + 1) and self.adjacent(last, last + 1) and last - nxt < 2:
                last += 1
            written = self.text[self.tokens[nxt].start : self.tokens[last].end]
            head = self.street_head(index)
            return self.span(nxt, last, "LOC", f"{head} {_street_name(head, written)}")
        last = nxt
        while (
            (t := self.tok(last)) is not None
            and t.sentence == token.sentence
            and (
                (len(t.text) == 2 and t.text.endswith(".") and t.text[0].isupper())
                or (
                    len(t.text) == 1
                    and t.text.isupper()
                    and (d := self.tok(last + 1))
                    and d.text == "."
                )
            )
        ):
            last += 1 if t.text.endswith(".") else 2  # initials: "Б. Хмельницького"
        if not self.capital_word(last) or self.tokens[last].is_upper:
            return None
        while self.capital_word(last + 1) and self.adjacent(last, last + 1) and last - nxt < 3:
            last += 1
        if word not in ("р.", "р") and self.house_number_after(last):
            last += 2
        return self.span(index, last, "LOC")

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
        readings = [r for r in morph.readings(token.text)
                    if r.pos == "NOUN" and r.lemma in _STREET_WORDS]
        return bool(readings) and all(r.plural for r in readings)

    def house_number_after(self, last: int) -> bool:
        """``вулиці Хрещатик, 22``: a comma and a short number after a street name belong to it."""
        comma, number = self.tok(last + 1), self.tok(last + 2)
        return (
            comma is not None
            and number is not None
            and comma.text == ","
            and number.text[:1].isdigit()
            and len(number.text) <= 4
        )

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
        if not any(
            r.plural and r.lemma in ("область", "район", "округ") for r in morph.readings(head.text)
        ):
            return None
        return self.span(index, last + 1, "LOC")

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
            if any(_is_verb(word) for word in self.words[first : last + 1]):
                break
            if self.house_number_after(last):
                last += 2
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

    def with_initials(self, span: EntitySpan) -> EntitySpan:
        """``В. Ющенка``, ``Д . Кембелл``, ``Смєшко І. П.``: initials belong to the name."""
        first, last = span.first_token, span.last_token
        while (
            first >= 2
            and _is_initial(self.tokens[first - 2].text)
            and self.tokens[first - 1].text == "."
            and self.tokens[first - 2].sentence == self.tokens[first].sentence
        ):
            first -= 2
        while (
            first >= 1
            and _is_initial(self.tokens[first - 1].text.rstrip("."))
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

    # -- rules -----------------------------------------------------------------------------

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
            if (
                len(inner) > 5
                or any(_is_verb(word) for word in inner)
                or any(r.known and r.pos in _FUNCTION_POS for r in morph.readings(inner[0]))
                or any(word.islower() and morph.pos_set(word) & {"PREP", "CONJ"} for word in inner)
                or (
                    len(inner) > 2
                    and not any(self.capital_word(i) for i in range(index + 2, close))
                )
            ):
                return None  # a quotation, not a name
            label: Label = "ORG"
            if (before := self.tok(index - 1)) is not None and self.is_head(
                before.text, _QUOTED_PLACE_HEADS
            ):
                label = "LOC"  # "урочище «Маяк»", "стадіон «Юність»": the named place itself
            elif before is not None and not morph.lemmas_of(before.text).isdisjoint(
                gazetteer.work_heads()
            ):
                return None  # "орден «Знак пошани»", "роман «Таємниця»": a title, no body
            if "«" in inner:  # «НВП «Інтертерм»: the inner name keeps its closing mark
                return self.span(index + 1, close, label)
            return self.span(index + 1, close - 1, label)
        return None

    def closing_quote(self, opening: int) -> int | None:
        """The token closing the quote opened at ``opening``.  Inside ``«...»`` other quote
        marks are nested names (``«Будівельна компанія “Кортес”»``); a nested ``«`` closes
        together with the outer one when only one ``»`` follows (``«ЛБК «Наш Дом»``)."""
        wanted = _QUOTE_PAIRS.get(self.tokens[opening].text)
        for index in range(opening + 1, min(opening + 16, len(self.tokens))):
            token = self.tokens[index]
            if token.sentence != self.tokens[opening].sentence:
                return None
            if index == opening + 1 or token.text not in _QUOTE_CLOSE:
                continue
            if wanted is not None and token.text not in wanted:
                continue
            following = self.tok(index + 1)
            if (
                following is not None
                and following.text in _QUOTE_CLOSE
                and self.adjacent(index, index + 1)
            ):
                return index + 1
            return index
        return None

    def is_head(self, word: str, heads: frozenset[str]) -> bool:
        lemmas = morph.lemmas_of(word)
        if not lemmas.isdisjoint(heads):
            return True
        # compounds of an organisation word: райсуд, госпсуд, держадміністрація, Держекоінспекція
        return heads is self.org_heads and any(
            lemma.endswith(_ORG_HEAD_ENDINGS) and len(lemma) > 5 for lemma in lemmas
        )

    def noun_phrase(self, index: int) -> EntitySpan | None:
        """Adjectives + an organisation or place head noun + genitive complements."""
        token = self.tokens[index]
        if not token.is_word or token.text.isdigit():
            return None
        if not token.is_capitalised and not (morph.pos_set(token.text) & _PHRASE_POS):
            return None
        head = index
        while (
            (t := self.tok(head))
            and t.is_word
            and morph.pos_set(t.text) & {"ADJF", "PRTF"}
            and not morph.pos_set(t.text) & {"ADVB", "COMP"}
            and not self.is_head(t.text, self.org_heads | PLACE_HEADS)
            and head - index < 4
            and self.adjacent(head, head + 1)
            # "Донецька обласна рада" agree; "Алчевську Луганської області" is a city (not an
            # adjective) before its region
            and self.agrees(head, head + 1)
        ):
            head += 1
        head_token = self.tok(head)
        if head_token is None or not head_token.is_word:
            return None
        if _is_initial(head_token.text.rstrip(".")):
            return None  # "Підвисоцький М. Т.": initials, not "м." the city
        if (
            head > index
            and token.is_capitalised
            and (head_token.is_upper or _compound_organisation(head_token.text))
            and not self.initial(index)
            and head not in self.hits
        ):
            # "Херсонське ОТВ АМКУ", "Головне управління Держгеокадастру": adjective + acronym
            last, parts = self.complements(head, organisation=True)
            return self.span(index, last, "ORG", None, None, tuple(parts))
        is_org = self.is_head(head_token.text, self.org_heads)
        is_place = not is_org and (
            self.is_head(head_token.text, PLACE_HEADS)
            or head_token.text.lower() in _PLACE_ABBREVIATIONS
        )
        if not (is_org or is_place):
            return None
        capital = token.is_capitalised
        if head in self.hits and not capital:
            return None
        if token.is_upper and _shouted(token.text):
            return None  # "ДОБРОВІЛЬНОГО ОБ’ЄДНАННЯ": a heading in capitals
        if (
            is_place
            and not capital
            and head == index
            and self.is_head(head_token.text, _SITE_HEADS)
            and self.capital_word(head + 1)
            and self.adjacent(head, head + 1)
            and head + 1 not in self.hits
            and not self.tokens[head + 1].is_upper
        ):
            # "парк Шевченка", "аеропорт Бориспіль": a site and its name are one place name
            last = head + 1
            while last - head < 3 and self.capital_word(last + 1) and self.adjacent(last, last + 1):
                last += 1
            return self.span(index, last, "LOC")
        if is_place and head == index:
            return None  # "Площа", "Проспект": a bare place word names nothing
        if is_place and index in self.hits and head_token.text.lower() not in _PLACE_ABBREVIATIONS:
            return None  # "Алчевську Луганської області": a city, then its region
        if is_place and capital:
            if head_token.text.endswith("."):  # "Донецька обл.": the dot is punctuation
                return EntitySpan(
                    token.start,
                    head_token.end - 1,
                    "LOC",
                    morph.noun_phrase_nominative(self.words[index : head + 1], PLACE_HEADS),
                    None,
                    index,
                    head,
                )
            return self.span(
                index,
                head,
                "LOC",
                morph.noun_phrase_nominative(self.words[index : head + 1], PLACE_HEADS),
            )
        last, parts = self.complements(head, organisation=is_org)
        if not capital and not parts:
            return None  # a lower-case phrase is a name only with a named complement
        if not capital and parts[0].label == "ORG":
            # "фракції Партії регіонів": the name is the capitalised organisation inside
            return parts[0]
        if not capital and parts[0].key is not None and parts[0].first_token == head + 1:
            # "на вулицях Києва", "у центрі Луганська": a common word, then the known place
            return parts[0]
        if not capital and head == index and not is_org:
            return None
        if is_place and not capital and head > index:
            return None
        if (
            capital
            and head == index
            and self.initial(index)
            and not any(self.capital_word(i) for i in range(index + 1, last + 1))
        ):
            return None  # "Суд першої інстанції вирішив": capitalised only by position
        if not capital and head == index and is_org and not parts:
            return None
        if is_place and head == index and last == head:
            return None  # a bare "Область" is no name
        words = self.words[index : head + 1]
        name = morph.noun_phrase_nominative(
            [*words, *self.words[head + 1 : last + 1]], self.org_heads | PLACE_HEADS
        )
        if (
            is_place
            and not capital
            and not any(self.capital_word(i) for i in range(index, last + 1))
        ):
            return None
        if is_org and capital:
            last = self.name_suffix(last)
        return self.span(index, last, "ORG" if is_org else "LOC", name, None, tuple(parts))

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
        if (
            nxt.text == "№"
            and (number := self.tok(last + 2)) is not None
            and number.text[:1].isdigit()
        ):
            return last + 2
        return last

    def complements(self, head: int, *, organisation: bool) -> tuple[int, list[EntitySpan]]:
        """Extend past the head over genitive complements: ``безпеки``, ``Росії``,
        ``Корейської народної армії``, ``оборони України``."""
        last = head
        parts: list[EntitySpan] = []
        budget = 6 if organisation else 3
        while budget > 0 and self.adjacent(last, last + 1):
            nxt = last + 1
            hit = self.hits.get(nxt)
            if hit is not None:
                hit_span = self.lexicon(nxt) or self.span(hit.start, hit.end - 1, "ORG")
                if not self.genitive_span(nxt, hit.end - 1):
                    break
                parts.append(hit_span)
                last = hit.end - 1
                budget -= 1
                continue
            token = self.tokens[nxt]
            lower = token.text.lower()
            if (
                organisation
                and last > head
                and lower in ("та", "і", "й")
                and (after := self.tok(nxt + 1)) is not None
                and not after.is_capitalised
                and morph.has(after.text, "gent")
                and not _is_verb(after.text)
            ):
                last = nxt  # "економіки та інвестицій": coordinated complements
                continue
            if (
                organisation
                and lower in ("з", "із")
                and (after := self.tok(nxt + 1)) is not None
                and not after.is_capitalised
                and morph.has(after.text, "NOUN", "gent", known=True)
                and not _is_verb(after.text)
            ):
                last = nxt  # "Державне агентство з інвестицій", "комітет з питань ..."
                continue
            if (
                organisation
                and lower in ("у", "в")
                and nxt + 1 not in self.hits
                and self.capital_word(nxt + 1)
                and self.is_region_phrase(nxt + 1)
            ):
                last = nxt  # "ДСНС України в Івано-Франківській області"
                continue
            if (
                organisation
                and last > head
                and lower in ("у", "в")
                and (region := self.hits.get(nxt + 1)) is not None
                and region.type == "place"
                and self.is_head(self.words[region.end - 1], _REGION_HEADS)
                and morph.has(self.words[region.end - 1], "loct")
            ):
                # "ДСНС України у Закарпатській області": the regional office is the name
                last = region.end - 1
                parts.append(self.span(region.start, last, "LOC", region.name, region.key))
                budget -= 1
                continue
            if (
                organisation
                and lower in ("у", "в")
                and (abbreviation := self.tok(nxt + 1)) is not None
                and abbreviation.text in ("м.", "місті")
                and (city := self.hits.get(nxt + 2)) is not None
                and city.type == "place"
                and self.adjacent(nxt + 1, nxt + 2)
            ):
                last = city.end - 1  # "ГУ ДФС у м. Києві": the city office is the name
                budget -= 1
                continue
            if lower in ("імені", "ім.", "ім", "м.") and (
                self.capital_word(nxt + 1)
                or (
                    (d := self.tok(nxt + 1)) is not None
                    and d.text == "."
                    and self.capital_word(nxt + 2)
                )
            ):
                last = nxt + (1 if self.tokens[nxt + 1].text == "." else 0)
                while (
                    (a := self.tok(last + 1))
                    and _is_initial(a.text.rstrip("."))
                    and (
                        a.text.endswith(".")
                        or ((d := self.tok(last + 2)) is not None and d.text == ".")
                    )
                ):
                    last += 1 if a.text.endswith(".") else 2  # "імені Т . Шевченка"
                continue
            if (
                not token.is_word
                or lower in _LOCATIVE_PREPOSITIONS
                or token.text.isdigit()
                or _is_verb(token.text)
            ):
                break
            if token.is_upper and (q := self.tok(nxt + 1)) is not None and q.text in _QUOTE_OPEN:
                break  # "компанія ТД «Нафтопостач»": the acronym starts the next name
            # a run of adjectives and a genitive noun
            end = nxt
            while (
                (t := self.tok(end))
                and t.is_word
                and morph.pos_set(t.text) & {"ADJF", "PRTF"}
                and self.adjacent(end, end + 1)
                and end - nxt < 4
                and not morph.has(t.text, "NOUN", "gent", known=True)
            ):
                end += 1
            noun = self.tok(end)
            if noun is None or not noun.is_word:
                break
            if not (
                morph.has(noun.text, "NOUN", "gent")
                or noun.is_upper
                or (noun.is_capitalised and not morph.is_known(noun.text))
            ):
                break  # "Верховної Ради нас", "Фонду держмайна про": not a noun complement
            if (
                not token.is_capitalised
                and last > head
                and noun.text.lower().endswith(("ння", "ття"))
            ):
                break  # "Міністерства економіки обґрунтування закупівлі": the sentence goes on
            if token.is_capitalised and _looks_like_person(self.words[nxt : end + 1]):
                break
            if not token.is_capitalised and not organisation:
                break
            if not token.is_capitalised and noun.is_capitalised:
                break
            if token.is_capitalised:
                label: Label = (
                    "ORG"
                    if self.is_head(noun.text, self.org_heads)
                    or _compound_organisation(noun.text)
                    or (noun.is_upper and nxt == end)
                    else "LOC"
                )
                inner: list[EntitySpan] = []
                if label == "ORG" and self.is_head(noun.text, self.org_heads):
                    end, inner = self.complements(end, organisation=True)
                elif (
                    "республіка" in morph.lemmas_of(noun.text)
                    and self.capital_word(end + 1)
                    and self.adjacent(end, end + 1)
                ):
                    end += 1  # "Автономної Республіки Крим": the name follows the word
                phrase = self.words[nxt : end + 1]
                parts.append(
                    self.span(
                        nxt,
                        end,
                        label,
                        morph.noun_phrase_nominative(phrase, self.org_heads | PLACE_HEADS),
                        None,
                        tuple(inner),
                    )
                )
            last = end
            budget -= 1
        while last > head and self.tokens[last].text.lower() in _GLUE:
            last -= 1  # "інститут прогнозування та": the name stopped before the glue word
        return last, [part for part in parts if part.last_token <= last]

    def is_region_phrase(self, index: int) -> bool:
        """``Луганській області``, ``Деснянському районі``, ``м. Києві``: a capitalised
        adjective and a region word, in the locative."""
        head = self.tok(index + 1)
        return (
            head is not None
            and self.is_head(head.text, frozenset({"область", "район"}))
            and morph.has(head.text, "loct")
        )

    def genitive_span(self, first: int, last: int) -> bool:
        """Can the name ``first..last`` be a genitive complement?  Any of its words in the
        genitive will do: ``Автономної Республіки Крим`` ends in a nominative name."""
        for token in self.tokens[first : last + 1]:
            word = token.text
            if morph.has(word, "gent") or token.is_upper or not morph.is_known(word):
                return True
        return False

    def lexicon(self, index: int) -> EntitySpan | None:
        hit = self.hits.get(index)
        if hit is None:
            return None
        if (
            hit.end - hit.start == 1
            and _has_name_reading(self.words[index], "Name")
            and self.capital_word(index + 1)
            and self.adjacent(index, index + 1)
            and index + 1 not in self.hits
            and not self.tokens[index + 1].is_upper
        ):
            return None  # "Володимир Гройсман", not the city of Volodymyr
        label: Label = "LOC" if hit.type == "place" else "ORG"
        name = hit.name
        if label == "ORG" and not self.tokens[hit.start].is_upper:
            # the text's own wording, in the nominative: "Збройні сили Росії" as written
            name = morph.noun_phrase_nominative(self.words[hit.start : hit.end], self.org_heads)
        last = hit.end - 1
        if label == "ORG":
            last = self.territorial_extension(last)
        return self.span(hit.start, last, label, name, hit.key)

    def territorial_extension(self, last: int) -> int:
        """``ДСНС України``, ``СБУ в Луганській області``: a known body's name goes on over the
        country or region it serves, which belongs to the name and is no separate place."""
        extended, parts = self.complements(last, organisation=True)
        if extended == last or not parts:
            return last
        for part in parts:
            if part.label != "LOC" or not (
                part.key is not None or self.is_head(self.words[part.last_token], _REGION_HEADS)
            ):
                return last  # "СБУ Ледін": a name after the body is a person, not its seat
        covered = {i for part in parts for i in range(part.first_token, part.last_token + 1)}
        for i in range(last + 1, extended + 1):
            if i not in covered and self.words[i].lower() not in _TERRITORIAL_GLUE:
                return last
        return extended

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

    def latin_run_end(self, index: int) -> int | None:
        """The last token of a run of capitalised Latin words (model numbers and ``and``/``of``
        inside) starting at ``index``, or ``None`` when no such run starts there."""
        word = self.words[index]
        if not (word[:1].isupper() and word.isascii() and word.isalpha()) or index in self.hits:
            return None
        last = index
        while (
            (t := self.tok(last + 1)) is not None
            and self.adjacent(last, last + 1)
            and t.text.isascii()
            and t.text[:1].isalnum()
            and (t.text[:1].isupper() or t.text[:1].isdigit() or t.text.lower() in _LATIN_JOINERS)
            and last - index < 5
        ):
            last += 1
        while last > index and self.words[last].lower() in _LATIN_JOINERS:
            last -= 1
        return last

    def is_product(self, index: int, last: int) -> bool:
        """``Toyota Land Cruiser``, ``Audi Q7``: a product brand with its model (the Latin run
        ``index..last``) names a product, neither a person nor an organisation.  A brand alone
        (``Samsung відкрив``) is the company, left to the other rules."""
        return last > index and self.words[index].lower() in gazetteer.product_brands()

    def latin_company(self, index: int, last: int | None) -> EntitySpan | None:
        """``Limpieza Limited``, ``Samsung Electronics``: a Latin run (``index..last``) ending
        with a company word is a company (a date after it, ``Mako Trading 2 травня``, is not
        part of it)."""
        if last is None:
            return None
        while last > index and self.words[last][:1].isdigit():
            last -= 1
        if last == index or self.words[last].lower().rstrip(".") not in gazetteer.legal_forms():
            return None
        return self.span(index, last, "ORG")

    def person_run(self, index: int) -> EntitySpan | None:
        if not self.capital_word(index) or self.tokens[index].is_upper:
            return None
        if _is_initial(self.words[index].rstrip(".")):
            return None  # initials join the name they belong to (with_initials)
        last = index
        while (
            self.capital_word(last + 1)
            and self.adjacent(last, last + 1)
            and last + 1 not in self.hits
            and not self.tokens[last + 1].is_upper
            and not _is_initial(self.words[last + 1].rstrip("."))
            and self.words[last + 1].lower() not in _NOT_NAMES
            and last - index < 3
        ):
            last += 1
        words = self.words[index : last + 1]
        if len(words) == 1:
            return None
        if self.initial(index) and not _has_name_reading(words[0]) and morph.is_known(words[0]):
            return None  # "Коли Адамек", "Професор Сербин": the name starts at the next word
        split = None if is_east_asian(words) else _person_boundary(words)
        if split is not None:
            last = index + split - 1
            words = words[:split]
            if len(words) == 1:
                return None
        if (
            not _has_name_reading(words[0])
            and morph.is_known(words[0])
            and not any("anim" in r.grammemes for r in morph.readings(words[0]))
            and _has_name_reading(words[1], "Name")
            and not is_east_asian(words)
        ):
            return None  # "Росії Олександр Мацегора": the name starts at the next word
        if is_east_asian(words) or _looks_like_person(words):
            return self.span(index, last, "PERS")
        return None

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

    def initial(self, index: int) -> bool:
        """First word of a sentence, a line, a quotation or a dialogue turn: capitalised anyway."""
        token = self.tokens[index]
        prev = self.tok(index - 1)
        if (
            prev is not None
            and prev.text == "."
            and (letter := self.tok(index - 2)) is not None
            and _is_initial(letter.text)
        ):
            return False  # "Т . К . Пуздирєвої": after an initial, not a new sentence
        return (
            token.sentence_start
            or self.after_year_abbreviation(index)
            or prev is None
            or prev.text in _OPENERS
            or self.text.count("\n", prev.end, token.start) > 0
        )

    def agrees(self, adjective: int, following: int) -> bool:
        """The adjective can agree with the next word, or the next word's case is unknown (an
        acronym: ``Херсонське ОТВ``, an unknown name)."""
        word = self.tokens[following]
        if word.is_upper or not morph.is_known(word.text):
            return True
        return morph.shares_case(self.words[adjective], word.text)

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

    def after_year_abbreviation(self, index: int) -> bool:
        """``від 29.01.2008 р. Правильність ...``: the tokenizer keeps ``р.`` (року) inside the
        sentence, but after a year it usually ends one, and ``р.`` is no river there."""
        abbreviation, year = self.tok(index - 1), self.tok(index - 2)
        if abbreviation is None or year is None:
            return False
        if abbreviation.text == ".":  # "2008 р . Правильність": a spaced dot
            abbreviation, year = self.tok(index - 2), self.tok(index - 3)
            if abbreviation is None or year is None or abbreviation.text not in ("р", "рр"):
                return False
        elif abbreviation.text not in ("р.", "рр."):
            return False
        return year.text[-1:].isdigit()

    def single(self, index: int) -> EntitySpan | None:
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
        if any(char.isdigit() for char in word):
            return None  # "Євро-2012", "А4": names of events and formats, not people or places
        if word.lower() in _NOT_NAMES:
            return None
        if _compound_organisation(word):
            return self.organisation_with_complement(index)  # Київрада, Держстандарт України
        known_name = any(r.is_name and r.known for r in readings)
        if any(r.known and r.pos in _FUNCTION_POS for r in readings) and not known_name:
            return None
        prev = self.tok(index - 1)
        preposition = prev.text.lower() if prev is not None else ""
        if self.initial(index):
            if known_name and all(r.is_name for r in readings if r.known):
                return self.span(index, index, "PERS")
            return None
        common = any(r.known and not r.is_name and r.pos == "NOUN" for r in readings)
        if common and self.title_or_document(index):
            return None
        if morph.pos_set(word) <= {"ADJF", "PRTF"} and morph.is_known(word):
            return None
        inanimate = any(r.known and not r.is_name and "inan" in r.grammemes for r in readings)
        animate = any("anim" in r.grammemes for r in readings)
        if known_name and not (preposition in _LOCATIVE_PREPOSITIONS and inanimate):
            return self.span(index, index, "PERS")
        if preposition in _STREET_ABBREVIATIONS:
            return self.span(index, index, "LOC")
        if preposition in _LOCATIVE_PREPOSITIONS:
            if inanimate or (preposition in ("у", "в", "на") and not animate):
                return self.span(index, self.genitive_name_end(index), "LOC")
            return self.span(index, index, "PERS")
        if inanimate and any(r.pos == "NOUN" for r in readings):
            hit = self.hits.get(index + 1)
            if hit is not None and hit.type == "place" and self.adjacent(index, index + 1):
                # "Закону України", "Герба України", "Дня Києва": a title that names a
                # country or city is not a mention of it
                self.blocked.update(range(hit.start, hit.end))
                return None
            if self.lowercase_elsewhere(token.text):
                return None  # "Інтернеті" here, "інтернет" elsewhere: a common noun
            return self.span(index, self.genitive_name_end(index), "LOC")
        return self.span(index, index, "PERS")

    def title_or_document(self, index: int) -> bool:
        """``Міністра оборони України``, ``Закону України``: a capitalised job title or document
        word with its genitive complements names neither a person nor the place inside; the
        place is blocked so it is not taken alone."""
        lemmas = morph.lemmas_of(self.words[index])
        last = index
        while (
            (t := self.tok(last + 1)) is not None
            and t.is_word
            and not t.is_capitalised
            and morph.has(t.text, "NOUN", "gent")
            and last - index < 3
        ):
            last += 1
        hit = self.hits.get(last + 1)
        place_follows = hit is not None and hit.type == "place" and self.adjacent(last, last + 1)
        before = self.tok(index - 1)
        if (
            place_follows
            and hit is not None
            and hit.country is not None
            and last == index
            and before is not None
            and before.text.lower() in _IN_PLACE
            and lemmas.isdisjoint(_title_heads())
            and lemmas.isdisjoint(gazetteer.document_heads())  # "У Статуті Львівської області"
        ):
            return False  # "в Алчевську Луганської області": a town in its region
        if not lemmas.isdisjoint(_title_heads()) or (
            place_follows and any("inan" in r.grammemes for r in morph.readings(self.words[index]))
        ):
            if place_follows and hit is not None:
                self.blocked.update(range(hit.start, hit.end))
            return True
        return False

    def lowercase_elsewhere(self, word: str) -> bool:
        """Does the text also write this word's lemma in lower case (a common noun)?"""
        if self._lowercase_lemmas is None:
            self._lowercase_lemmas = {
                r.lemma
                for t in self.tokens
                if t.is_word and not t.is_capitalised
                for r in morph.readings(t.text)
                if r.pos == "NOUN"
            }
        return any(r.lemma in self._lowercase_lemmas for r in morph.readings(word) if r.known)

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


_ORG_PREFIXES = ("мін", "держ", "голов", "нац", "укр", "обл", "міськ", "рай")
_ORG_SUFFIXES = (
    "рада",
    "ради",
    "раді",
    "радою",
    "раду",
    "держадміністрац",
    "енерго",
    "газ",
    "буд",
    "банк",
    "трест",
    "пром",
    "торг",
    "буду",
    "банку",
)


def _compound_organisation(word: str) -> bool:
    """Ukrainian compound abbreviations name institutions: ``Київрада``, ``Мінюст``,
    ``Держрезерв``, ``ГоловКРУ``, ``СхідГЗК``: a capital inside the word, or a state prefix or
    institution suffix on a word the dictionary does not know."""
    if any(char.isupper() for char in word[1:]) and not word.isupper() and "-" not in word:
        return True
    lemmas = {r.lemma for r in morph.readings(word) if r.known and r.pos == "NOUN"}
    if any(lemma.endswith("рада") and len(lemma) > 6 for lemma in lemmas):
        return True  # Київрада, міськрада
    lower = word.lower()
    if (
        lower.startswith(("мін", "держ", "укр"))
        and (
            len(lower) > 6
            or (
                len(lower) == 6
                and lower.startswith("мін")
                and not any(r.is_name for r in morph.readings(word))
            )
        )
        and not lower.startswith("мінськ")
        and not lower.startswith(("міні", "мінус", "мінер", "держав", "україн", "укрит", "укріп"))
    ):
        return True  # Мінюст, Держрезерв, Укравтодор
    if morph.is_known(word):
        return False
    lower = word.lower()
    return (lower.startswith(_ORG_PREFIXES) and len(lower) > 6) or any(
        lower.endswith(suffix) for suffix in _ORG_SUFFIXES[:5]
    )


_STREET_GENDERS = {"вул": "femn", "пл": "femn", "просп": "masc", "пров": "masc", "бул": "masc",
                   "б-р": "masc"}
"""The gender of the street word an abbreviation stands for (``вул.``: вулиця)."""


def _street_name(head: str, written: str) -> str:
    """A street's own name as it follows the street word: an adjective in the nominative,
    agreeing with it (``вулиця Полтавська``, ``проспект Перемоги`` stays), anything else as
    written (``вулиця Шевченка``)."""
    if " " in written or not written[:1].isupper():
        return written
    kinds = morph.pos_set(written)
    if kinds != frozenset({"ADJF"}):
        return written
    gender = _STREET_GENDERS.get(head.rstrip(".")) or next(
        (r.gender for r in morph.readings(head) if r.pos == "NOUN" and r.gender), None
    )
    for reading in morph.readings(written):
        if reading.pos == "ADJF" and gender and (form := reading.inflect({"nomn", gender})):
            return morph.restore_case(form, written)
    return written


def _latin_prefixed_noun(word: str) -> bool:
    """``IP-адреси``, ``GPS-навігатором``, ``PR-діяльності``: a Latin abbreviation prefixed to a
    lower-case Ukrainian noun is a common noun, whatever its capitals."""
    prefix, hyphen, rest = word.partition("-")
    return bool(hyphen) and prefix.isascii() and prefix.isupper() and rest[:1].islower()


@cache
def _title_heads() -> frozenset[str]:
    from newsmodel.extract.titles import title_heads

    return title_heads()


def _shouted(word: str) -> bool:
    """An all-capitals word the dictionary knows as an ordinary word and never as an
    abbreviation (headings, emphasis: ``БУДЬ``, ``ЕСПРЕСО``; not ``ДАБІ``)."""
    found = morph.readings(word)
    return any(r.known for r in found) and not any("Abbr" in r.grammemes for r in found)


def _is_initial(text: str) -> bool:
    return len(text) == 1 and text.isupper() and text.isalpha()


def _stem(word: str) -> str:
    """A crude stem for matching inflected name forms inside one text."""
    word = word.lower().translate(str.maketrans("іїє", "иие"))
    return word[:-2] if len(word) > 6 else word[:-1] if len(word) > 4 else word


@lru_cache(maxsize=100_000)
def _has_name_reading(word: str, tag: str | None = None) -> bool:
    """Can the word be a first name (``Name``), surname (``Surn``) or patronymic?  The
    dictionary leaves the tag off a few nominatives that are also common words (``Володимир``,
    ``Богдан``); the other forms of that animate noun carry it."""
    found = morph.readings(word)
    if any(r.known and r.is_name and (tag is None or tag in r.grammemes) for r in found):
        return True
    if tag not in (None, "Name"):
        return False
    return any(
        r.known
        and r.pos == "NOUN"
        and "anim" in r.grammemes
        and r.case == "nomn"
        and any("Name" in str(form.tag) for form in r.parse.lexeme[1:3])
        for r in found
    )


def _is_verb(word: str) -> bool:
    return any(r.known and r.pos in ("VERB", "INFN") for r in morph.readings(word))


def _name_cases(word: str) -> set[str]:
    return {
        r.case for r in morph.readings(word) if r.is_name and r.case and "Fixd" not in r.grammemes
    }


def _person_boundary(words: Sequence[str]) -> int | None:
    """Where a run of capitalised words holds two people (``Віктора Януковича Євген Анісімов``):
    a first name whose case cannot be the case of the word before it starts the second."""
    for index in range(1, len(words)):
        if not _has_name_reading(words[index], "Name") or any(
            "Fixd" in r.grammemes for r in morph.readings(words[index]) if r.is_name
        ):
            continue  # "Тіною Кароль": an indeclinable surname fits any case
        before, here = _name_cases(words[index - 1]), _name_cases(words[index])
        if before and here and not before & here:
            return index
    return None


def _looks_like_person(words: Sequence[str]) -> bool:
    """Does a run of capitalised words read as a person's name?"""
    if len(words) > 4:
        return False
    if 2 <= len(words) <= 3 and not any(morph.is_known(word) for word in words):
        return True  # "Ваагн Авагян", "Лорін Додд": foreign names the dictionary lacks
    if not any(_has_name_reading(word) for word in words):
        return False
    first = [r for r in morph.readings(words[0]) if r.known]
    return not (first and all(r.pos in ("ADJF", "PRTF") for r in first))


__all__ = [
    "LEGAL_FORMS",
    "PLACE_HEADS",
    "LexiconHit",
    "RuleRecognizer",
    "lexicon_hits",
    "organisation_heads",
]
