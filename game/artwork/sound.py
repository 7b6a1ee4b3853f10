"""The sounds and music, synthesised with numpy and written as 16-bit stereo WAV at 44.1 kHz.

Every sound is built as (samples, 2) stereo. Loops are seamless by
construction: filters and reverb are circular FFT operations over the loop's
whole length, and whatever rings on past the end (a note's decay, the reverb's
tail) is mixed over the start, so the seam is a cross-fade of the ending's
ring-out into the opening and the level carries straight across it. One-shot
sounds are padded with silence before the same filters so they start and end
at zero.

Levels are set by loudness, not by peak: each sound is scaled to its target
integrated loudness (`loudness.integrated_loudness`, BS.1770): music at
-20 LUFS, ambience below it, effects around it, interface sounds quietest.
Random texture comes from fixed seeds, so each run writes the same bytes.
"""

from __future__ import annotations

import math
import wave
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from game.artwork.loudness import integrated_loudness

RATE = 44100
CEILING = 10 ** (-1 / 20)  # no sample above -1 dBFS

# Target integrated loudness per sound, LUFS.
MUSIC_LUFS = -20.0
LOUDNESS = {
    "theme": MUSIC_LUFS, "theme_alone": MUSIC_LUFS, "theme_truth": MUSIC_LUFS, "theme_stay": MUSIC_LUFS,
    "hub_ambience": -27.0,
    "cog_alarm": -22.0, "cog_roll": -23.0, "whiskey_pour": -26.0, "glass_down": -25.0, "footsteps": -25.0,
    "ui_hover": -36.0, "ui_click": -33.0,
}
LOOPS = ("hub_ambience", "theme", "theme_alone", "theme_truth", "theme_stay")


# -- building blocks -----------------------------------------------------------------------------
def seconds(n: float) -> int:
    """A duration in samples."""
    return int(round(n * RATE))


def times(count: int) -> np.ndarray:
    """Sample times in seconds."""
    return np.arange(count, dtype=np.float64) / RATE


