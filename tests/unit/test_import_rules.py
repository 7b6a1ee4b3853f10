"""The import rules of docs/architecture.md, held over the source with `ast`.

Every import counts: at the top, inside functions and under `TYPE_CHECKING`.
"""

from __future__ import annotations

import ast
from pathlib import Path

from game import ROOT

PACKAGE = ROOT / "game"
#: The story core and the player's data: plain Python, no window, no screens.
CORE = ("game.script", "game.state", "game.beats", "game.playthrough", "game.reveal", "game.clock", "game.seen",
        "game.transcript", "game.userdata", "game.resume", "game.saves", "game.settings", "game.history",
        "game.endings", "game.player", "game.gamefolder", "game.resolver", "game.limits", "game.stable_ids", "game.fonts")
#: Asked lazily and only by `check`, never while playing: which sound formats this machine's SDL_mixer plays.
PYGAME_ALLOWED = {"game.script.assets"}


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        found[name] = path
    return found


MODULES = _modules()


def _owner(name: str) -> str | None:
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _imports(module: str) -> set[str]:
    """Every module `module` imports (game's own resolved to modules, others as written)."""
    path = MODULES[module]
    base = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            stem = node.module or ""
            if node.level:
                parts = base.split(".")
                stem = ".".join(parts[: len(parts) - node.level + 1] + ([stem] if stem else []))
            names.add(stem)
            names.update(f"{stem}.{alias.name}" for alias in node.names)
    resolved = set()
    for name in names:
        owner = _owner(name) if name.startswith("game") else None
        if owner is None:
            resolved.add(name.split(".")[0])
        elif owner != module and not module.startswith(owner + "."):
            resolved.add(owner)
    return resolved


GRAPH = {module: _imports(module) for module in MODULES}


def _in(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def _circles() -> list[set[str]]:
    """Strongly connected sets of more than one module (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []
    for root in GRAPH:
        if root in index:
            continue
        work = [(root, iter(sorted(w for w in GRAPH[root] if w in GRAPH)))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, edges = work[-1]
            for nxt in edges:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(w for w in GRAPH[nxt] if w in GRAPH))))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.add(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        found.append(group)
    return found


def test_no_import_circles():
    """No two modules of game/ import each other, directly or round a longer circle."""
    assert _circles() == []


def test_the_story_core_has_no_window_and_no_screens():
    """The story core and the player's data import neither pygame nor the presentation."""
    wrong = {m: sorted(i for i in GRAPH[m] if (i == "pygame" and m not in PYGAME_ALLOWED) or _in(i, ("game.ui", "game.app", "game.cli", "game.bench")))
             for m in MODULES if _in(m, CORE)}
    assert {m: i for m, i in wrong.items() if i} == {}


def test_screens_never_import_the_app():
    """Layers talk to a Host, never to `game.app`, and never to the command line."""
    wrong = {m: sorted(i for i in GRAPH[m] if _in(i, ("game.app", "game.cli", "game.bench"))) for m in MODULES if _in(m, ("game.ui",))}
    assert {m: i for m, i in wrong.items() if i} == {}


def test_the_script_layer_stands_on_the_ground_floor():
    """`game.script` and `game.gamefolder` import neither the game folder's reader (`game.folder` reads
    game.yaml with the script layer), nor the state and beats that play the story, nor the interface."""
    above = ("game.folder", "game.beats", "game.state", "game.playthrough", "game.ui", "game.app")
    wrong = {m: sorted(i for i in GRAPH[m] if _in(i, above)) for m in MODULES if _in(m, ("game.script", "game.gamefolder"))}
    assert {m: i for m, i in wrong.items() if i} == {}


def test_only_the_command_line_reaches_the_developer_tools():
    """The art generator (numpy), the benchmark and the app builder are developers' tools: only the
    command line imports them, so the game and the built app never load them."""
    tools = ("game.artwork", "game.bench", "game.packaging")
    users = sorted(m for m in MODULES if not _in(m, (*tools, "game.cli")) and any(_in(i, tools) for i in GRAPH[m]))
    assert users == []


def test_the_rules_see_the_imports():
    """The graph is read right: known imports are found (else every rule above would pass vacuously)."""
    assert "pygame" in GRAPH["game.app"]
    assert "game.playthrough" in GRAPH["game.ui.game_screen"]
    assert len(MODULES) > 50
