"""People, organisations and places: found, typed, named in the nominative, merged per text."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from newsmodel import parse_text
from newsmodel.extract.entities import RuleRecognizer
from newsmodel.extract.recognizer import EntitySpan, Recognizer
from newsmodel.extract.tokens import Token, tokenize
from newsmodel.models import Article


def _spans(text: str) -> list[tuple[str, str]]:
    return [
        (s.label, text[s.start : s.end]) for s in RuleRecognizer().recognise(text, tokenize(text))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Суд стягнув з ТОВ «ЛБК «Наш Дом» кошти.", ("ORG", "ТОВ «ЛБК «Наш Дом»")),
        (
            "Про це повідомила Державна служба статистики України.",
            ("ORG", "Державна служба статистики України"),
        ),
        ("Мешканці вул. Горького скаржаться.", ("LOC", "вул. Горького")),
        ("Указ підписав В. Ющенко у Києві.", ("PERS", "В. Ющенко")),
        ("Засідання відбулося у Пхеньяні.", ("LOC", "Пхеньяні")),
        ("Як повідомляє СБУ, затримано двох людей.", ("ORG", "СБУ")),
        ("Депутати Київради ухвалили рішення.", ("ORG", "Київради")),
        ("Про це повідомив Мінюст.", ("ORG", "Мінюст")),
        (
            "Рішення ухвалив Департамент економіки та інвестицій мерії Києва.",
            ("ORG", "Департамент економіки та інвестицій мерії Києва"),
        ),
    ],
)
def test_spans(text: str, expected: tuple[str, str]) -> None:
    assert expected in _spans(text)


@pytest.mark.parametrize(
    "text",
    [
        "Переговори пройшли у дружній обстановці.",
        "Законом передбачено штраф, а ЗМІ про це писали.",
        "«Ми готові до переговорів», — сказав він.",
    ],
)
def test_no_entities_from_common_words(text: str) -> None:
    assert _spans(text) == []


def test_mentions_of_one_person_are_merged_across_forms_and_spellings() -> None:
    article = parse_text(
        "Делегацію очолив Віктор Горемикін. Пізніше Горемікін зустрівся з колегами, "
        "а Горемикіна привітали."
    )
    assert [p.name for p in article.persons] == ["Віктор Горемикін"]
    assert len(article.persons[0].mentions) == 3


def test_places_are_one_per_real_place_with_kind() -> None:
    article = parse_text("КНДР відправила війська. Північна Корея підтвердила це у Пхеньяні.")
    names = {p.name: p for p in article.places}
    assert "Пхеньян" in names
    assert names["Пхеньян"].kind == "city"
    korea = [p for p in article.places if p.kind == "country"]
    assert len(korea) == 1
    assert len(korea[0].mentions) == 2


def test_acronym_in_brackets_is_the_same_organisation() -> None:
    article = parse_text(
        "Південнокорейська розвідка (NIS) повідомила про це. NIS не уточнила деталей."
    )
    orgs = [o for o in article.organisations if "NIS" in o.alternate_names]
    assert len(orgs) == 1
    assert orgs[0].name == "Південнокорейська розвідка"
    assert len(orgs[0].mentions) == 3


def test_organisation_parent_from_its_name() -> None:
    article = parse_text(
        "Участь взяв заступник начальника Головного політичного управління Корейської народної "
        "армії Пак Єн Іль."
    )
    child = next(o for o in article.organisations if o.name.startswith("Головне"))
    parent = article.get(child.parent or "")
    assert parent is not None
    assert parent.name == "Корейська народна армія"


def test_ids_are_readable_and_stable() -> None:
    text = "Президент Росії Володимир Путін прибув до Пхеньяна."
    first, second = parse_text(text), parse_text(text)
    assert (
        [p.id for p in first.persons]
        == [p.id for p in second.persons]
        == ["person-volodymyr-putin"]
    )


class _Everything:
    """A user's recogniser: one person span over the first word."""

    def recognise(self, text: str, tokens: Sequence[Token]) -> list[EntitySpan]:
        first = tokens[0]
        return [EntitySpan(first.start, first.end, "PERS", first_token=0, last_token=0)]


