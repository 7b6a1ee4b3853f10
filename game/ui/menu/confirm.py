"""A question with Yes and No, asked over the menu before anything is overwritten or deleted.

Used only when the app has no `confirm(text, on_yes)` of its own (branch `menu` brings one);
No has the focus at first, so a stray Enter never destroys anything.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.ui.layout import HIGHLIGHT, SCREEN_SIZE, TEXT_COLOUR
from game.ui.menu.look import EDGE, PANEL_BODY, Texts, plate
from game.ui.text import wrap

BOX = pygame.Rect(0, 0, 580, 236)
BOX.center = (SCREEN_SIZE[0] // 2, SCREEN_SIZE[1] // 2)
BUTTON_SIZE = (180, 50)
LABELS = ("Yes", "No")


class Confirmation:
    """Yes runs `on_yes`; No, Escape or a right click runs nothing. Either way it is done."""

    def __init__(self, text: str, on_yes: Callable[[], None]) -> None:
        self.text = text
        self.on_yes = on_yes
        self.focus = 1
        self.done = False
        gap = 28
        left = BOX.centerx - BUTTON_SIZE[0] - gap // 2
        self.buttons = [pygame.Rect(left + i * (BUTTON_SIZE[0] + gap), BOX.bottom - 30 - BUTTON_SIZE[1], *BUTTON_SIZE) for i in range(2)]
        self._veil: pygame.Surface | None = None

    def handle(self, actions: frozenset[str], event: pygame.event.Event, point: tuple[int, int] | None) -> None:
        if "back" in actions:
            self._answer(False)
        elif point is not None and event.type in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONUP):
            hit = next((i for i, rect in enumerate(self.buttons) if rect.collidepoint(point)), None)
            if hit is not None:
                self.focus = hit
                if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
                    self._answer(hit == 0)
        elif actions & {"left", "right", "up", "down", "next_tab", "previous_tab"}:
            self.focus = 1 - self.focus
        elif "activate" in actions:
            self._answer(self.focus == 0)

    def _answer(self, yes: bool) -> None:
        self.done = True
        if yes:
            self.on_yes()

    def draw(self, canvas: pygame.Surface, texts: Texts) -> None:
        if self._veil is None:
            self._veil = pygame.Surface(SCREEN_SIZE, pygame.SRCALPHA)
            self._veil.fill((0, 0, 0, 150))
        canvas.blit(self._veil, (0, 0))
        pygame.draw.rect(canvas, EDGE, BOX, border_radius=14)
        pygame.draw.rect(canvas, PANEL_BODY, BOX.inflate(-2, -2), border_radius=13)
        font = texts.fonts["ui"]
        lines = wrap(self.text, font, BOX.w - 80)[:3]
        above = self.buttons[0].top - BOX.top  # the question sits in the middle of the room above the buttons
        y = BOX.top + (above - len(lines) * font.get_linesize()) // 2
        for line, _ in lines:
            words = texts("ui", line, TEXT_COLOUR)
            canvas.blit(words, words.get_rect(midtop=(BOX.centerx, y)))
            y += font.get_linesize()
        for i, (rect, label) in enumerate(zip(self.buttons, LABELS)):
            plate(canvas, rect, focused=i == self.focus)
            words = texts("ui", label, HIGHLIGHT if i == self.focus else TEXT_COLOUR)
            canvas.blit(words, words.get_rect(center=rect.center))
