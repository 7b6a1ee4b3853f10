"""`check`: every kind of mistake in the scene files is reported with its file, line, column, message and a useful fix."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from game import ROOT
from game.script import Problem, ScriptError, load_story
from game.script.model import Show


# -- helpers ---------------------------------------------------------------


def problems_of(folder: Path, assets: Path) -> list[Problem]:
    """Load a folder that must fail, and return every problem it reports."""
    with pytest.raises(ScriptError) as caught:
        load_story(folder, assets=assets)
    return caught.value.problems


def errors_of(folder: Path, assets: Path) -> list[Problem]:
    return [p for p in problems_of(folder, assets) if not p.warning]


def only(problems: list[Problem], containing: str) -> Problem:
    """The single problem whose message contains `containing`."""
    found = [p for p in problems if containing in p.message]
    assert len(found) == 1, f"expected one problem with {containing!r}, got: {[str(p) for p in problems]}"
    return found[0]


def same_file(shown: str, expected: Path) -> bool:
    return Path(shown).resolve() == expected.resolve()


def col_of(text: str, line: int, needle: str) -> int:
    """The 1-based column of `needle` on (1-based) `line` of the dedented scene text."""
    source = textwrap.dedent(text).lstrip("\n").splitlines()[line - 1]
    assert needle in source, (needle, source)
    return source.index(needle) + 1


# -- YAML syntax -------------------------------------------------------------

UNCLOSED_AT_END = """
script:
  - label: start
  - "Hello there.
  - ending: End
