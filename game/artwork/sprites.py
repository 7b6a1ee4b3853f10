"""The character sprites: Jack and Ianto, waist up, one picture per expression.

A sprite is a `Build` (the man: coat or suit, hair, colours, proportions)
drawn with a `Face` (brows, eyes, mouth, tears) and a pose. Faces sit in the
top 200 px because the text box covers the bottom of the screen. Light comes
warm from the left (the desk lamp), shadow falls to the right.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace

from PIL import Image

from game.artwork import palette as P
from game.artwork.drawing import Canvas, Paint, Point, linear, mix, ribbon, rounded, vertical, with_alpha

W, H = 420, 480
SCALE = 3
CX = 210.0


@dataclass(frozen=True)
class Build:
    """One man's proportions and colours."""

    name: str
    head_w: float  # half the face's width
    head_y: float  # the eye line
    jaw: float  # how square the jaw is, 0..1
    shoulders: float  # half the shoulder width
    skin: tuple
    skin_shade: tuple
    hair: tuple
    eyes: tuple
    brow_weight: float


JACK = Build("jack", 48, 116, 0.92, 150, P.JACK_SKIN, P.JACK_SKIN_SHADE, P.JACK_HAIR, P.JACK_EYES, 5.2)
IANTO = Build("ianto", 44, 120, 0.7, 124, P.IANTO_SKIN, P.IANTO_SKIN_SHADE, P.IANTO_HAIR, P.IANTO_EYES, 4.4)


@dataclass(frozen=True)
class Face:
    """An expression, as the positions of brows, lids and mouth."""

    brow_inner: float = 0.0  # + raises the inner ends (worry), - lowers them (frown)
    brow_outer: float = 0.0
    brow_lift: float = 0.0  # both brows up or down together
    open: float = 1.0  # how open the eyes are, 0..1
    look: Point = (0.0, 0.0)  # where the irises look
    smile: float = 0.0  # + corners up, - corners down
    mouth_open: float = 0.0
    mouth_width: float = 1.0
    teeth: bool = False
    tears: float = 0.0  # 0 none, 0.5 glistening, 1 tears running
    flush: float = 0.0  # reddened eyes and cheeks
    closed: bool = False  # eyes shut or cast right down


EXPRESSIONS: dict[str, dict[str, Face]] = {
    "jack": {
        "neutral": Face(smile=0.05),
        "smile": Face(brow_lift=3, brow_outer=-1, open=0.78, smile=1.0, mouth_open=0.35, mouth_width=1.15, teeth=True),
        "sad": Face(brow_inner=6, brow_outer=-3, open=0.72, look=(0, 2.5), smile=-0.55),
        "hurt": Face(brow_inner=9, brow_outer=-4, open=0.95, smile=-0.7, mouth_open=0.3, flush=0.35),
        "tearful": Face(brow_inner=10, brow_outer=-4, open=0.68, look=(0, 1.5), smile=-0.8, mouth_open=0.12,
                        tears=1.0, flush=0.7),
        "guarded": Face(brow_inner=-6, brow_outer=1, brow_lift=-2, open=0.5, look=(-2.5, 0), smile=-0.1,
                        mouth_width=0.85),
        "down": Face(brow_inner=7, brow_outer=-3, open=0.0, smile=-0.5, closed=True, flush=0.3),
    },
    "ianto": {
        "neutral": Face(),
        "smile": Face(brow_lift=2, brow_inner=1, open=0.82, smile=0.75, mouth_width=1.05),
        "sad": Face(brow_inner=6, brow_outer=-2, open=0.7, look=(0, 2.5), smile=-0.5),
        "hurt": Face(brow_inner=9, brow_outer=-3, open=1.0, look=(0, 0.5), smile=-0.55, mouth_open=0.22, flush=0.3),
        "tearful": Face(brow_inner=9, brow_outer=-3, open=0.66, look=(0, 2), smile=-0.65, tears=1.0, flush=0.7),
        "leaving": Face(),
    },
}


# -- head ----------------------------------------------------------------------------------------
def face_outline(b: Build, cy: float) -> list[Point]:
    """The face and skull as one closed outline."""
    hw = b.head_w
    top = [(CX + hw * math.cos(a), cy + 4 + 66 * math.sin(a)) for a in [math.pi + i * math.pi / 20 for i in range(21)]]
    jaw = b.jaw
    right = [(CX + hw * 0.99, cy + 22), (CX + hw * (0.72 + 0.18 * jaw), cy + 44), (CX + hw * (0.42 + 0.12 * jaw), cy + 58),
             (CX + hw * 0.16, cy + 64)]
    left = [(2 * CX - x, y) for x, y in reversed(right)]
    return rounded(top + right + left, iterations=2)


