"""How large a picture and how long a sound are, read from their headers before anything is decoded.

A small file can unpack into gigabytes (a 30,000 by 30,000 PNG of one colour,
ten hours of silence in an Ogg file), so a picture past `MAX_PIXELS` or a sound
past `MAX_SOUND_SECONDS` is refused unread: `check` reports it where the file is
named, and the game shows a placeholder (or plays nothing) with a notice.
A header this cannot read is left for the loaders, which say what is wrong.
"""

from __future__ import annotations

import struct
import warnings
import wave
from pathlib import Path

from PIL import Image

from game.limits import MAX_PIXELS, MAX_SOUND_SECONDS


class TooBig(ValueError):
    """A picture or sound past its bound; the text says by how much, for the writer or the player."""


def picture_problem(path: Path) -> str | None:
    """Why the picture is too large to load (from its header alone), or None."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
    except Image.DecompressionBombError as error:
        return f"it is far too large ({error})"
    except (OSError, SyntaxError, ValueError):
        return None  # not a picture PIL reads: the loaders say so
    if width * height > MAX_PIXELS:
        return f"it is {width:,}x{height:,} pixels, more than the {MAX_PIXELS:,} pixels a picture may have"
    return None


def sound_problem(path: Path) -> str | None:
    """Why the sound is too long to load (from its header alone), or None."""
    seconds = sound_seconds(path)
    if seconds is not None and seconds > MAX_SOUND_SECONDS:
        return f"it lasts {seconds / 60:,.0f} minutes, longer than the {MAX_SOUND_SECONDS // 60} minutes a sound may"
    return None


def bounded_picture(path: Path) -> Path:
    """`path`, when the picture is within bounds; raises `TooBig`."""
    if problem := picture_problem(path):
        raise TooBig(problem)
    return path


def bounded_sound(path: Path) -> Path:
    """`path`, when the sound is within bounds; raises `TooBig`."""
    if problem := sound_problem(path):
        raise TooBig(problem)
    return path


def sound_seconds(path: Path) -> float | None:
    """How long the sound plays, from its header (WAV, Ogg Vorbis or Opus; MP3 from its bit rate), or None when unknown."""
    try:
        if path.suffix.lower() == ".wav":
            with wave.open(str(path)) as sound:
                return sound.getnframes() / max(1, sound.getframerate())
        with open(path, "rb") as file:
            start = file.read(4096)
            size = file.seek(0, 2)
            file.seek(max(0, size - 65536))
            end = file.read()
    except (OSError, EOFError, wave.Error):
        return None
    if start.startswith(b"OggS"):
        return _ogg_seconds(start, end)
    if path.suffix.lower() == ".mp3":
        return _mp3_seconds(start, size)
    return None


def _ogg_seconds(start: bytes, end: bytes) -> float | None:
    """The last page's granule position over the stream's sample rate (Opus always counts at 48 kHz)."""
    if (at := start.find(b"\x01vorbis")) >= 0 and len(start) >= at + 16:
        rate = struct.unpack_from("<I", start, at + 12)[0]
    elif start.find(b"OpusHead") >= 0:
        rate = 48000
    else:
        return None
    last = end.rfind(b"OggS")
    if last < 0 or len(end) < last + 14 or not rate:
        return None
    granule = struct.unpack_from("<q", end, last + 6)[0]
    return max(0, granule) / rate


_MP3_KBPS = (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320)  # MPEG-1 layer III


def _mp3_seconds(start: bytes, size: int) -> float | None:
    """The file's size over its first frame's bit rate (after any ID3v2 tag)."""
    at = 0
    if start.startswith(b"ID3") and len(start) >= 10:
        at = 10 + ((start[6] & 0x7F) << 21 | (start[7] & 0x7F) << 14 | (start[8] & 0x7F) << 7 | (start[9] & 0x7F))
        return None if at >= len(start) else _frame_seconds(start[at:], size - at)
    return _frame_seconds(start, size)


def _frame_seconds(data: bytes, size: int) -> float | None:
    sync = data.find(b"\xff")
    while 0 <= sync < len(data) - 3:
        if data[sync + 1] & 0xE0 == 0xE0:
            index = data[sync + 2] >> 4
            if 0 < index < len(_MP3_KBPS):
                kbps = _MP3_KBPS[index] if data[sync + 1] & 0x18 == 0x18 else max(8, _MP3_KBPS[index] // 2)  # MPEG-2/2.5: about half
                return size * 8 / (kbps * 1000)
        sync = data.find(b"\xff", sync + 1)
    return None
