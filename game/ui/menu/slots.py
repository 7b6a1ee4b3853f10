"""The Save and Load pages: six slots a page, each with its picture, date and first words.

Pages 1 to 10 on both; Load also has the autosaves and the quick save. A slot's details are
read once when its page is shown (and again after it changes); its picture is decoded and
scaled once and kept (`THUMBNAILS`, shared by every opening of the menu), so a page of six
filled slots draws at once and drawing it again costs only blits.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame

from game.speech import line_words
from game.ui.layout import DIM_TEXT, HIGHLIGHT, TEXT_COLOUR
from game.ui.input import Input
from game.ui.layer import dispatch
from game.ui.menu.look import BODY, CONTENT, HEADING_HEIGHT, INSET, WARNING, Kept, Press, Texts, plate
from game.ui.menu.page import pointed
from game.ui.text import wrap

from game.saves import AUTOSAVES, QUICK, SaveError
from game.ui import paint
from game.i18n.interface import ui_text


if TYPE_CHECKING:
    from game.ui.menu.page import Menu

COLUMNS, ROWS = 3, 2
GAP = 18
CARD_SIZE = ((BODY.w - (COLUMNS - 1) * GAP) // COLUMNS, (BODY.h - (ROWS - 1) * GAP) // ROWS)
INSET_MARGIN = 10
THUMB_SIZE = (CARD_SIZE[0] - 2 * INSET_MARGIN, round((CARD_SIZE[0] - 2 * INSET_MARGIN) * 9 / 16))
SLOT_PAGES = tuple(range(1, 11))
PAGER_HEIGHT = 40
DELETE = "Delete"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")  # as a card shows them, through ui_text


def slot_names(saves: Any, page: int | str) -> list[str]:
    """The slots on a page: a numbered page's from the store; the autosaves; the quick save."""
    if page == "auto":
        return list(AUTOSAVES)
    if page == "quick":
        return [QUICK]
    return list(saves.slot_names(page))


def slot_label(page: int | str, position: int) -> str:
    if page == "auto":
        return ui_text("Auto {n}").format(n=position + 1)
    if page == "quick":
        return ui_text("Quick save")
    return ui_text("Slot {n}").format(n=(int(page) - 1) * COLUMNS * ROWS + position + 1)


def when(saved_at: Any, *, joint: str = "  \u00b7  ") -> str:
    """A save's date and time as a card shows it (`joint` between them), in the player's own time zone."""
    if saved_at is None:
        return ""
    local = saved_at.astimezone() if saved_at.tzinfo is not None else saved_at  # saves keep UTC
    date = ui_text("{day} {month} {year}").format(day=local.day, month=ui_text(MONTHS[local.month - 1]), year=local.year)
    return f"{date}{joint}{local:%H:%M}"


class Thumbnails:
    """Slot pictures scaled to the card, decoded once each; a file rewritten is decoded afresh."""

    def __init__(self, size: tuple[int, int], *, keep: int = 96) -> None:
        self.size = size
        self._decoded: Kept[tuple[str, int], pygame.Surface | None] = Kept(self._decode, keep=keep)

    def get(self, path: Path | None) -> pygame.Surface | None:
        """The picture, or None when there is none or it cannot be read (the card says so)."""
        if path is None:
            return None
        try:
            return self._decoded((str(path), os.stat(path).st_mtime_ns))
        except OSError:
            return None

    def _decode(self, key: tuple[str, int]) -> pygame.Surface | None:
        try:
            image = pygame.image.load(key[0])
        except (pygame.error, OSError, ValueError):
            return None
        if image.get_size() != self.size:
            image = pygame.transform.smoothscale(image.convert(), self.size)
        return image.convert()


THUMBNAILS = Thumbnails(THUMB_SIZE)


