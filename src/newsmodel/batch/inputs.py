"""Which inputs a batch has: files, folders walked lazily, standard input; and their bytes.

Each input's ``relative`` names its outputs so that no two inputs of one batch share one (see
:class:`Input`).  Only regular files are read, and never more than :data:`MAX_INPUT_BYTES`: a
FIFO, a device or a sparse terabyte cannot block or exhaust a batch.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath

from newsmodel.errors import InputError

TEXT_SUFFIXES = (".txt", ".text")
"""Files with these suffixes are always parsed as article text, never sniffed."""

STDIN = "-"

MAX_INPUT_BYTES = 256 * 1024 * 1024
"""No input is read past this size (the largest any reader accepts); larger ones are refused
from their size alone, before a byte is read."""

NOT_A_FILE = "not a regular file"
"""Why :func:`iter_inputs` leaves a FIFO, a socket, a device or a link to one out of a folder."""

NOT_A_DOCUMENT = "not a document's extension"
"""Why :func:`iter_inputs` leaves a file out when ``suffixes`` is given and it has none of them."""


@dataclass(frozen=True, slots=True)
class Input:
    """One thing to process: a file path, or bytes already read (standard input).

    ``name`` is what messages show (the path as the user gave it or found under a folder);
    ``relative`` is where its outputs go under an output folder, without extension: the input's
    path below the common root of all the sources, so a folder tree is mirrored and two ``x.txt``
    in different folders do not overwrite each other (files named one by one whose names differ
    keep just their names).  Where two inputs in one folder share a stem (``x.txt``, ``x.xml``)
    each keeps its extension (``x.txt``, ``x.xml``), so no two inputs of one batch ever have the
    same ``relative``.
    """

    name: str
    relative: PurePath
    path: str | None = None
    data: bytes | None = None

    @property
    def stem(self) -> str:
        return self.relative.name


def iter_inputs(
    sources: Iterable[str],
    *,
    glob: str = "*",
    suffixes: Iterable[str] | None = None,
    on_skip: Callable[[str, str], None] | None = None,
) -> Iterator[Input]:
    """Expand files, folders (recursively, files matching ``glob``) and ``-`` lazily.

    Folders are walked in sorted order so runs are reproducible; hidden files and folders
    (a leading dot, like the temporary files :func:`write_atomic` uses) are left out, and so are
    links to folders.  In folders, what is not a regular file (a FIFO, a device) and, when
    ``suffixes`` is given, files with none of those extensions are left out too, each passed to
    ``on_skip(name, reason)`` (:data:`NOT_A_FILE`, :data:`NOT_A_DOCUMENT`).  A path that does
    not exist, or one given twice (also a folder inside another given folder), raises
    :class:`InputError` before anything is processed.
    """
    sources = list(sources)
    check_sources(sources)
    wanted = tuple(suffix.lower() for suffix in suffixes) if suffixes is not None else None
    files = [source for source in sources if source != STDIN and not Path(source).is_dir()]
    names = _output_names([Path(source) for source in files])
    flat = [*names.values(), *(["stdin"] if STDIN in sources else [])]
    root = (
        None
        if len(files) + (STDIN in sources) == len(sources) and len(set(flat)) == len(flat)
        else _common_root(sources)
    )
    for source in sources:
        if source == STDIN:
            yield Input(name="stdin", relative=PurePath("stdin"), data=read_stdin())
            continue
        path = Path(source)
        if path.is_dir():
            yield from _walk(path, glob, root or path, wanted, on_skip)
        else:
            yield Input(name=source, relative=_relative(path, names[path], root), path=source)


def check_sources(sources: Sequence[str]) -> None:
    """Every source exists and is given once: no file twice, no folder inside another one."""
    if list(sources).count(STDIN) > 1:
        raise InputError("standard input (-) can be given only once")
    given: dict[str, str] = {}
    for source in sources:
        if source == STDIN:
            continue
        path = Path(source)
        if not path.exists() and not path.is_symlink():
            raise InputError("no such file or folder", where=source)
        real = os.path.realpath(path)
        if real in given:
            raise InputError(
                f"given twice (also as {given[real]})",
                where=source,
                hint="name each file or folder once",
            )
        given[real] = source
    folders = {real for real in given if os.path.isdir(real)}
    for real, source in given.items():
        parent, up = real, os.path.dirname(real)
        while up != parent:
            parent, up = up, os.path.dirname(up)
            if parent in folders:
                raise InputError(
                    f"is inside {given[parent]}, also given: its files would be given twice",
                    where=source,
                    hint="name each file or folder once",
                )


def _common_root(sources: Sequence[str]) -> Path | None:
    """Where outputs are mirrored from: a lone folder itself, else the sources' common folder
    (``None`` for one file or standard input alone, whose output is named by its stem)."""
    paths = [Path(source) for source in sources if source != STDIN]
    if len(sources) == 1 and paths and paths[0].is_dir():
        return paths[0]
    if len(paths) + (STDIN in sources) < 2:
        return None
    folders = [os.path.abspath(path if path.is_dir() else path.parent) for path in paths]
    return Path(os.path.commonpath(folders))


def _relative(path: Path, name: str, root: Path | None) -> PurePath:
    if root is None:
        return PurePath(name)
    parent = os.path.relpath(os.path.abspath(path.parent), os.path.abspath(root))
    return PurePath(parent) / name if parent != "." else PurePath(name)


def _output_names(paths: Sequence[Path]) -> dict[Path, str]:
    """Each file's output name in its folder: its stem, or its whole name where stems collide.

    Whole names are unique in a folder; a stem is kept only while no other file of the same
    folder has that stem or that whole name (``x.txt``, ``x.xml`` and ``x.txt.json`` give
    ``x.txt``, ``x.xml`` and ``x.txt.json``), so no two files share an output.
    """
    by_folder: dict[str, list[Path]] = {}
    for path in paths:
        by_folder.setdefault(os.path.abspath(path.parent), []).append(path)
    names: dict[Path, str] = {}
    for group in by_folder.values():
        whole: set[Path] = set()
        while True:
            stems: dict[str, int] = {}
            for path in group:
                if path not in whole:
                    stems[path.stem] = stems.get(path.stem, 0) + 1
            taken = {path.name for path in whole}
            moved = {
                path
                for path in group
                if path not in whole and (stems[path.stem] > 1 or path.stem in taken)
            }
            if not moved:
                break
            whole |= moved
        names.update({path: path.name if path in whole else path.stem for path in group})
    return names


def count_inputs(
    sources: Iterable[str], *, glob: str = "*", suffixes: Iterable[str] | None = None
) -> int:
    """How many inputs :func:`iter_inputs` will yield, without holding them (for progress)."""
    sources = list(sources)
    wanted = tuple(suffix.lower() for suffix in suffixes) if suffixes is not None else None
    total = 0
    for source in sources:
        path = Path(source)
        if source != STDIN and path.is_dir():
            total += sum(1 for _ in _walk(path, glob, path, wanted, None))
        else:
            total += 1
    return total


def _walk(
    folder: Path,
    glob: str,
    root: Path,
    suffixes: tuple[str, ...] | None,
    on_skip: Callable[[str, str], None] | None,
) -> Iterator[Input]:
    with os.scandir(folder) as listing:
        entries = sorted(
            (entry for entry in listing if not entry.name.startswith(".")),
            key=lambda entry: entry.name,
        )
    files: list[Path] = []
    for entry in entries:
        path = folder / entry.name
        if entry.is_dir(follow_symlinks=False):
            continue
        if not PurePath(entry.name).match(glob) and not path.relative_to(root).match(glob):
            continue
        regular = entry.is_file()
        if not regular and entry.is_symlink() and entry.is_dir():
            continue  # a link to a folder: not followed, as os.walk does
        if not regular and not (entry.is_symlink() and not path.exists()):
            if on_skip is not None:
                on_skip(str(path), NOT_A_FILE)
            continue  # a dangling link is kept: reading it says "cannot read"
        if suffixes is not None and not entry.name.lower().endswith(suffixes):
            if on_skip is not None:
                on_skip(str(path), NOT_A_DOCUMENT)
            continue
        files.append(path)
    names = _output_names(files)
    for path in files:
        yield Input(name=str(path), relative=_relative(path, names[path], root), path=str(path))
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(folder / entry.name, glob, root, suffixes, on_skip)


def read_stdin() -> bytes:
    """Standard input, at most :data:`MAX_INPUT_BYTES` of it (a larger one is refused)."""
    import sys

    stream = sys.stdin.buffer
    chunks: list[bytes] = []
    size = 0
    while size <= MAX_INPUT_BYTES:
        chunk = stream.read(min(1 << 20, MAX_INPUT_BYTES + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > MAX_INPUT_BYTES:
        raise InputError(f"standard input is larger than {MAX_INPUT_BYTES} bytes", where="stdin")
    return b"".join(chunks)


def read_bytes(item: Input) -> bytes:
    """The input's bytes; an unreadable file is an :class:`InputError` naming it.

    The file's type and size are checked before it is opened, and again on the open file
    (opened without blocking, so a FIFO swapped in meanwhile cannot hang the batch): only
    a regular file of at most :data:`MAX_INPUT_BYTES` is read, and never past that size.
    """
    if item.data is not None:
        return item.data
    assert item.path is not None
    try:
        _check_regular(os.stat(item.path), item)
        descriptor = os.open(item.path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
        with os.fdopen(descriptor, "rb") as handle:
            _check_regular(os.fstat(handle.fileno()), item)
            data = handle.read(MAX_INPUT_BYTES + 1)
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", where=item.name) from None
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"the file is larger than {MAX_INPUT_BYTES} bytes", where=item.name)
    return data


def _check_regular(status: os.stat_result, item: Input) -> None:
    if stat.S_ISDIR(status.st_mode):
        raise InputError("is a folder, not a file", where=item.name)
    if not stat.S_ISREG(status.st_mode):
        kind = (
            "a FIFO"
            if stat.S_ISFIFO(status.st_mode)
            else "a socket"
            if stat.S_ISSOCK(status.st_mode)
            else "a device"
        )
        raise InputError(
            f"{NOT_A_FILE} ({kind}): not read",
            where=item.name,
            hint="give - to read standard input",
        )
    if status.st_size > MAX_INPUT_BYTES:
        raise InputError(
            f"the file is larger than {MAX_INPUT_BYTES} bytes ({status.st_size})", where=item.name
        )
