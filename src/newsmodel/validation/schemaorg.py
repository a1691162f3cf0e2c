"""Validate third-party schema.org JSON-LD (a document, or every block of an HTML page), offline.

Three layers, each reporting every problem it finds:

1. **Syntax** (:mod:`newsmodel.htmlblocks`): a block that is not JSON is an error with the line
   and column in the file; JSON that only a forgiving parser reads (comments, trailing commas,
   raw control characters) is an error too, a comment or CDATA wrapper a warning.
2. **Vocabulary** (:mod:`newsmodel.validation.vocabulary`, when installed): types and properties
   that do not exist (with a "did you mean"), properties on a type that does not take them,
   values outside a property's range (a non-ISO date, ``"true"`` for a Boolean, text where a
   Person is expected), pending and superseded terms as warnings.  Without the vocabulary one
   warning says these checks were skipped and how to enable them; nothing is fetched.
3. **Google's article guidance**, as warnings: headline (present, at most 110 characters),
   image, author (a typed node with a name that is one person, not a byline), datePublished,
   and a time zone wherever a time is given.

Keys are resolved the way a JSON-LD processor resolves them under schema.org's context
(``headline``, ``schema:headline`` and ``http://schema.org/headline`` are the same term).
Every issue carries a JSON pointer into its block, the block index in a page, and quotes the
value.  Issue codes are stable and documented in ``docs/jsonld.md``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import Any

from newsmodel.errors import InputError
from newsmodel.htmlblocks import (
    MAX_PAGE_BYTES,
    Block,
    BlockSyntaxError,
    decode_page,
    extract_blocks,
    looks_like_html,
    parse_block,
)
from newsmodel.validation.quoting import quote
from newsmodel.validation.report import Location, Report, Severity
from newsmodel.validation.vocabulary import (
    ARTICLE_TYPES,
    DATA_TYPES,
    Vocabulary,
    is_schemaorg_iri,
    load_vocabulary,
    term_name,
)

HEADLINE_LIMIT = 110
_DATE = re.compile(r"^-?\d{4}(-\d{2}(-\d{2})?)?$")
_DATE_TIME = re.compile(
    r"^-?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(?P<zone>Z|[+-]\d{2}:?\d{2})?$"
)
_TIME = re.compile(r"^\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")
_BYLINE = re.compile(r"^\s*(by|von|par|por|di|door|av|af|przez|автор|від)\b[\s:]", re.I)
_SEVERAL = re.compile(r"\s(and|und|et|y|e|en|och|og|i|и|і|та)\s|&|,|;|\s/\s", re.I)
DATE_TERMS = frozenset(
    {
        "datePublished",
        "dateModified",
        "dateCreated",
        "startDate",
        "endDate",
        "uploadDate",
        "expires",
        "foundingDate",
        "birthDate",
        "deathDate",
    }
)
"""Date properties checked even without the vocabulary (their range is Date or DateTime)."""
BOOLEAN_TERMS = frozenset({"isAccessibleForFree", "isFamilyFriendly"})
TEXT_TYPES = frozenset(
    {
        "Text",
        "URL",
        "CssSelectorType",
        "XPathType",
        "PronounceableText",
        "Quantity",
        "Distance",
        "Duration",
        "Energy",
        "Mass",
    }
)
"""Ranges a string can fill: text types, and schema.org's Quantity types (``"3 km"``)."""
_ENTITY_POSITIONS = (None, "mainEntity", "mainEntityOfPage", "hasPart")
"""Where an article node is the page's article (Google's guidance applies), not a side note
such as the ``associatedArticle`` of an image."""
_ACTION_ANNOTATIONS = ("-input", "-output")
"""schema.org's Action annotations (``"query-input": "required name=q"``) are not terms."""


def _escape(key: str) -> str:
    if "/" not in key and "~" not in key:
        return key
    return key.replace("~", "~0").replace("/", "~1")


