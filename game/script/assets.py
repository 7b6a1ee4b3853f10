"""Checks that every picture and sound a script names exists and can be used.

Each file is checked once, however many steps use it; a problem is reported at
the first step that names the file. A `thorough` check (`python main.py check`)
loads every file in full (`game.script.files`), not only its header.
"""

from __future__ import annotations

import wave
from pathlib import Path

from PIL import Image

from game.script.files import FALLBACK_FONT, check_font, check_image, check_sound
from game.script.problems import Place, Problem

SCREEN = (1280, 720)
SOUND_SUFFIXES = (".wav", ".ogg")
#: The interface's own files every game loads; `check` checks each. A file the UI loads by name belongs here.
INTERFACE_IMAGES = ("textbox", "nameplate", "continue", "choice_normal", "choice_hover", "choice_pressed", "menu_panel", "end_card")
INTERFACE_SOUNDS = ("ui_click", "ui_hover")
INTERFACE_FONTS = ("Lato-Regular.ttf", "Lato-Italic.ttf", "Lato-Bold.ttf", "Lato-Light.ttf", FALLBACK_FONT)


def background_path(root: Path, name: str) -> Path:
    return root / "art" / "backgrounds" / f"{name}.png"


def sprite_path(root: Path, character: str, expression: str) -> Path:
    return root / "art" / "sprites" / character / f"{expression}.png"


def ui_path(root: Path, name: str) -> Path:
    return root / "art" / "ui" / f"{name}.png"


def font_path(root: Path, file: str) -> Path:
    return root / "art" / "fonts" / file


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

    def ui(self, name: str, place: Place) -> None:
        path = ui_path(self.root, name)
        if self._first_time(path):
            self._image(path, place, exact=None, what=f"interface image '{name}'")

    def font(self, file: str, place: Place) -> None:
        path = font_path(self.root, file)
        if not self._first_time(path):
            return
        if not path.is_file():
            self._missing(path, place, f"font '{file}'", f"add art/fonts/{file}, or fix the name")
        elif self.thorough and (reason := check_font(path)):
            self.problems.append(Problem(place, f"font '{file}' cannot be used: {self._relative(path)}: {reason}", "replace it with a working .ttf or .otf file"))

    def interface(self, place: Place) -> None:
        """Every file the interface and the title screen load, reported at `place`."""
        for name in INTERFACE_IMAGES:
            self.ui(name, place)
        for name in INTERFACE_SOUNDS:
            self.sound(name, place)
        for file in INTERFACE_FONTS:
            self.font(file, place)
        # The title's picture, logo and music (the GameFolder names them once `script` lands).
        self.background("title", place)
        self.ui("logo", place)
        self.sound("theme", place, what="music")

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
        if self.thorough and path.exists() and (reason := check_sound(path)):
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
        if self.thorough and (reason := check_image(path)):
            self.problems.append(Problem(place, f"{what} cannot be read: {self._relative(path)}: {reason}", "save it again as a PNG"))
            return
        if exact and size != exact:
            self.problems.append(Problem(place, f"{what} is {size[0]}x{size[1]}, not {exact[0]}x{exact[1]}", f"resize {self._relative(path)} to {exact[0]}x{exact[1]}"))
        elif size[0] > SCREEN[0] or size[1] > SCREEN[1]:
            self.problems.append(Problem(place, f"{what} is {size[0]}x{size[1]}, larger than the screen", "make it at most 1280x720 (sprites are about 420x480)"))

    def _missing(self, path: Path, place: Place, what: str, hint: str) -> None:
        self.problems.append(Problem(place, f"{what} has no file: {self._relative(path)} is missing", hint))

    def _relative(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root))
        except ValueError:
            return str(path)
