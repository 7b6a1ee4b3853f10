"""The game menu's pages, in their tabs' order: one entry each, from which the container's tabs,
the pages' names (`PAGES`, what `Host.open_page` takes) and their keys are derived.

Adding a page: its module (a class taking the menu, see `game.ui.menu.page.Page`) and one line here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from game.ui.menu.accessibility_page import AccessibilityPage
from game.ui.menu.help_page import HelpPage
from game.ui.menu.history_page import HistoryPage
from game.ui.menu.page import Menu, Page
from game.ui.menu.settings_page import SettingsPage
from game.ui.menu.slots import LoadPage, SavePage


@dataclass(frozen=True)
class PageEntry:
    """One page: its name, its tab's label, how it is made, and when and how it can be reached."""

    name: str
    label: str
    make: Callable[[Menu], Page]
    in_game: bool = False  # needs a game being played (greyed out on the title)
    key: str | None = None  # the keymap action that shows it from anywhere in the menu (Shift+A, L, F1)


REGISTRY: tuple[PageEntry, ...] = (
    PageEntry("save", "Save", SavePage, in_game=True),
    PageEntry("load", "Load", LoadPage),
    PageEntry("settings", "Settings", SettingsPage),
    PageEntry("accessibility", "Accessibility", AccessibilityPage, key="accessibility"),
    PageEntry("history", "History", HistoryPage, key="history"),
    PageEntry("help", "Help", HelpPage, key="help"),
)
PAGES: tuple[str, ...] = tuple(entry.name for entry in REGISTRY)
BY_NAME: dict[str, PageEntry] = {entry.name: entry for entry in REGISTRY}
