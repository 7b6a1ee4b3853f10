"""The game menu: a modal layer with its tabs down the left and one page beside them.

Tabs: Save, Load, Settings, Accessibility, History, Help (pages), then Restart, Title and Quit (which ask
the app, and the app confirms), and Return. Tab and Shift+Tab walk the tabs; Left from a page's left
edge steps into the tab column, Right or Enter steps back; Page Up and Page Down turn the
page where the page has no use for them; Escape or a right click closes the menu.
Only the page on show is built, and a page is kept once built, so coming back to it is free.
"""

from __future__ import annotations

from functools import cache
from collections.abc import Callable
from typing import Any

import pygame

from game.ui.layout import HIGHLIGHT, TEXT_COLOUR
from game.ui.menu.look import CONTENT, DISABLED_TEXT, PANEL, RULE, SIDEBAR, TAB_SIZE, Press, Texts, heading, make_panel, plate
from game.ui.menu.page import Page
from game.ui.menu.pages import BY_NAME, PAGES, REGISTRY

ACTIONS = (("restart", "Restart"), ("title", "Title"), ("quit", "Quit"), ("return", "Return"))  # the tabs under the pages'
TABS = tuple((entry.name, entry.label) for entry in REGISTRY) + ACTIONS
IN_GAME = tuple(entry.name for entry in REGISTRY if entry.in_game) + ("restart", "title")  # tabs that need a game being played
OWN_KEYS = {entry.key: entry.name for entry in REGISTRY if entry.key}  # pages with a key of their own (Shift+A, L, F1)
MOUSE_EVENTS = (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION, pygame.MOUSEWHEEL)
SCROLLS = frozenset({"scroll_up", "scroll_down"})
CLICK = "ui_click"


def _tab_rects() -> list[pygame.Rect]:
    x, top = SIDEBAR.x + (SIDEBAR.w - TAB_SIZE[0]) // 2, SIDEBAR.y + 34
    rects = [pygame.Rect(x, top + i * 56, *TAB_SIZE) for i in range(len(PAGES))]
    rects += [pygame.Rect(x, top + len(PAGES) * 56 + 40 + i * 56, *TAB_SIZE) for i in range(3)]
    rects.append(pygame.Rect(x, SIDEBAR.bottom - 30 - TAB_SIZE[1], *TAB_SIZE))
    return rects


TAB_RECTS = _tab_rects()


@cache
def _backdrop() -> pygame.Surface:
    return make_panel().convert_alpha()


