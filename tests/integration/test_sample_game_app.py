"""The sample game played in the window (headless): its title, every beat drawn, its end card, its own data folder."""

from __future__ import annotations

import pygame
import pytest

from game import ROOT
from game.app import App
from game.folder import load_game
from game.script import load_story
from game.ui.end_card import EndCardScreen
from game.ui.game_screen import GameScreen
from game.ui.title import TitleScreen

SAMPLE = ROOT / "tests" / "sample_game"


@pytest.fixture
def app(make_app):
    game = load_game(SAMPLE)
    story, _ = load_story(game=game)
    return make_app(story, game)


def press(app: App, key: int) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0))
    app.frame()


def test_the_sample_game_plays_to_its_end_card_in_the_window(app, private_data_dir):
    """Title (own background, text title, caption), every beat drawn, options hidden, the end card's own words."""
    assert app.game.id == "sample_game" and app.start == "opening"
    assert pygame.display.get_caption()[0] == "The Sample Game"
    app.frame()
    assert isinstance(app.screen, TitleScreen)
    press(app, pygame.K_RETURN)
    game = app.screen
    assert isinstance(game, GameScreen)
    for _ in range(400):
        if not isinstance(app.screen, GameScreen):
            break
        app.clock.tick(5.0)
        app.frame()
        if game.choice is not None:
            assert len(game.choice.labels) == len(game.playthrough.current.options)
            press(app, pygame.K_1)
            press(app, pygame.K_RETURN)
        else:
            press(app, pygame.K_SPACE)
    assert isinstance(app.screen, EndCardScreen)
    canvas = app.window.canvas
    app.screen.draw(canvas)
    app.player.seen.save()
    assert app.player.files.folder == private_data_dir / "games" / "sample_game"  # its own data, apart from Hub's
    assert any(app.player.files.folder.iterdir())
