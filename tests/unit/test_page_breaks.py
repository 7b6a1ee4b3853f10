"""Page breaks in the reveal: a full text box waits for a click, then the text starts afresh."""

from __future__ import annotations

import pytest

from game.reveal import BeatPlayback

STORY = """
script:
  - label: start
  - "0123456789abcdefghij"
  - "0123{pause}456789{pause 1}abcdefghij"
  - ending: Done
"""


@pytest.fixture
def beats(beats_of):
    return beats_of(STORY)


def test_a_page_break_waits_like_a_pause_then_starts_a_fresh_page(beats):
    """At 10 characters a second with a break at 8: typing stops at 8, a click shows the rest on a new page."""
    playback = BeatPlayback(beats[0], cps=10, now=0.0, page_breaks=(8, 16))
    assert playback.frame(0.5).chars == 5 and playback.frame(0.5).text_from == 0
    held = playback.frame(5.0)
    assert (held.chars, held.waiting, held.complete, held.text_from) == (8, True, False, 0)
    assert playback.click(5.0)
    fresh = playback.frame(5.0)
    assert (fresh.chars, fresh.text_from, fresh.waiting) == (8, 8, False)
    assert playback.frame(5.3).chars == 11
    assert playback.click(5.3)  # a click mid-page finishes the page, not the line
    assert playback.frame(5.3).chars == 16 and playback.frame(5.3).waiting
    assert playback.click(5.4)
    end = playback.frame(9.0)
    assert (end.chars, end.text_from, end.complete) == (20, 16, True)
    assert not playback.click(9.0)


def test_page_breaks_sit_among_pauses(beats):
    """A break where a {pause} already waits adds no second wait; timed pauses keep their time."""
    playback = BeatPlayback(beats[1], cps=0, now=0.0, page_breaks=(4, 12))
    stops = []
    now = 0.0
    while True:
        now += 5.0
        frame = playback.frame(now)
        stops.append((frame.chars, frame.text_from))
        if not playback.click(now):
            break
    assert stops == [(4, 0), (12, 4), (20, 12)]  # the break at 4 is the {pause}'s wait, and starts a page


def test_no_page_breaks_is_the_old_reveal(beats):
    """Without breaks the text starts at 0 throughout."""
    playback = BeatPlayback(beats[0], cps=10, now=0.0)
    assert playback.frame(100.0).text_from == 0 and playback.frame(100.0).complete


def test_instant_playback_shows_the_last_page_whole(beats):
    """A rewound line with pages shows its last page, whole."""
    frame = BeatPlayback(beats[0], cps=10, now=0.0, instant=True, page_breaks=(8,)).frame(0.0)
    assert (frame.chars, frame.text_from, frame.complete) == (20, 8, True)
