"""The story engine has no pygame in it: it can be loaded and played without a window."""

from __future__ import annotations

import subprocess
import sys

from game import ROOT

ENGINE = ["game.script", "game.state", "game.beats", "game.playthrough", "game.reveal", "game.clock", "game.seen", "game.transcript"]
ENGINE += ["game.userdata", "game.resume", "game.saves", "game.settings", "game.history", "game.endings"]  # the player's data


def test_engine_modules_do_not_import_pygame():
    """Importing every engine module and playing a transcript leaves pygame unloaded."""
    code = (
        "import sys\n"
        + "".join(f"import {name}\n" for name in ENGINE)
        + "from game.script import load_story\n"
        + "from game.transcript import transcript\n"
        + f"story, _ = load_story(__import__('pathlib').Path({str(ROOT / 'scenes')!r}))\n"
        + "assert list(transcript(story, option=0))\n"
        + "print('pygame' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def imported_modules(path) -> set[str]:
    """Every `game...` module a file imports, at its top, inside functions and under TYPE_CHECKING alike."""
    import ast

    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return {name for name in names if name == "game" or name.startswith("game.")}


def test_the_script_layer_stands_on_the_ground_floor():
    """`game.script` and `game.gamefolder` never import the game folder's reader, the beats or the interface:
    `game.folder` reads game.yaml with the script layer, so an import back would be a circle."""
    above = ("game.folder", "game.beats", "game.ui", "game.app", "game.state", "game.playthrough")
    files = [*(ROOT / "game" / "script").rglob("*.py"), ROOT / "game" / "gamefolder.py"]
    for path in files:
        wrong = {name for name in imported_modules(path) if name.startswith(above)}
        assert not wrong, f"{path.relative_to(ROOT)} imports {sorted(wrong)}"
