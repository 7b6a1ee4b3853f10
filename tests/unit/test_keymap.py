"""The keymap: every action reachable from the keyboard and the mouse, and the README's table made from it."""

from __future__ import annotations

import re

import pygame
import pytest

from game import ROOT
from game.ui import keymap
from game.ui.input import Input
from game.ui.game_screen import QUICK_ALTERNATES, QUICK_MENU
from game.ui.menu import PAGES

CONTRACT = {
    "advance", "rewind", "forward", "skip", "skip_toggle", "fast_skip", "auto", "game_menu", "history",
    "quick_save", "quick_load", "hide_interface", "screenshot", "fullscreen", "help",
    "up", "down", "left", "right", "activate", "back", "next_tab", "previous_tab", "page_up", "page_down",
    "delete", "scroll_up", "scroll_down",
}  # fmt: skip


def key_event(code: int, mod: int = 0, unicode: str = "") -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=code, mod=mod, unicode=unicode, scancode=0)


def key_events(name: str) -> list[pygame.event.Event]:
    """The key-down events a key name in the table stands for."""
    codes, mask = keymap._chord(keymap.SHIFTED.get(name, name))
    return [key_event(code, mask) for code in codes]


def mouse_event(name: str) -> pygame.event.Event | None:
    if name in keymap.MOUSE_EVENTS:
        kind, button = keymap.MOUSE_EVENTS[name]
        return pygame.event.Event(kind, button=button, pos=(10, 10))
    if name in keymap.WHEEL:
        return pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=keymap.WHEEL[name], flipped=False)
    return None


def test_every_contract_action_is_in_the_table():
    """The table has a row for each action the brief names, and no action twice."""
    actions = [b.action for b in keymap.BINDINGS]
    assert CONTRACT <= set(actions)
    assert len(actions) == len(set(actions))


@pytest.mark.parametrize("binding", keymap.BINDINGS, ids=lambda b: b.action)
def test_every_action_is_reachable_from_the_keyboard(binding):
    """Each key the row names, pressed, means the row's action."""
    assert binding.keyboard
    for name in binding.keyboard:
        for event in key_events(name):
            assert binding.action in keymap.actions(event), (name, binding.action)


@pytest.mark.parametrize("binding", keymap.BINDINGS, ids=lambda b: b.action)
def test_every_action_is_reachable_from_the_mouse(binding):
    """Each mouse entry is an event meaning the action, a quick menu link doing it, or something on a page to click."""
    assert binding.mouse
    for name in binding.mouse:
        event = mouse_event(name)
        if event is not None:
            assert binding.action in keymap.actions(event), name
            continue
        link = re.fullmatch(r"(right click )?\*\*([\w.]+)\*\*", name)
        route = re.fullmatch(r"\*\*Menu\*\* → (\w+)", name)
        if link and link.group(1):
            assert QUICK_ALTERNATES[link.group(2)] == binding.action
        elif link and link.group(2) in QUICK_MENU:
            assert QUICK_MENU[link.group(2)] in (binding.action, "skip_toggle")  # **Skip** toggles what Ctrl holds
        elif route:
            assert route.group(1).lower() in PAGES
        elif binding.action == "reload":
            assert name == "save a scene file in your editor"  # the watcher reloads: the writer's pointer never leaves the editor
        else:
            assert binding.action in ("choose", "up", "down", "left", "right", "next_tab", "previous_tab", "page_up", "page_down", "delete", "scroll_up", "scroll_down", "home", "end"), name


def test_quick_menu_links_are_all_keymap_actions():
    """Every quick menu link and its right-click alternate does an action of the table."""
    actions = {b.action for b in keymap.BINDINGS}
    assert set(QUICK_MENU.values()) <= actions and set(QUICK_ALTERNATES.values()) <= actions
    assert list(QUICK_MENU) == ["Back", "History", "Skip", "Auto", "Save", "Q.Save", "Q.Load", "Load", "Menu"]


