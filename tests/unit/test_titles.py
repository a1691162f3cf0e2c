"""Job titles: appositions on either side of a name, dashes, predicates (``є засновником``,
``Директором фірми є``), pronoun and bare-title subjects; in the nominative; and where none is
the person's (someone else's title, a plural, a word inside a quoted name)."""

from __future__ import annotations

import pytest

from newsmodel import parse_text
from newsmodel.extract.titles.written import written


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
    """ "колегія суддів під головуванням Олени Поляк" gives her no title; a title that opens a
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

    cases = [
        (
            "Іван Петренко, колишній перший заступник міністра оборони України, заявив про це.",
            "колишній перший заступник міністра оборони України",
        ),
        (
            "Тетяна Пляченко, директор ТД «Украгропром» раніше була засновником фірми.",
            "директор ТД «Украгропром», засновник фірми",
        ),
    ]
    for text, title in cases:
        [person] = parse_text(text).persons
        assert person.job_title == title


def test_a_title_belongs_to_the_person_only_in_their_case_and_number() -> None:
    """ "Адвокати Юлії Тимошенко" are her lawyers; "Дружина президента Олена Зеленська" is not
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
    assert [person.job_title for person in article.persons] == ["діючий народний депутат"] * 3


def _titles(text: str) -> dict[str, str | None]:
    return {person.name: person.job_title for person in parse_text(text).persons}


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        # apposition before the name, in any case, the organisation part as written
        (
            "Документ підписала голова правління ПриватБанку Ірина Коваль.",
            "Ірина Коваль",
            "голова правління ПриватБанку",
        ),
        (
            "Журналісти отримали лист заступника міністра юстиції Олени Шевчук.",
            "Олена Шевчук",
            "заступник міністра юстиції",
        ),
        ("Суд допитав екс-мера Полтави Андрія Мельника.", "Андрій Мельник", "екс-мер Полтави"),
        (
            "Наказ підписав в. о. начальника управління Іван Петренко.",
            "Іван Петренко",
            "в. о. начальника управління",
        ),
        (
            "На засіданні виступив голова РДА, депутат облради Тарас Бондар.",
            "Тарас Бондар",
            "голова РДА, депутат облради",
        ),
        (
            "Законопроєкт вніс народний депутат від Партії регіонів Іван Петренко.",
            "Іван Петренко",
            "народний депутат від Партії регіонів",
        ),
        (
            "Суд відсторонив від посади начальника відділу кадрів Андрія Мельника.",
            "Андрій Мельник",
            "начальник відділу кадрів",
        ),
        # after the name: between commas, after a dash; a dash before it
        (
            "Ірина Коваль, голова правління банку, відмовилася від коментарів.",
            "Ірина Коваль",
            "голова правління банку",
        ),
        ("Ірина Коваль – голова правління банку.", "Ірина Коваль", "голова правління банку"),
        ("Голова правління – Ірина Коваль.", "Ірина Коваль", "голова правління"),
        (
            "Фірму заснував Іван Петренко, міністр економічного розвитку і торгівлі.",
            "Іван Петренко",
            "міністр економічного розвитку і торгівлі",
        ),
        # predicates, the subject before or after, or a relative pronoun
        (
            "Іван Петренко є засновником компанії «Альфа».",
            "Іван Петренко",
            "засновник компанії «Альфа»",
        ),
        ("Олена Шевчук у 2019 році стала керівником відділу.", "Олена Шевчук", "керівник відділу"),
        ("Тарас Бондар призначений головою комісії.", "Тарас Бондар", "голова комісії"),
        ("Андрій Мельник обійняв посаду директора заводу.", "Андрій Мельник", "директор заводу"),
        ("Оксана Бойко працює юристом у столичній фірмі.", "Оксана Бойко", "юрист"),
        ("Директором фірми з 2015 року є Іван Петренко.", "Іван Петренко", "директор фірми"),
        (
            "З 2013 року засновником і директором фірми є Ірина Коваль.",
            "Ірина Коваль",
            "засновник і директор фірми",
        ),
        (
            "Слідчі допитали Андрія Мельника, який раніше працював заступником мера.",
            "Андрій Мельник",
            "заступник мера",
        ),
        (
            "Уряд призначив директором агентства Тараса Бондаря.",
            "Тарас Бондар",
            "директор агентства",
        ),
        (
            "Олег Бондар у 2010-2012 рр був помічником народного депутата Миколи Гнатюка.",
            "Олег Бондар",
            "помічник народного депутата",
        ),
        (
            "Іван Петренко є одним із засновників компанії «Альфа».",
            "Іван Петренко",
            "засновник компанії «Альфа»",
        ),
        # a pronoun, "останній" or a bare title referring to the person named before
        (
            "Іван Петренко приїхав до Львова. Він є директором заводу.",
            "Іван Петренко",
            "директор заводу",
        ),
        ("Олена Шевчук відмовилася від коментарів. Вона працює суддею.", "Олена Шевчук", "суддя"),
        (
            "Іван Петренко приїхав до Львова. Його призначили директором заводу.",
            "Іван Петренко",
            "директор заводу",
        ),
        (
            "Іван Петренко приїхав до Львова. Міністр заявив, що все гаразд.",
            "Іван Петренко",
            "міністр",
        ),
    ],
)
def test_constructions(text: str, name: str, title: str) -> None:
    assert _titles(text)[name] == title