class SlotsPage:
    """Save (`saving`) or Load: a pager in the heading row and six slot cards in a grid."""

    def __init__(self, menu: Menu, *, saving: bool) -> None:
        self.menu = menu
        self.host = menu.host
        self.saving = saving
        self.title = "Save" if saving else "Load"
        self.pages: tuple[int | str, ...] = SLOT_PAGES if saving else ("auto", "quick", *SLOT_PAGES)
        self.page: int | str = 1
        self.focus: tuple[str, int] = ("card", 0)  # a card, or a pager button
        self.press = Press()  # on a card, a Delete button or a pager button
        self.hover_delete = False  # the pointer is on the focused card's Delete button
        self._infos: dict[int | str, list[Any]] = {}
        self.cards = [pygame.Rect(BODY.x + c * (CARD_SIZE[0] + GAP), BODY.y + r * (CARD_SIZE[1] + GAP), *CARD_SIZE)
                      for r in range(ROWS) for c in range(COLUMNS)]
        self.pager = self._pager_rects(menu.texts)

    def _pager_rects(self, texts: Texts) -> list[pygame.Rect]:
        widths = [max(40, texts.fonts["small"].size(self._page_name(page))[0] + 22) for page in self.pages]
        x = CONTENT.right - sum(widths) - 6 * (len(widths) - 1)
        y = CONTENT.y + (HEADING_HEIGHT - PAGER_HEIGHT) // 2
        rects = []
        for width in widths:
            rects.append(pygame.Rect(x, y, width, PAGER_HEIGHT))
            x += width + 6
        return rects

    @staticmethod
    def _page_name(page: int | str) -> str:
        return {"auto": ui_text("Auto"), "quick": ui_text("Quick")}.get(str(page), str(page))

    # -- the slots ------------------------------------------------------------------
    def infos(self) -> list[Any]:
        """The current page's `SlotInfo`s, read once and kept until a slot changes."""
        if self.page not in self._infos:
            saves = self.host.player.saves
            self._infos[self.page] = [saves.info(name) for name in slot_names(saves, self.page)]
        return self._infos[self.page]

    def show_page(self, page: int | str) -> None:
        self.page = page
        self._infos.pop(page, None)  # read afresh: an autosave may have been written meanwhile
        if self.focus[0] == "card":  # the quick save's page has one slot, the autosaves' three
            self.focus = ("card", min(self.focus[1], len(self.infos()) - 1))

    def enter(self) -> None:
        self._infos.clear()

    def focus_words(self) -> str:
        """The focused slot (its save's speaker and words) or pager button, for self-voicing."""
        kind, index = self.focus
        if kind == "pager":
            return ui_text("Page {name}").format(name=self._page_name(self.pages[index]))
        info = self.infos()[index]
        if not info.filled:
            state = ui_text("empty")
        elif not info.readable:
            state = ui_text("unreadable: {reason}").format(reason=info.reason)
        else:
            state = line_words(info.speaker, info.words)
        return f"{slot_label(self.page, index)}: {state}"

    def _changed(self) -> None:
        self._infos.pop(self.page, None)

    def use(self, position: int) -> None:
        """Enter or a click on a card: save there (asking first if it is filled) or load it."""
        infos = self.infos()
        if position >= len(infos):
            return
        info = infos[position]
        self.menu.click()
        if self.saving:
            if info.filled:
                label = slot_label(self.page, position)
                question = ui_text("Save over {slot}? The save made on {date} will be replaced.") if info.saved_at else ui_text("Save over {slot}? The save will be replaced.")
                self.menu.ask(question.format(slot=label, date=when(info.saved_at, joint=ui_text(" at "))), lambda: self._save(info.name))
            else:
                self._save(info.name)
        elif info.filled and not info.readable:
            self.host.notify(ui_text("Cannot load this save: {reason}").format(reason=info.reason))
        elif info.filled:
            self._load(info.name)

    def _save(self, name: str) -> None:
        playing = self.host.playing
        assert playing is not None  # the Save page is there only while playing
        saved = self.host.player.saves.save(name, playing.playthrough, thumbnail_png=playing.thumbnail_png())
        if saved:
            playing.kept()
        self.host.notify(ui_text("Saved") if saved else ui_text("Not saved"))
        self._changed()

    def _load(self, name: str) -> None:
        try:
            loaded = self.host.player.saves.load(name, seen=self.host.player.seen)
        except SaveError as error:
            self.host.notify(ui_text("Cannot load this save: {reason}").format(reason=error))
            self._changed()
            return
        self.menu.close()
        self.host.play(loaded.playthrough, notice=loaded.notice)

    def delete(self, position: int) -> None:
        infos = self.infos()
        if position < len(infos) and infos[position].filled:
            name, label = infos[position].name, slot_label(self.page, position)
            self.menu.ask(ui_text("Delete {slot}? It cannot be brought back.").format(slot=label), lambda: self._delete(name))

    def _delete(self, name: str) -> None:
        if self.host.player.saves.delete(name):
            self.host.notify(ui_text("Deleted"))
        self._changed()

    # -- input ----------------------------------------------------------------------
    def handle(self, input: Input) -> bool:
        point = pointed(input)
        if point is not None:
            return self._pointer(input, point)
        self.hover_delete = False  # the keyboard moves the focus now, not the pointer
        return dispatch(self, input)

    # Up and Down come before scroll_* (Down is both); Left at the cards' left edge is the tabs'.
    def action_left(self, input: Input) -> bool:
        kind, index = self.focus
        if kind == "pager":
            self.focus = ("pager", max(0, index - 1))
        elif index % COLUMNS == 0:
            return False  # on to the tabs
        else:
            self.focus = ("card", index - 1)
        return True

    def action_right(self, input: Input) -> None:
        kind, index = self.focus
        if kind == "pager":
            self.focus = ("pager", min(index + 1, len(self.pages) - 1))
        else:
            row = index // COLUMNS
            self.focus = ("card", min(index + 1, row * COLUMNS + COLUMNS - 1, len(self.infos()) - 1))

    def action_up(self, input: Input) -> None:
        kind, index = self.focus
        if kind == "card":  # nothing above the pager; the tabs are to the left
            self.focus = ("card", index - COLUMNS) if index >= COLUMNS else ("pager", self.pages.index(self.page))

    def action_down(self, input: Input) -> None:
        kind, index = self.focus
        self.focus = ("card", 0) if kind == "pager" else ("card", min(index + COLUMNS, len(self.infos()) - 1))

    def action_activate(self, input: Input) -> None:
        kind, index = self.focus
        if kind == "pager":
            self.show_page(self.pages[index])
        else:
            self.use(index)

    def action_delete(self, input: Input) -> bool:
        kind, index = self.focus
        if kind == "card":
            self.delete(index)
        return kind == "card"

    def action_page_up(self, input: Input) -> None:
        self._turn(-1)

    def action_page_down(self, input: Input) -> None:
        self._turn(1)

    action_scroll_up = action_page_up
    action_scroll_down = action_page_down

    def _turn(self, step: int) -> None:
        self.show_page(self.pages[(self.pages.index(self.page) + step) % len(self.pages)])

    def _target(self, point: tuple[int, int]) -> tuple[str, int] | None:
        shown = len(self.infos())  # the quick save's page shows one card, the autosaves' three
        deletes = [self._delete_rect(i) for i in range(shown)]
        for kind, rects in (("delete", deletes), ("card", self.cards[:shown]), ("pager", self.pager)):
            for index, rect in enumerate(rects):
                if rect is not None and rect.collidepoint(point):
                    return kind, index
        return None

    def _pointer(self, input: Input, point: tuple[int, int]) -> bool:
        target = self._target(point)
        if input.kind == "move":
            if target is not None:
                self.focus = ("card", target[1]) if target[0] == "delete" else target
                self.hover_delete = target[0] == "delete"
            return target is not None
        if not self.press.click(input, target) or target is None:
            return target is not None
        kind, index = target
        if kind == "pager":
            self.show_page(self.pages[index])
        elif kind == "delete":
            self.delete(index)
        else:
            self.use(index)
        return True

    # -- drawing --------------------------------------------------------------------
    def _delete_rect(self, position: int) -> pygame.Rect | None:
        infos = self.infos()
        if position >= len(infos) or not infos[position].filled:
            return None
        card = self.cards[position]
        return pygame.Rect(card.right - INSET_MARGIN - 86, card.y + INSET_MARGIN + 8, 78, 30)

    def draw(self, canvas: pygame.Surface, texts: Texts, *, focused: bool) -> None:
        for index, (page, rect) in enumerate(zip(self.pages, self.pager)):
            lit = focused and self.focus == ("pager", index)
            current = page == self.page
            if lit or current:
                plate(canvas, rect, focused=lit, radius=6)
            colour = HIGHLIGHT if lit or current else DIM_TEXT
            words = texts("small", self._page_name(page), colour)
            canvas.blit(words, words.get_rect(center=rect.center))
        for position, (rect, info) in enumerate(zip(self.cards, self.infos())):
            self._card(canvas, texts, position, rect, info, focused=focused and self.focus == ("card", position))

    def _card(self, canvas: pygame.Surface, texts: Texts, position: int, rect: pygame.Rect, info: Any, *, focused: bool) -> None:
        plate(canvas, rect, focused=focused, pressed=self.press.on == ("card", position), radius=10, soft=True)
        inset = pygame.Rect(rect.x + INSET_MARGIN, rect.y + INSET_MARGIN, *THUMB_SIZE)
        picture = THUMBNAILS.get(info.thumbnail) if info.filled and info.readable else None
        if picture is not None:
            canvas.blit(picture, inset)
        else:
            paint.rect(canvas, INSET, inset, border_radius=6)
            if not info.filled:
                note, colour = (ui_text("Save here") if self.saving and focused else ui_text("Empty slot")), DIM_TEXT
            elif not info.readable:
                note, colour = ui_text("Unreadable"), WARNING
            else:
                note, colour = ui_text("No picture"), DIM_TEXT
            words = texts("ui", note, colour)
            canvas.blit(words, words.get_rect(center=inset.center))
        if (delete := self._delete_rect(position)) is not None:
            lit = focused and self.hover_delete
            paint.rect(canvas, (92, 40, 34) if lit else (12, 16, 19), delete, border_radius=6)
            paint.rect(canvas, WARNING if lit else (96, 112, 118), delete, 1, border_radius=6)
            words = texts("small", ui_text(DELETE), TEXT_COLOUR)
            canvas.blit(words, words.get_rect(center=delete.center))
        self._caption(canvas, texts, position, pygame.Rect(inset.x, inset.bottom + 8, inset.w, rect.bottom - inset.bottom - 12), info, focused=focused)

    def _caption(self, canvas: pygame.Surface, texts: Texts, position: int, area: pygame.Rect, info: Any, *, focused: bool) -> None:
        """Under the picture: the slot's name and date, then the speaker and first words (or why it is unreadable)."""
        line = texts.fonts["small"].get_linesize() + 2
        label = texts("small", slot_label(self.page, position), HIGHLIGHT if focused else TEXT_COLOUR)
        canvas.blit(label, area.topleft)
        if info.filled and info.readable and info.saved_at is not None:
            date = texts("small", when(info.saved_at), DIM_TEXT)
            canvas.blit(date, date.get_rect(topright=area.topright))
        if not info.filled:
            return
        if info.readable:
            words = f"{info.speaker}: \u201c{info.words}\u201d" if info.speaker else info.words
            colour = TEXT_COLOUR
        else:
            reason = info.reason or "the file cannot be read"
            words, colour = reason[:1].upper() + reason[1:], WARNING  # the store's reasons begin in lower case
        lines = wrap(words, texts.fonts["small"], area.w)
        for row, (text, _) in enumerate(lines[:2]):
            if row == 1 and len(lines) > 2:
                text = texts.fit("small", text + "\u2026", area.w)
            canvas.blit(texts("small", text, colour), (area.x, area.y + line * (row + 1) + 2))


class SavePage(SlotsPage):
    def __init__(self, menu: Menu) -> None:
        super().__init__(menu, saving=True)


class LoadPage(SlotsPage):
    def __init__(self, menu: Menu) -> None:
        super().__init__(menu, saving=False)
