"""Writers coming from ink: its divert, code line, choice and mid-line glue written as narration are named (issue 16)."""

from __future__ import annotations

import pytest

from game.script import ScriptError, load_story


@pytest.mark.parametrize(("step", "message", "hint"), [
    ("- -> cellar", "ink's divert", "`- jump: cellar`"),
    ("- ~ x = 1", "ink's code line", "`- set: x = 1`"),
    ("- \"* [Open the door]\"", "ink's choice", "`- choice:`"),
    ("- \"He <> went.\"", "`<>` in the middle of a line", "very end of a line"),
])
def test_other_engines_syntax_is_a_warning_saying_what_hub_writes(scenes, asset_root, step, message, hint):
    text = f"script:\n  - label: start\n  {step}\n  - label: cellar\n  - ending: E\n"
    try:
        _, problems = load_story(scenes({"a.yaml": text}), assets=asset_root)
    except ScriptError as error:  # the ink choice is also a bad [variable]: the error carries every problem
        problems = error.problems
    found = [p for p in problems if message in p.message]
    assert len(found) == 1 and found[0].warning and hint in found[0].hint and found[0].place.line == 3, [str(p) for p in problems]


def test_ordinary_narration_is_left_alone(scenes, asset_root):
    text = "script:\n  - label: start\n  - \"~ a tilde, then words\"\n  - \"Arrows -> point\"\n  - ending: E\n"
    _, problems = load_story(scenes({"a.yaml": text}), assets=asset_root)
    assert [str(p) for p in problems] == []
