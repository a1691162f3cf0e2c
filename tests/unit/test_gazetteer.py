"""The gazetteer: inflected names, adjectives and demonyms resolve to the right lexicon entry.

Every sentence here is written for these tests; none comes from evaluation data.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tokenize_uk import tokenize_words

from newsmodel.extract import gazetteer, lexicon_data
from newsmodel.extract.gazetteer import (
    LexiconEntry,
    LexiconMatch,
    adjective_entry,
    capital,
    demonym_entry,
    entries,
    entry,
    find_matches,
    organisation_head_words,
    organisation_heads,
    sentence_start_words,
    source_records,
    title_heads,
)
from newsmodel.models import PlaceKind
from tests.modules import load_module

ROOT = Path(__file__).resolve().parents[2]


def found(text: str) -> list[tuple[str, str, str]]:
    """(matched text, key, via) for every match in ``text``, tokenised like the recogniser."""
    tokens = tokenize_words(text)
    return [(" ".join(tokens[m.start : m.end]), m.entry.key, m.via) for m in find_matches(tokens)]


def keys(text: str) -> list[str]:
    return [key for _, key, _ in found(text)]


# --------------------------------------------------------------------------- inflected names

PLACES = [
    ("Переговори відбулися у Пхеньяні.", "Пхеньяні", "pyongyang"),
    ("Делегація прилетіла до Сеула.", "Сеула", "seoul"),
    ("Бої точаться в Курській області.", "Курській області", "kursk-oblast"),
    ("Війська вийшли з Курської області.", "Курської області", "kursk-oblast"),
    ("Ворог атакував Курською областю.", "Курською областю", "kursk-oblast"),
    ("Заява щодо Північної Кореї.", "Північної Кореї", "kp"),
    ("Посол у Північній Кореї.", "Північній Кореї", "kp"),
    ("Санкції проти КНДР посилять.", "КНДР", "kp"),
    ("Угода зі Сполученими Штатами Америки.", "Сполученими Штатами Америки", "us"),
    ("Він живе в Об'єднаних Арабських Еміратах.", "Об'єднаних Арабських Еміратах", "ae"),
    ("Ракета влучила у Суми вночі.", "Суми", "sumy"),
    ("Вибухи лунали в Сумах.", "Сумах", "sumy"),
    ("Оборона Покровська триває.", "Покровська", "pokrovsk"),
    ("Бої за Часів Яр не вщухають.", "Часів Яр", "chasiv-yar"),
    ("Ситуація в Кривому Розі стабільна.", "Кривому Розі", "kryvyi-rih"),
    ("Обстріл Кам'янця-Подільського.", "Кам'янця-Подільського", "kamianets-podilskyi"),
    ("Саміт у Нью-Йорку завершився.", "Нью-Йорку", "new-york"),
    ("Зустріч у Токіо відклали.", "Токіо", "tokyo"),
    ("Туман над Донбасом.", "Донбасом", "donbas"),
    ("Новини з Харківщини.", "Харківщини", "kharkiv-oblast"),
    ("Окупанти в Автономній Республіці Крим.", "Автономній Республіці Крим", "crimea"),
    ("Ескалація на Близькому Сході.", "Близькому Сході", "middle-east"),
    ("Вибух у Бєлгородській області.", "Бєлгородській області", "belgorod-oblast"),
    ("Гуманітарна допомога для Сектора Гази.", "Сектора Гази", "gaza-strip"),
    ("Бої у Покровському районі.", "Покровському районі", "pokrovsk-raion"),
    ("Обстріл Великої Новосілки.", "Великої Новосілки", "velyka-novosilka"),
]


@pytest.mark.parametrize(("sentence", "surface", "key"), PLACES)
def test_inflected_place_names_resolve(sentence: str, surface: str, key: str) -> None:
    """A place named in any grammatical case is found under its own key."""
    assert (surface, key, "name") in found(sentence)


ORGANISATIONS = [
    ("Засідання Ради безпеки ООН скликали.", "Ради безпеки ООН", "un-security-council"),
    ("Секретар Ради безпеки Росії прибув.", "Ради безпеки Росії", "ru-security-council"),
    ("Втрати Збройних сил Росії зростають.", "Збройних сил Росії", "ru-armed-forces"),
    ("Бійці Збройних сил України відбили атаку.", "Збройних сил України", "armed-forces-ua"),
    ("Про це повідомило агентство ЦТАК.", "ЦТАК", "kcna"),
    ("Законопроєкт у Верховній Раді.", "Верховній Раді", "verkhovna-rada"),
    ("Рішення ухвалили Кабміном.", "Кабміном", "cabinet-ua"),
    ("Заява Європейської комісії.", "Європейської комісії", "european-commission"),
    ("Зустріч у Державному департаменті США.", "Державному департаменті США", "state-department"),
    ("Як повідомляє Укрінформ, усе спокійно.", "Укрінформ", "ukrinform"),
    ("За даними Reuters, угоду підписано.", "Reuters", "reuters"),
    ("Вступ до НАТО обговорили.", "НАТО", "nato"),
    ("Представник МАГАТЕ відвідав станцію.", "МАГАТЕ", "iaea"),
    ("Як пише РІА Новини, це не так.", "РІА Новини", "ria-novosti"),
    ("Генштаб ЗСУ оновив дані.", "Генштаб ЗСУ", "general-staff-ua"),
]


@pytest.mark.parametrize(("sentence", "surface", "key"), ORGANISATIONS)
def test_inflected_organisation_names_resolve(sentence: str, surface: str, key: str) -> None:
    """Organisations are found whole, inflected, by name or acronym."""
    assert (surface, key, "name") in found(sentence)


ADJECTIVES_AND_DEMONYMS = [
    ("Загинули тисячі російських військових.", "російських", "ru", "adjective"),
    ("Північнокорейська влада мовчить.", "Північнокорейська", "kp", "adjective"),
    ("Американські посадовці заявили.", "Американські", "us", "adjective"),
    ("Українському війську потрібна зброя.", "Українському", "ua", "adjective"),
    ("Росіяни обстріляли місто.", "Росіяни", "ru", "demonym"),
    ("Північнокорейці воюють на боці Росії.", "Північнокорейці", "kp", "demonym"),
    ("Українців евакуювали.", "Українців", "ua", "demonym"),
    ("Зустріч з американцем.", "американцем", "us", "demonym"),
]


@pytest.mark.parametrize(("sentence", "surface", "key", "via"), ADJECTIVES_AND_DEMONYMS)
def test_adjectives_and_demonyms_match_in_any_form(
    sentence: str, surface: str, key: str, via: str
) -> None:
    """Adjectives and demonyms point to their country in any case, gender and number."""
    assert (surface, key, via) in found(sentence)


# --------------------------------------------------------------------------- matching rules


def test_longest_match_wins() -> None:
    """``Рада безпеки ООН`` is one organisation, not a council plus ``ООН``."""
    assert found("Рада безпеки ООН збереться.") == [
        ("Рада безпеки ООН", "un-security-council", "name")
    ]


def test_multiword_name_beats_its_adjective() -> None:
    """``Російська Федерація`` is the country by name, not the adjective ``російська``."""
    assert found("Російська Федерація погрожує.") == [("Російська Федерація", "ru", "name")]


def test_matches_never_overlap_and_are_ordered() -> None:
    """Matches come left to right and never share a token."""
    tokens = tokenize_words("Кабмін і МЗС України, Генштаб ЗСУ та Рада безпеки ООН у Києві.")
    matches = find_matches(tokens)
    assert [m.entry.key for m in matches] == [
        "cabinet-ua",
        "mfa-ua",
        "general-staff-ua",
        "un-security-council",
        "kyiv",
    ]
    for before, after in itertools.pairwise(matches):
        assert before.end <= after.start


@pytest.mark.parametrize(
    "sentence",
    [
        "Києвознавці зібралися.",
        "Римський папа виступив.",
        "Парижанка виграла турнір.",
        "Сумарні втрати зросли.",
        "Суматра постраждала від повені.",
    ],
)
def test_no_match_inside_ordinary_words(sentence: str) -> None:
    """A name never matches part of a longer word."""
    assert found(sentence) == []


def test_one_word_names_need_a_capital_letter() -> None:
    """``суми коштів`` are sums; ``Суми`` is the city."""
    assert found("Великі суми коштів витратили.") == []
    assert keys("Обстріл Сум триває.") == ["sumy"]


def test_lower_case_names_need_a_proper_noun_inside() -> None:
    """``міністерство оборони України`` is the ministry; a ``червоний хрест`` is a drawing."""
    assert keys("Намалював червоний хрест на дверях.") == []
    assert keys("Волонтери Червоного Хреста приїхали.") == ["red-cross"]
    assert keys("Як заявили в міністерстві оборони України, все гаразд.") == ["mod-ua"]


def test_acronyms_match_only_as_written() -> None:
    """``США`` is the country; ``сша`` in running text is not taken for it."""
    assert keys("Делегація США прибула.") == ["us"]
    assert keys("делегація сша прибула") == []


def test_ambiguous_names_do_not_match_at_a_sentence_start() -> None:
    """``Малі`` opening a sentence is the adjective; inside a sentence it is the country."""
    assert found("Малі діти гралися.") == []
    assert keys("Переворот у Малі стався вночі.") == ["ml"]
    assert found("Досі невідомо, хто стріляв.") == []
    assert keys("Переговори у Досі тривають.") == ["doha"]


def test_names_that_are_also_first_names_are_not_matched_alone() -> None:
    """``Софія`` is more often a woman than Bulgaria's capital."""
    assert found("Софія Іваненко виступила.") == []
    assert entry("sofia").name == "Софія"


