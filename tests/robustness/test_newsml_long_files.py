"""Validating a newsMessage whose items lie past line 65,535 reports issues, not an
``OverflowError``: libxml2 stores an element's line in 16 bits, and copying an item out of the
envelope once set that line on the copy."""

from __future__ import annotations

from pathlib import Path

from newsmodel import validate

G2 = 'xmlns="http://iptc.org/std/nar/2006-10-01/"'
ITEM = (
    '<newsItem guid="urn:x:1" version="1" standard="NewsML-G2" standardversion="2.35">\n'
    '  <catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml"/>\n'
    '  <itemMeta><itemClass qcode="ninat:text"/><provider literal="x"/>'
    "<versionCreated>2024-01-01T00:00:00Z</versionCreated><notAllowedHere/></itemMeta>\n"
    "</newsItem>"
)


def test_an_invalid_item_after_line_65535_is_reported_with_its_item_index(
    with_shared_schemas: Path,
) -> None:
    """The envelope error and the item's own error are both reported; the item's carries its
    index in the message even where libxml2 has no line for it."""
    data = (
        f"<newsMessage {G2}><header><sent>2024-01-01T00:00:00Z</sent></header><bogus/>"
        + "\n" * 70_000
        + f"<itemSet>{ITEM}</itemSet></newsMessage>"
    ).encode()
    report = validate(data, "newsml")
    assert not report.ok
    messages = [issue for issue in report.errors if "notAllowedHere" in issue.message]
    assert messages, report.issues
    assert messages[0].location.block == 0
