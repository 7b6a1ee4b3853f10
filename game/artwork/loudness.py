"""Integrated loudness (LUFS) as ITU-R BS.1770-4 defines it, in numpy.

    integrated_loudness(samples, rate) -> float   # samples: (n,) mono or (n, channels)

The signal is K-weighted (a +4 dB high shelf above about 1.5 kHz, then a
high-pass near 38 Hz, both as biquads designed for the sample rate), squared
and averaged over 400 ms blocks overlapping by 75 %; blocks under -70 LUFS
are dropped (absolute gate), then blocks more than 10 LU below the mean of
the rest (relative gate). Each channel weighs 1 (left, right or mono). The
filters are applied through the FFT with a second of zero padding, which
for a finite sound is the same as running them sample by sample.

A sound shorter than one block (an interface click) is measured as one block
of its own length: the standard leaves that case open.
"""

from __future__ import annotations

import math

import numpy as np

BLOCK = 0.4
OVERLAP = 0.75
ABSOLUTE_GATE = -70.0
RELATIVE_GATE = -10.0


def _biquad_response(b: tuple[float, float, float], a: tuple[float, float, float], w: np.ndarray) -> np.ndarray:
    z = np.exp(-1j * w)
    return (b[0] + b[1] * z + b[2] * z * z) / (a[0] + a[1] * z + a[2] * z * z)


def _shelf(rate: float) -> tuple[tuple[float, float, float], tuple[float, float, float]]:
    """Stage one: the head's high shelf (+4 dB), re-derived for any rate as libebur128 does."""
    f0, gain, q = 1681.974450955533, 3.999843853973347, 0.7071752369554196
    k = math.tan(math.pi * f0 / rate)
    vh = 10 ** (gain / 20)
    vb = vh ** 0.4996667741545416
    a0 = 1 + k / q + k * k
    b = ((vh + vb * k / q + k * k) / a0, 2 * (k * k - vh) / a0, (vh - vb * k / q + k * k) / a0)
    return b, (1.0, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0)


def _high_pass(rate: float) -> tuple[tuple[float, float, float], tuple[float, float, float]]:
    """Stage two: the RLB high-pass near 38 Hz."""
    f0, q = 38.13547087602444, 0.5003270373238773
    k = math.tan(math.pi * f0 / rate)
    a0 = 1 + k / q + k * k
    return (1.0, -2.0, 1.0), (1.0, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0)


def k_weighted(samples: np.ndarray, rate: int) -> np.ndarray:
    """The signal through the K-weighting filter, as (n, channels)."""
    x = np.asarray(samples, np.float64)
    x = x[:, None] if x.ndim == 1 else x
    n = len(x)
    size = n + rate  # zero padding: the filters' ring-out has room and does not wrap onto the start
    spectrum = np.fft.rfft(x, size, axis=0)
    w = 2 * math.pi * np.fft.rfftfreq(size, 1 / rate) / rate
    response = _biquad_response(*_shelf(rate), w) * _biquad_response(*_high_pass(rate), w)
    return np.fft.irfft(spectrum * response[:, None], size, axis=0)[:n]


def block_powers(samples: np.ndarray, rate: int) -> np.ndarray:
    """Mean square of the K-weighted signal per gating block, summed over channels."""
    y = k_weighted(samples, rate) ** 2
    block = min(len(y), round(BLOCK * rate))
    step = max(1, round(block * (1 - OVERLAP)))
    starts = range(0, len(y) - block + 1, step)
    cumulative = np.concatenate([np.zeros((1, y.shape[1])), np.cumsum(y, axis=0)])
    return np.array([((cumulative[s + block] - cumulative[s]) / block).sum() for s in starts])


def _lufs(power: float) -> float:
    return -0.691 + 10 * math.log10(power) if power > 0 else -math.inf


def integrated_loudness(samples: np.ndarray, rate: int) -> float:
    """BS.1770-4 integrated loudness in LUFS (-inf for silence)."""
    if len(samples) == 0:
        return -math.inf
    powers = block_powers(samples, rate)
    loud = np.array([_lufs(p) for p in powers])
    kept = powers[loud > ABSOLUTE_GATE]
    if len(kept) == 0:
        return -math.inf
    threshold = _lufs(float(kept.mean())) + RELATIVE_GATE
    final = powers[(loud > ABSOLUTE_GATE) & (loud > threshold)]
    return _lufs(float(final.mean()))
