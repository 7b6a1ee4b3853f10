"""Issue 18: what the game screen draws around the story: no quick menu or corner note under a menu
or in a save's picture, the line relaid after the Accessibility page shown at once, the choice's
picture with its prompt, the "taken before" dot clear of the option's words."""

from __future__ import annotations

import io

import pygame
from driving import click, key, read_lines, settle, start_game, to_choice, wheel

from game.ui.layout import SCREEN_SIZE
from game.ui.menu import GameMenu
from game.ui.widgets import MARK_RADIUS, marked_dot


def drawn(game) -> pygame.Surface:
    canvas = pygame.Surface(SCREEN_SIZE).convert()
    game.draw(canvas)
    return canvas


def same(a: pygame.Surface, b: pygame.Surface, rect: pygame.Rect) -> bool:
    return pygame.image.tobytes(a.subsurface(rect), "RGB") == pygame.image.tobytes(b.subsurface(rect), "RGB")


def test_no_quick_menu_or_rewound_note_under_a_menu_or_in_a_saves_picture(app):
    game = start_game(app)
    read_lines(app, game, 3)
    settle(app)
    wheel(app, 1)  # rewound: the corner note says so
    assert game.playthrough.rewound
    shown, picture = drawn(game), game._render()
    corner = pygame.Rect(SCREEN_SIZE[0] - 520, 8, 500, 36)
    quick = game.quick.rects[0].unionall(game.quick.rects)
    assert not same(shown, picture, corner), "the rewound note is on screen ..."
    assert not same(shown, picture, quick), "... and so is the quick menu ..."
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.top, GameMenu)
    under = drawn(game)
    assert same(under, picture, corner) and same(under, picture, quick), "... but neither under the menu nor in the picture"
    key(app, pygame.K_ESCAPE)
    assert not same(drawn(game), picture, quick)


def test_the_line_relaid_after_the_accessibility_page_shows_at_once(app):
    """Changing the text size on the page, open for a minute: the line is there whole the moment the page closes."""
    game = start_game(app)
    read_lines(app, game, 2)
    settle(app)
    key(app, pygame.K_a, mod=pygame.KMOD_SHIFT)
    assert isinstance(app.top, GameMenu) and app.top.page == "accessibility"
    settle(app, 60.0)
    key(app, pygame.K_RIGHT)  # the text size, one step up
    assert app.player.settings.text_scale > 1.0
    key(app, pygame.K_ESCAPE)
    frame = game.playback.frame(game.now())
    assert frame.text_shown and not frame.box_only and frame.chars == len(game.playthrough.current.text)


def test_the_autosave_at_the_choice_pictures_the_prompt(app):
    game = start_game(app)
    to_choice(app, game)
    frame = game.playback.frame(game.now())
    assert game.playthrough.current.text and frame.text_shown and frame.chars == len(game.playthrough.current.text)
    newest = app.player.saves.info(app.player.saves.newest())
    assert newest.words == game.playthrough.current.text
    assert newest.thumbnail.read_bytes() == game.thumbnail_png(), "the choice's picture is the screen: prompt, options and all"
    bare = pygame.Surface(SCREEN_SIZE).convert()
    game.stage.draw(bare, game.playthrough.current, frame.__class__(frame.scene), waiting_for=None)
    thumb = pygame.image.load(io.BytesIO(newest.thumbnail.read_bytes()), "t.png")
    box = game.stage.layout.box
    scale = thumb.get_width() / SCREEN_SIZE[0]
    area = pygame.Rect(round(box.x * scale), round(box.y * scale), round(box.w * scale), round(box.h * scale))
    small = pygame.transform.smoothscale(bare, thumb.get_size())
    assert not same(thumb.convert(), small, area), "the text box with its prompt is in the picture"


def test_the_taken_before_dot_stands_clear_of_the_first_letter(app):
    game = start_game(app)
    to_choice(app, game)
    click(app, game.choice.rects[0].center)
    wheel(app, 1)
    while not game.playthrough.at_choice:
        wheel(app, 1)
    settle(app)
    choice = game.choice
    assert choice is not None and choice.marked == 0
    for index, rect in enumerate(choice.rects):
        label = choice._texts[index].get_rect(center=rect.center)
        x, _ = marked_dot(rect, label)
        assert x + MARK_RADIUS < label.left - 4 and x - MARK_RADIUS > rect.left, choice.labels[index]
