"""Drawing in design coordinates straight onto the window, at the window's own resolution.

A `Canvas` takes what a screen draws (blits, fills, rects, lines, circles, clips, all in the
1280x720 design space) and puts it on a real surface through a `Viewport`:

- text a font rendered (`assets.FallbackFont.render`) is rendered again with the font at the
  scaled size, so letters are drawn at the real pixel size, never stretched;
- a picture marked `still` (loaded art, nine-sliced panels, tinted plates) is scaled once per
  window size with smoothscale and kept as long as the picture lives;
- any other surface (drawn fresh each frame) is scaled as it is blitted;
- rects, lines and circles are drawn at the real size (`paint`).

At 1280x720 every call goes straight to the surface, so the pixels are exactly the design's.
Screens draw on a `Canvas` or on a plain `pygame.Surface` (a thumbnail, a test's full redraw)
alike: `paint.rect(target, ...)` works on both.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.ui.layout import SCREEN_SIZE
from game.ui.viewport import Viewport

_STILL: weakref.WeakSet[pygame.Surface] = weakref.WeakSet()
#: A source surface -> (the scale it was made for, the window-sized version).
_SCALED: weakref.WeakKeyDictionary[pygame.Surface, tuple[float, pygame.Surface]] = weakref.WeakKeyDictionary()
#: How to draw a surface again at another scale (fonts register theirs: `register_redraw`).
_REDRAW: weakref.WeakKeyDictionary[pygame.Surface, Callable[[float], pygame.Surface]] = weakref.WeakKeyDictionary()
#: For text: how wide the first (or last) n characters are, at design size and at a scale.
_PARTS: weakref.WeakKeyDictionary[pygame.Surface, Callable[[int, bool, float], tuple[int, int]]] = weakref.WeakKeyDictionary()


def still(surface: pygame.Surface) -> pygame.Surface:
    """Mark `surface` as never drawn on again, so its scaled version is kept; returns it."""
    _STILL.add(surface)
    return surface


def register_redraw(surface: pygame.Surface, redraw: Callable[[float], pygame.Surface],
                    part: Callable[[int, bool, float], tuple[int, int]] | None = None) -> pygame.Surface:
    """`redraw(scale)` draws `surface` anew at `scale` (text: with the font at the scaled size);
    `part(width, from_right, scale)` maps a shown part's design width to its width at `scale`."""
    _REDRAW[surface] = redraw
    if part is not None:
        _PARTS[surface] = part
    return surface


def at_scale(surface: pygame.Surface, scale: float) -> pygame.Surface:
    """`surface` for a window `scale` times the design: redrawn if it can be, else scaled smoothly."""
    kept = _SCALED.get(surface)
    if kept is not None and kept[0] == scale:
        return kept[1]
    redraw = _REDRAW.get(surface)
    if redraw is not None:
        made = redraw(scale)
    else:
        w, h = surface.get_size()
        size = (max(1, round(w * scale)), max(1, round(h * scale)))
        source = surface if surface.get_bitsize() >= 24 else surface.convert_alpha()
        made = pygame.transform.smoothscale(source, size)
    if redraw is not None or surface in _STILL:
        _SCALED[surface] = (scale, made)
    return made


if TYPE_CHECKING:
    from pygame._common import ColorValue, Coordinate, RectValue

    # To the type checker a Canvas stands where a Surface does (every screen's `draw(canvas)`
    # keeps its annotation); at run time it is its own class, and shapes go through `paint`.
    _Drawable = pygame.Surface
else:
    _Drawable = object


