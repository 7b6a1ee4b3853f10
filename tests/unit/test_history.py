"""History: entries match the playthrough (speaker, whole text, the choice with the option taken); clicking one rewinds to it."""

from __future__ import annotations

import pytest

from game.history import Entry, History
from game.playthrough import Playthrough
from game.script import load_story

STORY = """
script:
  - label: start
  - background: room
  - "The water turns."
  - ann: "Hello, you.{pause 0.5} Still here?{show ann sad}"
  - choice: Stay or go?
    options:
      - text: Stay
        jump: stay
      - text: Go
        jump: go
  - label: stay
  - ben: "Good."
  - ending: Stayed
  - label: go
  - "Gone."
  - ending: Went
"""


@pytest.fixture
def story(scenes, asset_root):
    return load_story(scenes({"story.yaml": STORY}), assets=asset_root)[0]


def test_entries_match_the_playthrough(story):
    """Each beat up to the player's place is an entry: speaker names, plain whole text, the choice with its options and the one taken."""
    play = Playthrough(story)
    play.advance()
    play.advance()
    history = History(play)
    assert len(history) == 3
    assert history.entry(2) == Entry(2, None, "Stay or go?", ("Stay", "Go"), None)
    play.choose(1)
    play.advance()
    assert len(history) == 5
    assert [history.entry(i) for i in range(len(history))] == [
        Entry(0, None, "The water turns."),
        Entry(1, "Ann", "Hello, you. Still here?"),
        Entry(2, None, "Stay or go?", ("Stay", "Go"), 1),
        Entry(3, None, "Gone."),
        Entry(4, None, "Went"),
    ]
    assert [history.entry(i).text for i in range(len(history))][:4] == [
        beat.stop.text if hasattr(beat.stop, "text") else beat.stop.prompt for beat in play.beats[:4]
    ]


def test_history_ends_where_the_player_stands(story):
    """After rewinding, History lists only up to the current line (the future is not shown); out of range is an IndexError."""
    play = Playthrough(story)
    play.advance()
    play.advance()
    play.choose(0)
    play.rewind()
    play.rewind()
    history = History(play)
    assert len(history) == 2 and history.entry(1).speaker == "Ann"
    with pytest.raises(IndexError):
        history.entry(2)


def test_clicking_an_entry_rewinds_to_it(story):
    """go_to(entry.index) puts the player back at that line, the future kept to roll forward through."""
    play = Playthrough(story)
    play.advance()
    play.advance()
    play.choose(0)
    history = History(play)
    target = history.entry(1)
    play.go_to(target.index)
    assert play.current.stop.text == target.text and play.rewound
    assert len(History(play)) == 2
    while play.forward():
        pass
    assert play.current.stop.text == "Good."


NAMED_ENDING = """
variables:
  name: "Ianto"
script:
  - label: start
  - set: name = "Cara"
  - "Bye, [name]."
  - ending: "End for [name]"
"""


def test_an_endings_name_has_its_variables_put_in(scenes, asset_root):
    """`- ending: "End for [name]"` reads with the value put in, in History, transcripts and saves' words alike."""
    from game.saves import _shown
    from game.transcript import shown_lines

    story = load_story(scenes({"story.yaml": NAMED_ENDING}), assets=asset_root)[0]
    play = Playthrough(story)
    play.advance()
    assert play.current.text == "End for Cara"
    assert History(play).entry(1).text == "End for Cara"
    assert shown_lines(story, play.current) == ["Ending: End for Cara"]
    assert _shown(story, play)[1] == "Ending: End for Cara"
