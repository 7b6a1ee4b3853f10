"""`transcript --cover` and `--limit`: a writer's test plan, and never a silent stop (issue 16)."""

from __future__ import annotations

import subprocess
import sys

from game import ROOT
from game.script import load_story
from game.transcript import cover, every_path

FORK = """
script:
  - label: start
  - choice: First?
    options:
      - text: A
        jump: second
      - text: B
        jump: second
      - text: C
        jump: second
  - label: second
  - choice: Second?
    options:
      - text: X
        jump: end
      - text: Y
        jump: end
  - label: end
  - ending: End
  - label: nowhere
  - choice: Never reached?
    options:
      - text: Z
        jump: end
"""


def test_cover_takes_every_reachable_option_in_the_fewest_paths(scenes, asset_root):
    story, _ = load_story(scenes({"a.yaml": FORK}), assets=asset_root)
    plan = cover(story)
    assert len(list(every_path(story))) == 6
    assert len(plan.paths) == 3  # A, B and C each once; X and Y on two of them
    taken = [line for _, lines in plan.paths for line in lines if line.startswith(">")]
    assert {"> A", "> B", "> C", "> X", "> Y"} <= set(taken)
    assert (plan.options, plan.taken, plan.complete) == (6, 5, True)


def test_the_command_says_how_many_paths_and_where_it_stopped(scenes, asset_root, tmp_path):
    folder = scenes({"a.yaml": FORK}, with_characters=False)
    run = [sys.executable, str(ROOT / "main.py"), "--scenes", str(folder), "transcript"]
    limited = subprocess.run([*run, "--all", "--limit", "2"], capture_output=True, text=True, cwd=tmp_path, check=False)
    assert limited.stdout.count("=== options taken") == 2
    assert "2 paths printed; it stopped at the limit of 2" in limited.stderr
    whole = subprocess.run([*run, "--all"], capture_output=True, text=True, cwd=tmp_path, check=False)
    assert "6 paths printed, every path to an ending" in whole.stderr
    plan = subprocess.run([*run, "--cover"], capture_output=True, text=True, cwd=tmp_path, check=False)
    assert plan.stdout.count("=== options taken") == 3
    assert "3 paths take every option that any path takes (5 of 6); 1 are taken on no path to an ending" in plan.stderr


def test_the_lighthouse_example_plays_and_its_cover_reads_as_written(asset_root):
    """docs/examples/lighthouse: a passage using adapting text, gathers, once-only options, visits and joins."""
    folder = ROOT / "docs" / "examples" / "lighthouse"
    story, warnings = load_story(folder / "scenes", assets=asset_root)
    assert [w.message.split(" here")[0] for w in warnings] == ["`check` stopped following the story's values"]  # visits("room") grows in its loop
    plan = cover(story)
    assert (plan.taken, plan.options, plan.complete) == (10, 10, True)
    printed = "\n\n".join("\n".join([f"=== options taken: {', '.join(str(n + 1) for n in taken)} ===", *lines]) for taken, lines in plan.paths)
    assert printed + "\n" == (folder / "cover.txt").read_text(encoding="utf-8")


def test_start_at_a_label_nothing_reaches_warns_with_the_values_it_starts_with(scenes, tmp_path):
    folder = scenes({"a.yaml": "variables:\n  trust: 2\nscript:\n  - label: start\n  - ending: E\n  - label: island\n  - Alone.\n  - ending: F\n"}, with_characters=False)
    run = subprocess.run([sys.executable, str(ROOT / "main.py"), "--scenes", str(folder), "--start", "island", "transcript"], capture_output=True, text=True, cwd=tmp_path, check=False)
    assert run.stdout.splitlines() == ["Alone.", "Ending: F"]
    assert "nothing reaches label 'island' from 'start', so it starts with the starting values (trust = 2)" in run.stderr
