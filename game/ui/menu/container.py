"""The game menu: a modal layer with its tabs down the left and one page beside them.

Tabs: the registry's pages (`game.ui.menu.pages`), then Restart, Title and Quit (which ask first)
and Return. Tab and Shift+Tab walk the tabs; Left from a page's left edge steps into the tab
column, Right or Enter steps back; Page Up and Page Down turn the page where the page has no
use for them; Escape or a right click closes the menu. Only the page on show is built, and a
page is kept once built, so coming back to it is free.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import cache

import pygame

from game.i18n.interface import ui_text
from game.settings import Settings
from game.ui.input import Input
from game.ui.layer import dispatch
from game.ui.menu.look import CONTENT, PANEL, SIDEBAR, Press, Texts, heading, make_panel
from game.ui.host import Host, Playing
from game.ui.menu.page import Page
from game.ui.menu.pages import BY_NAME, PAGES, REGISTRY
from game.ui.menu.tabs import ACTIONS, TabColumn

TABS = tuple((entry.name, entry.label) for entry in REGISTRY) + ACTIONS
IN_GAME = tuple(entry.name for entry in REGISTRY if entry.in_game) + ("restart", "title")  # tabs that need a game being played
SCROLLS = frozenset({"scroll_up", "scroll_down"})
CLOSE = frozenset({"back", "game_menu"})
CLICK = "ui_click"
AUTOSAVED = "The game is autosaved first: Continue brings you back here."
#: Restart, Title and Quit: the question asked first, and what a Yes does.
LEAVING: dict[str, tuple[str, Callable[[Host], None]]] = {
    "restart": ("Start again from the beginning?", lambda host: host.play()),
    "title": ("Return to the title screen?", lambda host: host.show_title()),
    "quit": ("Quit the game?", lambda host: host.quit()),
}

TAB_COLUMN = TabColumn(len(PAGES))
TAB_RECTS = TAB_COLUMN.rects


@cache
def _backdrop() -> pygame.Surface:
    return make_panel().convert_alpha()


class GameMenu:
    """The menu over the game (or the title), open at `page`: one of `PAGES`."""

    modal = True
    panel_rect = PANEL  # opaque: nothing behind it shows through
    notice_floor = CONTENT.y  # notices stay above the page's heading (`Notices.floor`)

    def __init__(self, host: Host, page: str) -> None:
        if page not in PAGES:
            raise ValueError(f"the game menu has no page {page!r}; it has {', '.join(PAGES)}")
        self.host = host
        self.clock = host.new_clock()
        self.texts = Texts(host.services.fonts)
        self.texts.contrast = host.player.settings.high_contrast
        self._pages: dict[str, Page] = {}
        self.press = Press()  # on a tab
        self.hover_tab: int | None = None
        self.current = 0
        self.zone = "page"  # where the keyboard's focus is: "page" or "tabs"
        self.open(page if self.enabled(page) else "load")
        self.tab_focus = self.current

    # -- pages and tabs -------------------------------------------------------------
    @property
    def page(self) -> str:
        """The name of the page on show: one of `PAGES`."""
        return TABS[self.current][0]

    @property
    def shown(self) -> Page:
        """The page on show."""
        return self._page(self.page)

    @property
    def playing(self) -> Playing | None:
        return self.host.playing

    def tab_rect(self, label: str) -> pygame.Rect:
        """Where the tab named `label` ("Save" ... "Restart", "Title", "Quit", "Return") is."""
        return TAB_RECTS[[text for _, text in TABS].index(label)]

    def _page(self, name: str) -> Page:
        if name not in self._pages:
            self._pages[name] = BY_NAME[name].make(self)
        return self._pages[name]

    def enabled(self, name: str) -> bool:
        """Save, Restart and Title need a game being played: on the title their tabs are greyed out."""
        return name not in IN_GAME or self.playing is not None

    def open(self, name: str) -> None:
        """Show page `name`, with the keyboard's focus in it."""
        self.current = self.tab_focus = next(i for i, (tab, _) in enumerate(TABS) if tab == name)
        self.zone = "page"
        self.shown.enter()

    def _choose_tab(self, index: int) -> None:
        """A tab clicked, or Enter on it: open its page, or do what it says."""
        name = TABS[index][0]
        if not self.enabled(name):
            return
        self.click()
        if name in PAGES:
            self.open(name)
        elif name == "return":
            self.close()
        else:
            self._leave(name)

    def _step_tab(self, step: int, *, pages_only: bool = False, stay: bool = False) -> None:
        """Tab / Shift+Tab (or Page keys): the next tab that can be used; a page tab opens its page.

        The focus goes into that page, unless `stay` (Up and Down in the tab column).
        """
        index = self.tab_focus if self.zone == "tabs" else self.current
        for _ in TABS:
            index = (index + step) % len(TABS)
            name = TABS[index][0]
            if self.enabled(name) and (name in PAGES or not pages_only):
                break
        if name in PAGES:
            self.open(name)
        if stay or name not in PAGES:
            self.zone, self.tab_focus = "tabs", index

    # -- what the menu does -------------------------------------------------------------
    def close(self) -> None:
        self.host.pop(self)

    def ask(self, text: str, on_yes: Callable[[], None]) -> None:
        """Ask before something that cannot be undone: the host's confirmation (Yes / No, No first) over the menu."""
        self.host.confirm(text, on_yes, destructive=True)

    def click(self) -> None:
        """The interface's soft click, as the title's and pause menu's buttons make."""
        self.host.services.audio.sound(CLICK)

    def _leave(self, where: str) -> None:
        """Restart, Title or Quit: asked first (the game is autosaved), and the menu stays open after a No."""
        question, then = LEAVING[where]
        self.host.confirm(question, lambda: then(self.host), detail=AUTOSAVED)

    # -- input ---------------------------------------------------------------------------
    def handle(self, input: Input) -> None:
        """The page on show hears the input first; what it has no use for is the menu's (`action_*`)."""
        if input.pointer:  # a right click closes the menu; the rest of what a pointer does is by place
            if not dispatch(self, replace(input, actions=input.actions & CLOSE)):
                self._pointer(input)
        elif not (self.zone == "page" and self.shown.handle(input)):
            dispatch(self, input)

    def action_game_menu(self, input: Input) -> None:
        self.close()

    action_back = action_game_menu

    def action_screenshot(self, input: Input) -> bool:
        """S: the game screen beneath, never the menu."""
        if self.playing is None:
            return False
        self.playing.screenshot()
        return True

    def action_next_tab(self, input: Input) -> None:
        self._step_tab(1)

    def action_previous_tab(self, input: Input) -> None:
        self._step_tab(-1)

    def action_up(self, input: Input) -> bool:
        return self._in_tabs(lambda: self._step_tab(-1, stay=True))

    def action_down(self, input: Input) -> bool:
        return self._in_tabs(lambda: self._step_tab(1, stay=True))

    def action_activate(self, input: Input) -> bool:
        return self._in_tabs(lambda: self._choose_tab(self.tab_focus))

    def action_right(self, input: Input) -> bool:
        return TABS[self.tab_focus][0] in PAGES and self.action_activate(input)

    def action_left(self, input: Input) -> bool:
        """Left where the page has no use for it: into the tab column."""
        if self.zone == "tabs":
            return False
        self.zone, self.tab_focus = "tabs", self.current
        return True

    def action_page_up(self, input: Input) -> None:
        self._step_tab(-1, pages_only=True)

    def action_page_down(self, input: Input) -> None:
        self._step_tab(1, pages_only=True)

    def _in_tabs(self, do: Callable[[], None]) -> bool:
        if self.zone != "tabs":
            return False
        do()
        return True

    def _pointer(self, input: Input) -> None:
        point = input.point
        on_tabs = point is not None and input.kind != "wheel" and SIDEBAR.collidepoint(point)
        tab = TAB_COLUMN.at(point) if on_tabs and point is not None else None
        self.hover_tab = tab
        if self.press.click(input, tab) and tab is not None:
            self._choose_tab(tab)
        # The page sees all but presses on the tabs, so a drag or a press it began ends wherever the pointer goes.
        if not (on_tabs and input.kind == "press"):
            if self.shown.handle(replace(input, actions=input.actions & SCROLLS)) and input.kind == "move":
                self.zone = "page"

    # -- self-voicing -----------------------------------------------------------------------
    @property
    def spoken_title(self) -> str:
        """The page on show, read when it changes (in the tabs, the focused tab says it)."""
        return "" if self.zone == "tabs" else ui_text(self.shown.title)

    def focus_words(self) -> str | None:
        """The focused control in words: a tab (greyed ones say so), else the page's own."""
        if self.zone == "tabs":
            name, label = TABS[self.tab_focus]
            label = ui_text(label)
            return label if self.enabled(name) else f"{label}, not available"
        words: Callable[[], str | None] | None = getattr(self.shown, "focus_words", None)
        return words() if words is not None else None

    # -- time, settings and drawing --------------------------------------------------------
    def update(self) -> None:
        pass

    def next_change(self) -> float | None:
        return None  # nothing in the menu moves by itself

    def settings_changed(self, settings: Settings) -> None:
        self.texts.contrast = settings.high_contrast

    def draw(self, canvas: pygame.Surface) -> None:
        canvas.blit(_backdrop(), (0, 0))
        TAB_COLUMN.draw(canvas, self.texts, self._tab_looks())
        heading(canvas, self.texts, ui_text(self.shown.title))
        self.shown.draw(canvas, self.texts, focused=self.zone == "page")

    def _tab_looks(self) -> list[tuple[str, bool, bool, bool, bool]]:
        """Each tab as drawn: its label, and whether it is usable, focused, pressed and the page on show."""
        looks = []
        for index, (name, label) in enumerate(TABS):
            focused = (self.zone == "tabs" and index == self.tab_focus) or index == self.hover_tab
            looks.append((ui_text(label), self.enabled(name), focused, index == self.press.on, index == self.current))
        return looks


def _shows(name: str) -> Callable[[GameMenu, Input], None]:
    def show(menu: GameMenu, input: Input) -> None:
        menu.open(name)

    show.__doc__ = f"The {name} page's own key: it shows that page."
    return show


for _entry in REGISTRY:  # a page with a key of its own (Shift+A, L, F1) has a handler for it, derived here
    if _entry.key is not None:
        setattr(GameMenu, f"action_{_entry.key}", _shows(_entry.name))
