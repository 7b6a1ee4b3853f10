"""How many lines and pages of the text box a story text takes at the default text size, for `check --lang`.

Measured with Pillow's FreeType (no pygame: `check` runs without a window) and wrapped as the text box
wraps (game/ui/text.py): where `game.linebreaks` allows, a word longer than a line cut. The box's numbers are
game/ui/layout.py's and game/ui/assets.py's, which import pygame; tests/unit/test_translation_fit.py
holds them equal and the widths within a pixel or two of pygame's.
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import ImageFont

from game.linebreaks import words
from game.script.files import font_coverage

TEXT_WIDTH = 1070  # layout.TEXT_AREA.w: the text's width in the box
TEXT_SIZE = 29  # assets.FONT_SIZES["text"] (and "narration"), at the default text size
PAGE_LINES = 3  # layout.TEXT_LINES: lines a page of the box holds at the default text size


class Measure:
    """Widths of text in a chain of fonts (each character in the first that has it), at the story's size."""

    def __init__(self, fonts: list[Path], size: int = TEXT_SIZE) -> None:
        self.faces = [(ImageFont.truetype(str(path), size), font_coverage(path)) for path in fonts]

    def width(self, text: str) -> float:
        total, run, face = 0.0, "", None
        for char in text:
            found = next((f for f, coverage in self.faces if ord(char) in coverage), self.faces[0][0])
            if found is not face and run and face is not None:
                total += face.getlength(run)
                run = ""
            face, run = found, run + char
        return total + (face.getlength(run) if face is not None and run else 0.0)

    def lines(self, text: str, width: int = TEXT_WIDTH) -> int:
        """The lines `text` (plain, markup taken out) wraps to in `width` pixels."""
        count = 0
        for paragraph in text.split("\n"):
            line = ""
            count += 1
            for word in words(paragraph):
                if line and self.width((line + word).rstrip()) > width:
                    count, line = count + 1, ""
                while self.width(word.rstrip()) > width:  # longer than a line: cut, as the box cuts it
                    word = word[self._fitting(line, word, width) :]
                    count, line = count + 1, ""
                line += word
        return count

    def _fitting(self, line: str, word: str, width: int) -> int:
        """How many of `word`'s characters fit after `line` with a hyphen (at least one)."""
        low, high = 1, len(word) - 1
        while low < high:
            middle = (low + high + 1) // 2
            low, high = (middle, high) if self.width(line + word[:middle] + "-") <= width else (low, middle - 1)
        return low


def pages(lines: int) -> int:
    """The pages of the text box `lines` lines fill."""
    return max(1, math.ceil(lines / PAGE_LINES))
