"""Build ``src/newsmodel/extract/lexicon/forms.tsv``: every inflected form of every lexicon name.

Run ``python tools/build_lexicon_forms.py`` after editing a lexicon data file, and commit the
result (``forms.tsv`` and its lookup index ``forms_index.tsv``, see ``tools/build_indexes.py``);
``--check`` exits 1 when the committed forms are stale (a unit test does the same).  The
forms are computed here, once, so the package needs no morphology to load the gazetteer.

How forms are made (pymorphy3 with the Ukrainian dictionary):

* acronyms and ``fixed`` names stay as written;
* a name is ``[adjectives] head [complement...]``: the head noun and the adjectives before it
  inflect together, agreeing in gender and number (``Курська область`` -> ``Курської області``,
  ``Збройні сили України`` -> ``Збройних сил України``); the complement is already in the
  genitive and stays (``Рада безпеки ООН`` -> ``Радою безпеки ООН``);
* a plural-only or plural name keeps its number (``Суми`` -> ``Сумах``, never ``сумі``);
* words pymorphy does not know follow the regular endings of their class (hard consonant,
  ``-ь``, ``-й``, ``-а``, ``-я``); other foreign words (``Токіо``) do not inflect;
* adjectives and demonyms get their whole paradigm (all genders, numbers and cases).
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pymorphy3
from tokenize_uk import tokenize_words

from newsmodel.extract.gazetteer import (
    SourceRecord,
    is_acronym,
    normalise,
    source_records,
    sources_digest,
    unify_apostrophes,
)
from newsmodel.extract.lexicon_index import FORMS_FILE, FORMS_INDEX, build_forms_index

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "src" / "newsmodel" / "extract" / "lexicon" / FORMS_FILE
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_PERSONAL = {"Name", "Surn", "Patr"}
_VIA_RANK = {"name": 0, "adjective": 1, "demonym": 2}
_KIND_RANK = {"country": 0, "region": 1, "city": 2, "district": 3, "settlement": 4, "other": 5}
_HARD = set("бвгґджзклмнпрстфхцчшщ")

Form = tuple[str, ...]


@dataclass(frozen=True, order=True)
class Line:
    """One output line; ordering puts the preferred entry first among equal forms."""

    sort_form: str
    rank: tuple[int, int, int]
    form: str
    key: str
    via: str
    mode: str
    guard: str = "-"


def _plural(parse: Any) -> bool:
    return parse.tag.number == "plur" or "Pltm" in parse.tag.grammemes


def _agree(adjective: Any, word: Any) -> bool:
    """Same number, and in the singular the same gender."""
    if _plural(adjective) or _plural(word):
        return _plural(adjective) and _plural(word)
    return bool(adjective.tag.gender == word.tag.gender)


class Inflector:
    """Every case form of a name, a lemma's whole paradigm, with regular fallbacks."""

    def __init__(self) -> None:
        self.morph = pymorphy3.MorphAnalyzer(lang="uk")

    def _parses(self, word: str, pos: str) -> list[Any]:
        """Known nominative readings of ``word`` with this part of speech, non-personal first."""
        found = [
            p
            for p in self.morph.parse(word.lower())
            if p.is_known and pos == p.tag.POS and p.tag.case == "nomn" and p.word == word.lower()
        ]
        return sorted(found, key=lambda p: bool(_PERSONAL & p.tag.grammemes))

    def _by_case(self, parse: Any, number: str | None, gender: str | None) -> dict[str, set[str]]:
        """Forms of ``parse``'s paradigm per case, restricted to one number (and gender)."""
        out: dict[str, set[str]] = {case: set() for case in CASES}
        for form in parse.lexeme:
            tag = form.tag
            if tag.case not in out:
                continue
            if number == "plur" and tag.number != "plur" and "Pltm" not in tag.grammemes:
                continue
            if number == "sing" and tag.number == "plur":
                continue
            if gender and tag.number != "plur" and tag.gender and tag.gender != gender:
                continue
            out[tag.case].add(form.word)
        return out

    def name_forms(self, name: str, *, fixed: bool) -> set[Form]:
        """Every case form of a (possibly multiword) name, as lower-case token tuples."""
        raw = tuple(unify_apostrophes(t) for t in tokenize_words(name))
        tokens = tuple(t.lower() for t in raw)
        if fixed or all(is_acronym(t) for t in raw):
            return {tokens}
        adjectives: list[int] = []
        while len(adjectives) < len(tokens) - 1 and self._modifies(raw, len(adjectives)):
            adjectives.append(len(adjectives))
        head = len(adjectives)
        if is_acronym(raw[head]):
            return {tokens}
        per_case = self._agreeing(tokens, head)
        if per_case is None:
            per_case = [
                self._fallback(tokens[head]) if i == head else {c: {t} for c in CASES}
                for i, t in enumerate(tokens[: head + 1])
            ]
        forms: set[Form] = {tokens}
        tail = tokens[head + 1 :]
        for case in CASES:
            choices = [sorted(by_case[case]) for by_case in per_case]
            if all(choices):
                forms.update(tuple(combo) + tail for combo in itertools.product(*choices))
        return forms

    def _modifies(self, raw: Form, position: int) -> bool:
        """Whether token ``position`` is an adjective agreeing with the nominative after it."""
        following = raw[position + 1]
        if is_acronym(following):
            return False
        after = self._parses(following, "NOUN") + self._parses(following, "ADJF")
        return any(
            _agree(adjective, word)
            for adjective in self._parses(raw[position], "ADJF")
            for word in after
        )

    def _agreeing(self, tokens: Form, head: int) -> list[dict[str, set[str]]] | None:
        """Per-case forms of the adjectives and the head, agreeing; None when unknown."""
        heads = self._parses(tokens[head], "NOUN") or self._parses(tokens[head], "ADJF")
        if not heads:
            return None
        adjective_parses = [self._parses(t, "ADJF") for t in tokens[:head]]
        for parse in heads:
            number = "plur" if _plural(parse) else "sing"
            gender = parse.tag.gender if number == "sing" else None
            chosen = []
            for options in adjective_parses:
                fitting = [
                    a
                    for a in options
                    if (a.tag.number == "plur") == (number == "plur")
                    and (gender is None or a.tag.gender == gender)
                ]
                if not fitting:
                    break
                chosen.append(fitting[0])
            else:
                head_gender = gender if parse.tag.POS == "ADJF" else None
                result = [self._by_case(a, number, gender) for a in chosen]
                result.append(self._by_case(parse, number, head_gender))
                return result
        return None

    def _fallback(self, word: str) -> dict[str, set[str]]:
        """Regular endings for a word pymorphy does not know; the last hyphen part inflects."""
        prefix, _, last = word.rpartition("-")
        prefix = prefix + "-" if prefix else ""
        stem, end = last[:-1], last[-1:]
        table: dict[str, tuple[str, ...]]
        if end in _HARD:
            stem, table = (
                last,
                {"gent": ("а", "у"), "datv": ("у", "ові"), "ablt": ("ом",), "loct": ("і", "у")},
            )
        elif end == "ь":
            table = {"gent": ("я", "ю"), "datv": ("ю", "еві"), "ablt": ("ем",), "loct": ("і", "ю")}
        elif end == "й":
            table = {"gent": ("я", "ю"), "datv": ("ю", "єві"), "ablt": ("єм",), "loct": ("ї", "ю")}
        elif end == "а":
            table = {
                "gent": ("и", "і"),
                "datv": ("і",),
                "accs": ("у",),
                "ablt": ("ою", "ею"),
                "loct": ("і",),
            }
        elif end == "я":
            table = {
                "gent": ("ї", "і"),
                "datv": ("ї", "і"),
                "accs": ("ю",),
                "ablt": ("єю", "ею"),
                "loct": ("ї", "і"),
            }
        else:
            table = {}
        out = {case: {word} for case in CASES}
        for case, endings in table.items():
            out[case] = {prefix + stem + ending for ending in endings}
        out["nomn"] = {word}
        out["accs"] = out["accs"] if end in {"а", "я"} else {word}
        return out

    def is_adjective_form(self, word: str) -> bool:
        """Whether pymorphy knows ``word`` as a form of an adjective (``донецька``)."""
        return any(p.is_known and p.tag.POS == "ADJF" for p in self.morph.parse(word))

    def paradigm(self, lemma: str, pos: str) -> set[str]:
        """Every form of an adjective or demonym lemma, all genders, numbers and cases."""
        parses = self._parses(normalise(lemma), pos)
        if not parses:
            return {normalise(lemma)}
        return {form.word for form in parses[0].lexeme if form.tag.case != "voct"}