class _Checker:
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
            child = f"{pointer}/{_escape(key)}"
            name = term_name(key)
            if name is None or name.endswith(_ACTION_ANNOTATIONS):
                continue  # another vocabulary's term, or an Action's -input/-output annotation
            self._check_property(
                name, key, value, known, child, is_role=is_role, parent_term=parent_term
            )
        if parent_term in _ENTITY_POSITIONS and self._is_article(types):
            self._check_guidance(node, pointer)

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
                self._check_literal(name, value["@value"], pointer + "/@value")
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
        self._check_literal(name, value, pointer)

    def _ranges(self, name: str) -> frozenset[str] | None:
        if self.vocabulary is None:
            return None
        prop = self.vocabulary.properties.get(name)
        return prop.ranges if prop else None

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

    def _check_literal(self, name: str, value: Any, pointer: str) -> None:
        ranges = self._ranges(name)
        if ranges is None:
            # No vocabulary: check only the properties whose range everybody knows.
            if name in DATE_TERMS and isinstance(value, str):
                self._check_date(name, value, frozenset({"Date", "DateTime"}), pointer)
            elif name in BOOLEAN_TERMS and isinstance(value, str):
                self._boolean_text(name, value, pointer)
            return
        if not ranges:
            return
        textual = bool(ranges & TEXT_TYPES)
        dates = ranges & {"Date", "DateTime", "Time"}
        if isinstance(value, bool):
            if "Boolean" not in ranges and not textual:
                self.error(
                    "jsonld.range",
                    f"{name!r} expects {self._wanted(ranges)}, found the boolean {quote(value)}",
                    pointer,
                )
            return
        if isinstance(value, int | float):
            numeric = ranges & {
                "Number",
                "Integer",
                "Float",
                "QuantitativeValue",
                "Distance",
                "Duration",
                "Energy",
                "Mass",
            }
            if not numeric and not textual:
                self.error(
                    "jsonld.range",
                    f"{name!r} expects {self._wanted(ranges)}, found the number {quote(value)}",
                    pointer,
                )
            return
        if not isinstance(value, str):
            return
        if dates and not textual:
            self._check_date(name, value, dates, pointer)
            return
        if "Boolean" in ranges and not textual:
            self._boolean_text(name, value, pointer)
            return
        if textual or ranges & {"Number", "Integer", "Float"}:
            if "URL" in ranges and not (ranges - {"URL"}) and not _looks_like_url(value):
                self.error("jsonld.range", f"{name!r} expects a URL, found {quote(value)}", pointer)
            return
        if self._is_enumeration_value(ranges, value) or _looks_like_url(value):
            return  # an IRI naming the thing (or the enumeration member) is fine
        if name == "author":
            return  # Google's guidance reports it (jsonld.author-text), with the fix
        self.warning(
            "jsonld.text-for-thing",
            f"{name!r} expects {self._wanted(ranges)}, found the text {quote(value)}; "
            f'use an object with "@type" and "name"',
            pointer,
        )

    def _wanted(self, ranges: frozenset[str]) -> str:
        return " or ".join(sorted(ranges)[:5])

    def _is_enumeration_value(self, ranges: frozenset[str], value: str) -> bool:
        vocabulary = self.vocabulary
        if vocabulary is None:
            return False
        member = term_name(value)
        if member is None:
            return False
        enumeration = vocabulary.members.get(member)
        return enumeration is not None and any(vocabulary.is_a(enumeration, r) for r in ranges)

    def _check_date(self, name: str, value: str, dates: frozenset[str], pointer: str) -> None:
        # A date-time where only Date is named is accepted, as schema.org's own tools do.
        if (
            (dates & {"Date", "DateTime"} and _DATE_TIME.match(value))
            or ("Date" in dates and _DATE.match(value))
            or ("Time" in dates and _TIME.match(value))
        ):
            return
        wanted = " or ".join(sorted(dates))
        self.error(
            "jsonld.date-format",
            f"{name!r} is {quote(value)}, not an ISO 8601 {wanted} "
            "(write 2025-11-07 or 2025-11-07T09:30:00+02:00)",
            pointer,
        )

    def _boolean_text(self, name: str, value: str, pointer: str) -> None:
        if value.strip().lower() in ("true", "false"):
            self.error(
                "jsonld.boolean-text",
                f"{name!r} is the string {quote(value)}; write the JSON boolean "
                f"{value.strip().lower()} without quotes",
                pointer,
            )
        elif term_name(value) not in ("True", "False"):
            self.error("jsonld.range", f"{name!r} expects a Boolean, found {quote(value)}", pointer)

    # -- Google's article guidance ----------------------------------------------------------

    def _check_guidance(self, node: dict[str, Any], pointer: str) -> None:
        props = {term_name(key): key for key in node if not key.startswith("@")}
        headline_key = props.get("headline")
        headline = node.get(headline_key) if headline_key else None
        if headline is None or (isinstance(headline, str) and not headline.strip()):
            given = "" if headline is None else f" (it is {quote(headline)})"
            self.warning(
                "jsonld.headline-missing",
                f"the article has no headline{given}; Google recommends one",
                pointer,
            )
        elif isinstance(headline, str) and len(headline) > HEADLINE_LIMIT:
            self.warning(
                "jsonld.headline-too-long",
                f"the headline has {len(headline)} characters, more than Google's "
                f"{HEADLINE_LIMIT}: {quote(headline)}",
                f"{pointer}/{_escape(headline_key or '')}",
            )
        if "image" not in props:
            self.warning(
                "jsonld.image-missing", "the article has no image (Google recommends one)", pointer
            )
        if "datePublished" not in props:
            self.warning(
                "jsonld.date-published-missing",
                "the article has no datePublished (Google recommends it)",
                pointer,
            )
        for term in ("datePublished", "dateModified"):
            key = props.get(term)
            value = node.get(key) if key else None
            if isinstance(value, str):
                match = _DATE_TIME.match(value)
                if match and not match.group("zone"):
                    self.warning(
                        "jsonld.date-no-zone",
                        f"{term} {quote(value)} gives a time but no time zone; add "
                        "Z or an offset such as +02:00",
                        f"{pointer}/{_escape(key or term)}",
                    )
        author_key = props.get("author")
        if author_key is None:
            self.warning(
                "jsonld.author-missing",
                "the article has no author (Google recommends one)",
                pointer,
            )
            return
        authors = node[author_key]
        items = authors if isinstance(authors, list) else [authors]
        for index, author in enumerate(items):
            where = f"{pointer}/{_escape(author_key)}"
            where += f"/{index}" if isinstance(authors, list) else ""
            self._check_author(author, where)

    def _check_author(self, author: Any, pointer: str) -> None:
        if isinstance(author, str):
            self.warning(
                "jsonld.author-text",
                f'author is the bare text {quote(author)}; use {{"@type": "Person", "name": ...}}',
                pointer,
            )
            self._check_author_name(author, pointer)
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
                self._check_author(value, f"{pointer}/author{suffix}")
            return
        name = author.get("name")
        if name is None or (isinstance(name, str) and not name.strip()):
            self.warning("jsonld.author-no-name", "the author has no name", pointer)
        elif isinstance(name, list):
            self.warning(
                "jsonld.author-several",
                f"the author's name is a list {quote(name)}: give each person "
                "their own author object",
                f"{pointer}/name",
            )
        elif isinstance(name, str):
            self._check_author_name(name, f"{pointer}/name")

    def _check_author_name(self, raw: str, pointer: str) -> None:
        name = html.unescape(raw)  # "O&#039;Donnell" is one person, not two
        if _BYLINE.match(name):
            self.warning(
                "jsonld.author-byline",
                f"the author's name {quote(raw)} starts with a byline word; give the name alone",
                pointer,
            )
        elif _SEVERAL.search(name):
            self.warning(
                "jsonld.author-several",
                f"the author's name {quote(raw)} seems to name several people or "
                "add a place; give each person their own author object",
                pointer,
            )


