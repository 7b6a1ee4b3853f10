"""Where every file a game loads comes from, and the checks that each one exists and can be used.

This is the one place paths are resolved: the game's own file first, else the
engine's (so a game folder with only `scenes/` and a few pictures is a whole
game), trying each allowed extension. Every name goes through `game.resolver`
(no absolute paths, no `..`, no link out of the game folder): a path function
raises `Refused`, which `check` reports where the file is named and the UI
turns into a notice. The UI loads through these functions and
`check` verifies through them, so no missing file is first found at run time.
Each file is checked once, however many steps use it; a problem is reported at
the first step that names it. A `thorough` check (`python main.py check`)
loads every file in full (`game.script.files`), not only its header.
"""

from __future__ import annotations

import functools
import wave
from collections.abc import Callable
from pathlib import Path

from PIL import Image

from game.fonts import INTERFACE_FILES
from game.gamefolder import ENGINE, GameFolder
from game.media_bounds import picture_problem, sound_problem
from game.resolver import Refused, check_name, game_file, inside
from game.script.cache import Proofs
from game.script.files import CJK_FONT, FALLBACK_FONT, check_font, check_image, check_sound
from game.script.problems import Place, Problem, did_you_mean

SCREEN = (1280, 720)
PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp")
ALWAYS_PLAYABLE = (".wav", ".ogg")
MIXER_DEPENDENT = (".mp3", ".opus")  # SDL_mixer 2.6+ (the one in pygame's wheels) plays these
#: The interface's own files every game loads (its own, else the engine's); `check` checks each.
#: Keep these in step with the UI: a file the UI loads by name belongs here.
INTERFACE_IMAGES = ("textbox", "nameplate", "continue", "choice_normal", "choice_hover", "choice_pressed", "menu_panel", "end_card", "icon")
INTERFACE_SOUNDS = ("ui_click", "ui_hover")
INTERFACE_FONTS = (*INTERFACE_FILES, FALLBACK_FONT, CJK_FONT)


@functools.cache
def sound_suffixes() -> tuple[str, ...]:
    """The sound formats this machine's SDL_mixer plays (asked only once, and only if needed)."""
    try:
        import pygame

        if pygame.mixer.get_sdl_mixer_version() >= (2, 6, 0):
            return ALWAYS_PLAYABLE + MIXER_DEPENDENT
    except (ImportError, AttributeError):
        pass
    return ALWAYS_PLAYABLE


def _first(roots: tuple[Path, ...], folder: str, stem: str, suffixes: tuple[str, ...]) -> Path:
    """The first existing `root/folder/stem.suffix`; else the game's own first choice (for messages).

    A game's own file in a format Hub cannot load is not passed over for the
    engine's file of that name: `check` reports it instead.
    """
    check_name(folder)
    check_name(stem)
    wanted = roots[0] / folder / f"{stem}{suffixes[0]}"
    for root in roots:
        for suffix in suffixes:
            path = root / folder / f"{stem}{suffix}"
            if path.is_file():
                return _within(roots, root, path)
        if _other_files(root / folder / f"{stem}{suffixes[0]}"):
            return wanted
    return wanted


def _roots(game: GameFolder | Path) -> tuple[Path, ...]:
    """Where to look, in order: the game's folder, then the engine's (once, if they are the same)."""
    if isinstance(game, GameFolder):
        return _search_order(game.root, game.engine)
    return _search_order(Path(game), ENGINE)


@functools.lru_cache(maxsize=32)
def _search_order(root: Path, engine: Path) -> tuple[Path, ...]:
    return (root,) if root.resolve() == engine.resolve() else (root, engine)


def _within(roots: tuple[Path, ...], root: Path, path: Path) -> Path:
    """`path`, found under `root` (one of `roots`): a game's file must not lead out of its folder;
    the engine's own (the last root) are trusted."""
    return path if root == roots[-1] else inside(root, path)


def background_path(game: GameFolder | Path, name: str) -> Path:
    return _first(_roots(game), "art/backgrounds", name, PICTURE_SUFFIXES)


def sprite_path(game: GameFolder | Path, character: str, expression: str) -> Path:
    """`art/sprites/CHARACTER/EXPRESSION.png`; for `green_smile`, `green/smile.png` works too (an outfit's folder)."""
    path = _first(_roots(game), f"art/sprites/{character}", expression, PICTURE_SUFFIXES)
    if "_" in expression and not path.is_file():
        outfit, rest = expression.split("_", 1)
        nested = _first(_roots(game), f"art/sprites/{character}/{outfit}", rest, PICTURE_SUFFIXES)
        if nested.is_file():
            return nested
    return path


def ui_path(game: GameFolder | Path, name: str) -> Path:
    return _first(_roots(game), "art/ui", name, PICTURE_SUFFIXES)


