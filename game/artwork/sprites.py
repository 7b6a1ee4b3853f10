"""The character sprites: Jack and Ianto, head and shoulders, one picture per expression or pose.

A sprite is a `Build` (the man: proportions, colours, clothes) in a `Look`: a
`Face` (brows, lids, gaze, mouth) and a `Pose` (head tilt and turn, shoulders,
seated or standing). Faces are modelled, not outlined: every surface is filled
by `drawing.model`, which shades a shape by how its soft edges face the lamp
(warm, from the upper left), and the features are laid on as soft darks and
lights. Heads sit in the top 360 px because the text box covers the bottom.

Besides the front views there are a few staged poses the story asks for: Jack
at the window seen from behind, Ianto turning to the door in profile, and two
pictures of both men (`ianto/collar`, `jack/together`) for the moments they
are too close to stand at two separate places on the stage.

Blinks: every sprite whose eyes are open also has `<expression>_blink1.png`
(lids half down) and `<expression>_blink2.png` (closed); the stage shows
1, 2, 1 for a blink.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from PIL import Image

from game.artwork import palette as P
from game.artwork.backgrounds import (
    BOTTLE_X,
    CHAIR_TOP,
    DESK_TOP,
    bottle,
    glass_place,
    tumbler,
)
from game.artwork.drawing import (
    Canvas,
    Point,
    linear,
    mix,
    model,
    radial,
    ribbon,
    rotate_layer,
    rounded,
    vertical,
    with_alpha,
)

W, H = 520, 640
SCALE = 2
CX = W / 2
LAMP = (-0.62, -0.5, 0.8)  # the desk lamp: warm, from the upper left
BLINKS = {"blink1": 0.42, "blink2": 0.0}  # frame suffix -> how open the eyes are
# A seated man sits behind the office desk, in its chair: the sprite stops at the desk's top edge (the background's
# desk is in front of him) and his chair is the one the background draws. Sprites stand on the 720-high stage's
# foot, so a sprite's y is the stage's y - 80.
DESK_LINE = DESK_TOP - 80
SEAT_TOP = CHAIR_TOP - 80
CENTRE_X = 640  # the stage's `centre`, where the pictures of both men are shown
SEAT_DROP = 0  # how much lower a seated man's head is than a standing one's


@dataclass(frozen=True)
class Build:
    """One man's proportions and colours."""

    name: str
    u: float  # half the face's width: every head measure is a multiple of it
    eye_y: float  # the eye line when standing
    jaw: float  # width of the jaw's corner, in u
    chin: float  # half width of the chin, in u
    shoulders: float  # half the shoulder width, px
    skin: tuple[tuple, tuple, tuple, tuple]  # light, base, shade, deep
    lip: tuple
    hair: tuple
    eyes: tuple
    brow: float  # brow thickness, in u


JACK = Build("jack", 66, 188, 0.8, 0.44, 176, (P.JACK_SKIN_LIGHT, P.JACK_SKIN, P.JACK_SKIN_SHADE, P.JACK_SKIN_DEEP),
             P.JACK_LIP, P.JACK_HAIR, P.JACK_EYES, 0.13)
IANTO = Build("ianto", 60, 196, 0.66, 0.26, 140, (P.IANTO_SKIN_LIGHT, P.IANTO_SKIN, P.IANTO_SKIN_SHADE, P.IANTO_SKIN_DEEP),
              P.IANTO_LIP, P.IANTO_HAIR, P.IANTO_EYES, 0.1)
BUILDS = {"jack": JACK, "ianto": IANTO}


@dataclass(frozen=True)
class Face:
    """An expression: brows, lids, gaze and mouth."""

    brow_inner: float = 0.0  # + raises the inner ends (worry), - knits them down (frown)
    brow_outer: float = 0.0  # + raises the outer ends
    brow_lift: float = 0.0  # both brows up (+) or down
    open: float = 1.0  # upper lids: 1 open, 0 shut
    lower: float = 0.0  # lower lids pushed up (a real smile, or holding back tears)
    look: Point = (0.0, 0.0)  # gaze, -1..1 each way
    smile: float = 0.0  # + corners up, - down
    asym: float = 0.0  # extra lift of the right corner only (a crooked, one-sided smile)
    mouth_open: float = 0.0
    mouth_width: float = 1.0
    teeth: bool = False
    press: float = 0.0  # lips pressed thin
    tears: float = 0.0  # 0 none, 0.5 wet eyes, 1 running
    flush: float = 0.0  # reddened eyes, nose and cheeks
    closed: bool = False  # eyes shut


@dataclass(frozen=True)
class Pose:
    """The whole figure: how the head sits on the shoulders."""

    tilt: float = 0.0  # degrees, + tips the head toward the viewer's left
    turn: float = 0.0  # -1..1, + turns the face toward the viewer's right
    drop: float = 0.0  # head lowered (bowed, slumped), px
    shrug: float = 0.0  # shoulders raised (tension, +) or dropped (-), px
    lean: float = 0.0  # head shifted sideways, px
    seated: bool = False
    arms_crossed: bool = False
    pitch: float = 0.0  # the face tipped down (+): the features slide down the head, more brow, less chin


@dataclass(frozen=True)
class Look:
    face: Face = field(default_factory=Face)
    pose: Pose = field(default_factory=Pose)


SEATED = Pose(seated=True)
LOOKS: dict[str, dict[str, Look]] = {
    "jack": {
        "neutral": Look(Face(smile=0.05, look=(-0.1, 0))),
        # The public smile, the one he wears for strangers: crooked, chin up, a little too bright.
        "smile": Look(Face(brow_lift=2.5, brow_outer=1, smile=1.0, asym=0.35, mouth_open=0.4, teeth=True, lower=0.3,
                           mouth_width=1.1, look=(-0.2, 0)), Pose(tilt=-3, turn=-0.12, drop=-4, shrug=-3)),
        # For Now: small, afraid, the worry still in the brows and the eyes wet.
        "small_smile": Look(Face(brow_inner=5, brow_outer=-1, open=0.82, smile=0.35, asym=0.15, press=0.5, tears=0.5,
                                 look=(0.4, 0.45), flush=0.25, lower=0.2), Pose(tilt=4, turn=0.18, drop=6, shrug=2)),
        "sad": Look(Face(brow_inner=6, brow_outer=-3, open=0.7, look=(0.1, 0.9), smile=-0.45), Pose(tilt=3, drop=8, shrug=-8)),
        # Struck: brows drawn up and together, eyes wide, the mouth fallen open and pulled down.
        "hurt": Look(Face(brow_inner=11, brow_outer=-4, brow_lift=2, open=1.18, lower=0.25, smile=-0.75, mouth_open=0.45,
                          mouth_width=0.9, flush=0.35, look=(0.35, 0.1)), Pose(tilt=-3, drop=-5, shrug=10)),
        "tearful": Look(Face(brow_inner=10, brow_outer=-4, open=0.64, look=(0.2, 0.6), smile=-0.7, mouth_open=0.12,
                             tears=1.0, flush=0.7, lower=0.35), Pose(tilt=5, turn=0.1, drop=8, shrug=4)),
        "guarded": Look(Face(brow_inner=-5, brow_outer=1, brow_lift=-2.5, open=0.62, look=(-0.9, 0.1), smile=-0.1,
                             press=0.7, mouth_width=0.9), Pose(tilt=-1.5, turn=-0.32, drop=-2, shrug=6,
                                                                                       arms_crossed=True)),
        # Head bowed, eyes lowered to the floor but open: the lids low over a downward gaze.
        "down": Look(Face(brow_inner=8, brow_outer=-3, open=0.4, look=(0.15, 1.0), smile=-0.45, press=0.3, flush=0.2),
                     Pose(tilt=6, turn=0.1, drop=22, shrug=-10, pitch=1.0)),
        # Alone in the chair afterwards (Alone Again).
        "seated_down": Look(Face(brow_inner=7, brow_outer=-3, open=0.4, look=(0.2, 1.0), smile=-0.4, flush=0.2),
                            Pose(tilt=5, turn=0.15, drop=18, shrug=-12, seated=True, pitch=1.0)),
        "seated_sad": Look(Face(brow_inner=6, brow_outer=-3, open=0.62, look=(-0.6, 0.7), smile=-0.35, press=0.4, tears=0.5),
                           Pose(tilt=-3, turn=-0.2, drop=6, shrug=-10, seated=True)),
    },
    "ianto": {
        "neutral": Look(Face(look=(-0.1, 0))),
        "smile": Look(Face(brow_lift=2, brow_inner=1, smile=0.7, lower=0.35, look=(-0.45, 0)), Pose(tilt=-3, turn=-0.1)),
        "sad": Look(Face(brow_inner=6, brow_outer=-2, open=0.66, look=(-0.1, 0.9), smile=-0.35, press=0.4),
                    Pose(tilt=3, drop=6, shrug=-6)),
        "hurt": Look(Face(brow_inner=10, brow_outer=-3, open=1.12, lower=0.2, look=(-0.4, 0.2), smile=-0.65, mouth_open=0.35,
                          mouth_width=0.9, flush=0.3), Pose(tilt=-2, drop=-3, shrug=8)),
        "tearful": Look(Face(brow_inner=9, brow_outer=-3, open=0.7, lower=0.4, look=(-0.5, 0.4), smile=-0.5, press=0.5,
                             tears=1.0, flush=0.6), Pose(tilt=-3, turn=-0.15, shrug=3)),
        # In the chair by the desk, waistcoat and shirtsleeves, jacket over the chair's back.
        "seated": Look(Face(brow_inner=3, open=0.85, look=(-0.3, 0.2), press=0.3), Pose(tilt=1, turn=-0.1, seated=True)),
        "seated_smile": Look(Face(brow_lift=2.5, brow_inner=1, brow_outer=1, smile=1.05, lower=0.45, mouth_open=0.55, teeth=True,
                                  mouth_width=1.08, look=(-0.55, -0.1)),
                             Pose(tilt=-4, turn=-0.15, seated=True)),
        # The smile let go of: everything it held up falls (see seated_smile), the eyes left wide and searching.
        "seated_hurt": Look(Face(brow_inner=10, brow_outer=-3, open=1.12, lower=0.15, look=(-0.5, 0.1), smile=-0.6, mouth_open=0.3,
                                 mouth_width=0.9, flush=0.3), Pose(tilt=1, turn=-0.15, drop=3, shrug=7, seated=True)),
        "seated_tearful": Look(Face(brow_inner=9, brow_outer=-3, open=0.7, lower=0.4, look=(-0.6, 0.35), smile=-0.45,
                                    press=0.5, tears=1.0, flush=0.6), Pose(tilt=-2, turn=-0.2, shrug=3, seated=True)),
        "seated_sad": Look(Face(brow_inner=6, brow_outer=-2, open=0.6, look=(0.0, 1.0), smile=-0.3, press=0.5, flush=0.3),
                           Pose(tilt=3, drop=8, shrug=-6, seated=True)),
    },
}
# The staged poses that are not a front view, each drawn by its own function below.
STAGED = {"jack": ("window", "sleeve", "together"), "ianto": ("leaving", "collar")}
STILL = {"jack/window"}  # no eyes to blink


# -- the head ------------------------------------------------------------------------------------
def skin_stops(b: Build) -> list[tuple[float, tuple]]:
    """Skin from its deepest shadow to the lamp-lit highlight, warmed by the lamp."""
    light, base, shade, deep = b.skin
    light, base = mix(light, P.AMBER_PALE, 0.18), mix(base, P.AMBER, 0.05)
    return [(0.0, mix(deep, shade, 0.55)), (0.35, shade), (0.62, base), (0.86, mix(base, light, 0.6)), (1.0, light)]


