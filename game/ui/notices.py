"""The quiet notices at the top of the screen, each fading by itself."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui.canvas import still
from game.ui.layout import SCREEN_SIZE, TEXT_COLOUR
from game.ui.text import wrap

NOTICE_HOLD = 2.2  # seconds a notice stays whole
NOTICE_FADE = 0.8  # then it fades out over this long ...
FADE_STEPS = 6  # ... in this many redraws, not one a frame: a notice costs a few timed redraws
NOTICE_WIDTH = 900  # wide enough that a notice with a folder in it is one line
NOTICES_SHOWN = 4
NOTICE_TOP = 6  # pixels from the top of the screen, above the menu panel's own edge


@dataclass
class _Notice:
    lines: list[pygame.Surface]
    shown_at: float


class Notices:
    """The quiet notices at the top, centred, newest at the bottom, each fading by itself."""

    def __init__(self, font: pygame.font.Font) -> None:
        self.font = font
        self.shown: list[_Notice] = []
        self._plates: dict[tuple[int, int], pygame.Surface] = {}
        self.floor: int | None = None  # set by the stack from its layers: notices stay above this y (the game menu's heading)

    def add(self, text: str, now: float) -> None:
        lines = [self.font.render(line, True, TEXT_COLOUR) for line, _ in wrap(text, self.font, NOTICE_WIDTH)]
        self.shown = [*self.shown, _Notice(lines, now)][-NOTICES_SHOWN:]

    def _alpha(self, notice: _Notice, now: float) -> int:
        """Full while held, then falling in `FADE_STEPS` steps; 0 when gone."""
        fading = now - notice.shown_at - NOTICE_HOLD
        if fading < 0:
            return 255
        step = int(fading / NOTICE_FADE * FADE_STEPS) + 1
        return max(0, 255 - 255 * step // (FADE_STEPS + 1))

    def update(self, now: float) -> bool:
        """Drop notices that have faded; True if any went."""
        kept = [n for n in self.shown if now < n.shown_at + NOTICE_HOLD + NOTICE_FADE]
        gone = len(kept) != len(self.shown)
        self.shown = kept
        return gone

    def next_change(self, now: float) -> float | None:
        """Seconds until a notice next changes how it looks: its fade's next step or its end."""
        times: list[float] = []
        for notice in self.shown:
            start = notice.shown_at + NOTICE_HOLD
            steps = [start + NOTICE_FADE * i / FADE_STEPS for i in range(FADE_STEPS + 1)]
            times.extend(t - now for t in steps if t > now)
        return min(times, default=None)

    def _placed(self) -> list[tuple[_Notice, list[pygame.Surface], pygame.Rect]]:
        """The notices on screen, the lines of each drawn and its plate: stacked down from the top, centred
        (in the top left corner they covered the menu panel's corner and its first tab). Under `floor` only
        the newest that fit above it are shown (the others wait hidden while they fade), and a notice too
        tall to fit there alone shows its first lines."""
        room = None if self.floor is None else self.floor - NOTICE_TOP
        kept: list[tuple[_Notice, list[pygame.Surface]]] = []
        for notice in reversed(self.shown):
            lines = notice.lines
            if room is not None:
                while lines and sum(line.get_height() for line in lines) + 12 > room:
                    lines = lines[:-1] if not kept else []
                if not lines:
                    break
                room -= sum(line.get_height() for line in lines) + 12 + 8
            kept.insert(0, (notice, lines))
        placed, y = [], NOTICE_TOP
        for notice, lines in kept:
            height = sum(line.get_height() for line in lines) + 12
            width = max(line.get_width() for line in lines) + 28
            placed.append((notice, lines, pygame.Rect(SCREEN_SIZE[0] // 2 - width // 2, y, width, height)))
            y += height + 8
        return placed

    def area(self, now: float) -> tuple[pygame.Rect | None, tuple[int, ...]]:
        """The box round every notice shown and how opaque each is at `now`: what redrawing them depends on."""
        placed = self._placed()
        places = [place for _, _, place in placed]
        return (places[0].unionall(places[1:]) if places else None), tuple(self._alpha(notice, now) for notice, _, _ in placed)

    def draw(self, canvas: pygame.Surface, now: float) -> None:
        for notice, lines, place in self._placed():
            alpha = self._alpha(notice, now)
            plate = self._plate(place.size)
            plate.set_alpha(alpha)
            canvas.blit(plate, place)
            line_y = place.y + 6
            for line in lines:  # on the canvas itself, so the letters are drawn at the window's size
                line.set_alpha(alpha)
                canvas.blit(line, (place.x + 14, line_y))
                line_y += line.get_height()

    def _plate(self, size: tuple[int, int]) -> pygame.Surface:
        """A notice's dark rounded plate (made once per size)."""
        if size not in self._plates:
            plate = pygame.Surface(size, pygame.SRCALPHA)
            pygame.draw.rect(plate, (12, 15, 22, 215), plate.get_rect(), border_radius=8)
            self._plates[size] = still(plate)
        return self._plates[size]
