"""The backgrounds: the Hub's floor, Jack's office (lamp on and off), the cog door, title and endings.

Each place is built from a few scene pieces (brick wall, water column, walkway,
office window, desk, cog door) drawn on a supersampled `Canvas`. The office
looks out over the Hub through its big window, and that view is the Hub
picture itself, darkened and softened, so the places stay consistent.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageFilter

from game.artwork import palette as P
from game.artwork.drawing import (
    Canvas, Painter, Point, glow_stops, grained, linear, mix, radial, rounded, vertical, with_alpha,
)

W, H = 1280, 720
SCALE = 2


# -- texture painters --------------------------------------------------------------------------
def _hash_table(seed: int) -> np.ndarray:
    return np.random.default_rng(seed).random((97, 89)).astype(np.float32)


def bricks(base: tuple, dark: tuple, mortar: tuple, *, brick: tuple[float, float] = (34, 13), seed: int = 3) -> Painter:
    """A running-bond brick wall, each brick a slightly different shade."""
    table = _hash_table(seed)
    bw, bh = brick
    base_a, dark_a, mortar_a = (np.array(c[:3], np.float32) for c in (base, dark, mortar))

    def paint(x: np.ndarray, y: np.ndarray) -> np.ndarray:
        row = np.floor(y / bh).astype(np.int64)
        shifted = x + (row % 2) * (bw / 2)
        col = np.floor(shifted / bw).astype(np.int64)
        fx, fy = shifted / bw - col, y / bh - row
        shade = table[row % 97, col % 89][..., None]
        colour = base_a + (dark_a - base_a) * shade
        colour = colour * (1.0 + 0.12 * (fy < 0.25)[..., None])
        is_mortar = ((fx < 1.6 / bw) | (fy < 1.6 / bh))[..., None]
        return np.where(is_mortar, mortar_a, colour).astype(np.float32)

    return paint


def slabs(base: tuple, dark: tuple, *, size: tuple[float, float] = (210, 150), seed: int = 5) -> Painter:
    """Cast concrete slabs with seams, tie holes and a gentle water stain toward the bottom."""
    table = _hash_table(seed)
    sw, sh = size
    base_a, dark_a = np.array(base[:3], np.float32), np.array(dark[:3], np.float32)

    def paint(x: np.ndarray, y: np.ndarray) -> np.ndarray:
        row, col = np.floor(y / sh).astype(np.int64), np.floor(x / sw).astype(np.int64)
        fx, fy = x / sw - col, y / sh - row
        shade = 0.25 * table[row % 97, col % 89] + 0.35 * fy + 0.08 * np.sin(x * 0.05 + y * 0.013)
        colour = base_a + (dark_a - base_a) * np.clip(shade, 0, 1)[..., None]
        seam = (fx < 0.012) | (fy < 0.016)
        hole = ((fx - 0.5) ** 2 * sw * sw + (fy - 0.5) ** 2 * sh * sh) < 16
        return np.where((seam | hole)[..., None], dark_a * 0.55, colour).astype(np.float32)

    return paint


def deck_plates(vanish: Point, top: float, base: tuple, line: tuple) -> Painter:
    """A metal floor of plates in perspective, seams converging to a vanishing point."""
    base_a, line_a = np.array(base[:3], np.float32), np.array(line[:3], np.float32)

    def paint(x: np.ndarray, y: np.ndarray) -> np.ndarray:
        depth = np.maximum(y - vanish[1], 1.0)
        world_x = (x - vanish[0]) / depth
        world_z = 400.0 / depth
        across = np.abs(world_x * 3.2 - np.round(world_x * 3.2))
        along = np.abs(world_z - np.round(world_z))
        width = 0.9 / depth
        seams = (across < width * 3.2 * 1.2) | (along < 0.9 * 400.0 / depth ** 2)
        near = np.clip((y - top) / (H - top), 0, 1)[..., None]
        colour = base_a * (0.55 + 0.6 * near)
        return np.where(seams[..., None], line_a, colour).astype(np.float32)

    return paint


# -- Hub pieces --------------------------------------------------------------------------------
def pipe(c: Canvas, points: list[Point], width: float, colour: tuple, *, light: tuple = P.HUB_STEEL_LIGHT) -> None:
    """A round pipe: a dark body with a lit stripe along its upper side."""
    c.line(points, width, colour)
    lit = [(x, y - width * 0.22) for x, y in points]
    c.line(lit, width * 0.22, with_alpha(light, 0.55))
    shade = [(x, y + width * 0.3) for x, y in points]
    c.line(shade, width * 0.25, with_alpha(P.HUB_DEEP, 0.5))


def vertical_pipe(c: Canvas, x: float, top: float, bottom: float, width: float, colour: tuple) -> None:
    """A pipe running up the wall, shaded as a cylinder lit from the left."""
    stops = [(0.0, mix(colour, P.HUB_DEEP, 0.5)), (0.28, mix(colour, P.HUB_STEEL_LIGHT, 0.55)),
             (0.6, colour), (1.0, mix(colour, P.HUB_DEEP, 0.8))]
    c.rect((x - width / 2, top, x + width / 2, bottom), linear((x - width / 2, 0), (x + width / 2, 0), stops))
    for y in np.arange(top + 60, bottom, 140):
        c.rect((x - width / 2 - 3, y, x + width / 2 + 3, y + 8), linear((x - width, 0), (x + width, 0), stops))


def girder(c: Canvas, x: float, top: float, bottom: float, width: float) -> None:
    """A riveted steel column."""
    c.rect((x - width / 2, top, x + width / 2, bottom),
           linear((x - width / 2, 0), (x + width / 2, 0), [(0, P.HUB_STEEL), (0.5, P.HUB_SHADOW), (1, P.HUB_DEEP)]))
    c.rect((x - width / 2 + 4, top, x - width / 2 + 7, bottom), with_alpha(P.HUB_STEEL_LIGHT, 0.5))
    for y in np.arange(top + 18, bottom, 36):
        for dx in (-width / 4, width / 4):
            c.circle((x + dx, y), 2.2, with_alpha(P.HUB_STEEL_LIGHT, 0.6))


def hanging_lamp(c: Canvas, x: float, y: float, *, strength: float = 1.0, colour: tuple = P.AMBER) -> None:
    """An industrial pendant lamp with a warm pool of light under it."""
    c.line([(x, 0), (x, y - 14)], 2, P.HUB_DEEP)
    c.polygon([(x - 8, y - 16), (x + 8, y - 16), (x + 24, y), (x - 24, y)], P.HUB_STEEL)
    c.ellipse((x - 24, y - 4, x + 24, y + 5), mix(colour, (1, 1, 1), 0.5))
    c.polygon([(x - 22, y + 2), (x + 22, y + 2), (x + 150, y + 420), (x - 150, y + 420)],
              vertical(y, y + 420, [(0, with_alpha(colour, 0.16 * strength)), (1, with_alpha(colour, 0.0))]),
              mode="add", soften=12)
    c.glow((x, y + 60), (260, 220), colour, strength=0.32 * strength)
    c.glow((x, y + 6), 120, colour, strength=0.5 * strength)
    c.glow((x, y + 2), 30, (1, 0.95, 0.85), strength=0.8 * strength)


def water_column(c: Canvas, cx: float, width: float, top: float, bottom: float, *, brightness: float = 1.0) -> None:
    """The Hub's glass cylinder of water, floor to ceiling, lit from below."""
    half = width / 2
    c.glow((cx, (top + bottom) / 2), (width * 3.6, (bottom - top) * 0.85), P.WATER, strength=0.42 * brightness)

    def water(x: np.ndarray, y: np.ndarray) -> np.ndarray:
        u = np.clip((x - cx) / half, -1, 1)
        body = 0.35 + 0.65 * np.sqrt(np.clip(1 - u * u, 0, 1))
        ripple = 0.5 + 0.5 * np.sin(u * 11.0 + np.sin(y * 0.021) * 1.8 + y * 0.004)
        lift = np.clip((y - top) / (bottom - top), 0, 1) ** 1.6
        light = body * (0.55 + 0.25 * ripple + 0.55 * lift) * brightness
        deep, bright = np.array(P.WATER_DEEP, np.float32), np.array(P.WATER, np.float32)
        return (deep + (bright - deep) * np.clip(light, 0, 1.2)[..., None]).astype(np.float32)

    c.rect((cx - half, top, cx + half, bottom), water)
    c.rect((cx - half * 0.62, top, cx - half * 0.5, bottom), with_alpha(P.WATER_FOAM, 0.35 * brightness), soften=2)
    c.rect((cx + half * 0.55, top, cx + half * 0.62, bottom), with_alpha(P.WATER_FOAM, 0.15 * brightness), soften=2)
    rng = np.random.default_rng(11)
    for _ in range(70):
        bx = cx + rng.uniform(-half * 0.8, half * 0.8)
        by = rng.uniform(top, bottom)
        r = rng.uniform(1.0, 3.2)
        c.circle((bx, by), r, with_alpha(P.WATER_FOAM, 0.5 * brightness))
    c.rect((cx - half - 2, top, cx - half + 2, bottom), with_alpha(P.WATER_FOAM, 0.35))
    c.rect((cx + half - 2, top, cx + half + 2, bottom), with_alpha(P.HUB_STEEL_LIGHT, 0.4))
    for ring_y in (bottom - 30, top + 60):
        c.rect((cx - half - 10, ring_y, cx + half + 10, ring_y + 30),
               linear((cx - half, 0), (cx + half, 0), [(0, P.HUB_STEEL_LIGHT), (0.4, P.HUB_STEEL), (1, P.HUB_DEEP)]))
    c.ellipse((cx - half * 2.2, bottom - 8, cx + half * 2.2, bottom + 26), with_alpha(P.WATER, 0.35 * brightness),
              mode="add", soften=10)


