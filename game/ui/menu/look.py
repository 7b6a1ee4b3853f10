"""The game menu's look: where its parts go, its colours, and the few drawing recipes it repeats.

Everything the menu draws is opaque: the panel hides the game completely (a dimmed margin
of the game shows around it), so no text behind a page can ever be read through it.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, Protocol, TypeVar

import pygame

from game.ui.input import Input
from game.ui.layout import DIM_TEXT, SCREEN_SIZE, TEXT_COLOUR
from game.ui import paint
from game.ui.canvas import still

# -- where things go (1280x720 canvas) -----------------------------------------
PANEL = pygame.Rect(36, 28, SCREEN_SIZE[0] - 72, SCREEN_SIZE[1] - 56)
SIDEBAR = pygame.Rect(PANEL.x, PANEL.y, 232, PANEL.h)
CONTENT = pygame.Rect(SIDEBAR.right + 28, PANEL.y + 22, PANEL.right - SIDEBAR.right - 56, PANEL.h - 44)
HEADING_HEIGHT = 76  # the page's name, with the slot pages' buttons on the same row
BODY = pygame.Rect(CONTENT.x, CONTENT.y + HEADING_HEIGHT + 10, CONTENT.w, CONTENT.h - HEADING_HEIGHT - 10)
TAB_SIZE = (SIDEBAR.w - 40, 46)
SHEEN = 220  # pixels down the panel over which its top's lighter tone fades

# -- colours (the text box's teal-slate and the buttons' amber) ------------------
VEIL_ALPHA = 190
PANEL_BODY = (17, 24, 28)
PANEL_TOP = (24, 33, 38)
SIDEBAR_BODY = (12, 18, 21)
EDGE = (78, 104, 111)
RULE = (200, 150, 90)
PLATE = (27, 37, 42)
PLATE_EDGE = (58, 78, 84)
FOCUS_PLATE = (104, 74, 44)
SOFT_FOCUS_PLATE = (48, 40, 32)
FOCUS_EDGE = (255, 198, 101)
PRESSED_PLATE = (60, 42, 28)
INSET = (9, 13, 16)
DISABLED_TEXT = (96, 104, 112)
WARNING = (236, 150, 120)
KEY_TEXT = (255, 226, 176)
TRACK = (44, 58, 64)
KNOB = (238, 232, 220)

Colour = tuple[int, int, int]
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Kept(Generic[K, V]):
    """Values made by `make(key)` and kept; past `keep` of them, the least recently used goes."""

    def __init__(self, make: Callable[[K], V], *, keep: int) -> None:
        self._make = make
        self._keep = keep
        self._values: OrderedDict[K, V] = OrderedDict()

    def __call__(self, key: K) -> V:
        if key in self._values:
            self._values.move_to_end(key)
            return self._values[key]
        value = self._values[key] = self._make(key)
        if len(self._values) > self._keep:
            self._values.popitem(last=False)
        return value

    def __contains__(self, key: object) -> bool:
        return key in self._values


#: High contrast (the accessibility setting): the menu's quiet text colours are brightened.
CONTRAST = {TEXT_COLOUR: (255, 255, 255), DIM_TEXT: (220, 222, 226), DISABLED_TEXT: (150, 156, 162)}


class FontRoles(Protocol):
    """Fonts by role ("ui", "small", "title", "text", ...): `game.ui.assets.Fonts`, or a plain dict."""

    def __getitem__(self, role: str) -> pygame.font.Font: ...


class Texts:
    """Rendered words, kept so that a still menu redraws without rendering any text again.

    `contrast` (set by the menu from the settings) draws every quiet colour brighter (`CONTRAST`).
    """

    def __init__(self, fonts: FontRoles, *, keep: int = 600) -> None:
        self.fonts = fonts
        self.contrast = False
        self.rendered: Kept[tuple[str, str, Colour], pygame.Surface] = Kept(self._render, keep=keep)

    def _render(self, key: tuple[str, str, Colour]) -> pygame.Surface:
        role, text, colour = key
        return self.fonts[role].render(text, True, colour)

    def __call__(self, role: str, text: str, colour: Colour) -> pygame.Surface:
        return self.rendered((role, text, CONTRAST.get(colour, colour) if self.contrast else colour))

    def fit(self, role: str, text: str, width: int) -> str:
        """`text`, cut short with an ellipsis if it is wider than `width` pixels."""
        return fit(text, self.fonts[role], width)


class Press:
    """A click is the left button going down and coming up on the same thing: this remembers the first half."""

    def __init__(self) -> None:
        self.on: Hashable | None = None  # what the button went down on, while it is down

    def click(self, input: Input, target: Hashable | None) -> bool:
        """Feed a pointer input with what is under the pointer; True when it completes a click on `target`."""
        if input.button != 1 or input.kind not in ("press", "release"):
            return False
        if input.kind == "press":
            self.on = target
            return False
        pressed, self.on = self.on, None
        return target is not None and target == pressed


def fit(text: str, font: pygame.font.Font, width: int) -> str:
    """`text`, cut short with an ellipsis if it is wider than `width` pixels in `font`."""
    if font.size(text)[0] <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with its ellipsis
        middle = (low + high + 1) // 2
        if font.size(text[:middle].rstrip() + "\u2026")[0] <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "\u2026"


def make_panel() -> pygame.Surface:
    """The menu's whole backdrop, made once: the dimmed margin, the panel and its sidebar."""
    surface = pygame.Surface(SCREEN_SIZE, pygame.SRCALPHA)
    surface.fill((0, 0, 0, VEIL_ALPHA))
    pygame.draw.rect(surface, EDGE, PANEL, border_radius=16)
    inner = PANEL.inflate(-2, -2)
    body = pygame.Surface(inner.size, pygame.SRCALPHA)
    body.fill(PANEL_BODY)
    for y in range(SHEEN):  # a quiet top sheen, as on the game's own panels
        share = y / SHEEN
        body.fill(tuple(round(a + (b - a) * share) for a, b in zip(PANEL_TOP, PANEL_BODY)), (0, y, inner.w, 1))
    shape = pygame.Surface(inner.size, pygame.SRCALPHA)
    pygame.draw.rect(shape, (255, 255, 255, 255), shape.get_rect(), border_radius=15)
    body.blit(shape, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)  # round the body's corners
    surface.blit(body, inner)
    side = pygame.Rect(SIDEBAR.x + 1, SIDEBAR.y + 1, SIDEBAR.w - 1, SIDEBAR.h - 2)
    pygame.draw.rect(surface, SIDEBAR_BODY, side, border_top_left_radius=15, border_bottom_left_radius=15)
    pygame.draw.line(surface, EDGE, (SIDEBAR.right, SIDEBAR.y + 1), (SIDEBAR.right, SIDEBAR.bottom - 2))
    return still(surface)