def test_a_plural_title_before_a_single_name_is_theirs_in_the_singular() -> None:
    titles = _titles("Лист надіслали одному з державних уповноважених комітету Олені Шевчук.")
    assert titles == {"Олена Шевчук": "державний уповноважений комітету"}


def test_a_title_inside_a_relative_clause_is_its_own_subjects() -> None:
    titles = _titles("Андрій Мельник працює радником голови митниці Тараса Бондаря.")
    assert titles == {
        "Андрій Мельник": "радник голови митниці",
        "Тарас Бондар": "голова митниці",
    }


def test_a_title_may_name_whose_it_is() -> None:
    titles = _titles("Про це заявив радник міністра Олени Шевчук Андрій Мельник.")
    assert titles == {"Олена Шевчук": "міністр", "Андрій Мельник": "радник міністра Олени Шевчук"}


def test_a_plural_predicate_title_goes_to_every_listed_person() -> None:
    titles = _titles("Засновниками ТОВ «Альфа» є Іван Петренко і Олена Шевчук з Києва.")
    assert titles == {
        "Іван Петренко": "засновник ТОВ «Альфа»",
        "Олена Шевчук": "засновник ТОВ «Альфа»",
    }


def test_the_latter_is_the_last_person_named() -> None:
    titles = _titles(
        "Засновниками фірми є Ірина Коваль і Тарас Бондар. Останній є директором заводу."
    )
    assert titles == {
        "Ірина Коваль": "засновник фірми",
        "Тарас Бондар": "засновник фірми, директор заводу",
    }


def test_heading_an_organisation_makes_its_head_and_the_next_clause_is_another_subject() -> None:
    assert _titles("Фірмою керує Іван Петренко, а директором став його брат.") == {
        "Іван Петренко": "керівник фірми"
    }
    assert _titles("Раніше Олена Шевчук очолювала Київську регіональну митницю.") == {
        "Олена Шевчук": "керівник Київської регіональної митниці"
    }
    assert _titles("Компанію «Альфа» очолює Іван Петренко.") == {
        "Іван Петренко": "керівник компанії «Альфа»"
    }
    assert _titles("Тоді, коли «Південну тепломережу» очолював Іван Петренко, борг зріс.") == {
        "Іван Петренко": None
    }
    for text in ("Список партії очолює Іван Петренко.", "Рейтинг очолює Іван Петренко."):
        assert _titles(text) == {"Іван Петренко": None}  # heading a list is no job


def test_an_owner_is_a_title_only_when_there_is_no_other() -> None:
    titles = _titles(
        "Власником фірми є Іван Петренко. Він є директором заводу. "
        "Власником фабрики є Олена Шевчук."
    )
    assert titles == {"Іван Петренко": "директор заводу", "Олена Шевчук": "власник фабрики"}


@pytest.mark.parametrize(
    "text",
    [
        # someone else's title in the clause
        "Іван Петренко передав документи міністру фінансів.",
        "Іван Петренко зустрівся з послом Франції у Києві.",
        "Лист голови комітету отримав Іван Петренко.",
        # a negated predicate
        "Іван Петренко не є директором фірми.",
        # a plural title is a group's, not the person's
        "Міністри зустрілися з Іваном Петренком.",
        # a title word inside a quoted organisation or work name
        "Книжку «Посол» Іван Петренко написав торік.",
        "Іван Петренко працює у кафе «Посол».",
        # the sentence before names someone else by that title
        "Іван Петренко зустрівся з прем'єром. Прем'єр заявив, що все гаразд.",
    ],
)
def test_no_title(text: str) -> None:
    assert _titles(text)["Іван Петренко"] is None


@pytest.mark.parametrize(
    ("texts", "joined", "opens", "expected"),
    [
        (
            ("заступником", "міністра", "оборони"),
            (False, False),
            False,
            "заступник міністра оборони",
        ),
        (("Першим", "заступником", "міністра"), (False, False), True, "перший заступник міністра"),
        (
            ("директор", "ТД", "«", "Альфа", "»"),
            (False, False, True, True),
            False,
            "директор ТД «Альфа»",
        ),
        (("засновником", "і", "директором"), (False, False), False, "засновник і директор"),
        (("директор", "цього", "заводу"), (False, False), False, "директор заводу"),
    ],
)
def test_a_title_is_written_from_its_words_alone(
    texts: tuple[str, ...], joined: tuple[bool, ...], opens: bool, expected: str
) -> None:
    """The written form (cached per phrase) needs only the words, their spacing and whether
    the first opens the sentence: heads and adjectives in the nominative, demonstratives
    dropped, the text's own spacing."""
    assert written(texts, joined, opens, False)[0] == expected
