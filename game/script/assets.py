"""Checks that every picture and sound a script names exists and can be used.

Each file is checked once, however many steps use it; a problem is reported at
the first step that names the file.
"""

from __future__ import annotations

import wave
from collections.abc import Callable
from pathlib import Path

from PIL import Image

from game.script import files
from game.script.problems import Place, Problem

SCREEN = (1280, 720)
SOUND_SUFFIXES = (".wav", ".ogg")


def background_path(root: Path, name: str) -> Path:
    return root / "art" / "backgrounds" / f"{name}.png"


def sprite_path(root: Path, character: str, expression: str) -> Path:
    return root / "art" / "sprites" / character / f"{expression}.png"


def sound_path(root: Path, name: str) -> Path:
    """The sound's file: `audio/NAME.wav`, or `.ogg` when only that exists."""
    for suffix in SOUND_SUFFIXES:
        path = root / "audio" / f"{name}{suffix}"
        if path.exists():
            return path
    return root / "audio" / f"{name}.wav"


class AssetCheck:
    """Verifies asset files as the scripts name them, reporting into `problems`."""

    def __init__(self, root: Path, problems: list[Problem], *, thorough: bool = False) -> None:
        self.root = root
        self.problems = problems
        self.thorough = thorough  # load every file in full (`check`), not only its header
        self._checked: set[Path] = set()

    def _first_time(self, path: Path) -> bool:
        if path in self._checked:
            return False
        self._checked.add(path)
        return True

    def background(self, name: str, place: Place) -> None:
        path = background_path(self.root, name)
        if self._first_time(path):
            self._image(path, place, exact=SCREEN, what=f"background '{name}'")

    def sprite(self, character: str, expression: str, place: Place) -> None:
        path = sprite_path(self.root, character, expression)
        if self._first_time(path):
            self._image(path, place, exact=None, what=f"sprite '{character} {expression}'")

    def sound(self, name: str, place: Place, *, what: str = "sound") -> None:
        """Check `audio/NAME.wav` (or `.ogg`); `what` says "sound" or "music" in the message."""
        path = sound_path(self.root, name)
        if not self._first_time(path):
            return
        if not path.exists():
            self._missing(path, place, f"{what} '{name}'", "add audio/" + name + ".wav (or .ogg)")
        elif path.suffix == ".wav":
            try:
                with wave.open(str(path)) as sound:
                    sound.getnframes()
            except (wave.Error, EOFError, OSError) as error:
                self.problems.append(Problem(place, f"{what} '{name}' cannot be played: {path.name}: {error}", "save it as a PCM WAV file"))
                return
        if self.thorough and path.exists() and (reason := files.check_sound(path)):
            self.problems.append(Problem(place, f"{what} '{name}' cannot be played: {self._relative(path)}: {reason}", "save it again as a PCM WAV (or Ogg Vorbis) file"))

    def _image(self, path: Path, place: Place, *, exact: tuple[int, int] | None, what: str) -> None:
        if not path.exists():
            self._missing(path, place, what, f"add {self._relative(path)}, or fix the name")
            return
        try:
            with Image.open(path) as image:
                size = image.size
        except (OSError, SyntaxError) as error:
            self.problems.append(Problem(place, f"{what} cannot be read: {self._relative(path)}: {error}", "save it again as a PNG"))
            return
        if self.thorough and (reason := files.check_image(path)):
            self.problems.append(Problem(place, f"{what} cannot be read: {self._relative(path)}: {reason}", "save it again as a PNG"))
            return
        if exact and size != exact:
            self.problems.append(Problem(place, f"{what} is {size[0]}x{size[1]}, not {exact[0]}x{exact[1]}", f"resize {self._relative(path)} to {exact[0]}x{exact[1]}"))
        elif size[0] > SCREEN[0] or size[1] > SCREEN[1]:
            self.problems.append(Problem(place, f"{what} is {size[0]}x{size[1]}, larger than the screen", "make it at most 1280x720 (sprites are about 420x480)"))

    def engine_files(self, font_files: tuple[Path, ...] = ()) -> None:
        """The interface's own pictures, sounds and fonts, each reported at its own path."""
        for path in (files.ui_path(self.root, name) for name in files.INTERFACE_IMAGES):
            self._engine_file(path, files.check_image, "interface picture", "cannot be read", "save it again as a PNG")
        self.background(files.TITLE_BACKGROUND, Place(self._relative(background_path(self.root, files.TITLE_BACKGROUND)), 1, 1))
        for name in files.INTERFACE_SOUNDS:
            self.sound(name, Place(self._relative(sound_path(self.root, name)), 1, 1))
        for path in font_files:
            self._engine_file(path, files.check_font, "font", "cannot be used", "replace it with a working .ttf or .otf file")

    def _engine_file(self, path: Path, check: Callable[[Path], str | None], what: str, fails: str, hint: str) -> None:
        if self._first_time(path) and (reason := check(path)):
            hint = f"put {self._relative(path)} back" if not path.exists() else hint
            self.problems.append(Problem(Place(self._relative(path), 1, 1), f"{what} {self._relative(path)} {fails}: {reason}", hint))

    def _missing(self, path: Path, place: Place, what: str, hint: str) -> None:
        self.problems.append(Problem(place, f"{what} has no file: {self._relative(path)} is missing", hint))

    def _relative(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root))
        except ValueError:
            return str(path)
