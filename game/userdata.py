"""The player's own files: where they live, writing them safely, setting aside broken ones.

Every read and write of the player's data goes through one `PlayerFiles` per game:
- writes are atomic (temporary file, flush, fsync, rename), so a crash mid-write
  leaves the previous file whole; temporary files left by a killed write are
  removed at the next start;
- where it cannot write (a read-only folder, a folder in the way, a file where the
  folder should be, a full disk) it says so once, returns False and the caller
  keeps what it knows in memory: nothing raises and nothing is deleted;
- reads are bounded in size and only of plain files (a link to /dev/zero or a
  pipe is refused without reading it), and the caller's `shape` check says
  whether the JSON is what it expects (JSON nested past `MAX_JSON_DEPTH` is
  refused first, so no reader recurses into it); anything bad is renamed aside
  (`NAME.broken-N`) with a warning and the game goes on without it.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

import platformdirs

from game.limits import MAX_JSON_DEPTH

#: The project's own game id: its data is kept in the data folder itself.
HUB = "hub"

#: Checks decoded JSON: None when it has the expected shape, else what is wrong with it.
Shape = Callable[[object], "str | None"]


def data_dir(game_id: str = HUB) -> Path:
    """The per-user folder for a game's files.

    `HUB_DATA_DIR` overrides the platform's place: `~/.local/share/hub` (or
    `$XDG_DATA_HOME/hub`) on Linux, `~/Library/Application Support/hub` on
    macOS, `%APPDATA%\\hub` on Windows (roaming, so it follows the player).
    The project's own game keeps its files in that folder itself; any other
    game in `games/<id>/` under it.
    """
    base = Path(os.environ.get("HUB_DATA_DIR") or platformdirs.user_data_dir("hub", appauthor=False, roaming=True))
    return base if game_id == HUB else base / "games" / game_id


def json_bytes(data: object) -> bytes:
    """`data` as compact UTF-8 JSON, the way every player's file is written."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def too_deep(value: object, limit: int) -> bool:
    """Whether decoded JSON nests lists and objects more than `limit` deep (walked without recursion)."""
    todo: list[tuple[object, int]] = [(value, 1)]
    while todo:
        item, depth = todo.pop()
        inner = item.values() if isinstance(item, dict) else item if isinstance(item, list) else ()
        for child in inner:
            if isinstance(child, (dict, list)):
                if depth >= limit:
                    return True
                todo.append((child, depth + 1))
    return False


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that it is either wholly old or wholly new; raises OSError."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class Unusable(Exception):
    """A file that is there but cannot be used; `reason` says why, in words for the player."""

    def __init__(self, reason: str, *, set_aside: bool = True) -> None:
        super().__init__(reason)
        self.reason = reason
        self.set_aside = set_aside  # False when the trouble is the place, not the file (a folder in the way)


def _reason(error: OSError) -> str:
    if isinstance(error, IsADirectoryError):
        return "it is a folder"
    if isinstance(error, NotADirectoryError):
        return "a file is where its folder should be"
    return error.strerror or str(error)


