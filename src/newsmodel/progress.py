"""A one-line progress bar on standard error: count, rate, time left; silent when not a terminal.

Pipelines and log files must not fill up with carriage returns, so the bar draws only when its
stream is a TTY and the user did not ask for ``--quiet``.  It redraws at most a few times a
second, so a batch of tiny files does not spend its time printing.  No dependency: it is a few
lines of arithmetic.
"""

from __future__ import annotations

import time
from typing import TextIO


class Progress:
    """Count finished items and redraw ``[####....] 120/400 35.2/s 0:08 left`` in place."""

    def __init__(
        self,
        total: int | None,
        stream: TextIO,
        *,
        enabled: bool | None = None,
        label: str = "",
        interval: float = 0.2,
    ) -> None:
        self.total = total
        self.stream = stream
        self.enabled = _is_tty(stream) if enabled is None else enabled
        self.label = label
        self.interval = interval
        self.done = 0
        self.started = time.monotonic()
        self._drawn_at = 0.0
        self._width = 0

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    @property
    def rate(self) -> float:
        elapsed = self.elapsed
        return self.done / elapsed if elapsed > 0 else 0.0

    def advance(self, count: int = 1) -> None:
        self.done += count
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._drawn_at >= self.interval or self.done == self.total:
            self._drawn_at = now
            self._draw(self.render())

    def render(self, width: int = 24) -> str:
        """The bar's text (without control characters), for drawing and for tests."""
        rate = self.rate
        parts = [self.label] if self.label else []
        if self.total:
            filled = min(width, int(width * self.done / self.total))
            parts.append("[" + "#" * filled + "." * (width - filled) + "]")
            parts.append(f"{self.done}/{self.total}")
        else:
            parts.append(str(self.done))
        parts.append(f"{rate:.1f}/s")
        if self.total and rate > 0:
            parts.append(f"{_clock((self.total - self.done) / rate)} left")
        else:
            parts.append(_clock(self.elapsed))
        return " ".join(parts)

    def message(self, text: str) -> None:
        """Print a line (a failed file) above the bar, without tearing the bar."""
        self.clear()
        print(text, file=self.stream, flush=True)
        if self.enabled and self.done:
            self._draw(self.render())

    def clear(self) -> None:
        if self.enabled and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0

    def _draw(self, text: str) -> None:
        padding = " " * max(0, self._width - len(text))
        self.stream.write("\r" + text + padding)
        self.stream.flush()
        self._width = len(text)


def _is_tty(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _clock(seconds: float) -> str:
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


__all__ = ["Progress"]
