"""Where the story goes: `label:` marks a place, `jump:` goes there, `call:` goes and comes back at `return:`."""

from __future__ import annotations

from collections.abc import Iterable

import yaml

from game.script.model import Call, Jump, Return, Story
from game.script.problems import Place
from game.script.reader import ScriptReader, is_null
from game.script.steps.base import LABEL, Compiled, Options, Run, ReturnWithoutCall, StepKind


def read_label(reader: ScriptReader, path: str, node: yaml.Node, options: Options) -> str:
    name = reader.name(path, node, "a label")
    if name is not None:
        if name in reader.labels:
            reader.error(path, node, f"label '{name}' is defined twice: here and at {reader.label_places[name]}", "rename one of them; labels are shared by all files")
        else:
            reader.labels[name] = len(reader.steps)
            reader.label_places[name] = Place.of(path, node)
    return LABEL


def read_jump(reader: ScriptReader, path: str, node: yaml.Node, options: Options) -> Jump | None:
    label = reader.label_target(path, node)
    return Jump(label) if label is not None else None


def read_call(reader: ScriptReader, path: str, node: yaml.Node, options: Options) -> Call | None:
    label = reader.label_target(path, node)
    return Call(label) if label is not None else None


def read_return(reader: ScriptReader, path: str, node: yaml.Node, options: Options) -> Return | None:
    if not is_null(node):
        reader.error(path, node, "`return:` takes nothing after it", "write `- return:` alone; to go to a label, use `- jump: LABEL`")
        return None
    return Return()


def _jump(step: Jump, run: Run) -> None:
    run.next = run.story.labels[step.label]


def _to_label(story: Story, index: int, step: Jump | Call) -> Iterable[int]:
    return (story.labels[step.label],)


# The call stack: a `call:` pushes where to come back to, its `return:` pops it.
def _call(step: Call, run: Run) -> None:
    run.calls = (*run.calls, run.at + 1)
    run.next = run.story.labels[step.label]


def _return(step: Return, run: Run) -> None:
    if not run.calls:
        raise ReturnWithoutCall
    run.next, run.calls = run.calls[-1], run.calls[:-1]


def return_points(story: Story) -> list[int]:
    """Every step a `return:` can go back to: the one after each `call:`."""
    return [i + 1 for i, step in enumerate(story.steps) if isinstance(step, Call)]


def _returns_to(story: Story, index: int, step: Return) -> Iterable[int]:
    return return_points(story)


LABEL_KIND = StepKind("label", read_label)
JUMP = StepKind("jump", read_jump, (), (Compiled(Jump, _jump, control=True, ends_block=True, successors=_to_label),))
CALL = StepKind("call", read_call, (), (Compiled(Call, _call, control=True, successors=_to_label),))
RETURN = StepKind("return", read_return, (), (Compiled(Return, _return, control=True, ends_block=True, successors=_returns_to),))
