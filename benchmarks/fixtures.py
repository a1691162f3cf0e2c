"""Articles shaped like the seed's model, for the format benchmarks: the same input everywhere."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_b4df3ac546630d11.txt"


def seed_body() -> str:
    """The bundled seed's body, read the way the parser reads it (header removed, lead kept)."""
    from newsmodel.extract.source import read_file

    return read_file(SEED).body


def rich_articles(texts: list[str], count: int) -> list[Any]:
    """``count`` articles over ``texts``: 8 people with jobs, organisations, places, events."""
    from newsmodel.models import (
        Article,
        Author,
        Event,
        EventCategory,
        Mention,
        Organisation,
        PartialDate,
        Participant,
        Person,
        Place,
        PlaceKind,
    )

    articles = []
    for index in range(count):
        body = texts[index % len(texts)]
        places = [
            Place(id=f"place-{i}", name=name, kind=PlaceKind.CITY if i else PlaceKind.COUNTRY)
            for i, name in enumerate(["Росія", "Пхеньян", "Сеул", "Курська область"])
        ]
        orgs = [
            Organisation(id=f"org-{i}", name=name, country="place-0")
            for i, name in enumerate(["ЦТАК", "Рада безпеки Росії", "Корейська народна армія"])
        ]
        persons = [
            Person(
                id=f"person-{i}",
                name=f"Особа Номер {i}",
                name_latin=f"Osoba Nomer {i}",
                job_title="заступник міністра оборони",
                affiliation=["org-1"],
                nationality="place-0",
                mentions=[Mention(start=0, end=min(5, len(body)), text=body[:5])],
            )
            for i in range(8)
        ]
        events = [
            Event(
                id=f"event-{i}",
                name="зустріч делегацій",
                category=EventCategory.MEETING,
                start_date=PartialDate(2025, 11, 6),
                location=["place-1"],
                participants=[
                    Participant(id="person-0", role="host"),
                    Participant(id="person-1", role="guest"),
                ],
                description="Міністр прийняв делегацію.",
            )
            for i in range(3)
        ]
        articles.append(
            Article(
                id=f"bench-{index}",
                headline=body[:80],
                description=body[:200],
                date_published=datetime(2025, 11, 7, 9, 30, tzinfo=UTC),
                language="uk",
                body=body,
                word_count=len(body.split()),
                persons=persons,
                organisations=orgs,
                places=places,
                events=events,
                authors=[Author(name="Особа Номер 0")],
                publisher="ЦТАК",
            )
        )
    return articles
