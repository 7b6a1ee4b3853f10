"""`wait: SECONDS`: the story holds, the scene shown as it is, before going on."""

from __future__ import annotations

import yaml

from game.script.model import Wait
from game.script.reader import ScriptReader
from game.script.steps.base import Compiled, Options, Run, StepKind


def read_wait(reader: ScriptReader, path: str, node: yaml.Node, options: Options) -> Wait:
    return Wait(reader.number(path, node, "wait", minimum=0.0))


def _hold(step: Wait, run: Run) -> None:
    run.hold(step.seconds)


WAIT = StepKind("wait", read_wait, (), (Compiled(Wait, _hold),))
