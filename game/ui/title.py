"""The title screen: Continue (when there is a save), Start, Load, Settings, Quit, and the endings reached."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.script.model import Ending
from game.ui.layout import DIM_TEXT, MENU_BUTTON_SIZE, SCREEN_SIZE, TEXT_COLOUR
from game.ui.widgets import Buttons, column, plates

if TYPE_CHECKING:
    from game.app import App

LOGO_CENTRE_Y = 205
BUTTON_SIZE = (MENU_BUTTON_SIZE[0], 46)
BUTTONS_TOP = 350


class TitleScreen:
    """The title picture and logo over the menu; the endings the player has reached at the foot."""

    modal = False

    def __init__(self, app: App) -> None:
        self.app = app
        self.labels = (["Continue"] if app.saves.newest() is not None else []) + ["Start", "Load", "Settings", "Quit"]
        rects = column(len(self.labels), BUTTON_SIZE, centre_x=SCREEN_SIZE[0] // 2, top=BUTTONS_TOP, gap=12)
        self.buttons = Buttons(self.labels, rects, plates(app.images, BUTTON_SIZE), app.fonts["ui"], audio=app.audio)
        self.buttons.selected = 0  # Continue when there is a save, else Start: Enter plays on
        self.endings = self._endings_line()
        app.audio.play_music(app.game.title_music, fade=2.0)

    def _endings_line(self) -> pygame.Surface | None:
        reached = sorted(self.app.endings.names())
        if not reached:
            return None
        total = len({step.name for step in self.app.story.steps if isinstance(step, Ending)})
        text = f"Endings reached ({len(reached)} of {total}):  " + "  ·  ".join(reached)
        return self.app.fonts["small"].render(text, True, DIM_TEXT)

    def handle(self, actions: frozenset[str], event: pygame.event.Event, point: tuple[int, int] | None) -> None:
        if "back" in actions and event.type == pygame.KEYDOWN:
            self.app.quit()
            return
        if "accessibility" in actions:  # Shift+A: readable text before the story starts
            self.app.open_menu("accessibility")
            return
        chosen = self.buttons.handle(actions, event, point)
        if chosen is None:
            return
        label = self.labels[chosen]
        if label == "Continue":
            self.app.continue_game()
        elif label == "Start":
            self.app.new_game()
        elif label in ("Load", "Settings"):
            self.app.open_menu(label.lower())
        else:
            self.app.quit()

    @property
    def spoken_title(self) -> str:
        return self.app.game.title

    def focus_words(self) -> str | None:
        return self.buttons.focus_words()

    def update(self, now: float) -> None:
        pass

    def draw(self, canvas: pygame.Surface, now: float) -> None:
        game = self.app.game
        canvas.blit(self.app.images.background(game.title_background), (0, 0))
        logo = self.app.images.ui(game.title_logo) if game.title_logo else self.app.fonts["title"].render(game.title, True, TEXT_COLOUR)
        canvas.blit(logo, logo.get_rect(center=(SCREEN_SIZE[0] // 2, LOGO_CENTRE_Y)))
        self.buttons.contrast = self.app.settings.high_contrast  # Shift+A may change it over the title
        self.buttons.draw(canvas)
        if self.endings is not None:
            canvas.blit(self.endings, self.endings.get_rect(center=(SCREEN_SIZE[0] // 2, SCREEN_SIZE[1] - 34)))

    def next_change(self, now: float) -> float | None:
        return None
