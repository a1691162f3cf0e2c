"""The NewsML-G2 validator: the official XSD's verdict, every issue with line:column, offline."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsmodel.validate import validate
from newsmodel.validate.report import Severity

G2 = "http://iptc.org/std/nar/2006-10-01/"


def item(meta: str = "", content: str = "", *, root_attrs: str = "") -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="{G2}" guid="urn:x:1" version="1" standard="NewsML-G2"
    standardversion="2.35" conformance="power" {root_attrs}>
  <catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml"/>
  <itemMeta>
    <itemClass qcode="ninat:text"/>
    <provider literal="test"/>
    <versionCreated>2025-11-07T10:00:00+01:00</versionCreated>{meta}
    <pubStatus qcode="stat:usable"/>
  </itemMeta>
  <contentMeta>{content}
    <headline>Headline</headline>
  </contentMeta>
</newsItem>
"""


VALID = item()


def codes(data: str | bytes) -> list[str]:
    return [issue.code for issue in validate(data, "newsml").issues]


def test_a_valid_item_has_no_issue(with_shared_schemas: Path) -> None:
    report = validate(VALID, "newsml", source="ok.xml")
    assert report.ok
    assert report.issues == []
    assert report.format == "newsml"


def test_format_is_detected_from_the_bytes(with_shared_schemas: Path) -> None:
    assert validate(VALID).format == "newsml"


def test_every_schema_error_is_reported_with_line_and_column(with_shared_schemas: Path) -> None:
    """Two bad values and one misplaced element: three issues, each located."""
    data = item(
        meta="\n    <firstCreated>2025-11-07T10:00:00+0100</firstCreated>",
        content=(
            "\n    <urgency>x</urgency>\n    <language tag=\"uk\"/>"
            "\n    <contentCreated>2025</contentCreated>"
        ),
    )
    report = validate(data, "newsml")
    assert not report.ok
    errors = report.errors
    assert len(errors) == 3, [str(e.message) for e in errors]
    assert {e.code for e in errors} == {"newsml.schema.value", "newsml.schema.content"}
    assert all(e.location.line and e.location.column for e in errors)
    assert (errors[0].location.line, errors[0].location.column) == (9, 5)
    assert "+0100" in errors[0].message


def test_whitespace_around_a_date_is_invalid(with_shared_schemas: Path) -> None:
    data = VALID.replace("2025-11-07T10:00:00+01:00", "\n 2025-11-07T10:00:00+01:00\n ")
    assert codes(data) == ["newsml.schema.value"]


def test_news_message_items_are_checked_one_by_one(with_shared_schemas: Path) -> None:
    """An envelope error stops libxml2; the items' own errors are still found, with their index."""
    body = VALID.split("?>", 1)[1].replace(f' xmlns="{G2}"', "")
    bad = body.replace("<urgency>", "").replace("<headline>", "<urgency>0</urgency><headline>")
    message = f"""<newsMessage xmlns="{G2}">
<itemSet>{body}{bad}</itemSet>
</newsMessage>"""
    report = validate(message, "newsml")
    blocks = [(issue.code, issue.location.block) for issue in report.errors]
    assert ("newsml.schema.content", None) in blocks  # no header: the envelope error
    assert ("newsml.schema.value", 1) in blocks  # urgency 0 in the second item


def test_wrong_namespace_is_explained(with_shared_schemas: Path) -> None:
    report = validate(b"<newsItem guid='x'/>", "newsml")
    assert [issue.code for issue in report.errors] == ["newsml.namespace"]
    assert "xmlns" in report.errors[0].message


def test_undeclared_qcode_scheme_is_a_warning_only(with_shared_schemas: Path) -> None:
    data = item(content='\n    <subject qcode="mystery:42"/>')
    report = validate(data, "newsml")
    assert report.ok
    assert [(i.severity, i.code) for i in report.issues] == [
        (Severity.WARNING, "newsml.qcode-scheme")
    ]


def test_inline_catalog_declares_a_scheme(with_shared_schemas: Path) -> None:
    data = item(content='\n    <subject qcode="mystery:42"/>').replace(
        "<itemMeta>", '<catalog><scheme alias="mystery" uri="urn:m:"/></catalog>\n  <itemMeta>'
    )
    assert codes(data) == []


def test_hostile_input_is_an_error_in_the_report(with_shared_schemas: Path) -> None:
    """Validation never raises for bad bytes: refusals are issues with codes."""
    bomb = b'<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'
    assert codes(bomb) == ["xml.doctype"]
    assert validate(b"", "newsml").errors[0].code == "xml.empty"


def test_missing_schema_says_how_to_install_and_still_checks_xml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the XSD: one error naming the install command, plus well-formedness checks."""
    monkeypatch.setenv("NEWSMODEL_SCHEMA_DIR", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    report = validate(VALID, "newsml")
    assert [i.code for i in report.errors] == ["newsml.schema-not-installed"]
    assert "newsmodel schemas install" in report.errors[0].message
    broken = validate(b"<newsItem xmlns='%s'><x:y/></newsItem>" % G2.encode(), "newsml")
    assert [i.code for i in broken.errors] == ["xml.namespace"]


def test_schema_compiles_offline(
    with_shared_schemas: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Compiling the XSD opens no socket (xml.xsd resolves to the local copy)."""
    import socket

    from newsmodel.validate import xsd

    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access during schema compilation")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    xsd.compiled_schema.cache_clear()
    assert validate(VALID, "newsml").ok
