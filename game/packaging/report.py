"""What the build says when it is done: what the app holds, what was left out, and the sizes."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from game.folder import GameFolder
from game.packaging.contents import GAME_FOLDERS, LEFT_OUT_MODULES, contents, game_prefix

MB = 1_000_000


def _size(paths: list[Path]) -> int:
    return sum(path.stat().st_size for path in paths if path.is_file() and not path.is_symlink())


def _group(target: str, prefix: str) -> str:
    """`scenes`, `art/sprites`, `audio`, `game.yaml`...: a game file's folder, as the writer knows it."""
    parts = target.removeprefix(prefix).split("/")
    return "/".join(parts[:2]) if parts[0] == "art" and len(parts) > 2 else parts[0]


def summary(game: GameFolder, folder: Path, archive: Path, seconds: float) -> str:
    items = contents(game)
    prefix = game_prefix(game)
    groups: Counter[str] = Counter()
    sizes: Counter[str] = Counter()
    for item in items:
        name = _group(item.target, prefix) if item.kind == "game" else item.kind
        groups[name] += 1
        sizes[name] += item.source.stat().st_size
    lines = ["included:"]
    lines += [f"  {name:<18} {groups[name]:>4} files {sizes[name] / MB:7.1f} MB" for name in sorted(groups)]
    everything = list(folder.rglob("*"))
    ours = sum(sizes.values())
    runtime = _size(everything) - ours - _size([folder / "README.txt"])
    lines.append(f"  {'runtime':<18}            {runtime / MB:7.1f} MB  (the executable, Python, pygame, Pillow, PyYAML, fontTools)")
    lines.append(f"left out: {', '.join(LEFT_OUT_MODULES)}; tests; every file of the game folder but game.yaml, the icon, "
                 f"scenes/, {', '.join(f'{folder}/' for folder in GAME_FOLDERS)}; build: exclude's")
    lines.append(f"wrote {archive}: {archive.stat().st_size / MB:.1f} MB ({_size(everything) / MB:.1f} MB unpacked) in {seconds:.0f} s")
    return "\n".join(lines)
