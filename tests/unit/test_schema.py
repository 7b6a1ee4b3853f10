"""The JSON Schemas for scene files and game.yaml (issue 17): every shipped file, the starter,
the sample game and the guide's examples are valid; mistakes are not; the files are up to date."""

from __future__ import annotations

import re
import urllib.parse
from pathlib import Path

import jsonschema
import pytest
import yaml

from game import ROOT
from game.script import schema
from game.script.steps.registry import KINDS
from game.starter import write_starter

SCENES = jsonschema.Draft7Validator(schema.scene_schema())
GAME = jsonschema.Draft7Validator(schema.game_schema())
STEPS = jsonschema.Draft7Validator({**schema.scene_schema(), "$ref": "#/definitions/steps"})


def _errors(validator: jsonschema.Draft7Validator, value: object) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(value)]


def _scene_files() -> list[Path]:
    return (sorted((ROOT / "scenes").glob("*.yaml")) + sorted((ROOT / "tests" / "sample_game" / "scenes").glob("*.yaml"))
            + sorted((ROOT / "docs" / "examples").glob("*/scenes/*.yaml")))


@pytest.mark.parametrize("path", _scene_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_shipped_scene_file_is_valid(path: Path) -> None:
    assert _errors(SCENES, yaml.safe_load(path.read_text(encoding="utf-8"))) == []


def test_the_sample_games_game_yaml_is_valid() -> None:
    assert _errors(GAME, yaml.safe_load((ROOT / "tests" / "sample_game" / "game.yaml").read_text(encoding="utf-8"))) == []


def test_the_starter_is_valid_and_names_the_schema_in_its_modeline(tmp_path: Path) -> None:
    write_starter(tmp_path / "starter")
    files = sorted((tmp_path / "starter").rglob("*.yaml"))
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        first = text.splitlines()[0]
        wanted = "game.schema.json" if path.name == "game.yaml" else "scene.schema.json"
        assert first.startswith("# yaml-language-server: $schema=") and first.endswith(wanted), path
        assert Path(urllib.parse.urlparse(first.split("=", 1)[1]).path).is_file(), "the modeline names the schema where it is"
        assert _errors(GAME if path.name == "game.yaml" else SCENES, yaml.safe_load(text)) == [], path


def _guide_examples() -> list[tuple[str, object]]:
    pages = ("writing-scenes.md", "coming-from-ink.md", "coming-from-renpy.md")
    guide = "\n".join((ROOT / "docs" / page).read_text(encoding="utf-8") for page in pages)
    blocks = re.findall(r"```yaml\n(.*?)```", guide, flags=re.DOTALL)
    return [(block.splitlines()[0], yaml.safe_load(block)) for block in blocks]


@pytest.mark.parametrize(("first", "example"), _guide_examples(), ids=lambda v: str(v)[:40] if isinstance(v, str) else "")
def test_every_example_in_the_guide_is_valid(first: str, example: object) -> None:
    if isinstance(example, list):
        assert _errors(STEPS, example) == []
    elif isinstance(example, dict) and set(example) <= {"variables", "constants", "temp", "characters", "script"}:
        assert _errors(SCENES, example) == []
    else:
        assert isinstance(example, dict)
        assert _errors(GAME, example) == []


@pytest.mark.parametrize(
    "mistake",
    [
        {"script": [{"show": "mina", "transtion": "fade"}]},
        {"script": [{"wait": "long"}]},
        {"script": [{"show": "mina", "jump": "walk"}]},
        {"characters": {"mina": {"name": "Mina", "color": "#ffffff"}}},
        {"scirpt": []},
        {"script": [{"choice": "Go?", "options": [{"text": "Yes"}]}]},
    ],
)
def test_mistakes_are_reported(mistake: dict) -> None:
    assert _errors(SCENES, mistake), mistake


def test_every_step_kind_has_its_words() -> None:
    """A new step kind (steps/registry.py) needs its description here before the schema can say it."""
    assert set(KINDS) <= set(schema.STEP_WORDS)
    assert {option for kind in KINDS.values() for option in kind.options} <= set(schema.OPTION_WORDS)


def test_the_game_schema_has_every_game_yaml_key() -> None:
    from game.folder import KEYS

    assert set(schema.GAME_WORDS) == set(KEYS)


def test_the_schema_files_are_up_to_date() -> None:
    for name, made in schema.schemas().items():
        assert (schema.SCHEMA_DIR / name).read_text(encoding="utf-8") == schema.text(made), f"run python -m game.script.schema ({name})"