def icon_path(game: GameFolder) -> Path:
    """The window's and the built app's icon: game.yaml's `icon` (inside the game folder; raises
    `Refused` else), or else an `art/ui/icon.png` of the game's own, or else the engine's."""
    if game.icon:
        return game_file(game.root, game.icon)
    return ui_path(game, "icon")


def sound_path(game: GameFolder | Path, name: str) -> Path:
    """The sound's file: `audio/NAME.wav`, `.ogg`, then `.mp3` or `.opus` where they play."""
    check_name(name)
    suffixes: tuple[str, ...] = ALWAYS_PLAYABLE
    if any((root / "audio" / f"{name}{s}").is_file() for root in _roots(game) for s in MIXER_DEPENDENT):
        suffixes = sound_suffixes()
    return _first(_roots(game), "audio", name, suffixes)


def font_path(game: GameFolder | Path, file: str) -> Path:
    """A font file named in full (`Lato-Regular.ttf`): the game's `art/fonts/`, else the engine's."""
    check_name(file)
    roots = _roots(game)
    for root in roots:
        if (root / "art" / "fonts" / file).is_file():
            return _within(roots, root, root / "art" / "fonts" / file)
    return GameFolder.at(game).root / "art" / "fonts" / file


def sprite_exists(game: GameFolder | Path, character: str, expression: str) -> bool:
    """Whether the sprite has a file the game may use."""
    try:
        return sprite_path(game, character, expression).exists()
    except Refused:
        return False


def sprite_names(game: GameFolder | Path, character: str) -> tuple[str, ...]:
    """The expressions a character's folder holds: its pictures' names (attributes joined by `_`)."""
    names: set[str] = set()
    roots = _roots(game)
    for root in roots:
        folder = root / "art" / "sprites" / character
        try:
            _within(roots, root, folder)
        except Refused:
            continue  # a link out of the game: its pictures are refused where they are named
        if folder.is_dir():
            for entry in folder.iterdir():
                if entry.is_dir():  # an outfit's folder: green/smile.png is `green_smile`
                    names.update(f"{entry.name}_{p.stem}" for p in entry.iterdir() if p.suffix.lower() in PICTURE_SUFFIXES)
                elif entry.suffix.lower() in PICTURE_SUFFIXES:
                    names.add(entry.stem)
        if names:
            return tuple(sorted(names))
    return ()


def _other_files(path: Path) -> list[str]:
    """Files beside `path` with its name and another extension (`office.gif` for `office.png`)."""
    if not path.parent.is_dir():
        return []
    return sorted(p.name for p in path.parent.glob(f"{path.stem}.*") if p.is_file())


