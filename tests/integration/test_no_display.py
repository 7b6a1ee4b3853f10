"""No display: one line saying so and how to fix it, exit code 2, at once."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from game import ROOT
from game.ui.display import NoDisplay, require_display


def test_linux_without_x11_or_wayland_is_refused():
    with pytest.raises(NoDisplay, match="DISPLAY"):
        require_display({"HOME": "/root"}, "linux")
    require_display({"DISPLAY": ":0"}, "linux")
    require_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    require_display({"SDL_VIDEODRIVER": "dummy"}, "linux")  # chosen on purpose (tests, kiosks)
    require_display({}, "darwin")


@pytest.mark.parametrize("display", [None, ":97"])  # none at all, and one nobody answers at
def test_the_game_says_so_in_one_line_and_exits_2(tmp_path, display):
    """`python main.py` with no screen to show on: a one-line message, exit code 2, in well under the 10 s it used to sit."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")}
    env.update(HUB_DATA_DIR=str(tmp_path), XDG_RUNTIME_DIR=str(tmp_path))
    if display:
        env["DISPLAY"] = display
    began = time.monotonic()
    result = subprocess.run([sys.executable, "main.py"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2, result.stderr
    ours = [line for line in result.stderr.splitlines() if "display" in line.lower()]
    assert len(ours) == 1 and "xvfb-run" in ours[0], result.stderr
    assert time.monotonic() - began < 5
