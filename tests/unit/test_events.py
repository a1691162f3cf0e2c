"""Events: a trigger, a date, a place, participants with roles; one happening, one event."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsmodel import parse_text
from newsmodel.extract import morph
from newsmodel.extract.document import Document
from newsmodel.extract.events import lexicon, trigger_lemmas, units
from newsmodel.extract.events.clause import clause_event
from newsmodel.models import EventCategory, EventStatus, PartialDate


def test_trigger_table_is_data_with_valid_categories() -> None:
    table = lexicon().frames
    assert table[("переговори", "NOUN")].category is EventCategory.MEETING
    assert all(isinstance(t.category, EventCategory) for t in table.values())


def test_talks_with_date_place_and_people() -> None:
    article = parse_text(
        "Міністр оборони КНДР Но Гван Чоль 6 листопада прийняв у Пхеньяні заступника міністра "
        "оборони Росії Віктора Горемикіна. «Переговори пройшли у дружній обстановці», "
        "йдеться в повідомленні ЦТАК.",
        date=date(2025, 11, 7),
    )
    assert len(article.events) == 1
    event = article.events[0]
    assert event.category is EventCategory.MEETING
    assert event.name == "Переговори у Пхеньяні"
    assert event.start_date == PartialDate(2025, 11, 6)
    assert [article.get(i).name for i in event.location] == ["Пхеньян"]  # type: ignore[union-attr]
    people = {article.get(p.id).name for p in event.participants if p.id.startswith("person")}  # type: ignore[union-attr]
    assert people == {"Но Гван Чоль", "Віктор Горемикін"}
    roles = {article.get(p.id).name: p.role for p in event.participants}  # type: ignore[union-attr]
    assert roles["Но Гван Чоль"] == "host"
    assert roles["Віктор Горемикін"] == "guest"
    assert len(event.mentions) == 2


def test_the_reporting_agency_is_a_source() -> None:
    article = parse_text("За даними ЦТАК, у Пхеньяні відбулися переговори.", date=date(2025, 11, 7))
    event = article.events[0]
    roles = {article.get(p.id).name: p.role for p in event.participants}  # type: ignore[union-attr]
    assert roles == {"ЦТАК": "source"}


def test_no_trigger_no_event() -> None:
    assert parse_text("Погода в Києві сьогодні тепла і сонячна.").events == []


def test_a_demonstrative_refers_back_to_the_same_event() -> None:
    article = parse_text(
        "У Женеві відбулися переговори. Учасники обідали. Потім гуляли містом. Ввечері "
        "дивилися фільм. За результатами цих переговорів сторони зробили заяву."
    )
    meetings = [e for e in article.events if e.category is EventCategory.MEETING]
    assert len(meetings) == 1
    assert len(meetings[0].mentions) == 2


def test_a_country_that_acts_is_a_participant() -> None:
    article = parse_text(
        "З жовтня 2024 року Північна Корея надіслала близько 15 тисяч військових до Росії.",
        date=date(2025, 11, 7),
    )
    (event,) = article.events
    assert event.category is EventCategory.DEPLOYMENT
    assert event.start_date == PartialDate(2024, 10)
    named = {article.get(p.id).name for p in event.participants}  # type: ignore[union-attr]
    assert named == {"КНДР"}


def test_a_visit_and_its_talks_in_one_place_are_one_event() -> None:
    article = parse_text(
        "Уряд Польщі підтвердив приїзд до Польщі делегації з Литви. Прем'єр-міністр Польщі "
        "Ян Новак 3 березня прийняв у Варшаві литовських гостей. Переговори тривали дві години.",
        date=date(2025, 3, 5),
    )
    assert len(article.events) == 1
    (event,) = article.events
    assert event.category is EventCategory.MEETING
    assert event.name == "Переговори у Варшаві"
    assert [article.get(i).name for i in event.location] == ["Варшава", "Польща"]  # type: ignore[union-attr]


def test_a_visit_and_talks_elsewhere_stay_two_events() -> None:
    article = parse_text(
        "Президент прибув з візитом до Франції. Увечері в Берліні відбулися переговори.",
        date=date(2025, 3, 5),
    )
    assert [e.category for e in article.events] == [EventCategory.VISIT, EventCategory.MEETING]


def test_a_trigger_with_nobody_nowhere_and_no_time_is_no_event() -> None:
    article = parse_text("Угода містить пункт про військову допомогу в разі нападу.")
    assert all(e.category is not EventCategory.AID for e in article.events)


def test_a_back_reference_points_to_the_event_its_trigger_named_and_adds_only_a_mention() -> None:
    """ "цих переговорів" refers to the talks, not to the meeting told in between, and the
    sentence's own people and places (a later deployment) do not join the talks."""
    article = parse_text(
        "Міністр оборони КНДР Но Гван Чоль 6 листопада прийняв у Пхеньяні заступника міністра "
        "оборони Росії Віктора Горемикіна. «Переговори пройшли у дружній обстановці», "
        "йдеться в повідомленні ЦТАК. Також Горемикін зустрівся з представниками армії. "
        "Південнокорейська розвідка повідомила, що за результатами цих переговорів до Росії "
        "буде направлено п'ять тисяч військових.",
        date=date(2025, 11, 7),
    )
    talks = next(e for e in article.events if e.name == "Переговори у Пхеньяні")
    assert talks.mentions[-1].text == "переговорів"
    names = {article.get(p.id).name for p in talks.participants}  # type: ignore[union-attr]
    assert "Південнокорейська розвідка" not in names
    assert [article.get(i).name for i in talks.location] == ["Пхеньян"]  # type: ignore[union-attr]
    assert not any(e.name == "Переговори" for e in article.events)


