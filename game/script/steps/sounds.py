"""What is heard: `music:` (`stop` for silence, with `fade:` and `loop:`) and `sound:`."""

from __future__ import annotations

import yaml

from game.script.model import Music, Sound
from game.script.problems import Place
from game.script.reader import ScriptReader
from game.script.steps.base import Compiled, Options, Run, StepKind


def read_music(reader: ScriptReader, path: str, node: yaml.Node, options: Options) -> Music | None:
    name = reader.asset_name(path, node, "music")
    if name is None:
        return None
    fade = reader.number(path, options["fade"], "fade", minimum=0.0) if "fade" in options else 1.0
    loop = reader.boolean(path, options["loop"], "loop") if "loop" in options else True
    if name == "stop":
        return Music(None, fade, loop)
    reader.assets.sound(name, Place.of(path, node), what="music")
    return Music(name, fade, loop)


def read_sound(reader: ScriptReader, path: str, node: yaml.Node, options: Options) -> Sound | None:
    name = reader.asset_name(path, node, "a sound")
    if name is None:
        return None
    reader.assets.sound(name, Place.of(path, node))
    return Sound(name)


def _music(step: Music, run: Run) -> None:
    run.play_music(step)


def _sound(step: Sound, run: Run) -> None:
    run.play_sound(step.name)


MUSIC = StepKind("music", read_music, ("fade", "loop"), (Compiled(Music, _music),))
SOUND = StepKind("sound", read_sound, (), (Compiled(Sound, _sound),))
