"""Saves: round trips, rewinding after a load, surviving script edits, every bad save file, atomic writes, slots."""

from __future__ import annotations

import dataclasses
import json
import os
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game import userdata
from game.playthrough import Playthrough
from game.resume import STATE_PARTS
from game.saves import AUTOSAVES, FORMAT, QUICK, SaveError, SaveStore
from game.script import load_story
from game.script.model import Choice, Line
from game.stable_ids import fingerprint
from game.userdata import PlayerFiles, data_dir
from tests.unit.test_userdata import Warnings

START = """
script:
  - label: start
  - background: room
  - music: chime
  - "One."
  - show: ann calm at left
  - ann: "Two."
  - ann: "Three.{show ann sad}"
  - choice: Which way?
    options:
      - text: Left
        jump: left
      - text: Right
        jump: right
  - label: right
  - "Right one."
  - ending: Gone Right
"""

LEFT = """
script:
  - label: left
  - background: hall
  - "Left one."
  - ben: "Left two, with a great many words after it so that the slot has to cut them short."
  - "Left three."
  - ending: Gone Left
"""

PNG = b"\x89PNG\r\n\x1a\nnot really, but bytes"


class Clock:
    """Hands out save times a minute apart."""

    def __init__(self) -> None:
        self.at = datetime(2026, 11, 25, 10, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        self.at += timedelta(minutes=1)
        return self.at


@pytest.fixture
def write_scenes(scenes):
    def write(start: str = START, left: str | None = LEFT):
        folder = scenes({"start.yaml": start, **({"left.yaml": left} if left is not None else {})})
        if left is None:
            (folder / "left.yaml").unlink(missing_ok=True)
        return folder

    return write


@pytest.fixture
def load(asset_root):
    def load(folder):
        return load_story(folder, assets=asset_root)[0]

    return load


def store_for(story, game_id: str = "hub") -> tuple[SaveStore, Warnings]:
    warnings = Warnings()
    return SaveStore(PlayerFiles(data_dir(), warn=warnings), story, game_id, now=Clock()), warnings


def text_of(playthrough: Playthrough) -> str:
    stop = playthrough.current.stop
    return stop.text if isinstance(stop, Line) else stop.prompt if isinstance(stop, Choice) else stop.name


def played_to(story, words: str, option: int = 0) -> Playthrough:
    """A playthrough from the start to the line saying `words`, taking `option` at the choice."""
    play = Playthrough(story)
    while text_of(play) != words:
        if play.at_choice:
            play.choose(option)
        else:
            assert play.advance(), f"never reached {words!r}"
    return play


def rewound_texts(play: Playthrough) -> list[str]:
    texts = [text_of(play)]
    while play.rewind():
        texts.append(text_of(play))
    return texts


# -- round trips ------------------------------------------------------------------------


def test_save_and_load_give_back_the_whole_playthrough(write_scenes, load):
    """A loaded save is the same playthrough: every beat, the same place, no notice; rewinding reaches the first line exactly as before."""
    story = load(write_scenes())
    play = played_to(story, "Left three.")
    store, warnings = store_for(story)
    assert store.save("1-1", play, thumbnail_png=PNG)
    loaded = store.load("1-1", seen=set())
    assert loaded.notice is None
    assert loaded.playthrough.beats == play.beats and loaded.playthrough.index == play.index
    assert [b.state for b in _rewinding(loaded.playthrough)] == [b.state for b in _rewinding(play)]
    assert loaded.playthrough.index == 0 and text_of(loaded.playthrough) == "One."
    assert warnings == []


def _rewinding(play: Playthrough) -> list:
    beats = [play.current]
    while play.rewind():
        beats.append(play.current)
    return beats


def test_a_rewound_save_keeps_its_future(write_scenes, load):
    """Saved while rewound, the beats ahead come back too, and forward replays them."""
    story = load(write_scenes())
    play = played_to(story, "Left three.")
    for _ in range(3):
        play.rewind()
    store, _ = store_for(story)
    store.save("2-4", play, thumbnail_png=PNG)
    loaded = store.load("2-4").playthrough
    assert loaded.index == play.index and loaded.rewound
    assert loaded.option_taken() == 0
    while loaded.forward():
        pass
    assert text_of(loaded) == "Left three."


def test_info_shows_time_speaker_words_and_thumbnail(write_scenes, load):
    """A filled slot shows when it was saved, who speaks, the first words (cut at a word) and the picture saved beside it."""
    story = load(write_scenes())
    store, _ = store_for(story)
    play = played_to(story, LEFT_TWO)
    assert store.save("1-2", play, thumbnail_png=PNG)
    info = store.info("1-2")
    assert info.filled and info.readable and info.reason is None
    assert info.speaker == "Ben"
    assert info.words.startswith("Left two, with a great many") and info.words.endswith("…") and len(info.words) <= 61
    assert info.saved_at == datetime(2026, 11, 25, 10, 1, tzinfo=timezone.utc)
    assert info.thumbnail is not None and info.thumbnail.read_bytes() == PNG
    assert (data_dir() / "saves" / "1-2.json").exists()
    empty = store.info("1-3")
    assert not empty.filled and not empty.readable and empty.thumbnail is None
    assert store.save("1-2", play, thumbnail_png=b"")
    assert store.info("1-2").thumbnail is None  # no stale picture of the save it replaced


def test_slot_names_pages_of_six(write_scenes, load):
    """Ten pages of six slots, named page-number."""
    store, _ = store_for(load(write_scenes()))
    assert store.slot_names(1) == ["1-1", "1-2", "1-3", "1-4", "1-5", "1-6"]
    assert store.slot_names(10)[-1] == "10-6"
    with pytest.raises(ValueError):
        store.info("11-1")


def test_quick_save_and_quick_load(write_scenes, load):
    """Quick save goes to its own slot, and quick load brings it back."""
    story = load(write_scenes())
    store, _ = store_for(story)
    play = played_to(story, "Two.")
    assert store.quick_save(play, thumbnail_png=PNG)
    assert text_of(store.quick_load(seen=set()).playthrough) == "Two."
    assert store.info(QUICK).readable


def test_autosaves_rotate_and_never_write_over_an_unreadable_one(write_scenes, load):
    """Autosaves fill auto-1..3 then replace the oldest; an unreadable autosave is skipped and kept."""
    story = load(write_scenes())
    store, _ = store_for(story)
    for words in ("One.", "Two.", "Three."):
        assert store.autosave(played_to(story, words), thumbnail_png=PNG)
    assert [store.info(name).words for name in AUTOSAVES] == ["One.", "Two.", "Three."]
    (data_dir() / "saves" / "auto-1.json").write_text("{broken")
    assert store.autosave(played_to(story, "Which way?"), thumbnail_png=PNG)
    assert (data_dir() / "saves" / "auto-1.json").read_text() == "{broken"
    assert [store.info(name).words for name in AUTOSAVES[1:]] == ["Which way?", "Three."]


def test_newest_is_the_last_save_of_any_kind(write_scenes, load):
    """Continue's save: the one saved last, whether a slot, the quick save or an autosave; unreadable ones are passed over."""
    story = load(write_scenes())
    store, _ = store_for(story)
    assert store.newest() is None
    play = played_to(story, "Two.")
    store.save("3-1", play, thumbnail_png=PNG)
    assert store.newest() == "3-1"
    store.quick_save(play, thumbnail_png=PNG)
    assert store.newest() == QUICK
    store.autosave(play, thumbnail_png=PNG)
    assert store.newest() == "auto-1"
    store.save("1-1", play, thumbnail_png=PNG)
    assert store.newest() == "1-1"
    saved = store.info("1-1").saved_at
    assert store.newest(after=saved) is None and store.newest(after=store.info("auto-1").saved_at) == "1-1"
    newer = json.loads((data_dir() / "saves" / "1-1.json").read_text())
    (data_dir() / "saves" / "2-2.json").write_text(json.dumps({**newer, "game": "another", "saved_at": "2099-01-01T00:00:00+00:00"}))
    assert store.newest() == "1-1"


def test_delete_removes_the_save_and_its_picture(write_scenes, load):
    """Delete (the player's own choice) empties the slot."""
    story = load(write_scenes())
    store, _ = store_for(story)
    store.save("1-1", played_to(story, "Two."), thumbnail_png=PNG)
    assert store.delete("1-1")
    assert not store.info("1-1").filled
    assert list((data_dir() / "saves").iterdir()) == []


def test_saves_are_kept_per_game(write_scenes, load):
    """Another game's store (its own data folder) does not see this game's saves."""
    story = load(write_scenes())
    hub, _ = store_for(story)
    hub.save("1-1", played_to(story, "Two."), thumbnail_png=PNG)
    other = SaveStore(PlayerFiles(data_dir("other"), warn=Warnings()), story, "other")
    assert not other.info("1-1").filled and other.newest() is None


# -- script edits -----------------------------------------------------------------------


def saved_then_edited(write_scenes, load, words: str, *, start: str = START, left: str | None = LEFT, option: int = 0):
    """Save at the line saying `words`, rewrite the scenes, and load the save into the edited story."""
    story = load(write_scenes())
    store, _ = store_for(story)
    store.save("1-1", played_to(story, words, option), thumbnail_png=PNG)
    edited = load(write_scenes(start, left))
    store, warnings = store_for(edited)
    return store.load("1-1", seen=set()), warnings


FIRST_PART = ["Which way?", "Three.", "Two.", "One."]


LEFT_TWO = "Left two, with a great many words after it so that the slot has to cut them short."


def test_the_saved_line_removed_resumes_at_the_line_before_with_a_notice(write_scenes, load):
    """The saved line is gone (its id now names the next line): loading walks back to the line before, says so, and rewinds to the first line."""
    left = LEFT.replace(f'  - ben: "{LEFT_TWO}"\n', "")
    loaded, _ = saved_then_edited(write_scenes, load, LEFT_TWO, left=left)
    assert loaded.notice and "resumes at the nearest earlier line" in loaded.notice
    assert rewound_texts(loaded.playthrough) == ["Left one.", *FIRST_PART]


def test_a_line_removed_before_the_saved_one_still_finds_it(write_scenes, load):
    """A line removed above the saved one shifts its id; the saved line is found by its words, no notice, the removed one left out."""
    left = LEFT.replace('  - "Left one."\n', "")
    loaded, _ = saved_then_edited(write_scenes, load, "Left three.", left=left)
    assert loaded.notice is None
    assert text_of(loaded.playthrough) == "Left three."
    assert loaded.playthrough.current.id == "left.2"
    assert rewound_texts(loaded.playthrough)[2:] == FIRST_PART


def test_lines_inserted_before_the_saved_one(write_scenes, load):
    """Inserted lines move the `label.n` ids; the player is back at the same line, rewinding shows what they read (not the new lines)."""
    left = LEFT.replace('  - "Left one."\n', '  - "New one."\n  - "New two."\n  - "Left one."\n')
    loaded, _ = saved_then_edited(write_scenes, load, "Left three.", left=left)
    play = loaded.playthrough
    assert loaded.notice is None and text_of(play) == "Left three." and play.current.id == "left.5"
    assert rewound_texts(play) == ["Left three.", play.beats[5].stop.text, "Left one.", *FIRST_PART]
    while play.forward():
        pass
    assert play.advance() and play.current.stop.name == "Gone Left"


def test_a_label_renamed_walks_back_to_before_it(write_scenes, load):
    """The saved line's label was renamed (its ids are gone): resume at the choice before it, with a notice, and go on from there."""
    start = START.replace("jump: left", "jump: west")
    loaded, _ = saved_then_edited(write_scenes, load, "Left three.", start=start, left=LEFT.replace("label: left", "label: west"))
    play = loaded.playthrough
    assert loaded.notice and text_of(play) == "Which way?"
    assert rewound_texts(play) == FIRST_PART
    while play.forward():
        pass
    play.choose(0)
    assert text_of(play) == "Left one." and play.current.id == "west.1"


def test_the_choices_options_reordered(write_scenes, load):
    """With the options swapped, the option taken is found by its words: same line, and the choice marks the new place of the option taken."""
    start = START.replace("      - text: Left\n        jump: left\n      - text: Right\n        jump: right\n", "      - text: Right\n        jump: right\n      - text: Left\n        jump: left\n")
    assert start != START
    loaded, _ = saved_then_edited(write_scenes, load, "Left three.", start=start)
    play = loaded.playthrough
    assert loaded.notice is None and text_of(play) == "Left three."
    while not play.at_choice:
        play.rewind()
    assert play.option_taken() == 1
    assert play.current.stop.options[1].text == "Left"


def test_a_whole_file_removed(write_scenes, load):
    """The scene file holding the saved line is gone: resume at the last line still there (the choice), with a notice."""
    start = START.replace("jump: left", "jump: right")
    loaded, _ = saved_then_edited(write_scenes, load, "Left three.", start=start, left=None)
    assert loaded.notice and text_of(loaded.playthrough) == "Which way?"
    assert rewound_texts(loaded.playthrough) == FIRST_PART


def test_nothing_left_of_the_save_is_a_clear_error(write_scenes, load):
    """When even the first line is gone, loading refuses with a reason (the file stays)."""
    story = load(write_scenes())
    store, _ = store_for(story)
    store.save("1-1", played_to(story, "Two."), thumbnail_png=PNG)
    edited = load(write_scenes(START.replace('"One."', '"Zero."').replace('"Two."', '"Deux."')))
    store, _ = store_for(edited)
    with pytest.raises(SaveError, match="does not fit this story"):
        store.load("1-1")
    assert (data_dir() / "saves" / "1-1.json").exists()


# -- bad save files ----------------------------------------------------------------------


def _valid_save(write_scenes, load) -> tuple[SaveStore, str]:
    story = load(write_scenes())
    store, _ = store_for(story)
    store.save("1-1", played_to(story, "Three."), thumbnail_png=PNG)
    return store, (data_dir() / "saves" / "1-1.json").read_text()


BAD_SAVES = {
    "corrupt": (lambda good: "{not json", "not valid JSON"),
    "truncated": (lambda good: good[: len(good) // 2], "not valid JSON"),
    "empty": (lambda good: "", "not valid JSON"),
    "a list": (lambda good: "[1, 2]", "not a save"),
    "format as text": (lambda good: json.dumps({**json.loads(good), "format": "1"}), "its format version is not a number"),
    "format as text, header edited": (lambda good: good.replace(f'"format":{FORMAT}', '"format":"1"', 1), "its format version is not a number"),
    "foreign": (lambda good: json.dumps({**json.loads(good), "game": "elsewhere"}), "another game ('elsewhere')"),
    "future": (lambda good: json.dumps({**json.loads(good), "format": 7, "minimum_format": 5}), "newer version"),
    "no playthrough": (lambda good: json.dumps({**json.loads(good), "playthrough": None}), "no playthrough"),
    "no time": (lambda good: json.dumps({**json.loads(good), "saved_at": "yesterday"}), "time or words"),
    # Written as this version writes saves (the header on the first line), so that `info` reads only that line:
    "cut short by one byte": (lambda good: good[:-1], "not valid JSON"),
    "cut after the header": (lambda good: good[: good.index("\n") + 1], "not valid JSON"),
    "longer than its header says": (lambda good: good + "{}", "not valid JSON"),
    "foreign, header edited": (lambda good: good.replace('"game":"hub"', '"game":"elsewhere"', 1), "another game ('elsewhere')"),
    "future, header edited": (lambda good: good.replace(f'"format":{FORMAT},"minimum_format":{FORMAT}', '"format":9,"minimum_format":8', 1), "newer version"),
    "past, header edited": (lambda good: good.replace(f'"format":{FORMAT}', '"format":0', 1), "older version"),
    "no time, header edited": (lambda good: good.replace('"saved_at":"', '"saved_at":"then', 1), "time or words"),
    "not UTF-8": (lambda good: "\udcff" + good, "not UTF-8"),
}


@pytest.mark.parametrize("case", BAD_SAVES)
def test_a_bad_save_is_an_unreadable_slot_and_is_kept(write_scenes, load, case):
    """Each bad file shows as an unreadable slot with the reason, loading raises SaveError, and the file is not touched."""
    store, good = _valid_save(write_scenes, load)
    make, reason = BAD_SAVES[case]
    path = data_dir() / "saves" / "1-1.json"
    path.write_bytes(make(good).encode("utf-8", "surrogateescape"))
    before = path.read_bytes()
    info = store.info("1-1")
    assert info.filled and not info.readable and reason in info.reason
    with pytest.raises(SaveError, match="."):
        store.load("1-1")
    assert path.read_bytes() == before and store.newest() is None
    assert SaveStore(store.files, store.story, "hub").info("1-1").reason == info.reason  # the same, read afresh


def test_a_newer_format_that_this_version_can_still_read_loads(write_scenes, load):
    """A save from a newer version whose minimum format is ours loads (unknown keys are ignored)."""
    store, good = _valid_save(write_scenes, load)
    (data_dir() / "saves" / "1-1.json").write_text(json.dumps({**json.loads(good), "format": FORMAT + 1, "extra": [1]}))
    assert store.info("1-1").readable
    assert text_of(store.load("1-1").playthrough) == "Three."


@pytest.mark.parametrize(
    "playthrough",
    [{"start": "start", "index": 5, "beats": []}, {"start": "start", "index": 0, "beats": [{"at": 1}]}, {"start": 3, "index": 0, "beats": [{}]}, {"index": True}],
)
def test_a_playthrough_of_the_wrong_shape_is_refused(write_scenes, load, playthrough):
    """A save whose playthrough is malformed cannot be loaded, and says why."""
    store, good = _valid_save(write_scenes, load)
    (data_dir() / "saves" / "1-1.json").write_text(json.dumps({**json.loads(good), "playthrough": playthrough}))
    with pytest.raises(SaveError, match="does not fit this story"):
        store.load("1-1")


def test_a_folder_in_place_of_a_save_is_an_unreadable_slot(write_scenes, load):
    """A folder where a save should be shows as unreadable, not a crash."""
    store, _ = store_for(load(write_scenes()))
    (data_dir() / "saves" / "1-4.json").mkdir(parents=True)
    info = store.info("1-4")
    assert info.filled and not info.readable and "folder" in info.reason


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_in_place_of_a_save_is_an_unreadable_slot_and_is_not_waited_on(write_scenes, load):
    """A named pipe at a slot (nothing writing to it) shows as unreadable at once, and stays where it is."""
    store, _ = store_for(load(write_scenes()))
    (data_dir() / "saves").mkdir(parents=True)
    os.mkfifo(data_dir() / "saves" / "1-5.json")
    info = store.info("1-5")
    assert info.filled and not info.readable and "not a plain file" in info.reason
    assert (data_dir() / "saves" / "1-5.json").exists()


# -- the header: a slot shown without reading the whole save ----------------------------


def test_the_save_is_plain_json_with_its_header_on_the_first_line(write_scenes, load):
    """The whole file is JSON; its first line holds the header fields, and `bytes` is the length of the rest."""
    story = load(write_scenes())
    store, _ = store_for(story)
    store.save("1-1", played_to(story, LEFT_TWO), thumbnail_png=PNG)
    raw = (data_dir() / "saves" / "1-1.json").read_bytes()
    whole = json.loads(raw)
    first, rest = raw.split(b"\n", 1)
    header = json.loads(first[:-1] + b"}")
    assert list(header) == ["format", "minimum_format", "game", "saved_at", "speaker", "words", "bytes"]
    assert header["bytes"] == len(rest) and header == {key: whole[key] for key in header}
    assert (whole["format"], whole["minimum_format"], whole["game"]) == (FORMAT, FORMAT, "hub")
    assert rest.startswith(b'"playthrough":') and isinstance(whole["playthrough"], dict)


def test_info_reads_only_the_header_of_a_save_in_this_format(write_scenes, load, monkeypatch):
    """info() of a save written by this version reads its first line, never the whole file; load does read it all."""
    story = load(write_scenes())
    store, _ = store_for(story)
    store.save("1-1", played_to(story, LEFT_TWO), thumbnail_png=PNG)
    fresh, _ = store_for(story)
    whole_reads = []
    with monkeypatch.context() as patched:
        patched.setattr(PlayerFiles, "load_json", lambda self, name, **kw: whole_reads.append(name))
        info = fresh.info("1-1")
    assert info.readable and info.speaker == "Ben" and info.words.startswith("Left two")
    assert info.saved_at == datetime(2026, 11, 25, 10, 1, tzinfo=timezone.utc)
    assert whole_reads == []
    assert text_of(fresh.load("1-1").playthrough) == LEFT_TWO


def test_a_header_that_does_not_fit_its_file_sends_info_to_the_whole_file(write_scenes, load, monkeypatch):
    """A first line that is not a header, or whose length disagrees with the file, is not trusted: the whole file is read."""
    store, good = _valid_save(write_scenes, load)
    path = data_dir() / "saves" / "1-1.json"
    for changed in (good.replace('"bytes":', '"bytes":1', 1), good.replace("\n", " ", 1), json.dumps(json.loads(good))):
        path.write_text(changed)
        fresh, _ = store_for(store.story)
        whole_reads = []
        real = PlayerFiles.load_json
        with monkeypatch.context() as patched:
            patched.setattr(PlayerFiles, "load_json", lambda self, name, **kw: whole_reads.append(name) or real(self, name, **kw))
            info = fresh.info("1-1")
        assert whole_reads == ["saves/1-1.json"]
        assert info.readable and info.words == "Three."  # whole, the file is still a good save


def test_damage_inside_the_playthrough_shows_once_loading_finds_it(write_scenes, load):
    """Damage that keeps the file's length passes the header, but load refuses it and the slot then shows why."""
    store, good = _valid_save(write_scenes, load)
    path = data_dir() / "saves" / "1-1.json"
    damaged = good.replace('"beats":[', '"beats":{', 1)
    assert len(damaged) == len(good)
    path.write_text(damaged)
    fresh, _ = store_for(store.story)
    assert fresh.info("1-1").readable
    with pytest.raises(SaveError, match="not valid JSON"):
        fresh.load("1-1")
    info = fresh.info("1-1")
    assert not info.readable and "not valid JSON" in info.reason and fresh.newest() is None
    assert path.read_text() == damaged


def format_1(story, play: Playthrough) -> dict:
    """A save as format 1 wrote it: every beat's whole state (with a version of its own, its calls as step indexes), and its keys in any order."""
    beats = []
    for number, beat in enumerate(play.beats):
        state = {"version": 1, **beat.state.to_json(story), "calls": list(beat.state.calls)}
        entry = {"at": beat.id, "check": fingerprint(beat.stop), "state": state}
        option = play.option_taken_at(number)
        if option is not None:
            entry["option"], entry["option_text"] = option, beat.stop.options[option].text
        beats.append(entry)
    return {
        "format": 1, "minimum_format": 1, "game": "hub", "saved_at": "2026-11-20T09:30:00+00:00",
        "playthrough": {"start": play.start, "index": play.index, "beats": beats}, "speaker": "Ben", "words": "Left two…",
    }  # fmt: skip


def test_a_format_1_save_still_shows_and_loads(write_scenes, load):
    """A save written by the previous version (format 1) shows in its slot and loads back the same playthrough."""
    story = load(write_scenes())
    play = played_to(story, "Left three.")
    play.rewind()
    store, warnings = store_for(story)
    (data_dir() / "saves").mkdir(parents=True)
    (data_dir() / "saves" / "2-1.json").write_text(json.dumps(format_1(story, play), indent=1))
    info = store.info("2-1")
    assert info.readable and info.speaker == "Ben" and info.saved_at == datetime(2026, 11, 20, 9, 30, tzinfo=timezone.utc)
    loaded = store.load("2-1")
    assert loaded.notice is None and loaded.playthrough.beats == play.beats and loaded.playthrough.index == play.index
    assert loaded.playthrough.option_taken_at(3) == 0 and warnings == []


def test_a_format_1_save_survives_a_script_edit_from_its_whole_states(write_scenes, load):
    """Where the edited story no longer leads to a saved beat, a format 1 save rebuilds it from the state it kept."""
    story = load(write_scenes())
    play = played_to(story, "Left three.")
    (data_dir() / "saves").mkdir(parents=True)
    (data_dir() / "saves" / "1-1.json").write_text(json.dumps(format_1(story, play)))
    left = LEFT.replace('  - "Left one."\n', '  - "New one."\n  - "Left one."\n')
    store, _ = store_for(load(write_scenes(left=left)))
    loaded = store.load("1-1")
    assert loaded.notice is None and text_of(loaded.playthrough) == "Left three."
    assert loaded.playthrough.current.state.scene.background == "hall"


def test_the_compact_playthrough_keeps_state_only_where_it_changes(write_scenes, load):
    """Beats that change nothing are just an id and a fingerprint; the first holds the whole state, a choice its option."""
    story = load(write_scenes())
    play = played_to(story, "Left three.")
    beats = play.to_json()["beats"]
    assert beats[0][:2] == ["start.1", fingerprint(play.beats[0].stop)]
    assert set(beats[0][2]) == {"background", "sprites", "music", "choices", "variables", "calls"}
    assert beats[1][2] == {"sprites": [["ann", "calm", "left"]]}  # Two.: ann came in
    assert beats[3][2] == {"option": 0, "option_text": "Left"}  # the choice
    assert beats[4][2] == {"background": "hall", "choices": [["start.4", 0]]}  # Left one.
    assert beats[5] == [play.beats[5].id, fingerprint(play.beats[5].stop)]


def test_the_compact_playthrough_knows_every_part_of_the_state(write_scenes, load):
    """`encode` compares the state part by part: a field added to StoryState must be added to resume.STATE_PARTS and `_changed` too."""
    story = load(write_scenes())
    state = Playthrough(story).current.state
    assert {field.name for field in dataclasses.fields(state)} == {"position", "scene", "music", "choices", "variables", "calls"}
    assert set(state.to_json(story)) == {"at", *STATE_PARTS}


# -- atomic writes ------------------------------------------------------------------------


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_a_save_interrupted_midway_leaves_the_old_save_whole(write_scenes, load, monkeypatch, failing):
    """If the write fails at fsync or the rename, save returns False with one warning and the old save still loads."""
    story = load(write_scenes())
    store, warnings = store_for(story)
    store.save("1-1", played_to(story, "Two."), thumbnail_png=PNG)

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr(userdata.os, failing, broken)
        assert store.save("1-1", played_to(story, "Left one."), thumbnail_png=PNG) is False
    assert text_of(store.load("1-1").playthrough) == "Two."
    assert len(warnings) == 1 and "No space left" in warnings[0]
    assert sorted(p.name for p in (data_dir() / "saves").iterdir()) == ["1-1.json", "1-1.png"]


def test_a_quick_save_that_fails_keeps_its_old_picture(write_scenes, load, monkeypatch):
    """The save cannot be written: quick.png is not written over, and the old save and picture stay whole."""
    story = load(write_scenes())
    store, warnings = store_for(story)
    assert store.quick_save(played_to(story, "Two."), thumbnail_png=PNG)
    write = store.files.write_bytes

    def no_saves(name, data):
        return False if name.endswith(".json") else write(name, data)

    with monkeypatch.context() as patched:
        patched.setattr(store.files, "write_bytes", no_saves)
        assert store.quick_save(played_to(story, "Left one."), thumbnail_png=PNG + b"new") is False
    assert text_of(store.load(QUICK).playthrough) == "Two."
    assert (data_dir() / "saves" / f"{QUICK}.png").read_bytes() == PNG


MOVES = st.lists(st.sampled_from(["advance", "rewind", "forward", "choose0", "choose1"]), max_size=30)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])  # the story is immutable
@given(moves=MOVES)
def test_any_playthrough_loads_back_the_same(write_scenes, load, moves):
    """Whatever the player did (rewound or not, either option), the loaded playthrough has the same beats, place and option taken."""
    story = load(write_scenes())
    play = Playthrough(story)
    for move in moves:
        if move.startswith("choose"):
            if play.at_choice:
                play.choose(int(move[-1]))
        else:
            getattr(play, move)()
    store, warnings = store_for(story)
    assert store.save("5-5", play, thumbnail_png=PNG)
    loaded = store.load("5-5")
    assert loaded.notice is None and warnings == []
    assert loaded.playthrough.beats == play.beats and loaded.playthrough.index == play.index
    assert loaded.playthrough.option_taken() == play.option_taken()
