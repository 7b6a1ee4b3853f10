"""Visit counts: `visits("label")` and `seen("label")` in expressions, kept in the story state (issue 16)."""

from __future__ import annotations

import pytest

from game.beats import after, begin
from game.script import ScriptError, load_story
from game.state import StoryState
from game.transcript import transcript

BAR = """
variables:
  drinks: 0
script:
  - label: start
  - label: bar
  - "{if seen(\\"cellar\\")}The cellar door is open.{else}The bar is quiet.{/if} Visit [drinks]."
  - set: drinks += 1
  - choice: Now?
    options:
      - text: Down to the cellar.
        if: not seen("cellar")
        jump: cellar
      - text: Another round.
        if: visits("bar") < 3
        jump: bar
      - text: Go home.
        jump: home
  - label: cellar
  - "Cellar, visit {if visits(\\"cellar\\") == 1}one{else}again{/if}."
  - jump: bar
  - label: home
  - ending: "{if visits(\\"bar\\") >= 3}Tipsy{else}Sober{/if}"
"""


@pytest.fixture
def story(scenes, asset_root):
    return load_story(scenes({"a.yaml": BAR}), assets=asset_root)[0]


def test_visits_count_each_pass_of_the_label_and_seen_says_at_least_once(story):
    assert list(transcript(story, options=[0, 0, 0, 0])) == [
        "The bar is quiet. Visit 0.", "Now?", "> Down to the cellar.", "Cellar, visit one.",
        "The cellar door is open. Visit 1.", "Now?", "> Another round.",
        "The cellar door is open. Visit 2.", "Now?", "> Go home.", "Ending: Tipsy"]


def test_rewind_saves_and_start_keep_the_counts(story):
    first = begin(story)
    second = after(story, after(story, first.state).state, 0)  # into the cellar
    assert dict(second.state.variables)["~visits.cellar"] == 1
    assert dict(first.state.variables)["~visits.cellar"] == 0  # the earlier state (rewind) is untouched
    assert StoryState.from_json(story, second.state.to_json(story)) == second.state
    old_save = second.state.to_json(story)
    old_save["variables"] = {"drinks": 1}  # a state written before visits were kept
    assert dict(StoryState.from_json(story, old_save).variables)["~visits.bar"] == 0
    started = begin(story, "cellar")
    assert started.text == "Cellar, visit one."
    assert dict(started.state.variables)["~visits.cellar"] == 1 and dict(started.state.variables)["~visits.bar"] == 1


@pytest.mark.parametrize(("condition", "message"), [
    ('visits("celar") > 0', "no label 'celar' to count the visits of"),
    ("visits(cellar) > 0", "visits( takes a label's name in quotes"),
    ('seen("cellar") + 1 > 0', "type clash"),
])
def test_mistakes_in_visits_are_named_at_their_place(scenes, asset_root, condition, message):
    text = f"script:\n  - label: start\n  - if: {condition}\n    then:\n      - Hi.\n  - label: cellar\n  - ending: E\n"
    with pytest.raises(ScriptError) as caught:
        load_story(scenes({"a.yaml": text}), assets=asset_root)
    found = [p for p in caught.value.problems if message in p.message]
    assert found and found[0].place.line == 3, [str(p) for p in caught.value.problems]


def test_check_says_where_its_value_aware_analysis_stopped_short(scenes, asset_root):
    text = "variables:\n  n: 0\nscript:\n  - label: start\n  - label: loop\n  - set: n += 1\n  - choice: Again?\n    options:\n      - text: Yes.\n        jump: loop\n      - text: No.\n        jump: out\n  - label: out\n  - ending: E\n"
    _, warnings = load_story(scenes({"a.yaml": text}), assets=asset_root)
    stopped = [w for w in warnings if "stopped following the story's values" in w.message]
    assert len(stopped) == 1 and stopped[0].place.line in (6, 7) and "states" in stopped[0].message
