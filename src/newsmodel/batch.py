"""Many files at a time: pure, picklable functions that turn one input into bytes, and a runner.

The unit of work is :func:`convert_one` (or :func:`validate_one`): a path or bytes in, a
:class:`Result` out.  It never raises for a bad input: the problem comes back as
``Result.error``, one line, so a batch of a million files goes on past a broken one and the
caller decides what a failure means.  Because the functions are module-level and their
arguments are plain data, they run unchanged in a process pool, on a Dask cluster
(:mod:`newsmodel.dask`) or in a plain loop.

:func:`run` streams work through a process pool with a bounded number of tasks in flight, so
memory stays flat whatever the batch size, and yields results in input order as they finish.
:func:`iter_inputs` walks files and folders lazily for the same reason.

Output files are written by :func:`write_atomic` (temporary file in the same folder, then
``os.replace``), so an interrupted run never leaves a half-written output under its final name.
"""

from __future__ import annotations

import os
import secrets
import signal
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, TypeVar

from newsmodel.errors import InputError, NewsmodelError

if TYPE_CHECKING:
    from newsmodel.models import Article
    from newsmodel.validation import Report

TEXT_SUFFIXES = (".txt", ".text")
"""Files with these suffixes are always parsed as article text, never sniffed."""

STDIN = "-"

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Input:
    """One thing to process: a file path, or bytes already read (standard input).

    ``name`` is what messages show (the path as the user gave it or found under a folder);
    ``relative`` is where its outputs go under an output folder, without extension, so a folder
    tree is mirrored and two ``a.txt`` in different subfolders do not overwrite each other.
    """

    name: str
    relative: PurePath
    path: str | None = None
    data: bytes | None = None

    @property
    def stem(self) -> str:
        return self.relative.name


@dataclass(frozen=True, slots=True)
class Result:
    """What became of one input: ``outputs`` (format -> bytes) or one-line ``error``.

    ``articles`` holds the parsed articles only when the caller asked for them
    (``keep_articles=True``), for outputs that gather many inputs into one document.
    """

    name: str
    outputs: dict[str, bytes] | None = None
    error: str | None = None
    count: int = 0
    articles: list[Article] | None = None
    relative: PurePath | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(frozen=True, slots=True)
class Checked:
    """What became of one validated input: a ``report``, or an ``error`` if it was unreadable."""

    name: str
    report: Report | None = None
    error: str | None = None


@dataclass(slots=True)
class Summary:
    """Counts for a batch; the command line prints it at the end."""

    converted: int = 0
    failed: int = 0
    skipped: int = 0
    articles: int = 0

    @property
    def processed(self) -> int:
        return self.converted + self.failed + self.skipped


# --------------------------------------------------------------------------- reading


def iter_inputs(sources: Iterable[str], *, glob: str = "*") -> Iterator[Input]:
    """Expand files, folders (recursively, files matching ``glob``) and ``-`` lazily.

    Folders are walked in sorted order so runs are reproducible; hidden files and folders
    (a leading dot, like the temporary files :func:`write_atomic` uses) are left out.  A path
    that does not exist raises :class:`InputError` before anything is processed.
    """
    for source in sources:
        if source == STDIN:
            yield Input(name="stdin", relative=PurePath("stdin"), data=_read_stdin())
            continue
        path = Path(source)
        if path.is_dir():
            yield from _walk(path, glob)
        elif path.exists():
            yield Input(name=source, relative=PurePath(path.stem), path=source)
        else:
            raise InputError("no such file or folder", where=source)


def count_inputs(sources: Iterable[str], *, glob: str = "*") -> int:
    """How many inputs :func:`iter_inputs` will yield, without holding them (for progress)."""
    total = 0
    for source in sources:
        path = Path(source)
        if source != STDIN and path.is_dir():
            total += sum(1 for _ in _walk(path, glob))
        else:
            total += 1
    return total


def _walk(folder: Path, glob: str) -> Iterator[Input]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        base = Path(root)
        for filename in sorted(files):
            if filename.startswith("."):
                continue
            path = base / filename
            if not PurePath(filename).match(glob) and not path.relative_to(folder).match(glob):
                continue
            relative = path.relative_to(folder).with_suffix("")
            yield Input(name=str(path), relative=relative, path=str(path))


def _read_stdin() -> bytes:
    import sys

    return sys.stdin.buffer.read()


def read_bytes(item: Input) -> bytes:
    """The input's bytes; an unreadable file is an :class:`InputError` naming it."""
    if item.data is not None:
        return item.data
    assert item.path is not None
    try:
        return Path(item.path).read_bytes()
    except IsADirectoryError:
        raise InputError("is a folder, not a file", where=item.name) from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", where=item.name) from None


