"""Shared drawing helpers: a supersampled canvas of flat shapes, gradients and light.

Every picture is drawn on a `Canvas` several times larger than the final image
and scaled down with Lanczos at the end, which gives smooth edges without any
anti-aliasing in the shape code. Coordinates are always given in final-image
pixels; the canvas scales them itself.

The canvas keeps premultiplied colour as float32 in 0..1 plus an alpha plane,
so opaque backgrounds and transparent sprites share one code path. A `Paint`
is either a flat colour or a function of the pixel grid (see `linear` and
`radial`) returning RGB or RGBA, where the A multiplies the shape's coverage.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Literal, Union

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

RGB = tuple[float, float, float]
RGBA = tuple[float, float, float, float]
Point = tuple[float, float]
Box = tuple[float, float, float, float]
Painter = Callable[[np.ndarray, np.ndarray], np.ndarray]
Paint = Union[tuple[float, ...], Painter]  # an RGB or RGBA colour (of any tuple's length, as the art computes them), or a painter
Mode = Literal["over", "add", "screen", "multiply"]


def hex_rgb(code: str) -> RGB:
    """Turn '#rrggbb' into an RGB tuple of floats in 0..1."""
    code = code.lstrip("#")
    return (int(code[0:2], 16) / 255, int(code[2:4], 16) / 255, int(code[4:6], 16) / 255)


def mix(a: Sequence[float], b: Sequence[float], t: float) -> tuple[float, ...]:
    """Blend two colours: t=0 gives a, t=1 gives b."""
    return tuple(x + (y - x) * t for x, y in zip(a, b))


def with_alpha(colour: Sequence[float], alpha: float) -> RGBA:
    """The colour with its alpha set (or added)."""
    return (colour[0], colour[1], colour[2], alpha)


def _stops_to_colour(t: np.ndarray, stops: Sequence[tuple[float, Sequence[float]]]) -> np.ndarray:
    """Interpolate a gradient's colour stops (offset, RGB or RGBA) at positions t (a 4096-step table, for speed)."""
    offsets = np.array([offset for offset, _ in stops], np.float32)
    colours = np.array([tuple(c) + ((1.0,) if len(c) == 3 else ()) for _, c in stops], np.float32)
    levels = np.linspace(0.0, 1.0, 4096, dtype=np.float32)
    table = np.stack([np.interp(levels, offsets, colours[:, k]) for k in range(4)], axis=-1).astype(np.float32)
    index = np.clip(t * 4095 + 0.5, 0, 4095).astype(np.int32)
    return table[index]


def linear(p0: Point, p1: Point, stops: Sequence[tuple[float, Sequence[float]]]) -> Painter:
    """A linear gradient from p0 (offset 0) to p1 (offset 1)."""
    dx, dy = p1[0] - p0[0], p1[1] - p0[1]
    length2 = dx * dx + dy * dy or 1.0

    def paint(x: np.ndarray, y: np.ndarray) -> np.ndarray:
        t = np.clip(((x - p0[0]) * dx + (y - p0[1]) * dy) / length2, 0.0, 1.0)
        return _stops_to_colour(t, stops)

    return paint


def vertical(top: float, bottom: float, stops: Sequence[tuple[float, Sequence[float]]]) -> Painter:
    """A top-to-bottom gradient between two heights."""
    return linear((0.0, top), (0.0, bottom), stops)


def radial(centre: Point, radius: float | tuple[float, float], stops: Sequence[tuple[float, Sequence[float]]]) -> Painter:
    """A radial (optionally elliptical) gradient: offset 0 at the centre, 1 at the radius."""
    rx, ry = (radius, radius) if isinstance(radius, (int, float)) else radius

    def paint(x: np.ndarray, y: np.ndarray) -> np.ndarray:
        t = np.sqrt(((x - centre[0]) / rx) ** 2 + ((y - centre[1]) / ry) ** 2)
        return _stops_to_colour(np.clip(t, 0.0, 1.0), stops)

    return paint


def rounded(points: Sequence[Point], *, iterations: int = 3, closed: bool = True) -> list[Point]:
    """Round a polygon's corners (Chaikin's corner cutting): hard outlines become soft curves."""
    pts = list(points)
    for _ in range(iterations):
        out: list[Point] = [] if closed else [pts[0]]
        count = len(pts) if closed else len(pts) - 1
        for i in range(count):
            (ax, ay), (bx, by) = pts[i], pts[(i + 1) % len(pts)]
            out.append((ax * 0.75 + bx * 0.25, ay * 0.75 + by * 0.25))
            out.append((ax * 0.25 + bx * 0.75, ay * 0.25 + by * 0.75))
        pts = out if closed else out + [pts[-1]]
    return pts


