"""The Settings page: each row a slider or a switch, each change applied at once.

A change goes straight to `app.apply_settings(replace(app.settings, field=value))`, which
applies and keeps it; the page shows `app.settings` as it is, so it never disagrees with the
game (F11 changes "Display" too).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

import pygame

from game.settings import Declared, declared
from game.speech import control_words
from game.ui.layout import HIGHLIGHT, TEXT_COLOUR
from game.ui.menu.controls import Slider, Switch, nearest
from game.ui.input import Input
from game.ui.layer import dispatch
from game.ui.menu.look import BODY, Texts, plate
from game.ui.menu.page import pointed

if TYPE_CHECKING:
    from game.ui.menu.page import Menu

ROW_HEIGHT = 44  # twelve rows in the page's body
LABEL_WIDTH = 300


#: The Settings page's rows, as the settings declare themselves (`game.settings`).
SETTINGS: tuple[Declared, ...] = declared("settings")


class SettingsPage:
    """The rows of settings, with one focused at a time (a page of other rows subclasses it with its own `ROWS`)."""

    title = "Settings"
    ROWS: tuple[Declared, ...] = SETTINGS

    def __init__(self, menu: Menu) -> None:
        self.menu = menu
        self.host = menu.host
        self.focus = 0
        self.rows = [pygame.Rect(BODY.x, BODY.y + i * ROW_HEIGHT, BODY.w, ROW_HEIGHT - 6) for i in range(len(self.ROWS))]
        self.controls: list[Slider | Switch] = []
        for setting, row in zip(self.ROWS, self.rows):
            area = pygame.Rect(row.x + LABEL_WIDTH, row.y, row.w - LABEL_WIDTH - 18, row.h)
            self.controls.append(Switch(area, setting.labels) if setting.labels else Slider(area, len(setting.values)))

    # -- values -----------------------------------------------------------------
    def index(self, row: int) -> int:
        setting = self.ROWS[row]
        return nearest(setting.values, getattr(self.host.player.settings, setting.field), setting.order)

    def choose(self, row: int, index: int) -> None:
        """Apply value `index` of row `row` at once (nothing happens if it is already so)."""
        setting = self.ROWS[row]
        value = setting.values[min(max(0, index), len(setting.values) - 1)]
        if getattr(self.host.player.settings, setting.field) != value:
            self.host.apply_settings(dataclasses.replace(self.host.player.settings, **{setting.field: value}))

    def focus_words(self) -> str:
        """The focused row read aloud: its label and value ("Music volume: 80 %")."""
        setting = self.ROWS[self.focus]
        value = setting.values[self.index(self.focus)]
        return control_words(setting.label, setting.labels[self.index(self.focus)] if setting.labels else setting.describe(value))

    # -- input ------------------------------------------------------------------
    def enter(self) -> None:
        pass  # the focus stays on the row it was on

    def handle(self, input: Input) -> bool:
        point = pointed(input)
        return self._pointer(input, point) if point is not None else dispatch(self, input)

    def action_up(self, input: Input) -> None:
        self.focus = max(0, self.focus - 1)

    def action_down(self, input: Input) -> None:
        self.focus = min(len(self.ROWS) - 1, self.focus + 1)

    def action_left(self, input: Input) -> None:
        self.choose(self.focus, self.index(self.focus) - 1)

    def action_right(self, input: Input) -> None:
        self.choose(self.focus, self.index(self.focus) + 1)

    def action_activate(self, input: Input) -> bool:
        """Enter on a switch: its next option (a slider has no use for it)."""
        if not self.ROWS[self.focus].labels:
            return False
        self.choose(self.focus, (self.index(self.focus) + 1) % len(self.ROWS[self.focus].values))
        return True

    def _pointer(self, input: Input, point: tuple[int, int]) -> bool:
        dragged = next((i for i, c in enumerate(self.controls) if isinstance(c, Slider) and c.dragging), None)
        if dragged is not None:
            if input.kind == "move":
                self.choose(dragged, self.controls[dragged].index_at(point[0]))  # type: ignore[union-attr]
            elif input.kind == "release" and input.button == 1:
                self.controls[dragged].dragging = False  # type: ignore[union-attr]
            return True
        row = next((i for i, rect in enumerate(self.rows) if rect.collidepoint(point)), None)
        if row is None:
            return False
        self.focus = row
        control = self.controls[row]
        if input.kind == "press" and input.button == 1:
            index = control.press(point) if isinstance(control, Slider) else control.at(point)
            if index is not None:
                self.choose(row, index)
        return True

    # -- drawing ----------------------------------------------------------------
    def draw(self, canvas: pygame.Surface, texts: Texts, *, focused: bool) -> None:
        for row, (setting, rect, control) in enumerate(zip(self.ROWS, self.rows, self.controls)):
            lit = focused and row == self.focus
            if lit:
                plate(canvas, rect, focused=True, soft=True, radius=10)
            label = texts("ui", setting.label, HIGHLIGHT if lit else TEXT_COLOUR)
            canvas.blit(label, label.get_rect(midleft=(rect.x + 18, rect.centery)))
            index = self.index(row)
            if isinstance(control, Slider):
                quiet = setting.muted and self.host.player.settings.mute
                control.draw(canvas, texts, index, setting.describe(setting.values[index]), focused=lit, quiet=quiet)
            else:
                control.draw(canvas, texts, index, focused=lit)