def _proper_after_first(written: tuple[str, ...], places: frozenset[str]) -> bool:
    """Whether a later word is an acronym or a place name (``оборони України``): then the name
    is specific enough to match in lower case too (``міністерство оборони України``); names of
    common words (``Червоний Хрест``, ``Національна поліція``) need their capital letter."""
    return any(is_acronym(token) or normalise(token) in places for token in written[1:])


def place_words(inflector: Inflector) -> frozenset[str]:
    """Every form of every capitalised word of a place name (``україни``, ``кореї``)."""
    words: set[str] = set()
    for record in source_records():
        if record.entry.type != "place":
            continue
        for name in (record.entry.name, *record.entry.alternate_names):
            written = tuple(tokenize_words(name))
            for form in inflector.name_forms(name, fixed="fixed" in record.flags):
                if len(form) == len(written):
                    words.update(w for w, t in zip(form, written, strict=True) if t[:1].isupper())
    return frozenset(words)


def _guard(bare: bool, adjective_like: bool) -> str:
    return "bare" if bare else "adj" if adjective_like else "-"


def _lines_for(
    record: SourceRecord, inflector: Inflector, places: frozenset[str]
) -> Iterable[Line]:
    entry = record.entry
    kind_rank = _KIND_RANK.get(entry.kind or "", 6)
    fixed = "fixed" in record.flags
    for position, name in enumerate((entry.name, *entry.alternate_names)):
        written = tuple(unify_apostrophes(t) for t in tokenize_words(name))
        bare = name in record.bare_names
        rank = (0, min(position, 1) + bare, kind_rank)
        if all(is_acronym(t) for t in written):
            form = " ".join(written)
            yield Line(form.lower(), rank, form, entry.key, "name", "exact", _guard(bare, False))
            continue
        if len(written) == 1 and "unmatched" in record.flags:
            continue
        mode = "inner" if "ambiguous" in record.flags else "upper"
        if not written[0][:1].isupper() or _proper_after_first(written, places):
            mode = "any"
        for tokens in inflector.name_forms(name, fixed=fixed):
            form = " ".join(tokens)
            adjective_like = len(tokens) == 1 and inflector.is_adjective_form(form)
            guard = _guard(bare, adjective_like)
            yield Line(form, rank, form, entry.key, "name", mode, guard)
    for extra in record.extra_forms:
        tokens = tuple(normalise(t) for t in tokenize_words(extra))
        proper = _proper_after_first(tuple(tokenize_words(extra)), places)
        mode = "any" if proper else "upper"
        form = " ".join(tokens)
        guard = _guard(False, len(tokens) == 1 and inflector.is_adjective_form(form))
        yield Line(form, (0, 1, kind_rank), form, entry.key, "name", mode, guard)
    for via, lemmas, pos in (
        ("adjective", record.adjectives, "ADJF"),
        ("demonym", record.demonyms, "NOUN"),
    ):
        for lemma in lemmas:
            for word in inflector.paradigm(lemma, pos):
                yield Line(word, (_VIA_RANK[via], 0, kind_rank), word, entry.key, via, "any")


