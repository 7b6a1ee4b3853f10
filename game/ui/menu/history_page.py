"""The History page: every line of the playthrough so far, newest at the bottom; a click goes back there.

Entries come from `game.history.History` (branch `persist`), which gives any entry in O(1);
the scrolling list renders only those on show, so a playthrough of 10,000 lines opens as
quickly as one of ten.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.history import History
from game.speech import choice_words, line_words
from game.ui.layout import DIM_TEXT, HIGHLIGHT, TEXT_COLOUR
from game.ui.input import Input
from game.ui.layer import dispatch
from game.ui.menu.look import BODY, Press, Texts, centred_note, font_or, legible
from game.ui.menu.page import pointed
from game.ui.menu.scroll import ScrollList
from game.ui.text import wrap
from game.ui import paint
from game.ui.canvas import drawn
from game.i18n.interface import ui_text

if TYPE_CHECKING:
    from game.playthrough import Playthrough
    from game.ui.menu.page import Menu

PAD = (18, 10)  # an entry's inner margin, across and down
OPTION_INDENT = 34
WHEEL_STEP = 90  # pixels a wheel notch scrolls


def open_history(playthrough: Playthrough) -> History:
    """The playthrough's history: len() and entry(i), each entry made when asked for."""
    return History(playthrough)


class HistoryPage:
    """The lines said so far, with the keyboard's focus on one of them (the newest at first)."""

    title = "History"

    def __init__(self, menu: Menu) -> None:
        self.menu = menu
        self.fonts = menu.texts.fonts
        self.texts = menu.texts
        story = menu.host.story  # names in the speakers' colours, as on their name plates
        self.colours = {c.name: legible(c.colour) for c in story.characters.values()}
        playing = menu.host.playing
        self.history = None if playing is None else open_history(playing.playthrough)  # on the title there is none
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
        assert self.history is not None  # entries are drawn only when there is a history
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
        def draw(surface: pygame.Surface) -> None:
            for part, x, top in parts:
                surface.blit(part, (x, top))
            for taken, centre in marks:
                paint.circle(surface, HIGHLIGHT if taken else DIM_TEXT, (PAD[0] + 12, centre), 6, 0 if taken else 1)

        return drawn((self.list.view.w, y + PAD[1]), draw)

    # -- input ------------------------------------------------------------------------
    def enter(self) -> None:
        pass

    def handle(self, input: Input) -> bool:
        if self.history is None or not self.list.count:
            return False
        point = pointed(input)
        return self._pointer(input, point) if point is not None else dispatch(self, input)

    def action_up(self, input: Input) -> None:
        self._focus(self.focus - 1)

    def action_down(self, input: Input) -> None:
        self._focus(self.focus + 1)

    def action_page_up(self, input: Input) -> None:
        self._page(down=False)

    def action_page_down(self, input: Input) -> None:
        self._page(down=True)

    def action_scroll_up(self, input: Input) -> None:
        self.list.scroll(-WHEEL_STEP)

    def action_scroll_down(self, input: Input) -> None:
        self.list.scroll(WHEEL_STEP)

    def action_home(self, input: Input) -> None:
        self.list.to_start()
        self.focus = 0

    def action_end(self, input: Input) -> None:
        self.list.to_end()
        self.focus = self.list.count - 1

    def action_activate(self, input: Input) -> None:
        self.go_to(self.focus)

    def _page(self, *, down: bool) -> None:
        """A screenful on, with the focus on the first (or last) entry wholly in view."""
        self.list.scroll(self.list.view.h if down else -self.list.view.h)
        shown = [index for index, rect in self.list.visible() if self.list.view.contains(rect)] or [self.list.top]
        self.focus = shown[-1] if down else shown[0]

    def _focus(self, index: int) -> None:
        self.focus = min(max(0, index), self.list.count - 1)
        self.list.ensure_visible(self.focus)

    def _pointer(self, input: Input, point: tuple[int, int]) -> bool:
        if self.list.handle_bar(input, point):
            return True
        index = self.list.at(point)
        if input.kind == "move":
            if index is not None:
                self.focus = index
            return index is not None
        if self.press.click(input, index) and index is not None:
            self.go_to(index)
        return index is not None

    def go_to(self, index: int) -> None:
        """Rewind the game to entry `index`, and close the menu to show it there."""
        playing = self.menu.host.playing
        assert self.history is not None and playing is not None  # there is a history only while playing
        beat = self.history.entry(index).index
        self.menu.click()
        self.menu.close()
        playing.go_to(beat)

    # -- drawing ----------------------------------------------------------------------
    def draw(self, canvas: pygame.Surface, texts: Texts, *, focused: bool) -> None:
        if self.history is None:
            centred_note(canvas, texts, ui_text("Nothing has been said yet: start or load a game."))
        elif not self.list.count:
            centred_note(canvas, texts, ui_text("Nothing has been said yet."))
        else:
            self.list.draw(canvas, focus=self.focus if focused else None)
