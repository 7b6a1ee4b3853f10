"""What a page of the game menu is, and what it may ask of the menu around it.

Pages depend on these two protocols only, never on the container (`game.ui.menu.container`),
so the container may import every page (through the registry, `game.ui.menu.pages`) without a circle.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

import pygame

from game.ui.menu.look import Texts


class Menu(Protocol):
    """The menu as a page sees it."""

    app: Any
    texts: Texts

    def click(self) -> None:
        """The interface's soft click."""

    def ask(self, text: str, on_yes: Callable[[], None]) -> None:
        """Ask before something that cannot be undone."""

    def close(self) -> None: ...


class Page(Protocol):
    title: str

    def enter(self) -> None:
        """The keyboard's focus comes into the page."""

    def handle(self, actions: frozenset[str], event: pygame.event.Event, point: tuple[int, int] | None) -> bool:
        """Act on input; False when the page has no use for it (the menu may then use it)."""

    def draw(self, canvas: pygame.Surface, texts: Texts, *, focused: bool) -> None: ...
