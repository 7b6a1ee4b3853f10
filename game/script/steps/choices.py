"""Where the player decides, or the story ends: `choice:` with its `options:`, and `ending:`.

An option either jumps (`jump: LABEL`) or carries its own steps (`do:`), after
which the story goes on after the choice (ink's gather). Such a choice is
compiled in place: the choice, then each option's steps ending in a step on to
what follows the choice, then its `fallback:` steps (when every option is
hidden, the story goes on there instead of stopping).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

import yaml

from game.script.model import Choice, Ending, Goto, Option, Story, option_target
from game.script.problems import Place, did_you_mean
from game.script.reader import ScriptReader, is_null
from game.script.steps.base import PLACED, Compiled, Options, StepKind, nothing

OPTION_FIELDS = ("text", "jump", "do", "if", "set", "once")
#: An option as read: the option, and its `do:` steps still to be compiled (None when it jumps).
Read = tuple[Option, yaml.Node | None]


def read_choice(reader: ScriptReader, path: str, node: yaml.Node, options: Options) -> Choice | str | None:
    prompt = "" if is_null(node) else reader.text(path, node, "the choice's prompt")
    segments = reader.markup(path, node, prompt) if prompt else ()
    speaker = None
    if "speaker" in options and (named := reader.name(path, options["speaker"], "a speaker")) and reader.known_character(path, options["speaker"], named):
        speaker = named
    listed = options.get("options")
    if not isinstance(listed, yaml.SequenceNode) or not listed.value:
        reader.error(path, listed or node, "a choice needs `options:`, a list of at least one", "add `options:` with `- text: ...` and `jump: LABEL` (or `do:` and its steps) for each")
        return None
    picked = [_option(reader, path, item) for item in listed.value]
    taken = [option for option in picked if option is not None]
    if prompt is None or len(taken) < len(picked):
        return None
    choice = Choice(prompt, tuple(option for option, _ in taken), speaker=speaker, segments=segments)
    if all(steps is None for _, steps in taken) and "fallback" not in options:
        return choice  # every option jumps: the choice ends the block, as it always has
    return _placed(reader, path, choice, taken, options.get("fallback"))


def _placed(reader: ScriptReader, path: str, choice: Choice, taken: list[Read], fallback: yaml.Node | None) -> str:
    """The choice compiled in place, each `do:` block after it going on to the steps after the choice."""
    assert reader.item is not None
    choice_at = reader.add(Goto(-1), Place.of(path, reader.item))  # the choice, once its blocks' places are known
    ends: list[int] = []
    options = []
    for option, steps in taken:
        if steps is not None:
            option = replace(option, body=len(reader.steps))
            ends += _block(reader, path, steps, "`do:`")
        options.append(option)
    fallback_at = -1
    if fallback is not None:
        fallback_at = len(reader.steps)
        ends += _block(reader, path, fallback, "`fallback:`")
    for at in ends:
        reader.steps[at] = Goto(len(reader.steps))
    reader.branch_steps += ends
    reader.steps[choice_at] = replace(choice, options=tuple(options), fallback=fallback_at)
    return PLACED


def _block(reader: ScriptReader, path: str, node: yaml.Node, what: str) -> list[int]:
    """An option's (or the fallback's) steps; gives the step going on after the choice that ends them, if it is needed."""
    place = Place.of(path, node)
    if isinstance(node, yaml.SequenceNode):
        first, branches = len(reader.steps), len(reader.branch_steps)
        reader.block(path, node)
        end = len(reader.steps)
        falls_out = any(getattr(reader.steps[i], "otherwise", -1) == end or getattr(reader.steps[i], "target", -1) == end for i in reader.branch_steps[branches:])
        if end > first and reader.ends_block(reader.steps[-1]) and not falls_out:
            return []  # it ends in a jump, an ending...: nothing goes on after the choice from here
    elif not is_null(node):
        reader.error(path, node, f"{what} is a list of steps", "write the steps below it, each starting with '- '")
    return [reader.add(Goto(-1), place)]


def _option(reader: ScriptReader, path: str, node: yaml.Node) -> Read | None:
    pairs = reader.pairs(path, node) if isinstance(node, yaml.MappingNode) else []
    fields = {k.value: v for k, v in pairs}
    if "text" not in fields or ("jump" in fields) == ("do" in fields):
        both = "jump" in fields and "do" in fields
        reader.error(path, node, "an option takes `jump:` or `do:`, not both" if both else "an option needs `text:` and `jump:` (or `do:`)",
                     "keep one: `jump: LABEL` goes there; `do:` runs its steps, then the story goes on after the choice" if both else "write `- text: Let him go.` and, below it, `  jump: LABEL` (or `  do:` with steps under it)")
        return None
    for key, _ in pairs:
        if key.value not in OPTION_FIELDS:
            reader.error(path, key, f"unknown option field '{key.value}'", did_you_mean(key.value, OPTION_FIELDS))
    text = reader.text(path, fields["text"], "an option's text")
    if text is not None and not text.strip():
        reader.error(path, fields["text"], "an option's text is empty", "write what the player picks, e.g. `text: Stay.`")
        text = None
    segments = reader.markup(path, fields["text"], text) if text and ("{" in text or "[" in text) else ()
    target = reader.label_target(path, fields["jump"]) if "jump" in fields else ""
    condition = reader.condition(path, fields["if"]) if "if" in fields else None
    sets = reader.assignments(path, fields["set"]) if "set" in fields else ()
    once = reader.boolean(path, fields["once"], "once") if "once" in fields else False
    if text is None or target is None or "if" in fields and condition is None or sets is None:
        return None
    return Option(text, target, condition, sets, segments, once="?" if once else ""), fields.get("do")


def read_ending(reader: ScriptReader, path: str, node: yaml.Node, options: Options) -> Ending | None:
    name = reader.text(path, node, "the ending's name")
    segments = reader.markup(path, node, name) if name and ("{" in name or "[" in name) else ()
    return Ending(name, segments=segments) if name else None


def _to_options(story: Story, index: int, step: Choice) -> Iterable[int]:
    targets = [option_target(story, option) for option in step.options]
    return targets + [step.fallback] if step.fallback >= 0 else targets


def _nowhere(story: Story, index: int, step: Ending) -> Iterable[int]:
    return ()


CHOICE = StepKind("choice", read_choice, ("options", "speaker", "fallback"), (Compiled(Choice, nothing, stop=True, ends_block=True, successors=_to_options),))
ENDING = StepKind("ending", read_ending, (), (Compiled(Ending, nothing, stop=True, ends_block=True, successors=_nowhere),))