def test_a_user_recogniser_plugs_into_the_pipeline() -> None:
    from newsmodel.extract.assemble import extract_entities

    recogniser: Recognizer = _Everything()
    found = extract_entities("Тарас прийшов додому.", None, recogniser)
    assert [p["name"] for p in found["persons"]] == ["Тарас"]


def test_text_that_is_not_ukrainian_gets_a_warning_and_no_entities() -> None:
    article: Article = parse_text(
        "The President of France met the German Chancellor in Paris today."
    )
    assert article.language == "en"
    assert not article.persons
    assert not article.places
    assert not article.organisations
    assert any("Ukrainian" in w for w in article.provenance.warnings)


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        # a known body's name goes on over the country and region it serves
        ("Рятувальники ДСНС України прибули на місце.", ("ORG", "ДСНС України"), "України"),
        (
            "Керівник ДСНС України у Вінницькій області доповів.",
            ("ORG", "ДСНС України у Вінницькій області"),
            "Вінницькій області",
        ),
        ("Наказ видав Держстандарт України.", ("ORG", "Держстандарт України"), "України"),
        # landmarks and quoted names after a place word are places
        ("Концерт відбувся у Софійському соборі.", ("LOC", "Софійському соборі"), None),
        ("Туристи оглянули руїни Олеського замку.", ("LOC", "Олеського замку"), None),
        ("Матч пройшов на стадіоні «Зеніт».", ("LOC", "Зеніт"), None),
        ("Вони працювали в урочищі «Глибока балка».", ("LOC", "Глибока балка"), None),
        # a name in apposition to a river, mountain or lake word is that place
        ("Село стоїть на березі річки Ворскли.", ("LOC", "Ворскли"), None),
        ("Ми піднялися на гору Піп Іван.", ("LOC", "Піп Іван"), None),
        # a common word before a known place is not part of its name
        ("Пам'ятник стоїть у центрі Харкова.", ("LOC", "Харкова"), "центрі Харкова"),
        ("Діти гралися в парку Партизанської Слави.", ("LOC", "парку Партизанської Слави"), None),
        # historical states are places
        ("Він народився в СРСР.", ("LOC", "СРСР"), None),
        ("Після розпаду Радянського Союзу.", ("LOC", "Радянського Союзу"), None),
    ],
)
def test_places_and_bodies(text: str, expected: tuple[str, str], absent: str | None) -> None:
    spans = _spans(text)
    assert expected in spans
    if absent is not None:
        assert ("LOC", absent) not in spans


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Це передбачено статтею 12 Податкового кодексу України.", "України"),
        ("Суд послався на норми Конституції та законам України.", "України"),
        ("На медалі зображено малий Державний Герб України.", "України"),
        ("Набув чинності Закон «Про освіту в Україні».", "Україні"),
    ],
)
def test_a_place_inside_a_document_name_is_no_mention(text: str, place: str) -> None:
    assert ("LOC", place) not in _spans(text)


def test_a_shared_place_elsewhere_is_still_found() -> None:
    spans = _spans("Закон «Про освіту в Україні» діє. Він живе в Україні.")
    assert spans.count(("LOC", "Україні")) == 1


def test_the_spelling_written_in_the_nominative_is_the_name() -> None:
    article = parse_text(
        "Уряд привітав делегацію на чолі з Петром Семікіним. Згодом Семикін виступив."
    )
    (person,) = article.persons
    assert person.name == "Петро Семикін"
    assert "Петро Семікін" in person.alternate_names


