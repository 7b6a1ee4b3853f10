"""`check` on the game-folder and script features of issue 7: every new error and warning, with
its file, line, column and message."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from game import ROOT
from game.folder import load_game
from game.script import Problem, ScriptError, load_story

VARIABLES = "variables:\n  book: false\n  trust: 0\n  name: \"Ianto\"\n"


def script(*steps: str, ending: bool = True) -> str:
    """`variables:` (book, trust, name), then a script of `- label: start`, the steps and `- ending: End`."""
    lines = [VARIABLES + "script:", "  - label: start", *(f"  {step}" for step in steps)]
    if ending:
        lines.append("  - ending: End")
    return "\n".join(lines) + "\n"


def column_of(text: str, line: int, needle: str, shift: int = 0) -> int:
    source = textwrap.dedent(text).lstrip("\n").splitlines()[line - 1]
    assert needle in source, (needle, source)
    return source.index(needle) + 1 + shift


def problems(folder: Path, assets: Path) -> list[Problem]:
    with pytest.raises(ScriptError) as caught:
        load_story(folder, assets=assets)
    return caught.value.problems


def the_one(found: list[Problem], containing: str) -> Problem:
    matches = [p for p in found if containing in p.message]
    assert len(matches) == 1, [str(p) for p in found]
    return matches[0]


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    select: str  # the problem's message contains this
    line: int
    needle: str  # the column is where this is on the line (plus `shift`)
    message: str
    hint: str = ""
    shift: int = 0
    warning: bool = False


FIRST = 3 + VARIABLES.count("\n")  # the line of the first step given to `script`

CASES = [
    # -- expressions
    Case("expression-ends-too-soon", script("- if: book and", "  then:", "    - Hi."), "ends too soon", FIRST, "book and", "the expression ends too soon", "trust >= 2", shift=len("book and")),
    Case("expression-bad-character", script("- if: trust >= 2 & book", "  then:", "    - Hi."), "cannot be used", FIRST, "&", "'&' cannot be used in an expression"),
    Case("expression-unclosed-bracket", script("- set: trust = (1 + 2"), "never closed", FIRST, "(", "a '(' is never closed", "')'"),
    Case("expression-single-equals", script("- if: trust = 2", "  then:", "    - Hi."), "'=' sets", FIRST, "=", "'=' sets a variable; to compare, write '=='", "a == b"),
    Case("undeclared-variable", script("- if: bok", "  then:", "    - Hi."), "never declared", FIRST, "bok", "variable 'bok' is never declared", "did you mean 'book'?"),
    Case("undeclared-in-set", script("- set: trsut += 1"), "never declared", FIRST, "trsut", "variable 'trsut' is never declared", "did you mean 'trust'?"),
    Case("undeclared-in-a-line", script('- ann: "Hello, [nmae]."'), "never declared", FIRST, "nmae", "variable 'nmae' is never declared", "did you mean 'name'?"),
    Case("undeclared-in-an-ending", script('- ending: "End for [nmae]"', ending=False), "never declared", FIRST, "nmae", "variable 'nmae' is never declared", "did you mean 'name'?"),
    Case("type-clash-bool-plus-number", script("- set: trust = book + 1"), "type clash", FIRST, "+", "type clash: '+' needs a number, not true/false"),
    Case("type-clash-assignment", script("- set: book = 1"), "type clash", FIRST, "book", "type clash: 'book' holds true/false, so `=` cannot give it a number"),
    Case("type-clash-compare", script('- if: name == 3', "  then:", "    - Hi."), "compares", FIRST, "==", "'==' compares text with a number"),
    Case("condition-not-true-false", script("- if: trust", "  then:", "    - Hi."), "must be true or false", FIRST, "trust", "a condition must be true or false, but this gives a number"),
    Case("option-condition-undeclared", script("- choice: Go?", "  options:", "    - text: Yes.", "      if: bookk", "      jump: start"), "never declared", FIRST + 3, "bookk", "variable 'bookk' is never declared", "did you mean 'book'?"),
    # -- choices, calls, if
    Case("option-with-empty-text", script("- choice: Go?", "  options:", '    - text: ""', "      jump: start"), "empty", FIRST + 2, '""', "an option's text is empty"),
    Case(
        "every-option-hidden",
        script("- choice: Go?", "  options:", "    - text: Read it.", "      if: book", "      jump: start"),
        "every option",
        FIRST,
        "choice",
        "every option of this choice is hidden when it is reached with book = false, name = Ianto, trust = 0",
        "no `if:`",
    ),
    Case("return-without-call", script("- Hi.", "- return:", ending=False), "no `call:`", FIRST + 1, "return", "this `return:` is reached with no `call:` to return to", "call: LABEL"),
    Case("return-with-a-value", script("- return: start", ending=False), "takes nothing", FIRST, "start", "`return:` takes nothing after it", "jump: LABEL"),
    Case("if-without-then", script("- if: book", "  else:", "    - Hi."), "needs `then:`", FIRST, "book", "an `if:` needs `then:`, a list of steps"),
    Case("if-falls-off-the-end", script("- Hi.", "- if: book", "  then:", "    - jump: start", ending=False), "runs off the end", FIRST + 1, "if", "the story runs off the end of the file after this step"),
    Case("choice-with-no-options", script("- choice: Go?", "  options: []"), "at least one", FIRST + 1, "[]", "a choice needs `options:`, a list of at least one"),
    Case("choice-speaker-unknown", script("- choice: Go?", "  speaker: anne", "  options:", "    - text: Yes.", "      jump: start"), "unknown character", FIRST + 1, "anne", "unknown character 'anne'", "did you mean 'ann'?"),
    # -- style tags
    Case("style-unclosed", script('- ann: "A {b}bold move."'), "never closed", FIRST, "{b}", "{b} is never closed", "{/b}"),
    Case("style-stray-closing", script('- ann: "Not bold{/b}."'), "never opened", FIRST, "{/b}", "{/b} closes a tag that was never opened"),
    Case("style-crossed", script('- ann: "{b}{i}x{/b}{/i}"'), "still open", FIRST, "{/b}", "{/b} closes {i}, which is still open inside it"),
    Case("style-bad-colour", script('- ann: "{color=red}x{/color}"'), "needs a colour", FIRST, "{color", "{color=red} needs a colour", "#ffcc00"),
    Case("literal-bracket-unclosed", script('- ann: "A [ alone."'), "does not start a variable", FIRST, "[", "a '[' that does not start a variable", "[["),
    # -- sprites
    Case("show-a-voice", script("- show: voice calm"), "no pictures", FIRST, "voice", "'voice' has no pictures, so cannot be shown"),
    Case("show-missing-attribute-picture", script("- show: cara calm smiel"), "no expression", FIRST, "cara", "'cara' has no expression 'calm_smiel'", "did you mean 'calm_smile'?"),
    Case("cue-transition-needs-seconds", script('- ann: "Oh.{show ann calm dissolve -1}"'), "duration", FIRST, '"', "the transition's duration must be a number of seconds, not -1"),
    # -- warnings
    Case("narration-like-show", script("- show ann calm"), "colon missing", FIRST, "show", "`show ann calm` looks like a `show:` step with its colon missing, but it is narration here", "- show: ann calm", warning=True),
    Case("narration-bare-return", script("- return"), "bare `return`", FIRST, "return", "a bare `return` is narration, not a return from a call", "- return:", warning=True),
    Case("narration-dollar", script("- $ trust = 1"), "line of code", FIRST, "$", "`$ trust = 1` looks like a line of code, but it is narration here", "set: x = 1", warning=True),
    Case("condition-never-true", script("- if: book", "  then:", "    - Hi."), "never true", FIRST, "if", "this condition is never true whenever the story reaches it: its `then:` never runs", warning=True),
    Case("condition-always-true-with-else", script("- if: not book", "  then:", "    - Hi.", "  else:", "    - Bye."), "always true", FIRST, "if", "this condition is always true whenever the story reaches it: its `else:` never runs", warning=True),
]

VOICE_AND_ATTRIBUTES = """
characters:
  voice:
    name: The Voice
    colour: "#808080"
  cara:
    name: Cara
