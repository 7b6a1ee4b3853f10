"""Test doubles for self-voicing: an engine that records what it would say, and a wait for quiet."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from game.speech import POLL, SelfVoicing, SpeechError


def wait_until_quiet(voice: SelfVoicing, timeout: float) -> bool:
    """Block until every line has been read (or `timeout` seconds pass); True if it fell quiet."""
    deadline = time.monotonic() + timeout
    while not voice.quiet:
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.002)
    return True


class RecordingEngine:
    """The fake engine: records what would be said, in order, and what was cut short.

    `hold` makes each line "last" until it is interrupted or `release()` is called,
    so tests can interrupt a line mid-reading."""

    name = "recording"

    def __init__(self, *, hold: bool = False) -> None:
        self.spoken: list[str] = []
        self.interrupted: list[str] = []
        self.rates: list[float] = []
        self.languages: list[str] = []
        self.hold = hold
        self.started = threading.Semaphore(0)  # one release for each line begun
        self._release = threading.Event()

    def speak(self, text: str, *, rate: float, stop: threading.Event, language: str = "") -> None:
        self.spoken.append(text)
        self.rates.append(rate)
        self.languages.append(language)
        self.started.release()
        if self.hold:
            while not stop.wait(POLL):
                if self._release.is_set():
                    self._release.clear()
                    return
            self.interrupted.append(text)

    def release(self) -> None:
        """Let the line being held finish normally."""
        self._release.set()

    def to_wav(self, text: str, path: Path, *, rate: float) -> None:
        raise SpeechError("the recording engine makes no sound")
