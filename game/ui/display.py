"""The window: a fixed 1280x720 canvas scaled with letterboxing to any window size."""

from __future__ import annotations

import pygame

from game.ui.layout import SCREEN_SIZE


class Window:
    """Owns the OS window; draws go to `canvas`, `present()` puts it on screen."""

    def __init__(self, *, title: str = "Hub") -> None:
        pygame.display.set_caption(title)
        self.surface = pygame.display.set_mode(SCREEN_SIZE, pygame.RESIZABLE)
        self.canvas = pygame.Surface(SCREEN_SIZE).convert()
        self.fullscreen = False
        self._windowed_size = SCREEN_SIZE
        self._fit()

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

    def present(self) -> None:
        if self.area.size == SCREEN_SIZE:
            self.surface.blit(self.canvas, self.area)
        else:
            self.surface.fill((0, 0, 0))
            pygame.transform.smoothscale(self.canvas, self.area.size, self.surface.subsurface(self.area))
        pygame.display.flip()

    def to_canvas(self, position: tuple[int, int]) -> tuple[int, int]:
        """A window pixel (e.g. the mouse) in canvas coordinates."""
        x = (position[0] - self.area.x) * SCREEN_SIZE[0] / self.area.w
        y = (position[1] - self.area.y) * SCREEN_SIZE[1] / self.area.h
        return int(x), int(y)
