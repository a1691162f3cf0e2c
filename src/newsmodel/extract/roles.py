"""Job titles from appositions: ``міністр оборони КНДР Но Гван Чоль``.

Ukrainian news writes a person's title right before the name, in the same case as the name
(``заступником міністра оборони Віктором Горемікіним``), or after it between commas
(``Олександр Мацегора, посол Росії,``).  The title starts at a job-title head word from the
gazetteer's ``title_heads`` (``міністр``, ``заступник``, ``посол``...) and runs to the name;
its first noun phrase is put in the nominative and the complement stays as written, as an
editor writes it (``заступник міністра оборони``, ``міністр оборони КНДР``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from newsmodel.extract import morph
from newsmodel.extract.recognizer import EntitySpan
from newsmodel.extract.tokens import Token

MAX_TITLE_WORDS = 12
_BREAKS = frozenset(
    [
        "з",
        "із",
        "зі",
        "на",
        "у",
        "в",
        "до",
        "від",
        "про",
        "для",
        "за",
        "що",
        "який",
        "яка",
        "які",
        "і",
        "й",
        "та",
        "а",
        "але",
        "чи",
        "або",
        "як",
        # other prepositions: "колегія суддів під головуванням Олени Поляк" has no title
        "під",
        "над",
        "при",
        "через",
        "після",
        "перед",
        "без",
        "щодо",
        "проти",
        "між",
        "серед",
        "біля",
    ]
)


@dataclass(frozen=True, slots=True)
class SpanIndex:
    """The recogniser's spans by first and last token, built once per text."""

    by_first: dict[int, EntitySpan]
    by_last: dict[int, EntitySpan]

    @classmethod
    def build(cls, spans: Sequence[EntitySpan]) -> SpanIndex:
        return cls({s.first_token: s for s in spans}, {s.last_token: s for s in spans})


@dataclass(frozen=True, slots=True)
class Title:
    """A job title in the nominative and the entity spans named inside it."""

    text: str
    first_token: int
    last_token: int
    inner: tuple[EntitySpan, ...]


"""Job-title head lemmas used with the gazetteer's list, which extends them."""


@cache
def title_heads() -> frozenset[str]:
    """Job-title head lemmas (``lexicon/title_heads.txt``), in every apostrophe."""
    from newsmodel.extract import gazetteer

    return gazetteer.apostrophe_variants(gazetteer.title_heads())


def _head_readings(word: str) -> list[morph.Reading]:
    """The word's readings as a job-title head noun (none when it is no title head)."""
    heads = title_heads()
    return [r for r in morph.readings(word) if r.pos == "NOUN" and r.lemma in heads]


def _is_title_head(word: str) -> bool:
    return bool(_head_readings(word))


def title_before(tokens: Sequence[Token], spans: SpanIndex, person: EntitySpan) -> Title | None:
    """The title written just before ``person``'s mention, if any."""
    by_last = spans.by_last
    index = person.first_token - 1
    inner: list[EntitySpan] = []
    words = 0
    head: int | None = None
    while index >= 0 and words < MAX_TITLE_WORDS:
        token = tokens[index]
        if token.sentence != tokens[person.first_token].sentence:
            break
        span = by_last.get(index)
        if span is not None and span is not person:
            if span.label == "PERS":
                break
            inner.append(span)
            index = span.first_token - 1
            words += 1
            continue
        if not token.is_word or token.text.lower() in _BREAKS or token.text.isdigit():
            break
        if token.is_capitalised and not token.is_upper and not _is_title_head(token.text):
            break
        if _is_title_head(token.text):
            head = index
        elif not (morph.pos_set(token.text) & {"NOUN", "ADJF", "PRTF"}):
            break
        index -= 1
        words += 1
    if head is None or not _fits_person(tokens[head].text, tokens[person.first_token].text):
        return None
    # adjectives before the head belong to the title ("перший заступник", "колишній президент")
    first = head
    while (
        first - 1 > index
        and "ADJF" in morph.pos_set(tokens[first - 1].text)
        and _agrees(tokens[first - 1].text, tokens[first].text)
    ):
        first -= 1
    last = person.first_token - 1
    title = _make(tokens, first, last, [s for s in inner if s.first_token >= first])
    if _plural_head(tokens[head].text):  # each person of the list holds the title
        return Title(morph.singular_phrase(title.text), title.first_token, title.last_token,
                     title.inner)
    return title


