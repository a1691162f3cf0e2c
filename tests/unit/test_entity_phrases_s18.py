"""Tables of sentences -> organisation spans: where an organisation's name goes on and where it
ends (issue 11, the "boundary too short" errors).

Each row is a sentence written for this test, in general Ukrainian, with every span the
recogniser must give for it; the comment above a group names the rule it guards.
"""

from __future__ import annotations

import pytest

from newsmodel.extract.entities import RuleRecognizer
from newsmodel.extract.tokens import tokenize


def _spans(text: str) -> list[tuple[str, str]]:
    return [
        (s.label, text[s.start : s.end]) for s in RuleRecognizer().recognise(text, tokenize(text))
    ]


_VERB_FORMS = [
    # an imperative that is also a genitive noun is a complement ("оборони", "освіти")
    ("Пропозиції Міністерства оборони розглянуть завтра.", [("ORG", "Міністерства оборони")]),
    (
        "Відповідь Міністерства оборони Польщі надійшла.",
        [("ORG", "Міністерства оборони Польщі")],
    ),
    ("Лист надійшов до Відділу освіти міськради.", [("ORG", "Відділу освіти міськради")]),
    # ... a past tense is the sentence going on, even with a rare surname's reading ("надала")
    ("Навесні Обласна рада надала дозвіл на будівництво.", [("ORG", "Обласна рада")]),
    # ... and any verb form inside a chain of genitives is a noun ("прав": also "he washed")
    (
        "Скаргу подали до Інспекції з питань захисту прав споживачів.",
        [("ORG", "Інспекції з питань захисту прав споживачів")],
    ),
    # a preposition is never a complement, whatever the dictionary's abbreviation readings
    ("Рішення Фонду держмайна про санацію скасували.", [("ORG", "Фонду держмайна")]),
]

_COORDINATION = [
    # і/та and a lower-case genitive, a verbal noun included, continue the name
    (
        "Лист надіслали до Державного комітету телебачення і радіомовлення України.",
        [("ORG", "Державного комітету телебачення і радіомовлення України")],
    ),
    (
        "Рішення ухвалила Рада національної безпеки та оборони України.",
        [("ORG", "Рада національної безпеки та оборони України")],
    ),
    # a comma list of complements closed by і/та
    (
        "Карту видала Державна служба з питань геодезії, картографії та кадастру.",
        [("ORG", "Державна служба з питань геодезії, картографії та кадастру")],
    ),
    (
        "Він працює в Міністерстві освіти, науки і спорту України.",
        [("ORG", "Міністерстві освіти, науки і спорту України")],
    ),
    # ... but a comma that closes no list ends the name
    (
        "Звіт Міністерства економіки, заяви якого критикували, оприлюднили.",
        [("ORG", "Міністерства економіки")],
    ),
    # the list may close with an acronym of common words, not with a known body
    (
        "Наказ видало Міністерство будівництва, архітектури і ЖКГ.",
        [("ORG", "Міністерство будівництва, архітектури і ЖКГ")],
    ),
    (
        "Зустрілися представники Міністерства економіки та МВФ.",
        [("ORG", "Міністерства економіки"), ("ORG", "МВФ")],
    ),
]

_TOPICS = [
    # управління takes what it manages in the instrumental
    (
        "Будинок належить Державному управлінню справами.",
        [("ORG", "Державному управлінню справами")],
    ),
    ("Працівників Державного управління звільнили.", [("ORG", "Державного управління")]),
    # з + (adjectives +) a genitive noun: what a body deals with
    ("Звіт подала Комісія з цінних паперів.", [("ORG", "Комісія з цінних паперів")]),
    (
        "Спір розгляне Міжнародний центр з вирішення інвестиційних спорів.",
        [("ORG", "Міжнародний центр з вирішення інвестиційних спорів")],
    ),
    (
        "Лист надійшов від Управління з питань транспортного забезпечення і зв'язку.",
        [("ORG", "Управління з питань транспортного забезпечення і зв'язку")],
    ),
    # ... not where from, nor since when, nor people
    ("Церкву перенесли до Київського музею з сусіднього села.", [("ORG", "Київського музею")]),
    (
        "Головне управління Нацполіції з серпня розслідує справу.",
        [("ORG", "Головне управління Нацполіції")],
    ),
    (
        "Начальник відділу податків з юридичних осіб ДПІ у Деснянському районі звільнився.",
        [("ORG", "ДПІ у Деснянському районі")],
    ),
    # a lower-case committee of a named body with its topic is one name
    (
        "Засідання комітету Верховної Ради з питань охорони здоров'я перенесли.",
        [("ORG", "комітету Верховної Ради з питань охорони здоров'я")],
    ),
]

_PARENT_BODIES = [
    # a genitive adjective + body noun after the complements is the parent body, even when
    # the adjective is also a surname's form ("Черкаської")
    (
        "Тендер оголосив Департамент економіки Черкаської міськради.",
        [("ORG", "Департамент економіки Черкаської міськради")],
    ),
    # ... but a nominative phrase after a genitive one starts a new name
    (
        "Суд зобов'язав фірму повернути Генічеській райдержадміністрації пляжні зони.",
        [("ORG", "Генічеській райдержадміністрації")],
    ),
    (
        "Депутат Верховного суду Громадська рада доброчесності не підтримала.",
        [("ORG", "Верховного суду"), ("ORG", "Громадська рада доброчесності")],
    ),
]

