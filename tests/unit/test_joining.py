"""Joining: a line ending in `<>` runs on into the next line's text, one paragraph, across jumps, calls and `if:` (issue 16)."""

from __future__ import annotations

from game.beats import begin
from game.script import load_story
from game.transcript import transcript

STORY = """
variables:
  brave: true
script:
  - label: start
  - "You open the door <>"
  - if: brave
    then:
      - "{b}boldly{/b}<>"
  - jump: on
  - label: on
  - call: aside
  - " and step in."
  - ending: In
  - label: aside
  - ", if a little late,<>"
  - return:
"""


def test_joined_lines_read_as_one_paragraph_across_if_jump_and_call(scenes, asset_root):
    story, _ = load_story(scenes({"a.yaml": STORY}), assets=asset_root)
    assert list(transcript(story)) == ["You open the door boldly, if a little late, and step in.", "Ending: In"]
    beat = begin(story)
    assert beat.stop.text == " and step in."  # the stop the player waits at is the last line
    assert any(getattr(s, "name", None) == "b" for s in beat.segments)  # the styles of the joined lines are kept


def test_a_line_without_the_mark_is_its_own_paragraph(scenes, asset_root):
    story, _ = load_story(scenes({"a.yaml": STORY.replace("late,<>", "late,")}), assets=asset_root)
    assert list(transcript(story)) == ["You open the door boldly, if a little late,", " and step in.", "Ending: In"]
