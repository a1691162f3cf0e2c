"""Which of a place's GeoNames names a Ukrainian text uses, and which comes first.

GeoNames' alternate names carry no language, so a Ukrainian name is picked by its letters
(Cyrillic, without letters Ukrainian lacks: ``ы э ъ ё ў ј``...) and by the Ukrainian
dictionary (:func:`ukrainian_names`); the preferred one is the one the dictionary knows whose
transliteration is closest to the place's Latin name (:func:`preferred_first`).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

import pymorphy3
from translitua import translit

from newsmodel.extract.gazetteer import normalise

_CYRILLIC = re.compile(r"^[А-ЩЬЮЯҐЄІЇа-щьюяґєії][А-ЩЬЮЯҐЄІЇа-щьюяґєії'’ʼ -]*$")
_UKRAINIAN_ONLY = frozenset("ґєіїҐЄІЇ")
_PERSONAL = frozenset({"Name", "Surn", "Patr"})


def ukrainian_names(alternates: Iterable[str], words: Words) -> list[str]:
    """The names a Ukrainian text can use, from untagged alternate names (see module notes).

    Cyrillic names without letters Ukrainian lacks; of those, a name is dropped as another
    language's spelling of a Ukrainian one when a name with letters only Ukrainian has is the
    same up to vowels and soft signs (``Харьков`` beside ``Харків``, ``Киев`` beside ``Київ``)
    and the Ukrainian dictionary does not know it (``Донецьк`` beside ``Дінецьк`` stays).
    """
    names = [n for n in dict.fromkeys(a.strip() for a in alternates) if _CYRILLIC.match(n)]
    marked = {_skeleton(n) for n in names if _UKRAINIAN_ONLY & set(n)}
    return [
        n
        for n in names
        if _UKRAINIAN_ONLY & set(n) or _skeleton(n) not in marked or words.known_name(n)
    ]


_VOWELS = str.maketrans({**dict.fromkeys("іїиеєо", "*"), "ґ": "г", "ь": None, "'": None})


def _skeleton(name: str) -> str:
    return normalise(name).translate(_VOWELS)


def similarity(name: str, latin: Iterable[str]) -> float:
    """How close a Cyrillic name's transliteration is to the closest Latin name of the place
    (``Пхеньян`` ~ ``Phenjan``): the preferred name and its spelling variants come close,
    nicknames and former names (``Південна Пальміра``, ``Сталіно``) do not."""
    spelled = translit(name).lower()
    return max(
        (difflib.SequenceMatcher(None, spelled, other.lower()).ratio() for other in latin),
        default=0.0,
    )


class Words:
    """What the Ukrainian dictionary says about a one-word name."""

    def __init__(self) -> None:
        self.morph = pymorphy3.MorphAnalyzer(lang="uk")

    def known(self, word: str) -> bool:
        return any(p.is_known for p in self.morph.parse(word.lower()))

    def known_name(self, name: str) -> bool:
        return all(self.known(word) for word in name.replace("-", " ").split())

    def common(self, word: str) -> bool:
        """Known as a word that is no noun (``Весела``), or as a noun with a plural
        (``Майдан``, ``Поляна``, ``Перемога``): a common word, which the names of places
        seldom are (``Суджа``, ``Бахмут`` have no plural)."""
        for parse in self.morph.parse(word.lower()):
            if not parse.is_known:
                continue
            if parse.tag.POS not in (None, "NOUN"):
                return True
            if any(form.tag.number == "plur" for form in parse.lexeme):
                return True
        return False

    def personal(self, word: str) -> bool:
        """Known as a person's name or any animate noun (``Богдан``, ``Мельник``)."""
        return any(
            p.is_known and (_PERSONAL & p.tag.grammemes or "anim" in p.tag.grammemes)
            for p in self.morph.parse(word.lower())
        )


def preferred_first(names: list[str], latin: list[str], words: Words) -> list[str]:
    """The preferred name first: one the dictionary knows (``Москва``, not ``Маскав``) and
    closest to the place's Latin name (``Донецьк`` for Donetsk, not ``Олександрівка``)."""
    return sorted(names, key=lambda n: (not words.known_name(n), -similarity(n, latin[:1])))


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