_LOCAL_BODIES = [
    # a lower-case court, prosecutor's office or city hall with its region is one organisation
    (
        "Рішення госпсуду Дніпропетровської області оскаржили.",
        [("ORG", "госпсуду Дніпропетровської області")],
    ),
    (
        "Справу передали до апеляційного суду Миколаївської області.",
        [("ORG", "апеляційного суду Миколаївської області")],
    ),
    (
        "Справу розглядає прокуратура Луганської області.",
        [("ORG", "прокуратура Луганської області")],
    ),
    (
        "Звернення регіональної прокуратури Донецької області розглянули.",
        [("ORG", "регіональної прокуратури Донецької області")],
    ),
    # ... but after a job title the court is part of the title, and the region a place
    (
        "Суддя господарського суду Одеської області подав у відставку.",
        [("LOC", "Одеської області")],
    ),
    (
        "Слідчі регіональної прокуратури Донецької області провели обшук.",
        [("LOC", "Донецької області")],
    ),
    # ... and a plural names many bodies, a street no body at all: the place stays a place
    ("Реформа господарських судів Київської області триває.", [("LOC", "Київської області")]),
    ("Він прогулявся вулицями Київської області.", [("LOC", "Київської області")]),
]

_NUMBERED_BODIES = [
    # an organisation head or an acronym with a number names one body, its quoted name too
    ("Змагання відбулися у ліцеї № 4 минулої неділі.", [("ORG", "ліцеї № 4")]),
    (
        "Кисень постачали міській дитячій лікарні №5 щомісяця.",
        [("ORG", "міській дитячій лікарні №5")],
    ),
    ("Обладнання купили для шахти №7 «Соснова» торік.", [("ORG", "шахти №7 «Соснова»")]),
    ("Перевірку провели на АЗС №8 у понеділок.", [("ORG", "АЗС №8")]),
    ("Генпідрядником стала «СМУ № 24» навесні.", [("ORG", "СМУ № 24")]),
    # ... a house or a case with a number is none
    ("Він мешкає в будинку № 14 на околиці.", []),
    ("Рішення у справі № 5 ухвалили.", []),
]

_SEATS = [
    # a place's adjective before a body's acronym names it, at the start of a sentence too
    ("Херсонське ОТВ АМКУ наклало штраф на фірму.", [("ORG", "Херсонське ОТВ АМКУ")]),
    # a compound of відділення heads a branch as райсуд heads a court
    (
        "Скаргу розглянуло Львівське обласне тервідділення АМКУ.",
        [("ORG", "Львівське обласне тервідділення АМКУ")],
    ),
    ("Лист надійшов до Одеського тервідділення вчора.", [("ORG", "Одеського тервідділення")]),
    # ... but before a legal form the quoted name is the company's name
    ("Донецьке ТОВ «Промсервіс» не надало документів.", [("ORG", "ТОВ «Промсервіс»")]),
]

_TERRITORIES = [
    # a body's acronym or compound name takes the territory its office serves
    ("СБУ в Луганській області затримала агента.", [("ORG", "СБУ в Луганській області")]),
    ("Перелік склала ДПІ у Деснянському районі.", [("ORG", "ДПІ у Деснянському районі")]),
    (
        "Раніше він очолював Держказначейство в Донецькій області.",
        [("ORG", "Держказначейство в Донецькій області")],
    ),
    # ... and after the territory the next name is the parent body, a name of its own
    (
        "Звернення надійшло до ДПІ у Деснянському районі ГУ ДФС у м. Києві вчора.",
        [("ORG", "ДПІ у Деснянському районі"), ("ORG", "ГУ ДФС у м. Києві")],
    ),
    (
        "Перевірку ініціювало Управління захисту економіки в Чернігівській області Нацполіції.",
        [("ORG", "Управління захисту економіки в Чернігівській області"), ("ORG", "Нацполіції")],
    ),
]

_SHARED_HEADS = [
    # capitalised adjectives joined by commas and і/та share one head: one organisation
    (
        "Нафту передали на Кременчуцький, Дрогобицький і Надвірнянський НПЗ.",
        [("ORG", "Кременчуцький, Дрогобицький і Надвірнянський НПЗ")],
    ),
    (
        "Угоди уклали на реконструкцію Слов'янської і Старобешівської ТЕС.",
        [("ORG", "Слов'янської і Старобешівської ТЕС")],
    ),
    # ... a comma list not closed by і/та does not join
    (
        "Про це заявили Київська, Житомирська ТЕЦ.",
        [("ORG", "Житомирська ТЕЦ")],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        *_VERB_FORMS,
        *_COORDINATION,
        *_TOPICS,
        *_PARENT_BODIES,
        *_LOCAL_BODIES,
        *_NUMBERED_BODIES,
        *_SEATS,
        *_TERRITORIES,
        *_SHARED_HEADS,
    ],
)
def test_organisation_phrase_boundaries(text: str, expected: list[tuple[str, str]]) -> None:
    assert _spans(text) == expected
