"""Latin-script names: a person only on evidence for a person, else an organisation by its
head word, else no entity.

A capitalised Latin word in Ukrainian news is far more often a brand, a product, a platform,
a campaign or boilerplate than a person (over a fifth of all false entities were such
words read as people).  So a Latin run the rules took for a person stays one only when the
text says so: a given name known as one (``Donald Trump``, ``lexicon/latin_given_names.txt``),
its Cyrillic form just before it in brackets (``Джон Сміт (John Smith)``) or
``англ.``, a job title before it (``директор Tim Cook``), or a verb of speech beside it
(``заявив John Smith``, ``Mark Rutte сказав``); one string with that evidence anywhere in the
text is a person everywhere.  Without it, an organisation head word before it
(``концерну Siemens``, ``Компанія Apple``) makes it that organisation, the head word left out of
the name; otherwise (``Windows Phone``, ``кампанія Black Friday``, ``вакцина Comirnaty``) it is no
entity.  Gazetteer entries and company names ending in a legal form are not touched.
"""

from __future__ import annotations

from newsmodel.extract import lexicon_data
from newsmodel.extract.entities.context import WINDOW, ContextRules
from newsmodel.extract.recognizer import EntitySpan
from newsmodel.extract.tokens import latin_script


def _latin_word(text: str) -> bool:
    return text[:1].isalpha() and latin_script(text)


class LatinRules(ContextRules):
    """The evidence test and the decision for Latin-script spans (see the module docs)."""

    def is_latin(self, span: EntitySpan) -> bool:
        words = [t.text for t in self.tokens[span.first_token : span.last_token + 1] if t.is_word]
        return bool(words) and all(_latin_word(w) or w in ("-", "'") for w in words)

    def person_evidence(self, span: EntitySpan, person_ends: set[int]) -> bool:
        """A Cyrillic form (a person ending at one of ``person_ends`` just before the bracket),
        ``англ.``, a title or a verb of speech next to a Latin name."""
        first, last = span.first_token, span.last_token
        before = self.tok(first - 1)
        if before is not None and before.text == "(" and first - 2 in person_ends:
            return True  # "Джон Сміт (John Smith)"
        for i in range(first - 1, max(first - 1 - WINDOW, -1), -1):
            if self.lowered[i].rstrip(".") == "англ":
                return True
            if not self.tokens[i].is_word:
                break
        given = lexicon_data.normalise(self.words[first])
        if first < last and given in lexicon_data.latin_given_names():
            return True  # "Donald Trump", "Tim Cook": a known given name and a surname
        return self.title_before(first) or self.speech_beside(first, last)

    def settle_latin(self) -> None:
        """Decide every Latin-script span the rules made without the gazetteer."""
        person_ends = {s.last_token for s in self.spans if s.label == "PERS"}
        persons = {
            self.text[s.start : s.end]
            for s in self.spans
            if s.label == "PERS" and self.is_latin(s) and self.person_evidence(s, person_ends)
        }
        settled: list[EntitySpan] = []
        for span in self.spans:
            decided = self.latin_decision(span, persons)
            if decided is not None:
                settled.append(decided)
        self.spans = settled

    def latin_decision(self, span: EntitySpan, persons: set[str]) -> EntitySpan | None:
        if span.key is not None:
            return span
        first = span.first_token
        head = self.tokens[first]
        if (
            span.label == "ORG"
            and first < span.last_token
            and not _latin_word(head.text)
            and self.is_head(head.text, self.org_heads)
        ):
            rest = EntitySpan(
                self.tokens[first + 1].start,
                span.end,
                "ORG",
                None,
                None,
                first + 1,
                span.last_token,
            )
            if self.is_latin(rest):
                return rest  # "концерну Siemens", "Компанія Apple": the name is the Latin run
        if span.label != "PERS" or span.parts or not self.is_latin(span):
            return span
        if self.text[span.start : span.end] in persons:
            return span
        before = self.tok(first - 1)
        if before is not None and before.is_word and self.is_head(before.text, self.org_heads):
            return EntitySpan(span.start, span.end, "ORG", None, None, first, span.last_token)
        return None
