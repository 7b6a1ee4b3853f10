"""The window: a fixed 1280x720 canvas scaled with letterboxing to any window size."""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

import pygame

from game.ui.layout import SCREEN_SIZE


#: Drivers SDL falls back to when it reaches no screen: a window there is drawn for nobody.
UNSEEN_DRIVERS = ("offscreen", "dummy")
HOW_TO_FIX = "run it from a desktop session, or set DISPLAY (for example: xvfb-run python3 main.py)"


class NoDisplay(Exception):
    """There is nowhere to open the window; the message says why and how to fix it, in one line."""


def require_display(environ: Mapping[str, str] = os.environ, platform: str = sys.platform) -> None:
    """Refuse at once where no window can appear: on Linux without X11 or Wayland, SDL would
    otherwise fall back to a display nobody sees (or wait on one that never answers).
    A chosen SDL_VIDEODRIVER (the tests' dummy one, say) is taken as meant."""
    if not platform.startswith("linux") or environ.get("SDL_VIDEODRIVER"):
        return
    if not environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY"):
        raise NoDisplay(f"No display to open the game's window on (DISPLAY and WAYLAND_DISPLAY are not set): {HOW_TO_FIX}.")


class Window:
    """Owns the OS window; draws go to `canvas`, `present()` puts it on screen."""

    def __init__(self, *, title: str = "Hub", icon: Path | None = None) -> None:
        # On X11 SDL would otherwise put each update through a GL texture, which on a machine that
        # renders in software costs ~3 ms of CPU even for a few letters; the plain window surface
        # costs ~0. Elsewhere SDL's own choice is kept (the compositor's path is the good one there).
        if sys.platform.startswith("linux"):
            os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")
        pygame.display.set_caption(title)
        self.icon_problem: str | None = None  # why the game's icon could not be used, for a notice
        if icon is not None:  # before the window opens, so its first frame has it
            self._set_icon(icon)
        if pygame.display.get_driver() in UNSEEN_DRIVERS and not os.environ.get("SDL_VIDEODRIVER"):
            where = os.environ.get("WAYLAND_DISPLAY") or os.environ.get("DISPLAY") or "none"
            raise NoDisplay(f"Cannot reach the display ({where}), so the window would not be seen: {HOW_TO_FIX}.")
        try:
            self.surface = pygame.display.set_mode(SCREEN_SIZE, pygame.RESIZABLE)
        except pygame.error as error:
            raise NoDisplay(f"Cannot open the game's window ({error}): {HOW_TO_FIX}.") from error
        self.canvas = pygame.Surface(SCREEN_SIZE).convert()
        self.fullscreen = False
        self._windowed_size = SCREEN_SIZE
        self._fit()

    def _set_icon(self, icon: Path) -> None:
        try:
            pygame.display.set_icon(pygame.image.load(icon))
        except (pygame.error, OSError) as error:  # checked by `check`, but a file can change or break after
            self.icon_problem = str(error) or "unreadable"

    def _fit(self) -> None:
        """Compute the largest 16:9 area in the window, centred."""
        width, height = self.surface.get_size()
        scale = min(width / SCREEN_SIZE[0], height / SCREEN_SIZE[1])
        size = (max(1, round(SCREEN_SIZE[0] * scale)), max(1, round(SCREEN_SIZE[1] * scale)))
        self.area = pygame.Rect((width - size[0]) // 2, (height - size[1]) // 2, *size)

    def resized(self) -> None:
        """The window changed size: fit the canvas to it again."""
        self.surface = pygame.display.get_surface()
        if not self.fullscreen:
            self._windowed_size = self.surface.get_size()
        self._fit()

    def toggle_fullscreen(self) -> None:
        self.fullscreen = not self.fullscreen
        if self.fullscreen:
            self.surface = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        else:
            self.surface = pygame.display.set_mode(self._windowed_size, pygame.RESIZABLE)
        self._fit()

    def present(self, rects: Sequence[pygame.Rect] | None = None) -> None:
        """Put the canvas on screen: all of it, or only `rects` (canvas pixels) when only they changed."""
        if rects is None:
            self._show_all()
            pygame.display.flip()
        elif self.area.size == SCREEN_SIZE:
            pygame.display.update([self.surface.blit(self.canvas, self.area.move(rect.topleft), rect) for rect in rects])
        else:
            # Scaling a part alone would blur its edges differently: the whole canvas is scaled
            # (cheap next to a full window update), and only the changed rects are sent.
            pygame.transform.smoothscale(self.canvas, self.area.size, self.surface.subsurface(self.area))
            pygame.display.update([self.to_window(rect) for rect in rects])

    def _show_all(self) -> None:
        if self.area.size == SCREEN_SIZE:
            self.surface.blit(self.canvas, self.area)
        else:
            self.surface.fill((0, 0, 0))
            pygame.transform.smoothscale(self.canvas, self.area.size, self.surface.subsurface(self.area))

    def to_window(self, rect: pygame.Rect) -> pygame.Rect:
        """A canvas rect on the window, widened a pixel each way for the scaling's blur."""
        sx, sy = self.area.w / SCREEN_SIZE[0], self.area.h / SCREEN_SIZE[1]
        left, top = math.floor(rect.left * sx) - 1, math.floor(rect.top * sy) - 1
        right, bottom = math.ceil(rect.right * sx) + 1, math.ceil(rect.bottom * sy) + 1
        return pygame.Rect(self.area.x + left, self.area.y + top, right - left, bottom - top).clip(self.area)

    def to_canvas(self, position: tuple[int, int]) -> tuple[int, int]:
        """A window pixel (e.g. the mouse) in canvas coordinates."""
        x = (position[0] - self.area.x) * SCREEN_SIZE[0] / self.area.w
        y = (position[1] - self.area.y) * SCREEN_SIZE[1] / self.area.h
        return int(x), int(y)
