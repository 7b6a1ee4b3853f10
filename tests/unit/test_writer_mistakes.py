"""Writers' mistakes that `check` must place and name exactly (issue 16): quotes, tags, endless loops,
an unreached `--start`, and "did you mean"."""

from __future__ import annotations

import subprocess
import sys

import pytest

from game import ROOT
from game.script import ScriptError, load_story
from game.script.problems import MAX_LISTED, did_you_mean


def _problems(scenes, asset_root, text: str) -> list:
    with pytest.raises(ScriptError) as caught:
        load_story(scenes({"a.yaml": text}), assets=asset_root)
    return caught.value.problems


@pytest.mark.parametrize("text", [
    'script:\n  - label: start\n  - "Hello there.\n  - Next line.\n  - "Quoted again."\n  - More.\n  - ending: End\n',
    "script:\n  - label: start\n  - 'It is fine.\n  - Next line.\n  - Don't.\n  - ending: End\n",
    'script:\n  - label: start\n  - "Hello there.\n  - Next line.\n  - ending: End\n',
])
def test_an_unclosed_quote_is_reported_at_the_line_that_opened_it(scenes, asset_root, text):
    found = [p for p in _problems(scenes, asset_root, text) if "YAML syntax" in p.message]
    assert [(p.place.line, p.place.col) for p in found] == [(3, 5)]
    assert "quote" in found[0].message + found[0].hint


@pytest.mark.parametrize(("tag", "column"), [("!!python/object:os.system", 10), ("!!python/name:os.system", 10), ("!!python/object/apply:os.system", 10)])
def test_a_python_tag_is_named_as_not_allowed_at_its_place(scenes, asset_root, tag, column):
    text = f"script:\n  - label: start\n  - set: {tag} ['echo hi']\n  - ending: End\n"
    found = [p for p in _problems(scenes, asset_root, text) if "is not allowed" in p.message]
    assert len(found) == 1 and f"the YAML tag '{tag}'" in found[0].message
    assert (found[0].place.line, found[0].place.col) == (3, column)


def test_a_loop_with_no_choice_or_ending_is_an_error_at_the_jump(scenes, asset_root):
    text = "script:\n  - label: start\n  - Hi.\n  - label: round\n  - jump: again\n  - label: again\n  - jump: round\n"
    found = [p for p in _problems(scenes, asset_root, text) if "round in a circle" in p.message]
    assert [(p.place.line, p.warning) for p in found] == [(5, False)]


def test_a_loop_whose_condition_never_changes_is_an_error_where_it_goes_round(scenes, asset_root):
    text = "variables:\n  n: 0\nscript:\n  - label: start\n  - Hi.\n  - label: round\n  - if: n < 3\n    then:\n      - jump: round\n  - ending: E\n"
    found = [p for p in _problems(scenes, asset_root, text) if "goes round here for ever" in p.message]
    assert [p.place.line for p in found] == [7]


def test_start_at_a_label_nothing_reaches_warns_with_its_starting_values(scenes, tmp_path):
    text = "constants:\n  LIMIT: 3\nvariables:\n  trust: 2\nscript:\n  - label: start\n  - ending: E\n  - label: island\n  - Alone.\n  - ending: I\n"
    folder = scenes({"a.yaml": text}, with_characters=False)
    run = subprocess.run([sys.executable, str(ROOT / "main.py"), "--scenes", str(folder), "--start", "island", "transcript"], capture_output=True, text=True, cwd=tmp_path, check=False)
    assert "warning: nothing reaches label 'island' from 'start', so it starts with the starting values (LIMIT = 3, trust = 2)" in run.stderr
    assert run.stdout.splitlines() == ["Alone.", "Ending: I"]


def test_did_you_mean_names_only_close_names_and_never_more_than_ten():
    labels = [f"room_{n}" for n in range(40)] + ["cellar", "kitchen", "garden"]
    assert did_you_mean("celar", labels) == "did you mean 'cellar'?"
    far = did_you_mean("zzz", labels)
    assert "room_" not in far and "cellar" not in far and "43" in far
    near = did_you_mean("ro", labels)
    listed = near.split(": ", 1)[1].split(", ")
    assert 0 < len(listed) <= MAX_LISTED and all(name.startswith("room_") for name in listed)
    assert did_you_mean("zzz", ["fade", "cut"]) == "use one of: cut, fade"  # a few names: all of them
