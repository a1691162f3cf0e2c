"""The newsroom's metadata in publishers' schema.org markup, read into the model's fields.

The counterpart of :mod:`.jsonld_write_meta`: ``dateModified``, ``dateCreated``, ``version``,
``creativeWorkStatus``, ``dateline``, ``creditText``, ``genre``, ``DefinedTerm`` nodes in
``about``, ``copyrightHolder``, ``copyrightNotice``, ``usageInfo``, ``license``, ``image``
(a URL or an ``ImageObject``), ``correction`` and the credited parties (``author``, ``editor``,
``translator``, ``contributor``, each possibly inside a ``Role``).  A value of the wrong shape
goes to ``provenance.unmapped``, a repaired one to ``warnings``.
"""

from __future__ import annotations

import re
from typing import Any

from newsmodel.formats.jsonld_dates import read_date
from newsmodel.formats.jsonld_nodes import Node, _link, _resolve, _text
from newsmodel.formats.jsonld_read_meta import ReaderBase
from newsmodel.models import AgentKind, AuthorRole, PubStatus
from newsmodel.models.metadata import QCODE_PATTERN

NEWSROOM_PROPS = frozenset(
    {
        "dateModified",
        "dateCreated",
        "version",
        "creativeWorkStatus",
        "dateline",
        "creditText",
        "genre",
        "copyrightHolder",
        "copyrightNotice",
        "usageInfo",
        "license",
        "image",
        "correction",
        "editor",
        "translator",
        "contributor",
    }
)
"""The NewsArticle properties read here."""
CREDIT_PROPS: dict[str, AuthorRole | None] = {
    "author": None,
    "editor": AuthorRole.EDITOR,
    "translator": AuthorRole.TRANSLATOR,
    "contributor": AuthorRole.CONTRIBUTOR,
}
_QCODE = re.compile(QCODE_PATTERN)
_ROLES = frozenset(role.value for role in AuthorRole)
_STATUSES = frozenset(status.value for status in PubStatus)


