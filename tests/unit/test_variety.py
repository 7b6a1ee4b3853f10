"""Variety inside a line: `{cycle: a|b}`, `{once: a|b}`, `{shuffle: a|b}`, counted in the story state (issue 16)."""

from __future__ import annotations

import pytest

from game.beats import after, begin
from game.script import ScriptError, load_story
from game.transcript import transcript

LOOP = """
variables:
  n: 0
script:
  - label: start
  - label: again
  - "The clock {cycle: ticks|tocks}. {once: First|Second|Again}. {shuffle: red|green|blue}."
  - set: n += 1
  - if: n < 6
    then:
      - jump: again
  - ending: E
"""


def lines(story):
    return [line for line in transcript(story) if not line.startswith("Ending")]


def test_cycle_goes_round_once_stops_at_the_last_and_shuffle_shows_each_once_a_round(scenes, asset_root):
    story, _ = load_story(scenes({"a.yaml": LOOP}), assets=asset_root)
    read = lines(story)
    assert [line.split(".")[0] for line in read] == ["The clock ticks", "The clock tocks"] * 3
    assert [line.split(". ")[1] for line in read] == ["First", "Second", "Again", "Again", "Again", "Again"]
    colours = [line.split(". ")[2].rstrip(".") for line in read]
    assert sorted(colours[:3]) == sorted(colours[3:]) == ["blue", "green", "red"]


def test_the_same_playthrough_shows_the_same_picks_and_an_earlier_state_is_untouched(scenes, asset_root):
    story, _ = load_story(scenes({"a.yaml": LOOP}), assets=asset_root)
    assert lines(story) == lines(story)  # reloading replays the same picks
    first = begin(story)
    second = after(story, first.state)
    assert first.text != second.text and begin(story).text == first.text


def test_a_variety_needs_two_choices(scenes, asset_root):
    text = "script:\n  - label: start\n  - \"A {cycle: only}.\"\n  - ending: E\n"
    with pytest.raises(ScriptError) as caught:
        load_story(scenes({"a.yaml": text}), assets=asset_root)
    assert any("{cycle:} needs two or more choices" in p.message and p.place.col == 8 for p in caught.value.problems), [str(p) for p in caught.value.problems]
