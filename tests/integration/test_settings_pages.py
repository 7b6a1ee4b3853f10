"""The Settings and Accessibility pages are built from the settings' declarations and scroll (issue 13):
with more rows than fit, every row is reachable by keyboard and pad and drawn inside the page;
the wheel and the scroll bar scroll; the mouse works on the rows in view."""

from __future__ import annotations

import pygame
import pytest

import menu_host as H
from game.settings import declared
from game.ui.layout import HIGHLIGHT, SCREEN_SIZE
from game.ui.menu import GameMenu
from game.ui.menu.accessibility_page import AccessibilityPage
from game.ui.menu.controls import Switch
from game.ui.menu.look import BODY
from game.ui.menu.settings_page import SettingsPage

LONG = (declared() * 2)[:30]  # thirty rows: every setting, then again


def open_page(host, page: str) -> GameMenu:
    menu = GameMenu(host, page)
    host.push(menu)
    menu.draw(pygame.Surface(SCREEN_SIZE))
    return menu


def drawn_labels(menu) -> list[str]:
    """The labels drawn lit (the focused row) in the last frame."""
    canvas = pygame.Surface(SCREEN_SIZE)
    menu.texts.rendered._values.clear()
    menu.draw(canvas)
    return [text for role, text, colour in menu.texts.rendered._values if role == "ui" and colour == HIGHLIGHT]


def test_the_pages_rows_are_the_declarations():
    assert [row.field for row in SettingsPage.ROWS] == [d.field for d in declared("settings")]
    assert [row.field for row in AccessibilityPage.ROWS] == [d.field for d in declared("accessibility")]


def test_the_shipped_pages_fit_without_a_scroll_bar(host):
    for page in ("settings", "accessibility"):
        shown = open_page(host, page).shown
        assert not shown.window.scrolls and shown.window.thumb() is None


@pytest.mark.parametrize("page, kind", [("settings", SettingsPage), ("accessibility", AccessibilityPage)])
@pytest.mark.parametrize("device", ["keyboard", "gamepad"])
def test_the_last_of_thirty_rows_is_reached_by_down_and_drawn_inside_the_page(host, monkeypatch, page, kind, device):
    monkeypatch.setattr(kind, "ROWS", LONG)
    menu = open_page(host, page)
    shown = menu.shown
    assert shown.window.scrolls
    for _ in range(len(LONG) + 3):
        H.press(menu, pygame.K_DOWN, device=device)
    assert shown.focus == len(LONG) - 1 and menu.page == page
    last = shown.rows[-1]
    assert BODY.contains(last) and shown.window.view.contains(last)
    if page == "accessibility":
        assert last.bottom < shown.sample_box.top, "the rows stay above the sample"
    assert LONG[-1].label in drawn_labels(menu)
    assert menu.focus_words().startswith(LONG[-1].label)
    for _ in range(len(LONG)):
        H.press(menu, pygame.K_UP, device=device)
    assert shown.focus == 0 and shown.window.top == 0 and shown.window.view.contains(shown.rows[0])


def test_only_the_rows_in_view_are_drawn_and_clicked(host, monkeypatch):
    monkeypatch.setattr(SettingsPage, "ROWS", LONG)
    menu = open_page(host, "settings")
    shown = menu.shown
    hidden = shown.rows[shown.window.capacity]
    assert not shown.window.view.contains(hidden)
    H.click(menu, hidden.center)
    assert shown.focus != shown.window.capacity, "a row out of view is not under the pointer"


def test_the_wheel_and_the_scroll_bar_scroll_and_the_mouse_works_on_rows_in_view(host, monkeypatch):
    monkeypatch.setattr(SettingsPage, "ROWS", LONG)
    menu = open_page(host, "settings")
    shown, window = menu.shown, menu.shown.window
    H.wheel(menu, -1, (700, 400))
    assert window.top == 1 and shown.focus == 0
    H.wheel(menu, 1, (700, 400))
    assert window.top == 0
    thumb = window.thumb()
    H.drag(menu, thumb.center, (thumb.centerx, window.bar.bottom + 40))
    assert window.top == window.last_top and not window.dragging
    H.click(menu, (window.bar.centerx, window.bar.top + 2))
    assert window.top == window.last_top - window.capacity, "a press on the track above the thumb goes up a windowful"
    H.click(menu, (window.bar.centerx, window.bar.bottom - 2))
    assert window.top == window.last_top
    row = max(i for i in window.shown() if isinstance(shown.controls[i], Switch))  # a switch near the window's foot
    control = shown.controls[row]
    assert row > len(LONG) - window.capacity and window.view.contains(shown.rows[row])
    before = getattr(host.settings, LONG[row].field)
    H.click(menu, control.halves[1].center)
    assert shown.focus == row and getattr(host.settings, LONG[row].field) != before