def head(c: Canvas, b: Build, face: Face, *, cy: float, bowed: bool = False) -> None:
    """Neck, ears, face shading and features; hair is drawn after."""
    hw = b.head_w
    part = c.layer()
    part.polygon([(CX - 21, cy + 30), (CX + 21, cy + 30), (CX + 24, cy + 100), (CX - 24, cy + 100)], b.skin)
    for side in (-1, 1):
        ex = CX + side * (hw + 2)
        part.ellipse((ex - 8, cy - 8, ex + 8, cy + 22), b.skin)
        part.ellipse((ex - 4, cy - 3, ex + 4, cy + 16), with_alpha(b.skin_shade, 0.7))
    part.polygon(face_outline(b, cy), b.skin)
    part.polygon([(CX - 30, cy + 56), (CX + 30, cy + 56), (CX + 24, cy + 80), (CX - 24, cy + 80)],
                 with_alpha(b.skin_shade, 0.85), soften=3, clip=True)
    part.polygon([(CX + 6, cy - 70), (CX + hw + 14, cy - 70), (CX + hw + 14, cy + 120), (CX + 20, cy + 120),
                  (CX + hw * 0.55, cy + 40), (CX + 10, cy + 4)],
                 with_alpha(b.skin_shade, 0.55), soften=6, clip=True)
    part.glow((CX - hw - 6, cy - 10), (40, 90), P.RIM_WARM, strength=0.35, clip=True)
    features(part, b, face, cy=cy, bowed=bowed)
    c.paste(part)


def features(c: Canvas, b: Build, face: Face, *, cy: float, bowed: bool) -> None:
    """Brows, eyes, nose and mouth for one expression."""
    eye_y = cy + (10 if bowed else 2)
    if face.flush:
        for side in (-1, 1):
            c.glow((CX + side * 24, eye_y + 20), (22, 14), (0.85, 0.35, 0.35), strength=0.35 * face.flush, mode="over")
    if not face.closed:
        whites = c.layer()
        for side in (-1, 1):
            eyeball(whites, b, face, (CX + side * 21, eye_y))
        c.paste(whites)
    for side in (-1, 1):
        eyelids(c, b, face, (CX + side * 21, eye_y), side)
        brow(c, b, face, (CX + side * 21, eye_y - 17), side)
    nose_y = cy + (34 if bowed else 28)
    c.line([(CX + 3, eye_y + 8), (CX + 7, nose_y - 2), (CX + 2, nose_y + 1)], 2.2, with_alpha(b.skin_shade, 0.9))
    c.ellipse((CX - 9, nose_y - 1, CX + 9, nose_y + 5), with_alpha(b.skin_shade, 0.55), soften=1.5)
    mouth(c, b, face, (CX, cy + (50 if bowed else 44)))


def eye_shape(face: Face, centre: Point) -> tuple[list[Point], list[Point]]:
    """The upper and lower lid curves of one open eye."""
    x, y = centre
    half_w = 10.5
    height = 6.5 * face.open + 0.8
    upper = [(x + half_w * math.cos(a), y - height * math.sin(a)) for a in _angles(math.pi, 0)]
    lower = [(x + half_w * math.cos(a), y + 4.5 * math.sin(a) * min(1.0, face.open + 0.3)) for a in _angles(0, math.pi)]
    return upper, lower


def eyeball(c: Canvas, b: Build, face: Face, centre: Point) -> None:
    """The white and the iris, clipped to the white (draw on a layer of its own)."""
    upper, lower = eye_shape(face, centre)
    c.polygon(upper + lower, P.EYE_WHITE)
    ix, iy = centre[0] + face.look[0], centre[1] + face.look[1] - 0.5
    c.circle((ix, iy), 5.6, b.eyes, clip=True)
    c.circle((ix, iy), 2.6, P.HUB_DEEP, clip=True)
    c.circle((ix - 1.8, iy - 2.0), 1.4, (1, 1, 1), clip=True)
    c.polygon(upper + [(centre[0] + 12, centre[1] - 12), (centre[0] - 12, centre[1] - 12)],
              with_alpha(b.skin_shade, 0.35), clip=True, soften=1.2)
    if face.tears:
        c.circle((ix + 2.2, iy + 1.2), 1.1, (1, 1, 1), clip=True)


def eyelids(c: Canvas, b: Build, face: Face, centre: Point, side: int) -> None:
    """Lid lines, lashes, crease and, when needed, tears."""
    x, y = centre
    if face.closed:
        c.arc((x, y - 2), (10.5, 5), 20, 160, 2.4, P.BROW_LINE)
        c.line([(x + side * 10.5, y + 1), (x + side * 13.5, y - 1)], 1.6, P.BROW_LINE)
        c.arc((x, y - 8), (9, 3), 200, 340, 1.2, with_alpha(b.skin_shade, 0.6))
        return
    upper, lower = eye_shape(face, centre)
    height = 6.5 * face.open + 0.8
    c.line(upper, 2.6, P.BROW_LINE)
    c.line([(x + side * 10.5, y), (x + side * 13.5, y - 2.5)], 1.8, P.BROW_LINE)
    c.line(lower[1:-1], 1.0, with_alpha(b.skin_shade, 0.8))
    c.arc((x, y - height - 3), (9.5, 3), 200, 340, 1.2, with_alpha(b.skin_shade, 0.6))
    if face.tears:
        c.line(lower[2:-2], 1.6, with_alpha(P.TEAR, 0.85))
        if face.tears >= 1 and side == 1:
            c.line([(x + 4, y + 6), (x + 6, y + 20), (x + 5, y + 36)], 2.2, with_alpha(P.TEAR, 0.7))
            c.circle((x + 5, y + 37), 2.2, with_alpha(P.TEAR, 0.85))
        if face.tears >= 1 and side == -1:
            c.line([(x - 5, y + 6), (x - 6, y + 16)], 1.8, with_alpha(P.TEAR, 0.55))


def _angles(start: float, end: float, steps: int = 12) -> list[float]:
    return [start + (end - start) * i / steps for i in range(steps + 1)]


