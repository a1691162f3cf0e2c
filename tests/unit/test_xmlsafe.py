"""The hardened parser refuses hostile XML quickly and explains every refusal with a code."""

from __future__ import annotations

import pytest

from newsmodel.errors import InputError
from newsmodel.xmlsafe import MAX_BYTES, XMLInputError, parse

NEWS_ITEM = '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/">{}</newsItem>'


def refused(data: bytes) -> XMLInputError:
    with pytest.raises(XMLInputError) as caught:
        parse(data, source="feed.xml")
    return caught.value


def test_empty_and_blank_documents_are_a_clear_error() -> None:
    """An empty file is an InputError naming the file, not a libxml2 traceback."""
    for data in (b"", b"  \n\t", b"\xef\xbb\xbf"):
        error = refused(data)
        assert error.code == "xml.empty"
        assert isinstance(error, InputError)
        assert "feed.xml" in str(error)


def test_entity_bomb_is_refused_before_parsing() -> None:
    """A billion-laughs DOCTYPE never reaches libxml2."""
    levels = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)).replace(
        "&lol0;", "&lol;"
    )
    bomb = (
        f'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">{levels}]><lolz>&lol9;</lolz>'
    ).encode()
    error = refused(bomb)
    assert error.code == "xml.doctype"
    assert "declares entities" in error.message
    assert error.line == 1


def test_external_entities_and_dtds_are_never_read(tmp_path: object) -> None:
    """SYSTEM identifiers (files, URLs) are refused, so nothing is fetched or opened."""
    for data in (
        b'<!DOCTYPE x SYSTEM "file:///etc/passwd"><x/>',
        b'<!DOCTYPE x PUBLIC "-//X//EN" "http://example.invalid/x.dtd"><x/>',
        b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/hostname">]><x>&e;</x>',
    ):
        error = refused(data)
        assert error.code == "xml.doctype"


def test_undeclared_entity_is_an_error_not_an_expansion() -> None:
    """An entity reference without a declaration is reported with its line and column."""
    error = refused(b"<a>\n&secret;</a>")
    assert error.code == "xml.entity"
    assert error.line == 2


def test_deep_nesting_is_refused() -> None:
    """Nesting beyond libxml2's limit (256) is refused, not recursed into."""
    error = refused(b"<a>" * 5000 + b"</a>" * 5000)
    assert error.code == "xml.too-deep"


def test_huge_text_node_is_refused() -> None:
    """A text node over 10 MB is refused (huge_tree stays off)."""
    error = refused(b"<a>" + b"x" * (10_000_001) + b"</a>")
    assert error.code == "xml.text-too-large"


def test_oversized_document_is_refused_without_parsing() -> None:
    """Anything larger than MAX_BYTES is refused from its length alone."""
    error = refused(b" " * (MAX_BYTES + 1))
    assert error.code == "xml.too-large"


def test_utf16_with_bom_is_read() -> None:
    """UTF-16 with a byte-order mark is transcoded and parsed; lines are unchanged."""
    text = '<?xml version="1.0" encoding="UTF-16"?>\n' + NEWS_ITEM.format("Київ")
    document = parse(text.encode("utf-16"))
    assert document.root.text == "Київ"
    assert document.encoding.startswith("utf-16")


def test_latin1_declaration_is_honoured() -> None:
    """A legacy single-byte encoding is decoded by its declaration."""
    data = '<?xml version="1.0" encoding="ISO-8859-1"?><a>café</a>'.encode("latin-1")
    assert parse(data).root.text == "café"


def test_wrong_declared_utf16_is_read_as_utf8_with_a_warning() -> None:
    """A file re-saved as UTF-8 that still declares UTF-16 is read, and the guess is noted."""
    document = parse(b'<?xml version="1.0" encoding="utf-16"?><a>ok</a>')
    assert document.root.text == "ok"
    assert [w.code for w in document.warnings] == ["xml.encoding-mismatch"]


def test_invalid_utf8_bytes_are_an_encoding_error() -> None:
    """Bytes that are not UTF-8 are reported as an encoding problem with their position."""
    error = refused(b"<a>\n\xff\xfe</a>")
    assert error.code == "xml.encoding"
    assert error.line == 2


def test_unknown_encoding_is_an_error() -> None:
    error = refused(b'<?xml version="1.0" encoding="x-klingon"?><a/>')
    assert error.code == "xml.encoding"


