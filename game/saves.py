"""Save slots: a playthrough kept in a file, with a thumbnail beside it.

A save is plain JSON (loading it runs no code), in `saves/NAME.json` in the
player's data folder, with the picture of the game screen at that moment in
`saves/NAME.png`; both written atomically. It holds, in this order:

    {"format": 3, "minimum_format": 3, "game": "hub",
     "saved_at": "2026-11-25T10:40:00.123456+00:00",
     "speaker": "Jack" or null, "words": "the first words of the line",
     "bytes": 123456,
     "playthrough": {...}}          # every beat passed through (game.resume.encode)

`format` is the version that wrote it, and the one version of everything in it
(the states inside have none of their own); `minimum_format` the oldest version
that can still read it. Older formats still load: format 1 wrote each beat's
whole state, and formats 1 and 2 kept a pending `call:` by the step index it
returns to (from format 3, by its site: see `game.stable_ids`).

The Load page shows sixty slots at once, and a long playthrough is hundreds of
kilobytes, so a slot is shown from its header alone: the fields before
`playthrough` are written on the file's first line, and `bytes` is the length of
everything after that line. `info` reads only the first few kilobytes, and
trusts them when the first line is such a header and the file is exactly as long
as it says (a truncated or rewritten file is not); any other file is read and
checked whole, as `load` always does. There is no second file to fall out of
step with the save. Damage inside the playthrough that leaves the length alone
is found by `load`, and from then on the slot shows it.

A file that is corrupt, truncated, from another game or from a newer version
shows as an unreadable slot with the reason; it is never deleted (only the
player's own Delete removes a save) and never a crash.

Slots: pages of six ("1-1" to "10-6"), one quick save ("quick") and rotating
autosaves ("auto-1" to "auto-3", the oldest replaced first).
"""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from game.limits import readable
from game.playthrough import Playthrough, Seen
from game.script.model import Choice, Ending, Line, Story
from game.userdata import PlayerFiles, Unusable, json_bytes

FORMAT = 3
MINIMUM_FORMAT = 3  # written into each save: the oldest version that can read it (format 2 read calls as step indexes)
OLDEST_READ = 1  # the oldest format this version reads
HEADER_BYTES = 4096  # read by `info`: far more than a header's first line
PAGES = 10
SLOTS_PER_PAGE = 6
QUICK = "quick"
AUTOSAVES = ("auto-1", "auto-2", "auto-3")
FOLDER = "saves"
MAX_BYTES = 64 * 1024 * 1024  # a 10,000-line playthrough is about 300 KB (format 1: 1.5 MB)
WORDS = 60  # characters of the line shown on a slot


class SaveError(Exception):
    """A save that cannot be loaded; `reason` says why, in words for the player."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class SlotInfo:
    """What a slot shows: empty, unreadable (with the reason), or a save's time, speaker, words and picture."""

    name: str
    filled: bool
    readable: bool
    reason: str | None = None
    saved_at: datetime | None = None
    speaker: str | None = None
    words: str = ""
    thumbnail: Path | None = None


@dataclass(frozen=True)
class Loaded:
    playthrough: Playthrough
    notice: str | None  # set when the story changed and the player resumes earlier than they saved