def test_taking_part_or_a_decision_is_not_receiving_someone() -> None:
    """ "прийняв участь" (took part), "прийняла закон" (passed a law): the verb that makes
    "прийняв делегацію" a meeting is an idiom here."""
    for text in (
        "21 квітня Віктор Янукович прийняв участь в урочистому відкритті лікарні.",
        "21 квітня Віктор Янукович прийняв активну участь у відкритті лікарні.",
        "Верховна Рада прийняла закон про освіту 5 вересня.",
        "Верховна Рада 5 вересня прийняла в цілому закон про освіту.",
    ):
        assert [e for e in parse_text(text).events if e.category is EventCategory.MEETING] == []
    received = parse_text("Міністр 6 листопада прийняв у Пхеньяні делегацію.").events
    assert [e.category for e in received] == [EventCategory.MEETING]


def test_the_organisations_of_an_agreement_sign_it() -> None:
    article = parse_text(
        "Вищий господарський суд України 25 вересня уклав угоду з ТОВ «Деміург» на "
        "виготовлення відзнак.",
        date=date(2025, 11, 7),
    )
    [event] = article.events
    assert event.category is EventCategory.AGREEMENT
    roles = {article.get(p.id).name: p.role for p in event.participants}  # type: ignore[union-attr]
    assert roles == {"Вищий господарський суд України": "signatory", "ТОВ «Деміург»": "signatory"}


def test_an_appointment_needs_a_person() -> None:
    """ "призначення" is also "purpose": land "лісогосподарського призначення" is no event."""
    assert (
        parse_text(
            "Кабмін 10 квітня 2008 року змінив цільове призначення земель лісогосподарського "
            "призначення."
        ).events
        == []
    )
    article = parse_text(
        "Президент 5 травня призначив Івана Петренка міністром.", date=date(2025, 11, 7)
    )
    assert [e.category for e in article.events] == [EventCategory.APPOINTMENT]


# --- the frame lexicon -------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]


def test_every_frame_lemma_is_a_dictionary_word_of_its_part_of_speech() -> None:
    """A typo in frames.tsv would never match a token: each lemma must be pymorphy3's own."""
    verbal = {"VERB", "INFN"}
    for (lemma, pos), _frame in lexicon().frames.items():
        readings = morph.readings(lemma)
        assert any(
            r.lemma == lemma and r.known and (r.pos in verbal if pos == "VERB" else r.pos == pos)
            for r in readings
        ), (lemma, pos)


def test_the_lexicon_is_wide_and_every_category_has_its_roles_and_documentation() -> None:
    table = lexicon()
    assert len(trigger_lemmas()) >= 400
    used = {frame.category for frame in table.frames.values()}
    model_doc = (ROOT / "docs" / "model.md").read_text("utf-8")
    for category in EventCategory:
        if category is EventCategory.OTHER:
            continue
        assert category in table.categories, category
        assert category in used or any(
            f.category is category for verbs in table.collocations.values() for f in verbs.values()
        ), category
        assert f"`{category.value}`" in model_doc, category


