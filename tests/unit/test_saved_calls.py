"""Pending calls in a save: kept by stable ids, so an edited story never sends a `return:` to the wrong place."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from game.playthrough import Playthrough
from game.resume import MOVED_NOTICE
from game.saves import SaveStore
from game.script import load_story
from game.script.model import Call, Line
from game.stable_ids import fingerprint
from game.state import StoryState
from game.userdata import PlayerFiles, data_dir

ASIDE = """
script:
  - label: aside
  - "Aside one."
  - "Aside two."
  - return:
"""

START = """
script:
  - label: start
  - "One."
  - "Two."
  - call: aside
  - "Back."
  - call: aside
  - "Back again."
  - ending: Done
"""

#: Written by the code before pending calls were saved by stable ids (save format 2): ASIDE and START,
#: saved at "Aside two." inside the first call, its call stack a raw step index.
FORMAT_2_SAVE = Path(__file__).parent / "saves" / "format-2-inside-a-call.json"


@pytest.fixture
def story_of(scenes, asset_root):
    """The story of `aside.yaml` and `start.yaml` (aside sorts first: its steps come before the calls)."""

    def story_of(aside: str = ASIDE, start: str = START):
        folder = scenes({"aside.yaml": aside, "start.yaml": start}, with_characters=False)
        return load_story(folder, assets=asset_root)[0]

    return story_of


def store_for(story) -> SaveStore:
    return SaveStore(PlayerFiles(data_dir(), warn=pytest.fail), story, "hub")


def played_to(story, words: str, *, times: int = 1) -> Playthrough:
    """A playthrough from the start to the `times`-th line saying `words`."""
    play = Playthrough(story)
    while True:
        if words_of(play) == words:
            times -= 1
            if not times:
                return play
        assert play.advance(), f"never reached {words!r}"


def words_of(play: Playthrough) -> str:
    stop = play.current.stop
    return stop.text if isinstance(stop, Line) else ""


def saved_and_loaded(story_of, edited: dict[str, str], *, times: int = 1):
    """Save at "Aside two." (inside the `times`-th call) in the story as written, load it into the edited story."""
    play = played_to(story_of(), "Aside two.", times=times)
    assert play.current.state.calls
    assert store_for(play.story).save("1-1", play, thumbnail_png=b"")
    return store_for(story_of(**edited)).load("1-1")


def calls_in(save: Path) -> list:
    """Every call stack the save's playthrough keeps."""
    beats = json.loads(save.read_text())["playthrough"]["beats"]
    return [beat[2]["calls"] for beat in beats if len(beat) == 3 and "calls" in beat[2]]


EDITS = {
    "lines inserted before the call site": {"start": START.replace('"Two."\n', '"Two."\n  - "Inserted."\n  - "Inserted too."\n', 1)},
    "a line inserted inside the called block": {"aside": ASIDE.replace('"Aside one."\n', '"Aside one."\n  - "Aside half."\n')},
    "before the call site and inside the called block": {
        "start": START.replace('"Two."\n', '"Two."\n  - "Inserted."\n', 1),
        "aside": ASIDE.replace('"Aside one."\n', '"Aside one."\n  - "Aside half."\n'),
    },
    "inside the called block and a scene before its label": {
        "aside": ASIDE.replace("  - label: aside\n", '  - label: elsewhere\n  - "Elsewhere."\n  - return:\n  - label: aside\n').replace('"Aside one."\n', '"Aside one."\n  - "Aside half."\n')
    },
}


def test_a_save_inside_a_call_keeps_no_step_index(story_of):
    """The pending call is saved by the label it is under, the label it calls, which call that is and what it returns to."""
    story = story_of()
    store_for(story).save("1-1", played_to(story, "Aside two."), thumbnail_png=b"")
    stacks = calls_in(data_dir() / "saves" / "1-1.json")
    back = story.steps[story.index_of_id["start.3"]]
    assert back.text == "Back." and stacks[-1] == [["start", "aside", 0, fingerprint(back)]]
    assert not any(isinstance(entry, int) for stack in stacks for entry in stack)


@pytest.mark.parametrize("edit", EDITS, ids=list(EDITS))
@pytest.mark.parametrize("times, back", [(1, "Back."), (2, "Back again.")])
def test_an_edit_above_a_saved_call_still_returns_after_the_call(story_of, edit, times, back):
    """Saved inside a called block, the story edited above the call site: loading finds the same line, and `return:` goes back after the call."""
    loaded = saved_and_loaded(story_of, EDITS[edit], times=times)
    assert loaded.notice is None and words_of(loaded.playthrough) == "Aside two."
    assert loaded.playthrough.advance() and words_of(loaded.playthrough) == back


def test_a_deleted_call_site_resumes_before_the_call_with_the_notice(story_of):
    """The `call:` the save waits to return to is gone: the player resumes at the last line before it, never at a wrong return."""
    loaded = saved_and_loaded(story_of, {"start": START.replace("  - call: aside\n", "", 1)})
    assert loaded.notice == MOVED_NOTICE and words_of(loaded.playthrough) == "Two."


