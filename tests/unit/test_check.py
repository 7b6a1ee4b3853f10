"""`check`: every kind of mistake in the scene files is reported with its file, line, column, message and a useful fix."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
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


def story(*steps: str, label: str = "start", ending: str | None = "End") -> str:
    """A scene file: `script:`, `- label: start`, the given step lines, then `- ending: End` (or none)."""
    lines = ["script:", f"  - label: {label}", *(f"  {step}" for step in steps)]
    if ending is not None:
        lines.append(f"  - ending: {ending}")
    return "\n".join(lines) + "\n"


def assert_first_place(problem: Problem, path: Path, line: int, col: int) -> None:
    """The message of a 'defined twice' problem names the first definition as `here and at path:line:col`."""
    first_place = re.search(r"here and at (\S+):(\d+):(\d+)", problem.message)
    assert first_place, problem.message
    assert same_file(first_place.group(1), path)
    assert (int(first_place.group(2)), int(first_place.group(3))) == (line, col)


@pytest.fixture
def own_assets(asset_root: Path, tmp_path: Path) -> Path:
    """A private copy of the asset tree that a test may spoil."""
    return Path(shutil.copytree(asset_root, tmp_path / "own_assets"))


def small_background(assets: Path) -> None:
    from PIL import Image

    Image.new("RGB", (640, 480), (0, 0, 0)).save(assets / "art" / "backgrounds" / "small.png")


def garbage_wav(assets: Path) -> None:
    (assets / "audio" / "noise.wav").write_bytes(b"this is not a RIFF file at all" * 4)


# -- one problem in one file: the table ------------------------------------------

Col = int | str | tuple[str, int]  # a column, the column of a needle on the line, or that plus a shift


@dataclass(frozen=True)
class Case:
    """One scene file with one mistake, and what `check` must say about it."""

    id: str
    text: str
    select: str  # the chosen problem's message contains this (and no other problem's does)
    line: int | tuple[int, int] | None  # the exact line, the (lowest, highest) it may be on, or None: not checked
    col: Col | None = None  # None: the column is not checked
    message: str | None = None  # the whole message
    hint: str | tuple[str, ...] = ()  # fragment(s) the hint must contain
    message_has: str | None = None
    message_starts: str | None = None
    file: str = "a.yaml"
    also: tuple[str, ...] = ()  # other problems that must be reported once each
    with_warnings: bool = False  # pick among warnings too (and check the pick is an error)
    spoil: Callable[[Path], None] | None = None  # spoils a private copy of the assets first

    def column(self, line: int) -> int:
        if isinstance(self.col, int):
            return self.col
        needle, shift = (self.col, 0) if isinstance(self.col, str) else self.col
        return col_of(self.text, line, needle) + shift


UNCLOSED_AT_END = story('- "Hello there.')
MORE_CAT = """
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


