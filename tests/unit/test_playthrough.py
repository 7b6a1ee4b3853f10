"""The playthrough: advancing, the choice, rewinding across it, rolling forward, skip and seen."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.beats import ChangeMusic, StoryEnded, after
from game.playthrough import Playthrough
from game.saves import FORMAT
from game.script import load_story
from game.script.model import Choice, Ending, Line
from game.state import StoryState

STORY = """
script:
  - label: start
  - background: room
  - music: chime
  - "One."
  - show: ann calm at left
    transition: dissolve
  - ann: "Two."
  - ann: "Three.{show ann sad}"
  - choice: Which way?
    options:
      - text: Left
        jump: left
      - text: Right
        jump: right
  - label: left
  - background: hall
  - "Left one."
  - "Left two."
  - ending: Gone Left
  - label: right
  - hide: ann
  - "Right one."
  - ending: Gone Right
"""


@pytest.fixture
def story(scenes, asset_root):
    return load_story(scenes({"story.yaml": STORY}), assets=asset_root)[0]


def texts(playthrough: Playthrough) -> str:
    stop = playthrough.current.stop
    return stop.text if isinstance(stop, Line) else type(stop).__name__


def to_choice(playthrough: Playthrough) -> None:
    while playthrough.advance():
        pass


def test_advance_walks_lines_and_tracks_the_scene(story):
    """Advancing shows each line in order with the scene the script built up to it."""
    play = Playthrough(story)
    assert texts(play) == "One."
    assert play.current.state.scene.background == "room"
    assert play.current.state.music.track == "chime"
    play.advance()
    assert texts(play) == "Two."
    assert [(s.character, s.expression, s.position) for s in play.current.state.scene.sprites] == [("ann", "calm", "left")]
    play.advance()
    assert play.current.text_scene.sprite("ann").expression == "calm"
    assert play.current.state.scene.sprite("ann").expression == "sad"  # the cue inside the line


def test_choice_blocks_advance_and_leads_to_its_branch(story):
    """At the choice, advance does nothing; choosing goes to that option's label."""
    play = Playthrough(story)
    to_choice(play)
    assert play.at_choice and isinstance(play.current.stop, Choice)
    assert play.advance() is False
    play.choose(1)
    assert texts(play) == "Right one."
    assert play.current.state.scene.sprites == ()
    assert play.current.state.choices == (("start.4", 1),)


def test_rewind_across_the_choice_then_choose_differently(story):
    """Rewinding back over the choice to the first line, then choosing another option, drops the old future."""
    play = Playthrough(story)
    to_choice(play)
    play.choose(0)
    play.advance()
    assert texts(play) == "Left two."
    while play.rewind():
        pass
    assert play.index == 0 and texts(play) == "One."
    assert play.current.state.scene.sprites == ()
    to_choice(play)
    assert play.option_taken() == 0
    play.choose(1)
    assert texts(play) == "Right one."
    assert not play.rewound
    assert play.current.state.choices == (("start.4", 1),)
    play.advance()
    assert isinstance(play.current.stop, Ending) and play.current.stop.name == "Gone Right"


def test_roll_forward_replays_until_the_players_position(story):
    """Roll forward replays the same beats, keeping the choice made, and stops at the furthest one."""
    play = Playthrough(story)
    to_choice(play)
    play.choose(0)
    furthest = play.current
    for _ in range(3):
        play.rewind()
    assert play.rewound
    while play.forward():
        pass
    assert play.current is furthest
    assert play.forward() is False


def test_choosing_the_same_option_keeps_the_future(story):
    """At a rewound choice, taking the same option keeps the beats ahead."""
    play = Playthrough(story)
    to_choice(play)
    play.choose(0)
    play.advance()
    end = len(play.beats)
    play.rewind()
    play.rewind()
    play.choose(0)
    assert len(play.beats) == end and play.rewound


def test_skip_stops_at_unseen_lines_and_at_the_choice(story):
    """Skip passes only lines seen before, and never the choice."""
    seen: set[str] = set()
    first = Playthrough(story, seen=seen)
    first.advance()  # sees One and Two
    second = Playthrough(story, seen=seen)
    assert second.skip() is True
    assert texts(second) == "Two."
    assert second.skip() is False  # "Three." was never seen
    second.advance()
    to_choice(second)
    assert second.skip() is False  # the choice
    assert texts(second) == "Choice"


