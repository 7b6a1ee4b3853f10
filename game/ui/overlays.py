"""The Yes/No confirmation drawn over everything (the notices are `game.ui.notices`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

import pygame

from game.i18n.interface import ui_text
from game.ui.input import Input
from game.ui.layer import dispatch
from game.ui.layout import DIM_TEXT, SCREEN_SIZE, TEXT_COLOUR
from game.ui.stage import CONTRAST_BOX, CONTRAST_RIM, CONTRAST_TEXT
from game.ui.text import wrap
from game.ui.widgets import Buttons, plates, row
from game.ui.canvas import still

if TYPE_CHECKING:
    from game.settings import Settings
    from game.ui.host import Host

CONFIRM_BUTTON = (180, 50)
PANEL_FILL = (24, 30, 39, 255)
PANEL_EDGE = (112, 128, 142, 255)


class Confirm:
    """A question with Yes and No, by keyboard, pad and mouse; Escape or a right click means No."""

    modal = True

    def __init__(self, host: Host, question: str, on_yes: Callable[[], None], *, detail: str = "", destructive: bool = False) -> None:
        self.host = host
        self.clock = host.new_clock()
        self.on_yes = on_yes
        question, detail = ui_text(question), ui_text(detail)
        self.spoken_title = f"{question} {detail}".strip()  # self-voicing reads it, then the focused button
        fonts = host.services.fonts
        font, small = fonts["ui"], fonts["small"]
        contrast = host.player.settings.high_contrast  # it cannot change while the question is open
        self.lines = [font.render(line, True, CONTRAST_TEXT if contrast else TEXT_COLOUR) for line, _ in wrap(question, font, 520)]
        self.lines += [small.render(line, True, CONTRAST_TEXT if contrast else DIM_TEXT) for line, _ in wrap(detail, small, 520)]
        height = 78 + sum(line.get_height() for line in self.lines) + CONFIRM_BUTTON[1] + 34
        self.panel_rect = pygame.Rect(0, 0, 620, height)
        self.panel_rect.center = (SCREEN_SIZE[0] // 2, SCREEN_SIZE[1] // 2)
        self.panel = _panel(self.panel_rect.size, contrast=contrast)
        rects = row(2, CONFIRM_BUTTON, centre_x=self.panel_rect.centerx, top=self.panel_rect.bottom - CONFIRM_BUTTON[1] - 34, gap=40)
        self.buttons = Buttons([ui_text("Yes"), ui_text("No")], rects, plates(host.services.images, CONFIRM_BUTTON), font, across=True, audio=host.services.audio, contrast=contrast)
        # Title or Quit the player has just asked for: Enter confirms. What cannot be undone starts on No.
        self.buttons.selected = 1 if destructive else 0
        self.veil = still(pygame.Surface(SCREEN_SIZE).convert())
        self.veil.set_alpha(120)

    def handle(self, input: Input) -> None:
        if dispatch(self, input):
            return
        if input.pressed and not input.pointer and input.actions & {"up", "down"}:
            input = replace(input, actions=input.actions | {"right"})  # two buttons: any arrow moves between them
        chosen = self.buttons.handle(input)
        if chosen is not None:
            self.answer(chosen == 0)

    def action_back(self, input: Input) -> None:
        """Escape, a right click or the pad's B: No."""
        self.answer(False)

    def focus_words(self) -> str | None:
        return self.buttons.focus_words()

    def answer(self, yes: bool) -> None:
        self.host.pop(self)
        if yes:
            self.on_yes()

    def settings_changed(self, settings: Settings) -> None:
        pass  # what it shows is made when it opens: nothing can change the settings while it asks

    def update(self) -> None:
        pass

    def draw(self, canvas: pygame.Surface) -> None:
        canvas.blit(self.veil, (0, 0))
        canvas.blit(self.panel, self.panel_rect)
        y = self.panel_rect.top + 40
        for line in self.lines:
            canvas.blit(line, line.get_rect(midtop=(self.panel_rect.centerx, y)))
            y += line.get_height() + 4
        self.buttons.draw(canvas)

    def next_change(self) -> float | None:
        return None


def _panel(size: tuple[int, int], *, contrast: bool = False) -> pygame.Surface:
    """A plain, opaque panel of any size (the menu panel's art has a divider placed for its own size);
    in high contrast darker, with a bright rim."""
    panel = pygame.Surface(size, pygame.SRCALPHA)
    pygame.draw.rect(panel, CONTRAST_BOX if contrast else PANEL_FILL, panel.get_rect(), border_radius=14)
    pygame.draw.rect(panel, CONTRAST_RIM if contrast else PANEL_EDGE, panel.get_rect(), width=2 if contrast else 1, border_radius=14)
    return still(panel)
