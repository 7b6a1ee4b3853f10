"""The test game in tests/sample_game (every feature of a game folder and the script): it checks
clean, its transcripts match the expected files, and variables stay right through rewind,
roll forward, --start and saved state."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game import ROOT
from game.beats import begin
from game.folder import load_game
from game.playthrough import Playthrough
from game.script import load_story
from game.script.model import Choice, Line
from game.state import StoryState
from game.transcript import TranscriptError, transcript

SAMPLE = ROOT / "tests" / "sample_game"
EXPECTED = SAMPLE / "transcripts"


def run_main(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=cwd, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def game():
    return load_game(SAMPLE)


@pytest.fixture(scope="module")
def sample(game):
    story, warnings = load_story(game=game)
    assert warnings == []
    return story


def play_to(play: Playthrough, predicate, options=()) -> None:
    """Advance (taking `options` in turn at choices, then the first) until `predicate(beat)`."""
    options = list(options)
    while not predicate(play.current):
        if play.at_choice:
            play.choose(options.pop(0) if options else 0)
        else:
            assert play.advance(), "the story ended first"


# -- the game folder ---------------------------------------------------------


@pytest.mark.parametrize("order", [("--game", str(SAMPLE), "check"), ("check", "--game", str(SAMPLE))])
def test_the_sample_game_checks_clean_with_game_before_or_after_the_command(order):
    """`--game DIR check` and `check --game DIR` both pass, with no warnings."""
    result = run_main(*order)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "no errors" in result.stdout


def test_game_yaml_is_read(game):
    """Every key of game.yaml reaches the GameFolder."""
    assert (game.id, game.title, game.start, game.title_background, game.title_logo, game.title_music, game.end_card) == (
        "sample_game",
        "The Sample Game",
        "opening",
        "meadow",
        None,
        "tune",
        "F I N",
    )
    assert game.fallback_fonts == ("Lato-Regular.ttf",)
    assert game.scenes == SAMPLE / "scenes"


def test_interface_files_come_from_the_engine(game):
    """The sample game has no art/ui or fonts: the engine's are used."""
    from game.script.assets import background_path, font_path, sprite_path, ui_path

    assert ui_path(game, "textbox") == ROOT / "art" / "ui" / "textbox.png"
    assert font_path(game, "Lato-Bold.ttf") == ROOT / "art" / "fonts" / "Lato-Bold.ttf"
    assert background_path(game, "stream") == SAMPLE / "art" / "backgrounds" / "stream.jpg"
    assert sprite_path(game, "sylvie", "green_sad") == SAMPLE / "art" / "sprites" / "sylvie" / "green_sad.webp"


# -- transcripts -------------------------------------------------------------


@pytest.mark.parametrize(("args", "expected"), [((), "all.txt"), (("--start", "talk"), "all_from_talk.txt")])
def test_every_path_matches_the_expected_transcript(args, expected):
    """`transcript --all` prints every path to every ending, each headed by the options taken."""
    result = run_main("transcript", "--all", "--game", str(SAMPLE), *args)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (EXPECTED / expected).read_text(encoding="utf-8")


def test_each_path_of_all_is_what_choose_prints():
    """The options heading each `--all` path, given to `--choose`, print that same path."""
    paths = (EXPECTED / "all.txt").read_text(encoding="utf-8").split("\n\n")
    assert len(paths) == 6
    for path in paths:
        heading, *lines = path.strip("\n").splitlines()
        numbers = heading.removeprefix("=== options taken: ").removesuffix(" ===").replace(" ", "")
        result = run_main("transcript", "--game", str(SAMPLE), "--choose", numbers)
        assert result.stdout.splitlines() == lines


def test_choose_takes_a_list_whose_last_number_repeats(sample):
    """`--choose 2,1` is option 2, then option 1 at every choice after."""
    assert list(transcript(sample, options=[1, 0])) == list(transcript(sample, options=[1, 0, 0, 0]))
    assert "> Show her the book." in list(transcript(sample, options=[0, 1, 0]))


def test_choose_counts_shown_options_only(sample):
    """With the book left behind, 'Show her the book.' is hidden, so option 2 does not exist there."""
    with pytest.raises(TranscriptError, match="shows options 1 to 1, not 2"):
        list(transcript(sample, options=[1, 1]))


def test_a_spoken_prompt_is_printed_with_its_speaker(sample):
    assert "Sylvie: Where to?" in list(transcript(sample))


