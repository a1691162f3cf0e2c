"""The NewsML-G2 validator: the official XSD's verdict, every issue with line:column, offline."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from newsmodel.validation import newsml_qcodes, validate
from newsmodel.validation.report import Report, Severity

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
            '\n    <urgency>x</urgency>\n    <language tag="uk"/>'
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

    from newsmodel.validation import xsd

    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access during schema compilation")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    xsd.compiled_schema.cache_clear()
    assert validate(VALID, "newsml").ok


def test_comments_keep_whitespace_in_values(with_shared_schemas: Path) -> None:
    """A comment, processing instruction or CDATA section next to whitespace in a value keeps
    the verdict the normal parse gives (a faster parse without blank text would drop the
    whitespace and call these valid)."""
    date = "2025-11-07T10:00:00+01:00"
    for value in (f"\n <!--c-->{date}", f"\n <?pi x?>{date}", f"\n <![CDATA[{date}]]>"):
        report = validate(VALID.replace(date, value, 1), "newsml")
        assert [i.code for i in report.errors] == ["newsml.schema.value"], value


def qcode_issues(body: str) -> list[tuple[str, str, int | None]]:
    """The qcode check alone (no schema needed) on a newsItem with ``body`` inside."""
    source = (f'<newsItem xmlns="{G2}" xmlns:x="urn:x">\n{body}\n</newsItem>').encode()
    report = Report(format="newsml")
    newsml_qcodes.check(etree.fromstring(source), source, report)
    return [(i.code, i.message.split("'")[1], i.location.line) for i in report.issues]


def test_one_warning_per_alias_at_its_first_use() -> None:
    """Each undeclared alias is reported once, in order of first use, with that line;
    IPTC's aliases and inline catalog schemes are not reported (the line is the qcode's own,
    not its start tag's)."""
    body = (
        '<subject qcode="medtop:1"/>\n'
        "<subject\n    type='cpnat:abstract' qcode='b:1'/>\n"
        '<subject qcode="a:1"/>\n<subject qcode="a:2"/>\n'
        '<catalog><scheme alias="mine" uri="urn:m:"/></catalog><subject qcode="mine:3"/>'
    )
    assert qcode_issues(body) == [
        ("newsml.qcode-scheme", "b", 4),
        ("newsml.qcode-scheme", "a", 5),
    ]


def test_only_unprefixed_qcode_attributes_and_first_list_entries_are_checked() -> None:
    """Prefixed attributes (extensions such as ``x:type``) are not qcode attributes, other
    attributes are not either, and a list value is checked by its first entry; the warning
    points at the checked attribute, not at an earlier appearance of the same string."""
    body = (
        '<link x:type="ext:1" literal="lit:2" href="http://example.com/"/>\n'
        '<person role="lst:1 later:2"/>\n<altId x:type="idType:USN"/>\n'
        '<altId type="idType:USN"/>'
    )
    assert qcode_issues(body) == [
        ("newsml.qcode-scheme", "lst", 3),
        ("newsml.qcode-scheme", "idType", 5),
    ]


def test_a_qcode_warning_has_the_column_of_the_attribute_value() -> None:
    source = f'<newsItem xmlns="{G2}">\n  <subject qcode="zz:1"/>\n</newsItem>'.encode()
    report = Report(format="newsml")
    newsml_qcodes.check(etree.fromstring(source), source, report)
    [issue] = report.issues
    assert (issue.location.line, issue.location.column) == (2, 19)


def test_qcodes_inside_bodies_are_not_checked() -> None:
    """``inlineXML`` and ``inlineData`` payloads (XHTML, NITF, text) carry no G2 qcodes;
    the payload elements' own attributes are checked."""
    body = (
        '<contentSet><inlineXML contenttype="application/xhtml+xml" rendition="r:1">'
        '<p type="body:1" rel="body:2">inlineXML></p></inlineXML>\n'
        '<x:inlineData rendition="r2:1">qcode="body:3"</x:inlineData>\n'
        '<remoteContent rendition="after:1"/></contentSet>'
    )
    assert [alias for _code, alias, _line in qcode_issues(body)] == ["r", "r2", "after"]


def test_a_remote_catalog_makes_unplaced_aliases_infos() -> None:
    body = (
        '<catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml"/>'
        '<catalogRef href="https://example.com/catalog.xml"/><subject qcode="ex:1"/>'
    )
    report_codes = qcode_issues(body)
    assert report_codes == [("newsml.qcode-scheme-remote", "ex", 2)]
