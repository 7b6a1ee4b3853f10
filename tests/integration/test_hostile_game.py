"""A game folder from a stranger cannot reach outside itself, run code, or hang or exhaust the engine (issue 20).

Each case goes through `check` and through starting the game (the same
`main.py` entry points a player uses), under a time limit; the cases about
size run in a subprocess under a memory limit too. What a game may do and how
each bound is kept is in docs/security.md.
"""

from __future__ import annotations

import os
import resource
import struct
import subprocess
import sys
import textwrap
import wave
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import time_limit

from game import ROOT
from game.cli import main
from game.limits import MAX_CHECK_WORK, MAX_SCENE_BYTES

MEMORY = 1536 * 1024 * 1024  # 1.5 GB of address space for a subprocess: the engine needs a fraction of it
STORY = """
script:
  - label: start
  - "Hello."
  - ending: done
"""


@pytest.fixture(autouse=True)
def limited() -> Iterator[None]:
    """Each case must finish within 20 seconds."""
    with time_limit(20):
        yield


def game(tmp_path: Path, story: str = STORY, config: str | None = None) -> Path:
    root = tmp_path / "stranger"
    (root / "scenes").mkdir(parents=True)
    (root / "scenes" / "story.yaml").write_text(textwrap.dedent(story).lstrip("\n"))
    if config is not None:
        (root / "game.yaml").write_text(textwrap.dedent(config).lstrip("\n"))
    return root


