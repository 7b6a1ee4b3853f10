"""What a step kind declares: `StepKind` (its YAML key, options and reader) and `Compiled`
(for each step class it makes: its effect on a story being played and its place in the story).

An effect acts on a `Run`, the story being played as a step sees it: where it is
(`at`), where it goes on from (`next`, `at + 1` unless the effect moves it), the
variables and the pending calls, and the beat's verbs (change the scene, hold,
music, sound). `game.beats` plays a `Run`; `game.script.flow` explores one with
real values for `check`, its verbs doing nothing.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol

import yaml

from game.script.expressions import Value
from game.script.model import Background, Hide, Line, Move, Music, Show, Step, Story
from game.script.reader import ScriptReader

#: What a reader gives besides a step or None: it read a label, or it put its own steps in (an `if:`).
LABEL = "label"
PLACED = "placed"
Read = Step | str | None
Options = dict[str, yaml.Node]
Reader = Callable[[ScriptReader, str, yaml.Node, Options], Read]


class ReturnWithoutCall(Exception):
    """A `return:` was reached with no `call:` to go back to."""


class Run(Protocol):
    """A story being played, as a step's effect sees it."""

    story: Story
    at: int  # the step being played
    next: int  # the step to go on from: `at + 1` unless the effect moves it
    variables: dict[str, Value]  # changed in place by `set:`
    calls: tuple[int, ...]  # where each pending `call:` returns to

    def change(self, step: Background | Show | Hide | Move) -> None:
        """The scene changes (with the step's transition; a move walks over its seconds)."""

    def cues(self, line: Line) -> None:
        """The line's `{show}` and `{hide}` cues change the scene as it is read."""

    def hold(self, seconds: float) -> None:
        """The story waits, the scene shown as it is."""

    def flash(self, colour: tuple[int, int, int], seconds: float) -> None:
        """The screen washes over with `colour` and clears, the story waiting meanwhile."""

    def play_music(self, step: Music) -> None:
        """The music changes."""

    def play_sound(self, name: str) -> None:
        """A sound plays."""


def nothing(step: Any, run: Run) -> None:
    """The effect of a step that changes nothing (a choice or an ending is where the player stops)."""


def on_to_next(story: Story, index: int, step: Any) -> Iterable[int]:
    """The story's shape after most steps: on to the next step, if there is one."""
    return (index + 1,) if index + 1 < len(story.steps) else ()


@dataclass(frozen=True)
class Compiled:
    """A class of compiled step: what playing it does, and where the story can go after it."""

    type: type
    effect: Callable[[Any, Run], None]  # (the step, the run); raises ReturnWithoutCall for a lost `return:`
    stop: bool = False  # the player stops here (a line, the choice, an ending): the beat ends at it
    control: bool = False  # it moves on at once, showing nothing (`set:`, `if:`, `jump:`, `call:`, `return:`)
    ends_block: bool = False  # nothing after it runs on from it: a block ending here cannot run off
    successors: Callable[[Story, int, Any], Iterable[int]] = on_to_next  # whatever the variables


@dataclass(frozen=True)
class StepKind:
    """A step a writer can write: `- KEY: value` with its options, read by `read`."""

    key: str
    read: Reader  # (reader, file, the value's node, the options) -> a step, LABEL, PLACED, or None after reporting
    options: tuple[str, ...] = ()  # what it takes besides its own key
    makes: tuple[Compiled, ...] = ()  # the step classes it compiles to


def seconds_in(word: str, *, zero: bool = False) -> float | None:
    """The number of seconds `word` says (a finite number above 0, or from 0 with `zero`), else None."""
    try:
        seconds = float(word)
    except ValueError:
        return None
    return seconds if (0 <= seconds if zero else 0 < seconds) and seconds < math.inf else None