class AssetCheck:
    """Verifies asset files as the scripts name them, reporting into `problems`."""

    def __init__(self, game: GameFolder | Path, problems: list[Problem], *, thorough: bool = False) -> None:
        self.game = GameFolder.at(game)
        self.root = self.game.root
        self.problems = problems
        self.thorough = thorough  # load every file in full (`check`), not only its header
        self.proofs: Proofs | None = None  # what earlier runs proved (`game.script.cache`), if kept
        self._checked: set[Path] = set()

    def _proven(self, kind: str, path: Path, check: Callable[[Path], str | None]) -> str | None:
        """Why a file loaded in full cannot be used (None: it can), asked of the cache first."""
        return self.proofs.verdict(kind, path, check) if self.proofs else check(path)

    def _first_time(self, path: Path) -> bool:
        if path in self._checked:
            return False
        self._checked.add(path)
        return True

    def _located(self, find: Callable[[], Path], place: Place, what: str) -> Path | None:
        """The file `find` gives, or None after reporting (once per place) a name that leads out of the game."""
        try:
            return find()
        except Refused as refused:
            if self._first_time(Path(f"{place}: {what}")):
                self.problems.append(Problem(place, f"{what} cannot be used: {refused}", "put the file in the game's own folder and name it by its name, e.g. `office`"))
            return None

    def background(self, name: str, place: Place) -> None:
        path = self._located(lambda: background_path(self.game, name), place, f"background '{name}'")
        if path and self._first_time(path):
            self._image(path, place, exact=SCREEN, what=f"background '{name}'")

    def sprite(self, character: str, expression: str, place: Place, *, known: tuple[str, ...] = ()) -> None:
        """Check a sprite's picture; `known` are the character's pictures, for "did you mean"."""
        path = self._located(lambda: sprite_path(self.game, character, expression), place, f"sprite '{character} {expression}'")
        if path and self._first_time(path):
            self._image(path, place, exact=None, what=f"sprite '{character} {expression}'", names=known)

    def ui(self, name: str, place: Place) -> None:
        path = self._located(lambda: ui_path(self.game, name), place, f"interface image '{name}'")
        if path and self._first_time(path):
            self._image(path, place, exact=None, what=f"interface image '{name}'")

    def font(self, file: str, place: Place) -> None:
        path = self._located(lambda: font_path(self.game, file), place, f"font '{file}'")
        if not path or not self._first_time(path):
            return
        if not path.is_file():
            self._missing(path, place, f"font '{file}'", f"add art/fonts/{file}, or fix the name")
        elif self.thorough and (reason := self._proven("font", path, check_font)):
            self.problems.append(Problem(place, f"font '{file}' cannot be used: {self._relative(path)}: {reason}", "replace it with a working .ttf or .otf file"))

    def sound(self, name: str, place: Place, *, what: str = "sound") -> None:
        """Check `audio/NAME.wav` (or another playable format); `what` says "sound" or "music"."""
        path = self._located(lambda: sound_path(self.game, name), place, f"{what} '{name}'")
        if not path or not self._first_time(path):
            return
        if not path.is_file():
            self._missing(path, place, f"{what} '{name}'", f"add audio/{name}.wav (or .ogg)", formats="WAV or OGG")
        elif reason := sound_problem(path):
            self.problems.append(Problem(place, f"{what} '{name}' cannot be played: {self._relative(path)}: {reason}", "cut it shorter (music loops: a few minutes will do)"))
            return
        elif path.suffix == ".wav":
            try:
                with wave.open(str(path)) as sound:
                    sound.getnframes()
            except (wave.Error, EOFError, OSError) as error:
                self.problems.append(Problem(place, f"{what} '{name}' cannot be played: {path.name}: {error}", "save it as a PCM WAV file"))
                return
        if self.thorough and path.is_file() and (reason := self._proven("sound", path, check_sound)):
            self.problems.append(Problem(place, f"{what} '{name}' cannot be played: {self._relative(path)}: {reason}", "save it again as a PCM WAV (or Ogg Vorbis) file"))

    def usable_fonts(self, files: tuple[str, ...]) -> list[Path]:
        """The font files the game may use (one that leads out of it is reported where it is named)."""
        found = []
        for file in files:
            try:
                found.append(font_path(self.game, file))
            except Refused:
                pass
        return found

    def interface(self, place: Place) -> None:
        """Every file the interface and the title screen load, reported at `place` (game.yaml or the game folder)."""
        for name in INTERFACE_IMAGES:
            self.ui(name, place)
        for name in INTERFACE_SOUNDS:
            self.sound(name, place)
        for file in (*INTERFACE_FONTS, *self.game.fallback_fonts):
            self.font(file, place)
        self.background(self.game.title_background, place)
        if self.game.title_logo:
            self.ui(self.game.title_logo, place)
        if self.game.title_music:
            self.sound(self.game.title_music, place, what="music")

    def _image(self, path: Path, place: Place, *, exact: tuple[int, int] | None, what: str, names: tuple[str, ...] = ()) -> None:
        if not path.is_file():
            hint = did_you_mean(path.stem, names) if names else ""
            self._missing(path, place, what, hint or f"add {self._relative(path)}, or fix the name", formats="PNG, JPEG or WebP")
            return
        if reason := picture_problem(path):  # before anything decodes it
            self.problems.append(Problem(place, f"{what} cannot be used: {self._relative(path)}: {reason}", "make it at most 1280x720"))
            return
        try:
            with Image.open(path) as image:
                size = image.size
        except (OSError, SyntaxError) as error:
            self.problems.append(Problem(place, f"{what} cannot be read: {self._relative(path)}: {error}", "save it again as a PNG"))
            return
        if self.thorough and (reason := self._proven("image", path, check_image)):
            self.problems.append(Problem(place, f"{what} cannot be read: {self._relative(path)}: {reason}", "save it again as a PNG"))
            return
        if exact and size != exact:
            self.problems.append(Problem(place, f"{what} is {size[0]}x{size[1]}, not {exact[0]}x{exact[1]}", f"resize {self._relative(path)} to {exact[0]}x{exact[1]}"))
        elif size[0] > SCREEN[0] or size[1] > SCREEN[1]:
            self.problems.append(Problem(place, f"{what} is {size[0]}x{size[1]}, larger than the screen", "make it at most 1280x720 (sprites are about 520x640)"))

    def _missing(self, path: Path, place: Place, what: str, hint: str, *, formats: str = "") -> None:
        others = _other_files(path)
        if others:
            found = ", ".join(others)
            message = f"{what} has no file it can use: found {found} in {self._relative(path.parent)}, which Hub cannot load"
            self.problems.append(Problem(place, message, f"save it as {formats or 'another format'} ({path.stem}{path.suffix})"))
            return
        self.problems.append(Problem(place, f"{what} has no file: {self._relative(path)} is missing", hint))

    def _relative(self, path: Path) -> str:
        for root in (self.root, Path.cwd()):
            try:
                return str(path.relative_to(root))
            except ValueError:
                continue
        return str(path)