@pytest.mark.parametrize("apostrophe", ["'", "’", "ʼ"])
def test_apostrophe_variants_are_one(apostrophe: str) -> None:
    """``Куп’янськ`` matches however the apostrophe is typed."""
    assert keys(f"Бої біля Куп{apostrophe}янська.") == ["kupiansk"]
    assert keys(f"Обстріл Слов{apostrophe}янська.") == ["sloviansk"]


def test_bare_names_yield_to_an_attached_country() -> None:
    """``МЗС`` alone is Ukraine's ministry; ``МЗС Китаю`` and ``російське Міноборони`` are not."""
    assert keys("МЗС заявило протест.") == ["mfa-ua"]
    assert keys("МЗС Китаю заявило протест.") == ["cn"]
    assert keys("Російське Міноборони бреше.") == ["ru"]
    assert keys("Міноборони Китаю мовчить.") == ["cn"]
    assert keys("Міноборони КНДР мовчить.") == ["kp-mod"]


def test_adjective_like_forms_yield_to_the_noun_they_modify() -> None:
    """``Донецька`` names the city, except where it modifies a name (``Донецька ОВА``)."""
    assert keys("Обстріл Донецька триває.") == ["donetsk"]
    assert keys("Донецька ОВА повідомила.") == []
    assert keys("Покровська міська рада заявила.") == []


