"""Variables at work: `set: trust += 1`, and `if:` with `then:` and `else:` blocks of steps."""

from __future__ import annotations

from collections.abc import Iterable

import yaml

from game.script import expressions
from game.script.model import Branch, Goto, Set, Story
from game.script.problems import Place
from game.script.reader import ScriptReader
from game.script.steps.base import PLACED, Compiled, Options, Run, StepKind


def read_set(reader: ScriptReader, path: str, node: yaml.Node, options: Options) -> Set | None:
    assignment = reader.assignment(path, node)
    return Set(assignment) if assignment else None


def read_if(reader: ScriptReader, path: str, node: yaml.Node, options: Options) -> str:
    """`if:` with `then:` and optionally `else:`, compiled in place into a branch around the blocks."""
    assert reader.item is not None
    place = Place.of(path, reader.item)
    condition = reader.condition(path, node)
    branch_at = reader.add(Goto(-1), place)  # replaced by the branch once the blocks' lengths are known
    then = options.get("then")
    if not isinstance(then, yaml.SequenceNode):
        reader.error(path, then or node, "an `if:` needs `then:`, a list of steps", "write `then:` under `if:`, with the steps below it each starting with '- '")
    else:
        reader.block(path, then)
    otherwise = options.get("else")
    goto_at = None
    if otherwise is not None:
        if not (len(reader.steps) > branch_at + 1 and reader.ends_block(reader.steps[-1])):
            goto_at = reader.add(Goto(-1), place)  # past the `else:` (not needed when `then:` ends in a jump)
        else_at = len(reader.steps)
        if not isinstance(otherwise, yaml.SequenceNode):
            reader.error(path, otherwise, "`else:` is a list of steps", "write the steps below it, each starting with '- '")
        else:
            reader.block(path, otherwise)
        if goto_at is not None:
            reader.steps[goto_at] = Goto(len(reader.steps))
    else:
        else_at = len(reader.steps)
    reader.steps[branch_at] = Branch(condition or expressions.Literal(False, 0), else_at, otherwise is not None)
    reader.branch_steps += [branch_at] if goto_at is None else [branch_at, goto_at]
    return PLACED


def _set(step: Set, run: Run) -> None:
    run.variables[step.assignment.name] = expressions.assign(step.assignment, run.variables)


def _branch(step: Branch, run: Run) -> None:
    if not expressions.evaluate(step.condition, run.variables):
        run.next = step.otherwise


def _either_way(story: Story, index: int, step: Branch) -> Iterable[int]:
    return (index + 1, step.otherwise) if index + 1 < len(story.steps) else ()


def _goto(step: Goto, run: Run) -> None:
    run.next = step.target


def _to_target(story: Story, index: int, step: Goto) -> Iterable[int]:
    return (step.target,)


SET = StepKind("set", read_set, (), (Compiled(Set, _set, control=True),))
IF = StepKind("if", read_if, ("then", "else"), (Compiled(Branch, _branch, control=True, successors=_either_way), Compiled(Goto, _goto, control=True, successors=_to_target)))
