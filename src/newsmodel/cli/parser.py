"""The command line's grammar: every command, its options and its help.

Two things argparse does not do as people expect are done here: an option it does not know
after a subcommand is reported with that subcommand's usage (argparse reports it with the
top-level one) and the closest known option; and the global ``--debug`` is accepted before or
after the subcommand.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from newsmodel.cli.common import EXIT_USAGE, version_line
from newsmodel.validation.ninjs_versions import DEFAULT_VERSION, VERSIONS

_CHOICE = re.compile(r"invalid choice: '(?P<value>[^']*)' \(choose from (?P<choices>.*)\)")


class Parser(argparse.ArgumentParser):
    """Errors print this (sub)command's usage, the error, and the closest valid word."""

    def error(self, message: str) -> NoReturn:
        choice = _CHOICE.search(message)
        if choice:
            options = re.findall(r"'([^']*)'", choice["choices"])
            message += _suggestion(choice["value"], options)
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")

    def unknown(self, extras: list[str]) -> NoReturn:
        """Report arguments this parser does not take, suggesting the closest option."""
        known = [option for action in self._actions for option in action.option_strings]
        hints = "".join(
            _suggestion(extra.split("=", 1)[0], known) for extra in extras if extra.startswith("-")
        )
        self.error(f"unrecognized arguments: {' '.join(extras)}{hints}")


def _suggestion(word: str, known: Sequence[str]) -> str:
    close = difflib.get_close_matches(word, known, n=1, cutoff=0.6)
    return f" (did you mean {close[0]}?)" if close else ""


def _global(command: argparse.ArgumentParser) -> None:
    """Options that mean the same everywhere; after the subcommand they do not reset the value
    given before it (``SUPPRESS`` leaves it alone when absent)."""
    command.add_argument(
        "--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks on errors"
    )


def _batch_arguments(command: argparse.ArgumentParser, glob_help: str) -> None:
    command.add_argument("--glob", default=None, metavar="PATTERN", help=glob_help)
    command.add_argument(
        "--workers",
        default="1",
        metavar="N|auto",
        help="worker processes (default: 1; auto: one per core)",
    )
    command.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar, summary or per-file verdicts"
    )


