"""The music's instruments, modelled in numpy: piano, string section, celesta and a soft bass.

Each function renders one note (a MIDI number, a duration in seconds the key
or bow is held, a velocity 0..1) as a mono or stereo array that includes its
release and ring-out; the arranger places it in the piece. The models follow
what makes each instrument recognisable rather than physics in full:

- piano: partials stretched by the string's inharmonicity (f_k = k f sqrt(1 + B k^2),
  B growing towards the treble), a hammer-shaped spectrum that brightens with
  velocity, each partial's own two-stage decay (the quick "prompt" sound and
  the long aftersound, with the slow beating of a course of strings), a short
  hammer knock of noise, and the damper's quick release when the key lifts.
- strings: four players per note, each a band-limited sawtooth (a bowed
  string's spectrum) slightly out of tune with the others, with their own
  vibrato that comes in after the attack; a slow bow attack and release.
  The arranger filters the section as a whole (its body and the room).
- celesta: a struck metal bar's inharmonic partials (1, 2.76, 5.4, 8.93).
- bass: a round, low-passed tone with a soft pluck and a long decay.

Notes repeat a lot in a piece, so the rendered ones are cached.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from game.artwork.dsp import RATE, midi, noise, seconds, times

TABLE = 2048


def _smooth_rise(t: np.ndarray, length: float) -> np.ndarray:
    """0 to 1 over `length` seconds along half a cosine."""
    return 0.5 - 0.5 * np.cos(np.pi * np.clip(t / max(length, 1e-4), 0, 1))


def _release(t: np.ndarray, held: float, fall: float) -> np.ndarray:
    """1 while held, then an exponential fall with time constant `fall`."""
    return np.exp(-np.maximum(t - held, 0) / fall)


@lru_cache(maxsize=None)
def _saw_table(top: int) -> np.ndarray:
    """One cycle of a sawtooth with harmonics 1..top (band-limited), closed for interpolation."""
    x = np.arange(TABLE) / TABLE
    table = np.sin(2 * np.pi * np.outer(np.arange(1, top + 1), x)).T @ (1 / np.arange(1, top + 1))
    return np.append(table, table[0])


CHUNK = 4096
_LOCAL = (np.arange(CHUNK, dtype=np.float32) / RATE)[None, :]  # times within one chunk, float32


def _sine(count: int, freq: float, phase: float) -> np.ndarray:
    """sin(2 pi freq t + phase) in float32, several times quicker than float64: each chunk of 4096 samples starts
    from its exact phase (computed in float64), so float32's rounding never builds up over a long note."""
    chunks = -(-count // CHUNK)
    starts = (phase + 2 * np.pi * freq * np.arange(chunks) * CHUNK / RATE) % (2 * np.pi)
    return np.sin(starts.astype(np.float32)[:, None] + np.float32(2 * np.pi * freq) * _LOCAL).ravel()[:count]


@lru_cache(maxsize=512)
def piano(note: int, held: float, velocity: float) -> np.ndarray:
    """A piano note held `held` seconds; mono, with its release. Round held and velocity for the cache's sake."""
    f = midi(note)
    n = seconds(held + 0.9)
    t = times(n)
    stretch = 0.00012 * 2 ** ((note - 48) / 16)  # inharmonicity B: the treble's stiffer, shorter strings
    base_decay = 0.32 * (f / 262) ** 0.55  # 1/s: low notes ring longer
    brightness = 1.9 - 0.9 * velocity  # the spectrum's slope: a harder blow has more high partials
    beat_rate = 0.35  # Hz: the course's strings drifting in and out of tune with each other
    t32 = t.astype(np.float32)  # the envelopes need no more precision than this
    out = np.zeros(n, np.float32)
    for k in range(1, 31):
        freq = k * f * np.sqrt(1 + stretch * k * k)
        if freq > 13000:
            break
        amp = abs(np.sin(np.pi * k * 0.12)) / k ** brightness  # struck an eighth of the way along: weak 8th partial
        decay = base_decay * (1 + 0.22 * (k - 1) ** 1.35)
        span = min(n, seconds(np.log(max(amp, 2e-4) / 1e-4) / (decay * 0.5)) + 1)  # until it is under -80 dB
        tk = t32[:span]
        beat = 0.82 + 0.18 * np.cos(np.float32(2 * np.pi * beat_rate * np.sqrt(k)) * tk + np.float32(k))
        shape = 0.62 * np.exp(tk * np.float32(-decay * 2.6)) + 0.38 * np.exp(tk * np.float32(-decay * 0.5)) * beat
        out[:span] += np.float32(amp) * shape * _sine(span, freq, 0.7 * k)
    knock_n = seconds(0.04)
    knock = noise(knock_n, note) * np.exp(-times(knock_n) * 160)
    knock = np.convolve(knock, np.ones(6) / 6, mode="same") * (0.05 + 0.05 * velocity)  # felt, not click
    out64 = out.astype(np.float64)
    out64[:knock_n] += knock
    out64 *= _smooth_rise(t, 0.003) * _release(t, held, 0.11 if note < 90 else 0.6)
    out64[-seconds(0.05):] *= np.linspace(1, 0, seconds(0.05))
    return out64 * velocity ** 1.2


@lru_cache(maxsize=512)
def strings(note: int, held: float, velocity: float, seed: int) -> np.ndarray:
    """A string section's note: four slightly detuned players with their own vibrato; stereo, with its release."""
    attack = min(0.9, 0.25 + held * 0.15)
    fall = 0.45
    n = seconds(held + fall * 4)
    t = times(n)
    f = midi(note)
    rng = np.random.default_rng(seed * 1000 + note)
    table = _saw_table(max(1, min(60, int(RATE * 0.45 / f))))
    out = np.zeros((n, 2))
    vibrato_in = _smooth_rise(t - 0.25, 0.8)
    for player, cents in enumerate((-5.0, -1.5, 2.0, 5.5)):
        rate = rng.uniform(4.6, 5.8)
        depth = rng.uniform(0.0045, 0.0075) * vibrato_in  # about +-10 cents
        freq = f * 2 ** ((cents + rng.uniform(-1.5, 1.5)) / 1200) * (1 + depth * np.sin(2 * np.pi * rate * t + rng.uniform(0, 6.3)))
        cycle = (np.cumsum(freq) / RATE + rng.uniform()) % 1.0
        voice = np.interp(cycle * TABLE, np.arange(TABLE + 1), table)
        bow = 1 + 0.06 * np.sin(2 * np.pi * rng.uniform(0.2, 0.45) * t + player)  # the bow's pressure wandering
        side = -0.55 + 0.37 * player
        out[:, 0] += voice * bow * np.cos((side + 1) * np.pi / 4)
        out[:, 1] += voice * bow * np.sin((side + 1) * np.pi / 4)
    shape = _smooth_rise(t, attack) * _release(t, held, fall)
    shape[-seconds(0.05):] *= np.linspace(1, 0, seconds(0.05))
    return out * (shape * velocity / 4)[:, None]


@lru_cache(maxsize=256)
def celesta(note: int, velocity: float) -> np.ndarray:
    """A celesta's struck bar: bright inharmonic partials, the high ones gone first, a tiny mallet tick."""
    n = seconds(2.8)
    t = times(n)
    f = midi(note)
    out = np.zeros(n)
    for ratio, amp, rate in ((1.0, 1.0, 1.6), (2.76, 0.38, 3.6), (5.4, 0.16, 7.0), (8.93, 0.07, 12.0)):
        if f * ratio < 16000:
            out += amp * np.sin(2 * np.pi * f * ratio * t + ratio) * np.exp(-t * rate)
    tick = seconds(0.006)
    out[:tick] += noise(tick, note + 7) * 0.04
    out *= _smooth_rise(t, 0.002)
    out[-seconds(0.1):] *= np.linspace(1, 0, seconds(0.1))
    return out * velocity


@lru_cache(maxsize=256)
def bass(note: int, held: float, velocity: float) -> np.ndarray:
    """A soft, round bass note: a gentle pluck that settles into a warm tone, lifted at the end of `held`."""
    f = midi(note)
    n = seconds(held + 0.6)
    t = times(n)
    tone = np.sin(2 * np.pi * f * t) + 0.3 * np.sin(4 * np.pi * f * t + 0.5) * np.exp(-t * 1.5) + 0.1 * np.sin(6 * np.pi * f * t) * np.exp(-t * 3)
    shape = _smooth_rise(t, 0.03) * (0.55 + 0.45 * np.exp(-t * 1.8)) * np.exp(-t * 0.12) * _release(t, held, 0.15)
    shape[-seconds(0.05):] *= np.linspace(1, 0, seconds(0.05))
    return tone * shape * velocity