"""


@pytest.fixture
def attribute_assets(asset_root: Path, tmp_path: Path) -> Path:
    """The test assets plus cara's pictures `calm` and `calm_smile` (she has no `expressions:` list)."""
    root = Path(shutil.copytree(asset_root, tmp_path / "attribute_assets"))
    (root / "art" / "sprites" / "cara").mkdir()
    for name in ("calm", "calm_smile"):
        shutil.copy(root / "art" / "sprites" / "ann" / "calm.png", root / "art" / "sprites" / "cara" / f"{name}.png")
    return root


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_each_new_mistake_is_reported_at_its_place(scenes, attribute_assets, case: Case):
    """The problem has the file, line, column, message and hint the case says."""
    folder = scenes({"a.yaml": case.text, "voice.yaml": VOICE_AND_ATTRIBUTES})
    if case.warning:
        _, found = load_story(folder, assets=attribute_assets)
    else:
        found = problems(folder, attribute_assets)
    problem = the_one(found, case.select)
    assert Path(problem.place.path).resolve() == (folder / "a.yaml").resolve()
    assert problem.warning == case.warning
    assert (problem.place.line, problem.place.col) == (case.line, column_of(case.text, case.line, case.needle, case.shift))
    assert problem.message == case.message
    assert case.hint in problem.hint