def brow(c: Canvas, b: Build, face: Face, centre: Point, side: int) -> None:
    """One eyebrow: a tapered stroke whose inner end carries the emotion."""
    x, y = centre
    y -= face.brow_lift
    inner = (x - side * 11, y - face.brow_inner * 0.8)
    middle = (x + side * 1, y - 3 - face.brow_inner * 0.25 - face.brow_outer * 0.3)
    outer = (x + side * 13, y + 1 - face.brow_outer)
    c.line([inner, middle], b.brow_weight, P.BROW_LINE)
    c.line([middle, outer], b.brow_weight * 0.7, P.BROW_LINE)


def mouth(c: Canvas, b: Build, face: Face, centre: Point) -> None:
    """The mouth: a curve whose corners lift or fall, open a little or not at all."""
    x, y = centre
    half = 15 * face.mouth_width
    lift = 6 * face.smile
    left, right = (x - half, y - lift), (x + half, y - lift)
    bottom = (x, y + 1.5 + max(0, face.smile) * 3 + face.mouth_open * 10)
    upper_mid = (x, y - max(0, -face.smile) * 1.5)
    if face.mouth_open > 0:
        opening = [left] + _curve(left, upper_mid, right)[1:-1] + [right] + _curve(right, bottom, left)[1:-1]
        c.polygon(opening, mix(P.LIP, P.HUB_DEEP, 0.65))
        if face.teeth:
            c.polygon([left] + _curve(left, upper_mid, right)[1:-1] + [right, (x + half * 0.7, y + 1), (x - half * 0.7, y + 1)],
                      P.EYE_WHITE)
        c.line(_curve(left, upper_mid, right), 1.8, mix(P.LIP, P.BROW_LINE, 0.4))
        c.line(_curve(right, bottom, left), 1.4, with_alpha(P.LIP, 0.8))
    else:
        c.line(_curve(left, upper_mid, right) if face.smile < 0 else _curve(left, (x, y + 2 + face.smile * 2), right),
               2.4, mix(P.LIP, P.BROW_LINE, 0.45))
        c.line(_curve((x - half * 0.55, y + 6 - lift * 0.2), (x, y + 8), (x + half * 0.55, y + 6 - lift * 0.2)), 3,
               with_alpha(P.LIP, 0.45))
    for corner in (left, right):
        c.circle(corner, 1.6, with_alpha(b.skin_shade, 0.8))


def _curve(a: Point, control: Point, b: Point, steps: int = 10) -> list[Point]:
    """A quadratic curve passing through `control` at its middle."""
    cx, cy = 2 * control[0] - (a[0] + b[0]) / 2, 2 * control[1] - (a[1] + b[1]) / 2
    out = []
    for i in range(steps + 1):
        t = i / steps
        out.append(((1 - t) ** 2 * a[0] + 2 * (1 - t) * t * cx + t * t * b[0],
                    (1 - t) ** 2 * a[1] + 2 * (1 - t) * t * cy + t * t * b[1]))
    return out


# -- hair ----------------------------------------------------------------------------------------
def jack_hair(c: Canvas, cy: float, *, bowed: bool = False) -> None:
    """Dark hair, short at the sides and swept up and back at the front."""
    hw = JACK.head_w
    drop = 14 if bowed else 0
    shape = [(CX - hw + 1, cy - 4), (CX - hw - 5, cy - 40), (CX - hw + 2, cy - 68), (CX - 26, cy - 86), (CX - 6, cy - 96),
             (CX + 22, cy - 98), (CX + 40, cy - 86), (CX + hw + 2, cy - 66), (CX + hw + 6, cy - 38), (CX + hw, cy - 4),
             (CX + hw - 6, cy - 22 + drop), (CX + hw - 14, cy - 44 + drop), (CX + 16, cy - 54 + drop),
             (CX - 8, cy - 50 + drop), (CX - 30, cy - 46 + drop), (CX - hw + 7, cy - 34 + drop), (CX - hw + 5, cy - 14)]
    c.polygon(rounded(shape), linear((CX - hw, cy - 90), (CX + hw, cy), [(0, mix(JACK.hair, P.AMBER, 0.2)), (1, JACK.hair)]))
    for dx in (-22, -4, 14):
        strand = [(CX + dx - 4, cy - 50 + drop), (CX + dx + 2, cy - 78), (CX + dx + 18, cy - 92)]
        c.line(rounded(strand, closed=False), 2, with_alpha(P.HUB_DEEP, 0.45))
    c.line(rounded([(CX - hw - 3, cy - 36), (CX - hw + 4, cy - 66), (CX - 24, cy - 84), (CX + 4, cy - 93)], closed=False),
           2.6, with_alpha(P.RIM_WARM, 0.45))


