"""The sounds and music, synthesised with numpy and written as 16-bit mono WAV.

Loops are built to be seamless by construction: every filter and reverb is a
circular FFT operation over the loop's whole length, and notes that run past
the end wrap round to the start, so the last sample flows into the first.
One-shot sounds are padded with silence before the same filters so they start
and end at zero. Everything is normalised to -3 dBFS peak. Random texture comes
from fixed seeds, so each run writes the same bytes.
"""

from __future__ import annotations

import wave
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

RATE = 22050
PEAK = 10 ** (-3 / 20)


# -- building blocks -----------------------------------------------------------------------------
def seconds(n: float) -> int:
    """A duration in samples."""
    return int(round(n * RATE))


def times(count: int) -> np.ndarray:
    """Sample times in seconds."""
    return np.arange(count, dtype=np.float64) / RATE


def spectral(signal: np.ndarray, gain: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
    """Filter by multiplying the spectrum by gain(frequency): circular, so loops stay seamless."""
    spectrum = np.fft.rfft(signal)
    freqs = np.fft.rfftfreq(len(signal), 1 / RATE)
    return np.fft.irfft(spectrum * gain(freqs), len(signal))


def lowpass(signal: np.ndarray, cutoff: float, order: int = 2) -> np.ndarray:
    """A gentle low-pass (Butterworth-shaped magnitude)."""
    return spectral(signal, lambda f: 1 / np.sqrt(1 + (f / cutoff) ** (2 * order)))


def bandpass(signal: np.ndarray, centre: float, width: float) -> np.ndarray:
    """A soft band around a centre frequency."""
    return spectral(signal, lambda f: np.exp(-0.5 * ((f - centre) / width) ** 2))


def noise(count: int, seed: int) -> np.ndarray:
    """White noise from a fixed seed."""
    return np.random.default_rng(seed).standard_normal(count)


def reverb(signal: np.ndarray, *, decay: float = 2.2, mix: float = 0.35, seed: int = 99) -> np.ndarray:
    """A soft hall: circular convolution with a decaying, darkened noise tail."""
    n = len(signal)
    tail = noise(n, seed) * np.exp(-times(n) * 6.9 / decay)
    tail = lowpass(tail, 2500)
    tail /= np.sqrt(np.sum(tail ** 2)) + 1e-9
    wet = np.fft.irfft(np.fft.rfft(signal) * np.fft.rfft(tail), n)
    return signal * (1 - mix) + wet * mix * 3


def place(track: np.ndarray, sound: np.ndarray, start: float, *, wrap: bool) -> None:
    """Add a sound into a track at a time; loops wrap the tail round to the start."""
    begin = seconds(start)
    if wrap:
        index = (begin + np.arange(len(sound))) % len(track)
        np.add.at(track, index, sound)
    else:
        end = min(len(track), begin + len(sound))
        track[begin:end] += sound[: end - begin]


def envelope(count: int, *, attack: float, decay: float) -> np.ndarray:
    """A soft attack then an exponential decay."""
    t = times(count)
    rise = np.clip(t / max(attack, 1e-4), 0, 1)
    return (0.5 - 0.5 * np.cos(np.pi * rise)) * np.exp(-t / decay)


def fade_edges(signal: np.ndarray, *, fade_in: float = 0.005, fade_out: float = 0.05) -> np.ndarray:
    """Fade a one-shot sound's ends to zero."""
    out = signal.copy()
    a, b = seconds(fade_in), seconds(fade_out)
    if a:
        out[:a] *= np.linspace(0, 1, a)
    if b:
        out[-b:] *= np.linspace(1, 0, b)
    return out


def midi(note: int) -> float:
    """A MIDI note number's frequency."""
    return 440.0 * 2 ** ((note - 69) / 12)


# -- instruments ---------------------------------------------------------------------------------
def piano(note: int, length: float, *, velocity: float = 1.0) -> np.ndarray:
    """A soft felt-piano note: a few inharmonic partials, a gentle attack, a long decay."""
    n = seconds(length)
    t = times(n)
    f = midi(note)
    out = np.zeros(n)
    for k, amp in enumerate((1.0, 0.42, 0.2, 0.09, 0.05), start=1):
        partial = f * k * (1 + 0.0004 * k * k)
        if partial > RATE / 2.5:
            break
        out += amp * np.sin(2 * np.pi * partial * t) * np.exp(-t * (0.55 + 0.5 * k) * (f / 440) ** 0.3)
    return out * envelope(n, attack=0.012, decay=length * 0.6) * velocity


def pad(notes: Sequence[int], length: float, *, brightness: float = 0.5) -> np.ndarray:
    """A slow string-like pad: detuned saw-ish tones, slowly swelling and fading."""
    n = seconds(length)
    t = times(n)
    out = np.zeros(n)
    for note in notes:
        f = midi(note)
        for detune in (-0.004, 0.0, 0.005):
            for k in range(1, 6):
                out += np.sin(2 * np.pi * f * (1 + detune) * k * t + k) / k ** (2.2 - brightness)
    swell = np.sin(np.pi * np.clip(t / length, 0, 1)) ** 1.5
    return out * swell / (len(notes) * 3)


# -- music ---------------------------------------------------------------------------------------
def compose(length: float, *, chords: Sequence[Sequence[int]], melody: Sequence[tuple[float, int, float]],
            bar: float, pad_level: float, piano_level: float, brightness: float, seed: int,
            bass: bool = True) -> np.ndarray:
    """A looping piece: a pad per chord, a bass note, and a piano line (beat, note, velocity)."""
    n = seconds(length)
    track = np.zeros(n)
    for i, chord in enumerate(chords):
        start = i * bar
        place(track, pad(chord, bar * 1.5, brightness=brightness) * pad_level, start - bar * 0.25, wrap=True)
        if bass:
            place(track, piano(chord[0] - 12, bar * 1.2, velocity=0.55) * piano_level, start, wrap=True)
    for beat, note, velocity in melody:
        place(track, piano(note, 4.5, velocity=velocity) * piano_level, beat, wrap=True)
    track = lowpass(track, 2600 + 1200 * brightness)
    track = reverb(track, decay=3.0, mix=0.4, seed=seed)
    return track


def theme() -> np.ndarray:
    """The main theme: A minor, i - VI - III - VII, a slow falling melody."""
    bar = 30 / 8
    chords = [(57, 60, 64), (53, 57, 60), (48, 52, 55), (55, 59, 62)] * 2
    line = [(0, 76, 0.7), (1.5, 74, 0.5), (2.5, 72, 0.55), (3.75, 71, 0.5), (5.0, 72, 0.6), (6.5, 69, 0.55),
            (7.5, 67, 0.45), (9.5, 71, 0.5), (11.25, 72, 0.6), (12.75, 74, 0.5), (13.5, 76, 0.55),
            (15.0, 77, 0.6), (16.5, 76, 0.5), (17.5, 72, 0.5), (19.0, 69, 0.55), (20.5, 72, 0.45),
            (22.5, 71, 0.5), (24.0, 67, 0.45), (26.25, 69, 0.5), (27.75, 64, 0.4)]
    return compose(30.0, chords=chords, melody=line, bar=bar, pad_level=0.35, piano_level=1.0, brightness=0.4, seed=1)


def theme_alone() -> np.ndarray:
    """Ending one: D minor, sparse high notes over a cold open pad, lots of silence."""
    bar = 28 / 4
    chords = [(50, 57, 62), (46, 53, 58), (50, 57, 62), (45, 52, 57)]
    line = [(1.0, 81, 0.45), (3.5, 77, 0.35), (8.0, 76, 0.4), (11.5, 74, 0.3), (15.0, 81, 0.4), (17.0, 79, 0.3),
            (22.0, 77, 0.35), (25.0, 69, 0.3)]
    return compose(28.0, chords=chords, melody=line, bar=bar, pad_level=0.45, piano_level=0.8, brightness=0.2, seed=2,
                   bass=False)


def theme_truth() -> np.ndarray:
    """Ending two: bittersweet, D minor leaning toward F major, an answering phrase."""
    bar = 28 / 8
    chords = [(50, 53, 57), (46, 50, 53), (53, 57, 60), (48, 52, 55), (50, 53, 57), (46, 50, 53), (41, 45, 48),
              (48, 52, 55)]
    line = [(0.0, 69, 0.55), (1.0, 72, 0.5), (2.0, 74, 0.55), (3.5, 72, 0.5), (5.0, 70, 0.5), (6.5, 69, 0.45),
            (8.0, 72, 0.55), (9.5, 77, 0.6), (11.0, 76, 0.5), (12.5, 72, 0.45), (14.0, 74, 0.55), (15.5, 69, 0.45),
            (17.5, 65, 0.45), (19.0, 69, 0.5), (21.0, 72, 0.55), (22.5, 70, 0.45), (24.5, 67, 0.45), (26.0, 64, 0.4)]
    return compose(28.0, chords=chords, melody=line, bar=bar, pad_level=0.35, piano_level=0.95, brightness=0.45, seed=3)


def theme_stay() -> np.ndarray:
    """Ending three: a fragile reprieve, F major with a minor shadow, warmer and closer."""
    bar = 28 / 8
    chords = [(53, 57, 60), (48, 52, 55), (50, 53, 57), (46, 50, 53), (53, 57, 60), (48, 52, 55), (46, 50, 53),
              (48, 53, 55)]
    line = [(0.0, 72, 0.5), (0.75, 74, 0.4), (1.5, 77, 0.55), (3.5, 76, 0.45), (5.25, 72, 0.5), (7.0, 74, 0.5),
            (8.75, 69, 0.45), (10.5, 70, 0.5), (12.25, 74, 0.5), (14.0, 77, 0.55), (15.0, 79, 0.5), (16.5, 77, 0.45),
            (18.0, 76, 0.5), (19.5, 72, 0.45), (21.0, 74, 0.5), (23.0, 70, 0.45), (24.5, 72, 0.5), (26.25, 69, 0.4)]
    return compose(28.0, chords=chords, melody=line, bar=bar, pad_level=0.4, piano_level=0.9, brightness=0.6, seed=4)


# -- ambience and effects ------------------------------------------------------------------------
def hub_ambience() -> np.ndarray:
    """Twenty seconds of the Hub at night: machinery hum, distant water, a few drips. Loops."""
    length = 20.0
    n = seconds(length)
    t = times(n)
    hum = sum(a * np.sin(2 * np.pi * f * t) for f, a in ((50, 1.0), (100, 0.45), (150, 0.2), (200, 0.08)))
    hum *= 0.8 + 0.2 * np.sin(2 * np.pi * t / length * 2)
    rumble = lowpass(noise(n, 21), 90, order=3) * 6
    water = bandpass(noise(n, 22), 700, 500) * (0.7 + 0.3 * np.sin(2 * np.pi * t / length * 3 + 1))
    track = hum * 0.10 + rumble * 0.5 + water * 0.25
    rng = np.random.default_rng(23)
    for start in np.sort(rng.uniform(0, length, 9)):
        pitch = rng.uniform(900, 1700)
        d = seconds(0.25)
        dt = times(d)
        drip = np.sin(2 * np.pi * (pitch * dt + 900 * dt * dt)) * np.exp(-dt * 28) * rng.uniform(0.25, 0.5)
        place(track, drip, float(start), wrap=True)
    return reverb(track, decay=2.5, mix=0.35, seed=24)


def cog_alarm() -> np.ndarray:
    """The cog door's klaxon: two rising whoops, rounded off so it warns without hurting."""
    n = seconds(3.0)
    out = np.zeros(n)
    for start in (0.1, 1.55):
        d = seconds(1.25)
        dt = times(d)
        freq = 330 + 180 * (dt / 1.25) ** 0.6
        phase = 2 * np.pi * np.cumsum(freq) / RATE
        tone = np.tanh(2.2 * np.sin(phase)) + 0.3 * np.sin(2 * phase)
        place(out, tone * envelope(d, attack=0.06, decay=3.0) * np.clip((1.25 - dt) / 0.12, 0, 1), start, wrap=False)
    return fade_edges(reverb(lowpass(out, 1800, order=3), decay=1.2, mix=0.3, seed=31), fade_out=0.2)


def cog_roll() -> np.ndarray:
    """The door rolling aside: a grinding rumble, a low groan, and a heavy stop."""
    n = seconds(3.2)
    t = times(n)
    body = lowpass(noise(n, 41), 140, order=3) * 8
    grind = bandpass(noise(n, 42), 420, 160) * (0.6 + 0.4 * np.sin(2 * np.pi * 7 * t) ** 2)
    groan = np.sin(2 * np.pi * (38 * t + 2 * t * t)) * 0.6
    shape = np.clip(t / 0.5, 0, 1) * np.clip((2.7 - t) / 0.4, 0, 1)
    out = (body + grind * 0.5 + groan) * shape
    d = seconds(0.5)
    dt = times(d)
    thud = np.sin(2 * np.pi * 52 * dt) * np.exp(-dt * 9) * 1.6 + lowpass(noise(d, 43), 300) * np.exp(-dt * 14) * 3
    place(out, thud, 2.62, wrap=False)
    return fade_edges(reverb(out, decay=1.8, mix=0.3, seed=44), fade_out=0.25)


def whiskey_pour() -> np.ndarray:
    """Whiskey into a glass: a stream of small rising bubbles over a soft splash."""
    n = seconds(2.0)
    t = times(n)
    stream = bandpass(noise(n, 51), 1800, 900) * np.clip(t / 0.15, 0, 1) * np.clip((1.6 - t) / 0.3, 0, 1) * 0.35
    out = stream.copy()
    rng = np.random.default_rng(52)
    start = 0.08
    while start < 1.55:
        d = seconds(0.07)
        dt = times(d)
        base = rng.uniform(500, 900) + start * 300
        bubble = np.sin(2 * np.pi * base * dt * (1 + dt * 12)) * np.exp(-dt * 55) * rng.uniform(0.4, 0.9)
        place(out, bubble, start, wrap=False)
        start += rng.uniform(0.04, 0.11)
    return fade_edges(reverb(lowpass(out, 4000), decay=0.6, mix=0.2, seed=53), fade_out=0.2)


def glass_down() -> np.ndarray:
    """A heavy glass set down on a wooden desk: a dull knock and a short ring."""
    n = seconds(0.6)
    t = times(n)
    knock = np.sin(2 * np.pi * 140 * t) * np.exp(-t * 40) + lowpass(noise(n, 61), 900) * np.exp(-t * 60) * 2
    ring = sum(a * np.sin(2 * np.pi * f * t) for f, a in ((2150, 0.25), (3480, 0.14), (5230, 0.06))) * np.exp(-t * 11)
    return fade_edges(knock + ring, fade_out=0.1)


def footsteps() -> np.ndarray:
    """Footsteps walking away across a metal floor, fading and dulling with distance."""
    n = seconds(3.0)
    out = np.zeros(n)
    for i in range(6):
        start = 0.05 + i * 0.5
        distance = i / 5
        d = seconds(0.25)
        dt = times(d)
        heel = bandpass(noise(d, 70 + i), 1400 - 600 * distance, 500) * np.exp(-dt * 60) * 1.4
        thud = np.sin(2 * np.pi * 90 * dt) * np.exp(-dt * 30)
        clang = np.sin(2 * np.pi * (620 + 17 * i) * dt) * np.exp(-dt * 18) * 0.15
        place(out, (heel + thud + clang) * (1 - 0.75 * distance), start, wrap=False)
    return fade_edges(reverb(lowpass(out, 3500), decay=1.4, mix=0.35, seed=77), fade_out=0.2)


def ui_tick(length: float, pitch: float, *, seed: int) -> np.ndarray:
    """A soft interface tick: a short rounded tone with a breath of noise."""
    n = seconds(length)
    t = times(n)
    tone = np.sin(2 * np.pi * pitch * t) * np.exp(-t / (length * 0.25))
    air = bandpass(noise(n, seed), pitch * 2, pitch) * np.exp(-t / (length * 0.12)) * 0.3
    return fade_edges((tone + air) * envelope(n, attack=0.003, decay=1.0), fade_in=0.002, fade_out=length * 0.3)


# -- writing -------------------------------------------------------------------------------------
def normalise(signal: np.ndarray) -> np.ndarray:
    """Scale to the -3 dBFS peak."""
    peak = float(np.max(np.abs(signal))) or 1.0
    return signal * (PEAK / peak)


def save_wav(signal: np.ndarray, path: Path) -> Path:
    """Write 16-bit mono PCM at the game's rate."""
    path.parent.mkdir(parents=True, exist_ok=True)
    pcm = np.round(normalise(signal) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(pcm.tobytes())
    return path


LOOPS = ("hub_ambience", "theme", "theme_alone", "theme_truth", "theme_stay")


def sounds() -> dict[str, Callable[[], np.ndarray]]:
    """Every sound by file name (without .wav), as functions that make it."""
    return {
        "hub_ambience": hub_ambience,
        "theme": theme,
        "theme_alone": theme_alone,
        "theme_truth": theme_truth,
        "theme_stay": theme_stay,
        "cog_alarm": cog_alarm,
        "cog_roll": cog_roll,
        "whiskey_pour": whiskey_pour,
        "glass_down": glass_down,
        "footsteps": footsteps,
        "ui_hover": lambda: ui_tick(0.08, 1900, seed=81),
        "ui_click": lambda: ui_tick(0.12, 1100, seed=82),
    }
