"""What is on screen: `background:`, `scene:` (every sprite goes), `show:` and `hide:`, each with a transition."""

from __future__ import annotations

import yaml

from game.script.model import Background, Hide, Show
from game.script.problems import Place
from game.script.reader import ScriptReader
from game.script.steps.base import Compiled, Options, Run, StepKind

TRANSITION_OPTIONS = ("transition", "duration")


def read_background(reader: ScriptReader, path: str, node: yaml.Node, options: Options, *, clears: bool = False) -> Background | None:
    name = reader.asset_name(path, node, "a background")
    if name is None:
        return None
    reader.assets.background(name, Place.of(path, node))
    return Background(name, reader.transition(path, options), clears)


def read_scene(reader: ScriptReader, path: str, node: yaml.Node, options: Options) -> Background | None:
    return read_background(reader, path, node, options, clears=True)


def read_show(reader: ScriptReader, path: str, node: yaml.Node, options: Options) -> Show | None:
    text = reader.text(path, node, "`show:`")
    shown = reader.show_words(path, node, tuple(text.split())) if text is not None else None
    if shown is None:
        return None
    character, expression, position, _ = shown
    return Show(character, expression, position, reader.transition(path, options))


def read_hide(reader: ScriptReader, path: str, node: yaml.Node, options: Options) -> Hide | None:
    text = reader.text(path, node, "`hide:`")
    if text is None or not reader.known_character(path, node, text.strip()):
        return None
    return Hide(text.strip(), reader.transition(path, options))


def _change(step: Background | Show | Hide, run: Run) -> None:
    run.change(step)


BACKGROUND_STEP = Compiled(Background, _change)
BACKGROUND = StepKind("background", read_background, TRANSITION_OPTIONS, (BACKGROUND_STEP,))
SCENE = StepKind("scene", read_scene, TRANSITION_OPTIONS, (BACKGROUND_STEP,))
SHOW = StepKind("show", read_show, TRANSITION_OPTIONS, (Compiled(Show, _change),))
HIDE = StepKind("hide", read_hide, TRANSITION_OPTIONS, (Compiled(Hide, _change),))
