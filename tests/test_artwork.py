"""The art and sound generator: deterministic output, the right files, the right formats."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from game.artwork import catalogue, generate, handmade
from game.artwork.sound import LOOPS

REPO = Path(__file__).resolve().parents[1]

BACKGROUNDS = {"hub_floor", "office_lamp", "office_cold", "cog_door", "cog_door_open", "title", "end_let_go",
               "end_tell", "end_stay"}
SPRITES = {"jack": {"neutral", "smile", "sad", "hurt", "tearful", "guarded", "down"},
           "ianto": {"neutral", "smile", "sad", "hurt", "tearful", "leaving"}}
UI = {"textbox": (1180, 190), "nameplate": (260, 48), "choice_normal": (760, 64), "choice_hover": (760, 64),
      "choice_pressed": (760, 64), "continue": (28, 28), "logo": (760, 220), "menu_panel": (460, 400)}
SOUNDS = {"hub_ambience": 20, "theme": 30, "theme_alone": 28, "theme_truth": 28, "theme_stay": 28, "cog_alarm": 3,
          "cog_roll": 3.2, "whiskey_pour": 2, "glass_down": 0.6, "footsteps": 3, "ui_hover": 0.08, "ui_click": 0.12}


def expected_names() -> set[str]:
    names = {f"art/backgrounds/{n}.png" for n in BACKGROUNDS}
    names |= {f"art/sprites/{who}/{what}.png" for who, faces in SPRITES.items() for what in faces}
    names |= {f"art/ui/{n}.png" for n in UI} | {"art/ui/end_card.png", "art/contact_sheet.png"}
    names |= {f"audio/{n}.wav" for n in SOUNDS}
    return names


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    root = tmp_path_factory.mktemp("assets")
    return root, generate(root)


def test_writes_exactly_the_listed_files(generated: tuple[Path, list[Path]]) -> None:
    """generate() writes every file the game relies on, and nothing else."""
    root, written = generated
    names = {p.relative_to(root).as_posix() for p in written}
    assert names == expected_names()
    assert set(catalogue()) == expected_names()
    on_disk = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
    assert on_disk == names


def test_output_matches_the_committed_files_byte_for_byte(generated: tuple[Path, list[Path]]) -> None:
    """Regenerating gives exactly the bytes of the art and audio files in the repository."""
    root, written = generated
    replaced = handmade(REPO)
    if replaced:
        replaced.add("art/contact_sheet.png")  # it pictures the hand-made files too
    names = [p.relative_to(root).as_posix() for p in written]
    different = [n for n in names if n not in replaced and (REPO / n).read_bytes() != (root / n).read_bytes()]
    assert different == []


def test_hand_made_files_are_left_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file listed in art/handmade.txt is neither overwritten nor reported as written."""
    import game.artwork as artwork

    few = ["art/ui/continue.png", "art/ui/textbox.png", "art/ui/nameplate.png"]  # a small catalogue keeps this quick
    monkeypatch.setattr(artwork, "_groups", lambda: [few])
    monkeypatch.setattr(artwork, "catalogue", lambda: {name: "image" for name in few})
    (tmp_path / "art" / "ui").mkdir(parents=True)
    mine = tmp_path / "art" / "ui" / "continue.png"
    Image.new("RGBA", (28, 28), (255, 0, 0, 255)).save(mine)
    before = mine.read_bytes()
    (tmp_path / "art" / "handmade.txt").write_text("# drawn by hand\nart/ui/continue.png\n")
    written = generate(tmp_path, workers=1)
    assert mine.read_bytes() == before
    assert mine not in written and (tmp_path / "art" / "ui" / "textbox.png") in written


def test_backgrounds_are_1280x720_rgb(generated: tuple[Path, list[Path]]) -> None:
    """Every background (and the end card) is a 1280x720 RGB picture."""
    root, _ = generated
    for name in [f"art/backgrounds/{n}.png" for n in BACKGROUNDS] + ["art/ui/end_card.png"]:
        with Image.open(root / name) as picture:
            assert (picture.size, picture.mode) == ((1280, 720), "RGB"), name


def test_sprites_are_420x480_rgba_with_a_figure_on_a_clear_ground(generated: tuple[Path, list[Path]]) -> None:
    """Sprites are 420x480 RGBA: clear top corners, the figure reaching the bottom edge, a face in the top 200 px."""
    root, _ = generated
    for who, faces in SPRITES.items():
        for what in faces:
            with Image.open(root / f"art/sprites/{who}/{what}.png") as picture:
                assert (picture.size, picture.mode) == ((420, 480), "RGBA")
                alpha = np.asarray(picture)[..., 3]
            assert alpha[0, 0] == alpha[0, -1] == 0
            assert alpha[-1, 210] == 255
            assert alpha[:200].max() == 255


def test_interface_pictures_have_their_sizes(generated: tuple[Path, list[Path]]) -> None:
    """Interface pieces are RGBA at the sizes the game lays out, the text box translucent near alpha 210."""
    root, _ = generated
    for name, size in UI.items():
        with Image.open(root / f"art/ui/{name}.png") as picture:
            assert (picture.size, picture.mode) == (size, "RGBA"), name
    with Image.open(root / "art/ui/textbox.png") as box:
        assert abs(int(np.asarray(box)[95, 590, 3]) - 210) <= 3


def read_wav(path: Path) -> tuple[wave._wave_params, np.ndarray]:
    with wave.open(str(path), "rb") as source:
        params = source.getparams()
        samples = np.frombuffer(source.readframes(params.nframes), "<i2").astype(np.int32)
    return params, samples


def test_sounds_are_16_bit_mono_22050_at_their_lengths(generated: tuple[Path, list[Path]]) -> None:
    """Every sound is 16-bit mono 22050 Hz, about the asked length, peaking near -3 dBFS without clipping."""
    root, _ = generated
    for name, length in SOUNDS.items():
        params, samples = read_wav(root / f"audio/{name}.wav")
        assert (params.nchannels, params.sampwidth, params.framerate) == (1, 2, 22050), name
        assert abs(params.nframes / 22050 - length) < 0.01, name
        assert 22000 < np.abs(samples).max() < 23500, name


def test_loops_join_seamlessly_and_one_shots_start_and_end_quiet(generated: tuple[Path, list[Path]]) -> None:
    """Looping music ends where it starts (no click at the seam); one-shot sounds start and end at silence."""
    root, _ = generated
    for name in SOUNDS:
        _, samples = read_wav(root / f"audio/{name}.wav")
        steps = np.abs(np.diff(samples))
        if name in LOOPS:
            assert abs(samples[-1] - samples[0]) <= max(64, 4 * np.percentile(steps, 99)), name
        else:
            assert abs(samples[0]) < 200 and abs(samples[-1]) < 200, name


def test_audio_stays_small(generated: tuple[Path, list[Path]]) -> None:
    """All the audio together stays under 10 MB."""
    root, _ = generated
    assert sum(p.stat().st_size for p in (root / "audio").iterdir()) < 10_000_000
