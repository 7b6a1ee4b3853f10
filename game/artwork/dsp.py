"""Signal building blocks for the sound generator: filters, noise, panning, reverb, placing and looping.

Everything works on numpy arrays at 44.1 kHz, mono (n,) or stereo (n, 2).
Filters and the reverb are circular FFT operations over the signal's whole
length, so a loop stays seamless through them; `place(..., wrap=True)` lays a
sound that runs past a loop's end back over its start.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

RATE = 44100


def seconds(n: float) -> int:
    """A duration in samples."""
    return int(round(n * RATE))


def fft_length(count: int) -> int:
    """The first length from `count` up with no prime factor above 13: the FFT is quick there (a 90 s loop
    of a length with a large prime factor takes seconds per transform instead of a tenth)."""
    size = max(count, 1)
    while True:
        rest = size
        for prime in (2, 3, 5, 7, 11, 13):
            while rest % prime == 0:
                rest //= prime
        if rest == 1:
            return size
        size += 1


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