def walkway(c: Canvas, y: float, x0: float, x1: float, *, rail: float = 44) -> None:
    """A raised steel walkway with a railing, seen from the front."""
    c.rect((x0, y, x1, y + 14), linear((0, y), (0, y + 14), [(0, P.HUB_STEEL_LIGHT), (0.3, P.HUB_STEEL), (1, P.HUB_DEEP)]))
    c.rect((x0, y + 14, x1, y + 26), with_alpha(P.HUB_DEEP, 0.9))
    for x in np.arange(x0 + 20, x1, 64):
        c.polygon([(x, y + 26), (x + 10, y + 26), (x + 42, y + 70), (x + 32, y + 70)], with_alpha(P.HUB_DEEP, 0.8))
    c.line([(x0, y - rail), (x1, y - rail)], 4, P.HUB_STEEL_LIGHT)
    c.line([(x0, y - rail / 2), (x1, y - rail / 2)], 2, P.HUB_STEEL)
    for x in np.arange(x0 + 8, x1, 46):
        c.rect((x - 1.5, y - rail, x + 1.5, y), P.HUB_STEEL)


def stairs(c: Canvas, top: Point, bottom: Point, *, steps: int = 12) -> None:
    """A steel staircase between two points, with its stringer and rail."""
    (tx, ty), (bx, by) = top, bottom
    for i in range(steps):
        t = i / steps
        sx, sy = tx + (bx - tx) * t, ty + (by - ty) * t
        c.rect((sx - 34, sy, sx + 34, sy + 4), P.HUB_STEEL_LIGHT if i % 2 else P.HUB_STEEL)
    c.line([(tx + 36, ty), (bx + 36, by)], 7, P.HUB_STEEL)
    c.line([(tx + 36, ty - 42), (bx + 36, by - 42)], 3, P.HUB_STEEL_LIGHT)
    c.line([(tx - 36, ty), (bx - 36, by)], 5, P.HUB_DEEP)


def workstation(c: Canvas, x: float, floor: float, *, screens: int = 2) -> None:
    """A desk with glowing monitors, seen as a silhouette on the floor."""
    c.rect((x - 70, floor - 40, x + 70, floor - 32), P.HUB_STEEL)
    c.rect((x - 64, floor - 32, x - 58, floor), P.HUB_DEEP)
    c.rect((x + 58, floor - 32, x + 64, floor), P.HUB_DEEP)
    for i in range(screens):
        sx = x - 30 * (screens - 1) + 60 * i
        c.rect((sx - 26, floor - 82, sx + 26, floor - 46), P.HUB_DEEP)
        c.rect((sx - 23, floor - 79, sx + 23, floor - 49),
               vertical(floor - 79, floor - 49, [(0, P.SCREEN_GLOW), (1, mix(P.SCREEN_GLOW, P.HUB_DEEP, 0.5))]))
        for row in range(4):
            c.rect((sx - 18, floor - 74 + row * 6, sx - 18 + 12 + (row * 13 + i * 7) % 22, floor - 72 + row * 6),
                   with_alpha(P.WATER_FOAM, 0.5))
        c.glow((sx, floor - 64), 70, P.SCREEN_GLOW, strength=0.28)
        c.rect((sx - 3, floor - 46, sx + 3, floor - 40), P.HUB_DEEP)


def cog_emblem(c: Canvas, centre: Point, radius: float, *, turn: float = 0.0, light: float = 1.0) -> None:
    """The toothed round door as a distant shape in the Hub's wall."""
    c.circle(centre, radius * 1.1, with_alpha(P.HUB_DEEP, 0.8))
    c.polygon(gear_points(centre, radius, turn=turn),
              radial((centre[0] - radius * 0.4, centre[1] - radius * 0.5), radius * 1.6,
                     [(0, mix(P.DOOR_STEEL_DARK, P.DOOR_STEEL, 0.5 * light)), (1, P.HUB_DEEP)]))
    for r, a in ((0.78, 0.5), (0.45, 0.6)):
        c.arc(centre, radius * r, 0, 360, max(1.5, radius * 0.04), with_alpha(P.HUB_DEEP, a))
    c.circle(centre, radius * 0.2, P.DOOR_STEEL_DARK)
    c.arc(centre, radius * 0.95, 190, 290, max(1.5, radius * 0.03), with_alpha(P.HUB_STEEL_LIGHT, 0.7 * light))


