"""A damaged player's data folder never stops the game (issue 20): deep JSON, newer files, absurd numbers.

Each case goes through `PlayerFiles` (as the game reads its files at start and
on the Load page), under a time limit.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import time_limit

from game.limits import readable
from game.player import PlayerData
from game.saves import SaveError, SaveStore
from game.script import load_story
from game.settings import DEFAULTS
from game.userdata import PlayerFiles

DEEP = b"[" * 30_000 + b"]" * 30_000  # tens of thousands of levels: Python's own parser gives up at about 1,000
STORY = """
script:
  - label: start
  - "Ann waits."
  - "She leaves."
  - ending: gone
"""


@pytest.fixture(autouse=True)
def limited() -> Iterator[None]:
    """Each case must finish within 10 seconds."""
    with time_limit(10):
        yield


@pytest.fixture
def story(scenes, asset_root):
    return load_story(scenes({"story.yaml": STORY}), assets=asset_root)[0]


def player(story, folder: Path) -> tuple[PlayerData, list[str]]:
    notices: list[str] = []
    return PlayerData(story, "hub", warn=notices.append, folder=folder), notices


def test_deeply_nested_settings_are_set_aside_and_the_defaults_used(story, tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "settings.json").write_bytes(b'{"format": 1, "settings": {"text_speed": ' + DEEP + b"}}")
    data, notices = player(story, folder)
    assert data.settings == DEFAULTS
    assert any("settings.json" in n and "nested more than" in n for n in notices), notices
    assert (folder / "settings.json.broken-1").read_bytes().startswith(b'{"format": 1')  # kept, never deleted


def test_deeply_nested_endings_are_set_aside_and_play_goes_on(story, tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "endings.json").write_bytes(b'{"endings": ' + DEEP + b"}")
    data, notices = player(story, folder)
    assert data.endings.names() == set()
    assert any("endings.json" in n and "nested" in n for n in notices), notices
    assert (folder / "endings.json.broken-1").is_file()
    assert data.endings.add("gone") and json.loads((folder / "endings.json").read_text())["endings"] == ["gone"]


def test_a_deeply_nested_save_shows_as_unreadable_on_the_load_page(story, tmp_path):
    folder = tmp_path / "data"
    (folder / "saves").mkdir(parents=True)
    save = folder / "saves" / "1-1.json"
    save.write_bytes(b'{"format": 2, "minimum_format": 2, "game": "hub", "playthrough": ' + DEEP + b"}")
    data, _ = player(story, folder)
    info = data.saves.info("1-1")
    assert info.filled and not info.readable and "nested" in (info.reason or "")
    with pytest.raises(SaveError, match="nested"):
        data.saves.load("1-1")
    assert save.is_file()  # a save is never deleted but by the player


def test_json_deeper_than_the_bound_but_within_pythons_is_refused_too(tmp_path):
    """No reader of the player's files ever recurses into a value deeper than MAX_JSON_DEPTH."""
    notices: list[str] = []
    files = PlayerFiles(tmp_path, warn=notices.append)
    (tmp_path / "x.json").write_text("[" * 500 + "]" * 500)
    assert files.read_json("x.json", max_bytes=10_000) is None
    assert "nested more than 64 levels" in notices[0] and (tmp_path / "x.json.broken-1").is_file()
    (tmp_path / "y.json").write_text('{"a": [[{"b": [1]}]]}')
    assert files.read_json("y.json", max_bytes=10_000) == {"a": [[{"b": [1]}]]}


def test_endings_from_a_newer_version_keep_what_this_one_does_not_know(story, tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    newer = {"format": 7, "endings": ["gone"], "reached_at": {"gone": "2031-01-01"}, "gallery": [1, 2]}
    (folder / "endings.json").write_text(json.dumps(newer))
    data, notices = player(story, folder)
    assert data.endings.names() == {"gone"} and not notices
    assert data.endings.add("stayed")
    written = json.loads((folder / "endings.json").read_text())
    assert written == {**newer, "endings": ["gone", "stayed"], "finished_at": written["finished_at"]}


def test_a_newer_save_is_left_alone_and_says_so(story, tmp_path):
    folder = tmp_path / "data"
    (folder / "saves").mkdir(parents=True)
    save = folder / "saves" / "1-2.json"
    original = json.dumps({"format": 10**4000, "minimum_format": 10**4000, "game": "hub", "saved_at": "2031-01-01T00:00:00+00:00",
                           "speaker": None, "words": "x", "playthrough": {}}).encode()
    save.write_bytes(original)
    data, _ = player(story, folder)
    reason = data.saves.info("1-2").reason or ""
    assert "newer version" in reason and "4,001 digits" in reason and len(reason) < 200
    assert save.read_bytes() == original


def test_an_absurd_index_in_a_save_is_cut_to_something_readable(story, tmp_path):
    files = PlayerFiles(tmp_path, warn=lambda text: None)
    store = SaveStore(files, story, "hub")
    from game.playthrough import Playthrough

    good = Playthrough(story).to_json()
    assert store.save("1-3", Playthrough(story), thumbnail_png=None)
    path = tmp_path / "saves" / "1-3.json"
    data = json.loads(path.read_bytes().replace(b"\n", b""))
    data["playthrough"] = {**good, "index": 10**4000}
    path.write_text(json.dumps(data))
    with pytest.raises(SaveError) as error:
        store.load("1-3")
    assert "stands at beat 100000000000…0000 (4,001 digits)" in error.value.reason
    assert len(error.value.reason) < 200


def test_readable_numbers():
    assert readable(42) == "42" and readable(-7) == "-7" and readable(2.5) == "2.5" and readable(True) == "True"
    assert readable(10**23) == "1" + "0" * 23  # 24 digits: shown whole
    assert readable(-(10**30)) == "-100000000000…0000 (31 digits)"
    assert readable(10**100_000).endswith("(100,001 digits)")  # past Python's own int-to-text limit
