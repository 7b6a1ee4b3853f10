"""Lines: `- "Narration."`, `- narrate: ...` and `- CHARACTER: "Dialogue."`, with `auto:`, `id:` and `voice:`."""

from __future__ import annotations

import re

import yaml

from game.script.model import Line
from game.script.problems import Place, Problem
from game.script.reader import ScriptReader
from game.script.steps.base import Compiled, Options, Run, StepKind

INK = re.compile(r"^(?:(->) *([A-Za-z_][\w.]*|END|DONE)|(~) *((?:temp +)?[A-Za-z_]\w* *[-+]?=[^=].*)|([*+]) *(\[.*))$")  # ink's divert, code line and choice, written as narration
OPTIONS = ("auto", "id", "voice")
JOIN = "<>"  # a line ending so runs on into the next line's text (ink's glue)
#: Narration that is probably a step with its colon forgotten (`show jack smile`): the step's
#: word, then what that step takes. Shaped tightly, so that "if only he knew" is left alone.
_WORD = r"[A-Za-z0-9_\-]+"
COMMAND_LIKE = re.compile(
    rf"^(?:(hide|scene|background|music|sound|jump|call|label) {_WORD}|(show) {_WORD}(?: {_WORD}){{1,5}}"
    rf"|(wait) \d+(?:\.\d+)?|(set) {_WORD} *[-+]?= *\S.*|(if) .*(?:==|!=|<|>|<=|>=).*|(play) {_WORD} {_WORD})$"
)


def read_line(reader: ScriptReader, path: str, speaker: str | None, node: yaml.Node, options: Options) -> Line | None:
    """A line said by `speaker` (a character id), or narration (None)."""
    text = reader.text(path, node, "a line")
    if text is None:
        return None
    join = text.endswith(JOIN)
    if JOIN in text.removesuffix(JOIN):
        at = text.index(JOIN)
        reader.problems.append(Problem(reader.place_in_text(path, node, at), "`<>` in the middle of a line is plain text here", "`<>` joins only at the very end of a line: end the line there, and go on in the next", warning=True))
    segments = reader.markup(path, node, text.removesuffix(JOIN) if join else text)
    auto = reader.number(path, options["auto"], "auto", minimum=0.0) if "auto" in options else None
    line_id = reader.name(path, options["id"], "a line id") if "id" in options else None
    if line_id is not None:
        if line_id in reader.id_places:
            reader.error(path, options["id"], f"line id '{line_id}' is used twice: here and at {reader.id_places[line_id]}", "give each line its own id")
        reader.id_places[line_id] = Place.of(path, options["id"])
    voice = reader.asset_name(path, options["voice"], "a voice file") if "voice" in options else None
    if voice is not None:
        reader.assets.sound(f"voice/{voice}", Place.of(path, options["voice"]), what="voice")
    return Line(speaker, segments, auto, line_id or "", voice, join)


def read_narration(reader: ScriptReader, path: str, node: yaml.Node, options: Options) -> Line | None:
    return read_line(reader, path, None, node, options)


def read_bare(reader: ScriptReader, path: str, node: yaml.ScalarNode) -> Line | None:
    """`- Some text.`: narration, with a warning when it looks like a step that lost its colon."""
    _looks_like_a_command(reader, path, node)
    return read_line(reader, path, None, node, {})


def _looks_like_a_command(reader: ScriptReader, path: str, node: yaml.ScalarNode) -> None:
    """Warn of narration that is probably a mistaken step (`show jack smile`, `return`, `$ x = 1`)."""
    text = node.value.strip()
    if text == "return":
        message, hint = "a bare `return` is narration, not a return from a call", "write `- return:` (with the colon) to go back to the `call:`; write `- narrate: return` if it is meant as text"
    elif text.startswith("$"):
        message, hint = f"`{text}` looks like a line of code, but it is narration here", "set a variable with `- set: x = 1` (declare it under `variables:`)"
    elif match := INK.match(text):
        message, hint = _from_ink(text, match)
    elif not node.style and (match := COMMAND_LIKE.match(text)):
        word = next(group for group in match.groups() if group)
        step = f"{text.split()[1]}: {text.split()[2]}" if word == "play" else f"{word}: {text[len(word):].strip()}"  # Ren'Py's `play music x`
        message, hint = f"`{text}` looks like a `{step.split(':')[0]}:` step with its colon missing, but it is narration here", f"write `- {step}`; if it is meant as text, write `- narrate: {text}`"
    else:
        return
    reader.problems.append(Problem(Place.of(path, node), message, hint, warning=True))


def _from_ink(text: str, match: re.Match[str]) -> tuple[str, str]:
    """What an ink writer's `-> label`, `~ x = 1` or `* [option]` is written as here."""
    mark, rest = next((match.group(n), match.group(n + 1).strip()) for n in (1, 3, 5) if match.group(n))
    if mark == "->":
        return f"`{text}` is ink's divert, but it is narration here", "write `- ending: NAME` to end the story" if rest in ("END", "DONE") else f"write `- jump: {rest}`"
    if mark == "~":
        return f"`{text}` is ink's code line, but it is narration here", f"write `- set: {rest.removeprefix('temp ').strip()}` (declare the variable under `variables:`)"
    return f"`{text}` is ink's choice, but it is narration here", "write `- choice:` with `options:`, each `- text: ...` with `jump: LABEL` or `do:` and its steps"


def _cues(step: Line, run: Run) -> None:
    run.cues(step)


LINE = Compiled(Line, _cues, stop=True)
NARRATE = StepKind("narrate", read_narration, OPTIONS, (LINE,))