def test_after_an_ending_there_is_nothing(story):
    """The story ends at an ending: the engine refuses to go past it."""
    play = Playthrough(story)
    to_choice(play)
    play.choose(1)
    play.advance()
    assert play.ended and play.advance() is False
    with pytest.raises(StoryEnded):
        after(story, play.current.state)


def test_state_round_trips_through_json(story):
    """A state written to JSON reads back equal, and a stale one is refused clearly."""
    play = Playthrough(story)
    to_choice(play)
    play.choose(0)
    state = play.current.state
    assert StoryState.from_json(story, state.to_json(story)) == state
    stale = {**state.to_json(story), "at": "gone.9"}
    with pytest.raises(ValueError, match="no longer in the story"):
        StoryState.from_json(story, stale)


ACTIONS = st.lists(st.sampled_from(["advance", "rewind", "forward", "choose0", "choose1"]), max_size=40)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])  # the story is immutable
@given(actions=ACTIONS)
def test_any_sequence_keeps_the_playthrough_consistent(story, actions):
    """Any mix of moves keeps each beat following from the one before, and n rewinds after n advances give back the earlier state."""
    play = Playthrough(story)
    for action in actions:
        if action == "advance":
            play.advance()
        elif action == "rewind":
            play.rewind()
        elif action == "forward":
            play.forward()
        elif play.at_choice:
            play.choose(int(action[-1]))
        before, index = play.current.state, play.index
        moved = 0
        while moved < 3 and play.advance():
            moved += 1
        for _ in range(moved):
            assert play.rewind()
        assert play.index == index and play.current.state == before
    assert 0 <= play.index < len(play.beats)
    for earlier, later in zip(play.beats, play.beats[1:]):
        option = later.state.choices[-1][1] if isinstance(earlier.stop, Choice) else None
        assert after(story, earlier.state, option) == later


def test_starting_at_a_label_sets_the_scene_as_on_the_way_there(story):
    """`--start right` begins with the background, sprites and music the story would have by then."""
    play = Playthrough(story, start="right")
    beat = play.current
    assert beat.stop.text == "Right one."
    assert beat.before.background == "room" and beat.before.sprite("ann").expression == "sad"
    assert beat.state.scene.sprites == ()  # the label's own `hide: ann` still happens
    assert beat.state.music.track == "chime"
    assert any(isinstance(entry, ChangeMusic) and entry.music.track == "chime" for entry in beat.lead_in)


def test_go_to_stands_at_a_beat_and_keeps_the_future(story):
    """go_to (a History click) moves to that beat, marks it seen, and the beats ahead can still be rolled through."""
    seen: set[str] = set()
    play = Playthrough(story, seen=seen)
    to_choice(play)
    play.choose(0)
    furthest = len(play.beats)
    play.go_to(1)
    assert texts(play) == "Two." and play.rewound and len(play.beats) == furthest
    play.go_to(furthest - 1)
    assert texts(play) == "Left one."
    with pytest.raises(IndexError):
        play.go_to(furthest)


def test_skip_everything_passes_unseen_lines_but_not_the_choice(story):
    """skip(everything=True) passes lines never seen, and still stops at the choice."""
    play = Playthrough(story, seen=set())
    assert play.skip() is False
    assert play.skip(everything=True) and texts(play) == "Two."
    while play.skip(everything=True):
        pass
    assert play.at_choice


def test_fast_skip_goes_to_the_last_seen_line_or_the_choice(story):
    """fast_skip stops where skip stops (before the first unseen line), or with `everything` at the choice; False when it cannot move."""
    seen: set[str] = set()
    first = Playthrough(story, seen=seen)
    first.advance()
    play = Playthrough(story, seen=seen)
    assert play.fast_skip(everything=False) and texts(play) == "Two."
    assert play.fast_skip(everything=False) is False
    assert play.fast_skip(everything=True) and play.at_choice
    play.choose(1)
    assert play.fast_skip(everything=True) and play.ended
    assert play.fast_skip(everything=True) is False


def test_playthrough_json_round_trip_marks_the_current_line_seen(story):
    """from_json gives back the same beats and place, and marks where the player stands as seen."""
    play = Playthrough(story)
    to_choice(play)
    play.choose(0)
    seen: set[str] = set()
    again, notice = Playthrough.from_json(story, play.to_json(), save_format=FORMAT, seen=seen)
    assert notice is None and again.beats == play.beats and again.index == play.index
    assert again.start == "start" and seen == {play.current.id}