def gear_points(centre: Point, radius: float, *, teeth: int = 14, depth: float = 0.1, turn: float = 0.0) -> list[Point]:
    """The outline of a cog with blunt trapezoid teeth."""
    cx, cy = centre
    points: list[Point] = []
    step = 2 * math.pi / teeth
    for i in range(teeth):
        base = turn + i * step
        for frac, r in ((0.0, 1 - depth), (0.12, 1.0), (0.43, 1.0), (0.55, 1 - depth)):
            a = base + frac * step
            points.append((cx + math.cos(a) * radius * r, cy + math.sin(a) * radius * r))
    return points


# -- the Hub floor -----------------------------------------------------------------------------
HUB_COG = ((205.0, 460.0), 112.0)  # the cog door in the Hub's far wall: centre and radius
def hub_floor_canvas() -> Canvas:
    """The Hub's main floor at night, as a canvas for other pictures to reuse."""
    c = Canvas(W, H, scale=SCALE, background=P.HUB_DEEP)
    c.rect((0, 0, W, 600), bricks(mix(P.HUB_BRICK, P.HUB_SHADOW, 0.35), P.HUB_BRICK_DARK, P.HUB_MORTAR))
    c.fill(vertical(0, 600, [(0, with_alpha(P.HUB_DEEP, 0.92)), (0.45, with_alpha(P.HUB_DEEP, 0.45)),
                             (1, with_alpha(P.HUB_DEEP, 0.65))]))
    for x0, x1 in ((40, 380), (440, 700)):
        arch = [(x0, 600), (x0, 260)] + [((x0 + x1) / 2 + math.cos(a) * (x1 - x0) / 2, 260 - math.sin(a) * 90)
                                         for a in np.linspace(math.pi, 0, 24)] + [(x1, 260), (x1, 600)]
        c.polygon(arch, with_alpha(P.HUB_DEEP, 0.55))
    cog_emblem(c, HUB_COG[0], HUB_COG[1], light=0.8)
    c.glow((205, 330), (200, 150), P.AMBER, strength=0.18)
    for x in (30, 70):
        vertical_pipe(c, x, 0, 600, 22, P.HUB_PIPE)
    for y, w in ((96, 18), (124, 12), (152, 26)):
        pipe(c, [(0, y), (W, y + 6)], w, P.HUB_PIPE)
    pipe(c, [(700, 160), (760, 160), (760, 560)], 14, P.HUB_RUST, light=P.AMBER_DEEP)
    girder(c, 420, 0, 600, 30)
    girder(c, 1010, 0, 600, 30)
    walkway(c, 318, 0, 1280)
    stairs(c, (560, 330), (360, 598), steps=14)
    c.rect((0, 596, W, H), deck_plates((660, 420), 596, P.HUB_STEEL, P.HUB_DEEP))
    c.fill(vertical(596, H, [(0, with_alpha(P.HUB_DEEP, 0.55)), (1, with_alpha(P.HUB_DEEP, 0.1))]))
    water_column(c, 860, 128, 0, 610)
    c.ellipse((690, 630, 1030, 700), with_alpha(P.WATER, 0.22), mode="add", soften=24)
    c.rect((836, 612, 884, H), vertical(612, H, [(0, with_alpha(P.WATER, 0.3)), (1, with_alpha(P.WATER, 0.0))]),
           mode="add", soften=8)
    workstation(c, 580, 640)
    workstation(c, 1140, 660, screens=3)
    for x, y, s in ((300, 210, 1.0), (640, 190, 0.8), (1160, 230, 0.9)):
        hanging_lamp(c, x, y, strength=s)
    c.fill(vertical(380, 720, [(0, with_alpha(P.COLD, 0.0)), (0.6, with_alpha(P.COLD, 0.10)), (1, with_alpha(P.COLD, 0.0))]),
           mode="screen")
    for x in (760, 940):
        c.polygon([(x - 10, 0), (x + 30, 0), (x + 150, 720), (x + 60, 720)],
                  vertical(0, 720, [(0, with_alpha(P.MOON, 0.08)), (1, with_alpha(P.MOON, 0.0))]), mode="add", soften=14)
    c.vignette(0.75)
    return c


def hub_floor() -> Image.Image:
    """The Hub's main floor at night."""
    return hub_floor_canvas().image()


# -- Jack's office -----------------------------------------------------------------------------
@dataclass(frozen=True)
class OfficeScene:
    """What differs between the office pictures: the light, the things and the people in it."""

    lamp: float = 1.0  # 0 = off, 1 = full
    cold: float = 0.0  # how far the room has gone over to blue-green dark
    whiskey: tuple[float, ...] = (1.0, 0.0)  # one per glass on the desk, left to right: 0 = empty, 1 = a measure
    coats: int = 0
    figures: tuple[str, ...] = ()  # "jack", "jack_glass", "ianto" silhouettes at the window
    view: tuple[int, int, int, int] = (160, 40, 1120, 440)  # the part of the Hub picture seen through the window
    view_light: float = 1.0
    cog_light: float = 0.0  # how clearly the cog door stands out in the view (0 = as the Hub picture has it)
    alarm: float = 0.0  # the cog door's alarm: red light turning down on the floor, thrown up through the window


WINDOW = (150, 70, 1130, 470)


def window_view(c: Canvas, scene: OfficeScene, hub: Image.Image) -> None:
    """The Hub seen through the big window: the Hub picture, softened and pushed back."""
    x0, y0, x1, y1 = WINDOW
    view = hub.crop(scene.view).filter(ImageFilter.GaussianBlur(1.4))
    c.place(view, (x0, y0, x1, y1))
    if scene.cog_light > 0:
        vx0, vy0, vx1, vy1 = scene.view
        sx, sy = (x1 - x0) / (vx1 - vx0), (y1 - y0) / (vy1 - vy0)
        (hx, hy), radius = HUB_COG
        centre, r = (x0 + (hx - vx0) * sx, y0 + (hy - vy0) * sy), radius * (sx + sy) / 2
        c.glow((centre[0] - r * 0.3, centre[1] - r * 0.5), (r * 1.6, r * 1.2), P.COLD, strength=0.25 * scene.cog_light)
        cog_emblem(c, centre, r, light=1.0 + 0.6 * scene.cog_light)
        c.arc(centre, r * 1.02, 185, 300, max(1.5, r * 0.02), with_alpha(P.MOON, 0.45 * scene.cog_light))
    c.rect((x0, y0, x1, y1), with_alpha(P.COLD_DEEP, 0.42 / scene.view_light ** 0.5), mode="over")
    c.rect((x0, y0, x1, y1), with_alpha(P.COLD, 0.12 * scene.view_light), mode="screen")
    if scene.alarm > 0:  # the floor below gone red, two beams sweeping up from the turning lights
        c.rect((x0, y0, x1, y1), with_alpha(P.ALARM_DEEP, 0.55 * scene.alarm), mode="screen")
        for cx, angle in ((420, -0.5), (860, 0.35)):
            dx = math.sin(angle) * 520
            c.polygon([(cx - 30, y1), (cx + 30, y1), (cx + dx + 140, y0), (cx + dx - 140, y0)],
                      vertical(y0, y1, [(0, with_alpha(P.ALARM, 0.08 * scene.alarm)), (1, with_alpha(P.ALARM, 0.45 * scene.alarm))]),
                      mode="add", soften=24, clip=True)