class PlayerFiles:
    """The files of one game's player, in `folder`; `warn` shows a notice.

    Trouble with the place (cannot read or write there) is said once a run, not
    at every line; a broken file set aside is said each time, naming it.
    """

    def __init__(self, folder: Path, *, warn: Callable[[str], None]) -> None:
        self.folder = folder
        self.warn = warn
        self._troubled = False
        if folder.exists() and not folder.is_dir():
            self._trouble(f"{folder} is a file, not a folder, so nothing can be kept there")
        self._remove_leftovers()

    def path(self, name: str) -> Path:
        return self.folder / name

    # -- reading ---------------------------------------------------------------
    def load_json(self, name: str, *, max_bytes: int, shape: Shape | None = None) -> object | None:
        """The JSON in `name`, or None when there is no such file; raises `Unusable` (nothing set aside)."""
        data = self.read_bytes(name, max_bytes=max_bytes)
        if data is None:
            return None
        try:
            value: object = json.loads(data.decode("utf-8"))
        except UnicodeDecodeError:
            raise Unusable("it is not UTF-8 text") from None
        except ValueError as error:
            raise Unusable(f"it is not valid JSON ({error})") from None
        except RecursionError:  # deeper than Python's own stack: far past MAX_JSON_DEPTH
            raise Unusable(f"it is nested more than {MAX_JSON_DEPTH} levels deep") from None
        if too_deep(value, MAX_JSON_DEPTH):
            raise Unusable(f"it is nested more than {MAX_JSON_DEPTH} levels deep")
        problem = shape(value) if shape else None
        if problem:
            raise Unusable(problem)
        return value

    def read_json(self, name: str, *, max_bytes: int, shape: Shape | None = None) -> object | None:
        """The JSON in `name`, or None when it is missing or unusable (then set aside with a warning)."""
        try:
            return self.load_json(name, max_bytes=max_bytes, shape=shape)
        except Unusable as unusable:
            self.reject(name, unusable)
            return None

    def read_bytes(self, name: str, *, max_bytes: int) -> bytes | None:
        """At most `max_bytes` of a plain file, or None when there is none; raises `Unusable`."""
        found = self.read_start(name, max_bytes=max_bytes + 1)
        if found is None:
            return None
        if len(found[0]) > max_bytes:
            raise Unusable(f"it is larger than {max_bytes:,} bytes")
        return found[0]

    def read_start(self, name: str, *, max_bytes: int) -> tuple[bytes, int] | None:
        """The first `max_bytes` of a plain file and the file's whole size, or None when there is none; raises `Unusable`."""
        path = self.path(name)
        try:
            # Non-blocking, so that opening a pipe does not wait for a writer.
            handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        except (FileNotFoundError, NotADirectoryError):
            return None  # a file where the folder should be was already reported once
        except OSError as error:
            raise Unusable(f"it cannot be read ({_reason(error)})", set_aside=False) from None
        try:
            found = os.fstat(handle)
            if stat.S_ISDIR(found.st_mode):
                raise Unusable("it is a folder", set_aside=False)  # the player's own, perhaps: left alone
            if not stat.S_ISREG(found.st_mode):
                raise Unusable("it is not a plain file")
            with os.fdopen(os.dup(handle), "rb") as file:
                return file.read(max_bytes), found.st_size
        except OSError as error:
            raise Unusable(f"it cannot be read ({_reason(error)})", set_aside=False) from None
        finally:
            os.close(handle)

    def version(self, name: str) -> tuple[int, int] | None:
        """Something that changes whenever `name` is written (its size and time), or None when there is none."""
        try:
            found = os.stat(self.path(name))
        except OSError:
            return None
        return found.st_size, found.st_mtime_ns

    def reject(self, name: str, unusable: Unusable) -> None:
        """Set `name` aside, or (when the place itself is wrong) say once that it cannot be used."""
        if unusable.set_aside:
            self.set_aside(name, unusable.reason)
        else:
            self._trouble(f"{self.path(name)} cannot be used: {unusable.reason}")

    # -- writing ---------------------------------------------------------------
    def write_json(self, name: str, data: object) -> bool:
        """Write `data` as JSON, atomically; False (after one warning) when it cannot be written."""
        return self.write_bytes(name, json_bytes(data))

    def write_bytes(self, name: str, data: bytes) -> bool:
        """Write `data` atomically; False (after one warning) when it cannot be written."""
        try:
            write_atomic(self.path(name), data)
        except OSError as error:
            return self._cannot_write(name, error)
        return True

    def append_text(self, name: str, text: str) -> bool:
        """Add `text` at the end of `name` (a journal); False (after one warning) when it cannot.

        Not synced to disk: a journal's reader ignores a torn last line, and the
        few entries a power cut may lose cost less than a sync on every line.
        """
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle = os.open(self.path(name), os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o666)
            with os.fdopen(handle, "wb") as file:
                file.write(text.encode("utf-8"))
        except OSError as error:
            return self._cannot_write(name, error)
        return True

    def remove(self, name: str) -> bool:
        """Delete `name` (a save the player deleted, a journal folded into its record); True when it is gone."""
        try:
            self.path(name).unlink(missing_ok=True)
        except OSError as error:
            return self._cannot_write(name, error)
        return True

    def _cannot_write(self, name: str, error: OSError) -> bool:
        self._trouble(f"Cannot write {self.path(name)} ({_reason(error)}): playing on, but it will not be kept after you quit")
        return False

    # -- setting aside -----------------------------------------------------------
    def set_aside(self, name: str, why: str) -> None:
        """Rename a broken file out of the way (`NAME.broken-N`), keeping it for the player; never raises."""
        path = self.path(name)
        number = 1
        while os.path.lexists(path.with_name(f"{path.name}.broken-{number}")):
            number += 1
        aside = path.with_name(f"{path.name}.broken-{number}")
        try:
            os.replace(path, aside)
        except OSError as error:
            self.warn(f"{path} could not be used ({why}) and could not be moved aside ({_reason(error)}); going on without it")
            return
        self.warn(f"{path} could not be used ({why}): it was moved to {aside.name} and a fresh one will be started")

    def _trouble(self, text: str) -> None:
        """Say once that the folder is not usable as it should be (the game plays on regardless)."""
        if not self._troubled:
            self._troubled = True
            self.warn(text)

    def _remove_leftovers(self) -> None:
        """Remove `.NAME.*.tmp` files that a write killed midway left behind (here and one folder down)."""
        try:
            folders = [self.folder, *(p for p in self.folder.iterdir() if p.is_dir() and not p.is_symlink())]
        except OSError:
            return
        for folder in folders:
            for leftover in folder.glob(".*.tmp"):
                try:
                    if leftover.is_file():
                        leftover.unlink()
                except OSError:
                    pass  # a read-only folder: they are harmless, and are tried again next start
