"""What every command shares: exit codes, the usage error, one-line messages, standard output
that may be full or closed, the inputs of a batch and its progress bar."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

    from newsmodel.batch import Input
    from newsmodel.progress import Progress

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A bad command line or an I/O problem: exit code 2."""


def fail(message: str) -> None:
    print(f"newsmodel: error: {message}", file=sys.stderr)


def warn(message: str) -> None:
    print(f"newsmodel: warning: {message}", file=sys.stderr)


def version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("newsmodel")
    except PackageNotFoundError:  # pragma: no cover
        return "0+unknown"


def version_line() -> str:
    """What ``--version`` prints: the version, and which build of the parser is installed,
    the first thing to know about a speed report."""
    return f"newsmodel {version()} ({parser_build()} parser)"


def parser_build() -> str:
    """``compiled`` when the parser is the compiled build (``setup.py``), else ``plain Python``
    (what ``--version`` and the benchmarks report)."""
    return "compiled" if parser_is_compiled() else "plain Python"


def parser_is_compiled() -> bool:
    """Whether the parser's modules here are compiled extensions: looked up by file name, so
    asking imports nothing (the parser's lexicons stay unloaded)."""
    from importlib.machinery import EXTENSION_SUFFIXES

    import newsmodel

    extract = Path(newsmodel.__file__).parent / "extract"
    return any((extract / f"assemble{suffix}").is_file() for suffix in EXTENSION_SUFFIXES)


def write_stdout(data: bytes) -> None:
    """Write to standard output; a full disk or a closed terminal is a usage error (exit 2),
    a closed pipe (``| head``) is handled by ``main``."""
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        silence_stdout()
        raise UsageError(f"standard output: cannot write: {error.strerror}") from None


def silence_stdout() -> None:
    """Point standard output at /dev/null, so the interpreter's final flush of what could not
    be written does not print a second error on the way out."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def check_sources(sources: Sequence[str]) -> None:
    """A missing path, or one given twice, is a usage error found before any work starts."""
    from newsmodel.batch import check_sources as check
    from newsmodel.errors import InputError

    try:
        check(sources)
    except InputError as error:
        raise UsageError(str(error)) from None


def inputs(
    sources: Sequence[str],
    glob: str,
    *,
    suffixes: Sequence[str] | None = None,
    on_skip: Callable[[str, str], None] | None = None,
) -> Iterator[Input]:
    """Inputs, lazily (a folder of a million files is never listed in memory)."""
    from newsmodel.batch import iter_inputs
    from newsmodel.errors import InputError

    try:
        yield from iter_inputs(sources, glob=glob, suffixes=suffixes, on_skip=on_skip)
    except InputError as error:  # pragma: no cover - a path removed while the batch runs
        raise UsageError(str(error)) from None


def first_or_none(items: Iterator[Input]) -> tuple[Input | None, Iterator[Input]]:
    """Peek at a lazy batch: its first input (``None`` if it has none) and the whole batch."""
    import itertools

    first = next(items, None)
    return first, (itertools.chain([first], items) if first is not None else iter(()))


def no_input(skipped: int) -> UsageError:
    detail = f" ({skipped} skipped)" if skipped else ""
    return UsageError(f"no input files matched{detail}")


def progress(
    args: argparse.Namespace, sources: Sequence[str], suffixes: Sequence[str] | None = None
) -> Progress:
    from newsmodel.batch import count_inputs
    from newsmodel.progress import Progress

    enabled = not args.quiet and sys.stderr.isatty()
    total = count_inputs(sources, glob=args.glob or "*", suffixes=suffixes) if enabled else None
    return Progress(total, sys.stderr, enabled=enabled)


def workers(value: str) -> int:
    from newsmodel.batch import resolve_workers
    from newsmodel.errors import InputError

    try:
        return resolve_workers(value)
    except InputError as error:
        raise UsageError(str(error)) from None
