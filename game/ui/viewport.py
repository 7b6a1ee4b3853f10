"""The one mapping between the 1280x720 design space and the window's pixels.

Every position a game or a screen names (`at left`, a button's rect, the text box) is in the
design space; the window may be any size. `Viewport.fit` takes the largest 16:9 area centred in
the window (letterbox bars fill the rest): a design point lands at `offset + point * scale`.
Input goes the other way (`to_design`). At 1280x720 the mapping is the identity.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

from game.ui.layout import SCREEN_SIZE


@dataclass(frozen=True)
class Viewport:
    """Where the design space sits in a window: `scale` window pixels per design pixel, from `offset`."""

    window: tuple[int, int]
    scale: float
    offset: tuple[int, int]

    @classmethod
    def fit(cls, window: tuple[int, int]) -> Viewport:
        """The largest 16:9 area in a window of this size, centred."""
        scale = min(window[0] / SCREEN_SIZE[0], window[1] / SCREEN_SIZE[1])
        size = (max(1, round(SCREEN_SIZE[0] * scale)), max(1, round(SCREEN_SIZE[1] * scale)))
        return cls(window, scale, ((window[0] - size[0]) // 2, (window[1] - size[1]) // 2))

    @property
    def exact(self) -> bool:
        """Design pixels are window pixels (a 1280x720 window): nothing is scaled."""
        return self.scale == 1.0

    @property
    def area(self) -> pygame.Rect:
        """The design space on the window (the rest is letterbox bars)."""
        return self.rect(pygame.Rect((0, 0), SCREEN_SIZE))

    def x(self, x: float) -> int:
        return self.offset[0] + round(x * self.scale)

    def y(self, y: float) -> int:
        return self.offset[1] + round(y * self.scale)

    def point(self, point: tuple[float, float]) -> tuple[int, int]:
        return self.x(point[0]), self.y(point[1])

    def length(self, length: float) -> int:
        """A line's width or a corner's radius: at least a pixel when it was one."""
        return max(1, round(length * self.scale)) if length > 0 else 0

    def rect(self, rect: pygame.Rect | tuple[int, int, int, int]) -> pygame.Rect:
        """A design rect on the window, each edge rounded (so rects that touch still touch)."""
        r = pygame.Rect(rect)
        left, top = self.x(r.left), self.y(r.top)
        return pygame.Rect(left, top, self.x(r.right) - left, self.y(r.bottom) - top)

    def outward(self, rect: pygame.Rect | tuple[int, int, int, int]) -> pygame.Rect:
        """Every window pixel a design rect touches (a region to redraw), inside the area."""
        r = pygame.Rect(rect)
        left = self.offset[0] + math.floor(r.left * self.scale)
        top = self.offset[1] + math.floor(r.top * self.scale)
        right = self.offset[0] + math.ceil(r.right * self.scale)
        bottom = self.offset[1] + math.ceil(r.bottom * self.scale)
        return pygame.Rect(left, top, right - left, bottom - top).clip(self.area)

    def to_design(self, position: tuple[int, int]) -> tuple[int, int]:
        """A window pixel (the mouse, a touch) in design coordinates: the design pixel drawn over
        that pixel's centre (the inverse of `point`'s rounding)."""
        return (math.floor((position[0] - self.offset[0] + 0.5) / self.scale), math.floor((position[1] - self.offset[1] + 0.5) / self.scale))