def test_a_variable_declared_twice_names_both_places(scenes, asset_root):
    folder = scenes({"a.yaml": script("- Hi."), "b.yaml": "variables:\n  trust: 5\n"})
    problem = the_one(problems(folder, asset_root), "declared twice")
    assert problem.place.path.endswith("b.yaml") and (problem.place.line, problem.place.col) == (2, 3)
    assert problem.message.startswith("variable 'trust' is declared twice: here and at ")
    assert problem.message.endswith("a.yaml:3:3")


def test_no_start_label_names_the_folder_searched(scenes, asset_root):
    folder = scenes({"a.yaml": "script:\n  - label: begin\n  - ending: End\n"})
    problem = the_one(problems(folder, asset_root), "no label 'start'")
    assert Path(problem.place.path).resolve() == folder.resolve() and problem.place.line == 0
    assert problem.message == f"the story has no label 'start' in any scene file in {problem.place.path}"
    assert str(problem).startswith(f"{problem.place.path}: error:")


def test_a_missing_scenes_folder_is_reported_as_such(tmp_path):
    with pytest.raises(ScriptError) as caught:
        load_story(tmp_path / "nowhere")
    assert caught.value.problems[0].message == "the scenes folder does not exist"


def test_a_picture_in_another_format_is_named(scenes, asset_root, tmp_path):
    """`background: attic` with only attic.gif: check says it found attic.gif and what to save it as."""
    from PIL import Image

    assets = Path(shutil.copytree(asset_root, tmp_path / "gif_assets"))
    Image.new("RGB", (1280, 720)).save(assets / "art" / "backgrounds" / "attic.gif")
    folder = scenes({"a.yaml": script("- background: attic", "- Hi.")})
    problem = the_one(problems(folder, assets), "attic")
    assert problem.message == "background 'attic' has no file it can use: found attic.gif in art/backgrounds, which Hub cannot load"
    assert "PNG, JPEG or WebP" in problem.hint


# -- YAML at the writer's own line ----------------------------------------------


def yaml_problem(scenes, asset_root, text: str | bytes) -> Problem:
    folder = scenes({})
    path = folder / "a.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return [p for p in problems(folder, asset_root) if p.place.path.endswith("a.yaml")][0]


@pytest.mark.parametrize(
    ("text", "line", "col"),
    [
        ("characters:\n  cat\n    name: Cat\nscript:\n  - label: start\n  - ending: End\n", 2, 6),
        ("script\n  - label: start\n  - ending: End\n", 1, 7),
        ('characters:\n  cat:\n    name Cat\n    colour: "#ffffff"\nscript:\n  - label: start\n  - ending: End\n', 3, 9),
        ("script:\n  - label: start\n  - choice: Go?\n    options\n      - text: On.\n        jump: start\n", 4, 12),
        ("script:\n  - label: start\n  - background: room\n    transition fade\n  - ending: End\n", 4, 15),
        ("script:\n  - label: start\n  - show jack\n    transition: fade\n  - ending: End\n", 3, 9),
        ("script:\n  - label: start\n  - choice: Go?\n    options:\n      - text On.\n        jump: start\n", 5, 13),
    ],
)
def test_a_missing_colon_is_reported_on_the_line_that_lacks_it(scenes, asset_root, text, line, col):
    """The place is the end of the key that lacks its ':', not the line where YAML noticed."""
    problem = yaml_problem(scenes, asset_root, text)
    assert (problem.place.line, problem.place.col) == (line, col)
    assert problem.message == "this line needs a ':' after its key (YAML read the next line as part of it)"


