"""The caches of `check` and start-up (issue 17): right when warm, rebuilt when damaged, stale or foreign."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from game.gamefolder import GameFolder
from game.script import ScriptError, cache, loader

SCENE = 'script:\n  - label: start\n  - background: hub_floor\n  - "Hello there."\n  - "Second line."\n  - ending: Done\n'


@pytest.fixture
def game(tmp_path: Path) -> GameFolder:
    (tmp_path / "game" / "scenes").mkdir(parents=True)
    (tmp_path / "game" / "scenes" / "a.yaml").write_text(SCENE)
    return GameFolder(root=tmp_path / "game", id="cachetest")


@pytest.fixture
def compiles(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the story compilations (a cache hit compiles nothing)."""
    counted: list[int] = []
    real = loader._compile

    def counting(*args, **kwargs):
        counted.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(loader, "_compile", counting)
    return counted


def test_a_second_check_of_the_same_files_compiles_nothing(game: GameFolder, compiles: list[int]) -> None:
    first = loader.check_game(game)
    second = loader.check_game(game)
    assert first == second and second.lines == 2 and "start" in second.labels
    assert len(compiles) == 1


def test_the_caches_live_in_the_cache_folder_not_the_game_folder(game: GameFolder, tmp_path: Path) -> None:
    loader.check_game(game)
    loader.load_story(game=game, cache=True)
    assert sorted(p.name for p in cache.cache_dir("cachetest").iterdir()) == ["checked.json", "proofs.json", "story.json"]
    assert cache.cache_dir("cachetest").is_relative_to(tmp_path / "cache")
    assert sorted(p.name for p in game.root.rglob("*")) == ["a.yaml", "scenes"]


def test_an_edited_scene_is_checked_again(game: GameFolder, compiles: list[int]) -> None:
    loader.check_game(game)
    scene = game.scenes / "a.yaml"
    stat = scene.stat()
    scene.write_text(SCENE.replace("ending: Done", "jump: nowhere"))
    os.utime(scene, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # the same time: the content's hash tells
    with pytest.raises(ScriptError, match="nowhere"):
        loader.check_game(game)


def test_a_changed_picture_of_the_same_size_and_time_is_proved_again(game: GameFolder) -> None:
    picture = game.root / "art" / "backgrounds" / "hub_floor.png"
    picture.parent.mkdir(parents=True)
    picture.write_bytes((game.engine / "art" / "backgrounds" / "hub_floor.png").read_bytes())
    assert loader.check_game(game).lines == 2
    stat = picture.stat()
    damaged = bytearray(picture.read_bytes())
    damaged[len(damaged) // 2 :] = bytes(len(damaged) - len(damaged) // 2)  # the rows cut off, zeros instead
    picture.write_bytes(bytes(damaged))
    os.utime(picture, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    with pytest.raises(ScriptError, match="hub_floor"):
        loader.check_game(game)


@pytest.mark.parametrize("damage", [b"", b"{not json", b'{"head":{"classes":["os.system"]}}', b"[1, 2]", b'{"head":{"classes":[]},"story":{"~7":[1]}}'])
def test_a_damaged_cache_is_ignored_and_rebuilt(game: GameFolder, compiles: list[int], damage: bytes) -> None:
    story, _ = loader.load_story(game=game, cache=True)
    loader.check_game(game)
    for name in ("story.json", "checked.json", "proofs.json"):
        (cache.cache_dir("cachetest") / name).write_bytes(damage)
    again, _ = loader.load_story(game=game, cache=True)
    assert again == story and loader.check_game(game).lines == 2
    assert len(compiles) == 4
    assert loader.load_story(game=game, cache=True)[0] == story and len(compiles) == 4  # rebuilt: a hit again


def test_a_forged_cache_naming_a_class_outside_the_story_is_refused(game: GameFolder, compiles: list[int]) -> None:
    loader.load_story(game=game, cache=True)
    path = cache.cache_dir("cachetest") / "story.json"
    path.write_bytes(path.read_bytes().replace(b"game.script.model.Line", b"subprocess.Popen", 1))
    story, _ = loader.load_story(game=game, cache=True)
    assert story.count_lines() == 2 and len(compiles) == 2


def test_a_cache_of_another_engine_version_is_ignored(game: GameFolder, compiles: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    loader.load_story(game=game, cache=True)
    monkeypatch.setattr(cache, "engine_version", lambda: "another")
    loader.load_story(game=game, cache=True)
    assert len(compiles) == 2


def test_deleting_the_cache_folder_is_safe(game: GameFolder, compiles: list[int]) -> None:
    story, _ = loader.load_story(game=game, cache=True)
    for path in cache.cache_dir("cachetest").iterdir():
        path.unlink()
    cache.cache_dir("cachetest").rmdir()
    assert loader.load_story(game=game, cache=True)[0] == story and len(compiles) == 2


def test_a_picture_added_to_the_game_is_noticed(game: GameFolder, compiles: list[int]) -> None:
    loader.load_story(game=game, cache=True)
    (game.root / "art" / "backgrounds").mkdir(parents=True)
    (game.root / "art" / "backgrounds" / "hub_floor.png").write_bytes(b"not a picture")
    with pytest.raises(ScriptError, match="hub_floor"):
        loader.load_story(game=game, cache=True)


def test_a_cache_folder_that_cannot_be_written_only_costs_speed(game: GameFolder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "blocked").write_text("a file where the cache folder would be")
    monkeypatch.setenv("HUB_CACHE_DIR", str(tmp_path / "blocked"))
    assert loader.check_game(game).lines == 2
    assert loader.load_story(game=game, cache=True)[0].count_lines() == 2


def test_the_story_comes_back_equal_from_the_cache() -> None:
    shipped = GameFolder(root=GameFolder.__dataclass_fields__["engine"].default)
    story, warnings = loader.load_story(game=shipped, cache=True)
    again, warnings_again = loader.load_story(game=shipped, cache=True)
    assert again == story and warnings_again == warnings


def test_playing_writes_the_story_cache_only_once_the_title_shows(game: GameFolder, compiles: list[int]) -> None:
    """A long story's first start does not wait for the cache: `later` holds the writing until the caller does it."""
    later: list = []
    loader.load_story(game=game, cache=True, later=later)
    assert len(later) == 1 and not (cache.cache_dir("cachetest") / "story.json").exists()
    later[0]()
    loader.load_story(game=game, cache=True)
    assert (cache.cache_dir("cachetest") / "story.json").exists() and len(compiles) == 1


def test_the_app_does_the_deferred_work_after_its_first_frame(make_app, shipped_story) -> None:
    app = make_app(shipped_story)
    done: list[int] = []
    app.run(frames=1, after_first_frame=[lambda: done.append(app.presented)])
    assert done == [1]  # the title had been put on screen once when the work ran
