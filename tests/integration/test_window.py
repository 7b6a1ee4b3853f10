"""The window: the design space is letterboxed into any window size, and the mouse maps back."""

from __future__ import annotations

import pygame

from game.ui.display import Window


def test_letterbox_keeps_the_aspect_and_maps_the_mouse():
    """In a 1000x1000 window the design space fills the width, centred, and a click maps to design pixels."""
    pygame.display.init()
    try:
        window = Window()
        pygame.display.set_mode((1000, 1000), pygame.RESIZABLE)
        window.resized()
        assert window.area == pygame.Rect(0, 219, 1000, 562)
        assert window.to_design((500, 500)) == (640, 360)
        assert window.to_design((0, 219)) == (0, 0)
        window.view.fill((200, 10, 10))
        window.present()
        assert window.surface.get_at((500, 100))[:3] == (0, 0, 0)  # the bar
        assert window.surface.get_at((500, 500))[:3] == (200, 10, 10)  # drawn at the window's size, not stretched
        assert window.surface.get_at((500, 218))[:3] == (0, 0, 0) and window.surface.get_at((500, 219))[:3] == (200, 10, 10)
    finally:
        pygame.quit()


def test_the_window_asks_for_real_pixels_on_a_scaled_display():
    """Windows is asked for DPI awareness, SDL everywhere for high-DPI windows; a player's own choice stays."""
    from game.ui.display import prefer_real_pixels

    windows: dict[str, str] = {}
    prefer_real_pixels(windows, "win32")
    assert windows == {"SDL_WINDOWS_DPI_AWARENESS": "permonitorv2", "SDL_VIDEO_HIGHDPI_DISABLED": "0"}
    linux = {"SDL_VIDEO_HIGHDPI_DISABLED": "1"}
    prefer_real_pixels(linux, "linux")
    assert linux == {"SDL_VIDEO_HIGHDPI_DISABLED": "1"}
