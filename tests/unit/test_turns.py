"""`turns()`: the lines passed since the last choice, kept in the story state (issue 16)."""

from __future__ import annotations

import pytest

from game.beats import after, begin
from game.script import ScriptError, load_story
from game.state import StoryState
from game.transcript import transcript

WAITING = """
script:
  - label: start
  - "First, [n] so far{if turns() == 0}, none passed{/if}."
  - "Second."
  - label: wait
  - "Waited {if turns() >= 2}long{else}briefly{/if}."
  - choice: "Go on? ({if turns() == 3}three lines{else}other{/if})"
    options:
      - text: "Wait more."
        if: turns() < 5
        set: n += 1
        do:
          - "Right after the choice: {if turns() == 0}zero{else}more{/if}."
      - text: "Leave."
        jump: out
  - jump: wait
  - label: out
  - ending: "{if turns() == 0}Quick{else}Slow{/if}"
variables:
  n: 0
"""


@pytest.fixture
def story(scenes, asset_root):
    return load_story(scenes({"a.yaml": WAITING}), assets=asset_root)[0]


def test_turns_counts_the_lines_passed_since_the_last_choice(story):
    assert list(transcript(story, options=[0, 1])) == [
        "First, 0 so far, none passed.", "Second.", "Waited long.", "Go on? (three lines)", "> Wait more.",
        "Right after the choice: zero.", "Waited briefly.", "Go on? (other)", "> Leave.", "Ending: Quick"]


def test_rewind_saves_and_start_keep_turns(story):
    first = begin(story)
    second = after(story, first.state)
    assert dict(first.state.variables)["~turns"] == 0 and dict(second.state.variables)["~turns"] == 1
    assert StoryState.from_json(story, second.state.to_json(story)) == second.state
    assert begin(story, "wait").text == "Waited long."  # the shortest way there passes two lines


def test_a_story_without_turns_keeps_no_counter(scenes, asset_root):
    story = load_story(scenes({"a.yaml": "script:\n  - label: start\n  - Hi.\n  - ending: E\n"}), assets=asset_root)[0]
    assert "~turns" not in story.variables


def test_turns_takes_nothing_in_its_brackets(scenes, asset_root):
    text = "script:\n  - label: start\n  - if: turns(2) > 0\n    then:\n      - Hi.\n  - ending: E\n"
    with pytest.raises(ScriptError) as caught:
        load_story(scenes({"a.yaml": text}), assets=asset_root)
    found = [p for p in caught.value.problems if "turns() takes nothing" in p.message]
    assert [(p.place.line, p.place.col) for p in found] == [(3, 15)]  # at the 2
