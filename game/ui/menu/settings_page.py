"""The Settings page: each row a slider or a switch, each change applied at once.

A change goes straight to `app.apply_settings(replace(app.settings, field=value))`, which
applies and keeps it; the page shows `app.settings` as it is, so it never disagrees with the
game (F11 changes "Display" too).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game.speech import control_words
from game.ui.layout import HIGHLIGHT, TEXT_COLOUR
from game.ui.menu.controls import Slider, Switch, nearest
from game.ui.menu.look import BODY, POINTER_EVENTS, Texts, plate

if TYPE_CHECKING:
    from game.ui.menu.page import Menu

ROW_HEIGHT = 44  # twelve rows in the page's body
LABEL_WIDTH = 300


def _same(value: object) -> float:
    return float(value)  # type: ignore[arg-type]


def _speed_order(cps: object) -> float:
    return 1e6 if cps == 0 else float(cps)  # type: ignore[arg-type]  # instant (0) is the fastest


def _speed(cps: object) -> str:
    return "Instant" if cps == 0 else f"{cps:g} chars/s"


def _percent(volume: object) -> str:
    return f"{round(float(volume) * 100)} %"  # type: ignore[arg-type]


def _scale(delay: object) -> str:
    text = f"{float(delay):.2f}"  # type: ignore[arg-type]
    return (text[:-1] if text.endswith("0") else text) + " \u00d7"  # 1.0 ×, 1.25 ×


@dataclass(frozen=True)
class Setting:
    """One row: the `Settings` field it changes, the values it offers and how each reads."""

    label: str
    field: str
    values: tuple[object, ...]
    describe: Callable[[object], str] = str
    labels: tuple[str, ...] | None = None  # a switch's option names (one per value); None for a slider
    order: Callable[[object], float] = _same
    muted: bool = False  # greyed while Mute is on (it still moves, and counts once sound is back)


VOLUMES = tuple(round(step * 0.05, 2) for step in range(21))
SETTINGS = (
    Setting("Text speed", "text_cps", (10, 15, 20, 25, 30, 35, 40, 45, 50, 60, 70, 85, 100, 0), _speed, order=_speed_order),
    Setting("Auto-forward delay", "auto_delay", tuple(step * 0.25 for step in range(1, 13)), _scale),
    Setting("Music volume", "music_volume", VOLUMES, _percent, muted=True),
    Setting("Sound volume", "sound_volume", VOLUMES, _percent, muted=True),
    Setting("Mute", "mute", (False, True), labels=("Off", "On")),
    Setting("Display", "fullscreen", (False, True), labels=("Window", "Fullscreen")),
    Setting("Skip", "skip_unseen", (False, True), labels=("Read lines only", "Everything")),
    Setting("After a choice", "skip_after_choice", (False, True), labels=("Stop skipping", "Keep skipping")),
    Setting("Transitions", "transitions", (True, False), labels=("On", "Cut")),
    Setting("Self-voicing", "self_voicing", (False, True), labels=("Off", "On")),
    Setting("Speech rate", "speech_rate", tuple(step * 0.25 for step in range(2, 13)), _scale),
    Setting("Voice volume", "voice_volume", VOLUMES, _percent, muted=True),
)


class SettingsPage:
    """The rows of settings, with one focused at a time (a page of other rows subclasses it with its own `ROWS`)."""

    title = "Settings"
    ROWS: tuple[Setting, ...] = SETTINGS

    def __init__(self, menu: Menu) -> None:
        self.menu = menu
        self.app = menu.app
        self.focus = 0
        self.rows = [pygame.Rect(BODY.x, BODY.y + i * ROW_HEIGHT, BODY.w, ROW_HEIGHT - 6) for i in range(len(self.ROWS))]
        self.controls: list[Slider | Switch] = []
        for setting, row in zip(self.ROWS, self.rows):
            area = pygame.Rect(row.x + LABEL_WIDTH, row.y, row.w - LABEL_WIDTH - 18, row.h)
            self.controls.append(Switch(area, setting.labels) if setting.labels else Slider(area, len(setting.values)))

    # -- values -----------------------------------------------------------------
    def index(self, row: int) -> int:
        setting = self.ROWS[row]
        return nearest(setting.values, getattr(self.app.settings, setting.field), setting.order)

    def choose(self, row: int, index: int) -> None:
        """Apply value `index` of row `row` at once (nothing happens if it is already so)."""
        setting = self.ROWS[row]
        value = setting.values[min(max(0, index), len(setting.values) - 1)]
        if getattr(self.app.settings, setting.field) != value:
            self.app.apply_settings(dataclasses.replace(self.app.settings, **{setting.field: value}))

    def focus_words(self) -> str:
        """The focused row read aloud: its label and value ("Music volume: 80 %")."""
        setting = self.ROWS[self.focus]
        value = setting.values[self.index(self.focus)]
        return control_words(setting.label, setting.labels[self.index(self.focus)] if setting.labels else setting.describe(value))

    # -- input ------------------------------------------------------------------
    def enter(self) -> None:
        pass  # the focus stays on the row it was on

    def handle(self, actions: frozenset[str], event: pygame.event.Event, point: tuple[int, int] | None) -> bool:
        if point is not None and event.type in POINTER_EVENTS:
            return self._mouse(event, point)
        if "up" in actions:
            self.focus = max(0, self.focus - 1)
        elif "down" in actions:
            self.focus = min(len(self.ROWS) - 1, self.focus + 1)
        elif "left" in actions or "right" in actions:
            self.choose(self.focus, self.index(self.focus) + (1 if "right" in actions else -1))
        elif "activate" in actions and self.ROWS[self.focus].labels:
            self.choose(self.focus, (self.index(self.focus) + 1) % len(self.ROWS[self.focus].values))
        else:
            return False
        return True

    def _mouse(self, event: pygame.event.Event, point: tuple[int, int]) -> bool:
        dragged = next((i for i, c in enumerate(self.controls) if isinstance(c, Slider) and c.dragging), None)
        if dragged is not None:
            if event.type == pygame.MOUSEMOTION:
                self.choose(dragged, self.controls[dragged].index_at(point[0]))
            elif event.type == pygame.MOUSEBUTTONUP and event.button == 1:
                self.controls[dragged].dragging = False
            return True
        row = next((i for i, rect in enumerate(self.rows) if rect.collidepoint(point)), None)
        if row is None:
            return False
        self.focus = row
        control = self.controls[row]
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
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
                quiet = setting.muted and self.app.settings.mute
                control.draw(canvas, texts, index, setting.describe(setting.values[index]), focused=lit, quiet=quiet)
            else:
                control.draw(canvas, texts, index, focused=lit)
