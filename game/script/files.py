"""Full-load checks of any picture, font or sound, and which characters the fonts can draw.

A header can be whole while the rest of the file is gone (a copy cut short, a
download stopped): only loading everything proves a file usable, so `check`
decodes each picture, every table of each font (and draws a sample), and every
frame or page of each sound. Each `check_*` returns what is wrong, or None.
No pygame here: `check` runs without a window.
"""

from __future__ import annotations

import functools
import unicodedata
import wave
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from fontTools.ttLib import TTFont
from PIL import Image, ImageFont

from game.script.model import Choice, Ending, Line, Story
from game.script.problems import Place, Problem

#: Tried for any character the game's faces lack, and used instead of a face that is broken:
#: DejaVu Sans covers accented Latin, Greek, Cyrillic, Arabic, combining marks and many symbols.
FALLBACK_FONT = "DejaVuSans.ttf"
CJK_FONT = "DroidSansFallback-subset.ttf"  # the interface's Japanese (game/locale/ja.po's characters only)
SAMPLE = "Hag"  # letters with ascender, x-height and descender: a face that draws them draws text


def check_image(path: Path) -> str | None:
    """Why the picture cannot be used (missing, not an image, truncated), or None."""
    if not path.is_file():
        return "the file is missing"
    try:
        with Image.open(path) as image:
            image.load()  # decodes every row: a truncated file fails here, not at the header
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        return f"not a readable picture ({error or type(error).__name__})"
    return None


def check_font(path: Path) -> str | None:
    """Why the font cannot be used (missing, empty, not a font, truncated, draws nothing), or None."""
    if not path.is_file():
        return "the file is missing"
    if path.stat().st_size == 0:
        return "the file is empty"
    try:
        font = TTFont(path)
    except Exception:  # fontTools raises assorted errors on what is not a font
        return "not a font (no TrueType or OpenType header)"
    with font:
        for tag in font.keys():
            try:
                font[tag]  # decompiles the table: a truncated font fails on the tables cut off
            except Exception:  # even AssertionError, from a table cut short
                return f"damaged or cut short (its '{tag.strip()}' table cannot be read)"
        if not font.getBestCmap():
            return "it maps no characters"
    try:
        left, top, right, bottom = ImageFont.truetype(str(path), 32).getbbox(SAMPLE)
    except OSError as error:
        return f"cannot be drawn ({error})"
    if right <= left or bottom <= top:
        return f"it draws nothing for {SAMPLE!r}"
    return None


def check_sound(path: Path) -> str | None:
    """Why the sound cannot be played (missing, not WAV/Ogg, truncated), or None."""
    if not path.is_file():
        return "the file is missing"
    if path.suffix == ".ogg":
        return _check_ogg(path)
    try:
        with wave.open(str(path)) as sound:
            expected = sound.getnframes()
            frames = len(sound.readframes(expected)) // max(1, sound.getsampwidth() * sound.getnchannels())
    except (wave.Error, EOFError, OSError) as error:
        return f"not a PCM WAV file ({error})"
    if frames < expected:
        return f"truncated: {frames} of {expected} frames"
    return None


def _check_ogg(path: Path) -> str | None:
    """Every Ogg page is whole and its checksum right (the container, not the codec)."""
    data = path.read_bytes()
    at, pages = 0, 0
    while at < len(data):
        if data[at : at + 4] != b"OggS" or at + 27 > len(data):
            return f"not an Ogg file at byte {at}" if pages == 0 else f"truncated or damaged at byte {at}"
        segments = data[at + 26]
        header = 27 + segments
        body = sum(data[at + 27 : at + header])
        end = at + header + body
        if end > len(data):
            return f"truncated: page {pages + 1} is cut short"
        page = bytearray(data[at:end])
        expected = int.from_bytes(page[22:26], "little")
        page[22:26] = b"\0\0\0\0"
        if _ogg_crc(bytes(page)) != expected:
            return f"damaged: page {pages + 1} fails its checksum"
        at, pages = end, pages + 1
    return None if pages else "the file is empty"


_REVERSED_BITS = bytes(int(f"{byte:08b}"[::-1], 2) for byte in range(256))


def _ogg_crc(page: bytes) -> int:
    """Ogg's CRC-32 (polynomial 0x04c11db7, start 0, not reflected), computed with zlib's
    reflected CRC-32 on bit-reversed bytes: the same sum, at C speed."""
    reflected = zlib.crc32(page.translate(_REVERSED_BITS), 0xFFFFFFFF) ^ 0xFFFFFFFF
    return int(f"{reflected:032b}"[::-1], 2)


@functools.lru_cache(maxsize=64)
def font_coverage(path: Path) -> frozenset[int]:
    """The code points a font has glyphs for (empty when it cannot be read); read once a run."""
    try:
        with TTFont(path, lazy=True) as font:
            return frozenset(font.getBestCmap() or ())
    except Exception:  # a broken font covers nothing; check_font says why
        return frozenset()


def needs_glyph(char: str) -> bool:
    """Whether a character is drawn at all (spaces and control characters are not)."""
    return not char.isspace() and unicodedata.category(char) not in ("Cc", "Cf")


def missing_characters(text: str, coverages: Iterable[frozenset[int]]) -> Iterator[tuple[int, str]]:
    """(index, character) for each character of `text` that no font covers."""
    missing = _uncovered(set(text), list(coverages))
    for index, char in enumerate(text):
        if char in missing:
            yield index, char


def _uncovered(chars: Iterable[str], coverages: list[frozenset[int]]) -> set[str]:
    """Which of `chars` need a glyph that none of `coverages` has: each distinct character looked up once."""
    return {char for char in chars if needs_glyph(char) and not any(ord(char) in coverage for coverage in coverages)}


def unreadable_characters(story: Story, fonts: Iterable[Path], coverage: Callable[[Path], frozenset[int]] = font_coverage) -> list[Problem]:
    """A warning for each character in the story's text that none of `fonts` can draw,
    at its own file:line:col (found in the source from the step's place on).

    Coverage is looked up once per distinct character of the whole story; only the
    steps holding a missing one are searched again."""
    coverages = [coverage(path) for path in fonts]
    texts = [_shown_text(step) for step in story.steps]
    missing = _uncovered(set().union(*map(set, texts)), coverages)
    sources: dict[str, list[str]] = {}
    problems = []
    for text, place in zip(texts, story.places):
        if missing.isdisjoint(text):
            continue
        for char in dict.fromkeys(char for char in text if char in missing):
            where = _find(sources, place, char)
            name = unicodedata.name(char, f"U+{ord(char):04X}")
            problems.append(Problem(where, f"no font of the game can draw {char!r} ({name}); it shows as a box", "add a font that has it to `fallback_fonts`, or use another character", warning=True))
    return problems


def _shown_text(step: object) -> str:
    if isinstance(step, Line):
        return step.text
    if isinstance(step, Choice):
        return "\n".join([step.prompt, *(option.text for option in step.options)])
    if isinstance(step, Ending):
        return step.name
    return ""


def _find(sources: dict[str, list[str]], place: Place, char: str) -> Place:
    """The place of `char`'s first occurrence in the source at or after `place` (else `place`)."""
    if place.path not in sources:
        try:
            sources[place.path] = Path(place.path).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            sources[place.path] = []
    lines = sources[place.path]
    for number in range(place.line - 1, len(lines)):
        start = place.col - 1 if number == place.line - 1 else 0
        if (col := lines[number].find(char, start)) >= 0:
            return Place(place.path, number + 1, col + 1)
    return place
