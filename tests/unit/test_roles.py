"""Job titles come from the apposition before (or after) a name, in the nominative."""

from __future__ import annotations

import pytest

from newsmodel import parse_text


def _title(text: str, name: str) -> str | None:
    article = parse_text(text)
    person = next(p for p in article.persons if p.name == name)
    return person.job_title


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        (
            "Делегацію очолив міністр оборони КНДР Но Гван Чоль.",
            "Но Гван Чоль",
            "міністр оборони КНДР",
        ),
        (
            "Делегацію очолює заступником міністра оборони Віктором Горемікіним, йдеться далі.",
            "Віктор Горемікін",
            "заступник міністра оборони",
        ),
        (
            "Про це заявив секретар Ради безпеки Росії Сергій Шойгу.",
            "Сергій Шойгу",
            "секретар Ради безпеки Росії",
        ),
        (
            "Договір був підписаний президентом Росії Володимиром Путіним.",
            "Володимир Путін",
            "президент Росії",
        ),
        (
            "На зустрічі був Олександр Мацегора, посол Росії, та інші.",
            "Олександр Мацегора",
            "посол Росії",
        ),
        (
            "Вчора перший заступник міністра фінансів Іван Петренко подав у відставку.",
            "Іван Петренко",
            "перший заступник міністра фінансів",
        ),
    ],
)
def test_titles(text: str, name: str, title: str) -> None:
    assert _title(text, name) == title


def test_nationality_and_affiliation_come_from_the_title() -> None:
    article = parse_text("Про це заявив секретар Ради безпеки Росії Сергій Шойгу.")
    person = article.persons[0]
    org = article.get(person.affiliation[0])
    assert org is not None
    assert org.name == "Рада безпеки Росії"
    country = article.get(person.nationality or "")
    assert country is not None
    assert country.name == "Росія"


def test_a_verb_participle_is_not_part_of_the_title() -> None:
    assert (
        _title("Договір був підписаний президентом Росії Володимиром Путіним.", "Володимир Путін")
        == "президент Росії"
    )


def test_a_title_spans_no_preposition_and_is_written_in_lower_case() -> None:
    """"колегія суддів під головуванням Олени Поляк" gives her no title; a title that opens a
    sentence is written as editors write titles, in lower case."""
    from newsmodel import parse_text

    article = parse_text(
        "Справу розглянула колегія суддів під головуванням Олени Поляк. Міністр оборони "
        "України Олексій Резніков прибув до Києва."
    )
    titles = {person.name: person.job_title for person in article.persons}
    assert titles == {"Олена Поляк": None, "Олексій Резніков": "міністр оборони України"}


def test_a_title_after_the_name_may_open_with_adjectives_and_ends_at_the_verb() -> None:
    from newsmodel import parse_text

    cases = {
        "Іван Петренко, колишній перший заступник міністра оборони України, заявив про це.":
            "колишній перший заступник міністра оборони України",
        "Тетяна Пляченко, директор ТД «Украгропром» раніше була засновником фірми.":
            "директор ТД «Украгропром», засновник фірми",
    }
    for text, title in cases.items():
        [person] = parse_text(text).persons
        assert person.job_title == title


def test_a_title_belongs_to_the_person_only_in_their_case_and_number() -> None:
    """"Адвокати Юлії Тимошенко" are her lawyers; "Дружина президента Олена Зеленська" is not
    the president."""
    from newsmodel import parse_text

    for text in (
        "Суд виніс вирок у жовтні. Адвокати Юлії Тимошенко оскаржили рішення. Вона мовчить.",
        "Дружина президента Олена Зеленська відвідала лікарню. Візит тривав годину.",
    ):
        assert [person.job_title for person in parse_text(text).persons] == [None]


def test_a_plural_title_before_a_list_is_held_by_the_person_in_the_singular() -> None:
    from newsmodel import parse_text

    article = parse_text(
        "У засіданні взяли участь діючі народні депутати Андрій Сенченко, Людмила Денисова "
        "та Олег Дудченко. Засідання тривало годину."
    )
    assert article.persons[0].job_title == "діючий народний депутат"
