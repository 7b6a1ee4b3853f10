"""At any window size: the mouse lands on the button under it, a screenshot is the window's size,
letters are drawn at the real size, and resizing drafts the pictures until it stops."""

from __future__ import annotations

import pygame
import pytest

from driving import click, key, settle, start_game
from game.app import SHARPEN_AFTER
from game.ui.canvas import Canvas
from game.ui.layout import SCREEN_SIZE
from game.ui.viewport import Viewport
from game.ui.title import TitleScreen

SIZES = [(1280, 720), (1920, 1080), (2560, 1440), (1000, 1000), (1366, 768)]


def sized(app, size: tuple[int, int]) -> None:
    pygame.display.set_mode(size, pygame.RESIZABLE)
    app.window.resized()
    app.dirty = True
    app.frame()


def move(app, at: tuple[int, int]) -> None:
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=at, rel=(0, 0), buttons=(0, 0, 0)))
    app.frame()


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_the_pointer_lands_on_the_button_drawn_under_it(app, size):
    """Each title button's first and last window pixel (as drawn) hovers that button; a pixel
    just outside it does not."""
    sized(app, size)
    title = app.screen
    assert isinstance(title, TitleScreen)
    view = app.window.viewport
    for index, rect in enumerate(title.buttons.rects):
        drawn = view.rect(rect)
        for at in (drawn.topleft, (drawn.right - 1, drawn.bottom - 1), drawn.center):
            title.buttons.selected = None
            move(app, at)
            assert title.buttons.selected == index, (size, index, at)
    above = view.rect(title.buttons.rects[0])
    title.buttons.selected = None
    move(app, (above.x, above.y - 1))
    assert title.buttons.selected is None


@pytest.mark.parametrize("size", [(1920, 1080), (1000, 1000)], ids=lambda size: f"{size[0]}x{size[1]}")
def test_a_click_on_a_quick_menu_link_works_at_any_size(app, size):
    """The quick menu's History link, clicked where it is drawn, opens the History page."""
    game = start_game(app)
    sized(app, size)
    settle(app)
    rect = game.quick.rects[game.quick.labels.index("History")]
    click(app, app.window.viewport.rect(rect).center)
    assert app.stack.top is not game


def test_a_screenshot_is_the_window_size_with_sharp_letters(app, private_data_dir):
    """At 1920x1080 `S` saves a 1920x1080 picture of the game screen, the same as the window shows."""
    from test_interface import written

    start_game(app)
    sized(app, (1920, 1080))
    settle(app)
    key(app, pygame.K_s)
    written(app)
    (shot,) = (private_data_dir / "screenshots").glob("*.png")
    picture = pygame.image.load(str(shot))
    assert picture.get_size() == (1920, 1080)
    below_notices = pygame.Rect(0, 300, 1920, 780)  # the window also shows the notice that it was saved
    shown = app.window.canvas.subsurface(below_notices)
    assert pygame.image.tobytes(picture.subsurface(below_notices), "RGB") == pygame.image.tobytes(shown, "RGB")


def test_text_is_drawn_with_the_font_at_the_scaled_size(app):
    """On a window twice the design, a rendered line is drawn exactly as the font at twice the size
    draws it (never the small letters stretched), where the design put it; at 1280x720 as it is."""
    font = app.services.fonts["ui"]
    line = font.render("Sharp letters, Hamburgefonstiv", True, (240, 230, 220))
    for scale, size in ((2.0, (2560, 1440)), (1.0, (1280, 720))):
        drawn = pygame.Surface(size).convert()
        Canvas(drawn, Viewport.fit(size)).blit(line, (100, 50))
        expected = pygame.Surface(size).convert()
        expected.blit(font.at_size(round(font.pixels * scale)).render("Sharp letters, Hamburgefonstiv", True, (240, 230, 220)), (round(100 * scale), round(50 * scale)))
        assert pygame.image.tobytes(drawn, "RGB") == pygame.image.tobytes(expected, "RGB")


def test_a_line_mixing_faces_is_drawn_again_at_the_scaled_size(app):
    """A line whose glyphs come from fallback faces (here Japanese beside Latin) is drawn again with
    every face at the window's scale, not stretched from its design-size picture."""
    font = app.services.fonts["ui"]
    words = "Jack \u3055\u3088\u3046\u306a\u3089"  # さようなら
    line = font.render(words, True, (240, 230, 220))
    drawn = pygame.Surface((2560, 1440)).convert()
    Canvas(drawn, Viewport.fit((2560, 1440))).blit(line, (100, 50))
    expected = pygame.Surface((2560, 1440)).convert()
    expected.blit(font.at_scale(2.0).render(words, True, (240, 230, 220)), (200, 100))
    assert pygame.image.tobytes(drawn, "RGB") == pygame.image.tobytes(expected, "RGB")


def test_a_name_too_long_for_its_plate_is_drawn_smaller_not_squeezed(app):
    from game.ui.stage import _narrowed

    font = app.services.fonts["speaker"]
    words = "Captain Jack Harkness of the Fifty-First Century, Time Agent Retired"
    room = font.size(words)[0] // 2
    name = _narrowed(font, words, room)
    assert name.get_width() <= room
    assert name.get_height() < font.render(words, True, (0, 0, 0)).get_height()  # smaller letters, not the same ones narrowed


def test_resizing_drafts_the_pictures_then_sharpens_them(app):
    """While the window's edge is dragged, frames are quick drafts (drawn at the design size and
    stretched); SHARPEN_AFTER after the last resize the window is drawn at its real size again."""
    start_game(app)
    settle(app)
    pygame.display.set_mode((1600, 900), pygame.RESIZABLE)
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=(1600, 900), w=1600, h=900))
    app.frame()
    assert app.window.dragging and app.window.area.size == (1600, 900)
    stretched = lambda: pygame.image.tobytes(pygame.transform.scale(app.window._design, (1600, 900)), "RGB")
    shown = lambda: pygame.image.tobytes(app.window.canvas, "RGB")
    assert shown() == stretched()  # a draft: the design-size frame stretched once
    drafted = app.presented
    app.clock.tick(SHARPEN_AFTER / 2)
    app.frame()
    assert app.window.dragging
    app.clock.tick(SHARPEN_AFTER)
    app.frame()
    assert not app.window.dragging and app.presented > drafted
    assert shown() != stretched()  # drawn at the real size again
    assert app.window.to_design((800, 450)) == (SCREEN_SIZE[0] // 2, SCREEN_SIZE[1] // 2)


def test_f11_shows_a_quick_draft_at_once_then_the_sharp_frame(app):
    """F11: the first frame at the new size is the design-size frame stretched (no black while the art
    is rescaled), the next frame is drawn sharp at the real size; F11 again is a window (the dummy
    driver keeps the fullscreen's size for it, a real one gives the window's back)."""
    from game.app import FRAME_TIME

    start_game(app)
    settle(app)
    key(app, pygame.K_F11)
    assert app.window.fullscreen and app.window.dragging
    size = app.window.area.size
    assert pygame.image.tobytes(app.window.canvas, "RGB") == pygame.image.tobytes(pygame.transform.scale(app.window._design, size), "RGB")
    app.clock.tick(FRAME_TIME)
    app.frame()
    assert not app.window.dragging
    key(app, pygame.K_F11)
    app.clock.tick(FRAME_TIME)
    app.frame()
    assert not app.window.fullscreen and not app.window.dragging