def test_passive_participles_count_as_their_verbs() -> None:
    participles = lexicon().participles
    assert participles["підписаний"] == "підписати"
    assert participles["засуджений"] == "засудити"


# --- frames: category, roles by Ukrainian marking, date -----------------------------------------

PUBLISHED = date(2025, 6, 1)

FRAMES = [
    (
        "5 травня ТОВ «Зелена долина» уклало договір з ТОВ «Світанок».",
        EventCategory.CONTRACT,
        {"ТОВ «Зелена долина»": "party", "ТОВ «Світанок»": "party"},
        PartialDate(2025, 5, 5),
    ),
    (
        "Печерський районний суд Києва 3 квітня заарештував Івана Петренка.",
        EventCategory.ARREST,
        {"Печерський районний суд Києва": "authority", "Іван Петренко": "suspect"},
        PartialDate(2025, 4, 3),
    ),
    (
        "Прокуратура 10 лютого повідомила про підозру Олені Коваль.",
        EventCategory.CHARGE,
        {"Олена Коваль": "suspect"},
        PartialDate(2025, 2, 10),
    ),
    (
        "Національне антикорупційне бюро України 7 березня провело обшук у ТОВ «Світанок».",
        EventCategory.SEARCH,
        {"Національне антикорупційне бюро України": "authority", "ТОВ «Світанок»": "searched"},
        PartialDate(2025, 3, 7),
    ),
    (
        "Іван Петренко 12 травня купив у ТОВ «Світанок» земельну ділянку.",
        EventCategory.PURCHASE,
        {"Іван Петренко": "buyer", "ТОВ «Світанок»": "seller"},
        PartialDate(2025, 5, 12),
    ),
    (
        "Суд 2 травня наклав арешт на рахунки ТОВ «Світанок».",
        EventCategory.SEIZURE,
        {"ТОВ «Світанок»": "owner"},
        PartialDate(2025, 5, 2),
    ),
    (
        "Угоду було підписано 20 травня міністром Іваном Петренком.",
        EventCategory.AGREEMENT,
        {"Іван Петренко": "signatory"},
        PartialDate(2025, 5, 20),
    ),
    (
        "Олена Коваль 14 квітня подала позов до суду проти ТОВ «Світанок».",
        EventCategory.LAWSUIT,
        {"Олена Коваль": "plaintiff", "ТОВ «Світанок»": "defendant"},
        PartialDate(2025, 4, 14),
    ),
    (
        "Іван Петренко 5 травня став директором ТОВ «Світанок».",
        EventCategory.APPOINTMENT,
        {"Іван Петренко": "appointee", "ТОВ «Світанок»": "organisation"},
        PartialDate(2025, 5, 5),
    ),
    (
        "Президент 5 травня призначив Івана Петренка міністром.",
        EventCategory.APPOINTMENT,
        {"Іван Петренко": "appointee"},
        PartialDate(2025, 5, 5),
    ),
]


@pytest.mark.parametrize(("text", "category", "roles", "when"), FRAMES)
def test_a_frame_gives_its_category_roles_and_date(
    text: str, category: EventCategory, roles: dict[str, str], when: PartialDate
) -> None:
    article = parse_text(text, date=PUBLISHED)
    events = [e for e in article.events if e.category is category]
    assert len(events) == 1, [(e.category, e.name) for e in article.events]
    (event,) = events
    named = {article.get(p.id).name: p.role for p in event.participants}  # type: ignore[union-attr]
    assert {name: named.get(name) for name in roles} == roles
    assert event.start_date == when


def test_a_place_is_where_it_happened_never_a_participant() -> None:
    article = parse_text("Працівники заводу 3 березня оголосили страйк у Львові.", date=PUBLISHED)
    (event,) = article.events
    assert event.category is EventCategory.STRIKE
    assert [article.get(i).name for i in event.location] == ["Львів"]  # type: ignore[union-attr]
    assert event.participants == []


def test_a_news_agency_is_the_source_not_a_participant() -> None:
    article = parse_text(
        "Як повідомляє Укрінформ, 5 травня у Львові відбувся мітинг.", date=PUBLISHED
    )
    (event,) = article.events
    assert event.category is EventCategory.PROTEST
    assert {p.role for p in event.participants} <= {"source"}
    assert parse_text("Про це повідомляє Укрінформ.", date=PUBLISHED).events == []