def test_transcript_piped_into_head_is_not_an_error():
    """Closing the pipe early (as `head` does) ends the transcript quietly with status 0."""
    command = f"{sys.executable} {ROOT / 'main.py'} transcript --all --game {SAMPLE} | head -n 2"
    result = subprocess.run(["bash", "-o", "pipefail", "-c", command], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Error" not in result.stderr and "Traceback" not in result.stderr
    assert len(result.stdout.splitlines()) == 2


def test_a_loop_that_never_ends_stops_with_a_message(scenes, asset_root):
    """`--choose 1` going round a choice for ever is stopped with a clear message, not run for ever."""
    folder = scenes({"a.yaml": "script:\n  - label: start\n  - Round again.\n  - choice: Again?\n    options:\n      - text: Again.\n        jump: start\n      - text: Stop.\n        jump: stop\n  - label: stop\n  - ending: Done\n"}, with_characters=False)
    result = run_main("transcript", "--scenes", str(folder), "--choose", "1")
    assert result.returncode == 2
    assert "loop" in result.stderr and "never reaches an ending" in result.stderr
    assert result.stdout.splitlines() == ["Round again.", "Again?", "> Again."]  # stopped as it comes round
    assert "Traceback" not in result.stderr


# -- conditions, calls, variables ----------------------------------------------


def test_an_option_is_hidden_or_shown_by_its_condition(sample):
    """'Show her the book.' is shown only after taking the book; 'A secret way.' never."""
    for option, expected in ((0, ["Ask her right away.", "Show her the book."]), (1, ["Ask her right away."])):
        play = Playthrough(sample)
        play_to(play, lambda beat: isinstance(beat.stop, Choice) and beat.stop.prompt == "Where to?", [option])
        assert [o.text for o in play.current.options] == expected


def test_call_comes_back_where_it_was_called(sample):
    """`call: visit` plays the visit, then `return:` comes back after the call (to Jack's thanks)."""
    lines = list(transcript(sample, options=[0, 0]))
    visit = lines.index("Jack: The stream. Lovely.")
    assert lines[visit + 1] == "Jack: Thanks, Ianto. Trust is 1, ratio 1.5."


def test_variables_are_put_into_lines(sample):
    """`[name]` shows the value; an integer shows without `.0`; `[[` is a literal `[`."""
    lines = list(transcript(sample, options=[0, 1, 1]))
    assert "The Voice: Welcome, Ianto." in lines
    assert "A meadow. [Not a real one.]" in lines
    assert "Sylvie: Trust fell to 2.\nStars came out." in lines  # a block's newline stays a line break
    assert "> Stay out with Ianto." in lines  # an option's text too, its style tags taken out


def test_the_line_keeps_its_raw_text_and_the_beat_the_interpolated_one(sample):
    play = Playthrough(sample)
    play_to(play, lambda beat: beat.speaker == "voice")
    assert play.current.stop.text == "Welcome, [name]."
    assert play.current.text == "Welcome, Ianto."


def test_rewind_and_roll_forward_keep_the_variables(sample):
    """Rewinding past `set:` steps gives the earlier values back; rolling forward the later ones."""
    play = Playthrough(sample)
    play_to(play, lambda beat: "trust at" in beat.text, [0, 1])
    after_values = play.current.state.values
    assert after_values["trust"] == 3 and after_values["book"] is True and after_values["visits"] == 1
    while play.rewind():
        pass
    assert play.current.state.values == sample.variables
    while play.forward():
        pass
    assert play.current.state.values == after_values


def test_start_replays_the_shortest_way_there_with_its_variables(sample):
    """`--start talk` begins with the variables (and scene) of the shortest way from the start."""
    beat = begin(sample, "talk")
    assert beat.state.values["book"] is True and beat.state.values["visits"] == 1
    assert beat.text == "First visit, and trust at 3."
    assert beat.state.scene.background == "stream"


def test_state_json_keeps_variables_and_calls(sample):
    """A state turned into JSON and back is the same state, variables and calls included."""
    play = Playthrough(sample)
    play_to(play, lambda beat: beat.text == "The stream. Lovely.")
    state = play.current.state
    assert state.calls  # inside the call
    data = json.loads(json.dumps(state.to_json(sample)))
    assert StoryState.from_json(sample, data) == state


def test_an_older_state_without_variables_loads_with_the_declared_defaults(sample):
    play = Playthrough(sample)
    data = play.current.state.to_json(sample)
    del data["variables"], data["calls"]
    assert StoryState.from_json(sample, data).values == sample.variables


@settings(max_examples=30, deadline=None)
@given(options=st.lists(st.integers(min_value=0, max_value=2), max_size=4), steps=st.integers(min_value=0, max_value=12))
def test_rewinding_n_beats_after_n_advances_gives_back_the_earlier_variables(sample, options, steps):
    """Whatever the choices, going n beats on and then n back restores exactly the variables before."""
    play = Playthrough(sample)
    taken = list(options)
    moved = 0
    before = play.current.state.variables
    for _ in range(steps):
        if play.ended:
            break
        if play.at_choice:
            shown = len(play.current.options)
            play.choose(taken.pop(0) % shown if taken else 0)
        else:
            play.advance()
        moved += 1
    for _ in range(moved):
        assert play.rewind()
    assert play.current.state.variables == before


# -- new ---------------------------------------------------------------------


def test_new_writes_a_starter_game_that_checks_and_plays(tmp_path):
    """`python main.py new DIR` writes a game that passes check and reaches both endings."""
    folder = tmp_path / "my_game"
    result = run_main("new", str(folder))
    assert result.returncode == 0, result.stderr
    check = run_main("--game", str(folder), "check")
    assert check.returncode == 0 and check.stderr == "", check.stderr
    every = run_main("transcript", "--all", "--game", str(folder))
    endings = {line for line in every.stdout.splitlines() if line.startswith("Ending: ")}
    assert endings == {"Ending: Together", "Ending: Goodbye"}
    story, _ = load_story(game=load_game(folder))
    kinds = {type(step).__name__ for step in story.steps}
    assert {"Line", "Background", "Show", "Hide", "Music", "Sound", "Wait", "Jump", "Choice", "Ending", "Set", "Branch", "Call", "Return"} <= kinds
    assert len(story.characters) == 2 and any(isinstance(s, Line) and s.speaker for s in story.steps)


def test_new_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "keep.txt").write_text("mine")
    result = run_main("new", str(tmp_path))
    assert result.returncode == 1 and "not empty" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.txt"]


