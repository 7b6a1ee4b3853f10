"""Where the player decides, or the story ends: `choice:` with its `options:`, and `ending:`."""

from __future__ import annotations

from collections.abc import Iterable

import yaml

from game.script.model import Choice, Ending, Option, Story
from game.script.problems import did_you_mean
from game.script.reader import ScriptReader, is_null
from game.script.steps.base import Compiled, Options, StepKind, nothing

OPTION_FIELDS = ("text", "jump", "if", "set")


def read_choice(reader: ScriptReader, path: str, node: yaml.Node, options: Options) -> Choice | None:
    prompt = "" if is_null(node) else reader.text(path, node, "the choice's prompt")
    segments = reader.markup(path, node, prompt) if prompt else ()
    speaker = None
    if "speaker" in options and (named := reader.name(path, options["speaker"], "a speaker")) and reader.known_character(path, options["speaker"], named):
        speaker = named
    listed = options.get("options")
    if not isinstance(listed, yaml.SequenceNode) or not listed.value:
        reader.error(path, listed or node, "a choice needs `options:`, a list of at least one", "add `options:` with `- text: ...` and `jump: LABEL` for each")
        return None
    picked = [_option(reader, path, item) for item in listed.value]
    taken = [option for option in picked if option is not None]
    if prompt is None or len(taken) < len(picked):
        return None
    return Choice(prompt, tuple(taken), speaker=speaker, segments=segments)


def _option(reader: ScriptReader, path: str, node: yaml.Node) -> Option | None:
    pairs = reader.pairs(path, node) if isinstance(node, yaml.MappingNode) else []
    fields = {k.value: v for k, v in pairs}
    if "text" not in fields or "jump" not in fields:
        reader.error(path, node, "an option needs `text:` and `jump:`", "write `- text: Let him go.` and, below it, `  jump: LABEL`")
        return None
    for key, _ in pairs:
        if key.value not in OPTION_FIELDS:
            reader.error(path, key, f"unknown option field '{key.value}'", did_you_mean(key.value, OPTION_FIELDS))
    text = reader.text(path, fields["text"], "an option's text")
    if text is not None and not text.strip():
        reader.error(path, fields["text"], "an option's text is empty", "write what the player picks, e.g. `text: Stay.`")
        text = None
    segments = reader.markup(path, fields["text"], text) if text and ("{" in text or "[" in text) else ()
    target = reader.label_target(path, fields["jump"])
    condition = reader.condition(path, fields["if"]) if "if" in fields else None
    sets = reader.assignments(path, fields["set"]) if "set" in fields else ()
    if text is None or target is None or "if" in fields and condition is None or sets is None:
        return None
    return Option(text, target, condition, sets, segments)


def read_ending(reader: ScriptReader, path: str, node: yaml.Node, options: Options) -> Ending | None:
    name = reader.text(path, node, "the ending's name")
    segments = reader.markup(path, node, name) if name and ("{" in name or "[" in name) else ()
    return Ending(name, segments=segments) if name else None


def _to_options(story: Story, index: int, step: Choice) -> Iterable[int]:
    return (story.labels[option.label] for option in step.options)


def _nowhere(story: Story, index: int, step: Ending) -> Iterable[int]:
    return ()


CHOICE = StepKind("choice", read_choice, ("options", "speaker"), (Compiled(Choice, nothing, stop=True, ends_block=True, successors=_to_options),))
ENDING = StepKind("ending", read_ending, (), (Compiled(Ending, nothing, stop=True, ends_block=True, successors=_nowhere),))