def test_adjective_like_forms_after_a_first_name_are_surnames() -> None:
    """``Богдана Хмельницького`` is a man; ``у Хмельницькому`` and ``Мер Кропивницького`` a city."""
    assert keys("Вулиця Богдана Хмельницького довга.") == []
    assert keys("Вибух у Хмельницькому чули всі.") == ["khmelnytskyi"]
    assert keys("Мер Кропивницького заявив.") == ["kropyvnytskyi"]
    assert keys("Тоді Б . Хмельницький рушив на захід.") == []


def test_empty_and_punctuation_only_input() -> None:
    """Nothing to find is an empty list, not an error."""
    assert find_matches([]) == []
    assert find_matches([".", ",", "«", "»"]) == []


@given(st.lists(st.text(max_size=12), max_size=30))
def test_matches_are_in_bounds_and_disjoint(tokens: list[str]) -> None:
    """For any tokens, matches lie inside the sequence, in order, without overlap."""
    matches = find_matches(tokens)
    position = 0
    for match in matches:
        assert isinstance(match, LexiconMatch)
        assert position <= match.start < match.end <= len(tokens)
        position = match.end


# --------------------------------------------------------------------------- lookups


def test_entry_lookup_and_unknown_key() -> None:
    """``entry`` returns the record by key; an unknown key is a KeyError naming it."""
    korea = entry("kp")
    assert korea == LexiconEntry(
        key="kp",
        type="place",
        kind="country",
        name="КНДР",
        alternate_names=korea.alternate_names,
        country=None,
        parent=None,
    )
    assert {"Північна Корея", "Корейська Народно-Демократична Республіка"} <= set(
        korea.alternate_names
    )
    with pytest.raises(KeyError, match="no-such-key"):
        entry("no-such-key")


