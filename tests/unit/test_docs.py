"""The writer's guide's examples load and pass `check`, in the starter game `new` writes.

A block that is a whole file (it starts with `script:`, `characters:` or
`variables:`) replaces the starter's scenes; a `game.yaml` block replaces its
game.yaml; a fragment of steps is put under `- label: start` in the starter's
scenes, with a label (ending there) for each label it jumps to.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from game import ROOT
from game.folder import load_game
from game.script import load_story
from game.starter import write_starter

GUIDE = ROOT / "docs" / "writing-scenes.md"
PAGES = (GUIDE, ROOT / "docs" / "coming-from-ink.md", ROOT / "docs" / "coming-from-renpy.md")
BLOCKS = [block for page in PAGES for block in re.findall(r"```yaml\n(.*?)```", page.read_text(encoding="utf-8"), flags=re.S)]


@pytest.fixture(scope="module")
def starter(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("starter") / "game"
    assert write_starter(folder) == 0
    return folder


def _kind(block: str) -> str:
    first = next(line for line in block.splitlines() if line.strip() and not line.startswith("#"))
    if re.match(r"(script|characters|variables|constants|temp):", first):
        return "file"
    return "fragment" if first.startswith("  - ") else "game.yaml"


def test_the_guide_has_examples_of_every_kind():
    assert {_kind(block) for block in BLOCKS} == {"file", "fragment", "game.yaml"}
    assert "python main.py new" in GUIDE.read_text(encoding="utf-8").split("\n## ")[1]  # the guide starts from `new`


@pytest.mark.parametrize("block", BLOCKS, ids=[f"block{n}" for n in range(len(BLOCKS))])
def test_each_example_loads_and_passes_check(block, starter, tmp_path):
    game_root = Path(shutil.copytree(starter, tmp_path / "game"))
    scenes = game_root / "scenes"
    kind = _kind(block)
    if kind == "game.yaml":
        (game_root / "game.yaml").write_text(block, encoding="utf-8")
    elif kind == "file":
        shutil.rmtree(scenes)
        scenes.mkdir()
        (scenes / "example.yaml").write_text(block, encoding="utf-8")
    else:
        (scenes / "story.yaml").unlink()
        targets = sorted(set(re.findall(r"jump: (\w+)", block)))
        stubs = "".join(f"  - label: {label}\n  - ending: {label}\n" for label in targets)
        (scenes / "example.yaml").write_text(f"script:\n  - label: start\n{block}  - ending: End\n{stubs}", encoding="utf-8")
    story, warnings = load_story(game=load_game(game_root))
    assert story.steps
    assert [str(w) for w in warnings if "never be reached" not in w.message] == []
