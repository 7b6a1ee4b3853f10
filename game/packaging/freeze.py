"""PyInstaller, run for one game: a small launcher, the game's data, the icon in the system's format.

One-folder mode (the executable beside `_internal/`, a `.app` bundle on macOS):
it starts faster than one-file mode, which unpacks everything at each start.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from PIL import Image

from game import ROOT
from game.folder import GameFolder
from game.packaging.contents import LEFT_OUT_MODULES, game_prefix, is_engine
from game.resolver import Refused
from game.script.assets import icon_path

INSTALL = f"{Path(sys.executable).name} -m pip install -r requirements-build.txt"
ICON_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


class BuildError(Exception):
    """What stops a build, in one line for the writer."""


def require_pyinstaller() -> None:
    if importlib.util.find_spec("PyInstaller") is None:
        raise BuildError(f"PyInstaller is not installed (it is needed only to build): {INSTALL}")


def launcher(game: GameFolder) -> str:
    """The app's main script: play the bundled game, whatever the command line (a player double-clicks)."""
    arguments = "[]" if is_engine(game) else f'["--game", str(Path(sys._MEIPASS) / {game_prefix(game)!r})]'
    return ("# Written by `python main.py build`: the built app plays its bundled game.\n"
            "import sys\nfrom pathlib import Path\n\nfrom game.cli import main\n\n"
            f"sys.exit(main({arguments}))\n")


def engine_modules() -> list[str]:
    """Every module of the engine the app may need, named so that one imported by name (a registry) is not missed."""
    names = sorted(".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__") for path in (ROOT / "game").rglob("*.py"))
    return [name for name in names if not any(name == left or name.startswith(left + ".") for left in LEFT_OUT_MODULES)]


def system_icon(png: Path, work: Path, system: str) -> Path | None:
    """The icon in the format the system's app wants (Windows .ico, macOS .icns), made with Pillow; None on Linux."""
    if system == "linux":
        return None  # a Linux executable has no icon of its own: the window's comes from game.yaml
    with Image.open(png) as picture:
        square = picture.convert("RGBA").resize((1024, 1024), Image.Resampling.LANCZOS)
    if system == "windows":
        target = work / "icon.ico"
        square.save(target, format="ICO", sizes=ICON_SIZES)
    else:
        target = work / "icon.icns"
        square.save(target, format="ICNS")
    return target


def _icon(game: GameFolder) -> Path | None:
    """The game's icon or the engine's (`check` has refused an icon out of the game folder)."""
    try:
        path = icon_path(game)
    except Refused:
        return None
    return path if path.is_file() else None


def pyinstaller_command(game: GameFolder, data: Path, work: Path, system: str) -> list[str]:
    """PyInstaller's command line for `game` on `system`, the icon converted into `work` on the way."""
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--onedir", "--log-level", "WARN",
               "--name", game.id, "--distpath", str(work / "dist"), "--workpath", str(work / "build"),
               "--specpath", str(work), "--paths", str(ROOT), "--add-data", f"{data}{os.pathsep}."]
    for module in LEFT_OUT_MODULES:
        command += ["--exclude-module", module]
    for module in engine_modules():
        command += ["--hidden-import", module]
    if system == "linux":
        if shutil.which("strip"):  # binutils: debugging symbols are a third of the libraries' size
            command.append("--strip")
    else:
        command.append("--windowed")  # no console window beside the game; on macOS, a .app bundle
    if (icon := _icon(game)) is not None and (icon := system_icon(icon, work, system)):
        command += ["--icon", str(icon)]
    if system == "macos":  # a bundle identifier allows letters, digits, `-` and `.` only
        command += ["--osx-bundle-identifier", "org.hub-engine." + re.sub(r"[^A-Za-z0-9.-]", "-", game.id)]
    return [*command, str(work / "launch.py")]


def run_pyinstaller(game: GameFolder, data: Path, work: Path, *, system: str, epoch: int) -> Path:
    """Run PyInstaller; the app it made (its folder, or the `.app` on macOS)."""
    (work / "launch.py").write_text(launcher(game), encoding="utf-8")
    environment = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch), "PYTHONHASHSEED": "0"}
    done = subprocess.run(pyinstaller_command(game, data, work, system), cwd=work, env=environment, capture_output=True, text=True)
    if done.returncode != 0:
        print(done.stdout + done.stderr, file=sys.stderr)
        raise BuildError(f"PyInstaller failed (exit {done.returncode}); its output is above")
    app = work / "dist" / (f"{game.id}.app" if system == "macos" else game.id)
    if not app.exists():
        raise BuildError(f"PyInstaller finished but made no {app.name}")
    return app
