"""SHIM(app): remove at merge. The game menu over the old `App`, until the App implements `Host`.

The App on this branch still makes `GameMenu(app, page)` and drives its layers with pygame
events, `update(now)`, `draw(canvas, now)` and `next_change(now)`. `GameMenu(app, page)` with
an object that is no Host (it has no `player`) makes an `AppMenu`: the real menu over an
`AppHost`, with those old calls turned into the new ones. Nothing else uses this module.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from game.playthrough import Playthrough
from game.saves import Loaded
from game.settings import Settings
from game.ui.input import Input
from game.ui.layer import PausableClock
from game.ui.menu.container import GameMenu
from game.ui.menu.page import Playing


class _AppPlayer:
    """The old App's settings, saves, seen lines and endings, as `PlayerData` holds them."""

    def __init__(self, app: Any) -> None:
        self._app = app

    @property
    def settings(self) -> Settings:
        return self._app.settings  # type: ignore[no-any-return]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._app, name)  # saves, seen, endings, files


class AppHost:
    """The old App as a `Host` for the menu."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.story = app.story
        self.game = app.game
        self.player: Any = _AppPlayer(app)

    @property
    def services(self) -> Any:
        return self.app  # fonts and audio, read each time: the App makes new fonts when the text size changes

    @property
    def playing(self) -> Playing | None:
        return self.app.game_screen  # type: ignore[no-any-return]

    def new_clock(self) -> PausableClock:
        return PausableClock(self.app.clock)

    def notify(self, text: str) -> None:
        self.app.notify(text)

    def speak(self, text: str, *, interrupt: bool = True) -> None:
        self.app.speak(text, interrupt=interrupt)

    def confirm(self, question: str, on_yes: Callable[[], None], *, detail: str = "", destructive: bool = False) -> None:
        self.app.confirm(question, on_yes, detail=detail, destructive=destructive)

    def push(self, layer: Any) -> None:
        self.app.push(layer)

    def pop(self, layer: Any) -> None:
        self.app.pop(layer)

    def open_page(self, page: str) -> None:
        self.app.open_menu(page)

    def show_title(self) -> None:
        self.app.to_title()

    def play(self, playthrough: Playthrough | None = None, *, notice: str | None = None) -> None:
        if playthrough is None:
            self.app.restart()
        else:
            self.app.load(Loaded(playthrough, notice))

    def show_end_card(self, ending: str, *, shown: str | None = None) -> None:
        raise NotImplementedError  # the menu never shows the end card

    def quit(self) -> None:
        self.app.quit()

    def apply_settings(self, new: Settings) -> None:
        self.app.apply_settings(new)


KINDS = {pygame.KEYDOWN: "press", pygame.KEYUP: "release", pygame.MOUSEBUTTONDOWN: "press", pygame.MOUSEBUTTONUP: "release",
         pygame.MOUSEMOTION: "move", pygame.MOUSEWHEEL: "wheel"}


def to_input(actions: frozenset[str], event: pygame.event.Event, point: tuple[int, int] | None) -> Input:
    """The old App's (actions, event, point) as one `Input`."""
    kind: Any = KINDS.get(event.type, "press")
    if event.type in (pygame.KEYDOWN, pygame.KEYUP):
        return Input(actions, kind, "gamepad" if getattr(event, "gamepad", False) else "keyboard")
    return Input(actions, kind, "mouse", point, getattr(event, "button", 0) if event.type != pygame.MOUSEWHEEL else 0)


class AppMenu(GameMenu):
    """The menu as the old App drives it."""

    def __init__(self, app: Any, page: str) -> None:
        self.app = app
        super().__init__(AppHost(app), page)

    def handle(self, actions: frozenset[str], event: pygame.event.Event, point: tuple[int, int] | None) -> None:  # type: ignore[override]
        super().handle(to_input(actions, event, point))

    def update(self, now: float = 0.0) -> None:
        pass

    def next_change(self, now: float = 0.0) -> float | None:
        return None

    def draw(self, canvas: pygame.Surface, now: float = 0.0) -> None:
        self.settings_changed(self.app.settings)  # the old App tells no layer of new settings
        super().draw(canvas)


GameMenu.legacy = AppMenu
