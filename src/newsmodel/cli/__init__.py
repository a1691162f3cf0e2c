"""The ``newsmodel`` command: a thin layer over the library, and the only module that prints.

Exit codes: 0 success (valid), 1 invalid input (a file that cannot be parsed or does not
validate), 2 usage or I/O error.  Errors are one line each; ``--debug`` shows tracebacks.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from newsmodel.batch import Input, Result, Summary
    from newsmodel.formats import FormatInfo
    from newsmodel.models import Article
    from newsmodel.progress import Progress
    from newsmodel.validation.report import Issue, Report

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A bad command line or an I/O problem: exit code 2."""


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("newsmodel")
    except PackageNotFoundError:  # pragma: no cover
        return "0+unknown"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _batch_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("--glob", default="*", metavar="PATTERN",
                         help="in folders, take files matching PATTERN (default: all files)")
    command.add_argument("--workers", default="1", metavar="N|auto",
                         help="worker processes (default: 1; auto: one per core)")
    command.add_argument("-q", "--quiet", action="store_true",
                         help="no progress bar, summary or per-file verdicts")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="newsmodel",
        description="Turn news articles into validated structured data and check news feeds.",
        epilog="Exit codes: 0 ok, 1 invalid input, 2 usage or I/O error.",
    )
    parser.add_argument("--version", action="version", version=f"newsmodel {_version()}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    convert = commands.add_parser(
        "convert", help="parse text files (or read documents) and write JSON, JSON-LD or NewsML-G2",
        description="Parse Ukrainian news text files (first line `date YYYY-MM-DD ...`) or read "
        "documents in a supported format, and write them in other formats. Inputs are files, "
        "folders (searched recursively) or - for standard input. Outputs go to OUT/<stem>.<ext> "
        "per format when -o is a folder, to one file when -o ends in .jsonl or in the format's "
        "extension (JSON Lines, one newsMessage, one @graph), or to standard output.",
        epilog="A bad input is reported on one line and the batch goes on; the exit code is then "
        "1. Outputs are written atomically: an interrupted run leaves no partial file, and "
        "--skip-existing resumes it.",
    )
    convert.add_argument("inputs", nargs="+", metavar="INPUT",
                         help="file, folder, or - for standard input")
    convert.add_argument("--to", dest="to", default="json", metavar="FORMAT[,FORMAT...]",
                         help="output format(s), comma-separated (default: json)")
    convert.add_argument("--from", dest="from_format", default=None, metavar="FORMAT",
                         help="input format: text, json, jsonld, newsml (default: .txt files are "
                         "text, others are detected)")
    convert.add_argument("-o", "--output", default=None, metavar="OUT",
                         help="output folder, or one output file (.jsonl, or the format's "
                         "extension); default: standard output")
    _batch_arguments(convert)
    convert.add_argument("--skip-existing", action="store_true",
                         help="leave inputs whose outputs already exist (resume a batch)")
    convert.add_argument("--base-uri", dest="base_uri", default=None, metavar="URI",
                         help="jsonld: base of the @ids (default: the article's url, else "
                         "urn:newsmodel:article:ID)")

    validate = commands.add_parser(
        "validate", help="check documents against their schema and report every problem",
        description="Validate newsmodel JSON, JSON-LD (or HTML pages with JSON-LD) and "
        "NewsML-G2 files and folders. Issues are printed as file:line:col: severity: message "
        "[code] on standard output; a verdict per file and a summary go to standard error.",
        epilog="Exit codes: 0 every file valid, 1 at least one invalid (or with a warning, "
        "with --fail-on warning), 2 usage error or a file that could not be read.",
    )
    validate.add_argument("files", nargs="+", metavar="INPUT",
                          help="file, folder, or - for standard input")
    validate.add_argument("--format", default=None, help="json, jsonld or newsml (default: detect)")
    validate.add_argument("--json", action="store_true", help="print a machine-readable report")
    validate.add_argument("--fail-on", choices=("error", "warning"), default="error",
                          help="lowest severity that makes the exit code 1 (default: error)")
    _batch_arguments(validate)

    schema = commands.add_parser(
        "schema", help="print one of newsmodel's JSON Schemas",
        description="Print a bundled JSON Schema; without NAME, list them.",
    )
    schema.add_argument("name", nargs="?", default=None)

    schemas = commands.add_parser(
        "schemas", help="install or locate third-party schemas (IPTC NewsML-G2, schema.org)",
    )
    schemas_commands = schemas.add_subparsers(dest="schemas_command", metavar="ACTION",
                                              parser_class=_Parser)
    install = schemas_commands.add_parser(
        "install", help="download (or copy with --from) the pinned releases and check SHA-256",
    )
    install.add_argument("names", nargs="*", metavar="NAME",
                         help="newsml-g2, schemaorg (default: all)")
    install.add_argument("--from", dest="source", type=Path, default=None, metavar="DIR",
                         help="copy from this folder instead of downloading")
    install.add_argument("--target", type=Path, default=None, metavar="DIR",
                         help="install here (default: $NEWSMODEL_SCHEMA_DIR or the user folder)")
    schemas_commands.add_parser("status", help="say which schema sets are installed where")

    evaluation = commands.add_parser(
        "eval", help="score the parser against gold article files and span-annotated JSONL",
        description="Parse the articles that gold files (*.json, the eval/gold format) describe, "
        "or the texts of span files (*.jsonl, the ner-uk format), and compare: people, titles, "
        "organisations, places and events for gold files; exact and overlap precision, recall "
        "and F1 per PERS/ORG/LOC for span files. Inputs are files or folders.",
    )
    evaluation.add_argument("inputs", nargs="+", metavar="INPUT",
                            help="gold .json, span .jsonl, or a folder")
    evaluation.add_argument("--json", action="store_true", help="print the scores as JSON")
    evaluation.add_argument("--documents", default=None, metavar="DIR",
                            help="folder with the articles gold files name "
                            "(default: next to them, or ../seeds)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    from newsmodel.errors import FormatError, NewsmodelError, ResourceError, SchemaNotInstalledError

    try:
        handler = {
            "convert": _convert,
            "validate": _validate,
            "schema": _schema,
            "schemas": _schemas,
            "eval": _eval,
        }[args.command]
        return handler(args)
    except UsageError as error:
        _fail(str(error))
        return EXIT_USAGE
    except (FormatError, ResourceError, SchemaNotInstalledError) as error:
        if args.debug:
            raise
        _fail(str(error))
        return EXIT_USAGE
    except NewsmodelError as error:
        if args.debug:
            raise
        _fail(str(error))
        return EXIT_INVALID
    except KeyboardInterrupt:
        _fail("interrupted")
        return 130
    except BrokenPipeError:
        return EXIT_OK


def _fail(message: str) -> None:
    print(f"newsmodel: error: {message}", file=sys.stderr)


def _write(output: str | None, data: bytes) -> None:
    if output is None or output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    try:
        Path(output).write_bytes(data)
    except OSError as error:
        raise UsageError(f"{output}: cannot write: {error.strerror}") from None


def _workers(value: str) -> int:
    from newsmodel.batch import resolve_workers
    from newsmodel.errors import InputError

    try:
        return resolve_workers(value)
    except InputError as error:
        raise UsageError(str(error)) from None


def _check_sources(sources: Sequence[str]) -> None:
    """A missing path is a usage error, found before any work starts."""
    for source in sources:
        if source != "-" and not Path(source).exists():
            raise UsageError(f"{source}: no such file or folder")
    if sources.count("-") > 1:
        raise UsageError("standard input (-) can be given only once")


def _inputs(sources: Sequence[str], glob: str) -> Iterator[Input]:
    """Inputs, lazily (a folder of a million files is never listed in memory)."""
    from newsmodel.batch import iter_inputs
    from newsmodel.errors import InputError

    try:
        yield from iter_inputs(sources, glob=glob)
    except InputError as error:  # pragma: no cover - a path removed while the batch runs
        raise UsageError(str(error)) from None


def _progress(args: argparse.Namespace, sources: Sequence[str]) -> Progress:
    from newsmodel.batch import count_inputs
    from newsmodel.progress import Progress

    enabled = not args.quiet and sys.stderr.isatty()
    total = count_inputs(sources, glob=args.glob) if enabled else None
    return Progress(total, sys.stderr, enabled=enabled)


@contextmanager
def _sigterm_interrupts() -> Iterator[None]:
    """Turn ``kill`` into KeyboardInterrupt so temporary files are cleaned up on the way out.

    The previous handler comes back afterwards (``main`` may run inside a longer process).
    """
    import signal

    def handler(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _convert(args: argparse.Namespace) -> int:
    from functools import partial

    from newsmodel.batch import Summary, convert_one, output_path, run
    from newsmodel.formats import get_format

    formats = [name.strip() for name in args.to.split(",") if name.strip()]
    if not formats:
        raise UsageError("--to needs at least one format")
    infos = [get_format(name) for name in formats]
    if args.from_format not in (None, "text"):
        get_format(args.from_format)
    workers = _workers(args.workers)
    mode, target = _output_mode(args.output, formats)
    if args.skip_existing and mode != "folder":
        raise UsageError("--skip-existing works with an output folder (-o FOLDER)")
    if args.output and mode == "folder" and Path(args.output).exists() and not Path(
        args.output
    ).is_dir():
        raise UsageError(f"{args.output}: exists and is not a folder")

    _check_sources(args.inputs)
    summary = Summary()
    progress = _progress(args, args.inputs)
    items: Iterator[Input] = _inputs(args.inputs, args.glob)
    if args.skip_existing:
        extensions = [info.extension for info in infos]
        items = _skip_existing(items, target, extensions, summary, progress)
    single = len(args.inputs) == 1 and (args.inputs[0] == "-" or Path(args.inputs[0]).is_file())
    gather = mode in ("file", "stdout") and formats != ["json"]
    job = partial(
        convert_one,
        formats=() if gather else formats,
        options=_dump_options(args, formats),
        from_format=args.from_format,
        many=mode == "jsonl" or (mode in ("file", "stdout") and not single),
        keep_articles=gather,
        debug=args.debug,
    )
    writer = _Sink(mode, target, formats, infos, _dump_options(args, formats))
    try:
        with _sigterm_interrupts():
            for result in run(job, items, workers=workers):
                if result.error is not None:
                    summary.failed += 1
                    progress.message(f"newsmodel: error: {result.error}")
                else:
                    summary.converted += 1
                    summary.articles += result.count
                    writer.add(result, output_path)
                progress.advance()
            writer.commit()
    finally:
        writer.abort()
        progress.clear()
    if not args.quiet and not (mode == "stdout" and summary.processed == 1):
        _print_summary(summary, progress.elapsed)
    return EXIT_INVALID if summary.failed else EXIT_OK


def _output_mode(output: str | None, formats: list[str]) -> tuple[str, Path | None]:
    """``stdout``, ``jsonl`` (one JSON Lines file), ``file`` (one document) or ``folder``."""
    from newsmodel.formats import get_format

    if output is None or output == "-":
        if len(formats) > 1:
            raise UsageError("several --to formats need an output folder (-o FOLDER)")
        return "stdout", None
    path = Path(output)
    if path.is_dir():
        return "folder", path
    if path.suffix == ".jsonl":
        if formats != ["json"]:
            raise UsageError(f"{output}: a .jsonl file holds --to json only")
        return "jsonl", path
    if len(formats) == 1 and path.suffix == "." + get_format(formats[0]).extension:
        return "file", path
    return "folder", path


def _dump_options(args: argparse.Namespace, formats: list[str]) -> dict[str, dict[str, object]]:
    """Per-format ``dump`` options from the command line (other commands' options join here)."""
    options: dict[str, dict[str, object]] = {}
    base_uri = getattr(args, "base_uri", None)
    if base_uri:
        for name in formats:
            if name == "jsonld":
                options.setdefault(name, {})["base_uri"] = base_uri
    return options


def _skip_existing(
    items: Iterator[Input], folder: Path | None, extensions: list[str], summary: Summary,
    progress: Progress,
) -> Iterator[Input]:
    from newsmodel.batch import output_path

    assert folder is not None
    for item in items:
        if all(output_path(folder, item.relative, ext).exists() for ext in extensions):
            summary.skipped += 1
            progress.advance()
            continue
        yield item


class _Sink:
    """Where results go, written as they come: a folder, one streamed file, or standard output.

    One document gathering many articles in a format other than JSON (a newsMessage, one
    @graph) needs them all at once, so that mode keeps the articles until :meth:`commit`.
    """

    def __init__(
        self, mode: str, target: Path | None, formats: list[str], infos: list[FormatInfo],
        options: dict[str, dict[str, object]] | None = None,
    ) -> None:
        from newsmodel.batch import AtomicWriter

        self.mode = mode
        self.target = target
        self.formats = formats
        self.infos = infos
        self.options = options or {}
        self.articles: list[Article] = []
        self.writer: AtomicWriter | None = None
        self.committed = False
        if mode == "jsonl" or (mode == "file" and formats == ["json"]):
            assert target is not None
            try:
                self.writer = AtomicWriter(target)
            except OSError as error:
                raise UsageError(f"{target}: cannot write: {error.strerror}") from None

    def add(self, result: Result, output_path: Callable[[Path, PurePath, str], Path]) -> None:
        from newsmodel.batch import write_atomic

        if result.articles is not None:
            self.articles.extend(result.articles)
            return
        assert result.outputs is not None
        if self.mode == "stdout":
            sys.stdout.buffer.write(result.outputs[self.formats[0]])
            sys.stdout.buffer.flush()
        elif self.writer is not None:
            self.writer.write(result.outputs[self.formats[0]])
        else:
            assert self.target is not None
            relative = result.relative or PurePath(Path(result.name).stem)
            for info in self.infos:
                path = output_path(self.target, relative, info.extension)
                try:
                    write_atomic(path, result.outputs[info.name])
                except OSError as error:
                    raise UsageError(f"{path}: cannot write: {error.strerror}") from None

    def commit(self) -> None:
        from newsmodel.batch import write_atomic
        from newsmodel.formats import dumps, dumps_many

        if self.writer is not None:
            self.writer.commit()
        elif self.articles:
            name = self.formats[0]
            options = self.options.get(name, {})
            data = (dumps(self.articles[0], name, **options) if len(self.articles) == 1
                    else dumps_many(self.articles, name, **options))
            if self.target is None:
                sys.stdout.buffer.write(data)
                sys.stdout.buffer.flush()
            else:
                write_atomic(self.target, data)
        self.committed = True

    def abort(self) -> None:
        if self.writer is not None and not self.committed:
            self.writer.abort()


def _print_summary(summary: Summary, elapsed: float) -> None:
    rate = summary.processed / elapsed if elapsed > 0 else 0.0
    print(
        f"converted {summary.converted} file(s) ({summary.articles} article(s)), "
        f"failed {summary.failed}, skipped {summary.skipped} "
        f"in {elapsed:.2f} s ({rate:.1f} files/s)",
        file=sys.stderr,
    )


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


def _validate(args: argparse.Namespace) -> int:
    from functools import partial

    import orjson

    from newsmodel.batch import run, validate_one
    from newsmodel.validation import VALIDATORS

    if args.format is not None and args.format not in VALIDATORS:
        raise UsageError(
            f"unknown format {args.format!r} (known formats: {', '.join(sorted(VALIDATORS))})"
        )
    workers = _workers(args.workers)
    _check_sources(args.files)
    progress = _progress(args, args.files)
    counts = {
        "files": 0, "valid": 0, "invalid": 0, "unchecked": 0, "unreadable": 0,
        "errors": 0, "warnings": 0,
    }
    out = sys.stdout.buffer
    if args.json:
        out.write(b'{"files": [\n')
    job = partial(validate_one, format=args.format, debug=args.debug)
    try:
        for checked in run(job, _inputs(args.files, args.glob), workers=workers):
            counts["files"] += 1
            report = checked.report
            entry: dict[str, object]
            if report is None:
                counts["unreadable"] += 1
                entry = {"source": checked.name, "format": None, "ok": False,
                         "error": checked.error, "issues": []}
                if not args.json:
                    progress.message(f"newsmodel: error: {checked.error}")
            else:
                failed = not report.ok or (args.fail_on == "warning" and bool(report.warnings))
                unchecked = _unchecked(report)
                counts["unchecked" if unchecked else "invalid" if failed else "valid"] += 1
                counts["errors"] += len(_file_errors(report))
                counts["warnings"] += len(report.warnings)
                entry = report.to_dict()
                if not args.json:
                    progress.clear()
                    _print_report(checked.name, report)
                    if not args.quiet:
                        progress.message(_verdict(checked.name, report, failed, unchecked))
            if args.json:
                out.write((b",\n" if counts["files"] > 1 else b"") + orjson.dumps(entry))
            progress.advance()
    finally:
        progress.clear()
    if args.json:
        out.write(b'\n], "summary": ' + orjson.dumps(counts) + b"}\n")
        out.flush()
    elif not args.quiet:
        print(
            f"{counts['files']} file(s): {counts['valid']} valid, {counts['invalid']} invalid, "
            f"{counts['unchecked']} not checked, {counts['unreadable']} unreadable; "
            f"{counts['errors']} error(s), "
            f"{counts['warnings']} warning(s)",
            file=sys.stderr,
        )
    if counts["invalid"]:
        return EXIT_INVALID
    return EXIT_USAGE if counts["unreadable"] or counts["unchecked"] else EXIT_OK


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


def _schema(args: argparse.Namespace) -> int:
    from newsmodel.validation.resources import bundled_schema, bundled_schema_names

    names = bundled_schema_names()
    if args.name is None:
        print("\n".join(names))
        return EXIT_OK
    name = args.name.removesuffix(".schema.json")
    if name not in names:
        raise UsageError(f"no schema named {args.name!r}; known: {', '.join(names)}")
    _write(None, bundled_schema(f"{name}.schema.json"))
    return EXIT_OK


def _schemas(args: argparse.Namespace) -> int:
    from newsmodel.validation import resources

    if args.schemas_command == "install":
        installed = resources.install(args.names or None, target=args.target, source=args.source)
        for name, folder in installed.items():
            version = resources.SCHEMA_SETS[name].version
            print(f"installed {name} {version} in {folder} (SHA-256 verified)")
        return EXIT_OK
    for name, schema_set in resources.SCHEMA_SETS.items():
        found = resources.find_schema_set(name)
        state = f"installed in {found}" if found else "not installed"
        print(f"{name} {schema_set.version}: {state}")
    return EXIT_OK


def _eval(args: argparse.Namespace) -> int:
    """``newsmodel eval``: print the evaluation table (or JSON); exit 0 once it is computed."""
    import json

    from newsmodel.evaluate import evaluate, format_table

    result = evaluate(args.inputs, documents=args.documents)
    if args.json:
        sys.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(format_table(result) + "\n")
    return EXIT_OK
