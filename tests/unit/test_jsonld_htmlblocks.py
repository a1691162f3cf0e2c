"""Finding JSON-LD blocks in HTML and parsing them forgivingly but safely."""

from __future__ import annotations

import pytest

from newsmodel.errors import InputError
from newsmodel.htmlblocks import MAX_PAGE_BYTES, decode, looks_like_html, split_blocks
from newsmodel.jsonblock import Block, BlockSyntaxError, parse_block


def test_blocks_are_found_in_order_with_their_position() -> None:
    """Only application/ld+json scripts (any case, with parameters), each with line:column."""
    page = (
        b"<!DOCTYPE html>\n<html><head>\n"
        b'  <script type="text/javascript">var x = 1;</script>\n'
        b'  <script type="Application/LD+JSON">{"a": 1}</script>\n'
        b"</head><body>\n<script type='application/ld+json; charset=utf-8'>\n[2]\n</script>"
        b"</body></html>"
    )
    blocks = split_blocks(page)
    assert [block.text.strip() for block in blocks] == ['{"a": 1}', "[2]"]
    assert (blocks[0].line, blocks[0].column) == (4, 38)
    assert [block.index for block in blocks] == [0, 1]


def test_a_json_document_is_one_block() -> None:
    """Bytes that are not markup are one block starting at 1:1."""
    [block] = split_blocks(b'{"@type": "NewsArticle"}')
    assert (block.index, block.line, block.column) == (0, 1, 1)


@pytest.mark.parametrize(
    ("data", "html"),
    [
        (b"<html></html>", True),
        (b"  <script>", True),
        (b"{}", False),
        (b'<!--\n{"a": 1}\n-->', False),
        (b"//<![CDATA[\n{}", False),
        (b"<![CDATA[ [1] ]]>", False),
    ],
)
def test_wrapped_json_is_not_mistaken_for_html(data: bytes, html: bool) -> None:
    """A JSON-LD file wrapped in a comment or CDATA is still a JSON document."""
    assert looks_like_html(data) is html


@pytest.mark.parametrize(
    ("text", "repair"),
    [
        ('//<![CDATA[\n{"a": 1}\n//]]>', "wrapper"),
        ('<!--{"a": 1}-->', "wrapper"),
        ('{"a": "line\nbreak"}', "control characters"),
        ('{"a": 1, // note\n "b": 2}', "comments"),
        ('{"a": [1, 2,], "b": 1,}', "trailing commas"),
    ],
)
def test_safe_repairs_are_made_and_named(text: str, repair: str) -> None:
    """Each repair that changes nothing's meaning is made, and reported."""
    parsed = parse_block(Block(0, text))
    assert any(repair in item for item in parsed.repairs)
    assert parsed.value["a"] in (1, [1, 2], "line\nbreak")


def test_strings_that_look_like_comments_are_left_alone() -> None:
    """A URL's // inside a string is not a comment."""
    parsed = parse_block(Block(0, '{"url": "https://x.example/a,]", "b": 1,}'))
    assert parsed.value == {"url": "https://x.example/a,]", "b": 1}


def test_unrepairable_json_is_located_in_the_page() -> None:
    """Single-quoted strings are not JSON: the error points into the page, not the block."""
    block = Block(3, "{\n  \"headline\": 'x'\n}", line=10, column=40)
    with pytest.raises(BlockSyntaxError) as caught:
        parse_block(block, source="page.html")
    assert (caught.value.line, caught.value.column) == (11, 15)
    assert caught.value.block.index == 3
    assert str(caught.value).startswith("page.html:11:15:")


def test_first_line_errors_are_offset_by_the_block_column() -> None:
    """On the block's first line the column counts from the page's line start."""
    with pytest.raises(BlockSyntaxError) as caught:
        parse_block(Block(0, "{oops}", line=2, column=30))
    assert (caught.value.line, caught.value.column) == (2, 31)


def test_oversized_input_is_refused() -> None:
    """A page over the size limit is an InputError before any parsing."""
    with pytest.raises(InputError):
        decode(b" " * (MAX_PAGE_BYTES + 1))


def test_declared_charset_is_used_when_not_utf8() -> None:
    """A windows-1251 page decodes by its meta charset."""
    page = '<html><head><meta charset="windows-1251"><title>Київ</title></head></html>'
    assert "Київ" in decode(page.encode("cp1251"))


def test_entities_are_not_expanded_and_nothing_is_fetched() -> None:
    """An XML-style entity declaration in a page changes nothing in a block's text."""
    page = (
        b'<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]><html><head>'
        b'<script type="application/ld+json">{"a": "&x;"}</script></head></html>'
    )
    [block] = split_blocks(page)
    assert parse_block(block).value == {"a": "&x;"}


@pytest.mark.parametrize(
    "text",
    [
        '{"a":' * 100 + "1" + "}" * 100,
        "[" * 100_000 + "]" * 100_000,
        '["\n",' * 3000 + "1" + "]" * 3000,
    ],
)
def test_deep_json_is_refused_not_a_crash(text: str) -> None:
    """Nesting deeper than MAX_DEPTH is a located error, never a RecursionError."""
    with pytest.raises(BlockSyntaxError, match="deeper than"):
        parse_block(Block(0, text))


def test_a_page_nested_past_the_parser_limit_is_refused() -> None:
    """libxml2 stops building the tree at its depth limit; the page is refused, not half-read."""
    page = (
        b"<html><body>" + b"<div>" * 100_000 + b'<script type="application/ld+json">{}'
        b"</script>" + b"</div>" * 100_000 + b"</body></html>"
    )
    with pytest.raises(InputError, match="too deeply"):
        split_blocks(page)


def test_utf16_with_a_byte_order_mark_is_decoded() -> None:
    """Some CMSs save JSON-LD files as UTF-16; the BOM says so."""
    assert decode('{"headline": "Київ"}'.encode("utf-16")) == '{"headline": "Київ"}'
