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

MAX_BYTES = 256 * 1024 * 1024
"""Refuse documents larger than this rather than exhaust memory."""


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
    """Read an object, an array of objects, or JSON Lines into articles."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if len(raw) > MAX_BYTES:
        raise DocumentError(f"document is larger than {MAX_BYTES} bytes", where=source)
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if not raw.strip():
        raise DocumentError("the document is empty", where=source)
    try:
        documents = _parse(raw)
    except orjson.JSONDecodeError as error:
        raise DocumentError(
            f"not valid JSON: {error.msg}", where=_where(source, f"{error.lineno}:{error.colno}")
        ) from None
    articles = []
    for index, document in enumerate(documents):
        pointer_base = f"/{index}" if len(documents) > 1 else ""
        if not isinstance(document, dict):
            raise DocumentError(
                f"expected an article object, found {type(document).__name__}",
                where=_where(source, pointer_base or "/"),
            )
        try:
            articles.append(Article.model_validate(document))
        except ValidationError as error:
            first = error.errors()[0]
            pointer = pointer_base + "".join(f"/{part}" for part in first["loc"])
            raise DocumentError(
                f"{first['msg']} ({error.error_count()} problem(s); "
                "`newsmodel validate` lists them all)",
                where=_where(source, pointer or "/"),
            ) from None
    return articles


def _parse(raw: bytes) -> list[Any]:
    """One JSON value, or JSON Lines when the bytes hold several values, one per line."""
    try:
        value = orjson.loads(raw)
    except orjson.JSONDecodeError:
        lines = [line for line in raw.splitlines() if line.strip()]
        if len(lines) < 2:
            raise
        return [orjson.loads(line) for line in lines]
    return value if isinstance(value, list) else [value]


def _where(source: str | None, place: str) -> str:
    return f"{source}:{place}" if source else place