def build_parser() -> tuple[Parser, dict[tuple[str, ...], Parser]]:
    """The top-level parser, and every subcommand's parser by its path (``("schemas",
    "install")``), so an error can be reported by the command it belongs to."""
    parser = Parser(
        prog="newsmodel",
        description="Turn news articles into validated structured data and check news feeds.",
        epilog="Exit codes: 0 ok, 1 invalid input, 2 usage or I/O error.",
    )
    parser.add_argument("--version", action="version", version=version_line())
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    parsers: dict[tuple[str, ...], Parser] = {(): parser}

    convert = commands.add_parser(
        "convert",
        help="parse text files (or read documents) and write JSON, JSON-LD, ninjs or NewsML-G2",
        description="Parse Ukrainian news text files (first line `date YYYY-MM-DD ...`) or read "
        "documents in a supported format, and write them in other formats. Inputs are files, "
        "folders (searched recursively) or - for standard input. With -o, one input is written "
        "to the file -o names; many inputs, or an -o that ends in / or is a folder, go to "
        "OUT/<path>.<ext> per format, mirroring the inputs' tree; a .jsonl file or a file with "
        "the format's extension gathers many (JSON Lines, one newsMessage, one @graph). "
        "Without -o, standard output.",
        epilog="A bad input is reported on one line and the batch goes on; the exit code is then "
        "1. Outputs are written atomically: an interrupted run leaves no partial file, and "
        "--skip-existing resumes it.",
    )
    convert.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="file, folder, or - for standard input"
    )
    convert.add_argument(
        "--to",
        dest="to",
        default="json",
        metavar="FORMAT[,FORMAT...]",
        help="output format(s), comma-separated (default: json)",
    )
    convert.add_argument(
        "--from",
        dest="from_format",
        default=None,
        metavar="FORMAT",
        help="input format: text, json, jsonld, ninjs, newsml (default: .txt "
        "files are "
        "text, others are detected)",
    )
    convert.add_argument(
        "-o",
        "--output",
        default=None,
        metavar="OUT",
        help="output file (one input), folder (ends in /, exists, or many "
        "inputs), or one file for many (.jsonl, or the format's extension); "
        "default: standard output",
    )
    _batch_arguments(convert, "in folders, take files matching PATTERN (default: all files)")
    convert.add_argument(
        "--skip-existing",
        action="store_true",
        help="leave inputs whose outputs already exist (resume a batch), and "
        "remove the temporary files an interrupted run left",
    )
    convert.add_argument(
        "--base-uri",
        dest="base_uri",
        default=None,
        metavar="URI",
        help="jsonld: base of the @ids (default: the article's url, else urn:newsmodel:article:ID)",
    )
    convert.add_argument(
        "--ninjs-version",
        dest="ninjs_version",
        default=None,
        choices=VERSIONS,
        metavar="VERSION",
        help=f"ninjs: the version written, {VERSIONS[0]} to {VERSIONS[-1]} "
        f"(default: {DEFAULT_VERSION})",
    )
    _global(convert)
    parsers[("convert",)] = convert

    validate = commands.add_parser(
        "validate",
        help="check documents against their schema and report every problem",
        description="Validate newsmodel JSON, JSON-LD (or HTML pages with JSON-LD), IPTC ninjs "
        "and NewsML-G2 files and folders. Issues are printed as file:line:col: severity: message "
        "[code] on standard output; the verdict of each file with a problem and a summary go "
        "to standard error.",
        epilog="Exit codes: 0 every file valid, 1 at least one invalid (or with a warning, "
        "with --fail-on warning), 2 usage error, no input, or a file that could not be read.",
    )
    validate.add_argument(
        "files", nargs="+", metavar="INPUT", help="file, folder, or - for standard input"
    )
    validate.add_argument(
        "--format", default=None, help="json, jsonld, ninjs or newsml (default: detect)"
    )
    validate.add_argument(
        "--ninjs-version",
        dest="ninjs_version",
        default=None,
        choices=VERSIONS,
        metavar="VERSION",
        help="validate ninjs documents against this version's schema "
        "(default: the version each declares, else the one its shape tells)",
    )
    validate.add_argument("--json", action="store_true", help="print a machine-readable report")
    validate.add_argument(
        "--fail-on",
        choices=("error", "warning"),
        default="error",
        help="lowest severity that makes the exit code 1 (default: error)",
    )
    validate.add_argument(
        "--select",
        default=None,
        metavar="CODE[,CODE...]",
        help="report only these issue codes (a prefix such as jsonld or "
        "jsonld.author names a family)",
    )
    validate.add_argument(
        "--ignore",
        default=None,
        metavar="CODE[,CODE...]",
        help="do not report these issue codes (prefixes as for --select)",
    )
    validate.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="also list every valid file, and info-level issues",
    )
    _batch_arguments(
        validate,
        "in folders, take files matching PATTERN (default: the formats' "
        "extensions: .xml .json .jsonl .jsonld .html .htm ...)",
    )
    _global(validate)
    parsers[("validate",)] = validate

    schema = commands.add_parser(
        "schema",
        help="print one of newsmodel's JSON Schemas",
        description="Print a bundled JSON Schema; without NAME, list them.",
    )
    schema.add_argument("name", nargs="?", default=None)
    _global(schema)
    parsers[("schema",)] = schema

    schemas = commands.add_parser(
        "schemas",
        help="install or locate third-party schemas (IPTC NewsML-G2 and ninjs, schema.org)",
    )
    _global(schemas)
    parsers[("schemas",)] = schemas
    schemas_commands = schemas.add_subparsers(
        dest="schemas_command", metavar="ACTION", parser_class=Parser
    )
    install = schemas_commands.add_parser(
        "install",
        help="download (or copy with --from) the pinned releases and check SHA-256",
    )
    install.add_argument(
        "names", nargs="*", metavar="NAME", help="newsml-g2, schemaorg, ninjs (default: all)"
    )
    install.add_argument(
        "--from",
        dest="source",
        type=Path,
        default=None,
        metavar="DIR",
        help="copy from this folder instead of downloading",
    )
    install.add_argument(
        "--target",
        type=Path,
        default=None,
        metavar="DIR",
        help="install here (default: $NEWSMODEL_SCHEMA_DIR or the user folder)",
    )
    _global(install)
    parsers[("schemas", "install")] = install
    status = schemas_commands.add_parser("status", help="say which schema sets are installed where")
    _global(status)
    parsers[("schemas", "status")] = status

    evaluation = commands.add_parser(
        "eval",
        help="score the parser against gold article files and span-annotated JSONL",
        description="Parse the articles that gold files (*.json, the eval/gold format) describe "
        "and score each by the editor's bar, as ../shared/eval/score_article.py does: PASS or "
        "fail, what was missed (persons, titles, required organisations, places and events), "
        "then totals in score_set.py's terms. Span files (*.jsonl, the ner-uk format) get exact "
        "and overlap precision, recall and F1 per PERS/ORG/LOC. Inputs are files or folders.",
        epilog="Exit codes: 0 scored (whether or not the articles pass), 1 a gold or span file "
        "that is not one, 2 a missing input or a folder with no .json or .jsonl file.",
    )
    evaluation.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="gold .json, span .jsonl, or a folder"
    )
    evaluation.add_argument("--json", action="store_true", help="print the scores as JSON")
    evaluation.add_argument(
        "--documents",
        default=None,
        metavar="DIR",
        help="folder with the articles gold files name (default: next to them, or ../seeds)",
    )
    _global(evaluation)
    parsers[("eval",)] = evaluation
    return parser, parsers


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse the command line; an unknown argument is reported by the subcommand it follows."""
    parser, parsers = build_parser()
    args, extras = parser.parse_known_args(argv)
    if extras:
        path = tuple(
            name for name in (args.command, getattr(args, "schemas_command", None)) if name
        )
        parsers.get(path, parser).unknown(extras)
    return args