def window_frame(c: Canvas, scene: OfficeScene) -> None:
    """Mullions, sill and reflections on the glass."""
    x0, y0, x1, y1 = WINDOW
    warm = scene.lamp * (1 - scene.cold)
    for x0_, x1_ in ((x0 + 280, x0 + 520), (x0 + 640, x0 + 720)):
        c.polygon([(x0_, y0), (x1_, y0), (x1_ - 170, y1), (x0_ - 170, y1)],
                  with_alpha(mix(P.MOON, P.AMBER_PALE, warm), 0.05), mode="add")
    frame = mix(P.OFFICE_FRAME, P.OFFICE_WOOD_DARK, warm * 0.6)
    for x in np.linspace(x0, x1, 4):
        c.rect((x - 8, y0, x + 8, y1), frame)
        c.rect((x - 8, y0, x - 5, y1), with_alpha(mix(P.COLD, P.AMBER, warm), 0.35))
    c.rect((x0 - 8, y0 - 10, x1 + 8, y0 + 6), frame)
    c.rect((x0, y0 + 250, x1, y0 + 258), with_alpha(frame, 0.9))
    c.rect((x0 - 20, y1 - 4, x1 + 20, y1 + 14),
           vertical(y1 - 4, y1 + 14, [(0, mix(frame, P.AMBER, 0.25 * warm)), (1, P.HUB_DEEP)]))


def room_walls(c: Canvas, scene: OfficeScene) -> None:
    """The office's walls around the window, and the floor."""
    wall = mix(P.OFFICE_WALL, P.COLD_DEEP, scene.cold * 0.7)
    c.rect((0, 0, W, H), vertical(0, H, [(0, mix(wall, P.HUB_DEEP, 0.5)), (0.6, wall), (1, mix(wall, P.HUB_DEEP, 0.4))]))
    for x in (40, 1200):
        c.rect((x, 0, x + 40, H), with_alpha(P.HUB_DEEP, 0.25))
    c.rect((0, 470, W, 490), with_alpha(P.OFFICE_WOOD_DARK, 0.9))
    c.rect((0, 560, W, H), vertical(560, H, [(0, mix(P.OFFICE_WOOD_DARK, P.HUB_DEEP, 0.3)), (1, P.HUB_DEEP)]))


def office_door(c: Canvas) -> None:
    """The office's way out, in the left wall (the stage's `door` position): a panelled wooden door, its upper
    half frosted glass lit faintly from the landing, a brass handle."""
    x0, x1, top, bottom = 12, 150, 112, 600
    c.rect((x0 - 10, top - 12, x1 + 10, bottom), P.OFFICE_FRAME)
    c.rect((x0, top, x1, bottom), vertical(top, bottom, [(0, mix(P.OFFICE_WOOD, P.HUB_DEEP, 0.2)), (1, P.OFFICE_WOOD_DARK)]))
    glass = (x0 + 16, top + 18, x1 - 16, top + 190)
    c.rect(glass, vertical(glass[1], glass[3], [(0, mix(P.MOON, P.HUB_STEEL, 0.55)), (1, mix(P.COLD, P.HUB_DEEP, 0.6))]))
    c.rect(glass, with_alpha(P.HUB_DEEP, 0.35))
    for y in (glass[1], glass[3]):
        c.line([(glass[0], y), (glass[2], y)], 3, with_alpha(P.OFFICE_WOOD_DARK, 0.9))
    c.rect((x0 + 16, top + 214, x1 - 16, top + 320), with_alpha(P.HUB_DEEP, 0.25))
    c.line([(x0 + 16, top + 214), (x1 - 16, top + 214)], 1.5, with_alpha(P.AMBER_PALE, 0.12))
    c.rect((x1 - 28, top + 250, x1 - 12, top + 258), mix(P.AMBER_DEEP, P.OFFICE_WOOD_DARK, 0.3))
    c.circle((x1 - 20, top + 254), 5, mix(P.AMBER, P.OFFICE_WOOD_DARK, 0.4))


# Where the desk and its chair stand: the desk's top is above the text box (which starts near y=498) so what is
# on it can be seen, and the chair is where a seated sprite at `right` sits (its own chair covers this one).
DESK_TOP = 440
CHAIR_X, CHAIR_TOP, CHAIR_HALF = 980, 370, 180
BOTTLE_X = 580


def chair(c: Canvas, x: float) -> None:
    """The high-backed leather chair behind the desk, the shape the seated sprites draw."""
    top, half = CHAIR_TOP, CHAIR_HALF
    c.polygon(rounded([(x - half, top + 40), (x - half + 20, top), (x + half - 20, top), (x + half, top + 40), (x + half + 6, H + 20),
                       (x - half - 6, H + 20)], iterations=3),
              linear((x - half, 0), (x + half, 0), [(0, mix(P.LEATHER, P.AMBER_DEEP, 0.25)), (0.45, P.LEATHER),
                                                    (1, P.OFFICE_WOOD_DARK)]))
    for k in range(-2, 3):
        c.circle((x + k * half * 0.38, top + 46), 3, with_alpha(P.HUB_DEEP, 0.6))
    c.line([(x - half + 24, top + 2), (x + half - 24, top + 2)], 3, with_alpha(P.AMBER_PALE, 0.12))


def desk(c: Canvas, scene: OfficeScene) -> None:
    """The big wooden desk across the foreground, with its lamp, bottle and glasses."""
    t = DESK_TOP
    c.polygon([(150, t), (1200, t), (1260, t + 54), (80, t + 54)], vertical(t, t + 54, [(0, mix(P.OFFICE_WOOD, P.HUB_DEEP, 0.2)),
                                                                                    (1, P.OFFICE_WOOD)]))
    c.rect((80, t + 54, 1260, t + 70), mix(P.OFFICE_WOOD, P.AMBER_DEEP, 0.2))
    c.rect((90, t + 70, 1250, H), vertical(t + 70, H, [(0, P.OFFICE_WOOD_DARK), (1, P.HUB_DEEP)]))
    for x in (380, 900):
        c.rect((x, t + 90, x + 4, H), with_alpha(P.HUB_DEEP, 0.6))
    c.rect((100, t + 70, 1240, t + 74), with_alpha(P.HUB_DEEP, 0.7))
    papers(c)
    desk_lamp(c, scene)
    # Bottle and glasses between the lamp and the chair, where no one stands while they are talked about.
    bottle(c, BOTTLE_X, t + 28)
    for i, level in enumerate(scene.whiskey):
        tumbler(c, *glass_place(i), level=level)


def glass_place(i: int) -> Point:
    """Where the i-th glass stands on the desk (its foot's middle); the sprite of both men at the desk pours them."""
    return (652 + i * 58, DESK_TOP + 40 - i * 6)


