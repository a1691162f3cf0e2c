"""Titles from a verb of heading an organisation: ``Іван Петренко очолює компанію «Альфа»``
and ``Компанію «Альфа» очолює Іван Петренко`` give ``керівник компанії «Альфа»``.

The verbs, their object's case and the title word are data (the three-column rows of
``lexicon/title_predicates.tsv``).  The object is put in the genitive as an editor writes it
after the title word: the adjectives and head noun inflected, a quoted name or an abbreviation
as written.
"""

from __future__ import annotations

from functools import lru_cache

from newsmodel.extract import morph
from newsmodel.extract.document import Document
from newsmodel.extract.morph import WORDS_CACHED
from newsmodel.extract.titles import phrase, predicate
from newsmodel.extract.titles.lexicon import leading_verbs, words
from newsmodel.extract.titles.phrase import Spans, Title


@lru_cache(maxsize=WORDS_CACHED)
def _verb(word: str) -> tuple[str, str] | None:
    """The object's case and the title word of a finite heading verb (once per word)."""
    table = leading_verbs()
    return next((table[lemma] for lemma in morph.lemmas_of(word, "VERB") if lemma in table), None)


def _object_after(doc: Document, spans: Spans, start: int, case: str) -> tuple[int, int] | None:
    """The organisation phrase starting at ``start`` in ``case``: its first and last token."""
    span = spans.by_first.get(start)
    if span is not None and span.label == "ORG":
        return start, span.last_token
    head = start
    while head - start < 3 and head < len(doc.tokens) and not _noun_in(doc, head, case):
        if head + 1 >= len(doc.tokens) or not phrase.agrees(doc, head, head + 1):
            return None
        head += 1
    if head >= len(doc.tokens) or (doc.tokens[head].is_capitalised and head == start):
        return None
    last, _ = phrase.extent(doc, spans, head)
    return start, last


def _object_before(doc: Document, spans: Spans, end: int, case: str) -> tuple[int, int] | None:
    """The organisation phrase ending at ``end`` (``Компанію «Альфа» очолює ...``)."""
    span = spans.by_last.get(end)
    if span is not None and span.label == "ORG":
        return span.first_token, end
    sentence = doc.tokens[end].sentence
    for first in range(max(end - 8, doc.sentences[sentence].start), end + 1):
        if _noun_in(doc, first, case) and phrase.extent(doc, spans, first)[0] >= end:
            return phrase.widen(doc, first, first - 4), end
    return None


def _organisation(doc: Document, spans: Spans, first: int, last: int) -> bool:
    """Is the object an organisation (``компанію``, ``ТОВ «Альфа»``), not ``список``?"""
    from newsmodel.extract import gazetteer

    known = gazetteer.organisation_heads() | words("organisation")
    for index in range(first, last + 1):
        span = spans.by_first.get(index)
        token = doc.tokens[index]
        if (span is not None and span.label == "ORG") or token.is_upper:
            return True
        if token.is_word and doc.lemmas(index, "NOUN"):
            return bool(doc.lemmas(index, "NOUN") & known)  # the head noun decides
    return False


def _noun_in(doc: Document, index: int, case: str) -> bool:
    """A noun in ``case`` by its likeliest reading (``коли`` is a conjunction, not ``кіл``)."""
    readings = doc.readings[index]
    return (
        bool(readings)
        and readings[0].pos == "NOUN"
        and any(r.pos == "NOUN" and r.case == case for r in readings)
    )


def _genitive(doc: Document, first: int, last: int, case: str) -> str:
    """The phrase with its leading adjectives and head noun put from ``case`` into the
    genitive: ``Київську регіональну митницю`` -> ``Київської регіональної митниці``."""
    out: list[str] = []
    inflecting = True
    for index in range(first, last + 1):
        token = doc.tokens[index]
        word = token.text
        if token.sentence_start and word[1:].islower():
            word = word.lower()  # capitalised only as the sentence's first word
        if inflecting and token.is_word and not token.is_upper:
            reading = next((r for r in doc.readings[index] if r.case == case), None)
            if reading is not None:
                grammemes = {"gent", "plur"} if reading.plural else {"gent"}
                form = reading.inflect(grammemes)
                word = morph.restore_case(form, word) if form else word
                inflecting = reading.pos != "NOUN"
            else:
                inflecting = False
        else:
            inflecting = False
        gap = " " if out and doc.tokens[index - 1].end != token.start else ""
        out.append(gap + word)
    return "".join(out).strip()


def claims(doc: Document, spans: Spans) -> list[predicate.Claim]:
    """Every heading verb's title and whom it belongs to."""
    found: list[predicate.Claim] = []
    for verb in doc.finite_at:  # only a finite verb heads (a tenth of the tokens)
        government = _verb(doc.tokens[verb].text)
        if government is None:
            continue
        case, word = government
        after = predicate.skip(doc, verb + 1, 1)
        person = spans.by_first.get(after)
        extent = None
        subjects: list[predicate.Subject] = []
        if person is not None and person.label == "PERS":
            end = predicate.skip(doc, verb - 1, -1)
            extent = _object_before(doc, spans, end, case) if end >= 0 else None
            subjects = [predicate.Subject(person)]
        elif after < len(doc.tokens):
            extent = _object_after(doc, spans, after, case)
            if extent is not None:
                subjects = predicate.subjects_before(doc, spans, verb, {"nomn"}, plural=False)
        if extent is None or not _organisation(doc, spans, *extent):
            continue
        first, last = extent
        inner = tuple(
            span
            for index in range(first, last + 1)
            if (span := spans.by_first.get(index)) is not None and span.label != "PERS"
        )
        text = f"{word} {_genitive(doc, first, last, case)}"
        title = Title(text, first, last, tuple(sorted(inner, key=lambda s: s.start)))
        found.extend(predicate.Claim.of(title, subject) for subject in subjects)
    return found


__all__ = ["claims"]