class SaveStore:
    """The save slots of one game, in its player's files."""

    def __init__(self, files: PlayerFiles, story: Story, game_id: str, *, now: Callable[[], datetime] = datetime.now) -> None:
        self.files = files
        self.story = story
        self.game_id = game_id
        self._now = now
        self._headers: dict[str, tuple[tuple[int, int], SlotInfo]] = {}  # by name, with the file's version read

    # -- slots ---------------------------------------------------------------------
    def slot_names(self, page: int) -> list[str]:
        """The six slots of `page` (1 to PAGES): "1-1" .. "1-6"."""
        if not 1 <= page <= PAGES:
            raise ValueError(f"there are pages 1 to {PAGES}, not {page}")
        return [f"{page}-{number}" for number in range(1, SLOTS_PER_PAGE + 1)]

    def all_names(self) -> list[str]:
        """Every slot: the pages', then the quick save, then the autosaves."""
        return [name for page in range(1, PAGES + 1) for name in self.slot_names(page)] + [QUICK, *AUTOSAVES]

    def info(self, name: str) -> SlotInfo:
        """What the slot holds; read once and kept until its file changes."""
        self._check_name(name)
        key = self.files.version(self._file(name))
        if key is None:
            return SlotInfo(name, filled=False, readable=False)
        cached = self._headers.get(name)
        if cached and cached[0] == key:
            return cached[1]
        try:
            info = self._info_from(name, self._header(name))
        except SaveError as error:
            info = self._unreadable(name, error.reason)
        self._headers[name] = (key, info)
        return info

    def newest(self, *, after: datetime | None = None) -> str | None:
        """The readable save of any kind saved last (what Continue loads), or None; with `after`,
        only one saved later than that (the title passes when the last ending was reached)."""
        readable = [info for info in map(self.info, self.all_names()) if info.readable and info.saved_at and (after is None or info.saved_at > after)]
        if not readable:
            return None
        return max(readable, key=_saved_time).name

    # -- saving -----------------------------------------------------------------
    def save(self, name: str, playthrough: Playthrough, *, thumbnail_png: bytes) -> bool:
        """Save into slot `name` (overwriting it), the picture beside it; False when it could not be written."""
        self._check_name(name)
        self._headers.pop(name, None)
        speaker, words = _shown(self.story, playthrough)
        header = {"format": FORMAT, "minimum_format": MINIMUM_FORMAT, "game": self.game_id, "saved_at": self._now().astimezone().isoformat(), "speaker": speaker, "words": words}
        data = _with_header(header, playthrough.to_json())
        # The save first (atomically: when it fails the slot keeps its old save whole), then its picture,
        # so a failed save keeps its old picture too. A picture that cannot be written is removed rather
        # than left showing another moment.
        if not self.files.write_bytes(self._file(name), data):
            return False
        picture = self._picture(name)
        pictured = self.files.write_bytes(picture, thumbnail_png) if thumbnail_png else self.files.remove(picture)
        if not pictured:
            self.files.remove(picture)
        return pictured

    def quick_save(self, playthrough: Playthrough, *, thumbnail_png: bytes) -> bool:
        return self.save(QUICK, playthrough, thumbnail_png=thumbnail_png)

    def autosave(self, playthrough: Playthrough, *, thumbnail_png: bytes) -> bool:
        """Save into the autosave slot that is empty or oldest; an unreadable one is kept, never written over."""
        usable = [self.info(name) for name in AUTOSAVES]
        usable = [info for info in usable if not info.filled or info.readable]
        if not usable:
            return False
        oldest = min(usable, key=_saved_time)
        return self.save(oldest.name, playthrough, thumbnail_png=thumbnail_png)

    def delete(self, name: str) -> bool:
        """Remove the slot's save and picture (the player asked, and confirmed)."""
        self._check_name(name)
        self._headers.pop(name, None)
        return self.files.remove(self._file(name)) and self.files.remove(self._picture(name))

    # -- loading ----------------------------------------------------------------
    def load(self, name: str, *, seen: Seen | None = None) -> Loaded:
        """The playthrough saved in `name`; raises SaveError with the reason when it cannot be loaded."""
        self._check_name(name)
        key = self.files.version(self._file(name))
        try:
            with _no_collection():
                data = self._read(name)
                try:
                    playthrough, notice = Playthrough.from_json(self.story, data["playthrough"], save_format=data["format"], seen=seen)
                except ValueError as error:
                    raise SaveError(f"it does not fit this story: {error}") from None
        except SaveError as error:
            if key is not None:  # the slot shows why from now on (its header alone may have looked fine)
                self._headers[name] = (key, self._unreadable(name, error.reason))
            raise
        return Loaded(playthrough, notice)

    def quick_load(self, *, seen: Seen | None = None) -> Loaded:
        return self.load(QUICK, seen=seen)

    # -- the files -----------------------------------------------------------------
    def _read(self, name: str) -> dict[str, Any]:
        """The whole save in `name`, checked; raises SaveError."""
        try:
            data = self.files.load_json(self._file(name), max_bytes=MAX_BYTES, shape=self._problem)
        except Unusable as unusable:
            raise SaveError(unusable.reason) from None
        if data is None:
            raise SaveError("the slot is empty")
        assert isinstance(data, dict)  # `_problem` lets only a table through
        return data

    def _header(self, name: str) -> dict[str, Any]:
        """The save's header fields, from its first line when that can be trusted, else from the whole file; raises SaveError."""
        try:
            found = self.files.read_start(self._file(name), max_bytes=HEADER_BYTES)
        except Unusable as unusable:
            raise SaveError(unusable.reason) from None
        header = _header_line(*found) if found else None
        if header is None:
            return self._read(name)  # an older format, or a file not as this version writes it: the whole file decides
        problem = self._header_problem(header)
        if problem:
            raise SaveError(problem)
        return header

    def _problem(self, data: object) -> str | None:
        """What is wrong with a whole save file's contents, if anything."""
        problem = self._header_problem(data)
        if problem is None and not (isinstance(data, dict) and isinstance(data.get("playthrough"), dict)):
            return "it holds no playthrough"
        return problem

    def _header_problem(self, data: object) -> str | None:
        """What is wrong with a save's header fields (format, game, time, words), if anything."""
        if not isinstance(data, dict) or data.get("format") is None or data.get("minimum_format") is None:
            return "it is not a save (no format version)"
        if not all(isinstance(data[key], int) and not isinstance(data[key], bool) for key in ("format", "minimum_format")):
            return "its format version is not a number"  # "1" written by hand, say
        if data["minimum_format"] > FORMAT:
            return f"it was made by a newer version of the game (save format {readable(data['format'])}; this one reads up to {FORMAT})"
        if data["format"] < OLDEST_READ:
            return f"it was made by an older version of the game (save format {readable(data['format'])})"
        if data.get("game") != self.game_id:
            return f"it belongs to another game ({data.get('game')!r})"
        if _when(data.get("saved_at")) is None or not isinstance(data.get("words"), str) or not isinstance(data.get("speaker"), (str, type(None))):
            return "its time or words are missing"
        return None

    def _info_from(self, name: str, data: dict[str, Any]) -> SlotInfo:
        return SlotInfo(name, True, True, None, _when(data["saved_at"]), data["speaker"], data["words"], self._thumbnail(name))

    def _unreadable(self, name: str, reason: str) -> SlotInfo:
        return SlotInfo(name, filled=True, readable=False, reason=reason, thumbnail=self._thumbnail(name))

    def _thumbnail(self, name: str) -> Path | None:
        path = self.files.path(self._picture(name))
        return path if path.is_file() else None

    def _check_name(self, name: str) -> None:
        if name not in self.all_names():
            raise ValueError(f"there is no save slot {name!r}")

    @staticmethod
    def _file(name: str) -> str:
        return f"{FOLDER}/{name}.json"

    @staticmethod
    def _picture(name: str) -> str:
        return f"{FOLDER}/{name}.png"


