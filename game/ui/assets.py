"""Images and fonts, each loaded once and converted to the display's format."""

from __future__ import annotations

import sys
from pathlib import Path

import pygame

from game.script.assets import background_path, font_path, sprite_path, ui_path
from game.script.model import Story

FONT_FILES = {
    "text": "Lato-Regular.ttf",
    "narration": "Lato-Italic.ttf",
    "name": "Lato-Bold.ttf",
    "ui": "Lato-Regular.ttf",
    "small": "Lato-Regular.ttf",
    "title": "Lato-Light.ttf",
}
FONT_SIZES = {"text": 29, "narration": 29, "name": 25, "ui": 26, "small": 18, "title": 54}


class Images:
    """Every picture the game draws, cached after its first load."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._cache: dict[tuple, pygame.Surface] = {}

    def _load(self, key: tuple, path: Path, *, alpha: bool) -> pygame.Surface:
        if key not in self._cache:
            image = pygame.image.load(str(path))
            self._cache[key] = image.convert_alpha() if alpha else image.convert()
        return self._cache[key]

    def background(self, name: str) -> pygame.Surface:
        return self._load(("bg", name), background_path(self.root, name), alpha=False)

    def sprite(self, character: str, expression: str) -> pygame.Surface:
        return self._load(("sprite", character, expression), sprite_path(self.root, character, expression), alpha=True)

    def ui(self, name: str) -> pygame.Surface:
        path = ui_path(self.root, name)
        return self._load(("ui", name), path, alpha=True)

    def tinted(self, name: str, colour: tuple[int, int, int]) -> pygame.Surface:
        """An interface image multiplied by a colour (name plates take each speaker's colour)."""
        key = ("tinted", name, colour)
        if key not in self._cache:
            image = self.ui(name).copy()
            image.fill((*colour, 255), special_flags=pygame.BLEND_RGBA_MULT)
            self._cache[key] = image
        return self._cache[key]

    def preload(self, story: Story) -> None:
        """Load every background and sprite the story can show, so no line stutters."""
        for step in story.steps:
            if (image := getattr(step, "image", None)) is not None:
                self.background(image)
        for character in story.characters.values():
            for expression in character.expressions:
                self.sprite(character.id, expression)


class Fonts:
    """The bundled Lato faces; pygame's own font if they are missing."""

    def __init__(self, root: Path) -> None:
        self._fonts: dict[str, pygame.font.Font] = {}
        for role, file in FONT_FILES.items():
            path = font_path(root, file)
            try:
                self._fonts[role] = pygame.font.Font(str(path), FONT_SIZES[role])
            except (FileNotFoundError, OSError, pygame.error):
                print(f"note: font {path} is missing; using pygame's built-in font", file=sys.stderr)
                self._fonts[role] = pygame.font.Font(None, FONT_SIZES[role] + 6)

    def __getitem__(self, role: str) -> pygame.font.Font:
        return self._fonts[role]
