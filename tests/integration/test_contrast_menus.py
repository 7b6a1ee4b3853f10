"""High contrast, menus alike (issue 8): the title's buttons and a Yes/No question use an opaque dark
plate with pure white text and a bright rim, as the text box and the game menu do."""

from __future__ import annotations

import dataclasses

import pygame

from game.ui.overlays import Confirm
from game.ui.stage import CONTRAST_BOX, CONTRAST_RIM, CONTRAST_TEXT
from game.ui.title import TitleScreen


def colours(canvas: pygame.Surface, rect: pygame.Rect) -> set[tuple[int, int, int]]:
    return {tuple(canvas.get_at((x, y)))[:3] for x in range(rect.left, rect.right) for y in range(rect.top, rect.bottom)}


def contrast_on(app) -> None:
    app.apply_settings(dataclasses.replace(app.player.settings, high_contrast=True))
    app.dirty = True
    app.frame()


def test_title_buttons_in_high_contrast(app, tmp_path):
    app.frame()
    title = app.top
    assert isinstance(title, TitleScreen)
    unselected = title.buttons.rects[1]
    before = colours(app.window.canvas, unselected.inflate(-12, -12))  # inside the plate: its rounded rim shows the wall behind
    assert CONTRAST_TEXT not in before and CONTRAST_BOX not in before
    contrast_on(app)
    pygame.image.save(app.window.canvas, str(tmp_path / "title.png"))
    after = colours(app.window.canvas, unselected)
    assert {CONTRAST_BOX, CONTRAST_TEXT, CONTRAST_RIM} <= after  # dark plate, white label, bright rim


def test_a_confirmation_in_high_contrast(app, tmp_path):
    app.frame()
    contrast_on(app)
    question = Confirm(app, "Overwrite the save?", lambda: None, detail="The old save is lost.", destructive=True)
    app.push(question)
    app.dirty = True
    app.frame()
    pygame.image.save(app.window.canvas, str(tmp_path / "confirm.png"))
    canvas = app.window.canvas
    panel = question.panel_rect
    assert tuple(canvas.get_at((panel.x + 20, panel.y + 20)))[:3] == CONTRAST_BOX
    assert tuple(canvas.get_at((panel.centerx, panel.top)))[:3] == CONTRAST_RIM
    words = pygame.Rect(panel.x, panel.y + 30, panel.w, 80)
    assert CONTRAST_TEXT in colours(canvas, words)
    yes = question.buttons.rects[0]  # not selected: a destructive question starts on No
    assert {CONTRAST_BOX, CONTRAST_TEXT, CONTRAST_RIM} <= colours(canvas, yes)
