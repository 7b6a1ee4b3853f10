"""Variety inside a line: `{cycle: a|b}`, `{once: a|b}`, `{shuffle: a|b}`, counted in the story state (issue 16)."""

from __future__ import annotations

import pytest

from game.beats import after, begin
from game.script import ScriptError, load_story
from game.transcript import transcript

LOOP = """
variables:
  n: 0
script:
  - label: start
  - label: again
  - "The clock {cycle: ticks|tocks}. {once: First|Second|Again}. {shuffle: red|green|blue}."
  - set: n += 1
  - if: n < 6
    then:
      - jump: again
  - ending: E
"""


def lines(story):
    return [line for line in transcript(story) if not line.startswith("Ending")]


def test_cycle_goes_round_once_stops_at_the_last_and_shuffle_shows_each_once_a_round(scenes, asset_root):
    story, _ = load_story(scenes({"a.yaml": LOOP}), assets=asset_root)
    read = lines(story)
    assert [line.split(".")[0] for line in read] == ["The clock ticks", "The clock tocks"] * 3
    assert [line.split(". ")[1] for line in read] == ["First", "Second", "Again", "Again", "Again", "Again"]
    colours = [line.split(". ")[2].rstrip(".") for line in read]
    assert sorted(colours[:3]) == sorted(colours[3:]) == ["blue", "green", "red"]


def test_the_same_playthrough_shows_the_same_picks_and_an_earlier_state_is_untouched(scenes, asset_root):
    story, _ = load_story(scenes({"a.yaml": LOOP}), assets=asset_root)
    assert lines(story) == lines(story)  # reloading replays the same picks
    first = begin(story)
    second = after(story, first.state)
    assert first.text != second.text and begin(story).text == first.text


def test_a_variety_needs_two_choices(scenes, asset_root):
    text = "script:\n  - label: start\n  - \"A {cycle: only}.\"\n  - ending: E\n"
    with pytest.raises(ScriptError) as caught:
        load_story(scenes({"a.yaml": text}), assets=asset_root)
    assert any("{cycle:} needs two or more choices" in p.message and p.place.col == 8 for p in caught.value.problems), [str(p) for p in caught.value.problems]


EVERYWHERE = """
variables:
  n: 0
script:
  - label: start
  - label: again
  - choice: "{cycle: Knock?|Knock again?}"
    options:
      - text: "{once: Knock.|Knock louder.|Pound.}"
        if: n < 3
        set: n += 1
        jump: again
      - text: "Leave {shuffle: quietly|slowly}."
        jump: out
  - label: out
  - ending: "{cycle: Gone|Away}"
"""


def test_variety_works_in_prompts_option_texts_and_ending_names(scenes, asset_root):
    story, _ = load_story(scenes({"a.yaml": EVERYWHERE}), assets=asset_root)
    read = list(transcript(story, options=[0, 0, 0, 0]))  # the fourth time only "Leave" is shown
    assert [line for line in read if not line.startswith(">")][:4] == ["Knock?", "Knock again?", "Knock?", "Knock again?"]
    assert [line for line in read if line.startswith("> Knock") or line == "> Pound."] == ["> Knock.", "> Knock louder.", "> Pound."]
    assert read[-1] == "Ending: Gone" and read[-2] in ("> Leave quietly.", "> Leave slowly.")


def test_an_option_shows_the_same_pick_until_it_is_taken_and_after_rewind(scenes, asset_root):
    story, _ = load_story(scenes({"a.yaml": EVERYWHERE}), assets=asset_root)
    at_choice = begin(story)
    assert [o.text for o in at_choice.options][0] == "Knock."
    again = after(story, at_choice.state, 0)
    assert [o.text for o in again.options][0] == "Knock louder."
    assert [o.text for o in at_choice.options][0] == "Knock."  # the earlier state (rewind) still shows its pick


SHUFFLED = "script:\n  - label: start\n  - label: loop\n  - \"{shuffle: a|b|c|d|e|f|g|h}\"\n  - jump: loop\n"


def _picks(story, seed: int, count: int = 8) -> list[str]:
    beat, picks = begin(story, seed=seed), []
    for _ in range(count):
        picks.append(beat.text)
        beat = after(story, beat.state)
    return picks


def test_each_seed_orders_the_shuffles_its_own_way_and_the_state_keeps_it(scenes, asset_root):
    from game.playthrough import Playthrough
    from game.state import StoryState

    story, _ = load_story(scenes({"a.yaml": SHUFFLED}), assets=asset_root)
    assert _picks(story, 0) == _picks(story, 0)  # transcript's fixed order
    orders = {tuple(_picks(story, seed)) for seed in (0, 1, 2, 3, 4)}
    assert len(orders) > 1 and all(sorted(order) == list("abcdefgh") for order in orders)
    beat = after(story, begin(story, seed=7).state)
    loaded = StoryState.from_json(story, beat.state.to_json(story))
    assert after(story, loaded).text == after(story, beat.state).text  # a reload goes on with the same seed
    old = beat.state.to_json(story)
    del old["variables"]["~seed"]  # a save from before seeds: the fixed order
    assert dict(StoryState.from_json(story, old).variables)["~seed"] == 0
    play = Playthrough(story)
    for _ in range(3):
        play.advance()
    again, _ = Playthrough.from_json(story, play.to_json(), save_format=3)
    assert [b.text for b in again.beats] == [b.text for b in play.beats]
    assert dict(again.current.state.variables)["~seed"] == dict(play.current.state.variables)["~seed"]


def test_transcript_takes_a_seed(scenes, asset_root):
    story, _ = load_story(scenes({"a.yaml": LOOP}), assets=asset_root)
    assert list(transcript(story)) == list(transcript(story, seed=0))
    assert any(list(transcript(story, seed=seed)) != list(transcript(story)) for seed in (1, 2, 3, 4, 5))


def test_the_transcript_command_takes_a_seed(scenes, asset_root, tmp_path):
    import subprocess
    import sys

    from game import ROOT

    folder = scenes({"a.yaml": LOOP}, with_characters=False)
    run = [sys.executable, str(ROOT / "main.py"), "--scenes", str(folder), "transcript"]
    fixed = subprocess.run(run, capture_output=True, text=True, cwd=tmp_path, check=False).stdout
    assert fixed == subprocess.run([*run, "--seed", "0"], capture_output=True, text=True, cwd=tmp_path, check=False).stdout
    seeded = {subprocess.run([*run, "--seed", str(seed)], capture_output=True, text=True, cwd=tmp_path, check=False).stdout for seed in (1, 2, 3)}
    assert seeded - {fixed} and all(out.count("\n") == fixed.count("\n") for out in seeded)
    refused = subprocess.run([*run, "--seed", "x"], capture_output=True, text=True, cwd=tmp_path, check=False)
    assert refused.returncode == 2 and "is not a seed" in refused.stderr
