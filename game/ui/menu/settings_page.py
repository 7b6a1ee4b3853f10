"""The Settings page: each row a slider or a switch, each change applied at once.

The rows are the settings as they declare themselves (`game.settings.declared`). A change goes
straight to `host.apply_settings(replace(settings, field=value))`, which applies and keeps it;
the page shows `host.player.settings` as it is, so it never disagrees with the game (F11
changes "Display" too). When there are more rows than fit, they scroll (`RowWindow`): the
focused row is always in view, and the wheel and a scroll bar move the window.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

import pygame

from game.i18n.interface import ui_text
from game.i18n.language import language_row
from game.settings import Declared, declared
from game.speech import control_words
from game.ui.layout import HIGHLIGHT, TEXT_COLOUR
from game.ui.input import Input
from game.ui.layer import dispatch
from game.ui.menu.controls import Slider, Switch, nearest
from game.ui.menu.look import BODY, Texts, plate
from game.ui.menu.page import pointed
from game.ui.menu.rows import RowWindow

if TYPE_CHECKING:
    from game.ui.menu.page import Menu

ROW_HEIGHT = 38  # fourteen rows in the page's body (Language the last); more scroll
ROW_GAP = 4  # between one row's plate and the next (plates 34 high)
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
        self.ROWS = tuple(language_row(row, self.host.game) if row.open else row for row in self.ROWS)  # the game's languages
        self.focus = 0
        self.window = RowWindow(self.rows_area(), len(self.ROWS), ROW_HEIGHT, gap=ROW_GAP)
        view = self.window.view
        self.rows = [pygame.Rect(view.x, view.y + i * ROW_HEIGHT, view.w, ROW_HEIGHT - ROW_GAP) for i in range(len(self.ROWS))]
        self.controls: list[Slider | Switch] = []
        for setting, row in zip(self.ROWS, self.rows):
            area = pygame.Rect(row.x + LABEL_WIDTH, row.y, row.w - LABEL_WIDTH - 18, row.h)
            self.controls.append(Switch(area, setting.labels) if setting.labels else Slider(area, len(setting.values)))

    def rows_area(self) -> pygame.Rect:
        """Where the rows go: the page's whole body."""
        return BODY

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
        return control_words(ui_text(setting.label), ui_text(setting.labels[self.index(self.focus)]) if setting.labels else setting.describe(value))

    # -- scrolling --------------------------------------------------------------
    def _moved(self, dy: int) -> None:
        """The rows scrolled by `dy` pixels: their places and their controls' go with them."""
        if dy:
            for rect, control in zip(self.rows, self.controls):
                rect.move_ip(0, dy)
                control.move(dy)

    def _focus(self, row: int) -> None:
        self.focus = min(max(0, row), len(self.ROWS) - 1)
        self._moved(self.window.ensure_visible(self.focus))

    # -- input ------------------------------------------------------------------
    def enter(self) -> None:
        pass  # the focus stays on the row it was on

    def handle(self, input: Input) -> bool:
        point = pointed(input)
        return self._pointer(input, point) if point is not None else dispatch(self, input)

    def action_up(self, input: Input) -> None:
        self._focus(self.focus - 1)

    def action_down(self, input: Input) -> None:
        self._focus(self.focus + 1)

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

    def action_scroll_up(self, input: Input) -> bool:
        """The wheel: the rows scroll (when they do not all fit), the focus stays where it is."""
        return self._wheel(-1)

    def action_scroll_down(self, input: Input) -> bool:
        return self._wheel(1)

    def _wheel(self, rows: int) -> bool:
        if not self.window.scrolls:
            return False
        self._moved(self.window.scroll(rows))
        return True

    def _pointer(self, input: Input, point: tuple[int, int]) -> bool:
        moved = self.window.handle_bar(input, point)
        if moved is not None:
            self._moved(moved)
            return True
        dragged = next((i for i, c in enumerate(self.controls) if isinstance(c, Slider) and c.dragging), None)
        if dragged is not None:
            slider = self.controls[dragged]
            assert isinstance(slider, Slider)
            if input.kind == "move":
                self.choose(dragged, slider.index_at(point[0]))
            elif input.kind == "release" and input.button == 1:
                slider.dragging = False
            return True
        row = next((i for i in self.window.shown() if self.rows[i].collidepoint(point)), None)
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
        for row in self.window.shown():
            setting, rect, control = self.ROWS[row], self.rows[row], self.controls[row]
            lit = focused and row == self.focus
            if lit:
                plate(canvas, rect, focused=True, soft=True, radius=10)
            label = texts("ui", ui_text(setting.label), HIGHLIGHT if lit else TEXT_COLOUR)
            canvas.blit(label, label.get_rect(midleft=(rect.x + 18, rect.centery)))
            index = self.index(row)
            if isinstance(control, Slider):
                quiet = setting.muted and self.host.player.settings.mute
                control.draw(canvas, texts, index, setting.describe(setting.values[index]), focused=lit, quiet=quiet)
            else:
                control.draw(canvas, texts, index, focused=lit)
        self.window.draw_bar(canvas)
