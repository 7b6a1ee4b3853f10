"""The bench's generated stories: long ones are split into files a scene file's size limit allows."""

from __future__ import annotations

from pathlib import Path

from game.bench import generated_script
from game.limits import MAX_SCENE_BYTES
from game.script import load_story


def test_a_long_generated_story_is_split_into_files_that_check(tmp_path: Path) -> None:
    folder = generated_script(tmp_path / "scenes", 2_500, per_file=1_000)
    files = sorted(folder.glob("*.yaml"))
    assert [f.name for f in files] == ["long00.yaml", "long01.yaml", "long02.yaml"]
    assert all(f.stat().st_size < MAX_SCENE_BYTES for f in files)
    story, warnings = load_story(folder)
    assert story.count_lines() == 2_500 and warnings == []