class NewsroomFields(ReaderBase):
    """Reads the metadata of one ``NewsArticle`` node into ``Article`` field values."""

    def newsroom(self, node: Node) -> dict[str, Any]:
        fields: dict[str, Any] = {"authors": self.credits(node)}
        fields["date_modified"] = self._date(node, "dateModified")
        fields["first_created"] = self._date(node, "dateCreated")
        version = node.first("version")
        text = _text(version) if not isinstance(version, bool) else None
        if text is not None and text.strip().isdigit() and 1 <= int(text) < 2**63:
            fields["version"] = int(text)
        elif version is not None:
            self.note(f"{node.label}.version")
        status = self.scalar(node, "creativeWorkStatus")
        if status is not None and status.strip().lower() in _STATUSES:
            fields["pub_status"] = PubStatus(status.strip().lower())
        elif status is not None:
            self.note(f"{node.label}.creativeWorkStatus")
        dateline = self.scalar(node, "dateline")
        if dateline:
            fields["dateline"] = {"text": dateline}
        fields["creditline"] = self.scalar(node, "creditText") or None
        fields["genres"] = [
            {"code": text} if _QCODE.match(text) else {"name": text}
            for text in self.texts(node, "genre")
        ]
        fields["subjects"] = [
            term for value in node.props.get("about", []) if (term := self.term(value))
        ]
        fields["rights"] = self._rights(node)
        fields["images"] = [
            image for value in node.props.get("image", []) if (image := self._image(node, value))
        ]
        fields["signals"] = [
            signal
            for value in node.props.get("correction", [])
            if (signal := self._correction(node, value))
        ]
        return fields

    def _date(self, node: Node, prop: str) -> Any:
        text = self.scalar(node, prop)
        if text is None:
            return None
        value, warning = read_date(text)
        if warning:
            self.warn(f"{prop}: {warning}")
        return value

    def term(self, value: Any) -> dict[str, Any] | None:
        """A ``DefinedTerm`` (its code as written, name, language, term set) or None."""
        target = _resolve(value, self.index)
        if not isinstance(target, Node) or "DefinedTerm" not in target.types:
            return None
        fields: dict[str, Any] = {}
        code = _text(target.first("termCode"))
        if code and _QCODE.match(code):
            fields["code"] = code
        elif code:
            self.note(f"{target.label}.termCode {code!r}")
        name = target.first("name")
        if _text(name):
            fields["name"] = _text(name)
            if isinstance(name, dict) and isinstance(name.get("@language"), str):
                fields["language"] = name["@language"]
        scheme = _link(target.first("inDefinedTermSet"))
        if scheme and " " not in scheme:
            fields["scheme_uri"] = scheme
        return fields if ("code" in fields or "name" in fields) else None

    def credits(self, node: Node) -> list[dict[str, Any]]:
        """Every credited party, in property order, with its role and entity when known."""
        found: list[dict[str, Any]] = []
        for prop, default in CREDIT_PROPS.items():
            for raw in node.props.get(prop, []):
                role, value = default, raw
                if isinstance(raw, Node) and "Role" in raw.types:
                    name = (self.scalar(raw, "roleName") or "").lower()
                    role = AuthorRole(name) if name in _ROLES else default
                    value = (raw.props.get(prop) or [None])[0]
                author = self._agent(node, prop, value)
                if author is not None:
                    found.append({**author, "role": role} if role else author)
        return found

    def _agent(self, node: Node, prop: str, value: Any) -> dict[str, Any] | None:
        target = _resolve(value, self.index)
        entity = self.ref(target, ("person", "organisation"))
        if isinstance(target, Node) and not target.props and target.id and entity is None:
            self.note(f"{node.label}.{prop} (reference {target.id!r}, not described)")
            return None
        name = _text(target.first("name")) if isinstance(target, Node) else _text(target)
        if not name:
            self.warn(
                f"{node.label}.{prop} at {getattr(target, 'pointer', node.pointer)} "
                "has no name; left out"
            )
            return None
        author: dict[str, Any] = {"name": name}
        if isinstance(target, Node):
            if "Person" in target.types:
                author["kind"] = AgentKind.PERSON
            elif target.types:
                author["kind"] = AgentKind.ORGANISATION
        if entity is not None:
            author["entity"] = entity
        return author

    def _rights(self, node: Node) -> dict[str, Any] | None:
        holder = node.first("copyrightHolder")
        usage = node.first("usageInfo")
        fields = {
            "copyright_holder": _text(holder.first("name"))
            if isinstance(holder, Node)
            else _text(holder),
            "copyright_notice": self.scalar(node, "copyrightNotice"),
            "usage_terms": (_text(usage.first("text")) or _link(usage))
            if isinstance(usage, Node)
            else _text(usage),
            "license_url": _link(node.first("license")),
        }
        if fields["license_url"] is not None and not re.fullmatch(r"\S+", fields["license_url"]):
            self.note(f"{node.label}.license")
            fields["license_url"] = None
        kept = {key: value for key, value in fields.items() if value is not None}
        return kept or None

    def _image(self, node: Node, value: Any) -> dict[str, Any] | None:
        target = _resolve(value, self.index)
        if not isinstance(target, Node):
            url = _text(target)
            return {"url": url} if url and " " not in url.strip() else None
        url = _link(target.first("contentUrl")) or _text(target.first("url")) or target.id
        if not url or " " in url:
            self.note(f"{node.label}.image (no URL)")
            return None
        image: dict[str, Any] = {"url": url}
        for prop, key in (
            ("caption", "caption"),
            ("creditText", "credit"),
            ("copyrightNotice", "copyright_notice"),
            ("encodingFormat", "mime_type"),
        ):
            text = self.scalar(target, prop)
            if text is not None:
                image[key] = text
        for prop in ("width", "height"):
            size = target.first(prop)
            size = size.first("value") if isinstance(size, Node) else size
            text = _text(size)
            digits = (text or "").strip().removesuffix("px").strip()
            if digits.isdigit() and 1 <= int(digits) < 2**63:
                image[prop] = int(digits)
            elif size is not None:
                self.note(f"{target.label}.{prop}")
        return image

    def _correction(self, node: Node, value: Any) -> dict[str, Any] | None:
        target = _resolve(value, self.index)
        if not isinstance(target, Node):
            text = _text(target)
            return {"kind": "correction", "note": text} if text else None
        signal: dict[str, Any] = {"kind": "correction"}
        note = self.scalar(target, "text") or self.scalar(target, "description")
        if note:
            signal["note"] = note
        date = self._date(target, "datePublished")
        if date is not None:
            signal["date"] = date
        return signal


__all__ = ["CREDIT_PROPS", "NEWSROOM_PROPS", "NewsroomFields"]
