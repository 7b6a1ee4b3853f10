"""The scene script: reading `scenes/*.yaml`, checking it, compiling it into a `Story`.

`load_story(folder)` is the one entry point; it raises `ScriptError` carrying every
problem found (with file, line and column), or returns the story and its warnings.
The names below are imported when first asked for, so a run that finds its story
in the cache (`game.script.cache`) never loads the YAML reader or the compiler.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from game.script.loader import load_story
    from game.script.model import Story
    from game.script.problems import Problem, ScriptError

__all__ = ["Problem", "ScriptError", "Story", "load_story"]
_HOMES = {"load_story": "game.script.loader", "Story": "game.script.model", "Problem": "game.script.problems", "ScriptError": "game.script.problems"}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(importlib.import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'game.script' has no attribute {name!r}")
