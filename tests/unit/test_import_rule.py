"""The presentation's import rule, counting imports inside functions and under TYPE_CHECKING:
nothing under game/ui imports game.app (screens know only the `Host` protocol), and the app,
the stack and the screens are in no import circle (a screen asks the host for another screen)."""

from __future__ import annotations

import ast
from pathlib import Path

from game import ROOT

GAME = ROOT / "game"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every game module `path` names in an import, wherever the import is."""
    found: set[str] = set()
    base = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            stem = node.module or ""
            if node.level:
                up = base.split(".")[: len(base.split(".")) - (node.level - 1)]
                stem = ".".join(up + ([node.module] if node.module else []))
            found |= {stem} | {f"{stem}.{alias.name}" for alias in node.names}
    return {name for name in found if name == "game" or name.startswith("game.")}


MODULES = {module_name(path): path for path in GAME.rglob("*.py")}


def graph() -> dict[str, set[str]]:
    def resolve(name: str) -> str | None:
        while name and name not in MODULES:
            name = name.rpartition(".")[0]
        return name or None

    edges: dict[str, set[str]] = {}
    for name, path in MODULES.items():
        targets = {resolve(target) for target in imports(path)}
        edges[name] = {t for t in targets if t and t != name and not name.startswith(t + ".")}
    return edges


def reaches(edges: dict[str, set[str]], start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        for after in edges[todo.pop()]:
            if after not in seen:
                seen.add(after)
                todo.append(after)
    return seen


def test_nothing_under_game_ui_imports_the_app():
    offenders = [name for name, path in MODULES.items() if name.startswith("game.ui") and any(t == "game.app" or t.startswith("game.app.") for t in imports(path))]
    assert offenders == []


def test_the_app_the_stack_and_the_screens_are_in_no_import_circle():
    edges = graph()
    presentation = ["game.app", "game.player"] + [name for name in MODULES if name.startswith("game.ui") and not name.startswith("game.ui.menu")]
    circled = [name for name in presentation if name in reaches(edges, name)]
    assert circled == [], f"in an import circle: {circled}"
