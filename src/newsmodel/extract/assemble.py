"""Candidates -> ``Article.model_validate``: the one place the model's rules are enforced."""

from __future__ import annotations

import hashlib
import re
from datetime import date

from newsmodel.extract.language import detect_language
from newsmodel.extract.lead import description_from_lead, headline_from_lead
from newsmodel.extract.source import Source
from newsmodel.models import Article

_WORD = re.compile(r"\w+(?:[-'’ʼ]\w+)*")


def article_id(source: Source, source_id: str | None) -> str:
    """The caller's id when given, otherwise a digest of the body: same text, same id."""
    if source_id:
        return source_id
    return "sha1-" + hashlib.sha1(source.body.encode("utf-8"), usedforsecurity=False).hexdigest()[:16]


def assemble(source: Source, *, published: date | None, source_id: str | None) -> Article:
    """Build the article from what the text states directly."""
    lead = source.paragraphs[0].text if source.paragraphs else source.body
    language = detect_language(source.body)
    warnings = []
    if language != "uk":
        warnings.append(
            f"the text is not Ukrainian (detected: {language or 'unknown'}); "
            "entity extraction supports Ukrainian only, so no entities were extracted"
        )
    if published is None:
        warnings.append("no publication date: relative dates were not resolved")
    return Article.model_validate(
        {
            "id": article_id(source, source_id),
            "headline": headline_from_lead(lead),
            "description": description_from_lead(lead),
            "date_published": published,
            "language": language,
            "body": source.body,
            "word_count": len(_WORD.findall(source.body)),
            "provenance": {"source": source_id, "format": "text", "warnings": warnings},
        }
    )
