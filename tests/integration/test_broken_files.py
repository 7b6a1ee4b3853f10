"""Broken pictures, fonts and sounds on the player's machine: a notice, a stand-in, and play goes on."""

from __future__ import annotations

import pygame
import pytest
from conftest import spoil, truncated

from game.app import App
from game.folder import GameFolder
from game.ui.assets import Fonts, Images
from game.ui.audio import Audio
from game.ui.layout import SCREEN_SIZE, TEXT_BOX
from game.ui.game_screen import GameScreen

CHECKER = {(34, 34, 40), (52, 52, 62)}  # the placeholder's two squares
NOT_AN_IMAGE = b"this is not a picture\n" * 20

BROKEN = {
    "missing": lambda relative: None,
    "truncated": truncated,
    "not an image": lambda relative: NOT_AN_IMAGE,
}


@pytest.fixture
def notices(monkeypatch) -> list[str]:
    """Every notice the app gives, kept instead of shown."""
    told: list[str] = []
    monkeypatch.setattr(App, "notify", lambda self, text: told.append(text))
    return told


@pytest.fixture
def start(make_app, shipped_story, engine_copy):
    """`start()`: the app on the engine copy, its first frame drawn; pygame is shut after the test."""
    return lambda: make_app(shipped_story, GameFolder(root=engine_copy, engine=engine_copy), frame=True)


def into_the_game(app: App) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="\r", scancode=0))
    app.frame()
    assert isinstance(app.screen, GameScreen)
    for _ in range(4):  # through the opening fade to the first line, whole
        app.clock.tick(30)
        app.frame()


@pytest.mark.parametrize("fault", BROKEN)
def test_a_broken_title_background_is_a_placeholder(start, engine_copy, notices, fault):
    """Missing, truncated or not an image: the title shows a checker where its picture would be, and says why."""
    path = spoil(engine_copy, "art/backgrounds/title.png", BROKEN[fault]("art/backgrounds/title.png"))
    app = start()
    assert tuple(app.window.canvas.get_at((20, 20)))[:3] in CHECKER
    assert any(str(path.relative_to(engine_copy)) in notice for notice in notices), notices
    into_the_game(app)  # and play goes on


@pytest.mark.parametrize("fault", BROKEN)
def test_a_broken_text_box_is_a_placeholder_and_text_still_shows(start, engine_copy, notices, fault):
    """The text box image broken: a checker box stands in, and the line is drawn on it."""
    path = spoil(engine_copy, "art/ui/textbox.png", BROKEN[fault]("art/ui/textbox.png"))
    app = start()
    into_the_game(app)
    canvas = app.window.canvas
    assert tuple(canvas.get_at((TEXT_BOX.x + 6, TEXT_BOX.bottom - 8)))[:3] in CHECKER
    text_row = pygame.Rect(TEXT_BOX.x + 44, TEXT_BOX.y + 50, 400, 30)
    colours = {tuple(canvas.get_at((x, y)))[:3] for x in range(text_row.left, text_row.right, 2) for y in range(text_row.top, text_row.bottom, 2)}
    assert colours - CHECKER, "no text drawn on the placeholder"
    assert any(str(path.relative_to(engine_copy)) in notice for notice in notices), notices


@pytest.mark.parametrize("relative", ["art/backgrounds/hub_floor.png", "art/sprites/jack/down.png"])
def test_the_preload_survives_a_truncated_picture(start, engine_copy, notices, relative):
    """Only the header is whole: the preload after the first frame gives a notice, not a crash."""
    path = spoil(engine_copy, relative, truncated(relative))
    app = start()
    app.services.images.preload(app.story)
    assert [n for n in notices if str(path.relative_to(engine_copy)) in n], notices
    into_the_game(app)


def test_a_placeholder_has_the_size_of_what_it_replaces(engine_copy, display):
    """A missing background fills the screen; a missing sprite has a sprite's size; each is made once."""
    told: list[str] = []
    images = Images(GameFolder(root=engine_copy, engine=engine_copy), warn=told.append)
    assert images.background("nowhere").get_size() == SCREEN_SIZE
    assert images.sprite("jack", "nowhere").get_size() == (420, 480)
    assert images.ui("textbox").get_size() != (0, 0)
    images.background("nowhere")
    assert len(told) == 2


FONT_FAULTS = {
    "empty": lambda: b"",
    "not a font": lambda: b"<html>not a font</html>\n" * 40,
    "truncated": lambda: truncated("art/fonts/Lato-Regular.ttf", keep=0.3),
}


@pytest.mark.parametrize("fault", FONT_FAULTS)
def test_a_broken_font_falls_back_to_the_bundled_one(engine_copy, fault):
    """Empty, not a font, or cut short: one notice naming it, and the text is drawn by DejaVu Sans, with ink."""
    path = spoil(engine_copy, "art/fonts/Lato-Regular.ttf", FONT_FAULTS[fault]())
    pygame.font.init()
    told: list[str] = []
    fonts = Fonts(GameFolder(root=engine_copy, engine=engine_copy), warn=told.append)
    chain = fonts.chain("text")
    assert chain.faces[0].path.name == "DejaVuSans.ttf"
    assert fonts["text"].render("Hag", True, (255, 255, 255)).get_bounding_rect().h > 10
    assert len([t for t in told if str(path.relative_to(engine_copy)) in t]) == 1, told
    assert fonts.chain("narration").faces[0].path.name == "Lato-Italic.ttf"  # the others are untouched


def test_a_game_names_fallback_fonts_tried_in_order():
    """`fallback_fonts` come after the game's face and before the bundled ones (DejaVu Sans, then the interface's Japanese)."""
    from game import ROOT

    pygame.font.init()
    fonts = Fonts(ROOT, fallback_fonts=["Lato-Light.ttf"])  # as game.yaml names them
    assert [face.path.name for face in fonts.chain("text").faces] == ["Lato-Regular.ttf", "Lato-Light.ttf", "DejaVuSans.ttf", "DroidSansFallback-subset.ttf"]


@pytest.mark.parametrize("content", [None, b"RIFF\x00\x00", b"not a sound at all" * 10])
def test_a_broken_sound_is_silence_with_a_notice(engine_copy, content):
    """Missing, truncated or not a sound: playing it does nothing but say so."""
    spoil(engine_copy, "audio/ui_click.wav", content)
    told: list[str] = []
    audio = Audio(GameFolder(root=engine_copy, engine=engine_copy), warn=told.append)
    try:
        audio.sound("ui_click")
        audio.play_music("ui_click")
        audio.update(wait=True)  # a broken piece is found out where it is decoded
        assert audio.enabled  # the dummy driver: the failure is the file's, not the device's
        assert len([t for t in told if "ui_click" in t]) == 2, told
    finally:
        pygame.mixer.quit()
