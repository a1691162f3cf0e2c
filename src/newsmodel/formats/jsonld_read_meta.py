"""The article-level fields of a JSON-LD article: ids, language, counts, credits, metadata.

:class:`ReaderBase` holds what every part of the reader shares (notes, warnings, scalar
reading, references); :class:`ArticleFields` reads the ``NewsArticle`` node's own fields,
including the newsroom's metadata the writer (:mod:`.jsonld_write_meta`) puts there.
"""

from __future__ import annotations

from typing import Any

from newsmodel.formats.jsonld_nodes import (
    _COUNT_DIGITS,
    _LANGUAGE,
    Node,
    _link,
    _resolve,
    _text,
)
from newsmodel.models.types import (
    MAX_COUNT,
)
from newsmodel.validation.quoting import quote


class ReaderBase:
    """Notes and warnings (each once), scalar reading, and references to collected entities."""

    def __init__(self, index: dict[str, Node], warnings: list[str]) -> None:
        self.index = index
        self.warnings = list(warnings)
        self.unmapped: list[str] = []
        # Membership sets beside the ordered lists: a node with 60,000 unknown keys must not
        # cost 60,000 list scans per note.
        self._warned = set(self.warnings)
        self._noted: set[str] = set()
        self.ids: dict[int, str] = {}
        self.kinds: dict[int, str] = {}
        self.nodes: list[Node] = []
        self.blank: dict[tuple[str, str], Node] = {}
        self.aliases: dict[int, Node] = {}

    def note(self, what: str) -> None:
        if what not in self._noted:
            self._noted.add(what)
            self.unmapped.append(what)

    def warn(self, what: str) -> None:
        if what not in self._warned:
            self._warned.add(what)
            self.warnings.append(what)

    def scalar(self, node: Node, name: str) -> str | None:
        values = node.props.get(name) or []
        texts = [text for text in (_text(value) for value in values) if text is not None]
        if len(texts) > 1:
            self.warn(f"{node.label}.{name} has {len(texts)} values; the first is kept")
            self.note(f"{node.label}.{name} (values after the first)")
        if not texts and values:
            self.note(f"{node.label}.{name}")
        return texts[0] if texts else None

    def texts(self, node: Node, name: str) -> list[str]:
        return [text for text in (_text(value) for value in node.props.get(name, [])) if text]

    def ref(self, value: Any, kinds: tuple[str, ...]) -> str | None:
        target = _resolve(value, self.index)
        target = self.aliases.get(id(target), target)
        if isinstance(target, Node) and self.kinds.get(id(target)) in kinds:
            return self.ids[id(target)]
        return None

    def refs(self, node: Node, name: str, kinds: tuple[str, ...]) -> list[str]:
        found: list[str] = []
        for value in node.props.get(name, []):
            ref = self.ref(value, kinds)
            if ref is None:
                self.note(f"{node.label}.{name}")
            elif ref not in found:
                found.append(ref)
        return found


class ArticleFields(ReaderBase):
    """The ``NewsArticle`` node's own fields."""

    def _article_id(self, node: Node, fallback: str) -> str:
        candidates: list[Any] = []
        for value in node.props.get("identifier", []):
            candidates.append(value.first("value") if isinstance(value, Node) else _text(value))
        candidates.extend([node.id, self.scalar(node, "url")])
        for candidate in candidates:
            text = _text(candidate)
            if text and text == text.strip() and len(text) <= 1024 and "\n" not in text:
                return text
        return fallback

    def _language(self, node: Node) -> str | None:
        value = node.first("inLanguage")
        text = (
            _text(value)
            if not isinstance(value, Node)
            else _text(value.first("alternateName")) or _text(value.first("name"))
        )
        if text is None:
            if value is not None:
                self.note(f"{node.label}.inLanguage")
            return None
        tag = text.strip().replace("_", "-")
        if _LANGUAGE.match(tag):
            if tag != text:
                self.warn(f"inLanguage {text!r} read as {tag!r}")
            return tag
        self.warn(f"inLanguage {text!r} is not a BCP 47 language tag; left out")
        return None

    def _page_language(self, declared: str | None) -> str | None:
        """The page's ``<html lang>``, when the markup gives no ``inLanguage``."""
        if declared is None:
            return None
        tag = declared.strip().replace("_", "-")
        if _LANGUAGE.match(tag):
            return tag
        self.warn(f"<html lang={declared!r}> is not a BCP 47 language tag; left out")
        return None

    def _word_count(self, node: Node) -> int:
        value = node.first("wordCount")
        if isinstance(value, bool) or value is None:
            return 0
        text = _text(value)
        if text is not None and text.strip().isascii() and text.strip().isdigit():
            digits = text.strip()
            if len(digits) > _COUNT_DIGITS or int(digits) > MAX_COUNT:
                self.warn(f"wordCount {quote(value)} is beyond any count; left out")
                return 0
            if not isinstance(value, int):
                self.warn(f"wordCount {value!r} is text; read as a number")
            return int(digits)
        self.warn(f"wordCount {value!r} is not a whole number; left out")
        return 0

    def _keywords(self, node: Node) -> list[str]:
        keywords: list[str] = []
        for value in node.props.get("keywords", []):
            text = _text(value) if not isinstance(value, Node) else _text(value.first("name"))
            if text is None:
                self.note(f"{node.label}.keywords")
                continue
            if "keywords" not in node.lists:
                keywords.extend(part.strip() for part in text.split(",") if part.strip())
            else:
                keywords.append(text)
        return keywords

    def _agents(self, node: Node, prop: str) -> list[str]:
        names: list[str] = []
        for value in node.props.get(prop, []):
            target = _resolve(value, self.index)
            if isinstance(target, Node) and not target.props and target.id:
                self.note(f"{node.label}.{prop} (reference {target.id!r}, not described)")
                continue
            name = _text(target.first("name")) if isinstance(target, Node) else _text(target)
            if not name:
                self.warn(
                    f"{node.label}.{prop} at {getattr(target, 'pointer', node.pointer)} "
                    "has no name; left out"
                )
                continue
            names.append(name)
        return names

    def _url(self, node: Node) -> str | None:
        """``url``, else ``mainEntityOfPage`` (the page the article is the main entity of: a
        URL, or a WebPage node with an ``@id`` or a ``url``), as Google's guidance uses it."""
        url = _link(node.first("url"))
        page = _link(node.first("mainEntityOfPage"))
        if url is not None and page is not None and page != url:
            self.note(f"{node.label}.mainEntityOfPage")
        return url if url is not None else page