def face_outline(b: Build, hx: float, hy: float, turn: float) -> list[Point]:
    """Skull, cheeks, jaw and chin as one closed outline; the far side narrows as the face turns."""
    u = b.u
    top = [(math.cos(a) * 0.96, -0.3 + math.sin(a) * 1.08) for a in [math.pi + i * math.pi / 16 for i in range(17)]]
    right = [(0.96, 0.0), (0.9, 0.38), (b.jaw + 0.04, 0.94), (b.jaw - 0.04, 1.12), (b.chin + 0.1, 1.4), (b.chin * 0.6, 1.48)]
    left = [(-x, y) for x, y in reversed(right)]
    points = []
    for x, y in top + right + left:
        x *= 1 - 0.12 * turn if x > 0 else 1 + 0.12 * turn
        points.append((hx + (x + turn * 0.05) * u, hy + y * u))
    return rounded(points, iterations=2)


def head(c: Canvas, b: Build, look: Look, hx: float, hy: float, eyes: float) -> None:
    """The head on its own layer (ears, modelled face, features, hair), tilted about the top of the neck."""
    u, face, pose = b.u, look.face, look.pose
    part = c.layer()
    for side in (-1, 1):
        ex = hx + side * u * (0.9 - 0.1 * pose.turn * side)
        ear = rounded([(ex, hy - 0.08 * u), (ex + side * 0.17 * u, hy - 0.14 * u), (ex + side * 0.21 * u, hy + 0.12 * u),
                       (ex + side * 0.11 * u, hy + 0.46 * u), (ex - side * 0.02 * u, hy + 0.5 * u)], iterations=2)
        model(part, ear, skin_stops(b), depth=0.12 * u, light=LAMP)
        part.arc((ex + side * 0.08 * u, hy + 0.16 * u), (0.055 * u, 0.18 * u), 0, 360, 0.04 * u,
                 with_alpha(b.skin[3], 0.45), soften=0.02 * u)
    model(part, face_outline(b, hx, hy, pose.turn), skin_stops(b), depth=0.55 * u, light=LAMP)
    fx = hx + pose.turn * 0.17 * u
    # The head as a whole turns away from the lamp: darker toward the lower right.
    part.rect((hx - 1.6 * u, hy - 1.9 * u, hx + 1.6 * u, hy + 1.7 * u), radial((fx - 0.6 * u, hy - 0.5 * u), (2.0 * u, 2.2 * u),
                     [(0, with_alpha(b.skin[3], 0.0)), (0.3, with_alpha(b.skin[3], 0.0)), (0.62, with_alpha(b.skin[3], 0.42)),
                      (1, with_alpha(b.skin[3], 0.9))]),
              clip=True)
    part.glow((fx - 0.55 * u, hy - 0.1 * u), (0.9 * u, 1.2 * u), P.AMBER_PALE, strength=0.22, mode="over", clip=True)
    fy = hy + pose.pitch * 0.12 * u
    modelling(part, b, face, fx, fy)
    features(part, b, face, pose, fx, fy, eyes)
    hair = part.layer()
    (jack_hair if b is JACK else ianto_hair)(hair, hx, hy, pose.turn)
    part.paste(hair)
    rotate_layer(part, pose.tilt, (hx, hy + 1.3 * u))
    c.paste(part)


def modelling(c: Canvas, b: Build, face: Face, fx: float, hy: float) -> None:
    """The soft darks and lights that give the face its planes: sockets, cheekbones, nose, jaw."""
    u = b.u
    light, base, shade, deep = b.skin
    for side in (-1, 1):
        c.ellipse((fx + side * 0.4 * u - 0.27 * u, hy - 0.3 * u, fx + side * 0.4 * u + 0.27 * u, hy + 0.2 * u),
                  with_alpha(shade, 0.45 if side > 0 else 0.3), soften=0.1 * u, clip=True)
        c.ellipse((fx + side * 0.55 * u - 0.2 * u, hy + 0.32 * u, fx + side * 0.55 * u + 0.2 * u, hy + 0.5 * u),
                  with_alpha(light if side < 0 else shade, 0.3), soften=0.1 * u, clip=True)
    for side in (-1, 1):
        c.line([(fx + side * 0.82 * u, hy + 0.42 * u), (fx + side * 0.5 * u, hy + 0.72 * u)], 0.16 * u,
               with_alpha(shade, 0.3 if side < 0 else 0.45), soften=0.1 * u, clip=True)
    if b is JACK:
        c.polygon(rounded([(fx - 0.8 * u, hy + 0.72 * u), (fx - 0.32 * u, hy + 0.68 * u), (fx, hy + 0.74 * u), (fx + 0.32 * u, hy + 0.68 * u),
                           (fx + 0.8 * u, hy + 0.72 * u), (fx + 0.7 * u, hy + 1.2 * u), (fx, hy + 1.6 * u), (fx - 0.7 * u, hy + 1.2 * u)],
                          iterations=2), with_alpha(mix(deep, (0.25, 0.3, 0.38), 0.5), 0.1), soften=0.08 * u, clip=True)
    # The shadow side of the face, away from the lamp, and the jaw turning under.
    c.polygon([(fx + 0.45 * u, hy - 1.4 * u), (fx + 1.3 * u, hy - 1.4 * u), (fx + 1.3 * u, hy + 1.5 * u),
               (fx + 0.2 * u, hy + 1.5 * u), (fx + 0.62 * u, hy + 0.6 * u)], with_alpha(deep, 0.38), soften=0.22 * u, clip=True)
    c.ellipse((fx - 0.7 * u, hy + 1.05 * u, fx + 0.8 * u, hy + 1.6 * u), with_alpha(shade, 0.35), soften=0.12 * u, clip=True)
    c.ellipse((fx - 0.3 * u, hy - 0.95 * u, fx + 0.2 * u, hy - 0.45 * u), with_alpha(light, 0.25), soften=0.15 * u, clip=True)
    if face.flush:
        for side in (-1, 1):
            c.glow((fx + side * 0.48 * u, hy + 0.4 * u), (0.3 * u, 0.18 * u), (0.86, 0.36, 0.34), strength=0.3 * face.flush,
                   mode="over", clip=True)
        c.glow((fx + 0.03 * u, hy + 0.45 * u), (0.14 * u, 0.1 * u), (0.86, 0.36, 0.34), strength=0.25 * face.flush,
               mode="over", clip=True)


def features(c: Canvas, b: Build, face: Face, pose: Pose, fx: float, hy: float, eyes: float) -> None:
    """Eyes, brows, nose and mouth for one expression; `eyes` scales how open the lids are (for blinks)."""
    u = b.u
    for side in (-1, 1):
        far = 1 - 0.14 * max(0.0, side * pose.turn)
        centre = (fx + side * 0.4 * u * far, hy)
        eye(c, b, face, centre, side, far, eyes)
        brow(c, b, face, (centre[0], hy - 0.34 * u), side, far)
    if face.brow_inner >= 6:
        worry(c, b, face, fx, hy - 0.34 * u)
    nose(c, b, fx, hy, pose.turn)
    mouth(c, b, face, fx, hy + 0.92 * u)
    if face.smile <= -0.4:
        chin(c, b, face, fx, hy + 0.92 * u)


def worry(c: Canvas, b: Build, face: Face, fx: float, by: float) -> None:
    """The brows' inner ends pulled up and together: two short creases between them and the forehead's
    middle lines, which carry grief at any size."""
    u = b.u
    strength = min(1.0, (face.brow_inner - 4) / 6)
    lift = face.brow_lift + face.brow_inner * 0.9
    for side in (-1, 1):
        c.line(_curve((fx + side * 0.09 * u, by - lift - 0.02 * u), (fx + side * 0.06 * u, by - lift + 0.1 * u),
                      (fx + side * 0.1 * u, by - lift + 0.2 * u), 6), 0.03 * u, with_alpha(b.skin[3], 0.45 * strength),
               soften=0.015 * u)
    for k in range(2):
        y = by - lift - (0.22 + 0.13 * k) * u
        c.line(_curve((fx - 0.3 * u, y + 0.04 * u), (fx, y - 0.05 * u), (fx + 0.3 * u, y + 0.04 * u), 8), 0.028 * u,
               with_alpha(b.skin[3], (0.3 - 0.1 * k) * strength), soften=0.02 * u)
        c.line(_curve((fx - 0.28 * u, y + 0.07 * u), (fx, y - 0.02 * u), (fx + 0.28 * u, y + 0.07 * u), 8), 0.025 * u,
               with_alpha(b.skin[0], 0.25 * strength), soften=0.02 * u)


def chin(c: Canvas, b: Build, face: Face, fx: float, my: float) -> None:
    """A chin pushed up under a trembling mouth: the shadow below the lower lip and the bunched skin under it."""
    u = b.u
    strength = min(1.0, (-face.smile - 0.3) / 0.4)
    c.ellipse((fx - 0.2 * u, my + 0.24 * u, fx + 0.2 * u, my + 0.36 * u), with_alpha(b.skin[3], 0.35 * strength), soften=0.04 * u)
    c.ellipse((fx - 0.16 * u, my + 0.36 * u, fx + 0.14 * u, my + 0.5 * u), with_alpha(b.skin[0], 0.3 * strength), soften=0.05 * u)


def _curve(a: Point, control: Point, b: Point, steps: int = 12) -> list[Point]:
    """A quadratic curve from a to b passing through `control` at its middle."""
    cx, cy = 2 * control[0] - (a[0] + b[0]) / 2, 2 * control[1] - (a[1] + b[1]) / 2
    return [((1 - t) ** 2 * a[0] + 2 * (1 - t) * t * cx + t * t * b[0], (1 - t) ** 2 * a[1] + 2 * (1 - t) * t * cy + t * t * b[1])
            for t in (i / steps for i in range(steps + 1))]


