"""The end card: a quiet card naming the ending reached; a click or key returns to the title."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.speech import end_card_words
from game.ui.layout import DIM_TEXT, SCREEN_SIZE, TEXT_COLOUR

if TYPE_CHECKING:
    from game.app import App

END_CARD_MINIMUM = 1.5  # seconds the card stays before a key or click dismisses it


class EndCardScreen:
    """Names the ending (and records it as reached, for the title)."""

    modal = False

    def __init__(self, app: App, ending: str, *, shown: str | None = None) -> None:
        """`ending` is the name as written (recorded as reached), `shown` with its variables put in."""
        self.app = app
        self.ending = shown if shown is not None else ending
        self.opened = app.clock.now()
        self.spoken_title = end_card_words(app.game.end_card, self.ending)  # self-voicing reads it as the card appears
        app.endings.add(ending)
        app.seen.save()

    def handle(self, actions: frozenset[str], event: pygame.event.Event, point: tuple[int, int] | None) -> None:
        if self.app.clock.now() - self.opened < END_CARD_MINIMUM:
            return  # keys still held from reading the last line must not sweep the card away
        key = event.type == pygame.KEYDOWN and "skip" not in actions
        if key or event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            self.app.audio.play_music(None, fade=1.5)
            self.app.to_title()

    def update(self, now: float) -> None:
        pass

    def draw(self, canvas: pygame.Surface, now: float) -> None:
        canvas.blit(self.app.images.ui("end_card"), (0, 0))
        fonts = self.app.fonts
        centre = SCREEN_SIZE[0] // 2
        heading = fonts["small"].render(self.app.game.end_card, True, DIM_TEXT)
        name = fonts["title"].render(self.ending, True, TEXT_COLOUR)
        hint = fonts["small"].render("Click or press any key to return to the title", True, DIM_TEXT)
        canvas.blit(heading, heading.get_rect(center=(centre, 300)))
        canvas.blit(name, name.get_rect(center=(centre, 360)))
        canvas.blit(hint, hint.get_rect(center=(centre, 640)))

    def next_change(self, now: float) -> float | None:
        return None
