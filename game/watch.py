"""Noticing that a scene file was saved while the game runs (hot reload), by polling: no threads.

`SceneWatcher.changed(now)` looks at the scene folder at most every `POLL_SECONDS`
(the names, sizes and modification times of its `*.yaml` and `*.yml` files, at
most `MAX_WATCHED` of them) and says whether anything differs from the last look.
A save is noticed within `POLL_SECONDS` plus a frame, well inside half a second.
"""

from __future__ import annotations

import os
from pathlib import Path

#: How often the scene folder is looked at, in seconds.
POLL_SECONDS = 0.25
#: A folder with more scene files than this is watched by its first ones only (bounded work per look).
MAX_WATCHED = 2000

Signature = tuple[tuple[str, int, int], ...]


def signature(folder: Path) -> Signature:
    """(name, size, mtime_ns) of each scene file in `folder`, sorted; () when it cannot be read."""
    found: list[tuple[str, int, int]] = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.endswith((".yaml", ".yml")) and len(found) < MAX_WATCHED:
                    try:
                        info = entry.stat()
                    except OSError:
                        continue
                    found.append((entry.name, info.st_size, info.st_mtime_ns))
    except OSError:
        return ()
    return tuple(sorted(found))


class SceneWatcher:
    def __init__(self, folder: Path, now: float) -> None:
        self.folder = folder
        self.seen = signature(folder)
        self.next_look = now + POLL_SECONDS

    def changed(self, now: float) -> bool:
        """Whether a scene file was saved, added or removed since the last look (looks only when due)."""
        if now < self.next_look:
            return False
        self.next_look = now + POLL_SECONDS
        current = signature(self.folder)
        if current == self.seen:
            return False
        self.seen = current
        return True
