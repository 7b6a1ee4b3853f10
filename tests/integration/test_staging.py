"""What is shown matches what is said: the lines that stage a pose find that pose on screen."""

from __future__ import annotations

import pytest

from game.playthrough import Playthrough
from game.script.model import Choice, Line

# (words in the line, character, what the sprite must be, or how it must start)
STAGED = [
    ("Ianto is in the chair by the desk", "ianto", "seated_"),
    ("Ianto's smile simply stops being held up", "ianto", "seated_hurt"),
    ("Straightens a tie", "ianto", "seated_"),
    ("I should go.", "ianto", "seated"),
    ("He stands, and pushes the chair back", "ianto", "neutral"),
    ("He steps past Jack towards the door", "ianto", "leaving"),
    ("He keeps his eyes on the floor", "jack", "down"),
    ("His hand closes on Ianto's sleeve", "jack", "sleeve"),
    ("Was it?", "jack", "hurt"),
    ("It still is.", "jack", "tearful"),
    ("Jack doesn't answer. That is the answer.", "jack", "guarded"),
    ("He sinks into the chair", "jack", "seated_"),
    ("straightens Jack's collar", "ianto", "collar"),
    ("He goes to the window instead", "jack", "window"),
    ("Deal.", "jack", "small_smile"),
    ("Ianto sits. After a moment, so does Jack", "jack", "together"),
    ("Ianto's hand finds his on the desk", "jack", "together"),
]


def shown_at_every_line(story):
    """(line text, {character: expression}) for every line of every branch."""
    options = next(len(s.options) for s in story.steps if isinstance(s, Choice))
    for option in range(options):
        play = Playthrough(story)
        while not play.ended:
            beat = play.current
            if isinstance(beat.stop, Line):
                sprites = beat.state.scene.sprites
                yield beat.stop.text, {s.character: s.expression for s in sprites}
            play.choose(option) if play.at_choice else play.advance()


@pytest.mark.parametrize(("words", "character", "pose"), STAGED)
def test_the_line_shows_its_pose(shipped_story, words, character, pose):
    found = [shown for text, shown in shown_at_every_line(shipped_story) if words in text]
    assert found, f"no line says {words!r}"
    for shown in found:
        assert shown.get(character, "").startswith(pose), (words, shown)


def test_a_picture_of_both_men_is_shown_alone(shipped_story):
    """`ianto collar`, `jack sleeve` and `jack together` picture both men, so nobody else stands beside them."""
    for text, shown in shown_at_every_line(shipped_story):
        if shown.get("ianto") == "collar" or shown.get("jack") in ("sleeve", "together"):
            assert len(shown) == 1, (text, shown)