def plate(canvas: pygame.Surface, rect: pygame.Rect, *, focused: bool = False, pressed: bool = False, radius: int = 8,
          soft: bool = False) -> None:
    """A button's body: teal-slate at rest, amber with a bright rim when it has the focus.

    `soft` keeps a focused body dark (a slot card, a history entry: pictures and text sit on it).
    """
    if pressed:
        body, edge, width = PRESSED_PLATE, FOCUS_EDGE, 2
    elif focused:
        body, edge, width = SOFT_FOCUS_PLATE if soft else FOCUS_PLATE, FOCUS_EDGE, 2
    else:
        body, edge, width = PLATE, PLATE_EDGE, 1
    paint.rect(canvas, body, rect, border_radius=radius)
    paint.rect(canvas, edge, rect, width, border_radius=radius)


def heading(canvas: pygame.Surface, texts: Texts, title: str) -> None:
    """The page's name in the title face, over a thin amber rule."""
    words = texts("title", title, TEXT_COLOUR)
    canvas.blit(words, words.get_rect(midleft=(CONTENT.x, CONTENT.y + HEADING_HEIGHT // 2 - 4)))
    y = CONTENT.y + HEADING_HEIGHT
    paint.line(canvas, RULE, (CONTENT.x, y), (CONTENT.x + 120, y), 2)
    paint.line(canvas, PLATE_EDGE, (CONTENT.x + 120, y), (CONTENT.right, y), 1)


def centred_note(canvas: pygame.Surface, texts: Texts, text: str, rect: pygame.Rect = BODY) -> None:
    words = texts("ui", text, DIM_TEXT)
    canvas.blit(words, words.get_rect(center=rect.center))


def legible(colour: Colour, *, least: int = 150) -> Colour:
    """`colour` lifted towards white until it reads on the dark panel (a speaker's colour may be dark)."""
    brightness = 0.299 * colour[0] + 0.587 * colour[1] + 0.114 * colour[2]
    if brightness >= least:
        return colour
    share = (least - brightness) / (255 - brightness)
    return tuple(round(c + (255 - c) * share) for c in colour)  # type: ignore[return-value]


def font_or(fonts: FontRoles, role: str, fallback: str) -> str:
    """`role` if the game has that face (narration's italic), else `fallback`."""
    try:
        fonts[role]
    except KeyError:
        return fallback
    return role
