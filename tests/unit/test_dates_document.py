# ruff: noqa: E501 -- one table row per line reads better than wrapped tuples
"""Dates read with the annotated document: the clause's verb, references to the date just
mentioned, and where each expression stands.

Every sentence is written for these tables (not taken from the evaluation data).  The article
was published on Friday 2025-11-07.
"""

from __future__ import annotations

from datetime import date

import pytest

from newsmodel.extract.dates import DateExpression, annotate_dates, find_dates
from newsmodel.extract.document import Document

PUBLISHED = date(2025, 11, 7)


def _found(text: str) -> list[DateExpression]:
    return find_dates(text, PUBLISHED, Document.from_text(text))


def _values(text: str) -> list[tuple[str, str]]:
    return [(e.text, str(e.value)) for e in _found(text)]


TENSE: list[tuple[str, list[tuple[str, str]]]] = [
    # a perfective future looks like a present: only the morphology tells it is still to come
    ("Апеляційний суд розгляне скаргу 3 березня.", [("3 березня", "2026-03-03")]),
    ("Скаргу розглянуть 3 березня.", [("3 березня", "2026-03-03")]),
    ("Прем'єр прилетить 14 квітня до Варшави.", [("14 квітня", "2026-04-14")]),
    ("Торги завершаться у лютому.", [("у лютому", "2026-02")]),
    ("Нова лінія метро запрацює 1 вересня.", [("1 вересня", "2026-09-01")]),
    # present tense of intention with an infinitive, and impersonal plans
    ("Засідання має пройти 20 листопада.", [("20 листопада", "2025-11-20")]),
    ("Компанія збирається викупити акції у березні.", [("у березні", "2026-03")]),
    ("Міністерство планує оголосити тендер 15 лютого.", [("15 лютого", "2026-02-15")]),
    ("Підписання очікується 2 грудня.", [("2 грудня", "2025-12-02")]),
    ("Засідання заплановано на 20 листопада, повідомив суд.", [("на 20 листопада", "2025-11-20")]),
    # the past goes back, even when a future word stands in the clause
    ("Суд розглянув скаргу 3 березня.", [("3 березня", "2025-03-03")]),
    ("Засідання планували провести 15 лютого.", [("15 лютого", "2025-02-15")]),
    ("20 листопада депутати проголосували за бюджет.", [("20 листопада", "2024-11-20")]),
    ("Засідання було заплановано на 20 листопада.", [("на 20 листопада", "2024-11-20")]),
    # each clause has its own verb
    (
        "Він заявив у червні, що суд розгляне справу 3 березня.",
        [("у червні", "2025-06"), ("3 березня", "2026-03-03")],
    ),
    (
        "3 березня суд відклав справу, яку розглянуть у квітні.",
        [("3 березня", "2025-03-03"), ("у квітні", "2026-04")],
    ),
    # weekdays: the latest one for the past, the next one for the future
    ("У понеділок суд розглянув справу.", [("У понеділок", "2025-11-03")]),
    ("У понеділок суд розгляне справу.", [("У понеділок", "2025-11-10")]),
    ("У середу делегація прибуде до Берліна.", [("У середу", "2025-11-12")]),
    # a parenthetical verb beyond a comma does not decide; a guessed reading of an unknown word is no verb
    ("Нагадаємо, 2 липня комісія розпочала перевірку.", [("2 липня", "2025-07-02")]),
    ("Суд розгляне скаргу 3 березня, повідомили в суді.", [("3 березня", "2026-03-03")]),
    # present tense without intention, or no verb at all: the word list decides, as without a document
    ("У грудні відбудеться саміт.", [("У грудні", "2025-12")]),
    ("Саміт у грудні.", [("у грудні", "2024-12")]),
]


@pytest.mark.parametrize(("text", "expected"), TENSE, ids=[row[0] for row in TENSE])
def test_the_clause_verb_decides_past_or_future(text: str, expected: list[tuple[str, str]]) -> None:
    """A year-less date is the next one in a future clause and the latest one in a past one."""
    assert _values(text) == expected


def test_without_the_document_a_perfective_future_is_still_past() -> None:
    """The old call keeps its behaviour: the text-window word list cannot see ``розгляне``."""
    assert [str(e.value) for e in find_dates("Суд розгляне скаргу 3 березня.", PUBLISHED)] == [
        "2025-03-03"
    ]