CASES = [
    # -- YAML syntax
    # An unclosed quote is reported as a YAML syntax error in the broken file, with a hint about quotes.
    Case("unclosed-quote-is-a-yaml-error", UNCLOSED_AT_END, "YAML syntax", None, hint="quote", with_warnings=True),
    # A quote left open to the end of the file is reported on the line where it opens, not past the last line.
    Case("unclosed-quote-at-end-points-at-the-quote", UNCLOSED_AT_END, "YAML syntax", 3, '"', with_warnings=True),
    # An unclosed quote followed by more lines is placed no earlier than its own line and on a real line of the file.
    Case(
        "unclosed-quote-mid-file",
        story('- "Hello there.', "- Next line.", '- "Quoted again."'),
        "YAML syntax",
        (3, 5),
        hint="quote",
        with_warnings=True,
    ),
    # `- The time is: noon, said the clock: plainly` is a YAML error at the second ': ' with a hint to quote the line.
    Case(
        "two-colons-need-quotes",
        story("- The time is: noon, said the clock: plainly"),
        "YAML syntax",
        3,
        ("clock:", len("clock")),
        hint="must be quoted",
        message_has="mapping values are not allowed",
        with_warnings=True,
    ),
    # `- He said: this is it` (a key with a space can never be a step kind) gets a hint to quote the line.
    Case("one-colon-needs-quotes", story("- He said: this is it"), "He said", 3, 5, hint="quote"),
    # `- ann: {pause 1}` makes YAML read a mapping; check says so at the value and says to quote the line.
    Case(
        "brace-line-is-a-mapping",
        story("- ann: {pause 1}"),
        "YAML read a mapping",
        3,
        "{",
        "a line must be text, but YAML read a mapping here",
        ("double quotes", "'{'"),
    ),
    # -- steps and options
    # `- backgound: room` is an unknown step kind at its key, with "did you mean 'background'".
    Case(
        "unknown-step-kind",
        story("- backgound: room"),
        "unknown step kind",
        3,
        5,
        "unknown step kind or character 'backgound'",
        "did you mean 'background'",
    ),
    # `transiton:` under a background step is an unknown option at its key, with "did you mean 'transition'".
    Case(
        "unknown-option",
        story("- background: room", "  transiton: fade"),
        "unknown option",
        4,
        "transiton",
        "unknown option 'transiton' for a background step",
        "did you mean 'transition'",
    ),
    # An option under `sound:` (which takes none) is reported, and the hint says the step takes no options.
    Case(
        "option-on-a-step-without-options",
        story("- sound: chime", "  volume: 2"),
        "unknown option",
        4,
        "volume",
        hint="'sound' takes no options",
    ),
    # -- characters, expressions, positions, transitions
    # `- anne: Hi.` names no character; the error is at `anne` and suggests 'ann'.
    Case("unknown-speaker", story("- anne: Hi."), "anne", 3, 5, "unknown step kind or character 'anne'", "did you mean 'ann'"),
    # `- show: anna calm` is an unknown character at the show's value, suggesting 'ann'.
    Case("show-unknown-character", story("- show: anna calm"), "unknown character", 3, "anna", "unknown character 'anna'", "did you mean 'ann'"),
    # `- show: ann sda` says ann has no expression 'sda' and suggests 'sad'.
    Case("unknown-expression", story("- show: ann sda"), "no expression", 3, "ann sda", "'ann' has no expression 'sda'", "did you mean 'sad'"),
    # `at middle` is an unknown position; the hint lists left, centre and right.
    Case(
        "unknown-position",
        story("- show: ann calm at middle"),
        "position",
        3,
        "ann calm",
        "unknown position 'middle'",
        ("left", "centre", "right", "door"),
    ),
    # `move:` (issue 18): a misspelt position, a missing `to`, an unknown character, bad seconds, each at the step's value.
    Case("move-unknown-position", story("- show: ann calm at right", "- move: ann to dor 0.8"), "position 'dor'", 4, "ann to dor",
         "unknown position 'dor'", "did you mean 'door'"),
    Case("move-without-to", story("- show: ann calm at right", "- move: ann door"), "cannot read `move", 4, "ann door",
         "cannot read `move: ann door`", "move: ianto to door 0.8"),
    Case("move-unknown-character", story("- move: anna to left"), "unknown character", 3, "anna to left", "unknown character 'anna'", "did you mean 'ann'"),
    Case("move-bad-seconds", story("- show: ann calm", "- move: ann to left soon"), "seconds", 4, "ann to left",
         "a move takes a number of seconds, not 'soon'", "move: CHARACTER to POSITION SECONDS"),
    # `flash:` (issue 18): an unknown colour with "did you mean", bad seconds.
    Case("flash-unknown-colour", story("- flash: rde 1"), "colour", 3, "rde 1", "unknown colour 'rde'", "did you mean 'red'"),
    Case("flash-bad-seconds", story("- flash: red soon"), "seconds", 3, "red soon", "a flash takes a number of seconds, not 'soon'", "flash: red 1.2"),
    # `transition: dissolv` is reported at its value with "did you mean 'dissolve'".
    Case(
        "unknown-transition",
        story("- background: room", "  transition: dissolv"),
        "transition",
        4,
        "dissolv",
        "unknown transition 'dissolv'",
        "did you mean 'dissolve'",
    ),
    # -- labels and jumps
    # `- jump: ofice` with a label `office` is reported at the jump's target, suggesting 'office'.
    Case(
        "jump-to-a-missing-label",
        story("- Hi.", "- jump: ofice", "- label: office"),
        "no label 'ofice'",
        4,
        "ofice",
        "no label 'ofice' to jump to",
        "did you mean 'office'",
    ),
    # A file whose last step is a line (not jump/choice/ending) is reported at that step.
    Case("runs-off-the-end", story("- Hi.", "- Then nothing.", ending=None), "runs off the end", 4, 5, hint=("jump", "ending")),
    # -- assets
    # `- background: attic` with no attic.png is reported at the name, naming art/backgrounds/attic.png.
    Case(
        "missing-background",
        story("- background: attic", "- Hi."),
        "attic",
        3,
        "attic",
        "background 'attic' has no file: art/backgrounds/attic.png is missing",
        "add art/backgrounds/attic.png",
    ),
    # An expression listed for a character with no png is reported where it is listed, naming the sprite path;
    # cat has no sprites at all, so 'cat calm' is reported too.
    Case(
        "expression-without-a-sprite",
        MORE_CAT,
        "sprite 'cat cross'",
        5,
        "cross",
        "sprite 'cat cross' has no file: art/sprites/cat/cross.png is missing",
        "art/sprites/cat/cross.png",
        file="more.yaml",
        also=("sprite 'cat calm'",),
    ),
    # `- sound: bell` with no bell.wav is reported at the name, naming audio/bell.wav.
    Case("missing-sound", story("- sound: bell"), "bell", 3, "bell", "sound 'bell' has no file: audio/bell.wav is missing", "audio/bell.wav"),
    # A 640x480 background is reported as 640x480, not 1280x720, with a hint to resize it.
    Case(
        "background-of-the-wrong-size",
        story("- background: small", "- Hi."),
        "small",
        3,
        "small",
        "background 'small' is 640x480, not 1280x720",
        "resize art/backgrounds/small.png to 1280x720",
        spoil=small_background,
    ),
    # A .wav holding garbage bytes is reported as a sound that cannot be played.
    Case(
        "sound-that-is-not-a-wav",
        story("- sound: noise"),
        "noise",
        3,
        "noise",
        hint="WAV",
        message_starts="sound 'noise' cannot be played: noise.wav",
        spoil=garbage_wav,
    ),
    # -- markup inside lines
    # A bad tag in a one-line double-quoted line is reported at the column of its '{'.
    *(
        Case(name, story(f"- ann: {source}"), message, 3, "{", message, hint)
        for name, source, message, hint in [
            ("markup-pause-abc", '"Wait {pause abc} for it."', "{pause abc} needs a number of seconds", "{pause 1.5}"),
            ("markup-bogus-tag", '"Hello {bogus} there."', "unknown tag {bogus}", "pause"),
            ("markup-open-brace", '"An open { brace."', "a '{' that does not start a tag", "{{"),
            ("markup-misspelt-sound", '"Noise {sund chime} here."', "unknown tag {sund chime}", "did you mean 'sound'"),
        ]
    ),
    # A bad tag in a quoted narration line (the scalar right after '- ') is placed at its '{' too.
    Case("bad-markup-in-narration", story('- "Hi {pause -1}"'), "pause", 3, "{"),
    # In `"He said \\"hi\\" {bogus}"` the column still points at the '{', escapes notwithstanding.
    Case("bad-markup-after-an-escaped-quote", story(r'- "He said \"hi\" {bogus}"'), "bogus", 3, "{"),
]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_a_mistake_is_reported_at_its_place_with_message_and_hint(scenes, asset_root, request, case: Case):
    """The one problem a scene file's mistake causes has the right file, line, column, message and hint."""
    assets = asset_root
    if case.spoil is not None:
        assets = request.getfixturevalue("own_assets")
        case.spoil(assets)
    folder = scenes({case.file: case.text})
    problems = problems_of(folder, assets) if case.with_warnings else errors_of(folder, assets)
    problem = only(problems, case.select)
    assert same_file(problem.place.path, folder / case.file)
    assert not problem.warning
    if isinstance(case.line, tuple):
        assert case.line[0] <= problem.place.line <= case.line[1]
    elif case.line is not None:
        assert problem.place.line == case.line
        if case.col is not None:
            assert problem.place.col == case.column(case.line)
    if case.message is not None:
        assert problem.message == case.message
    if case.message_has is not None:
        assert case.message_has in problem.message
    if case.message_starts is not None:
        assert problem.message.startswith(case.message_starts)
    for fragment in (case.hint,) if isinstance(case.hint, str) else case.hint:
        assert fragment in problem.hint
    for other in case.also:
        only(problems, other)


