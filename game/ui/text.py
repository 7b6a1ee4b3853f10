"""Wrapped text that types out: each line is laid out once, then shown a character at a time."""

from __future__ import annotations

import pygame


class TypedText:
    """A text wrapped to `width`, drawn with any number of its characters visible."""

    def __init__(self, text: str, font: pygame.font.Font, width: int, colour: tuple[int, int, int]) -> None:
        self.font = font
        self.lines = wrap(text, font, width)
        self._surfaces = [font.render(line, True, colour) for line, _ in self.lines]

    def draw(self, canvas: pygame.Surface, at: tuple[int, int], line_height: int, visible: int) -> None:
        x, y = at
        for (line, start), surface in zip(self.lines, self._surfaces):
            shown = visible - start
            if shown <= 0:
                break
            if shown >= len(line):
                canvas.blit(surface, (x, y))
            else:
                width = self.font.size(line[:shown])[0]
                canvas.blit(surface, (x, y), pygame.Rect(0, 0, width, surface.get_height()))
            y += line_height


def wrap(text: str, font: pygame.font.Font, width: int) -> list[tuple[str, int]]:
    """Lines of at most `width` pixels, each with the index of its first character in `text`.

    Breaks fall on spaces; the space at a break is dropped from the shown line
    but still counted, so character indexes stay those of `text`.
    """
    lines: list[tuple[str, int]] = []
    start = 0
    while start < len(text):
        end = len(text)
        if font.size(text[start:end])[0] > width:
            end = _fit(text, start, font, width)
        lines.append((text[start:end].rstrip(" "), start))
        start = end + 1 if end < len(text) and text[end] == " " else end
    return lines


def _fit(text: str, start: int, font: pygame.font.Font, width: int) -> int:
    """The end of the longest run from `start` that fits, broken at a space if there is one."""
    end = start + 1
    while end < len(text) and font.size(text[start : end + 1])[0] <= width:
        end += 1
    space = text.rfind(" ", start, end + 1)
    return space if space > start else end