def test_every_namespace_error_is_kept() -> None:
    """Undefined prefixes are all listed, each with its line, not just the first."""
    error = refused(b"<a>\n<x:b/>\n<y:c/>\n</a>")
    found = [(m.code, m.line) for m in error.messages]
    assert found == [("xml.namespace", 2), ("xml.namespace", 3)]


def test_control_character_is_invalid() -> None:
    error = refused(b"<a>\x01</a>")
    assert error.code == "xml.invalid-character"


def test_utf8_bom_wins_over_a_conflicting_declaration() -> None:
    """A UTF-8 byte-order mark with an ISO-8859-1 declaration is read as UTF-8, with a note."""
    data = b"\xef\xbb\xbf" + '<?xml version="1.0" encoding="ISO-8859-1"?><a>Київ</a>'.encode()
    document = parse(data)
    assert document.root.text == "Київ"
    assert [w.code for w in document.warnings] == ["xml.encoding-mismatch"]


def test_utf32_with_bom_is_read() -> None:
    text = '<?xml version="1.0" encoding="UTF-32"?>\n<a>Київ</a>'
    assert parse(text.encode("utf-32")).root.text == "Київ"


def test_utf16_without_bom_is_read_by_its_declaration() -> None:
    text = '<?xml version="1.0" encoding="UTF-16"?>\n<a>Київ</a>'
    assert parse(text.encode("utf-16-le")).root.text == "Київ"


def test_reused_parser_reports_each_documents_messages_only() -> None:
    """The parser is reused per thread: one document's warnings or errors never leak into the
    next document's report."""
    assert parse(b'<a xmlns="relative"/>').warnings
    assert parse(b"<a/>").warnings == []
    with pytest.raises(XMLInputError) as first:
        parse(b"<a><b></a>")
    assert parse(b"<ok/>").warnings == []
    with pytest.raises(XMLInputError) as second:
        parse(b"<x><c></x>")
    assert len(second.value.messages) == len(first.value.messages)
    assert "c line 1 and x" in second.value.messages[0].message


def test_blank_text_is_dropped_for_validation_only_where_it_is_safe() -> None:
    """``drop_blank_text`` (the validator's faster parse) leaves out whitespace between
    elements, and falls back to the normal parse when a comment, a processing instruction or
    a CDATA section could make libxml2 drop whitespace that is part of a text value."""
    plain = b'<?xml version="1.0"?>\n<a>\n  <b>x?</b>\n  <c> </c>\n</a>'
    document = parse(plain, drop_blank_text=True)
    assert document.blank_text_dropped
    assert document.root.text is None  # the indentation is gone
    assert document.root[1].text == " "  # an element's whole text is never dropped
    assert not parse(plain).blank_text_dropped
    assert parse(plain).root.text == "\n  "
    for risky in (
        b"<a>\n <!--c-->x</a>",
        b"<a>\n <?pi?>x</a>",
        b"<a>\n <![CDATA[x]]></a>",
        b'<?xml version="1.0"?>\n<a>\n <?pi?>x</a>',
    ):
        kept = parse(risky, drop_blank_text=True)
        assert not kept.blank_text_dropped, risky
        assert (kept.root.text or "").startswith("\n "), risky
    # before a carriage return libxml2 drops the blanks that start an element's text
    crlf = parse(b"<a>\r\n  <b> \r\nabc</b>\r\n</a>", drop_blank_text=True)
    assert not crlf.blank_text_dropped
    assert crlf.root[0].text == " \nabc"


def test_xml_space_preserve_keeps_blank_text_when_dropping() -> None:
    """libxml2 keeps whitespace under ``xml:space="preserve"`` even when dropping blank text,
    so documents using it need no fallback."""
    document = parse(b'<a xml:space="preserve">\n <b/>\n</a>', drop_blank_text=True)
    assert document.blank_text_dropped
    assert document.root.text == "\n "


def test_dropping_blank_text_changes_no_message() -> None:
    """Errors and warnings are libxml2's tokenizer's, the same in both parses."""
    for data in (b"<a>\n <b>\n</a>", b'<a xmlns="relative">\n <b/>\n</a>', b"<a>\n<x:b/>\n</a>"):
        try:
            normal = parse(data).warnings
        except XMLInputError as error:
            normal = error.messages
        try:
            compact = parse(data, drop_blank_text=True).warnings
        except XMLInputError as error:
            compact = error.messages
        assert compact == normal, data