def papers(c: Canvas) -> None:
    """A folder and a few loose sheets on the desk."""
    t = DESK_TOP
    c.polygon([(410, t + 10), (520, t + 6), (528, t + 34), (416, t + 40)], mix(P.GLASS, P.OFFICE_WOOD, 0.35))
    c.polygon([(426, t + 2), (526, t + 1), (530, t + 26), (428, t + 30)], mix(P.AMBER_PALE, P.OFFICE_WOOD, 0.45))
    c.polygon([(860, t + 16), (960, t + 13), (964, t + 38), (862, t + 42)], mix(P.LEATHER, P.HUB_STEEL, 0.3))


def desk_lamp(c: Canvas, scene: OfficeScene) -> None:
    """A brass desk lamp, lit or dark."""
    x, base = 300, DESK_TOP + 26
    on = scene.lamp
    brass = mix(mix(P.AMBER_DEEP, P.OFFICE_WOOD_DARK, 0.45), P.HUB_STEEL, scene.cold * 0.7)
    c.ellipse((x - 44, base - 10, x + 44, base + 10), brass)
    c.rect((x - 4, base - 116, x + 4, base), brass)
    shade = base - 146
    c.polygon([(x - 30, shade), (x + 30, shade), (x + 70, shade + 48), (x - 70, shade + 48)],
              linear((x - 70, 0), (x + 70, 0), [(0, mix(brass, P.AMBER_PALE, 0.2)), (0.4, brass), (1, P.HUB_DEEP)]))
    c.rect((x - 30, shade - 8, x + 30, shade + 2), brass)
    if on > 0:
        c.ellipse((x - 70, shade + 40, x + 70, shade + 58), mix(P.AMBER_PALE, (1, 1, 1), 0.5), opacity=on)
        c.polygon([(x - 70, shade + 50), (x + 70, shade + 50), (x + 330, base + 64), (x - 330, base + 64)],
                  vertical(shade + 50, base + 64, [(0, with_alpha(P.AMBER, 0.3 * on)), (1, with_alpha(P.AMBER, 0.05 * on))]),
                  mode="add", soften=18)
        c.ellipse((x - 300, base - 36, x + 300, base + 54), radial((x, base), (300, 45), glow_stops(P.AMBER, 0.45 * on)), mode="add")


def bottle(c: Canvas, x: float, base: float) -> None:
    """A whiskey bottle with its label, catching the light."""
    body = [(x - 22, base), (x + 22, base), (x + 22, base - 90), (x + 8, base - 116), (x + 8, base - 146),
            (x - 8, base - 146), (x - 8, base - 116), (x - 22, base - 90)]
    c.polygon(body, with_alpha(P.OFFICE_WOOD_DARK, 0.9))
    c.rect((x - 20, base - 78, x + 20, base - 2),
           linear((x - 20, 0), (x + 20, 0), [(0, mix(P.WHISKEY, P.AMBER_PALE, 0.3)), (0.5, P.WHISKEY), (1, P.AMBER_DEEP)]))
    c.rect((x - 20, base - 60, x + 20, base - 28), mix(P.AMBER_PALE, P.OFFICE_WOOD, 0.3))
    c.rect((x - 14, base - 52, x + 14, base - 46), with_alpha(P.OFFICE_WOOD_DARK, 0.7))
    c.rect((x - 9, base - 156, x + 9, base - 144), P.OFFICE_WOOD_DARK)
    c.rect((x - 16, base - 88, x - 12, base - 6), with_alpha((1, 1, 1), 0.35))


def tumbler(c: Canvas, x: float, base: float, *, level: float) -> None:
    """A heavy whiskey glass with `level` measures in it (0 = empty; a measure fills it to under half)."""
    c.polygon([(x - 20, base - 48), (x + 20, base - 48), (x + 17, base), (x - 17, base)], with_alpha(P.GLASS, 0.18))
    if level > 0:
        top = base - 6 - 16 * level
        c.polygon([(x - 17 - 1.5 * level, top), (x + 17 + 1.5 * level, top), (x + 17, base - 6), (x - 17, base - 6)],
                  vertical(top, base - 6, [(0, P.AMBER_PALE), (0.3, P.WHISKEY), (1, P.AMBER_DEEP)]))
    c.rect((x - 17, base - 8, x + 17, base), with_alpha(P.GLASS, 0.4))
    c.line([(x - 20, base - 48), (x - 17, base)], 2, with_alpha(P.GLASS, 0.7))
    c.line([(x + 20, base - 48), (x + 17, base)], 1.4, with_alpha(P.GLASS, 0.35))
    c.line([(x - 20, base - 48), (x + 20, base - 48)], 1.4, with_alpha(P.GLASS, 0.5))


def coat_stand(c: Canvas, scene: OfficeScene) -> None:
    """A bentwood coat stand in the right-hand corner, with coats on it or not."""
    x = 1205
    c.rect((x - 4, 170, x + 4, 560), P.OFFICE_WOOD_DARK)
    c.polygon([(x, 540), (x - 50, 566), (x + 50, 566)], P.OFFICE_WOOD_DARK)
    for dx in (-26, 26):
        c.line([(x, 190), (x + dx, 176)], 5, P.OFFICE_WOOD_DARK)
    if scene.coats >= 1:
        coat = [(x - 10, 184), (x + 18, 184), (x + 46, 260), (x + 56, 520), (x - 34, 520), (x - 24, 260)]
        c.polygon(coat, linear((x - 34, 0), (x + 56, 0), [(0, P.JACK_COAT), (1, P.JACK_COAT_SHADE)]))
        c.polygon([(x - 10, 184), (x + 18, 184), (x + 30, 240), (x + 4, 290), (x - 20, 240)], P.JACK_COAT_SHADE)
    if scene.coats >= 2:
        jacket = [(x - 30, 188), (x - 6, 188), (x + 4, 250), (x + 8, 380), (x - 66, 380), (x - 60, 250)]
        c.polygon(jacket, linear((x - 66, 0), (x + 8, 0), [(0, P.IANTO_SUIT), (1, P.IANTO_SUIT_SHADE)]))
        c.polygon([(x - 30, 188), (x - 6, 188), (x - 14, 260), (x - 30, 300), (x - 44, 250)], P.IANTO_SUIT_SHADE)


