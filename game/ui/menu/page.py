"""What a page of the game menu is, and what it may ask of the menu around it.

Pages depend on these protocols only, never on the container (`game.ui.menu.container`), so
the container may import every page (through the registry, `game.ui.menu.pages`) without a circle.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

import pygame

from game.ui.input import Input
from game.ui.menu.look import Texts

if TYPE_CHECKING:
    from game.ui.host import Host


class Menu(Protocol):
    """The menu as a page sees it."""

    @property
    def host(self) -> Host: ...

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
