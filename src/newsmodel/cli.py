"""The ``newsmodel`` command: a thin layer over the library, and the only module that prints.

Exit codes: 0 success (valid), 1 invalid input (a file that cannot be parsed or does not
validate), 2 usage or I/O error.  Errors are one line each; ``--debug`` shows tracebacks.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from newsmodel.models import Article
    from newsmodel.validate import Report

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
TEXT_SUFFIXES = (".txt", ".text")


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
        "convert", help="parse a text file (or read a feed) and write JSON, JSON-LD or NewsML-G2",
        description="Parse Ukrainian news text files (first line `date YYYY-MM-DD ...`) or read "
        "documents in a supported format, and write them in another format.",
    )
    convert.add_argument("inputs", nargs="+", metavar="INPUT", help="file, or - for standard input")
    convert.add_argument("--to", dest="to", default="json", metavar="FORMAT",
                         help="output format (default: json)")
    convert.add_argument("--from", dest="from_format", default=None, metavar="FORMAT",
                         help="input format: text, json, jsonld, newsml (default: detect)")
    convert.add_argument("-o", "--output", default=None, metavar="OUTPUT",
                         help="output file (default: standard output)")

    validate = commands.add_parser(
        "validate", help="check documents against their schema and report every problem",
        description="Validate newsmodel JSON, JSON-LD (or HTML pages with JSON-LD) and "
        "NewsML-G2 files. Issues are printed as file:line:col: severity: message [code].",
    )
    validate.add_argument("files", nargs="+", metavar="FILE")
    validate.add_argument("--format", default=None, help="json, jsonld or newsml (default: detect)")
    validate.add_argument("--json", action="store_true", help="print a machine-readable report")
    validate.add_argument("--fail-on", choices=("error", "warning"), default="error",
                          help="lowest severity that makes the exit code 1 (default: error)")

    schema = commands.add_parser("schema", help="print one of newsmodel's JSON Schemas",
                                 description="Print a bundled JSON Schema; without NAME, list them.")
    schema.add_argument("name", nargs="?", default=None)

    schemas = commands.add_parser(
        "schemas", help="install or locate third-party schemas (IPTC NewsML-G2, schema.org)",
    )
    schemas_commands = schemas.add_subparsers(dest="schemas_command", metavar="ACTION",
                                              parser_class=_Parser)
    install = schemas_commands.add_parser(
        "install", help="download (or copy with --from) the pinned releases and check SHA-256",
    )
    install.add_argument("names", nargs="*", metavar="NAME", help="newsml-g2, schemaorg (default: all)")
    install.add_argument("--from", dest="source", type=Path, default=None, metavar="DIR",
                         help="copy from this folder instead of downloading")
    install.add_argument("--target", type=Path, default=None, metavar="DIR",
                         help="install here (default: $NEWSMODEL_SCHEMA_DIR or the user folder)")
    schemas_commands.add_parser("status", help="say which schema sets are installed where")
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


def _read(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(path).read_bytes()
    except IsADirectoryError:
        raise UsageError(f"{path}: is a folder, not a file") from None
    except OSError as error:
        raise UsageError(f"{path}: cannot read: {error.strerror}") from None


def _write(output: str | None, data: bytes) -> None:
    if output is None or output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    try:
        Path(output).write_bytes(data)
    except OSError as error:
        raise UsageError(f"{output}: cannot write: {error.strerror}") from None


def read_articles(path: str, data: bytes, from_format: str | None) -> list[Article]:
    """Text files are parsed; documents in a known format are read."""
    from newsmodel.extract import parse_bytes
    from newsmodel.formats import loads
    from newsmodel.sniff import detect

    name = "stdin" if path == "-" else Path(path).name
    stem = "stdin" if path == "-" else Path(path).stem
    if from_format is None:
        if path.lower().endswith(TEXT_SUFFIXES):
            from_format = "text"
        else:
            try:
                from_format = detect(data, name=name)
            except Exception:  # noqa: BLE001 - anything undetectable is read as text
                from_format = "text"
    if from_format == "text":
        article = parse_bytes(data, source_id=stem)
        return [article.model_copy(update={"provenance": article.provenance.model_copy(update={"source": name})})]
    return loads(data, from_format, source=name)


def _convert(args: argparse.Namespace) -> int:
    from newsmodel.formats import dumps, dumps_many, get_format

    get_format(args.to)
    articles: list[Article] = []
    for path in args.inputs:
        articles.extend(read_articles(path, _read(path), args.from_format))
    data = dumps(articles[0], args.to) if len(articles) == 1 else dumps_many(articles, args.to)
    _write(args.output, data)
    return EXIT_OK


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
    import orjson

    from newsmodel.validate import validate

    reports = []
    for path in args.files:
        report = validate(_read(path), args.format, source=path)
        reports.append(report)
        if not args.json:
            _print_report(path, report)
    failed = [
        report for report in reports
        if not report.ok or (args.fail_on == "warning" and report.warnings)
    ]
    if args.json:
        sys.stdout.buffer.write(
            orjson.dumps([report.to_dict() for report in reports], option=orjson.OPT_INDENT_2)
            + b"\n"
        )
    else:
        for report in reports:
            verdict = "valid" if report not in failed else "INVALID"
            counts = f"{len(report.errors)} error(s), {len(report.warnings)} warning(s)"
            print(f"{report.source}: {verdict} ({report.format}; {counts})", file=sys.stderr)
    return EXIT_INVALID if failed else EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    from newsmodel.validate.resources import bundled_schema, bundled_schema_names

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
    from newsmodel.validate import resources

    if args.schemas_command == "install":
        installed = resources.install(args.names or None, target=args.target, source=args.source)
        for name, folder in installed.items():
            version = resources.SCHEMA_SETS[name].version
            print(f"installed {name} {version} in {folder} (SHA-256 verified)")
        return EXIT_OK
    for name, schema_set in resources.SCHEMA_SETS.items():
        folder = resources.find_schema_set(name)
        state = f"installed in {folder}" if folder else "not installed"
        print(f"{name} {schema_set.version}: {state}")
    return EXIT_OK
