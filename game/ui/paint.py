"""`pygame.draw`'s rect, line and circle on a `Canvas` (at the window's real size) or a plain surface.

Screens draw shapes through these, so a rect's rim or a rounded corner is drawn sharp at any
window size, never a stretched 1280x720 drawing.
"""

from __future__ import annotations

from collections.abc import Sequence

import pygame
import pygame.gfxdraw

from game.ui.canvas import Canvas, Target

Colour = Sequence[int] | pygame.Color


def rect(target: Target, colour: Colour, where: pygame.Rect | tuple[int, int, int, int], width: int = 0, border_radius: int = 0) -> pygame.Rect:
    if isinstance(target, Canvas):
        view = target.viewport
        return pygame.draw.rect(target.surface, colour, view.rect(where), view.length(width), view.length(border_radius))
    return pygame.draw.rect(target, colour, where, width, border_radius)


def line(target: Target, colour: Colour, start: Sequence[float], end: Sequence[float], width: int = 1) -> pygame.Rect:
    if isinstance(target, Canvas):
        view = target.viewport
        return pygame.draw.line(target.surface, colour, view.point((start[0], start[1])), view.point((end[0], end[1])), view.length(width))
    return pygame.draw.line(target, colour, start, end, width)


def circle(target: Target, colour: Colour, centre: Sequence[float], radius: float, width: int = 0) -> pygame.Rect:
    if isinstance(target, Canvas):
        view = target.viewport
        return pygame.draw.circle(target.surface, colour, view.point((centre[0], centre[1])), radius * view.scale, view.length(width))
    return pygame.draw.circle(target, colour, centre, radius, width)


def disc(target: Target, colour: Colour, centre: tuple[int, int], radius: int) -> None:
    """A filled circle with a smooth (antialiased) edge."""
    if isinstance(target, Canvas):
        view = target.viewport
        target, centre, radius = target.surface, view.point(centre), max(1, round(radius * view.scale))
    pygame.gfxdraw.filled_circle(target, *centre, radius, colour)
    pygame.gfxdraw.aacircle(target, *centre, radius, colour)