"""


def test_an_unclosed_quote_is_a_yaml_error_in_that_file(scenes, asset_root):
    """An unclosed quote is reported as a YAML syntax error in the broken file, with a hint about quotes."""
    folder = scenes({"a.yaml": UNCLOSED_AT_END})
    problem = only(problems_of(folder, asset_root), "YAML syntax")
    assert same_file(problem.place.path, folder / "a.yaml")
    assert not problem.warning
    assert "quote" in problem.hint


def test_an_unclosed_quote_at_the_end_of_a_file_points_at_the_opening_quote(scenes, asset_root):
    """A quote left open to the end of the file is reported on the line where it opens, not past the last line."""
    folder = scenes({"a.yaml": UNCLOSED_AT_END})
    problem = only(problems_of(folder, asset_root), "YAML syntax")
    assert (problem.place.line, problem.place.col) == (3, col_of(UNCLOSED_AT_END, 3, '"'))


def test_an_unclosed_quote_mid_file_is_placed_between_the_quote_and_where_yaml_noticed(scenes, asset_root):
    """An unclosed quote followed by more lines is placed no earlier than its own line and on a real line of the file."""
    text = """
    script:
      - label: start
      - "Hello there.
      - Next line.
      - "Quoted again."
      - ending: End
    """
    folder = scenes({"a.yaml": text})
    problem = only(problems_of(folder, asset_root), "YAML syntax")
    assert same_file(problem.place.path, folder / "a.yaml")
    assert 3 <= problem.place.line <= 5
    assert "quote" in problem.hint


def test_an_unquoted_line_with_two_colons_is_a_yaml_error_suggesting_quotes(scenes, asset_root):
    """`- The time is: noon, said the clock: plainly` is a YAML error at the second ': ' with a hint to quote the line."""
    text = """
    script:
      - label: start
      - The time is: noon, said the clock: plainly
      - ending: End
    """
    folder = scenes({"a.yaml": text})
    problem = only(problems_of(folder, asset_root), "YAML syntax")
    assert same_file(problem.place.path, folder / "a.yaml")
    assert problem.place.line == 3
    assert problem.place.col == col_of(text, 3, "clock:") + len("clock")
    assert "mapping values are not allowed" in problem.message
    assert "must be quoted" in problem.hint


def test_an_unquoted_line_with_one_colon_is_told_to_use_quotes(scenes, asset_root):
    """`- He said: this is it` (a key with a space can never be a step kind) gets a hint to quote the line."""
    text = """
    script:
      - label: start
      - He said: this is it
      - ending: End
    """
    folder = scenes({"a.yaml": text})
    problem = only(errors_of(folder, asset_root), "He said")
    assert (problem.place.line, problem.place.col) == (3, 5)
    assert "quote" in problem.hint


def test_line_text_starting_with_a_brace_is_read_as_a_mapping_and_reported(scenes, asset_root):
    """`- ann: {pause 1}` makes YAML read a mapping; check says so at the value and says to quote the line."""
    text = """
    script:
      - label: start
      - ann: {pause 1}
      - ending: End
    """
    folder = scenes({"a.yaml": text})
    problem = only(errors_of(folder, asset_root), "YAML read a mapping")
    assert same_file(problem.place.path, folder / "a.yaml")
    assert (problem.place.line, problem.place.col) == (3, col_of(text, 3, "{"))
    assert problem.message == "a line must be text, but YAML read a mapping here"
    assert "double quotes" in problem.hint and "'{'" in problem.hint


# -- steps and options -----------------------------------------------------------


def test_an_unknown_step_kind_suggests_the_close_one(scenes, asset_root):
    """`- backgound: room` is an unknown step kind at its key, with "did you mean 'background'"."""
    text = """
    script:
      - label: start
      - backgound: room
      - ending: End
    """
    folder = scenes({"a.yaml": text})
    problem = only(errors_of(folder, asset_root), "unknown step kind")
    assert same_file(problem.place.path, folder / "a.yaml")
    assert (problem.place.line, problem.place.col) == (3, 5)
    assert problem.message == "unknown step kind or character 'backgound'"
    assert "did you mean 'background'" in problem.hint


def test_an_unknown_option_for_a_step_suggests_the_close_one(scenes, asset_root):
    """`transiton:` under a background step is an unknown option at its key, with "did you mean 'transition'"."""
    text = """
    script:
      - label: start
      - background: room
        transiton: fade
      - ending: End
    """
    folder = scenes({"a.yaml": text})
    problem = only(errors_of(folder, asset_root), "unknown option")
    assert same_file(problem.place.path, folder / "a.yaml")
    assert (problem.place.line, problem.place.col) == (4, col_of(text, 4, "transiton"))
    assert problem.message == "unknown option 'transiton' for a background step"
    assert "did you mean 'transition'" in problem.hint


def test_an_option_on_a_step_that_takes_none_says_so(scenes, asset_root):
    """An option under `sound:` (which takes none) is reported, and the hint says the step takes no options."""
    text = """
    script:
      - label: start
      - sound: chime
        volume: 2
      - ending: End
    """
    folder = scenes({"a.yaml": text})
    problem = only(errors_of(folder, asset_root), "unknown option")
    assert (problem.place.line, problem.place.col) == (4, col_of(text, 4, "volume"))
    assert "'sound' takes no options" in problem.hint


# -- characters, expressions, positions, transitions -------------------------------


def test_an_unknown_speaker_suggests_a_defined_character(scenes, asset_root):
    """`- anne: Hi.` names no character; the error is at `anne` and suggests 'ann'."""
    text = """
    script:
      - label: start
      - anne: Hi.
      - ending: End
    """
    folder = scenes({"a.yaml": text})
    problem = only(errors_of(folder, asset_root), "anne")
    assert same_file(problem.place.path, folder / "a.yaml")
    assert (problem.place.line, problem.place.col) == (3, 5)
    assert problem.message == "unknown step kind or character 'anne'"
    assert "did you mean 'ann'" in problem.hint


def test_show_of_an_unknown_character_suggests_a_defined_one(scenes, asset_root):
    """`- show: anna calm` is an unknown character at the show's value, suggesting 'ann'."""
    text = """
    script:
      - label: start
      - show: anna calm
      - ending: End
    """
    folder = scenes({"a.yaml": text})
    problem = only(errors_of(folder, asset_root), "unknown character")
    assert same_file(problem.place.path, folder / "a.yaml")
    assert (problem.place.line, problem.place.col) == (3, col_of(text, 3, "anna"))
    assert problem.message == "unknown character 'anna'"
    assert "did you mean 'ann'" in problem.hint


def test_an_unknown_expression_names_the_character_and_its_expressions(scenes, asset_root):
    """`- show: ann sda` says ann has no expression 'sda' and suggests 'sad'."""
    text = """
    script:
      - label: start
      - show: ann sda
      - ending: End
    """
    folder = scenes({"a.yaml": text})
    problem = only(errors_of(folder, asset_root), "no expression")
    assert (problem.place.line, problem.place.col) == (3, col_of(text, 3, "ann sda"))
    assert problem.message == "'ann' has no expression 'sda'"
    assert "did you mean 'sad'" in problem.hint


