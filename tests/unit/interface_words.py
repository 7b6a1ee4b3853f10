"""Every word the engine's interface draws or speaks: each `ui_text("...")` literal in game/ (found with ast),
and the tables whose entries are passed through `ui_text` where they are drawn (tabs, settings, the keymap,
the quick menu, the title's buttons, the confirmations)."""

from __future__ import annotations

import ast

from game import ROOT

FONT_NAMES = {"Lato", "Hyperlegible", "OpenDyslexic"}  # a font is shown by its own name
TITLE_BUTTONS = {"Continue", "Start", "Load", "Settings", "Extras", "Quit"}  # title.py's labels, drawn through ui_text


def literals() -> dict[str, str]:
    """Each `ui_text("...")` literal in game/, with the first file:line that has it."""
    found: dict[str, str] = {}
    for path in sorted((ROOT / "game").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "ui_text" and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    found.setdefault(first.value, f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def key_parts(key: str) -> list[str]:
    """The parts of a key's name that are words (`Shift+Tab`: both; `F5`, `A`, `1-9`: none)."""
    return [part for part in key.split("+") if len(part) > 1 and part[0].isalpha() and not part[1:].isdigit()]


def tables() -> set[str]:
    from game.app import VOICING_OFF, VOICING_ON
    from game.settings import declared
    from game.ui import keymap
    from game.ui.extras import CREDITS
    from game.ui.game_screen import QUICK_MENU
    from game.ui.menu.accessibility_page import SAMPLE
    from game.ui.menu.container import AUTOSAVED, LEAVING, TABS
    from game.ui.menu.help_page import COLUMNS, NO_GAMEPAD
    from game.ui.menu.slots import DELETE, MONTHS
    from game.ui.reload import RELOADED

    words = {label for _, label in TABS} | {question for question, _ in LEAVING.values()} | {AUTOSAVED, VOICING_ON, VOICING_OFF, RELOADED, SAMPLE, DELETE}
    words |= set(QUICK_MENU) | set(CREDITS) | set(MONTHS) | {name for name, _ in COLUMNS + NO_GAMEPAD} | TITLE_BUTTONS
    for setting in declared():
        words |= {setting.label, *(setting.labels or ())}
    for binding in keymap.BINDINGS:
        words.add(binding.description)
        words |= {part for key in binding.keyboard for part in key_parts(key)}
        words |= {way.replace("**", "") for way in binding.mouse}
        words |= {control for control in binding.gamepad if " " in control}
    return words - FONT_NAMES


def interface_words() -> set[str]:
    return set(literals()) | tables()
