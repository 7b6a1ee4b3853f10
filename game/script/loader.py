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

import yaml
from yaml.constructor import SafeConstructor

from game import ROOT
from game.script import markup
from game.script.assets import INTERFACE_FONTS, AssetCheck, font_path
from game.script.files import unreadable_characters
from game.script.flow import check_flow
from game.script.model import (
    CUT,
    DEFAULT_DURATION,
    POSITIONS,
    STOPS,
    TRANSITIONS,
    Background,
    Character,
    Choice,
    Ending,
    Hide,
    Jump,
    Line,
    Music,
    Option,
    Show,
    Sound,
    Step,
    Story,
    Transition,
    Wait,
    position_named,
)
from game.script.problems import Place, Problem, ScriptError, did_you_mean

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader is many times faster

FILE_KEYS = ("characters", "script")
CHARACTER_KEYS = ("name", "colour", "expressions")
TRANSITION_OPTIONS = ("transition", "duration")
LINE_OPTIONS = ("auto", "id")
#: Each step kind and the options it takes (besides its own key).
STEP_OPTIONS: dict[str, tuple[str, ...]] = {
    "narrate": LINE_OPTIONS,
    "background": TRANSITION_OPTIONS,
    "show": TRANSITION_OPTIONS,
    "hide": TRANSITION_OPTIONS,
    "music": ("fade", "loop"),
    "sound": (),
    "wait": (),
    "label": (),
    "jump": (),
    "choice": ("options",),
    "ending": (),
}
NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_\-]*$")
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
QUOTE_HINT = "put the whole line in double quotes"


def load_story(folder: Path, *, assets: Path = ROOT, thorough: bool = False) -> tuple[Story, list[Problem]]:
    """Load and check every `*.yaml` in `folder`.

    Returns the story and its warnings; raises `ScriptError` when there is any error.
    `thorough` (for `check`) loads every file in full, the interface's and fonts too,
    and warns about characters no font can draw.
    """
    problems: list[Problem] = []
    files = sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))
    if not files:
        where = Place(_shown_path(folder), 1, 1)
        raise ScriptError([Problem(where, "no scene files here", "add a .yaml file with a `script:` list")])
    asset_check = AssetCheck(assets, problems, thorough=thorough)
    compiler = Compiler(problems, asset_check)
    documents = []
    for path in files:
        if (node := _compose(path, problems)) is not None:
            documents.append((_shown_path(path), compiler.sections(_shown_path(path), node)))
    for shown, sections in documents:
        compiler.read_characters(shown, sections.get("characters"))
    # A file YAML could not read hides its labels: do not report jumps to them as missing.
    all_read = not any(not p.warning for p in problems)
    for shown, sections in documents:
        compiler.read_script(shown, sections.get("script"))
    story = compiler.story(Place(_shown_path(files[0]), 1, 1), check_labels=all_read)
    if not any(not p.warning for p in problems):
        check_flow(story, problems)
    if thorough:
        asset_check.interface(Place(_shown_path(assets / "art"), 0, 0))  # script: game.yaml or the game folder
        problems.extend(unreadable_characters(story, [font_path(assets, file) for file in INTERFACE_FONTS]))
    if any(not p.warning for p in problems):
        raise ScriptError(problems)
    return story, problems