REFERENCES: list[tuple[str, list[tuple[str, str, bool]]]] = [
    (
        "Засідання відбулося 3 листопада. Наступного дня суд ухвалив вирок.",
        [("3 листопада", "2025-11-03", False), ("Наступного дня", "2025-11-04", True)],
    ),
    (
        "Вибух пролунав 5 листопада. Того ж дня поліція відкрила справу.",
        [("5 листопада", "2025-11-05", False), ("Того ж дня", "2025-11-05", True)],
    ),
    (
        "Вчора банк знизив ставку. Того ж дня гривня подешевшала.",
        [("Вчора", "2025-11-06", False), ("Того ж дня", "2025-11-06", True)],
    ),
    (
        "Компанію продали 12 травня 2023 року. Того ж року її директор пішов у відставку.",
        [("12 травня 2023 року", "2023-05-12", False), ("Того ж року", "2023", True)],
    ),
    (
        "У 2019 році завод закрили. Тоді ж його власник виїхав.",
        [("У 2019 році", "2019", False), ("Тоді ж", "2019", True)],
    ),
    (
        "Переговори почалися 4 листопада. Тоді сторони домовилися про обмін.",
        [("4 листопада", "2025-11-04", False), ("Тоді", "2025-11-04", True)],
    ),
    (
        "Засідання тривало з 1 по 3 листопада, а наступного дня суд оголосив вирок.",
        [("з 1 по 3 листопада", "2025-11-01", False), ("наступного дня", "2025-11-04", True)],
    ),
    # a day after a month keeps the month: the text gives no more
    (
        "Обшуки провели у березні. Наступного дня затримали посадовця.",
        [("у березні", "2025-03", False), ("Наступного дня", "2025-03", True)],
    ),
    (
        "Вибори відбулися 5 жовтня. Напередодні кандидати провели дебати.",
        [("5 жовтня", "2025-10-05", False), ("Напередодні", "2025-10-04", True)],
    ),
    # without an earlier date: "напередодні" is the eve of publication, the others name no date
    ("Напередодні прем'єр заявив про відставку.", [("Напередодні", "2025-11-06", False)]),
    ("Напередодні його затримали на кордоні.", [("Напередодні", "2025-11-06", False)]),
    ("Того ж дня прокурор подав скаргу.", []),
    ("Наступного дня суд ухвалив вирок.", []),
    # an earlier date too far back is not borrowed
    (
        "Засідання відбулося 3 листопада. Суд заслухав свідків. Адвокати подали клопотання. Наступного дня суд ухвалив вирок.",
        [("3 листопада", "2025-11-03", False)],
    ),
    # a month or day "того ж року", "у тому ж році": the earlier date's year
    (
        "Фірму зареєстрували 5 березня 2010 року. Протягом грудня того ж року фірма отримала кредит.",
        [
            ("5 березня 2010 року", "2010-03-05", False),
            ("Протягом грудня того ж року", "2010-12", True),
        ],
    ),
    (
        "Ділянку купили у 2009 році. У тому ж році її продали.",
        [("у 2009 році", "2009", False), ("У тому ж році", "2009", True)],
    ),
    (
        "Завод закрили 3 травня 2016 року, а 29 лютого того ж року звільнили працівників.",
        [
            ("3 травня 2016 року", "2016-05-03", False),
            ("29 лютого того ж року", "2016-02-29", True),
        ],
    ),
    ("У грудні того ж року суд закрив справу.", []),
    # "того ж року" may reach over one sentence in between; "тоді" and "напередодні" may not
    (
        "У 2012 році фірму зареєстрували. Офіс був у Львові. У тому ж році фірма отримала ліцензію.",
        [("У 2012 році", "2012", False), ("У тому ж році", "2012", True)],
    ),
    (
        "Вибори відбулися 5 жовтня. Явка була низькою. Напередодні кандидати провели дебати.",
        [("5 жовтня", "2025-10-05", False), ("Напередодні", "2025-11-06", False)],
    ),
    (
        "Договір підписали у червні 2024 року. Він діяв рік. Тоді міста були захоплені.",
        [("у червні 2024 року", "2024-06", False)],
    ),
    # "через" a span after the date just mentioned; a year-less date right after it takes that year
    (
        "Закон ухвалили 11 березня 2015 року. А вже через тиждень 18 березня міністра звільнили.",
        [
            ("11 березня 2015 року", "2015-03-11", False),
            ("через тиждень 18 березня", "2015-03-18", True),
        ],
    ),
    (
        "Суд засідав 3 листопада. Через два дні адвокат подав апеляцію.",
        [("3 листопада", "2025-11-03", False), ("Через два дні", "2025-11-05", True)],
    ),
    (
        "Ремонт почали у березні. Через місяць міст відкрили.",
        [("у березні", "2025-03", False), ("Через місяць", "2025-04", True)],
    ),
    ("Через тиждень відбудеться засідання.", []),
    ("Через війну завод закрили 3 листопада.", [("3 листопада", "2025-11-03", False)]),
    # "напередодні" as a preposition, "тоді як" as "whereas"
    ("Напередодні виборів кандидати провели дебати.", []),
    ("Напередодні його візиту посол зробив заяву.", []),
    ("Напередодні 8 березня квіти подорожчали.", [("Напередодні 8 березня", "2025-03-07", False)]),
    ("Тоді як уряд мовчить, опозиція протестує.", []),
    (
        "Суд засідав 3 листопада, тоді коли адвокати були у відпустці.",
        [("3 листопада", "2025-11-03", False)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), REFERENCES, ids=[row[0] for row in REFERENCES])
def test_references_to_the_date_just_mentioned(
    text: str, expected: list[tuple[str, str, bool]]
) -> None:
    """``того ж дня``, ``тоді``, ``наступного дня``, ``напередодні`` take the earlier date."""
    assert [(e.text, str(e.value), e.back_reference) for e in _found(text)] == expected


def test_references_resolve_without_the_document_too() -> None:
    """The old call resolves references by character distance instead of sentences."""
    found = find_dates(
        "Засідання відбулося 3 листопада. Наступного дня суд ухвалив вирок.", PUBLISHED
    )
    assert [(e.text, str(e.value), e.back_reference) for e in found] == [
        ("3 листопада", "2025-11-03", False),
        ("Наступного дня", "2025-11-04", True),
    ]


def test_expressions_know_their_tokens_clause_and_sentence() -> None:
    """Token span, clause and sentence let the attaching stage keep a date in its own clause."""
    text = (
        "Суд засідав 3 листопада, а прокурор виступив 5 листопада. Наступного дня оголосили вирок."
    )
    doc = Document.from_text(text)
    first, second, third = find_dates(text, PUBLISHED, doc)
    for found in (first, second, third):
        assert found.first_token is not None
        assert found.end_token is not None
        tokens = doc.tokens[found.first_token : found.end_token]
        assert text[tokens[0].start : tokens[-1].end] == found.text
        assert found.clause == doc.clause_index(found.first_token)
    assert first.clause != second.clause
    assert (first.sentence, second.sentence, third.sentence) == (0, 0, 1)
    assert (first.precision, third.precision) == ("day", "day")


def test_without_the_document_positions_are_unknown() -> None:
    """The old call fills no token fields."""
    [found] = find_dates("Суд засідав 3 листопада.", PUBLISHED)
    assert (found.first_token, found.end_token, found.clause, found.sentence) == (
        None,
        None,
        None,
        None,
    )


def test_annotate_dates_stores_the_layer() -> None:
    """``annotate_dates`` adds the ``dates`` layer to the document, like the other stages."""
    doc = Document.from_text("Вчора уряд ухвалив рішення.")
    found = annotate_dates(doc, PUBLISHED)
    assert doc.layers["dates"] is found
    assert [str(e.value) for e in found] == ["2025-11-06"]


def test_a_document_of_another_text_is_refused() -> None:
    """Offsets from one text and tokens from another would be silently wrong."""
    with pytest.raises(ValueError, match="another text"):
        find_dates("Вчора", PUBLISHED, Document.from_text("Сьогодні"))


@pytest.mark.parametrize(
    ("text", "published", "value", "end_value"),
    [
        ("Минулого тижня суд закрив справу.", date(2025, 11, 20), "2025-11", None),
        ("Минулого тижня суд закрив справу.", date(2025, 11, 5), "2025-10-27", "2025-11-02"),
        ("Тиждень тому суд закрив справу.", date(2025, 11, 20), "2025-11", None),
    ],
)
def test_a_week_is_its_month_or_its_range(
    text: str, published: date, value: str, end_value: str | None
) -> None:
    """``PartialDate`` holds no week: a week inside one month is that month, else Monday to Sunday."""
    [found] = find_dates(text, published, Document.from_text(text))
    assert (str(found.value), found.end_value and str(found.end_value)) == (value, end_value)
    assert found.relation == "on"
