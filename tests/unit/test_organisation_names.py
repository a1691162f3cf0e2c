"""Tables of sentences -> the long official names of organisations (issue 11).

A territorial office, a body nested in another, a court with its place and a named centre are
each one organisation, up to and including the place phrase; the name in the nominative
inflects only the head phrase and keeps the genitive tail as written.  The sentences are
written for this test.
"""

from __future__ import annotations

import pytest

from newsmodel import parse_text
from newsmodel.extract.entities import RuleRecognizer
from newsmodel.extract.tokens import tokenize


def _organisations(text: str) -> list[tuple[str, str | None]]:
    return [
        (text[s.start : s.end], s.name)
        for s in RuleRecognizer().recognise(text, tokenize(text))
        if s.label == "ORG"
    ]


_OFFICE = "Головне управління СБУ в м. Одесі та Одеській області"
_NESTED = "Слідче управління Головного управління Національної поліції у місті Харкові"
_INSPECTORATE = (
    "Державна податкова інспекція у Шевченківському районі Головного управління ДФС у м. Львові"
)


@pytest.mark.parametrize(
    ("text", "span", "name"),
    [
        # a territorial office: the adverb reading of "Головне" does not stop the phrase, and a
        # coordinated second seat belongs to the office
        (f"Обшуки провело {_OFFICE}.", _OFFICE, _OFFICE),
        (
            "Лист надіслало Управління СБУ у Львівській області і Волинській області.",
            "Управління СБУ у Львівській області і Волинській області",
            "Управління СБУ у Львівській області і Волинській області",
        ),
        # nested bodies: the noun reading of "Головного" does not cut the inner body
        (f"Справу розслідує {_NESTED}.", _NESTED, _NESTED),
        (
            "Відповідь дав Департамент економічного розвитку Міністерства фінансів.",
            "Департамент економічного розвитку Міністерства фінансів",
            "Департамент економічного розвитку Міністерства фінансів",
        ),
        # courts: adjectives + суд + the genitive place, "м." included; only the head inflects
        (
            "Позов подано до Подільського районного суду м. Києва минулого тижня.",
            "Подільського районного суду м. Києва",
            "Подільський районний суд м. Києва",
        ),
        (
            "Рішення ухвалив Господарський суд Харківської області.",
            "Господарський суд Харківської області",
            "Господарський суд Харківської області",
        ),
        (
            "Скаргу передали до Апеляційного суду міста Одеси.",
            "Апеляційного суду міста Одеси",
            "Апеляційний суд міста Одеси",
        ),
        # a capitalised head and a lower-case genitive noun phrase
        (
            "Про це повідомив Центр протидії злочинності.",
            "Центр протидії злочинності",
            "Центр протидії злочинності",
        ),
        (
            "Дані оприлюднила Рада громадського контролю.",
            "Рада громадського контролю",
            "Рада громадського контролю",
        ),
        # a head phrase and its quoted name: the quoted name is part of the nominative
        (
            "Вчора Громадській організації «Світло знань» відмовили.",
            "Громадській організації «Світло знань»",
            "Громадська організація «Світло знань»",
        ),
    ],
)
def test_long_organisation_names(text: str, span: str, name: str) -> None:
    assert _organisations(text) == [(span, name)]


def test_an_inspectorate_and_the_office_it_belongs_to_are_two_organisations() -> None:
    """An inspectorate named by its district, then the territorial office it belongs to: two
    bodies, each with its own name (the office used to be swallowed into the inspectorate's
    name; ner-uk and an editor name them apart)."""
    assert _organisations(f"Перевірку провела {_INSPECTORATE}.") == [
        (
            "Державна податкова інспекція у Шевченківському районі",
            "Державна податкова інспекція у Шевченківському районі",
        ),
        ("Головного управління ДФС у м. Львові", "Головне управління ДФС у м. Львові"),
    ]


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        # a Ukrainian descriptor before a Latin name: the Latin name is the organisation's own
        # (it does not decline, so it is no genitive complement, and it is no place)
        ("Вчора компанія Nestlé купила фабрику.", "Nestlé"),
        ("Швейцарська компанія Nestlé купила фабрику.", "Nestlé"),
        ("Акції компанії Société Générale впали.", "Société Générale"),
        ("Американська компанія Boeing отримала замовлення.", "Boeing"),
        ("Вчора британська газета The Guardian написала про це.", "The Guardian"),
        # a capital with a diacritic is a capital (Š was not one of the capitals)
        ("Вчора чеська компанія Škoda відкрила завод.", "Škoda"),
    ],
)
def test_a_latin_name_after_a_descriptor_is_the_organisation(text: str, organisation: str) -> None:
    article = parse_text(f"date 2024-06-10\n{text}")
    assert [(o.name, [m.text for m in o.mentions]) for o in article.organisations] == [
        (organisation, [organisation])
    ]
    assert [place.name for place in article.places if place.mentions] == []
    assert organisation not in [place.name for place in article.places]
