"""Every action the keymap can produce while playing has a handler where the Help page says it works.

The Help page's rows are the keymap's (`keymap.BINDINGS`); a row whose description starts
"menus:", "save and load:" or "lists:" works in the game menu (its pages prove those). Every
other row works while playing: the game screen answers it in an `action_<name>` method, or the
app does, over every layer (window or fullscreen, self-voicing).
"""

from __future__ import annotations

import pygame
import pytest

from game.app import App
from game.ui import keymap
from game.ui.game_screen import QUICK_ALTERNATES, QUICK_MENU, GameScreen
from game.ui.gamepad import BUTTONS
from game.ui.layer import handled_actions

MENU_ROWS = ("menus:", "save and load:", "lists:")
PLAYING = [b for b in keymap.BINDINGS if not b.description.startswith(MENU_ROWS)]


def produced(binding: keymap.Binding) -> set[str]:
    """Every action the keymap's reading of this row's keys, mouse buttons and wheel turns gives."""
    found: set[str] = set()
    for name in binding.keyboard:
        codes, mask = keymap._chord(name)
        for code in codes:
            for kind in (pygame.KEYDOWN, pygame.KEYUP):
                event = pygame.event.Event(kind, key=code, mod=mask, unicode=">" if name == ">" else "", scancode=0)
                if (input := keymap.read(event, lambda point: point)) is not None:
                    found |= input.actions
    for name in binding.mouse:
        if name in keymap.MOUSE_EVENTS:
            kind, button = keymap.MOUSE_EVENTS[name]
            found |= keymap.read(pygame.event.Event(kind, button=button, pos=(5, 5)), lambda point: point).actions
        elif name in keymap.WHEEL:
            found |= keymap.read(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=keymap.WHEEL[name], flipped=False), lambda point: point).actions
    found |= {action for _button, _name, actions in BUTTONS for action in actions if action == binding.action}
    return found


def test_the_playing_rows_are_the_ones_the_help_page_shows_for_play():
    assert {b.action for b in PLAYING} == {
        "advance", "rewind", "forward", "choose", "skip", "skip_toggle", "fast_skip", "auto", "game_menu", "history",
        "save_page", "load_page", "quick_save", "quick_load", "hide_interface", "screenshot", "fullscreen", "help", "accessibility", "self_voicing", "reload",
    }  # fmt: skip


@pytest.mark.parametrize("binding", PLAYING, ids=lambda b: b.action)
def test_each_playing_action_is_produced_by_the_keymap_and_has_a_handler(binding):
    if binding.action != "choose":  # the digits come as `choose` with the digit (`Input.digit`)
        assert binding.action in produced(binding), f"no key, button or wheel of the keymap gives {binding.action!r}"
    handlers = handled_actions(GameScreen) | handled_actions(App)
    assert binding.action in handlers, f"{binding.action!r} works while playing (Help page) but nothing handles it"


def test_the_app_handles_only_what_works_over_every_layer():
    assert handled_actions(App) == {"fullscreen", "self_voicing", "reload"}


def test_the_quick_menu_links_name_actions_the_game_screen_handles():
    named = set(QUICK_MENU.values()) | set(QUICK_ALTERNATES.values())
    assert named <= handled_actions(GameScreen)
