"""The accessibility fonts ship with the game, load, draw ink and hold every character the story uses."""

from __future__ import annotations

import pygame
import pygame.freetype
import pytest

from game import ROOT
from game.script.model import Choice, Ending, Line

FONTS = ROOT / "art" / "fonts"
FAMILIES = {
    "AtkinsonHyperlegible": ("ttf", "AtkinsonHyperlegible-OFL.txt"),
    "OpenDyslexic": ("otf", "OpenDyslexic-OFL.txt"),
}
STYLES = ("Regular", "Bold", "Italic", "BoldItalic")
FILES = [f"{family}-{style}.{ext}" for family, (ext, _) in FAMILIES.items() for style in STYLES]


@pytest.fixture(scope="module", autouse=True)
def fonts_ready():
    pygame.font.init()
    pygame.freetype.init()
    yield
    pygame.quit()


@pytest.mark.parametrize("file", FILES)
def test_each_face_loads_and_draws_text_with_ink(file: str):
    font = pygame.font.Font(str(FONTS / file), 32)
    picture = font.render("Jack: Come on. You know how this goes.", True, (255, 255, 255), (0, 0, 0))
    inked = picture.get_bounding_rect(min_alpha=1)
    assert picture.get_width() > 300 and font.get_linesize() > 30
    pixels = pygame.surfarray.array3d(picture)
    lit = (pixels.max(axis=2) > 128).mean()
    assert 0.05 < lit < 0.6, f"{file}: {lit:.0%} of the line is ink"
    assert inked.width > 0.9 * picture.get_width()


def _story_characters(story) -> set[str]:
    seen = {c for character in story.characters.values() for c in character.name}
    for step in story.steps:
        if isinstance(step, Line):
            seen |= set(step.text)
        elif isinstance(step, Choice):
            seen |= set(step.prompt) | {c for option in step.options for c in option.text}
        elif isinstance(step, Ending):
            seen |= set(step.name)
    return seen - {" ", "\n"}


@pytest.mark.parametrize("file", FILES)
def test_each_face_has_every_character_the_story_uses(file: str, shipped_story):
    characters = sorted(_story_characters(shipped_story) | set("0123456789%:.,!?'\"-"))
    metrics = pygame.freetype.Font(str(FONTS / file), 24).get_metrics("".join(characters))
    missing = [c for c, metric in zip(characters, metrics) if metric is None]
    assert not missing, f"{file} has no glyph for {missing}"


@pytest.mark.parametrize("family", FAMILIES)
def test_each_family_ships_with_its_open_font_licence(family: str):
    licence = (FONTS / FAMILIES[family][1]).read_text(encoding="utf-8")
    assert "SIL Open Font License, Version 1.1" in licence
    assert "Copyright" in licence.splitlines()[0]
