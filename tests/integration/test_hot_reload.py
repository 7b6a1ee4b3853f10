"""Hot reload (issue 17): saving a scene file while the game runs rebuilds the story and keeps the player's line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from game.folder import load_game
from game.script import load_story
from game.ui.input import press
from game.ui.reload import ReloadErrors
from game.watch import POLL_SECONDS, SceneWatcher

SCENE = 'script:\n  - label: start\n  - background: hub_floor\n  - "First line."\n  - "Second line."\n  - "Third line."\n  - ending: Done\n'


@pytest.fixture
def playing(tmp_path: Path, make_app, display):
    """A game of its own, at its second line."""
    (tmp_path / "game" / "scenes").mkdir(parents=True)
    (tmp_path / "game" / "scenes" / "a.yaml").write_text(SCENE)
    game = load_game(tmp_path / "game")
    story, _ = load_story(game=game)
    app = make_app(story, game, frame=True)
    app.play()
    app.playing.playthrough.advance()
    app.frame()
    return app


def _shown(app) -> str:
    return app.playing.playthrough.current.text


def _edit(app, text: str) -> None:
    scene = app.game.scenes / "a.yaml"
    scene.write_text(text)
    os.utime(scene, ns=(scene.stat().st_mtime_ns + 10**9,) * 2)  # a second later: a save the watcher can tell


def test_saving_a_scene_file_reloads_and_keeps_the_line(playing) -> None:
    assert _shown(playing) == "Second line."
    _edit(playing, SCENE.replace("Second line.", "Second line, rewritten."))
    playing.reloader.poll(playing.reloader.watcher.next_look)  # the next look, at most POLL_SECONDS away
    assert _shown(playing) == "Second line, rewritten."
    assert playing.story.steps[2].text == "Second line, rewritten."
    assert playing.player.saves.story is playing.story
    assert POLL_SECONDS + 1 / 60 < 0.5  # noticed within half a second of the save


def test_shift_r_reloads_by_hand(playing) -> None:
    (playing.game.scenes / "a.yaml").write_text(SCENE.replace('  - "First line."\n', '  - "A new first line."\n  - "First line."\n'))
    playing._input(press("reload"))
    assert _shown(playing) == "Second line."  # lines inserted above: the same line, found by its words
    assert playing.playing.playthrough.index == 1


def test_a_story_with_errors_shows_them_and_the_old_one_plays_on(playing) -> None:
    old = playing.story
    _edit(playing, SCENE.replace("ending: Done", "jump: nowhere"))
    playing._input(press("reload"))
    overlay = playing.stack.top
    assert isinstance(overlay, ReloadErrors)
    assert any("a.yaml:7:" in str(p.place) and "nowhere" in p.message for p in overlay.problems)
    assert playing.story is old and _shown(playing) == "Second line."
    _edit(playing, SCENE.replace("Third line.", "Third line, fixed."))
    playing._input(press("reload"))
    assert not isinstance(playing.stack.top, ReloadErrors)
    playing.playing.playthrough.advance()
    assert _shown(playing) == "Third line, fixed."


def test_a_line_that_is_gone_resumes_at_the_nearest_earlier_one(playing) -> None:
    _edit(playing, SCENE.replace('  - "Second line."\n', ""))
    playing._input(press("reload"))
    assert _shown(playing) == "First line."


def test_the_watcher_looks_only_when_due_and_sees_saves(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("script: []\n")
    watcher = SceneWatcher(tmp_path, now=0.0)
    assert not watcher.changed(POLL_SECONDS)
    (tmp_path / "b.yaml").write_text("script: []\n")
    assert not watcher.changed(POLL_SECONDS / 2)  # not due yet
    assert watcher.changed(POLL_SECONDS * 2) and not watcher.changed(POLL_SECONDS * 3)


def test_reloading_on_the_title_takes_the_new_story(tmp_path: Path, make_app, display) -> None:
    (tmp_path / "game" / "scenes").mkdir(parents=True)
    (tmp_path / "game" / "scenes" / "a.yaml").write_text(SCENE)
    game = load_game(tmp_path / "game")
    app = make_app(load_story(game=game)[0], game, frame=True)
    (game.scenes / "a.yaml").write_text(SCENE.replace("First line.", "Changed."))
    app._input(press("reload"))
    assert app.story.steps[1].text == "Changed." and app.playing is None
