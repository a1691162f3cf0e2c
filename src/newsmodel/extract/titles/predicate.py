"""Titles as a predicate's complement: ``Іван Петренко є засновником фірми``, ``став
керівником``, ``працює юристом``, ``призначений головою``, ``обійняв посаду директора``; the
subject may follow (``Засновниками ТОВ «Альфа» є Іван Петренко і Петро Сидоренко``), be a
relative pronoun (``Петренко, який працює радником``) or an anaphor (``Він є директором``,
``Останній є директором``), resolved by the caller.

The verbs and the case they govern are data (``lexicon/title_predicates.tsv``); ``посада``
takes a genitive title with any verb.  A plural title (``засновниками``) goes to every person of
the coordinated subject, in the singular.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from operator import itemgetter

from newsmodel.extract import morph
from newsmodel.extract.document import Document, clause_openers
from newsmodel.extract.morph import WORDS_CACHED
from newsmodel.extract.recognizer import EntitySpan
from newsmodel.extract.titles import apposition, phrase
from newsmodel.extract.titles.lexicon import predicates, words
from newsmodel.extract.titles.phrase import Spans, Title

_TIME_PREPOSITIONS = frozenset({"з", "із", "у", "в", "до", "по", "від", "протягом"})


def _subordinators() -> frozenset[str]:
    return clause_openers()["subordinator"]


@dataclass(frozen=True, slots=True)
class Subject:
    """Whom a predicate is about: a person's span, or an anaphor's token to resolve."""

    person: EntitySpan | None
    anaphor: int | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """A title and whom it belongs to."""

    title: Title
    person: EntitySpan | None
    anaphor: int | None = None

    @classmethod
    def of(cls, title: Title, subject: Subject) -> Claim:
        return cls(title, subject.person, subject.anaphor)


_TEXT = itemgetter(0)  # a Token's text, for map


@lru_cache(maxsize=WORDS_CACHED)
def _token_marks(text: str) -> tuple[str | None, bool] | None:
    """The case a token governs as a predicate, and whether it is ``посада``, once per token
    text; ``None`` when neither (most tokens), so ``itertools.compress`` skips them.  A
    punctuation mark (no ``Token.is_word``) is looked up in the predicate table alone (``—``)."""
    if not text[:1].isalnum():
        lower = text.lower()
        return (predicates()[lower], False) if lower in predicates() else None
    found = _word_government(text), bool(morph.lemmas_of(text, "NOUN") & words("post"))
    return None if found == (None, False) else found


@lru_cache(maxsize=WORDS_CACHED)
def _word_government(word: str) -> str | None:
    """The case of the title a predicate word governs (``є``, ``став``: ``ablt``), or None;
    once per distinct word: by its form, else its lemma."""
    table = predicates()
    lower = word.lower()
    if lower in table:
        return table[lower]
    for reading in morph.readings(word):
        if reading.pos in {"VERB", "ADJF", "PRTF"} and reading.lemma in table:
            return table[reading.lemma]
    return None


def _timeish(doc: Document, index: int) -> bool:
    """An adverb, a particle, a number or a time word a predicate's complement may follow."""
    return _timeish_text(doc.tokens[index].text)


@lru_cache(maxsize=WORDS_CACHED)
def _timeish_text(text: str) -> bool:
    """:func:`_timeish` once per distinct token text (a punctuation mark has no readings)."""
    word = text.lower()
    if word in words("negation"):
        return False
    if word in words("skip") or text[:1].isdigit() or word in {"-", "–"}:
        return True
    readings = morph.readings(text) if text[:1].isalnum() else ()
    if not words("time").isdisjoint(r.lemma for r in readings):
        return True
    kinds = {r.pos for r in readings}
    return bool(kinds) and kinds <= {"ADVB", "PRCL"}


def skip(doc: Document, index: int, step: int) -> int:
    """Past adverbs and time phrases (``з 2013 року``, ``у 2006-2007 рр``, ``також``)."""
    sentence = doc.tokens[index].sentence if 0 <= index < len(doc.tokens) else -1
    while 0 <= index < len(doc.tokens) and doc.tokens[index].sentence == sentence:
        word = doc.lower[index]
        preposition = word in _TIME_PREPOSITIONS and 0 <= index + 1 < len(doc.tokens)
        if _timeish(doc, index) or (preposition and _timeish(doc, index + 1)):
            index += step
        else:
            break
    return index


