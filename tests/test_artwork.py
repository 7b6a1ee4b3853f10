"""The art and sound generator: deterministic output, the right files, the right formats."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np
import pytest
import soundfile
from PIL import Image

from game.artwork import catalogue, generate, handmade
from game.artwork.backgrounds import DESK_TOP, glass_place
from game.artwork.loudness import integrated_loudness
from game.artwork.sound import LOOPS, MUSIC, file_name

REPO = Path(__file__).resolve().parents[1]

BACKGROUNDS = {"hub_floor", "office_lamp", "office_cold", "office_cold_poured", "office_cold_second", "office_alarm", "cog_door",
               "cog_door_open", "title", "end_let_go", "end_tell", "end_stay"}
SPRITES = {"jack": {"neutral", "smile", "small_smile", "sad", "hurt", "tearful", "guarded", "down", "seated_down",
                    "seated_sad", "window", "sleeve", "together"},
           "ianto": {"neutral", "smile", "sad", "hurt", "tearful", "seated", "seated_smile", "seated_hurt",
                     "seated_tearful", "seated_sad", "leaving", "collar"}}
STILL = {"jack/window"}  # nothing to blink
TWO_SHOTS = {"jack/together", "jack/sleeve", "ianto/collar"}
BEHIND_DESK = {"jack/seated_down", "jack/seated_sad", "jack/together", "jack/window"} | {f"ianto/{f}" for f in SPRITES["ianto"] if f.startswith("seated")}
UI = {"textbox": (1180, 190), "nameplate": (260, 48), "choice_normal": (760, 64), "choice_hover": (760, 64),
      "choice_pressed": (760, 64), "continue": (28, 28), "logo": (760, 220), "icon": (256, 256), "menu_panel": (460, 400)}
SOUNDS = {"hub_ambience": 12, "theme": 123.75, "theme_alone": 97.78, "theme_truth": 96.7, "theme_stay": 98.2, "cog_alarm": 3,
          "cog_roll": 3.2, "whiskey_pour": 2, "glass_down": 0.6, "footsteps": 3, "ui_hover": 0.08, "ui_click": 0.12}


def expected_names() -> set[str]:
    names = {f"art/backgrounds/{n}.png" for n in BACKGROUNDS}
    names |= {f"art/sprites/{who}/{what}.png" for who, faces in SPRITES.items() for what in faces}
    names |= {f"art/sprites/{who}/{what}_blink{n}.png" for who, faces in SPRITES.items() for what in faces
              if f"{who}/{what}" not in STILL for n in (1, 2)}
    names |= {f"art/ui/{n}.png" for n in UI} | {"art/ui/end_card.png", "art/contact_sheet.png",
                                            "art/contact_sheet_sprites.png"}
    names |= {f"audio/{n}.ogg" if n in MUSIC else f"audio/{n}.wav" for n in SOUNDS}
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
        replaced |= {"art/contact_sheet.png", "art/contact_sheet_sprites.png"}  # they picture the hand-made files too
    names = [p.relative_to(root).as_posix() for p in written]
    different = [n for n in names if n not in replaced and (REPO / n).read_bytes() != (root / n).read_bytes() and not _same_music(REPO / n, root / n)]
    assert different == []


def _same_music(committed: Path, made: Path) -> bool:
    """An Ogg Vorbis piece is the same music when it decodes to the same samples within the encoder's
    noise (-40 dB): the bytes are the same on this machine, but a CPU whose vector maths rounds a
    last bit differently would change the encoder's choices, not the music."""
    if committed.suffix != ".ogg":
        return False
    a, _ = soundfile.read(str(committed), dtype="float64")
    b, _ = soundfile.read(str(made), dtype="float64")
    return a.shape == b.shape and float(np.sqrt(np.mean((a - b) ** 2))) < 0.01 * float(np.sqrt(np.mean(a**2)))


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