def eye(c: Canvas, b: Build, face: Face, centre: Point, side: int, far: float, eyes: float) -> None:
    """One eye: lids, the white shaded under the upper lid, iris, pupil, catch-lights, lashes and crease."""
    u = b.u
    x, y = centre
    ew, eh = 0.22 * u * far, 0.15 * u
    inner, outer = (x - side * ew, y + 0.01 * u), (x + side * ew, y - 0.035 * u)
    openness = 0.0 if face.closed else face.open * eyes
    lower_mid = (x + side * ew * 0.1, y + eh * (0.62 - 0.3 * face.lower))
    crease_lift = eh * (0.95 + 0.35 * face.open)
    if openness < 0.1:
        lash = _curve(inner, (x + side * ew * 0.1, y + eh * 0.32), outer)
        c.line(_curve(inner, (x, y - eh * 0.5), outer), 0.05 * u, with_alpha(b.skin[2], 0.5), soften=0.03 * u)
        c.line(lash, 0.045 * u, P.BROW_LINE)
        c.line([outer, (outer[0] + side * 0.05 * u, outer[1] + 0.02 * u)], 0.03 * u, P.BROW_LINE)
        c.line(_curve(inner, (x, y + eh * 0.9), outer), 0.025 * u, with_alpha(b.skin[3], 0.3), soften=0.02 * u)
        return
    upper = _curve(inner, (x - side * ew * 0.12, y - eh * openness), outer)
    lower = _curve(outer, lower_mid, inner)
    opening = upper + lower
    ball = c.layer()
    white = mix(P.EYE_WHITE, b.skin[2], 0.22)
    ball.polygon(opening, vertical(y - eh, y + eh, [(0, mix(white, b.skin[3], 0.5)), (0.6, white), (1, mix(white, b.skin[2], 0.25))]))
    r = 0.13 * u
    ix, iy = x + face.look[0] * ew * 0.42, y + face.look[1] * eh * 0.35 - eh * 0.08
    ball.circle((ix, iy), r, radial((ix + r * 0.2, iy + r * 0.35), r * 1.2,
                                    [(0, mix(b.eyes, (1, 1, 1), 0.25)), (0.55, b.eyes), (1, mix(b.eyes, P.HUB_DEEP, 0.7))]),
                clip=True)
    ball.circle((ix, iy), r * 0.44, P.HUB_DEEP, clip=True)
    ball.polygon(upper + [(outer[0], y - eh * 2), (inner[0], y - eh * 2)], with_alpha(mix(b.skin[3], P.HUB_DEEP, 0.3), 0.55),
                 soften=0.045 * u, clip=True)
    ball.circle((ix - r * 0.32, iy - r * 0.36), r * 0.24, (1, 1, 1), clip=True)
    ball.circle((ix + r * 0.36, iy + r * 0.3), r * 0.1, with_alpha((1, 1, 1), 0.7), clip=True)
    if face.tears:
        ball.line(_curve((inner[0], inner[1] + 1), (x, y + eh * 0.55), (outer[0], outer[1] + 1)), 0.03 * u,
                  with_alpha((1, 1, 1), 0.5 * face.tears), clip=True)
    c.paste(ball)
    # The upper lid as a band of skin catching the lamp, folded into its crease.
    crease = _curve(inner, (x - side * ew * 0.1, y - eh * openness - crease_lift), outer)
    c.polygon(upper + list(reversed(crease)), with_alpha(b.skin[0] if side < 0 else b.skin[1], 0.4), soften=0.02 * u)
    # Lashes: the upper lid's edge, thickest toward the outer corner.
    c.line(upper, 0.042 * u, P.BROW_LINE)
    c.line(upper[len(upper) // 2:] if side > 0 else upper[: len(upper) // 2 + 1], 0.055 * u, with_alpha(P.BROW_LINE, 0.85))
    c.line(crease, 0.028 * u, with_alpha(b.skin[3], 0.6), soften=0.02 * u)
    c.line(lower, 0.025 * u, with_alpha(b.skin[3], 0.55))
    c.line(_curve((outer[0], outer[1] + eh * 0.5), (x, lower_mid[1] + eh * 0.6), (inner[0], inner[1] + eh * 0.3)),
           0.03 * u, with_alpha(b.skin[2], 0.35), soften=0.03 * u)
    if face.tears:
        wet_lid(c, lower, u, face.tears)
        if face.tears >= 1:  # one has run down the lit cheek; the other is only starting
            tear(c, b, (x + side * ew * 0.35, lower_mid[1] + 0.02 * u), side, 1.0 if side < 0 else 0.35)


def wet_lid(c: Canvas, lower: list[Point], u: float, amount: float) -> None:
    """Tears welling on the lower lid: a brimming line of light along its edge, brightest in the middle."""
    rim = lower[1:-1]
    c.line(rim, 0.07 * u, with_alpha(P.TEAR, 0.28 * amount), soften=0.02 * u)
    c.line(rim, 0.03 * u, with_alpha(P.TEAR, 0.8 * amount))
    middle = rim[len(rim) // 3: 2 * len(rim) // 3 + 1]
    c.line([(px, py - 0.012 * u) for px, py in middle], 0.016 * u, with_alpha((1, 1, 1), 0.9 * amount))


def tear(c: Canvas, b: Build, start: Point, side: int, run: float) -> None:
    """A tear run down the cheek (`run` of the way): a wet track glinting where it catches the light, and the drop
    at its end, a bead with its own highlight and a shadow under it."""
    u = b.u
    sx, sy = start
    track = rounded([(sx, sy), (sx + side * 0.07 * u * run, sy + 0.25 * u * run), (sx + side * 0.1 * u * run, sy + 0.5 * u * run),
                     (sx + side * 0.08 * u * run, sy + 0.68 * u * run)], closed=False, iterations=3)
    c.polygon(ribbon(track, [0.05 * u + 0.03 * u * math.sin(math.pi * i / (len(track) - 1)) for i in range(len(track))]), with_alpha(mix(b.skin[2], P.HUB_DEEP, 0.2), 0.25),
              soften=0.02 * u)
    c.line(track, 0.05 * u, with_alpha(P.TEAR, 0.3), soften=0.015 * u)
    glints = [track[i: i + 4] for i in range(1, len(track) - 4, 7)]
    for glint in glints:
        c.line([(px - side * 0.012 * u, py) for px, py in glint], 0.02 * u, with_alpha((1, 1, 1), 0.6), soften=0.006 * u)
    # The drop: narrow where the track feeds it, round and heavy below.
    dx, dy = track[-1][0], track[-1][1] + 0.1 * u
    r = (0.045 + 0.025 * run) * u
    bead = rounded([(dx, dy - 2.3 * r), (dx + 0.7 * r, dy - 0.9 * r), (dx + r, dy), (dx + 0.7 * r, dy + 0.75 * r), (dx, dy + r),
                    (dx - 0.7 * r, dy + 0.75 * r), (dx - r, dy), (dx - 0.7 * r, dy - 0.9 * r)], iterations=2)
    c.polygon([(px + 0.3 * r, py + 0.6 * r) for px, py in bead], with_alpha(b.skin[3], 0.45), soften=0.3 * r)
    c.polygon(bead, radial((dx - 0.2 * r, dy + 0.2 * r), 1.2 * r,
                           [(0, with_alpha(P.TEAR, 0.35)), (0.7, with_alpha(mix(P.TEAR, b.skin[2], 0.5), 0.6)),
                            (1, with_alpha(mix(b.skin[3], P.HUB_DEEP, 0.3), 0.9))]))
    c.circle((dx - 0.35 * r, dy - 0.3 * r), 0.32 * r, (1, 1, 1))
    c.circle((dx + 0.4 * r, dy + 0.5 * r), 0.16 * r, with_alpha(P.TEAR, 0.8))


def brow(c: Canvas, b: Build, face: Face, centre: Point, side: int, far: float) -> None:
    """One eyebrow: a tapered, softened stroke whose inner end carries the feeling."""
    u = b.u
    x, y = centre
    y -= face.brow_lift
    inner = (x - side * 0.22 * u * far, y + 0.03 * u - face.brow_inner * 0.9)
    middle = (x + side * 0.02 * u * far, y - 0.06 * u - face.brow_inner * 0.3 - face.brow_outer * 0.2)
    outer = (x + side * 0.3 * u * far, y + 0.02 * u - face.brow_outer)
    spine = rounded([inner, middle, outer], closed=False, iterations=2)
    widths = [b.brow * u * (1.0 - 0.55 * i / (len(spine) - 1)) for i in range(len(spine))]
    c.polygon(ribbon(spine, widths, iterations=1), with_alpha(mix(b.hair, P.BROW_LINE, 0.4), 0.92), soften=0.012 * u)


def nose(c: Canvas, b: Build, fx: float, hy: float, turn: float) -> None:
    """The nose as planes: a lit ridge, the shaded far side, the ball of the tip, the wings, nostrils and its shadow."""
    u = b.u
    light, base, shade, deep = b.skin
    t = turn * 0.05 * u
    c.polygon([(fx + 0.05 * u, hy - 0.08 * u), (fx + 0.13 * u, hy + 0.05 * u), (fx + 0.19 * u + t, hy + 0.42 * u),
               (fx + 0.24 * u + t, hy + 0.56 * u), (fx + 0.06 * u, hy + 0.5 * u), (fx + 0.03 * u, hy + 0.1 * u)],
              with_alpha(deep, 0.42), soften=0.035 * u)
    c.line([(fx - 0.03 * u, hy + 0.02 * u), (fx - 0.025 * u, hy + 0.38 * u)], 0.05 * u, with_alpha(light, 0.55), soften=0.025 * u)
    for side in (-1, 1):
        wing = (fx + side * 0.13 * u + t, hy + 0.52 * u)
        c.ellipse((wing[0] - 0.075 * u, wing[1] - 0.07 * u, wing[0] + 0.075 * u, wing[1] + 0.06 * u),
                  with_alpha(light if side < 0 else shade, 0.35), soften=0.025 * u)
        c.arc((wing[0] - side * 0.01 * u, wing[1]), (0.07 * u, 0.075 * u), 90 - side * 100, 90 + side * 70, 0.028 * u,
              with_alpha(deep, 0.55), soften=0.012 * u)
    c.ellipse((fx - 0.1 * u + t, hy + 0.36 * u, fx + 0.1 * u + t, hy + 0.55 * u), with_alpha(base, 0.6), soften=0.03 * u)
    c.ellipse((fx - 0.06 * u + t, hy + 0.39 * u, fx + 0.01 * u + t, hy + 0.45 * u), with_alpha(light, 0.75), soften=0.02 * u)
    c.ellipse((fx - 0.12 * u + t, hy + 0.57 * u, fx + 0.28 * u + t, hy + 0.7 * u), with_alpha(deep, 0.42), soften=0.04 * u)
    for side in (-1, 1):
        c.ellipse((fx + side * 0.075 * u - 0.04 * u + t, hy + 0.54 * u, fx + side * 0.075 * u + 0.04 * u + t, hy + 0.59 * u),
                  with_alpha(mix(deep, P.HUB_DEEP, 0.5), 0.8), soften=0.012 * u)


def mouth(c: Canvas, b: Build, face: Face, fx: float, my: float) -> None:
    """Lips modelled by a shaded upper lip, a lit lower one, the line between and the corners' creases."""
    u = b.u
    light, base, shade, deep = b.skin
    half = 0.29 * u * face.mouth_width * (1 - 0.15 * face.press)
    lift = 0.09 * u * face.smile
    left, right = (fx - half, my - lift), (fx + half, my - lift - face.asym * 0.06 * u)
    sag = (0.05 if face.smile >= 0 else -0.04) * u * abs(face.smile)
    centre = (fx, my + sag)
    line = _curve(left, centre, right)
    thin = 1 - 0.6 * face.press
    gap = face.mouth_open * 0.2 * u
    upper = line + list(reversed(_curve((left[0] + 0.03 * u, left[1]), (fx, my - 0.14 * u * thin + sag * 0.3),
                                        (right[0] - 0.03 * u, right[1]))))
    bottom = _curve(left, (fx, my + 0.19 * u * thin + gap + sag * 0.4), right)
    lip_colour = mix(mix(b.lip, (0.62, 0.3, 0.3), 0.2), shade, 0.3)
    for side in (-1, 1):
        c.line([(fx + side * 0.05 * u, my - 0.3 * u), (fx + side * 0.07 * u, my - 0.1 * u * thin)], 0.03 * u,
               with_alpha(shade, 0.35), soften=0.02 * u)
    c.polygon(upper, with_alpha(mix(lip_colour, deep, 0.4), 0.95), soften=0.02 * u)
    c.polygon(line + list(reversed(bottom)), with_alpha(lip_colour, 0.9), soften=0.025 * u)
    c.ellipse((fx - 0.13 * u, my + 0.04 * u + gap, fx + 0.05 * u, my + 0.11 * u * thin + gap),
              with_alpha(mix(lip_colour, light, 0.7), 0.6), soften=0.025 * u)
    c.ellipse((fx - 0.2 * u, my + 0.17 * u + gap, fx + 0.2 * u, my + 0.3 * u + gap), with_alpha(deep, 0.25), soften=0.05 * u)
    if gap > 0:
        opening = line + list(reversed(_curve(left, (fx, my + gap + sag * 0.5), right)))
        inside = c.layer()
        inside.polygon(opening, mix(deep, P.HUB_DEEP, 0.6))
        if face.teeth:
            inside.polygon(line + list(reversed(_curve(left, (fx, my + sag + gap * 0.45), right))),
                           mix(P.EYE_WHITE, shade, 0.25), clip=True)
        c.paste(inside)
    c.line(line, 0.035 * u, with_alpha(mix(deep, P.HUB_DEEP, 0.35), 0.9))
    for corner, extra in ((left, 0.0), (right, face.asym)):
        c.circle(corner, 0.03 * u, with_alpha(deep, 0.6))
        crease = max(0.0, face.smile + extra)
        if crease > 0.2:
            sx = 1 if corner is right else -1
            c.arc((corner[0] - sx * 0.02 * u, corner[1] - 0.22 * u), (0.12 * u, 0.3 * u), 90 - sx * 60, 90 - sx * 5,
                  0.03 * u, with_alpha(deep, 0.3 * min(1.0, crease)), soften=0.02 * u)


# -- hair ----------------------------------------------------------------------------------------
def _hair_stops(colour: tuple) -> list[tuple[float, tuple]]:
    return [(0.0, mix(colour, P.HUB_DEEP, 0.5)), (0.5, colour), (0.85, mix(colour, P.AMBER, 0.18)),
            (1.0, mix(colour, P.AMBER_PALE, 0.35))]


def _at(hx: float, hy: float, u: float, turn: float, points: list[tuple[float, float]]) -> list[Point]:
    return [(hx + (x + turn * 0.06) * u, hy + y * u) for x, y in points]


def jack_hair(c: Canvas, hx: float, hy: float, turn: float) -> None:
    """Short at the sides, swept up and back from a high hairline, with lift at the front."""
    u = JACK.u
    outer = [(-0.97, -0.12), (-1.03, -0.62), (-0.96, -1.08), (-0.7, -1.46), (-0.24, -1.72), (0.3, -1.74), (0.74, -1.52),
             (1.0, -1.12), (1.05, -0.62), (0.99, -0.12)]
    hairline = [(0.9, -0.14), (0.88, -0.56), (0.74, -0.84), (0.5, -0.86), (0.2, -0.9), (-0.04, -0.84), (-0.28, -0.9),
                (-0.56, -0.88), (-0.76, -0.82), (-0.88, -0.56), (-0.9, -0.14)]
    shape = rounded(_at(hx, hy, u, turn, outer + hairline), iterations=2)
    model(c, shape, _hair_stops(JACK.hair), depth=0.35 * u, light=LAMP, soften=0.012 * u)
    lock = [(-0.6, -0.88), (-0.5, -1.3), (-0.1, -1.76), (0.45, -1.74), (0.2, -1.52), (-0.12, -1.22), (-0.1, -0.86)]
    model(c, rounded(_at(hx, hy, u, turn, lock), iterations=2), [(0, JACK.hair), (0.7, mix(JACK.hair, P.AMBER, 0.25)),
                                                                  (1, mix(JACK.hair, P.AMBER_PALE, 0.45))], depth=0.2 * u,
          light=LAMP, opacity=0.85)
    # Strands combed up and back: dark grooves and lit ridges following the sweep.
    for k, start in enumerate((-0.75, -0.5, -0.25, 0.0, 0.25, 0.5, 0.72)):
        bend = 0.25 + 0.1 * (k % 2)
        groove = [(start, -0.72 - 0.02 * k), (start + bend * 0.5, -1.15), (start + bend + 0.1, -1.52)]
        c.line(rounded(_at(hx, hy, u, turn, groove), closed=False), 0.04 * u, with_alpha(P.HUB_DEEP, 0.55), soften=0.015 * u,
               clip=True)
        ridge = [(x - 0.1, y - 0.03) for x, y in groove]
        c.line(rounded(_at(hx, hy, u, turn, ridge), closed=False), 0.03 * u,
               with_alpha(mix(JACK.hair, P.AMBER_PALE, 0.55), 0.4 if start < 0.3 else 0.16), soften=0.02 * u, clip=True)
    sheen = [(-0.7, -1.2), (-0.35, -1.5), (0.1, -1.62)]
    c.line(rounded(_at(hx, hy, u, turn, sheen), closed=False), 0.1 * u, with_alpha(mix(JACK.hair, P.AMBER_PALE, 0.5), 0.22),
           soften=0.05 * u, clip=True)
    for side in (-1, 1):
        burn = [(side * 0.89, -0.3), (side * 0.97, -0.3), (side * 0.96, 0.1), (side * 0.9, 0.08)]
        c.polygon(_at(hx, hy, u, turn, burn), with_alpha(JACK.hair, 0.9), soften=0.02 * u)


def ianto_hair(c: Canvas, hx: float, hy: float, turn: float) -> None:
    """Neat and short, parted on the left, the top combed across to the right."""
    u = IANTO.u
    outer = [(-0.98, -0.1), (-1.03, -0.7), (-0.86, -1.22), (-0.42, -1.5), (0.2, -1.52), (0.7, -1.32), (0.99, -0.9),
             (1.03, -0.45), (0.98, -0.1)]
    hairline = [(0.9, -0.12), (0.88, -0.46), (0.7, -0.66), (0.3, -0.76), (-0.1, -0.84), (-0.4, -0.92), (-0.62, -0.86),
                (-0.86, -0.56), (-0.9, -0.12)]
    shape = rounded(_at(hx, hy, u, turn, outer + hairline), iterations=2)
    model(c, shape, _hair_stops(IANTO.hair), depth=0.3 * u, light=LAMP, soften=0.012 * u)
    # The combed-over top as a lock of its own, lifting a little as it leaves the parting and sweeping to the right.
    lock = [(-0.46, -1.46), (-0.1, -1.62), (0.45, -1.5), (0.86, -1.15), (1.0, -0.7), (0.9, -0.5), (0.62, -0.66),
            (0.2, -0.78), (-0.2, -0.86), (-0.48, -0.92)]
    model(c, rounded(_at(hx, hy, u, turn, lock), iterations=2), [(0, mix(IANTO.hair, P.HUB_DEEP, 0.3)), (0.6, IANTO.hair),
                                                                  (0.9, mix(IANTO.hair, P.AMBER, 0.2)),
                                                                  (1, mix(IANTO.hair, P.AMBER_PALE, 0.35))],
          depth=0.18 * u, light=LAMP, soften=0.01 * u)
    part = [(-0.42, -1.44), (-0.46, -1.2), (-0.5, -0.92)]
    c.line(rounded(_at(hx, hy, u, turn, part), closed=False), 0.045 * u, with_alpha(P.HUB_DEEP, 0.5), soften=0.02 * u, clip=True)
    c.line(rounded(_at(hx, hy, u, turn, [(x + 0.02, y) for x, y in part]), closed=False), 0.015 * u,
           with_alpha(IANTO.skin[2], 0.6), clip=True)
    for k in range(6):
        y0 = -1.38 + k * 0.1
        sweep = [(-0.38, y0), (0.15, y0 - 0.02 + k * 0.06), (0.7, -0.75 + k * 0.05), (0.95, -0.35 + k * 0.04)]
        c.line(rounded(_at(hx, hy, u, turn, sweep), closed=False), 0.035 * u, with_alpha(P.HUB_DEEP, 0.5), soften=0.015 * u,
               clip=True)
        c.line(rounded(_at(hx, hy, u, turn, [(x, y - 0.05) for x, y in sweep]), closed=False), 0.025 * u,
               with_alpha(mix(IANTO.hair, P.AMBER_PALE, 0.5), 0.22), soften=0.015 * u, clip=True)
    for k in range(3):
        sweep = [(-0.52, -1.3 + k * 0.12), (-0.85, -1.0 + k * 0.12), (-0.98, -0.6 + k * 0.1)]
        c.line(rounded(_at(hx, hy, u, turn, sweep), closed=False), 0.025 * u, with_alpha(P.HUB_DEEP, 0.3), clip=True)
    sheen = [(-0.3, -1.3), (0.1, -1.36), (0.5, -1.2)]
    c.line(rounded(_at(hx, hy, u, turn, sheen), closed=False), 0.08 * u, with_alpha(mix(IANTO.hair, P.AMBER_PALE, 0.5), 0.25),
           soften=0.05 * u, clip=True)


# -- bodies --------------------------------------------------------------------------------------
def neck(c: Canvas, b: Build, x: float, hy: float, base_y: float, width: float) -> None:
    """The neck, modelled, with the jaw's shadow across its top (no rim light)."""
    u = b.u
    shape = [(x - width, hy + 0.7 * u), (x + width, hy + 0.7 * u), (x + width * 1.15, base_y + 10), (x - width * 1.15, base_y + 10)]
    model(c, shape, skin_stops(b), depth=0.3 * u, light=LAMP)
    c.polygon([(x - width * 1.3, hy + 0.7 * u), (x + width * 1.3, hy + 0.7 * u), (x + width * 1.3, hy + 1.62 * u),
               (x, hy + 1.72 * u), (x - width * 1.3, hy + 1.56 * u)], with_alpha(b.skin[3], 0.6), soften=0.12 * u, clip=True)
    c.line([(x + 0.05 * u, hy + 1.7 * u), (x + 0.12 * u, base_y)], 0.1 * u, with_alpha(b.skin[3], 0.2), soften=0.06 * u,
           clip=True)


def cloth_stops(light: tuple, base: tuple, shade: tuple) -> list[tuple[float, tuple]]:
    return [(0.0, mix(shade, P.HUB_DEEP, 0.5)), (0.4, shade), (0.68, base), (1.0, light)]


# Cloth, from shadow to lamp-lit: Jack's greatcoat, Ianto's suit, waistcoat and shirt (lit, never paper-white).
COAT = cloth_stops(P.JACK_COAT_LIGHT, P.JACK_COAT, P.JACK_COAT_SHADE)
SUIT = cloth_stops(P.IANTO_SUIT_LIGHT, P.IANTO_SUIT, P.IANTO_SUIT_SHADE)
WAISTCOAT = cloth_stops(P.IANTO_WAISTCOAT_LIGHT, P.IANTO_WAISTCOAT, P.IANTO_SUIT_SHADE)
SHIRT = cloth_stops(mix(P.IANTO_SHIRT, P.AMBER_PALE, 0.35), mix(P.IANTO_SHIRT, P.IANTO_SHIRT_SHADE, 0.25), P.IANTO_SHIRT_SHADE)


def shoulders_outline(x: float, top: float, half: float, neck_w: float, *, drop: float = 0.0) -> list[Point]:
    """A torso from the base of the neck, down the trapezius to the shoulders, the arms past the bottom edge."""
    right = [(x + neck_w, top), (x + half * 0.56, top + 20 + drop * 0.4), (x + half * 0.86, top + 34 + drop),
             (x + half, top + 66 + drop), (x + half - 2, top + 200), (x + half + 4, H + 40)]
    left = [(2 * x - px, py) for px, py in reversed(right)]
    return rounded(right + left, iterations=3)


def jack_body(c: Canvas, pose: Pose, x: float, hy: float) -> None:
    """The greatcoat, collar turned up round his neck, over a blue shirt open at the throat and braces."""
    u = JACK.u
    sy = hy + 1.78 * u - pose.shrug
    half = JACK.shoulders
    inside = mix(P.JACK_COAT_SHADE, P.HUB_DEEP, 0.35)
    # The back of the raised collar, standing up behind the neck.
    model(c, rounded([(x - 0.95 * u, hy + 0.95 * u), (x - 0.3 * u, hy + 0.72 * u), (x + 0.3 * u, hy + 0.72 * u),
                      (x + 0.95 * u, hy + 0.95 * u), (x + 1.15 * u, sy + 20), (x - 1.15 * u, sy + 20)], iterations=2),
          [(0, mix(inside, P.HUB_DEEP, 0.4)), (1, mix(inside, P.JACK_COAT, 0.5))], depth=14, light=LAMP)
    neck(c, JACK, x + pose.lean * 0.4, hy, sy, 0.5 * u)
    body = c.layer()
    model(body, shoulders_outline(x, sy - 6, half, 0.7 * u, drop=-pose.shrug * 0.5), COAT, depth=46, light=LAMP)
    # Shirt in the coat's opening, braces over it, the collar open at the throat.
    shirt = [(x - 0.62 * u, sy - 8), (x + 0.62 * u, sy - 8), (x + 0.95 * u, sy + 60), (x + 0.7 * u, H + 10), (x - 0.7 * u, H + 10),
             (x - 0.95 * u, sy + 60)]
    model(body, shirt, cloth_stops(mix(P.JACK_SHIRT, (1, 1, 1), 0.35), P.JACK_SHIRT, P.JACK_SHIRT_SHADE), depth=22, light=LAMP)
    body.polygon([(x - 0.3 * u, sy - 10), (x + 0.3 * u, sy - 10), (x, sy + 0.75 * u)], JACK.skin[1])
    body.polygon([(x - 0.3 * u, sy - 10), (x + 0.3 * u, sy - 10), (x + 0.1 * u, sy + 0.2 * u), (x - 0.1 * u, sy + 0.2 * u)],
                 with_alpha(JACK.skin[3], 0.5), soften=6)
    for side in (-1, 1):
        strap = [(x + side * 0.58 * u, sy + 0.3 * u), (x + side * 0.52 * u, H + 10)]
        body.line(strap, 0.2 * u, mix(P.JACK_BRACES, P.HUB_DEEP, 0.1 if side < 0 else 0.4), clip=True)
        points = [(x + side * 0.3 * u, sy - 12), (x + side * 0.68 * u, sy - 4), (x + side * 0.55 * u, sy + 0.7 * u),
                  (x + side * 0.12 * u, sy + 0.55 * u)]
        body.polygon(points, mix(P.JACK_SHIRT, (1, 1, 1), 0.25) if side < 0 else P.JACK_SHIRT_SHADE)
        body.line([points[2], points[3]], 2, with_alpha(P.HUB_DEEP, 0.35))
    body.circle((x, sy + 1.05 * u), 0.05 * u, mix(P.JACK_SHIRT_SHADE, P.HUB_DEEP, 0.3))
    # Broad lapels and the turned-up collar's front, flaring out beside the jaw.
    for side in (-1, 1):
        lit = side < 0
        lapel = [(x + side * 0.6 * u, sy - 8), (x + side * 1.55 * u, sy + 40), (x + side * 1.25 * u, sy + 80),
                 (x + side * 1.55 * u, sy + 120), (x + side * 0.85 * u, H + 10), (x + side * 0.72 * u, sy + 70)]
        model(body, lapel, COAT, depth=16, light=LAMP)
        body.line([(x + side * 1.55 * u, sy + 40), (x + side * 1.25 * u, sy + 80)], 2.2, with_alpha(P.HUB_DEEP, 0.6))
        body.line(rounded([(x + side * 0.72 * u, sy + 70), (x + side * 0.85 * u, H + 10)], closed=False), 3,
                  with_alpha(P.HUB_DEEP, 0.4), soften=1)
        flap = rounded([(x + side * 0.55 * u, sy - 6), (x + side * 0.62 * u, hy + 0.98 * u), (x + side * 0.98 * u, hy + 0.82 * u),
                        (x + side * 1.32 * u, sy - 0.2 * u), (x + side * 1.6 * u, sy + 38), (x + side * 0.9 * u, sy + 18)],
                       iterations=2)
        model(body, flap, COAT if lit else cloth_stops(P.JACK_COAT, P.JACK_COAT_SHADE, mix(P.JACK_COAT_SHADE, P.HUB_DEEP, 0.4)),
              depth=14, light=LAMP)
        body.line(rounded([(x + side * 0.62 * u, hy + 0.98 * u), (x + side * 0.98 * u, hy + 0.82 * u),
                           (x + side * 1.32 * u, sy - 0.2 * u)], closed=False), 2.2,
                  with_alpha(mix(P.JACK_COAT_LIGHT, P.AMBER, 0.3) if lit else P.HUB_DEEP, 0.5))
        body.line([(x + side * 0.7 * u, sy + 4), (x + side * 1.05 * u, sy - 0.05 * u)], 2, with_alpha(P.HUB_DEEP, 0.5))
    # The greatcoat's shoulder straps, buttoned by the collar.
    for side in (-1, 1):
        outer, inner = (x + side * (half - 18), sy + 36 - pose.shrug * 0.3), (x + side * 1.45 * u, sy + 12)
        strap = ribbon([outer, inner], [17, 15], iterations=1)
        body.polygon(ribbon([(px, py + 4) for px, py in (outer, inner)], [17, 15], iterations=1), with_alpha(P.HUB_DEEP, 0.35),
                     soften=2, clip=True)
        model(body, strap, COAT, depth=5, light=LAMP)
        body.circle((inner[0] - side * 5, inner[1] + 1), 3.2, mix(P.JACK_COAT_SHADE, P.AMBER, 0.25))
    # Folds where the shoulders meet the arms, and the lamp's shadow across the far side.
    for side in (-1, 1):
        body.line(rounded([(x + side * (half - 40), sy + 26), (x + side * (half - 30), sy + 110), (x + side * (half - 34), H)],
                          closed=False), 3, with_alpha(P.HUB_DEEP, 0.4), soften=2, clip=True)
    body.polygon([(x + 0.9 * u, sy), (x + half + 20, sy), (x + half + 20, H), (x + 0.9 * u, H)],
                 with_alpha(P.HUB_DEEP, 0.25), soften=30, clip=True)
    if pose.arms_crossed:
        folded_arms(body, x, sy, half)
    c.paste(body)


def folded_arms(c: Canvas, x: float, sy: float, half: float) -> None:
    """Forearms folded high across the chest, each hand gripping the other arm: shut, guarded."""
    under = [(x + half - 24, sy + 150), (x + 30, sy + 120), (x - half + 84, sy + 98)]
    over = [(x - half + 22, sy + 158), (x - 30, sy + 132), (x + half - 66, sy + 110)]
    for spine, dy in ((under, 10), (over, 12)):
        c.polygon(ribbon([(px, py + dy) for px, py in spine], [58, 54, 50]), with_alpha(P.HUB_DEEP, 0.45), soften=8, clip=True)
        model(c, ribbon(spine, [66, 58, 50]), COAT, depth=12, light=LAMP)
        c.line(rounded([(px, py + 22) for px, py in spine], closed=False), 2.2, with_alpha(P.HUB_DEEP, 0.5), clip=True)
        wrist = spine[-1]
        towards = math.atan2(wrist[1] - spine[-2][1], wrist[0] - spine[-2][0])
        cuff = (wrist[0] + 6 * math.cos(towards), wrist[1] + 6 * math.sin(towards))
        c.polygon(ribbon([wrist, cuff], [44, 42], iterations=1), mix(P.JACK_SHIRT_SHADE, P.JACK_COAT, 0.3))
        hand(c, JACK, cuff, towards, curl=1 if math.cos(towards) > 0 else -1)


def hand(c: Canvas, b: Build, wrist: Point, angle: float, *, curl: int, size: float = 1.0, grip: float = 1.0,
         clip: bool = True) -> None:
    """A hand seen from its back, gripping: the back of the hand from the wrist to the knuckles, four fingers bending
    round what it holds (`curl` +1 bends them clockwise on screen, -1 anticlockwise; with `clip` their tips go out of
    sight behind the layer's edge) and the thumb along the top. `angle` is the forearm's direction in radians; `grip`
    scales how far the fingers bend (0: flat on a table)."""
    wx, wy = wrist

    def at(along: float, across: float) -> Point:
        ca, sa = math.cos(angle), math.sin(angle)
        return (wx + (along * ca - across * curl * sa) * size, wy + (along * sa + across * curl * ca) * size)

    stops = [(0, b.skin[3]), (0.35, b.skin[2]), (0.7, b.skin[1]), (1, mix(b.skin[0], P.AMBER_PALE, 0.2))]
    shadow = with_alpha(mix(b.skin[3], P.HUB_DEEP, 0.4), 0.7)
    # Four fingers, index (nearest the thumb) to little, fanned across the knuckles and bent round the arm.
    for k, (across, length) in enumerate(((-12, 1.0), (-3, 1.08), (6, 1.02), (14, 0.86))):
        knuckle = at(26 + (2 if k in (1, 2) else 0), across)
        bend = curl * (0.5 + 0.1 * k) * grip
        first = (knuckle[0] + 17 * length * size * math.cos(angle + bend * 0.4),
                 knuckle[1] + 17 * length * size * math.sin(angle + bend * 0.4))
        tip = (first[0] + 15 * length * size * math.cos(angle + bend * 1.6), first[1] + 15 * length * size * math.sin(angle + bend * 1.6))
        finger = ribbon([knuckle, first, tip], [10 * size, 9.5 * size, 8 * size], iterations=2)
        c.polygon([(px + 1.5, py + 2.5) for px, py in finger], shadow, soften=1.5, clip=clip)
        model(c, finger, stops, depth=4 * size, light=LAMP, clip=clip)
        c.line([first, tip], 1.0, with_alpha(b.skin[0], 0.3), clip=clip)
    back = rounded([at(-2, -15), at(22, -17), at(31, -6), at(30, 18), at(-2, 16)], iterations=2)
    c.polygon([(px + 3, py + 5) for px, py in back], with_alpha(P.HUB_DEEP, 0.3), soften=4, clip=clip)
    model(c, back, stops, depth=7 * size, light=LAMP, clip=clip)
    for across in (-10, -1, 8, 15):  # knuckles, and the tendons running to them from the wrist
        c.circle(at(28, across), 2.6 * size, with_alpha(b.skin[0], 0.4), clip=clip)
        c.line([at(6, across * 0.5), at(25, across)], 1.1 * size, with_alpha(b.skin[0], 0.3), soften=1, clip=clip)
    thumb = ribbon([at(4, -14), at(18, -20), at(30, -19)], [12 * size, 10 * size, 8 * size], iterations=2)
    c.polygon([(px + 1.5, py + 2.5) for px, py in thumb], shadow, soften=1.5, clip=clip)
    model(c, thumb, stops, depth=4 * size, light=LAMP, clip=clip)
    c.line([at(22, -21), at(30, -20)], 1.2 * size, with_alpha(b.skin[0], 0.5), clip=clip)


def ianto_body(c: Canvas, pose: Pose, x: float, hy: float) -> None:
    """A three-piece suit: jacket, waistcoat, white shirt and a neat tie."""
    u = IANTO.u
    sy = hy + 1.82 * u - pose.shrug
    half = IANTO.shoulders
    neck(c, IANTO, x + pose.lean * 0.4, hy, sy, 0.4 * u)
    body = c.layer()
    model(body, shoulders_outline(x, sy - 4, half, 0.62 * u, drop=-pose.shrug * 0.5 - 6), SUIT, depth=36, light=LAMP)
    opening = [(x - 0.6 * u, sy - 6), (x + 0.6 * u, sy - 6), (x + 1.25 * u, sy + 110), (x, H + 20), (x - 1.25 * u, sy + 110)]
    model(body, opening, WAISTCOAT, depth=20, light=LAMP)
    shirt_and_tie(body, x, sy, u, vee=(0.78, 95), loosened=False)
    for side in (-1, 1):
        lapel = [(x + side * 0.55 * u, sy - 8), (x + side * 1.2 * u, sy + 26), (x + side * 1.02 * u, sy + 58),
                 (x + side * 1.3 * u, sy + 72), (x + side * 0.9 * u, H + 10), (x + side * 0.72 * u, sy + 90)]
        model(body, lapel, SUIT if side < 0 else cloth_stops(P.IANTO_SUIT, P.IANTO_SUIT_SHADE, mix(P.IANTO_SUIT_SHADE, P.HUB_DEEP, 0.4)),
              depth=12, light=LAMP)
        body.line([(x + side * 1.2 * u, sy + 26), (x + side * 1.02 * u, sy + 58), (x + side * 1.3 * u, sy + 72)], 1.6,
                  with_alpha(P.HUB_DEEP, 0.6))
        body.line(rounded([(x + side * (half - 30), sy + 30), (x + side * (half - 26), sy + 120), (x + side * (half - 28), H)],
                          closed=False), 2.4, with_alpha(P.HUB_DEEP, 0.4), soften=1.5, clip=True)
    body.polygon([(x + 1.02 * u, sy + 78), (x + 1.5 * u, sy + 76), (x + 1.5 * u, sy + 82), (x + 1.02 * u, sy + 84)],
                 with_alpha(P.HUB_DEEP, 0.5))
    body.polygon([(x + 1.08 * u, sy + 70), (x + 1.32 * u, sy + 68), (x + 1.34 * u, sy + 78), (x + 1.1 * u, sy + 79)],
                 mix(P.IANTO_SHIRT, P.IANTO_SUIT, 0.35))
    body.polygon([(x + 0.8 * u, sy), (x + half + 20, sy), (x + half + 20, H), (x + 0.8 * u, H)], with_alpha(P.HUB_DEEP, 0.22),
                 soften=26, clip=True)
    c.paste(body)


def shirt_and_tie(c: Canvas, x: float, sy: float, u: float, *, vee: tuple[float, float], loosened: bool) -> None:
    """The white shirt in the waistcoat's V, its collar points and the tie (knot pulled down a notch if loosened)."""
    half, depth = vee
    shirt = [(x - 0.55 * u, sy - 10), (x + 0.55 * u, sy - 10), (x + half * u, sy + 10), (x, sy + depth), (x - half * u, sy + 10)]
    model(c, shirt, SHIRT, depth=14, light=LAMP)
    knot_y = sy + (14 if loosened else 2)
    if loosened:
        c.polygon([(x - 0.18 * u, sy - 10), (x + 0.18 * u, sy - 10), (x, knot_y)], IANTO.skin[2])
    blade = [(x - 0.1 * u, knot_y + 0.3 * u), (x + 0.1 * u, knot_y + 0.3 * u), (x + 0.2 * u, sy + depth + 30), (x, sy + depth + 44),
             (x - 0.2 * u, sy + depth + 30)]
    c.polygon(blade, linear((x - 0.2 * u, 0), (x + 0.2 * u, 0), [(0, mix(P.IANTO_TIE, P.AMBER, 0.2)), (1, mix(P.IANTO_TIE, P.HUB_DEEP, 0.3))]),
              clip=True)
    for k in range(4):
        y = knot_y + 0.45 * u + k * 14
        c.line([(x - 0.12 * u, y), (x + 0.12 * u, y + 8)], 1.2, with_alpha(P.HUB_DEEP, 0.25), clip=True)
    knot = rounded([(x - 0.17 * u, knot_y - 4), (x + 0.17 * u, knot_y - 4), (x + 0.11 * u, knot_y + 0.33 * u),
                    (x - 0.11 * u, knot_y + 0.33 * u)], iterations=2)
    model(c, knot, [(0, mix(P.IANTO_TIE, P.HUB_DEEP, 0.4)), (0.6, P.IANTO_TIE), (1, mix(P.IANTO_TIE, P.AMBER_PALE, 0.3))],
          depth=6, light=LAMP)
    for side in (-1, 1):
        point = [(x + side * 0.1 * u, sy - 14), (x + side * 0.58 * u, sy - 12), (x + side * 0.48 * u, sy + 0.5 * u),
                 (x + side * 0.14 * u, knot_y + 6)]
        c.polygon(point, mix(P.IANTO_SHIRT, (1, 1, 1), 0.4) if side < 0 else P.IANTO_SHIRT_SHADE)
        c.line([point[2], point[3]], 1.4, with_alpha(P.HUB_DEEP, 0.3))


def ianto_shirtsleeves(c: Canvas, pose: Pose, x: float, hy: float) -> None:
    """In the chair: waistcoat over shirtsleeves, tie loosened by one notch."""
    u = IANTO.u
    sy = hy + 1.82 * u - pose.shrug
    half = IANTO.shoulders - 8
    neck(c, IANTO, x + pose.lean * 0.4, hy, sy, 0.4 * u)
    body = c.layer()
    model(body, shoulders_outline(x, sy - 4, half, 0.6 * u, drop=-pose.shrug * 0.5 + 4),
          SHIRT, depth=40, light=LAMP)
    for side in (-1, 1):
        body.line(rounded([(x + side * (half - 18), sy + 40), (x + side * (half - 10), sy + 90), (x + side * (half - 2), sy + 150)],
                          closed=False), 2, with_alpha(P.IANTO_SHIRT_SHADE, 0.8), soften=1.5, clip=True)
    waistcoat = rounded([(x - 0.6 * u, sy - 2), (x - 1.55 * u, sy + 30), (x - half + 34, sy + 90), (x - half + 30, H + 20),
                         (x + half - 30, H + 20), (x + half - 34, sy + 90), (x + 1.55 * u, sy + 30), (x + 0.6 * u, sy - 2)],
                        iterations=2)
    model(body, waistcoat, WAISTCOAT, depth=30, light=LAMP)
    shirt_and_tie(body, x, sy, u, vee=(0.9, 120), loosened=True)
    for k in range(3):
        body.circle((x + 2, sy + 140 + k * 34), 3.2, mix(P.IANTO_SUIT_SHADE, P.AMBER, 0.15))
    body.polygon([(x + 0.8 * u, sy), (x + half + 20, sy), (x + half + 20, H), (x + 0.8 * u, H)], with_alpha(P.HUB_DEEP, 0.2),
                 soften=26, clip=True)
    c.paste(body)


def chair(c: Canvas, x: float, top: float, half: float, *, jacket: bool) -> None:
    """The leather office chair's back behind a seated man; Ianto's jacket hangs over its corner."""
    shape = rounded([(x - half, top + 40), (x - half + 20, top), (x + half - 20, top), (x + half, top + 40), (x + half + 6, H + 20),
                     (x - half - 6, H + 20)], iterations=3)
    model(c, shape, [(0, mix(P.CHAIR, P.HUB_DEEP, 0.5)), (0.5, P.CHAIR), (1, P.CHAIR_LIGHT)], depth=30, light=LAMP)
    for k in range(-2, 3):
        c.circle((x + k * half * 0.38, top + 46), 3, with_alpha(P.HUB_DEEP, 0.6))
        c.line([(x + k * half * 0.38, top + 46), (x + k * half * 0.38 + 14, top + 86)], 2, with_alpha(P.HUB_DEEP, 0.25), clip=True)
    if jacket:
        drape = rounded([(x + half - 70, top - 6), (x + half + 4, top + 6), (x + half + 14, top + 120), (x + half + 4, H + 20),
                         (x + half - 40, H + 20), (x + half - 60, top + 60)], iterations=2)
        model(c, drape, SUIT, depth=16, light=LAMP)
        c.line(rounded([(x + half - 50, top + 10), (x + half - 20, top + 70), (x + half - 24, top + 200)], closed=False), 2,
               with_alpha(P.HUB_DEEP, 0.5))


# -- whole figures -------------------------------------------------------------------------------
def figure(c: Canvas, b: Build, look: Look, x: float, *, eyes: float = 1.0, lower: float = 0.0) -> None:
    """A front-view figure at centre x: body (standing or seated), then the head on top."""
    figure_body(c, b, look, x, lower=lower)
    figure_head(c, b, look, x, eyes=eyes, lower=lower)


def figure_body(c: Canvas, b: Build, look: Look, x: float, *, lower: float = 0.0) -> None:
    pose = look.pose
    body_hy = b.eye_y + lower + (SEAT_DROP if pose.seated else 0)
    if pose.seated:  # the office's desk chair (backgrounds.chair), at the same height on the stage for both men
        chair(c, x, SEAT_TOP + lower, 180, jacket=b is IANTO)
    if b is JACK:
        jack_body(c, pose, x, body_hy)
    elif pose.seated:
        ianto_shirtsleeves(c, pose, x, body_hy)
    else:
        ianto_body(c, pose, x, body_hy)


def figure_head(c: Canvas, b: Build, look: Look, x: float, *, eyes: float, lower: float = 0.0) -> None:
    pose = look.pose
    head(c, b, look, x + pose.lean, b.eye_y + lower + pose.drop + (SEAT_DROP if pose.seated else 0), eyes)


def finish(c: Canvas) -> Image.Image:
    """The shared last touches (the figure a touch dimmer and warmer, in the room's light, and darkening toward the
    bottom edge), then the downscale."""
    c.rgb *= np.array([0.94, 0.91, 0.87], np.float32)
    c.rect((0, H - 140, c.width, H), vertical(H - 140, H, [(0, with_alpha(P.HUB_DEEP, 0.0)), (1, with_alpha(P.HUB_DEEP, 0.4))]),
           clip=True)
    return c.image(transparent=True)


@lru_cache(maxsize=2)
def _body(who: str, expression: str) -> Canvas:
    """The figure without its head, kept so the blink frames need only draw the head again."""
    c = Canvas(W, H, scale=SCALE)
    figure_body(c, BUILDS[who], LOOKS[who][expression], CX)
    return c


def front(who: str, expression: str, eyes: float) -> Image.Image:
    body = _body(who, expression)
    c = Canvas(W, H, scale=SCALE)
    c.rgb[:], c.alpha[:] = body.rgb, body.alpha
    look = LOOKS[who][expression]
    figure_head(c, BUILDS[who], look, CX, eyes=eyes)
    if look.pose.seated:
        behind_desk(c)
    return finish(c)


def jack_window(eyes: float = 1.0) -> Image.Image:
    """Jack at the window, seen from behind: the coat's back, the collar up, his head turned a little down to the left.
    He stands at the glass, beyond the desk: drawn smaller, further off, and only down to the desk's top edge."""
    c = Canvas(W, H, scale=SCALE)
    u, x = JACK.u, CX
    hy = JACK.eye_y + 8
    sy = hy + 1.8 * u
    neck(c, JACK, x, hy - 10, sy, 0.45 * u)
    skull = [(x + math.cos(a) * u * 1.02, hy - 0.3 * u + math.sin(a) * u * 1.08) for a in [i * math.pi / 12 for i in range(25)]]
    for side in (-1, 1):
        ear = rounded([(x + side * 0.95 * u, hy - 0.1 * u), (x + side * 1.2 * u, hy - 0.05 * u), (x + side * 1.16 * u, hy + 0.4 * u),
                       (x + side * 0.95 * u, hy + 0.5 * u)], iterations=2)
        model(c, ear, skin_stops(JACK), depth=6, light=LAMP)
    model(c, rounded(skull + [(x + 0.6 * u, hy + 0.95 * u), (x - 0.6 * u, hy + 0.95 * u)], iterations=1), skin_stops(JACK),
          depth=0.5 * u, light=LAMP)
    hair = rounded([(x - 1.05 * u, hy + 0.1 * u), (x - 1.08 * u, hy - 0.8 * u), (x - 0.7 * u, hy - 1.45 * u), (x, hy - 1.64 * u),
                    (x + 0.7 * u, hy - 1.45 * u), (x + 1.08 * u, hy - 0.8 * u), (x + 1.05 * u, hy + 0.1 * u), (x + 0.7 * u, hy + 0.62 * u),
                    (x + 0.2 * u, hy + 0.75 * u), (x - 0.2 * u, hy + 0.75 * u), (x - 0.7 * u, hy + 0.62 * u)], iterations=2)
    model(c, hair, _hair_stops(JACK.hair), depth=0.4 * u, light=LAMP)
    strands = c.layer()
    strands.polygon(hair, (1, 1, 1))
    for k in range(-3, 4):
        strands.line(rounded([(x + k * 0.12 * u, hy - 1.6 * u), (x + k * 0.32 * u, hy - 0.9 * u), (x + k * 0.24 * u, hy + 0.7 * u)],
                             closed=False), 0.03 * u, (0, 0, 0), soften=0.02 * u, clip=True)
    strands.alpha *= np.clip(1 - strands.rgb[..., 0], 0, 1) * 0.3
    strands.rgb[:] = 0
    c.paste(strands)
    body = c.layer()
    model(body, shoulders_outline(x, sy - 6, JACK.shoulders, 0.7 * u, drop=4), COAT, depth=46, light=LAMP)
    # The turned-up collar from behind: a stiff band standing up to the hairline, folded at the seam.
    collar = rounded([(x - 1.3 * u, sy + 24), (x - 1.05 * u, hy + 0.62 * u), (x, hy + 0.56 * u), (x + 1.05 * u, hy + 0.62 * u),
                      (x + 1.3 * u, sy + 24), (x, sy + 34)], iterations=1)
    model(body, collar, COAT, depth=10, light=LAMP)
    body.line([(x - 1.12 * u, sy - 2), (x, sy + 8), (x + 1.12 * u, sy - 2)], 2.4, with_alpha(P.HUB_DEEP, 0.5), soften=1.5)
    body.line(rounded([(x, sy + 30), (x + 4, sy + 150), (x + 2, H)], closed=False), 2.6, with_alpha(P.HUB_DEEP, 0.45))
    for side in (-1, 1):
        body.line(rounded([(x + side * 0.8 * u, sy + 40), (x + side * 1.6 * u, sy + 120), (x + side * 1.7 * u, H)], closed=False),
                  2.4, with_alpha(P.HUB_DEEP, 0.35), soften=2)
    body.polygon([(x - JACK.shoulders - 20, sy), (x + JACK.shoulders + 20, sy), (x + JACK.shoulders + 20, H),
                  (x - JACK.shoulders - 20, H)], with_alpha(P.COLD_DEEP, 0.25), soften=30, clip=True)
    c.paste(body)
    # The window's cold light catches the top edge of his hair and shoulders.
    c.fill(vertical(0, H, [(0, with_alpha(P.COLD, 0.12)), (0.5, with_alpha(P.COLD, 0.0))]), mode="screen", clip=True)
    picture = far_off(finish(c), 0.72, shoulders=hy + 1.8 * u)
    picture.alpha_composite(desk_things_in_the_dark())
    return picture


def desk_things_in_the_dark() -> Image.Image:
    """The bottle and the two empty glasses on the desk, in the cold dark office (backgrounds.light_room's wash), for
    a picture shown at centre that stands behind them."""
    c = Canvas(W, H, scale=SCALE)
    left = CENTRE_X - W / 2
    bottle(c, BOTTLE_X - left, DESK_TOP + 28 - 80)
    for i in range(2):
        x, base = glass_place(i)
        tumbler(c, x - left, base - 80, level=0)
    c.fill(with_alpha(mix(P.COLD, P.COLD_DEEP, 0.35), 1.0), mode="multiply", opacity=0.7, clip=True)
    c.rgb *= 0.8
    return c.image(transparent=True)


def far_off(picture: Image.Image, scale: float, *, shoulders: float) -> Image.Image:
    """A figure further back in the room, beyond the desk: smaller, its shoulders a little above the desk's top edge,
    and nothing of it below that edge."""
    small = picture.resize((round(W * scale), round(H * scale)), Image.Resampling.LANCZOS)
    placed = Image.new("RGBA", (W, H))
    placed.paste(small, (round((W - small.width) / 2), round(DESK_LINE - 70 - shoulders * scale)))
    alpha = np.asarray(placed)[..., 3].copy()
    alpha[DESK_LINE:] = 0
    placed.putalpha(Image.fromarray(alpha))
    return placed


def profile_head(c: Canvas, b: Build, face: Face, hx: float, hy: float, facing: int, eyes: float, *, tilt: float = 0.0) -> None:
    """A head in profile facing left (-1) or right (+1): brow, nose, lips, chin, one eye, the ear and the hair."""
    u = b.u

    def at(points: list[tuple[float, float]]) -> list[Point]:
        return [(hx + facing * x * u, hy + y * u) for x, y in points]

    outline = [(-0.95, -0.5), (-0.7, -1.12), (-0.1, -1.42), (0.48, -1.2), (0.76, -0.62), (0.86, -0.2), (0.8, 0.02),
               (0.96, 0.3), (1.12, 0.5), (1.08, 0.56), (0.9, 0.6), (0.88, 0.66), (0.95, 0.74), (0.86, 0.8), (0.84, 0.83),
               (0.93, 0.9), (0.88, 0.97), (0.77, 1.02), (0.86, 1.14), (0.82, 1.24), (0.62, 1.32), (0.1, 1.18),
               (-0.2, 0.9), (-0.5, 0.6), (-0.9, 0.1)]
    part = c.layer()
    model(part, rounded(at(outline), iterations=1), skin_stops(b), depth=0.4 * u, light=LAMP)
    part.polygon(at([(0.0, 0.9), (0.6, 1.3), (0.8, 1.14), (0.7, 1.0), (0.3, 0.9)]), with_alpha(b.skin[3], 0.35), soften=0.08 * u,
                 clip=True)
    cheek = tuple(sorted_box(at([(0.35, -0.2), (0.78, 0.18)])))
    part.ellipse(cheek, with_alpha(b.skin[2], 0.5), soften=0.08 * u, clip=True)  # type: ignore[arg-type]  # a box: four numbers
    if face.flush:
        part.glow(at([(0.55, 0.42)])[0], (0.25 * u, 0.16 * u), (0.86, 0.36, 0.34), strength=0.3 * face.flush, mode="over", clip=True)
    openness = 0.0 if face.closed else face.open * eyes
    ex, ey = at([(0.62, 0.0)])[0]
    if openness > 0.1:
        white = at([(0.52, -0.02), (0.7, -0.09 * openness), (0.74, 0.02), (0.7, 0.07)])
        part.polygon(white, mix(P.EYE_WHITE, b.skin[2], 0.25))
        part.ellipse((ex + facing * 0.08 * u - 0.06 * u, ey - 0.07 * u, ex + facing * 0.08 * u + 0.04 * u, ey + 0.06 * u),
                     mix(b.eyes, P.HUB_DEEP, 0.4), clip=True)
        part.line(at([(0.5, -0.04), (0.68, -0.11 * openness - 0.02), (0.77, -0.03)]), 0.05 * u, P.BROW_LINE)
        part.circle((ex + facing * 0.07 * u, ey - 0.02 * u), 0.015 * u, (1, 1, 1))
    else:
        part.line(at([(0.5, 0.0), (0.64, 0.04), (0.76, 0.0)]), 0.045 * u, P.BROW_LINE)
    part.line(at([(0.46, -0.3 - face.brow_inner * 0.01), (0.62, -0.33 - face.brow_inner * 0.012), (0.8, -0.26)]), b.brow * u * 0.8,
              with_alpha(mix(b.hair, P.BROW_LINE, 0.4), 0.9), soften=0.015 * u)
    part.line(at([(0.87, 0.82), (0.76, 0.82 + 0.04 * face.smile)]), 0.03 * u, with_alpha(b.skin[3], 0.8))
    part.polygon(at([(0.86, 0.68), (0.95, 0.74), (0.86, 0.8)]), with_alpha(mix(b.lip, b.skin[2], 0.4), 0.6), soften=0.015 * u)
    part.polygon(at([(0.85, 0.84), (0.93, 0.9), (0.86, 0.96)]), with_alpha(mix(b.lip, b.skin[1], 0.4), 0.5), soften=0.015 * u)
    part.arc(at([(0.9, 0.5)])[0], (0.07 * u, 0.06 * u), 0, 360, 0.03 * u, with_alpha(b.skin[3], 0.5), soften=0.012 * u)
    part.line(at([(1.0, 0.5), (0.9, 0.56)]), 0.035 * u, with_alpha(mix(b.skin[3], P.HUB_DEEP, 0.3), 0.6), soften=0.01 * u)
    ear = rounded(at([(-0.12, -0.05), (0.06, -0.1), (0.1, 0.2), (0.02, 0.42), (-0.14, 0.4), (-0.18, 0.1)]), iterations=2)
    model(part, ear, skin_stops(b), depth=0.08 * u, light=LAMP)
    part.arc(at([(-0.04, 0.16)])[0], (0.07 * u, 0.17 * u), 0, 360, 0.035 * u, with_alpha(b.skin[3], 0.45), soften=0.02 * u)
    hair = at([(-1.0, -0.45), (-0.76, -1.2), (-0.1, -1.52), (0.5, -1.32), (0.74, -0.78), (0.6, -0.66), (0.3, -0.72),
               (0.12, -0.5), (0.14, -0.12), (-0.1, -0.16), (-0.3, 0.1), (-0.5, 0.5), (-0.78, 0.4)])
    model(part, rounded(hair, iterations=2), _hair_stops(b.hair), depth=0.3 * u, light=LAMP)
    for k in range(5):
        part.line(rounded(at([(0.55 - k * 0.05, -1.25 + k * 0.12), (0.0, -1.1 + k * 0.2), (-0.6, -0.7 + k * 0.22)]), closed=False),
                  0.03 * u, with_alpha(P.HUB_DEEP, 0.35), clip=True)
    rotate_layer(part, tilt, (hx, hy + 1.0 * u))
    c.paste(part)


def sorted_box(points: list[Point]) -> tuple[float, float, float, float]:
    (ax, ay), (bx, by) = points
    return (min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))


def ianto_turning(c: Canvas, x: float, hy: float, face: Face, eyes: float, *, shoulders: float = 0.0, tilt: float = 0.0) -> None:
    """Ianto turned side-on to the left, toward the door, head in profile: suit from the side, collar, tie edge."""
    u = IANTO.u
    sy = hy + 1.6 * u
    hx = x - 0.15 * u
    throat = rounded([(hx - 0.3 * u, hy + 1.0 * u), (hx + 0.2 * u, hy + 0.1 * u), (hx + 0.55 * u, hy + 0.45 * u),
                      (hx + 0.75 * u, sy + 10), (hx - 0.5 * u, sy + 10)], iterations=2)
    model(c, throat, skin_stops(IANTO), depth=0.3 * u, light=LAMP)
    c.polygon([(hx - 0.6 * u, hy + 0.9 * u), (hx + 0.3 * u, hy + 0.6 * u), (hx + 0.9 * u, hy + 0.9 * u), (hx + 0.9 * u, hy + 1.5 * u),
               (hx - 0.6 * u, hy + 1.3 * u)], with_alpha(IANTO.skin[3], 0.5), soften=0.12 * u, clip=True)
    body = c.layer()
    torso = rounded([(x - 0.5 * u, sy - 8), (x + 0.5 * u, sy - 10), (x + 1.4 * u, sy + 6 - shoulders), (x + 1.9 * u, sy + 50 - shoulders),
                     (x + 1.9 * u, H + 30), (x - 1.6 * u, H + 30), (x - 1.55 * u, sy + 60), (x - 1.2 * u, sy + 14)], iterations=3)
    model(body, torso, SUIT, depth=38, light=LAMP)
    front = [(x - 0.5 * u, sy - 6), (x - 0.2 * u, sy - 10), (x - 0.75 * u, sy + 90), (x - 1.3 * u, sy + 110)]
    model(body, front, SHIRT, depth=8, light=LAMP)
    body.polygon([(x - 0.42 * u, sy - 2), (x - 0.3 * u, sy + 4), (x - 0.8 * u, sy + 96), (x - 0.96 * u, sy + 92)], P.IANTO_TIE)
    lapel = [(x - 0.2 * u, sy - 12), (x + 0.3 * u, sy + 10), (x - 0.5 * u, sy + 120), (x - 1.45 * u, sy + 150), (x - 0.95 * u, sy + 96)]
    model(body, lapel, SUIT, depth=10, light=LAMP)
    body.polygon(rounded([(x - 0.35 * u, sy - 14), (x + 0.55 * u, sy - 16), (x + 0.7 * u, sy + 4), (x - 0.2 * u, sy)], iterations=2),
                 mix(P.IANTO_SHIRT, (1, 1, 1), 0.3))
    arm = [(x + 1.3 * u, sy + 30), (x + 1.2 * u, sy + 150), (x + 1.0 * u, H + 20)]
    body.polygon(ribbon(arm, [70, 66, 62]), with_alpha(P.HUB_DEEP, 0.3), soften=6, clip=True)
    body.line(rounded([(x + 0.7 * u, sy + 30), (x + 0.6 * u, sy + 150), (x + 0.5 * u, H)], closed=False), 2.4,
              with_alpha(P.HUB_DEEP, 0.45), soften=1.5)
    body.polygon([(x + 0.6 * u, sy), (x + 2.2 * u, sy), (x + 2.2 * u, H), (x + 0.6 * u, H)], with_alpha(P.HUB_DEEP, 0.3),
                 soften=26, clip=True)
    c.paste(body)
    profile_head(c, IANTO, face, hx, hy, -1, eyes, tilt=tilt)


def ianto_leaving(eyes: float = 1.0) -> Image.Image:
    """Ianto turning to the door on the left, his face in profile, the set of his mouth holding."""
    c = Canvas(W, H, scale=SCALE)
    ianto_turning(c, CX + 10, IANTO.eye_y, Face(brow_inner=5, open=0.8, smile=-0.2), eyes, shoulders=-4)
    return finish(c)


TWO_W = 860
TOGETHER_W = 1040  # wide enough for Ianto's chair at the desk chair's place (see jack_together)


def ianto_collar(eyes: float = 1.0) -> Image.Image:
    """Both men close: Ianto, side-on, straightening Jack's turned-up collar; Jack looks down at him."""
    c = Canvas(TWO_W, H, scale=SCALE)
    jx, ix = 330.0, 540.0
    jack_look = Look(Face(brow_inner=6, brow_outer=-2, open=0.72, look=(0.85, 0.6), smile=-0.15, press=0.4, tears=0.5),
                     Pose(tilt=-6, turn=0.3, drop=4, shrug=-4))
    figure(c, JACK, jack_look, jx, eyes=eyes)
    ju, iu = JACK.u, IANTO.u
    ihy = IANTO.eye_y + 14
    ianto_turning(c, ix, ihy, Face(brow_inner=4, open=0.62, smile=0.05, press=0.3), eyes, tilt=9)
    sy = ihy + 1.6 * iu
    # His hands on the two points of the collar, forearms rising from below.
    collar_points = ((jx + 1.0 * ju, JACK.eye_y + 1.55 * ju), (jx - 0.62 * ju, JACK.eye_y + 1.7 * ju))
    elbows = ((ix - 0.6 * iu, sy + 190), (ix - 1.9 * iu, sy + 210))
    for (hx, hy), elbow in zip(collar_points, elbows):
        wrist = (hx + 16, hy + 40)
        model(c, ribbon([elbow, ((elbow[0] + wrist[0]) / 2 + 10, (elbow[1] + wrist[1]) / 2), wrist], [58, 52, 40]),
              SUIT, depth=16, light=LAMP)
        towards = math.atan2(hy - wrist[1], hx - wrist[0])
        cuff = (wrist[0] + 6 * math.cos(towards), wrist[1] + 6 * math.sin(towards))
        c.polygon(ribbon([wrist, cuff], [38, 36], iterations=1), P.IANTO_SHIRT)
        # The hand up at the collar's point, fingers folding it down over the coat.
        hand(c, IANTO, cuff, towards - 0.2, curl=-1, size=0.85, grip=0.9, clip=False)
    return finish(c)


def jack_sleeve(eyes: float = 1.0) -> Image.Image:
    """Stay: Ianto turned to the door on the left, Jack behind him, his hand closed on Ianto's sleeve, not hard."""
    c = Canvas(TWO_W, H, scale=SCALE)
    ix, jx = 320.0, 590.0
    jack_look = Look(LOOKS["jack"]["tearful"].face, Pose(tilt=-5, turn=-0.35, drop=4, shrug=6, lean=-10))
    figure(c, JACK, jack_look, jx, eyes=eyes)
    iu = IANTO.u
    ihy = IANTO.eye_y + 6
    ianto_turning(c, ix, ihy, Face(brow_inner=6, open=0.55, look=(0, 0.8), smile=-0.3, press=0.5, flush=0.3), eyes,
                  shoulders=-2, tilt=-4)
    sy = ihy + 1.6 * iu
    # Jack's forearm reaching up from below; his hand round Ianto's upper arm, the cloth bunched by the grip.
    grip = (ix + 1.45 * iu, sy + 44)  # high on the arm: above the name plate on the stage
    elbow = (jx - 70, grip[1] + 64)
    wrist = (grip[0] + 46, grip[1] + 12)
    middle = ((elbow[0] + wrist[0]) / 2 + 6, (elbow[1] + wrist[1]) / 2 + 8)
    c.polygon(ribbon([(px + 4, py + 10) for px, py in (elbow, middle, wrist)], [70, 60, 48]), with_alpha(P.HUB_DEEP, 0.4), soften=8)
    model(c, ribbon([elbow, middle, wrist], [74, 62, 48]), COAT, depth=16, light=LAMP)
    c.line(rounded([(elbow[0] + 8, elbow[1] + 30), (middle[0] + 10, middle[1] + 24), (wrist[0] + 6, wrist[1] + 20)], closed=False),
           2.2, with_alpha(P.HUB_DEEP, 0.5))
    towards = math.atan2(wrist[1] - elbow[1], wrist[0] - elbow[0])
    cuff = (wrist[0] + 8 * math.cos(towards), wrist[1] + 8 * math.sin(towards))
    c.polygon(ribbon([wrist, cuff], [46, 44], iterations=1), mix(P.JACK_SHIRT_SHADE, P.JACK_COAT, 0.2))
    for k in range(3):  # the sleeve's folds pulled toward the fingers
        fy = grip[1] - 30 + k * 16
        c.line(rounded([(grip[0] + 14, fy), (grip[0] - 10, fy + 10), (grip[0] - 30, fy + 6)], closed=False), 2.0,
               with_alpha(P.HUB_DEEP, 0.45), soften=1.2)
    hand(c, JACK, cuff, towards - 0.5, curl=-1, size=1.15, clip=False)
    return finish(c)


def jack_together(eyes: float = 1.0) -> Image.Image:
    """For Now: both seated at the desk, close, leaning in to each other; Jack's smile small and afraid."""
    c = Canvas(TOGETHER_W, H, scale=SCALE)
    jack = LOOKS["jack"]["small_smile"]
    jack = Look(jack.face, Pose(tilt=-9, turn=0.25, drop=6, shrug=2, lean=16, seated=True))
    ianto = Look(Face(brow_inner=3, smile=0.45, lower=0.3, open=0.74, look=(-0.8, 0.35), press=0.2),
                 Pose(tilt=11, turn=-0.3, lean=-22, seated=True))
    # Shown at centre, Ianto's chair lands on the desk chair's place in the office (backgrounds.CHAIR_X); Jack has
    # pulled one up beside him.
    figure(c, JACK, jack, 630, eyes=eyes, lower=14)
    figure(c, IANTO, ianto, 860, eyes=eyes, lower=8)
    behind_desk(c)
    hands_on_desk(c)
    return finish(c)


def behind_desk(c: Canvas) -> None:
    """Leave out everything below the desk's top edge: the background's desk stands in front of a seated man."""
    cut = int(DESK_LINE * c.scale)
    c.alpha[cut:] = 0.0
    c.rgb[cut:] = 0.0


def hands_on_desk(c: Canvas) -> None:
    """On the desk's top: the background's two glasses, poured now, and Ianto's hand over Jack's, not quite steady."""
    left = CENTRE_X - c.width / 2  # where this sprite's left edge lands on the stage, shown at centre
    for i in range(2):
        x, base = glass_place(i)
        tumbler(c, x - left, base - (720 - H), level=1)
    # Forearms on the desk: Jack's from the left, his hand flat on the wood; Ianto's from the right, his hand over it.
    arm_y = DESK_LINE + 24
    c.polygon([(630, arm_y - 6), (890, arm_y - 6), (890, arm_y + 12), (630, arm_y + 12)], with_alpha(P.HUB_DEEP, 0.3), soften=6)
    model(c, ribbon([(626, arm_y - 2), (664, arm_y - 4), (700, arm_y)], [46, 42, 36]), COAT, depth=10, light=LAMP)
    hand(c, JACK, (698, arm_y), 0.04, curl=1, size=0.9, grip=0.2, clip=False)
    model(c, ribbon([(920, arm_y - 14), (840, arm_y - 14), (782, arm_y - 10)], [42, 38, 32]), SHIRT, depth=10, light=LAMP)
    hand(c, IANTO, (782, arm_y - 10), math.pi - 0.15, curl=-1, size=0.9, grip=0.7, clip=False)


# -- the catalogue -------------------------------------------------------------------------------
def _maker(who: str, what: str, eyes: float) -> Callable[[], Image.Image]:
    staged = {"jack/window": jack_window, "jack/sleeve": jack_sleeve, "jack/together": jack_together, "ianto/leaving": ianto_leaving,
              "ianto/collar": ianto_collar}
    key = f"{who}/{what}"
    if key in staged:
        return lambda: staged[key](eyes)
    return lambda: front(who, what, eyes)


def expressions(who: str) -> list[str]:
    """A character's expressions and poses, in the order characters.yaml lists them."""
    return list(LOOKS[who]) + list(STAGED[who])


def sprites() -> dict[str, Callable[[], Image.Image]]:
    """Every sprite by 'character/expression' (and its blink frames, 'character/expression_blinkN'), as drawing functions."""
    makers: dict[str, Callable[[], Image.Image]] = {}
    for who in LOOKS:
        for what in expressions(who):
            makers[f"{who}/{what}"] = _maker(who, what, 1.0)
            if f"{who}/{what}" not in STILL:
                for suffix, eyes in BLINKS.items():
                    makers[f"{who}/{what}_{suffix}"] = _maker(who, what, eyes)
    return makers
