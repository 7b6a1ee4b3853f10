"""The interface pieces: text box, name plate, choice buttons, continue mark, logo, icon, menu and end card.

Panels share one recipe (`panel`): a rounded, translucent dark body with a
soft top sheen, a thin light border and a faint inner glow. The name plate is
drawn in white and greys because the game tints it with each speaker's colour.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from game.artwork import palette as P
from game.artwork.backgrounds import end_card
from game.artwork.drawing import Canvas, mix, vertical, with_alpha

SCALE = 3
FONTS = Path(__file__).resolve().parents[2] / "art" / "fonts"


def panel(width: int, height: int, *, radius: float, body: tuple, alpha: float, edge: tuple,
          edge_alpha: float, sheen: float = 0.08, glow: float = 0.12, margin: float = 2) -> Canvas:
    """A rounded translucent panel with a border, a top sheen and an inner glow."""
    c = Canvas(width, height, scale=SCALE)
    outer = (margin, margin, width - margin, height - margin)
    c.rounded_rect(outer, radius, edge)
    inner = (margin + 1.5, margin + 1.5, width - margin - 1.5, height - margin - 1.5)
    c.rounded_rect(inner, radius - 1.5, vertical(0, height, [(0, mix(body, edge, 0.08)), (1, body)]))
    c.rounded_rect((inner[0] + 6, inner[1] + 6, inner[2] - 6, inner[3] - 6), max(2, radius - 6),
                   with_alpha(edge, glow), soften=7, mode="add", clip=True)
    c.rect((inner[0], inner[1], inner[2], inner[1] + (inner[3] - inner[1]) * 0.45),
           vertical(inner[1], inner[1] + (inner[3] - inner[1]) * 0.45,
                    [(0, with_alpha((1, 1, 1), sheen)), (1, with_alpha((1, 1, 1), 0.0))]), mode="add", clip=True)
    _set_body_alpha(c, outer, inner, radius, alpha, edge_alpha)
    return c


def _set_body_alpha(c: Canvas, outer: tuple, inner: tuple, radius: float, alpha: float, edge_alpha: float) -> None:
    """Make the panel's body translucent while its border stays as strong as asked."""
    mask = Canvas(c.width, c.height, scale=c.scale)
    mask.rounded_rect(inner, radius - 1.5, (1, 1, 1))
    body = mask.alpha
    target = body * alpha + (c.alpha - body).clip(0, 1) * edge_alpha
    ratio = np.where(c.alpha > 1e-6, target / np.maximum(c.alpha, 1e-6), 0)
    c.rgb *= ratio[..., None]
    c.alpha[:] = target


def textbox() -> Image.Image:
    """The dialogue box: dark, translucent (alpha ~210), rounded, with a quiet teal edge."""
    return panel(1180, 190, radius=18, body=P.PANEL, alpha=210 / 255, edge=P.PANEL_EDGE, edge_alpha=0.55,
                 glow=0.10).image(transparent=True)


def nameplate() -> Image.Image:
    """The speaker's plate in white and light greys, for the game to tint."""
    c = Canvas(260, 48, scale=SCALE)
    c.rounded_rect((1, 1, 259, 47), 14, (0.62, 0.62, 0.62))
    c.rounded_rect((2.5, 2.5, 257.5, 45.5), 12.5, vertical(2, 46, [(0, (1, 1, 1)), (0.55, (0.9, 0.9, 0.9)),
                                                                   (1, (0.74, 0.74, 0.74))]))
    c.rounded_rect((6, 4, 254, 20), 8, with_alpha((1, 1, 1), 0.5))
    c.line([(18, 42), (242, 42)], 1.2, with_alpha((0.6, 0.6, 0.6), 0.6))
    return c.image(transparent=True)


def choice(state: str) -> Image.Image:
    """A choice button: resting, hovered (lit amber edge, brighter) or pressed (darker, sunk)."""
    looks = {
        "normal": dict(body=P.PANEL, alpha=0.78, edge=P.PANEL_EDGE, edge_alpha=0.4, sheen=0.06, glow=0.06),
        "hover": dict(body=mix(P.PANEL, P.AMBER_DEEP, 0.14), alpha=0.88, edge=P.AMBER, edge_alpha=0.9, sheen=0.08,
                      glow=0.3),
        "pressed": dict(body=mix(P.PANEL, P.HUB_DEEP, 0.6), alpha=0.95, edge=P.AMBER_DEEP, edge_alpha=0.8, sheen=0.0,
                        glow=0.18),
    }[state]
    c = panel(760, 64, radius=14, **looks)  # type: ignore[arg-type]
    if state == "hover":
        c.rect((28, 30, 36, 38), with_alpha(P.AMBER, 0.95))
        c.glow((32, 34), 18, P.AMBER, strength=0.6, clip=True)
    if state == "pressed":
        c.rect((4, 4, 756, 14), vertical(4, 14, [(0, with_alpha((0, 0, 0), 0.5)), (1, with_alpha((0, 0, 0), 0.0))]),
               clip=True)
    return c.image(transparent=True)


def continue_mark() -> Image.Image:
    """The click-to-continue mark: a small soft-glowing down chevron."""
    c = Canvas(28, 28, scale=8)
    c.glow((14, 15), 13, P.AMBER, strength=0.5, mode="over")
    c.line([(7, 10), (14, 18), (21, 10)], 3.2, P.AMBER_PALE)
    return c.image(transparent=True)


