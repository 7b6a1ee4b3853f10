"""The player's own files: where they live, writing them safely, setting aside broken ones.

Files are written atomically (temporary file, flush, fsync, rename), so a crash
mid-write leaves the previous file whole. A file that cannot be read is renamed
aside (`NAME.broken-N`) with a warning, never a crash, and the game goes on
without it.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path


def data_dir(game_id: str = "hub") -> Path:
    """The per-user folder for a game's files (`HUB_DATA_DIR` overrides it); other games than Hub use `games/<id>/` in it."""
    if game_id != "hub":
        return data_dir() / "games" / game_id
    if override := os.environ.get("HUB_DATA_DIR"):
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", Path.home()))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "hub"


def write_atomic(path: Path, text: str) -> None:
    """Replace `path` with `text` so that it is either wholly old or wholly new."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def read_json(path: Path, *, warn=print) -> object | None:
    """The JSON in `path`, or None when it is missing or broken (then it is set aside)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as error:
        warn(f"warning: cannot read {path}: {error}; going on without it")
        return None
    except UnicodeDecodeError:
        set_aside(path, "it is not UTF-8 text", warn=warn)
        return None
    try:
        data = json.loads(text)
    except ValueError as error:
        set_aside(path, f"it is not valid JSON ({error})", warn=warn)
        return None
    if data is None:
        set_aside(path, "it holds no data (null)", warn=warn)
    return data


def set_aside(path: Path, why: str, *, warn=print) -> Path:
    """Rename a broken file out of the way, keeping it for the player to inspect."""
    for number in range(1, 1000):
        aside = path.with_name(f"{path.name}.broken-{number}")
        if not aside.exists():
            break
    os.replace(path, aside)
    warn(f"warning: {path} could not be used: {why}. It was moved to {aside.name} and a fresh one will be started.")
    return aside
