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
    warm_up: bool = True,
) -> float:
    """Items per second: the best of ``repeat`` rounds, each running at least ``min_time``.

    The first call warms up (imports, caches).  ``clock=time.process_time`` counts CPU seconds
    of this process instead of wall time: the rate per core, far less disturbed by other
    processes on a shared machine.
    """
    if warm_up:
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


def interleaved_rates(
    functions: dict[str, Callable[[], Any]],
    *,
    items: int = 1,
    min_time: float = 0.3,
    repeat: int = 3,
    clock: Callable[[], float] = time.process_time,
) -> dict[str, float]:
    """Items per second for each function, measured in alternating rounds (A, B, A, B...),
    the best round of each kept.

    On a shared machine the speed drifts over seconds; alternating rounds gives every
    function the same slow and fast spells, so the ratio of the best rounds is stable where
    two back-to-back measurements are not.
    """
    for function in functions.values():
        function()
    best = dict.fromkeys(functions, 0.0)
    for _ in range(repeat):
        for name, function in functions.items():
            best[name] = max(
                best[name],
                rate(
                    function, items=items, min_time=min_time, repeat=1, clock=clock, warm_up=False
                ),
            )
    return best