# --- reversals, negation, condition, genericity make no event (of that kind) ------------------

NO_EVENT = [
    ("Суд 2 травня зняв арешт з рахунків ТОВ «Світанок».", EventCategory.SEIZURE),
    ("ТОВ «Світанок» 4 квітня розірвало контракт з ТОВ «Зелена долина».", EventCategory.CONTRACT),
    ("Сторони так і не підписали угоду з ТОВ «Світанок».", EventCategory.AGREEMENT),
    ("Переговори в Женеві 5 травня не відбулися.", EventCategory.MEETING),
    ("Якщо суд задовольнить позов ТОВ «Світанок», компанія сплатить штраф.", EventCategory.RULING),
    ("Якщо суд задовольнить позов ТОВ «Світанок», компанія сплатить штраф.", EventCategory.PAYMENT),
    ("Вибори у Львові — важлива частина демократії.", EventCategory.ELECTION),
    ("Іван Петренко зазвичай купує акції ТОВ «Світанок» 5 травня.", EventCategory.PURCHASE),
]


@pytest.mark.parametrize(("text", "category"), NO_EVENT)
def test_no_event_of_the_kind_the_words_name(text: str, category: EventCategory) -> None:
    article = parse_text(text, date=PUBLISHED)
    assert [e for e in article.events if e.category is category] == []


def test_a_reversal_names_its_own_event() -> None:
    article = parse_text("Суд 2 травня зняв арешт з рахунків ТОВ «Світанок».", date=PUBLISHED)
    assert [e.category for e in article.events] == [EventCategory.CANCELLATION]


# --- status: scheduled, cancelled, postponed (what the clause says of its event) ---------------

STATUS = [
    ("Уряд підписав угоду.", EventCategory.AGREEMENT, "occurred"),
    ("Міністри планують підписати угоду.", EventCategory.AGREEMENT, "scheduled"),
    ("Зустріч має відбутися в Женеві.", EventCategory.MEETING, "scheduled"),
    ("Президент відвідає Варшаву.", EventCategory.VISIT, "scheduled"),
    ("Організатори скасували зустріч.", EventCategory.MEETING, "cancelled"),
    ("Засідання перенесли на осінь.", EventCategory.MEETING, "postponed"),
    ("Суд скасував рішення міської ради.", EventCategory.CANCELLATION, "occurred"),
    ("Компанія оголосила про купівлю стартапу.", EventCategory.PURCHASE, "occurred"),
]


@pytest.mark.parametrize(("text", "category", "status"), STATUS)
def test_the_clause_says_the_status(text: str, category: EventCategory, status: str) -> None:
    doc = Document.from_text(text)
    found = clause_event(doc, 0, len(doc.tokens))
    assert found is not None
    assert (found.frame.category, found.status) == (category, status)


# --- one event per clause, dates where they belong, retellings joined --------------------------


def test_each_clause_has_its_own_event_and_date() -> None:
    article = parse_text(
        "Іван Петренко 3 березня купив ділянку у ТОВ «Світанок», а Олена Коваль 9 березня "
        "продала свою ділянку ТОВ «Зелена долина».",
        date=PUBLISHED,
    )
    dated = {e.category: e.start_date for e in article.events}
    assert dated == {
        EventCategory.PURCHASE: PartialDate(2025, 3, 3),
        EventCategory.SALE: PartialDate(2025, 3, 9),
    }


def test_a_bare_comma_between_predicates_parts_two_events() -> None:
    article = parse_text(
        "5 травня Івана Петренка затримали, наступного дня йому повідомили про підозру.",
        date=PUBLISHED,
    )
    assert [e.category for e in article.events] == [EventCategory.ARREST, EventCategory.CHARGE]


def test_the_evidence_sentence_dates_the_sentence_before() -> None:
    article = parse_text(
        "Суд заарештував Івана Петренка. Про це свідчить ухвала суду від 5 травня.",
        date=PUBLISHED,
    )
    arrest = next(e for e in article.events if e.category is EventCategory.ARREST)
    assert arrest.start_date == PartialDate(2025, 5, 5)


def test_a_paper_date_belongs_to_its_paper_not_to_the_clause_event() -> None:
    article = parse_text(
        "Прокуратура, яка розслідує провадження № 4201 від 06.01.2025, заарештувала Івана "
        "Петренка.",
        date=PUBLISHED,
    )
    arrest = next(e for e in article.events if e.category is EventCategory.ARREST)
    assert arrest.start_date is None


