"""Drawing only what changes: which canvas regions differ from the last draw.

A screen describes what it shows as a `Look`: a `whole` part (the beat, the scene, the
transition, the interface's state: any change there redraws everything) and named parts,
each a rectangle and what it shows there (the typed text, a sprite's blink frame and
breath, the continue indicator's place). Between two looks only the parts that differ are
redrawn, each where it was and where it is now. The app redraws those regions clipped (so
the pixels are exactly those of a full redraw) and puts only them on screen.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field

import pygame

Box = tuple[int, int, int, int]  # x, y, width, height: hashable and cheap to compare


@dataclass(frozen=True)
class Look:
    """What a screen showed at one draw."""

    whole: Hashable
    parts: Mapping[str, tuple[Box | None, Hashable]] = field(default_factory=dict)


def box(rect: pygame.Rect) -> Box:
    return (rect.x, rect.y, rect.w, rect.h)


def changed(before: Look | None, after: Look) -> list[pygame.Rect] | None:
    """The canvas regions to redraw to go from `before` to `after`: [] for none, None for everything."""
    if before is None or before.whole != after.whole or before.parts.keys() != after.parts.keys():
        return None
    regions = []
    for name, now in after.parts.items():
        if before.parts[name] != now:
            regions += [pygame.Rect(place) for place in (before.parts[name][0], now[0]) if place is not None]
    return merged(regions)


def merged(regions: list[pygame.Rect]) -> list[pygame.Rect]:
    """Overlapping regions become one (a part's old and new place, mostly), so nothing is drawn twice."""
    out: list[pygame.Rect] = []
    for region in (r for r in regions if r.w > 0 and r.h > 0):
        while (hit := region.collidelist(out)) != -1:
            region = region.union(out.pop(hit))
        out.append(region)
    return out
