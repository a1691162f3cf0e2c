"""Validate third-party schema.org JSON-LD (a document, or every block of an HTML page), offline.

Three layers, each reporting every problem it finds:

1. **Syntax** (:mod:`newsmodel.jsonblock`): a block that is not JSON is an error with the line
   and column in the file; JSON that only a forgiving parser reads (comments, trailing commas,
   raw control characters) is an error too, a comment or CDATA wrapper a warning.
2. **Vocabulary** (:mod:`newsmodel.validation.vocabulary`, when installed): types and properties
   that do not exist (with a "did you mean"), properties on a type that does not take them,
   values outside a property's range (a non-ISO date, ``"true"`` for a Boolean, text where a
   Person is expected), pending and superseded terms as warnings.  Without the vocabulary one
   warning says these checks were skipped and how to enable them; nothing is fetched.
3. **Google's article guidance**, as warnings: headline (present, at most 110 characters),
   image, author (a typed node with a name that is one person, not a byline), datePublished,
   and a time zone wherever a time is given.

This module reads the input (a document or a page's blocks), runs the syntax layer and places
each block's issues at their line and column in a page; :mod:`~newsmodel.validation.schemaorg_nodes`
checks the structure against the vocabulary, :mod:`~newsmodel.validation.schemaorg_literals` the
literal values and :mod:`~newsmodel.validation.schemaorg_guidance` Google's article guidance.

Keys are resolved the way a JSON-LD processor resolves them under schema.org's context
(``headline``, ``schema:headline`` and ``http://schema.org/headline`` are the same term).
Every issue carries a JSON pointer into its block, the block index in a page, and quotes the
value.  Issue codes are stable and documented in ``docs/jsonld.md``.
"""

from __future__ import annotations

from newsmodel.errors import InputError
from newsmodel.htmlblocks import MAX_PAGE_BYTES, decode_page, extract_blocks, looks_like_html
from newsmodel.jsonblock import Block, BlockSyntaxError, parse_block
from newsmodel.validation.report import Location, Report, Severity
from newsmodel.validation.schemaorg_nodes import Checker
from newsmodel.validation.vocabulary import load_vocabulary


def validate(data: bytes, *, source: str | None = None) -> Report:
    """Every issue in a JSON-LD document or in every JSON-LD block of an HTML page."""
    report = Report(format="jsonld", source=source)
    if not data.strip():
        report.error("jsonld.empty", "the document is empty")
        return report
    if len(data) > MAX_PAGE_BYTES:
        report.error("jsonld.too-large", f"the input is larger than {MAX_PAGE_BYTES} bytes")
        return report
    vocabulary = load_vocabulary()
    if vocabulary is None:
        report.warning(
            "jsonld.vocabulary-missing",
            "schema.org vocabulary checks were skipped (types, properties, ranges): the "
            "vocabulary is not installed; run `newsmodel schemas install schemaorg` (or "
            "`--from DIR` offline), or set NEWSMODEL_SCHEMA_DIR",
        )
    html = looks_like_html(data)
    try:
        page = decode_page(data)
        blocks = extract_blocks(page.text) if html else [Block(0, page.text, 1, 1)]
    except InputError as error:
        report.error("jsonld.unreadable", error.message)
        return report
    if page.guess is not None:
        # JSON must be UTF-8 (RFC 8259): an error; a page's charset guess is what browsers do.
        report.add(Severity.WARNING if html else Severity.ERROR, "jsonld.encoding", page.guess)
    if html and not blocks:
        report.error(
            "jsonld.no-blocks", 'the page has no <script type="application/ld+json"> block'
        )
        return report
    for block in blocks:
        index = block.index if html else None
        try:
            parsed = parse_block(block, source=source)
        except BlockSyntaxError as error:
            report.error(
                error.code,
                error.message,
                Location(line=error.line, column=error.column, block=index),
            )
            continue
        for repair in parsed.repairs:
            location = Location(line=block.line, column=block.column, block=index)
            if repair.startswith("removed"):
                report.warning(
                    "jsonld.wrapper", f"{repair}: strict JSON-LD parsers may reject it", location
                )
            else:
                report.error(
                    "jsonld.not-strict-json",
                    f"not strict JSON ({repair}); a forgiving reader repaired it, "
                    "a strict one (a search engine) may drop the block",
                    location,
                )
        first = len(report.issues)
        Checker(report, vocabulary, index).check_document(parsed.value)
        if html:
            _place_in_page(report, first, block, parsed.text)
    return report


def _place_in_page(report: Report, first: int, block: Block, text: str) -> None:
    """Give the issues of one block of a page (from ``first`` on) the line and column of the
    property their pointer names, as the docs promise for pages."""
    from dataclasses import replace

    from newsmodel.validation.positions import line_column, locate

    issues = report.issues[first:]
    unplaced = {
        position: issue.location.pointer
        for position, issue in enumerate(issues, start=first)
        if issue.location.pointer is not None and issue.location.line is None
    }
    if not unplaced:
        return
    offsets = locate(text, set(unplaced.values()))
    for position, pointer in unplaced.items():
        if pointer in offsets:
            issue = report.issues[position]
            line, column = block.position(*line_column(text, offsets[pointer]))
            report.issues[position] = replace(
                issue, location=replace(issue.location, line=line, column=column)
            )


__all__ = ["validate"]