def _looks_like_url(value: str) -> bool:
    return value.startswith(
        ("http://", "https://", "//", "/", "urn:", "mailto:", "tel:", "#", "data:")
    )


def validate(data: bytes, *, source: str | None = None) -> Report:
    """Every issue in a JSON-LD document or in every JSON-LD block of an HTML page."""
    report = Report(format="jsonld", source=source)
    if not data.strip():
        report.error("jsonld.empty", "the document is empty")
        return report
    if len(data) > MAX_PAGE_BYTES:
        report.error("jsonld.too-large", f"the input is larger than {MAX_PAGE_BYTES} bytes")
        return report
    vocabulary = load_vocabulary()
    if vocabulary is None:
        report.warning(
            "jsonld.vocabulary-missing",
            "schema.org vocabulary checks were skipped (types, properties, ranges): the "
            "vocabulary is not installed; run `newsmodel schemas install schemaorg` (or "
            "`--from DIR` offline), or set NEWSMODEL_SCHEMA_DIR",
        )
    html = looks_like_html(data)
    try:
        page = decode_page(data)
        blocks = extract_blocks(page.text) if html else [Block(0, page.text, 1, 1)]
    except InputError as error:
        report.error("jsonld.unreadable", error.message)
        return report
    if page.guess is not None:
        # JSON must be UTF-8 (RFC 8259): an error; a page's charset guess is what browsers do.
        report.add(Severity.WARNING if html else Severity.ERROR, "jsonld.encoding", page.guess)
    if html and not blocks:
        report.error(
            "jsonld.no-blocks", 'the page has no <script type="application/ld+json"> block'
        )
        return report
    for block in blocks:
        index = block.index if html else None
        try:
            parsed = parse_block(block, source=source)
        except BlockSyntaxError as error:
            report.error(
                error.code,
                error.message,
                Location(line=error.line, column=error.column, block=index),
            )
            continue
        for repair in parsed.repairs:
            location = Location(line=block.line, column=block.column, block=index)
            if repair.startswith("removed"):
                report.warning(
                    "jsonld.wrapper", f"{repair}: strict JSON-LD parsers may reject it", location
                )
            else:
                report.error(
                    "jsonld.not-strict-json",
                    f"not strict JSON ({repair}); a forgiving reader repaired it, "
                    "a strict one (a search engine) may drop the block",
                    location,
                )
        first = len(report.issues)
        _Checker(report, vocabulary, index).check_document(parsed.value)
        if html:
            _place_in_page(report, first, block, parsed.text)
    return report


def _place_in_page(report: Report, first: int, block: Block, text: str) -> None:
    """Give the issues of one block of a page (from ``first`` on) the line and column of the
    property their pointer names, as the docs promise for pages."""
    from dataclasses import replace

    from newsmodel.validation.positions import line_column, locate

    issues = report.issues[first:]
    unplaced = {
        position: issue.location.pointer
        for position, issue in enumerate(issues, start=first)
        if issue.location.pointer is not None and issue.location.line is None
    }
    if not unplaced:
        return
    offsets = locate(text, set(unplaced.values()))
    for position, pointer in unplaced.items():
        if pointer in offsets:
            issue = report.issues[position]
            line, column = block.position(*line_column(text, offsets[pointer]))
            report.issues[position] = replace(
                issue, location=replace(issue.location, line=line, column=column)
            )


__all__ = ["validate"]
