"""`python main.py bench`'s CPU figures: measured on the real loop, drawing only what changes."""

from __future__ import annotations

import pygame

from game import ROOT
from game.bench import _cpu
from game.folder import load_game


def test_cpu_while_typing_and_blinking_are_measured_and_low():
    """A short run of each gives a share of a core, well under a whole one."""
    try:
        figures = _cpu(load_game(ROOT), seconds=0.5)
    finally:
        pygame.quit()
    assert figures["text_cps"] > 0
    for name in ("cpu_while_typing_percent_of_a_core", "cpu_while_blinking"):
        assert 0 < figures[name] < 60, figures
