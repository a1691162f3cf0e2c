"""Validate newsmodel JSON against our published JSON Schema, then check its references.

The schema (``schemas/article.schema.json``, Draft 2020-12) checks shapes and values; what a
schema cannot express (unique ids, references that resolve, mentions that slice the body) is
checked on the plain data afterwards.  Every problem is reported with its JSON pointer.

Speed: the pure-Python ``jsonschema`` validator is what describes errors, but it is slow (about
140 rich articles/s).  So every document is first asked of a compiled ``jsonschema-rs``
validator built once from the same schema (:mod:`newsmodel.validation.fastschema`), which only
says valid or invalid; the Python validator runs only for documents it calls invalid, and its
errors are the report.  A valid document therefore gets the same (empty) schema report it
always did, and an invalid one the very same issues.
"""

from __future__ import annotations

import ast
import calendar
import re
from collections.abc import Iterator
from datetime import date
from functools import cache
from typing import Any

import orjson
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from newsmodel.validation.fastschema import FastValidator, fast_validator
from newsmodel.validation.jsondocs import (
    Document,
    JSONInputError,
    check_depth,
    documents_or_report,
)
from newsmodel.validation.quoting import quote
from newsmodel.validation.report import Location, Report
from newsmodel.validation.resources import bundled_schema

SCHEMA_FILE = "article.schema.json"
_PARTIAL_DATE = re.compile(r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$")
_FULL_DATE = re.compile(r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])(T|$)")


@cache
def _validator() -> Draft202012Validator:
    schema = orjson.loads(bundled_schema(SCHEMA_FILE))
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


@cache
def _fast_validator() -> FastValidator | None:
    return fast_validator(orjson.loads(bundled_schema(SCHEMA_FILE)))


def validate(data: bytes, *, source: str | None = None) -> Report:
    """Every schema and reference problem in a newsmodel JSON document (or JSON Lines)."""
    report = Report(format="json", source=source)
    documents = documents_or_report(data, report)
    if documents is None:
        return report
    check_documents(documents, report)
    return report


def check_documents(documents: list[Document], report: Report) -> None:
    """Add every schema and reference issue of each document to ``report``."""
    fast = _fast_validator()
    for document in documents:
        prefix = document.prefix
        if fast is None or not fast.is_valid(document.value):
            try:
                check_depth(document)  # the Python validator recurses: refuse deep ones first
            except JSONInputError as deep:
                report.error(deep.code, deep.message, Location(pointer=deep.pointer))
                continue
            for error in sorted(_validator().iter_errors(document.value), key=_error_key):
                if report.full:
                    report.error("json.schema", "")  # counted only (Report.limit)
                    continue
                pointer, code, message = describe(error)
                report.error(code, message, Location(pointer=prefix + pointer))
        if isinstance(document.value, dict):
            for pointer, code, message in check_references(document.value):
                report.error(code, message, Location(pointer=prefix + pointer))


def _error_key(error: ValidationError) -> tuple[str, ...]:
    return tuple(str(part) for part in error.absolute_path)


def pointer_of(path: Any) -> str:
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in path)


def describe(error: ValidationError) -> tuple[str, str, str]:
    """A pointer, a stable code and a message that quotes the bad value."""
    if error.validator in ("anyOf", "oneOf") and error.context:
        # A nullable field: the interesting failure is the non-null branch's.  Context errors
        # know their parent, so their absolute path is already the full pointer.
        branches = [
            sub
            for sub in error.context
            if not (sub.validator == "type" and sub.validator_value == "null")
        ]
        if branches:
            return describe(max(branches, key=lambda sub: len(sub.absolute_path)))
    pointer = pointer_of(error.absolute_path)
    validator = str(error.validator)
    value = error.instance
    if validator == "required":
        missing = _missing_property(error)
        return f"{pointer}/{missing}", "json.required", f"required property {missing!r} is missing"
    if validator == "additionalProperties":
        extra = (
            sorted(set(value) - set(error.schema.get("properties", {})))
            if isinstance(value, dict)
            else []
        )
        name = extra[0] if extra else "?"
        return f"{pointer}/{name}", "json.unknown-property", f"unknown property {name!r}"
    if validator == "pattern":
        what = error.schema.get("description") or f"a string matching {error.validator_value}"
        return pointer, "json.pattern", f"{quote(value)} is not valid here: expected {what}"
    if validator == "type":
        expected = error.validator_value
        return pointer, "json.type", f"{quote(value)} is not of type {expected}"
    if validator == "enum":
        options = ", ".join(map(str, error.validator_value))
        return pointer, "json.enum", f"{quote(value)} is not one of: {options}"
    return pointer, f"json.{validator.lower()}", error.message