def silhouette(c: Canvas, x: float, feet: float, height: float, *, build: str, paint: tuple,
               rim: tuple | None = None, rim_side: int = -1, back_rim: tuple | None = None, glass: bool = False,
               facing: float = 0.0) -> None:
    """A standing man seen from behind: greatcoat (Jack) or slim suit (Ianto).

    `rim` outlines the side `rim_side` (-1 left, +1 right) facing the strongest light; `back_rim`, fainter,
    the other side.
    """
    u = height / 100
    jack = build == "jack"
    top = feet - height
    head = (x + facing * u, top + 6.5 * u)
    sh = 12.5 * u if jack else 10 * u
    hem_y = top + (74 if jack else 50) * u
    hem = 13.5 * u if jack else 9.5 * u
    neck_y = top + 13 * u
    body = [(x - 3 * u, neck_y), (x + 3 * u, neck_y), (x + sh * 0.7, neck_y + 2.5 * u), (x + sh, neck_y + 5.5 * u),
            (x + sh + 0.8 * u, neck_y + 14 * u), (x + sh + 0.6 * u, top + 52 * u), (x + hem, hem_y),
            (x - hem, hem_y), (x - sh - 0.6 * u, top + 52 * u), (x - sh - 0.8 * u, neck_y + 14 * u),
            (x - sh, neck_y + 5.5 * u), (x - sh * 0.7, neck_y + 2.5 * u)]
    for side in (-1, 1):
        c.polygon([(x + side * 1 * u, hem_y - 2 * u), (x + side * 7 * u, hem_y - 2 * u), (x + side * 5.5 * u, feet),
                   (x + side * 1.5 * u, feet)], paint)
    c.polygon(body, paint)
    if jack:
        c.polygon([(x - 6 * u, neck_y - 3.5 * u), (x + 6 * u, neck_y - 3.5 * u), (x + 8.5 * u, neck_y + 4 * u),
                   (x - 8.5 * u, neck_y + 4 * u)], paint)
    c.rect((x - 2.6 * u, neck_y - 3 * u, x + 2.6 * u, neck_y + 1 * u), paint)
    c.ellipse((head[0] - 5.2 * u, head[1] - 6.4 * u, head[0] + 5.2 * u, head[1] + 6 * u), paint)
    for side in (-1, 1):
        ax = x + side * (sh - 2.2 * u)
        c.line([(ax, neck_y + 9 * u), (ax + side * 0.6 * u, top + 50 * u)], 0.5 * u, with_alpha(P.HUB_DEEP, 0.7))
    if glass:
        hx, hy = x + sh + 1.6 * u, top + 50 * u
        c.polygon([(hx - 2.2 * u, hy - 3.2 * u), (hx + 2.2 * u, hy - 3.2 * u), (hx + 1.8 * u, hy + 1.2 * u),
                   (hx - 1.8 * u, hy + 1.2 * u)], with_alpha(P.GLASS, 0.45))
        c.rect((hx - 1.9 * u, hy - 1.2 * u, hx + 1.9 * u, hy + 1 * u), P.WHISKEY)
        c.glow((hx, hy), 6 * u, P.AMBER, strength=0.3)
    for colour, side, strength in ((rim, rim_side, 1.0), (back_rim, -rim_side, 0.35)):
        if colour is None:
            continue
        middle = 90 - side * 130  # up and to that side (angles run clockwise from east)
        c.arc(head, (5.2 * u, 6.2 * u), middle - 60, middle + 60, 0.6 * u, with_alpha(colour, 0.75 * strength))
        edge = [(x + side * sh * 0.7, neck_y + 2.5 * u), (x + side * sh, neck_y + 5.5 * u),
                (x + side * (sh + 0.8 * u), neck_y + 14 * u), (x + side * (sh + 0.6 * u), top + 52 * u),
                (x + side * hem, hem_y)]
        c.line(edge, 2.2 * u, with_alpha(colour, 0.12 * strength), soften=1.2 * u)
        c.line(edge, 0.6 * u, with_alpha(colour, 0.6 * strength))
        c.line([(x + side * 6.8 * u, hem_y), (x + side * 5.5 * u, feet)], 0.45 * u, with_alpha(colour, 0.35 * strength))


def office(scene: OfficeScene, hub: Image.Image) -> Image.Image:
    """Jack's office, under whatever light the scene asks for."""
    c = Canvas(W, H, scale=SCALE, background=P.HUB_DEEP)
    room_walls(c, scene)
    window_view(c, scene, hub)
    figure_paint = mix(P.HUB_DEEP, P.OFFICE_WALL, 0.15)
    spots = {1: (450,), 2: (450, 555)}.get(len(scene.figures), ())  # between the lamp and the bottle, seen over the desk
    for kind, x in zip(scene.figures, spots):
        silhouette(c, x, 640, 380 if kind == "ianto" else 400, build="ianto" if kind == "ianto" else "jack", paint=figure_paint,
                   rim=P.RIM_COLD, glass=kind == "jack_glass", facing=-1.5 if kind == "ianto" else 1.5)
    window_frame(c, scene)
    office_door(c)
    coat_stand(c, scene)
    chair(c, CHAIR_X)
    desk(c, scene)
    light_room(c, scene)
    return grained(c.image())


def light_room(c: Canvas, scene: OfficeScene) -> None:
    """Wash the whole room in lamp light or in cold window light."""
    lamp, cold = scene.lamp, scene.cold
    if cold > 0:
        c.fill(with_alpha(mix(P.COLD, P.COLD_DEEP, 0.35), 1.0), mode="multiply", opacity=0.7 * cold)
        c.fill(radial((640, 280), (700, 420), glow_stops(P.COLD, 0.18 * cold)), mode="add")
        c.polygon([(WINDOW[0], DESK_TOP), (WINDOW[2], DESK_TOP), (1220, DESK_TOP + 54), (80, DESK_TOP + 54)],
                  vertical(DESK_TOP, DESK_TOP + 54, [(0, with_alpha(P.MOON, 0.08 * cold)), (1, with_alpha(P.MOON, 0.0))]), mode="add",
                  soften=30)
    if lamp > 0:
        c.fill(with_alpha(mix(P.AMBER, P.AMBER_DEEP, 0.4), 1.0), mode="multiply", opacity=0.22 * lamp)
        c.fill(radial((300, 340), (760, 520), glow_stops(P.AMBER, 0.55 * lamp)), mode="add")
        c.glow((300, 360), 90, P.AMBER_PALE, strength=0.7 * lamp)
    if scene.alarm > 0:  # the red thrown up through the window lights the room from there
        c.fill(radial((640, 260), (760, 420), glow_stops(P.ALARM, 0.22 * scene.alarm)), mode="add")
    c.vignette(0.7 + 0.2 * cold)


# -- the cog door ------------------------------------------------------------------------------
DOOR_CENTRE = (640, 330)
DOOR_RADIUS = 250