def test_an_unknown_position_lists_the_real_ones(scenes, asset_root):
    """`at middle` is an unknown position; the hint lists left, centre and right."""
    text = """
    script:
      - label: start
      - show: ann calm at middle
      - ending: End
    """
    folder = scenes({"a.yaml": text})
    problem = only(errors_of(folder, asset_root), "position")
    assert same_file(problem.place.path, folder / "a.yaml")
    assert (problem.place.line, problem.place.col) == (3, col_of(text, 3, "ann calm"))
    assert problem.message == "unknown position 'middle'"
    assert all(word in problem.hint for word in ("left", "centre", "right"))


def test_center_is_accepted_as_centre(scenes, asset_root):
    """`at center` loads without problems and means the `centre` position."""
    text = """
    script:
      - label: start
      - show: ann calm at center
      - Hi.
      - ending: End
    """
    story, warnings = load_story(scenes({"a.yaml": text}), assets=asset_root)
    assert warnings == []
    shows = [step for step in story.steps if isinstance(step, Show)]
    assert [(s.character, s.expression, s.position) for s in shows] == [("ann", "calm", "centre")]


def test_an_unknown_transition_suggests_the_close_one(scenes, asset_root):
    """`transition: dissolv` is reported at its value with "did you mean 'dissolve'"."""
    text = """
    script:
      - label: start
      - background: room
        transition: dissolv
      - ending: End
    """
    folder = scenes({"a.yaml": text})
    problem = only(errors_of(folder, asset_root), "transition")
    assert (problem.place.line, problem.place.col) == (4, col_of(text, 4, "dissolv"))
    assert problem.message == "unknown transition 'dissolv'"
    assert "did you mean 'dissolve'" in problem.hint


# -- labels and characters defined twice, jumps ------------------------------------


def test_a_jump_to_a_missing_label_suggests_the_close_one(scenes, asset_root):
    """`- jump: ofice` with a label `office` is reported at the jump's target, suggesting 'office'."""
    text = """
    script:
      - label: start
      - Hi.
      - jump: ofice
      - label: office
      - ending: End
    """
    folder = scenes({"a.yaml": text})
    problem = only(errors_of(folder, asset_root), "no label 'ofice'")
    assert same_file(problem.place.path, folder / "a.yaml")
    assert (problem.place.line, problem.place.col) == (4, col_of(text, 4, "ofice"))
    assert problem.message == "no label 'ofice' to jump to"
    assert "did you mean 'office'" in problem.hint


def test_a_label_defined_in_two_files_names_both_places(scenes, asset_root):
    """The same label in a.yaml and b.yaml is reported at the second, and the message names the first."""
    first = """
    script:
      - label: start
      - Hi.
      - jump: office
      - label: office
      - ending: One
    """
    second = """
    script:
      - label: office
      - Again.
      - ending: Two
    """
    folder = scenes({"a.yaml": first, "b.yaml": second})
    problem = only(errors_of(folder, asset_root), "defined twice")
    assert same_file(problem.place.path, folder / "b.yaml")
    assert (problem.place.line, problem.place.col) == (2, col_of(second, 2, "office"))
    first_place = re.search(r"here and at (\S+):(\d+):(\d+)", problem.message)
    assert first_place, problem.message
    assert same_file(first_place.group(1), folder / "a.yaml")
    assert (int(first_place.group(2)), int(first_place.group(3))) == (5, col_of(first, 5, "office"))
    assert problem.message.startswith("label 'office' is defined twice")
    assert "rename one" in problem.hint


def test_a_character_defined_in_two_files_names_both_places(scenes, asset_root):
    """`ann` defined again in more.yaml is reported there, naming its first place in characters.yaml."""
    more = """
    characters:
      ann:
        name: Annie
        colour: "#ffffff"
        expressions: [calm]
    script:
      - label: start
      - ann: Hi.
      - ending: End
    """
    folder = scenes({"more.yaml": more})
    problem = only(errors_of(folder, asset_root), "defined twice")
    assert same_file(problem.place.path, folder / "more.yaml")
    assert (problem.place.line, problem.place.col) == (2, 3)
    first_place = re.search(r"here and at (\S+):(\d+):(\d+)", problem.message)
    assert first_place, problem.message
    assert same_file(first_place.group(1), folder / "characters.yaml")
    assert (int(first_place.group(2)), int(first_place.group(3))) == (3, 3)  # conftest's CHARACTERS starts with a blank line
    assert problem.message.startswith("character 'ann' is defined twice")