def menu_panel() -> Image.Image:
    """The pause menu's panel, taller and a touch warmer at the top."""
    c = panel(460, 400, radius=22, body=P.PANEL, alpha=0.88, edge=P.PANEL_EDGE, edge_alpha=0.6, sheen=0.07, glow=0.1)
    c.line([(60, 78), (400, 78)], 1.2, with_alpha(P.AMBER, 0.45), clip=True)
    return c.image(transparent=True)


def logo() -> Image.Image:
    """'HUB' set wide in Lato, cold water light inside the letters, a warm rule and a small line under it."""
    width, height, s = 760, 220, 3
    big = ImageFont.truetype(str(FONTS / "Lato-Bold.ttf"), 150 * s)
    small = ImageFont.truetype(str(FONTS / "Lato-Light.ttf"), 22 * s)
    text_mask = Image.new("L", (width * s, height * s), 0)
    draw = ImageDraw.Draw(text_mask)
    spacing = 46 * s
    letters = "HUB"
    widths = [draw.textlength(ch, font=big) for ch in letters]
    total = sum(widths) + spacing * (len(letters) - 1)
    x = (width * s - total) / 2
    for ch, w in zip(letters, widths):
        draw.text((x, 6 * s), ch, font=big, fill=255)
        x += w + spacing
    letter_alpha = np.asarray(text_mask, np.float32) / 255
    yy = np.linspace(0, 1, height * s, dtype=np.float32)[:, None]
    top, bottom = np.array(P.WATER_FOAM, np.float32), np.array(P.WATER, np.float32) * 0.8
    fill = top + (bottom - top) * np.clip(yy / 0.75, 0, 1)[..., None]
    glow_mask = np.asarray(text_mask.filter(ImageFilter.GaussianBlur(14 * s)), np.float32) / 255
    glow_alpha = np.clip(glow_mask * 0.9, 0, 1)
    alpha = letter_alpha + glow_alpha * (1 - letter_alpha)
    colour = (fill * letter_alpha[..., None] + np.array(P.WATER, np.float32) * (glow_alpha * (1 - letter_alpha))[..., None])
    c = Canvas(width, height, scale=s)
    c.rgb[:] = colour
    c.alpha[:] = alpha
    c.rect((230, 176, 530, 178), with_alpha(P.AMBER, 0.85))
    c.glow((380, 177), (180, 8), P.AMBER, strength=0.6, mode="over")
    caption = Image.new("L", (width * s, height * s), 0)
    line = "A TORCHWOOD STORY"
    cd = ImageDraw.Draw(caption)
    tracking = 8 * s
    widths = [cd.textlength(ch, font=small) for ch in line]
    x = (width * s - sum(widths) - tracking * (len(line) - 1)) / 2
    for ch, w in zip(line, widths):
        cd.text((x, 186 * s), ch, font=small, fill=255)
        x += w + tracking
    cap = np.asarray(caption, np.float32) / 255 * 0.85
    c.rgb[:] = c.rgb * (1 - cap[..., None]) + np.array(P.AMBER_PALE, np.float32) * cap[..., None]
    c.alpha[:] = c.alpha * (1 - cap) + cap
    return c.image(transparent=True)


def icon() -> Image.Image:
    """The app's and the window's icon, 256x256: the logo's 'H' lit from inside, on a dark rounded tile."""
    size, s = 256, SCALE
    c = panel(size, size, radius=44, body=P.PANEL, alpha=1.0,
              edge=P.WATER, edge_alpha=0.9, sheen=0.05, glow=0.18, margin=4)
    big = ImageFont.truetype(str(FONTS / "Lato-Bold.ttf"), 170 * s)
    mask = Image.new("L", (size * s, size * s), 0)
    draw = ImageDraw.Draw(mask)
    left, top, right, bottom = draw.textbbox((0, 0), "H", font=big)
    draw.text(((size * s - (right - left)) / 2 - left, (size * s - (bottom - top)) / 2 - top - 10 * s), "H", font=big, fill=255)
    letter = np.asarray(mask, np.float32) / 255
    glow = np.clip(np.asarray(mask.filter(ImageFilter.GaussianBlur(10 * s)), np.float32) / 255 * 0.8, 0, 1)
    yy = np.linspace(0, 1, size * s, dtype=np.float32)[:, None]
    lit = np.array(P.WATER_FOAM, np.float32) + (np.array(P.WATER, np.float32) * 0.8 - np.array(P.WATER_FOAM, np.float32)) * np.clip(yy, 0, 1)[..., None]
    c.rgb[:] = c.rgb * (1 - glow[..., None]) + np.array(P.WATER, np.float32) * glow[..., None]
    c.rgb[:] = c.rgb * (1 - letter[..., None]) + lit * letter[..., None]
    c.rect((78, 206, 178, 209), with_alpha(P.AMBER, 0.9))
    c.glow((128, 207), (60, 6), P.AMBER, strength=0.5, mode="over")
    return c.image(transparent=True)


def interface() -> dict[str, Callable[[], Image.Image]]:
    """Every interface picture by file name (without .png), as functions that draw it."""
    return {
        "textbox": textbox,
        "nameplate": nameplate,
        "choice_normal": lambda: choice("normal"),
        "choice_hover": lambda: choice("hover"),
        "choice_pressed": lambda: choice("pressed"),
        "continue": continue_mark,
        "logo": logo,
        "icon": icon,
        "menu_panel": menu_panel,
        "end_card": end_card,
    }