def read_articles(
    path: str, data: bytes, from_format: str | None = None, *, stem: str | None = None
) -> list[Article]:
    """Text files are parsed; documents in a known format are read.

    ``from_format`` is ``"text"`` or a registered format name; ``None`` treats ``.txt`` files as
    text and sniffs the rest, falling back to text when the bytes look like no known format.
    """
    from newsmodel.errors import FormatError
    from newsmodel.sniff import detect

    name = "stdin" if path == STDIN else Path(path).name
    stem = stem or ("stdin" if path == STDIN else Path(path).stem)
    if from_format is None:
        if path.lower().endswith(TEXT_SUFFIXES):
            from_format = "text"
        else:
            try:
                from_format = detect(data, name=name)
            except FormatError:
                from_format = "text"  # not a structured document: parse it as article text
    if from_format == "text":
        from newsmodel.extract import parse_bytes

        article = parse_bytes(data, source_id=stem)
        provenance = article.provenance.model_copy(update={"source": name})
        return [article.model_copy(update={"provenance": provenance})]
    from newsmodel.formats import loads

    return loads(data, from_format, source=name)


# --------------------------------------------------------------------------- one input


def convert_one(
    item: Input | str | bytes,
    formats: Sequence[str] = ("json",),
    options: Mapping[str, Mapping[str, Any]] | None = None,
    *,
    from_format: str | None = None,
    many: bool = False,
    keep_articles: bool = False,
    debug: bool = False,
) -> Result:
    """Read one input and serialise it in every format of ``formats``; errors come back as values.

    ``item`` is an :class:`Input`, a path, or raw bytes.  ``options`` maps a format name to the
    keyword options of its ``dump``.  An input holding one article is written with ``dump``;
    several (a JSON Lines file, a newsMessage), or any input when ``many`` is true, with
    ``dump_many``.  A problem the user can fix (an empty or binary file, a malformed document)
    becomes ``Result.error``; anything else is a bug, reported the same way so the batch goes
    on, but marked as one (with the traceback when ``debug``).
    """
    item = _as_input(item)
    try:
        data = read_bytes(item)
        articles = read_articles(
            item.name if item.path else STDIN, data, from_format, stem=item.stem
        )
        outputs = {name: _dump(articles, name, (options or {}).get(name, {}), many)
                   for name in formats}
    except NewsmodelError as error:
        return Result(item.name, error=describe(error, item))
    except Exception as error:  # a bug must not stop the batch: it is reported, not hidden
        return Result(item.name, error=_bug(error, debug))
    return Result(
        item.name, outputs=outputs, count=len(articles),
        articles=articles if keep_articles else None, relative=item.relative,
    )


def validate_one(
    item: Input | str | bytes, format: str | None = None, *, debug: bool = False
) -> Checked:
    """Validate one input (format detected unless given); unreadable is ``Checked.error``."""
    item = _as_input(item)
    from newsmodel.validation import validate

    try:
        data = read_bytes(item)
        return Checked(item.name, report=validate(data, format, source=item.name))
    except NewsmodelError as error:
        return Checked(item.name, error=describe(error, item))
    except Exception as error:  # a bug must not stop the batch: it is reported, not hidden
        return Checked(item.name, error=_bug(error, debug))


def _as_input(item: Input | str | bytes) -> Input:
    if isinstance(item, Input):
        return item
    if isinstance(item, bytes):
        return Input(name="<bytes>", relative=PurePath("input"), data=item)
    return Input(name=str(item), relative=PurePath(Path(item).stem), path=str(item))


def _dump(articles: list[Article], name: str, options: Mapping[str, Any], many: bool) -> bytes:
    from newsmodel.formats import dumps, dumps_many

    if not articles:
        raise InputError("the document holds no article")
    if len(articles) == 1 and not many:
        return dumps(articles[0], name, **options)
    return dumps_many(articles, name, **options)


def describe(error: NewsmodelError, item: Input) -> str:
    """One line naming the input as the user knows it, then the problem and the hint.

    Library errors name a file by its stem or base name (that is all a parser sees); here the
    full path is put back, keeping any ``line:col`` or pointer that follows it.
    """
    where = error.where
    place = ""
    if where:
        for alias in (item.name, Path(item.name).name, item.stem):
            if where == alias or where.startswith(alias + ":"):
                place = where[len(alias):]
                break
        else:
            place = f": {where}"
    text = f"{item.name}{place}: {error.message}"
    return f"{text} ({error.hint})" if error.hint else text


