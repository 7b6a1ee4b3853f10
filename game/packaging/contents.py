"""What a built app holds: the game's own files, the engine's fallbacks and the licences.

Paths inside the app are relative to its data root (PyInstaller's `sys._MEIPASS`),
which is also the frozen engine's `ROOT`: the engine's `art/ui`, `art/fonts` and
`audio/ui_*` lie there, and a game other than Hub's own in `games/<id>/`, a folder
named after its id so that a game without `id:` keeps the id it has from source.
"""

from __future__ import annotations

import fnmatch
import importlib.metadata
import re
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from game.folder import ENGINE, FILE_NAME, GameFolder

#: The folders of a game the engine loads from (`game.script.assets`); nothing else of a game folder is shipped.
GAME_FOLDERS = ("art/backgrounds", "art/sprites", "art/ui", "art/fonts", "audio", "translations")
#: The engine's own files every game falls back on.
ENGINE_FILES = ("art/ui/*", "art/fonts/*", "audio/ui_*")
#: The engine's files no game folder holds: the interface's words in every language.
INTERFACE_WORDS = ("game/locale/*.po",)
#: Python modules the app never needs: the art generator and its numpy, the developer's tools, the build itself.
LEFT_OUT_MODULES = ("numpy", "game.artwork", "game.bench", "game.starter", "game.packaging", "PyInstaller", "pytest",
                    "_pytest", "hypothesis", "mypy", "tkinter", "setuptools", "pip")
#: The distributions the app runs on, whose licence files travel with it.
LIBRARIES = ("pillow", "PyYAML", "platformdirs", "fonttools", "arabic-reshaper")
LICENCE_NAME = re.compile(r"(licen[cs]e|copying|notice)", re.I)


@dataclass(frozen=True)
class Item:
    source: Path
    target: str  # a POSIX path under the app's data root
    kind: str  # "game", "engine" or "licence": how the build's summary groups it


def is_engine(game: GameFolder) -> bool:
    return game.root.resolve() == ENGINE.resolve()


def game_prefix(game: GameFolder) -> str:
    """Where the game's folder lies in the app: the data root for Hub's own, else `games/<id>/`."""
    return "" if is_engine(game) else f"games/{game.id}/"


def contents(game: GameFolder) -> list[Item]:
    """Every data file of the app, sorted by where it goes."""
    items = _game_files(game)
    if not is_engine(game):
        items += _engine_files()
    items += _engine_files(INTERFACE_WORDS)
    items += _licences()
    return sorted(items, key=lambda item: item.target)


def _game_files(game: GameFolder) -> list[Item]:
    prefix = game_prefix(game)
    found: dict[str, Path] = {}
    if (game.root / FILE_NAME).is_file():
        found[FILE_NAME] = game.root / FILE_NAME
    if game.icon:
        found[PurePosixPath(Path(game.icon).as_posix()).as_posix()] = game.root / game.icon
    for path in _files_under(game.scenes):
        found["scenes/" + path.relative_to(game.scenes).as_posix()] = path
    for folder in GAME_FOLDERS:
        for path in _files_under(game.root / folder):
            found[path.relative_to(game.root).as_posix()] = path
    kept = {name: path for name, path in found.items() if not excluded(name, game.build_exclude)}
    return [Item(path, prefix + name, "game") for name, path in kept.items()]


def excluded(name: str, patterns: tuple[str, ...]) -> bool:
    """`build: exclude:` patterns: `*` crosses folders, and a folder's name leaves out all it holds."""
    return any(fnmatch.fnmatchcase(name, pattern) or name.startswith(pattern.rstrip("/") + "/") for pattern in patterns)


def _files_under(folder: Path) -> list[Path]:
    """Plain files, not hidden ones (`.DS_Store`, editors' backups) nor Python's caches."""
    if not folder.is_dir():
        return []
    return [path for path in folder.rglob("*") if path.is_file()
            and not any(part.startswith(".") or part == "__pycache__" for part in path.relative_to(folder).parts)]


def _engine_files(patterns: tuple[str, ...] = ENGINE_FILES) -> list[Item]:
    items = []
    for pattern in patterns:
        folder, glob = pattern.rsplit("/", 1)
        items += [Item(path, f"{folder}/{path.name}", "engine") for path in sorted((ENGINE / folder).glob(glob)) if path.is_file()]
    return items


def _licences() -> list[Item]:
    """Python's licence and each library's, under `licences/`; the fonts' lie beside them in art/fonts."""
    items = []
    python = Path(sys.base_prefix) / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}" / "LICENSE.txt"
    for candidate in (python, Path(sys.base_prefix) / "LICENSE.txt"):  # the second is where Windows keeps it
        if candidate.is_file():
            items.append(Item(candidate, "licences/python/LICENSE.txt", "licence"))
            break
    for name in LIBRARIES:
        try:
            distribution = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            continue
        for file in distribution.files or []:
            if LICENCE_NAME.search(file.name):
                items.append(Item(Path(str(distribution.locate_file(file))), f"licences/{name}/{file.name}", "licence"))
    return items
