"""Buttons that work with mouse and keyboard alike: the title menu, the pause menu, the choice."""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from game.ui.layout import DIM_TEXT, HIGHLIGHT, TEXT_COLOUR

ACTIVATE_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)


class Buttons:
    """A column of buttons: hover or arrow keys select, click, Enter or a digit activate."""

    def __init__(self, labels: Sequence[str], rects: Sequence[pygame.Rect], plates: dict[str, pygame.Surface], font: pygame.font.Font, *, marked: int | None = None) -> None:
        self.labels = list(labels)
        self.rects = list(rects)
        self.plates = plates
        self.font = font
        self.marked = marked  # e.g. the option taken last time, at a rewound choice
        self.selected: int | None = None
        self.pressed: int | None = None
        self._texts = [font.render(label, True, TEXT_COLOUR) for label in labels]
        self._selected_texts = [font.render(label, True, HIGHLIGHT) for label in labels]

    def at(self, point: tuple[int, int]) -> int | None:
        return next((i for i, rect in enumerate(self.rects) if rect.collidepoint(point)), None)

    def handle(self, event: pygame.event.Event, point: tuple[int, int] | None) -> int | None:
        """Feed one event (`point`: the mouse in canvas pixels); returns a button activated now."""
        if event.type == pygame.MOUSEMOTION and point is not None:
            # Only a button under the pointer takes the selection; moving off one keeps it for the keyboard.
            self.selected = self.at(point) if self.at(point) is not None else self.selected
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and point is not None:
            self.pressed = self.selected = self.at(point)
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1 and point is not None:
            hit, self.pressed = self.at(point), None
            return hit
        elif event.type == pygame.KEYDOWN:
            return self._key(event.key)
        return None

    def _key(self, key: int) -> int | None:
        count = len(self.labels)
        if key in (pygame.K_DOWN, pygame.K_s, pygame.K_TAB):
            self.selected = 0 if self.selected is None else (self.selected + 1) % count
        elif key in (pygame.K_UP, pygame.K_w):
            self.selected = count - 1 if self.selected is None else (self.selected - 1) % count
        elif key in ACTIVATE_KEYS and self.selected is not None:
            return self.selected
        elif pygame.K_1 <= key <= pygame.K_9 and key - pygame.K_1 < count:
            return key - pygame.K_1
        return None

    def draw(self, canvas: pygame.Surface) -> None:
        for index, rect in enumerate(self.rects):
            state = "pressed" if index == self.pressed else "hover" if index == self.selected else "normal"
            canvas.blit(self.plates[state], rect)
            text = (self._selected_texts if index == self.selected else self._texts)[index]
            canvas.blit(text, text.get_rect(center=rect.center))
            if index == self.marked:
                pygame.draw.circle(canvas, HIGHLIGHT, (rect.x + 28, rect.centery), 5)


def column(count: int, size: tuple[int, int], *, centre_x: int, top: int, gap: int) -> list[pygame.Rect]:
    """`count` rects of `size`, stacked downwards from `top`, centred on `centre_x`."""
    return [pygame.Rect(centre_x - size[0] // 2, top + i * (size[1] + gap), *size) for i in range(count)]


class Links:
    """A row of small text buttons (the quick menu under the text box), right-aligned at `right`."""

    def __init__(self, labels: Sequence[str], font: pygame.font.Font, *, right: int, y: int, gap: int = 26) -> None:
        self.labels = list(labels)
        self.font = font
        widths = [font.size(label)[0] for label in labels]
        x = right - sum(widths) - gap * (len(labels) - 1)
        self.rects = []
        for width in widths:
            self.rects.append(pygame.Rect(x, y, width, font.get_linesize()))
            x += width + gap
        self.hovered: int | None = None

    def at(self, point: tuple[int, int]) -> int | None:
        return next((i for i, rect in enumerate(self.rects) if rect.inflate(10, 6).collidepoint(point)), None)

    def draw(self, canvas: pygame.Surface, *, lit: set[int] = frozenset()) -> None:
        for index, (label, rect) in enumerate(zip(self.labels, self.rects)):
            colour = HIGHLIGHT if index in lit or index == self.hovered else DIM_TEXT
            canvas.blit(self.font.render(label, True, colour), rect)
