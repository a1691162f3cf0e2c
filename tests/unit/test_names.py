"""Person names: nominative, given/family split, official transliteration, readable slugs."""

from __future__ import annotations

import pytest

from newsmodel.extract.assemble import extract_entities
from newsmodel.extract.names import is_east_asian, latin, name_genders, normalise, slug


@pytest.mark.parametrize(
    ("mention", "name"),
    [
        ("Віктором Горемікіним", "Віктор Горемікін"),
        ("Володимиром Путіним", "Володимир Путін"),
        ("Кім Чен Ином", "Кім Чен Ин"),
        ("Но Гван Чоль", "Но Гван Чоль"),
        ("Пак Єн Іль", "Пак Єн Іль"),
        ("Кім Чон Гю", "Кім Чон Гю"),
        ("Сергій Шойгу", "Сергій Шойгу"),
        ("Мариною Чепуренко", "Марина Чепуренко"),
        # a woman's indeclinable surname agrees with her given name in any case
        ("Юлії Тимошенко", "Юлія Тимошенко"),
        ("Валентину Козименко", "Валентина Козименко"),
        ("Олександрі Ковальчук", "Олександра Ковальчук"),
        # the dictionary's likelier name first: Марина, not the rare Мариня
        ("Марині Бондар", "Марина Бондар"),
        ("Петра Порошенка", "Петро Порошенко"),
        ("Марини Зеленської", "Марина Зеленська"),
        ("Лесі Українки", "Леся Українка"),
        ("Ігорем Васильовичем Петренком", "Ігор Васильович Петренко"),
    ],
)
def test_names_in_the_nominative(mention: str, name: str) -> None:
    assert normalise(tuple(mention.split())).name == name


@pytest.mark.parametrize(
    ("mention", "gender", "name"),
    [
        # Лесь's dative or Леся's accusative: both genders fit, the text's gender decides
        ("Лесю Іванову", "femn", "Леся Іванова"),
        ("Лесю Іванову", "masc", "Лесь Іванов"),
        ("Валентину Петрову", "femn", "Валентина Петрова"),
        # Станіслав's genitive or Станіслава's nominative
        ("Станіслава Савіна", "femn", "Станіслава Савіна"),
        ("Станіслава Савіна", "masc", "Станіслав Савін"),
        # a gender no reading fits changes nothing
        ("Олегу Петрову", "femn", "Олег Петров"),
    ],
)
def test_a_known_gender_picks_the_reading(mention: str, gender: str, name: str) -> None:
    assert normalise(tuple(mention.split()), gender).name == name


def test_the_genders_a_whole_name_fits() -> None:
    assert name_genders(("Лесю", "Іванову")) == {"masc", "femn"}
    assert name_genders(("Лесі", "Іванової")) == {"femn"}
    assert name_genders(("Іванову",)) == frozenset()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # "Лесю Іванову" alone reads as Лесь's dative; "Лесі Іванової" shows a woman
        ("Суд виправдав Лесю Іванову. Адвокат Лесі Іванової подав скаргу.", "Леся Іванова"),
        ("Голова Леся Іванова пішла. Наступницю Лесі Іванової не обрали.", "Леся Іванова"),
        # with no mention that shows the gender, the dictionary's likelier reading stays
        ("Премію вручили Станіславу Савіну.", "Станіслав Савін"),
    ],
)
def test_a_name_takes_the_gender_its_other_mentions_show(text: str, name: str) -> None:
    persons = extract_entities(text, None)["persons"]
    assert [person["name"] for person in persons] == [name]


def test_given_and_family_names() -> None:
    parsed = normalise(("Олександр", "Мацегора"))
    assert (parsed.given_name, parsed.family_name) == ("Олександр", "Мацегора")
    korean = normalise(("Кім", "Чен", "Ином"))
    assert (korean.family_name, korean.given_name) == ("Кім", "Чен Ин")
    three = normalise(("Ігорем", "Васильовичем", "Петренком"))
    assert three.patronymic == "Васильович"


@pytest.mark.parametrize(
    ("cyrillic", "expected"),
    [
        ("Віктор Горемикін", "Viktor Horemykin"),
        ("Сергій Шойгу", "Serhii Shoihu"),
        ("Юрій Їжакевич", "Yurii Yizhakevych"),
        ("Згорани", "Zghorany"),
        ("Олексій Щастя", "Oleksii Shchastia"),
    ],
)
def test_official_2010_transliteration(cyrillic: str, expected: str) -> None:
    assert latin(cyrillic) == expected


def test_slugs_are_ascii_and_stable() -> None:
    assert slug("Віктор Горемикін") == "viktor-horemykin"
    assert slug("Кім Чен Ин") == slug("Кім Чен Ин") == "kim-chen-yn"


def test_east_asian_names_are_told_apart() -> None:
    assert is_east_asian(("Кім", "Чен", "Ином"))
    assert not is_east_asian(("Володимиром", "Путіним"))