def _missing_property(error: ValidationError) -> str:
    """The property one ``required`` error is about.  jsonschema raises one error per missing
    property, all carrying the same ``required`` list, so the name is read from the message
    (``'headline' is a required property``); the first missing name is the fallback."""
    quoted = error.message.removesuffix(" is a required property")
    if quoted != error.message:
        try:
            name = ast.literal_eval(quoted)
        except (ValueError, SyntaxError):
            name = None
        if isinstance(name, str):
            return name
    value = error.instance
    return next(
        (name for name in error.validator_value if isinstance(value, dict) and name not in value),
        "?",
    )


def _ids(document: dict[str, Any]) -> Iterator[tuple[str, str, str]]:
    for collection, kind in (
        ("persons", "Person"),
        ("organisations", "Organisation"),
        ("places", "Place"),
        ("events", "Event"),
    ):
        items = document.get(collection)
        if isinstance(items, list):
            for index, item in enumerate(items):
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    yield item["id"], kind, f"/{collection}/{index}"


def check_references(document: dict[str, Any]) -> Iterator[tuple[str, str, str]]:
    """Duplicate ids, dangling or mistyped references, days the calendar does not have, and
    mentions that do not slice the body."""
    kinds: dict[str, str] = {}
    for entity_id, kind, pointer in _ids(document):
        if entity_id in kinds:
            yield f"{pointer}/id", "json.duplicate-id", f"id {entity_id!r} is used twice"
        kinds.setdefault(entity_id, kind)

    rules = (
        ("persons", "affiliation", ("Organisation",)),
        ("persons", "nationality", ("Place",)),
        ("organisations", "country", ("Place",)),
        ("organisations", "parent", ("Organisation",)),
        ("events", "location", ("Place",)),
        ("places", "contained_in", ("Place",)),
    )
    for collection, field, wanted in rules:
        for index, item in enumerate(_items(document, collection)):
            refs = item.get(field)
            ref_list = refs if isinstance(refs, list) else [refs]
            for position, ref in enumerate(ref_list):
                if not isinstance(ref, str):
                    continue
                suffix = f"/{position}" if isinstance(refs, list) else ""
                yield from _check_ref(kinds, ref, wanted, f"/{collection}/{index}/{field}{suffix}")
    for index, org in enumerate(_items(document, "organisations")):
        if isinstance(org.get("id"), str) and org.get("parent") == org["id"]:
            yield (
                f"/organisations/{index}/parent",
                "json.self-reference",
                f"organisation {org['id']!r} is its own parent",
            )
    for index, place in enumerate(_items(document, "places")):
        if isinstance(place.get("id"), str) and place.get("contained_in") == place["id"]:
            yield (
                f"/places/{index}/contained_in",
                "json.self-reference",
                f"place {place['id']!r} lies in itself",
            )
    for index, event in enumerate(_items(document, "events")):
        participants = event.get("participants")
        for position, participant in enumerate(
            participants if isinstance(participants, list) else []
        ):
            if isinstance(participant, dict) and isinstance(participant.get("id"), str):
                yield from _check_ref(
                    kinds,
                    participant["id"],
                    ("Person", "Organisation", "Place"),
                    f"/events/{index}/participants/{position}/id",
                )
    dateline = document.get("dateline")
    if isinstance(dateline, dict) and isinstance(dateline.get("place"), str):
        yield from _check_ref(kinds, dateline["place"], ("Place",), "/dateline/place")
    for index, author in enumerate(_items(document, "authors")):
        if isinstance(author.get("entity"), str):
            yield from _check_ref(
                kinds, author["entity"], ("Person", "Organisation"), f"/authors/{index}/entity"
            )
    yield from _calendar_dates(document)
    yield from _event_order(document)
    body = document.get("body")
    if isinstance(body, str):
        for collection in ("persons", "organisations", "places", "events"):
            for index, item in enumerate(_items(document, collection)):
                mentions = item.get("mentions")
                for position, mention in enumerate(mentions if isinstance(mentions, list) else []):
                    if not isinstance(mention, dict):
                        continue
                    start, end, text = mention.get("start"), mention.get("end"), mention.get("text")
                    if not (
                        isinstance(start, int) and isinstance(end, int) and isinstance(text, str)
                    ):
                        continue
                    if body[start:end] != text or end < start or end > len(body):
                        yield (
                            f"/{collection}/{index}/mentions/{position}",
                            "json.mention",
                            f"mention {start}:{end} says {quote(text)} but the body has "
                            f"{quote(body[start:end])} there",
                        )