def _forward_title(doc: Document, spans: Spans, start: int, case: str) -> Title | None:
    """The title a predicate's complement starts at ``start`` (``першим заступником ...``)."""
    if start >= len(doc.tokens):
        return None
    acting = phrase.acting_end(doc, start)
    if acting is not None:
        last, inner = phrase.extent(doc, spans, acting + 1)
        return phrase.make(doc, start, last, inner)
    head, wanted = start, case
    if phrase.is_post(doc, start) and start + 1 < len(doc.tokens):
        head, wanted = start + 1, "gent"
        start = head
    elif (
        doc.lemmas(start) & {"один"}
        and start + 2 < len(doc.tokens)
        and doc.lower[start + 1] in {"з", "із", "зі"}
    ):  # "є одним із засновників компанії": one of them, in the singular
        head, wanted = start + 2, "gent"
        start = head
    while head - start < 3 and not phrase.head_readings(doc, head):
        if head + 1 >= len(doc.tokens) or not phrase.agrees(doc, head, head + 1):
            return None
        head += 1
    if not any(r.case == wanted for r in phrase.head_readings(doc, head)):
        return None
    last, inner = phrase.extent(doc, spans, head)
    return phrase.make(doc, start, last, inner)


def _nominative(doc: Document, person: EntitySpan, wanted: set[str]) -> bool:
    found = apposition.name_cases(doc, person)
    return not found or bool(found & wanted)


def _antecedent(doc: Document, spans: Spans, relative: int) -> EntitySpan | None:
    """``Олексія Алтуніна, прописаного в Донецьку, який``: the person a relative refers to."""
    sentence = doc.tokens[relative].sentence
    for index in range(relative - 1, max(relative - 12, -1), -1):
        if doc.tokens[index].sentence != sentence:
            break
        span = spans.by_last.get(index)
        if span is not None and span.label == "PERS":
            return span
    return None


def subjects_before(
    doc: Document, spans: Spans, verb: int, wanted: set[str], plural: bool
) -> list[Subject]:
    """The subject of the predicate at ``verb``: the nearest person or anaphor before it in the
    case wanted, the antecedent of ``який``, every listed one for a plural title; never across
    ``;``, a subordinator or a common noun in the nominative (``фірма є власником``)."""
    sentence = doc.sentence_of(verb)
    found: list[Subject] = []
    index = verb - 1
    while index >= sentence.start:
        span = spans.by_last.get(index)
        token = doc.tokens[index]
        word = token.text.lower()
        if span is not None:
            if span.label == "PERS" and _nominative(doc, span, wanted):
                found.append(Subject(span))
                if not plural:
                    break
            index = span.first_token - 1
            continue
        if word in {";", ":"} or word in _subordinators():
            break
        if word == ",":
            opening = _embedded_clause(doc, index, sentence.start)
            if opening is not None:  # ", коли фірму очолював Ісік,": another clause's subject
                index = opening - 1
                continue
        if word in words("anaphor") and any(r.case in wanted for r in doc.readings[index]):
            found.append(Subject(None, index))
            if not plural:
                break
        elif doc.lemmas(index) & {"який", "котрий"} and any(
            r.case == "nomn" for r in doc.readings[index]
        ):
            antecedent = _antecedent(doc, spans, index)
            if antecedent is not None:
                found.append(Subject(antecedent))
            break
        elif (
            token.is_word
            and not token.is_capitalised
            and not phrase.head_readings(doc, index)
            and {r.pos for r in doc.readings[index]} == {"NOUN"}
            and phrase.cases(doc, index) <= {"nomn", "voct"}
        ):
            if not (plural and index > 0 and doc.lower[index - 1] in words("possessive")):
                break
            index -= 1  # "Він та його брат Богдан": a kinship word before a listed name
        index -= 1
    return found


def _embedded_clause(doc: Document, comma: int, floor: int) -> int | None:
    """The opening comma of a subordinate clause that ends at ``comma``, if one does."""
    for index in range(comma - 1, max(floor, comma - 20) - 1, -1):
        if doc.tokens[index].text == ",":
            opener = doc.lower[index + 1] if index + 1 < comma else ""
            return index if opener in _subordinators() else None
    return None