# -- cases that are not one problem in one file ------------------------------------


def test_center_is_accepted_as_centre(scenes, asset_root):
    """`at center` loads without problems and means the `centre` position."""
    text = story("- show: ann calm at center", "- Hi.")
    loaded, warnings = load_story(scenes({"a.yaml": text}), assets=asset_root)
    assert warnings == []
    shows = [step for step in loaded.steps if isinstance(step, Show)]
    assert [(s.character, s.expression, s.position) for s in shows] == [("ann", "calm", "centre")]


def test_a_label_defined_in_two_files_names_both_places(scenes, asset_root):
    """The same label in a.yaml and b.yaml is reported at the second, and the message names the first."""
    first = story("- Hi.", "- jump: office", "- label: office", ending="One")
    second = story("- Again.", label="office", ending="Two")
    folder = scenes({"a.yaml": first, "b.yaml": second})
    problem = only(errors_of(folder, asset_root), "defined twice")
    assert same_file(problem.place.path, folder / "b.yaml")
    assert (problem.place.line, problem.place.col) == (2, col_of(second, 2, "office"))
    assert_first_place(problem, folder / "a.yaml", 5, col_of(first, 5, "office"))
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
    # conftest's CHARACTERS starts with a blank line
    assert_first_place(problem, folder / "characters.yaml", 3, 3)
    assert problem.message.startswith("character 'ann' is defined twice")


