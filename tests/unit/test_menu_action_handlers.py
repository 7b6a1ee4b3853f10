"""Every action the Help page says works in the menus has an `action_<name>` handler where it applies
(issue 13): the game menu's container, or the pages themselves."""

from __future__ import annotations

import pytest

from game.ui.keymap import BINDINGS
from game.ui.layer import handled_actions
from game.ui.menu.container import GameMenu
from game.ui.menu.pages import REGISTRY


def said_to_work(prefix: str) -> frozenset[str]:
    """The actions whose Help row begins with `prefix` ("menus: ...")."""
    return frozenset(b.action for b in BINDINGS if b.description.startswith(prefix + ": "))


MENUS, SLOTS, LISTS = said_to_work("menus"), said_to_work("save and load"), said_to_work("lists")
#: Where the Help page's "save and load" and "lists" rows apply: the pages with slots, and those with a scrolling list.
APPLIES = {"save and load": ("save", "load"), "lists": ("history", "help")}


def test_the_help_rows_name_the_menus_actions():
    assert {"up", "down", "left", "right", "activate", "back", "next_tab", "previous_tab"} <= MENUS
    assert SLOTS == {"page_up", "page_down", "delete"} and LISTS == {"scroll_up", "scroll_down", "home", "end"}


@pytest.mark.parametrize("entry", REGISTRY, ids=lambda entry: entry.name)
def test_every_menus_action_has_a_handler_on_each_page_or_the_container(entry):
    handled = handled_actions(entry.make) | handled_actions(GameMenu)
    assert MENUS <= handled, f"{entry.name}: no handler for {sorted(MENUS - handled)}"


@pytest.mark.parametrize("rows, pages", [(SLOTS, APPLIES["save and load"]), (LISTS, APPLIES["lists"])])
def test_the_slots_and_lists_actions_have_handlers_on_their_pages(rows, pages):
    for entry in REGISTRY:
        if entry.name in pages:
            missing = rows - handled_actions(entry.make)
            assert not missing, f"{entry.name}: no handler for {sorted(missing)}"


def test_the_container_closes_turns_pages_and_answers_each_pages_own_key():
    handled = handled_actions(GameMenu)
    assert {"back", "game_menu", "next_tab", "previous_tab", "page_up", "page_down", "screenshot"} <= handled
    assert {entry.key for entry in REGISTRY if entry.key} <= handled
