"""A window over rows of one height that scrolls by whole rows, with a scroll bar when they do not all fit.

The Settings and Accessibility pages keep their rows in one: Up and Down move the focus and
`ensure_visible` scrolls it into view, the wheel scrolls (`scroll`), and the bar's thumb can be
taken and dragged or the track pressed to move a windowful. When every row fits, there is no bar.
"""

from __future__ import annotations

import pygame

from game.ui.input import Input
from game.ui.menu.look import FOCUS_EDGE, TRACK
from game.ui.menu.scroll import BAR_GAP, BAR_WIDTH, MIN_THUMB
from game.ui import paint

THUMB = (128, 150, 156)


class RowWindow:
    """`count` rows, `step` pixels apart, shown in `view` from row `top` on."""

    def __init__(self, view: pygame.Rect, count: int, step: int, *, gap: int = 0) -> None:
        """`gap`: the empty pixels under each row (the last row needs no more room than its own height)."""
        self.count = count
        self.step = step
        self.capacity = max(1, (view.h + gap) // step)  # the rows wholly in view
        self.scrolls = count > self.capacity
        width = view.w - (BAR_WIDTH + BAR_GAP if self.scrolls else 0)
        self.view = pygame.Rect(view.x, view.y, width, view.h)  # where the rows go (the bar is right of it)
        self.bar = pygame.Rect(view.right - BAR_WIDTH, view.y, BAR_WIDTH, min(view.h, self.capacity * step - gap))
        self.top = 0
        self._grab: int | None = None  # while the thumb is dragged: where it was taken, from its top

    @property
    def last_top(self) -> int:
        return max(0, self.count - self.capacity)

    def shown(self) -> range:
        """The rows in view."""
        return range(self.top, min(self.count, self.top + self.capacity))

    def y_of(self, row: int) -> int:
        """Where row `row` is drawn now (rows out of view are placed off the window)."""
        return self.view.y + (row - self.top) * self.step

    def scroll_to(self, top: int) -> int:
        """Show rows from `top` on (within the list); the pixels the rows moved by."""
        before, self.top = self.top, min(max(0, top), self.last_top)
        return (before - self.top) * self.step

    def scroll(self, rows: int) -> int:
        return self.scroll_to(self.top + rows)

    def ensure_visible(self, row: int) -> int:
        """Scroll as little as needed to show row `row`."""
        if row < self.top:
            return self.scroll_to(row)
        if row >= self.top + self.capacity:
            return self.scroll_to(row - self.capacity + 1)
        return 0

    # -- the scroll bar ---------------------------------------------------------------
    def thumb(self) -> pygame.Rect | None:
        if not self.scrolls:
            return None
        height = max(MIN_THUMB, round(self.bar.h * self.capacity / self.count))
        y = self.bar.y + round((self.bar.h - height) * self.top / self.last_top)
        return pygame.Rect(self.bar.x, y, self.bar.w, height)

    @property
    def dragging(self) -> bool:
        return self._grab is not None

    def handle_bar(self, input: Input, point: tuple[int, int]) -> int | None:
        """The pointer on the bar: take and drag the thumb, or a windowful by the track.

        None when it was not the bar's; else the pixels the rows moved by (0 when they did not move).
        """
        thumb = self.thumb()
        if self._grab is not None and thumb is not None:
            if input.kind == "release":
                self._grab = None
                return 0
            if input.kind != "move":
                return 0
            room = self.bar.h - thumb.h
            share = 0.0 if room <= 0 else min(1.0, max(0.0, (point[1] - self._grab - self.bar.y) / room))
            return self.scroll_to(round(share * self.last_top))
        if thumb is None or input.kind != "press" or input.button != 1 or not self.bar.inflate(12, 0).collidepoint(point):
            return None
        if thumb.top <= point[1] < thumb.bottom:
            self._grab = point[1] - thumb.y
            return 0
        return self.scroll(self.capacity if point[1] >= thumb.bottom else -self.capacity)

    def draw_bar(self, canvas: pygame.Surface) -> None:
        if (thumb := self.thumb()) is not None:
            paint.rect(canvas, TRACK, self.bar, border_radius=BAR_WIDTH // 2)
            paint.rect(canvas, FOCUS_EDGE if self.dragging else THUMB, thumb, border_radius=BAR_WIDTH // 2)
