"""newsmodel: news articles as validated structured data, and checks for other people's feeds.

The public API is small::

    article = newsmodel.parse_file("seeds/000_b4df3ac546630d11.txt")
    data = newsmodel.dumps(article, "json")          # or "jsonld", "newsml"
    articles = newsmodel.loads(data)                 # format detected
    report = newsmodel.validate(data)                # report.ok, report.issues

Names are imported lazily, so ``import newsmodel`` (and the command line's ``--version``) stays
fast; the heavy parts load when first used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    __version__: str
    from newsmodel.errors import (
        DocumentError,
        FormatError,
        InputError,
        ModelError,
        NewsmodelError,
        SchemaNotInstalledError,
    )
    from newsmodel.extract import parse_bytes, parse_file, parse_text
    from newsmodel.formats import dumps, dumps_many, loads
    from newsmodel.models import (
        AgentKind,
        Article,
        Author,
        AuthorRole,
        Concept,
        Dateline,
        Event,
        EventCategory,
        EventStatus,
        Image,
        Link,
        Mention,
        Organisation,
        PartialDate,
        Participant,
        Person,
        Place,
        PlaceKind,
        Provenance,
        PubStatus,
        Rendition,
        Rights,
        Signal,
        SignalKind,
    )
    from newsmodel.validation import Issue, Location, Report, Severity, validate

_LAZY: dict[str, str] = {
    "parse_text": "newsmodel.extract",
    "parse_file": "newsmodel.extract",
    "parse_bytes": "newsmodel.extract",
    "dumps": "newsmodel.formats",
    "dumps_many": "newsmodel.formats",
    "loads": "newsmodel.formats",
    "validate": "newsmodel.validation",
    "Report": "newsmodel.validation",
    "Issue": "newsmodel.validation",
    "Location": "newsmodel.validation",
    "Severity": "newsmodel.validation",
    "Article": "newsmodel.models",
    "Person": "newsmodel.models",
    "Organisation": "newsmodel.models",
    "Place": "newsmodel.models",
    "PlaceKind": "newsmodel.models",
    "Event": "newsmodel.models",
    "EventCategory": "newsmodel.models",
    "Participant": "newsmodel.models",
    "Mention": "newsmodel.models",
    "PartialDate": "newsmodel.models",
    "Provenance": "newsmodel.models",
    "AgentKind": "newsmodel.models",
    "Author": "newsmodel.models",
    "AuthorRole": "newsmodel.models",
    "Concept": "newsmodel.models",
    "Dateline": "newsmodel.models",
    "EventStatus": "newsmodel.models",
    "Image": "newsmodel.models",
    "Link": "newsmodel.models",
    "PubStatus": "newsmodel.models",
    "Rendition": "newsmodel.models",
    "Rights": "newsmodel.models",
    "Signal": "newsmodel.models",
    "SignalKind": "newsmodel.models",
    "NewsmodelError": "newsmodel.errors",
    "InputError": "newsmodel.errors",
    "FormatError": "newsmodel.errors",
    "DocumentError": "newsmodel.errors",
    "ModelError": "newsmodel.errors",
    "SchemaNotInstalledError": "newsmodel.errors",
}

__all__ = [
    "AgentKind",
    "Article",
    "Author",
    "AuthorRole",
    "Concept",
    "Dateline",
    "DocumentError",
    "Event",
    "EventCategory",
    "EventStatus",
    "FormatError",
    "Image",
    "InputError",
    "Issue",
    "Link",
    "Location",
    "Mention",
    "ModelError",
    "NewsmodelError",
    "Organisation",
    "PartialDate",
    "Participant",
    "Person",
    "Place",
    "PlaceKind",
    "Provenance",
    "PubStatus",
    "Rendition",
    "Report",
    "Rights",
    "SchemaNotInstalledError",
    "Severity",
    "Signal",
    "SignalKind",
    "__version__",
    "dumps",
    "dumps_many",
    "loads",
    "parse_bytes",
    "parse_file",
    "parse_text",
    "validate",
]


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            globals()[name] = version("newsmodel")
        except PackageNotFoundError:  # pragma: no cover - a source tree without install
            globals()[name] = "0+unknown"
        return globals()[name]
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'newsmodel' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