def _calendar_dates(document: dict[str, Any]) -> Iterator[tuple[str, str, str]]:
    """Dates the schema's patterns let through but the calendar does not (``2025-02-30``):
    the reader would refuse them, so the validator must not call them valid."""
    places: list[tuple[str, Any]] = [
        (f"/{key}", document.get(key))
        for key in ("date_published", "date_modified", "first_created", "embargoed_until")
    ]
    for index, signal in enumerate(_items(document, "signals")):
        places.append((f"/signals/{index}/date", signal.get("date")))
    for index, event in enumerate(_items(document, "events")):
        for key in ("start_date", "end_date"):
            places.append((f"/events/{index}/{key}", event.get(key)))
    for pointer, value in places:
        if not isinstance(value, str) or len(value) < 10 or not _FULL_DATE.match(value):
            continue  # a partial date, or not a date at all (the schema says so)
        try:
            date.fromisoformat(value[:10])
        except ValueError:
            yield pointer, "json.date", f"{quote(value)} is not a day of the calendar"


def _event_order(document: dict[str, Any]) -> Iterator[tuple[str, str, str]]:
    """An event that ends before it starts (the model refuses it): the end's last day is
    before the start's first day, at whatever precision each is given."""
    for index, event in enumerate(_items(document, "events")):
        start, end = _days(event.get("start_date")), _days(event.get("end_date"))
        if start is not None and end is not None and end[1] < start[0]:
            yield (
                f"/events/{index}/end_date",
                "json.date-order",
                f"end_date {quote(event['end_date'])} is before start_date "
                f"{quote(event['start_date'])}",
            )


def _days(value: Any) -> tuple[date, date] | None:
    """The first and last day a partial date (``2024``, ``2024-06``, ``2024-06-12``) means."""
    if not isinstance(value, str) or not _PARTIAL_DATE.match(value):
        return None
    parts = [int(part) for part in value.split("-")]
    try:
        if len(parts) == 3:
            day = date(*parts)
            return day, day
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return date(parts[0], parts[1], 1), date(parts[0], parts[1], last)
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    except ValueError:
        return None  # year 0 or 30 February: reported by the schema or json.date


def _items(document: dict[str, Any], collection: str) -> list[dict[str, Any]]:
    items = document.get(collection)
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


def _check_ref(
    kinds: dict[str, str], ref: str, wanted: tuple[str, ...], pointer: str
) -> Iterator[tuple[str, str, str]]:
    found = kinds.get(ref)
    if found is None:
        yield (
            pointer,
            "json.dangling-reference",
            f"{ref!r} is not the id of anything in the article",
        )
    elif found not in wanted:
        yield (
            pointer,
            "json.wrong-reference",
            f"{ref!r} is a {found}, expected a {'/'.join(wanted)}",
        )
