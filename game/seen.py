"""The "seen" record: which lines the player has read, across runs, for skip.

Kept in its own file (apart from saves), keyed by the lines' stable ids.
"""

from __future__ import annotations

import json
from pathlib import Path

from game.userdata import read_json, set_aside, write_atomic

FILE_NAME = "seen.json"


class SeenLines:
    """A set of line ids, loaded from and saved to a JSON file."""

    def __init__(self, path: Path, *, warn=print) -> None:
        self.path = path
        self._ids: set[str] = set()
        self._dirty = False
        data = read_json(path, warn=warn)
        if isinstance(data, dict) and isinstance(data.get("seen"), list):
            self._ids = {str(i) for i in data["seen"]}
        elif data is not None:
            set_aside(path, "it does not hold a list of seen lines", warn=warn)

    def __contains__(self, line_id: object) -> bool:
        return line_id in self._ids

    def __len__(self) -> int:
        return len(self._ids)

    def add(self, line_id: str) -> None:
        if line_id not in self._ids:
            self._ids.add(line_id)
            self._dirty = True

    def save(self) -> None:
        """Write the record if it changed since the last save."""
        if self._dirty:
            write_atomic(self.path, json.dumps({"seen": sorted(self._ids)}, indent=0))
            self._dirty = False
