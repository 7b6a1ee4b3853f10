"""`check` loads every file the game uses in full, the interface's and fonts too, and reports each bad one."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import spoil, truncated

from game import ROOT
from game.gamefolder import GameFolder
from game.script import ScriptError, load_story
from game.script.files import check_font, check_image, check_sound

SCRIPT = """\
script:
  - label: start
  - background: hub_floor
  - show: jack smile at left
  - sound: glass_down
  - jack: "Hello there."
  - ending: Done
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    scenes = tmp_path / "scenes"
    scenes.mkdir()
    shutil.copy(ROOT / "scenes" / "characters.yaml", scenes)
    (scenes / "story.yaml").write_text(SCRIPT, encoding="utf-8")
    return scenes


def on_copy(folder: Path, engine: Path) -> GameFolder:
    """The scenes in `folder` as a game whose files, and the engine's, are the copy in `engine`."""
    return GameFolder(root=engine, scenes=folder, engine=engine)


def problems(folder: Path, engine: Path) -> list[str]:
    """Every problem a thorough check reports, as printed."""
    with pytest.raises(ScriptError) as caught:
        load_story(game=on_copy(folder, engine), thorough=True)
    return [str(p) for p in caught.value.problems]


def named(found: list[str], relative: str) -> str:
    hits = [p for p in found if relative in p]
    assert len(hits) == 1, found
    return hits[0]


def test_the_shipped_game_checks_clean():
    """Every file of the game itself loads in full."""
    story, warnings = load_story(ROOT / "scenes", thorough=True)
    assert story.count_lines() > 50 and not warnings


@pytest.mark.parametrize("relative", ["art/backgrounds/hub_floor.png", "art/sprites/jack/smile.png"])
def test_a_truncated_picture_is_found(folder, engine_copy, relative):
    """Its header is whole, so the quick check at start passes; `check` loads it and says it is cut short."""
    spoil(engine_copy, relative, truncated(relative))
    load_story(game=on_copy(folder, engine_copy))  # the header alone looks fine
    report = named(problems(folder, engine_copy), relative)
    assert "error" in report and "truncated" in report


@pytest.mark.parametrize("content, reason", [(None, "missing"), (b"not a png", "cannot be read"), ("truncated", "truncated")])
@pytest.mark.parametrize("relative", ["art/ui/textbox.png", "art/backgrounds/title.png"])
def test_interface_pictures_are_checked(folder, engine_copy, relative, content, reason):
    """The text box and the title's background, which no script names, are checked too."""
    spoil(engine_copy, relative, truncated(relative) if content == "truncated" else content)
    report = named(problems(folder, engine_copy), relative)
    assert reason in report, report


@pytest.mark.parametrize("content, reason", [(b"", "the file is empty"), (b"<html>" * 100, "not a font"), ("truncated", "damaged or cut short")])
def test_fonts_are_checked(folder, engine_copy, content, reason):
    """An empty file, a file that is no font, and a font cut short are each reported at the font's path."""
    relative = "art/fonts/Lato-Regular.ttf"
    spoil(engine_copy, relative, truncated(relative, keep=0.3) if content == "truncated" else content)
    report = named(problems(folder, engine_copy), relative)
    assert reason in report, report


def test_a_truncated_sound_is_found(folder, engine_copy):
    relative = "audio/glass_down.wav"
    spoil(engine_copy, relative, truncated(relative, keep=0.5))
    report = named(problems(folder, engine_copy), relative)
    assert "truncated" in report


def test_a_character_no_font_draws_is_a_warning_at_its_place(folder, tmp_path):
    """CJK (beyond the interface's Japanese subset) has no glyph in Lato, DejaVu Sans or it: `check` says where, to the column; Greek and accents pass."""
    (folder / "story.yaml").write_text(SCRIPT.replace('"Hello there."', '"Ωmega, ő and 龍鳳"'), encoding="utf-8")
    result = subprocess.run([sys.executable, "main.py", "check", "--scenes", str(folder)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "no font" in line]
    line_number, text = next((n, line) for n, line in enumerate(SCRIPT.replace('"Hello there."', '"Ωmega, ő and 龍鳳"').splitlines(), 1) if "龍" in line)
    assert len(warnings) == 2, result.stderr
    assert warnings[0].endswith(f":{line_number}:{text.index('龍') + 1}: warning: no font of the game can draw '龍' (CJK UNIFIED IDEOGRAPH-9F8D); it shows as a box")
    assert f"story.yaml:{line_number}:{text.index('鳳') + 1}:" in warnings[1]


def _ogg_page(body: bytes, sequence: int) -> bytes:
    """One Ogg page, its checksum made the slow way the format describes."""
    header = b"OggS" + bytes([0, 2 if sequence == 0 else 0]) + bytes(8) + (1).to_bytes(4, "little") + sequence.to_bytes(4, "little")
    page = bytearray(header + bytes(4) + bytes([1, len(body)]) + body)
    crc = 0
    for byte in page:
        crc ^= byte << 24
        for _ in range(8):
            crc = ((crc << 1) ^ 0x04C11DB7) if crc & 0x80000000 else crc << 1
        crc &= 0xFFFFFFFF
    page[22:26] = crc.to_bytes(4, "little")
    return bytes(page)


def test_ogg_pages_are_checked_whole(tmp_path):
    """Whole pages pass; a cut-short or altered page is reported."""
    whole = _ogg_page(b"\x01vorbis", 0) + _ogg_page(b"music!", 1)
    path = tmp_path / "a.ogg"
    path.write_bytes(whole)
    assert check_sound(path) is None
    path.write_bytes(whole[:-3])
    assert "truncated" in check_sound(path)
    path.write_bytes(whole[:-1] + b"?")
    assert "checksum" in check_sound(path)
    path.write_bytes(b"ID3 not ogg")
    assert "not an Ogg file" in check_sound(path)


def test_each_check_names_what_is_wrong(tmp_path):
    assert check_image(tmp_path / "none.png") == "the file is missing"
    assert check_font(ROOT / "art" / "fonts" / "DejaVuSans.ttf") is None
    (tmp_path / "e.ttf").write_bytes(b"")
    assert check_font(tmp_path / "e.ttf") == "the file is empty"
