"""The scene script: reading `scenes/*.yaml`, checking it, compiling it into a `Story`.

`load_story(folder)` is the one entry point; it raises `ScriptError` carrying every
problem found (with file, line and column), or returns the story and its warnings.
"""

from __future__ import annotations

from game.script.loader import load_story
from game.script.model import Story
from game.script.problems import Problem, ScriptError

__all__ = ["Problem", "ScriptError", "Story", "load_story"]
