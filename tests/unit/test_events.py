"""Events: a trigger, a date, a place, participants with roles; one happening, one event."""

from __future__ import annotations

from datetime import date

from newsmodel import parse_text
from newsmodel.extract.events import lexicon
from newsmodel.models import EventCategory, PartialDate


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
