"""Hub's art and sound, generated: every picture drawn with Pillow, every sound made with numpy
(the music written as Ogg Vorbis through `soundfile`).

    from game.artwork import generate
    generate(root)  # writes root/art/... and root/audio/..., returns the files written

The output is deterministic (fixed seeds, no timestamps, fixed PNG options),
so regenerating gives the same bytes. Pictures are drawn in two worker
processes; `art/contact_sheet.png` shows them all on one page for review, and
`art/contact_sheet_sprites.png` every expression and pose at a size to judge faces.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from game.artwork.backgrounds import backgrounds
from game.artwork.drawing import save_png
from game.artwork.interface import FONTS, interface
from game.artwork.sound import save_sound, sounds
from game.artwork.sprites import sprites

__all__ = ["generate", "catalogue", "handmade"]

CONTACT_SHEET = "art/contact_sheet.png"
CAST_SHEET = "art/contact_sheet_sprites.png"  # every expression and pose, large enough to judge the faces
HANDMADE = "art/handmade.txt"
BLINK_FRAME = re.compile(r"_blink\d\.png$")  # left off the contact sheet: it shows each expression once


def catalogue() -> dict[str, str]:
    """Every file the generator writes (relative path) mapped to its kind: 'image' or 'sound'."""
    names = {f"art/backgrounds/{n}.png": "image" for n in backgrounds()}
    names |= {f"art/sprites/{n}.png": "image" for n in sprites()}
    names |= {f"art/ui/{n}.png": "image" for n in interface()}
    names |= {f"audio/{n}": "sound" for n in sounds()}
    names[CONTACT_SHEET] = "image"
    names[CAST_SHEET] = "image"
    return names


def _makers() -> dict[str, Callable[[], object]]:
    makers: dict[str, Callable[[], object]] = {}
    makers |= {f"art/backgrounds/{n}.png": f for n, f in backgrounds().items()}
    makers |= {f"art/sprites/{n}.png": f for n, f in sprites().items()}
    makers |= {f"art/ui/{n}.png": f for n, f in interface().items()}
    makers |= {f"audio/{n}": f for n, f in sounds().items()}
    return makers


# Jobs are grouped so the one Hub picture the office views reuse is drawn once per group, and a
# sprite's blink frames go with it (its body is drawn once for all three).
def _groups() -> list[list[str]]:
    names = list(_makers())
    office = [n for n in names if n.startswith("art/backgrounds/") and ("office" in n or "end_" in n or "hub" in n)]
    rest = sorted((n for n in names if n not in office), key=lambda n: (not n.startswith("art/backgrounds"), n))
    families: dict[str, list[str]] = {}
    for name in rest:
        families.setdefault(BLINK_FRAME.sub(".png", name), []).append(name)
    groups: list[list[str]] = [[] for _ in range(3)]
    for i, family in enumerate(families.values()):
        groups[i % 3].extend(family)
    return [office] + groups


def _write_group(root: str, group: list[str]) -> list[str]:
    makers = _makers()
    written = []
    for name in group:
        result = makers[name]()
        path = Path(root) / name
        if isinstance(result, Image.Image):
            save_png(result, path)
        else:
            save_sound(result, path)  # type: ignore[arg-type]
        written.append(name)
    return written


def handmade(root: Path) -> set[str]:
    """Files an artist has replaced, listed in `art/handmade.txt` (one path a line): never overwritten."""
    listing = Path(root) / HANDMADE
    if not listing.exists():
        return set()
    lines = (line.strip() for line in listing.read_text(encoding="utf-8").splitlines())
    return {line for line in lines if line and not line.startswith("#")}


def generate(root: Path, *, workers: int = 2) -> list[Path]:
    """Write every picture and sound under root/art and root/audio, except hand-made ones; return the paths written."""
    root = Path(root)
    keep = handmade(root)
    groups = [[name for name in group if name not in keep] for group in _groups()]
    written: list[str] = []
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for names in pool.map(_write_group, [str(root)] * len(groups), groups):
                written.extend(names)
    else:
        for group in groups:
            written.extend(_write_group(str(root), group))
    images = sorted(n for n in catalogue() if n.endswith(".png") and n not in (CONTACT_SHEET, CAST_SHEET)
                    and not BLINK_FRAME.search(n))
    save_png(contact_sheet(root, images), root / CONTACT_SHEET)
    cast = [name for name in (f"art/sprites/{key}.png" for key in sprites()) if name in images]  # by character, as listed
    save_png(contact_sheet(root, cast, cell=(300, 330), columns=8, title="Hub - every expression and pose"), root / CAST_SHEET)
    written += [CONTACT_SHEET, CAST_SHEET]
    return sorted(root / n for n in written)


def contact_sheet(root: Path, names: list[str], *, cell: tuple[int, int] = (300, 190), columns: int = 6,
                  title: str = "Hub - generated art (game/artwork)") -> Image.Image:
    """Pictures on one page, each labelled with its file name, sprites on a checkerboard."""
    (cell_w, cell_h), label_h, gap = cell, 22, 14
    rows = -(-len(names) // columns)
    sheet = Image.new("RGB", (columns * (cell_w + gap) + gap, rows * (cell_h + label_h + gap) + gap + 40), (22, 26, 30))
    draw = ImageDraw.Draw(sheet)
    font = ImageFont.truetype(str(FONTS / "Lato-Regular.ttf"), 13)
    heading = ImageFont.truetype(str(FONTS / "Lato-Bold.ttf"), 20)
    draw.text((gap, 10), title, font=heading, fill=(230, 236, 236))
    for i, name in enumerate(names):
        col, row = i % columns, i // columns
        x, y = gap + col * (cell_w + gap), 44 + row * (cell_h + label_h + gap)
        picture = Image.open(root / name)
        picture.load()
        thumb = picture.copy()
        thumb.thumbnail((cell_w, cell_h), Image.Resampling.LANCZOS)
        ox, oy = x + (cell_w - thumb.width) // 2, y + (cell_h - thumb.height) // 2
        if thumb.mode == "RGBA":
            sheet.paste(_checker(thumb.size), (ox, oy))
            sheet.paste(thumb, (ox, oy), thumb)
        else:
            sheet.paste(thumb.convert("RGB"), (ox, oy))
        label = name.removeprefix("art/")
        draw.text((x, y + cell_h + 4), label, font=font, fill=(200, 208, 210))
    return sheet


def _checker(size: tuple[int, int], *, square: int = 10) -> Image.Image:
    tile = Image.new("RGB", size, (70, 76, 82))
    draw = ImageDraw.Draw(tile)
    for y in range(0, size[1], square):
        for x in range((y // square) % 2 * square, size[0], square * 2):
            draw.rectangle((x, y, x + square - 1, y + square - 1), fill=(90, 96, 102))
    return tile