def test_adjective_demonym_and_capital_lookups() -> None:
    """Adjective and demonym lemmas name their country; countries know their capital."""
    assert adjective_entry("російський") == entry("ru")
    assert adjective_entry("північнокорейський") == entry("kp")
    assert adjective_entry("зелений") is None
    assert demonym_entry("росіянин") == entry("ru")
    assert demonym_entry("українка") == entry("ua")
    assert adjective_entry("Російських") == entry("ru")
    assert demonym_entry("північнокорейці") == entry("kp")
    assert demonym_entry("кияни") == entry("kyiv")
    assert demonym_entry("Росія") is None
    assert capital("kp") == entry("pyongyang")
    assert capital("ua") == entry("kyiv")
    assert capital("sg") is None


def test_head_word_lists() -> None:
    """Title and organisation heads are lemma sets for the roles and entities recognisers."""
    assert {"міністр", "заступник", "посол", "секретар", "речник", "очільник"} <= title_heads()
    assert "прем'єр-міністр" in title_heads()
    assert {"міністерство", "рада", "служба", "збройні сили"} <= organisation_heads()
    assert "міністр" not in organisation_heads()
    flags = {head.lemma: head.needs_modifier for head in organisation_head_words()}
    assert flags["служба"] is True
    assert flags["уряд"] is False
    assert "також" in sentence_start_words()


def test_loading_is_cached() -> None:
    """The index is built once per process, however often it is used."""
    gazetteer._index.cache_clear()
    find_matches(["Київ"])
    find_matches(["Львів"])
    entries()
    entry("ua")
    info = gazetteer._index.cache_info()
    assert (info.misses, info.hits) == (1, 3)


# --------------------------------------------------------------------------- data integrity


def test_keys_are_unique_slugs() -> None:
    """Keys are stable lower-case ASCII slugs, one per entry."""
    all_keys = [item.key for item in entries()]
    assert len(all_keys) == len(set(all_keys))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", key) for key in all_keys)


def test_every_reference_points_to_a_fitting_entry() -> None:
    """Countries, parents and capitals refer to existing entries of the right type."""
    known = {item.key: item for item in entries()}
    for item in entries():
        if item.type == "place":
            assert item.kind in set(PlaceKind)
            assert item.parent is None
        if item.country is not None:
            assert known[item.country].kind == "country", item.key
        if item.parent is not None:
            assert known[item.parent].type == "organisation", item.key
        if item.kind == "country":
            assert item.country is None
            city = capital(item.key)
            assert city is None or (city.kind == "city" and city.country == item.key), item.key


def test_the_world_is_covered() -> None:
    """All 193 UN members and the often-reported others; all of Ukraine's regions."""
    countries = [item for item in entries() if item.kind == "country"]
    assert len(countries) >= 197
    assert {"tw", "xk", "ps", "va"} <= {item.key for item in countries}
    ukrainian_regions = [i for i in entries() if i.kind == "region" and i.country == "ua"]
    oblasts = [i for i in ukrainian_regions if i.name.endswith("область")]
    assert len(oblasts) == 24
    assert entry("crimea").kind == "region"
    assert entry("kyiv").kind == entry("sevastopol").kind == "city"