def _bug(error: Exception, debug: bool) -> str:
    message = (
        f"internal error {type(error).__name__}: {error} (a bug in newsmodel; please report it)"
    )
    if debug:
        message += "\n" + "".join(traceback.format_exception(error)).rstrip()
    return message


# --------------------------------------------------------------------------- many inputs


def run(
    function: Callable[[T], R],
    items: Iterable[T],
    *,
    workers: int = 1,
    in_flight: int | None = None,
    chunk: int = 8,
) -> Iterator[R]:
    """Apply ``function`` to every item, yielding results in input order as they complete.

    ``workers=1`` runs in this process.  Otherwise a process pool runs ``function`` (which must
    be picklable: a module-level function or a ``functools.partial`` of one) on chunks of
    ``chunk`` items, so the cost of a round trip to a worker is shared by several inputs, with
    at most ``in_flight`` chunks submitted ahead (default: four per worker), so neither the
    inputs nor the results pile up in memory.  Workers ignore Ctrl-C; the interrupt reaches
    this process, which cancels what is queued and shuts the pool down before re-raising.
    """
    if workers <= 1:
        yield from map(function, items)
        return
    limit = in_flight or workers * 4
    pending: deque[Future[list[R]]] = deque()
    executor = ProcessPoolExecutor(max_workers=workers, initializer=_worker_init)
    try:
        for group in _chunks(items, max(1, chunk)):
            pending.append(executor.submit(_apply, function, group))
            if len(pending) >= limit:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()
        executor.shutdown(wait=True, cancel_futures=True)


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    group: list[T] = []
    for item in items:
        group.append(item)
        if len(group) == size:
            yield group
            group = []
    if group:
        yield group


def _apply(function: Callable[[T], R], group: list[T]) -> list[R]:
    """Run in a worker: one chunk, results in order."""
    return [function(item) for item in group]


def _worker_init() -> None:
    """Let the parent handle Ctrl-C, and load the parser once per worker rather than per task."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    import newsmodel.extract  # noqa: F401


def resolve_workers(value: str | int) -> int:
    """``auto`` is the number of usable cores; otherwise a positive integer."""
    if isinstance(value, int):
        count = value
    elif value == "auto":
        try:
            count = len(os.sched_getaffinity(0))
        except AttributeError:  # pragma: no cover - not on Linux
            count = os.cpu_count() or 1
    else:
        try:
            count = int(value)
        except ValueError:
            raise InputError(f"--workers takes a number or 'auto', not {value!r}") from None
    if count < 1:
        raise InputError(f"--workers must be at least 1, not {count}")
    return count


# --------------------------------------------------------------------------- writing


def write_atomic(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Write ``data`` to ``path`` through a hidden temporary file in the same folder.

    The rename is atomic on POSIX and Windows, so readers (and ``--skip-existing``) see either
    the old file or the whole new one.  On any error or interrupt the temporary file is removed.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = _temporary(path)
    try:
        with temporary.open("wb") as handle:
            if isinstance(data, bytes):
                handle.write(data)
            else:
                for chunk in data:
                    handle.write(chunk)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


class AtomicWriter:
    """A file written piece by piece and renamed into place only by :meth:`commit`.

    For one output gathering a whole batch (JSON Lines): results are appended as they come,
    and an interrupted run removes the temporary file instead of leaving half a batch.
    """

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.temporary = _temporary(path)
        self._handle = self.temporary.open("wb")

    def write(self, data: bytes) -> None:
        self._handle.write(data)

    def commit(self) -> None:
        self._handle.close()
        os.replace(self.temporary, self.path)

    def abort(self) -> None:
        self._handle.close()
        self.temporary.unlink(missing_ok=True)


def _temporary(path: Path) -> Path:
    """A hidden name next to ``path``, unique across processes and threads (Dask runs both)."""
    return path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")


def output_path(folder: Path, relative: PurePath, extension: str) -> Path:
    """Where the output of the input at ``relative`` (see :class:`Input`) goes under ``folder``."""
    return folder / relative.parent / f"{relative.name}.{extension}"


__all__ = [
    "TEXT_SUFFIXES",
    "AtomicWriter",
    "Checked",
    "Input",
    "Result",
    "Summary",
    "convert_one",
    "count_inputs",
    "describe",
    "iter_inputs",
    "output_path",
    "read_articles",
    "read_bytes",
    "resolve_workers",
    "run",
    "validate_one",
    "write_atomic",
]
