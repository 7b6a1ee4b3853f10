"""The game menu's tab column lays itself out for any number of pages (issue 13): no two tabs overlap,
all stay in the sidebar, Return keeps its place at the foot, and six pages look as they always have."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.ui.menu.look import SIDEBAR, TAB_SIZE  # noqa: E402
from game.ui.menu.pages import PAGES  # noqa: E402
from game.ui.menu.tabs import ACTIONS, MIN_HEIGHT, TabColumn, layout, max_pages  # noqa: E402


@pytest.mark.parametrize("pages", range(1, 11))
def test_tabs_never_overlap_and_stay_in_the_sidebar(pages):
    rects, rule = layout(pages)
    assert len(rects) == pages + len(ACTIONS)
    for upper, lower in zip(rects, rects[1:]):
        assert upper.bottom < lower.top, (pages, upper, lower)
    assert all(SIDEBAR.contains(rect) and rect.h >= MIN_HEIGHT for rect in rects)
    assert rects[pages - 1].bottom < rule < rects[pages].top, "the rule parts the pages from Restart, Title and Quit"
    assert rects[-1].bottom == SIDEBAR.bottom - 30, "Return keeps its place at the foot"


def test_six_pages_are_laid_out_as_before():
    """The shipped menu's look: a 56-pixel step, a 40-pixel gap at the rule, full-size tabs."""
    x, top = SIDEBAR.x + (SIDEBAR.w - TAB_SIZE[0]) // 2, SIDEBAR.y + 34
    before = [pygame.Rect(x, top + i * 56, *TAB_SIZE) for i in range(6)]
    before += [pygame.Rect(x, top + 6 * 56 + 40 + i * 56, *TAB_SIZE) for i in range(3)]
    before.append(pygame.Rect(x, SIDEBAR.bottom - 30 - TAB_SIZE[1], *TAB_SIZE))
    assert layout(6) == (before, before[5].bottom + 20)
    assert len(PAGES) == 6 and TabColumn(len(PAGES)).rects == before


def test_too_many_pages_are_refused_clearly():
    most = max_pages()
    assert most >= 10
    with pytest.raises(ValueError, match=f"at most {most} pages"):
        layout(most + 1)


def test_every_tab_is_found_under_the_pointer():
    column = TabColumn(8)
    assert [column.at(rect.center) for rect in column.rects] == list(range(len(column.rects)))
