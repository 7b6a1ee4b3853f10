"""The endings the player has reached, kept across runs (the title shows them), and when the
last playthrough reached its ending (a save made before then is of a finished playthrough, which
the title does not offer to continue).

A newer version may keep more in `endings.json`: fields this version does not
know are kept as they were whenever it writes the file again.
"""

from __future__ import annotations

from datetime import datetime, timezone

from game.userdata import PlayerFiles

FILE_NAME = "endings.json"
MAX_BYTES = 1024 * 1024


def _shape(data: object) -> str | None:
    if not isinstance(data, dict) or not isinstance(data.get("endings"), list) or not all(isinstance(name, str) for name in data["endings"]):
        return 'it does not hold {"endings": [names of endings]}'
    if not isinstance(data.get("finished_at", ""), str):
        return '"finished_at" is not a time'
    return None


class EndingsReached:
    """A set of ending names, in `endings.json`; an unwritable folder keeps them for this run."""

    def __init__(self, files: PlayerFiles) -> None:
        self.files = files
        data = files.read_json(FILE_NAME, max_bytes=MAX_BYTES, shape=_shape)
        self._names: set[str] = set(data["endings"]) if isinstance(data, dict) else set()
        self._others = {key: value for key, value in data.items() if key != "endings"} if isinstance(data, dict) else {}  # a newer version's
        self.finished_at: datetime | None = _when(data.get("finished_at")) if isinstance(data, dict) else None

    def add(self, name: str, *, at: datetime | None = None) -> bool:
        """Remember `name`, reached `at` (default: now); False if it could not be written (it is
        still remembered until quit)."""
        self._names.add(name)
        self.finished_at = (at or datetime.now(timezone.utc)).astimezone()
        return self.files.write_json(FILE_NAME, {**self._others, "endings": sorted(self._names), "finished_at": self.finished_at.isoformat()})

    def names(self) -> set[str]:
        return set(self._names)


def _when(text: object) -> datetime | None:
    if not isinstance(text, str):
        return None
    try:
        return datetime.fromisoformat(text).astimezone()
    except ValueError:
        return None
