"""STAND-IN, replaced when the game menu's pages land: `GameMenu` -> `game.ui.menu.GameMenu`."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.layout import DIM_TEXT, MENU_BUTTON_SIZE, SCREEN_SIZE, TEXT_COLOUR
from game.ui.widgets import Buttons, Links, column, opaque, plates

if TYPE_CHECKING:
    from game.app import App

PAGES = ("save", "load", "settings", "history", "help")


class GameMenu:
    """A plain panel naming the game menu's pages, with Return, Restart, Title and Quit."""

    modal = True
    ACTIONS = ("Return", "Restart", "Title", "Quit")

    def __init__(self, app: App, page: str) -> None:
        self.app = app
        self.page = page
        panel = app.images.ui("menu_panel")
        self.panel = opaque(panel)
        self.panel_rect = panel.get_rect(center=(SCREEN_SIZE[0] // 2, SCREEN_SIZE[1] // 2))
        self.tabs = Links([p.title() for p in PAGES], app.fonts["small"], right=self.panel_rect.right - 40, y=self.panel_rect.top + 88, gap=18)
        rects = column(len(self.ACTIONS), (MENU_BUTTON_SIZE[0], 46), centre_x=self.panel_rect.centerx, top=self.panel_rect.top + 128, gap=12)
        self.buttons = Buttons(self.ACTIONS, rects, plates(app.images, (MENU_BUTTON_SIZE[0], 46)), app.fonts["ui"], audio=app.audio)
        self.buttons.selected = 0
        self.veil = pygame.Surface(SCREEN_SIZE).convert()
        self.veil.set_alpha(150)

    def handle(self, actions: frozenset[str], event: pygame.event.Event, point: tuple[int, int] | None) -> None:
        if "back" in actions or "game_menu" in actions:
            self.app.pop(self)
            return
        if event.type == pygame.MOUSEBUTTONUP and point is not None and (tab := self.tabs.at(point)) is not None:
            self.page = PAGES[tab]
            return
        chosen = self.buttons.handle(actions, event, point)
        if chosen is not None:
            [lambda: self.app.pop(self), self.app.ask_restart, self.app.ask_title, self.app.ask_quit][chosen]()

    def update(self, now: float) -> None:
        pass

    def draw(self, canvas: pygame.Surface, now: float) -> None:
        canvas.blit(self.veil, (0, 0))
        canvas.blit(self.panel, self.panel_rect)
        heading = self.app.fonts["small"].render(f"G A M E   M E N U  ·  {self.page.upper()}", True, DIM_TEXT)
        canvas.blit(heading, heading.get_rect(center=(self.panel_rect.centerx, self.panel_rect.top + 40)))
        self.tabs.draw(canvas, lit={PAGES.index(self.page)})
        self.buttons.draw(canvas)
        note = self.app.fonts["small"].render("(the pages are coming)", True, TEXT_COLOUR)
        canvas.blit(note, note.get_rect(midbottom=(self.panel_rect.centerx, self.panel_rect.bottom - 14)))

    def next_change(self, now: float) -> float | None:
        return None
