"""Noun phrases go back to the nominative: the head and its adjectives, never the complement."""

from __future__ import annotations

import pytest

from newsmodel.extract.entities.heads import name_heads
from newsmodel.extract.morph import noun_phrase_nominative, readings, restore_case

HEADS = frozenset({"рада", "сила", "управління", "суд", "служба", "область", "міністерство"})


@pytest.mark.parametrize(
    ("phrase", "nominative"),
    [
        ("Курської області", "Курська область"),
        ("Дніпропетровській області", "Дніпропетровська область"),
        ("Збройних сил Росії", "Збройні сили Росії"),
        ("Ради безпеки Росії", "Рада безпеки Росії"),
        ("Верховної Ради", "Верховна Рада"),
        ("Міністерства оборони України", "Міністерство оборони України"),
        (
            "головного політичного управління Корейської народної армії",
            "головне політичне управління Корейської народної армії",
        ),
        (
            "Новоайдарського районного суду Луганської області",
            "Новоайдарський районний суд Луганської області",
        ),
        ("Національної розвідувальної служби", "Національна розвідувальна служба"),
        ("Пхеньяні", "Пхеньян"),
        ("Курська область", "Курська область"),
        # the dictionary leaves the nominative of some paradigms without a case tag: the
        # singular nominative is then the lemma, never the tagged plural ("директори")
        ("директора ТОВ", "директор ТОВ"),
        ("директором", "директор"),
        ("директор", "директор"),
        # in the head's own gender: a woman's title stays feminine
        ("уповноваженої", "уповноважена"),
    ],
)
def test_noun_phrases_in_the_nominative(phrase: str, nominative: str) -> None:
    assert noun_phrase_nominative(phrase.split(), HEADS) == nominative


def test_readings_are_cached_and_complete() -> None:
    assert readings("Києві") is readings("Києві")
    assert {r.lemma for r in readings("Києві")} >= {"київ"}


def test_restore_case_copies_capitals() -> None:
    assert restore_case("курська", "Курської") == "Курська"
    assert restore_case("кндр", "КНДР") == "КНДР"
    assert restore_case("військово-політичне", "військово-політичного") == "військово-політичне"


def test_a_plural_title_in_the_singular() -> None:
    from newsmodel.extract.morph import singular_phrase

    assert singular_phrase("колишні заступники міністра оборони") == (
        "колишній заступник міністра оборони"
    )
    assert singular_phrase("народні депутати України") == "народний депутат України"


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # an acronym the dictionary does not decline: the adjectives before it go into the
        # nominative in their own gender and number, the singular first
        (["Харківської", "ОВА"], "Харківська ОВА"),
        (["Київській", "МВА"], "Київська МВА"),
        (["Житомирського", "ТЦК"], "Житомирський ТЦК"),
        (["Одеським", "НПЗ"], "Одеський НПЗ"),
        (["Київських", "ТЦК"], "Київські ТЦК"),
        # what the dictionary declines goes the usual way
        (["Одеської", "ОДА"], "Одеська ОДА"),
        (["Головного", "управління", "ДФС"], "Головне управління ДФС"),
    ],
)
def test_adjectives_before_an_acronym_take_the_nominative(words: list[str], expected: str) -> None:
    assert noun_phrase_nominative(words, name_heads()) == expected
