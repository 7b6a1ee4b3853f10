"""The "seen" record: which lines the player has read, across runs, for skip.

Kept in its own files (apart from saves), keyed by the lines' stable ids:
`seen.json` holds `{"seen": [ids...]}` and `seen.journal` the ids added since,
one JSON string a line.

Why a journal: the record grows with every line ever read (1.5 million ids is
a 50 MB file), and rewriting all of it for each new line cost 1.5 s a line.
Appending one line costs the same at any size, and a crash loses at most the
lines not yet appended. Writing on a timer instead would still rewrite the
whole file every few seconds (a visible stall) and lose more in a crash. Once
the journal holds a tenth as much as the record, the two are folded back into
`seen.json`, atomically: at `close`, and also at start, because a game that is
never quit cleanly (killed, crashed, the machine switched off) never reaches
`close`, and its journal would otherwise grow for ever and be read whole at
every start.
"""

from __future__ import annotations

import json

from game.userdata import PlayerFiles, Unusable

FILE_NAME = "seen.json"
JOURNAL_NAME = "seen.journal"
#: Far above any real record (1.5 million ids is about 50 MB), far below what would exhaust memory.
MAX_BYTES = 256 * 1024 * 1024
#: The journal is folded into the record once it holds this share of it (and at least COMPACT_MIN lines).
COMPACT_SHARE = 0.1
COMPACT_MIN = 1000


def _is_record(value: object) -> str | None:
    if not isinstance(value, dict) or not isinstance(value.get("seen"), list):
        return 'it does not hold {"seen": [a list of line ids]}'
    return None


class SeenLines:
    """A set of line ids, kept in the player's files; `save()` writes only what was added."""

    def __init__(self, files: PlayerFiles) -> None:
        self.files = files
        self._ids: set[str] = set()
        self._pending: list[str] = []  # added, not yet in the journal
        self._journalled = 0  # lines in the journal
        self._load_record()
        self._load_journal()
        if self._journal_is_long():
            self.compact()  # the last run did not close cleanly (see the module's note)

    def __contains__(self, line_id: object) -> bool:
        return line_id in self._ids

    def __len__(self) -> int:
        return len(self._ids)

    def add(self, line_id: str) -> None:
        if not isinstance(line_id, str):
            raise TypeError(f"a line id is a string, not {line_id!r}")
        if line_id not in self._ids:
            self._ids.add(line_id)
            self._pending.append(line_id)

    def save(self) -> bool:
        """Append the lines added since the last save to the journal; False if they could not be written."""
        if not self._pending:
            return True
        text = "".join(json.dumps(line_id) + "\n" for line_id in self._pending)
        if not self.files.append_text(JOURNAL_NAME, text):
            return False  # kept in memory, tried again at the next save
        self._journalled += len(self._pending)
        self._pending.clear()
        return True

    def close(self) -> bool:
        """Save, and fold a long journal back into the record (at quit, where a pause is not seen)."""
        saved = self.save()
        if self._journal_is_long():
            saved = self.compact() and saved
        return saved

    def _journal_is_long(self) -> bool:
        return self._journalled >= max(COMPACT_MIN, COMPACT_SHARE * len(self._ids))

    def compact(self) -> bool:
        """Write every id to `seen.json` (atomically), then empty the journal."""
        if not self.files.write_json(FILE_NAME, {"seen": sorted(self._ids)}):
            return False
        self._pending.clear()
        self._journalled = 0
        return self.files.remove(JOURNAL_NAME)

    def _load_record(self) -> None:
        data = self.files.read_json(FILE_NAME, max_bytes=MAX_BYTES, shape=_is_record)
        if not isinstance(data, dict):  # None: no record (`_is_record` lets only a table through)
            return
        self._ids = {item for item in data["seen"] if isinstance(item, str)}
        wrong = next((item for item in data["seen"] if not isinstance(item, str)), self)
        if wrong is not self:
            # Never turned into ids ("1", "None"): the file is set aside, the real ids in it are kept.
            self.files.set_aside(FILE_NAME, f"its list of seen lines holds {json.dumps(wrong)}, which is not a line id")
            self._pending = sorted(self._ids)

    def _load_journal(self) -> None:
        try:
            data = self.files.read_bytes(JOURNAL_NAME, max_bytes=MAX_BYTES)
        except Unusable as unusable:
            self.files.reject(JOURNAL_NAME, unusable)
            return
        if data is None:
            return
        *lines, _torn = data.split(b"\n")  # after the last newline: nothing, or a line a crash cut short
        good, bad = [], 0
        for line in lines:
            try:
                line_id = json.loads(line)
            except ValueError:
                line_id = None
            if isinstance(line_id, str):
                good.append(line_id)
            else:
                bad += 1
        self._ids.update(good)
        self._journalled = len(good)
        if bad:
            self.files.set_aside(JOURNAL_NAME, f"{bad} of its lines are not line ids")
            self._pending += good  # the good ones go into a fresh journal
            self._journalled = 0
