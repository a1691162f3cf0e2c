"""One module per format, each with ``dump`` and ``load``, behind this one registry.

A format module is imported only when it is first used, so the command line starts fast and a
new format is one module plus one line in ``FORMATS``.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Any

from newsmodel.errors import FormatError
from newsmodel.sniff import detect
from newsmodel.textcodecs import utf8

if TYPE_CHECKING:
    from newsmodel.models import Article


@dataclass(frozen=True, slots=True)
class FormatInfo:
    name: str
    module: str
    extension: str
    media_type: str
    description: str


FORMATS: dict[str, FormatInfo] = {
    info.name: info
    for info in (
        FormatInfo(
            "json",
            "newsmodel.formats.json",
            "json",
            "application/json",
            "newsmodel's own JSON, validated by schemas/article.schema.json",
        ),
        FormatInfo(
            "newsml",
            "newsmodel.formats.newsml",
            "xml",
            "application/vnd.iptc.g2.newsitem+xml",
            "IPTC NewsML-G2 2.35 (power): newsItem, or newsMessage for several",
        ),
        FormatInfo(
            "jsonld",
            "newsmodel.formats.jsonld",
            "jsonld",
            "application/ld+json",
            "schema.org JSON-LD: a NewsArticle @graph; reads publishers' markup and HTML",
        ),
        FormatInfo(
            "ninjs",
            "newsmodel.formats.ninjs",
            "ninjs.json",
            "application/json",
            "IPTC ninjs 1.0-3.1 (default 3.1): one object per article, JSON Lines for many",
        ),
    )
}


def get_format(name: str) -> FormatInfo:
    """The registered format, or a :class:`FormatError` that lists the known ones."""
    try:
        return FORMATS[name]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise FormatError(f"unknown format {name!r}", hint=f"known formats: {known}") from None


def _module(name: str) -> ModuleType:
    return importlib.import_module(get_format(name).module)


def dumps(article: Article, format: str = "json", **options: Any) -> bytes:
    """Serialise one article."""
    result: bytes = _module(format).dump(article, **options)
    return result


def dumps_many(articles: Iterable[Article], format: str = "json", **options: Any) -> bytes:
    """Serialise several articles into one document (JSON Lines, a newsMessage, one @graph)."""
    result: bytes = _module(format).dump_many(articles, **options)
    return result


def loads(
    data: bytes | str,
    format: str | None = None,
    *,
    source: str | None = None,
    **options: Any,
) -> list[Article]:
    """Read every article in ``data``; ``format=None`` detects it from the bytes.

    ``options`` go to the format's ``load`` (ninjs takes ``version``, to read a document as
    that version whatever it declares).

    A string is read as its UTF-8; one holding a lone surrogate is refused
    (:mod:`newsmodel.textcodecs` says why)."""
    raw = utf8(data, where=source)
    name = format or detect(raw, name=source)
    result: list[Article] = _module(name).load(raw, source=source, **options)
    return result


__all__ = ["FORMATS", "FormatInfo", "detect", "dumps", "dumps_many", "get_format", "loads"]
