"""The game itself meets each fault of the player's data folder (issue 10) with one notice on stderr and plays on."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.app import App
from game.clock import ManualClock
from game.playthrough import Playthrough


def _break_folder(folder: Path, fault: str) -> None:
    if fault == "file for the folder":
        folder.write_text("a file of the player's")
        return
    folder.mkdir()
    if fault == "folder for seen.json":
        (folder / "seen.json").mkdir()
        (folder / "seen.journal").mkdir()
    elif fault == "link to /dev/zero":
        (folder / "seen.json").symlink_to("/dev/zero")
    elif fault == "wrong types":
        (folder / "seen.json").write_text('{"seen": [1, null, true, {"a": []}]}')


@pytest.mark.parametrize("fault", ["file for the folder", "folder for seen.json", "link to /dev/zero", "wrong types"])
def test_a_broken_data_folder_is_one_notice_and_play_goes_on(shipped_story, private_data_dir, capsys, fault):
    """Twenty lines played and the game closed: exactly one notice, no exception, the player's things still there."""
    if fault == "link to /dev/zero" and not Path("/dev/zero").exists():
        pytest.skip("needs /dev/zero")
    _break_folder(private_data_dir, fault)
    app = App(shipped_story, clock=ManualClock())
    try:
        play = Playthrough(shipped_story, seen=app.player.seen)
        for _ in range(20):
            if not play.advance():
                play.choose(0)
            app.player.seen.save()
        app.player.seen.close()
    finally:
        pygame.quit()
    notices = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert len(notices) == 1, notices
    assert all(bad not in app.player.seen for bad in ("1", "None", "True"))
    if fault == "file for the folder":
        assert private_data_dir.read_text() == "a file of the player's"
    else:
        assert any(private_data_dir.iterdir())
