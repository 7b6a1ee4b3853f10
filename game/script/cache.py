"""What `check` and start-up remember between runs: files already proven, and the compiled story.

Both live in the platform's cache folder for the game's id (`HUB_CACHE_DIR`
overrides it; never inside the game folder) and are safe to delete. They are
plain JSON (never pickle: a cache copied from a stranger's machine can at worst
describe a wrong story, never run code), written atomically, and untrusted on
read: a file that is damaged, too large, of another engine version or stale is
ignored and rebuilt, never preferred to the source.

- `Proofs`: per file (picture, font, sound) the verdict of loading it in full,
  keyed by its size, modification time and content hash.
- the story cache: the compiled story and its warnings, keyed by every scene
  file's size, time and hash, the game's settings, the listing of its art and
  audio folders (and the engine's), and the engine's version; the files the
  check proved are hashed again before the cached result is believed.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from game import ROOT
from game.gamefolder import GameFolder

#: Bumped when the caches' layout changes (the engine's sources are hashed as well).
CACHE_FORMAT = 1
#: A cache file larger than this is not read (a 100,000-line story's is about 20 MB).
MAX_CACHE_BYTES = 256 * 1024 * 1024
#: The engine's files whose every change makes old caches stale.
ENGINE_SOURCES = ("game/script", "game/gamefolder.py", "game/folder.py", "game/resolver.py", "game/limits.py", "game/media_bounds.py", "game/fonts.py")
#: The modules whose dataclasses a cached story may hold (the only classes a cache can name).
STORY_MODULES = ("game.script.cache", "game.script.model", "game.script.markup", "game.script.expressions", "game.script.problems")

Fingerprint = list[Any]  # [size, mtime_ns, sha256 hex]


def cache_dir(game_id: str) -> Path:
    """The folder of a game's caches: `HUB_CACHE_DIR`, else the platform's user cache folder for Hub."""
    base = os.environ.get("HUB_CACHE_DIR")
    if not base:
        import platformdirs

        base = platformdirs.user_cache_dir("hub", appauthor=False)
    return Path(base) / "games" / game_id


@functools.cache
def engine_version() -> str:
    """A hash of the engine's script sources and the cache format: another engine, another version."""
    digest = hashlib.sha256(f"format {CACHE_FORMAT}".encode())
    if getattr(sys, "frozen", False) or not all((ROOT / name).exists() for name in ENGINE_SOURCES):
        # a built app carries no sources: the executable itself tells one build from another
        info = Path(sys.executable).stat()
        digest.update(f"built {info.st_size} {info.st_mtime_ns}".encode())
        return digest.hexdigest()
    for name in ENGINE_SOURCES:
        path = ROOT / name
        for file in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            digest.update(file.relative_to(ROOT).as_posix().encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()


def fingerprint(path: Path) -> Fingerprint | None:
    """[size, mtime_ns, sha256] of a plain file (read in full), or None when it is not one."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return None
        return [info.st_size, info.st_mtime_ns, hashlib.sha256(path.read_bytes()).hexdigest()]
    except OSError:
        return None


def read_cache(path: Path, parse: Callable[[bytes], Any] = json.loads) -> dict[str, Any] | None:
    """The cache in `path` when it is whole and of this engine; None otherwise (it is then rebuilt)."""
    try:
        if not path.is_file() or path.stat().st_size > MAX_CACHE_BYTES:
            return None
        value = parse(path.read_bytes())
    except (OSError, ValueError, RecursionError, KeyError, TypeError, IndexError):
        return None
    if not isinstance(value, dict) or value.get("engine") != engine_version():
        return None
    return value


def write_cache(path: Path, value: dict[str, Any], tail: list[str] | None = None) -> bool:
    """Write `value` atomically (with the engine's version) as one JSON line, then the `tail` lines
    (JSON each); False when the cache folder cannot be written."""
    from game.userdata import write_atomic

    try:
        head = json.dumps({**value, "engine": engine_version()}, separators=(",", ":"), ensure_ascii=False)
        write_atomic(path, "\n".join([head, *(tail or ())]).encode())
    except (OSError, TypeError, ValueError):
        return False
    return True


class Proofs:
    """What loading each file in full proved (None: usable, else why not), remembered per file."""

    def __init__(self, folder: Path | None) -> None:
        self.path = folder / "proofs.json" if folder else None
        cached = read_cache(self.path) if self.path else None
        entries = cached.get("files") if cached else None
        self.entries: dict[str, list[Any]] = entries if isinstance(entries, dict) else {}
        self.used: dict[str, Fingerprint] = {}  # the files consulted this run, for the story cache
        self.changed = False

    def verdict(self, kind: str, path: Path, check: Callable[[Path], Any]) -> Any:
        """`check(path)`'s answer, taken from the cache when the file is the same to the byte."""
        print_ = fingerprint(path) if self.path else None
        if print_ is None:
            return check(path)
        self.used[str(path)] = print_
        key = f"{kind}:{path}"
        entry = self.entries.get(key)
        if isinstance(entry, list) and len(entry) == 2 and entry[0] == print_:
            return entry[1]
        answer = check(path)
        self.entries[key] = [print_, answer]
        self.changed = True
        return answer

    def save(self) -> None:
        if self.path and self.changed:
            write_cache(self.path, {"files": self.entries})


# -- the story cache -------------------------------------------------------------


def story_key(game: GameFolder, files: list[Path], thorough: bool) -> str:
    """What the compiled story depends on: its scene files (hashed), the game's settings, the art and audio listing."""
    settings = {field.name: str(getattr(game, field.name)) for field in dataclasses.fields(game)}
    scenes = [[str(path), fingerprint(path)] for path in files]
    listing = [_listing(root) for root in dict.fromkeys((game.root, game.engine))]
    text = json.dumps([engine_version(), thorough, settings, scenes, listing], sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def _listing(root: Path) -> list[list[Any]]:
    """Each file under `root`'s art/ and audio/, and its game.yaml: path, size, time (a file added or gone changes it)."""
    found = []
    for top in ("art", "audio"):
        for folder, _, names in os.walk(root / top, followlinks=False):
            for name in sorted(names):
                try:
                    info = os.stat(os.path.join(folder, name))
                except OSError:
                    continue
                found.append([os.path.join(folder, name), info.st_size, info.st_mtime_ns])
    config = root / "game.yaml"
    if config.is_file():
        found.append([str(config), *fingerprint(config)[:3]])  # type: ignore[index]
    return sorted(found)


@dataclasses.dataclass(frozen=True)
class Checked:
    """What `check` says of a story that has no errors: its size, its labels and its warnings."""

    steps: int
    lines: int
    labels: tuple[str, ...]
    warnings: list[Any]


def cached_story(game: GameFolder, files: list[Path]) -> tuple[Any, list[Any]] | None:
    """(story, warnings) from the cache when it holds this very story, else None."""
    cached = _cached(cache_dir(game.id) / "story.json", story_key(game, files, False))
    story, warnings = cached.get("story"), cached.get("warnings")
    return (story, warnings) if _plausible(story, warnings) and isinstance(warnings, list) else None


def store_story(game: GameFolder, files: list[Path], story: Any, warnings: list[Any], proven: dict[str, Fingerprint]) -> bool:
    return _store(cache_dir(game.id) / "story.json", story_key(game, files, False), proven, story=story, warnings=warnings)


def cached_check(game: GameFolder, files: list[Path]) -> Checked | None:
    """What `check` found the last time, when every file it read is the same to the byte."""
    checked = _cached(cache_dir(game.id) / "checked.json", story_key(game, files, True)).get("checked")
    return checked if isinstance(checked, Checked) and _plausible_warnings(checked.warnings) else None


def store_check(game: GameFolder, files: list[Path], checked: Checked, proven: dict[str, Fingerprint]) -> bool:
    return _store(cache_dir(game.id) / "checked.json", story_key(game, files, True), proven, checked=checked)


def _cached(path: Path, key: str) -> dict[str, Any]:
    """The cache in `path` if it was written for `key` and the files it proved are unchanged, else {}."""
    cached = read_cache(path, loads)
    if cached is None or cached.get("key") != key:
        return {}
    proven = cached.get("proven")
    if not isinstance(proven, dict) or any(fingerprint(Path(file)) != print_ for file, print_ in proven.items()):
        return {}
    return cached


def _store(path: Path, key: str, proven: dict[str, Fingerprint], **values: Any) -> bool:
    table: dict[type, int] = {}
    lines: list[str] = []
    body = {name: _encode(value, table, lazy=("steps", "places"), lines=lines) for name, value in values.items()}
    head = {"classes": [f"{cls.__module__}.{cls.__qualname__}" for cls in table]}  # first: `loads` needs it before the values
    return write_cache(path, {"head": head, "key": key, "proven": proven, **body}, lines)


def _plausible_warnings(warnings: Any) -> bool:
    from game.script.problems import Problem

    return isinstance(warnings, list) and all(isinstance(w, Problem) for w in warnings)


def _plausible(story: Any, warnings: Any) -> bool:
    """A decoded story whose parts have their types and whose labels point at its steps (the first
    step and place decoded to see that they are whole; the others are decoded when used)."""
    from game.script.model import Story
    from game.script.problems import Place

    if not isinstance(story, Story) or not _plausible_warnings(warnings):
        return False
    if len(story.steps) != len(story.places) or not story.steps or not isinstance(story.places[0], Place) or story.steps[0] is None:
        return False
    indexes = [*story.labels.values(), *story.index_of_id.values()]
    return not indexes or (set(map(type, indexes)) == {int} and min(indexes) >= 0 and max(indexes) <= len(story.steps))


# -- plain JSON for dataclasses ------------------------------------------------------
# A dataclass is {"~N": [fields]} (N its number in the file's class table), a tuple {"~t": [items]},
# a dict {"~d": [[key, value], ...]}; JSON's own decoder builds the lists and calls the hook once per
# object, inside out. Only the classes of STORY_MODULES can be named. A story's steps and places
# are {"~l": [first, count]}: that many lines after the file's first, one JSON value each, decoded
# when first used (`Lazy`), so a long story's title screen does not wait for all of them.


@functools.cache
def _classes() -> dict[str, type]:
    import importlib

    found: dict[str, type] = {}
    for name in STORY_MODULES:
        module = importlib.import_module(name)
        for value in vars(module).values():
            if isinstance(value, type) and dataclasses.is_dataclass(value) and value.__module__ == name:
                found[f"{name}.{value.__qualname__}"] = value
    return found


_PLAIN = (type(None), bool, int, float, str)
_TEXT = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode


@functools.cache
def _field_names(cls: type) -> tuple[str, ...] | None:
    return tuple(field.name for field in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else None


def _encode(value: Any, table: dict[type, int], lazy: tuple[str, ...] = (), lines: list[str] | None = None) -> Any:
    """`value` as plain JSON; the tuple fields named in `lazy` (of the top dataclass) as one line each in `lines`."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is tuple:
        return {"~t": [_encode(item, table) for item in value]}
    if (names := _field_names(kind)) is not None:  # type: ignore[arg-type]
        number = table.setdefault(kind, len(table))
        parts = [getattr(value, name) for name in names]
        return {f"~{number}": [_lines(part, table, lines) if lines is not None and name in lazy and type(part) is tuple else _encode(part, table) for name, part in zip(names, parts)]}
    if kind is list:
        return [_encode(item, table) for item in value]
    if kind is dict and all(type(key) is str and not key.startswith("~") for key in value):
        return {"~o": {key: _encode(item, table) for key, item in value.items()}}
    if kind is dict:
        return {"~d": [[_encode(key, table), _encode(item, table)] for key, item in value.items()]}
    raise TypeError(f"cannot cache a {kind.__name__}")


def _lines(items: tuple[Any, ...], table: dict[type, int], lines: list[str]) -> dict[str, list[int]]:
    first = len(lines)
    lines.extend(_TEXT(_encode(item, table)) for item in items)
    return {"~l": [first, len(items)]}


class _Decoder:
    """Reads what `_encode` wrote, once the class table (`{"classes": [...]}`, written first) is read."""

    def __init__(self, lines: list[bytes] | None = None) -> None:
        self.lines = lines or []  # the file's lines after its first
        self.known = _classes()
        self.table: dict[str, Callable[[Any], Any]] = {"~t": tuple, "~d": dict, "~o": _plain, "~l": self._lazy}

    def loads(self, data: bytes) -> Any:
        return json.loads(data, object_pairs_hook=self._hook)

    def _hook(self, pairs: list[tuple[str, Any]]) -> Any:
        if len(pairs) != 1:
            return dict(pairs)
        (key, items), = pairs
        if key in self.table:
            return self.table[key](items)
        if key == "classes":  # the class table, read before any value that uses it
            for number, name in enumerate(items):
                cls = self.known[name]  # KeyError: a class the engine does not have
                self.table[f"~{number}"] = functools.partial(_build, cls, len(dataclasses.fields(cls)))
        elif key.startswith("~"):
            raise ValueError(f"not a cached value: {key}")
        return dict(pairs)

    def _lazy(self, span: Any) -> Lazy:
        if type(span) is not list or len(span) != 2 or not all(type(n) is int and n >= 0 for n in span) or sum(span) > len(self.lines):
            raise ValueError("not a cached list")
        return Lazy(self.lines[span[0] : span[0] + span[1]], self.loads)


def _plain(value: Any) -> dict[str, Any]:
    if type(value) is not dict:
        raise ValueError("not a cached dict")
    return value


def loads(data: bytes) -> Any:
    """A cache file: its first line's JSON, whose encoded values come back as dataclasses, tuples and
    dicts, the steps and places (the lines after it) decoded lazily."""
    first, *rest = data.split(b"\n")
    return _Decoder(rest).loads(first)


def _build(cls: type, size: int, fields: Any) -> Any:
    if type(fields) is not list or len(fields) != size:
        raise ValueError(f"not a cached {cls.__name__}")
    return cls(*fields)


class Lazy(Sequence[Any]):
    """A tuple's stand-in whose items are decoded from their JSON text when first used.

    It compares equal to the tuple it stands for. A damaged item found late (after the
    whole cache was judged whole) raises `ValueError`; `_plausible` decodes the steps the
    title and the first line need, and the caches are only ever written by the engine."""

    def __init__(self, texts: list[bytes], decode: Callable[[bytes], Any]) -> None:
        self._texts = texts
        self._decode = decode
        self._items: list[Any] = [_MISSING] * len(texts)

    def __len__(self) -> int:
        return len(self._texts)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        item = self._items[index]
        if item is _MISSING:
            item = self._items[index] = self._decode(self._texts[index])
        return item

    def __iter__(self) -> Iterator[Any]:
        return (self[i] for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and not isinstance(other, str) and len(self) == len(other) and all(a == b for a, b in zip(self, other))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Lazy({len(self)} items)"


_MISSING = object()
