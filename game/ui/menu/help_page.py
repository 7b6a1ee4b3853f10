"""The Help page: every control, as the keymap has it (keyboard, mouse, gamepad), in a scrolling table."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui import keymap
from game.ui.layout import DIM_TEXT, TEXT_COLOUR
from game.ui.input import Input
from game.ui.layer import dispatch
from game.ui.menu.look import BODY, KEY_TEXT, PLATE_EDGE, Texts
from game.ui.menu.page import pointed
from game.ui.menu.scroll import ScrollList
from game.ui.text import wrap
from game.ui import paint
from game.ui.canvas import drawn
from game.i18n.interface import ui_text

if TYPE_CHECKING:
    from game.ui.menu.page import Menu

Row = tuple[str, str, str, str, str]  # action, description, keyboard, mouse, gamepad
COLUMNS = (("What it does", 0.36), ("Keyboard", 0.26), ("Mouse", 0.2), ("Gamepad", 0.18))  # each name through ui_text
NO_GAMEPAD = (("What it does", 0.44), ("Keyboard", 0.28), ("Mouse", 0.28))  # until a row has a gamepad button
HEADER_HEIGHT = 34
PAD = (12, 6)
LINE_STEP = 40

def keymap_rows() -> tuple[Row, ...]:
    """The keymap's rows (`game.ui.keymap.BINDINGS`) as text, in the interface's language."""
    comma = ui_text(", ")  # the list separator: Japanese writes 、
    return tuple((b.action, capitalised(ui_text(b.description)), comma.join(map(key_name, b.keyboard)),
                  comma.join(ui_text(way.replace("**", "")) for way in b.mouse), comma.join(map(pad_control, b.gamepad))) for b in keymap.BINDINGS)


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def pad_control(control: str) -> str:
    """A gamepad control as the gamepad column names it: a button's own name (A, Start) as printed on it."""
    return ui_text(control) if " " in control else control


def key_name(key: str) -> str:
    """A key as the keyboard column names it: `Shift+Tab` -> each part in the interface's language."""
    return "+".join(ui_text(part) for part in key.split("+"))


class HelpPage:
    """The controls table; it scrolls when it is longer than the page."""

    title = "Help"

    def __init__(self, menu: Menu) -> None:
        self.fonts = menu.texts.fonts
        self.rows = keymap_rows()
        self.names = COLUMNS if any(row[4] for row in self.rows) else NO_GAMEPAD
        area = pygame.Rect(BODY.x, BODY.y + HEADER_HEIGHT, BODY.w, BODY.h - HEADER_HEIGHT)
        self.list = ScrollList(area, len(self.rows), self._render)
        x, self.columns = PAD[0], []
        for _, share in self.names:
            width = round(self.list.view.w * share)
            self.columns.append((x, width - 2 * PAD[0]))
            x += width

    def _render(self, index: int) -> pygame.Surface:
        """One row: its cells wrapped within their columns, the keys in the keys' colour."""
        cells = self.rows[index][1 : 1 + len(self.columns)]
        font = self.fonts["small"]
        colours = (TEXT_COLOUR, KEY_TEXT, TEXT_COLOUR, DIM_TEXT)
        wrapped = [wrap(cell or "\u2014", font, width) for cell, (_, width) in zip(cells, self.columns)]
        height = max(len(lines) for lines in wrapped) * font.get_linesize() + 2 * PAD[1]
        texts = [(font.render(line, True, colour if cell else DIM_TEXT), (x, PAD[1] + row * font.get_linesize()))
                 for lines, (x, _), colour, cell in zip(wrapped, self.columns, colours, cells) for row, (line, _) in enumerate(lines)]
        width = self.list.view.w

        def draw(surface: pygame.Surface) -> None:
            for text, at in texts:
                surface.blit(text, at)
            paint.line(surface, (30, 40, 45), (0, height - 1), (width, height - 1))

        return drawn((width, height), draw)

    def enter(self) -> None:
        pass

    def handle(self, input: Input) -> bool:
        point = pointed(input)
        if point is not None:
            return self.list.handle_bar(input, point)
        if self.list.thumb() is None:
            return False  # everything shows: nothing to scroll, so Page keys may turn the page
        return dispatch(self, input)

    def _scroll(self, step: int) -> None:
        self.list.scroll(step)

    def action_page_up(self, input: Input) -> None:
        self._scroll(-self.list.view.h)

    def action_page_down(self, input: Input) -> None:
        self._scroll(self.list.view.h)

    def action_up(self, input: Input) -> None:
        self._scroll(-LINE_STEP)

    def action_down(self, input: Input) -> None:
        self._scroll(LINE_STEP)

    action_scroll_up = action_up
    action_scroll_down = action_down

    def action_home(self, input: Input) -> None:
        self.list.to_start()

    def action_end(self, input: Input) -> None:
        self.list.to_end()

    def draw(self, canvas: pygame.Surface, texts: Texts, *, focused: bool) -> None:
        for (name, _), (x, _) in zip(self.names, self.columns):
            words = texts("small", ui_text(name).upper(), DIM_TEXT)
            canvas.blit(words, (BODY.x + x, BODY.y + 4))
        y = BODY.y + HEADER_HEIGHT - 6
        paint.line(canvas, PLATE_EDGE, (BODY.x, y), (self.list.view.right, y))
        self.list.draw(canvas)