def _with_header(header: dict[str, Any], playthrough: dict[str, Any]) -> bytes:
    """The save file: the header's fields on the first line, with `bytes`, the length of what follows it."""
    rest = b'"playthrough":' + json_bytes(playthrough) + b"}"
    first = json_bytes({**header, "bytes": len(rest)})
    return first[:-1] + b",\n" + rest  # JSON strings never hold a raw newline: the first one ends the header


def _header_line(start: bytes, size: int) -> dict[str, Any] | None:
    """The header on the first line of a file `size` bytes long that begins with `start`, or None when there is none to trust."""
    line, newline, _ = start.partition(b"\n")
    if not newline or not line.endswith(b","):
        return None
    try:
        header = json.loads(line[:-1] + b"}")
    except ValueError:  # not UTF-8, or not JSON
        return None
    if not isinstance(header, dict) or type(header.get("bytes")) is not int or header["bytes"] != size - len(line) - 1:
        return None  # truncated, grown, or not a header
    return header


def _saved_time(info: SlotInfo) -> float:
    """When the slot's save was made, as a number (a slot with no time counts as the oldest)."""
    return info.saved_at.timestamp() if info.saved_at else float("-inf")


def _when(text: object) -> datetime | None:
    if not isinstance(text, str):
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.astimezone()


def _shown(story: Story, playthrough: Playthrough) -> tuple[str | None, str]:
    """The speaker's name and the first words of what the player is looking at."""
    beat = playthrough.current
    stop = beat.stop
    speaker = story.shown_name(beat.speaker)
    if isinstance(stop, Line):
        return speaker, first_words(beat.text)
    if isinstance(stop, Choice):  # a spoken prompt is the speaker's words
        return (speaker, first_words(beat.text)) if beat.text else (None, first_words(" / ".join(option.text for option in beat.options)))
    assert isinstance(stop, Ending)
    return None, first_words(f"Ending: {beat.text}")


def first_words(text: str, limit: int = WORDS) -> str:
    """`text` cut to about `limit` characters at a word's end, with an ellipsis when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(",;:.") + "…"


@contextmanager
def _no_collection() -> Iterator[None]:
    """Pause the cycle collector while a large save is parsed and rebuilt: it would walk the
    fresh objects again and again to find no cycles, about a third of the loading time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
