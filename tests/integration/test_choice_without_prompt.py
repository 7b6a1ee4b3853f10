"""A choice with no prompt keeps the line before it on screen above its options (issue 16)."""

from __future__ import annotations

import pygame

from driving import settle, start_game, to_choice
from game.reveal import BeatPlayback
from game.script import load_story
from game.script.model import Choice
from game.ui.layout import SCREEN_SIZE, TEXT_BOX

STORY = """
script:
  - label: start
  - background: room
  - "First line."
  - ann: "Well? Say something."
  - choice:
    options:
      - text: Stay.
        jump: stay
      - text: Go.
        jump: go
  - label: stay
  - "You stay."
  - choice:
    options:
      - text: Sit.
        jump: go
  - label: go
  - background: hall
  - choice:
    options:
      - text: Leave.
        jump: out
  - label: out
  - ending: Out
"""


def _box_pixels(surface: pygame.Surface) -> list[tuple[int, int, int, int]]:
    area = pygame.Rect(TEXT_BOX)
    return [tuple(surface.get_at((x, y))) for x in range(area.left + 8, area.right - 8, 6) for y in range(area.top + 8, area.bottom - 8, 6)]


def _game(make_app, scenes, asset_root):
    story, problems = load_story(scenes({"story.yaml": STORY}), assets=asset_root)
    assert not [p for p in problems if p.severity == "error"], problems
    app = make_app(story)
    return app, start_game(app)


def test_the_line_before_stays_with_its_speaker(make_app, scenes, asset_root):
    app, game = _game(make_app, scenes, asset_root)
    to_choice(app, game)
    beat = game.playthrough.current
    assert isinstance(beat.stop, Choice) and beat.text == ""  # the story's beat is untouched: no prompt
    shown = game.playback.beat
    assert shown.text == "Well? Say something." and shown.speaker == "ann"
    assert game.playback.frame(game.now()).text_shown and game.choice is not None
    with_line = pygame.Surface(SCREEN_SIZE)
    game.draw(with_line)
    game.playback = BeatPlayback(beat, cps=0, now=game.now(), instant=True)  # the choice alone, as before
    without = pygame.Surface(SCREEN_SIZE)
    game.draw(without)
    assert _box_pixels(with_line) != _box_pixels(without)


def test_it_is_shown_whole_at_once_not_typed_again(make_app, scenes, asset_root):
    app, game = _game(make_app, scenes, asset_root)
    to_choice(app, game)
    frame = game.playback.frame(game.now())
    assert frame.chars == len("Well? Say something.") and frame.complete


def test_no_line_is_carried_across_a_new_background_or_after_a_choice(make_app, scenes, asset_root):
    app, game = _game(make_app, scenes, asset_root)
    to_choice(app, game)
    game.playthrough.choose(1)  # Go: a new background, then a choice with no prompt
    game._play(instant=False)
    settle(app)
    assert game.playthrough.at_choice
    assert game.playback.beat is game.playthrough.current  # nothing carried over from the old scene
    assert not game.playback.frame(game.now()).text_shown

