"""Generate our published JSON Schemas from the models.

``schemas/article.schema.json`` is committed and shipped in the wheel; a test regenerates it
and fails when it differs, so the published contract never drifts from the code.
"""

from __future__ import annotations

from typing import Any

import orjson

from newsmodel.models import Article

SCHEMA_BASE_URI = "https://newsmodel.dev/schemas/"


def article_schema() -> dict[str, Any]:
    """The Draft 2020-12 JSON Schema of what ``dumps(article, "json")`` writes."""
    schema = Article.model_json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_BASE_URI + "article.schema.json",
        **schema,
    }


GENERATED: dict[str, Any] = {"article.schema.json": article_schema}


def render(schema: dict[str, Any]) -> bytes:
    """Deterministic bytes for a committed schema file."""
    return orjson.dumps(schema, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)


def write_all(directory: str) -> list[str]:
    """Regenerate every generated schema into ``directory``; returns the files written."""
    from pathlib import Path

    written = []
    for filename, build in GENERATED.items():
        path = Path(directory) / filename
        path.write_bytes(render(build()))
        written.append(str(path))
    return written


if __name__ == "__main__":  # python -m newsmodel.schema [DIR]: refresh the committed schemas
    import sys

    for path in write_all(sys.argv[1] if len(sys.argv) > 1 else "schemas"):
        sys.stderr.write(f"wrote {path}\n")