def _listed_after(doc: Document, spans: Spans, start: int, plural: bool) -> list[EntitySpan]:
    """``є Іван Петренко з Києва і Петро Сидоренко``: the persons listed after a verb."""
    found: list[EntitySpan] = []
    index = start
    sentence = doc.tokens[start].sentence if start < len(doc.tokens) else -1
    others = 0
    while index < len(doc.tokens) and doc.tokens[index].sentence == sentence:
        span = spans.by_first.get(index)
        if span is not None and span.label == "PERS":
            if not _nominative(doc, span, {"nomn"}):
                break
            found.append(span)
            if not plural:
                break
            index, others = span.last_token + 1, 0
            continue
        token = doc.tokens[index]
        if token.text in {".", ";", ":", "(", ")"} or phrase.is_verb(doc, index) or others > 6:
            break
        if not found and token.text in {",", "і", "та", "й"}:
            break  # "є фірма, якою керує Іван Петренко": the verb's subject is no person
        others = 0 if token.text in {",", "і", "та", "й"} else others + 1
        index += 1
    return found


def claims(doc: Document, spans: Spans) -> list[Claim]:
    """Every predicate title in the document and whom it belongs to."""
    found: list[Claim] = []
    # most tokens are neither a predicate nor ``посада``: one cached look-up a token (a C loop)
    marks = list(map(_token_marks, map(_TEXT, doc.tokens)))
    for verb in compress(range(len(marks)), marks):
        mark = marks[verb]
        assert mark is not None  # compress keeps the marked tokens only
        case, post = mark
        if case is None:
            post = post and verb + 1 < len(doc.tokens)
            title = _forward_title(doc, spans, verb, "gent") if post else None
            if title is not None and not _followed_by_person(spans, title):
                for subject in subjects_before(doc, spans, verb, {"nomn"}, plural=False):
                    found.append(Claim.of(title, subject))
            continue
        found.extend(_at_verb(doc, spans, verb, case))
    return found


def _followed_by_person(spans: Spans, title: Title) -> bool:
    span = spans.by_first.get(title.last_token + 1)
    return span is not None and span.label == "PERS"


def _at_verb(doc: Document, spans: Spans, verb: int, case: str) -> list[Claim]:
    if verb > 0 and doc.lower[verb - 1] in words("negation"):
        return []  # "не є директором", "не працює юристом"
    lemmas = doc.lemmas(verb)
    wanted = {"accs"} if lemmas & words("object") and doc.is_finite_verb(verb) else {"nomn"}
    after = skip(doc, verb + 1, 1)
    title = _forward_title(doc, spans, after, case)
    if title is not None:
        plural = title.plural
        following = spans.by_first.get(title.last_token + 1)
        if following is not None and following.label == "PERS":
            if wanted == {"accs"} and _nominative(doc, following, wanted):
                return [Claim(title, following)]
            own = apposition.before(doc, spans, following)
            if any(t.first_token <= title.first_token for t in own):
                return []  # "є депутат Петро Іваненко": the title is the name's apposition
            # "був помічником депутата Миколи Джиги": Джига's title is inside the subject's
        return [
            Claim.of(title, subject)
            for subject in subjects_before(doc, spans, verb, wanted, plural)
        ]
    if wanted == {"accs"} and (between := _object_then_title(doc, spans, after, case)):
        return [between]  # "Кабмін призначив Івана Петренка директором заводу"
    # inverted: "Директором фірми з 2013 року є Іван Петренко"
    subject_start = skip(doc, verb + 1, 1)
    end = skip(doc, verb - 1, -1)
    if end < 0 or subject_start >= len(doc.tokens):
        return []
    before = apposition.title_ending(doc, spans, end, {"ablt"})
    if before is None:
        return []
    persons = _listed_after(doc, spans, subject_start, before.plural)
    return [Claim(before, person) for person in persons]


def _object_then_title(doc: Document, spans: Spans, start: int, case: str) -> Claim | None:
    """``призначив Івана Петренка директором``: the person in the accusative right after the
    verb, then the title; the verb's subject is who appointed them."""
    person = spans.by_first.get(start)
    if person is None or person.label != "PERS" or not _nominative(doc, person, {"accs"}):
        return None
    title = _forward_title(doc, spans, skip(doc, person.last_token + 1, 1), case)
    return Claim(title, person) if title is not None else None


__all__ = ["Claim", "Subject", "claims", "skip", "subjects_before"]
