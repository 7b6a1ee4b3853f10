"""A scrolling column of entries of varying height, with a scroll bar, that lays out only what shows.

The position is an entry and a pixel offset into it, so scrolling walks only the entries it
passes and drawing renders only the visible ones: a list of 10,000 entries opens as fast as
one of ten. Rendered entries are kept by index (a bounded cache), so scrolling back and forth
renders nothing twice. The scroll bar's thumb is placed by entry index, which needs no
knowledge of the heights of entries never shown.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.ui.input import Input
from game.ui.menu.look import FOCUS_EDGE, TRACK, Kept, plate
from game.ui import paint

BAR_WIDTH = 10
BAR_GAP = 14
GAP = 6  # between entries
MIN_THUMB = 36


class ScrollList:
    """`count` entries drawn by `render(index)` (a surface as wide as `view`), in `rect`."""

    def __init__(self, rect: pygame.Rect, count: int, render: Callable[[int], pygame.Surface], *, keep: int = 256) -> None:
        self.rect = pygame.Rect(rect)
        self.view = pygame.Rect(rect.x, rect.y, rect.w - BAR_WIDTH - BAR_GAP, rect.h)
        self.bar = pygame.Rect(rect.right - BAR_WIDTH, rect.y, BAR_WIDTH, rect.h)
        self.count = count
        self.surface: Kept[int, pygame.Surface] = Kept(render, keep=keep)  # entry index -> its surface
        self._end: tuple[int, int] | None = None
        self.top = 0  # the first entry showing
        self.offset = 0  # how many of its pixels are scrolled above the view
        self._grab: int | None = None  # while the thumb is dragged: where it was taken, from its top

    # -- entries --------------------------------------------------------------
    def height(self, index: int) -> int:
        return self.surface(index).get_height() + GAP

    def visible(self) -> list[tuple[int, pygame.Rect]]:
        """The entries showing now, with where each is drawn (partly hidden ones included)."""
        shown = []
        y, index = self.view.y - self.offset, self.top
        while index < self.count and y < self.view.bottom:
            height = self.height(index)
            shown.append((index, pygame.Rect(self.view.x, y, self.view.w, height - GAP)))
            y += height
            index += 1
        return shown

    def at(self, point: tuple[int, int]) -> int | None:
        if not self.view.collidepoint(point):
            return None
        return next((index for index, rect in self.visible() if rect.collidepoint(point)), None)

    # -- moving ---------------------------------------------------------------
    def end(self) -> tuple[int, int]:
        """The position that shows the last entry at the bottom of the view."""
        if self._end is None:
            total, index = 0, self.count - 1
            self._end = (0, 0)
            while index >= 0:
                total += self.height(index)
                if total - GAP >= self.view.h:
                    self._end = (index, total - GAP - self.view.h)
                    break
                index -= 1
        return self._end

    def position(self, top: int | None = None, offset: int | None = None) -> float:
        """A position as a fractional entry index (the thumb and dragging use it)."""
        top = self.top if top is None else top
        offset = self.offset if offset is None else offset
        return top + offset / self.height(top) if self.count else 0.0

    def to_start(self) -> None:
        self.top = self.offset = 0

    def to_end(self) -> None:
        self.top, self.offset = self.end()

    def scroll(self, dy: int) -> None:
        """Move the view down by `dy` pixels (up when negative), within the list."""
        if not self.count:
            return
        top, offset = self.top, self.offset + dy
        while offset < 0 and top > 0:
            top -= 1
            offset += self.height(top)
        while top < self.count - 1 and offset >= self.height(top):
            offset -= self.height(top)
            top += 1
        self.top, self.offset = top, max(0, offset)
        self._clamp()

    def _clamp(self) -> None:
        end_top, end_offset = self.end()
        if (self.top, self.offset) > (end_top, end_offset):
            self.top, self.offset = end_top, end_offset

    def set_position(self, position: float) -> None:
        top = min(max(0, int(position)), max(0, self.count - 1))
        self.top = top
        self.offset = round((position - top) * self.height(top)) if self.count else 0
        self._clamp()

    def ensure_visible(self, index: int) -> None:
        """Scroll as little as needed to show the whole of entry `index`."""
        if index < self.top or (index == self.top and self.offset > 0):
            self.top, self.offset = index, 0
            self._clamp()
            return
        bottom = -self.offset + sum(self.height(i) for i in range(self.top, index + 1)) - GAP
        if bottom > self.view.h:
            self.scroll(bottom - self.view.h)

    # -- the scroll bar ---------------------------------------------------------
    @property
    def dragging(self) -> bool:
        return self._grab is not None

    def thumb(self) -> pygame.Rect | None:
        """The scroll bar's thumb, or None when everything fits."""
        end = self.position(*self.end())
        if end <= 0:
            return None
        shown = max(1, len(self.visible()))
        height = max(MIN_THUMB, round(self.bar.h * min(1.0, shown / self.count)))
        y = self.bar.y + round((self.bar.h - height) * min(1.0, self.position() / end))
        return pygame.Rect(self.bar.x, y, self.bar.w, height)

    def press_bar(self, point: tuple[int, int]) -> bool:
        """A press on the bar: take the thumb, or page towards the press. False if not on the bar."""
        zone = self.bar.inflate(12, 0)  # a thin bar is hard to hit: take presses a little either side
        if not zone.collidepoint(point) or (thumb := self.thumb()) is None:
            return False
        if thumb.top <= point[1] < thumb.bottom:
            self._grab = point[1] - thumb.y
        else:
            self.scroll(self.view.h if point[1] > thumb.bottom else -self.view.h)
        return True

    def drag(self, y: int) -> None:
        thumb = self.thumb()
        if self._grab is None or thumb is None:
            return
        room = self.bar.h - thumb.h
        share = 0.0 if room <= 0 else min(1.0, max(0.0, (y - self._grab - self.bar.y) / room))
        self.set_position(share * self.position(*self.end()))

    def release(self) -> None:
        self._grab = None

    def handle_bar(self, input: Input, point: tuple[int, int]) -> bool:
        """The pointer on the scroll bar: take and drag the thumb, or page by the track. True if used."""
        if self.dragging:
            if input.kind == "move":
                self.drag(point[1])
            elif input.kind == "release":
                self.release()
            return True
        return input.kind == "press" and input.button == 1 and self.press_bar(point)

    # -- drawing ----------------------------------------------------------------
    def draw(self, canvas: pygame.Surface, *, focus: int | None = None) -> None:
        clip = canvas.get_clip()
        canvas.set_clip(self.view.clip(clip))
        for index, rect in self.visible():
            if index == focus:
                plate(canvas, rect.inflate(0, 2), focused=True, soft=True)
            canvas.blit(self.surface(index), rect)
        canvas.set_clip(clip)
        if (thumb := self.thumb()) is not None:
            paint.rect(canvas, TRACK, self.bar, border_radius=BAR_WIDTH // 2)
            paint.rect(canvas, FOCUS_EDGE if self.dragging else (128, 150, 156), thumb, border_radius=BAR_WIDTH // 2)