def test_a_call_of_the_same_label_added_above_the_saved_one(story_of):
    """Another `call:` of the same label put above the saved one: the state still returns after its own call."""
    state = played_to(story_of(), "Aside two.").current.state
    saved = json.loads(json.dumps(state.to_json(story_of())))
    edited = story_of(start=START.replace('"Two."\n', '"Two."\n  - call: aside\n  - "Aside done."\n', 1))
    back = StoryState.from_json(edited, saved).calls[-1]
    assert edited.steps[back - 1] == Call("aside") and edited.steps[back].text == "Back."
    assert edited.steps[back - 3] == Call("aside")  # not the one added above it


def test_a_call_at_the_end_of_its_label_returns_to_the_start_of_the_next(story_of):
    """A `call:` last under its label returns to what follows it, the next label's first step, whatever is added there."""
    start = START.replace('  - "Back."\n', "  - label: after\n  - \"Back.\"\n", 1)
    state = played_to(story_of(start=start), "Aside two.").current.state
    saved = json.loads(json.dumps(state.to_json(story_of(start=start))))
    edited = story_of(start=start.replace("label: after\n", 'label: after\n  - "Now first after."\n'))
    assert StoryState.from_json(edited, saved).calls == (edited.labels["after"],)


@pytest.mark.parametrize(
    "edit, at",
    [({"start": START.replace('"One."\n', '"One."\n  - label: middle\n', 1)}, "aside.2"), ({"aside": ASIDE.replace("aside", "beside"), "start": START.replace("aside", "beside")}, "beside.2")],
    ids=["a label put above the call", "the called label renamed"],
)
def test_a_call_under_another_label_no_longer_fits(story_of, edit, at):
    """The call is no longer under the label it was saved under, or calls another: it cannot be told apart, so it does not fit."""
    state = played_to(story_of(), "Aside two.").current.state
    saved = {**json.loads(json.dumps(state.to_json(story_of()))), "at": at}  # the line itself is still there
    with pytest.raises(ValueError, match="call"):
        StoryState.from_json(story_of(**edit), saved)


@pytest.mark.parametrize("entry", [6, "start", ["start", "aside", "0", "x"], ["start", "aside", -1, "x"], ["start", "aside", True, "x"], []])
def test_a_saved_call_of_the_wrong_shape_is_refused(story_of, entry):
    story = story_of()
    saved = {**played_to(story, "Aside two.").current.state.to_json(story), "calls": [entry]}
    with pytest.raises(ValueError, match="call"):
        StoryState.from_json(story, saved)


# -- saves written before calls were saved by stable ids (format 2) ------------------------


def copied_format_2_save() -> Path:
    (data_dir() / "saves").mkdir(parents=True)
    return Path(shutil.copy(FORMAT_2_SAVE, data_dir() / "saves" / "1-1.json"))


def test_a_format_2_save_inside_a_call_loads_and_returns(story_of):
    """A save written before this version, its call stack a step index, loads into the same story and returns after the call."""
    story = story_of()
    copied_format_2_save()
    loaded = store_for(story).load("1-1")
    assert loaded.notice is None and loaded.playthrough.beats == played_to(story, "Aside two.").beats
    assert loaded.playthrough.advance() and words_of(loaded.playthrough) == "Back."


def test_a_format_2_save_rebuilt_from_its_state_converts_its_call_stack(story_of):
    """Where the edited story no longer leads to the saved line, its state is rebuilt and its step index read as it was written."""
    copied_format_2_save()
    loaded = store_for(story_of(aside=ASIDE.replace('"Aside one."', '"Aside first."'))).load("1-1")
    assert loaded.notice is None and words_of(loaded.playthrough) == "Aside two."
    assert loaded.playthrough.advance() and words_of(loaded.playthrough) == "Back."


def test_a_format_2_save_takes_its_calls_from_the_line_before_when_they_did_not_change(story_of):
    """A line added in the called block before the saved one moves the call's step index, but the line before the
    saved one was replayed inside the same call: its calls are the saved line's calls, so the index is not needed."""
    copied_format_2_save()
    loaded = store_for(story_of(**EDITS["a line inserted inside the called block"])).load("1-1")
    assert loaded.notice is None and words_of(loaded.playthrough) == "Aside two."
    assert loaded.playthrough.advance() and words_of(loaded.playthrough) == "Back."


def test_a_format_2_call_stack_that_no_longer_fits_resumes_earlier(story_of):
    """A step index that no longer follows a `call:` (lines were inserted above it) is not trusted: the player resumes before the call, with the notice."""
    copied_format_2_save()
    loaded = store_for(story_of(**EDITS["lines inserted before the call site"])).load("1-1")
    assert loaded.notice == MOVED_NOTICE and words_of(loaded.playthrough) == "Two."


def test_a_format_2_save_is_saved_again_by_stable_ids(story_of):
    story = story_of()
    copied_format_2_save()
    store = store_for(story)
    store.save("1-2", store.load("1-1").playthrough, thumbnail_png=b"")
    assert calls_in(data_dir() / "saves" / "1-1.json")[-1] == [6]
    assert calls_in(data_dir() / "saves" / "1-2.json")[-1] == calls_in(_saved(story))[-1]


def _saved(story) -> Path:
    store_for(story).save("2-1", played_to(story, "Aside two."), thumbnail_png=b"")
    return data_dir() / "saves" / "2-1.json"