def test_a_story_without_a_start_label_is_an_error(scenes, asset_root):
    """With no `label: start` anywhere, check reports it (at the first file) and says how to add one."""
    text = """
    script:
      - label: begin
      - Hi.
      - ending: End
    """
    folder = scenes({"a.yaml": text})
    problem = only(errors_of(folder, asset_root), "start")
    assert same_file(problem.place.path, folder / "a.yaml")
    assert (problem.place.line, problem.place.col) == (1, 1)
    assert problem.message == "the story has no label 'start'"
    assert "- label: start" in problem.hint


def test_a_script_that_runs_off_the_end_of_a_file_is_an_error_at_its_last_step(scenes, asset_root):
    """A file whose last step is a line (not jump/choice/ending) is reported at that step."""
    text = """
    script:
      - label: start
      - Hi.
      - Then nothing.
    """
    folder = scenes({"a.yaml": text})
    problem = only(errors_of(folder, asset_root), "runs off the end")
    assert same_file(problem.place.path, folder / "a.yaml")
    assert (problem.place.line, problem.place.col) == (4, 5)
    assert "jump" in problem.hint and "ending" in problem.hint


# -- assets -------------------------------------------------------------------


def test_a_missing_background_names_the_file_it_looked_for(scenes, asset_root):
    """`- background: attic` with no attic.png is reported at the name, naming art/backgrounds/attic.png."""
    text = """
    script:
      - label: start
      - background: attic
      - Hi.
      - ending: End
    """
    folder = scenes({"a.yaml": text})
    problem = only(errors_of(folder, asset_root), "attic")
    assert same_file(problem.place.path, folder / "a.yaml")
    assert (problem.place.line, problem.place.col) == (3, col_of(text, 3, "attic"))
    assert problem.message == "background 'attic' has no file: art/backgrounds/attic.png is missing"
    assert "add art/backgrounds/attic.png" in problem.hint


def test_an_expression_without_a_sprite_file_is_reported_at_the_expression(scenes, asset_root):
    """An expression listed for a character with no png is reported where it is listed, naming the sprite path."""
    more = """
    characters:
      cat:
        name: Cat
        colour: "#123456"
        expressions: [calm, cross]
    script:
      - label: start
      - Hi.
      - ending: End
    """
    folder = scenes({"more.yaml": more})
    errors = errors_of(folder, asset_root)
    problem = only(errors, "sprite 'cat cross'")
    assert same_file(problem.place.path, folder / "more.yaml")
    assert (problem.place.line, problem.place.col) == (5, col_of(more, 5, "cross"))
    assert problem.message == "sprite 'cat cross' has no file: art/sprites/cat/cross.png is missing"
    assert "art/sprites/cat/cross.png" in problem.hint
    only(errors, "sprite 'cat calm'")  # cat has no sprites at all: both are reported


def test_a_missing_sound_names_the_file_it_looked_for(scenes, asset_root):
    """`- sound: bell` with no bell.wav is reported at the name, naming audio/bell.wav."""
    text = """
    script:
      - label: start
      - sound: bell
      - ending: End
    """
    folder = scenes({"a.yaml": text})
    problem = only(errors_of(folder, asset_root), "bell")
    assert (problem.place.line, problem.place.col) == (3, col_of(text, 3, "bell"))
    assert problem.message == "sound 'bell' has no file: audio/bell.wav is missing"
    assert "audio/bell.wav" in problem.hint


@pytest.fixture
def own_assets(asset_root: Path, tmp_path: Path) -> Path:
    """A private copy of the asset tree that a test may spoil."""
    return Path(shutil.copytree(asset_root, tmp_path / "own_assets"))


def test_a_background_of_the_wrong_size_is_reported_with_its_size(scenes, own_assets):
    """A 640x480 background is reported as 640x480, not 1280x720, with a hint to resize it."""
    from PIL import Image

    Image.new("RGB", (640, 480), (0, 0, 0)).save(own_assets / "art" / "backgrounds" / "small.png")
    text = """
    script:
      - label: start
      - background: small
      - Hi.
      - ending: End
    """
    folder = scenes({"a.yaml": text})
    problem = only(errors_of(folder, own_assets), "small")
    assert (problem.place.line, problem.place.col) == (3, col_of(text, 3, "small"))
    assert problem.message == "background 'small' is 640x480, not 1280x720"
    assert "resize art/backgrounds/small.png to 1280x720" in problem.hint