def ianto_hair(c: Canvas, cy: float, *, from_behind: bool = False) -> None:
    """Neat, short dark hair with a side parting, the fringe swept to one side."""
    hw = IANTO.head_w
    paint = linear((CX - hw, cy - 70), (CX + hw, cy), [(0, mix(IANTO.hair, P.AMBER, 0.16)), (1, IANTO.hair)])
    if from_behind:
        shape = [(CX - 40, cy - 46), (CX - 26, cy - 16), (CX - 22, cy + 6), (CX - 14, cy - 10), (CX + 8, cy - 12),
                 (CX + 16, cy + 8), (CX + 14, cy + 32), (CX + 38, cy + 38), (CX + 58, cy + 10), (CX + 64, cy - 30),
                 (CX + 48, cy - 70), (CX + 10, cy - 86), (CX - 24, cy - 80), (CX - 44, cy - 60)]
        c.polygon(rounded(shape), linear((CX - 44, cy - 80), (CX + 64, cy + 30),
                                         [(0, mix(IANTO.hair, P.AMBER, 0.2)), (0.5, IANTO.hair), (1, IANTO.hair)]))
        for dx in (-4, 14, 30):
            c.line(rounded([(CX + dx - 20, cy - 76), (CX + dx + 14, cy - 40), (CX + dx + 16, cy + 12)], closed=False), 1.4,
                   with_alpha(P.HUB_DEEP, 0.45))
        c.line(rounded([(CX - 42, cy - 50), (CX - 36, cy - 70), (CX - 14, cy - 84), (CX + 14, cy - 86)], closed=False), 2.4,
               with_alpha(P.RIM_WARM, 0.45))
        return
    shape = [(CX - hw + 1, cy - 6), (CX - hw - 4, cy - 40), (CX - hw + 4, cy - 66), (CX - 16, cy - 82), (CX + 20, cy - 80),
             (CX + hw - 2, cy - 64), (CX + hw + 4, cy - 36), (CX + hw, cy - 6), (CX + hw - 6, cy - 24),
             (CX + hw - 12, cy - 40), (CX + 22, cy - 44), (CX - 2, cy - 42), (CX - 16, cy - 52), (CX - 26, cy - 48),
             (CX - hw + 7, cy - 36), (CX - hw + 4, cy - 14)]
    c.polygon(rounded(shape), paint)
    c.line(rounded([(CX - 16, cy - 78), (CX - 14, cy - 56)], closed=False), 1.6, with_alpha(P.HUB_DEEP, 0.6))
    for dx in (-6, 10, 26):
        c.line(rounded([(CX - 14, cy - 70 + dx * 0.2), (CX + dx, cy - 60), (CX + dx + 16, cy - 46)], closed=False), 1.4,
               with_alpha(P.HUB_DEEP, 0.4))
    c.line(rounded([(CX - hw - 2, cy - 34), (CX - hw + 5, cy - 62), (CX - 16, cy - 80)], closed=False), 2.4,
           with_alpha(P.RIM_WARM, 0.45))


# -- bodies --------------------------------------------------------------------------------------
def torso(top: float, shoulders: float, neck: float, *, lean: float = 0.0) -> list[Point]:
    """A rounded coat or jacket silhouette from the collar down past the bottom edge."""
    s = shoulders
    return rounded([(CX - neck + lean, top - 14), (CX + neck + lean, top - 14), (CX + s * 0.72, top + 4),
                    (CX + s - 4, top + 30), (CX + s + 2, top + 90), (CX + s + 8, H + 60), (CX - s - 8, H + 60),
                    (CX - s - 2, top + 90), (CX - s + 4, top + 30), (CX - s * 0.72, top + 4)], iterations=3)


def side_light(c: Canvas, top: float, shoulders: float) -> None:
    """Warm rim light down the left shoulder and arm."""
    s = shoulders
    c.line(rounded([(CX - s * 0.72, top + 5), (CX - s + 4, top + 31), (CX - s - 1, top + 90), (CX - s - 6, H + 10)],
                   closed=False), 3, with_alpha(P.RIM_WARM, 0.45), clip=True)


