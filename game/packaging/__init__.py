"""`python main.py build`: a standalone app of a game for this system, packed into one archive.

The archive `<id>-<version>-<system>-<machine>.tar.gz` (`.zip` on Windows and
macOS) unpacks to `<Title>-<version>/`: the executable named after the game's id
(a `.app` on macOS) beside `README.txt`. Everything is made in a temporary folder
and the archive is renamed into the output folder only once whole, so a failed
build leaves nothing there. This package is never part of the app it builds.
"""

from __future__ import annotations

import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from game.folder import GameFolder
from game.packaging.archive import ZIP_EARLIEST, pack
from game.packaging.contents import contents
from game.packaging.freeze import BuildError, require_pyinstaller, run_pyinstaller
from game.packaging.readme import readme
from game.packaging.report import summary

SYSTEMS = {"Linux": "linux", "Windows": "windows", "Darwin": "macos"}
MACHINES = {"amd64": "x86_64", "x64": "x86_64"}


def build(game: GameFolder, out: Path) -> int:
    """Build `game` (already checked) into `out`; 0, or 1 after one line saying what is wrong."""
    created: list[Path] = []
    try:
        _prepare(out, created)
        require_pyinstaller()
        system = system_name()
        archive = out / archive_name(game, system, platform.machine())
        print(f"build: {game.title} {game.version} for {system}-{machine_name(platform.machine())}; this takes a minute or two", flush=True)
        started, epoch = time.monotonic(), source_date_epoch(game)
        with tempfile.TemporaryDirectory(prefix="hub-build-") as temporary:
            folder = _make(game, Path(temporary), system, epoch)
            partial = out / f".{archive.name}.partial"
            try:
                pack(folder, top_folder(game), partial, epoch)
                partial.replace(archive)
            finally:
                partial.unlink(missing_ok=True)
            print(summary(game, folder, archive, time.monotonic() - started))
        return 0
    except (BuildError, OSError) as error:
        for folder in reversed(created):  # a folder this build made and left empty
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
        message = error if isinstance(error, BuildError) else f"cannot write the archive in {out}: {error.strerror or error}"
        print(f"build: {message}", file=sys.stderr)
        return 1


def _prepare(out: Path, created: list[Path]) -> None:
    """The output folder, made if missing; a file in its place or a folder it cannot write in is refused."""
    for folder in [*reversed(out.parents), out]:
        if folder.exists() and not folder.is_dir():
            raise BuildError(f"the output folder {out} cannot be made: {folder} is a file; give another with --out DIR")
        if not folder.exists():
            try:
                folder.mkdir()
            except OSError as error:
                raise BuildError(f"cannot make the output folder {folder}: {error.strerror or error}; give another with --out DIR") from None
            created.append(folder)
    try:
        with tempfile.TemporaryFile(dir=out):
            pass
    except OSError as error:
        raise BuildError(f"cannot write in the output folder {out} ({error.strerror or error}); give another with --out DIR") from None


def _make(game: GameFolder, work: Path, system: str, epoch: int) -> Path:
    """The folder to pack: the app PyInstaller made, with README.txt beside the executable."""
    data = work / "data"
    for item in contents(game):
        target = data / item.target
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(item.source, target)
    app = run_pyinstaller(game, data, work, system=system, epoch=epoch)
    folder = app if system != "macos" else work / "package"
    if system == "macos":  # the archive's folder holds the .app and the README
        folder.mkdir()
        app.rename(folder / app.name)
    newline = "\r\n" if system == "windows" else "\n"
    (folder / "README.txt").write_bytes(readme(game, system).encode("utf-8").replace(b"\n", newline.encode()))
    return folder


def system_name() -> str:
    name = platform.system()
    if name not in SYSTEMS:
        raise BuildError(f"building on {name} is not supported: build on Linux, Windows or macOS")
    return SYSTEMS[name]


def machine_name(machine: str) -> str:
    return MACHINES.get(machine.lower(), machine.lower())


def archive_name(game: GameFolder, system: str, machine: str) -> str:
    """`hub-1.0.0-linux-x86_64.tar.gz`; a `.zip` where players expect one (Windows, macOS)."""
    suffix = ".tar.gz" if system == "linux" else ".zip"
    return f"{game.id}-{game.version}-{system}-{machine_name(machine)}{suffix}"


def top_folder(game: GameFolder) -> str:
    """`<Title>-<version>`, with the characters no system allows in a file name made `_`."""
    title = re.sub(r'[<>:"/\\|?*\x00-\x1f]', "_", game.title).strip(" .") or game.id
    return f"{title}-{game.version}"


def source_date_epoch(game: GameFolder) -> int:
    """The build's one date: SOURCE_DATE_EPOCH if set, else the game's last commit's, else 1980-01-01."""
    if (given := os.environ.get("SOURCE_DATE_EPOCH", "")).isdigit():
        return int(given)
    try:
        done = subprocess.run(["git", "-C", str(game.root), "log", "-1", "--format=%ct"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return ZIP_EARLIEST
    stamp = done.stdout.strip()
    return int(stamp) if done.returncode == 0 and stamp.isdigit() else ZIP_EARLIEST
