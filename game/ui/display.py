"""The window: the 1280x720 design space drawn at the window's own resolution, letterboxed."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping, MutableMapping, Sequence
from pathlib import Path

import pygame
from pygame._sdl2.video import Window as OSWindow  # the OS window itself: fullscreen without making a new one

from game.ui.canvas import Canvas
from game.ui.layout import SCREEN_SIZE
from game.ui.viewport import Viewport


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


def prefer_real_pixels(environ: MutableMapping[str, str] = os.environ, platform: str = sys.platform) -> None:
    """Before the display starts: ask for the screen's real pixels where the system would otherwise
    draw the window small and upscale it, blurred (a display with a scale factor). The game then
    draws at the real size itself (`game.ui.canvas`). A value the player set is kept.

    - Windows: SDL_WINDOWS_DPI_AWARENESS=permonitorv2 (the process is DPI aware: 1 window pixel
      is 1 screen pixel on every monitor).
    - Elsewhere: SDL_VIDEO_HIGHDPI_DISABLED=0 (SDL's high-DPI hint). pygame 2.6's `set_mode` does
      not ask for a high-DPI window on macOS, so there the system may still upscale; X11 never does.
    """
    if platform.startswith("win"):
        environ.setdefault("SDL_WINDOWS_DPI_AWARENESS", "permonitorv2")
    environ.setdefault("SDL_VIDEO_HIGHDPI_DISABLED", "0")


#: The latest `OSWindow` made for the display's window. pygame stores a borrowed pointer to it in the
#: SDL window and reads it for every window event, so letting it be freed would crash the next event.
_HELD: list[OSWindow] = []


class Window:
    """Owns the OS window. Screens draw on `view` (design coordinates, drawn at the window's own
    resolution: `game.ui.canvas`); `present()` puts what was drawn on screen."""

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
        self.fullscreen = False
        self.dragging = False  # the window's edge is being dragged: frames are drafts (`draft`)
        self._design: pygame.Surface | None = None  # where a draft is drawn
        self._windowed_size = SCREEN_SIZE
        self._fit()

    def _set_icon(self, icon: Path) -> None:
        try:
            pygame.display.set_icon(pygame.image.load(icon))
        except (pygame.error, OSError) as error:  # checked by `check`, but a file can change or break after
            self.icon_problem = str(error) or "unreadable"

    def _fit(self) -> None:
        """Map the design space to the window as it is now (`viewport`), and draw there."""
        self.viewport = Viewport.fit(self.surface.get_size())
        self.view = Canvas(self.surface, self.viewport)

    @property
    def area(self) -> pygame.Rect:
        """Where the design space is on the window (letterbox bars around it)."""
        return self.viewport.area

    @property
    def canvas(self) -> pygame.Surface:
        """The window's pixels inside the bars (what a screenshot at the window's size shows)."""
        return self.surface.subsurface(self.area)

    def resized(self, *, dragged: bool = False) -> bool:
        """The window may have changed size: map the design space to it again. `dragged` (its edge is
        being dragged): frames are drafts (`draft`) until `sharpen()`, so each step keeps up.
        False when the size is the one already fitted (SDL tells of a switch the game made itself: the
        window's pixels are new all the same, so it is drawn again, but not as a draft)."""
        changed = pygame.display.get_surface().get_size() != self.viewport.window
        self.surface = pygame.display.get_surface()
        if not self.fullscreen:
            self._windowed_size = self.surface.get_size()
        self._fit()
        if changed:
            self.dragging = dragged
        return changed

    def sharpen(self) -> bool:
        """The resizing stopped: draw at the real size again; True if the frames were drafts."""
        was, self.dragging = self.dragging, False
        return was

    def draft(self, draw: Callable[[pygame.Surface], None]) -> None:
        """A frame while the window's edge is dragged: `draw` at the design size, stretched once
        without a filter (a few ms at any size: no picture scaled, no font opened at a new size)."""
        if self._design is None:
            self._design = pygame.Surface(SCREEN_SIZE).convert()
        draw(self._design)
        self.surface.blit(pygame.transform.scale(self._design, self.area.size), self.area)

    def toggle_fullscreen(self) -> None:
        """Fullscreen at the desktop's size, or the window as it was, on the same OS window (set_mode
        would make a new window each time: a black flash, and under some window managers a window
        the screen's size when it comes back)."""
        self.fullscreen = not self.fullscreen
        window = OSWindow.from_display_module()
        _HELD[:] = [window]  # SDL keeps a pointer to it for its window events: it must outlive them
        if self.fullscreen:
            window.set_fullscreen(desktop=True)
        else:
            window.set_windowed()
            window.size = self._windowed_size
        self.surface = pygame.display.get_surface()
        self._fit()

    def present(self, rects: Sequence[pygame.Rect] | None = None) -> None:
        """Put what was drawn on screen: all of it (with the letterbox bars), or only `rects`
        (design rects, each sent as every window pixel it touches)."""
        if rects is None:
            self._bars()
            pygame.display.flip()
        else:
            pygame.display.update([self.viewport.outward(rect) for rect in rects])

    def _bars(self) -> None:
        """Black where the window is wider or taller than 16:9."""
        area = self.area
        self.surface.set_clip(None)
        width, height = self.surface.get_size()
        for bar in ((0, 0, area.left, height), (area.right, 0, width - area.right, height),
                    (0, 0, width, area.top), (0, area.bottom, width, height - area.bottom)):
            if bar[2] > 0 and bar[3] > 0:
                self.surface.fill((0, 0, 0), bar)
        self.view.set_clip(None)

    def picture(self, draw: Callable[[pygame.Surface], None]) -> pygame.Surface:
        """What `draw` draws, at the window's size without its bars (a screenshot), on a surface of its own."""
        area = self.area
        surface = pygame.Surface(area.size).convert()
        draw(Canvas(surface, Viewport(area.size, self.viewport.scale, (0, 0))))
        return surface

    def to_design(self, position: tuple[int, int]) -> tuple[int, int]:
        """A window pixel (e.g. the mouse) in design coordinates."""
        return self.viewport.to_design(position)
