"""Validate NewsML-G2 against IPTC's 2.35 power XSD, reporting every issue with line:column.

Steps, each adding issues to one :class:`Report`:

1. the bytes are parsed by the hardened parser (:mod:`newsmodel.xmlsafe`); an unsafe or
   malformed document stops here, with every libxml2 message (``xml.*`` codes).  Whitespace
   between elements is left out where that provably cannot change the verdict (faster to
   parse and to validate); an invalid document is parsed again as written before its errors
   are listed, so they never depend on it;
2. the root must be in the NewsML-G2 namespace (``newsml.namespace``); which root elements are
   allowed is the XSD's call (any global element, ``catalog`` included);
3. the XSD (G2 2.35 power plus ODRL 2.2, the set IPTC validates with) is compiled once per
   process and schema folder, offline: the schema parser never touches the network, and the
   W3C ``xml.xsd`` is always resolved to the local copy.  Without the schema files the report
   says so (``newsml.schema-not-installed``) and how to install them;
4. libxml2 stops descending after an envelope error, so when a ``newsMessage`` is invalid each
   item in its ``itemSet`` is validated on its own as well and its issues carry the item's index;
5. qcodes whose scheme alias no catalog declares are warnings (``newsml.qcode-scheme``).

The verdict (``Report.ok``) is exactly the official XSD's: only steps 1-4 produce errors.
"""

from __future__ import annotations

import copy
import os
import re
from bisect import bisect_right
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any, cast

from lxml import etree

from newsmodel.validation import newsml_qcodes
from newsmodel.validation.report import Location, Report, Severity
from newsmodel.validation.resources import ENV_VAR, SCHEMA_SETS, find_schema_set
from newsmodel.xmlsafe import SafeDocument, XMLInputError, parse, source_line

NAR = "http://iptc.org/std/nar/2006-10-01/"
ODRL = "http://www.w3.org/ns/odrl/2/"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_G2_TAG = "{" + NAR + "}"
G2_ENTRY = SCHEMA_SETS["newsml-g2"].entry
_MAX_NODE_LINE = 65535
"""The largest line libxml2 can store on an element node (an unsigned short)."""

# libxml2 schema error type names -> stable issue codes (listed in docs/newsml.md).
_SCHEMA_CODES: dict[str, str] = {
    "SCHEMAV_ELEMENT_CONTENT": "newsml.schema.content",
    "SCHEMAV_CVC_ELT_1": "newsml.schema.root",
    "SCHEMAV_CVC_COMPLEX_TYPE_3_2_1": "newsml.schema.attribute",
    "SCHEMAV_CVC_COMPLEX_TYPE_3_2_2": "newsml.schema.attribute",
    "SCHEMAV_CVC_COMPLEX_TYPE_4": "newsml.schema.attribute",
    "SCHEMAV_CVC_IDC_KEY_NOTFOUND": "newsml.schema.identity",
    "SCHEMAV_CVC_IDC_DUPLICATE": "newsml.schema.identity",
    "SCHEMAV_CVC_ID": "newsml.schema.identity",
}
_TAG_IN_PATH = re.compile(r"(?:^|/)(?:[\w.-]+:)?([\w.-]+)(?:\[\d+\])?$")


def _schema_code(type_name: str) -> str:
    """A stable code for a libxml2 schema error type: content, value, attribute, root..."""
    if type_name in _SCHEMA_CODES:
        return _SCHEMA_CODES[type_name]
    if (
        "_VALID" in type_name
        or "DATATYPE" in type_name
        or type_name.startswith(("SCHEMAV_CVC_ATTRIBUTE", "SCHEMAV_CVC_ELT_4", "SCHEMAV_CVC_ELT_5"))
    ):
        return "newsml.schema.value"
    if "COMPLEX_TYPE" in type_name or "TYPE_3_1" in type_name:
        return "newsml.schema.content"
    return "newsml.schema"


