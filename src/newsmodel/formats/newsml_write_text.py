"""Text that NewsML-G2 can carry: XML-safe strings, qcodes, names and IRIs.

XML 1.0 cannot carry C0 controls (other than tab, LF, CR), U+FFFE/U+FFFF or lone surrogates;
each becomes U+FFFD (offsets survive) and is counted, so the item can say so in an ``edNote``.
Shared by the item writer (:mod:`.newsml_write`) and the entity writer
(:mod:`.newsml_write_entities`).
"""

from __future__ import annotations

import re
from urllib.parse import quote

LATIN = "Latn"
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_LINE_BREAKS = re.compile("[\t\n\r]")
_IRI_UNSAFE = re.compile(r"[\x00-\x20\"<>\\^`{|}\x7f]")
_SAFE_CODE = re.compile(r"[A-Za-z0-9._~-]*")
_SPECIAL = re.compile('[\x00-\x1f&<>"\ufffe\uffff\ud800-\udfff]')


class _Text:
    """Makes strings XML-safe (replacing what XML 1.0 cannot carry, then escaping) and counts
    the replacements."""

    def __init__(self) -> None:
        self.replaced = 0

    def clean(self, text: str) -> str:
        """Forbidden characters become U+FFFD, one for one, so offsets survive."""
        if not _FORBIDDEN.search(text):
            return text
        cleaned, count = _FORBIDDEN.subn("\ufffd", text)
        self.replaced += count
        return cleaned

    def block(self, text: str) -> str:
        """Escaped element text, line breaks kept (CR as a character reference)."""
        if not _SPECIAL.search(text):
            return text
        return _escape(self.clean(text)).replace("\r", "&#13;")

    def line(self, text: str) -> str:
        """Escaped g2normalizedString (no tab, CR or LF: those become spaces)."""
        if not _SPECIAL.search(text):
            return text
        return _escape(_LINE_BREAKS.sub(" ", self.clean(text)))

    def attr(self, text: str) -> str:
        """Escaped attribute value, on one line."""
        if not _SPECIAL.search(text):
            return text
        return _escape_attr(_LINE_BREAKS.sub(" ", self.clean(text)))


def _escape(text: str) -> str:
    """Element text escaping (str.replace is C-fast, unlike str.translate with a dict)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escape_attr(text: str) -> str:
    return _escape(text).replace('"', "&quot;")


def qcode(alias: str, code: str) -> str:
    """``alias:code`` with the code percent-encoded so it never holds whitespace."""
    if _SAFE_CODE.fullmatch(code):
        return f"{alias}:{code}"  # quoting would not change it
    return f"{alias}:{quote(code, safe='')}"


def _name(value: str, language: str | None, text: _Text, role: str | None = None) -> str:
    lang = f' xml:lang="{language}"' if language else ""
    role_attr = f' role="{role}"' if role else ""
    return f"<name{lang}{role_attr}>{text.line(value)}</name>"


def _latin(language: str | None) -> str:
    primary = (language or "und").split("-", 1)[0]
    return f"{primary}-{LATIN}"


def _iri(value: str) -> str:
    """An IRI the XSD accepts: characters IRIs cannot hold are percent-encoded."""
    return _IRI_UNSAFE.sub(lambda match: quote(match.group(0), safe=""), _FORBIDDEN.sub("", value))
