"""Reads every scene file, reports each mistake with its place, and compiles the story.

Parsing keeps PyYAML's nodes (not plain values) so every message can name the
file, line and column it is about. All problems are gathered before giving up,
so a writer sees every mistake in one run of `check`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from yaml.constructor import SafeConstructor

from game import ROOT
from game.script import expressions, markup
from game.script.assets import INTERFACE_FONTS, AssetCheck, sprite_names
from game.script.expressions import Assignment, Expr, ExpressionError, Value
from game.script.files import unreadable_characters
from game.script.flow import check_flow
from game.script.model import (
    CUT,
    DEFAULT_DURATION,
    POSITIONS,
    STOPS,
    TRANSITIONS,
    Background,
    Branch,
    Call,
    Character,
    Choice,
    Ending,
    Goto,
    Hide,
    Jump,
    Line,
    Music,
    Option,
    Return,
    Set,
    Show,
    Sound,
    Step,
    Story,
    Transition,
    Wait,
    position_named,
)
from game.script.problems import Place, Problem, ScriptError, did_you_mean
from game.script.yaml_guard import TooLarge, plain_value, read_scene, refusals

if TYPE_CHECKING:
    from game.folder import GameFolder

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader is many times faster

FILE_KEYS = ("variables", "characters", "script")
CHARACTER_KEYS = ("name", "colour", "expressions")
TRANSITION_OPTIONS = ("transition", "duration")
LINE_OPTIONS = ("auto", "id", "voice")
#: Each step kind and the options it takes (besides its own key).
STEP_OPTIONS: dict[str, tuple[str, ...]] = {
    "narrate": LINE_OPTIONS,
    "background": TRANSITION_OPTIONS,
    "scene": TRANSITION_OPTIONS,
    "show": TRANSITION_OPTIONS,
    "hide": TRANSITION_OPTIONS,
    "music": ("fade", "loop"),
    "sound": (),
    "wait": (),
    "label": (),
    "jump": (),
    "choice": ("options", "speaker"),
    "ending": (),
    "set": (),
    "if": ("then", "else"),
    "call": (),
    "return": (),
}
OPTION_FIELDS = ("text", "jump", "if", "set")
TERMINATORS = (Jump, Choice, Ending, Return)
#: Narration that is probably a step with its colon forgotten (`show jack smile`): the step's
#: word, then what that step takes. Shaped tightly, so that "if only he knew" is left alone.
_WORD = r"[A-Za-z0-9_\-]+"
COMMAND_LIKE = re.compile(
    rf"^(?:(hide|scene|background|music|sound|jump|call|label) {_WORD}|(show) {_WORD}(?: {_WORD}){{1,5}}"
    rf"|(wait) \d+(?:\.\d+)?|(set) {_WORD} *[-+]?= *\S.*|(if) .*(?:==|!=|<|>|<=|>=).*|(play) {_WORD} {_WORD})$"
)
NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_\-]*$")
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
QUOTE_HINT = "put the whole line in double quotes"


def load_story(folder: Path | None = None, *, assets: Path | None = None, game: GameFolder | None = None, thorough: bool = False) -> tuple[Story, list[Problem]]:
    """Load and check every `*.yaml` in `folder` (by default the game's `scenes/`).

    Pictures and sounds are looked for in `game` (a `GameFolder`; or, given only
    `assets`, a game in that folder; else the project's own). Returns the story
    and its warnings; raises `ScriptError` when there is any error. `thorough`
    (for `check`) loads every file in full, the interface's and fonts too, and
    warns about characters no font can draw.
    """
    from game.folder import GameFolder

    game = game or GameFolder(root=assets or ROOT, scenes=folder)
    folder = folder or game.scenes
    problems: list[Problem] = []
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise ScriptError([Problem(Place(shown_path(folder), 0, 0), f"the scenes folder {what}", "give the folder that holds the .yaml scene files")])
    files = sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))
    if not files:
        raise ScriptError([Problem(Place(shown_path(folder), 0, 0), "no scene files here", "add a .yaml file with a `script:` list")])
    compiler = Compiler(problems, AssetCheck(game, problems, thorough=thorough), game)
    documents = []
    for path in files:
        if (node := compose_file(path, problems)) is not None:
            documents.append((shown_path(path), compiler.sections(shown_path(path), node)))
    for shown, sections in documents:
        compiler.read_variables(shown, sections.get("variables"))
    for shown, sections in documents:
        compiler.read_characters(shown, sections.get("characters"))
    # A file YAML could not read hides its labels: do not report jumps to them as missing.
    all_read = not any(not p.warning for p in problems)
    for shown, sections in documents:
        compiler.read_script(shown, sections.get("script"))
    compiler.assets.interface(Place(shown_path(game.root / "game.yaml" if (game.root / "game.yaml").is_file() else game.root), 0, 0))
    story = compiler.story(Place(shown_path(folder), 0, 0), start=game.start, check_labels=all_read)
    if not any(not p.warning for p in problems):
        check_flow(story, problems, game.start)
    if thorough:
        fonts = compiler.assets.usable_fonts((*INTERFACE_FONTS, *game.fallback_fonts))  # issue 20: none from outside the game
        problems.extend(unreadable_characters(story, fonts))
    if any(not p.warning for p in problems):
        raise ScriptError(problems)
    return story, problems


def shown_path(path: Path) -> str:
    """The path as a writer would type it: relative to where they are, when it is below."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def compose_file(path: Path, problems: list[Problem]) -> yaml.Node | None:
    """The YAML nodes of one file (a mapping), or None after reporting why not."""
    shown = shown_path(path)
    try:
        data = read_scene(path)  # issue 20: refused past its size, unread
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = len(data[data.rfind(b"\n", 0, error.start) + 1 : error.start].decode("utf-8", "replace")) + 1
        problems.append(Problem(Place(shown, line, column), f"this file is not UTF-8 text: byte 0x{data[error.start]:02x} cannot be read", "save the file as UTF-8 (your editor's \"encoding\" setting)"))
        return None
    except OSError as error:
        problems.append(Problem(Place(shown, 0, 0), f"cannot read this file: {error.strerror or error}", "split it into smaller scene files" if isinstance(error, TooLarge) else "check that it is a readable file"))
        return None
    if refused := refusals(shown, text):  # issue 20: no YAML tags, no nesting deep enough to crash the composer
        problems.extend(refused)
        return None
    try:
        node = yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as error:
        problems.append(_yaml_problem(shown, text, error))
        return None
    except yaml.YAMLError as error:
        problems.append(Problem(Place(shown, 1, 1), f"cannot read this file: {error}", "save it as UTF-8 text"))
        return None
    if node is None:
        problems.append(Problem(Place(shown, 1, 1), "this file is empty", "add `script:` steps or delete it", warning=True))
        return None
    if not isinstance(node, yaml.MappingNode):
        problems.append(Problem(Place.of(shown, node), "a scene file is a mapping with `variables:`, `characters:` and/or `script:`", "start the file with `script:` and list the steps under it"))
        return None
    return node


def _yaml_problem(shown: str, text: str, error: yaml.MarkedYAMLError) -> Problem:
    """A YAML error placed where the writer made it, not where the parser noticed."""
    mark = error.problem_mark or error.context_mark
    if error.context_mark and "end of stream" in str(error.problem):
        mark = error.context_mark  # an unclosed quote: point at where it opened, not at the file's end
    place = Place(shown, mark.line + 1, mark.column + 1) if mark else Place(shown, 1, 1)
    message, hint = f"YAML syntax: {error.problem or error.context}", _yaml_hint(error)
    lacking = _line_missing_colon(text, error)
    if lacking is not None:
        line, column = lacking
        place, message, hint = Place(shown, line, column), "this line needs a ':' after its key (YAML read the next line as part of it)", "write `key: value`, e.g. `name: Jack`"
    return Problem(place, message, hint)


def _line_missing_colon(text: str, error: yaml.MarkedYAMLError) -> tuple[int, int] | None:
    """(line, column) where a key's ':' is missing, when that is what upset YAML.

    `options` over `  - text: ...` makes YAML look for the ':' of the key it began
    (its context mark is on the writer's line); `  jack` over `    name: Jack`, or
    `name Jack` over `colour: ...`, makes the next line's ':' the one YAML complains of.
    """
    lines = text.splitlines()
    if "could not find expected ':'" in str(error.problem) and error.context_mark is not None:
        line, column = error.context_mark.line, error.context_mark.column
        return (line + 1, _after_key(lines[line], column)) if line < len(lines) else None
    if "mapping values are not allowed" not in str(error.problem) or error.problem_mark is None:
        return None
    at = error.problem_mark.line
    if at >= len(lines) or ": " in lines[at][: error.problem_mark.column]:
        return None  # the colon that upset YAML is the second on its own line: a quoting problem
    above = at - 1
    while above >= 0 and not lines[above].strip():
        above -= 1
    if above < 0:
        return None
    previous = lines[above]
    indent = len(previous) - len(previous.lstrip())
    below = len(lines[at]) - len(lines[at].lstrip())
    key = indent
    if previous.lstrip().startswith("- "):  # `  - show jack` over `    transition: fade`: the step lacks its ':'
        if below <= indent:
            return None
        key = len(previous) - len(previous[indent + 2 :].lstrip())
    if ":" in previous or previous[key:].startswith(("#", '"', "'", "- ")) or indent > below:
        return None
    return above + 1, _after_key(previous, key)


def _after_key(line: str, start: int) -> int:
    """The 1-based column just after the word starting at `start`: where its ':' belongs."""
    end = start
    while end < len(line) and not line[end].isspace():
        end += 1
    return end + 1


def _yaml_hint(error: yaml.MarkedYAMLError) -> str:
    text = f"{error.problem} {error.context}"
    if "mapping values" in text:
        return "a line of text with ': ' in it must be quoted; otherwise check the indentation"
    if "found character" in text and "\\t" in text:
        return "indent with spaces, not tabs"
    if "could not find expected ':'" in text or "simple key" in text:
        return "check for an unclosed quote or a missing ':'"
    if "found undefined alias" in text:
        return "a '*' at the start of a line must be quoted"
    return "check the quotes and indentation on this line and the one before"


class Compiler:
    """Turns the composed YAML of every file into one `Story`, noting problems as it goes."""

    def __init__(self, problems: list[Problem], assets: AssetCheck, game: GameFolder) -> None:
        self.problems = problems
        self.assets = assets
        self.game = game
        self.variables: dict[str, Value] = {}
        self.variable_places: dict[str, Place] = {}
        self._item: yaml.Node | None = None  # the step being read (an `if:` is placed at it)
        self.branch_steps: list[int] = []  # where each `if:` put a Branch or Goto
        self.characters: dict[str, Character] = {}
        self.character_places: dict[str, Place] = {}
        self.steps: list[Step] = []
        self.places: list[Place] = []
        self.labels: dict[str, int] = {}
        self.label_places: dict[str, Place] = {}
        self.id_places: dict[str, Place] = {}
        self.jumps: list[tuple[str, Place]] = []
        self._constructor = SafeConstructor()

    # -- reporting -------------------------------------------------------
    def error(self, path: str, node: yaml.Node, message: str, hint: str = "") -> None:
        self.problems.append(Problem(Place.of(path, node), message, hint))

    # -- files -----------------------------------------------------------
    def sections(self, path: str, node: yaml.MappingNode) -> dict[str, yaml.Node]:
        """A file's `characters:` and `script:` sections."""
        sections = {}
        for key, value in self._pairs(path, node):
            if key.value not in FILE_KEYS:
                self.error(path, key, f"unknown section '{key.value}'", did_you_mean(key.value, FILE_KEYS))
            else:
                sections[key.value] = value
        return sections

    def read_variables(self, path: str, section: yaml.Node | None) -> None:
        """`variables:`, each name with its starting value: true/false, a number or text."""
        if section is None:
            return
        if not isinstance(section, yaml.MappingNode):
            self.error(path, section, "`variables:` is a mapping of names to starting values", "write e.g. `trust: 0` on its own line under it")
            return
        for key, value in section.value:
            name = getattr(key, "value", "")
            if not isinstance(key, yaml.ScalarNode) or not expressions.NAME.match(name) or name in expressions.KEYWORDS:
                self.error(path, key, f"a variable's name must be one word of letters, digits and _ (not starting with a digit), not {text_of(key)!r}", "e.g. `met_jack: false`")
                continue
            if name in self.variables:
                self.error(path, key, f"variable '{name}' is declared twice: here and at {self.variable_places[name]}", "declare each variable once, in any one file")
                continue
            start = self._value(value) if isinstance(value, yaml.ScalarNode) else None
            if isinstance(start, float) and not math.isfinite(start) or not isinstance(start, (bool, int, float, str)):
                self.error(path, value, f"variable '{name}' needs a starting value: true/false, a number or text", f"write e.g. `{name}: 0`, `{name}: false` or `{name}: \"\"`")
                continue
            self.variables[name] = start
            self.variable_places[name] = Place.of(path, key)

    def read_characters(self, path: str, section: yaml.Node | None) -> None:
        if section is None:
            return
        if not isinstance(section, yaml.MappingNode):
            self.error(path, section, "`characters:` is a mapping of ids to characters", "write `jack:` on its own line, then `name:`, `colour:` and `expressions:` under it")
            return
        for key, value in self._pairs(path, section):
            self._character(path, key, value)

    def _character(self, path: str, key: yaml.ScalarNode, node: yaml.Node) -> None:
        cid = key.value
        if not self._is_name(path, key, "a character id"):
            return
        if cid in STEP_OPTIONS:
            self.error(path, key, f"'{cid}' is a step kind, so it cannot be a character id", f"call the character something else, e.g. '{cid}_'")
            return
        if cid in self.characters:
            first = self.character_places[cid]
            self.error(path, key, f"character '{cid}' is defined twice: here and at {first}", "keep one of them, or give this one another id")
            return
        if not isinstance(node, yaml.MappingNode):
            self.error(path, node, f"character '{cid}' needs `name:`, `colour:` and `expressions:`", "put them on the lines below, indented")
            return
        fields = {}
        for field_key, value in self._pairs(path, node):
            if field_key.value not in CHARACTER_KEYS:
                self.error(path, field_key, f"unknown character field '{field_key.value}'", did_you_mean(field_key.value, CHARACTER_KEYS))
            fields[field_key.value] = value
        name = self._text(path, fields["name"], "a character's name") if "name" in fields else cid.capitalize()
        colour = self._colour(path, fields.get("colour"))
        if "expressions" in fields:
            pictures = self._expressions(path, cid, fields["expressions"], node)
        else:
            pictures = sprite_names(self.game, cid)  # no list: the pictures in its folder (none: a voice)
        self.characters[cid] = Character(cid, name or cid, colour, pictures)
        self.character_places[cid] = Place.of(path, key)

    def _colour(self, path: str, node: yaml.Node | None) -> tuple[int, int, int]:
        if node is None:
            return (220, 220, 220)
        value = node.value if isinstance(node, yaml.ScalarNode) else ""
        if not COLOUR.match(str(value)):
            self.error(path, node, f"colour {value!r} is not a colour", 'write it as "#rrggbb" in quotes, e.g. "#7fb2e5"')
            return (220, 220, 220)
        return (int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16))

    def _expressions(self, path: str, cid: str, node: yaml.Node, owner: yaml.Node) -> tuple[str, ...]:
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            self.error(path, node, f"character '{cid}' needs a list of expressions", "write e.g. `expressions: [neutral, smile, sad]`, or leave the line out to use the pictures in its folder")
            return ()
        names = []
        in_folder = sprite_names(self.game, cid)
        for item in node.value:
            if self._is_name(path, item, "an expression"):
                names.append(item.value)
                self.assets.sprite(cid, item.value, Place.of(path, item), known=in_folder)
        return tuple(names)

    def read_script(self, path: str, script: yaml.Node | None) -> None:
        if script is None:
            return
        if not isinstance(script, yaml.SequenceNode):
            self.error(path, script, "`script:` is a list of steps", "start each step on its own line with '- '")
            return
        first = len(self.steps)
        last, label_at_end = self._block(path, script)
        if label_at_end is not None:
            self.error(path, label_at_end, "this label is at the very end of the file, with nothing after it", "put the steps for this label after it, or remove it")
        elif last is None:
            self.error(path, script, "`script:` has no steps", "add steps, starting with `- label: NAME`")
        elif last[0] is not None and self._runs_off(first):
            self.error(path, last[1], "the story runs off the end of the file after this step", "end the script with `- jump: LABEL`, a `choice:`, an `ending:` or a `return:`")

    def _block(self, path: str, script: yaml.SequenceNode) -> tuple[tuple[object, yaml.Node] | None, yaml.Node | None]:
        """Compile a list of steps; gives the last step read with its node, and a label left at the end."""
        last: tuple[object, yaml.Node] | None = None
        label_at_end: yaml.Node | None = None
        for item in script.value:
            self._item = item
            step, label_at_end = self._step(path, item), None
            if step == "label":
                label_at_end = item
                continue
            if isinstance(step, STEP_TYPES):
                self.steps.append(step)
                self.places.append(Place.of(path, item))
            last = (step, item)
        return last, label_at_end

    def _runs_off(self, first: int) -> bool:
        """Whether the steps from `first` to the end can go on past the end (a last line, an `if:` falling out)."""
        end = len(self.steps)
        if end == first or not isinstance(self.steps[-1], TERMINATORS):
            return True
        branches = (self.steps[i] for i in self.branch_steps if i >= first)
        return any(isinstance(step, Branch) and step.otherwise == end or isinstance(step, Goto) and step.target == end for step in branches)

    # -- steps -----------------------------------------------------------
    def _step(self, path: str, node: yaml.Node) -> Step | str | None:
        if isinstance(node, yaml.ScalarNode):
            self._looks_like_a_command(path, node)
            return self._line(path, None, node, {})
        if not isinstance(node, yaml.MappingNode):
            self.error(path, node, "a step is a line of text or a `kind: value` mapping", QUOTE_HINT + " if this is a line of text")
            return None
        pairs = self._pairs(path, node)
        kinds = [(k, v) for k, v in pairs if k.value in STEP_OPTIONS or k.value in self.characters]
        if not kinds:
            key = pairs[0][0] if pairs else node
            word = getattr(key, "value", "")
            hint = QUOTE_HINT + ": a line of text with ': ' in it reads as a key" if " " in word else did_you_mean(word, [*STEP_OPTIONS, *self.characters])
            self.error(path, key, f"unknown step kind or character '{word}'", hint)
            return None
        if len(kinds) > 1:
            names = " and ".join(f"'{k.value}'" for k, _ in kinds)
            self.error(path, kinds[1][0], f"one step has two kinds, {names}", "split them into two steps, each starting with '- '")
            return None
        kind_key, value = kinds[0]
        kind = kind_key.value
        allowed = LINE_OPTIONS if kind in self.characters else STEP_OPTIONS[kind]
        options = {}
        for key, option in pairs:
            if key is kind_key:
                continue
            if key.value in allowed:
                options[key.value] = option
            else:
                extra = did_you_mean(key.value, allowed) if allowed else f"'{kind}' takes no options"
                self.error(path, key, f"unknown option '{key.value}' for a {kind} step", extra)
        if kind in self.characters:
            return self._line(path, kind, value, options)
        return self._READERS[kind](self, path, value, options)

    def _looks_like_a_command(self, path: str, node: yaml.ScalarNode) -> None:
        """Warn of narration that is probably a mistaken step (`show jack smile`, `return`, `$ x = 1`)."""
        text = node.value.strip()
        if text == "return":
            message, hint = "a bare `return` is narration, not a return from a call", "write `- return:` (with the colon) to go back to the `call:`; write `- narrate: return` if it is meant as text"
        elif text.startswith("$"):
            message, hint = f"`{text}` looks like a line of code, but it is narration here", "set a variable with `- set: x = 1` (declare it under `variables:`)"
        elif not node.style and (match := COMMAND_LIKE.match(text)):
            word = next(group for group in match.groups() if group)
            step = f"{text.split()[1]}: {text.split()[2]}" if word == "play" else f"{word}: {text[len(word):].strip()}"  # Ren'Py's `play music x`
            message, hint = f"`{text}` looks like a `{step.split(':')[0]}:` step with its colon missing, but it is narration here", f"write `- {step}`; if it is meant as text, write `- narrate: {text}`"
        else:
            return
        self.problems.append(Problem(Place.of(path, node), message, hint, warning=True))

    def _line(self, path: str, speaker: str | None, node: yaml.Node, options: dict[str, yaml.Node]) -> Line | None:
        text = self._text(path, node, "a line")
        if text is None:
            return None
        segments = self._markup(path, node, text)
        auto = self._number(path, options["auto"], "auto", minimum=0.0) if "auto" in options else None
        line_id = ""
        if "id" in options and self._is_name(path, options["id"], "a line id"):
            line_id = options["id"].value
            if line_id in self.id_places:
                self.error(path, options["id"], f"line id '{line_id}' is used twice: here and at {self.id_places[line_id]}", "give each line its own id")
            self.id_places[line_id] = Place.of(path, options["id"])
        voice = self._asset_name(path, options["voice"], "a voice file") if "voice" in options else None
        if voice is not None:
            self.assets.sound(f"voice/{voice}", Place.of(path, options["voice"]), what="voice")
        return Line(speaker, segments, auto, line_id, voice)

    def _narrate(self, path: str, node: yaml.Node, options: dict[str, yaml.Node]) -> Line | None:
        return self._line(path, None, node, options)

    def _markup(self, path: str, node: yaml.ScalarNode, text: str) -> tuple[markup.Segment, ...]:
        try:
            segments = markup.parse(text)
        except markup.MarkupError as error:
            self._error_in_text(path, node, error.offset, str(error), error.hint)
            return ()
        checked = []
        for segment in segments:
            if isinstance(segment, markup.Cue):
                segment = self._cue(path, node, segment)
            elif isinstance(segment, markup.Var):
                self._declared(path, node, segment.name, segment.offset + 1)
            checked.append(segment)
        return tuple(checked)

    def _error_in_text(self, path: str, node: yaml.ScalarNode, offset: int, message: str, hint: str) -> None:
        place = Place.of(path, node)
        if node.style in ('"', "'", None, "") and "\n" not in text_of(node):
            escaped = {'"': '"\\', "'": "'"}.get(node.style, "")  # characters written twice or with a backslash
            written = offset + sum(text_of(node)[:offset].count(c) for c in escaped)
            place = Place(place.path, place.line, place.col + written + (1 if node.style else 0))
        self.problems.append(Problem(place, message, hint))

    def _cue(self, path: str, node: yaml.ScalarNode, cue: markup.Cue) -> markup.Cue:
        """The cue checked; a `{show}` comes back as (character, expression[, "at", position]) with its transition."""
        if cue.kind == "show":
            shown = self._show_words(path, node, cue.words, transition=True)
            if shown is None:
                return cue
            character, expression, position, transition = shown
            words = (character, expression, "at", position) if position else (character, expression)
            return markup.Cue("show", words, transition.style, transition.duration)
        if cue.kind == "hide":
            self._known_character(path, node, cue.words[0])
        else:
            self.assets.sound(cue.words[0], Place.of(path, node))
        return cue

    def _background(self, path: str, node: yaml.Node, options: dict[str, yaml.Node], *, clears: bool = False) -> Background | None:
        name = self._asset_name(path, node, "a background")
        if name is None:
            return None
        self.assets.background(name, Place.of(path, node))
        return Background(name, self._transition(path, options), clears)

    def _scene(self, path: str, node: yaml.Node, options: dict[str, yaml.Node]) -> Background | None:
        return self._background(path, node, options, clears=True)

    def _show(self, path: str, node: yaml.Node, options: dict[str, yaml.Node]) -> Show | None:
        text = self._text(path, node, "`show:`")
        shown = self._show_words(path, node, tuple(text.split())) if text is not None else None
        if shown is None:
            return None
        character, expression, position, _ = shown
        return Show(character, expression, position, self._transition(path, options))

    def _show_words(self, path: str, node: yaml.Node, words: tuple[str, ...], *, transition: bool = False) -> tuple[str, str, str | None, Transition] | None:
        """CHARACTER ATTRIBUTE... [at POSITION], and inside a line [TRANSITION [SECONDS]] after it."""
        rest, how = list(words), CUT
        if transition:
            rest, how = self._trailing_transition(path, node, rest)
        position, fine = None, True
        if len(rest) >= 2 and rest[-2] == "at":
            position = position_named(rest[-1])
            if position not in POSITIONS:
                self.error(path, node, f"unknown position '{rest[-1]}'", did_you_mean(rest[-1], POSITIONS))
                fine = False
            rest = rest[:-2]
        if len(rest) < 2 or "at" in rest:
            self.error(path, node, f"cannot read `show {' '.join(words)}`", "write CHARACTER EXPRESSION (attributes may follow, as in `sylvie green smile`), optionally followed by `at left`, `at centre` or `at right`")
            return None
        character, expression = rest[0], "_".join(rest[1:])
        if not self._known_character(path, node, character):
            return None
        known = self.characters[character].expressions
        if not known:
            self.error(path, node, f"'{character}' has no pictures, so cannot be shown", f"add pictures under art/sprites/{character}/ (e.g. {expression}.png), or leave out the `show`")
            return None
        if expression not in known:
            self.error(path, node, f"'{character}' has no expression '{expression}'", did_you_mean(expression, known))
            return None
        return (character, expression, position, how) if fine else None

    def _trailing_transition(self, path: str, node: yaml.Node, words: list[str]) -> tuple[list[str], Transition]:
        """A cue's closing `dissolve 1.0` (or `fade`, or `dissolve` alone), taken off its words."""
        seconds = None
        if len(words) >= 3 and words[-2] in TRANSITIONS:
            try:
                seconds = float(words[-1])
            except ValueError:
                seconds = None
            if seconds is not None and not 0 <= seconds < math.inf:
                self.error(path, node, f"the transition's duration must be a number of seconds, not {words[-1]}", "write e.g. {show ianto hurt dissolve 1.0}")
                seconds = 0.0
            if seconds is not None:
                words = words[:-1]
        if len(words) >= 3 and words[-1] in TRANSITIONS:
            style = words[-1]
            return words[:-1], Transition(style, DEFAULT_DURATION[style] if seconds is None else seconds) if style != "cut" else CUT
        return words, CUT

    def _known_character(self, path: str, node: yaml.Node, character: str) -> bool:
        if character in self.characters:
            return True
        self.error(path, node, f"unknown character '{character}'", did_you_mean(character, self.characters) or "define it under `characters:`")
        return False

    def _hide(self, path: str, node: yaml.Node, options: dict[str, yaml.Node]) -> Hide | None:
        text = self._text(path, node, "`hide:`")
        if text is None or not self._known_character(path, node, text.strip()):
            return None
        return Hide(text.strip(), self._transition(path, options))

    def _transition(self, path: str, options: dict[str, yaml.Node]) -> Transition:
        node = options.get("transition")
        style = "cut"
        if node is not None:
            style = node.value if isinstance(node, yaml.ScalarNode) else ""
            if style not in TRANSITIONS:
                self.error(path, node, f"unknown transition '{style}'", did_you_mean(style, TRANSITIONS))
                return CUT
        duration = DEFAULT_DURATION[style]
        if "duration" in options:
            if style == "cut":
                self.error(path, options["duration"], "a duration needs a transition", "add `transition: fade` or `transition: dissolve`")
            else:
                duration = self._number(path, options["duration"], "duration", minimum=0.0)
        return Transition(style, duration) if style != "cut" else CUT

    def _music(self, path: str, node: yaml.Node, options: dict[str, yaml.Node]) -> Music | None:
        name = self._asset_name(path, node, "music")
        if name is None:
            return None
        fade = self._number(path, options["fade"], "fade", minimum=0.0) if "fade" in options else 1.0
        loop = self._bool(path, options["loop"], "loop") if "loop" in options else True
        if name == "stop":
            return Music(None, fade, loop)
        self.assets.sound(name, Place.of(path, node), what="music")
        return Music(name, fade, loop)

    def _sound(self, path: str, node: yaml.Node, options: dict[str, yaml.Node]) -> Sound | None:
        name = self._asset_name(path, node, "a sound")
        if name is None:
            return None
        self.assets.sound(name, Place.of(path, node))
        return Sound(name)

    def _wait(self, path: str, node: yaml.Node, options: dict[str, yaml.Node]) -> Wait:
        return Wait(self._number(path, node, "wait", minimum=0.0))

    def _label(self, path: str, node: yaml.Node, options: dict[str, yaml.Node]) -> str:
        if self._is_name(path, node, "a label"):
            name = node.value
            if name in self.labels:
                self.error(path, node, f"label '{name}' is defined twice: here and at {self.label_places[name]}", "rename one of them; labels are shared by all files")
            else:
                self.labels[name] = len(self.steps)
                self.label_places[name] = Place.of(path, node)
        return "label"

    def _jump(self, path: str, node: yaml.Node, options: dict[str, yaml.Node]) -> Jump | None:
        if not self._is_name(path, node, "a label"):
            return None
        self.jumps.append((node.value, Place.of(path, node)))
        return Jump(node.value)

    def _choice(self, path: str, node: yaml.Node, options: dict[str, yaml.Node]) -> Choice | None:
        prompt = "" if _is_null(node) else self._text(path, node, "the choice's prompt")
        segments = self._markup(path, node, prompt) if prompt else ()
        speaker = None
        if "speaker" in options and self._is_name(path, options["speaker"], "a speaker") and self._known_character(path, options["speaker"], options["speaker"].value):
            speaker = options["speaker"].value
        listed = options.get("options")
        if not isinstance(listed, yaml.SequenceNode) or not listed.value:
            self.error(path, listed or node, "a choice needs `options:`, a list of at least one", "add `options:` with `- text: ...` and `jump: LABEL` for each")
            return None
        picked = [self._option(path, item) for item in listed.value]
        if prompt is None or None in picked:
            return None
        return Choice(prompt, tuple(picked), speaker=speaker, segments=segments)  # type: ignore[arg-type]

    def _option(self, path: str, node: yaml.Node) -> Option | None:
        pairs = self._pairs(path, node) if isinstance(node, yaml.MappingNode) else []
        fields = {k.value: v for k, v in pairs}
        if "text" not in fields or "jump" not in fields:
            self.error(path, node, "an option needs `text:` and `jump:`", "write `- text: Let him go.` and, below it, `  jump: LABEL`")
            return None
        for key, _ in pairs:
            if key.value not in OPTION_FIELDS:
                self.error(path, key, f"unknown option field '{key.value}'", did_you_mean(key.value, OPTION_FIELDS))
        text = self._text(path, fields["text"], "an option's text")
        if text is not None and not text.strip():
            self.error(path, fields["text"], "an option's text is empty", "write what the player picks, e.g. `text: Stay.`")
            text = None
        segments = self._markup(path, fields["text"], text) if text and ("{" in text or "[" in text) else ()
        target = self._jump(path, fields["jump"], {})
        condition = self._condition(path, fields["if"]) if "if" in fields else None
        sets = self._assignments(path, fields["set"]) if "set" in fields else ()
        if text is None or target is None or condition is False or sets is None:
            return None
        return Option(text, target.label, condition, sets, segments)

    def _ending(self, path: str, node: yaml.Node, options: dict[str, yaml.Node]) -> Ending | None:
        name = self._text(path, node, "the ending's name")
        segments = self._markup(path, node, name) if name and ("{" in name or "[" in name) else ()
        return Ending(name, segments=segments) if name else None

    # -- variables, conditions, calls --------------------------------------
    def _expression(self, path: str, node: yaml.Node, parse: Callable[[str], object]) -> object | None:
        """Parse the node's text with `parse`, reporting a syntax error at its column."""
        text = self._text(path, node, "an expression")
        if text is None:
            return None
        try:
            return parse(text)
        except ExpressionError as error:
            self._error_in_text(path, node, error.offset, str(error), error.hint)
            return None

    def _kind(self, path: str, node: yaml.Node, expr: Expr) -> str | None:
        """The kind of value `expr` gives, after reporting undeclared names and type clashes."""
        fine = all([self._declared(path, node, name.name, name.offset) for name in expressions.names(expr)])
        kinds = {name: expressions.kind_of(value) for name, value in self.variables.items()}
        try:
            kind = expressions.type_of(expr, kinds)
        except ExpressionError as error:
            self._error_in_text(path, node, error.offset, str(error), error.hint)
            return None
        return kind if fine else None

    def _declared(self, path: str, node: yaml.Node, name: str, offset: int) -> bool:
        if name in self.variables:
            return True
        hint = did_you_mean(name, self.variables)
        self._error_in_text(path, node, offset, f"variable '{name}' is never declared", hint if "did you mean" in hint else f"declare it under `variables:` with its starting value, e.g. `{name}: 0`")
        return False

    def _condition(self, path: str, node: yaml.Node) -> Expr | bool:
        """A condition's tree, or False when it has a mistake (reported)."""
        expr = self._expression(path, node, expressions.parse)
        if expr is None:
            return False
        kind = self._kind(path, node, expr)  # type: ignore[arg-type]
        if kind is not None and kind != expressions.BOOL:
            self._error_in_text(path, node, 0, f"a condition must be true or false, but this gives {kind}", "compare it, e.g. `trust >= 2` or `name == \"Ianto\"`")
            return False
        return expr if kind is not None else False  # type: ignore[return-value]

    def _assignment(self, path: str, node: yaml.Node) -> Assignment | None:
        assignment = self._expression(path, node, expressions.parse_assignment)
        if not isinstance(assignment, Assignment) or not self._declared(path, node, assignment.name, assignment.offset):
            return None
        value = self._kind(path, node, assignment.value)
        target = expressions.kind_of(self.variables[assignment.name])
        if value is None:
            return None
        allowed = (expressions.NUMBER,) if assignment.op == "-=" else (expressions.NUMBER, expressions.TEXT) if assignment.op == "+=" else (target,)
        if target not in allowed or value != target:
            self._error_in_text(path, node, assignment.offset, f"type clash: '{assignment.name}' holds {target}, so `{assignment.op}` cannot give it {value}", f"give '{assignment.name}' {target}" if target in allowed else f"`{assignment.op}` works on numbers only")
            return None
        return assignment

    def _assignments(self, path: str, node: yaml.Node) -> tuple[Assignment, ...] | None:
        """An option's `set:`: one assignment, or a list of them."""
        items = node.value if isinstance(node, yaml.SequenceNode) else [node]
        done = [self._assignment(path, item) for item in items]
        return None if None in done else tuple(done)  # type: ignore[arg-type]

    def _set(self, path: str, node: yaml.Node, options: dict[str, yaml.Node]) -> Set | None:
        assignment = self._assignment(path, node)
        return Set(assignment) if assignment else None

    def _if(self, path: str, node: yaml.Node, options: dict[str, yaml.Node]) -> str:
        """`if:` with `then:` and optionally `else:`, compiled in place into a branch around the blocks."""
        place = Place.of(path, self._item)
        condition = self._condition(path, node)
        branch_at = len(self.steps)
        self.steps.append(Goto(-1))  # replaced by the branch once the blocks' lengths are known
        self.places.append(place)
        then = options.get("then")
        if not isinstance(then, yaml.SequenceNode):
            self.error(path, then or node, "an `if:` needs `then:`, a list of steps", "write `then:` under `if:`, with the steps below it each starting with '- '")
        else:
            self._block(path, then)
        otherwise = options.get("else")
        goto_at = None
        if otherwise is not None:
            if not (len(self.steps) > branch_at + 1 and isinstance(self.steps[-1], TERMINATORS)):
                goto_at = len(self.steps)  # past the `else:` (not needed when `then:` ends in a jump)
                self.steps.append(Goto(-1))
                self.places.append(place)
            else_at = len(self.steps)
            if not isinstance(otherwise, yaml.SequenceNode):
                self.error(path, otherwise, "`else:` is a list of steps", "write the steps below it, each starting with '- '")
            else:
                self._block(path, otherwise)
            if goto_at is not None:
                self.steps[goto_at] = Goto(len(self.steps))
        else:
            else_at = len(self.steps)
        self.steps[branch_at] = Branch(condition or expressions.Literal(False, 0), else_at, otherwise is not None)
        self.branch_steps += [branch_at] if goto_at is None else [branch_at, goto_at]
        return "block"

    def _call(self, path: str, node: yaml.Node, options: dict[str, yaml.Node]) -> Call | None:
        jump = self._jump(path, node, options)
        return Call(jump.label) if jump else None

    def _return(self, path: str, node: yaml.Node, options: dict[str, yaml.Node]) -> Return | None:
        if not _is_null(node):
            self.error(path, node, "`return:` takes nothing after it", "write `- return:` alone; to go to a label, use `- jump: LABEL`")
            return None
        return Return()

    _READERS: dict[str, Callable[..., Step | str | None]] = {
        "set": _set,
        "if": _if,
        "call": _call,
        "return": _return,
        "scene": _scene,
        "narrate": _narrate,
        "background": _background,
        "show": _show,
        "hide": _hide,
        "music": _music,
        "sound": _sound,
        "wait": _wait,
        "label": _label,
        "jump": _jump,
        "choice": _choice,
        "ending": _ending,
    }

    # -- values ----------------------------------------------------------
    def _pairs(self, path: str, node: yaml.MappingNode) -> list[tuple[yaml.ScalarNode, yaml.Node]]:
        """The mapping's pairs; a key used twice is reported, and only the first one kept."""
        seen: dict[str, yaml.Node] = {}
        pairs = []
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode):
                self.error(path, key, "a key must be a plain word", QUOTE_HINT)
                continue
            if key.value in seen:
                first = Place.of(path, seen[key.value])
                self.error(path, key, f"'{key.value}' is given twice in one mapping (first at line {first.line})", "keep one; to make two steps, start each with '- '")
                continue
            seen[key.value] = key
            pairs.append((key, value))
        return pairs

    def _text(self, path: str, node: yaml.Node, what: str) -> str | None:
        if isinstance(node, yaml.ScalarNode) and node.tag != "tag:yaml.org,2002:null":
            # A `|` or `>` block ends in a newline the writer did not mean as an empty last line.
            return node.value.rstrip("\n") if node.style in ("|", ">") else node.value
        if isinstance(node, yaml.ScalarNode):
            self.error(path, node, f"{what} is empty", "write the text after the ':'")
        else:
            self.error(path, node, f"{what} must be text, but YAML read a {'list' if isinstance(node, yaml.SequenceNode) else 'mapping'} here", f"{QUOTE_HINT} (text starting with '{{' or '[' or containing ': ' needs them)")
        return None

    def _value(self, node: yaml.Node) -> object:
        return plain_value(self._constructor, node)  # issue 20: never raises; a number past the bound is no value

    def _number(self, path: str, node: yaml.Node, what: str, *, minimum: float) -> float:
        value = self._value(node) if isinstance(node, yaml.ScalarNode) else None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < minimum:
            self.error(path, node, f"{what} must be a number of seconds, not {text_of(node)!r}", f"write e.g. `{what}: 1.5`")
            return 0.0
        return float(value)

    def _bool(self, path: str, node: yaml.Node, what: str) -> bool:
        value = self._value(node) if isinstance(node, yaml.ScalarNode) else None
        if not isinstance(value, bool):
            self.error(path, node, f"{what} must be true or false", f"write `{what}: false`")
            return True
        return value

    def _is_name(self, path: str, node: yaml.Node, what: str) -> bool:
        if isinstance(node, yaml.ScalarNode) and NAME.match(node.value):
            return True
        self.error(path, node, f"{what} must be a single word (letters, digits, _ or -), not {text_of(node)!r}", "e.g. `office_lamp`")
        return False

    def _asset_name(self, path: str, node: yaml.Node, what: str) -> str | None:
        return node.value if self._is_name(path, node, f"the name of {what}") else None

    # -- the whole story -------------------------------------------------
    def story(self, folder: Place, *, start: str, check_labels: bool) -> Story:
        """The compiled story, with stop ids assigned and (if `check_labels`) jump targets checked."""
        for label, place in self.jumps if check_labels else ():
            if label not in self.labels:
                self.problems.append(Problem(place, f"no label '{label}' to jump to", did_you_mean(label, self.labels) or "add `- label: " + label + "` where the story should go on"))
        if check_labels and start not in self.labels:
            where = "game.yaml's `start:`" if start != "start" else "add `- label: start` where the story begins"
            hint = f"{did_you_mean(start, self.labels)} (the label comes from {where})" if start != "start" else where
            self.problems.append(Problem(folder, f"the story has no label '{start}' in any scene file in {folder.path}", hint))
        steps = tuple(self._with_ids())
        index_of_id = {step.id: i for i, step in enumerate(steps) if isinstance(step, STOPS)}
        return Story(steps, tuple(self.places), dict(self.labels), dict(self.characters), index_of_id, dict(self.variables), start)

    def _with_ids(self):
        """Give each stop a stable id: the writer's own, or the label above it and its place below that."""
        label_at = {index: name for name, index in self.labels.items()}
        current, count = "top", 0
        for index, step in enumerate(self.steps):
            if index in label_at:
                current, count = label_at[index], 0
            if isinstance(step, STOPS):
                count += 1
                if not step.id:
                    step = type(step)(**{**step.__dict__, "id": f"{current}.{count}"})  # faster than dataclasses.replace
            yield step


STEP_TYPES = (Line, Background, Show, Hide, Music, Sound, Wait, Jump, Choice, Ending, Set, Call, Return)


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"


def text_of(node: yaml.Node) -> str:
    return node.value if isinstance(node, yaml.ScalarNode) else "..."
