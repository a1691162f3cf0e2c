"""Ukrainian news text -> ``Article``: source, tokens, morphology, entities, roles, dates, events.

Each stage is a module of pure functions; ``assemble`` is the one place the results meet the
model.  Knowledge (titles, gazetteer, triggers) lives in ``lexicon/`` data files.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from newsmodel.extract.assemble import assemble
from newsmodel.extract.recognizer import Recognizer
from newsmodel.extract.source import decode, read_text
from newsmodel.filenames import article_id_from_name, printable_name
from newsmodel.models import Article


def parse_text(
    text: str,
    *,
    date: date | None = None,
    source_id: str | None = None,
    recognizer: Recognizer | None = None,
) -> Article:
    """Parse one article's text.  ``date`` overrides the ``date YYYY-MM-DD`` header;
    ``recognizer`` replaces the default rule-based one (see ``recognizer.py``).  A
    ``source_id`` that is not a valid article id (a newline, blanks at either end, undecodable
    bytes) is made one (:func:`newsmodel.filenames.article_id_from_name`)."""
    where = printable_name(source_id) if source_id is not None else None
    source = read_text(text, where=where)
    if source_id is not None:
        source_id = article_id_from_name(source_id)
    return assemble(
        source, published=date or source.date, source_id=source_id, recognizer=recognizer
    )


def parse_bytes(data: bytes, *, source_id: str | None = None) -> Article:
    """Decode (UTF-8, or UTF-16 with a byte-order mark) and parse."""
    where = printable_name(source_id) if source_id is not None else None
    return parse_text(decode(data, where=where), source_id=source_id)


def parse_file(path: str | Path) -> Article:
    """Parse a text file; the article id is the file name without its extension (made a
    valid id whatever the name holds), ``provenance.source`` the name written losslessly."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        from newsmodel.errors import InputError

        raise InputError(
            f"cannot read the file: {error.strerror}", where=printable_name(path)
        ) from None
    article = parse_bytes(data, source_id=path.stem)
    source = printable_name(path.name)
    return article.model_copy(
        update={"provenance": article.provenance.model_copy(update={"source": source})}
    )


__all__ = ["parse_bytes", "parse_file", "parse_text"]