class Canvas(_Drawable):
    """A window surface (or an offscreen one) drawn on in design coordinates; see the module."""

    def __init__(self, surface: pygame.Surface, viewport: Viewport) -> None:
        self.surface = surface
        self.viewport = viewport
        self._clip: pygame.Rect | None = None
        self._offscreen: Canvas | None = None
        self.set_clip(None)

    # -- what a Surface answers, in design terms ----------------------------------------
    def get_size(self) -> tuple[int, int]:
        return SCREEN_SIZE

    def get_width(self) -> int:
        return SCREEN_SIZE[0]

    def get_height(self) -> int:
        return SCREEN_SIZE[1]

    def get_rect(self, **where: object) -> pygame.Rect:
        rect = pygame.Rect((0, 0), SCREEN_SIZE)
        for name, value in where.items():
            setattr(rect, name, value)
        return rect

    def get_clip(self) -> pygame.Rect:
        return pygame.Rect(self._clip) if self._clip is not None else pygame.Rect((0, 0), SCREEN_SIZE)

    def set_clip(self, rect: RectValue | None) -> None:
        """Clip to a design rect: every window pixel it touches (None: the whole design area)."""
        area = self.viewport.area
        self._clip = None if rect is None else pygame.Rect(rect)
        self.surface.set_clip(area if self._clip is None else self.viewport.outward(self._clip).clip(area))

    def set_alpha(self, value: int | None, flags: int = 0) -> None:
        self.surface.set_alpha(value, flags)  # type: ignore[arg-type]  # None (no surface alpha) is pygame's too

    def offscreen(self) -> Canvas:
        """A second canvas of the same size and scale (a dissolve draws the new scene there); kept."""
        area = self.viewport.area
        if self._offscreen is None:
            surface = pygame.Surface(area.size).convert()
            self._offscreen = Canvas(surface, Viewport(area.size, self.viewport.scale, (0, 0)))
        return self._offscreen

    # -- drawing -------------------------------------------------------------------------
    def fill(self, color: ColorValue, rect: RectValue | None = None, special_flags: int = 0) -> pygame.Rect:
        where = self.viewport.area if rect is None else self.viewport.rect(pygame.Rect(rect))
        return self.surface.fill(color, where, special_flags)

    def blit(self, source: pygame.Surface | Canvas, dest: Coordinate | RectValue, area: RectValue | None = None,
             special_flags: int = 0) -> pygame.Rect:
        view = self.viewport
        at: tuple[float, float] = pygame.Rect(dest).topleft if isinstance(dest, pygame.Rect) else (float(dest[0]), float(dest[1]))  # type: ignore[index, arg-type]
        if isinstance(source, Canvas):  # an offscreen canvas of the same scale
            whole = source.surface.get_rect() if area is None else source.viewport.rect(pygame.Rect(area))
            return self.surface.blit(source.surface, view.point(at), whole, special_flags)
        if view.exact:
            return self.surface.blit(source, view.point(at), area, special_flags)
        scaled = at_scale(source, view.scale)
        if scaled.get_alpha() != source.get_alpha():
            scaled.set_alpha(source.get_alpha())
        part: pygame.Rect | None = None if area is None else self._part(source, scaled, pygame.Rect(area))
        return self.surface.blit(scaled, view.point(at), part, special_flags)

    def _part(self, source: pygame.Surface, scaled: pygame.Surface, area: pygame.Rect) -> pygame.Rect:
        """A source rect on the scaled surface: a part of a text by the characters it shows."""
        size = scaled.get_size()
        part = _PARTS.get(source)
        if part is not None and area.y == 0 and area.h >= source.get_height():
            w = source.get_width()
            if area.x == 0:
                return pygame.Rect(0, 0, part(area.w, False, self.viewport.scale)[1], size[1])
            if area.right == w:
                width = part(area.w, True, self.viewport.scale)[1]
                return pygame.Rect(size[0] - width, 0, width, size[1])
        s = self.viewport.scale
        left, top = round(area.x * s), round(area.y * s)
        return pygame.Rect(left, top, round(area.right * s) - left, round(area.bottom * s) - top)


Target = pygame.Surface | Canvas


def drawn(size: tuple[int, int], draw: Callable[[Target], None]) -> pygame.Surface:
    """A picture of design `size` that `draw` makes from parts (rendered lines, shapes through
    `paint`): on a window of another scale it is drawn again at that scale, so its letters stay sharp."""
    surface = pygame.Surface(size, pygame.SRCALPHA)
    draw(surface)

    def again(scale: float) -> pygame.Surface:
        scaled = pygame.Surface((max(1, round(size[0] * scale)), max(1, round(size[1] * scale))), pygame.SRCALPHA)
        draw(Canvas(scaled, Viewport(scaled.get_size(), scale, (0, 0))))
        return scaled

    return register_redraw(surface, again)
