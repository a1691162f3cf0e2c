"""Google's structured-data guidance for the article of a page, as warnings.

Split from :mod:`newsmodel.validation.schemaorg` because these are a search engine's
recommendations, not schema.org's rules: a document can be valid JSON-LD and still miss them.
The node checker calls :func:`check_guidance` for an article node in the page's article
position; it checks the headline (present, at most :data:`HEADLINE_LIMIT` characters), image,
datePublished, a time zone wherever a time is given, and the author (a typed node with a
name that is one person, not a byline).
"""

from __future__ import annotations

import html
import re
from typing import Any

from newsmodel.validation.positions import escape_key
from newsmodel.validation.quoting import quote
from newsmodel.validation.schemaorg_literals import DATE_TIME, Sink
from newsmodel.validation.vocabulary import term_name

HEADLINE_LIMIT = 110
_BYLINE = re.compile(r"^\s*(by|von|par|por|di|door|av|af|przez|автор|від)\b[\s:]", re.I)
_SEVERAL = re.compile(r"\s(and|und|et|y|e|en|och|og|i|и|і|та)\s|&|,|;|\s/\s", re.I)


def check_guidance(sink: Sink, node: dict[str, Any], pointer: str) -> None:
    """Warn where the article ``node`` at ``pointer`` misses Google's recommendations."""
    props = {term_name(key): key for key in node if not key.startswith("@")}
    headline_key = props.get("headline")
    headline = node.get(headline_key) if headline_key else None
    if headline is None or (isinstance(headline, str) and not headline.strip()):
        given = "" if headline is None else f" (it is {quote(headline)})"
        sink.warning(
            "jsonld.headline-missing",
            f"the article has no headline{given}; Google recommends one",
            pointer,
        )
    elif isinstance(headline, str) and len(headline) > HEADLINE_LIMIT:
        sink.warning(
            "jsonld.headline-too-long",
            f"the headline has {len(headline)} characters, more than Google's "
            f"{HEADLINE_LIMIT}: {quote(headline)}",
            f"{pointer}/{escape_key(headline_key or '')}",
        )
    if "image" not in props:
        sink.warning(
            "jsonld.image-missing", "the article has no image (Google recommends one)", pointer
        )
    if "datePublished" not in props:
        sink.warning(
            "jsonld.date-published-missing",
            "the article has no datePublished (Google recommends it)",
            pointer,
        )
    for term in ("datePublished", "dateModified"):
        key = props.get(term)
        value = node.get(key) if key else None
        if isinstance(value, str):
            match = DATE_TIME.match(value)
            if match and not match.group("zone"):
                sink.warning(
                    "jsonld.date-no-zone",
                    f"{term} {quote(value)} gives a time but no time zone; add "
                    "Z or an offset such as +02:00",
                    f"{pointer}/{escape_key(key or term)}",
                )
    author_key = props.get("author")
    if author_key is None:
        sink.warning(
            "jsonld.author-missing",
            "the article has no author (Google recommends one)",
            pointer,
        )
        return
    authors = node[author_key]
    items = authors if isinstance(authors, list) else [authors]
    for index, author in enumerate(items):
        where = f"{pointer}/{escape_key(author_key)}"
        where += f"/{index}" if isinstance(authors, list) else ""
        _check_author(sink, author, where)


def _check_author(sink: Sink, author: Any, pointer: str) -> None:
    if isinstance(author, str):
        sink.warning(
            "jsonld.author-text",
            f'author is the bare text {quote(author)}; use {{"@type": "Person", "name": ...}}',
            pointer,
        )
        _check_author_name(sink, author, pointer)
        return
    if not isinstance(author, dict):
        return
    if set(author) <= {"@id", "id"}:
        return  # a reference; the node it names is checked where it is
    kinds = author.get("@type")
    if "Role" in (kinds if isinstance(kinds, list) else [kinds]) and "author" in author:
        # schema.org's Role pattern: the role node repeats the property it qualifies.
        inner = author["author"]
        for index, value in enumerate(inner if isinstance(inner, list) else [inner]):
            suffix = f"/{index}" if isinstance(inner, list) else ""
            _check_author(sink, value, f"{pointer}/author{suffix}")
        return
    name = author.get("name")
    if name is None or (isinstance(name, str) and not name.strip()):
        sink.warning("jsonld.author-no-name", "the author has no name", pointer)
    elif isinstance(name, list):
        sink.warning(
            "jsonld.author-several",
            f"the author's name is a list {quote(name)}: give each person their own author object",
            f"{pointer}/name",
        )
    elif isinstance(name, str):
        _check_author_name(sink, name, f"{pointer}/name")


def _check_author_name(sink: Sink, raw: str, pointer: str) -> None:
    name = html.unescape(raw)  # "O&#039;Donnell" is one person, not two
    if _BYLINE.match(name):
        sink.warning(
            "jsonld.author-byline",
            f"the author's name {quote(raw)} starts with a byline word; give the name alone",
            pointer,
        )
    elif _SEVERAL.search(name):
        sink.warning(
            "jsonld.author-several",
            f"the author's name {quote(raw)} seems to name several people or "
            "add a place; give each person their own author object",
            pointer,
        )


__all__ = ["HEADLINE_LIMIT", "check_guidance"]