def jack_body(c: Canvas, *, arms_crossed: bool = False, hunch: float = 0.0) -> None:
    """The long wool greatcoat, open over a pale blue shirt and braces."""
    s = JACK.shoulders
    top = 206 + hunch
    body = c.layer()
    coat = linear((CX - s, 0), (CX + s, 0), [(0, mix(P.JACK_COAT, P.RIM_WARM, 0.12)), (0.4, P.JACK_COAT),
                                             (1, P.JACK_COAT_SHADE)])
    body.polygon(torso(top, s, 40), coat)
    body.polygon([(CX - 32, top - 16), (CX + 32, top - 16), (CX + 62, H), (CX - 62, H)],
                 linear((CX - 62, 0), (CX + 62, 0), [(0, P.JACK_SHIRT), (0.6, P.JACK_SHIRT), (1, P.JACK_SHIRT_SHADE)]))
    body.line([(CX + 1, top + 14), (CX + 4, H)], 1.5, with_alpha(P.JACK_SHIRT_SHADE, 0.9))
    for y in range(int(top + 40), H, 44):
        body.circle((CX + 7, y), 2.2, mix(P.JACK_SHIRT, (1, 1, 1), 0.5))
    body.polygon([(CX - 40, top + 150), (CX + 40, top + 150), (CX + 58, H), (CX - 58, H)],
                 with_alpha(P.JACK_SHIRT_SHADE, 0.35), soften=10)
    for side in (-1, 1):
        body.polygon([(CX + side * 24, top + 2), (CX + side * 34, top + 2), (CX + side * 44, H), (CX + side * 32, H)],
                     P.JACK_BRACES)
        body.polygon([(CX + side * 4, top - 22), (CX + side * 28, top - 10), (CX + side * 32, top + 18), (CX + side * 3, top + 2)],
                     mix(P.JACK_SHIRT, (1, 1, 1), 0.25 if side < 0 else 0.0))
    for side in (-1, 1):
        collar = rounded([(CX + side * 26, top - 40), (CX + side * 66, top - 34), (CX + side * 96, top + 20),
                          (CX + side * 58, top + 36), (CX + side * 34, top + 4)], iterations=1)
        body.polygon(collar, P.JACK_COAT if side < 0 else P.JACK_COAT_SHADE)
        lapel = [(CX + side * 34, top + 4), (CX + side * 58, top + 36), (CX + side * 92, top + 28), (CX + side * 80, top + 110),
                 (CX + side * 68, H), (CX + side * 54, H), (CX + side * 36, top + 40)]
        body.polygon(lapel, mix(P.JACK_COAT, P.JACK_COAT_SHADE, 0.3 if side < 0 else 0.8))
        body.line([(CX + side * 58, top + 36), (CX + side * 92, top + 28)], 1.6, with_alpha(P.HUB_DEEP, 0.6))
        body.line(rounded([(CX + side * (s - 30), top + 50), (CX + side * (s - 34), top + 160), (CX + side * (s - 30), H)],
                          closed=False), 2.5, with_alpha(P.HUB_DEEP, 0.55))
        for y in (top + 160, top + 230):
            body.circle((CX + side * 86, y), 5, P.JACK_COAT_SHADE)
            body.circle((CX + side * 86 - 1, y - 1), 2.5, with_alpha(P.HUB_STEEL_LIGHT, 0.6))
    body.line(rounded([(CX - 26, top - 40), (CX - 66, top - 34), (CX - 96, top + 20)], closed=False), 2.2,
              with_alpha(P.RIM_WARM, 0.5))
    side_light(body, top, s)
    if arms_crossed:
        crossed_arms(body, top, s, coat, P.JACK_COAT, P.JACK_COAT_SHADE, JACK)
    c.paste(body)


def crossed_arms(c: Canvas, top: float, s: float, coat: Paint, sleeve: tuple, shade: tuple, b: Build) -> None:
    """Forearms folded across the chest in the coat's sleeves: the right hand on the left arm, the left hand tucked."""
    lit, dark = mix(sleeve, P.RIM_WARM, 0.1), mix(sleeve, shade, 0.6)
    elbow_l, elbow_r = (CX - s + 10, top + 196), (CX + s - 8, top + 192)
    upper_l = [(CX - s + 38, top + 52), (CX - s + 20, top + 124), elbow_l]
    upper_r = [(CX + s - 36, top + 52), (CX + s - 18, top + 120), elbow_r]
    under = [(elbow_r[0] - 2, elbow_r[1] + 22), (CX + 50, top + 182), (CX - 70, top + 148), (CX - s + 50, top + 136)]
    over = [(elbow_l[0] - 2, elbow_l[1] + 8), (CX - 40, top + 186), (CX + 60, top + 160), (CX + s - 30, top + 136)]
    over_w, under_w = [60, 58, 54, 50], [54, 52, 48, 44]

    def shadow(spine: list, widths: list, dx: float, dy: float, strength: float) -> None:
        c.polygon(ribbon([(x + dx, y + dy) for x, y in spine], widths), with_alpha(P.HUB_DEEP, strength), soften=7, clip=True)

    def edge(spine: list, widths: list, side: int, width: float, colour: tuple, alpha: float, *, clip: bool = False) -> None:
        c.line(rounded([(x, y + side * (w / 2 - 1.5)) for (x, y), w in zip(spine, widths)], closed=False), width,
               with_alpha(colour, alpha), clip=clip)

    # The upper arms hang close at the sides in the coat's own light, the elbows pushed a little out.
    c.polygon(ribbon(upper_l, [66, 64, 58]), coat)
    c.line(rounded([(CX - s + 14, top + 30), (CX - s + 48, top + 26), (CX - s + 70, top + 60)], closed=False), 1.8,
           with_alpha(P.HUB_DEEP, 0.45))
    c.line(rounded([(x - w / 2 + 1.5, y) for (x, y), w in zip(upper_l, [66, 64, 58])], closed=False), 2.6,
           with_alpha(P.RIM_WARM, 0.42), clip=True)
    c.line(rounded([(CX - s + 70, top + 64), (CX - s + 54, top + 150), (CX - s + 40, top + 184)], closed=False), 2.2,
           with_alpha(P.HUB_DEEP, 0.55))
    # The right forearm goes under, rising to grip the left arm above the elbow.
    shadow(under, under_w, 0, 12, 0.45)
    c.polygon(ribbon(under, under_w), linear((0, top + 112), (0, top + 200),
                                              [(0, mix(sleeve, P.RIM_WARM, 0.04)), (0.6, dark), (1, shade)]))
    edge(under, under_w, -1, 1.8, P.RIM_WARM, 0.2)
    wrist = under[-1]
    c.line([(wrist[0] + 14, wrist[1] - 21), (wrist[0] + 12, wrist[1] + 21)], 1.6, with_alpha(P.HUB_DEEP, 0.5))
    c.polygon(ribbon([(wrist[0] + 2, wrist[1]), (wrist[0] - 5, wrist[1])], [36, 34], iterations=2),
              mix(P.JACK_SHIRT_SHADE, sleeve, 0.3))
    hand = rounded([(wrist[0] - 2, wrist[1] - 17), (wrist[0] - 26, wrist[1] - 19), (wrist[0] - 50, wrist[1] - 10),
                    (wrist[0] - 54, wrist[1] + 6), (wrist[0] - 44, wrist[1] + 16), (wrist[0] - 2, wrist[1] + 15)],
                   iterations=2)
    c.polygon(hand, linear((wrist[0] - 54, wrist[1] - 18), (wrist[0], wrist[1] + 16),
                           [(0, mix(b.skin, P.RIM_WARM, 0.3)), (0.6, b.skin), (1, b.skin_shade)]))
    for k in range(3):
        fy = wrist[1] - 8 + k * 8
        c.line(rounded([(wrist[0] - 24, fy - 1), (wrist[0] - 40, fy), (wrist[0] - 52, fy + 3)], closed=False, iterations=2),
               1.2, with_alpha(b.skin_shade, 0.85))
    c.line(rounded([(wrist[0] - 6, wrist[1] - 16), (wrist[0] - 30, wrist[1] - 18), (wrist[0] - 50, wrist[1] - 9)],
                   closed=False, iterations=2), 1.6, with_alpha(P.RIM_WARM, 0.5))
    # The left forearm lies over it, its hand tucked away under the right arm.
    shadow(over, over_w, 2, 14, 0.5)
    c.polygon(ribbon(over, over_w), linear((0, top + 142), (0, top + 218), [(0, lit), (0.5, sleeve), (1, dark)]))
    edge(over, over_w, -1, 2.4, P.RIM_WARM, 0.3)
    edge(over, over_w, 1, 1.8, P.HUB_DEEP, 0.5)
    for x, y in ((CX - s + 44, top + 188), (CX - s + 60, top + 194)):
        c.arc((x, y), (10, 18), 250, 320, 1.6, with_alpha(P.HUB_DEEP, 0.5))
    c.line(rounded([(CX - 30, top + 200), (CX + 30, top + 188), (CX + 90, top + 172)], closed=False), 1.6,
           with_alpha(P.HUB_DEEP, 0.3))
    # The right upper arm, last, closes over the tucked hand.
    shadow(upper_r[1:], [58, 54], -6, 4, 0.4)
    c.polygon(ribbon(upper_r, [64, 62, 58]), coat)
    c.line(rounded([(CX + s - 14, top + 30), (CX + s - 48, top + 26), (CX + s - 70, top + 60)], closed=False), 1.8,
           with_alpha(P.HUB_DEEP, 0.5))
    c.line(rounded([(CX + s - 66, top + 64), (CX + s - 52, top + 140), (CX + s - 40, top + 180)], closed=False), 2.2,
           with_alpha(P.HUB_DEEP, 0.6))
    for y in (top + 172, top + 184):
        c.arc((elbow_r[0] - 6, y), (16, 6), 200, 330, 1.5, with_alpha(P.HUB_DEEP, 0.45))
    c.polygon([(CX - s, top + 232), (CX + s, top + 222), (CX + s + 10, H), (CX - s - 10, H)], with_alpha(P.HUB_DEEP, 0.3),
              soften=14, clip=True)


