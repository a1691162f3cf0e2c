"""``newsmodel convert``: where the outputs go, and writing them as results come."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, TypeVar

from newsmodel.cli.common import (
    EXIT_INVALID,
    EXIT_OK,
    UsageError,
    check_sources,
    first_or_none,
    inputs,
    no_input,
    progress,
    warn,
    workers,
    write_stdout,
)

if TYPE_CHECKING:
    from newsmodel.batch import AtomicWriter, Input, Result, Summary
    from newsmodel.formats import FormatInfo
    from newsmodel.models import Article
    from newsmodel.progress import Progress


def convert(args: argparse.Namespace) -> int:
    from functools import partial

    from newsmodel.batch import NOT_A_FILE, Summary, convert_one, output_path, run
    from newsmodel.formats import get_format

    formats = [name.strip() for name in args.to.split(",") if name.strip()]
    if not formats:
        raise UsageError("--to needs at least one format")
    infos = [get_format(name) for name in formats]
    if args.from_format not in (None, "text"):
        get_format(args.from_format)
    count = workers(args.workers)
    check_sources(args.inputs)
    many = len(args.inputs) > 1 or any(s != "-" and Path(s).is_dir() for s in args.inputs)
    mode, target = output_mode(args.output, formats, many=many)
    if args.skip_existing and mode != "folder":
        raise UsageError("--skip-existing works with an output folder (-o FOLDER/)")
    if mode == "folder" and target is not None and target.exists() and not target.is_dir():
        raise UsageError(f"{args.output}: exists and is not a folder")

    summary = Summary()
    glob = args.glob or "*"
    bar = progress(args, args.inputs)
    not_read = [0]

    def skipped(name: str, reason: str) -> None:
        summary.skipped += 1
        not_read[0] += 1
        bar.advance()
        if reason == NOT_A_FILE:
            bar.message(f"newsmodel: warning: {name}: skipped: {reason}")

    items: Iterator[Input] = inputs(args.inputs, glob, on_skip=skipped)
    if args.skip_existing:
        assert target is not None
        _remove_stale(target, args.quiet)
        extensions = [info.extension for info in infos]
        items = _skip_existing(items, target, extensions, summary, bar)
    first, items = first_or_none(items)
    if first is None and summary.skipped == not_read[0]:  # not all resumed: none matched
        raise no_input(summary.skipped)
    gather = mode in ("file", "stdout") and formats != ["json"]
    job = partial(
        convert_one,
        formats=() if gather else formats,
        options=dump_options(args, formats),
        from_format=args.from_format,
        many=mode == "jsonl" or (mode in ("file", "stdout") and many),
        keep_articles=gather,
        debug=getattr(args, "debug", False),
    )
    writer = _Sink(mode, target, formats, infos, dump_options(args, formats))
    try:
        with _sigterm_interrupts():
            for result in run(job, items, workers=count):
                for warning in result.warnings:
                    bar.message(f"newsmodel: warning: {result.name}: {warning}")
                if result.error is not None:
                    summary.failed += 1
                    bar.message(f"newsmodel: error: {result.error}")
                else:
                    summary.converted += 1
                    summary.articles += result.count
                    writer.add(result, output_path)
                bar.advance()
            writer.commit()
    finally:
        writer.abort()
        bar.clear()
    if not args.quiet and not (mode == "stdout" and summary.processed == 1):
        _print_summary(summary, bar.elapsed)
    return EXIT_INVALID if summary.failed else EXIT_OK


def output_mode(output: str | None, formats: list[str], *, many: bool) -> tuple[str, Path | None]:
    """``stdout``, ``jsonl`` (one JSON Lines file), ``file`` (one document) or ``folder``.

    ``-o`` names a file unless it says it is a folder: it ends with ``/``, is one already, or
    there are many inputs (several files, or a folder) and its extension is not the format's.
    One file cannot hold several formats: that is a usage error, not a folder made silently.
    """
    from newsmodel.formats import get_format

    if output is None or output == "-":
        if len(formats) > 1:
            raise UsageError("several --to formats need an output folder (-o FOLDER/)")
        return "stdout", None
    path = Path(output)
    if output.endswith(("/", os.sep)) or path.is_dir():
        return "folder", path
    if path.suffix == ".jsonl":
        if formats != ["json"]:
            raise UsageError(f"{output}: a .jsonl file holds --to json only")
        return "jsonl", path
    if len(formats) == 1 and path.name.endswith("." + get_format(formats[0]).extension):
        return "file", path
    if many:
        return "folder", path
    if len(formats) > 1:
        raise UsageError(
            f"{output}: one file cannot hold {len(formats)} formats; end -o with / "
            f"to write a folder ({output}/)"
        )
    return "file", path


def dump_options(args: argparse.Namespace, formats: list[str]) -> dict[str, dict[str, object]]:
    """Per-format ``dump`` options from the command line (other commands' options join here)."""
    options: dict[str, dict[str, object]] = {}
    base_uri = getattr(args, "base_uri", None)
    if base_uri and "jsonld" in formats:
        options.setdefault("jsonld", {})["base_uri"] = base_uri
    ninjs_version = getattr(args, "ninjs_version", None)
    if ninjs_version and "ninjs" in formats:
        options.setdefault("ninjs", {})["version"] = ninjs_version
    return options


def _remove_stale(folder: Path, quiet: bool) -> None:
    from newsmodel.batch import remove_stale_temporaries

    if folder.is_dir():
        removed = remove_stale_temporaries(folder)
        if removed and not quiet:
            warn(f"{folder}: removed {removed} temporary file(s) an interrupted run left")


def _skip_existing(
    items: Iterator[Input],
    folder: Path,
    extensions: list[str],
    summary: Summary,
    bar: Progress,
) -> Iterator[Input]:
    from newsmodel.batch import output_path

    for item in items:
        if all(output_path(folder, item.relative, ext).exists() for ext in extensions):
            summary.skipped += 1
            bar.advance()
            continue
        yield item


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


class _Sink:
    """Where results go, written as they come: a folder, one streamed file, or standard output.

    One document gathering many articles in a format other than JSON (a newsMessage, one
    @graph) needs them all at once, so that mode keeps the articles until :meth:`commit`.
    Every write that fails (a full disk) is one usage error naming the file, and the one-file
    outputs leave nothing behind (:meth:`abort`).
    """

    def __init__(
        self,
        mode: str,
        target: Path | None,
        formats: list[str],
        infos: list[FormatInfo],
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
            self.writer = _writing(target, AtomicWriter, target)

    def add(self, result: Result, output_path: Callable[[Path, PurePath, str], Path]) -> None:
        from newsmodel.batch import write_atomic

        if result.articles is not None:
            self.articles.extend(result.articles)
            return
        assert result.outputs is not None
        if self.mode == "stdout":
            write_stdout(result.outputs[self.formats[0]])
        elif self.writer is not None:
            _writing(self.writer.path, self.writer.write, result.outputs[self.formats[0]])
        else:
            assert self.target is not None
            relative = result.relative or PurePath(Path(result.name).stem)
            for info in self.infos:
                path = output_path(self.target, relative, info.extension)
                _writing(path, write_atomic, path, result.outputs[info.name])

    def commit(self) -> None:
        from newsmodel.batch import write_atomic
        from newsmodel.formats import dumps, dumps_many

        if self.writer is not None:
            _writing(self.writer.path, self.writer.commit)
        elif self.articles:
            name = self.formats[0]
            options = self.options.get(name, {})
            data = (
                dumps(self.articles[0], name, **options)
                if len(self.articles) == 1
                else dumps_many(self.articles, name, **options)
            )
            if self.target is None:
                write_stdout(data)
            else:
                _writing(self.target, write_atomic, self.target, data)
        self.committed = True

    def abort(self) -> None:
        if self.writer is not None and not self.committed:
            self.writer.abort()


T = TypeVar("T")


def _writing(path: Path, write: Callable[..., T], *args: object) -> T:
    """``write(*args)``; an :class:`OSError` (a full disk) is one line naming ``path``."""
    try:
        return write(*args)
    except OSError as error:
        raise UsageError(f"{path}: cannot write: {error.strerror or error}") from None


def _print_summary(summary: Summary, elapsed: float) -> None:
    rate = summary.processed / elapsed if elapsed > 0 else 0.0
    print(
        f"converted {summary.converted} file(s) ({summary.articles} article(s)), "
        f"failed {summary.failed}, skipped {summary.skipped} "
        f"in {elapsed:.2f} s ({rate:.1f} files/s)",
        file=sys.stderr,
    )


__all__ = ["convert", "dump_options", "output_mode"]
