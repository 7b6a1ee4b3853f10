"""The window: the 1280x720 canvas is letterboxed into any window size, and the mouse maps back."""

from __future__ import annotations

import pygame

from game.ui.display import Window


def test_letterbox_keeps_the_aspect_and_maps_the_mouse():
    """In a 1000x1000 window the canvas fills the width, centred, and a click maps to canvas pixels."""
    pygame.display.init()
    try:
        window = Window()
        pygame.display.set_mode((1000, 1000), pygame.RESIZABLE)
        window.resized()
        assert window.area == pygame.Rect(0, 219, 1000, 562)
        assert window.to_canvas((500, 500)) == (640, 360)
        assert window.to_canvas((0, 219)) == (0, 0)
        window.canvas.fill((200, 10, 10))
        window.present()
        assert window.surface.get_at((500, 100))[:3] == (0, 0, 0)  # the bar
        assert all(abs(a - b) <= 3 for a, b in zip(window.surface.get_at((500, 500))[:3], (200, 10, 10)))  # smoothscaled
    finally:
        pygame.quit()