def check(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """`python main.py check --game ROOT`, in this process: its exit code and what it printed."""
    code = main(["check", "--game", str(root)])
    printed = capsys.readouterr()
    return code, printed.out + printed.err


def start(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """`python main.py --game ROOT`: a game with errors is refused before any window opens."""
    code = main(["--game", str(root)])
    printed = capsys.readouterr()
    return code, printed.out + printed.err


def refused_both_ways(root: Path, capsys: pytest.CaptureFixture[str], *expected: str) -> str:
    """Check and the game both refuse `root`, naming each `expected` text; what check printed."""
    code, printed = check(root, capsys)
    assert code == 1 and "Traceback" not in printed, printed
    for text in expected:
        assert text in printed, printed
    code, started = start(root, capsys)
    assert code == 1 and all(text in started for text in expected), started
    return printed


def limited_run(args: list[str], *, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`main.py ARGS` in a subprocess with at most `MEMORY` of address space and 30 seconds."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))

    environment = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", **(env or {})}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, timeout=30, preexec_fn=limit, env=environment, cwd=ROOT)


# -- nothing outside the game folder is read ------------------------------------------


def test_game_yaml_cannot_name_files_outside_the_game(tmp_path, capsys):
    root = game(tmp_path, config="""
        title: Stranger
        title_background: ../../../etc/passwd
        title_logo: /etc/passwd
        title_music: ../theme
        fallback_fonts: [/etc/passwd]
    """)
    printed = refused_both_ways(root, capsys, "game.yaml:2:19: error: background '../../../etc/passwd' cannot be used", "game.yaml:3:13: error: interface image '/etc/passwd'",
                                "game.yaml:4:14: error: music '../theme'", "game.yaml:5:17: error: font '/etc/passwd'")
    assert printed.count("a game may only use the files in its own folder") == 4


def test_a_sound_cue_inside_a_line_cannot_climb_out(tmp_path, capsys):
    root = game(tmp_path, """
        script:
          - label: start
          - "Hello {sound ../../../etc/passwd} there."
          - ending: done
    """)
    refused_both_ways(root, capsys, "story.yaml:3:5: error: sound '../../../etc/passwd' cannot be used: '../../../etc/passwd' climbs out of its folder with '..'")


def test_a_link_in_art_leading_out_of_the_game_is_refused(tmp_path, capsys):
    root = game(tmp_path, """
        script:
          - label: start
          - background: hall
          - "Hello."
          - ending: done
    """)
    (root / "art" / "backgrounds").mkdir(parents=True)
    outside = tmp_path / "secret.png"
    from PIL import Image

    Image.new("RGB", (1280, 720)).save(outside)
    (root / "art" / "backgrounds" / "hall.png").symlink_to(outside)
    refused_both_ways(root, capsys, "story.yaml:3:17: error: background 'hall' cannot be used: art/backgrounds/hall.png is a link that leads out of the game folder")


def test_a_linked_sprite_folder_leading_out_is_refused(tmp_path, capsys):
    root = game(tmp_path, """
        characters:
          ann:
            name: Ann
            colour: "#ff8040"
            expressions: [calm]
        script:
          - label: start
          - show: ann calm
          - ann: "Hello."
          - ending: done
    """)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    from PIL import Image

    Image.new("RGBA", (420, 480)).save(elsewhere / "calm.png")
    (root / "art" / "sprites").mkdir(parents=True)
    (root / "art" / "sprites" / "ann").symlink_to(elsewhere)
    refused_both_ways(root, capsys, "sprite 'ann calm' cannot be used: art/sprites/ann/calm.png is a link that leads out of the game folder")


def test_a_scene_file_linking_out_of_its_folder_is_not_read(tmp_path, capsys):
    root = game(tmp_path)
    secret = tmp_path / "secret.yaml"
    secret.write_text("script:\n  - label: start\n  - \"the secret\"\n")
    (root / "scenes" / "more.yaml").symlink_to(secret)
    printed = refused_both_ways(root, capsys, "more.yaml: error: cannot read this file: more.yaml is a link that leads out of")
    assert "the secret" not in printed


def test_a_game_naming_the_engines_own_files_still_checks_clean(tmp_path, capsys):
    """The engine's art/ui, art/fonts and audio/ui_* are every game's fallback, found by name."""
    root = game(tmp_path, config="""
        title: Stranger
        title_logo: logo
        title_music: theme
        fallback_fonts: [DejaVuSans.ttf]
    """)
    (root / "scenes" / "story.yaml").write_text('script:\n  - label: start\n  - "Hello {sound ui_click}."\n  - ending: done\n')
    code, printed = check(root, capsys)
    assert code == 0 and "no errors" in printed, printed
    started = limited_run(["--game", str(root)], env={"HUB_EXIT_AFTER_FIRST_FRAME": "1", "HUB_DATA_DIR": str(tmp_path / "data")})
    assert started.returncode == 0 and "Cannot" not in started.stderr, started.stderr  # every file found, none refused


# -- no code runs: YAML tags ---------------------------------------------------------------


def test_yaml_tags_are_named_and_refused_wherever_they_are(tmp_path, capsys):
    marker = tmp_path / "ran"
    root = game(tmp_path, f"""
        variables:
          trust: !!python/object/apply:os.system ["touch {marker}"]
        script:
          - label: start
          - wait: !!python/name:os.system
          - !!python/object/new:str "Hello."
          - "Hi {{sound x}}": !custom yes
          - ending: done
    """)
    printed = refused_both_ways(root, capsys, "story.yaml:2:10: error: the YAML tag '!!python/object/apply:os.system' is not allowed",
                                "story.yaml:5:11: error: the YAML tag '!!python/name:os.system' is not allowed", "story.yaml:6:5: error: the YAML tag '!!python/object/new:str'",
                                "story.yaml:7:21: error: the YAML tag '!custom' is not allowed")
    assert not marker.exists() and "ConstructorError" not in printed


def test_a_tag_in_game_yaml_is_refused_too(tmp_path, capsys):
    root = game(tmp_path, config="title: !!python/object/apply:os.getcwd []\n")
    refused_both_ways(root, capsys, "game.yaml:1:8: error: the YAML tag '!!python/object/apply:os.getcwd' is not allowed")


def test_numbers_yaml_cannot_build_are_wrong_values_not_tracebacks(tmp_path, capsys):
    root = game(tmp_path, f"""
        variables:
          trust: {"9" * 5000}
          day: 2001-13-45
        script:
          - label: start
          - wait: {"9" * 5000}
          - "Hello."
          - ending: done
    """)
    refused_both_ways(root, capsys, "story.yaml:2:10: error: variable 'trust' needs a starting value", "story.yaml:3:8: error: variable 'day' needs a starting value",
                      "story.yaml:6:11: error: wait must be a number of seconds")


# -- bounded work: expressions ---------------------------------------------------------------


def test_a_5000_digit_number_in_an_expression_is_an_error_at_its_column(tmp_path, capsys):
    root = game(tmp_path, f"""
        variables:
          trust: 0
        script:
          - label: start
          - if: trust < {"7" * 5000}
            then:
              - "Hello."
          - ending: done
    """)
    refused_both_ways(root, capsys, "story.yaml:5:17: error: a number here would be larger than 1,000,000,000,000,000 (10^15)")


def test_squaring_in_a_loop_is_an_error_not_a_hang(tmp_path, capsys):
    root = game(tmp_path, """
        variables:
          x: 2
        script:
          - label: start
          - "Hello."
          - label: again
          - set: x = x * x
          - choice: "Again?"
            options:
              - text: "Again"
                jump: again
              - text: "Stop"
                jump: done
          - label: done
          - ending: done
    """)
    refused_both_ways(root, capsys, "story.yaml:7:5: error: playing the story out, a number here would be larger than 1,000,000,000,000,000")


def test_100000_nested_parentheses_are_an_error_not_a_recursion_error(tmp_path, capsys):
    deep = "(" * 100_000 + "1" + ")" * 100_000
    nested = "(" * 60 + "1" + ")" * 60
    root = game(tmp_path, f"""
        variables:
          x: 0
        script:
          - label: start
          - set: x = {deep}
          - set: x = {nested}
          - "Hello."
          - ending: done
    """)
    refused_both_ways(root, capsys, "story.yaml:5:10: error: this expression is longer than 10,000 characters",
                      "story.yaml:6:64: error: more than 50 parentheses, `not`s or minus signs inside each other")


def test_check_stops_playing_out_paths_past_its_work_bound(tmp_path, capsys):
    """30 conditions of 2,000 operations, each reached in 64 states: far more than MAX_CHECK_WORK."""
    big = "1"
    for _ in range(10):
        big = f"({big} + {big})"
    conditions = "".join(f"\n  - if: n < {big}\n    then:\n      - \"Round {i}.\"" for i in range(30))
    story = f"variables:\n  n: 0\nscript:\n  - label: start{conditions}\n  - choice: \"Again?\"\n    options:\n      - text: Again\n        set: n += 1\n        jump: start\n      - text: Stop\n        jump: end\n  - label: end\n  - ending: done\n"
    root = game(tmp_path)
    (root / "scenes" / "story.yaml").write_text(story)
    code, printed = check(root, capsys)
    assert code == 0 and f"`check` stopped playing out the story's paths after {MAX_CHECK_WORK:,} steps of work" in printed, printed


def test_a_playthrough_step_is_bounded_in_work(tmp_path):
    """A loop with no line in it that would take a billion operations stops at once with its place."""
    from game.beats import EndlessLoop, after, begin
    from game.script import load_story

    big = "1"
    for _ in range(10):
        big = f"({big} + {big})"
    root = game(tmp_path, f"""
        variables:
          n: 0
        script:
          - label: start
          - "Hello."
          - label: round
          - set: n += 1
          - if: n < 100000 and {big} > 0
            then:
              - jump: round
          - ending: done
    """)
    story, _ = load_story(root / "scenes", assets=root)
    play = begin(story)
    with pytest.raises(EndlessLoop, match="does more than 200,000 steps of work near .*story.yaml:8:5"):
        after(story, play.state)


# -- huge files ----------------------------------------------------------------------------------


def test_a_1_gb_scene_file_is_refused_unread(tmp_path, capsys):
    """Sparse: it takes no room on disk, and must take no memory either (checked under a 1.5 GB limit)."""
    root = game(tmp_path)
    huge = root / "scenes" / "huge.yaml"
    with open(huge, "wb") as file:
        file.truncate(1024**3)
    expected = f"huge.yaml: error: cannot read this file: it is 1,073,741,824 bytes, more than the {MAX_SCENE_BYTES:,} a scene file or game.yaml may be"
    result = limited_run(["check", "--game", str(root)])
    assert result.returncode == 1 and expected in result.stderr and "MemoryError" not in result.stderr, result.stderr
    result = limited_run(["--game", str(root)], env={"HUB_EXIT_AFTER_FIRST_FRAME": "1", "HUB_DATA_DIR": str(tmp_path / "data")})
    assert result.returncode == 1 and expected in result.stderr, result.stderr


def test_yaml_nested_a_hundred_thousand_deep_is_refused_not_a_crash(tmp_path):
    """libyaml's composer recurses in C: this file would kill the process (so it runs in one of its own)."""
    root = game(tmp_path)
    (root / "scenes" / "deep.yaml").write_text("variables: " + "[" * 100_000 + "]" * 100_000 + "\n")
    result = limited_run(["check", "--game", str(root)])
    assert result.returncode == 1 and "deep.yaml:1:75: error: lists and mappings are nested more than 64 deep here" in result.stderr, result.stderr


def test_a_picture_with_too_many_pixels_is_refused_before_it_is_decoded(tmp_path, capsys):
    from PIL import Image

    root = game(tmp_path, """
        script:
          - label: start
          - background: vast
          - "Hello."
          - ending: done
    """)
    (root / "art" / "backgrounds").mkdir(parents=True)
    Image.new("L", (4100, 4100)).save(root / "art" / "backgrounds" / "vast.png")  # 16.8 million pixels, a few KB
    refused_both_ways(root, capsys, "story.yaml:3:17: error: background 'vast' cannot be used: art/backgrounds/vast.png: it is 4,100x4,100 pixels, more than the 16,777,216 pixels")


def long_wav(path: Path, hours: float) -> None:
    """A WAV whose header says it plays for `hours` (the data itself is cut short: only the header is read)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(2)
        sound.setframerate(8000)
        sound.writeframes(b"\0\0" * 8000)
    data = bytearray(path.read_bytes())
    frames = int(hours * 3600 * 8000)
    struct.pack_into("<I", data, 40, frames * 2)  # the data chunk's size
    path.write_bytes(bytes(data))


def test_a_sound_too_long_is_refused_before_it_is_decoded(tmp_path, capsys):
    root = game(tmp_path, """
        script:
          - label: start
          - sound: endless
          - "Hello."
          - ending: done
    """)
    long_wav(root / "audio" / "endless.wav", hours=10)
    refused_both_ways(root, capsys, "story.yaml:3:12: error: sound 'endless' cannot be played: audio/endless.wav: it lasts 600 minutes, longer than the 30 minutes a sound may")


# -- at run time: refused with a notice, play goes on ------------------------------------------------


def test_at_run_time_pictures_sounds_and_fonts_out_of_bounds_are_notices(tmp_path):
    """Should a file change after `check` (or a game be started some other way), the game refuses it and plays on."""
    import pygame

    from PIL import Image

    from game.folder import GameFolder
    from game.ui.assets import Fonts, Images
    from game.ui.audio import Audio

    root = tmp_path / "stranger"
    (root / "art" / "backgrounds").mkdir(parents=True)
    Image.new("RGB", (1280, 720)).save(tmp_path / "outside.png")
    (root / "art" / "backgrounds" / "hall.png").symlink_to(tmp_path / "outside.png")
    Image.new("L", (4100, 4100)).save(root / "art" / "backgrounds" / "vast.png")
    long_wav(root / "audio" / "endless.wav", hours=10)
    notices: list[str] = []
    pygame.display.init()
    pygame.font.init()
    pygame.display.set_mode((1, 1))
    try:
        folder = GameFolder(root=root, fallback_fonts=("/etc/passwd",))
        images = Images(folder, warn=notices.append)
        assert images.background("hall").get_size() == (1280, 720)  # the placeholder
        assert images.background("vast").get_size() == (1280, 720)
        assert images.background("../../outside").get_size() == (1280, 720)
        Fonts(folder, warn=notices.append)
        audio = Audio(root, warn=notices.append)
        audio.sound("endless")
        audio.sound("../../../etc/passwd")
        audio.play_music("/etc/passwd")
    finally:
        pygame.display.quit()
    said = "\n".join(notices)
    assert "hall: art/backgrounds/hall.png is a link that leads out of the game folder" in said
    assert "vast.png: it is 4,100x4,100 pixels" in said and "'../../outside' climbs out" in said
    assert "Cannot use the font /etc/passwd: '/etc/passwd' is an absolute path" in said
    assert audio.enabled  # SDL's dummy driver plays (silently)
    assert "Cannot play the sound 'endless': it lasts 600 minutes" in said and "'../../../etc/passwd' climbs out" in said
    assert "Cannot play the music '/etc/passwd': '/etc/passwd' is an absolute path" in said


def test_while_playing_a_value_past_a_bound_leaves_its_set_undone_and_play_goes_on(tmp_path):
    """`check` explores a bounded number of states; past them (or from a save), play goes on."""
    from dataclasses import replace

    from game.beats import after, begin
    from game.limits import MAX_NUMBER
    from game.script import load_story

    root = game(tmp_path, """
        variables:
          x: 1
        script:
          - label: start
          - "Hello."
          - set: x += 1
          - if: x * x > 0
            then:
              - "Big: [x]."
          - choice: "Go on?"
            options:
              - text: "Yes"
                set: x = x * 2
                jump: end
          - label: end
          - ending: done
    """)
    story, _ = load_story(root / "scenes", assets=root)
    first = begin(story)
    huge = replace(first.state, variables=(("x", MAX_NUMBER),))  # as a save from a long loop could hold
    line = after(story, huge)
    assert line.state.values["x"] == MAX_NUMBER and line.text == "Go on?"  # the `set:` undone, the `if:` false
    assert [o.text for o in line.options] == ["Yes"]
    choice = line
    ending = after(story, choice.state, 0)
    assert ending.state.values["x"] == MAX_NUMBER and ending.text == "done"
