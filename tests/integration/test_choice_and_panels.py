"""Pixel tests (issue 9): the choice covers no character's head, and panels are opaque."""

from __future__ import annotations

from dataclasses import replace

import pygame
import pytest

from driving import key, settle, start_game, to_choice
from game.ui.layout import SCREEN_SIZE, SPRITE_CENTRES, TEXT_BOX
from game.ui.placement import choice_rects
from game.ui.overlays import Confirm
from game.ui.menu import GameMenu

HEAD_HEIGHT = 190  # from the top of a sprite's drawn pixels: hair, face and neck


def head_boxes(app, scene) -> list[pygame.Rect]:
    """Where each sprite's head is on screen: the top of its drawn pixels, as wide as the figure."""
    boxes = []
    for sprite in scene.sprites:
        image = app.services.images.sprite(sprite.character, sprite.expression)
        placed = image.get_rect(midbottom=(SPRITE_CENTRES[sprite.position], SCREEN_SIZE[1]))
        drawn = image.get_bounding_rect().move(placed.topleft)
        boxes.append(pygame.Rect(drawn.x, drawn.y, drawn.w, HEAD_HEIGHT))
    return boxes


def test_the_choice_covers_no_face(app):
    """At the choice, with the characters on stage, no pixel of a head box changes when the options are drawn."""
    game = start_game(app)
    to_choice(app, game)
    assert game.choice is not None
    scene = game.playthrough.current.state.scene
    boxes = head_boxes(app, scene)
    assert len(boxes) == 2
    with_choice, without = pygame.Surface(SCREEN_SIZE), pygame.Surface(SCREEN_SIZE)
    game.draw(with_choice)
    choice, game.choice = game.choice, None
    game.draw(without)
    game.choice = choice
    changed = [(x, y) for x in range(0, SCREEN_SIZE[0], 4) for y in range(0, SCREEN_SIZE[1], 4) if with_choice.get_at((x, y)) != without.get_at((x, y))]
    assert len(changed) > 1000  # the options are drawn
    for box in boxes:
        assert not any(box.collidepoint(point) for point in changed), box
        assert not any(box.colliderect(rect) for rect in choice.rects)


@pytest.mark.parametrize("options", [1, 2, 4, 5, 7])
def test_any_number_of_options_keeps_clear_of_the_faces(app, options):
    """However many options, each is a readable size, on screen above the text box, and clear of every face."""
    game = start_game(app)
    to_choice(app, game)
    beat = game.playthrough.current
    stop = replace(beat.stop, options=(beat.stop.options * 3)[:options])
    game.playthrough.beats[game.playthrough.index] = replace(beat, stop=stop)
    game._offer_choice()
    faces = head_boxes(app, beat.state.scene)
    assert len(game.choice.rects) == options and not game.choice_dims
    for rect in game.choice.rects:
        assert rect.top >= 0 and rect.bottom <= TEXT_BOX.top and rect.h >= 36 and rect.w >= 360
        assert not any(rect.colliderect(face) for face in faces)


def test_a_crowded_stage_dims_behind_the_options():
    """With no clear place left, the options cover the stage, and say that it must be dimmed."""
    faces = [pygame.Rect(x, 60, 300, 400) for x in (0, 330, 660, 990)]
    rects, dims = choice_rects(3, faces)
    assert dims and len(rects) == 3 and all(rect.w >= 360 for rect in rects)


def test_between_two_characters_the_options_stand_between_their_faces():
    """Two characters at left and right: the column goes in the clear middle, at a comfortable height."""
    rects, dims = choice_rects(3, [pygame.Rect(120, 180, 360, 210), pygame.Rect(890, 190, 220, 210)])
    assert not dims and all(rect.left >= 492 and rect.right <= 878 and rect.h == 64 for rect in rects)


def inside_is_opaque(draw, rect: pygame.Rect, *, rim: int = 8) -> None:
    """`draw(canvas)` over black and over white gives the same pixels inside `rect`, `rim` pixels in from its edge."""
    black, white = pygame.Surface(SCREEN_SIZE), pygame.Surface(SCREEN_SIZE)
    black.fill((0, 0, 0))
    white.fill((255, 255, 255))
    draw(black)
    draw(white)
    inner = rect.inflate(-2 * rim, -2 * rim)
    points = [(x, y) for x in range(inner.left, inner.right, 5) for y in range(inner.top, inner.bottom, 5)]
    differing = [p for p in points if black.get_at(p) != white.get_at(p)]
    assert points and not differing, differing[:5]


def test_the_game_menu_panel_is_opaque(app):
    """Nothing behind the game menu's panel shows through it."""
    start_game(app)
    key(app, pygame.K_ESCAPE)
    menu = app.top
    assert isinstance(menu, GameMenu)
    inside_is_opaque(lambda canvas: menu.draw(canvas), menu.panel_rect, rim=24)  # the art's corners are rounded


def test_a_confirmation_is_opaque(app):
    """Nothing behind a confirmation shows through it."""
    start_game(app)
    app.confirm("Quit the game?", app.quit)
    confirm = app.top
    assert isinstance(confirm, Confirm)
    inside_is_opaque(lambda canvas: confirm.draw(canvas), confirm.panel_rect, rim=14)


def test_choice_plates_and_title_buttons_are_opaque(app):
    """The choice's plates and the title's buttons hide what is behind them."""
    app.frame()
    title = app.screen
    for rect in title.buttons.rects:
        inside_is_opaque(title.buttons.draw, rect)
    game = start_game(app)
    to_choice(app, game)
    settle(app)
    for rect in game.choice.rects:
        inside_is_opaque(game.choice.draw, rect)
