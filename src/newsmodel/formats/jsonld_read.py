"""Reading publishers' schema.org JSON-LD (documents, arrays, ``@graph``s, HTML pages).

Every article-like node becomes an :class:`~newsmodel.models.Article`, with the people,
organisations, places and events it links to.  What the model has no place for is listed in
``provenance.unmapped`` and every repair or guess in ``provenance.warnings``: nothing is dropped
silently.  Keys are resolved as schema.org's context resolves them (``schema:headline`` and
``http://schema.org/headline`` are ``headline``); see docs/jsonld.md for the rules.

This module finds the articles in a document (:func:`load`: pages, blocks, nested articles)
and reads each article node's own fields; the entities it links to are collected and built by
:mod:`.jsonld_read_graph`, the article's fields by :mod:`.jsonld_read_meta` and
:mod:`.jsonld_read_newsroom`.
"""

from __future__ import annotations

import hashlib
from typing import Any

from pydantic import ValidationError

from newsmodel.errors import DocumentError, InputError
from newsmodel.formats.jsonld_dates import read_date
from newsmodel.formats.jsonld_nodes import (
    Node,
    _article_names,
    _is_article,
    _node,
    _resolve,
    _top_level,
    article_types,
)
from newsmodel.formats.jsonld_read_graph import (
    EVENT_PROPS,
    ORGANISATION_PROPS,
    PERSON_PROPS,
    PLACE_PROPS,
    GraphReader,
)
from newsmodel.formats.jsonld_read_meta import ArticleFields
from newsmodel.formats.jsonld_read_newsroom import CREDIT_PROPS, NEWSROOM_PROPS, NewsroomFields
from newsmodel.formats.jsonld_write import ELLIPSIS, HEADLINE_LIMIT
from newsmodel.htmlblocks import split_page
from newsmodel.jsonblock import BlockSyntaxError, parse_block
from newsmodel.models import (
    Article,
    Provenance,
)
from newsmodel.validation.vocabulary import ARTICLE_TYPES

ARTICLE_PROPS = frozenset(
    {
        "headline",
        "name",
        "description",
        "articleBody",
        "datePublished",
        "inLanguage",
        "wordCount",
        "keywords",
        "author",
        "publisher",
        "url",
        "identifier",
        "mentions",
        "about",
        "contentLocation",
        "mainEntityOfPage",
    }
)


class _Reader(GraphReader, ArticleFields, NewsroomFields):
    """Maps one article node and what it links to onto the model, collecting notes."""

    # -- the article ------------------------------------------------------------------------

    def article(
        self, node: Node, fallback_id: str, source: str | None, page_language: str | None = None
    ) -> Article:
        self.collect(node)
        self.assign_ids()
        # Places and organisations first: people and events refer to them.
        places = self.build("place", self.place, PLACE_PROPS)
        built = {place.id for place in places}
        for place in places:  # a container left out (no name) is no container
            if place.contained_in is not None and place.contained_in not in built:
                place.contained_in = None
        organisations = self.build("organisation", self.organisation, ORGANISATION_PROPS)
        persons = self.build("person", self.person, PERSON_PROPS)
        events = self.build("event", self.event, EVENT_PROPS)
        for entity_node in self.nodes:
            if id(entity_node) not in self.kinds:
                self.note(f"{entity_node.label} (no name)")
        self.drop_dangling(persons, organisations, events, {p.id for p in places})

        headline = self.scalar(node, "headline")
        name = self.scalar(node, "name")
        if headline is None and name is not None:
            headline = name
            self.warn("no headline; the name is used as the headline")
        elif (
            headline is not None
            and name is not None
            and headline.endswith(ELLIPSIS)
            and name.startswith(headline[: -len(ELLIPSIS)])
            and len(name) > HEADLINE_LIMIT
        ):
            headline = name  # our own export: the headline shortened, the whole one in name
        published = None
        text = self.scalar(node, "datePublished")
        if text is not None:
            published, warning = read_date(text)
            if warning:
                self.warn(f"datePublished: {warning}")
        return Article(
            id=self._article_id(node, fallback_id),
            headline=headline,
            description=self.scalar(node, "description"),
            date_published=published,
            language=self._language(node) or self._page_language(page_language),
            body=self.scalar(node, "articleBody") or "",
            word_count=self._word_count(node),
            keywords=self._keywords(node),
            **self.newsroom(node),
            publisher=next(iter(self._agents(node, "publisher")), None),
            url=self._url(node),
            persons=persons,
            organisations=organisations,
            places=places,
            events=events,
            provenance=Provenance(
                source=source,
                format="jsonld",
                warnings=self.warnings,
                unmapped=self._article_leftovers(node),
            ),
        )

    def _article_leftovers(self, node: Node) -> list[str]:
        self.leftovers(node, ARTICLE_PROPS | NEWSROOM_PROPS)
        for prop in ("mentions", "about", "contentLocation"):
            for value in node.props.get(prop, []):
                target = _resolve(value, self.index)
                target = self.aliases.get(id(target), target)
                if isinstance(target, Node) and "DefinedTerm" in target.types and prop == "about":
                    continue
                if not (isinstance(target, Node) and id(target) in self.kinds):
                    self.note(f"{node.label}.{prop}")
        for prop in (*CREDIT_PROPS, "publisher"):
            for raw in node.props.get(prop, []):
                value = raw
                if isinstance(raw, Node) and "Role" in raw.types:
                    value = (raw.props.get(prop) or [None])[0]
                target = _resolve(value, self.index)
                if isinstance(target, Node) and id(target) not in self.kinds:
                    for sub in (*target.props, *target.foreign):
                        if sub != "name":
                            self.note(f"{node.label}.{prop}.{sub}")
        return self.unmapped


