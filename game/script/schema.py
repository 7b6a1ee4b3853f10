"""JSON Schemas for scene files and game.yaml, for editors (yaml-language-server) and tests.

The step kinds and their options come from `steps/registry.py`, so a new kind
appears here by itself; its words (`STEP_WORDS`) match docs/writing-scenes.md's
table, and a test fails until a new kind has them. `python -m game.script.schema`
writes docs/schema/scene.schema.json and game.schema.json; a test holds them
equal to what this module makes. The schema helps while typing; `check` is the
judge (labels, files, expressions and flow are beyond a schema).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from game import ROOT
from game.script.compiler import CHARACTER_KEYS
from game.script.steps.choices import OPTION_FIELDS
from game.script.steps.registry import KINDS, LINE_OPTIONS

SCHEMA_DIR = ROOT / "docs" / "schema"
DRAFT = "http://json-schema.org/draft-07/schema#"
TEXT = {"type": "string"}
NUMBER = {"type": "number", "minimum": 0}

#: What each step kind does, and what its value is: the words of the guide's table of steps.
STEP_WORDS: dict[str, tuple[str, dict[str, Any]]] = {
    "narrate": ("a line of narration, when the text needs options", TEXT),
    "scene": ("a new background, and every sprite taken away: `scene: park`", TEXT),
    "background": ("a new background; the sprites stay: `background: park`", TEXT),
    "show": ("show a character, or change their picture or place: `show: mina coat smile at left`", TEXT),
    "hide": ("take a character off screen: `hide: mina`", TEXT),
    "music": ("play audio/NAME.wav on a loop, fading in; `music: stop` fades it out", {"type": ["string", "null"]}),
    "sound": ("play audio/NAME.wav once: `sound: chime`", TEXT),
    "wait": ("a held beat: nothing is said for this many seconds", NUMBER),
    "label": ("a place to jump to; names are shared by all files", TEXT),
    "jump": ("go on from this label (in any file)", TEXT),
    "call": ("go to this label, and come back here at its `return:`", TEXT),
    "return": ("go back to just after the latest `call:`", {"type": "null"}),
    "set": ("change a variable: `set: warmth += 1` (or a list of changes)", {"type": ["string", "array"], "items": TEXT}),
    "if": ("do the `then:` steps when the condition holds, else the `else:` steps: `if: warmth >= 2`", {"type": ["string", "boolean"]}),
    "choice": ("the player chooses among `options:`; the value is the prompt (empty for none)", {"type": ["string", "null"]}),
    "ending": ("the story ends; the end card names the ending: `ending: Together`", TEXT),
    "move": ("walk a character on screen to another place over a time: `move: ianto to door 0.8`", TEXT),
    "flash": ("wash the screen with a colour that clears, the story waiting: `flash: red 1.2`", TEXT),
}
OPTION_WORDS: dict[str, tuple[str, dict[str, Any]]] = {
    "auto": ("go on by itself after this many seconds", NUMBER),
    "id": ("the line's own id, kept by saves and the seen record when lines around it change", TEXT),
    "voice": ("audio/voice/NAME.wav (or .ogg), read instead of synthetic speech", TEXT),
    "transition": ("how the change appears: cut, fade or dissolve", {"enum": ["cut", "fade", "dissolve"]}),
    "duration": ("the transition's length in seconds", NUMBER),
    "fade": ("seconds the music fades in or out over", NUMBER),
    "loop": ("play the music again and again (default true)", {"type": "boolean"}),
    "speaker": ("the character who says the prompt", TEXT),
    "then": ("the steps done when the condition holds", {"$ref": "#/definitions/steps"}),
    "else": ("the steps done otherwise", {"$ref": "#/definitions/steps"}),
    "options": ("what the player can pick", {"type": "array", "minItems": 1, "items": {"$ref": "#/definitions/option"}}),
    "fallback": ("the steps done when every option is used up or hidden", {"$ref": "#/definitions/steps"}),
}
CHOICE_OPTION_WORDS: dict[str, tuple[str, dict[str, Any]]] = {
    "text": ("what the player picks", TEXT),
    "jump": ("the label the story goes on from when it is picked", TEXT),
    "if": ("shown only when this condition holds", {"type": ["string", "boolean"]}),
    "set": ("changes made when it is picked", {"type": ["string", "array"], "items": TEXT}),
    "do": ("the option's own steps, instead of `jump:`; after them the story goes on after the choice", {"$ref": "#/definitions/steps"}),
    "once": ("hide the option once it has been taken in this playthrough", {"type": "boolean"}),
}
CHARACTER_WORDS: dict[str, tuple[str, dict[str, Any]]] = {
    "name": ("shown on the name plate", TEXT),
    "colour": ("the name plate's colour, #rrggbb", {"type": "string", "pattern": "^#[0-9a-fA-F]{6}$"}),
    "expressions": ("the character's pictures (without it, the pictures in art/sprites/ID/ are the expressions)", {"type": "array", "items": TEXT}),
}
GAME_WORDS: dict[str, tuple[str, dict[str, Any]]] = {
    "id": ("the player's saves, settings and seen lines are kept per id", TEXT),
    "title": ("the window's caption (and the title screen's words with no logo)", TEXT),
    "start": ("the label the story begins at", TEXT),
    "title_background": ("a background name for the title screen", TEXT),
    "title_logo": ("an interface picture (art/ui/NAME.png), or null for the title in text", {"type": ["string", "null"]}),
    "title_music": ("music on the title screen, or null for none", {"type": ["string", "null"]}),
    "end_card": ("the words above the ending's name on the end card", TEXT),
    "language": ("the language the game is written in, a code as gettext writes them (en, fr, pt_BR): the Language row lists it first; en unless given",
                 {"type": "string", "pattern": r"^[a-z]{2,3}(?:_[A-Za-z0-9]{2,8})?$"}),
    "fallback_fonts": ("font files (in art/fonts/) tried in order for letters the fonts lack", {"type": "array", "items": TEXT}),
    "version": ("x.y.z: in the built app's names", {"type": "string", "pattern": r"^\d+\.\d+\.\d+$"}),
    "icon": ("a square PNG in the game folder: the window's icon and the built app's", TEXT),
    "build": ("how `python main.py build` makes the app", {"type": "object", "additionalProperties": False, "properties": {"exclude": {"description": "files and folders the built app leaves out (`*` patterns work too)", "type": "array", "items": TEXT}}}),
}


def _described(words: dict[str, tuple[str, dict[str, Any]]], names: tuple[str, ...] | list[str]) -> dict[str, Any]:
    return {name: {"description": words[name][0], **words[name][1]} for name in names}


def _step(key: str) -> dict[str, Any]:
    kind = KINDS[key]
    return {"type": "object", "required": [key], "additionalProperties": False, "properties": _described({**STEP_WORDS, **OPTION_WORDS}, [key, *kind.options]), "description": STEP_WORDS[key][0]}


def scene_schema() -> dict[str, Any]:
    kinds = list(KINDS)
    character_line = {
        "type": "object",
        "description": "a line spoken by a character: `mina: Some text.`",
        "minProperties": 1,
        "properties": _described(OPTION_WORDS, LINE_OPTIONS),
        "additionalProperties": {"type": "string", "description": "the character's id, and what they say"},
        "not": {"anyOf": [{"required": [key]} for key in kinds]},
    }
    return {
        "$schema": DRAFT,
        "$id": "https://hub.invalid/schema/scene.schema.json",
        "title": "Hub scene file",
        "description": "A file holds `variables:`, `constants:`, `temp:`, `characters:`, `script:`, or any of them (docs/writing-scenes.md).",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "variables": {"description": "each variable's name and starting value (a number, true/false or text)", "type": "object", "additionalProperties": {"type": ["number", "boolean", "string"]}},
            "constants": {"description": "each constant's name and value: read like a variable, never set", "type": "object", "additionalProperties": {"type": ["number", "boolean", "string"]}},
            "temp": {"description": "each temporary value's name and start: set back to it every time the story passes a label", "type": "object", "additionalProperties": {"type": ["number", "boolean", "string"]}},
            "characters": {"description": "each character by id: the script says `id:`, pictures are in art/sprites/ID/", "type": "object", "additionalProperties": {"type": "object", "additionalProperties": False, "properties": _described(CHARACTER_WORDS, CHARACTER_KEYS)}},
            "script": {"$ref": "#/definitions/steps"},
        },
        "definitions": {
            "steps": {"description": "steps run top to bottom; a bare string is narration", "type": "array", "items": {"$ref": "#/definitions/step"}},
            "step": {"anyOf": [{"type": "string", "description": "a line of narration"}, *(_step(key) for key in kinds), character_line]},
            "option": {"type": "object", "required": ["text"], "oneOf": [{"required": ["jump"]}, {"required": ["do"]}], "additionalProperties": False, "properties": _described(CHOICE_OPTION_WORDS, OPTION_FIELDS)},
        },
    }


def game_schema() -> dict[str, Any]:
    """game.yaml's keys: `GAME_WORDS` (a test holds them equal to `game.folder.KEYS`; the script layer may not import it)."""
    return {
        "$schema": DRAFT,
        "$id": "https://hub.invalid/schema/game.schema.json",
        "title": "Hub game.yaml",
        "description": "Every entry is optional; the defaults are Hub's own (docs/writing-scenes.md, game.yaml).",
        "type": "object",
        "additionalProperties": False,
        "properties": _described(GAME_WORDS, list(GAME_WORDS)),
    }


def schemas() -> dict[str, dict[str, Any]]:
    return {"scene.schema.json": scene_schema(), "game.schema.json": game_schema()}


def text(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write(folder: Path = SCHEMA_DIR) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, schema in schemas().items():
        (folder / name).write_text(text(schema), encoding="utf-8")


if __name__ == "__main__":
    write()
