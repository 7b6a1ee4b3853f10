"""The one rule for every file a game names: it is inside the game's folder, or one of the engine's own.

A game folder may come from a stranger. Every picture, sound, voice and font
it names (in its scenes, in a `{sound ...}` cue, in game.yaml) is found by
`game.script.assets`, which asks here first: a name may not be an absolute
path nor climb with `..`, and the file found may not be a link (or lie in a
linked folder) that leads out of the folder it was looked for in. The
engine's own files (art/ui, art/fonts, audio/ui_*) are trusted: they are
looked for by name only. A refusal is a `Refused` (a ValueError) whose words
say why; `check` reports it at the writer's file:line:col and the game,
should a file change after `check`, refuses it with a notice and plays on.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath, PureWindowsPath


class Refused(ValueError):
    """A path a game names that leads out of its folder; the text says why, for the writer or the player."""


def check_name(name: str) -> None:
    """Refuse a name that is an absolute path or climbs out of its folder with `..` (nothing is looked at)."""
    if "\x00" in name:
        raise Refused(f"{_quoted(name)} holds a NUL character, which no file name may")
    if PurePosixPath(name).is_absolute() or PureWindowsPath(name).anchor:
        raise Refused(f"{_quoted(name)} is an absolute path, and a game may only use the files in its own folder")
    if ".." in name.replace("\\", "/").split("/"):
        raise Refused(f"{_quoted(name)} climbs out of its folder with '..', and a game may only use the files in its own folder")


def inside(root: Path, path: Path) -> Path:
    """`path` (below `root`), when following its links keeps it inside `root`; raises `Refused`."""
    real_root = os.path.realpath(root)
    real = os.path.realpath(path)
    if real != real_root and not real.startswith(real_root.rstrip(os.sep) + os.sep):
        raise Refused(f"{_relative(path, root)} is a link that leads out of the game folder (to {real}), and a game may only use the files in its own folder")
    return path


def game_file(root: Path, name: str) -> Path:
    """`root / name`, checked by both rules; raises `Refused`."""
    check_name(name)
    return inside(root, root / name)


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _quoted(name: str) -> str:
    """The name as a message shows it, cut when absurdly long."""
    return repr(name if len(name) <= 80 else name[:77] + "...")
