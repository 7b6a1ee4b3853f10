"""`constants:` (never set) and `temp:` (back to its value at every label passed), issue 16."""

from __future__ import annotations

import pytest

from game.beats import after, begin
from game.script import ScriptError, load_story
from game.state import StoryState
from game.transcript import transcript

ROOMS = """
constants:
  MAX_TRIES: 2
  HERO: "Ada"
temp:
  said: 0
variables:
  tries: 0
script:
  - label: start
  - label: room
  - set: said += 1
  - set: tries += 1
  - "[HERO] says it [said] time{if said > 1}s{/if} (try [tries] of [MAX_TRIES])."
  - set: said += 1
  - "Now [said]."
  - choice: Again?
    options:
      - text: Again.
        if: tries < MAX_TRIES
        jump: room
      - text: Stay.
        set: said += 5
        do:
          - "Staying, [said]."
  - "After the choice, still [said]."
  - jump: out
  - label: out
  - "Out: [said]."
  - ending: Done
"""


@pytest.fixture
def story(scenes, asset_root):
    return load_story(scenes({"a.yaml": ROOMS}), assets=asset_root)[0]


def test_a_temp_lives_until_the_next_label_and_a_constant_reads_everywhere(story):
    assert list(transcript(story, options=[0, 0])) == [
        "Ada says it 1 time (try 1 of 2).", "Now 2.", "Again?", "> Again.",
        "Ada says it 1 time (try 2 of 2).", "Now 2.", "Again?", "> Stay.",
        "Staying, 7.", "After the choice, still 7.", "Out: 0.", "Ending: Done"]


def test_saves_rewind_and_start_keep_a_temp_and_a_save_never_keeps_a_constant(story):
    first = begin(story)
    second = after(story, first.state)
    assert dict(second.state.variables)["said"] == 2 and dict(first.state.variables)["said"] == 1
    saved = second.state.to_json(story)
    assert StoryState.from_json(story, saved) == second.state
    saved["variables"]["MAX_TRIES"] = 99  # a save from before the writer changed the constant
    assert dict(StoryState.from_json(story, saved).variables)["MAX_TRIES"] == 2
    assert begin(story, "out").text == "Out: 0."


def _problems(scenes, asset_root, text: str) -> list:
    with pytest.raises(ScriptError) as caught:
        load_story(scenes({"a.yaml": text}), assets=asset_root)
    return caught.value.problems


def test_setting_a_constant_is_an_error_at_its_column(scenes, asset_root):
    text = "constants:\n  LIMIT: 3\nscript:\n  - label: start\n  - set: LIMIT += 1\n  - choice: Go?\n    options:\n      - text: Go.\n        set: LIMIT = 4\n        jump: start\n"
    found = [p for p in _problems(scenes, asset_root, text) if "'LIMIT' is a constant" in p.message]
    assert [(p.place.line, p.place.col) for p in found] == [(5, 10), (9, 14)]
    assert "declared at" in found[0].message and "variables:" in found[0].hint


def test_a_name_declared_as_a_constant_and_a_variable_is_an_error(scenes, asset_root):
    text = "constants:\n  n: 3\nvariables:\n  n: 0\nscript:\n  - label: start\n  - ending: E\n"
    found = [p for p in _problems(scenes, asset_root, text) if "'n' is declared twice" in p.message]
    assert len(found) == 1 and found[0].place.line == 2 and "a.yaml:4:" in found[0].message  # both places named


def test_a_constants_section_must_be_a_mapping(scenes, asset_root):
    text = "constants: [1, 2]\nscript:\n  - label: start\n  - ending: E\n"
    assert any("`constants:` is a mapping" in p.message for p in _problems(scenes, asset_root, text))