def ianto_body(c: Canvas) -> None:
    """A three-piece suit: jacket, waistcoat, shirt and tie."""
    s = IANTO.shoulders
    top = 210
    body = c.layer()
    body.polygon(torso(top, s, 34), linear((CX - s, 0), (CX + s, 0), [(0, mix(P.IANTO_SUIT, P.RIM_WARM, 0.12)),
                                                                     (0.45, P.IANTO_SUIT), (1, P.IANTO_SUIT_SHADE)]))
    body.polygon([(CX - 28, top - 14), (CX + 28, top - 14), (CX + 50, top + 60), (CX - 50, top + 60)], P.IANTO_SHIRT)
    body.polygon([(CX - 44, top + 40), (CX, top + 124), (CX + 44, top + 40), (CX + 60, H), (CX - 60, H)],
                 linear((CX - 60, 0), (CX + 60, 0), [(0, mix(P.IANTO_WAISTCOAT, P.RIM_WARM, 0.1)), (1, P.IANTO_SUIT_SHADE)]))
    for i in range(3):
        body.circle((CX + 3, top + 150 + i * 40), 3, P.IANTO_SUIT_SHADE)
    for side in (-1, 1):
        body.polygon([(CX + side * 3, top - 20), (CX + side * 26, top - 8), (CX + side * 28, top + 16), (CX + side * 3, top + 4)],
                     P.IANTO_SHIRT if side < 0 else P.IANTO_SHIRT_SHADE)
    body.polygon([(CX - 9, top - 2), (CX + 9, top - 2), (CX + 6, top + 12), (CX - 6, top + 12)], P.IANTO_TIE)
    body.polygon([(CX - 6, top + 12), (CX + 6, top + 12), (CX + 13, top + 120), (CX, top + 132), (CX - 13, top + 120)],
                 linear((CX - 12, 0), (CX + 12, 0), [(0, mix(P.IANTO_TIE, P.RIM_WARM, 0.25)), (1, P.IANTO_TIE)]))
    for side in (-1, 1):
        lapel = [(CX + side * 28, top - 14), (CX + side * 40, top - 10), (CX + side * 74, top + 50), (CX + side * 54, top + 70),
                 (CX + side * 68, top + 86), (CX + side * 44, top + 190), (CX + side * 28, top + 60)]
        body.polygon(lapel, mix(P.IANTO_SUIT, P.IANTO_SUIT_SHADE, 0.2 if side < 0 else 0.8))
        body.line([(CX + side * 74, top + 50), (CX + side * 54, top + 70)], 1.4, with_alpha(P.HUB_DEEP, 0.7))
        body.line(rounded([(CX + side * (s - 26), top + 50), (CX + side * (s - 30), top + 160), (CX + side * (s - 26), H)],
                          closed=False), 2.2, with_alpha(P.HUB_DEEP, 0.5))
    body.polygon([(CX + 78, top + 84), (CX + 102, top + 82), (CX + 102, top + 88), (CX + 78, top + 90)],
                 with_alpha(P.HUB_DEEP, 0.6))
    body.polygon([(CX + 80, top + 78), (CX + 94, top + 76), (CX + 96, top + 84), (CX + 82, top + 85)],
                 mix(P.IANTO_SHIRT, P.IANTO_SUIT, 0.4))
    side_light(body, top, s)
    c.paste(body)


