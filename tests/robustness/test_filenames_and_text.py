"""Any file name gives a valid article id and a lossless report name (item 12); any text
goes through ``parse_text`` to an article or a NewsmodelError, and a lone surrogate is refused
the same way by every reader (item 11)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsmodel import dumps, loads, parse_file, parse_text, validate
from newsmodel.errors import InputError, NewsmodelError
from newsmodel.filenames import article_id_from_name, printable_name
from newsmodel.models import Article

BODY = "date 2024-01-01\nПрезидент України Володимир Зеленський заявив у Києві."
ESCAPED_BYTES = st.integers(0x80, 0xFF).map(lambda byte: chr(0xDC00 + byte))
"""Bytes that are not UTF-8, as ``os.fsdecode`` gives them (surrogateescape)."""
NAME_CHARS = st.one_of(st.characters(), ESCAPED_BYTES, st.sampled_from(" \n\r\t\\\u2028\x85"))


@settings(max_examples=400, deadline=None)
@given(st.text(NAME_CHARS, min_size=1, max_size=1200))
def test_any_name_gives_a_valid_article_id(name: str) -> None:
    """The id satisfies the model and every format can write it."""
    article = Article(
        id=article_id_from_name(name), headline=None, date_published=None, language=None, body="b"
    )
    assert loads(dumps(article, "json"), "json")[0].id == article.id


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=200
    ).filter(lambda name: name == name.strip() and name.strip())
)
def test_a_valid_name_is_its_own_id(name: str) -> None:
    """Ordinary names (Cyrillic, spaces inside) are kept as they are."""
    if len(name) <= 1024 and re.fullmatch(r"\S(.*\S)?", name):
        assert article_id_from_name(name) == name


def _unprint(text: str) -> str:
    """The inverse of ``printable_name`` (to prove it loses nothing)."""

    def back(match: re.Match[str]) -> str:
        escape = match.group()
        if escape in ("\\n", "\\r", "\\t", "\\\\"):
            return {"\\n": "\n", "\\r": "\r", "\\t": "\t", "\\\\": "\\"}[escape]
        code = int(escape[2:], 16)
        return chr(0xDC00 + code) if escape[1] == "x" and code >= 0x80 else chr(code)

    return re.sub(r"\\(?:[nrt\\]|x[0-9a-f]{2}|u[0-9a-f]{4})", back, text)


@settings(max_examples=400, deadline=None)
@given(st.text(NAME_CHARS, max_size=60))
def test_report_names_are_one_line_and_lossless(name: str) -> None:
    """No line break, UTF-8 encodable, and the original name comes back from it."""
    shown = printable_name(name)
    assert "\n" not in shown
    assert "\r" not in shown
    shown.encode("utf-8")
    assert _unprint(shown) == name


@pytest.mark.parametrize(
    "name",
    [
        b"a\nb.txt",
        b"\xff\xfe.txt",
        b" padded .txt",
        b"tab\t.txt",
        b"\xd0\x9a\xd0\xb8\xd1\x97\xd0\xb2 \xff.txt",
    ],
)
def test_parse_file_reads_a_file_with_any_name(tmp_path: Path, name: bytes) -> None:
    """A newline, undecodable bytes, blanks at the ends: a valid id, a lossless source."""
    path = os.path.join(os.fsencode(tmp_path), name)
    with open(path, "wb") as handle:
        handle.write(BODY.encode("utf-8"))
    article = parse_file(os.fsdecode(path))
    assert article.id == article_id_from_name(Path(os.fsdecode(path)).stem)
    assert article.provenance.source == printable_name(os.fsdecode(name))
    for format in ("json", "jsonld", "newsml"):
        assert loads(dumps(article, format), format)


SURROGATE_INPUTS = ["Abc\ud800", "\udfff", "Київ \udc80 Львів"]


@pytest.mark.parametrize("text", SURROGATE_INPUTS)
def test_a_lone_surrogate_is_refused_by_parse_text_and_every_reader(text: str) -> None:
    """The one policy: refused with an InputError (an error issue from validators)."""
    with pytest.raises(InputError, match="lone surrogate"):
        parse_text(text)
    escaped = text.replace('"', "")
    for format, document in (
        ("json", f'{{"headline": "{escaped}"}}'),
        ("jsonld", f'{{"@type": "NewsArticle", "headline": "{escaped}"}}'),
        ("newsml", f"<newsItem>{escaped}</newsItem>"),
    ):
        with pytest.raises(InputError, match="lone surrogate"):
            loads(document, format)
        assert "input.surrogate" in {issue.code for issue in validate(document, format).errors}


TEXT = st.lists(
    st.one_of(
        st.text(st.characters(), max_size=8),
        st.text(st.characters(min_codepoint=0x0400, max_codepoint=0x04FF), min_size=1, max_size=12),
        st.sampled_from(
            [
                " ",
                "\n",
                "\n\n",
                ".",
                ",",
                "«",
                "»",
                "—",
                "’",
                "date ",
                "2024-01-01",
                "Президент України",
                "Володимир Зеленський",
                "у Києві",
                "заявив",
            ]
        ),
    ),
    max_size=80,
).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_generated_text_gives_an_article_or_a_newsmodel_error(text: str) -> None:
    """``parse_text`` never raises anything else, and what it gives every format writes,
    and our own validators accept as JSON."""
    try:
        article = parse_text(text, source_id="generated")
    except NewsmodelError:
        return
    assert validate(dumps(article, "json"), "json").ok
    for format in ("jsonld", "newsml"):
        assert dumps(article, format)
