"""Drawing only what changes: region redraws give, pixel for pixel, what a full redraw gives."""

from __future__ import annotations

from dataclasses import replace

import pygame
import pytest

from driving import key, settle, start_game
from game.ui.damage import Look, changed, merged
from game.ui.game_screen import GameScreen
from game.ui.layout import SCREEN_SIZE


@pytest.fixture
def regions(app):
    """Every `present` call's rects (None for the whole canvas), in order."""
    calls: list[list[pygame.Rect] | None] = []
    counting = app.window.present

    def recording(rects=None) -> None:
        calls.append(None if rects is None else list(rects))
        counting(rects)

    app.window.present = recording
    return calls


def full_redraw(app, game: GameScreen) -> pygame.Surface:
    """The canvas as a full redraw at the last drawn moment would make it."""
    fresh = pygame.Surface(SCREEN_SIZE).convert()
    game.draw(fresh)
    app.services.notices.draw(fresh, app.clock.now())
    return fresh


def same_pixels(a: pygame.Surface, b: pygame.Surface) -> bool:
    return pygame.image.tobytes(a, "RGB") == pygame.image.tobytes(b, "RGB")


def typing_line_with_sprites(app) -> GameScreen:
    """The game at the start of a line that types with characters on stage, no transition before it."""
    game = start_game(app)
    while True:
        settle(app)
        key(app, pygame.K_RETURN)
        frame = game.playback.frame(game.now())
        if frame.text_shown and not frame.box_only and frame.chars == 0 and len(frame.scene.sprites) >= 1 and len(game.playthrough.current.text) > 20:
            return game


def test_typing_blinking_and_the_indicator_redraw_only_their_regions_and_match_a_full_redraw(app, regions):
    """A line types, the indicator bobs, sprites blink and breathe, a notice fades: after every
    frame that put regions on screen, the canvas equals a full redraw at that moment."""
    game = typing_line_with_sprites(app)
    app.notify("A notice fading meanwhile")
    app.frame()
    regions.clear()
    compared = 0
    for _ in range(700):  # 14 seconds: typing, the indicator's bobbing, blinks, the notice's fade
        app.clock.tick(0.02)
        drawn = len(regions)
        app.frame()
        if len(regions) > drawn:
            assert same_pixels(app.window.canvas, full_redraw(app, game)), f"differs at {app.clock.now():.2f}"
            compared += 1
    partial = [rects for rects in regions if rects is not None]
    assert compared > 100 and len(partial) >= compared - 3  # all but the odd full redraw were regions
    areas = {tuple(rect) for rects in partial for rect in rects}
    assert all(rect[2] * rect[3] < SCREEN_SIZE[0] * SCREEN_SIZE[1] // 2 for rect in areas)
    text = next(iter(partial[0]))
    assert text.top > SCREEN_SIZE[1] // 2  # typing redraws the text box, low on the screen
    assert len(areas) > 3  # text, indicator, sprites and the notice each had their own


def test_a_still_screen_presents_nothing(app, regions):
    """With reduce motion, once the line is whole and the indicator rests, seconds pass without a present."""
    app.apply_settings(replace(app.player.settings, reduce_motion=True))
    typing_line_with_sprites(app)
    settle(app)
    settle(app)
    regions.clear()
    for _ in range(50):
        app.clock.tick(0.1)
        app.frame()
    assert regions == []


def test_waiting_with_sprites_alive_presents_only_sprite_boxes(app, regions):
    """A line waiting while the characters blink and breathe: no full redraw, only the sprites' boxes."""
    game = typing_line_with_sprites(app)
    settle(app)
    settle(app)
    regions.clear()
    for _ in range(100):
        app.clock.tick(0.05)
        app.frame()
    assert regions and all(rects is not None for rects in regions)
    sprite_boxes = [pygame.Rect(place) for place, _ in (game._drawn_look.parts[name] for name in game._drawn_look.parts if name.startswith("sprite"))]
    for rects in regions:
        for rect in rects:
            assert any(box.inflate(0, 4).contains(rect) for box in sprite_boxes)


def test_an_overlay_or_an_event_redraws_everything(app, regions):
    """A menu over the game and any key press are full redraws."""
    typing_line_with_sprites(app)
    regions.clear()
    key(app, pygame.K_ESCAPE)
    assert regions[-1] is None
    key(app, pygame.K_ESCAPE)
    assert regions[-1] is None


def test_changed_regions_between_looks() -> None:
    """A part that moved gives its old and new place, merged when they overlap; a change to the whole gives None."""
    before = Look("scene", {"text": ((0, 0, 10, 10), 3), "dot": ((50, 50, 4, 4), None)})
    assert changed(before, before) == []
    assert changed(before, Look("scene", {"text": ((0, 0, 10, 10), 4), "dot": ((50, 50, 4, 4), None)})) == [pygame.Rect(0, 0, 10, 10)]
    assert changed(before, Look("scene", {"text": ((0, 0, 10, 10), 3), "dot": ((50, 52, 4, 4), None)})) == [pygame.Rect(50, 50, 4, 6)]
    assert changed(before, Look("other", before.parts)) is None
    assert changed(None, before) is None
    assert merged([pygame.Rect(0, 0, 5, 5), pygame.Rect(20, 0, 5, 5), pygame.Rect(4, 0, 17, 2)]) == [pygame.Rect(0, 0, 25, 5)]


def test_present_of_regions_on_a_letterboxed_window_matches_a_full_present(app):
    """Scaled into a window of another shape, presenting a region shows what a full present shows."""
    window = app.window
    window.surface = pygame.display.set_mode((1000, 700), pygame.RESIZABLE)
    window._fit()
    window.canvas.fill((40, 80, 120))
    window.present()
    region = pygame.Rect(100, 500, 300, 80)
    window.canvas.fill((200, 30, 30), region)
    window.present([region])
    by_region = window.surface.copy()
    window.present()
    assert same_pixels(by_region, window.surface)
    shown = window.to_window(region)
    assert window.area.contains(shown) and shown.w > 300 * window.area.w / SCREEN_SIZE[0]