def test_a_retelling_joins_the_first_telling() -> None:
    article = parse_text(
        "ТОВ «Світанок» 5 травня уклало договір з ТОВ «Зелена долина». Вартість договору "
        "склала 5 млн грн.",
        date=PUBLISHED,
    )
    (event,) = article.events
    assert [m.text for m in event.mentions] == ["договір", "договору"]


def test_a_subject_pronoun_stands_for_the_person_named_before() -> None:
    article = parse_text(
        "Іван Петренко довго працював у банку. У червні 2024 року він став директором "
        "ТОВ «Світанок».",
        date=PUBLISHED,
    )
    (event,) = [e for e in article.events if e.category is EventCategory.APPOINTMENT]
    assert "person-ivan-petrenko" in {p.id for p in event.participants}
    assert event.start_date == PartialDate(2024, 6)


def test_a_clause_is_cut_at_a_line_break() -> None:
    doc = Document.from_text("Вартість склала 7 млн грн.\nПротягом грудня міністерство заплатило")
    assert len(units(doc)) == 2


def test_the_article_event_carries_the_status() -> None:
    """The clause's status reaches the model: planned talks are scheduled, called-off ones
    cancelled, and a date after publication makes a reported happening scheduled."""
    cases = [
        ("Міністри 5 травня підписали угоду з ТОВ «Світанок».", EventStatus.OCCURRED),
        ("Міністри планують 20 червня підписати угоду з ТОВ «Світанок».", EventStatus.SCHEDULED),
        ("Організатори 5 травня скасували зустріч у Львові.", EventStatus.CANCELLED),
        ("Засідання у Львові 5 травня перенесли.", EventStatus.POSTPONED),
        ("Зустріч у Львові відбудеться 20 червня.", EventStatus.SCHEDULED),
    ]
    for text, status in cases:
        events = parse_text(text, date=PUBLISHED).events
        assert [e.status for e in events] == [status], text


GOVERNED = [
    ("Сторони домовилися провести зустріч.", EventCategory.MEETING, "scheduled"),
    ("Уряд вирішив підписати угоду.", EventCategory.AGREEMENT, "scheduled"),
    ("Сторони відмовилися підписати угоду.", EventCategory.REFUSAL, "occurred"),
    ("Робітники почали страйкувати.", EventCategory.STRIKE, "occurred"),
]


@pytest.mark.parametrize(("text", "category", "status"), GOVERNED)
def test_an_infinitive_trigger_is_what_its_verb_says(
    text: str, category: EventCategory, status: str
) -> None:
    """An event someone agreed or decided to hold is planned; one refused is a refusal."""
    doc = Document.from_text(text)
    found = clause_event(doc, 0, len(doc.tokens))
    assert found is not None
    assert (found.frame.category, found.status) == (category, status)


def test_a_governing_verb_negated_negates_its_infinitive() -> None:
    doc = Document.from_text("Сторони не змогли підписати угоду.")
    assert clause_event(doc, 0, len(doc.tokens)) is None


def test_a_name_after_the_verb_is_its_object_and_a_generic_head_keeps_the_preposition() -> None:
    article = parse_text(
        "Компанія «Укрнафта» 4 березня придбала мережу заправок у компанії «Гліуса».",
        date=PUBLISHED,
    )
    (event,) = article.events
    roles = {article.get(p.id).name: p.role for p in event.participants}  # type: ignore[union-attr]
    assert roles.get("Укрнафта") == "buyer"
    assert "seller" in roles.values()


def test_two_happenings_with_different_people_stay_two() -> None:
    article = parse_text(
        "Міністерство охорони здоров'я України зареєструвало нову вакцину. Центральна виборча "
        "комісія зареєструвала 15 кандидатів.",
        date=PUBLISHED,
    )
    assert [e.category for e in article.events] == [EventCategory.REGISTRATION] * 2


def test_people_taking_part_in_it_join_the_event_just_told() -> None:
    article = parse_text(
        "Іван Петренко 5 травня провів переговори у Львові. У них взяла участь Олена Коваль.",
        date=PUBLISHED,
    )
    (event,) = article.events
    named = {article.get(p.id).name for p in event.participants}  # type: ignore[union-attr]
    assert named == {"Іван Петренко", "Олена Коваль"}
