"""The types are checked: mypy passes over all of game/, strictly on the story core (mypy.ini)."""

from __future__ import annotations

import subprocess
import sys

from game import ROOT


def test_mypy_passes_over_the_whole_game():
    """`mypy game` (mypy.ini: strict on the script layer, state, beats, playthrough, saves, resume, userdata) finds nothing."""
    result = subprocess.run([sys.executable, "-m", "mypy", "game"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "Success" in result.stdout


def test_the_story_core_is_checked_strictly():
    """mypy.ini holds the story core to --strict's flags, so the first test is not a lax one there."""
    config = (ROOT / "mypy.ini").read_text()
    strict = next(line for line in config.splitlines() if line.startswith("[mypy-game.script"))
    for module in ("game.script.*", "game.state", "game.beats", "game.playthrough", "game.saves", "game.resume", "game.userdata"):
        assert module in strict
    assert "disallow_untyped_defs = True" in config
