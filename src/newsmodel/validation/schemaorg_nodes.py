"""Walk one JSON-LD block's nodes and check them against schema.org's vocabulary.

Split from :mod:`newsmodel.validation.schemaorg` (which reads the input and places issues in a
page) so that this module holds only the structure: the @context, every node's @type, each
property's existence, domain and node ranges, pending and superseded terms, and the "did
you mean" hints.  Literal values go to :mod:`newsmodel.validation.schemaorg_literals`, an
article in the page's article position to :mod:`newsmodel.validation.schemaorg_guidance`.
Without the vocabulary only the checks that need none run.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from newsmodel.validation.positions import escape_key
from newsmodel.validation.quoting import quote
from newsmodel.validation.report import Location, Report
from newsmodel.validation.schemaorg_guidance import check_guidance
from newsmodel.validation.schemaorg_literals import check_literal, ranges_of
from newsmodel.validation.vocabulary import (
    ARTICLE_TYPES,
    DATA_TYPES,
    Vocabulary,
    is_schemaorg_iri,
    term_name,
)

_ENTITY_POSITIONS = (None, "mainEntity", "mainEntityOfPage", "hasPart")
"""Where an article node is the page's article (Google's guidance applies), not a side note
such as the ``associatedArticle`` of an image."""
_ACTION_ANNOTATIONS = ("-input", "-output")
"""schema.org's Action annotations (``"query-input": "required name=q"``) are not terms."""