def ianto_from_behind(c: Canvas) -> None:
    """Ianto turned three-quarters away toward the door on the left: the suit's back, his left arm along his side."""
    s = IANTO.shoulders
    top = 212
    body = c.layer()
    back = [(CX - 26, top - 16), (CX + 34, top - 18), (CX + 80, top + 2), (CX + s - 34, top + 30), (CX + s - 26, top + 96),
            (CX + s - 20, H + 40), (CX - s + 34, H + 40), (CX - s + 30, top + 90), (CX - s + 40, top + 26), (CX - 72, top)]
    body.polygon(rounded(back), linear((CX - s, 0), (CX + s, 0), [(0, mix(P.IANTO_SUIT, P.RIM_WARM, 0.1)),
                                                                  (0.45, P.IANTO_SUIT), (1, P.IANTO_SUIT_SHADE)]))
    # Shoulder blades, the centre seam (turned off centre) and the far arm behind the back.
    body.line(rounded([(CX + 34, top - 6), (CX + 40, top + 120), (CX + 46, H)], closed=False), 2, with_alpha(P.HUB_DEEP, 0.55))
    body.polygon(rounded([(CX + s - 44, top + 40), (CX + s - 26, top + 96), (CX + s - 20, H + 40), (CX + s - 46, H + 40),
                          (CX + s - 52, top + 120)]), with_alpha(P.IANTO_SUIT_SHADE, 0.85), soften=2, clip=True)
    body.line(rounded([(CX + s - 46, top + 44), (CX + s - 52, top + 150), (CX + s - 46, H)], closed=False), 1.8,
              with_alpha(P.HUB_DEEP, 0.6))
    for dx, y0, y1 in ((-40, 60, 150), (60, 70, 170)):
        body.line(rounded([(CX + dx, top + y0), (CX + dx * 1.2 + 10, top + (y0 + y1) / 2), (CX + dx * 1.1 + 20, top + y1)],
                          closed=False), 1.4, with_alpha(P.HUB_DEEP, 0.3))
    # His left arm, the near one, hanging along his side toward the door.
    arm = [(CX - s + 66, top + 30), (CX - s + 52, top + 140), (CX - s + 50, top + 230), (CX - s + 56, H + 20)]
    body.polygon(ribbon([(x + 12, y + 4) for x, y in arm], [60, 58, 56, 54]), with_alpha(P.HUB_DEEP, 0.45), soften=8,
                 clip=True)
    body.polygon(ribbon(arm, [68, 62, 58, 56]),
                 linear((CX - s + 20, 0), (CX - s + 86, 0), [(0, mix(P.IANTO_SUIT, P.RIM_WARM, 0.16)), (0.5, P.IANTO_SUIT),
                                                             (1, mix(P.IANTO_SUIT, P.IANTO_SUIT_SHADE, 0.6))]))
    body.line(rounded([(CX - s + 44, top + 6), (CX - s + 82, top + 4), (CX - s + 96, top + 50)], closed=False), 1.6,
              with_alpha(P.HUB_DEEP, 0.5), clip=True)
    body.line(rounded([(x + w / 2 - 1, y) for (x, y), w in zip(arm, [68, 62, 58, 56])], closed=False), 1.8,
              with_alpha(P.HUB_DEEP, 0.6))
    for y in (top + 200, top + 214):
        body.arc((CX - s + 56, y), (16, 6), 200, 320, 1.4, with_alpha(P.HUB_DEEP, 0.45))
    # The collar: jacket collar band round the neck, a line of white shirt collar above it.
    body.polygon(rounded([(CX - 50, top - 18), (CX - 22, top - 38), (CX + 30, top - 40), (CX + 48, top - 24),
                          (CX + 40, top - 12), (CX - 20, top - 18), (CX - 48, top - 4)], iterations=2), P.IANTO_SHIRT)
    body.polygon(rounded([(CX - 64, top - 8), (CX - 24, top - 28), (CX + 32, top - 30), (CX + 60, top - 8),
                          (CX + 60, top + 12), (CX + 30, top + 2), (CX - 20, top + 2), (CX - 60, top + 16)], iterations=2),
                 linear((CX - 66, 0), (CX + 60, 0), [(0, mix(P.IANTO_SUIT, P.RIM_WARM, 0.12)), (1, P.IANTO_SUIT_SHADE)]))
    body.polygon([(CX - 40, top + 10), (CX + 50, top + 10), (CX + 60, top + 40), (CX - 40, top + 40)],
                 with_alpha(P.HUB_DEEP, 0.3), soften=8, clip=True)
    body.polygon([(CX + 40, top + 30), (CX + s + 10, top + 30), (CX + s + 10, H), (CX + 60, H)],
                 with_alpha(P.HUB_DEEP, 0.22), soften=20, clip=True)
    side_light(body, top, s - 8)
    body.line(rounded([(x - w / 2 + 1.5, y) for (x, y), w in zip(arm, [68, 62, 58, 56])], closed=False), 2.6,
              with_alpha(P.RIM_WARM, 0.45), clip=True)
    c.paste(body)