def test_an_unclosed_quote_is_reported_where_it_opened(scenes, asset_root):
    text = 'script:\n  - label: start\n  - "Hello there.\n  - ending: End\n'
    problem = yaml_problem(scenes, asset_root, text)
    assert (problem.place.line, problem.place.col) == (3, 5)


def test_a_bad_byte_is_reported_at_its_line_and_column(scenes, asset_root):
    problem = yaml_problem(scenes, asset_root, b'script:\n  - label: start\n  - "caf\xe9"\n  - ending: End\n')
    assert (problem.place.line, problem.place.col) == (3, 9)
    assert "not UTF-8" in problem.message and "0xe9" in problem.message


# -- game.yaml -------------------------------------------------------------------


@pytest.fixture
def game_folder(tmp_path: Path, asset_root: Path) -> Path:
    root = Path(shutil.copytree(asset_root, tmp_path / "game"))
    (root / "scenes").mkdir()
    (root / "scenes" / "a.yaml").write_text("script:\n  - label: start\n  - Hi.\n  - ending: End\n")
    return root


def game_problem(root: Path, text: str) -> Problem:
    (root / "game.yaml").write_text(text)
    with pytest.raises(ScriptError) as caught:
        load_game(root)
    assert len(caught.value.problems) == 1, caught.value.problems
    return caught.value.problems[0]


def test_an_unknown_game_yaml_key_suggests_the_right_one(game_folder):
    problem = game_problem(game_folder, "title: Mine\ntitel_music: tune\n")
    assert (problem.place.line, problem.place.col) == (2, 1)
    assert problem.message == "unknown game.yaml key 'titel_music'"
    assert problem.hint == "did you mean 'title_music'?"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("title: Mine\ntitle_background: nowhere\n", 2, "background 'nowhere' has no file"),
        ("title_logo: no_logo\n", 1, "interface image 'no_logo' has no file"),
        ("id: mine\ntitle_music: silence\n", 2, "music 'silence' has no file"),
        ("fallback_fonts: [Missing.ttf]\n", 1, "font 'Missing.ttf' has no file"),
    ],
)
def test_a_file_game_yaml_names_must_exist(game_folder, text, line, message):
    problem = game_problem(game_folder, text)
    assert problem.place.path.endswith("game.yaml") and problem.place.line == line
    assert problem.message.startswith(message)


def test_an_id_that_could_leave_the_data_folder_is_refused(game_folder):
    problem = game_problem(game_folder, "title: Mine\nid: ../../elsewhere\n")
    assert (problem.place.line, problem.place.col) == (2, 5)
    assert problem.message.startswith("id must be one word")


