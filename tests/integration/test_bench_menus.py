"""Issue 6's speed figures are measured by `python main.py bench` and written in the README."""

from __future__ import annotations

import pygame

from game import ROOT
from game import bench
from game.folder import load_game

MENU_FIGURES = (
    "load_page_first_draw_60_filled_slots",
    "quick_save_with_thumbnail_10000_lines",
    "load_10000_line_playthrough",
    "history_open_10000_lines",
    "history_scroll_frame_10000_lines",
    "idle_cpu_percent_of_a_core_menu_open",
)


def test_bench_measures_the_game_menu(monkeypatch, tmp_path):
    """The menu part of the bench opens real pages over a 10,000-line playthrough and times them."""
    for name in ("SDL_VIDEODRIVER", "SDL_AUDIODRIVER", "HUB_DATA_DIR"):
        monkeypatch.setenv(name, str(tmp_path) if name == "HUB_DATA_DIR" else "dummy")
    monkeypatch.setattr(bench, "_menu_idle_cpu", lambda app: {})  # two seconds of idling: the real run measures it
    try:
        figures = bench._menus(load_game(ROOT))
    finally:
        pygame.quit()
    for name in MENU_FIGURES:
        if name in ("load_10000_line_playthrough", "idle_cpu_percent_of_a_core_menu_open"):
            continue  # measured by _saves, and (slow) by the real run
        assert figures[name]["median_ms"] > 0 and figures[name]["runs"] >= 5


def test_readme_gives_the_menu_figures_and_the_data_folder():
    readme = (ROOT / "README.md").read_text()
    for name in MENU_FIGURES:
        assert f"`{name}`" in readme
    for place in ("HUB_DATA_DIR", "~/.local/share/hub", "Application Support", "%APPDATA%"):
        assert place in readme
