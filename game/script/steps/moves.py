"""`move: ianto to door 0.8`: a character on screen walks to another position over a time.

Written `move: CHARACTER to POSITION [SECONDS]` (SECONDS 0.8 when left out). The character keeps
the expression it has; one not on screen when the move is played stays off it (nothing moves).
With transitions off or reduce motion on, the character is simply there, as every transition cuts.
"""

from __future__ import annotations

import yaml

from game.script.model import POSITIONS, Move, position_named
from game.script.problems import did_you_mean
from game.script.reader import ScriptReader
from game.script.steps.base import Compiled, Options, Run, StepKind, seconds_in

DEFAULT_SECONDS = 0.8
FORM = "write `move: CHARACTER to POSITION SECONDS`, e.g. `move: ianto to door 0.8` (positions: " + ", ".join(POSITIONS) + ")"


def read_move(reader: ScriptReader, path: str, node: yaml.Node, options: Options) -> Move | None:
    text = reader.text(path, node, "`move:`")
    if text is None:
        return None
    words = text.split()
    if len(words) not in (3, 4) or words[1] != "to":
        reader.error(path, node, f"cannot read `move: {text}`", FORM)
        return None
    character, position = words[0], position_named(words[2])
    if not reader.known_character(path, node, character):
        return None
    if position not in POSITIONS:
        reader.error(path, node, f"unknown position '{words[2]}'", did_you_mean(words[2], POSITIONS) or FORM)
        return None
    seconds = seconds_in(words[3], zero=True) if len(words) == 4 else DEFAULT_SECONDS
    if seconds is None:
        reader.error(path, node, f"a move takes a number of seconds, not '{words[3]}'", FORM)
        return None
    return Move(character, position, seconds)


def _walk(step: Move, run: Run) -> None:
    run.change(step)


MOVE = StepKind("move", read_move, (), (Compiled(Move, _walk),))
