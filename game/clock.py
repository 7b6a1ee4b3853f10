"""The one place time comes from. Tests tick a `ManualClock` by hand."""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    def now(self) -> float:
        """Seconds since some fixed moment; only differences matter."""
        ...


class SystemClock:
    """The real, monotonic time."""

    def now(self) -> float:
        return time.monotonic()


class ManualClock:
    """A clock that moves only when told to."""

    def __init__(self, start: float = 0.0) -> None:
        self.time = start

    def now(self) -> float:
        return self.time

    def tick(self, seconds: float) -> None:
        self.time += seconds
