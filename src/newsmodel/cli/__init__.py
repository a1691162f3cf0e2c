"""The ``newsmodel`` command: a thin layer over the library, and the only package that parses
arguments or prints.

Exit codes: 0 success (valid), 1 invalid input (a file that cannot be parsed or does not
validate), 2 usage or I/O error (also: no input matched, a worker process died).  Errors are
one line each; ``--debug`` (before or after the command) shows tracebacks.

``parser`` holds the grammar, ``convert`` and ``validate`` the two batch commands, ``common``
what they share; the small commands are here.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from newsmodel.cli.common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, UsageError, fail
from newsmodel.cli.parser import parse


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    if args.command is None:
        from newsmodel.cli.parser import build_parser

        build_parser()[0].print_help()
        return EXIT_USAGE
    from newsmodel.batch import WorkerError
    from newsmodel.errors import FormatError, NewsmodelError, ResourceError, SchemaNotInstalledError

    debug = getattr(args, "debug", False)
    try:
        return _handler(args.command)(args)
    except UsageError as error:
        fail(str(error))
        return EXIT_USAGE
    except (FormatError, ResourceError, SchemaNotInstalledError, WorkerError) as error:
        if debug:
            raise
        fail(str(error))
        return EXIT_USAGE
    except NewsmodelError as error:
        if debug:
            raise
        fail(str(error))
        return EXIT_INVALID
    except KeyboardInterrupt:
        fail("interrupted")
        return 130
    except BrokenPipeError:
        from newsmodel.cli.common import silence_stdout

        silence_stdout()
        return EXIT_OK


def _handler(command: str) -> Callable[[argparse.Namespace], int]:
    if command == "convert":
        from newsmodel.cli.convert import convert

        return convert
    if command == "validate":
        from newsmodel.cli.validate import validate

        return validate
    return {"schema": _schema, "schemas": _schemas, "eval": _eval}[command]


def _schema(args: argparse.Namespace) -> int:
    from newsmodel.cli.common import write_stdout
    from newsmodel.validation.resources import bundled_schema, bundled_schema_names

    names = bundled_schema_names()
    if args.name is None:
        print("\n".join(names))
        return EXIT_OK
    name = args.name.removesuffix(".schema.json")
    if name not in names:
        raise UsageError(f"no schema named {args.name!r}; known: {', '.join(names)}")
    write_stdout(bundled_schema(f"{name}.schema.json"))
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
    """``newsmodel eval``: per-article verdicts and totals (or JSON); exit 0 once computed,
    whether or not the articles pass (the scores are the result, not a check).

    A missing input, or a folder with no gold or span file, is a usage error (exit 2); a file
    that is not a gold or span file is invalid input (exit 1)."""
    import json
    from pathlib import Path

    from newsmodel.cli.common import check_sources
    from newsmodel.evaluate import evaluate, format_table

    check_sources(args.inputs)
    for source in args.inputs:
        folder = Path(source)
        if folder.is_dir() and not any(p.suffix in (".json", ".jsonl") for p in folder.rglob("*")):
            raise UsageError(f"{source}: no input files matched (no .json or .jsonl file)")
    result = evaluate(args.inputs, documents=args.documents)
    if args.json:
        sys.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(format_table(result) + "\n")
    return EXIT_OK


__all__ = ["EXIT_INVALID", "EXIT_OK", "EXIT_USAGE", "UsageError", "main"]