def _shown_path(path: Path) -> str:
    """The path as a writer would type it: relative to where they are, when it is below."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _compose(path: Path, problems: list[Problem]) -> yaml.Node | None:
    shown = _shown_path(path)
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        if error.context_mark and "end of stream" in str(error.problem):
            mark = error.context_mark  # an unclosed quote: point at where it opened, not at the file's end
        place = Place(shown, mark.line + 1, mark.column + 1) if mark else Place(shown, 1, 1)
        problems.append(Problem(place, f"YAML syntax: {error.problem or error.context}", _yaml_hint(error)))
        return None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        problems.append(Problem(Place(shown, 1, 1), f"cannot read this file: {error}", "save it as UTF-8 text"))
        return None
    if node is None:
        problems.append(Problem(Place(shown, 1, 1), "this file is empty", "add `script:` steps or delete it", warning=True))
        return None
    if not isinstance(node, yaml.MappingNode):
        problems.append(Problem(Place.of(shown, node), "a scene file is a mapping with `characters:` and/or `script:`", "start the file with `script:` and list the steps under it"))
        return None
    return node


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

    def __init__(self, problems: list[Problem], assets: AssetCheck) -> None:
        self.problems = problems
        self.assets = assets
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
        expressions = self._expressions(path, cid, fields.get("expressions"), node)
        self.characters[cid] = Character(cid, name or cid, colour, expressions)
        self.character_places[cid] = Place.of(path, key)

    def _colour(self, path: str, node: yaml.Node | None) -> tuple[int, int, int]:
        if node is None:
            return (220, 220, 220)
        value = node.value if isinstance(node, yaml.ScalarNode) else ""
        if not COLOUR.match(str(value)):
            self.error(path, node, f"colour {value!r} is not a colour", 'write it as "#rrggbb" in quotes, e.g. "#7fb2e5"')
            return (220, 220, 220)
        return (int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16))

    def _expressions(self, path: str, cid: str, node: yaml.Node | None, owner: yaml.Node) -> tuple[str, ...]:
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            self.error(path, node or owner, f"character '{cid}' needs a list of expressions", "write e.g. `expressions: [neutral, smile, sad]`")
            return ()
        names = []
        for item in node.value:
            if self._is_name(path, item, "an expression"):
                names.append(item.value)
                self.assets.sprite(cid, item.value, Place.of(path, item))
        return tuple(names)

    def read_script(self, path: str, script: yaml.Node | None) -> None:
        if script is None:
            return
        if not isinstance(script, yaml.SequenceNode):
            self.error(path, script, "`script:` is a list of steps", "start each step on its own line with '- '")
            return
        last: tuple[Step | None, yaml.Node] | None = None
        label_at_end: yaml.Node | None = None
        for item in script.value:
            step, label_at_end = self._step(path, item), None
            if step == "label":
                label_at_end = item
                continue
            if step is not None:
                self.steps.append(step)
                self.places.append(Place.of(path, item))
            last = (step, item)
        self._check_file_end(path, script, last, label_at_end)

    def _check_file_end(self, path: str, script: yaml.Node, last: tuple[Step | None, yaml.Node] | None, label_at_end: yaml.Node | None) -> None:
        if label_at_end is not None:
            self.error(path, label_at_end, "this label is at the very end of the file, with nothing after it", "put the steps for this label after it, or remove it")
        elif last is None:
            self.error(path, script, "`script:` has no steps", "add steps, starting with `- label: NAME`")
        elif last[0] is not None and not isinstance(last[0], (Jump, Choice, Ending)):
            self.error(path, last[1], "the story runs off the end of the file after this step", "end the script with `- jump: LABEL`, a `choice:` or an `ending:`")

    # -- steps -----------------------------------------------------------
    def _step(self, path: str, node: yaml.Node) -> Step | str | None:
        if isinstance(node, yaml.ScalarNode):
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
        return Line(speaker, segments, auto, line_id)

    def _narrate(self, path: str, node: yaml.Node, options: dict[str, yaml.Node]) -> Line | None:
        return self._line(path, None, node, options)

    def _markup(self, path: str, node: yaml.ScalarNode, text: str) -> tuple[markup.Segment, ...]:
        try:
            segments = markup.parse(text)
        except markup.MarkupError as error:
            self._error_in_text(path, node, error.offset, str(error), error.hint)
            return ()
        for segment in segments:
            if isinstance(segment, markup.Cue):
                self._cue(path, node, segment)
        return segments

    def _error_in_text(self, path: str, node: yaml.ScalarNode, offset: int, message: str, hint: str) -> None:
        place = Place.of(path, node)
        if node.style in ('"', "'", None) and "\n" not in text_of(node):
            escaped = {'"': '"\\', "'": "'"}.get(node.style, "")  # characters written twice or with a backslash
            written = offset + sum(text_of(node)[:offset].count(c) for c in escaped)
            place = Place(place.path, place.line, place.col + written + (1 if node.style else 0))
        self.problems.append(Problem(place, message, hint))

    def _cue(self, path: str, node: yaml.ScalarNode, cue: markup.Cue) -> None:
        if cue.kind == "show":
            self._show_words(path, node, cue.words)
        elif cue.kind == "hide":
            self._known_character(path, node, cue.words[0])
        else:
            self.assets.sound(cue.words[0], Place.of(path, node))

    def _background(self, path: str, node: yaml.Node, options: dict[str, yaml.Node]) -> Background | None:
        name = self._asset_name(path, node, "a background")
        if name is None:
            return None
        self.assets.background(name, Place.of(path, node))
        return Background(name, self._transition(path, options))

    def _show(self, path: str, node: yaml.Node, options: dict[str, yaml.Node]) -> Show | None:
        text = self._text(path, node, "`show:`")
        shown = self._show_words(path, node, tuple(text.split())) if text is not None else None
        if shown is None:
            return None
        character, expression, position = shown
        return Show(character, expression, position, self._transition(path, options))

    def _show_words(self, path: str, node: yaml.Node, words: tuple[str, ...]) -> tuple[str, str, str | None] | None:
        position, fine = None, True
        if len(words) == 4 and words[2] == "at":
            position = position_named(words[3])
            if position not in POSITIONS:
                self.error(path, node, f"unknown position '{words[3]}'", did_you_mean(words[3], POSITIONS))
                fine = False
        elif len(words) != 2:
            self.error(path, node, f"cannot read `show {' '.join(words)}`", "write CHARACTER EXPRESSION, optionally followed by `at left`, `at centre` or `at right`")
            return None
        character, expression = words[0], words[1]
        if not self._known_character(path, node, character):
            return None
        known = self.characters[character].expressions
        if expression not in known:
            self.error(path, node, f"'{character}' has no expression '{expression}'", did_you_mean(expression, known))
            return None
        return (character, expression, position) if fine else None

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
        prompt = self._text(path, node, "the choice's prompt")
        listed = options.get("options")
        if not isinstance(listed, yaml.SequenceNode) or len(listed.value) < 2:
            self.error(path, listed or node, "a choice needs `options:`, a list of at least two", "add `options:` with `- text: ...` and `jump: LABEL` for each")
            return None
        picked = [self._option(path, item) for item in listed.value]
        if prompt is None or None in picked:
            return None
        return Choice(prompt, tuple(picked))

    def _option(self, path: str, node: yaml.Node) -> Option | None:
        fields = dict((k.value, v) for k, v in self._pairs(path, node)) if isinstance(node, yaml.MappingNode) else {}
        if "text" not in fields or "jump" not in fields:
            self.error(path, node, "an option needs `text:` and `jump:`", "write `- text: Let him go.` and, below it, `  jump: LABEL`")
            return None
        for key, _ in self._pairs(path, node):
            if key.value not in ("text", "jump"):
                self.error(path, key, f"unknown option field '{key.value}'", did_you_mean(key.value, ("text", "jump")))
        text = self._text(path, fields["text"], "an option's text")
        target = self._jump(path, fields["jump"], {})
        if text is None or target is None:
            return None
        return Option(text, target.label)

    def _ending(self, path: str, node: yaml.Node, options: dict[str, yaml.Node]) -> Ending | None:
        name = self._text(path, node, "the ending's name")
        return Ending(name) if name else None

    _READERS: dict[str, Callable[..., Step | str | None]] = {
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
            return node.value
        if isinstance(node, yaml.ScalarNode):
            self.error(path, node, f"{what} is empty", "write the text after the ':'")
        else:
            self.error(path, node, f"{what} must be text, but YAML read a {'list' if isinstance(node, yaml.SequenceNode) else 'mapping'} here", f"{QUOTE_HINT} (text starting with '{{' or '[' or containing ': ' needs them)")
        return None

    def _value(self, node: yaml.Node) -> object:
        return self._constructor.construct_object(node, deep=True)

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
    def story(self, first_file: Place, *, check_labels: bool) -> Story:
        """The compiled story, with stop ids assigned and (if `check_labels`) jump targets checked."""
        for label, place in self.jumps if check_labels else ():
            if label not in self.labels:
                self.problems.append(Problem(place, f"no label '{label}' to jump to", did_you_mean(label, self.labels) or "add `- label: " + label + "` where the story should go on"))
        if check_labels and "start" not in self.labels:
            self.problems.append(Problem(first_file, "the story has no label 'start'", "add `- label: start` where the story begins"))
        steps = tuple(self._with_ids())
        index_of_id = {step.id: i for i, step in enumerate(steps) if isinstance(step, STOPS)}
        return Story(steps, tuple(self.places), dict(self.labels), dict(self.characters), index_of_id)

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
                    step = type(step)(**{**step.__dict__, "id": f"{current}.{count}"})
            yield step


def text_of(node: yaml.Node) -> str:
    return node.value if isinstance(node, yaml.ScalarNode) else "..."
