"""`flash: red 1.2`: the screen washes over with a colour and clears again (an alarm's lights).

Written `flash: COLOUR [SECONDS]` (SECONDS 1.0 when left out); COLOUR is `red`, `white`, `black`,
`amber` or `#rrggbb`. The story waits for it, as for a `wait:`. With transitions off or reduce
motion on, the wait is kept and the colour left out.
"""

from __future__ import annotations

import re

import yaml

from game.script.model import Flash
from game.script.problems import did_you_mean
from game.script.reader import ScriptReader
from game.script.steps.base import Compiled, Options, Run, StepKind, seconds_in

DEFAULT_SECONDS = 1.0
COLOURS = {"red": (200, 20, 24), "white": (255, 255, 255), "black": (0, 0, 0), "amber": (255, 150, 30)}
FORM = "write `flash: COLOUR SECONDS`, e.g. `flash: red 1.2` (colours: " + ", ".join(COLOURS) + ", or #rrggbb)"


def read_flash(reader: ScriptReader, path: str, node: yaml.Node, options: Options) -> Flash | None:
    text = reader.text(path, node, "`flash:`")
    if text is None:
        return None
    words = text.split()
    if len(words) not in (1, 2):
        reader.error(path, node, f"cannot read `flash: {text}`", FORM)
        return None
    colour = _colour(words[0])
    if colour is None:
        reader.error(path, node, f"unknown colour '{words[0]}'", did_you_mean(words[0], COLOURS) or FORM)
        return None
    seconds = seconds_in(words[1]) if len(words) == 2 else DEFAULT_SECONDS
    if seconds is None:
        reader.error(path, node, f"a flash takes a number of seconds, not '{words[1]}'", FORM)
        return None
    return Flash(colour, seconds)


def _colour(word: str) -> tuple[int, int, int] | None:
    if word in COLOURS:
        return COLOURS[word]
    if re.fullmatch(r"#[0-9a-fA-F]{6}", word):
        return int(word[1:3], 16), int(word[3:5], 16), int(word[5:7], 16)
    return None


def _wash(step: Flash, run: Run) -> None:
    run.flash(step.colour, step.seconds)


FLASH = StepKind("flash", read_flash, (), (Compiled(Flash, _wash),))
