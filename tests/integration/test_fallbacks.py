"""No sound device and missing fonts: the game carries on."""

from __future__ import annotations

import sys

import pygame

from game import ROOT
from game.gamefolder import GameFolder
from game.script.model import Music
from game.ui.assets import Fonts
from game.ui.audio import Audio


def test_no_sound_device_means_silent_play(monkeypatch, capsys):
    """When the mixer cannot start, music and sounds are silently skipped, with one note."""

    def no_device(*args, **kwargs):
        raise pygame.error("No available audio device")

    monkeypatch.setattr(pygame.mixer, "init", no_device)
    audio = Audio(ROOT, warn=lambda text: print(text, file=sys.stderr))
    assert audio.enabled is False
    audio.music(Music("theme", 1.0, True))
    audio.sound("glass_down")
    audio.play_music(None)
    assert "playing silently" in capsys.readouterr().err


def test_missing_fonts_fall_back_to_pygames_own(tmp_path, capsys):
    """Without the bundled font files (the game's and the engine's), text still renders with pygame's built-in font."""
    pygame.font.init()
    fonts = Fonts(GameFolder(root=tmp_path, engine=tmp_path), warn=lambda text: print(text, file=sys.stderr))
    assert fonts["text"].render("Hello", True, (255, 255, 255)).get_width() > 10
    assert "built-in font" in capsys.readouterr().err