def spectral(signal: np.ndarray, gain: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
    """Filter by multiplying the spectrum by gain(frequency): circular, so loops stay seamless. Mono or stereo."""
    spectrum = np.fft.rfft(signal, axis=0)
    freqs = np.fft.rfftfreq(len(signal), 1 / RATE)
    g = gain(freqs)
    return np.fft.irfft(spectrum * (g[:, None] if signal.ndim == 2 else g), len(signal), axis=0)


def lowpass(signal: np.ndarray, cutoff: float, order: int = 2) -> np.ndarray:
    """A gentle low-pass (Butterworth-shaped magnitude)."""
    return spectral(signal, lambda f: 1 / np.sqrt(1 + (f / cutoff) ** (2 * order)))


def highpass(signal: np.ndarray, cutoff: float, order: int = 2) -> np.ndarray:
    """A gentle high-pass."""
    return spectral(signal, lambda f: 1 / np.sqrt(1 + (cutoff / np.maximum(f, 1e-3)) ** (2 * order)))


def bandpass(signal: np.ndarray, centre: float, width: float) -> np.ndarray:
    """A soft band around a centre frequency."""
    return spectral(signal, lambda f: np.exp(-0.5 * ((f - centre) / width) ** 2))


def noise(count: int, seed: int) -> np.ndarray:
    """White noise from a fixed seed."""
    return np.random.default_rng(seed).standard_normal(count)


def pan(mono: np.ndarray, position: float | np.ndarray) -> np.ndarray:
    """Place a mono sound in the stereo field, -1 left .. 1 right (equal power; may vary over time)."""
    angle = (np.asarray(position) + 1) * math.pi / 4
    return np.stack([mono * np.cos(angle), mono * np.sin(angle)], axis=-1)


def reverb(signal: np.ndarray, *, decay: float = 2.2, mix: float = 0.35, seed: int = 99, tone: float = 6000) -> np.ndarray:
    """A soft stereo hall: circular convolution with a different decaying noise tail in each ear (width)."""
    n = len(signal)
    wet = np.zeros_like(signal)
    for channel in range(2):
        tail = noise(n, seed + channel) * np.exp(-times(n) * 6.9 / decay)
        tail = lowpass(tail, tone)
        tail /= np.sqrt(np.sum(tail ** 2)) + 1e-9
        source = signal[:, channel] * 0.75 + signal[:, 1 - channel] * 0.25
        wet[:, channel] = np.fft.irfft(np.fft.rfft(source) * np.fft.rfft(tail), n)
    return signal * (1 - mix) + wet * mix * 3


def place(track: np.ndarray, sound: np.ndarray, start: float, *, wrap: bool) -> None:
    """Add a sound into a track at a time; loops wrap the tail round to the start."""
    begin = seconds(start)
    if wrap:
        at, rest = begin % len(track), sound
        while len(rest):  # lay the sound down in pieces, going round to the start at the end
            piece = rest[: len(track) - at]
            track[at:at + len(piece)] += piece
            rest, at = rest[len(piece):], 0
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
    shape = (lambda ramp: ramp[:, None]) if out.ndim == 2 else (lambda ramp: ramp)
    if a:
        out[:a] *= shape(np.linspace(0, 1, a))
    if b:
        out[-b:] *= shape(np.linspace(1, 0, b))
    return out


def midi(note: int) -> float:
    """A MIDI note number's frequency."""
    return 440.0 * 2 ** ((note - 69) / 12)


def oscillator(freq: float, count: int, harmonics: Callable[[int], float], *, phase: float = 0.0) -> np.ndarray:
    """A steady tone from a one-cycle table of band-limited harmonics (cheap for long pad notes)."""
    table_size = 4096
    x = np.arange(table_size) / table_size
    top = max(1, int(min(40, (RATE / 2 * 0.9) / freq)))
    waves = (harmonics(k) * np.sin(2 * np.pi * k * x + k) for k in range(1, top + 1))
    table: np.ndarray = sum(waves)  # type: ignore[assignment]  # never the 0 it starts from: top >= 1
    cycle = (phase + freq * times(count)) % 1.0
    return np.interp(cycle * table_size, np.arange(table_size + 1), np.append(table, table[0]))


# -- instruments ---------------------------------------------------------------------------------
def piano(note: int, length: float, *, velocity: float = 1.0) -> np.ndarray:
    """A felt piano note: many slightly stretched partials, the high ones dying first, and a soft hammer."""
    n = seconds(length)
    t = times(n)
    f = midi(note)
    out = np.zeros(n)
    for k in range(1, 13):
        partial = f * k * (1 + 0.0004 * k * k)
        if partial > 15000:
            break
        amp = velocity ** (0.5 + 0.1 * k) / k ** 1.25
        out += amp * np.sin(2 * np.pi * partial * t + k) * np.exp(-t * (0.45 + 0.55 * k) * (f / 440) ** 0.35)
    hammer = highpass(noise(n, note), 2500) * np.exp(-t * 90) * 0.04 * velocity
    return (out + hammer) * envelope(n, attack=0.006, decay=length * 0.7) * velocity


def celesta(note: int, length: float, *, velocity: float = 1.0) -> np.ndarray:
    """A glassy bell: inharmonic bright partials with a quick fade, for the high answers."""
    n = seconds(length)
    t = times(n)
    f = midi(note)
    out = np.zeros(n)
    for ratio, amp, rate in ((1.0, 1.0, 2.2), (2.76, 0.45, 4.0), (5.4, 0.22, 7.0), (8.93, 0.1, 11.0)):
        if f * ratio < 16000:
            out += amp * np.sin(2 * np.pi * f * ratio * t) * np.exp(-t * rate)
    return out * envelope(n, attack=0.003, decay=length) * velocity


def pad(notes: Sequence[int], length: float, *, brightness: float = 0.5, seed: int = 0) -> np.ndarray:
    """A slow string pad in stereo: each note two slightly detuned voices, one leaning to each side."""
    n = seconds(length)
    t = times(n)
    out = np.zeros((n, 2))
    for i, note in enumerate(notes):
        for side, detune in ((-0.6, -0.0035), (0.6, 0.004)):
            voice = oscillator(midi(note) * (1 + detune), n, lambda k: 1 / k ** (2.1 - brightness), phase=0.13 * i + side)
            out += pan(voice, side * (0.4 + 0.15 * i))
    swell = np.sin(np.pi * np.clip(t / length, 0, 1)) ** 1.5
    return out * swell[:, None] / (len(notes) * 2)


def bass(note: int, length: float) -> np.ndarray:
    """A round bass note: a sine with a little warmth, slow in and out."""
    n = seconds(length)
    t = times(n)
    f = midi(note)
    tone = np.sin(2 * np.pi * f * t) + 0.25 * np.sin(4 * np.pi * f * t) + 0.08 * np.sin(6 * np.pi * f * t)
    return tone * envelope(n, attack=0.08, decay=length * 0.9) * np.clip((length - times(n)) / 0.4, 0, 1)


# -- music ---------------------------------------------------------------------------------------
def compose(length: float, *, chords: Sequence[Sequence[int]], melody: Sequence[tuple[float, int, float]],
            bar: float, seed: int, pad_level: float = 0.35, bass_level: float = 0.5, brightness: float = 0.5,
            bells: Sequence[tuple[float, int, float]] = (), air: float = 0.0, tone: float = 9000) -> np.ndarray:
    """A looping piece: a stereo pad per chord, a bass under it, a piano line (beat, note, velocity) and high bells."""
    n = seconds(length)
    track = np.zeros((n, 2))
    rng = np.random.default_rng(seed)
    for i, chord in enumerate(chords):
        start = i * bar
        place(track, pad(chord, bar * 1.5, brightness=brightness, seed=seed + i) * pad_level, start - bar * 0.25, wrap=True)
        if bass_level:
            place(track, pan(bass(chord[0] - 24, bar * 1.6), 0.0) * bass_level, start, wrap=True)
    for beat, note, velocity in melody:
        place(track, pan(piano(note, 4.5, velocity=velocity), rng.uniform(-0.25, 0.25)), beat, wrap=True)
    for beat, note, velocity in bells:
        place(track, pan(celesta(note, 2.5, velocity=velocity), rng.uniform(-0.7, 0.7)) * 0.3, beat, wrap=True)
    if air:
        breath = highpass(noise(n, seed + 50), 5000) * (0.6 + 0.4 * np.sin(2 * np.pi * times(n) / length * 2))
        track += pan(breath, 0.0) * air * 0.02
    track = lowpass(track, tone)
    return reverb(track, decay=3.2, mix=0.42, seed=seed, tone=7000)


def theme() -> np.ndarray:
    """The main theme: A minor, i - VI - III - VII, a slow falling melody answered by bells."""
    bar = 22 / 8
    chords = [(57, 60, 64), (53, 57, 60), (48, 52, 55), (55, 59, 62)] * 2
    line = [(0, 76, 0.4), (1.1, 74, 0.45), (1.85, 72, 0.55), (2.75, 71, 0.5), (3.65, 72, 0.6), (4.75, 69, 0.55),
            (5.5, 67, 0.45), (7.0, 71, 0.5), (8.25, 72, 0.6), (9.35, 74, 0.5), (9.9, 76, 0.55),
            (11.0, 77, 0.6), (12.1, 76, 0.5), (12.85, 72, 0.5), (13.95, 69, 0.55), (15.05, 72, 0.45),
            (16.5, 71, 0.5), (17.6, 67, 0.45), (19.25, 69, 0.5), (20.35, 64, 0.45), (21.0, 67, 0.5), (21.5, 72, 0.55)]
    bells = [(2.2, 88, 0.5), (6.4, 84, 0.4), (10.4, 88, 0.45), (13.3, 93, 0.35), (17.0, 86, 0.4), (20.9, 81, 0.35)]
    return compose(22.0, chords=chords, melody=line, bar=bar, seed=1, brightness=0.55, bells=bells, air=0.6)


def theme_alone() -> np.ndarray:
    """After Ianto has gone: D minor, colder and emptier, high glass over an open fifth, a low drone, lots of room."""
    bar = 18 / 4
    chords = [(50, 57, 64), (46, 53, 62), (50, 57, 64), (45, 52, 60)]
    line = [(1.0, 81, 0.34), (3.2, 77, 0.3), (6.0, 76, 0.35), (8.2, 74, 0.28), (10.0, 81, 0.35), (11.6, 79, 0.28),
            (14.2, 77, 0.3), (16.4, 69, 0.3), (17.2, 74, 0.32)]
    bells = [(2.0, 93, 0.45), (7.1, 89, 0.4), (12.6, 96, 0.35), (15.3, 88, 0.3)]
    return compose(18.0, chords=chords, melody=line, bar=bar, seed=2, pad_level=0.45, bass_level=0.35, brightness=0.25,
                   bells=bells, air=1.0, tone=11000)


def theme_truth() -> np.ndarray:
    """Tell him: bittersweet, D minor leaning toward F major, an answering phrase."""
    bar = 18 / 8
    chords = [(50, 53, 57), (46, 50, 53), (53, 57, 60), (48, 52, 55), (50, 53, 57), (46, 50, 53), (41, 45, 48),
              (48, 52, 55)]
    line = [(0.0, 69, 0.55), (0.65, 72, 0.5), (1.3, 74, 0.55), (2.25, 72, 0.5), (3.2, 70, 0.5), (4.2, 69, 0.45),
            (5.15, 72, 0.55), (6.1, 77, 0.6), (7.1, 76, 0.5), (8.0, 72, 0.45), (9.0, 74, 0.55), (9.95, 69, 0.45),
            (11.25, 65, 0.45), (12.2, 69, 0.5), (13.5, 72, 0.55), (14.45, 70, 0.45), (15.75, 67, 0.45), (16.7, 64, 0.4)]
    bells = [(1.8, 86, 0.4), (6.6, 89, 0.4), (12.9, 84, 0.35)]
    return compose(18.0, chords=chords, melody=line, bar=bar, seed=3, brightness=0.5, bells=bells, air=0.4)


def theme_stay() -> np.ndarray:
    """For Now: a fragile reprieve, F major with a minor shadow, warmer and closer."""
    bar = 18 / 8
    chords = [(53, 57, 60), (48, 52, 55), (50, 53, 57), (46, 50, 53), (53, 57, 60), (48, 52, 55), (46, 50, 53),
              (48, 53, 55)]
    line = [(0.0, 72, 0.5), (0.5, 74, 0.4), (1.0, 77, 0.55), (2.25, 76, 0.45), (3.4, 72, 0.5), (4.5, 74, 0.5),
            (5.6, 69, 0.45), (6.75, 70, 0.5), (7.9, 74, 0.5), (9.0, 77, 0.55), (9.65, 79, 0.5), (10.6, 77, 0.45),
            (11.6, 76, 0.5), (12.55, 72, 0.45), (13.5, 74, 0.5), (14.8, 70, 0.45), (15.75, 72, 0.5), (16.9, 69, 0.4)]
    bells = [(2.8, 84, 0.35), (8.4, 86, 0.35), (14.0, 81, 0.3)]
    return compose(18.0, chords=chords, melody=line, bar=bar, seed=4, pad_level=0.4, brightness=0.65, bells=bells, air=0.3)


# -- ambience and effects ------------------------------------------------------------------------
def hub_ambience() -> np.ndarray:
    """Twelve seconds of the Hub at night: machinery hum, water moving slowly across the room, drips. Loops."""
    length = 12.0
    n = seconds(length)
    t = times(n)
    cycle = 2 * np.pi * t / length  # every slow movement turns a whole number of times per loop
    hum = sum(a * np.sin(2 * np.pi * f * t) for f, a in ((50, 1.0), (100, 0.45), (150, 0.2), (200, 0.08)))
    hum *= 0.8 + 0.2 * np.sin(cycle * 2)
    track = pan(hum * 0.1, 0.1 * np.sin(cycle))
    for channel, seed in ((0, 21), (1, 25)):
        track[:, channel] += lowpass(noise(n, seed), 90, order=3) * 2.2
    water = bandpass(noise(n, 22), 900, 700) * (0.7 + 0.3 * np.sin(cycle * 3 + 1))
    track += pan(water * 0.25, 0.7 * np.sin(cycle))  # the water drifts from one side to the other and back
    hiss = highpass(noise(n, 26), 6000) * 0.02
    track += pan(hiss, -0.5 * np.sin(cycle))
    rng = np.random.default_rng(23)
    for start in np.sort(rng.uniform(0, length, 6)):
        pitch = rng.uniform(900, 1900)
        d = seconds(0.25)
        dt = times(d)
        drip = np.sin(2 * np.pi * (pitch * dt + 900 * dt * dt)) * np.exp(-dt * 28) * rng.uniform(0.25, 0.5)
        place(track, pan(drip, rng.uniform(-0.9, 0.9)), float(start), wrap=True)
    return reverb(track, decay=2.5, mix=0.35, seed=24)


def one_shot(mono: np.ndarray, *, position: float = 0.0, room: float = 0.3, decay: float = 1.2, seed: int = 0,
             fade_out: float = 0.2) -> np.ndarray:
    """A mono effect placed in the stereo room with a touch of reverb, faded to silence at both ends."""
    return fade_edges(reverb(pan(mono, position), decay=decay, mix=room, seed=seed), fade_out=fade_out)


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
    return one_shot(lowpass(out, 3500, order=3), room=0.35, decay=1.4, seed=31)


def cog_roll() -> np.ndarray:
    """The door rolling aside: a grinding rumble, a low groan, and a heavy stop."""
    n = seconds(3.2)
    t = times(n)
    body = lowpass(noise(n, 41), 140, order=3) * 8
    grind = bandpass(noise(n, 42), 420, 160) * (0.6 + 0.4 * np.sin(2 * np.pi * 7 * t) ** 2)
    scrape = bandpass(noise(n, 45), 2600, 900) * 0.12 * (0.5 + 0.5 * np.sin(2 * np.pi * 3 * t) ** 2)
    groan = np.sin(2 * np.pi * (38 * t + 2 * t * t)) * 0.6
    shape = np.clip(t / 0.5, 0, 1) * np.clip((2.7 - t) / 0.4, 0, 1)
    out = (body + grind * 0.5 + scrape + groan) * shape
    d = seconds(0.5)
    dt = times(d)
    thud = np.sin(2 * np.pi * 52 * dt) * np.exp(-dt * 9) * 1.6 + lowpass(noise(d, 43), 300) * np.exp(-dt * 14) * 3
    place(out, thud, 2.62, wrap=False)
    return one_shot(out, room=0.3, decay=1.8, seed=44, fade_out=0.25)


def whiskey_pour() -> np.ndarray:
    """Whiskey into a glass: a stream of small rising bubbles over a soft splash."""
    n = seconds(2.0)
    t = times(n)
    stream = bandpass(noise(n, 51), 2200, 1200) * np.clip(t / 0.15, 0, 1) * np.clip((1.6 - t) / 0.3, 0, 1) * 0.35
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
    return one_shot(lowpass(out, 9000), position=-0.2, room=0.2, decay=0.6, seed=53)


def glass_down() -> np.ndarray:
    """A heavy glass set down on a wooden desk: a dull knock and a short ring."""
    n = seconds(0.6)
    t = times(n)
    knock = np.sin(2 * np.pi * 140 * t) * np.exp(-t * 40) + lowpass(noise(n, 61), 900) * np.exp(-t * 60) * 2
    ring = sum(a * np.sin(2 * np.pi * f * t) for f, a in ((2150, 0.25), (3480, 0.14), (5230, 0.06), (7900, 0.03))) * np.exp(-t * 11)
    return one_shot(knock + ring, position=-0.15, room=0.15, decay=0.5, seed=62, fade_out=0.1)


def footsteps() -> np.ndarray:
    """Footsteps walking away across a metal floor, off to one side, fading and dulling with distance."""
    n = seconds(3.0)
    out = np.zeros((n, 2))
    for i in range(6):
        start = 0.05 + i * 0.5
        distance = i / 5
        d = seconds(0.25)
        dt = times(d)
        heel = bandpass(noise(d, 70 + i), 1800 - 800 * distance, 700) * np.exp(-dt * 60) * 1.4
        thud = np.sin(2 * np.pi * 90 * dt) * np.exp(-dt * 30)
        clang = np.sin(2 * np.pi * (620 + 17 * i) * dt) * np.exp(-dt * 18) * 0.15
        place(out, pan((heel + thud + clang) * (1 - 0.75 * distance), -0.2 - 0.5 * distance), start, wrap=False)
    return fade_edges(reverb(lowpass(out, 6000), decay=1.4, mix=0.35, seed=77), fade_out=0.2)


def ui_tick(length: float, pitch: float, *, seed: int) -> np.ndarray:
    """A soft interface tick: a short rounded tone with a breath of noise, centred."""
    n = seconds(length)
    t = times(n)
    tone = np.sin(2 * np.pi * pitch * t) * np.exp(-t / (length * 0.25))
    air = bandpass(noise(n, seed), pitch * 2, pitch) * np.exp(-t / (length * 0.12)) * 0.3
    mono = fade_edges((tone + air) * envelope(n, attack=0.003, decay=1.0), fade_in=0.002, fade_out=length * 0.3)
    return pan(mono, 0.0)


# -- levels and writing --------------------------------------------------------------------------
def levelled(signal: np.ndarray, target: float) -> np.ndarray:
    """Scale to a target integrated loudness (LUFS); a soft knee keeps peaks under the ceiling."""
    out = signal * 10 ** ((target - integrated_loudness(signal, RATE)) / 20)
    peak = float(np.max(np.abs(out)))
    if peak > CEILING:
        knee = CEILING * 0.7
        over = np.abs(out) > knee
        room = CEILING - knee
        out[over] = np.sign(out[over]) * (knee + room * np.tanh((np.abs(out[over]) - knee) / room))
    return out


def save_wav(signal: np.ndarray, path: Path) -> Path:
    """Write 16-bit stereo PCM at 44.1 kHz."""
    path.parent.mkdir(parents=True, exist_ok=True)
    pcm = np.round(np.clip(signal, -1, 1) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(2)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(pcm.tobytes())
    return path


def sounds() -> dict[str, Callable[[], np.ndarray]]:
    """Every sound by file name (without .wav), as functions that make it at its target loudness."""
    makers: dict[str, Callable[[], np.ndarray]] = {
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
    return {name: (lambda make=make, name=name: levelled(make(), LOUDNESS[name])) for name, make in makers.items()}  # type: ignore[misc]
