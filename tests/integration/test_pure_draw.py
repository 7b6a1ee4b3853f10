"""`draw()` is pure: a frame drawn twice is the same frame, and drawing changes nothing in the layer."""

from __future__ import annotations

import pygame

from driving import settle, start_game, to_choice
from game.ui.layout import SCREEN_SIZE


def drawn_twice_alike(layer) -> None:
    """Draw `layer` twice at one moment: same pixels, same state, same next change."""
    before, waits = dict(layer.__dict__), layer.next_change()
    first, second = pygame.Surface(SCREEN_SIZE).convert(), pygame.Surface(SCREEN_SIZE).convert()
    layer.draw(first)
    assert layer.__dict__ == before, "drawing changed the layer"
    layer.draw(second)
    assert pygame.image.tobytes(first, "RGB") == pygame.image.tobytes(second, "RGB")
    assert layer.__dict__ == before and layer.next_change() == waits


def test_the_title_draws_purely(app):
    app.frame()
    drawn_twice_alike(app.screen)


def test_the_game_screen_draws_purely_mid_typing(app, press):
    game = start_game(app)
    settle(app)
    press(pygame.K_SPACE)
    app.clock.tick(0.3)
    app.frame()
    assert 0 < game.playback.chars_shown(game.now()) < len(game.playthrough.current.text)
    drawn_twice_alike(game)


def test_the_game_screen_draws_purely_at_the_choice(app):
    game = start_game(app)
    to_choice(app, game)
    assert game.choice is not None
    drawn_twice_alike(game)


def test_a_modal_layer_stops_the_clock_of_the_layers_beneath_and_the_stack_starts_it_again(app, press):
    game = start_game(app)
    settle(app)
    before = game.clock.now()
    press(pygame.K_ESCAPE)  # the game menu
    assert game.clock.paused
    app.clock.tick(50.0)
    app.frame()
    assert game.clock.now() == before
    press(pygame.K_ESCAPE)
    assert not game.clock.paused
    app.clock.tick(1.0)
    assert game.clock.now() == before + 1.0
