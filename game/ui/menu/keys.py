"""What a key means to the menu, until the game's one keymap exists.

REPLACE AT MERGE: `actions` below is a stand-in for `game.ui.keymap.actions` (branch `menu`).
It is used first whenever that module exists; the local table is only the fallback, and the
menu's layers never read key codes anywhere else. Home and End give `home` and `end`, two
names the brief's list lacks (the History and Help pages use them); the keymap should add them.
"""

from __future__ import annotations

import pygame

# As branch `menu`'s keymap has them: one key often means several actions (Down is both
# `down` for a menu and `scroll_down` for a list), so the pages must read the specific one first.
_KEYS = {
    pygame.K_UP: {"up", "scroll_up"},
    pygame.K_DOWN: {"down", "scroll_down"},
    pygame.K_LEFT: {"left", "rewind"},
    pygame.K_RIGHT: {"right", "forward"},
    pygame.K_RETURN: {"activate", "advance"},
    pygame.K_KP_ENTER: {"activate", "advance"},
    pygame.K_SPACE: {"activate", "advance"},
    pygame.K_ESCAPE: {"back", "game_menu"},
    pygame.K_PAGEUP: {"page_up", "rewind", "scroll_up"},
    pygame.K_PAGEDOWN: {"page_down", "forward", "scroll_down"},
    pygame.K_DELETE: {"delete"},
    pygame.K_HOME: {"home"},
    pygame.K_END: {"end"},
    pygame.K_l: {"history"},
    pygame.K_F1: {"help"},
}


def actions(event: pygame.event.Event) -> frozenset[str]:
    """Every action an event means (stand-in for `game.ui.keymap.actions`; see the module's note)."""
    try:
        from game.ui.keymap import actions as keymap_actions
    except ImportError:
        pass
    else:
        return keymap_actions(event)
    if event.type == pygame.KEYDOWN:
        if event.key == pygame.K_TAB:
            return frozenset({"previous_tab"} if event.mod & pygame.KMOD_SHIFT else {"next_tab", "skip_toggle"})
        return frozenset(_KEYS.get(event.key, ()))
    if event.type == pygame.MOUSEWHEEL:
        return frozenset({"scroll_up", "rewind"} if event.y > 0 else {"scroll_down", "forward"})
    if event.type == pygame.MOUSEBUTTONUP and event.button == 3:
        return frozenset({"back", "game_menu"})
    if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
        return frozenset({"advance", "activate"})
    return frozenset()
