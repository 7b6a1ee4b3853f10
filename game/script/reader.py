"""What every step's reader stands on: the story compiled so far, and the checked reading of values.

`ScriptReader` holds what the compiler has gathered (steps and their places,
labels, characters, variables) and reads a node's value as a step needs it (text,
a number of seconds, a name, markup, a condition), reporting each mistake at its
file:line:col with a fix and giving None (or a harmless default) so reading goes on.
The compiler (`game.script.compiler`) builds on it; step readers receive it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import TypeVar

import yaml
from yaml.constructor import SafeConstructor

from game.gamefolder import GameFolder
from game.script import expressions
from game.script.assets import AssetCheck
from game.script.expressions import Assignment, Expr, Value
from game.script.markup import Cue, Segment, Var, When
from game.script.markup import parse as parse_markup
from game.script.model import CUT, DEFAULT_DURATION, POSITIONS, TRANSITIONS, Character, Step, Transition, position_named
from game.script.problems import Place, Problem, TextError, did_you_mean
from game.script.yaml_guard import plain_value

NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_\-]*$")
QUOTE_HINT = "put the whole line in double quotes"
NULL = "tag:yaml.org,2002:null"
Parsed = TypeVar("Parsed")
OPPOSITE = {"==": "!=", "!=": "==", "<": ">=", "<=": ">", ">": "<=", ">=": "<"}  # the comparison a `not` before it turns into
#: What reading a list of steps gives: its last step with its node (None: no step), and a label left at its end.
BlockEnd = tuple[tuple[object, yaml.Node] | None, yaml.Node | None]


def is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == NULL


def text_of(node: yaml.Node) -> str:
    return node.value if isinstance(node, yaml.ScalarNode) else "..."


class ScriptReader:
    """The story compiled so far, and the reading of one node's value at a time, problems noted as it goes."""

    def __init__(self, problems: list[Problem], assets: AssetCheck, game: GameFolder) -> None:
        self.problems = problems
        self.assets = assets
        self.game = game
        self.variables: dict[str, Value] = {}
        self.variable_places: dict[str, Place] = {}
        self.constants: dict[str, Value] = {}  # the names under `constants:` (in `variables` too), never set
        self.temps: dict[str, Value] = {}  # the names under `temp:` (in `variables` too), reset at every label
        self.characters: dict[str, Character] = {}
        self.character_places: dict[str, Place] = {}
        self.item: yaml.Node | None = None  # the step being read (an `if:` is placed at it)
        self.steps: list[Step] = []
        self.places: list[Place] = []
        self.branch_steps: list[int] = []  # where each `if:` put a Branch or Goto
        self.labels: dict[str, int] = {}
        self.label_places: dict[str, Place] = {}
        self.id_places: dict[str, Place] = {}
        self.jumps: list[tuple[str, Place]] = []
        self.counted: list[tuple[str, Place]] = []  # each `visits("label")` or `seen("label")`, where it is written
        self._constructor = SafeConstructor()

    def block(self, path: str, script: yaml.SequenceNode) -> BlockEnd:
        """Compile a list of steps in place (an `if:` reads its `then:` and `else:` so)."""
        raise NotImplementedError  # the compiler's

    def ends_block(self, step: Step) -> bool:
        """Whether nothing after `step` runs on from it (a jump, a choice, an ending, a return)."""
        raise NotImplementedError  # the compiler's, from the registry

    def add(self, step: Step, place: Place) -> int:
        """Put a compiled step at the end of the story; gives its index."""
        self.steps.append(step)
        self.places.append(place)
        return len(self.steps) - 1

    # -- reporting -------------------------------------------------------
    def error(self, path: str, node: yaml.Node, message: str, hint: str = "") -> None:
        self.problems.append(Problem(Place.of(path, node), message, hint))

    def error_in_text(self, path: str, node: yaml.Node, offset: int, message: str, hint: str) -> None:
        """A problem at a character of the node's text: its own column when the text is on one line."""
        self.problems.append(Problem(self.place_in_text(path, node, offset), message, hint))

    def place_in_text(self, path: str, node: yaml.Node, offset: int) -> Place:
        place = Place.of(path, node)
        if isinstance(node, yaml.ScalarNode) and node.style in ('"', "'", None, "") and "\n" not in node.value:
            escaped = {'"': '"\\', "'": "'"}.get(node.style or "", "")  # characters written twice or with a backslash
            written = offset + sum(node.value[:offset].count(c) for c in escaped)
            place = Place(place.path, place.line, place.col + written + (1 if node.style else 0))
        return place

    # -- values ----------------------------------------------------------
    def pairs(self, path: str, node: yaml.MappingNode) -> list[tuple[yaml.ScalarNode, yaml.Node]]:
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

    def text(self, path: str, node: yaml.Node, what: str) -> str | None:
        if isinstance(node, yaml.ScalarNode) and node.tag != NULL:
            text: str = node.value
            # A `|` or `>` block ends in a newline the writer did not mean as an empty last line.
            return text.rstrip("\n") if node.style in ("|", ">") else text
        if isinstance(node, yaml.ScalarNode):
            self.error(path, node, f"{what} is empty", "write the text after the ':'")
        else:
            self.error(path, node, f"{what} must be text, but YAML read a {'list' if isinstance(node, yaml.SequenceNode) else 'mapping'} here", f"{QUOTE_HINT} (text starting with '{{' or '[' or containing ': ' needs them)")
        return None

    def value(self, node: yaml.Node) -> object:
        return plain_value(self._constructor, node)  # issue 20: never raises; a number past the bound is no value

    def number(self, path: str, node: yaml.Node, what: str, *, minimum: float) -> float:
        value = self.value(node) if isinstance(node, yaml.ScalarNode) else None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < minimum:
            self.error(path, node, f"{what} must be a number of seconds, not {text_of(node)!r}", f"write e.g. `{what}: 1.5`")
            return 0.0
        return float(value)

    def boolean(self, path: str, node: yaml.Node, what: str) -> bool:
        value = self.value(node) if isinstance(node, yaml.ScalarNode) else None
        if not isinstance(value, bool):
            self.error(path, node, f"{what} must be true or false", f"write `{what}: false`")
            return True
        return value

    def name(self, path: str, node: yaml.Node, what: str) -> str | None:
        """The node's text when it is a single word (a label, an id, a file's name); else None, reported."""
        if isinstance(node, yaml.ScalarNode) and NAME.match(node.value):
            word: str = node.value
            return word
        self.error(path, node, f"{what} must be a single word (letters, digits, _ or -), not {text_of(node)!r}", "e.g. `office_lamp`")
        return None

    def asset_name(self, path: str, node: yaml.Node, what: str) -> str | None:
        return self.name(path, node, f"the name of {what}")

    def label_target(self, path: str, node: yaml.Node) -> str | None:
        """A label to go to (`jump:`, `call:`, an option's `jump:`); whether it exists is checked once all files are read."""
        label = self.name(path, node, "a label")
        if label is not None:
            self.jumps.append((label, Place.of(path, node)))
        return label

    def known_character(self, path: str, node: yaml.Node, character: str) -> bool:
        if character in self.characters:
            return True
        self.error(path, node, f"unknown character '{character}'", did_you_mean(character, self.characters) or "define it under `characters:`")
        return False

    # -- staging ---------------------------------------------------------
    def transition(self, path: str, options: dict[str, yaml.Node]) -> Transition:
        """A step's `transition:` and `duration:` options."""
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
                duration = self.number(path, options["duration"], "duration", minimum=0.0)
        return Transition(style, duration) if style != "cut" else CUT

    def show_words(self, path: str, node: yaml.Node, words: tuple[str, ...], *, transition: bool = False) -> tuple[str, str, str | None, Transition] | None:
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
            self.error(path, node, f"cannot read `show {' '.join(words)}`", "write CHARACTER EXPRESSION (attributes may follow, as in `sylvie green smile`), optionally followed by `at left`, `at centre`, `at right` or `at door`")
            return None
        character, expression = rest[0], "_".join(rest[1:])
        if not self.known_character(path, node, character):
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

    # -- text with markup --------------------------------------------------
    def markup(self, path: str, node: yaml.Node, text: str) -> tuple[Segment, ...]:
        """The text's segments, its tags, cues and variables checked."""
        try:
            segments = parse_markup(text)
        except TextError as error:
            self.error_in_text(path, node, error.offset, error.message, error.hint)
            return ()
        return self._checked(path, node, segments)

    def _checked(self, path: str, node: yaml.Node, segments: tuple[Segment, ...]) -> tuple[Segment, ...]:
        """Each cue, variable and `{if}` condition checked, in every branch of text that adapts."""
        checked: list[Segment] = []
        for segment in segments:
            if isinstance(segment, Cue):
                segment = self._cue(path, node, segment)
            elif isinstance(segment, Var):
                self.declared(path, node, segment.name, segment.offset + 1)
            elif isinstance(segment, When):
                segment = When(tuple((self._text_condition(path, node, condition), self._checked(path, node, branch)) for condition, branch in segment.branches), segment.offset)
            checked.append(segment)
        return tuple(checked)

    def _text_condition(self, path: str, node: yaml.Node, condition: Expr | None) -> Expr | None:
        """An `{if}`'s condition checked (its names declared, true or false) at its own column."""
        if condition is None:
            return None
        kind = self._kind(path, node, condition)
        if kind is not None and kind != expressions.BOOL:
            self.error_in_text(path, node, condition.offset, f"an {{if}}'s condition must be true or false, but this gives {kind}", "compare it, e.g. {if trust >= 2}")
        return condition

    def _cue(self, path: str, node: yaml.Node, cue: Cue) -> Cue:
        """The cue checked; a `{show}` comes back as (character, expression[, "at", position]) with its transition."""
        if cue.kind == "show":
            shown = self.show_words(path, node, cue.words, transition=True)
            if shown is None:
                return cue
            character, expression, position, transition = shown
            words = (character, expression, "at", position) if position else (character, expression)
            return Cue("show", words, transition.style, transition.duration)
        if cue.kind == "hide":
            self.known_character(path, node, cue.words[0])
        else:
            self.assets.sound(cue.words[0], Place.of(path, node))
        return cue

    # -- variables and conditions -------------------------------------------
    def _expression(self, path: str, node: yaml.Node, parse: Callable[[str], Parsed]) -> Parsed | None:
        """Parse the node's text with `parse`, reporting a syntax error at its column."""
        text = self.text(path, node, "an expression")
        if text is None:
            return None
        try:
            return parse(text)
        except TextError as error:
            self.error_in_text(path, node, error.offset, error.message, error.hint)
            return None

    def _kind(self, path: str, node: yaml.Node, expr: Expr) -> str | None:
        """The kind of value `expr` gives, after reporting undeclared names and type clashes (and warning of each `not x == y`)."""
        for loose in expressions.loose_nots(expr):
            op = loose.operand.op if isinstance(loose.operand, expressions.Binary) else "=="
            self.problems.append(Problem(self.place_in_text(path, node, loose.offset), f"`not x {op} y` reads as `not (x {op} y)`: `not` binds looser than a comparison, so it turns the whole comparison round",
                                         f"write `not (x {op} y)` to show it, or `x {OPPOSITE[op]} y`", warning=True))
        fine = all([self.declared(path, node, name.name, name.offset) for name in expressions.names(expr)])
        kinds = {name: expressions.kind_of(value) for name, value in self.variables.items()}
        try:
            kind = expressions.type_of(expr, kinds)
        except TextError as error:
            self.error_in_text(path, node, error.offset, error.message, error.hint)
            return None
        return kind if fine else None

    def declared(self, path: str, node: yaml.Node, name: str, offset: int) -> bool:
        if name.startswith(expressions.VISITS):  # visits("label"): its counter, the label checked once all are read
            self.variables.setdefault(name, 0)
            self.counted.append((name.removeprefix(expressions.VISITS), self.place_in_text(path, node, offset)))
            return True
        if name == expressions.TURNS:  # turns(): its counter, kept only by a story that asks
            self.variables.setdefault(name, 0)
            return True
        if name in self.variables:
            return True
        hint = did_you_mean(name, self.variables)
        self.error_in_text(path, node, offset, f"variable '{name}' is never declared", hint if "did you mean" in hint else f"declare it under `variables:` with its starting value, e.g. `{name}: 0`")
        return False

    def condition(self, path: str, node: yaml.Node) -> Expr | None:
        """A condition's tree, or None when it has a mistake (reported)."""
        expr = self._expression(path, node, expressions.parse)
        if expr is None:
            return None
        kind = self._kind(path, node, expr)
        if kind is not None and kind != expressions.BOOL:
            self.error_in_text(path, node, 0, f"a condition must be true or false, but this gives {kind}", "compare it, e.g. `trust >= 2` or `name == \"Ianto\"`")
            return None
        return expr if kind is not None else None

    def assignment(self, path: str, node: yaml.Node) -> Assignment | None:
        assignment = self._expression(path, node, expressions.parse_assignment)
        if assignment is None or not self.declared(path, node, assignment.name, assignment.offset):
            return None
        if assignment.name in self.constants:
            self.error_in_text(path, node, assignment.offset, f"'{assignment.name}' is a constant (declared at {self.variable_places[assignment.name]}), so it cannot be set",
                               "declare it under `variables:` to change it, or `temp:` for a value that lives until the next label")
            return None
        value = self._kind(path, node, assignment.value)
        target = expressions.kind_of(self.variables[assignment.name])
        if value is None:
            return None
        allowed = (expressions.NUMBER,) if assignment.op == "-=" else (expressions.NUMBER, expressions.TEXT) if assignment.op == "+=" else (target,)
        if target not in allowed or value != target:
            self.error_in_text(path, node, assignment.offset, f"type clash: '{assignment.name}' holds {target}, so `{assignment.op}` cannot give it {value}", f"give '{assignment.name}' {target}" if target in allowed else f"`{assignment.op}` works on numbers only")
            return None
        return assignment

    def assignments(self, path: str, node: yaml.Node) -> tuple[Assignment, ...] | None:
        """An option's `set:`: one assignment, or a list of them."""
        items = node.value if isinstance(node, yaml.SequenceNode) else [node]
        done = [self.assignment(path, item) for item in items]
        return tuple(a for a in done if a is not None) if None not in done else None