def build() -> str:
    """The complete text of ``forms.tsv`` for the current data files."""
    inflector = Inflector()
    places = place_words(inflector)
    best: dict[tuple[str, str], Line] = {}
    for record in source_records():
        for line in _lines_for(record, inflector, places):
            slot = (line.sort_form, line.mode)
            if slot not in best or line < best[slot]:
                best[slot] = line
    groups: dict[tuple[tuple[int, int, int], str, str, str, str], list[str]] = {}
    for line in best.values():
        groups.setdefault((line.rank, line.key, line.via, line.mode, line.guard), []).append(
            line.form
        )
    header = [
        "# Generated by tools/build_lexicon_forms.py from the lexicon data files: do not edit.",
        f"# sources-sha256: {sources_digest()}",
        "# One line per entry, way and mode, preferred entries first; forms are tokens joined",
        "# by spaces, separated by '|'.",
        "# key\tvia\tmode\tguard\tforms",
    ]
    body = [
        "\t".join((key, via, mode, guard, "|".join(sorted(forms))))
        for (_, key, via, mode, guard), forms in sorted(groups.items())
    ]
    return "\n".join(header + body) + "\n"


def collisions() -> list[str]:
    """Forms two different entries share (the higher-ranked one wins), for review."""
    inflector = Inflector()
    places = place_words(inflector)
    owners: dict[str, set[str]] = {}
    for record in source_records():
        for line in _lines_for(record, inflector, places):
            owners.setdefault(line.sort_form, set()).add(line.key)
    return [f"{form}: {sorted(keys)}" for form, keys in sorted(owners.items()) if len(keys) > 1]


def _count(text: str) -> int:
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return sum(line.count("|") + 1 for line in lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="exit 1 if forms.tsv is stale")
    parser.add_argument("--collisions", action="store_true", help="list shared forms")
    args = parser.parse_args(argv)
    if args.collisions:
        sys.stdout.write("\n".join(collisions()) + "\n")
        return 0
    text = build()
    if args.check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            sys.stderr.write(f"{TARGET} is stale: run python tools/build_lexicon_forms.py\n")
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    (TARGET.parent / FORMS_INDEX).write_text(build_forms_index(text), encoding="utf-8")
    sys.stdout.write(f"wrote {TARGET} ({_count(text)} forms) and its index, {FORMS_INDEX}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
