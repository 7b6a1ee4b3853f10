"""Where issue 7 (game folders, the richer script) meets issue 10 (nothing breaks the game):
faults found by trying both together on a game folder of one's own."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import game
from game import ROOT
from game.folder import load_game
from game.script import load_story
from game.transcript import transcript


def test_playing_needs_nothing_beyond_requirements_txt():
    """The play command installs only requirements.txt: every module the game can use while
    playing imports with the developer's tools (numpy, pytest) missing."""
    playing = sorted(m.name for m in pkgutil.walk_packages(game.__path__, "game.") if not m.name.startswith(("game.artwork", "game.bench")))
    code = (
        "import sys\n"
        "for tool in ('numpy', 'pytest', 'hypothesis'):\n"
        "    sys.modules[tool] = None  # importing it now raises ImportError\n"
        + "".join(f"import {name}\n" for name in playing)
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_a_block_line_has_no_empty_last_line(tmp_path: Path):
    """`- mina: |` keeps YAML's final newline out of the line: the transcript (and the text box)
    show the two lines the writer wrote, not an empty third."""
    scenes = tmp_path / "scenes"
    scenes.mkdir()
    (scenes / "story.yaml").write_text(
        "characters:\n  mina:\n    name: Mina\n"
        "script:\n  - label: start\n  - mina: |\n      One.\n      Two.\n  - >\n    Folded\n    words.\n  - ending: End\n",
        encoding="utf-8",
    )
    story, _ = load_story(game=load_game(tmp_path))
    assert list(transcript(story)) == ["Mina: One.\nTwo.", "Folded words.", "Ending: End"]


SPOKEN_CHOICE = """\
characters:
  sylvie:
    name: Sylvie
variables:
  name: "Ianto"
script:
  - label: start
  - choice: "Where to, [name]?"
    speaker: sylvie
    options:
      - text: "Home, [name]."
        jump: home
  - label: home
  - ending: Home
"""


def test_a_spoken_prompt_keeps_its_speaker_in_history_and_saves(tmp_path: Path):
    """The text box shows a spoken prompt under its speaker's plate: History and a save's
    "first words" name the speaker too, with the variables put in."""
    from game.history import History
    from game.playthrough import Playthrough
    from game.saves import SaveStore
    from game.userdata import PlayerFiles

    (tmp_path / "scenes").mkdir()
    (tmp_path / "scenes" / "story.yaml").write_text(SPOKEN_CHOICE, encoding="utf-8")
    story, _ = load_story(game=load_game(tmp_path))
    playthrough = Playthrough(story)
    entry = History(playthrough).entry(0)
    assert (entry.speaker, entry.text, entry.options) == ("Sylvie", "Where to, Ianto?", ("Home, Ianto.",))
    saves = SaveStore(PlayerFiles(tmp_path / "data", warn=print), story, "seams")
    assert saves.save("1-1", playthrough, thumbnail_png=b"")
    info = saves.info("1-1")
    assert (info.speaker, info.words) == ("Sylvie", "Where to, Ianto?")


def test_bench_finds_a_line_to_draw_in_a_game_with_one_sprite(tmp_path: Path):
    """`bench --game DIR` draws the busiest line it can find: a game that never shows two
    sprites at once is measured on its one-sprite line, not run past its ending."""
    from game.bench import busiest_line
    from game.playthrough import Playthrough

    (tmp_path / "scenes").mkdir()
    (tmp_path / "art" / "sprites" / "ada").mkdir(parents=True)
    (tmp_path / "art" / "sprites" / "ada" / "calm.png").write_bytes(_png())
    (tmp_path / "scenes" / "story.yaml").write_text(
        "characters:\n  ada:\n    name: Ada\n"
        "script:\n  - label: start\n  - Alone.\n  - show: ada calm\n  - ada: Hello.\n  - choice:\n    options:\n"
        "      - text: On.\n        jump: on\n  - label: on\n  - Narration.\n  - ending: End\n",
        encoding="utf-8",
    )
    play = Playthrough(load_story(game=load_game(tmp_path))[0])
    best = busiest_line(play)
    assert play.beats[best].text == "Hello." and play.beats[best].speaker == "ada"


def _png() -> bytes:
    from io import BytesIO

    from PIL import Image

    picture = BytesIO()
    Image.new("RGBA", (40, 80), (200, 100, 100, 255)).save(picture, "PNG")
    return picture.getvalue()


def test_one_long_option_does_not_shrink_every_option_past_reading():
    """Options shrink together to fit their buttons, but no further than MIN_LABEL_SCALE: the
    short ones stay readable, and one still too long is cut with an ellipsis inside its button."""
    import pygame

    from game.ui.widgets import MIN_LABEL_SCALE, fitted

    pygame.font.init()
    font = pygame.font.Font(str(ROOT / "art" / "fonts" / "Lato-Regular.ttf"), 26)
    labels = ["Stay.", "W" * 300, "This option is far too long for any button, " * 4]
    rects = [pygame.Rect(0, 60 * i, 760, 58) for i in range(3)]
    texts = fitted(labels, font, (255, 255, 255), rects)
    full_height = font.size("Stay.")[1]
    for text, rect in zip(texts, rects):
        assert text.get_width() <= rect.w - 56 and text.get_height() <= rect.h - 8
        assert text.get_height() >= round(full_height * MIN_LABEL_SCALE)
    assert texts[0].get_width() >= round(font.size("Stay.")[0] * MIN_LABEL_SCALE)


def test_a_game_in_a_folder_named_hub_does_not_share_our_storys_data(tmp_path: Path):
    """Without an `id:`, a game's data is kept under its folder's name; a writer's folder called
    `hub` must not get our story's id, or its Skip would skip lines its players never read."""
    from game.userdata import data_dir

    folder = tmp_path / "hub"
    (folder / "scenes").mkdir(parents=True)
    found = load_game(folder)
    assert found.id != "hub"
    assert data_dir(found.id) != data_dir("hub")
    assert load_game(ROOT).id == "hub"
