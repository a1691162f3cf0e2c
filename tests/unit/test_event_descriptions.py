"""Definite descriptions as event participants (extract/events/anaphora.py): a lower-case
head noun stands for the organisation named before it.  Sentences written for this test."""

from __future__ import annotations

from newsmodel import parse_text

_TEXT = (
    "date 2024-03-01\n\n"
    "Міністерство фінансів України уклало договір з ТОВ «Медсервіс». "
    "У лютому міністерство перерахувало фірмі 3 млн грн."
)


def _payment_roles(text: str) -> dict[str, str | None]:
    article = parse_text(text)
    payment = next(e for e in article.events if e.category == "payment")
    names = {entity.id: entity.name for entity in article.organisations}
    return {names[p.id]: p.role for p in payment.participants if p.id in names}


def test_the_ministry_and_the_firm_are_the_organisations_named_before() -> None:
    roles = _payment_roles(_TEXT)
    assert roles.get("Міністерство фінансів України") == "payer"
    assert roles.get("ТОВ «Медсервіс»") == "payee"


def test_a_description_with_no_organisation_before_it_adds_nobody() -> None:
    text = "date 2024-03-01\n\nУ лютому міністерство перерахувало фірмі 3 млн грн."
    assert _payment_roles(text) == {}


def test_a_head_noun_inside_a_name_is_the_names_own_word() -> None:
    text = (
        "date 2024-03-01\n\nГосподарський суд Київської області стягнув з ТОВ «Медсервіс» "
        "3 млн грн на користь Міністерства фінансів України."
    )
    article = parse_text(text)
    for event in article.events:
        ids = [p.id for p in event.participants]
        assert len(ids) == len(set(ids))
