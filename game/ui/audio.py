"""Music and sound effects; with no sound device the game plays on in silence."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pygame

from game.script.assets import sound_path
from game.script.model import Music


class Audio:
    """Plays music (one looping track) and sound effects, or nothing when there is no device."""

    def __init__(self, root: Path, *, warn: Callable[[str], None] = lambda text: print(text, file=sys.stderr)) -> None:
        self.root = root
        self.warn = warn  # a sound that fails is silence with a notice
        self.track: str | None = None
        self._sounds: dict[str, pygame.mixer.Sound] = {}
        try:
            pygame.mixer.init(frequency=44100, size=-16, channels=2, buffer=1024)
            self.enabled = True
        except pygame.error as error:
            self.warn(f"No sound device ({error}): playing silently.")
            self.enabled = False

    def music(self, change: Music) -> None:
        """Start or stop the music as a script step says, fading."""
        self.play_music(change.track, loop=change.loop, fade=change.fade)

    def play_music(self, track: str | None, *, loop: bool = True, fade: float = 0.3) -> None:
        if track == self.track:
            return
        self.track = track
        if not self.enabled:
            return
        if track is None:
            pygame.mixer.music.fadeout(int(fade * 1000))
            return
        try:
            pygame.mixer.music.load(str(sound_path(self.root, track)))
            pygame.mixer.music.play(loops=-1 if loop else 0, fade_ms=int(fade * 1000))
        except (pygame.error, OSError, ValueError) as error:  # a missing file raises FileNotFoundError
            self.warn(f"Cannot play the music '{track}': {error}")

    def sound(self, name: str) -> None:
        if not self.enabled:
            return
        try:
            if name not in self._sounds:
                self._sounds[name] = pygame.mixer.Sound(str(sound_path(self.root, name)))
            self._sounds[name].play()
        except (pygame.error, OSError, ValueError) as error:
            self._sounds.pop(name, None)
            self.warn(f"Cannot play the sound '{name}': {error}")
