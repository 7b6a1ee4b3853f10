"""Assembling the story: each file's sections, the variables and characters, every list of steps
read through the step registry, then labels checked and each stop given its stable id."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import replace

import yaml

from game.script import expressions
from game.script.assets import sprite_names
from game.script.markup import SEED, SEQUENCE, Vary, When, every, keyed
from game.script.model import (
    ONCE,
    STOPS,
    Branch,
    Character,
    Choice,
    Ending,
    Goto,
    Line,
    Option,
    Step,
    Story,
)
from game.script.problems import Place, Problem, did_you_mean
from game.script.reader import QUOTE_HINT, BlockEnd, ScriptReader, text_of
from game.script.steps.base import LABEL, Read
from game.script.steps.lines import read_bare, read_line
from game.script.steps.registry import ENDS_BLOCK, KINDS, LINE_OPTIONS

FILE_KEYS = ("variables", "constants", "temp", "characters", "script")
VALUE_SECTIONS = ("variables", "constants", "temp")  # each a mapping of names to starting values; a name is declared in one of them, once
CHARACTER_KEYS = ("name", "colour", "expressions")
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


class Compiler(ScriptReader):
    """Turns the composed YAML of every file into one `Story`, noting problems as it goes."""

    # -- files -----------------------------------------------------------
    def sections(self, path: str, node: yaml.MappingNode) -> dict[str, yaml.Node]:
        """A file's `variables:`, `characters:` and `script:` sections."""
        sections = {}
        for key, value in self.pairs(path, node):
            if key.value not in FILE_KEYS:
                self.error(path, key, f"unknown section '{key.value}'", did_you_mean(key.value, FILE_KEYS))
            else:
                sections[key.value] = value
        return sections

    def read_variables(self, path: str, section: yaml.Node | None, kind: str = "variables") -> None:
        """`variables:` (or `constants:`, `temp:`), each name with its starting value: true/false, a number or text.

        A constant is never set (`check` says so at the `set:`); a temp goes back to its value at every label the story passes.
        """
        if section is None:
            return
        if not isinstance(section, yaml.MappingNode):
            self.error(path, section, f"`{kind}:` is a mapping of names to starting values", "write e.g. `trust: 0` on its own line under it")
            return
        for key, value in section.value:
            name = getattr(key, "value", "")
            if not isinstance(key, yaml.ScalarNode) or not expressions.NAME.match(name) or name in expressions.KEYWORDS:
                self.error(path, key, f"a variable's name must be one word of letters, digits and _ (not starting with a digit), not {text_of(key)!r}", "e.g. `met_jack: false`")
                continue
            if name in self.variables:
                self.error(path, key, f"variable '{name}' is declared twice: here and at {self.variable_places[name]}", "declare each name once, in any one file, under one of `variables:`, `constants:` or `temp:`")
                continue
            start = self.value(value) if isinstance(value, yaml.ScalarNode) else None
            if isinstance(start, float) and not math.isfinite(start) or not isinstance(start, (bool, int, float, str)):
                self.error(path, value, f"variable '{name}' needs a starting value: true/false, a number or text", f"write e.g. `{name}: 0`, `{name}: false` or `{name}: \"\"`")
                continue
            self.variables[name] = start
            self.variable_places[name] = Place.of(path, key)
            if kind == "constants":
                self.constants[name] = start
            elif kind == "temp":
                self.temps[name] = start

    def read_characters(self, path: str, section: yaml.Node | None) -> None:
        if section is None:
            return
        if not isinstance(section, yaml.MappingNode):
            self.error(path, section, "`characters:` is a mapping of ids to characters", "write `jack:` on its own line, then `name:`, `colour:` and `expressions:` under it")
            return
        for key, value in self.pairs(path, section):
            self._character(path, key, value)

    def _character(self, path: str, key: yaml.ScalarNode, node: yaml.Node) -> None:
        cid = self.name(path, key, "a character id")
        if cid is None:
            return
        if cid in KINDS:
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
        for field_key, value in self.pairs(path, node):
            if field_key.value not in CHARACTER_KEYS:
                self.error(path, field_key, f"unknown character field '{field_key.value}'", did_you_mean(field_key.value, CHARACTER_KEYS))
            fields[field_key.value] = value
        name = self.text(path, fields["name"], "a character's name") if "name" in fields else cid.capitalize()
        colour = self._colour(path, fields.get("colour"))
        if "expressions" in fields:
            pictures = self._expressions(path, cid, fields["expressions"])
        else:
            pictures = sprite_names(self.game, cid)  # no list: the pictures in its folder (none: a voice)
        self.characters[cid] = Character(cid, name or cid, colour, pictures)
        self.character_places[cid] = Place.of(path, key)

    def _colour(self, path: str, node: yaml.Node | None) -> tuple[int, int, int]:
        if node is None:
            return (220, 220, 220)
        value = str(node.value) if isinstance(node, yaml.ScalarNode) else ""
        if not COLOUR.match(value):
            self.error(path, node, f"colour {value!r} is not a colour", 'write it as "#rrggbb" in quotes, e.g. "#7fb2e5"')
            return (220, 220, 220)
        return (int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16))

    def _expressions(self, path: str, cid: str, node: yaml.Node) -> tuple[str, ...]:
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            self.error(path, node, f"character '{cid}' needs a list of expressions", "write e.g. `expressions: [neutral, smile, sad]`, or leave the line out to use the pictures in its folder")
            return ()
        names = []
        in_folder = sprite_names(self.game, cid)
        for item in node.value:
            if (name := self.name(path, item, "an expression")) is not None:
                names.append(name)
                self.assets.sprite(cid, name, Place.of(path, item), known=in_folder)
        return tuple(names)

    # -- steps -----------------------------------------------------------
    def read_script(self, path: str, script: yaml.Node | None) -> None:
        if script is None:
            return
        if not isinstance(script, yaml.SequenceNode):
            self.error(path, script, "`script:` is a list of steps", "start each step on its own line with '- '")
            return
        first = len(self.steps)
        last, label_at_end = self.block(path, script)
        if label_at_end is not None:
            self.error(path, label_at_end, "this label is at the very end of the file, with nothing after it", "put the steps for this label after it, or remove it")
        elif last is None:
            self.error(path, script, "`script:` has no steps", "add steps, starting with `- label: NAME`")
        elif last[0] is not None and self._runs_off(first):
            self.error(path, last[1], "the story runs off the end of the file after this step", "end the script with `- jump: LABEL`, a `choice:`, an `ending:` or a `return:`")

    def block(self, path: str, script: yaml.SequenceNode) -> BlockEnd:
        """Compile a list of steps; gives the last step read with its node, and a label left at the end."""
        last: tuple[object, yaml.Node] | None = None
        label_at_end: yaml.Node | None = None
        for item in script.value:
            self.item = item
            step, label_at_end = self._step(path, item), None
            if step == LABEL:
                label_at_end = item
                continue
            if step is not None and not isinstance(step, str):
                self.add(step, Place.of(path, item))
            last = (step, item)
        return last, label_at_end

    def ends_block(self, step: Step) -> bool:
        return isinstance(step, ENDS_BLOCK)

    def _runs_off(self, first: int) -> bool:
        """Whether the steps from `first` to the end can go on past the end (a last line, an `if:` falling out)."""
        end = len(self.steps)
        if end == first or not self.ends_block(self.steps[-1]):
            return True
        branches = (self.steps[i] for i in self.branch_steps if i >= first)
        return any(isinstance(step, Branch) and step.otherwise == end or isinstance(step, Goto) and step.target == end for step in branches)

    def _step(self, path: str, node: yaml.Node) -> Read:
        """One step: a line of text, or `kind: value` with its options, read by its kind's reader."""
        if isinstance(node, yaml.ScalarNode):
            return read_bare(self, path, node)
        if not isinstance(node, yaml.MappingNode):
            self.error(path, node, "a step is a line of text or a `kind: value` mapping", QUOTE_HINT + " if this is a line of text")
            return None
        pairs = self.pairs(path, node)
        kinds = [(k, v) for k, v in pairs if k.value in KINDS or k.value in self.characters]
        if not kinds:
            key = pairs[0][0] if pairs else node
            word = getattr(key, "value", "")
            hint = QUOTE_HINT + ": a line of text with ': ' in it reads as a key" if " " in word else did_you_mean(word, [*KINDS, *self.characters])
            self.error(path, key, f"unknown step kind or character '{word}'", hint)
            return None
        if len(kinds) > 1:
            names = " and ".join(f"'{k.value}'" for k, _ in kinds)
            self.error(path, kinds[1][0], f"one step has two kinds, {names}", "split them into two steps, each starting with '- '")
            return None
        kind_key, value = kinds[0]
        word = kind_key.value
        allowed = LINE_OPTIONS if word in self.characters else KINDS[word].options
        options = {}
        for key, option in pairs:
            if key is kind_key:
                continue
            if key.value in allowed:
                options[key.value] = option
            else:
                extra = did_you_mean(key.value, allowed) if allowed else f"'{word}' takes no options"
                self.error(path, key, f"unknown option '{key.value}' for a {word} step", extra)
        if word in self.characters:
            return read_line(self, path, word, value, options)
        return KINDS[word].read(self, path, value, options)

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
        for label, place in self.counted if check_labels else ():
            if label not in self.labels:
                self.problems.append(Problem(place, f"no label '{label}' to count the visits of", did_you_mean(label, self.labels) or f"write the name of a label, or add `- label: {label}`"))
        visits: dict[int, tuple[str, ...]] = {at: tuple(self.temps) for at in self.labels.values()} if self.temps else {}
        for label in dict.fromkeys(label for label, _ in self.counted):
            if label in self.labels:
                at = self.labels[label]
                visits[at] = (*visits.get(at, ()), expressions.VISITS + label)
        steps = tuple(self._with_ids())
        index_of_id = {step.id: i for i, step in enumerate(steps) if isinstance(step, STOPS)}
        return Story(steps, tuple(self.places), dict(self.labels), dict(self.characters), index_of_id, dict(self.variables), start, visits, dict(self.constants), dict(self.temps))

    def _with_ids(self) -> Iterator[Step]:
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
                if _may_vary(step):
                    step = self._counted_variety(step)
                if isinstance(step, Choice) and any(option.once for option in step.options):
                    step = replace(step, options=tuple(self._once(step.id, n, option) for n, option in enumerate(step.options)))
            yield step

    def _counted_variety(self, stop: Line | Choice | Ending) -> Line | Choice | Ending:
        """A stop's varieties (a choice's: its prompt's and its options') each get their hidden counter
        (kept in the state, so rewind and saves keep them); a shuffle needs the playthrough's seed too."""
        count, prefix = [0], f"{SEQUENCE}{stop.id}."
        stop = replace(stop, segments=keyed(stop.segments, prefix, count))
        if isinstance(stop, Choice):
            stop = replace(stop, options=tuple(replace(option, segments=keyed(option.segments, prefix, count)) for option in stop.options))
        for number in range(1, count[0] + 1):
            self.variables[f"{prefix}{number}"] = 0
        if _shuffles(stop):
            self.variables[SEED] = 0
        return stop

    def _once(self, choice_id: str, number: int, option: Option) -> Option:
        """A once-only option gets its hidden variable, false until it is taken (kept in the state, so rewind and saves keep it)."""
        if not option.once:
            return option
        name = f"{ONCE}{choice_id}.{number}"
        self.variables[name] = False
        return replace(option, once=name)


def _may_vary(step: Step) -> bool:
    """Whether a stop's text (a choice's prompt or options) may hold a variety."""
    if not isinstance(step, STOPS):
        return False
    texts = [step.segments, *(option.segments for option in step.options)] if isinstance(step, Choice) else [step.segments]
    return any(isinstance(s, (Vary, When)) for segments in texts for s in segments)


def _shuffles(stop: Line | Choice | Ending) -> bool:
    texts = [stop.segments, *(option.segments for option in stop.options)] if isinstance(stop, Choice) else [stop.segments]
    return any(vary.kind == "shuffle" for segments in texts for vary in every(segments, Vary))
