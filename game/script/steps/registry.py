"""Every step kind of the script, in one list.

Where to add a step kind: write its module here in game/script/steps/ (see
`wait.py`, the smallest). In it, give the compiled step a frozen dataclass in
game/script/model.py (and add it to `Step` there); write its reader, a function
(reader, file, node, options) -> the step, or None after reporting each mistake
with `reader.error(...)` (its checks live there: names, files through
`reader.assets`, variables through `reader.condition`/`reader.assignment`);
write its effect, a function (step, run) that does to the `Run` what playing it
does (change the scene, hold, move `run.next` for a control step...); and
declare them together: `Compiled(TheStep, effect, stop=..., control=...,
ends_block=..., successors=...)` for its place in the story, and
`StepKind("key", reader, options, (compiled,))` for how it is written. Then add
that `StepKind` to `KINDS` below: one line. The compiler reads it, `game.beats`
plays it and `check` explores it from this list alone. Last, tell writers how to
use it in docs/writing-scenes.md.
"""

from __future__ import annotations

from game.script.steps import choices, flashes, jumps, lines, logic, moves, sounds, staging, wait
from game.script.steps.base import Compiled, StepKind

KINDS: dict[str, StepKind] = {
    kind.key: kind
    for kind in (
        lines.NARRATE,
        staging.BACKGROUND,
        staging.SCENE,
        staging.SHOW,
        staging.HIDE,
        moves.MOVE,
        flashes.FLASH,
        sounds.MUSIC,
        sounds.SOUND,
        wait.WAIT,
        jumps.LABEL_KIND,
        jumps.JUMP,
        choices.CHOICE,
        choices.ENDING,
        logic.SET,
        logic.IF,
        jumps.CALL,
        jumps.RETURN,
    )
}
#: Each compiled step class and what it is in the story.
COMPILED: dict[type, Compiled] = {made.type: made for kind in KINDS.values() for made in kind.makes}
#: The options a character's line takes (`jack: "Hello."` is a line, not a kind of its own).
LINE_OPTIONS = lines.OPTIONS
STOPS = tuple(t for t, made in COMPILED.items() if made.stop)
CONTROL = tuple(t for t, made in COMPILED.items() if made.control)
ENDS_BLOCK = tuple(t for t, made in COMPILED.items() if made.ends_block)
