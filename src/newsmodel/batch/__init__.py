"""Many files at a time: pure, picklable functions that turn one input into bytes, and a runner.

The unit of work is :func:`convert_one` (or :func:`validate_one`): a path or bytes in, a
:class:`Result` out.  It never raises for a bad input: the problem comes back as
``Result.error``, one line, so a batch of a million files goes on past a broken one and the
caller decides what a failure means.  Because the functions are module-level and their
arguments are plain data, they run unchanged in a process pool, on a Dask cluster
(:mod:`newsmodel.dask`) or in a plain loop.

:func:`run` streams work through a process pool with a bounded number of tasks in flight, so
memory stays flat whatever the batch size, and yields results in input order as they finish.
:func:`iter_inputs` walks files and folders lazily for the same reason, and names each input's
output so that no two inputs ever share one (see :class:`Input`).  Only regular files are read,
and never more than :data:`MAX_INPUT_BYTES`: a FIFO, a device or a sparse terabyte cannot block
or exhaust a batch.

Output files are written by :func:`write_atomic` (temporary file in the same folder, then
``os.replace``), so an interrupted run never leaves a half-written output under its final name.
"""

from __future__ import annotations

import traceback
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from newsmodel.batch.files import AtomicWriter, output_path, remove_stale_temporaries, write_atomic
from newsmodel.batch.inputs import (
    MAX_INPUT_BYTES,
    NOT_A_DOCUMENT,
    NOT_A_FILE,
    STDIN,
    TEXT_SUFFIXES,
    Input,
    check_sources,
    count_inputs,
    iter_inputs,
    read_bytes,
    read_stdin,
)
from newsmodel.batch.pool import WorkerError, resolve_workers, run
from newsmodel.errors import InputError, NewsmodelError

if TYPE_CHECKING:
    from newsmodel.models import Article
    from newsmodel.validation import Report


@dataclass(frozen=True, slots=True)
class Result:
    """What became of one input: ``outputs`` (format -> bytes) or one-line ``error``.

    ``articles`` holds the parsed articles only when the caller asked for them
    (``keep_articles=True``), for outputs that gather many inputs into one document.
    ``warnings`` are what the user should hear about the input at once (they are in the
    articles' ``provenance.warnings`` too): a first line that looks like a date header but is
    not one.
    """

    name: str
    outputs: dict[str, bytes] | None = None
    error: str | None = None
    count: int = 0
    articles: list[Article] | None = None
    relative: PurePath | None = None
    warnings: tuple[str, ...] = ()

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


def read_articles(
    path: str, data: bytes, from_format: str | None = None, *, stem: str | None = None
) -> list[Article]:
    """Text files are parsed; documents in a known format are read.

    ``from_format`` is ``"text"`` or a registered format name; ``None`` treats ``.txt`` files as
    text and sniffs the rest, falling back to text when the bytes look like no known format
    (but not when they are a feed newsmodel recognises and does not read, such as RSS).
    """
    return _read(path, data, from_format, stem=stem)[0]


def _read(
    path: str, data: bytes, from_format: str | None = None, *, stem: str | None = None
) -> tuple[list[Article], list[str]]:
    """The articles, and the warnings about the input itself that a user should see at once
    (a first line that is almost a date header)."""
    from newsmodel.errors import FormatError
    from newsmodel.sniff import detect, unsupported

    name = "stdin" if path == STDIN else Path(path).name
    stem = stem or ("stdin" if path == STDIN else Path(path).stem)
    if from_format is None:
        if path.lower().endswith(TEXT_SUFFIXES):
            from_format = "text"
        else:
            try:
                from_format = detect(data, name=name)
            except FormatError:
                if unsupported(data):
                    raise
                from_format = "text"  # not a structured document: parse it as article text
    if from_format == "text":
        from newsmodel.extract import parse_text
        from newsmodel.extract.source import decode, header_warning

        text = decode(data, where=stem)
        article = parse_text(text, source_id=stem)
        provenance = article.provenance.model_copy(update={"source": name})
        warning = header_warning(text)
        return [article.model_copy(update={"provenance": provenance})], [warning] if warning else []
    from newsmodel.formats import loads

    return loads(data, from_format, source=name), []


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
        articles, warnings = _read(
            item.name if item.path else STDIN, data, from_format, stem=item.stem
        )
        outputs = {
            name: _dump(articles, name, (options or {}).get(name, {}), many) for name in formats
        }
    except NewsmodelError as error:
        return Result(item.name, error=describe(error, item))
    except Exception as error:  # a bug must not stop the batch: it is reported, not hidden
        return Result(item.name, error=_bug(error, debug))
    return Result(
        item.name,
        outputs=outputs,
        count=len(articles),
        articles=articles if keep_articles else None,
        relative=item.relative,
        warnings=tuple(warnings),
    )


def validate_one(
    item: Input | str | bytes,
    format: str | None = None,
    *,
    debug: bool = False,
    version: str | None = None,
) -> Checked:
    """Validate one input (format detected unless given); unreadable is ``Checked.error``.
    ``version`` is the ninjs version ninjs documents are validated against."""
    item = _as_input(item)
    from newsmodel.validation import validate

    try:
        data = read_bytes(item)
        return Checked(item.name, report=validate(data, format, source=item.name, version=version))
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
                place = where[len(alias) :]
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


__all__ = [
    "MAX_INPUT_BYTES",
    "NOT_A_DOCUMENT",
    "NOT_A_FILE",
    "STDIN",
    "TEXT_SUFFIXES",
    "AtomicWriter",
    "Checked",
    "Input",
    "Result",
    "Summary",
    "WorkerError",
    "check_sources",
    "convert_one",
    "count_inputs",
    "describe",
    "iter_inputs",
    "output_path",
    "read_articles",
    "read_bytes",
    "read_stdin",
    "remove_stale_temporaries",
    "resolve_workers",
    "run",
    "validate_one",
    "write_atomic",
]