def test_modifiers_tell_keys_apart():
    """Alt+Enter is fullscreen and not advance; Shift+Tab is the previous tab, not skip; Shift+. and '>' fast skip."""
    assert keymap.actions(key_event(pygame.K_RETURN, pygame.KMOD_LALT)) == {"fullscreen"}
    assert "advance" in keymap.actions(key_event(pygame.K_RETURN))
    assert "advance" in keymap.actions(key_event(pygame.K_SPACE, pygame.KMOD_LSHIFT))  # Shift does not matter here
    assert keymap.actions(key_event(pygame.K_TAB, pygame.KMOD_LSHIFT)) == {"previous_tab"}
    assert keymap.actions(key_event(pygame.K_TAB)) == {"skip_toggle", "next_tab"}
    assert keymap.actions(key_event(pygame.K_PERIOD, pygame.KMOD_RSHIFT)) == {"fast_skip"}
    assert keymap.actions(key_event(pygame.K_PERIOD)) == frozenset()
    assert "fast_skip" in keymap.actions(key_event(pygame.K_PERIOD, pygame.KMOD_SHIFT, unicode=">"))
    assert keymap.actions(key_event(pygame.K_s, pygame.KMOD_LCTRL)) == frozenset()
    assert keymap.actions(key_event(pygame.K_s, pygame.KMOD_NUM)) == {"screenshot"}  # Num Lock is no modifier


def test_digits_say_which_option():
    """3 means choose, and option index 2."""
    found = keymap.actions(key_event(pygame.K_3))
    assert "choose" in found and keymap.option(found) == 2
    assert keymap.option(keymap.actions(key_event(pygame.K_SPACE))) is None


def test_ctrl_is_held_skip_on_both_edges():
    """Ctrl down and Ctrl up both mean `skip` (the screen reads which); other key-ups mean nothing."""
    for kind in (pygame.KEYDOWN, pygame.KEYUP):
        assert keymap.actions(pygame.event.Event(kind, key=pygame.K_RCTRL, mod=pygame.KMOD_RCTRL)) == {"skip"}
    assert keymap.actions(pygame.event.Event(pygame.KEYUP, key=pygame.K_SPACE, mod=0)) == frozenset()


def test_readme_controls_table_is_the_keymaps():
    """The README's "Playing" section holds exactly the table `controls_table()` makes."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    playing = readme.split("## Playing", 1)[1].split("\n## ", 1)[0]
    table = "\n".join(line for line in playing.splitlines() if line.startswith("|"))
    assert table == keymap.controls_table()


# -- keymap.read: events become Inputs -----------------------------------------------------


def test_read_turns_keys_into_presses_and_ctrl_into_a_held_skip():
    same = lambda point: point  # noqa: E731
    three = keymap.read(key_event(pygame.K_3), same)
    assert three is not None and three.pressed and three.device == "keyboard" and three.digit == 3 and "choose" in three.actions
    assert not any(action.startswith("choose_") for action in three.actions)
    assert keymap.read(key_event(pygame.K_q), same) == Input()  # any key is a press, with no actions
    down = keymap.read(key_event(pygame.K_LCTRL), same)
    up = keymap.read(pygame.event.Event(pygame.KEYUP, key=pygame.K_LCTRL, mod=0), same)
    assert (down.actions, down.kind, up.actions, up.kind) == ({"skip"}, "press", {"skip"}, "release")
    assert keymap.read(pygame.event.Event(pygame.KEYUP, key=pygame.K_SPACE, mod=0), same) is None


def test_read_puts_the_pointer_in_design_coordinates():
    half = lambda point: (point[0] // 2, point[1] // 2)  # noqa: E731
    moved = keymap.read(pygame.event.Event(pygame.MOUSEMOTION, pos=(100, 60), rel=(0, 0), buttons=(0, 0, 0)), half)
    assert (moved.kind, moved.device, moved.point) == ("move", "mouse", (50, 30))
    right = keymap.read(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(10, 10), button=3), half)
    assert (right.kind, right.button, right.point) == ("release", 3, (5, 5)) and {"game_menu", "back"} <= right.actions
    wheel = keymap.read(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=1, flipped=False), half)
    assert wheel.kind == "wheel" and "rewind" in wheel.actions
    assert keymap.read(pygame.event.Event(pygame.USEREVENT), half) is None