class Checker:
    """Checks one block; ``block`` is its index when the file is an HTML page."""

    def __init__(self, report: Report, vocabulary: Vocabulary | None, block: int | None) -> None:
        self.report = report
        self.vocabulary = vocabulary
        self.block = block
        self.types_by_id: dict[str, list[str]] = {}

    def where(self, pointer: str) -> Location:
        return Location(pointer=pointer, block=self.block)

    def error(self, code: str, message: str, pointer: str) -> None:
        self.report.error(code, message, self.where(pointer))

    def warning(self, code: str, message: str, pointer: str) -> None:
        self.report.warning(code, message, self.where(pointer))

    # -- the document -----------------------------------------------------------------------

    def check_document(self, value: Any) -> None:
        tops = list(self._top_nodes(value, ""))
        if not tops:
            self.error(
                "jsonld.not-a-node", f"expected a JSON object or array, found {quote(value)}", ""
            )
            return
        for node, pointer, context in tops:
            self._index(node)
            self._check_context(context, pointer)
        for node, pointer, _ in tops:
            self.check_node(node, pointer, parent_term=None)

    def _top_nodes(
        self, value: Any, pointer: str, context: Any = None
    ) -> Iterable[tuple[dict[str, Any], str, Any]]:
        if isinstance(value, list):
            for index, item in enumerate(value):
                yield from self._top_nodes(item, f"{pointer}/{index}", context)
            return
        if not isinstance(value, dict):
            return
        context = value.get("@context", context)
        graph = value.get("@graph")
        if graph is not None:
            items = graph if isinstance(graph, list) else [graph]
            for index, item in enumerate(items):
                suffix = f"/@graph/{index}" if isinstance(graph, list) else "/@graph"
                if isinstance(item, dict):
                    yield item, pointer + suffix, context
            return
        yield value, pointer, context

    def _index(self, value: Any) -> None:
        """Remember the types of every node with an @id, so references can be range-checked."""
        if isinstance(value, list):
            for item in value:
                if isinstance(item, dict | list):
                    self._index(item)
        elif isinstance(value, dict):
            node_id = value.get("@id")
            if isinstance(node_id, str):
                types = self._types(value)
                if types:
                    self.types_by_id.setdefault(node_id, types)
            for key, item in value.items():
                if isinstance(item, dict | list) and key != "@context":
                    self._index(item)

    def _check_context(self, context: Any, pointer: str) -> None:
        """A context must name schema.org; each entry must be a string (an IRI), an object
        or null (JSON-LD 1.1, 3.1), anything else makes a processor fail.  A remote context
        beside schema.org's is never fetched: the terms it defines are checked as
        schema.org's, and the report says so."""
        if context is None:
            self.error(
                "jsonld.context-missing",
                'no "@context": without it no term means anything; add '
                '"@context": "https://schema.org"',
                pointer or "",
            )
            return
        where = f"{pointer}/@context"
        contexts = context if isinstance(context, list) else [context]
        schemaorg = False
        remote: list[str] = []
        for position, item in enumerate(contexts):
            item_where = f"{where}/{position}" if isinstance(context, list) else where
            if is_schemaorg_iri(item) or (
                isinstance(item, dict) and is_schemaorg_iri(item.get("@vocab"))
            ):
                schemaorg = True
            elif isinstance(item, str):
                remote.append(item)
            elif item is not None and not isinstance(item, dict):
                self.error(
                    "jsonld.context-invalid",
                    f"the @context entry {quote(item)} is not an IRI, an object or "
                    "null; JSON-LD processors refuse the document",
                    item_where,
                )
        if not schemaorg:
            self.warning(
                "jsonld.context-unknown",
                f"the @context {quote(context)} is not schema.org's; terms were checked "
                "as schema.org terms",
                where,
            )
        for iri in remote:
            self.warning(
                "jsonld.context-remote",
                f"the @context {quote(iri)} was not fetched (validation is offline); "
                "terms it may define were checked as schema.org terms",
                where,
            )

    @staticmethod
    def _types(node: dict[str, Any]) -> list[str]:
        raw = node.get("@type", node.get("type"))
        listed = raw if isinstance(raw, list) else [raw]
        return [name for name in (term_name(t) for t in listed if isinstance(t, str)) if name]

    # -- nodes ------------------------------------------------------------------------------

    def check_node(self, node: dict[str, Any], pointer: str, parent_term: str | None) -> None:
        types = self._types(node)
        raw_type = node.get("@type", node.get("type"))
        known = self._check_types(raw_type, types, pointer)
        content = [key for key in node if not key.startswith("@") and key not in ("type", "id")]
        if (
            raw_type is None
            and content
            and parent_term is not None
            and self._expects_typed_node(parent_term)
            and not self.types_by_id.get(str(node.get("@id")))
        ):
            self.warning(
                "jsonld.type-missing",
                f"the {parent_term} object has no @type (say what it is: "
                f"{self._suggest_type(parent_term)})",
                pointer,
            )
        is_role = (
            bool(self.vocabulary and any(self.vocabulary.is_a(t, "Role") for t in known))
            or "Role" in types
        )
        for key in content:
            value = node[key]
            child = f"{pointer}/{escape_key(key)}"
            name = term_name(key)
            if name is None or name.endswith(_ACTION_ANNOTATIONS):
                continue  # another vocabulary's term, or an Action's -input/-output annotation
            self._check_property(
                name, key, value, known, child, is_role=is_role, parent_term=parent_term
            )
        if parent_term in _ENTITY_POSITIONS and self._is_article(types):
            check_guidance(self, node, pointer)

    def _check_types(self, raw: Any, types: list[str], pointer: str) -> list[str]:
        where = f"{pointer}/@type"
        listed = raw if isinstance(raw, list) else [raw] if raw is not None else []
        for position, item in enumerate(listed):
            if not isinstance(item, str):
                self.error(
                    "jsonld.type-invalid",
                    f"@type {quote(item)} is not a string: a type is an IRI or a term",
                    f"{where}/{position}" if isinstance(raw, list) else where,
                )
        if raw is not None and not types:
            if not (isinstance(raw, list) and not raw):
                self.warning(
                    "jsonld.type-foreign", f"@type {quote(raw)} is not a schema.org type", where
                )
            return []
        vocabulary = self.vocabulary
        if vocabulary is None:
            return types
        known = []
        for name in types:
            if vocabulary.is_type(name):
                known.append(name)
                if name in vocabulary.pending_types:
                    self.warning(
                        "jsonld.pending-term",
                        f"type {name!r} is pending: schema.org may still change it",
                        where,
                    )
                if name in vocabulary.superseded_types:
                    self.warning(
                        "jsonld.superseded",
                        f"type {name!r} is superseded by {vocabulary.superseded_types[name]!r}",
                        where,
                    )
                continue
            if name in vocabulary.properties:
                self.error(
                    "jsonld.unknown-type",
                    f"unknown type {name!r}: schema.org has a property of that name, not a type",
                    where,
                )
                continue
            hint = self._suggest(name)
            self.error(
                "jsonld.unknown-type",
                f"unknown type {name!r}" + (f" (did you mean {hint!r}?)" if hint else ""),
                where,
            )
        return known

    def _suggest(self, name: str) -> str | None:
        """A "did you mean", while the report still lists issues: a suggestion costs a fuzzy
        search of the vocabulary, so past the report's limit (40,000 misspelt keys) none is
        looked for and validation stays linear."""
        if self.vocabulary is None or self.report.full:
            return None
        return self.vocabulary.suggest(name)

    def _expects_typed_node(self, term: str) -> bool:
        """Whether a property's range names specific types (an author: Person or Organization)."""
        if self.vocabulary is None:
            return term in ("author", "publisher")
        ranges = self._ranges(term) or frozenset()
        return bool(ranges - DATA_TYPES) and "Thing" not in ranges

    def _suggest_type(self, term: str) -> str:
        if self.vocabulary and term in self.vocabulary.properties:
            ranges = sorted(self.vocabulary.properties[term].ranges - DATA_TYPES)
            if ranges:
                return " or ".join(ranges[:3])
        return "Person, Organization, ImageObject..."

    def _is_article(self, types: list[str]) -> bool:
        """Article-like, counting a misspelt type as what it was meant to be (NewsArticel)."""
        vocabulary = self.vocabulary
        if vocabulary is None:
            return any(name in ARTICLE_TYPES for name in types)
        for name in types:
            meant = name if vocabulary.is_type(name) else self._suggest(name)
            if meant is not None and (vocabulary.is_a(meant, "Article") or meant == "Report"):
                return True
        return False

    # -- properties -------------------------------------------------------------------------

    def _check_property(
        self,
        name: str,
        key: str,
        value: Any,
        types: list[str],
        pointer: str,
        *,
        is_role: bool,
        parent_term: str | None,
    ) -> None:
        vocabulary = self.vocabulary
        prop = vocabulary.properties.get(name) if vocabulary else None
        if vocabulary is not None and prop is None:
            hint = self._suggest(name)
            self.error(
                "jsonld.unknown-property",
                f"unknown property {key!r}" + (f" (did you mean {hint!r}?)" if hint else ""),
                pointer,
            )
            return
        if vocabulary is not None and prop is not None:
            if prop.pending:
                self.warning(
                    "jsonld.pending-term",
                    f"property {name!r} is pending: schema.org may still change it",
                    pointer,
                )
            if prop.superseded_by:
                self.warning(
                    "jsonld.superseded",
                    f"property {name!r} is superseded by {prop.superseded_by!r}",
                    pointer,
                )
            role_repeat = is_role and name == parent_term
            if types and not role_repeat and not vocabulary.takes(types, prop):
                domains = ", ".join(sorted(prop.domains)[:4])
                self.error(
                    "jsonld.property-domain",
                    f"{name!r} is not a property of {'/'.join(types)} (it belongs on {domains})",
                    pointer,
                )
        values = value if isinstance(value, list) else [value]
        for index, item in enumerate(values):
            where = f"{pointer}/{index}" if isinstance(value, list) else pointer
            self._check_value(name, item, where)

    def _check_value(self, name: str, value: Any, pointer: str) -> None:
        if isinstance(value, dict):
            if "@value" in value:
                check_literal(self, self.vocabulary, name, value["@value"], pointer + "/@value")
                return
            if "@list" in value or "@set" in value:
                items = value.get("@list", value.get("@set"))
                for index, item in enumerate(items if isinstance(items, list) else [items]):
                    self._check_value(name, item, f"{pointer}/@list/{index}")
                return
            self._check_node_range(name, value, pointer)
            self.check_node(value, pointer, parent_term=name)
            return
        if value is None:
            return
        check_literal(self, self.vocabulary, name, value, pointer)

    def _ranges(self, name: str) -> frozenset[str] | None:
        return ranges_of(self.vocabulary, name)

    def _check_node_range(self, name: str, node: dict[str, Any], pointer: str) -> None:
        ranges = self._ranges(name)
        vocabulary = self.vocabulary
        if ranges is None or vocabulary is None or not ranges:
            return
        types = self._types(node)
        if not types and isinstance(node.get("@id"), str):
            types = self.types_by_id.get(node["@id"], [])
        known = [t for t in types if vocabulary.is_type(t)]
        if not known or "Thing" in ranges:
            return
        if any(vocabulary.is_a(t, "Role") for t in known):
            return  # schema.org's Role pattern: the Role stands in for the value it qualifies
        if any(vocabulary.is_a(t, wanted) for t in known for wanted in ranges):
            return
        if ranges & DATA_TYPES and not (ranges - DATA_TYPES):
            wanted_text = " or ".join(sorted(ranges))
        else:
            wanted_text = " or ".join(sorted(ranges)[:5])
        self.error(
            "jsonld.range", f"{name!r} expects {wanted_text}, found a {'/'.join(known)}", pointer
        )


__all__ = ["Checker"]
