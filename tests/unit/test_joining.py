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


SAVED = """
script:
  - label: start
  - "First."
  - "You open <>"
  - ann: "the door."
  - ending: E
"""


def test_a_rebuilt_beat_keeps_the_joined_start_of_its_paragraph(scenes, asset_root):
    """Rewinding keeps the beat; loading replays it; loading into an edited story rebuilds it from the saved state."""
    from game.playthrough import Playthrough

    story, _ = load_story(scenes({"a.yaml": SAVED}), assets=asset_root)
    play = Playthrough(story)
    play.advance()
    assert play.current.text == "You open the door."
    saved = play.to_json()
    loaded, _ = Playthrough.from_json(story, saved, save_format=3)
    assert loaded.current.text == "You open the door."
    edited, _ = load_story(scenes({"a.yaml": SAVED.replace('  - "First."\n', '  - "First."\n  - "Inserted."\n')}), assets=asset_root)
    rebuilt, _ = Playthrough.from_json(edited, saved, save_format=3)
    assert rebuilt.current.stop.text == "the door." and rebuilt.current.text == "You open the door."


def test_a_joined_paragraph_is_spoken_by_its_last_lines_speaker(scenes, asset_root):
    story, _ = load_story(scenes({"a.yaml": SAVED}), assets=asset_root)
    assert list(transcript(story)) == ["First.", "Ann: You open the door.", "Ending: E"]
    narrated, _ = load_story(scenes({"a.yaml": SAVED.replace('  - "You open <>"\n  - ann: "the door."', '  - ann: "You open <>"\n  - "the door."')}), assets=asset_root)
    assert list(transcript(narrated)) == ["First.", "You open the door.", "Ending: E"]
