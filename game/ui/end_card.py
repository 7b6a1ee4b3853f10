"""The end card: a quiet card naming the ending reached; a click or key returns to the title."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.i18n.interface import ui_text
from game.speech import end_card_words
from game.ui.host import Host
from game.ui.input import Input
from game.ui.layout import DIM_TEXT, SCREEN_SIZE, TEXT_COLOUR

if TYPE_CHECKING:
    from game.settings import Settings

END_CARD_MINIMUM = 1.5  # seconds the card stays before a key or click dismisses it


class EndCardScreen:
    """Names the ending (and records it as reached, for the title)."""

    modal = False

    def __init__(self, host: Host, ending: str, *, shown: str | None = None) -> None:
        """`ending` is the name as written (recorded as reached), `shown` with its variables put in."""
        self.host = host
        self.clock = host.new_clock()
        self.ending = shown if shown is not None else ending
        self.opened = self.clock.now()
        self.spoken_title = end_card_words(host.game.end_card, self.ending)  # self-voicing reads it as the card appears
        host.player.endings.add(ending)
        host.player.seen.save()

    def handle(self, input: Input) -> None:
        """Any key or pad button (but skip's), or a left click: back to the title."""
        if self.clock.now() - self.opened < END_CARD_MINIMUM:
            return  # keys still held from reading the last line must not sweep the card away
        key = input.pressed and not input.pointer and "skip" not in input
        if key or (input.pointer and input.released and input.button == 1):
            self.host.services.audio.play_music(None, fade=1.5)
            self.host.show_title()

    def settings_changed(self, settings: Settings) -> None:
        pass

    def update(self) -> None:
        pass

    def draw(self, canvas: pygame.Surface) -> None:
        canvas.blit(self.host.services.images.ui("end_card"), (0, 0))
        fonts = self.host.services.fonts
        centre = SCREEN_SIZE[0] // 2
        heading = fonts["small"].render(self.host.game.end_card, True, DIM_TEXT)
        name = fonts["title"].render(self.ending, True, TEXT_COLOUR)
        hint = fonts["small"].render(ui_text("Click or press any key to return to the title"), True, DIM_TEXT)
        canvas.blit(heading, heading.get_rect(center=(centre, 300)))
        canvas.blit(name, name.get_rect(center=(centre, 360)))
        canvas.blit(hint, hint.get_rect(center=(centre, 640)))

    def next_change(self) -> float | None:
        return None
