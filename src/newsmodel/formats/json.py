"""newsmodel's own JSON: the model's shape, written by orjson, read back exactly.

One article is one JSON object; several are JSON Lines (one compact object per line).  The
reader takes an object, an array of objects, or JSON Lines.  The published JSON Schema
(``schemas/article.schema.json``) describes exactly what ``dump`` writes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import orjson
from pydantic import ValidationError

from newsmodel.errors import DocumentError
from newsmodel.models import Article
from newsmodel.textcodecs import utf8
from newsmodel.validation.jsondocs import MAX_BYTES, JSONInputError, read_documents
from newsmodel.validation.report import Report


def article_to_dict(article: Article) -> dict[str, Any]:
    """The JSON-ready dict of an article, every field present, in model order."""
    return article.model_dump(mode="json")


def dump(article: Article, *, indent: bool = True) -> bytes:
    """One article as UTF-8 JSON (no ASCII escaping, deterministic key order)."""
    option = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE if indent else 0
    return orjson.dumps(article_to_dict(article), option=option)


def dump_many(articles: Iterable[Article]) -> bytes:
    """Several articles as JSON Lines."""
    return b"".join(
        orjson.dumps(article_to_dict(article), option=orjson.OPT_APPEND_NEWLINE)
        for article in articles
    )


def load(data: bytes | str, *, source: str | None = None) -> list[Article]:
    """Read an object, an array of objects, or JSON Lines into articles.

    Exactly what ``validate(data, "json")`` calls valid is read, and nothing else: the same
    parsing (:mod:`newsmodel.validation.jsondocs`) and the same schema and reference checks
    run first, and the first issue they find is the error (with how many there are).

    The schema checker (and ``jsonschema`` behind it) is imported here, not with the module:
    writing JSON, what ``newsmodel convert`` does, never needs it."""
    from newsmodel.validation.jsonschema import check_documents

    raw = utf8(data, where=source)
    try:
        documents = read_documents(raw)
    except JSONInputError as error:
        raise DocumentError(error.message, where=_where(source, error.where or "/")) from None
    report = Report(format="json", source=source)
    check_documents(documents, report)
    if not report.ok:
        first = report.errors[0]
        count = len(report.errors) + report.omitted_errors - (report.omitted_errors > 0)
        raise DocumentError(
            f"{first.message} ({count} problem(s); `newsmodel validate` lists them all)",
            where=_where(source, str(first.location) or "/"),
        )
    articles = []
    for document in documents:
        try:
            articles.append(Article.model_validate(document.value))
        except ValidationError as error:  # a model rule the validator does not mirror: a bug
            detail = error.errors()[0]
            pointer = document.prefix + "".join(f"/{part}" for part in detail["loc"])
            raise DocumentError(
                f"{detail['msg']} ({error.error_count()} problem(s))",
                where=_where(source, pointer or "/"),
            ) from None
    return articles


def _where(source: str | None, place: str) -> str:
    return f"{source}:{place}" if source else place


__all__ = ["MAX_BYTES", "article_to_dict", "dump", "dump_many", "load"]