# Capitals named like their country: the country is the reading a news text means.
SHADOWED = {"algiers", "djibouti-city", "guatemala-city", "luxembourg-city", "panama-city",
            "san-marino-city", "tunis-city"}  # fmt: skip


def test_every_name_finds_its_own_entry() -> None:
    """Each name and alternate name, written as in the data, matches its entry whole."""
    failures = []
    for record in source_records():
        if record.entry.key in SHADOWED:
            continue
        for name in (record.entry.name, *record.entry.alternate_names):
            if "unmatched" in record.flags and len(tokenize_words(name)) == 1:
                continue
            tokens = ["у", *tokenize_words(name), "."]
            matches = find_matches(tokens)
            if (record.entry.key, 1, len(tokens) - 1) not in {
                (m.entry.key, m.start, m.end) for m in matches
            }:
                failures.append((record.entry.key, name))
    assert failures == []


def test_data_files_are_sorted_by_key() -> None:
    """One entry per line, sorted, so a reviewer sees additions where they belong."""
    lexicon = ROOT / "src" / "newsmodel" / "extract" / "lexicon"
    for name in gazetteer.SOURCE_FILES:
        lines = [
            line
            for line in (lexicon / name).read_text(encoding="utf-8").splitlines()[1:]
            if line and not line.startswith("#")
        ]
        file_keys = [line.split("\t", 1)[0] for line in lines]
        assert file_keys == sorted(file_keys), name


def test_duplicate_keys_are_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    """A key defined twice is a data error naming the key."""
    header = "key\tkind\tcountry\tname\talternates\n"
    files = dict.fromkeys(gazetteer.SOURCE_FILES, header)
    files["places_cities.tsv"] += "lviv\tcity\t\tЛьвів\nlviv\tcity\t\tЛьвів\n"
    monkeypatch.setattr(lexicon_data, "read", files.__getitem__)
    with pytest.raises(ValueError, match="'lviv' is defined twice"):
        source_records.__wrapped__()


def test_bad_rows_are_rejected_with_their_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bad kind or key is reported with its file and line."""
    header = "key\tkind\tcountry\tname\n"
    files = dict.fromkeys(gazetteer.SOURCE_FILES, header)
    files["places_cities.tsv"] += "lviv\ttown\t\tЛьвів\n"
    monkeypatch.setattr(lexicon_data, "read", files.__getitem__)
    with pytest.raises(ValueError, match=r"places_cities.tsv:2: kind 'town'"):
        source_records.__wrapped__()
    files["places_cities.tsv"] = header + "Lviv\tcity\t\tЛьвів\n"
    with pytest.raises(ValueError, match="lower-case ASCII slug"):
        source_records.__wrapped__()


def _builder() -> ModuleType:
    return load_module("build_lexicon_forms", ROOT / "tools" / "build_lexicon_forms.py")


def test_forms_file_is_current() -> None:
    """forms.tsv is what tools/build_lexicon_forms.py makes from today's data files."""
    committed = (ROOT / "src" / "newsmodel" / "extract" / "lexicon" / "forms.tsv").read_text(
        encoding="utf-8"
    )
    assert f"# sources-sha256: {gazetteer.sources_digest()}" in committed, (
        "a lexicon data file changed: run python tools/build_lexicon_forms.py"
    )
    assert committed == _builder().build(), "forms.tsv is stale: run tools/build_lexicon_forms.py"


def test_the_abbreviation_table_is_data_with_two_kinds() -> None:
    from newsmodel.extract.gazetteer import abbreviations

    table = abbreviations()
    assert table["РДА"] == "institution"
    assert table["ЗМІ"] == "thing"
    assert set(table.values()) == {"institution", "thing"}
    assert all(key == key.upper() and " " not in key for key in table)
