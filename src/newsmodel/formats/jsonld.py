"""schema.org JSON-LD: export an article as a linked ``@graph``; read publishers' markup back.

The format registry's entry point (``dump``, ``dump_many``, ``load``).  The work is done in
:mod:`~newsmodel.formats.jsonld_write` (export), :mod:`~newsmodel.formats.jsonld_read`
(reading documents and HTML pages) and :mod:`~newsmodel.formats.jsonld_dates` (publishers'
dates); the validator is :mod:`newsmodel.validation.schemaorg`.  docs/jsonld.md has the mapping,
the ``@id`` scheme and what the format cannot carry.
"""

from __future__ import annotations

from newsmodel.formats.jsonld_dates import read_date, read_partial_date
from newsmodel.formats.jsonld_read import ARTICLE_TYPES, article_types, load
from newsmodel.formats.jsonld_write import (
    CONTEXT,
    DEFAULT_BASE,
    HEADLINE_LIMIT,
    PLACE_CLASSES,
    PLACE_TYPES,
    article_graph,
    article_iri,
    dump,
    dump_many,
)

__all__ = [
    "ARTICLE_TYPES",
    "CONTEXT",
    "DEFAULT_BASE",
    "HEADLINE_LIMIT",
    "PLACE_CLASSES",
    "PLACE_TYPES",
    "article_graph",
    "article_iri",
    "article_types",
    "dump",
    "dump_many",
    "load",
    "read_date",
    "read_partial_date",
]
