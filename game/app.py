"""The loop: events become actions, actions go to the screen, and the window is redrawn
only when something changed or moves. When nothing moves, the loop polls events
and sleeps, drawing nothing (`pygame.event.wait(timeout)` costs more CPU here).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Protocol

import pygame

from game import ROOT
from game.clock import Clock, SystemClock
from game.script.model import Story
from game.seen import FILE_NAME, SeenLines
from game.ui.assets import Fonts, Images
from game.ui.audio import Audio
from game.ui.display import NoDisplay, Window, require_display
from game.ui.screens import TitleScreen
from game.userdata import data_dir

FRAME_TIME = 1 / 60
IDLE_POLL = 0.05
DEFAULT_CPS = 45.0


class Screen(Protocol):
    """A whole screen: the title, the game, the end card."""

    def handle(self, event: pygame.event.Event, point: tuple[int, int] | None) -> None: ...

    def update(self, now: float) -> None: ...

    def draw(self, canvas: pygame.Surface, now: float) -> None: ...

    def next_change(self, now: float) -> float | None:
        """Seconds until the screen changes by itself: 0 while animating, None when still."""
        ...


class App:
    """The running game: window, assets, sound, the current screen."""

    def __init__(self, story: Story, *, start: str = "start", clock: Clock | None = None, root: Path = ROOT) -> None:
        require_display()
        pygame.init()
        self.story = story
        self.start = start
        self.clock = clock or SystemClock()
        self.window = Window()
        self.images = Images(root, warn=self.notify)
        self.fonts = Fonts(root, warn=self.notify)
        self.audio = Audio(root, warn=self.notify)
        self.seen = SeenLines(data_dir() / FILE_NAME, warn=lambda text: print(text, file=sys.stderr))
        self.cps = DEFAULT_CPS
        self.running = True
        self.dirty = True
        self._wake_at: float | None = None
        self.screen: Screen = TitleScreen(self)

    def notify(self, text: str) -> None:
        print(text, file=sys.stderr)  # `menu` makes this a notice on screen too

    def show(self, screen: Screen) -> None:
        self.screen = screen
        self.dirty = True

    def quit(self) -> None:
        self.running = False

    def _event(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            self.quit()
            return
        if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            self.window.resized()
        elif event.type == pygame.KEYDOWN and (event.key == pygame.K_F11 or (event.key == pygame.K_RETURN and event.mod & pygame.KMOD_ALT)):
            self.window.toggle_fullscreen()
        elif event.type in (pygame.KEYDOWN, pygame.KEYUP, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION, pygame.MOUSEWHEEL):
            point = self.window.to_canvas(event.pos) if hasattr(event, "pos") else None
            self.screen.handle(event, point)
        self.dirty = True

    def frame(self) -> None:
        """One turn of the loop: events, timers, and a redraw if anything changed."""
        for event in pygame.event.get():
            self._event(event)
        now = self.clock.now()
        self.screen.update(now)
        woke = self._wake_at is not None and now >= self._wake_at
        wait = self.screen.next_change(now)  # drawing changes nothing, so one answer serves both uses
        if self.dirty or woke or wait == 0:
            self.screen.draw(self.window.canvas, now)
            self.window.present()
            self.dirty = False
        self._wake_at = None if wait is None else now + wait

    def pause(self) -> None:
        """Sleep until the next frame is due: a frame's time while animating, else a short poll."""
        if self._wake_at is None:
            time.sleep(IDLE_POLL)
        else:
            time.sleep(min(IDLE_POLL, max(FRAME_TIME, self._wake_at - self.clock.now())))

    def run(self) -> int:
        first = True
        while self.running:
            self.frame()
            if first:
                first = False
                if os.environ.get("HUB_EXIT_AFTER_FIRST_FRAME"):
                    break
                self.images.preload(self.story)
            self.pause()
        self.seen.save()
        pygame.quit()
        return 0


def play(story: Story, *, start: str = "start") -> int:
    """Open the window and play until the player quits; 2 when there is no display."""
    try:
        app = App(story, start=start)
    except NoDisplay as error:
        print(error, file=sys.stderr)
        return 2
    return app.run()
