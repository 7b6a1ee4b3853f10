"""The sounds and music: the registry of every sound file, the effects and ambience, levels, and writing.

Every sound is built as (samples, 2) stereo at 44.1 kHz (`dsp.py` holds the
building blocks, `instruments.py` and `music.py` the music). Loops are
seamless by construction: filters and reverb are circular FFT operations over
the loop's whole length, and whatever rings on past the end (a note's decay,
the reverb's tail) is mixed over the start, so the seam is a cross-fade of the
ending's ring-out into the opening and the level carries straight across it.
One-shot sounds are padded with silence before the same filters so they start
and end at zero.

Levels are set by loudness, not by peak: each sound is scaled to its target
integrated loudness (`loudness.integrated_loudness`, BS.1770): music at
-20 LUFS, ambience below it, effects around it, interface sounds quietest.
Random texture comes from fixed seeds, so each run writes the same bytes.

The effects and the ambience are short and written as 16-bit WAV. The music
runs past 90 s a piece (about 16 MB each as WAV), so it is written as Ogg
Vorbis through libsndfile (the `soundfile` package); the stream's serial
number, which libsndfile draws at random, is set to a fixed one afterwards
(and each page's checksum recomputed), so the files are the same bytes on
every run too.
"""

from __future__ import annotations

import io
import wave
import zlib
from collections.abc import Callable
from pathlib import Path

import numpy as np

from game.artwork import music
from game.artwork.dsp import RATE, bandpass, envelope, fade_edges, highpass, lowpass, noise, pan, place, reverb, seconds, times
from game.artwork.loudness import integrated_loudness

CEILING = 10 ** (-1 / 20)  # no sample above -1 dBFS

# Target integrated loudness per sound, LUFS.
MUSIC_LUFS = -20.0
MUSIC = tuple(music.PIECES)
LOUDNESS = {name: MUSIC_LUFS for name in MUSIC} | {
    "hub_ambience": -27.0,
    "cog_alarm": -22.0, "cog_roll": -23.0, "whiskey_pour": -26.0, "glass_down": -25.0, "footsteps": -25.0,
    "ui_hover": -36.0, "ui_click": -33.0,
}
LOOPS = ("hub_ambience", *MUSIC)
VORBIS_QUALITY = 0.7  # libsndfile's 0 (best) .. 1 (smallest); 0.7 is about 105 kbit/s for this music
OGG_SERIAL = 0x48554221  # "HUB!"


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


def save_ogg(signal: np.ndarray, path: Path) -> Path:
    """Write Ogg Vorbis, stereo at 44.1 kHz, with a fixed stream serial number so the bytes never change."""
    import soundfile  # a developer tool, like numpy: only the generator needs it

    encoded = io.BytesIO()
    with soundfile.SoundFile(encoded, "w", RATE, 2, format="OGG", subtype="VORBIS", compression_level=VORBIS_QUALITY) as out:
        for at in range(0, len(signal), 65536):  # in blocks: libsndfile 1.2.2 crashes on one write of a whole minute
            out.write(np.clip(signal[at:at + 65536], -1, 1))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(with_serial(encoded.getvalue(), OGG_SERIAL))
    return path


def with_serial(ogg: bytes, serial: int) -> bytes:
    """An Ogg stream with every page's serial number set to `serial` and its checksum made right again."""
    data = bytearray(ogg)
    at = 0
    while at < len(data):
        if data[at:at + 4] != b"OggS":
            raise ValueError(f"not an Ogg page at byte {at}")
        segments = data[at + 26]
        size = 27 + segments + sum(data[at + 27:at + 27 + segments])
        data[at + 14:at + 18] = serial.to_bytes(4, "little")
        data[at + 22:at + 26] = bytes(4)
        data[at + 22:at + 26] = ogg_crc(bytes(data[at:at + size])).to_bytes(4, "little")
        at += size
    return bytes(data)


_REVERSED_BITS = bytes(int(f"{b:08b}"[::-1], 2) for b in range(256))


def ogg_crc(page: bytes) -> int:
    """Ogg's page checksum (CRC-32, polynomial 0x04C11DB7, unreflected, no initial or final XOR), through zlib:
    zlib's reflected CRC of the bit-reversed bytes is the checksum bit-reversed, once its initial and final
    XOR are taken back out."""
    reflected = zlib.crc32(page.translate(_REVERSED_BITS)) ^ zlib.crc32(bytes(len(page)))
    return int(f"{reflected:032b}"[::-1], 2)


def save_sound(signal: np.ndarray, path: Path) -> Path:
    """Write the sound in the format its file name asks for: .ogg as Ogg Vorbis, else WAV."""
    return save_ogg(signal, path) if path.suffix == ".ogg" else save_wav(signal, path)


def file_name(name: str) -> str:
    """The sound's file in audio/: the music as Ogg Vorbis, the rest as WAV."""
    return f"{name}.ogg" if name in MUSIC else f"{name}.wav"


def sounds() -> dict[str, Callable[[], np.ndarray]]:
    """Every sound by its file name in audio/ (`theme.ogg`, `ui_click.wav`), as functions that make it at its loudness."""
    makers: dict[str, Callable[[], np.ndarray]] = music.makers() | {
        "hub_ambience": hub_ambience,
        "cog_alarm": cog_alarm,
        "cog_roll": cog_roll,
        "whiskey_pour": whiskey_pour,
        "glass_down": glass_down,
        "footsteps": footsteps,
        "ui_hover": lambda: ui_tick(0.08, 1900, seed=81),
        "ui_click": lambda: ui_tick(0.12, 1100, seed=82),
    }
    return {file_name(name): (lambda make=make, name=name: levelled(make(), LOUDNESS[name])) for name, make in makers.items()}  # type: ignore[misc]
