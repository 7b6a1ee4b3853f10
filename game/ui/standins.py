"""STAND-INS, to be replaced at merge: small in-memory versions of what `persist` and `pages` build.

Everything the interface frame needs from the other branches is reached through this one
module, so swapping in the real thing is an edit here and in `game/app.py`'s imports:
- `Settings`, `SettingsFile` -> `game.settings` (persist)
- `SaveStore`, `Loaded`, `SaveError` -> `game.saves` (persist); this one keeps saves in memory only
- `EndingsReached` -> `game.endings` (persist); in memory only
- `PlayerFiles` -> `game.userdata.PlayerFiles` (persist)
- `skip_once`, `fast_skip` -> `Playthrough.skip(everything=...)`, `Playthrough.fast_skip(everything=...)`
- `GameMenu` -> `game.ui.menu.GameMenu` (pages): here a plain panel naming the pages
"""

from __future__ import annotations

import copy
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.playthrough import Playthrough
from game.ui.layout import DIM_TEXT, MENU_BUTTON_SIZE, SCREEN_SIZE, TEXT_COLOUR
from game.ui.widgets import Buttons, Links, column, opaque, plates

if TYPE_CHECKING:
    from game.app import App

PAGES = ("save", "load", "settings", "history", "help")


@dataclass(frozen=True)
class Settings:
    """The brief's `settings.Settings`, every field with its default."""

    text_cps: float = 45.0
    auto_delay: float = 1.0
    music_volume: float = 0.8
    sound_volume: float = 0.8
    mute: bool = False
    fullscreen: bool = False
    skip_unseen: bool = False
    skip_after_choice: bool = False
    transitions: bool = True


class SettingsFile:
    """Keeps the settings for this run only."""

    def __init__(self, files: PlayerFiles) -> None:
        self._settings = Settings()

    def load(self) -> Settings:
        return self._settings

    def save(self, settings: Settings) -> bool:
        self._settings = settings
        return True


class PlayerFiles:
    """The brief's `userdata.PlayerFiles`, only as far as `write_bytes` (screenshots)."""

    def __init__(self, folder: Path, *, warn: Callable[[str], None]) -> None:
        self.folder = folder
        self.warn = warn

    def write_bytes(self, name: str, data: bytes) -> bool:
        path = self.folder / name
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            with os.fdopen(handle, "wb") as file:
                file.write(data)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, path)
            return True
        except OSError as error:
            self.warn(f"Could not write {path}: {error.strerror or error}")
            return False


class SaveError(Exception):
    """A save that cannot be loaded; the message says why."""


@dataclass(frozen=True)
class Loaded:
    playthrough: Playthrough
    notice: str | None = None


def _copy(playthrough: Playthrough) -> Playthrough:
    """A playthrough of its own (beats are immutable; the list is not)."""
    twin = copy.copy(playthrough)
    twin.beats = list(playthrough.beats)
    return twin


class SaveStore:
    """Saves kept in memory for this run: enough for quick save, quick load, autosave, Continue."""

    AUTOSAVES = ("auto-1", "auto-2", "auto-3")

    def __init__(self, files: PlayerFiles, story: object, game_id: str) -> None:
        self._saves: dict[str, tuple[Playthrough, bytes]] = {}
        self._order: list[str] = []
        self._autosaves = 0

    def save(self, name: str, playthrough: Playthrough, *, thumbnail_png: bytes) -> bool:
        self._saves[name] = (_copy(playthrough), thumbnail_png)
        self._order = [n for n in self._order if n != name] + [name]
        return True

    def quick_save(self, playthrough: Playthrough, *, thumbnail_png: bytes) -> bool:
        return self.save("quick", playthrough, thumbnail_png=thumbnail_png)

    def quick_load(self, *, seen: object) -> Loaded:
        return self.load("quick", seen=seen)

    def autosave(self, playthrough: Playthrough, *, thumbnail_png: bytes) -> bool:
        self._autosaves += 1
        return self.save(self.AUTOSAVES[(self._autosaves - 1) % len(self.AUTOSAVES)], playthrough, thumbnail_png=thumbnail_png)

    def load(self, name: str, *, seen: object) -> Loaded:
        if name not in self._saves:
            raise SaveError("there is no save there yet")
        return Loaded(_copy(self._saves[name][0]))

    def newest(self) -> str | None:
        return self._order[-1] if self._order else None


class EndingsReached:
    """The endings reached, for this run only."""

    def __init__(self, files: PlayerFiles) -> None:
        self._names: set[str] = set()

    def add(self, name: str) -> None:
        self._names.add(name)

    def names(self) -> set[str]:
        return set(self._names)


def skip_once(playthrough: Playthrough, *, everything: bool) -> bool:
    """One step of skip: `everything` passes unread lines too (never a choice or an ending)."""
    return playthrough.advance() if everything else playthrough.skip()


def fast_skip(playthrough: Playthrough, *, everything: bool) -> bool:
    """Straight on to the next choice or unread line; True if it moved."""
    moved = False
    while skip_once(playthrough, everything=everything):
        moved = True
    return moved


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
