"""The music: each piece's length and loudness (printed), no repeat within 90 s, and instruments that behave as such.

The pieces are read from the committed audio/*.ogg (tests/test_artwork.py holds those to the generator's
output byte for byte); run with `-s` to see the figures, which are printed whatever pytest's capture.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile

from game.artwork import instruments, music
from game.artwork.dsp import RATE, bandpass
from game.artwork.loudness import integrated_loudness
from game.artwork.sound import MUSIC, file_name

REPO = Path(__file__).resolve().parents[1]
WINDOW = 20.0  # seconds of the opening compared with every later stretch
NO_REPEAT_WITHIN = 90.0


def decoded(name: str) -> np.ndarray:
    samples, rate = soundfile.read(REPO / "audio" / file_name(name), dtype="float64", always_2d=True)
    assert rate == RATE and samples.shape[1] == 2, name
    return samples


def db(value: float) -> float:
    return 20 * np.log10(max(value, 1e-12))


def opening_matches(samples: np.ndarray, *, window: float = WINDOW, rate: int = RATE // 4) -> np.ndarray:
    """How closely the opening `window` seconds match the loop (going round its end) at every later start: the
    normalised correlation, 1.0 for an exact repeat, indexed by the start in samples at `rate`."""
    mono = samples.mean(axis=1)
    step = RATE // rate
    mono = np.convolve(mono, np.ones(step) / step, mode="same")[::step]  # averaged down to 11 kHz
    n, w = len(mono), int(window * rate)
    opening = mono[:w]
    lapped = np.concatenate([mono, mono[:w]])
    spectrum = np.fft.rfft(lapped) * np.conj(np.fft.rfft(opening, len(lapped)))
    products = np.fft.irfft(spectrum, len(lapped))[:n]
    energy = np.concatenate([[0.0], np.cumsum(lapped ** 2)])
    norms = np.sqrt((energy[w:w + n] - energy[:n]) * (opening ** 2).sum()) + 1e-12
    return products / norms


def test_music_length_and_loudness_are_printed_and_in_range(capsys: pytest.CaptureFixture[str]) -> None:
    """Every piece lasts at least 90 s; RMS between -30 and -14 dBFS, peak at most -1 dBFS, about -20 LUFS."""
    figures = {}
    for name in MUSIC:
        samples = decoded(name)
        figures[name] = (len(samples) / RATE, db(float(np.sqrt((samples ** 2).mean()))), db(float(np.abs(samples).max())),
                         integrated_loudness(samples, RATE))
    with capsys.disabled():
        print("\nmusic (decoded from audio/*.ogg):")
        for name, (length, rms, peak, lufs) in figures.items():
            print(f"  {name:12} {length:6.1f} s  RMS {rms:6.1f} dBFS  peak {peak:5.1f} dBFS  {lufs:6.1f} LUFS")
    for name, (length, rms, peak, lufs) in figures.items():
        assert length >= NO_REPEAT_WITHIN, (name, length)
        assert -30 <= rms <= -14, (name, rms)
        assert peak <= -1.0, (name, peak)
        assert abs(lufs + 20) <= 1.0, (name, lufs)


def test_the_repeat_finder_finds_a_short_loop() -> None:
    """The measure the next test relies on: a 22 s loop played five times matches its opening again at 22 s."""
    rng = np.random.default_rng(5)
    loop = np.repeat(rng.standard_normal((22 * RATE // 8, 2)), 8, axis=0)  # some low-passed noise
    matches = opening_matches(np.tile(loop, (5, 1)))
    rate = RATE // 4
    assert matches[22 * rate] > 0.95
    assert np.abs(matches[rate:21 * rate]).max() < 0.2


def test_no_piece_repeats_within_90_seconds() -> None:
    """No 20 s stretch after the first second matches the opening 20 s (correlation under 0.5) until the loop
    comes round again, and a piece comes round only at its whole length, at least 90 s."""
    rate = RATE // 4
    for name in MUSIC:
        matches = opening_matches(decoded(name))
        later = np.abs(matches[rate:len(matches) - rate])
        assert later.max() < 0.5, (name, float(later.max()), (int(np.argmax(later)) + rate) / rate)


def test_pieces_have_sections_of_different_texture() -> None:
    """Each piece changes instrumentation between sections: the share of bass (under 150 Hz) in 10 s stretches
    varies by a factor of two or more."""
    for name in MUSIC:
        samples = decoded(name).mean(axis=1)
        stretch = 10 * RATE
        shares = []
        for at in range(0, len(samples) - stretch, stretch):
            spectrum = np.abs(np.fft.rfft(samples[at:at + stretch])) ** 2
            freqs = np.fft.rfftfreq(stretch, 1 / RATE)
            shares.append(spectrum[freqs < 150].sum() / spectrum.sum())
        assert max(shares) >= 2 * min(shares), (name, shares)


def test_a_piece_is_written_out_at_its_tempo() -> None:
    """The scores add up: bars times beats at the tempo give the piece's length; a melody that does not fill its
    bars is refused."""
    for piece in music.PIECES.values():
        assert piece.length == pytest.approx(piece.bars * piece.meter * 60 / piece.tempo)
        assert piece.length >= NO_REPEAT_WITHIN
    short = music.Piece(tempo=60, meter=4, scale=music.A_MINOR, seed=0, sections=(music.Section("Am F", melody="A4:4 C5:3"),))
    with pytest.raises(ValueError, match="does not fill its 8 beats"):
        music.Score(short).section(short.sections[0], 0)


def test_piano_partials_are_stretched_and_the_high_ones_die_first() -> None:
    """A piano note's 10th partial sits above 10 f (string stiffness); the treble fades faster than the
    fundamental; when the key lifts the damper stops it within half a second."""
    note, f = 45, 110.0
    sound = instruments.piano(note, 2.0, 0.7)
    first = sound[: RATE // 2]
    spectrum = np.abs(np.fft.rfft(first * np.hanning(len(first)), 8 * len(first)))
    freqs = np.fft.rfftfreq(8 * len(first), 1 / RATE)
    near = (freqs > 9.9 * f) & (freqs < 10.4 * f)
    assert freqs[near][np.argmax(spectrum[near])] > 10.02 * f

    def level(signal: np.ndarray, low: float, high: float) -> float:
        band = bandpass(signal, (low + high) / 2, (high - low) / 2)
        return float(np.sqrt((band ** 2).mean()))

    early, late = sound[: RATE // 4], sound[int(1.5 * RATE):int(1.75 * RATE)]
    assert level(late, 1500, 3000) / level(early, 1500, 3000) < 0.5 * level(late, 90, 130) / level(early, 90, 130)
    after = sound[int(2.5 * RATE):]
    assert np.abs(after).max() < 0.02 * np.abs(sound).max()


def test_strings_bow_in_slowly_and_sing_with_vibrato() -> None:
    """A string note swells in over a quarter second or more, and its pitch wavers (vibrato) once it is under way."""
    sound = instruments.strings(57, 3.0, 0.6, 1).mean(axis=1)
    rms = [float(np.sqrt((sound[i:i + RATE // 20] ** 2).mean())) for i in (0, RATE)]
    assert rms[0] < 0.3 * rms[1]
    fundamental = bandpass(sound, 220, 30)
    crossings = np.nonzero((fundamental[:-1] < 0) & (fundamental[1:] >= 0))[0]
    periods = np.diff(crossings[(crossings > RATE) & (crossings < 2.5 * RATE)])
    assert periods.std() / periods.mean() > 0.002