def test_a_sound_file_that_is_not_a_wav_is_reported_as_unplayable(scenes, own_assets):
    """A .wav holding garbage bytes is reported as a sound that cannot be played."""
    (own_assets / "audio" / "noise.wav").write_bytes(b"this is not a RIFF file at all" * 4)
    text = """
    script:
      - label: start
      - sound: noise
      - ending: End
    """
    folder = scenes({"a.yaml": text})
    problem = only(errors_of(folder, own_assets), "noise")
    assert (problem.place.line, problem.place.col) == (3, col_of(text, 3, "noise"))
    assert problem.message.startswith("sound 'noise' cannot be played: noise.wav")
    assert "WAV" in problem.hint


# -- markup inside lines ---------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "message", "hint"),
    [
        ('"Wait {pause abc} for it."', "{pause abc} needs a number of seconds", "{pause 1.5}"),
        ('"Hello {bogus} there."', "unknown tag {bogus}", "pause"),
        ('"An open { brace."', "a '{' that does not start a tag", "{{"),
        ('"Noise {sund chime} here."', "unknown tag {sund chime}", "did you mean 'sound'"),
    ],
)
def test_bad_markup_is_reported_at_the_tag_in_a_quoted_line(scenes, asset_root, source, message, hint):
    """A bad tag in a one-line double-quoted line is reported at the column of its '{'."""
    text = f"""
    script:
      - label: start
      - ann: {source}
      - ending: End
    """
    folder = scenes({"a.yaml": text})
    problem = only(errors_of(folder, asset_root), message)
    assert same_file(problem.place.path, folder / "a.yaml")
    assert (problem.place.line, problem.place.col) == (3, col_of(text, 3, "{"))
    assert problem.message == message
    assert hint in problem.hint


def test_bad_markup_in_narration_is_reported_at_the_tag(scenes, asset_root):
    """A bad tag in a quoted narration line (the scalar right after '- ') is placed at its '{' too."""
    text = """
    script:
      - label: start
      - "Hi {pause -1}"
      - ending: End
    """
    folder = scenes({"a.yaml": text})
    problem = only(errors_of(folder, asset_root), "pause")
    assert (problem.place.line, problem.place.col) == (3, col_of(text, 3, "{"))


def test_bad_markup_after_an_escaped_quote_is_still_placed_at_the_tag(scenes, asset_root):
    """In `"He said \\"hi\\" {bogus}"` the column still points at the '{', escapes notwithstanding."""
    text = r"""
    script:
      - label: start
      - "He said \"hi\" {bogus}"
      - ending: End
    """
    folder = scenes({"a.yaml": text})
    problem = only(errors_of(folder, asset_root), "bogus")
    assert (problem.place.line, problem.place.col) == (3, col_of(text, 3, "{"))


def test_a_cue_in_markup_is_checked_like_its_step(scenes, asset_root):
    """`{show anna calm}` and `{sound bell}` inside a line report the unknown character and the missing sound."""
    text = """
    script:
      - label: start
      - "Look.{show anna calm}"
      - "Listen.{sound bell}"
      - ending: End
    """
    folder = scenes({"a.yaml": text})
    errors = errors_of(folder, asset_root)
    assert only(errors, "unknown character 'anna'").place.line == 3
    assert only(errors, "sound 'bell' has no file").place.line == 4


# -- warnings and reporting everything --------------------------------------------


def test_unreachable_lines_are_a_warning_at_the_first_of_them(scenes, asset_root):
    """Lines after a jump with no label above them give one warning at the first line; the story still loads."""
    text = """
    script:
      - label: start
      - Hi.
      - jump: end
      - Never read.
      - Nor this.
      - label: end
      - ending: Done
    """
    folder = scenes({"a.yaml": text})
    story, warnings = load_story(folder, assets=asset_root)
    assert len(warnings) == 1
    warning = warnings[0]
    assert warning.warning
    assert same_file(warning.place.path, folder / "a.yaml")
    assert (warning.place.line, warning.place.col) == (5, 5)
    assert warning.message == "this line can never be reached"
    assert "label" in warning.hint and "jump" in warning.hint
    assert "start" in story.labels


