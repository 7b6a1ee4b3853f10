"""The settings' two controls: a slider along a track, and a switch between two named options.

Both pick one of a fixed row of values, so both answer the same keys (Left and Right step
through the values) and both are drawn from the value they are given: they hold no setting
of their own, so what they show is always what the game uses.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pygame

from game.i18n.interface import ui_text
from game.ui.layout import DIM_TEXT, HIGHLIGHT, TEXT_COLOUR
from game.ui.menu.look import FOCUS_EDGE, FOCUS_PLATE, INSET, KNOB, PLATE_EDGE, TRACK, Texts
from game.ui import paint

KNOB_RADIUS = 11
VALUE_WIDTH = 150  # room right of a slider's track for its value in words


def nearest(values: Sequence[object], value: object, order: Callable[[object], float]) -> int:
    """The index of the value in `values` closest to `value` (settings files may hold any number)."""
    if value in values:
        return list(values).index(value)
    return min(range(len(values)), key=lambda i: abs(order(values[i]) - order(value)))


def _disc(canvas: pygame.Surface, centre: tuple[int, int], radius: int, colour: tuple[int, int, int]) -> None:
    """A filled circle with a smooth edge."""
    paint.disc(canvas, colour, centre, radius)


class Slider:
    """A knob on a track: click or drag anywhere on it, or step with the arrow keys."""

    def __init__(self, rect: pygame.Rect, count: int) -> None:
        self.rect = pygame.Rect(rect)
        self.track = pygame.Rect(rect.x + KNOB_RADIUS, rect.centery - 3, rect.w - VALUE_WIDTH - 2 * KNOB_RADIUS, 6)
        self.count = count
        self.dragging = False

    def move(self, dy: int) -> None:
        """Its row scrolled by `dy` pixels."""
        self.rect.move_ip(0, dy)
        self.track.move_ip(0, dy)

    def x_of(self, index: int) -> int:
        return self.track.x + round(self.track.w * index / max(1, self.count - 1))

    def index_at(self, x: int) -> int:
        share = (x - self.track.x) / max(1, self.track.w)
        return min(self.count - 1, max(0, round(share * (self.count - 1))))

    def press(self, point: tuple[int, int]) -> int | None:
        """A press on the track (or near it): the index under it, and the drag begins."""
        if not self.track.inflate(2 * KNOB_RADIUS, 28).collidepoint(point):
            return None
        self.dragging = True
        return self.index_at(point[0])

    def draw(self, canvas: pygame.Surface, texts: Texts, index: int, words: str, *, focused: bool, quiet: bool = False) -> None:
        """`quiet`: greyed, though it still works (a volume while the sound is muted)."""
        paint.rect(canvas, TRACK, self.track, border_radius=3)
        knob_x = self.x_of(index)
        filled = pygame.Rect(self.track.x, self.track.y, knob_x - self.track.x, self.track.h)
        paint.rect(canvas, DIM_TEXT if quiet else FOCUS_EDGE if focused else (176, 138, 92), filled, border_radius=3)
        centre = (knob_x, self.track.centery)
        _disc(canvas, centre, KNOB_RADIUS + 2, FOCUS_EDGE if focused or self.dragging else PLATE_EDGE)
        _disc(canvas, centre, KNOB_RADIUS, DIM_TEXT if quiet else KNOB)
        value = texts("ui", words, DIM_TEXT if quiet else HIGHLIGHT if focused else TEXT_COLOUR)
        canvas.blit(value, value.get_rect(midright=(self.rect.right, self.rect.centery)))


class Switch:
    """Named options side by side (two or more); the chosen one is lit."""

    def __init__(self, rect: pygame.Rect, labels: tuple[str, ...]) -> None:
        self.rect = pygame.Rect(rect.x, rect.centery - 21, min(rect.w, 260 * len(labels)), 42)
        self.labels = labels
        edges = [self.rect.x + self.rect.w * i // len(labels) for i in range(len(labels) + 1)]
        self.halves = tuple(pygame.Rect(left, self.rect.y, right - left, self.rect.h) for left, right in zip(edges, edges[1:]))

    def move(self, dy: int) -> None:
        """Its row scrolled by `dy` pixels."""
        self.rect.move_ip(0, dy)
        self.halves = tuple(half.move(0, dy) for half in self.halves)

    def at(self, point: tuple[int, int]) -> int | None:
        return next((i for i, half in enumerate(self.halves) if half.collidepoint(point)), None)

    def draw(self, canvas: pygame.Surface, texts: Texts, index: int, *, focused: bool) -> None:
        paint.rect(canvas, INSET, self.rect, border_radius=21)
        chosen = self.halves[index].inflate(-6, -6)
        paint.rect(canvas, FOCUS_PLATE if focused else (62, 52, 40), chosen, border_radius=18)
        paint.rect(canvas, FOCUS_EDGE if focused else (176, 138, 92), chosen, 1, border_radius=18)
        paint.rect(canvas, FOCUS_EDGE if focused else PLATE_EDGE, self.rect, 2 if focused else 1, border_radius=21)
        for i, (half, label) in enumerate(zip(self.halves, self.labels)):
            colour = (HIGHLIGHT if focused else TEXT_COLOUR) if i == index else DIM_TEXT
            words = texts("ui", ui_text(label), colour)
            canvas.blit(words, words.get_rect(center=half.center))
