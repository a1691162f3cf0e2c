"""The event lexicon: frames, categories, collocations and modality words, read once from data.

Knowledge lives in ``lexicon/events/`` (see each file's header): ``frames.tsv`` (trigger lemma
-> category, name, priority, roles), ``categories.tsv`` (each category's roles by Ukrainian
marking, whether it is a happening that can be cancelled, whether it needs a person),
``collocations.tsv`` (support verbs: ``наклав арешт``, ``подала позов``), ``idioms.tsv`` (a trigger
verb that is no event with this object: ``прийняв участь``), ``modality.tsv`` (negation,
condition, plans, cancellation, back-references) and ``sources.txt`` (reporting words).

Passive participles (``підписаний``, ``засуджений``) are adjectives in pymorphy3's dictionary,
with their own lemma: the lexicon derives each verb frame's participle lemma once, so the
stage stays a dictionary look-up per token reading.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from newsmodel.extract import morph
from newsmodel.models import EventCategory

_ALTERNATIONS = {"д": "дж", "с": "ш", "з": "ж", "т": "ч", "ст": "щ", "зд": "ждж"}
_LABIALS = frozenset("бвмпф")


@dataclass(frozen=True, slots=True)
class Category:
    """A category's defaults: roles by marking, whether it can be cancelled, what it needs."""

    category: EventCategory
    happening: bool
    needs: str
    roles: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class Frame:
    """A trigger: the event a lemma reports and how its roles are marked."""

    lemma: str
    pos: str
    category: EventCategory
    name: str
    priority: int
    roles: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class Lexicon:
    frames: Mapping[tuple[str, str], Frame]
    """``(lemma, pos) -> frame``; pos is ``VERB`` or ``NOUN``."""
    participles: Mapping[str, str]
    """Passive participle lemma -> verb lemma (``підписаний`` -> ``підписати``)."""
    categories: Mapping[EventCategory, Category]
    collocations: Mapping[str, Mapping[str, Frame]]
    """Verb lemma -> object lemma -> the frame the pair reports."""
    idioms: Mapping[str, frozenset[str]]
    words: Mapping[str, frozenset[tuple[str, ...]]]
    """Modality kind -> phrases (tuples of lower-case words or lemmas)."""
    sources: frozenset[str]
    starts: Mapping[str, Mapping[str, tuple[tuple[str, ...], ...]]]
    """Modality kind -> first word -> its phrases (one look-up per word, not per phrase)."""
    one_word: Mapping[str, frozenset[str]]

    def phrases(self, kind: str) -> frozenset[tuple[str, ...]]:
        return self.words.get(kind, frozenset())

    def singles(self, kind: str) -> frozenset[str]:
        """The one-word entries of a modality kind."""
        return self.one_word.get(kind, frozenset())

    def phrase_at(self, kind: str, words: Sequence[str], index: int) -> bool:
        """Does a phrase of ``kind`` begin at ``words[index]``?"""
        for phrase in self.starts.get(kind, {}).get(words[index], ()):
            if tuple(words[index : index + len(phrase)]) == phrase:
                return True
        return False


def _rows(name: str) -> list[list[str]]:
    """Data rows of a tab-separated file: comments and the header line dropped."""
    text = resources.files("newsmodel.extract.lexicon").joinpath("events", name).read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return rows[1:]


def _roles(text: str) -> dict[str, str]:
    if text in ("", "-"):
        return {}
    return dict(pair.split("=", 1) for pair in text.split(","))


