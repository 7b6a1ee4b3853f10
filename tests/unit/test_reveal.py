"""Timed reveals, played against a hand-ticked clock."""

from __future__ import annotations

import pytest

from game.beats import ChangeMusic, PlaySound
from game.clock import ManualClock
from game.playthrough import Playthrough
from game.reveal import BeatPlayback
from game.script import load_story

STORY = """
script:
  - label: start
  - background: room
  - "Abcde{pause 1}fghij"
  - "Abc{pause}def{sound chime}"
  - wait: 2
  - sound: chime
  - background: hall
    transition: dissolve
    duration: 1
  - ann: "Hi.{pause 0.5}{show ann sad}"
    auto: 2
  - ending: Done
"""


@pytest.fixture
def beats(beats_of):
    return beats_of(STORY)


def test_characters_appear_at_the_chosen_speed_and_pauses_hold(beats):
    """At 10 characters a second, "Abcde{pause 1}fghij" shows 5 by 0.5 s, holds for 1 s, then goes on."""
    clock = ManualClock()
    playback = BeatPlayback(beats[0], cps=10, now=clock.now())
    seen = []
    for _ in range(21):
        seen.append(playback.chars_shown(clock.now()))
        clock.tick(0.1)
    assert seen[:6] == [0, 1, 2, 3, 4, 5]
    assert seen[6:15] == [5] * 9  # held through the pause
    assert seen[16:] == [6, 7, 8, 9, 10]
    assert playback.complete(clock.now())


def test_a_click_pause_waits_for_the_player(beats):
    """`{pause}` stops the line until a click, however long the player waits."""
    clock = ManualClock()
    playback = BeatPlayback(beats[1], cps=10, now=clock.now())
    clock.tick(30)
    assert playback.chars_shown(clock.now()) == 3
    assert playback.waiting(clock.now()) and not playback.complete(clock.now())
    assert playback.click(clock.now()) is True
    clock.tick(0.2)
    assert playback.chars_shown(clock.now()) == 5
    clock.tick(0.2)
    assert playback.complete(clock.now())
    assert playback.due(clock.now()) == [PlaySound("chime")]
    assert playback.due(clock.now()) == []  # each sound once
    assert playback.click(clock.now()) is False  # the line is whole: time to go on


def test_a_click_completes_the_text_first(beats):
    """A click during typing shows the rest at once instead of moving on."""
    clock = ManualClock()
    playback = BeatPlayback(beats[0], cps=10, now=clock.now())
    clock.tick(0.2)
    assert playback.click(clock.now()) is True
    assert playback.chars_shown(clock.now()) == 10 and playback.complete(clock.now())


def test_lead_in_holds_then_plays_the_sound_then_dissolves(beats):
    """A wait holds the screen with the text box up and empty; the sound comes after it; the dissolve
    to a new background blends over its duration with the box down."""
    clock = ManualClock()
    playback = BeatPlayback(beats[2], cps=10, now=clock.now())
    frame = playback.frame(clock.now())
    assert frame.text_shown and frame.box_only and frame.chars == 0 and frame.scene.background == "room"
    clock.tick(1.9)
    assert playback.due(clock.now()) == []
    clock.tick(0.2)
    assert playback.due(clock.now()) == [PlaySound("chime")]
    clock.tick(0.4)  # 0.5 s into the dissolve
    frame = playback.frame(clock.now())
    assert frame.style == "dissolve" and frame.blend_from.background == "room"
    assert frame.scene.background == "hall" and frame.blend == pytest.approx(0.5)
    assert not frame.text_shown  # a new scene takes the box down
    clock.tick(0.6)
    assert playback.frame(clock.now()).text_shown and not playback.frame(clock.now()).box_only


def test_a_wait_before_any_background_shows_no_box(beats_of):
    """At the very start (nothing on screen yet) a wait holds a bare screen: no box without a scene."""
    beats = beats_of("script:\n  - label: start\n  - wait: 1\n  - background: room\n  - \"Hi.\"\n  - ending: Done\n")
    playback = BeatPlayback(beats[0], cps=10, now=0.0)
    assert not playback.frame(0.5).text_shown


def test_a_cue_after_the_text_lands_a_moment_later_and_auto_advances(beats):
    """`Hi.{pause 0.5}{show ann sad}` changes the sprite half a second after the words; `auto: 2` moves on 2 s after."""
    clock = ManualClock()
    playback = BeatPlayback(beats[2], cps=10, now=clock.now())
    clock.tick(3.0 + 0.3)  # lead-in done, "Hi." typed
    assert playback.frame(clock.now()).chars == 3
    assert playback.frame(clock.now()).scene.sprite("ann") is None
    clock.tick(0.6)
    assert playback.frame(clock.now()).scene.sprite("ann").expression == "sad"
    assert not playback.auto_advance_due(clock.now())
    clock.tick(2.0)
    assert playback.auto_advance_due(clock.now())


def test_instant_playback_shows_everything_and_plays_nothing(beats):
    """A rewound beat is shown whole at once, with no lead-in and no sounds."""
    playback = BeatPlayback(beats[2], cps=10, now=0.0, instant=True)
    frame = playback.frame(0.0)
    assert frame.text_shown and frame.chars == 3 and frame.complete
    assert frame.scene.sprite("ann").expression == "sad"
    assert playback.due(0.0) == []