def test_all_names_the_paths_that_loop_and_still_prints_the_others(scenes):
    """`--all` leaves out a path that goes round for ever, says so on stderr, and prints the rest."""
    folder = scenes({"a.yaml": "script:\n  - label: start\n  - Round again.\n  - choice: Again?\n    options:\n      - text: Again.\n        jump: start\n      - text: Stop.\n        jump: stop\n  - label: stop\n  - ending: Done\n"}, with_characters=False)
    result = run_main("transcript", "--all", "--scenes", str(folder))
    assert result.returncode == 0
    assert result.stdout.splitlines() == ["=== options taken: 2 ===", "Round again.", "Again?", "> Stop.", "Ending: Done"]
    assert "options 1 go round a loop at" in result.stderr


def test_a_condition_that_loops_for_ever_is_found_by_check(scenes, asset_root):
    """`if:` steps going round with nothing changing are an error, not a hang or a traceback at run time."""
    from game.script import ScriptError

    text = "variables:\n  n: 0\nscript:\n  - label: start\n  - Hi.\n  - label: again\n  - if: n < 3\n    then:\n      - jump: again\n  - ending: End\n"
    with pytest.raises(ScriptError) as caught:
        load_story(scenes({"a.yaml": text}, with_characters=False), assets=asset_root)
    problem = next(p for p in caught.value.problems if "for ever" in p.message)
    assert problem.place.line == 7 and not problem.warning


def test_an_outfit_folder_gives_attribute_pictures(sample, game):
    """`show: sylvie blue smile` finds art/sprites/sylvie/blue/smile.png (there is no blue_smile.png)."""
    from game.script.assets import sprite_path

    assert "blue_smile" in sample.characters["sylvie"].expressions
    assert sprite_path(game, "sylvie", "blue_smile") == SAMPLE / "art" / "sprites" / "sylvie" / "blue" / "smile.png"


def test_start_inside_a_called_scene_returns_where_the_shortest_way_called_it(sample):
    """`--start visit` arrives as the shortest way does, through `call: visit`, so its `return:` goes back there."""
    beat = begin(sample, "visit")
    assert beat.state.calls and beat.state.values["visits"] == 1
    lines = list(transcript(sample, start="visit"))
    assert lines[:3] == ["Jack: The stream. Lovely.", "Jack: Thanks, Ianto. Trust is 1, ratio 1.5.", "Sylvie: Not yet."]  # called from `rightaway`
