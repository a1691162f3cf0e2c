"""Titles written beside a name: before it (``міністр оборони КНДР Но Кван Чхоль``, a list
``голова РДА, депутат райради Юрій Оніщенко``, ``Голова правління – Ірина Коваль``) or after it
between commas or after a dash (``Ірина Коваль, голова правління банку,``,
``Ірина Коваль – голова правління``).

Before the name the title's head agrees with the name in case (``заступником міністра
Віктором``); of several heads the first that agrees owns the phrase, so ``радником голови ДФС
Романа Насірова`` gives Насіров ``голова ДФС`` and leaves ``радник`` to the subject.  A
genitive head after ``посада`` (``від посади начальника відділу Лесю``) or after ``в. о.`` is the
name's whatever the name's case.
"""

from __future__ import annotations

from functools import lru_cache

from newsmodel.extract import morph
from newsmodel.extract.document import Document
from newsmodel.extract.morph import WORDS_CACHED
from newsmodel.extract.recognizer import EntitySpan
from newsmodel.extract.titles import phrase, written
from newsmodel.extract.titles.lexicon import words
from newsmodel.extract.titles.phrase import Spans, Title

DASHES = frozenset({"–", "—", "-"})
_END = frozenset({",", ".", ";", ")", "!", "?", ":"})
_RELATIVES = frozenset({"який", "що", "котрий"})
_SETTLEMENT_ABBREVIATIONS = frozenset({"м.", "с."})


def name_cases(doc: Document, person: EntitySpan) -> set[str]:
    """The cases the name can be in (empty when the dictionary cannot decline it)."""
    found: frozenset[str] | None = None
    tokens = doc.tokens
    for index in range(person.first_token, person.last_token + 1):
        here = _singular_cases(tokens[index].text) if tokens[index].is_word else _NO_CASES
        if here:
            found = here if found is None else (found & here) or found | here
    return set(found or ())


_NO_CASES: frozenset[str] = frozenset()


@lru_cache(maxsize=WORDS_CACHED)
def _singular_cases(word: str) -> frozenset[str]:
    """The cases of a word's singular noun readings, vocative aside (once per word)."""
    return frozenset(
        r.case
        for r in morph.readings(word)
        if r.pos == "NOUN" and r.case and not r.plural and r.case != "voct"
    )


def _window_start(doc: Document, spans: Spans, end: int) -> int:
    """The first token of the stretch before ``end`` a title could lie in (a walk back over
    up to ``phrase.MAX_WORDS`` tokens, each word's part of the test cached per word)."""
    tokens, by_last = doc.tokens, spans.by_last
    sentence = tokens[end].sentence
    index = end
    floor = end - phrase.MAX_WORDS
    while index > floor and index >= 0:
        token = tokens[index]
        if token.sentence != sentence:
            break
        span = by_last.get(index)
        if span is not None:
            if span.label == "PERS" and (index != end or not phrase.genitive_name(doc, span)):
                break
            index = span.first_token - 1
            continue
        step = _window_step(token.text)
        abbreviation = token.text == "." and index < end and tokens[index + 1].is_word
        if step == _PASS or abbreviation:
            index -= 1
            continue
        if step == _STOP or phrase.is_verb(doc, index):
            break
        index -= 1
    return index + 1


_PASS, _STOP, _WORD = "pass", "stop", "word"


@lru_cache(maxsize=WORDS_CACHED)
def _window_step(text: str) -> str:
    """What the walk back does at a token, as far as its text tells: passes over a quote or
    ``м.``/``с.`` (``_PASS``), stops at a mark, a stop word, a number or a relative pronoun
    (``_STOP``), else reads a word that may be in the title (``_WORD``; a finite verb still
    stops it)."""
    word = text.lower()
    if text in phrase.QUOTES or word in _SETTLEMENT_ABBREVIATIONS:
        return _PASS
    if not text[:1].isalnum() or word in words("stop") or text.isdigit():
        return _STOP
    relative = not _RELATIVES.isdisjoint(r.lemma for r in morph.readings(text))
    return _STOP if relative else _WORD


def _owns(doc: Document, head: int, wanted: set[str]) -> bool:
    readings = phrase.head_readings(doc, head)
    if not readings:
        return False
    if head > 0 and phrase.is_post(doc, head - 1):
        return any(r.case == "gent" for r in readings)
    if not wanted:
        return True
    singular, plural = _head_cases(doc.tokens[head].text)
    if not singular:  # "депутати Андрій Сенченко, ...": a list sharing the title
        return not wanted.isdisjoint(plural)
    return not wanted.isdisjoint(singular)


