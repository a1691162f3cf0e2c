"""Run a picklable function over many items in a process pool, streaming, in input order.

Bounded: a few chunks per worker are in flight, so memory stays flat whatever the batch size.
Never hangs: a worker that dies stops the run with one :class:`WorkerError`, and workers exit
when their parent dies.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, TypeVar

from newsmodel.errors import InputError, NewsmodelError

if TYPE_CHECKING:
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

T = TypeVar("T")
R = TypeVar("R")


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
    A worker that dies (killed, out of memory, a crash in a C library, a result that cannot
    cross the process boundary) stops the run with one :class:`WorkerError`; a worker whose
    parent dies exits too, so nothing is left running after a ``kill -9``.
    """
    if workers <= 1:
        yield from map(function, items)
        return
    # The pool's modules (multiprocessing and all) load only for a pool: one worker, the
    # default, starts faster without them.
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    limit = in_flight or workers * 4
    pending: deque[Future[list[R]]] = deque()
    executor = ProcessPoolExecutor(max_workers=workers, initializer=_worker_init)
    try:
        for group in _chunks(items, max(1, chunk)):
            pending.append(executor.submit(_apply, function, group))
            if len(pending) >= limit:
                yield from _result(pending.popleft())
        while pending:
            yield from _result(pending.popleft())
    except BrokenProcessPool as error:
        raise WorkerError(_death(error)) from None
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


class WorkerError(NewsmodelError):
    """A worker process died, so the batch cannot go on: the whole run stops with this."""


def _result(future: Future[list[R]]) -> list[R]:
    return future.result()


def _death(error: BrokenProcessPool) -> str:
    """One line: what happened, the cause when the pool knows it, and what to do."""
    cause = str(error.__cause__ or "").strip().strip("'").strip().splitlines()
    reason = f" ({cause[-1].strip()})" if cause else ""
    return (
        f"a worker process died{reason}; the batch was stopped and the outputs written so "
        "far were kept (run with --workers 1 to see which input it was)"
    )


def _apply(function: Callable[[T], R], group: list[T]) -> list[R]:
    """Run in a worker: one chunk, results in order."""
    return [function(item) for item in group]


def _worker_init() -> None:
    """Let the parent handle Ctrl-C and SIGTERM, follow the parent if it dies, and load the
    parser once per worker rather than per task.

    SIGTERM goes back to its default: a worker forked from a command line that turns SIGTERM
    into a clean stop would otherwise inherit that handler, and the pool, which terminates its
    workers with SIGTERM when one of them breaks, would wait for them for ever.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    parent = os.getppid()
    threading.Thread(
        target=_follow_parent, args=(parent,), daemon=True, name="newsmodel-parent-watch"
    ).start()
    import newsmodel.extract  # noqa: F401


def _follow_parent(parent: int, interval: float = 0.5) -> None:
    """Exit when the parent process is gone (``kill -9`` gives it no chance to stop us): an
    orphan is re-parented, so ``getppid`` changes."""
    while os.getppid() == parent:
        time.sleep(interval)
    os._exit(1)


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