def test_sprites_are_rgba_figures_on_a_clear_ground(generated: tuple[Path, list[Path]]) -> None:
    """Sprites are 520x640 RGBA (the two-men pictures wider): clear top corners, a face in the top 360 px, above the
    text box; a standing figure reaches the bottom edge, a seated one ends at the desk's top, the desk in front of him."""
    root, _ = generated
    for who, faces in SPRITES.items():
        for what in faces:
            key = f"{who}/{what}"
            with Image.open(root / f"art/sprites/{key}.png") as picture:
                width = 1040 if key == "jack/together" else 860 if key in TWO_SHOTS else 520
                assert (picture.size, picture.mode) == ((width, 640), "RGBA"), what
                alpha = np.asarray(picture)[..., 3]
            assert alpha[0, 0] == alpha[0, -1] == 0
            assert alpha[:360].max() == 255
            if key in BEHIND_DESK:  # (the downscale rings by a level or two); on the desk's top: glasses, bottle, hands
                desk = DESK_TOP - 80
                assert alpha[desk + (56 if key in ("jack/together", "jack/window") else 2):].max() <= 2, what
                assert alpha[desk - 3, width // 2] >= 250, what
            else:
                assert alpha[-1].max() == 255, what


def test_the_desk_and_its_things_stand_above_the_text_box() -> None:
    """What the narration points at on the desk (its top, the bottle, the glasses) is seen above the text box."""
    from game.ui.layout import TEXT_BOX

    assert DESK_TOP + 54 < TEXT_BOX.top
    assert all(glass_place(i)[1] < TEXT_BOX.top for i in range(2))


def test_blink_frames_match_their_sprite_except_round_the_eyes(generated: tuple[Path, list[Path]]) -> None:
    """A blink frame is its sprite with the lids lowered: same size, different pixels only in a small part of the head."""
    root, _ = generated
    for who, faces in SPRITES.items():
        for what in faces:
            if f"{who}/{what}" in STILL:
                continue
            with Image.open(root / f"art/sprites/{who}/{what}.png") as picture:
                base = np.asarray(picture).astype(int)
            for n in (1, 2):
                with Image.open(root / f"art/sprites/{who}/{what}_blink{n}.png") as picture:
                    frame = np.asarray(picture).astype(int)
                assert frame.shape == base.shape
                changed = np.nonzero(np.abs(frame - base).max(axis=2) > 8)
                assert len(changed[0]) > 20, (what, n)
                assert changed[0].max() < 360 and len(changed[0]) < 0.02 * base.shape[0] * base.shape[1], (what, n)


def test_interface_pictures_have_their_sizes(generated: tuple[Path, list[Path]]) -> None:
    """Interface pieces are RGBA at the sizes the game lays out, the text box translucent near alpha 210."""
    root, _ = generated
    for name, size in UI.items():
        with Image.open(root / f"art/ui/{name}.png") as picture:
            assert (picture.size, picture.mode) == (size, "RGBA"), name
    with Image.open(root / "art/ui/textbox.png") as box:
        assert abs(int(np.asarray(box)[95, 590, 3]) - 210) <= 3


def read_wav(path: Path) -> tuple[wave._wave_params, np.ndarray]:
    """The file's parameters and its samples as (frames, channels) integers."""
    with wave.open(str(path), "rb") as source:
        params = source.getparams()
        samples = np.frombuffer(source.readframes(params.nframes), "<i2").astype(np.int32)
    return params, samples.reshape(-1, params.nchannels)


def read_sound(root: Path, name: str) -> np.ndarray:
    """A sound's samples as (frames, 2) on the 16-bit scale, from its WAV or (the music) its Ogg Vorbis file."""
    if name in MUSIC:
        samples, rate = soundfile.read(root / "audio" / file_name(name), dtype="float64", always_2d=True)
        assert rate == 44100, name
        return samples * 32768
    return read_wav(root / f"audio/{name}.wav")[1]


def test_sounds_are_16_bit_stereo_44100_at_their_lengths(generated: tuple[Path, list[Path]]) -> None:
    """Every effect is 16-bit stereo WAV at 44.1 kHz, the music stereo Ogg Vorbis at 44.1 kHz; each about the asked
    length, peaking under -1 dBFS."""
    root, _ = generated
    for name, length in SOUNDS.items():
        if name in MUSIC:
            info = soundfile.info(str(root / f"audio/{name}.ogg"))
            assert (info.format, info.subtype, info.channels, info.samplerate) == ("OGG", "VORBIS", 2, 44100), name
            frames = info.frames
        else:
            params, _ = read_wav(root / f"audio/{name}.wav")
            assert (params.nchannels, params.sampwidth, params.framerate) == (2, 2, 44100), name
            frames = params.nframes
        assert abs(frames / 44100 - length) < 0.05, name
        assert 0 < np.abs(read_sound(root, name)).max() <= 32767 * 10 ** (-1 / 20) + 1, name


def test_loudness_is_balanced_and_printed(generated: tuple[Path, list[Path]], capsys: pytest.CaptureFixture[str]) -> None:
    """Integrated loudness (BS.1770): music about -20 LUFS, ambience quieter than music, interface sounds quieter still.
    Every file's loudness is printed, whatever pytest's capture."""
    root, _ = generated
    level = {name: integrated_loudness(read_sound(root, name) / 32768, 44100) for name in SOUNDS}
    with capsys.disabled():
        print("\nintegrated loudness (BS.1770):")
        for name, lufs in sorted(level.items(), key=lambda item: -item[1]):
            print(f"  audio/{file_name(name)} {lufs:7.2f} LUFS")
    music = list(MUSIC)
    assert all(abs(level[name] + 20) <= 1.0 for name in music), level
    assert level["hub_ambience"] <= min(level[name] for name in music) - 3, level
    assert max(level["ui_click"], level["ui_hover"]) <= level["hub_ambience"] - 3, level
    effects = set(SOUNDS) - set(music) - {"hub_ambience", "ui_click", "ui_hover"}
    assert all(-30 <= level[name] <= -18 for name in effects), level


def test_music_is_wide_and_bright(generated: tuple[Path, list[Path]]) -> None:
    """The music is truly stereo (the ears differ) and reaches past 5 kHz; the ambience moves between the ears."""
    root, _ = generated
    for name in MUSIC:
        samples = read_sound(root, name)
        left, right = samples[:, 0].astype(float), samples[:, 1].astype(float)
        assert abs(np.corrcoef(left, right)[0, 1]) < 0.9, name
        spectrum = np.abs(np.fft.rfft(left)) ** 2
        freqs = np.fft.rfftfreq(len(left), 1 / 44100)
        assert spectrum[freqs > 5000].sum() / spectrum.sum() > 10 ** (-5), name
    _, ambience = read_wav(root / "audio/hub_ambience.wav")
    spectrum = np.fft.rfft(ambience.astype(float), axis=0)
    freqs = np.fft.rfftfreq(len(ambience), 1 / 44100)
    water = np.fft.irfft(spectrum * ((freqs > 500) & (freqs < 2000))[:, None], len(ambience), axis=0)
    quarter = len(water) // 4
    balance = [np.sqrt((water[i:i + quarter] ** 2).mean(axis=0)) for i in range(0, 4 * quarter, quarter)]
    ratios = [left / right for left, right in balance]
    assert max(ratios) / min(ratios) > 1.3


def test_loops_join_seamlessly_and_one_shots_start_and_end_quiet(generated: tuple[Path, list[Path]]) -> None:
    """Looping sounds flow across the seam (no click, no jump in level); one-shot sounds start and end at silence."""
    root, _ = generated
    for name in SOUNDS:
        samples = read_sound(root, name)
        if name in LOOPS:
            steps = np.abs(np.diff(samples, axis=0))
            assert (np.abs(samples[-1] - samples[0]) <= np.maximum(64, 4 * np.percentile(steps, 99, axis=0))).all(), name
            second = 44100
            before = np.sqrt((samples[-second:].astype(float) ** 2).mean())
            after = np.sqrt((samples[:second].astype(float) ** 2).mean())
            assert abs(20 * np.log10(before / after)) < 3.0, (name, before, after)
        else:
            assert (np.abs(samples[0]) < 200).all() and (np.abs(samples[-1]) < 200).all(), name


def test_audio_stays_small(generated: tuple[Path, list[Path]]) -> None:
    """All the audio together stays under 12 MB: the music, over seven minutes of it, is Ogg Vorbis (as WAV at
    44.1 kHz stereo it would be 10 MB a minute)."""
    root, _ = generated
    assert sum(p.stat().st_size for p in (root / "audio").iterdir()) < 12_000_000


def test_loudness_meter_reads_the_reference_tone() -> None:
    """The BS.1770 meter: a full-scale 997 Hz sine reads -3.01 LUFS in one channel, 0 in two; 10 dB down reads 10 LU less;
    silence between two bursts does not pull the reading down."""
    for rate in (44100, 48000):
        t = np.arange(rate * 3) / rate
        tone = np.sin(2 * np.pi * 997 * t)
        assert abs(integrated_loudness(tone, rate) + 3.01) < 0.05
        assert abs(integrated_loudness(np.stack([tone, tone], axis=1), rate)) < 0.05
        assert abs(integrated_loudness(tone * 10 ** (-10 / 20), rate) + 13.01) < 0.05
        gapped = np.concatenate([tone, np.zeros(rate * 10), tone])
        assert abs(integrated_loudness(gapped, rate) - integrated_loudness(tone, rate)) < 0.3
    assert integrated_loudness(np.zeros(44100), 44100) == -np.inf