def _fits_person(head: str, name: str) -> bool:
    """Can the title head be this one person's, in the same case as the name?  "адвокати Юлії
    Тимошенко" (plural, and a genitive name: whose lawyers) and "Дружина президента Олена
    Зеленська" (the president is someone else) are not; a name the dictionary cannot decline
    (``Но Гван Чоль``) takes the title."""
    head_readings = _head_readings(head)
    name_cases = {
        r.case for r in morph.readings(name) if r.pos == "NOUN" and r.case and not r.plural
    }
    if head_readings and all(r.plural for r in head_readings):
        # "діючі народні депутати Андрій Сенченко, ...": a list sharing the title, in its case
        plural_cases = {r.case for r in head_readings if r.case}
        return bool(name_cases & plural_cases)
    head_cases = {r.case for r in head_readings if r.case and not r.plural}
    return not name_cases or not head_cases or bool(name_cases & head_cases)


def _plural_head(head: str) -> bool:
    """A title head that can only be plural (``депутати``)."""
    readings = _head_readings(head)
    return bool(readings) and all(r.plural for r in readings)


def _agrees(adjective: str, noun: str) -> bool:
    cases = {r.case for r in morph.readings(adjective) if r.pos == "ADJF"}
    return bool(cases & {r.case for r in morph.readings(noun) if r.pos in ("NOUN", "ADJF")})


def title_after(tokens: Sequence[Token], spans: SpanIndex, person: EntitySpan) -> Title | None:
    """``Олександр Мацегора, посол Росії,``: a title between commas after the name."""
    comma = person.last_token + 1
    if comma >= len(tokens) or tokens[comma].text != "," or comma + 1 >= len(tokens):
        return None
    first = comma + 1
    head = first  # "колишній перший заступник міністра": adjectives may come first
    while (
        head + 1 < len(tokens)
        and head - first < 3
        and not _is_title_head(tokens[head].text)
        and morph.pos_set(tokens[head].text) == frozenset({"ADJF"})
    ):
        head += 1
    if not _is_title_head(tokens[head].text) or tokens[first].is_capitalised:
        return None
    by_first = spans.by_first
    index = first
    inner: list[EntitySpan] = []
    while index < len(tokens) and index - first < MAX_TITLE_WORDS:
        span = by_first.get(index)
        if span is not None:
            if span.label == "PERS":
                return None
            inner.append(span)
            index = span.last_token + 1
            continue
        token = tokens[index]
        if not token.is_word or token.text.lower() in _BREAKS:
            break
        if _is_predicate(token.text):
            # "Тетяна Пляченко, директор ТД «Украгропром», раніше була ...": the clause
            # goes on after the title
            return _make(tokens, first, index - 1, inner) if index > first else None
        index += 1
    if index >= len(tokens) or tokens[index].text not in {",", ".", ";", ")"}:
        return None
    return _make(tokens, first, index - 1, inner)


def _is_predicate(word: str) -> bool:
    """A verb or an adverb that cannot be a noun: where an apposition's title ends."""
    kinds = morph.pos_set(word)
    return bool(kinds & {"VERB", "INFN", "ADVB", "GRND"}) and "NOUN" not in kinds


def _make(tokens: Sequence[Token], first: int, last: int, inner: list[EntitySpan]) -> Title:
    words = [token.text for token in tokens[first : last + 1]]
    if tokens[first].sentence_start and words[0][1:].islower():
        # "Міністр оборони України Олексій Резніков ...": capitalised only as the sentence's
        # first word; a title is written in lower case ("міністр оборони України")
        words[0] = words[0][:1].lower() + words[0][1:]
    nominative = morph.noun_phrase_nominative(words, title_heads()).split(" ")
    if len(nominative) == len(words):
        # written with the text's own spacing: "ТД «Украгропром»", not "ТД « Украгропром »"
        pairs = zip(tokens[first:last], tokens[first + 1 : last + 1], strict=True)
        gaps = ["" if right.start == left.end else " " for left, right in pairs]
        text = nominative[0] + "".join(
            gap + word for gap, word in zip(gaps, nominative[1:], strict=True)
        )
    else:
        text = " ".join(nominative)
    return Title(text, first, last, tuple(sorted(inner, key=lambda span: span.start)))


def find_title(tokens: Sequence[Token], spans: SpanIndex, person: EntitySpan) -> Title | None:
    """The title of one person mention: before the name first, then after it."""
    return title_before(tokens, spans, person) or title_after(tokens, spans, person)


__all__ = [
    "SpanIndex",
    "Title",
    "find_title",
    "title_after",
    "title_before",
    "title_heads",
]
