# ruff: noqa: E501 -- one table row per line reads better than wrapped tuples
"""Ukrainian time expressions resolved against the publication date: a table of sentences.

Every sentence is written for this table (not taken from the evaluation data).  Unless a row
says otherwise, the article was published on Friday 2025-11-07.  Each expected expression is
``(text, value, end_value, relation, future)``.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from newsmodel.extract.dates import DateExpression, find_dates
from newsmodel.models import PartialDate

PUBLISHED = date(2025, 11, 7)

Expected = tuple[str, str, str | None, str, bool]

TABLE: list[tuple[str, list[Expected]]] = [
    # day and month, year-less: the latest such day not after publication
    ("Міністр 6 листопада прийняв делегацію.", [("6 листопада", "2025-11-06", None, "on", False)]),
    ("Зустріч відбулася 6-го листопада у Києві.", [("6-го листопада", "2025-11-06", None, "on", False)]),
    ("Документ підписали 06.11 увечері.", [("06.11", "2025-11-06", None, "on", False)]),
    ("Указ набрав чинності 7 листопада.", [("7 листопада", "2025-11-07", None, "on", False)]),
    ("Переговори тривали 20 листопада.", [("20 листопада", "2024-11-20", None, "on", False)]),
    ("Саміт відбудеться 20 листопада в Брюсселі.", [("20 листопада", "2025-11-20", None, "on", True)]),
    ("Про це повідомили 3 лист. у пресслужбі.", [("3 лист.", "2025-11-03", None, "on", False)]),
    ("6 ЛИСТОПАДА УДАРИ ТРИВАЛИ ДО РАНКУ.", [("6 ЛИСТОПАДА", "2025-11-06", None, "on", False)]),
    ("У понеділок, 3 листопада, уряд зібрався.", [("У понеділок, 3 листопада", "2025-11-03", None, "on", False)]),
    # months without a year: the latest such month not after publication
    ("Угоду обговорювали у червні.", [("у червні", "2025-06", None, "on", False)]),
    ("У листопаді ціни зросли.", [("У листопаді", "2025-11", None, "on", False)]),
    ("У грудні війська відійшли.", [("У грудні", "2024-12", None, "on", False)]),
    ("У грудні відбудеться саміт НАТО.", [("У грудні", "2025-12", None, "on", True)]),
    ("У грудні цього року уряд звітуватиме.", [("У грудні цього року", "2025-12", None, "on", True)]),
    ("Червень видався спекотним.", [("Червень", "2025-06", None, "on", False)]),
    ("Розвідка з вересня спостерігає за кордоном.", [("з вересня", "2025-09", None, "since", False)]),
    ("Удари тривали до березня.", [("до березня", "2025-03", None, "until", False)]),
    ("Парламент зібрався у лютому.", [("у лютому", "2025-02", None, "on", False)]),
    ("Стояв лютий мороз.", []),
    ("Він заявив у червні, що війська будуть направлені.", [("у червні", "2025-06", None, "on", False)]),
    # months and years
    ("Договір підписали у червні 2024 року в Пхеньяні.", [("у червні 2024 року", "2024-06", None, "on", False)]),
    ("Звіт оприлюднено червня 2024 р. у Женеві.", [("червня 2024 р.", "2024-06", None, "on", False)]),
    ("Колона вийшла в червні 2024-го.", [("в червні 2024-го", "2024-06", None, "on", False)]),
    ("З жовтня 2024 року КНДР надіслала війська.", [("З жовтня 2024 року", "2024-10", None, "since", False)]),
    ("Угода діяла до березня 2025 року.", [("до березня 2025 року", "2025-03", None, "until", False)]),
    ("Проєкт триватиме до березня 2026 року.", [("до березня 2026 року", "2026-03", None, "until", True)]),
    ("Це сталося у червні минулого року.", [("у червні минулого року", "2024-06", None, "on", False)]),
    ("Вибори призначили на 26 жовтня 2025 року.", [("на 26 жовтня 2025 року", "2025-10-26", None, "on", False)]),
    # ranges
    ("Навчання пройдуть з 1 по 5 березня.", [("з 1 по 5 березня", "2025-03-01", "2025-03-05", "between", False)]),
    ("Виставка працювала 1–5 березня.", [("1–5 березня", "2025-03-01", "2025-03-05", "between", False)]),
    ("Між 2020 і 2022 роками ціни подвоїлися.", [("Між 2020 і 2022 роками", "2020", "2022", "between", False)]),
    ("У 2023–2024 роках завод не працював.", [("У 2023–2024 роках", "2023", "2024", "between", False)]),
    ("Програма діяла з 2020 по 2022 рік.", [("з 2020 по 2022 рік", "2020", "2022", "between", False)]),
    ("Канікули тривали з 28 грудня до 3 січня 2024 року.",
     [("з 28 грудня до 3 січня 2024 року", "2023-12-28", "2024-01-03", "between", False)]),
    ("Обстріли не припинялися з березня по травень 2024 року.",
     [("з березня по травень 2024 року", "2024-03", "2024-05", "between", False)]),
    ("Ремонт тривав з 1 березня 2024 року по 5 квітня.",
     [("з 1 березня 2024 року по 5 квітня", "2024-03-01", "2024-04-05", "between", False)]),
    # relative to publication
    ("Минулого тижня делегація повернулася.", [("Минулого тижня", "2025-10-27", "2025-11-02", "on", False)]),
    ("Цього тижня уряд ухвалив рішення.", [("Цього тижня", "2025-11-03", "2025-11-09", "on", False)]),
    ("Наступного тижня почнуться консультації.", [("Наступного тижня", "2025-11-10", "2025-11-16", "on", True)]),
    ("Учора ввечері пролунали вибухи.", [("Учора", "2025-11-06", None, "on", False)]),
    ("Вчора відбулося засідання.", [("Вчора", "2025-11-06", None, "on", False)]),
    ("Сьогодні прем'єр виступив у Раді.", [("Сьогодні", "2025-11-07", None, "on", False)]),
    ("Позавчора суд виніс вирок.", [("Позавчора", "2025-11-05", None, "on", False)]),
    ("Завтра депутати розглянуть бюджет.", [("Завтра", "2025-11-08", None, "on", True)]),
    ("Про це він сказав у понеділок.", [("у понеділок", "2025-11-03", None, "on", False)]),
    ("У п’ятницю міністр прибув до Варшави.", [("У п’ятницю", "2025-11-07", None, "on", False)]),
    ("У п'ятницю відбудеться засідання.", [("У п'ятницю", "2025-11-07", None, "on", False)]),
    ("Минулої п’ятниці спікер зустрівся з послом.", [("Минулої п’ятниці", "2025-10-31", None, "on", False)]),
    ("Минулого року експорт упав.", [("Минулого року", "2024", None, "on", False)]),
    ("Цього року врожай більший.", [("Цього року", "2025", None, "on", False)]),
    ("Нинішнього року податки не зростуть.", [("Нинішнього року", "2025", None, "on", False)]),
    ("Торік завод зупинили.", [("Торік", "2024", None, "on", False)]),
    ("Минулого місяця банк знизив ставку.", [("Минулого місяця", "2025-10", None, "on", False)]),
    ("Наступного місяця ставку переглянуть.", [("Наступного місяця", "2025-12", None, "on", True)]),
    ("Наступного року уряд очікує зростання.", [("Наступного року", "2026", None, "on", True)]),
    ("У наступному році відкриють міст.", [("У наступному році", "2026", None, "on", True)]),
    ("Роботи завершать до кінця року.", [("до кінця року", "2025", None, "until", True)]),
    ("З початку року ціни зросли на 10%.", [("З початку року", "2025", None, "since", False)]),
    ("Три дні тому почалися дощі.", [("Три дні тому", "2025-11-04", None, "on", False)]),
    # numeric dates and years
    ("Постанова від 12.03.2024 набула чинності.", [("від 12.03.2024", "2024-03-12", None, "since", False)]),
    ("Рішення ухвалили 12.03.24 на сесії.", [("12.03.24", "2024-03-12", None, "on", False)]),
    ("Дата звіту: 2024-03-12.", [("2024-03-12", "2024-03-12", None, "on", False)]),
    ("Закон ухвалено в 2024 р. після дебатів.", [("в 2024 р.", "2024", None, "on", False)]),
    ("Виборів не було з 2019 року.", [("з 2019 року", "2019", None, "since", False)]),
    ("У 2024 році закупили дрони.", [("У 2024 році", "2024", None, "on", False)]),
    ("Аж до 2024-го завод працював.", [("Аж до 2024-го", "2024", None, "until", False)]),
    ("Наприкінці 2023 року почалася реформа.", [("Наприкінці 2023 року", "2023", None, "on", False)]),
    ("На початку березня ввели обмеження.", [("На початку березня", "2025-03", None, "on", False)]),
    ("У середині 2024 року курс стабілізувався.", [("У середині 2024 року", "2024", None, "on", False)]),
    ("Закон діятиме у 2026 році.", [("у 2026 році", "2026", None, "on", True)]),
    ("Місто відбудували у 2024, після звільнення.", [("у 2024", "2024", None, "on", False)]),
    # seasons
    ("Навесні почалася посівна.", [("Навесні", "2025-03", "2025-05", "on", False)]),
    ("Влітку мости відремонтували.", [("Влітку", "2025-06", "2025-08", "on", False)]),
    ("Восени ціни на газ зросли.", [("Восени", "2025-09", "2025-11", "on", False)]),
    ("Взимку енергосистема витримала удари.", [("Взимку", "2024-12", "2025-02", "on", False)]),
    ("Цієї зими очікують нових атак.", [("Цієї зими", "2025-12", "2026-02", "on", True)]),
    ("Влітку 2024 року ракети влучили в ТЕС.", [("Влітку 2024 року", "2024-06", "2024-08", "on", False)]),
    ("Арабська весна змінила регіон.", []),
    # decades
    ("У 1990-х роках завод занепав.", [("У 1990-х роках", "1990", "1999", "on", False)]),
    ("У 90-х такого не було.", []),
    # numbers that are not dates
    ("КНДР надіслала близько 15 тисяч військових.", []),
    ("До кордону стягнули 2000 військових.", []),
    ("Зустріч почалася о 14:00.", []),
    ("Наказ № 2024 підписано міністром.", []),
    ("За послугу сплатили 2024 гривні.", []),
    ("Телефон гарячої лінії 067 123 45 67.", []),
    ("Ціна зросла о 12.05 до 14.30 грн.", []),
    # invalid calendar dates are skipped
    ("Лист датовано 31 лютого.", []),
    ("У документі стоїть 30.02.2024.", []),
]


def _summary(found: list[DateExpression]) -> list[Expected]:
    return [
        (
            e.text,
            e.value.isoformat(),
            e.end_value.isoformat() if e.end_value is not None else None,
            e.relation,
            e.future,
        )
        for e in found
    ]


@pytest.mark.parametrize(("sentence", "expected"), TABLE, ids=[row[0][:40] for row in TABLE])
def test_sentence_table(sentence: str, expected: list[Expected]) -> None:
    """Each sentence yields exactly the expected expressions, resolved against 2025-11-07."""
    assert _summary(find_dates(sentence, PUBLISHED)) == expected


def test_table_has_at_least_sixty_sentences() -> None:
    """The brief asks for a table of at least 60 hand-written sentences."""
    assert len(TABLE) >= 60


def test_seed_like_paragraph_in_order() -> None:
    """A paragraph with several dates gives them in text order with explicit years flagged."""
    text = (
        "З жовтня 2024 року Північна Корея надіслала війська. У вересні розвідка заявила, "
        "що договір підписали у червні 2024 року, а 6 листопада відбулися переговори."
    )
    found = find_dates(text, PUBLISHED)
    assert [(e.text, str(e.value), e.explicit_year) for e in found] == [
        ("З жовтня 2024 року", "2024-10", True),
        ("У вересні", "2025-09", False),
        ("у червні 2024 року", "2024-06", True),
        ("6 листопада", "2025-11-06", False),
    ]
    for expression in found:
        assert text[expression.start : expression.end] == expression.text


@pytest.mark.parametrize(
    ("sentence", "published", "value"),
    [
        ("Засідання відбулося у грудні.", date(2026, 1, 15), "2025-12"),
        ("Засідання відбулося у січні.", date(2026, 1, 15), "2026-01"),
        ("Засідання відбулося 31 грудня.", date(2026, 1, 2), "2025-12-31"),
        ("Засідання відбулося 29 лютого.", date(2025, 11, 7), "2024-02-29"),
        ("Про це сказали у понеділок.", date(2025, 11, 10), "2025-11-10"),
        ("Про це сказали у неділю.", date(2025, 11, 10), "2025-11-09"),
        ("Минулого тижня ухвалили закон.", date(2025, 1, 1), "2024-12-23"),
        ("Минулого місяця ухвалили закон.", date(2025, 1, 20), "2024-12"),
        ("Взимку ухвалили закон.", date(2025, 1, 20), "2024-12"),
        ("Рішення ухвалили 12.03.99.", date(2025, 11, 7), "1999-03-12"),
    ],
)
def test_other_publication_dates(sentence: str, published: date, value: str) -> None:
    """Year-less and relative dates follow the publication date across year boundaries."""
    [found] = find_dates(sentence, published)
    assert found.value == PartialDate.parse(value)
    assert not found.future


def test_without_publication_date_only_written_years() -> None:
    """With no publication date, year-less and relative expressions are left out."""
    text = "Учора, 6 листопада, згадали договір, підписаний у червні 2024 року, і 12.03.2024."
    assert [e.text for e in find_dates(text, None)] == ["у червні 2024 року", "12.03.2024"]


def test_datetime_publication_is_read_as_its_day() -> None:
    """A publication date-time resolves like its calendar day."""
    [found] = find_dates("Учора ввечері", datetime(2025, 11, 7, 23, 30))
    assert found.value == PartialDate(2025, 11, 6)


def test_explicit_year_flag() -> None:
    """``explicit_year`` is true only when the year is written in digits."""
    found = find_dates("у червні 2024 року, у червні цього року, у червні", PUBLISHED)
    assert [e.explicit_year for e in found] == [True, False, False]


def test_longest_expression_wins() -> None:
    """A range is one expression, not a day and a month-with-year inside it."""
    found = find_dates("з 28 грудня до 3 січня 2024 року", PUBLISHED)
    assert len(found) == 1
    assert found[0].relation == "between"


def test_empty_and_dateless_text() -> None:
    """No dates, no expressions, no errors."""
    assert find_dates("", PUBLISHED) == []
    assert find_dates("Просто текст без дат.", PUBLISHED) == []