def test_a_cue_in_markup_is_checked_like_its_step(scenes, asset_root):
    """`{show anna calm}` and `{sound bell}` inside a line report the unknown character and the missing sound."""
    folder = scenes({"a.yaml": story('- "Look.{show anna calm}"', '- "Listen.{sound bell}"')})
    errors = errors_of(folder, asset_root)
    assert only(errors, "unknown character 'anna'").place.line == 3
    assert only(errors, "sound 'bell' has no file").place.line == 4


# -- warnings and reporting everything --------------------------------------------


def test_unreachable_lines_are_a_warning_at_the_first_of_them(scenes, asset_root):
    """Lines after a jump with no label above them give one warning at the first line; the story still loads."""
    text = story("- Hi.", "- jump: end", "- Never read.", "- Nor this.", "- label: end", ending="Done")
    folder = scenes({"a.yaml": text})
    loaded, warnings = load_story(folder, assets=asset_root)
    assert len(warnings) == 1
    warning = warnings[0]
    assert warning.warning
    assert same_file(warning.place.path, folder / "a.yaml")
    assert (warning.place.line, warning.place.col) == (5, 5)
    assert warning.message == "this line can never be reached"
    assert "label" in warning.hint and "jump" in warning.hint
    assert "start" in loaded.labels


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
    loaded, warnings = load_story(scenes({"a.yaml": text}), assets=asset_root)
    assert warnings == []
    assert loaded.count_lines() == 2


def test_problems_in_several_files_are_all_reported_in_one_run(scenes, asset_root):
    """A YAML error, an unknown step kind and a missing background in three files all come back from one load."""
    files = {
        "a.yaml": story("- backgound: room", "- jump: b", ending=None),
        "b.yaml": story("- background: attic", "- jump: c", label="b", ending=None),
        "c.yaml": story('- "Open quote', label="c"),
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
    folder = scenes({"a.yaml": story("- backgound: room", "- show: anna calm")})
    with pytest.raises(ScriptError) as caught:
        load_story(folder, assets=asset_root)
    report = str(caught.value)
    assert re.search(r"a\.yaml:3:5: error: unknown step kind or character 'backgound'\n    fix: did you mean 'background'\?", report)
    assert re.search(r"a\.yaml:4:\d+: error: unknown character 'anna'", report)


def test_a_yaml_error_does_not_also_claim_the_labels_in_that_file_are_missing(scenes, asset_root):
    """A YAML error in the file holding `start` is reported alone, without a false 'no label start'."""
    folder = scenes({"a.yaml": UNCLOSED_AT_END})
    errors = errors_of(folder, asset_root)
    assert [p.message for p in errors if "label" in p.message] == []


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