@lru_cache(maxsize=WORDS_CACHED)
def _head_cases(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The cases of a title head's singular readings and of its plural ones (once per word)."""
    readings = written.head_readings(text)
    return (
        frozenset(r.case for r in readings if r.case and not r.plural),
        frozenset(r.case for r in readings if r.case and r.plural),
    )


def _acting_start(doc: Document, first: int, head: int) -> int | None:
    for start in range(max(first, head - 4), head):
        if phrase.may_act(doc, start) and phrase.acting_end(doc, start) == head - 1:
            return start
    return None


def title_ending(
    doc: Document, spans: Spans, end: int, wanted: set[str], *, floor: int = -1
) -> Title | None:
    """The title whose last token is ``end`` and whose head agrees with ``wanted`` cases;
    ``floor`` is a token the title must start after."""
    start = max(_window_start(doc, spans, end), floor + 1)
    quoted = 0
    for head in range(start, end + 1):
        text = doc.tokens[head].text
        if text in phrase.QUOTES:
            quoted += 1 if text in "«„“" else -1
        if quoted > 0:
            continue  # "книжку «Посол» Іван Петренко": a title word inside a quoted name
        acting = _acting_start(doc, start, head)
        if acting is None and not _owns(doc, head, wanted):
            continue
        last, inner = phrase.extent(doc, spans, head, limit=end + 1)
        if last != end or _two_titles(doc, head, end):
            continue
        first = acting if acting is not None else phrase.widen(doc, head, start - 1)
        return phrase.make(doc, first, end, inner)
    return None


def _two_titles(doc: Document, head: int, end: int) -> bool:
    """``прем'єром Британії та президентом Франції``: two titles, each with its own
    complement, are two people's; ``засновником і директором фірми`` and ``голови митниці та
    екс-віце-спікера`` are one person's."""
    for index in range(head + 1, end):
        if doc.lower[index] in phrase.COORDINATORS and phrase.head_readings(doc, index + 1):
            return index - 1 > head and index + 1 < end
    return False


def before(doc: Document, spans: Spans, person: EntitySpan) -> list[Title]:
    """Titles written before the name, nearest last: ``T1, T2 Name`` gives ``[T1, T2]``."""
    first = person.first_token
    if first <= 0:
        return []
    wanted = name_cases(doc, person)
    end = first - 1
    dash = doc.tokens[end].text in DASHES
    if dash:
        end -= 1
        wanted = {"nomn"}
    if end < 0 or (not doc.tokens[end].is_word and doc.tokens[end].text not in phrase.QUOTES):
        return []
    title = title_ending(doc, spans, end, wanted)
    if title is None:
        return []
    found = [title]
    while len(found) < 4:
        index = found[0].first_token - 1
        if index <= 0 or doc.tokens[index].text != ",":
            break
        index -= 1
        if doc.tokens[index].text == ")":  # "депутат райради (позапартійний), член партії"
            while index > 0 and doc.tokens[index].text != "(":
                index -= 1
            index -= 1
        previous = title_ending(doc, spans, index, wanted or {"nomn"})
        if previous is None:
            break
        found.insert(0, previous)
    return found


def after(doc: Document, spans: Spans, person: EntitySpan) -> Title | None:
    """``Ірина Коваль, голова правління банку,`` or ``Ірина Коваль – голова правління``."""
    mark = person.last_token + 1
    tokens = doc.tokens
    if mark + 1 >= len(tokens) or tokens[mark].text not in {",", *DASHES}:
        return None
    first = mark + 1
    if tokens[first].is_capitalised:
        return None
    head = first
    while (
        head - first < 3
        and head + 1 < len(tokens)
        and not phrase.head_readings(doc, head)
        and phrase.adjectival(doc, head)
        and phrase.agrees(doc, head, head + 1)
    ):
        head += 1
    acting = phrase.acting_end(doc, first)
    if acting is not None:
        head = acting + 1
    readings = phrase.head_readings(doc, head)
    if not any(r.case == "nomn" for r in readings) and acting is None:
        return None
    last, inner = phrase.extent(doc, spans, head)
    following = last + 1
    if following < len(tokens) and tokens[following].sentence == tokens[last].sentence:
        if following in spans.by_first and spans.by_first[following].label == "PERS":
            return None  # "Іван Петренко, директор Петро Сидоренко": the next one's
        kinds = {r.pos for r in doc.readings[following]}
        ends = phrase.is_verb(doc, following) or ("ADVB" in kinds and "NOUN" not in kinds)
        if tokens[following].text not in _END and not ends:
            return None  # "Тетяна Пляченко, директор ТД «Альфа» раніше була ..." ends there
    return phrase.make(doc, first, last, inner)


__all__ = ["after", "before", "name_cases", "title_ending"]