def test_the_head_of_a_national_delegation_has_its_nationality() -> None:
    article = parse_text(
        "До Києва прибула делегація польських депутатів на чолі з віце-спікером Анною Ковальською."
    )
    (person,) = article.persons
    assert person.nationality is not None
    assert article.get(person.nationality).name == "Польща"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    ["Йому вручили орден «Знак пошани».", "Вона прочитала роман «Тиха вода»."],
)
def test_a_quoted_title_of_a_work_or_award_is_no_organisation(text: str) -> None:
    assert not [label for label, _ in _spans(text) if label == "ORG"]


def test_a_place_lists_the_other_names_the_text_uses_for_it() -> None:
    """`КНДР` and, inflected, `Північної Кореї` in one text: one place, both names listed."""
    from newsmodel import parse_text

    article = parse_text(
        "date 2025-11-07 Делегація прибула до КНДР. Влада Північної Кореї підтвердила це."
    )
    [korea] = [place for place in article.places if place.name == "КНДР"]
    assert "Північна Корея" in korea.alternate_names


def test_an_alias_is_attested_only_by_the_same_words_inflected() -> None:
    from newsmodel.extract.coreference import attested_alias
    from newsmodel.extract.gazetteer import entry

    korea = entry("kp")
    assert attested_alias(korea, "Північної Кореї") == "Північна Корея"
    assert attested_alias(korea, "КНДР") == "КНДР"
    assert attested_alias(korea, "Південної Кореї") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # plural street words name no street: the place after them, or each listed street
        ("Протестувальники вийшли на вулицях Києва.", [("LOC", "Києва")]),
        (
            "Ремонт вулиць Космонавтів і Турбінної почнеться влітку.",
            [("LOC", "Космонавтів"), ("LOC", "Турбінної")],
        ),
        (
            "Мешканці вул. Горького та Соборної скаржаться.",
            [("LOC", "вул. Горького"), ("LOC", "Соборної")],
        ),
        # "р." after a year is "року": no river, and the next word starts a sentence
        ("Рішення від 29.01.2008 р. Правильність цих рішень ніхто не оскаржив.", []),
        ("Він переплив р. Дністер.", [("LOC", "р. Дністер")]),
    ],
)
def test_street_words_and_year_abbreviations(text: str, expected: list[tuple[str, str]]) -> None:
    assert [span for span in _spans(text) if span[0] == "LOC"] == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # an adjective that can also be a noun ("медова", "старий") still names a place with
        # the capitalised noun it agrees with
        ("Ми гуляли біля Медової Печери вчора.", "Медова Печера"),
        ("Він жив біля Старого Ринку у Львові.", "Старий Ринок"),
        # a capitalised genitive noun after a place word is part of its name
        ("Протест на Майдані Незалежності тривав довго.", "Майдан Незалежності"),
    ],
)
def test_multiword_place_names_are_one_place(text: str, name: str) -> None:
    article = parse_text(text)
    assert name in [place.name for place in article.places]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Науковці НАН України провели дослідження.", [("ORG", "НАН України")]),
        ("Військові ЗС України відбили атаку.", [("ORG", "ЗС України")]),
        # the media of a country are no institution: the country alone is named
        ("Про це пишуть ЗМІ Росії.", [("LOC", "Росії")]),
        # a preposition or conjunction in a headline in capitals is no abbreviation
        ("ПРЕЗИДЕНТ ПРИБУВ ДО УКРАЇНИ.", [("LOC", "УКРАЇНИ")]),
        ("Санкції ПРОТИ Росії посилено.", [("LOC", "Росії")]),
    ],
)
def test_a_dictionary_abbreviation_before_a_country_is_its_institution(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _spans(text) == expected


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a town, then the region or district it lies in: two places, not one
        ("Завод в Алчевську Луганської області закрили.", ["Алчевськ", "Луганська область"]),
        (
            "Він народився в селі Олексіївка Перевальського району.",
            ["Олексіївка", "Перевальський район"],
        ),
        ("Мешканці Новоазовська, Донецької області, виїхали.", ["Новоазовськ", "Донецька область"]),
        # coordinated regions with their shared head are one place each
        (
            "У Хмельницькій, Тернопільській та Рівненській областях похолодає.",
            ["Хмельницька область", "Тернопільська область", "Рівненська область"],
        ),
    ],
)
def test_a_town_and_its_region_are_two_places(text: str, names: list[str]) -> None:
    assert [place.name for place in parse_text(text).places] == names


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        (
            "Він народився в селі Олексіївка Перевальського району.",
            {"Олексіївка": "settlement", "Перевальський район": "district"},
        ),
        (
            "Жителі м. Жовква та с. Ставрове скаржаться.",
            {"Жовква": "city", "Ставрове": "settlement"},
        ),
    ],
)
def test_the_settlement_word_or_head_gives_a_place_its_kind(
    text: str, kinds: dict[str, str]
) -> None:
    found = {
        place.name: place.kind.value if place.kind else None for place in parse_text(text).places
    }
    assert found == kinds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an institution's abbreviation names it on its own
        ("Вчора РДА передала ділянку громаді.", [("ORG", "РДА")]),
        ("Голова ОСББ звернувся до суду.", [("ORG", "ОСББ")]),
        # abbreviations of common things name nothing
        ("Вкажіть ПІБ та ІПН у заяві.", []),
        ("Дані зберігаються на ЕОМ.", []),
    ],
)
def test_abbreviations_of_institutions_and_of_things(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _spans(text) == expected


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # streets after a plural street word are named as streets, the genitive kept
        ("Ремонт вулиць Шевченка і Франка почнеться.", ["вулиця Шевченка", "вулиця Франка"]),
        ("Мешканці вул. Горького та Соборної скаржаться.", ["вул. Горького", "вул. Соборна"]),
        # an adjective street name is put in the nominative, agreeing with the street word
        (
            "Мешканці вул. Горького, Київській та Одеській скаржаться.",
            ["вул. Горького", "вул. Київська", "вул. Одеська"],
        ),
        # a colon may stand between the plural street word and its list
        (
            "Воду відключать на вулицях: Різдвяна, Орджонікідзе.",
            ["вулиця Різдвяна", "вулиця Орджонікідзе"],
        ),
        # known places after "на вулицях" stay places, each with its lexicon name
        ("Протест на вулицях Києва та Львова тривав.", ["Київ", "Львів"]),
        # a document word before a region is no town
        ("У Статуті Львівської області є пункт.", []),
    ],
)
def test_street_lists_are_named_as_streets(text: str, names: list[str]) -> None:
    assert [place.name for place in parse_text(text).places] == names


@pytest.mark.parametrize(
    "text",
    [
        "Використовували однакові IP-адреси для завантаження.",
        "Він звірив точку за GPS-навігатором сам.",
    ],
)
def test_a_latin_prefix_on_a_common_noun_names_nobody(text: str) -> None:
    assert _spans(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Він придбав Toyota Land Cruiser 150 Prado за мільйон.", []),
        ("Фірма поставить авто Skoda Superb 1,8.", []),
        (
            "Офшор Fusilero Enterprises Limited володіє акціями.",
            [("ORG", "Fusilero Enterprises Limited")],
        ),
        (
            "Про це заявив Donald Trump у Вашингтоні.",
            [("PERS", "Donald Trump"), ("LOC", "Вашингтоні")],
        ),
        # a brand with a company word is the company; a date after a company is no part of it
        (
            "Завод відкриє Hyundai Motor Company у Києві.",
            [("ORG", "Hyundai Motor Company"), ("LOC", "Києві")],
        ),
        ("Кошти пішли на рахунок Limpieza Limited 15 березня.", [("ORG", "Limpieza Limited")]),
    ],
)
def test_latin_runs_products_companies_and_people(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _spans(text) == expected