def load(data: bytes | str, *, source: str | None = None) -> list[Article]:
    """Every article-like node of a JSON-LD document or of an HTML page's JSON-LD blocks."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if not raw.strip():
        raise DocumentError("the document is empty", where=source)
    blocks, page = split_page(raw)
    if not blocks:
        raise DocumentError(
            'the page has no <script type="application/ld+json"> block',
            where=source,
            hint="nothing to read",
        )
    index: dict[str, Node] = {}
    order: list[Node] = []
    warnings: list[str] = [f"decoding: {page.guess}"] if page.guess else []
    failures: list[BlockSyntaxError] = []
    roots: list[Node] = []
    for block in blocks:
        try:
            parsed = parse_block(block, source=source)
        except BlockSyntaxError as error:
            failures.append(error)
            continue
        prefix = f"block {block.index}: " if len(blocks) > 1 else ""
        warnings.extend(f"{prefix}repaired: {repair}" for repair in parsed.repairs)
        for raw_node, pointer in _top_level(parsed.value):
            base = f"/{block.index}" if len(blocks) > 1 else ""
            roots.append(_node(raw_node, base + pointer, index, order))
    if failures and not roots:
        raise failures[0]
    warnings.extend(
        f"block {failure.block.index} skipped: {failure.message} at {failure.where}"
        for failure in failures
    )
    articles_nodes = _article_nodes(roots, order)
    if not articles_nodes:
        found = sorted({name for node in order for name in node.types}) or ["none"]
        raise DocumentError(
            f"no article-like node (NewsArticle, Article, BlogPosting, ...) found; "
            f"types found: {', '.join(found[:12])}",
            where=source,
        )
    digest = hashlib.sha256(raw).hexdigest()[:16]
    page_language = next((block.language for block in blocks if block.language), None)
    articles = []
    for position, node in enumerate(articles_nodes):
        reader = _Reader(index, warnings)
        fallback = f"jsonld-{digest}-{position}"
        try:
            articles.append(reader.article(node, fallback, source, page_language))
        except ValidationError as error:
            first = error.errors()[0]
            raise DocumentError(
                f"the {node.label} at {node.pointer or '/'} cannot be mapped: {first['msg']}",
                where=source,
            ) from None
        except (ValueError, InputError) as error:
            raise DocumentError(
                f"the {node.label} at {node.pointer or '/'} cannot be mapped: {error}", where=source
            ) from None
    return articles


def _article_nodes(roots: list[Node], order: list[Node]) -> list[Node]:
    """Article-like nodes that are not nested inside another article-like node."""
    inside: set[int] = set()

    names = _article_names()

    def mark(value: Any, under_article: bool, seen: set[int]) -> None:
        if isinstance(value, list):
            for item in value:
                mark(item, under_article, seen)
            return
        if not isinstance(value, Node) or id(value) in seen:
            return
        seen.add(id(value))
        if under_article:
            inside.add(id(value))
        nested = under_article or _is_article(value, names)
        for values in value.props.values():
            mark(values, nested, seen)

    seen: set[int] = set()
    for root in roots:
        mark(root, False, seen)
    found: list[Node] = []
    for node in order:
        if (
            _is_article(node, names)
            and id(node) not in inside
            and all(node is not known for known in found)
        ):
            found.append(node)
    # An article given in full and also by reference: keep the node that has its content.
    return [node for node in found if node.props]


__all__ = ["ARTICLE_TYPES", "Node", "article_types", "load"]
