"""The entity decoder: candidates with evidence, scored by the evidence table, the best kept.

The rows are sentences written for these tests; each says which evidence decides it.
"""

from __future__ import annotations

import pytest

from newsmodel.extract.entities import RuleRecognizer
from newsmodel.extract.entities.decoder import Candidate, best, bound, entity, nothing, weights
from newsmodel.extract.entities.proposals import RULES
from newsmodel.extract.entities.scanner import Scanner
from newsmodel.extract.recognizer import EntitySpan
from newsmodel.extract.tokens import tokenize


def _spans(text: str) -> list[tuple[str, str]]:
    return [
        (s.label, text[s.start : s.end]) for s in RuleRecognizer().recognise(text, tokenize(text))
    ]


def _decoded(text: str, word: str) -> Candidate | None:
    """The decoder's choice at the first token written ``word``."""
    tokens = tokenize(text)
    index = next(t.index for t in tokens if t.text == word)
    return Scanner(text, tokens).decode(index)


def test_every_rule_and_context_evidence_has_a_weight() -> None:
    table = weights()
    assert {name for name, _, _ in RULES} <= set(table)
    assert {"speech_verb", "job_title", "place_complement", "title_or_act"} <= set(table)
    assert {"threshold", "strong_evidence"} <= set(table)


def test_rules_are_asked_from_the_most_specific_evidence_down() -> None:
    table = weights()
    ordered = [table[name] for name, _, _ in RULES]
    assert ordered == sorted(ordered, reverse=True)
    assert len(set(ordered)) == len(ordered)


def _candidate(first: int, last: int, *evidence: str) -> Candidate:
    span = EntitySpan(first, last + 1, "PERS", None, None, first, last)
    return entity(span, evidence[0]).with_evidence(*evidence[1:])


def test_the_higher_score_wins_then_the_longer_span() -> None:
    short_strong = _candidate(0, 0, "gazetteer")
    long_weak = _candidate(0, 2, "name_readings")
    assert best([long_weak, short_strong]) is short_strong
    lifted = long_weak.with_evidence("speech_verb")
    assert lifted.score == weights()["name_readings"] + weights()["speech_verb"]
    assert best([short_strong, lifted]) is lifted
    tie_long = _candidate(0, 1, "gazetteer")
    assert best([short_strong, tie_long]) is tie_long
    assert best([]) is None


def test_a_person_rules_bound_counts_the_context_it_may_get() -> None:
    table = weights()
    assert bound("name_readings") == (
        table["name_readings"] + table["speech_verb"] + table["job_title"]
    )


def test_the_bounds_count_only_the_context_possible_at_the_token() -> None:
    from newsmodel.extract.entities.proposals import RULES, Shape, bounds_after

    table = weights()
    name = Shape(capitalised=True)  # a capitalised Cyrillic noun: Петренко
    asked = [rule for rule, _, starts in RULES if starts(name)]
    before_single = asked.index("single_word") - 1
    assert bounds_after(name, ())[before_single] == table["single_word"]
    assert bounds_after(name, ("job_title",))[before_single] == (
        table["single_word"] + table["job_title"]
    )
    assert bounds_after(name, ("speech_verb", "job_title"))[before_single] == bound("single_word")


def test_rules_are_asked_only_where_their_first_word_can_stand() -> None:
    from newsmodel.extract.entities.proposals import RULES, Shape

    def asked(shape: Shape) -> set[str]:
        return {rule for rule, _, starts in RULES if starts(shape)}

    lower, cyrillic = Shape(capitalised=False), Shape(capitalised=True)
    assert "street_word" in asked(lower)
    assert "street_word" not in asked(cyrillic)
    assert "single_word" not in asked(lower)
    assert "settlement_kind" not in asked(lower)
    assert "latin_legal_form" not in asked(cyrillic)
    assert "latin_legal_form" in asked(Shape(capitalised=True, latin=True))
    assert "quoted_name" in asked(Shape(capitalised=True, legal_or_acronym=True))
    assert "place_adjective" in asked(Shape(capitalised=True, adjective=True))
    assert {"gazetteer", "head_word"} <= asked(lower) & asked(cyrillic)


def test_a_non_entity_candidate_has_no_label_and_still_scores() -> None:
    candidate = nothing(2, 4, "product_name")
    assert candidate.label is None
    assert candidate.span is None
    assert candidate.score == weights()["product_name"]
    span = EntitySpan(0, 5, "LOC", None, None, 0, 0)
    assert entity(span, "gazetteer").label == "LOC"