def ribbon(spine: Sequence[Point], widths: Sequence[float], *, iterations: int = 3) -> list[Point]:
    """A polyline widened into a rounded closed outline, `widths[i]` across at `spine[i]` (limbs, sleeves)."""
    left: list[Point] = []
    right: list[Point] = []
    for i, (px, py) in enumerate(spine):
        ax, ay = spine[max(0, i - 1)]
        bx, by = spine[min(len(spine) - 1, i + 1)]
        dx, dy = bx - ax, by - ay
        length = math.hypot(dx, dy) or 1.0
        nx, ny = -dy / length * widths[i] / 2, dx / length * widths[i] / 2
        left.append((px + nx, py + ny))
        right.append((px - nx, py - ny))
    return rounded(left + right[::-1], iterations=iterations)


def glow_stops(colour: Sequence[float], strength: float = 1.0) -> list[tuple[float, RGBA]]:
    """Stops for a soft light: bright centre, smooth quadratic-looking fall-off."""
    return [(t, with_alpha(colour, strength * (1 - t) ** 2.2)) for t in np.linspace(0, 1, 9)]


class Canvas:
    """A supersampled drawing surface addressed in final-image pixels."""

    def __init__(self, width: int, height: int, *, scale: int = 2, background: Sequence[float] | None = None) -> None:
        self.width, self.height, self.scale = width, height, scale
        shape = (height * scale, width * scale)
        self.rgb = np.zeros(shape + (3,), np.float32)
        self.alpha = np.zeros(shape, np.float32)
        if background is not None:
            self.rgb[:] = background[:3]
            self.alpha[:] = 1.0

    # -- the one place where coverage meets colour -----------------------------------------
    def _region(self, box: Box, pad: float = 0.0) -> tuple[int, int, int, int] | None:
        s = self.scale
        x0 = max(0, int(math.floor((box[0] - pad) * s)))
        y0 = max(0, int(math.floor((box[1] - pad) * s)))
        x1 = min(self.width * s, int(math.ceil((box[2] + pad) * s)) + 1)
        y1 = min(self.height * s, int(math.ceil((box[3] + pad) * s)) + 1)
        return None if x1 <= x0 or y1 <= y0 else (x0, y0, x1, y1)

    def _grid(self, region: tuple[int, int, int, int]) -> tuple[np.ndarray, np.ndarray]:
        x0, y0, x1, y1 = region
        s = self.scale
        x = ((np.arange(x0, x1, dtype=np.float32) + 0.5) / s)[None, :]
        y = ((np.arange(y0, y1, dtype=np.float32) + 0.5) / s)[:, None]
        return x, y

    def blend(self, region: tuple[int, int, int, int], coverage: np.ndarray, paint: Paint, *,
              mode: Mode = "over", opacity: float = 1.0, clip: bool = False) -> None:
        """Lay `paint` over a pixel region wherever `coverage` (0..1) says, in the given mode."""
        x0, y0, x1, y1 = region
        x, y = self._grid(region)
        if callable(paint):
            colour = paint(np.broadcast_to(x, coverage.shape), np.broadcast_to(y, coverage.shape))
        else:
            colour = np.array(tuple(paint) + ((1.0,) if len(paint) == 3 else ()), np.float32)
        colour = np.broadcast_to(colour, coverage.shape + (colour.shape[-1],))
        a = coverage * opacity
        if colour.shape[-1] == 4:
            a = a * colour[..., 3]
        rgb = self.rgb[y0:y1, x0:x1]
        alpha = self.alpha[y0:y1, x0:x1]
        if clip:
            a = a * alpha
        a3 = a[..., None]
        c = colour[..., :3]
        if mode == "over":
            rgb *= 1 - a3
            rgb += c * a3
            alpha *= 1 - a
            alpha += a
        elif mode == "add":
            rgb += c * a3 * alpha[..., None]
        elif mode == "screen":
            rgb[:] = rgb + (alpha[..., None] - rgb) * c * a3
        elif mode == "multiply":
            rgb *= 1 - a3 + c * a3

    # -- shapes ------------------------------------------------------------------------------
    def _mask(self, box: Box, draw: Callable[[ImageDraw.ImageDraw, Callable[[Point], Point]], None],
              soften: float) -> tuple[tuple[int, int, int, int], np.ndarray] | None:
        region = self._region(box, pad=soften * 3)
        if region is None:
            return None
        x0, y0, x1, y1 = region
        s = self.scale
        mask = Image.new("L", (x1 - x0, y1 - y0), 0)
        draw(ImageDraw.Draw(mask), lambda p: (p[0] * s - x0, p[1] * s - y0))
        if soften > 0:
            mask = mask.filter(ImageFilter.GaussianBlur(soften * s))
        return region, np.asarray(mask, np.float32) / 255.0

    def _fill(self, box: Box, draw: Callable[[ImageDraw.ImageDraw, Callable[[Point], Point]], None],
              paint: Paint, soften: float, **options: object) -> None:
        found = self._mask(box, draw, soften)
        if found is not None:
            self.blend(found[0], found[1], paint, **options)  # type: ignore[arg-type]

    def polygon(self, points: Sequence[Point], paint: Paint, *, soften: float = 0.0, **options: object) -> None:
        """Fill a polygon."""
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        self._fill((min(xs), min(ys), max(xs), max(ys)),
                   lambda d, to: d.polygon([to(p) for p in points], fill=255), paint, soften, **options)

    def rect(self, box: Box, paint: Paint, *, soften: float = 0.0, **options: object) -> None:
        """Fill an axis-aligned rectangle (x0, y0, x1, y1)."""
        x0, y0, x1, y1 = box
        self.polygon([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], paint, soften=soften, **options)

    def rounded_rect(self, box: Box, radius: float, paint: Paint, *, soften: float = 0.0, **options: object) -> None:
        """Fill a rectangle with rounded corners."""
        s = self.scale

        def draw(d: ImageDraw.ImageDraw, to: Callable[[Point], Point]) -> None:
            (ax, ay), (bx, by) = to((box[0], box[1])), to((box[2], box[3]))
            d.rounded_rectangle((ax, ay, bx - 1, by - 1), radius=radius * s, fill=255)

        self._fill(box, draw, paint, soften, **options)

    def ellipse(self, box: Box, paint: Paint, *, soften: float = 0.0, **options: object) -> None:
        """Fill an ellipse inside a bounding box."""

        def draw(d: ImageDraw.ImageDraw, to: Callable[[Point], Point]) -> None:
            (ax, ay), (bx, by) = to((box[0], box[1])), to((box[2], box[3]))
            d.ellipse((ax, ay, bx, by), fill=255)

        self._fill(box, draw, paint, soften, **options)

    def circle(self, centre: Point, radius: float, paint: Paint, **options: object) -> None:
        """Fill a circle."""
        cx, cy = centre
        self.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), paint, **options)  # type: ignore[arg-type]

    def line(self, points: Sequence[Point], width: float, paint: Paint, *, soften: float = 0.0, **options: object) -> None:
        """Stroke a polyline with round joints and caps."""
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        s = self.scale

        def draw(d: ImageDraw.ImageDraw, to: Callable[[Point], Point]) -> None:
            scaled = [to(p) for p in points]
            w = max(1, round(width * s))
            d.line(scaled, fill=255, width=w, joint="curve")
            for px, py in (scaled[0], scaled[-1]):
                d.ellipse((px - w / 2, py - w / 2, px + w / 2, py + w / 2), fill=255)

        box = (min(xs) - width, min(ys) - width, max(xs) + width, max(ys) + width)
        self._fill(box, draw, paint, soften, **options)

    def arc(self, centre: Point, radius: float | tuple[float, float], start: float, end: float, width: float,
            paint: Paint, **options: object) -> None:
        """Stroke an elliptical arc; angles in degrees, 0 = east, clockwise (y down)."""
        rx, ry = (radius, radius) if isinstance(radius, (int, float)) else radius
        steps = max(8, int(abs(end - start) / 4))
        angles = np.radians(np.linspace(start, end, steps))
        pts = [(centre[0] + rx * math.cos(a), centre[1] + ry * math.sin(a)) for a in angles]
        self.line(pts, width, paint, **options)  # type: ignore[arg-type]  # options are line's keywords

    def glow(self, centre: Point, radius: float | tuple[float, float], colour: Sequence[float], *,
             strength: float = 1.0, mode: Mode = "add", **options: object) -> None:
        """A soft round light (added by default) falling off to nothing at the radius."""
        rx, ry = (radius, radius) if isinstance(radius, (int, float)) else radius
        box = (centre[0] - rx, centre[1] - ry, centre[0] + rx, centre[1] + ry)
        region = self._region(box)
        if region is None:
            return
        x, y = self._grid(region)
        t = np.clip(np.sqrt(((x - centre[0]) / rx) ** 2 + ((y - centre[1]) / ry) ** 2), 0, 1)
        coverage = (1 - t) ** 2.2
        self.blend(region, coverage.astype(np.float32), colour[:3], mode=mode, opacity=strength, **options)  # type: ignore[arg-type]

    def fill(self, paint: Paint, *, mode: Mode = "over", opacity: float = 1.0, clip: bool = False) -> None:
        """Cover the whole canvas (a wash, tint or gradient overlay)."""
        region = (0, 0, self.width * self.scale, self.height * self.scale)
        coverage = np.ones((region[3], region[2]), np.float32)
        self.blend(region, coverage, paint, mode=mode, opacity=opacity, clip=clip)

    def vignette(self, strength: float, *, colour: Sequence[float] = (0.0, 0.0, 0.0)) -> None:
        """Darken towards the corners."""
        cx, cy = self.width / 2, self.height / 2
        stops = [(0.0, with_alpha(colour, 0.0)), (0.55, with_alpha(colour, 0.0)), (1.0, with_alpha(colour, strength))]
        self.fill(radial((cx, cy), (cx * 1.25, cy * 1.35), stops))

    # -- layers and pictures -------------------------------------------------------------------
    def layer(self) -> Canvas:
        """A fresh transparent canvas of the same size and scale (composite it back with `paste`)."""
        return Canvas(self.width, self.height, scale=self.scale)

    def paste(self, other: Canvas, *, opacity: float = 1.0) -> None:
        """Composite a same-sized layer on top (premultiplied 'over')."""
        a = other.alpha * opacity
        self.rgb *= 1 - a[..., None]
        self.rgb += other.rgb * opacity
        self.alpha *= 1 - a
        self.alpha += a

    def place(self, picture: Image.Image, box: Box, *, opacity: float = 1.0) -> None:
        """Draw a Pillow RGB picture stretched into a box."""
        region = self._region(box)
        if region is None:
            return
        x0, y0, x1, y1 = region
        s = self.scale
        full_w, full_h = round((box[2] - box[0]) * s), round((box[3] - box[1]) * s)
        scaled = picture.convert("RGB").resize((full_w, full_h), Image.Resampling.BILINEAR)
        ox, oy = x0 - round(box[0] * s), y0 - round(box[1] * s)
        crop = scaled.crop((ox, oy, ox + (x1 - x0), oy + (y1 - y0)))
        pixels = np.asarray(crop, np.float32) / 255.0
        coverage = np.ones(pixels.shape[:2], np.float32)
        self.blend(region, coverage, lambda _x, _y: pixels, opacity=opacity)

    def image(self, *, transparent: bool = False) -> Image.Image:
        """The finished picture at final size (RGB, or RGBA when transparent)."""
        size = (self.width, self.height)
        if not transparent:
            data = (np.clip(self.rgb, 0, 1) * 255 + 0.5).astype(np.uint8)
            return Image.fromarray(data, "RGB").resize(size, Image.Resampling.LANCZOS)
        alpha = np.clip(self.alpha, 0, 1)
        rgb = np.clip(self.rgb, 0, alpha[..., None])
        data = np.dstack([rgb, alpha[..., None]])
        premultiplied = Image.fromarray((data * 255 + 0.5).astype(np.uint8), "RGBA")
        premultiplied = Image.frombytes("RGBa", premultiplied.size, premultiplied.tobytes())
        return premultiplied.resize(size, Image.Resampling.LANCZOS).convert("RGBA")