def test_clicking_through_the_lead_in_still_plays_its_sounds(beats):
    """Skipping a held beat with a click does not lose the sound placed after it."""
    playback = BeatPlayback(beats[2], cps=10, now=0.0)
    assert playback.click(0.5) is True
    assert PlaySound("chime") in playback.due(0.5)
    assert playback.frame(0.5).text_shown


def test_music_change_is_an_event_at_its_moment(scenes, asset_root):
    """A music step in the lead-in is given to the player once, at its moment."""
    story = load_story(scenes({"s.yaml": "script:\n  - label: start\n  - music: chime\n  - \"x\"\n  - ending: E\n"}), assets=asset_root)[0]
    playback = BeatPlayback(Playthrough(story).current, cps=10, now=0.0)
    events = playback.due(0.0)
    assert len(events) == 1 and isinstance(events[0], ChangeMusic) and events[0].music.track == "chime"


def test_still_screen_reports_no_change(beats):
    """Once a line without auto is whole, the playback says nothing will move (the app can sleep)."""
    playback = BeatPlayback(beats[0], cps=10, now=0.0)
    assert playback.next_change(0.1) == 0.0
    assert playback.next_change(5.0) is None


def test_a_delay_holds_the_reveal_where_it_was(beats):
    """After a pause of 10 s (the pause menu), typing goes on from where it stopped."""
    playback = BeatPlayback(beats[0], cps=10, now=0.0)
    assert playback.chars_shown(0.3) == 3
    playback.delay(10.0)
    assert playback.chars_shown(10.3) == 3
    assert playback.chars_shown(10.5) == 5


def test_instant_text_sleeps_through_a_timed_pause(beats):
    """At cps 0 the text before `{pause 1}` is whole at once, and the next change is the pause's end, not a 10 ms poll."""
    playback = BeatPlayback(beats[0], cps=0, now=0.0)
    assert playback.chars_shown(0.0) == 5
    assert playback.next_change(0.0) == pytest.approx(1.0)
    assert playback.next_change(0.4) == pytest.approx(0.6)
    assert playback.chars_shown(1.0) == 10 and playback.complete(1.0)
    assert playback.next_change(1.0) is None


def test_transitions_off_makes_every_transition_a_cut(beats):
    """With transitions off the dissolve takes no time; the held wait before it still holds."""
    dissolving = next(b for b in beats if b.stop.speaker)
    with_transition = BeatPlayback(dissolving, cps=10, now=0.0)
    cut = BeatPlayback(dissolving, cps=10, now=0.0, transitions=False)
    assert with_transition.lead_duration == pytest.approx(3.0)
    assert cut.lead_duration == pytest.approx(2.0)
    assert cut.frame(2.0).blend_from is None


def test_a_move_walks_the_sprite_over_its_seconds(beats_of):
    """`move: ann to door 1` (issue 18): the lead-in blends from where she stood to the door, as a move,
    the text box up (the room is the same); she keeps her expression; one not on screen stays off it."""
    beats = beats_of(
        "script:\n  - label: start\n  - background: room\n  - show: ann sad at right\n  - \"Hi.\"\n"
        "  - move: ann to door 1\n  - move: ben to left\n  - \"Bye.\"\n  - ending: Done\n"
    )
    beat = beats[1]
    playback = BeatPlayback(beat, cps=10, now=0.0)
    frame = playback.frame(0.5)
    assert frame.style == "move" and frame.blend == pytest.approx(0.5)
    assert frame.blend_from.sprite("ann").position == "right" and frame.scene.sprite("ann").position == "door"
    assert frame.scene.sprite("ann").expression == "sad" and frame.scene.sprite("ben") is None
    assert frame.text_shown and frame.box_only
    assert playback.frame(1.0 + 0.4).chars == 4
    assert BeatPlayback(beat, cps=10, now=0.0, transitions=False).frame(0.0).scene.sprite("ann").position == "door"


def test_an_endings_picture_is_shown_clean(beats):
    """Issue 18: the ending's name belongs to the end card; no text box over its final picture."""
    playback = BeatPlayback(beats[-1], cps=10, now=0.0)
    assert beats[-1].text == "Done"
    assert not playback.frame(10.0).text_shown and playback.complete(10.0)


def test_a_flash_washes_the_screen_and_clears(beats_of):
    """`flash: red 1` (issue 18): no tint at its start and end, the colour at its strongest halfway,
    the box up meanwhile; with transitions off the wait is kept and the colour left out."""
    from game.reveal import WASH_STRENGTH
    from game.script.steps.flashes import COLOURS

    beats = beats_of("script:\n  - label: start\n  - background: room\n  - \"Hi.\"\n  - flash: red 1\n  - \"Red.\"\n  - ending: Done\n")
    playback = BeatPlayback(beats[1], cps=10, now=0.0)
    assert playback.frame(0.5).tint == (*COLOURS["red"], WASH_STRENGTH) and playback.frame(0.5).box_only
    assert playback.frame(0.1).tint[3] < WASH_STRENGTH / 2 and playback.next_change(0.5) == 0.0
    assert playback.frame(1.05).tint is None and playback.frame(1.05).chars == 0
    plain = BeatPlayback(beats[1], cps=10, now=0.0, transitions=False)
    assert plain.frame(0.5).tint is None and plain.in_lead_in(0.5)
