"""The History page: every line of the playthrough so far, newest at the bottom; a click goes back there.

Entries come from `game.history.History` (branch `persist`), which gives any entry in O(1);
the scrolling list renders only those on show, so a playthrough of 10,000 lines opens as
quickly as one of ten.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

from game.speech import choice_words, line_words
from game.ui.layout import DIM_TEXT, HIGHLIGHT, TEXT_COLOUR
from game.ui.menu.look import BODY, POINTER_EVENTS, Press, Texts, centred_note, font_or, legible
from game.ui.menu.scroll import ScrollList
from game.ui.text import wrap

if TYPE_CHECKING:
    from game.ui.menu.page import Menu

PAD = (18, 10)  # an entry's inner margin, across and down
OPTION_INDENT = 34
WHEEL_STEP = 90  # pixels a wheel notch scrolls


def open_history(playthrough: Any) -> Any:
    """The playthrough's history: len() and entry(i), each entry made when asked for."""
    from game.history import History  # branch `persist`

    return History(playthrough)


class HistoryPage:
    """The lines said so far, with the keyboard's focus on one of them (the newest at first)."""

    title = "History"

    def __init__(self, menu: Menu) -> None:
        self.menu = menu
        self.app = menu.app
        self.fonts = menu.texts.fonts
        self.texts = menu.texts
        story = getattr(self.app, "story", None)  # names in the speakers' colours, as on their name plates
        self.colours = {c.name: legible(c.colour) for c in story.characters.values()} if story is not None else {}
        screen = self.app.game_screen
        self.history = None if screen is None else open_history(screen.playthrough)  # on the title there is none
        count = 0 if self.history is None else len(self.history)
        self.list = ScrollList(BODY, count, self._render)
        self.list.to_end()
        self.focus = count - 1
        self.press = Press()  # on an entry

    def focus_words(self) -> str | None:
        """The focused entry, read as the line was (a choice with its options)."""
        if self.history is None or not 0 <= self.focus < len(self.history):
            return None
        entry = self.history.entry(self.focus)
        if entry.options:
            return choice_words(entry.text, entry.options, taken=entry.taken)
        return line_words(entry.speaker, entry.text)

    # -- an entry ---------------------------------------------------------------------
    def _render(self, index: int) -> pygame.Surface:
        """One entry drawn whole: the speaker, the text wrapped, and a choice's options with the one taken marked."""
        entry = self.history.entry(index)
        width = self.list.view.w - 2 * PAD[0]
        parts: list[tuple[pygame.Surface, int, int]] = []
        y = PAD[1]
        if entry.speaker:
            name = self.fonts["name"].render(entry.speaker, True, self.colours.get(entry.speaker, HIGHLIGHT))
            parts.append((name, PAD[0], y))
            y += self.fonts["name"].get_linesize()
        font = self.fonts[font_or(self.fonts, "narration", "text") if not entry.speaker and not entry.options else "text"]
        for line, _ in wrap(entry.text, font, width):
            parts.append((font.render(line, True, TEXT_COLOUR), PAD[0], y))
            y += font.get_linesize()
        marks = []
        for number, option in enumerate(entry.options):
            taken = number == entry.taken
            small = self.fonts["ui"]
            y += 4
            marks.append((taken, y + small.get_linesize() // 2))
            for line, _ in wrap(option, small, width - OPTION_INDENT):
                parts.append((small.render(line, True, HIGHLIGHT if taken else DIM_TEXT), PAD[0] + OPTION_INDENT, y))
                y += small.get_linesize()
        surface = pygame.Surface((self.list.view.w, y + PAD[1]), pygame.SRCALPHA)
        for part, x, top in parts:
            surface.blit(part, (x, top))
        for taken, centre in marks:
            pygame.draw.circle(surface, HIGHLIGHT if taken else DIM_TEXT, (PAD[0] + 12, centre), 6, 0 if taken else 1)
        return surface

    # -- input ------------------------------------------------------------------------
    def enter(self) -> None:
        pass

    def handle(self, actions: frozenset[str], event: pygame.event.Event, point: tuple[int, int] | None) -> bool:
        if self.history is None or not self.list.count:
            return False
        if point is not None and event.type in POINTER_EVENTS:
            return self._mouse(event, point)
        if "up" in actions or "down" in actions:  # before scroll_*: Up and Down are both
            self._focus(self.focus + (1 if "down" in actions else -1))
        elif "page_up" in actions or "page_down" in actions:
            self._page("page_down" in actions)
        elif "scroll_up" in actions or "scroll_down" in actions:
            self.list.scroll(WHEEL_STEP if "scroll_down" in actions else -WHEEL_STEP)
        elif "home" in actions:
            self.list.to_start()
            self.focus = 0
        elif "end" in actions:
            self.list.to_end()
            self.focus = self.list.count - 1
        elif "activate" in actions:
            self.go_to(self.focus)
        else:
            return False
        return True

    def _page(self, down: bool) -> None:
        """A screenful on, with the focus on the first (or last) entry wholly in view."""
        self.list.scroll(self.list.view.h if down else -self.list.view.h)
        shown = [index for index, rect in self.list.visible() if self.list.view.contains(rect)] or [self.list.top]
        self.focus = shown[-1] if down else shown[0]

    def _focus(self, index: int) -> None:
        self.focus = min(max(0, index), self.list.count - 1)
        self.list.ensure_visible(self.focus)

    def _mouse(self, event: pygame.event.Event, point: tuple[int, int]) -> bool:
        if self.list.handle_bar(event, point):
            return True
        index = self.list.at(point)
        if event.type == pygame.MOUSEMOTION:
            if index is not None:
                self.focus = index
            return index is not None
        if self.press.click(event, index):
            self.go_to(index)
        return index is not None

    def go_to(self, index: int) -> None:
        """Rewind the game to entry `index`, and close the menu to show it there."""
        screen = self.app.game_screen
        beat = self.history.entry(index).index
        self.menu.click()
        self.menu.close()
        screen.go_to(beat)

    # -- drawing ----------------------------------------------------------------------
    def draw(self, canvas: pygame.Surface, texts: Texts, *, focused: bool) -> None:
        if self.history is None:
            centred_note(canvas, texts, "Nothing has been said yet: start or load a game.")
        elif not self.list.count:
            centred_note(canvas, texts, "Nothing has been said yet.")
        else:
            self.list.draw(canvas, focus=self.focus if focused else None)
