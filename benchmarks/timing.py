"""The one timing loop every benchmark uses, so rates are measured the same way everywhere."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import Any


def rate(
    function: Callable[[], Any],
    *,
    items: int = 1,
    min_time: float = 0.3,
    repeat: int = 3,
    clock: Callable[[], float] = time.perf_counter,
) -> float:
    """Items per second: the best of ``repeat`` rounds, each running at least ``min_time``.

    The first call warms up (imports, caches).  ``clock=time.process_time`` counts CPU seconds
    of this process instead of wall time: the rate per core, far less disturbed by other
    processes on a shared machine.
    """
    function()
    best = 0.0
    for _ in range(repeat):
        gc.collect()
        calls, started = 0, clock()
        while True:
            function()
            calls += 1
            elapsed = clock() - started
            if elapsed >= min_time:
                break
        best = max(best, calls * items / elapsed)
    return best
