"""Images and fonts, each loaded once and converted to the display's format.

Nothing a player's files do stops the game: a picture that will not load is
replaced by a visible placeholder, and a font that will not open or draw by the
bundled one, each with a notice through `warn`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.media_bounds import bounded_picture
from game.resolver import Refused
from game.script.assets import background_path, font_path, sprite_path, ui_path
from game.script.files import CJK_FONT, FALLBACK_FONT, SAMPLE, font_coverage, needs_glyph
from game.fonts import FAMILIES, ROLE_FILES
from game.script.model import Story
from game.script.problems import shown_path
from game.ui.canvas import register_redraw, still
from game.ui.layout import CHOICE_SIZE, NAME_PLATE, SCREEN_SIZE, TEXT_BOX
from game.ui.text import render_line

if TYPE_CHECKING:
    from game.folder import GameFolder

Warn = Callable[[str], None]

FONT_FILES = ROLE_FILES
FONT_SIZES = {"text": 29, "narration": 29, "name": 25, "speaker": 25, "ui": 26, "small": 18, "title": 54}
#: OpenDyslexic's letters are much larger than Lato's at the same size: this brings it to the same reading size.
FAMILY_SIZE = {"game": 1.0, "legible": 1.0, "dyslexic": 0.85}
TEXT_ROLES = ("text", "narration")
STORY_ROLES = (*TEXT_ROLES, "speaker")  # the roles the player's text size and font apply to

SPRITE_SIZE = (420, 480)
#: A placeholder takes the size the picture has where it is drawn.
UI_SIZES = {"textbox": TEXT_BOX.size, "nameplate": NAME_PLATE.size, "end_card": SCREEN_SIZE, "logo": (640, 160), "menu_panel": (460, 420), "continue": (28, 28)}
UI_SIZES.update({f"choice_{state}": CHOICE_SIZE for state in ("normal", "hover", "pressed")})


def to_stderr(text: str) -> None:
    print(text, file=sys.stderr)


def placeholder(size: tuple[int, int], label: str) -> pygame.Surface:
    """A dark checker with a red rim and the missing picture's name: plainly not the art."""
    surface = pygame.Surface(size).convert()
    surface.fill((34, 34, 40))
    square = 16
    for y in range(0, size[1], square):
        for x in range((y // square) % 2 * square, size[0], 2 * square):
            surface.fill((52, 52, 62), (x, y, square, square))
    pygame.draw.rect(surface, (170, 60, 60), surface.get_rect(), 2)
    text = pygame.font.Font(None, 22).render(label, True, (230, 200, 200))
    inner = surface.get_rect().inflate(-16, -12)
    # A picture's name in its middle; an interface strip's in its corner, clear of what is drawn on it.
    surface.blit(text, text.get_rect(center=inner.center) if size[1] >= 300 else text.get_rect(bottomleft=inner.bottomleft))
    return surface


class Images:
    """Every picture the game draws, cached after its first load; a placeholder for a broken one."""

    def __init__(self, root: GameFolder | Path, *, warn: Warn = to_stderr) -> None:
        self.root = root  # the game: its files first, then the engine's
        self.warn = warn
        self._cache: dict[tuple, pygame.Surface] = {}

    def _load(self, key: tuple, find: Callable[[], Path], *, alpha: bool, size: tuple[int, int]) -> pygame.Surface:
        if key not in self._cache:
            try:
                path = find()
            except Refused as refused:  # issue 20: a name leading out of the game folder
                self.warn(f"Cannot show the picture {' '.join(key[1:])}: {refused}. A placeholder stands in for it.")
                self._cache[key] = placeholder(size, " ".join(key[1:]))
                return self._cache[key]
            try:
                image = pygame.image.load(str(bounded_picture(path)))  # issue 20: refused unread past MAX_PIXELS
                self._cache[key] = still(image.convert_alpha() if alpha else image.convert())
            except (pygame.error, OSError, ValueError) as error:  # missing, truncated, not an image
                reason = str(error).rstrip(".").replace(str(path), "").strip(" :'")  # pygame repeats the path
                self.warn(f"Cannot show the picture {shown_path(path, self.root)}: {reason or 'unreadable'}. A placeholder stands in for it.")
                self._cache[key] = still(placeholder(size, " ".join(key[1:])))
        return self._cache[key]

    def background(self, name: str) -> pygame.Surface:
        return self._load(("bg", name), lambda: background_path(self.root, name), alpha=False, size=SCREEN_SIZE)

    def sprite(self, character: str, expression: str) -> pygame.Surface:
        return self._load(("sprite", character, expression), lambda: sprite_path(self.root, character, expression), alpha=True, size=SPRITE_SIZE)

    def ui(self, name: str) -> pygame.Surface:
        return self._load(("ui", name), lambda: ui_path(self.root, name), alpha=True, size=UI_SIZES.get(name, (200, 60)))

    def tinted(self, name: str, colour: tuple[int, int, int]) -> pygame.Surface:
        """An interface image multiplied by a colour (name plates take each speaker's colour)."""
        key = ("tinted", name, colour)
        if key not in self._cache:
            image = self.ui(name).copy()
            image.fill((*colour, 255), special_flags=pygame.BLEND_RGBA_MULT)
            self._cache[key] = still(image)
        return self._cache[key]

    def preload(self, story: Story) -> None:
        """Load every background and sprite the story can show, so no line stutters."""
        for step in story.steps:
            if (image := getattr(step, "image", None)) is not None:
                self.background(image)
        for character in story.characters.values():
            for expression in character.expressions:
                self.sprite(character.id, expression)


class FallbackFont(pygame.font.Font):
    """A face that draws the characters it lacks from its fallbacks: every `render` and `size` in
    the interface (choices, names, buttons, notices) shows them instead of empty boxes.

    What it renders can be rendered again at a window's scale with the font at the scaled size
    (`game.ui.canvas.register_redraw`): on a large window the letters are drawn, never stretched."""

    chain: FontChain | None = None  # set by `Fonts.chain`

    def __init__(self, path: str, size: int) -> None:
        super().__init__(path, size)
        self.path, self.pixels = path, size
        self._scaled: dict[int, FallbackFont] = {}

    def at_size(self, size: int) -> FallbackFont:
        """This face at another size, in the same style, with its fallbacks at that size (kept)."""
        if size == self.pixels:
            return self
        if size not in self._scaled:
            font = FallbackFont(self.path, size)
            font.set_italic(self.get_italic())
            font.set_bold(self.get_bold())
            if self.chain is not None:
                chain = self.chain
                main = Face(font, chain._main.coverage, chain._main.path)
                font.chain = FontChain(main, lambda: [Face(_sized(face.font, size / self.pixels), face.coverage, face.path)
                                                      for face in chain.faces[1:]])
            self._scaled[size] = font
        return self._scaled[size]

    def _whole(self, text: str) -> bool:
        """Whether this face alone draws `text` as well as the chain can."""
        return self.chain is None or all(self.chain.font_for(char) is self for char in text if needs_glyph(char))

    def render(self, text, antialias, color, background=None):  # noqa: ANN001 (pygame's own signature)
        if self._whole(text):
            drawn = super().render(text, antialias, color, background)
            return register_redraw(drawn, lambda scale: self.at_scale(scale).render(text, antialias, color, background),
                                   lambda width, from_right, scale: self._part_width(text, width, from_right, scale))
        line = render_line(text, self.chain, color)  # faces mixed: drawn again with them all at the window's scale too
        if background is not None:
            filled = pygame.Surface(line.get_size())
            filled.fill(background)
            filled.blit(line, (0, 0))
            line = filled
        return register_redraw(line, lambda scale: self.at_scale(scale).render(text, antialias, color, background))

    def at_scale(self, scale: float) -> FallbackFont:
        """The face for a window `scale` times the design (the font size is scaled, never the letters)."""
        return self.at_size(max(1, round(self.pixels * scale)))

    def _part_width(self, text: str, width: int, from_right: bool, scale: float) -> tuple[int, int]:
        """The first (or last) characters of `text` that are `width` pixels wide: their width here and at `scale`."""
        for n in range(len(text) + 1):
            part = text[len(text) - n :] if from_right else text[:n]
            if super().size(part)[0] >= width:
                return width, self.at_scale(scale).size(part)[0]
        return width, self.at_scale(scale).size(text)[0]

    def size(self, text):  # noqa: ANN001
        return super().size(text) if self._whole(text) else render_line(text, self.chain, (0, 0, 0)).get_size()


def _sized(font: pygame.font.Font, factor: float) -> pygame.font.Font:
    """A fallback face at `factor` times its size (pygame's own last-resort font stays as it is)."""
    return font.at_size(max(1, round(font.pixels * factor))) if isinstance(font, FallbackFont) else font


@dataclass(frozen=True)
class Face:
    """One opened font at one size, with the characters it has glyphs for."""

    font: pygame.font.Font
    coverage: frozenset[int]
    path: Path

    def draws(self, cluster: str) -> bool:
        return all(ord(char) in self.coverage for char in cluster if needs_glyph(char))


class FontChain:
    """A face and the fallbacks tried in order for characters it lacks (opened when first needed)."""

    def __init__(self, main: Face, fallbacks: Callable[[], list[Face]]) -> None:
        self.main = main.font
        self._main = main
        self._fallbacks = fallbacks
        self._faces: list[Face] | None = None

    @property
    def faces(self) -> list[Face]:
        """The main face, then each usable fallback in order."""
        if self._faces is None:
            self._faces = [self._main, *(face for face in self._fallbacks() if face is not self._main)]
        return self._faces

    def font_for(self, cluster: str) -> pygame.font.Font:
        """The first face that has every glyph of `cluster` (a character and its marks); else the main one."""
        if self._main.draws(cluster):
            return self.main
        return next((face.font for face in self.faces if face.draws(cluster)), self.main)


class Fonts:
    """The bundled faces by role, each with fallbacks: the game's own (`fallback_fonts`, tried in
    order), then the bundled DejaVu Sans; a face that cannot be opened or draws nothing is replaced."""

    def __init__(self, root: GameFolder | Path, *, warn: Warn = to_stderr, fallback_fonts: Iterable[str | Path] | None = None, scale: float = 1.0,
                 family: str = "game") -> None:
        """`scale`, `family`: the player's text size and font for the story's text (settings' `text_scale`
        and `font`: a key of `FAMILIES`); `fallback_fonts`: the game's own
        (by default those its `game.yaml` names), font files looked for as `font_path` does."""
        pygame.font.init()  # idempotent; without it every font would look broken
        self.root = root
        self.warn = warn
        self.scale = scale
        self.family = family if family in FAMILIES else "game"
        self._faces: dict[tuple[Path, int, bool], Face | None] = {}
        self._refused: set[Path] = set()  # each broken font is told once, whatever its sizes
        self._refused_names: set[str] = set()
        if fallback_fonts is None:
            fallback_fonts = getattr(root, "fallback_fonts", ())
        self._fallbacks = [path for file in (*map(str, fallback_fonts), FALLBACK_FONT, CJK_FONT) if (path := self._font_file(file))]
        self._last_resort = Path(pygame.font.__file__).with_name(pygame.font.get_default_font())
        self._fonts = {role: self.chain(role).main for role in FONT_FILES}

    def __getitem__(self, role: str) -> pygame.font.Font:
        return self._fonts[role]

    def size(self, role: str) -> int:
        """The role's size in pixels: the player's text size and font scale the story's text only."""
        factor = self.scale * FAMILY_SIZE[self.family] if role in STORY_ROLES else 1.0
        return max(6, round(FONT_SIZES[role] * factor))

    def chain(self, role: str, *, bold: bool = False, italic: bool = False) -> FontChain:
        """The faces to draw `role`'s text with, in the given style (styles apply to the story's text)."""
        size = self.size(role)
        if role in STORY_ROLES:
            italic = italic or role == "narration"
            bold = bold or role == "speaker"
            file, slant = FAMILIES[self.family][(bold, italic)]
        else:
            file, slant = FONT_FILES[role], False
        def fallbacks() -> list[Face]:  # upright: pygame's slant widens each piece and leaves gaps between them
            return [face for path in self._fallbacks if (face := self._face(path, size, slant))]

        found = self._font_file(file)
        main = (self._face(found, size, slant) if found else None) or next(iter(fallbacks()), None)
        if main is None:
            if self._last_resort not in self._refused:
                self._refused.add(self._last_resort)
                self.warn("No usable font among the game's and the bundled ones: drawing with pygame's built-in font.")
            main = self._face(self._last_resort, size, slant)
        assert main is not None, "pygame's own font always opens"
        chain = FontChain(main, fallbacks)
        if isinstance(main.font, FallbackFont) and main.font.chain is None:
            main.font.chain = chain  # the same face at the same size has the same fallbacks in any role
        return chain

    def _font_file(self, file: str) -> Path | None:
        """The font file's path, or None (with one notice) when it leads out of the game folder (issue 20)."""
        try:
            return font_path(self.root, file)
        except Refused as refused:
            if file not in self._refused_names:
                self._refused_names.add(file)
                self.warn(f"Cannot use the font {file}: {refused}. Its text is drawn with a fallback font.")
            return None

    def _face(self, path: Path, size: int, slant: bool) -> Face | None:
        """The font at `path`, opened and proven to draw; None (with one notice) if it cannot."""
        key = (path, size, slant)
        if key not in self._faces:
            face, reason = _open_face(path, size)
            if face is not None and slant:
                face.font.set_italic(True)
            if reason and path not in self._refused:
                self._refused.add(path)
                self.warn(f"Cannot use the font {shown_path(path, self.root)}: {reason}. Its text is drawn with a fallback font.")
            self._faces[key] = face
        return self._faces[key]


def _open_face(path: Path, size: int) -> tuple[Face | None, str]:
    """The face and "", or None and why not (missing, not a font, no glyphs, draws no ink)."""
    if not path.is_file():
        return None, "the file is missing"
    if path.stat().st_size == 0:
        return None, "the file is empty"
    try:
        font = FallbackFont(str(path), size)
        ink = font.render(SAMPLE, True, (255, 255, 255)).get_bounding_rect()
    except (pygame.error, OSError, ValueError) as error:
        return None, f"it is not a font pygame can open ({str(error).rstrip('.')})"
    coverage = font_coverage(path)
    if not coverage:
        return None, "it maps no characters"
    if ink.w == 0 or ink.h == 0:
        return None, "it draws nothing (cut short?)"
    return Face(font, coverage, path), ""
