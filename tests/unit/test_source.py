"""The seed reader: header, paragraphs, offsets, and clear errors for unusable input."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsmodel.errors import InputError
from newsmodel.extract.source import decode, read_file, read_text, split_paragraphs


def test_the_header_gives_the_date_and_the_rest_of_the_line_starts_the_body() -> None:
    """` date 2025-11-07 Text` -> date 2025-11-07, body starting at `Text`."""
    source = read_text(" date 2025-11-07 Перший абзац.\n\nДругий абзац.\n")
    assert source.date == date(2025, 11, 7)
    assert source.body == "Перший абзац.\n\nДругий абзац."
    assert [p.text for p in source.paragraphs] == ["Перший абзац.", "Другий абзац."]


def test_paragraph_offsets_slice_the_body() -> None:
    """Each paragraph's offsets index into the body, whatever the blank lines look like."""
    body = "Один.\n\n\nДва.\n  \nТри."
    for paragraph in split_paragraphs(body):
        assert body[paragraph.start : paragraph.end] == paragraph.text
    assert [p.text for p in split_paragraphs(body)] == ["Один.", "Два.", "Три."]


def test_a_text_without_a_header_has_no_date() -> None:
    """No header is fine: the date is unknown, not guessed."""
    source = read_text("Просто текст без дати.")
    assert source.date is None
    assert source.body == "Просто текст без дати."


def test_a_malformed_header_date_is_an_error_not_a_silent_none() -> None:
    """`date 2025-13-40` is a clear error naming the value."""
    with pytest.raises(InputError, match="2025-13-40"):
        read_text("date 2025-13-40 Текст.")


@pytest.mark.parametrize("text", ["", "   \n\n ", "date 2025-11-07", " date 2025-11-07   \n\n"])
def test_empty_text_or_only_a_date_line_is_an_error(text: str) -> None:
    """Nothing to parse is an error that says so."""
    with pytest.raises(InputError):
        read_text(text)


def test_windows_line_endings_are_read_as_newlines() -> None:
    """`\\r\\n` becomes `\\n` so paragraphs split the same way on every platform."""
    assert read_text("date 2025-01-01 А.\r\n\r\nБ.").body == "А.\n\nБ."


def test_non_utf8_bytes_are_a_clear_error() -> None:
    """CP1251 bytes are refused with the offset of the first bad byte and a hint."""
    with pytest.raises(InputError, match="not UTF-8") as caught:
        decode("Привіт".encode("cp1251"), where="a.txt")
    assert "a.txt" in str(caught.value)
    assert "iconv" in str(caught.value)


def test_binary_bytes_are_refused() -> None:
    """A PNG header (NUL bytes) is not text."""
    with pytest.raises(InputError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_byte_order_marks_are_understood() -> None:
    """UTF-8 with BOM and UTF-16 with BOM decode to the same text."""
    assert decode("\ufeffТекст".encode()) == "Текст"
    assert decode("Текст".encode("utf-16")) == "Текст"


def test_an_empty_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        read_file(path)


def test_a_missing_file_is_an_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"missing\.txt"):
        read_file(tmp_path / "missing.txt")


def test_the_seed_reads(seed_path: Path) -> None:
    """The bundled seed: dated 2025-11-07, seven paragraphs, no header left in the body."""
    source = read_file(seed_path)
    assert source.date == date(2025, 11, 7)
    assert not source.body.startswith("date")
    assert len(source.paragraphs) == 7