@pytest.mark.parametrize(
    ("text", "word", "evidence"),
    [
        ("Про це заявила Олена Сміт.", "Олена", {"name_readings", "speech_verb"}),
        ("Олена Сміт сказала, що умови змінилися.", "Олена", {"name_readings", "speech_verb"}),
        ("Директор Олена Сміт звільнилася.", "Олена", {"name_readings", "job_title"}),
        ("Склад оновив Президент Франції Макрон.", "Франції", {"gazetteer"}),
    ],
)
def test_context_adds_its_evidence(text: str, word: str, evidence: set[str]) -> None:
    chosen = _decoded(text, word)
    assert chosen is not None
    assert set(chosen.evidence) == evidence


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a product: a non-entity candidate outscores the name rules for its words
        ("Він купив Toyota Land Cruiser у Києві.", [("LOC", "Києві")]),
        # the title of an act holds the place inside it
        ("Це передбачено Законом України про освіту.", []),
        # a place in the genitive before a name is the title's complement, not a first name
        ("Президент Франції Макрон заявив про це.", [("LOC", "Франції"), ("PERS", "Макрон")]),
        # a known place word after a given name in the same case is the surname
        (
            "Генеральний директор Ірина Вашингтон подала у відставку.",
            [("PERS", "Ірина Вашингтон")],
        ),
        # ... but not a place in another case after it (subject and object)
        ("Учора Ірина Вашингтона не бачила.", [("PERS", "Ірина"), ("LOC", "Вашингтона")]),
        # an adjective agreeing with the lower-case words after it heads their phrase, however
        # near a title and a verb of speech it stands
        (
            "Як розповів голова Полтавської обласної федерації шахів Іван Кравець, турнір буде.",
            [("ORG", "Полтавської обласної федерації шахів"), ("PERS", "Іван Кравець")],
        ),
        # ... and ends the name before it
        (
            "Про це йдеться у звіті Марини Кравець Київського центру досліджень.",
            [("PERS", "Марини Кравець"), ("ORG", "Київського центру досліджень")],
        ),
        # the whole text: the name twice a quoted company is one too where it stands alone
        (
            "Фірма «Кордан» виграла тендер. Наступного року фірма «Кордан» отримала ще два "
            "замовлення, а Кордану заплатили 3 млн гривень.",
            [("ORG", "Кордан"), ("ORG", "Кордан"), ("ORG", "Кордану")],
        ),
        # a given name after з/до/від is a person; a locative after у/в/на is a place
        ("Учора ми з Мариною говорили про це.", [("PERS", "Мариною")]),
        ("Він довго жив у Гарвілі, невеликому містечку.", [("LOC", "Гарвілі")]),
        # adjectives sharing one region word are one region each
        (
            "Бої тривають у Донецькій та Луганській областях.",
            [("LOC", "Донецькій"), ("LOC", "Луганській областях")],
        ),
        # an item of a list of places is one, found or not
        (
            "Газ подадуть до Озерян, Тернополя, Бурштина і Калуша.",
            [("LOC", "Озерян"), ("LOC", "Тернополя"), ("LOC", "Бурштина"), ("LOC", "Калуша")],
        ),
        # a genitive surname after "на" in a text naming streets is a street
        (
            "Офіс переїхав з вулиці Франка на Грушевського.",
            [("LOC", "вулиці Франка"), ("LOC", "Грушевського")],
        ),
        # a business word before a quote makes it a name, however few capitals it has
        (
            "Тендер виграла фірма «Будівельні технології півдня» з Києва.",
            [("ORG", "Будівельні технології півдня"), ("LOC", "Києва")],
        ),
        ("Він процитував слова «Будівельні технології півдня».", []),
        # a house number with a second number after a slash, or a letter, stays with its street
        ("Офіс на вул. Московській, 31 / 33.", [("LOC", "вул. Московській, 31 / 33")]),
        ("Центр на вул. Радянській, 132-А.", [("LOC", "вул. Радянській, 132-А")]),
        # railways, metros, colleges, clinics, customs: institutions by their head word
        (
            "Тендер оголосила Південно-Західна залізниця разом з Київським метрополітеном.",
            [("ORG", "Південно-Західна залізниця"), ("ORG", "Київським метрополітеном")],
        ),
        ("Він очолював Київську регіональну митницю.", [("ORG", "Київську регіональну митницю")]),
        # a surname as a sentence's subject, a verb after it; a common noun that is also a
        # surname is not one
        ("Дані оприлюднили. Масалітін також є директором фірми.", [("PERS", "Масалітін")]),
        ("Дані оприлюднили. Вітер також є небезпечним.", []),
        # a compound of нац- is an institution, known to the dictionary or not
        ("У суді виступив представник Нацгвардії України.", [("ORG", "Нацгвардії України")]),
        # an abbreviation of a thing names no body, with a case ending or a number either
        ("До чиновниці звернувся представник ФОПа.", []),
        ("Ціни зросли на початку епідемії COVID-19.", []),
        # "м." after a slash is metres, not a city
        (
            "Кабель коштував 216 грн. / м. Засновником фірми є Люся Гордич.",
            [("PERS", "Люся Гордич")],
        ),
        # two genitive names side by side: someone's surname, then a full name
        (
            "Ділянку зарезервували для матері Кравця Людмили Біцюк.",
            [("PERS", "Кравця"), ("PERS", "Людмили Біцюк")],
        ),
        # ... but a name written surname first stays one
        ("Наказ підписав Петренко Іван Іванович.", [("PERS", "Петренко Іван Іванович")]),
        # a preposition between a capitalised noun and a place is no genitive complement
        (
            "Він ледве добрався через Винники до Львова.",
            [("LOC", "Винники"), ("LOC", "Львова")],
        ),
        # a given name and a surname after a settlement word are a person, not the settlement
        ("Так вважає очільник міста Ігор Слюзар.", [("PERS", "Ігор Слюзар")]),
        # a word after initials is a surname, whatever else it could be; initials closing the
        # name before them, or a unit, make no new one
        (
            "Словник уклали у складі канд. наук В. І. Критської та інших.",
            [("PERS", "В. І. Критської")],
        ),
        (
            "Висновок підписала Васильєва Т. І. Сутність умов не змінилась.",
            [("PERS", "Васильєва Т. І.")],
        ),
        # a town in its region after a preposition of place, an adjective between
        (
            "Сам він прописаний в окупованому Алчевську Луганської області.",
            [("LOC", "Алчевську"), ("LOC", "Луганської області")],
        ),
        ("Це передбачено у Законі України про освіту.", []),
        # Latin initials (a legal form) do not join a Cyrillic name after them
        (
            "Це діяльність компанії Metinvest B. V. Ріната Ахметова та інших.",
            [("ORG", "Metinvest B. V."), ("PERS", "Ріната Ахметова")],
        ),
        # a quoted title headed by a work or document word is no body
        ("Вісім видів занесено до «Червоної книги України».", []),
        # a city's former name and a country's one-word spelling are in the gazetteer
        ("Договір уклали з жителями Кіровограду.", [("LOC", "Кіровограду")]),
        (
            "Позов подала фірма «Коул» (Великобританія).",
            [("ORG", "Коул"), ("LOC", "Великобританія")],
        ),
        # rivers, mountains and a second spelling of a region are in the gazetteer
        (
            "Табір стояв на лівому березі Південного Бугу, а далі видно відроги Карпат.",
            [("LOC", "Південного Бугу"), ("LOC", "Карпат")],
        ),
        # a known party in brackets after its member, where capitals prove nothing
        (
            "Це заявила депутатка Ольга Коваль (Партія регіонів).",
            [("PERS", "Ольга Коваль"), ("ORG", "Партія регіонів")],
        ),
        # a name after a word for a thing or a happening names that thing, nothing inside it
        # an entity; a full name after one is still a person
        ("Лікарі застосовують вакцину Comirnaty від компанії Pfizer.", [("ORG", "Pfizer")]),
        ("У нього виявили хворобу Альцгеймера.", []),
        ("Стартувала кампанія «Чорна п'ятниця» у магазинах.", []),
        ("Засіб створили для препарату «Біопагдез КС» торік.", []),
        ("Господар фестивалю Ілля Бунька радів.", [("PERS", "Ілля Бунька")]),
        # an oblast's adjective standing alone names the oblast; one before its noun does not,
        # nor a surname of that shape
        (
            "Циклон накриє Сумську, Харківську і Полтавську.",
            [("LOC", "Сумську"), ("LOC", "Харківську"), ("LOC", "Полтавську")],
        ),
        (
            "Колонію продала Черкаська виправна установа.",
            [("ORG", "Черкаська виправна установа")],
        ),
        ("Висновок підписала Загребельська.", []),
        # a street list goes on past initials and past a street named with a noun that is
        # also a verb form (Героїв)
        (
            "Ремонт вулиць: В. Чорновола, Різдвяна, Героїв Сталінграда, Фрунзе.",
            [
                ("LOC", "В. Чорновола"),
                ("LOC", "Різдвяна"),
                ("LOC", "Героїв Сталінграда"),
                ("LOC", "Фрунзе"),
            ],
        ),
        # a Latin-script name is a person on a known given name; a brand stays nothing
        (
            "На зустрічі були Donald Trump та Emmanuel Macron.",
            [("PERS", "Donald Trump"), ("PERS", "Emmanuel Macron")],
        ),
        ("Програму Windows Phone закрили.", []),
        # a place that is also a given name stays a place before a name in another case
        (
            "Він зустрівся з тодішнім президентом Ізраїлю Шимоном Пересом.",
            [("LOC", "Ізраїлю"), ("PERS", "Шимоном Пересом")],
        ),
        # a possessive made from a name is that person's
        ("Це було Петрове рішення.", [("PERS", "Петрове")]),
        (
            "Оксана прийшла рано. Тоді Оксанина мама ще спала.",
            [("PERS", "Оксана"), ("PERS", "Оксанина")],
        ),
        # ... only when the text names the owner
        ("Тоді Оксанина мама ще спала.", []),
    ],
)
def test_decoded_sentences(text: str, expected: list[tuple[str, str]]) -> None:
    assert _spans(text) == expected


def test_each_region_of_a_list_is_named_in_the_singular() -> None:
    text = "Вибори пройдуть у Хмельницькій, Тернопільській і Чернівецькій областях."
    names = [s.name for s in RuleRecognizer().recognise(text, tokenize(text))]
    assert names == ["Хмельницька область", "Тернопільська область", "Чернівецька область"]
