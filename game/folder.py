"""A game is a folder: `scenes/`, `art/`, `audio/` and an optional `game.yaml`.

`load_game(root)` reads `game.yaml` (every entry optional, each checked with its
line) into a `GameFolder`, the one value the rest of the engine asks for the
game's title, starting label, title screen and end card, and its data's id.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from game.gamefolder import ENGINE, GameFolder
from game.resolver import Refused, game_file
from game.script.assets import AssetCheck
from game.script.problems import Place, Problem, ScriptError, did_you_mean, shown_path
from game.script.yaml_files import compose_file

__all__ = ["ENGINE", "GameFolder", "load_game"]  # GameFolder and ENGINE live in game.gamefolder, found here too

FILE_NAME = "game.yaml"
TEXT_KEYS = ("id", "title", "start", "title_background", "end_card")
OPTIONAL_KEYS = ("title_logo", "title_music")  # `null` (or `~`) means none
KEYS = (*TEXT_KEYS, *OPTIONAL_KEYS, "fallback_fonts", "version", "icon", "build", "language")
ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")  # it names the player's data folder: no slashes, no `..`
VERSION = re.compile(r"^[0-9]+\.[0-9]+\.[0-9]+$")  # x.y.z: it is in the built app's archive and folder names
#: A language code as gettext names them: `fr`, `pt_BR`, `zh_Hant` (game.yaml's `language:`, `translate LANG`).
LANGUAGE = re.compile(r"^[a-z]{2,3}(?:_[A-Za-z0-9]{2,8})?$")
BUILD_KEYS = ("exclude",)


def load_game(root: Path, *, scenes: Path | None = None, engine: Path = ENGINE) -> GameFolder:
    """The game in `root`, with its `game.yaml` read and checked; raises `ScriptError`.

    `engine` is the folder files the game lacks are taken from (the project's own, unless a test gives its copy).
    """
    if not root.is_dir():
        what = "is not a folder" if root.exists() else "does not exist"
        raise ScriptError([Problem(Place(shown_path(root), 0, 0), f"the game folder {what}", "give the folder holding scenes/ (and art/, audio/, game.yaml)")])
    config = root / FILE_NAME
    if not config.is_file():
        return GameFolder(root=root, scenes=scenes or root / "scenes", id=_id_from(root, engine), engine=engine)
    problems: list[Problem] = []
    values, places = _read(config, problems)
    values.setdefault("id", _id_from(root, engine))
    if problems:
        raise ScriptError(problems)
    game = GameFolder(root=root, scenes=scenes or root / "scenes", engine=engine, **values)
    _check_files(game, places, problems)
    if problems:
        raise ScriptError(problems)
    return game


def _id_from(root: Path, engine: Path) -> str:
    """A game without an `id:` keeps its data under its folder's name (Hub's own folder is "hub")."""
    if root.resolve() == engine.resolve():
        return "hub"
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", root.resolve().name).lstrip(".") or "game"
    return "hub_game" if name == "hub" else name  # "hub" is our story's data: a folder named so must not share it


def _read(config: Path, problems: list[Problem]) -> tuple[dict[str, Any], dict[str, Place]]:
    """The settings `game.yaml` gives, and the place of each."""
    read: list[Problem] = []
    node = compose_file(config, read)
    problems += [p for p in read if not p.warning]  # an empty game.yaml is no mistake: every entry is optional
    if node is None:
        return {}, {}
    shown = shown_path(config)
    if not isinstance(node, yaml.MappingNode):
        problems.append(Problem(Place.of(shown, node), "game.yaml is a mapping of settings", "write e.g. `title: My Game` on a line"))
        return {}, {}
    values: dict[str, Any] = {}
    places: dict[str, Place] = {}
    for key, value in node.value:
        name = getattr(key, "value", "")
        if name in places:
            problems.append(Problem(Place.of(shown, key), f"'{name}' is given twice in game.yaml (first at line {places[name].line})", "keep one of them"))
        elif name not in KEYS:
            problems.append(Problem(Place.of(shown, key), f"unknown game.yaml key '{name}'", did_you_mean(name, KEYS)))
        elif name == "build":
            if (exclude := _build(value, shown, problems)) is not _BAD:
                values["build_exclude"] = exclude
            places[name] = Place.of(shown, value)
        elif (given := _value(name, value, Place.of(shown, value), problems)) is not _BAD:
            values[name] = given
            places[name] = Place.of(shown, value)
    return values, places


_BAD = object()  # a value that was reported as wrong


def _value(name: str, node: yaml.Node, place: Place, problems: list[Problem]) -> object:
    if name == "fallback_fonts":
        if isinstance(node, yaml.SequenceNode) and all(isinstance(i, yaml.ScalarNode) and i.value for i in node.value):
            return tuple(i.value for i in node.value)
        problems.append(Problem(place, "fallback_fonts is a list of font files", "write e.g. `fallback_fonts: [NotoSans-Regular.ttf]`"))
        return _BAD
    if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null" and name in OPTIONAL_KEYS:
        return None
    if name == "id" and not (isinstance(node, yaml.ScalarNode) and ID.match(node.value)):
        problems.append(Problem(place, f"id must be one word of letters, digits, _, - or . (it names your players' data folder), not {getattr(node, 'value', '...')!r}", "write e.g. `id: my_game`"))
        return _BAD
    if name == "language" and not (isinstance(node, yaml.ScalarNode) and LANGUAGE.match(node.value)):
        problems.append(Problem(place, f"language is the code of the language the game is written in, not {getattr(node, 'value', '...')!r}", "write e.g. `language: en` (or fr, de, ja, pt_BR)"))
        return _BAD
    if name == "version" and not (isinstance(node, yaml.ScalarNode) and VERSION.match(node.value)):
        problems.append(Problem(place, f"version must be three numbers x.y.z, not {getattr(node, 'value', '...')!r}", "write e.g. `version: 1.0.0`"))
        return _BAD
    if isinstance(node, yaml.ScalarNode) and node.value.strip() and node.tag != "tag:yaml.org,2002:null":
        return node.value
    problems.append(Problem(place, f"{name} must be text", f"write e.g. `{name}: {_EXAMPLES[name]}`"))
    return _BAD


def _build(node: yaml.Node, shown: str, problems: list[Problem]) -> object:
    """`build:`'s settings: today only `exclude`, a list of patterns like `art/sketches/*`."""
    if not isinstance(node, yaml.MappingNode):
        problems.append(Problem(Place.of(shown, node), "build: is a mapping of build settings", "write e.g. `build: {exclude: [art/sketches/*]}`"))
        return _BAD
    exclude: object = ()
    for key, value in node.value:
        name = getattr(key, "value", "")
        if name not in BUILD_KEYS:
            problems.append(Problem(Place.of(shown, key), f"unknown build: key '{name}'", did_you_mean(name, BUILD_KEYS)))
        elif isinstance(value, yaml.SequenceNode) and all(isinstance(i, yaml.ScalarNode) and i.value for i in value.value):
            exclude = tuple(i.value for i in value.value)
        else:
            problems.append(Problem(Place.of(shown, value), "exclude is a list of file patterns, relative to the game folder", "write e.g. `exclude: [art/sketches/*, audio/*.flac]`"))
            exclude = _BAD
    return exclude


