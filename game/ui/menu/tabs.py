"""The game menu's tab column: one tab per page, a rule, Restart, Title and Quit, and Return at the foot.

The tabs are laid out from how many there are: with few, a roomy step (as the menu has always
looked with six pages); with more, the step and the rule's gap shrink, then the tabs themselves,
so no two ever overlap and Return keeps its place at the foot.
"""

from __future__ import annotations

import pygame

from game.ui.layout import HIGHLIGHT, TEXT_COLOUR
from game.ui.menu.look import DISABLED_TEXT, RULE, SIDEBAR, TAB_SIZE, Texts, plate
from game.ui import paint

ACTIONS = (("restart", "Restart"), ("title", "Title"), ("quit", "Quit"), ("return", "Return"))  # the tabs after the pages'
TOP = 34  # from the sidebar's top to the first tab
FOOT = 30  # from Return's foot to the sidebar's
STEP, GAP = 56, 40  # the roomy step between tabs, and the gap the rule sits in
TIGHT_GAP = 24
SPACE = 4  # the least room between two tabs
MIN_HEIGHT = 30  # a tab's least height (the label's line, with a little air)
#: (the tab's label, usable, focused, pressed, the page on show)
Look = tuple[str, bool, bool, bool, bool]


def _spacing(pages: int, actions: int) -> tuple[int, int, int]:
    """(step, gap at the rule, tab height) that fit `pages` pages and `actions` actions in the sidebar."""
    height = TAB_SIZE[1]
    above = pages + actions - 1  # the tabs above Return
    room = SIDEBAR.bottom - FOOT - height - 2 * SPACE - (SIDEBAR.y + TOP)
    step, gap = STEP, GAP
    if (above - 1) * step + gap + height > room:
        gap = TIGHT_GAP
        step = (room - gap - height) // max(1, above - 1)
        if step - height < SPACE:  # the tabs themselves shrink
            step = (room - gap + SPACE) // above
            height = step - SPACE
    return step, gap, height


def max_pages(actions: int = len(ACTIONS)) -> int:
    """The most pages the column has room for."""
    pages = 1
    while _spacing(pages + 1, actions)[2] >= MIN_HEIGHT:
        pages += 1
    return pages


def layout(pages: int, actions: int = len(ACTIONS)) -> tuple[list[pygame.Rect], int]:
    """The tabs' rects (pages', then the actions', Return last) and the rule's y, for `pages` pages."""
    step, gap, height = _spacing(pages, actions)
    if height < MIN_HEIGHT:
        raise ValueError(f"the game menu's tab column holds at most {max_pages(actions)} pages, not {pages}")
    width = TAB_SIZE[0]
    x, top = SIDEBAR.x + (SIDEBAR.w - width) // 2, SIDEBAR.y + TOP
    rects = [pygame.Rect(x, top + i * step, width, height) for i in range(pages)]
    rects += [pygame.Rect(x, top + pages * step + gap + i * step, width, height) for i in range(actions - 1)]
    rects.append(pygame.Rect(x, SIDEBAR.bottom - FOOT - height, width, height))
    page_foot, actions_top = rects[pages - 1].bottom, rects[pages].top
    return rects, page_foot + round((actions_top - page_foot) * 0.4)  # the rule a little above the middle


class TabColumn:
    """The tabs' places for `pages` pages, and their drawing."""

    def __init__(self, pages: int) -> None:
        self.pages = pages
        self.rects, self.rule_y = layout(pages)

    def at(self, point: tuple[int, int]) -> int | None:
        return next((i for i, rect in enumerate(self.rects) if rect.collidepoint(point)), None)

    def draw(self, canvas: pygame.Surface, texts: Texts, looks: list[Look]) -> None:
        for rect, (label, usable, focused, pressed, current) in zip(self.rects, looks):
            if focused and usable:
                plate(canvas, rect, focused=True, pressed=pressed)
            if current:
                paint.rect(canvas, RULE, (rect.x + 8, rect.y + 11, 4, rect.h - 22), border_radius=2)
            colour = DISABLED_TEXT if not usable else HIGHLIGHT if focused or current else TEXT_COLOUR
            words = texts("ui", label, colour)
            canvas.blit(words, words.get_rect(midleft=(rect.x + 26, rect.centery)))
        paint.line(canvas, (40, 54, 60), (SIDEBAR.x + 30, self.rule_y), (SIDEBAR.right - 30, self.rule_y))
