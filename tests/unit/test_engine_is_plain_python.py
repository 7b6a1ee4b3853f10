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
