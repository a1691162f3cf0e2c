"""Gold article files: read one, find the article it describes, parse and export it, score it.

A gold file (``../shared/eval/gold/<name>.json``) names its article's text file in
``document``; the text is looked for in the folder given as ``documents``, beside the gold file,
then in ``../seeds`` and ``../../seeds`` (where the seed's text lives).  The article is parsed
as ``newsmodel convert`` parses a text file and exported to JSON, and that export is what is
scored (:mod:`newsmodel.evaluate.scoring`), so the verdict is the reference scorer's on the
same file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from newsmodel.errors import InputError
from newsmodel.evaluate.scoring import ArticleScore, score_article

_LISTS = ("persons", "organisations", "places", "events")


def read_gold(path: Path) -> dict[str, Any]:
    """The gold file as a mapping; a file that is not one is an :class:`InputError`."""
    hint = 'expected {"document", "persons", "organisations", "places", "events"}'
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(
            f"not a gold article file ({type(error).__name__}: {error})",
            where=str(path),
            hint=hint,
        ) from None
    if not isinstance(gold, dict) or not isinstance(gold.get("document"), str):
        raise InputError(
            "not a gold article file (no 'document' naming the article's text)",
            where=str(path),
            hint=hint,
        )
    for key in _LISTS:
        items = gold.setdefault(key, [])
        if not isinstance(items, list) or not all(
            isinstance(item, dict) and isinstance(item.get("name", item.get("id")), str)
            for item in items
        ):
            raise InputError(
                f"not a gold article file ('{key}' must be a list of objects with a name)",
                where=str(path),
                hint=hint,
            )
    return gold


def find_document(gold_path: Path, document: str, documents: Path | None = None) -> Path:
    """The text file a gold file names, in ``documents``, beside it, or in a ``seeds`` folder."""
    folders = [documents] if documents else []
    folders += [
        gold_path.parent,
        gold_path.parent.parent / "seeds",
        gold_path.parent.parent.parent / "seeds",
    ]
    for folder in folders:
        if folder is not None and (folder / document).is_file():
            return folder / document
    raise InputError(
        f"the article {document!r} named in the gold file was not found",
        where=str(gold_path),
        hint="give its folder with --documents",
    )


def exported_article(text_path: Path) -> dict[str, Any]:
    """The article as ``newsmodel convert TEXT --to json`` writes it, read back as a mapping."""
    from newsmodel.extract import parse_file
    from newsmodel.formats import dumps

    exported: dict[str, Any] = json.loads(dumps(parse_file(text_path), "json"))
    return exported


def evaluate_gold_file(path: Path, documents: Path | None = None) -> ArticleScore:
    """Parse the article a gold file describes, export it, and score the export."""
    gold = read_gold(path)
    article = exported_article(find_document(path, gold["document"], documents))
    return score_article(article, gold, name=path.stem)


__all__ = ["evaluate_gold_file", "exported_article", "find_document", "read_gold"]
