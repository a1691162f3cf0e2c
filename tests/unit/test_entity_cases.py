"""Tables of sentences -> the entity spans a careful editor marks (issue 11 item 2).

Each row is a sentence written for this test and every span the recogniser must give for it,
in order; the rows name the failure they guard against.
"""

from __future__ import annotations

import pytest

from newsmodel.extract.entities import RuleRecognizer
from newsmodel.extract.names import normalise
from newsmodel.extract.tokens import tokenize


def _spans(text: str) -> list[tuple[str, str]]:
    return [
        (s.label, text[s.start : s.end]) for s in RuleRecognizer().recognise(text, tokenize(text))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a capitalised common noun with no preposition of place is no place
        ("Згідно з пунктом 12 Положення про оренду землі плату підвищили.", []),
        ("Завтра Різдво, і всі поїдуть додому.", []),
        ("Він цитував Біблію напам'ять.", []),
        # ... but a quarter of the world names a region or a bloc
        ("Санкції підтримав Захід.", [("LOC", "Захід")]),
        # "м." after a measure is metres, not a city
        ("Площа складе 300 кв. м. Роботи почнуться в травні.", []),
        ("Він живе у м. Жовква.", [("LOC", "Жовква")]),
        # an organisation ends with its named complement
        (
            "Фахівці Антимонопольного комітету України перевірки не проводили.",
            [("ORG", "Антимонопольного комітету України")],
        ),
        (
            "Повагу до Національної гвардії України та ветеранів висловили всі.",
            [("ORG", "Національної гвардії України")],
        ),
        ("Довіра до Збройних сил з боку суспільства зросла.", [("ORG", "Збройних сил")]),
        # ... and still takes lower-case complements before it
        (
            "Рішення ухвалило Міністерство освіти і науки України.",
            [("ORG", "Міністерство освіти і науки України")],
        ),
        # two people side by side in one case are two people
        (
            "Зустрілися представники Ігоря Петренка Василя Коваля.",
            [("PERS", "Ігоря Петренка"), ("PERS", "Василя Коваля")],
        ),
        ("Указ підписав Віктор Федорович Янукович.", [("PERS", "Віктор Федорович Янукович")]),
        # an institution or a site named after someone: the whole name
        (
            "Він навчався в університеті імені Тараса Шевченка.",
            [("ORG", "університеті імені Тараса Шевченка")],
        ),
        (
            "Доповідь зробив науковець інституту літератури ім. Т. Г. Шевченка.",
            [("ORG", "інституту літератури ім. Т. Г. Шевченка")],
        ),
        ("Концерт відбувся у сквері ім. Івана Франка.", [("LOC", "сквері ім. Івана Франка")]),
        # a Latin-script run is a person only on evidence for a person
        ("Про це заявив John Smith у Лондоні.", [("PERS", "John Smith"), ("LOC", "Лондоні")]),
        ("Mary Jones сказала, що втомилася.", [("PERS", "Mary Jones")]),
        ("Генеральний директор Peter Black пішов у відставку.", [("PERS", "Peter Black")]),
        (
            "Олена Коваль (Olena Koval) приїхала.",
            [("PERS", "Олена Коваль"), ("PERS", "Olena Koval")],
        ),
        # ... otherwise an organisation by its head word, the head left out, or nothing
        ("Акції концерну Zentrix подешевшали.", [("ORG", "Zentrix")]),
        ("Компанія Nordwell відкрила завод.", [("ORG", "Nordwell")]),
        ("Він користується Windows Phone.", []),
        ("Кампанія Green Autumn стартувала.", []),
        ("Вакцину Vaxoria схвалили.", []),
        # a body's regional office is one organisation; without the region, the body
        (
            "Скаргу розглянуло управління Пенсійного фонду у Львівській області.",
            [("ORG", "управління Пенсійного фонду у Львівській області")],
        ),
        # a two-word foreign name whose first word is also a place, with a verb of speech
        ("Про це сказала Вірджинія Вулф.", [("PERS", "Вірджинія Вулф")]),
        ("Президент Франції Макрон заявив.", [("LOC", "Франції"), ("PERS", "Макрон")]),
        # a given name the dictionary lacks and an adjective-form surname
        ("Перевірку провела Агія Загребельська.", [("PERS", "Агія Загребельська")]),
        # a conjunction at the start of a sentence is no given name
        ("Тому Старовижівська районна рада відмовила.", [("ORG", "Старовижівська районна рада")]),
    ],
)
def test_sentence_spans(text: str, expected: list[tuple[str, str]]) -> None:
    assert _spans(text) == expected


@pytest.mark.parametrize(
    ("words", "nominative"),
    [
        (("Яковинцю",), "Яковинець"),  # a guessed surname is no neuter noun ("Яковинце")
        (("Петра", "Шульца"), "Петро Шульц"),  # a foreign -ц surname gets no vowel
        (("Миколі", "Кравцю"), "Микола Кравець"),
    ],
)
def test_nominative_of_surnames(words: tuple[str, ...], nominative: str) -> None:
    assert normalise(words).name == nominative
