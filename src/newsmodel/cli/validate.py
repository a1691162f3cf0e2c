"""``newsmodel validate``: problems compiler-style, a verdict for each file with one, a summary.

Like a linter: valid files are silent unless ``--verbose``; ``--select`` and ``--ignore`` choose
issue codes (a prefix names a family); ``--json`` gives one machine-readable report carrying the
tool's version and, for each issue, the anchor of its code on the documentation site.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from newsmodel.cli.common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    UsageError,
    check_sources,
    first_or_none,
    inputs,
    no_input,
    progress,
    version,
    workers,
    write_stdout,
)

if TYPE_CHECKING:
    from newsmodel.validation.report import Issue, Report

DOCUMENT_EXTRA_SUFFIXES = (".jsonl", ".html", ".htm", ".xhtml", ".newsml", ".nml")
"""Besides each format's own extension: what news documents are also named (JSON Lines, pages
with JSON-LD, NewsML-G2 items as some agencies name them)."""

DOC_ANCHOR = "validation/#{code}"
"""Where a code is explained, relative to the documentation site (docs/validation.md)."""


def document_suffixes() -> tuple[str, ...]:
    from newsmodel.formats import FORMATS

    own = tuple(dict.fromkeys(f".{info.extension}" for info in FORMATS.values()))
    return own + tuple(s for s in DOCUMENT_EXTRA_SUFFIXES if s not in own)


def validate(args: argparse.Namespace) -> int:
    from functools import partial

    import orjson

    from newsmodel.batch import NOT_A_FILE, run, validate_one
    from newsmodel.validation import VALIDATORS

    if args.format is not None and args.format not in VALIDATORS:
        raise UsageError(
            f"unknown format {args.format!r} (known formats: {', '.join(sorted(VALIDATORS))})"
        )
    select, ignore = _codes(args.select, "--select"), _codes(args.ignore, "--ignore")
    count = workers(args.workers)
    check_sources(args.files)
    suffixes = None if args.glob else document_suffixes()
    bar = progress(args, args.files, suffixes)
    counts = {
        "files": 0,
        "valid": 0,
        "invalid": 0,
        "unchecked": 0,
        "unreadable": 0,
        "errors": 0,
        "warnings": 0,
        "skipped": 0,
    }

    def skipped(name: str, reason: str) -> None:
        counts["skipped"] += 1
        if reason == NOT_A_FILE:
            bar.message(f"newsmodel: warning: {name}: skipped: {reason}")

    first, items = first_or_none(
        inputs(args.files, args.glob or "*", suffixes=suffixes, on_skip=skipped)
    )
    if first is None:
        raise no_input(counts["skipped"])
    if args.json:
        write_stdout(b'{"version": ' + orjson.dumps(version()) + b', "files": [\n')
    job = partial(
        validate_one,
        format=args.format,
        debug=getattr(args, "debug", False),
        version=getattr(args, "ninjs_version", None),
    )
    try:
        for checked in run(job, items, workers=count):
            counts["files"] += 1
            entry: dict[str, object]
            if checked.report is None:
                counts["unreadable"] += 1
                entry = {
                    "source": checked.name,
                    "format": None,
                    "ok": False,
                    "error": checked.error,
                    "issues": [],
                }
                if not args.json:
                    bar.message(f"newsmodel: error: {checked.error}")
            else:
                report = _filtered(checked.report, select, ignore, args.verbose or args.json)
                failed = not report.ok or (args.fail_on == "warning" and bool(report.warnings))
                unchecked = _unchecked(report)
                counts["unchecked" if unchecked else "invalid" if failed else "valid"] += 1
                counts["errors"] += len(_file_errors(report))
                counts["warnings"] += len(report.warnings)
                entry = _entry(report)
                if not args.json:
                    bar.clear()
                    _print_report(checked.name, report)
                    if not args.quiet and (failed or unchecked or args.verbose):
                        bar.message(_verdict(checked.name, report, failed, unchecked))
            if args.json:
                write_stdout((b",\n" if counts["files"] > 1 else b"") + orjson.dumps(entry))
            bar.advance()
    finally:
        bar.clear()
    if args.json:
        write_stdout(b'\n], "summary": ' + orjson.dumps(counts) + b"}\n")
    elif not args.quiet:
        skipped_note = ""
        if counts["skipped"]:
            skipped_note = (
                f"; {counts['skipped']} skipped (not a document's extension, or "
                "not a regular file; --glob takes other names)"
            )
        print(
            f"{counts['files']} file(s): {counts['valid']} valid, {counts['invalid']} invalid, "
            f"{counts['unchecked']} not checked, {counts['unreadable']} unreadable; "
            f"{counts['errors']} error(s), {counts['warnings']} warning(s){skipped_note}",
            file=sys.stderr,
        )
    if counts["invalid"]:
        return EXIT_INVALID
    return EXIT_USAGE if counts["unreadable"] or counts["unchecked"] else EXIT_OK


def _codes(value: str | None, option: str) -> tuple[str, ...] | None:
    if value is None:
        return None
    codes = tuple(code.strip() for code in value.split(",") if code.strip())
    if not codes:
        raise UsageError(f"{option} needs at least one issue code (such as jsonld.image-missing)")
    return codes


def _matches(code: str, patterns: tuple[str, ...]) -> bool:
    """``jsonld`` and ``jsonld.author`` name every code below them; ``json`` is not ``jsonld``."""
    return any(code == pattern or code.startswith(pattern + ".") for pattern in patterns)


def _filtered(
    report: Report,
    select: tuple[str, ...] | None,
    ignore: tuple[str, ...] | None,
    informative: bool,
) -> Report:
    """The report as the user asked for it: selected codes, less ignored ones; info-level
    issues only when asked for (they never change a verdict)."""
    from newsmodel.validation.report import Report, Severity

    kept = [
        issue
        for issue in report.issues
        if (select is None or _matches(issue.code, select))
        and not (ignore is not None and _matches(issue.code, ignore))
        and (informative or issue.severity is not Severity.INFO)
    ]
    if len(kept) == len(report.issues):
        return report
    return Report(format=report.format, issues=kept, source=report.source)


def _entry(report: Report) -> dict[str, object]:
    entry = report.to_dict()
    for issue in entry["issues"]:
        issue["doc"] = DOC_ANCHOR.format(code=issue["code"])
    return entry


def _print_report(path: str, report: Report) -> None:
    for issue in report.issues:
        location = issue.location
        where = path
        if location.line is not None:
            where += f":{location.line}:{location.column or 1}"
        detail = ""
        if location.block is not None:
            detail += f" (block {location.block})"
        if location.pointer is not None:
            detail += f" at {location.pointer or '/'}"
        print(f"{where}: {issue.severity}: {issue.message}{detail} [{issue.code}]")


def _unchecked(report: Report) -> bool:
    """The schema a check needs is not installed and nothing else is wrong: not the file's fault.

    Such a file is neither valid nor invalid; the run exits 2 (a setup problem), and the issue
    line says how to install the schema.
    """
    return bool(report.errors) and not _file_errors(report)


def _file_errors(report: Report) -> list[Issue]:
    """The errors that are the file's fault: a missing schema is a setup problem, counted under
    "not checked" rather than among the file's errors."""
    return [issue for issue in report.errors if not issue.code.endswith("schema-not-installed")]


def _verdict(name: str, report: Report, failed: bool, unchecked: bool = False) -> str:
    verdict = "INVALID" if failed else "valid"
    if unchecked:
        verdict = "NOT CHECKED (schema not installed)"
    counts = f"{len(_file_errors(report))} error(s), {len(report.warnings)} warning(s)"
    return f"{name}: {verdict} ({report.format}; {counts})"


__all__ = ["DOC_ANCHOR", "document_suffixes", "validate"]