def test_a_clean_story_loads_with_no_warnings(scenes, asset_root):
    """A story using every asset kind correctly loads with no problems at all (the checks are not trigger-happy)."""
    text = """
    script:
      - label: start
      - background: room
      - show: ann calm at left
        transition: dissolve
      - sound: chime
      - ann: "Hi.{pause 0.5}{show ann sad}"
      - choice: Where now?
        options:
          - text: Hall.
            jump: hall
          - text: Stay.
            jump: stay
      - label: hall
      - background: hall
      - ending: Hall
      - label: stay
      - ben: "Fine {{really}}."
      - ending: Stay
    """
    story, warnings = load_story(scenes({"a.yaml": text}), assets=asset_root)
    assert warnings == []
    assert story.count_lines() == 2


def test_problems_in_several_files_are_all_reported_in_one_run(scenes, asset_root):
    """A YAML error, an unknown step kind and a missing background in three files all come back from one load."""
    files = {
        "a.yaml": """
        script:
          - label: start
          - backgound: room
          - jump: b
        """,
        "b.yaml": """
        script:
          - label: b
          - background: attic
          - jump: c
        """,
        "c.yaml": """
        script:
          - label: c
          - "Open quote
          - ending: End
        """,
    }
    folder = scenes(files)
    errors = errors_of(folder, asset_root)
    places = {(Path(p.place.path).name, p.place.line) for p in errors}
    assert ("a.yaml", 3) in places
    assert ("b.yaml", 3) in places
    assert any(name == "c.yaml" for name, _ in places)
    assert only(errors, "backgound").place.col == 5
    assert only(errors, "attic").message.startswith("background 'attic' has no file")
    assert only(errors, "YAML syntax")


def test_the_script_error_text_lists_every_problem_as_path_line_col(scenes, asset_root):
    """str(ScriptError) has one `path:line:col: error: message` line per problem, with `fix:` hints."""
    text = """
    script:
      - label: start
      - backgound: room
      - show: anna calm
      - ending: End
    """
    folder = scenes({"a.yaml": text})
    with pytest.raises(ScriptError) as caught:
        load_story(folder, assets=asset_root)
    report = str(caught.value)
    assert re.search(r"a\.yaml:3:5: error: unknown step kind or character 'backgound'\n    fix: did you mean 'background'\?", report)
    assert re.search(r"a\.yaml:4:\d+: error: unknown character 'anna'", report)


# -- the command line -----------------------------------------------------------

CLEAN_NARRATION = """
script:
  - label: start
  - The Hub hums to itself.
  - choice: Go on?
    options:
      - text: Yes.
        jump: yes_
      - text: No.
        jump: no_
  - label: yes_
  - "Onward. {pause 0.5} Onward."
  - ending: Onward
  - label: no_
  - jump: start
"""


def run_check(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", "check", "--scenes", str(folder)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cli_check_fails_with_exit_1_and_file_line_col_errors(scenes):
    """`main.py check` on a broken folder exits 1 and prints `path:line:col: error:` lines, with no traceback."""
    broken = CLEAN_NARRATION.replace("jump: yes_", "jump: yess").replace("- The Hub hums", "- narate: The Hub hums")
    folder = scenes({"a.yaml": broken}, with_characters=False)
    result = run_check(folder)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.splitlines()
    assert any(re.match(r"^\S*a\.yaml:3:5: error: unknown step kind or character 'narate'$", line) for line in lines), result.stderr
    assert any(re.match(r"^\S*a\.yaml:7:\d+: error: no label 'yess' to jump to$", line) for line in lines), result.stderr
    assert "fix: did you mean 'narrate'?" in result.stderr
    assert "2 errors" in result.stderr


def test_cli_check_passes_with_exit_0_on_a_clean_folder(scenes):
    """`main.py check` on a clean folder (narration only, so no art is needed) exits 0 and says there are no errors."""
    folder = scenes({"a.yaml": CLEAN_NARRATION}, with_characters=False)
    result = run_check(folder)
    assert result.returncode == 0, result.stderr
    assert "no errors" in result.stdout
    assert "error:" not in result.stderr
    assert "Traceback" not in result.stderr


def test_a_yaml_error_does_not_also_claim_the_labels_in_that_file_are_missing(scenes, asset_root):
    """A YAML error in the file holding `start` is reported alone, without a false 'no label start'."""
    folder = scenes({"a.yaml": UNCLOSED_AT_END})
    errors = errors_of(folder, asset_root)
    assert [p.message for p in errors if "label" in p.message] == []