def door_wall(c: Canvas, *, alarm: float) -> None:
    """The concrete wall, the round opening and the floor in front of the door."""
    c.rect((0, 0, W, 590), slabs(P.CONCRETE, P.CONCRETE_DARK))
    c.fill(vertical(0, 590, [(0, with_alpha(P.HUB_DEEP, 0.75)), (0.5, with_alpha(P.HUB_DEEP, 0.25)),
                             (1, with_alpha(P.HUB_DEEP, 0.55))]))
    for y, w in ((40, 22), (72, 14)):
        pipe(c, [(0, y), (W, y)], w, P.HUB_PIPE)
    c.rect((0, 588, W, H), deck_plates((640, 380), 588, mix(P.CONCRETE, P.HUB_STEEL, 0.5), P.CONCRETE_DARK))
    c.fill(vertical(588, H, [(0, with_alpha(P.HUB_DEEP, 0.6)), (1, with_alpha(P.HUB_DEEP, 0.2))]))
    stripe_y = 596
    for i in range(-2, 40):
        x = i * 40
        c.polygon([(x, stripe_y), (x + 20, stripe_y), (x + 2, stripe_y + 22), (x - 18, stripe_y + 22)],
                  mix(P.HAZARD, P.HUB_DEEP, 0.25 + 0.25 * alarm))
    cx, cy = DOOR_CENTRE
    c.circle((cx, cy), DOOR_RADIUS + 26, P.CONCRETE_DARK)
    c.circle((cx, cy), DOOR_RADIUS + 14, P.HUB_DEEP)
    c.arc((cx, cy), DOOR_RADIUS + 26, 180, 300, 5, with_alpha(P.HUB_STEEL_LIGHT, 0.5))
    c.rect((cx - DOOR_RADIUS - 20, cy + DOOR_RADIUS - 10, cx + DOOR_RADIUS + 300, cy + DOOR_RADIUS + 14), P.HUB_DEEP)
    c.rect((cx - DOOR_RADIUS - 20, cy + DOOR_RADIUS + 4, cx + DOOR_RADIUS + 300, cy + DOOR_RADIUS + 10),
           P.DOOR_STEEL)


def tunnel(c: Canvas, *, alarm: float) -> None:
    """The passage beyond the door: darkness with a red-lit far end."""
    cx, cy = DOOR_CENTRE
    c.circle((cx, cy), DOOR_RADIUS + 12, radial((cx, cy + 40), DOOR_RADIUS, [(0, mix(P.ALARM_DEEP, P.HUB_DEEP, 0.2)),
                                                                                 (1, P.HUB_DEEP)]))
    for i in range(6):
        y = cy + 60 + i * 30
        half = 40 + i * 34
        c.rect((cx - half, y, cx + half, y + 10), mix(P.CONCRETE_DARK, P.ALARM_DEEP, 0.4 * alarm))
    c.glow((cx, cy + 10), 160, P.ALARM, strength=0.35 * alarm)


def door_face(c: Canvas, centre: Point, *, turn: float, light: float) -> None:
    """The great cog itself: toothed steel, rings, bolts, rust and a heavy hub."""
    cx, cy = centre
    r = DOOR_RADIUS
    c.polygon(gear_points((cx + 10, cy + 14), r, turn=turn), with_alpha(P.HUB_DEEP, 0.7), soften=8)
    c.polygon(gear_points(centre, r, turn=turn),
              radial((cx - 90, cy - 110), r * 1.5, [(0, mix(P.DOOR_STEEL, (1, 1, 1), 0.1 * light)), (0.55, P.DOOR_STEEL),
                                                    (1, P.DOOR_STEEL_DARK)]))
    for rr, w in ((0.86, 10), (0.62, 7), (0.36, 6)):
        c.arc(centre, r * rr, 0, 360, w, with_alpha(P.DOOR_STEEL_DARK, 0.85))
        c.arc(centre, r * rr - w * 0.8, 190, 300, w * 0.35, with_alpha((1, 1, 1), 0.18 * light))
    for i in range(8):
        a = turn + i * math.pi / 4
        inner, outer = r * 0.38, r * 0.6
        c.line([(cx + math.cos(a) * inner, cy + math.sin(a) * inner), (cx + math.cos(a) * outer, cy + math.sin(a) * outer)],
               12, with_alpha(P.DOOR_STEEL_DARK, 0.8))
    for i in range(28):
        a = turn + i * 2 * math.pi / 28
        bx, by = cx + math.cos(a) * r * 0.74, cy + math.sin(a) * r * 0.74
        c.circle((bx, by), 5.5, P.DOOR_STEEL_DARK)
        c.circle((bx - 1.2, by - 1.2), 3.2, mix(P.DOOR_STEEL, (1, 1, 1), 0.25 * light))
    c.circle(centre, r * 0.22, radial((cx - 20, cy - 20), r * 0.3, [(0, P.DOOR_STEEL), (1, P.DOOR_STEEL_DARK)]))
    c.circle(centre, r * 0.1, P.DOOR_STEEL_DARK)
    for i in range(5):
        a = 0.3 + i * 1.1
        sx = cx + math.cos(a) * r * 0.5
        sy = cy + math.sin(a) * r * 0.5
        c.polygon([(sx - 6, sy), (sx + 6, sy), (sx + 3, sy + 90), (sx - 3, sy + 90)],
                  vertical(sy, sy + 90, [(0, with_alpha(P.DOOR_RUST, 0.55)), (1, with_alpha(P.DOOR_RUST, 0.0))]),
                  soften=3, clip=True)
    c.polygon(gear_points(centre, r, turn=turn), radial((cx + 120, cy + 140), r * 1.3,
                                                        [(0, with_alpha(P.HUB_DEEP, 0.45)), (1, with_alpha(P.HUB_DEEP, 0.0))]))


def warning_lamp(c: Canvas, x: float, y: float, *, on: float) -> None:
    """A caged rotating beacon on the wall."""
    c.rect((x - 20, y + 24, x + 20, y + 34), P.HUB_STEEL)
    c.ellipse((x - 17, y - 20, x + 17, y + 28), mix(P.ALARM_DEEP, P.ALARM, 0.25 + 0.75 * on))
    for dx in (-9, 0, 9):
        c.line([(x + dx, y - 18), (x + dx, y + 26)], 2, P.HUB_DEEP)
    if on:
        c.glow((x, y + 4), 120, P.ALARM, strength=0.8 * on)
        c.glow((x, y + 4), 28, (1, 0.85, 0.8), strength=0.8 * on)


def alarm_beams(c: Canvas, x: float, y: float, angles: tuple[float, ...]) -> None:
    """Red beams thrown from a turning beacon across the wall and floor."""
    for angle in angles:
        a = math.radians(angle)
        length = 1500
        spread = math.radians(9)
        tip = [(x + math.cos(a - spread) * length, y + math.sin(a - spread) * length),
               (x + math.cos(a + spread) * length, y + math.sin(a + spread) * length)]
        c.polygon([(x, y)] + tip, radial((x, y), length * 0.8, glow_stops(P.ALARM, 0.45)), mode="add", soften=10)


