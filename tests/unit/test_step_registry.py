"""Every step kind comes from one registry: its reader, effect and place in the story are declared together,
so a new kind is its own module plus a line in the registry."""

from __future__ import annotations

import re
import typing
from dataclasses import dataclass

import pytest
import yaml

from game import ROOT
from game.beats import Hold, after, begin
from game.script import ScriptError, load_story, model
from game.script.reader import ScriptReader
from game.script.steps import registry
from game.script.steps.base import Compiled, Options, Run, StepKind


def test_every_compiled_step_class_is_in_the_registry():
    """The beats and `check` find every class of `Step` there: none is played by a hand-kept list."""
    assert set(typing.get_args(model.Step)) == set(registry.COMPILED)
    assert set(registry.STOPS) == set(model.STOPS)


def test_every_step_kind_is_told_to_writers():
    """Each kind's key appears in the writers' guide as `key:`."""
    guide = (ROOT / "docs" / "writing-scenes.md").read_text(encoding="utf-8")
    missing = [key for key in registry.KINDS if not re.search(rf"`-? ?{key}:", guide)]
    assert not missing, missing


@dataclass(frozen=True)
class Shake:
    """A step kind the engine does not have: the screen shakes for `seconds` (played here as a hold)."""

    seconds: float


def read_shake(reader: ScriptReader, path: str, node: yaml.Node, options: Options) -> Shake | None:
    seconds = reader.number(path, node, "shake", minimum=0.0)
    if seconds > 2:
        reader.error(path, node, "a shake lasts at most 2 seconds", "write e.g. `shake: 0.5`")
        return None
    return Shake(seconds)


def hold(step: Shake, run: Run) -> None:
    run.hold(step.seconds)


@pytest.fixture
def with_shake(monkeypatch):
    """The registry with one more kind: its module (above) plus its line."""
    kind = StepKind("shake", read_shake, (), (Compiled(Shake, hold),))
    monkeypatch.setitem(registry.KINDS, kind.key, kind)
    for made in kind.makes:
        monkeypatch.setitem(registry.COMPILED, made.type, made)


def test_a_new_kind_is_read_checked_and_played_from_its_registry_line(with_shake, scenes, asset_root):
    story, _ = load_story(scenes({"a.yaml": """
        script:
          - label: start
          - shake: 0.5
          - Steady again.
          - ending: Done
        """}), assets=asset_root)
    beat = begin(story)
    assert beat.text == "Steady again." and beat.lead_in == (Hold(0.5),)
    assert after(story, beat.state).text == "Done"


def test_a_new_kinds_own_check_is_reported_at_its_place(with_shake, scenes, asset_root):
    with pytest.raises(ScriptError) as caught:
        load_story(scenes({"a.yaml": """
            script:
              - label: start
              - shake: 5
              - ending: Done
            """}), assets=asset_root)
    assert [str(p.place).split("/")[-1] for p in caught.value.problems] == ["a.yaml:3:12"]
    assert "at most 2 seconds" in caught.value.problems[0].message


def test_without_its_line_the_kind_is_unknown(scenes, asset_root):
    with pytest.raises(ScriptError, match="unknown step kind or character 'shake'"):
        load_story(scenes({"a.yaml": "script:\n  - label: start\n  - shake: 0.5\n  - ending: Done\n"}), assets=asset_root)
