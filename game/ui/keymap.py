"""The one keymap: every key, mouse button and wheel turn the player can use, as named actions.

Screens receive actions (`advance`, `rewind`, `game_menu`, ...), never raw key codes,
so a gamepad only adds a column (`access` fills it from `game/ui/gamepad.py`). The Help
page and the README's controls table are both made from `BINDINGS` (`controls_table`).

Keys are written as players read them ("Page Up", "Shift+Tab", "Alt+Enter"); `KEY_NAMES`
turns each name into pygame key codes. A plain key means that key with neither Ctrl nor
Alt held (so Alt+Enter is not also "advance"); Shift matters only for keys that also
appear with Shift (Tab and Shift+Tab are different actions; Shift+Space is still Space).

Mouse entries are either input events ("left click", "wheel up", ...), turned into actions
here too, or things to click, in bold: a quick menu link (`**Skip**`), a right click on
one (`right click **Skip**`, Ren'Py's "alternate" action), or a page of the game menu
(`**Menu** → Settings`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import pygame

from game.ui import gamepad
from game.ui.gamepad import PAD_ALSO
from game.ui.input import Input, click, move


@dataclass(frozen=True)
class Binding:
    """One row of the keymap: an action and every way to ask for it."""

    action: str
    description: str
    keyboard: tuple[str, ...]
    mouse: tuple[str, ...]
    gamepad: tuple[str, ...] = ()  # filled from game/ui/gamepad.py's `rows()`


BINDINGS: tuple[Binding, ...] = (
    # -- playing ----------------------------------------------------------------
    Binding("advance", "next line (finishes the line first if it is still appearing)", ("Space", "Enter"), ("left click",)),
    Binding("rewind", "back one line (as far as the first line, across the choice)", ("Page Up", "Left"), ("wheel up", "**Back**")),
    Binding("forward", "forward again, up to where you were", ("Page Down", "Right"), ("wheel down",)),
    Binding("choose", "choose an option at the choice (or Up, Down and Enter)", ("1-9",), ("click an option",)),
    Binding("skip", "skip lines you have read, while held", ("Ctrl",), ("**Skip**",)),
    Binding("skip_toggle", "skip mode on or off (stops at the choice and at unread lines)", ("Tab",), ("**Skip**",)),
    Binding("fast_skip", "fast skip: straight to the next choice or unread line", (">",), ("right click **Skip**",)),
    Binding("auto", "auto-forward on or off", ("A",), ("**Auto**",)),
    Binding("game_menu", "game menu (save, load, settings, history, help, title, quit)", ("Escape", "Menu key"), ("right click", "**Menu**")),
    Binding("history", "history of this playthrough (click a line to go back to it)", ("L",), ("**History**",)),
    Binding("save_page", "save into a slot: the Save page", ("F2",), ("**Save**", "**Menu** → Save")),
    Binding("load_page", "load a save: the Load page", ("F3",), ("**Load**", "**Menu** → Load")),
    Binding("quick_save", "quick save", ("F5",), ("**Q.Save**",)),
    Binding("quick_load", "quick load (asks first when it would lose unsaved progress)", ("F9",), ("**Q.Load**",)),
    Binding("hide_interface", "hide the text box until the next key or click", ("H",), ("middle click",)),
    Binding("screenshot", "screenshot into the data folder", ("S",), ("right click **Save**",)),
    Binding("fullscreen", "window or fullscreen", ("F11", "Alt+Enter"), ("**Menu** → Settings",)),
    Binding("help", "help: these controls", ("F1",), ("**Menu** → Help",)),
    Binding("accessibility", "accessibility: text size, line spacing, font, high contrast, reduce motion", ("Shift+A",), ("**Menu** → Accessibility",)),
    Binding("self_voicing", "self-voicing on or off: lines, choices, menus and notices read aloud", ("V",), ("**Menu** → Settings",)),
    Binding("reload", "writers: reload the story from its files, staying on this line", ("Shift+R",), ("save a scene file in your editor",)),
    # -- in menus ---------------------------------------------------------------
    Binding("up", "menus: previous item", ("Up",), ("point at it",)),
    Binding("down", "menus: next item", ("Down",), ("point at it",)),
    Binding("left", "menus: previous button in a row, slider down", ("Left",), ("point at it, drag a slider",)),
    Binding("right", "menus: next button in a row, slider up", ("Right",), ("point at it, drag a slider",)),
    Binding("activate", "menus: press the selected button", ("Enter", "Space"), ("left click",)),
    Binding("back", "menus: close, or answer No", ("Escape",), ("right click",)),
    Binding("next_tab", "menus: next page", ("Tab",), ("click the page's name",)),
    Binding("previous_tab", "menus: previous page", ("Shift+Tab",), ("click the page's name",)),
    Binding("page_up", "save and load: previous page of slots", ("Page Up",), ("click a page number",)),
    Binding("page_down", "save and load: next page of slots", ("Page Down",), ("click a page number",)),
    Binding("delete", "save and load: delete the selected save (asks first)", ("Delete",), ("a slot's **Delete**",)),
    Binding("scroll_up", "lists: scroll up", ("Up", "Page Up"), ("wheel up", "drag the scroll bar")),
    Binding("scroll_down", "lists: scroll down", ("Down", "Page Down"), ("wheel down", "drag the scroll bar")),
    Binding("home", "lists: to the first line", ("Home",), ("drag the scroll bar up",)),
    Binding("end", "lists: to the newest line", ("End",), ("drag the scroll bar down",)),
)


def _with_gamepad(bindings: tuple[Binding, ...]) -> tuple[Binding, ...]:
    """The table with its gamepad column filled from `gamepad.rows()` (one source for the pad's buttons)."""
    pad: dict[str, list[str]] = {}
    for action, control in gamepad.rows():
        pad.setdefault(action, []).append(control)
        if action in PAD_ALSO:
            pad.setdefault(PAD_ALSO[action], []).append(control)
    pad["choose"] = ["d-pad or left stick to an option, then A"]
    return tuple(replace(b, gamepad=tuple(pad.get(b.action, ()))) for b in bindings)


BINDINGS = _with_gamepad(BINDINGS)

#: Each key name the table uses, as the pygame key codes that mean it.
KEY_NAMES: dict[str, tuple[int, ...]] = {
    "Space": (pygame.K_SPACE,),
    "Enter": (pygame.K_RETURN, pygame.K_KP_ENTER),
    "Escape": (pygame.K_ESCAPE,),
    "Menu key": (pygame.K_MENU,),
    "Tab": (pygame.K_TAB,),
    "Page Up": (pygame.K_PAGEUP,),
    "Page Down": (pygame.K_PAGEDOWN,),
    "Left": (pygame.K_LEFT,),
    "Right": (pygame.K_RIGHT,),
    "Up": (pygame.K_UP,),
    "Down": (pygame.K_DOWN,),
    "Delete": (pygame.K_DELETE,),
    "Home": (pygame.K_HOME,),
    "End": (pygame.K_END,),
    "Ctrl": (pygame.K_LCTRL, pygame.K_RCTRL),
    "F1": (pygame.K_F1,),
    "F2": (pygame.K_F2,),
    "F3": (pygame.K_F3,),
    "F5": (pygame.K_F5,),
    "F9": (pygame.K_F9,),
    "F11": (pygame.K_F11,),
    "A": (pygame.K_a,),
    "H": (pygame.K_h,),
    "L": (pygame.K_l,),
    "R": (pygame.K_r,),
    "S": (pygame.K_s,),
    "V": (pygame.K_v,),
    "1-9": tuple(range(pygame.K_1, pygame.K_9 + 1)),
    ".": (pygame.K_PERIOD,),
    ">": (pygame.K_GREATER,),
}
#: Names the table writes for a key with Shift held.
SHIFTED = {">": "Shift+."}
#: The mouse events this module turns into actions (the rest are things to click).
MOUSE_EVENTS = {"left click": (pygame.MOUSEBUTTONDOWN, 1), "middle click": (pygame.MOUSEBUTTONUP, 2), "right click": (pygame.MOUSEBUTTONUP, 3)}
WHEEL = {"wheel up": 1, "wheel down": -1}
MODIFIERS = {"Shift": pygame.KMOD_SHIFT, "Ctrl": pygame.KMOD_CTRL, "Alt": pygame.KMOD_ALT}
HELD = {"skip"}  # actions that last while their key is down: they come on key down and on key up


def _chord(name: str) -> tuple[tuple[int, ...], int]:
    """'Alt+Enter' -> (the Enter key codes, KMOD_ALT)."""
    *mods, key = SHIFTED.get(name, name).split("+")
    mask = 0
    for mod in mods:
        mask |= MODIFIERS[mod]
    return KEY_NAMES[key], mask


def _key_table() -> tuple[dict[tuple[int, int], frozenset[str]], frozenset[int]]:
    """{(key code, required modifiers): actions}, and the keys whose Shift changes their meaning."""
    table: dict[tuple[int, int], set[str]] = {}
    shift_sensitive: set[int] = set()
    for binding in BINDINGS:
        for name in binding.keyboard:
            codes, mask = _chord(name)
            for code in codes:
                table.setdefault((code, mask), set()).add(binding.action)
                if mask & pygame.KMOD_SHIFT:
                    shift_sensitive.add(code)
    table.setdefault((pygame.K_GREATER, 0), set()).add("fast_skip")  # layouts with a key of its own for '>'
    return {key: frozenset(actions) for key, actions in table.items()}, frozenset(shift_sensitive)


def _mouse_table() -> dict[tuple[int, int], frozenset[str]]:
    table: dict[tuple[int, int], set[str]] = {}
    for binding in BINDINGS:
        for name in binding.mouse:
            if name in MOUSE_EVENTS:
                table.setdefault(MOUSE_EVENTS[name], set()).add(binding.action)
            elif name in WHEEL:
                table.setdefault((pygame.MOUSEWHEEL, WHEEL[name]), set()).add(binding.action)
    return {key: frozenset(actions) for key, actions in table.items()}


_KEYS, _SHIFT_SENSITIVE = _key_table()
_MOUSE = _mouse_table()
NOTHING: frozenset[str] = frozenset()


def _mods(event: pygame.event.Event, code: int) -> int:
    """The modifiers that count for this key: Ctrl and Alt always; Shift where it changes the meaning."""
    mod = getattr(event, "mod", 0)
    mask = 0
    for flag in (pygame.KMOD_CTRL, pygame.KMOD_ALT) + ((pygame.KMOD_SHIFT,) if code in _SHIFT_SENSITIVE else ()):
        if mod & flag:
            mask |= flag
    return mask


def actions(event: pygame.event.Event) -> frozenset[str]:
    """Every action `event` means (one key may mean several; a screen uses those it understands).

    `choose` also comes with `choose_N` for the digit N (see `option`).
    """
    if event.type in (pygame.KEYDOWN, pygame.KEYUP):
        code = event.key
        if code in KEY_NAMES["Ctrl"]:
            return frozenset(HELD)  # down starts, up ends: the screen reads `event.type`
        if event.type == pygame.KEYUP:
            return NOTHING
        found = _KEYS.get((code, _mods(event, code)), NOTHING)
        if getattr(event, "unicode", "") == ">":
            found |= {"fast_skip"}
        if "choose" in found and code in KEY_NAMES["1-9"]:
            found |= {f"choose_{code - pygame.K_1 + 1}"}
        return found
    if event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
        return _MOUSE.get((event.type, event.button), NOTHING)
    if event.type == pygame.MOUSEWHEEL and event.y:
        return _MOUSE.get((pygame.MOUSEWHEEL, 1 if event.y > 0 else -1), NOTHING)
    return NOTHING


def read(event: pygame.event.Event, to_design: Callable[[tuple[int, int]], tuple[int, int]]) -> Input | None:
    """The `Input` a key, mouse or wheel event means (None for other events, and for a key let go
    that ends nothing). `to_design`: the window's pixels to the design's 1280x720."""
    if event.type == pygame.KEYDOWN:
        found = actions(event)
        digit = option(found)
        named = frozenset(a for a in found if not a.startswith("choose_"))
        return Input(named, "press", "keyboard", digit=None if digit is None else digit + 1)
    if event.type == pygame.KEYUP:
        held = actions(event)
        return Input(held, "release", "keyboard") if held else None
    if event.type == pygame.MOUSEMOTION:
        return move(to_design(event.pos))
    if event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
        return click(to_design(event.pos), button=event.button, up=event.type == pygame.MOUSEBUTTONUP, actions=actions(event))
    if event.type == pygame.MOUSEWHEEL and event.y:
        return Input(actions(event), "wheel", "mouse")
    return None


def option(found: frozenset[str]) -> int | None:
    """The option a digit key picked (0-based), if `found` holds a `choose_N`."""
    return next((int(a.removeprefix("choose_")) - 1 for a in found if a.startswith("choose_")), None)


def binding(action: str) -> Binding:
    return next(b for b in BINDINGS if b.action == action)


def _keys_text(keys: tuple[str, ...]) -> str:
    shown = [f"{key} ({SHIFTED[key]})" if key in SHIFTED else f"hold {key}" if key == "Ctrl" else key for key in keys]
    return ", ".join(shown)


def rows() -> list[tuple[str, ...]]:
    """The table as players read it, one row per action: (description, keyboard, mouse[, gamepad]).

    The Help page draws these; the README's table is made of the same rows.
    """
    gamepad = any(b.gamepad for b in BINDINGS)
    return [(b.description, _keys_text(b.keyboard), ", ".join(b.mouse)) + ((", ".join(b.gamepad),) if gamepad else ()) for b in BINDINGS]


def controls_table() -> str:
    """The README's controls table, in Markdown, made from `BINDINGS`."""
    gamepad = any(b.gamepad for b in BINDINGS)
    head = ("action", "keyboard", "mouse") + (("gamepad",) if gamepad else ())
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(cells) + " |" for cells in rows()]
    return "\n".join(lines)


#: Every action, in the table's order: the order `game.ui.layer.dispatch` tries them in.
ACTION_ORDER: tuple[str, ...] = tuple(b.action for b in BINDINGS)