class GameMenu:
    """The menu over the game (or the title), open at `page`: one of "save" "load" "settings" "accessibility" "history" "help"."""

    modal = True
    panel_rect = PANEL  # opaque: nothing behind it shows through
    notice_floor = CONTENT.y  # notices stay above the page's heading (`Notices.floor`)

    def __init__(self, app: Any, page: str) -> None:
        if page not in PAGES:
            raise ValueError(f"the game menu has no page {page!r}; it has {', '.join(PAGES)}")
        self.app = app
        self.texts = Texts(app.fonts)
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

    def tab_rect(self, label: str) -> pygame.Rect:
        """Where the tab named `label` ("Save" ... "Restart", "Title", "Quit", "Return") is."""
        return TAB_RECTS[[text for _, text in TABS].index(label)]

    def _page(self, name: str) -> Page:
        if name not in self._pages:
            self._pages[name] = BY_NAME[name].make(self)
        return self._pages[name]

    def enabled(self, name: str) -> bool:
        """Save, Restart and Title need a game being played: on the title their tabs are greyed out."""
        return name not in IN_GAME or self.app.game_screen is not None

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
        self.app.pop(self)

    def ask(self, text: str, on_yes: Callable[[], None]) -> None:
        """Ask before something that cannot be undone: the app's confirmation (Yes / No) over the menu."""
        self.app.confirm(text, on_yes, destructive=True)

    def click(self) -> None:
        """The interface's soft click, as the title's and pause menu's buttons make."""
        self.app.audio.sound(CLICK)

    def _leave(self, where: str) -> None:
        """Restart, Title or Quit: the app asks first, and the menu stays open if the answer is No."""
        getattr(self.app, f"ask_{where}")()

    # -- input ---------------------------------------------------------------------------
    def handle(self, actions: frozenset[str], event: pygame.event.Event, point: tuple[int, int] | None) -> None:
        if actions & {"back", "game_menu"}:
            self.close()
        elif event.type in MOUSE_EVENTS:
            self._mouse(actions & SCROLLS, event, point)
        elif actions & OWN_KEYS.keys():
            self.open(next(OWN_KEYS[key] for key in OWN_KEYS if key in actions))  # their own keys show their pages
        elif "screenshot" in actions and (game := getattr(self.app, "game_screen", None)) is not None:
            game.screenshot()  # S: the game screen beneath, never the menu
        elif actions & {"next_tab", "previous_tab"}:
            self._step_tab(1 if "next_tab" in actions else -1)
        elif self.zone == "tabs":
            self._tabs_key(actions)
        elif not self.shown.handle(actions, event, None):
            if "left" in actions:
                self.zone, self.tab_focus = "tabs", self.current
            elif actions & {"page_up", "page_down"}:
                self._step_tab(1 if "page_down" in actions else -1, pages_only=True)

    def _tabs_key(self, actions: frozenset[str]) -> None:
        name = TABS[self.tab_focus][0]
        if actions & {"up", "down"}:
            self._step_tab(1 if "down" in actions else -1, stay=True)
        elif "activate" in actions or ("right" in actions and name in PAGES):
            self._choose_tab(self.tab_focus)
        elif actions & {"page_up", "page_down"}:
            self._step_tab(1 if "page_down" in actions else -1, pages_only=True)

    def _mouse(self, actions: frozenset[str], event: pygame.event.Event, point: tuple[int, int] | None) -> None:
        on_tabs = point is not None and SIDEBAR.collidepoint(point) and event.type != pygame.MOUSEWHEEL
        tab = next((i for i, rect in enumerate(TAB_RECTS) if rect.collidepoint(point)), None) if on_tabs else None
        self.hover_tab = tab
        if self.press.click(event, tab):
            self._choose_tab(tab)
        # The page sees all but presses on the tabs, so a drag or a press it began ends wherever the pointer goes.
        if not (on_tabs and event.type == pygame.MOUSEBUTTONDOWN):
            if self.shown.handle(actions, event, point) and event.type == pygame.MOUSEMOTION:
                self.zone = "page"

    # -- self-voicing -----------------------------------------------------------------------
    @property
    def spoken_title(self) -> str:
        """The page on show, read when it changes (in the tabs, the focused tab says it)."""
        return "" if self.zone == "tabs" else self.shown.title

    def focus_words(self) -> str | None:
        """The focused control in words: a tab (greyed ones say so), else the page's own."""
        if self.zone == "tabs":
            name, label = TABS[self.tab_focus]
            return label if self.enabled(name) else f"{label}, not available"
        words = getattr(self.shown, "focus_words", None)
        return words() if words is not None else None

    # -- time and drawing -----------------------------------------------------------------
    def update(self, now: float) -> None:
        pass

    def next_change(self, now: float) -> float | None:
        return None  # nothing in the menu moves by itself

    def draw(self, canvas: pygame.Surface, now: float) -> None:
        self.texts.contrast = self.app.settings.high_contrast
        canvas.blit(_backdrop(), (0, 0))
        self._draw_tabs(canvas)
        heading(canvas, self.texts, self.shown.title)
        self.shown.draw(canvas, self.texts, focused=self.zone == "page")

    def _draw_tabs(self, canvas: pygame.Surface) -> None:
        for index, ((name, label), rect) in enumerate(zip(TABS, TAB_RECTS)):
            focused = (self.zone == "tabs" and index == self.tab_focus) or index == self.hover_tab
            usable = self.enabled(name)
            if focused and usable:
                plate(canvas, rect, focused=True, pressed=index == self.press.on)
            if index == self.current:
                pygame.draw.rect(canvas, RULE, (rect.x + 8, rect.y + 11, 4, rect.h - 22), border_radius=2)
            colour = DISABLED_TEXT if not usable else HIGHLIGHT if focused or index == self.current else TEXT_COLOUR
            words = self.texts("ui", label, colour)
            canvas.blit(words, words.get_rect(midleft=(rect.x + 26, rect.centery)))
        divider = TAB_RECTS[len(PAGES) - 1].bottom + 20
        pygame.draw.line(canvas, (40, 54, 60), (SIDEBAR.x + 30, divider), (SIDEBAR.right - 30, divider))
