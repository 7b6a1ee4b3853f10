"""`python main.py new DIR`: a small starter game a writer can play, check and change.

The scene files and `game.yaml` are the text files beside this module; the
pictures and sounds are drawn here with Pillow and plain arithmetic, so the
starter has its own art without shipping binary files twice.
"""

from __future__ import annotations

import math
import shutil
import struct
import sys
import tempfile
import wave
from pathlib import Path

from PIL import Image, ImageDraw

from game import ROOT

TEMPLATE = Path(__file__).resolve().parent
TEXT_FILES = ("game.yaml", "scenes/characters.yaml", "scenes/story.yaml")
SIZE = (1280, 720)
RATE = 22050


def write_starter(folder: Path) -> int:
    """Write the starter game into `folder` (new or empty); 0 on success, 1 if it would overwrite anything."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        print(f"new: {folder} already exists and is not empty; give a new folder's name", file=sys.stderr)
        return 1
    folder.parent.mkdir(parents=True, exist_ok=True)
    # Built aside and renamed into place: a failure half-way leaves nothing behind.
    building = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    try:
        _fill(building)
        if folder.exists():
            folder.rmdir()
        building.rename(folder)
    except OSError as error:
        shutil.rmtree(building, ignore_errors=True)
        print(f"new: cannot write {folder}: {error}", file=sys.stderr)
        return 1
    print(f"wrote a starter game in {folder}\n  play it:   python main.py --game {folder}\n  check it:  python main.py --game {folder} check\n  ship it:   python main.py --game {folder} build\n  read docs/writing-scenes.md to change it")
    return 0


def modeline(name: str) -> str:
    """The first line that points yaml-language-server (VS Code's YAML extension and others) at
    this engine's schema for the file (docs/schema/, `game.script.schema`)."""
    schema = "game.schema.json" if Path(name).name == "game.yaml" else "scene.schema.json"
    return f"# yaml-language-server: $schema={(ROOT / 'docs' / 'schema' / schema).as_uri()}\n"


def _fill(root: Path) -> None:
    for name in TEXT_FILES:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(modeline(name) + (TEMPLATE / name).read_text(encoding="utf-8"), encoding="utf-8")
    backgrounds = root / "art" / "backgrounds"
    backgrounds.mkdir(parents=True)
    _park(False).save(backgrounds / "park.png")
    _icon().save(root / "icon.png")
    _park(True).save(backgrounds / "bench.png")
    for character, outfit, colour in (("mina", "coat", (196, 92, 120)), ("theo", "scarf", (70, 120, 170))):
        sprites = root / "art" / "sprites" / character
        sprites.mkdir(parents=True)
        _figure(colour, smiling=False).save(sprites / f"{outfit}.png")
        _figure(colour, smiling=True).save(sprites / f"{outfit}_smile.png")
    audio = root / "audio"
    audio.mkdir()
    _tune(audio / "stroll.wav", [262, 330, 392, 330, 294, 349, 440, 349], note=0.35)
    _tune(audio / "chime.wav", [784, 1047], note=0.18)


def _park(bench: bool) -> Image.Image:
    """A sky over grass with two trees; `bench` adds a bench by the water."""
    image = Image.new("RGB", SIZE)
    draw = ImageDraw.Draw(image)
    for y in range(SIZE[1]):
        t = y / SIZE[1]
        draw.line([(0, y), (SIZE[0], y)], fill=(int(150 + 80 * t), int(180 + 50 * t), int(220 - 20 * t)))
    draw.rectangle([0, 470, SIZE[0], SIZE[1]], fill=(96, 140, 84))
    draw.rectangle([0, 560, SIZE[0], 620], fill=(90, 130, 170))  # the river
    for x in (180, 1040):
        draw.rectangle([x - 14, 300, x + 14, 480], fill=(92, 64, 44))
        draw.ellipse([x - 110, 170, x + 110, 360], fill=(60, 110, 60))
    if bench:
        draw.rectangle([480, 500, 800, 520], fill=(120, 80, 50))
        draw.rectangle([480, 460, 800, 475], fill=(120, 80, 50))
        for x in (500, 780):
            draw.rectangle([x - 6, 520, x + 6, 555], fill=(60, 60, 60))
    return image


def _icon() -> Image.Image:
    """A tree against the sky, the park's: 256x256, the size systems show an app's icon at most often."""
    image = Image.new("RGBA", (256, 256), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle([8, 8, 248, 248], radius=48, fill=(150, 190, 225, 255))
    draw.rounded_rectangle([8, 176, 248, 248], radius=48, fill=(96, 140, 84, 255))
    draw.rectangle([8, 176, 248, 200], fill=(96, 140, 84, 255))
    draw.rectangle([116, 120, 140, 200], fill=(92, 64, 44, 255))
    draw.ellipse([56, 36, 200, 160], fill=(60, 110, 60, 255))
    return image


def _figure(colour: tuple[int, int, int], *, smiling: bool) -> Image.Image:
    """A simple, friendly figure, bottom-anchored on a transparent 420x480 picture."""
    image = Image.new("RGBA", (420, 480), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.polygon([(110, 480), (310, 480), (270, 250), (150, 250)], fill=(*colour, 255))
    draw.ellipse([140, 90, 280, 240], fill=(240, 210, 185, 255))
    draw.ellipse([180, 150, 192, 162], fill=(40, 40, 40, 255))
    draw.ellipse([228, 150, 240, 162], fill=(40, 40, 40, 255))
    if smiling:
        draw.arc([185, 170, 235, 210], start=20, end=160, fill=(120, 50, 50, 255), width=4)
    else:
        draw.line([(192, 195), (228, 195)], fill=(120, 50, 50, 255), width=4)
    return image


def _tune(path: Path, notes: list[int], *, note: float) -> None:
    """A few soft sine notes as a 16-bit mono WAV."""
    frames = bytearray()
    length = int(RATE * note)
    for frequency in notes:
        for i in range(length):
            envelope = min(1.0, i / 400) * (1 - i / length)
            frames += struct.pack("<h", int(9000 * envelope * math.sin(2 * math.pi * frequency * i / RATE)))
    with wave.open(str(path), "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(2)
        sound.setframerate(RATE)
        sound.writeframes(bytes(frames))