def grained(picture: Image.Image, *, amount: float = 1.6, seed: int = 7) -> Image.Image:
    """Add a faint fixed film grain (also hides gradient banding). Same seed, same grain."""
    rng = np.random.default_rng(seed)
    pixels = np.asarray(picture, np.float32)
    noise = rng.normal(0.0, amount, pixels.shape[:2]).astype(np.float32)[..., None]
    channels = pixels.shape[2]
    pixels = pixels.copy()
    pixels[..., :3] += noise if channels >= 3 else 0
    return Image.fromarray(np.clip(pixels + 0.5, 0, 255).astype(np.uint8), picture.mode)


def save_png(picture: Image.Image, path: Path) -> Path:
    """Write a PNG with fixed options and no metadata, so equal pictures give equal bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    picture.save(path, format="PNG", optimize=False, compress_level=6)
    return path


# -- modelling: shading that follows a shape's form ------------------------------------------------
def box_blur(values: np.ndarray, radius: int, *, passes: int = 3) -> np.ndarray:
    """A near-Gaussian blur (repeated box filters, via running sums) of a 2-D float array."""
    out: np.ndarray = values.astype(np.float32)
    r = max(1, int(radius))
    for _ in range(passes):
        for axis in (0, 1):
            padded = np.pad(out, [(r + 1, r) if a == axis else (0, 0) for a in (0, 1)], mode="edge")
            summed = np.cumsum(padded, axis=axis, dtype=np.float32)
            upper = summed.take(np.arange(2 * r + 1, summed.shape[axis]), axis=axis)
            lower = summed.take(np.arange(0, summed.shape[axis] - 2 * r - 1), axis=axis)
            out = (upper - lower) / (2 * r + 1)
    return out


def lighting(mask: np.ndarray, radius_px: float, light: tuple[float, float, float]) -> np.ndarray:
    """How lit each pixel of a shape is (0..1), treating the blurred mask as a height field.

    The blur turns a flat silhouette into a soft dome whose slopes face outwards at the
    edges, so a light from one side brightens the edges facing it and shades the others:
    form shading that follows any outline without modelling the shape in 3-D.
    """
    height = box_blur(mask, max(1, round(radius_px / 1.7)))
    gy, gx = np.gradient(height)
    k = radius_px * 1.6
    nx, ny = -gx * k, -gy * k
    length = np.sqrt(nx * nx + ny * ny + 1.0)
    lx, ly, lz = light
    norm = math.sqrt(lx * lx + ly * ly + lz * lz)
    return np.clip((nx * lx + ny * ly + lz) / (length * norm), 0.0, 1.0)


def model(c: Canvas, points: Sequence[Point], stops: Sequence[tuple[float, Sequence[float]]], *, depth: float,
          light: tuple[float, float, float] = (-0.55, -0.65, 0.75), soften: float = 0.0, **options: object) -> None:
    """Fill a polygon with form shading: colour stops looked up by how much each pixel faces the light."""
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    pad = depth * 1.5 + soften * 3
    region = c._region((min(xs), min(ys), max(xs), max(ys)), pad=pad)
    if region is None:
        return
    x0, y0, x1, y1 = region
    s = c.scale
    if x1 - x0 < 3 * s or y1 - y0 < 3 * s:  # a sliver at the canvas's edge: nothing to shade
        return
    mask_image = Image.new("L", (x1 - x0, y1 - y0), 0)
    ImageDraw.Draw(mask_image).polygon([(p[0] * s - x0, p[1] * s - y0) for p in points], fill=255)
    if soften > 0:
        mask_image = mask_image.filter(ImageFilter.GaussianBlur(soften * s))
    mask = np.asarray(mask_image, np.float32) / 255.0
    # The light varies slowly, so it is worked out at the final size and enlarged: far cheaper.
    small = mask_image.resize((max(1, (x1 - x0) // s), max(1, (y1 - y0) // s)), Image.Resampling.BOX)
    shade = lighting(np.asarray(small, np.float32) / 255.0, depth, light)
    shade = np.asarray(Image.fromarray(shade, "F").resize((x1 - x0, y1 - y0), Image.Resampling.BILINEAR))
    colour = _stops_to_colour(shade, stops)
    c.blend(region, mask, lambda _x, _y: colour, **options)  # type: ignore[arg-type]


def rotate_layer(layer: Canvas, angle: float, centre: Point) -> None:
    """Turn a whole layer about a point (degrees, positive = anticlockwise on screen), in place.

    Only the part of the layer with something on it, widened by how far the turn can carry
    a pixel, is turned: the rest is empty before and after.
    """
    if abs(angle) < 1e-3:
        return
    s = layer.scale
    rows, cols = np.nonzero(layer.alpha > 0)
    if len(rows) == 0:
        return
    px, py = centre[0] * s, centre[1] * s
    reach = max(abs(rows.min() - py), abs(rows.max() - py), abs(cols.min() - px), abs(cols.max() - px)) * 1.42
    margin = int(math.ceil(reach * abs(math.sin(math.radians(angle))) * 2)) + 4
    h, w = layer.alpha.shape
    y0, y1 = max(0, rows.min() - margin), min(h, rows.max() + 1 + margin)
    x0, x1 = max(0, cols.min() - margin), min(w, cols.max() + 1 + margin)
    pivot = (px - x0, py - y0)
    planes = [layer.rgb[y0:y1, x0:x1, k] for k in range(3)] + [layer.alpha[y0:y1, x0:x1]]
    turned = [np.asarray(Image.fromarray(np.ascontiguousarray(p), "F").rotate(angle, Image.Resampling.BICUBIC, center=pivot))
              for p in planes]
    layer.alpha[:] = 0.0
    layer.rgb[:] = 0.0
    layer.alpha[y0:y1, x0:x1] = np.clip(turned[3], 0.0, 1.0)
    layer.rgb[y0:y1, x0:x1] = np.clip(np.dstack(turned[:3]), 0.0, None)