def cog_door(*, opening: float) -> Image.Image:
    """The cog door, shut (opening=0) or rolled aside with the alarms turning (opening=1)."""
    alarm = 1.0 if opening > 0 else 0.0
    c = Canvas(W, H, scale=SCALE, background=P.HUB_DEEP)
    door_wall(c, alarm=alarm)
    if opening > 0:
        tunnel(c, alarm=alarm)
    cx, cy = DOOR_CENTRE
    shift = 330 * opening
    door_face(c, (cx + shift, cy), turn=shift / DOOR_RADIUS + 0.1, light=1.0 - 0.4 * alarm)
    if opening > 0:
        c.rect((cx + DOOR_RADIUS + 40, 0, W, 588), slabs(P.CONCRETE, P.CONCRETE_DARK), opacity=1.0)
        c.rect((cx + DOOR_RADIUS + 40, 0, W, 588),
               vertical(0, 588, [(0, with_alpha(P.HUB_DEEP, 0.8)), (1, with_alpha(P.HUB_DEEP, 0.5))]))
        c.rect((cx + DOOR_RADIUS + 40, 60, cx + DOOR_RADIUS + 60, 588),
               linear((cx + DOOR_RADIUS + 40, 0), (cx + DOOR_RADIUS + 60, 0), [(0, P.HUB_DEEP), (1, P.CONCRETE_DARK)]))
    for x in (190, 1090):
        c.rect((x - 5, 0, x + 5, 588), with_alpha(P.HUB_STEEL, 0.8))
    c.glow((640, 20), (520, 340), P.AMBER if not alarm else P.ALARM, strength=0.18)
    if alarm:
        c.fill(with_alpha(mix(P.ALARM, P.ALARM_DEEP, 0.3), 1.0), mode="multiply", opacity=0.55)
        alarm_beams(c, 190, 150, (20, 150, 260))
        alarm_beams(c, 1090, 150, (60, 170, 330))
        c.fill(vertical(380, H, [(0, with_alpha(P.ALARM, 0.0)), (1, with_alpha(P.ALARM, 0.12))]), mode="add")
    warning_lamp(c, 190, 150, on=alarm)
    warning_lamp(c, 1090, 150, on=alarm)
    c.vignette(0.8)
    return grained(c.image())


# -- title and end card ------------------------------------------------------------------------
def title() -> Image.Image:
    """The Hub from the floor: the water column's glow, light from above, one figure watching."""
    c = Canvas(W, H, scale=SCALE, background=P.HUB_DEEP)
    c.rect((0, 0, W, 610), bricks(mix(P.HUB_BRICK, P.HUB_SHADOW, 0.5), P.HUB_BRICK_DARK, P.HUB_MORTAR, brick=(28, 11)))
    c.fill(vertical(0, 610, [(0, with_alpha(P.HUB_DEEP, 0.97)), (0.6, with_alpha(P.HUB_DEEP, 0.7)),
                             (1, with_alpha(P.HUB_DEEP, 0.75))]))
    for x in (60, 110):
        vertical_pipe(c, x, 0, 610, 26, P.HUB_PIPE)
    girder(c, 250, 0, 610, 34)
    walkway(c, 400, 0, 780)
    c.rect((0, 606, W, H), deck_plates((900, 420), 606, P.HUB_STEEL, P.HUB_DEEP))
    c.fill(vertical(606, H, [(0, with_alpha(P.HUB_DEEP, 0.6)), (1, with_alpha(P.HUB_DEEP, 0.3))]))
    water_column(c, 980, 170, 0, 620, brightness=1.1)
    c.ellipse((760, 640, 1220, 715), with_alpha(P.WATER, 0.3), mode="add", soften=28)
    for x in (900, 1060):
        c.polygon([(x - 30, 0), (x + 40, 0), (x + 20, 720), (x - 140, 720)],
                  vertical(0, 720, [(0, with_alpha(P.MOON, 0.14)), (1, with_alpha(P.MOON, 0.0))]), mode="add", soften=18)
    hanging_lamp(c, 420, 240, strength=0.8)
    figure = c.layer()
    silhouette(figure, 600, 680, 250, build="jack", paint=P.HUB_DEEP, rim=P.WATER, rim_side=1, back_rim=P.RIM_WARM,
               facing=1.0)
    figure.fill(linear((585, 0), (640, 0), [(0, with_alpha(P.WATER, 0.0)), (1, with_alpha(P.WATER, 0.16))]), mode="add")
    c.paste(figure)
    c.fill(vertical(480, H, [(0, with_alpha(P.COLD, 0.0)), (0.7, with_alpha(P.COLD, 0.12)), (1, with_alpha(P.COLD, 0.02))]),
           mode="screen")
    c.fill(radial((640, 190), (460, 170), [(0, with_alpha(P.HUB_DEEP, 0.55)), (1, with_alpha(P.HUB_DEEP, 0.0))]))
    c.vignette(0.85)
    return grained(c.image())


def end_card() -> Image.Image:
    """A quiet dark backdrop: deep water light, a faint ripple, room in the middle for words."""
    c = Canvas(W, H, scale=SCALE, background=P.HUB_DEEP)
    c.fill(vertical(0, H, [(0, P.HUB_DEEP), (0.6, P.COLD_DEEP), (1, mix(P.COLD_DEEP, P.WATER_DEEP, 0.4))]))
    c.glow((640, 360), (700, 260), P.COLD, strength=0.12)
    for i in range(7):
        y = 540 + i * 22
        amplitude = 3 + i * 1.5
        points = [(x, y + math.sin(x * 0.012 + i * 0.9) * amplitude) for x in np.arange(-10, W + 20, 16)]
        c.line(points, 1.2 + i * 0.2,  # type: ignore[arg-type]  # numpy's integers are numbers too
               with_alpha(P.WATER, 0.05 + 0.015 * i), mode="add")
    c.line([(500, 420), (780, 420)], 1.2, with_alpha(P.AMBER, 0.35))
    c.vignette(0.8)
    return grained(c.image())


# -- the catalogue -----------------------------------------------------------------------------
def backgrounds() -> dict[str, Callable[[], Image.Image]]:
    """Every background by file name (without .png), as functions that draw it."""
    hub_cache: dict[str, Image.Image] = {}

    def hub() -> Image.Image:
        if "hub" not in hub_cache:
            hub_cache["hub"] = hub_floor()
        return hub_cache["hub"]

    return {
        "hub_floor": lambda: grained(hub()),
        "office_lamp": lambda: office(OfficeScene(lamp=1.0, whiskey=(0, 0)), hub()),
        "office_cold": lambda: office(OfficeScene(lamp=0.0, cold=1.0, whiskey=(0, 0)), hub()),
        # Let Go: Jack pours into the glass nearer him ("He pours."), then again, more ("A second glass.").
        "office_cold_poured": lambda: office(OfficeScene(lamp=0.0, cold=1.0, whiskey=(0, 1)), hub()),
        "office_cold_second": lambda: office(OfficeScene(lamp=0.0, cold=1.0, whiskey=(0, 1.7)), hub()),
        "office_alarm": lambda: office(OfficeScene(lamp=0.0, cold=1.0, whiskey=(0, 0), alarm=1.0), hub()),  # the lights turn red
        "cog_door": lambda: cog_door(opening=0.0),
        "cog_door_open": lambda: cog_door(opening=1.0),
        "title": title,
        "end_let_go": lambda: office(OfficeScene(lamp=0.0, cold=1.0, whiskey=(1, 1), figures=("jack_glass",)), hub()),
        "end_tell": lambda: office(OfficeScene(lamp=0.45, cold=0.5, whiskey=(0, 0), figures=("jack",)), hub()),  # Ianto gone, the bottle untouched
        "end_stay": lambda: office(OfficeScene(lamp=0.8, whiskey=(1, 1), coats=2, view=(1, 305, 691, 587),
                                               cog_light=1.0), hub()),
    }