def ianto_turned_head(c: Canvas, cy: float) -> None:
    """The back of Ianto's head, turned to the left: his left ear, a sliver of cheek and jaw, the nape."""
    b = IANTO
    part = c.layer()
    part.polygon(rounded([(CX - 20, cy + 40), (CX + 28, cy + 26), (CX + 34, cy + 100), (CX - 30, cy + 100)], iterations=2),
                 linear((CX - 30, 0), (CX + 34, 0), [(0, mix(b.skin, b.skin_shade, 0.4)), (1, mix(b.skin_shade, P.HUB_DEEP, 0.2))]))
    outline = [(CX - 36, cy - 50), (CX - 44, cy - 20), (CX - 47, cy + 6), (CX - 44, cy + 28), (CX - 37, cy + 46),
               (CX - 27, cy + 56), (CX - 14, cy + 50), (CX - 2, cy + 40), (CX + 36, cy + 34), (CX + 56, cy + 4),
               (CX + 60, cy - 30), (CX + 44, cy - 66), (CX + 10, cy - 80), (CX - 20, cy - 74)]
    part.polygon(rounded(outline, iterations=2), b.skin)
    part.polygon([(CX - 30, cy + 54), (CX - 2, cy + 40), (CX + 40, cy + 30), (CX + 44, cy + 80), (CX - 30, cy + 80)],
                 with_alpha(b.skin_shade, 0.8), soften=4, clip=True)
    part.polygon([(CX - 24, cy - 40), (CX + 60, cy - 40), (CX + 60, cy + 50), (CX - 6, cy + 44), (CX - 22, cy + 10)],
                 with_alpha(b.skin_shade, 0.45), soften=6, clip=True)
    part.line(rounded([(CX - 41, cy - 30), (CX - 47, cy + 4), (CX - 45, cy + 28), (CX - 38, cy + 46), (CX - 27, cy + 56)],
                      closed=False), 2.6, with_alpha(P.RIM_WARM, 0.55), clip=True)
    part.line([(CX - 43, cy - 26), (CX - 49, cy - 22)], 1.6, P.BROW_LINE)
    ianto_hair(part, cy, from_behind=True)
    ear = rounded([(CX - 12, cy - 8), (CX + 4, cy - 10), (CX + 10, cy + 6), (CX + 4, cy + 26), (CX - 8, cy + 30),
                   (CX - 14, cy + 10)], iterations=2)
    part.polygon(ear, linear((CX - 14, 0), (CX + 10, 0), [(0, mix(b.skin, P.RIM_WARM, 0.2)), (1, b.skin_shade)]))
    part.arc((CX - 3, cy + 9), (6, 12), 150, 400, 1.6, with_alpha(mix(b.skin_shade, P.LIP, 0.3), 0.9))
    part.ellipse((CX - 5, cy + 3, CX + 3, cy + 16), with_alpha(b.skin_shade, 0.75))
    c.paste(part)


# -- whole sprites -------------------------------------------------------------------------------
def finish(c: Canvas) -> Image.Image:
    """Final touch shared by every sprite, then the downscale."""
    c.fill(vertical(380, H, [(0, with_alpha(P.HUB_DEEP, 0.0)), (1, with_alpha(P.HUB_DEEP, 0.35))]), clip=True)
    return c.image(transparent=True)


def jack(expression: str) -> Image.Image:
    """Jack, waist up, in one of his expressions."""
    face = EXPRESSIONS["jack"][expression]
    c = Canvas(W, H, scale=SCALE)
    bowed = expression == "down"
    cy = JACK.head_y + (22 if bowed else 0)
    jack_body(c, arms_crossed=expression == "guarded", hunch=6 if bowed else 0)
    head(c, JACK, face, cy=cy, bowed=bowed)
    jack_hair(c, cy, bowed=bowed)
    return finish(c)


def ianto(expression: str) -> Image.Image:
    """Ianto, waist up, in one of his expressions (or turned away to leave)."""
    c = Canvas(W, H, scale=SCALE)
    cy = IANTO.head_y
    if expression == "leaving":
        ianto_from_behind(c)
        ianto_turned_head(c, cy)
        return finish(c)
    ianto_body(c)
    head(c, IANTO, EXPRESSIONS["ianto"][expression], cy=cy)
    ianto_hair(c, cy)
    return finish(c)


def sprites() -> dict[str, Callable[[], Image.Image]]:
    """Every sprite by 'character/expression', as functions that draw it."""
    makers = {"jack": jack, "ianto": ianto}
    return {f"{who}/{what}": (lambda who=who, what=what: makers[who](what))
            for who, faces in EXPRESSIONS.items() for what in faces}
