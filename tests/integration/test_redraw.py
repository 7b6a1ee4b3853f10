"""Drawing only what changes: region redraws give, pixel for pixel, what a full redraw gives."""

from __future__ import annotations

from dataclasses import replace

import pygame
import pytest

from driving import key, settle, start_game
from game.ui.canvas import Canvas
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


SIZES = [(1280, 720), (1920, 1080), (2560, 1440)]


def sized(app, size: tuple[int, int]) -> None:
    """The app's window at `size` (as a player's resize or fullscreen makes it)."""
    pygame.display.set_mode(size, pygame.RESIZABLE)
    app.window.resized()
    app.dirty = True


def full_redraw(app, game: GameScreen) -> pygame.Surface:
    """The window's picture as a full redraw at the last drawn moment would make it, at the window's size."""
    viewport = app.window.viewport
    fresh = pygame.Surface(viewport.window).convert()
    canvas = Canvas(fresh, viewport)
    game.draw(canvas)
    app.services.notices.draw(canvas, app.clock.now())
    return fresh.subsurface(viewport.area)


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


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_typing_blinking_and_the_indicator_redraw_only_their_regions_and_match_a_full_redraw(app, regions, size):
    """A line types, the indicator bobs, sprites blink and breathe, a notice fades: after every
    frame that put regions on screen, the window equals a full redraw at that moment, at every window size."""
    sized(app, size)
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


def test_regions_on_a_letterboxed_window_are_sent_as_every_window_pixel_they_touch(app, monkeypatch):
    """In a window of another shape, a design region goes on screen as the window pixels it covers, inside the bars."""
    sized(app, (1000, 700))
    sent: list[list[pygame.Rect]] = []
    monkeypatch.setattr(pygame.display, "update", lambda rects: sent.append(list(rects)))
    region = pygame.Rect(100, 500, 301, 80)
    app.window.present([region])
    (shown,) = sent[-1]
    view = app.window.viewport
    assert app.window.area.contains(shown) and shown.contains(view.rect(region))
    assert shown.w <= view.rect(region).w + 2 and shown.h <= view.rect(region).h + 2
