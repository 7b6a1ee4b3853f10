"""The title screen: Continue (when there is a save), Start, Load, Settings, Quit, and the endings reached."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.script.model import Ending
from game.ui.host import Host, load_or_tell
from game.ui.input import Input
from game.ui.layer import dispatch
from game.ui.layout import DIM_TEXT, MENU_BUTTON_SIZE, SCREEN_SIZE, TEXT_COLOUR
from game.ui.widgets import Buttons, column, plates

if TYPE_CHECKING:
    from game.settings import Settings

LOGO_CENTRE_Y = 205
BUTTON_SIZE = (MENU_BUTTON_SIZE[0], 46)
BUTTONS_TOP = 350


class TitleScreen:
    """The title picture and logo over the menu; the endings the player has reached at the foot."""

    modal = False

    def __init__(self, host: Host) -> None:
        self.host = host
        self.clock = host.new_clock()
        services = host.services
        self.labels = (["Continue"] if host.player.saves.newest() is not None else []) + ["Start", "Load", "Settings", "Quit"]
        rects = column(len(self.labels), BUTTON_SIZE, centre_x=SCREEN_SIZE[0] // 2, top=BUTTONS_TOP, gap=12)
        self.buttons = Buttons(self.labels, rects, plates(services.images, BUTTON_SIZE), services.fonts["ui"], audio=services.audio,
                               contrast=host.player.settings.high_contrast)
        self.buttons.selected = 0  # Continue when there is a save, else Start: Enter plays on
        self.endings = self._endings_line()
        services.audio.play_music(host.game.title_music, fade=2.0)

    def _endings_line(self) -> pygame.Surface | None:
        reached = sorted(self.host.player.endings.names())
        if not reached:
            return None
        total = len({step.name for step in self.host.story.steps if isinstance(step, Ending)})
        text = f"Endings reached ({len(reached)} of {total}):  " + "  ·  ".join(reached)
        return self.host.services.fonts["small"].render(text, True, DIM_TEXT)

    # -- input --------------------------------------------------------------------------
    def handle(self, input: Input) -> None:
        if dispatch(self, input):
            return
        chosen = self.buttons.handle(input)
        if chosen is None:
            return
        label = self.labels[chosen]
        if label == "Continue":
            self._continue()
        elif label == "Start":
            self.host.play()
        elif label in ("Load", "Settings"):
            self.host.open_page(label.lower())
        else:
            self.host.quit()

    def action_back(self, input: Input) -> bool:
        """Escape (or the pad's B) quits from the title; a right click does nothing here."""
        if input.pointer:
            return False
        self.host.quit()
        return True

    def action_accessibility(self, input: Input) -> None:
        """Shift+A: readable text before the story starts."""
        self.host.open_page("accessibility")

    def _continue(self) -> None:
        """The newest save of any kind."""
        player = self.host.player
        newest = player.saves.newest()
        if newest is not None and (loaded := load_or_tell(self.host, lambda: player.saves.load(newest, seen=player.seen))) is not None:
            self.host.play(loaded.playthrough, notice=loaded.notice)

    # -- self-voicing ---------------------------------------------------------------------
    @property
    def spoken_title(self) -> str:
        return self.host.game.title

    def focus_words(self) -> str | None:
        return self.buttons.focus_words()

    # -- time and drawing -------------------------------------------------------------------
    def settings_changed(self, settings: Settings) -> None:
        self.buttons.contrast = settings.high_contrast  # Shift+A may change it over the title

    def update(self) -> None:
        pass

    def draw(self, canvas: pygame.Surface) -> None:
        game, images = self.host.game, self.host.services.images
        canvas.blit(images.background(game.title_background), (0, 0))
        logo = images.ui(game.title_logo) if game.title_logo else self.host.services.fonts["title"].render(game.title, True, TEXT_COLOUR)
        canvas.blit(logo, logo.get_rect(center=(SCREEN_SIZE[0] // 2, LOGO_CENTRE_Y)))
        self.buttons.draw(canvas)
        if self.endings is not None:
            canvas.blit(self.endings, self.endings.get_rect(center=(SCREEN_SIZE[0] // 2, SCREEN_SIZE[1] - 34)))

    def next_change(self) -> float | None:
        return None