class _LocalOnly(etree.Resolver):
    """Resolve schema imports from the schema folder only: W3C's xml.xsd maps to the local copy,
    any other remote or out-of-folder location is refused, so compiling never goes online."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder.resolve()

    def resolve(  # type: ignore[override]  # lxml-stubs omit the context argument
        self, system_url: str, public_id: str, context: object
    ) -> Any:
        name = system_url.rsplit("/", 1)[-1]
        candidate = (self.folder / name).resolve()
        if candidate.parent == self.folder and candidate.is_file():
            return cast(Any, self).resolve_filename(str(candidate), context)
        raise etree.XMLSchemaParseError(f"refusing to load {system_url!r}: not in {self.folder}")


def _schema_folder(configured: str | None, data_home: str | None) -> Path | None:
    """The installed schema folder, looked up once per configuration: a found folder is
    remembered (stat calls cost more than validating a small item); a missing one is not, so
    installing the schemas takes effect without a restart."""
    key = (configured, data_home)
    folder = _FOUND.get(key)
    if folder is None:
        found = find_schema_set("newsml-g2")
        if found is None:
            return None
        folder = _FOUND[key] = found.resolve()
    return folder


_FOUND: dict[tuple[str | None, str | None], Path] = {}


@cache
def compiled_schema(folder: Path) -> etree.XMLSchema:
    """The G2 2.35 power + ODRL 2.2 schema from ``folder``, compiled once per process."""
    driver = (
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
        f'<xs:import namespace="{NAR}" schemaLocation="{G2_ENTRY}"/>'
        f'<xs:import namespace="{ODRL}" schemaLocation="ODRL22.xsd"/>'
        "</xs:schema>"
    ).encode("ascii")
    parser = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)
    parser.resolvers.add(_LocalOnly(folder))
    root = etree.fromstring(driver, parser, base_url=(folder / "driver.xsd").as_uri())
    return etree.XMLSchema(root)


def validate(data: bytes, *, source: str | None = None) -> Report:
    """Every well-formedness, namespace and schema issue in one NewsML-G2 document."""
    report = Report(format="newsml", source=source)
    try:
        document = parse(data, source=source, drop_blank_text=True)
    except XMLInputError as error:
        for message in error.messages:
            report.add(
                _severity(message.warning),
                message.code,
                message.message,
                Location(line=message.line, column=message.column),
            )
        return report
    for message in document.warnings:
        report.warning(
            message.code, message.message, Location(line=message.line, column=message.column)
        )
    root = document.root
    if not _check_root(root, report):
        return report
    folder = _schema_folder(os.environ.get(ENV_VAR), os.environ.get("XDG_DATA_HOME"))
    if folder is None:
        version = SCHEMA_SETS["newsml-g2"].version
        report.error(
            "newsml.schema-not-installed",
            f"the NewsML-G2 {version} XSD files are not installed, so only well-formedness and "
            f"namespaces were checked; run `newsmodel schemas install` (or `--from DIR` "
            f"offline), or set {ENV_VAR}",
        )
    else:
        schema = compiled_schema(folder)
        if not schema.validate(root) and _invalid_as_written(schema, document):
            root = document.root
            lines = document.utf8.split(b"\n")
            items = _message_items(root)
            starts = [source_line(item) or 0 for item in items]
            seen = _add_schema_errors(report, schema, lines, starts, seen=set())
            for index, item in enumerate(items):
                # libxml2 stops descending after an envelope error: check each item alone.
                if not schema.validate(_standalone(item)):
                    _add_schema_errors(report, schema, lines, starts, seen=seen, item=index)
    newsml_qcodes.check(root, document.utf8, report)
    return report


def _invalid_as_written(schema: etree.XMLSchema, document: SafeDocument) -> bool:
    """Confirm an invalid verdict on the document as written and leave the schema's error log
    (and ``document.root``) for it.  A document parsed without blank text (faster, and the
    verdict is the same, see :func:`newsmodel.xmlsafe.parse`) is parsed again with it, so
    the reported messages never depend on that shortcut."""
    if not document.blank_text_dropped:
        return True
    document.root = parse(document.utf8).root
    return not schema.validate(document.root)


def _check_root(root: etree._Element, report: Report) -> bool:
    """Is the root in the G2 namespace?  Report why not (the XSD would only say "no matching
    global declaration", which does not tell a user to add the namespace)."""
    if root.tag.startswith(_G2_TAG):
        return True
    qname = etree.QName(root)
    where = Location(line=source_line(root), column=1)
    if qname.namespace != NAR:
        found = f"in namespace {qname.namespace!r}" if qname.namespace else "in no namespace"
        report.error(
            "newsml.namespace",
            f"root element <{qname.localname}> is {found}; NewsML-G2 elements must be in "
            f'{NAR!r} (add xmlns="{NAR}")',
            where,
        )
        return False
    return True


def _standalone(item: etree._Element) -> etree._Element:
    """A copy of ``item`` as a document root that declares every namespace in scope (QName
    values such as ``valuedatatype="xs:boolean"`` may use the envelope's prefixes), with
    source line numbers kept."""
    nsmap: Any = item.nsmap  # lxml-stubs do not allow the None (default namespace) key
    attributes: dict[str, str] = {str(k): str(v) for k, v in item.attrib.items()}
    alone = etree.Element(item.tag, attrib=attributes, nsmap=nsmap)
    own_line = source_line(item)
    if own_line is not None and own_line <= _MAX_NODE_LINE:
        alone.sourceline = item.sourceline  # libxml2 keeps an element's own line in 16 bits
    alone.text = item.text
    for child in item:
        alone.append(copy.deepcopy(child))
    return alone


def _message_items(root: etree._Element) -> list[etree._Element]:
    """The items in a newsMessage's itemSet (none for a single item)."""
    if etree.QName(root).localname != "newsMessage":
        return []
    item_set = root.find(f"{{{NAR}}}itemSet")
    return [] if item_set is None else [c for c in item_set if isinstance(c.tag, str)]


def _add_schema_errors(
    report: Report,
    schema: etree.XMLSchema,
    lines: list[bytes],
    item_starts: list[int],
    *,
    seen: set[tuple[int, str]],
    item: int | None = None,
) -> set[tuple[int, str]]:
    """Add the schema's error log to the report, each issue once, with the index of the
    newsMessage item it falls in (``Location.block``): found from its line, or ``item`` when
    the log is that item's own and libxml2 gave no line (past line 65,535 it often has none)."""
    for entry in cast("Iterable[etree._LogEntry]", schema.error_log):
        key = (entry.line, entry.message)
        if key in seen:
            continue
        seen.add(key)
        if report.full:  # only counted from here on (Report.limit): no column to look for
            report.error("newsml.schema", "")
            continue
        code = _schema_code(str(entry.type_name))
        line = entry.line or None
        column = entry.column or (_column(lines, line, str(entry.path)) if line else None)
        block = bisect_right(item_starts, line) - 1 if line and item_starts else -1
        if block < 0 and item is not None:
            block = item
        location = Location(line=line, column=column, block=block if block >= 0 else None)
        report.error(code, _tidy(str(entry.message)), location)
    return seen


def _column(lines: list[bytes], line: int, path: str) -> int:
    """libxml2 gives schema errors a line only: find the element's start tag on that line
    (from the last step of the error's path) and return its 1-based character column."""
    if not 0 < line <= len(lines):
        return 1
    match = _TAG_IN_PATH.search(path)
    text = lines[line - 1].decode("utf-8", "replace")
    if match:
        found = re.search(r"<(?:[\w.-]+:)?" + re.escape(match.group(1)) + r"[\s/>]", text)
        if found:
            return found.start() + 1
    stripped = len(text) - len(text.lstrip())
    return stripped + 1


def _tidy(message: str) -> str:
    """libxml2's messages with the G2 namespace shortened to ``g2:`` so they fit on a line."""
    return message.replace("{" + NAR + "}", "g2:").replace("\n", "\\n").strip()


def _severity(warning: bool) -> Severity:
    return Severity.WARNING if warning else Severity.ERROR


__all__ = ["compiled_schema", "validate"]
