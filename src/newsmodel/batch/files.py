"""Outputs written atomically: a hidden temporary file in the target folder, then a rename.

An interrupted run never leaves a half-written output under its final name; the temporary
files a killed run (``kill -9``) leaves behind are recognised by their name and removed by
:func:`remove_stale_temporaries`.
"""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Iterable
from contextlib import suppress
from pathlib import Path, PurePath


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
        """Remove the temporary file; a close that fails (the disk is full) changes nothing."""
        with suppress(OSError):
            self._handle.close()
        self.temporary.unlink(missing_ok=True)


_TEMPORARY = re.compile(r"^\..+\.(?P<pid>\d+)\.[0-9a-f]{8}\.tmp$")


def _temporary(path: Path) -> Path:
    """A hidden name next to ``path``, unique across processes and threads (Dask runs both):
    ``.NAME.PID.RANDOM.tmp``, so a later run can tell whose it is."""
    return path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")


def remove_stale_temporaries(folder: Path) -> int:
    """Remove the temporary files that runs no longer alive left under ``folder``; how many.

    Only names this module makes are touched, and only when the process in the name is gone
    (a run still writing into the same folder keeps its files).
    """
    removed = 0
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in files:
            match = _TEMPORARY.match(name)
            if match and not _running(int(match["pid"])):
                with suppress(FileNotFoundError):
                    (Path(root) / name).unlink()
                    removed += 1
    return removed


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def output_path(folder: Path, relative: PurePath, extension: str) -> Path:
    """Where the output of the input at ``relative`` (see :class:`Input`) goes under ``folder``."""
    return folder / relative.parent / f"{relative.name}.{extension}"