_EXAMPLES = {"id": "my_game", "title": "My Game", "start": "start", "title_background": "title", "end_card": "THE END", "title_logo": "logo", "title_music": "theme", "icon": "icon.png"}


def _check_files(game: GameFolder, places: dict[str, Place], problems: list[Problem]) -> None:
    """Every file `game.yaml` names must exist (the engine's own count); each is reported at its line."""
    check = AssetCheck(game, problems)
    default = Place(FILE_NAME, 1, 1)
    check.background(game.title_background, places.get("title_background", default))
    if game.title_logo:
        check.ui(game.title_logo, places.get("title_logo", default))
    if game.title_music:
        check.sound(game.title_music, places.get("title_music", default), what="music")
    for font in game.fallback_fonts:
        check.font(font, places.get("fallback_fonts", default))
    if game.icon:
        if (trouble := icon_problem(game.root, game.icon)) is not None:
            problems.append(Problem(places.get("icon", default), f"icon {game.icon}: {trouble}", "give a square PNG in the game folder, e.g. `icon: icon.png` (256x256)"))


def icon_problem(root: Path, icon: str) -> str | None:
    """Why `icon` cannot be the game's icon (outside the folder, missing, not a PNG, far from square), or None."""
    from PIL import Image

    from game.script.files import check_image

    try:
        path = game_file(root, icon)
    except Refused as error:
        return str(error)
    if (trouble := check_image(path)) is not None:
        return trouble
    with Image.open(path) as image:
        kind, (width, height) = image.format, image.size
    if kind != "PNG":
        return f"is a {kind} picture, not a PNG"
    if max(width, height) > 1.1 * min(width, height):
        return f"is {width}x{height}: an icon must be square (systems squeeze it otherwise)"
    return None