def _participle_candidates(verb: str) -> list[str]:
    """Regular passive participles of a verb: ``-ати`` -> ``-аний``, ``-ити`` -> ``-ений``
    (with the alternation ``д``/``дж``, ``с``/``ш``, a labial's ``л``), ``-ути`` -> ``-утий``."""
    reflexive = verb.endswith(("тися", "тись"))
    if reflexive or len(verb) < 4:
        return []
    stem, ending = verb[:-3], verb[-3:]
    if ending in ("ати", "яти"):
        return [stem + ending[0] + "ний", stem + ending[0] + "тий"]
    if ending in ("ити", "іти", "їти"):
        found = [stem + "ений"]
        for tail, changed in _ALTERNATIONS.items():
            if stem.endswith(tail):
                found.append(stem[: -len(tail)] + changed + "ений")
        if stem and stem[-1] in _LABIALS:
            found.append(stem + "лений")
        return found
    if ending in ("ути", "оти"):
        return [stem + ending[0] + "тий"]
    if verb.endswith("сти"):
        return [verb[:-3] + "дений", verb[:-3] + "тений", verb[:-3] + "сений"]
    return []


def _participles(verbs: list[str]) -> dict[str, str]:
    found = {}
    for verb in verbs:
        for candidate in _participle_candidates(verb):
            if any(
                r.lemma == candidate and r.known and "pssv" in r.grammemes
                for r in morph.readings(candidate)
            ):
                found[candidate] = verb
    return found


@cache
def lexicon() -> Lexicon:
    """The event lexicon, read once."""
    categories = {}
    for value, happening, needs, marked, _description in _rows("categories.tsv"):
        category = EventCategory(value)
        categories[category] = Category(category, happening == "yes", needs, _roles(marked))
    frames: dict[tuple[str, str], Frame] = {}
    for lemma, pos, category_name, label, priority, roles in _rows("frames.tsv"):
        category = EventCategory(category_name)
        merged = {**categories[category].roles, **_roles(roles)}
        key = (lemma.lower(), pos)
        frames[key] = Frame(key[0], pos, category, label, int(priority), merged)
    collocations: dict[str, dict[str, Frame]] = {}
    for verb, thing, category_name, label, priority, *extra in _rows("collocations.tsv"):
        category = EventCategory(category_name)
        own = frames.get((verb, "VERB"))
        inherited = own.roles if own is not None and own.category is category else {}
        inherited = {**inherited, **_roles(extra[0] if extra else "-")}
        collocations.setdefault(verb, {})[thing] = Frame(
            verb,
            "VERB",
            category,
            label,
            int(priority),
            {**categories[category].roles, **inherited},
        )
    idioms: dict[str, set[str]] = {}
    for verb, thing in _rows("idioms.tsv"):
        idioms.setdefault(verb, set()).add(thing)
    words: dict[str, set[tuple[str, ...]]] = {}
    for kind, phrase in _rows("modality.tsv"):
        words.setdefault(kind, set()).add(tuple(phrase.lower().split()))
    text = resources.files("newsmodel.extract.lexicon").joinpath("events", "sources.txt")
    sources = frozenset(
        line.split("#", 1)[0].strip()
        for line in text.read_text("utf-8").splitlines()
        if line.split("#", 1)[0].strip()
    )
    starts: dict[str, dict[str, list[tuple[str, ...]]]] = {}
    for kind, phrases in words.items():
        for entry in phrases:
            starts.setdefault(kind, {}).setdefault(entry[0], []).append(entry)
    verbs = sorted({lemma for lemma, pos in frames if pos == "VERB"} | set(collocations))
    return Lexicon(
        frames=frames,
        participles=_participles(verbs),
        categories=categories,
        collocations={verb: dict(table) for verb, table in collocations.items()},
        idioms={verb: frozenset(things) for verb, things in idioms.items()},
        words={kind: frozenset(phrases) for kind, phrases in words.items()},
        sources=sources,
        starts={k: {w: tuple(p) for w, p in table.items()} for k, table in starts.items()},
        one_word={k: frozenset(p[0] for p in v if len(p) == 1) for k, v in words.items()},
    )


def trigger_lemmas() -> frozenset[str]:
    """Every lemma that can trigger an event (frames and support verbs)."""
    table = lexicon()
    return frozenset(lemma for lemma, _ in table.frames) | frozenset(table.collocations)


__all__ = ["Category", "Frame", "Lexicon", "lexicon", "trigger_lemmas"]