def test_a_game_folder_that_does_not_exist_is_reported(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--game", str(tmp_path / "nope"), "check"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "the game folder does not exist" in result.stderr and "Traceback" not in result.stderr


def test_a_small_game_uses_the_engines_interface(game_folder):
    """A folder with only scenes, a few pictures and no game.yaml checks clean (fonts and UI from the engine)."""
    game = load_game(game_folder)
    assert game.id == "game" and game.scenes == game_folder / "scenes"  # no game.yaml: the folder's name is its id
    story, warnings = load_story(game=game)
    assert warnings == [] and story.start == "start"


def test_game_yaml_start_label_is_used(game_folder):
    (game_folder / "game.yaml").write_text("start: begin\n")
    (game_folder / "scenes" / "a.yaml").write_text("script:\n  - label: begin\n  - Hi.\n  - ending: End\n")
    story, _ = load_story(game=load_game(game_folder))
    assert story.start == "begin"


def test_check_checks_the_interface_files_a_game_supplies(game_folder):
    """A game's own broken `art/ui/textbox.png` is found by check, not first by a traceback at run time."""
    (game_folder / "art" / "ui").mkdir()
    (game_folder / "art" / "ui" / "textbox.png").write_bytes(b"not a picture")
    with pytest.raises(ScriptError) as caught:
        load_story(game=load_game(game_folder))
    problem = the_one(caught.value.problems, "textbox")
    assert problem.message.startswith("interface image 'textbox' cannot be read: art/ui/textbox.png")


@pytest.mark.parametrize(
    ("line", "step"),
    [("wait 2", "wait: 2"), ("set trust += 1", "set: trust += 1"), ("jump start", "jump: start"), ("play music theme", "music: theme"), ("if trust >= 2", "if: trust >= 2")],
)
def test_narration_that_looks_like_a_step_is_warned_with_the_step_to_write(scenes, asset_root, line, step):
    _, warnings = load_story(scenes({"a.yaml": script(f"- {line}")}), assets=asset_root)
    warning = the_one(warnings, "colon missing")
    assert f"write `- {step}`" in warning.hint


@pytest.mark.parametrize("line", ["if only he knew", "wait for me", "hide and seek, said Ann", "Show me.", '"show ann calm"'])
def test_ordinary_narration_is_not_warned(scenes, asset_root, line):
    """Narration that merely starts with a step's word (or is quoted) is left alone."""
    _, warnings = load_story(scenes({"a.yaml": script(f"- {line}")}), assets=asset_root)
    assert warnings == []


def test_an_empty_game_yaml_means_every_default(game_folder):
    (game_folder / "game.yaml").write_text("# nothing yet\n")
    game = load_game(game_folder)
    assert (game.title, game.start, game.end_card) == ("Hub", "start", "E N D I N G")


def test_a_key_given_twice_in_game_yaml_is_an_error(game_folder):
    problem = game_problem(game_folder, "title: One\ntitle: Two\n")
    assert problem.place.line == 2 and "given twice" in problem.message


def test_a_sound_in_another_format_is_named(scenes, asset_root, tmp_path):
    """`sound: bell` with only bell.flac: check names the file it found and the formats to use."""
    assets = Path(shutil.copytree(asset_root, tmp_path / "flac_assets"))
    (assets / "audio" / "bell.flac").write_bytes(b"fLaC")
    problem = the_one(problems(scenes({"a.yaml": script("- sound: bell")}), assets), "bell")
    assert problem.message == "sound 'bell' has no file it can use: found bell.flac in audio, which Hub cannot load"
    assert "WAV or OGG" in problem.hint


def test_mp3_and_opus_are_used_where_sdl_mixer_plays_them(tmp_path):
    from game.script.assets import sound_path, sound_suffixes

    (tmp_path / "audio").mkdir()
    (tmp_path / "audio" / "theme.mp3").write_bytes(b"ID3")
    expected = "theme.mp3" if ".mp3" in sound_suffixes() else "theme.wav"
    assert sound_path(tmp_path, "theme").name == expected


def test_a_games_own_file_in_the_wrong_format_is_not_hidden_by_the_engines(game_folder):
    """The engine has art/backgrounds/title.png; a game's own title.gif is reported, not silently replaced."""
    from PIL import Image

    from game.script.assets import background_path

    Image.new("RGB", (1280, 720)).save(game_folder / "art" / "backgrounds" / "title.gif")
    assert background_path(game_folder, "title") == game_folder / "art" / "backgrounds" / "title.png"
    with pytest.raises(ScriptError) as caught:
        load_story(game=load_game(game_folder))
    assert "found title.gif" in the_one(caught.value.problems, "title").message


def test_check_knows_every_interface_file_the_ui_loads():
    """Every interface picture, sound and font the UI code names is in the lists `check` verifies."""
    import re as regex

    from game.script.assets import INTERFACE_FONTS, INTERFACE_IMAGES, INTERFACE_SOUNDS
    from game.ui.assets import FONT_FILES

    code = "\n".join(path.read_text(encoding="utf-8") for path in [*(ROOT / "game" / "ui").glob("*.py"), ROOT / "game" / "app.py"])
    images = set(regex.findall(r"\.(?:ui|tinted)\(\"([a-z_]+)\"", code))
    images |= {f"choice_{state}" for state in ("normal", "hover", "pressed")} if 'ui(f"choice_{state}")' in code else set()
    assert images and images <= set(INTERFACE_IMAGES)
    sounds = set(regex.findall(r"\"(ui_[a-z]+)\"", code))
    assert sounds and sounds <= set(INTERFACE_SOUNDS)
    assert set(FONT_FILES.values()) <= set(INTERFACE_FONTS)
