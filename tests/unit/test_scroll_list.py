"""The virtual scrolling list: laid out lazily, clamped at both ends, its bar in step with it."""

from __future__ import annotations

import pygame
import pytest

from game.ui.menu.scroll import GAP, ScrollList

VIEW = pygame.Rect(0, 0, 300, 400)


def heights(index: int) -> int:
    return 30 + (index % 4) * 20  # 30, 50, 70, 90, 30, ...


@pytest.fixture
def made() -> list[int]:
    return []


def listing(count: int, made: list[int]) -> ScrollList:
    def render(index: int) -> pygame.Surface:
        made.append(index)
        return pygame.Surface((10, heights(index)))

    return ScrollList(VIEW, count, render)


def test_only_what_shows_is_laid_out(made):
    scroll = listing(100_000, made)
    scroll.to_end()
    shown = scroll.visible()
    assert shown[-1][0] == 99_999 and shown[-1][1].bottom == VIEW.bottom
    assert len(set(made)) <= len(shown) + 1


def test_scrolling_stops_at_both_ends(made):
    scroll = listing(50, made)
    scroll.scroll(-500)
    assert (scroll.top, scroll.offset) == (0, 0)
    scroll.scroll(10**6)
    assert (scroll.top, scroll.offset) == scroll.end()
    last = scroll.visible()[-1]
    assert last[0] == 49 and last[1].bottom == VIEW.bottom


def test_scrolling_down_then_up_returns_to_the_same_place(made):
    scroll = listing(50, made)
    scroll.scroll(777)
    place = (scroll.top, scroll.offset)
    scroll.scroll(123)
    scroll.scroll(-123)
    assert (scroll.top, scroll.offset) == place
    assert sum(heights(i) + GAP for i in range(scroll.top)) + scroll.offset == 777


def test_ensure_visible_scrolls_as_little_as_needed(made):
    scroll = listing(50, made)
    scroll.ensure_visible(3)
    assert (scroll.top, scroll.offset) == (0, 0), "already in view: nothing moves"
    scroll.ensure_visible(20)
    rect = dict(scroll.visible())[20]
    assert rect.bottom == VIEW.bottom
    scroll.ensure_visible(10)
    assert (scroll.top, scroll.offset) == (10, 0)


def test_the_thumb_follows_the_position_and_dragging_it_moves_the_list(made):
    scroll = listing(1000, made)
    top_thumb = scroll.thumb()
    assert top_thumb.top == scroll.bar.top
    scroll.to_end()
    assert scroll.thumb().bottom == scroll.bar.bottom
    assert scroll.press_bar(scroll.thumb().center) and scroll.dragging
    scroll.drag(scroll.bar.top - 100)
    assert (scroll.top, scroll.offset) == (0, 0)
    scroll.drag(scroll.bar.centery + scroll._grab - scroll.thumb().h // 2)
    assert 400 < scroll.top < 600
    scroll.release()
    assert not scroll.dragging


def test_a_short_list_has_no_bar_and_does_not_move(made):
    scroll = listing(3, made)
    assert scroll.thumb() is None
    scroll.scroll(100)
    assert (scroll.top, scroll.offset) == (0, 0)
    assert not scroll.press_bar(scroll.bar.center)


def test_an_empty_list_is_quiet(made):
    scroll = listing(0, made)
    scroll.to_end()
    scroll.scroll(50)
    assert scroll.visible() == [] and scroll.thumb() is None and scroll.at((5, 5)) is None
