"""What a page of the game menu is, and what it may ask of the menu around it.

Pages depend on these protocols only, never on the container (`game.ui.menu.container`), so
the container may import every page (through the registry, `game.ui.menu.pages`) without a circle.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

import pygame

from game.ui.input import Input
from game.ui.menu.look import Texts

if TYPE_CHECKING:
    from game.player import PlayerData
    from game.playthrough import Playthrough
    from game.script.model import Story
    from game.settings import Settings
    from game.ui.assets import Fonts
    from game.ui.audio import Audio
    from game.ui.layer import PausableClock


class Playing(Protocol):
    """The game being played, as the menu needs it: Save saves its playthrough with its picture,
    History rewinds it, S takes a screenshot of it (never of the menu)."""

    @property
    def playthrough(self) -> Playthrough: ...

    def thumbnail_png(self) -> bytes: ...

    def go_to(self, index: int) -> None: ...

    def screenshot(self) -> None: ...


class MenuServices(Protocol):
    """The services the menu draws and sounds with (a part of `game.ui.services.Services`)."""

    @property
    def fonts(self) -> Fonts: ...

    @property
    def audio(self) -> Audio: ...


class MenuHost(Protocol):
    """What the menu asks of its host: a part of `game.ui.host.Host`, and the game being played.

    Named here rather than imported, so the menu depends on no more than it uses.
    """

    @property
    def story(self) -> Story: ...

    @property
    def player(self) -> PlayerData: ...

    @property
    def services(self) -> MenuServices: ...

    @property
    def playing(self) -> Playing | None:
        """The game being played; None on the title."""

    def new_clock(self) -> PausableClock: ...

    def notify(self, text: str) -> None: ...

    def confirm(self, question: str, on_yes: Callable[[], None], *, detail: str = "", destructive: bool = False) -> None: ...

    def pop(self, layer: Any) -> None: ...

    def play(self, playthrough: Playthrough | None = None, *, notice: str | None = None) -> None: ...

    def show_title(self) -> None: ...

    def quit(self) -> None: ...

    def apply_settings(self, new: Settings) -> None: ...


class Menu(Protocol):
    """The menu as a page sees it."""

    @property
    def host(self) -> MenuHost: ...

    @property
    def texts(self) -> Texts: ...

    def click(self) -> None:
        """The interface's soft click."""

    def ask(self, text: str, on_yes: Callable[[], None]) -> None:
        """Ask before something that cannot be undone (the host's Yes / No, No first)."""

    def close(self) -> None: ...


class Page(Protocol):
    """One page beside the tabs. It answers actions with `action_<name>` handlers (found by
    `game.ui.layer.dispatch`); a handler returning False leaves the input to the container."""

    title: str

    def enter(self) -> None:
        """The keyboard's focus comes into the page."""

    def handle(self, input: Input) -> bool:
        """Act on `input` (its actions, or what the pointer does); False when it was no use here."""

    def draw(self, canvas: pygame.Surface, texts: Texts, *, focused: bool) -> None: ...


def pointed(input: Input) -> tuple[int, int] | None:
    """Where the pointer is, for a pointer input a page reacts to by place (not a wheel turn)."""
    return input.point if input.pointer and input.kind != "wheel" else None
