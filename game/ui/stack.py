"""The stack of layers: a base screen (title, game, end card) with overlays pushed over it
(the game menu, confirmations), the notices over all.

Input goes to the top layer only. A modal layer stops time beneath it: the stack pauses the
`PausableClock` of every layer under it (they are neither updated nor asked when they next
change, and draw as they were) and resumes them when it goes, so no layer shifts its own times.
"""

from __future__ import annotations


import pygame

from game.clock import Clock
from game.ui.damage import merged
from game.ui.input import Input
from game.ui.layer import Layer, PausableClock
from game.ui.notices import Notices


class LayerStack:
    """The layers bottom up, whose clocks it pauses and resumes, and how they are drawn."""

    def __init__(self, clock: Clock, notices: Notices) -> None:
        self.clock = clock
        self.notices = notices
        self._layers: list[Layer] = []
        self._covered: list[bool] = []  # per layer: under a modal layer, its clock paused by the stack
        self._notices_drawn: tuple[pygame.Rect | None, tuple[int, ...]] = (None, ())

    @property
    def layers(self) -> tuple[Layer, ...]:
        return tuple(self._layers)

    @property
    def base(self) -> Layer:
        return self._layers[0]

    @property
    def top(self) -> Layer:
        return self._layers[-1]

    def new_clock(self) -> PausableClock:
        return PausableClock(self.clock)

    # -- changing the stack ------------------------------------------------------------
    def show(self, screen: Layer) -> None:
        """Replace the base screen; every overlay goes (each hears `closed()`, the screen too unless it stays)."""
        gone = [layer for layer in self._layers if layer is not screen]
        self._layers, self._covered = [screen], [False]
        _resume(screen)
        for layer in reversed(gone):
            _closed(layer)

    def push(self, layer: Layer) -> None:
        self._layers.append(layer)
        self._covered.append(False)
        self._cover()

    def pop(self, layer: Layer) -> None:
        """Take `layer` off the stack; layers no longer under a modal one run on."""
        if layer not in self._layers:
            return
        index = self._layers.index(layer)
        del self._layers[index], self._covered[index]
        self._cover()
        _closed(layer)

    def close_all(self) -> None:
        """The game stops: every layer hears `closed()`, top first (the game screen autosaves)."""
        for layer in reversed(self._layers):
            _closed(layer)

    def _cover(self) -> None:
        """Pause the clock of each layer under a modal one, resume the others."""
        modal_above = False
        for i in range(len(self._layers) - 1, -1, -1):
            layer = self._layers[i]
            if modal_above != self._covered[i]:
                _pause(layer) if modal_above else _resume(layer)
                self._covered[i] = modal_above
            modal_above = modal_above or bool(getattr(layer, "modal", False))

    def live(self) -> list[Layer]:
        """The layers whose time runs: none under a modal layer."""
        return [layer for layer, covered in zip(self._layers, self._covered) if not covered]

    # -- time -----------------------------------------------------------------------------
    def handle(self, input: Input) -> None:
        """One input to the top layer."""
        self.top.handle(input)

    def update(self) -> bool:
        """Move every live layer on; True if the notices changed."""
        for layer in self.live():
            if layer in self._layers:  # an update may have closed a later one
                layer.update()
        return self.notices.update(self.clock.now())

    def next_change(self) -> float | None:
        """Seconds until something on the stack changes by itself (None: nothing will)."""
        now = self.clock.now()
        waits = [layer.next_change() for layer in self.live()]
        waits.append(self.notices.next_change(now))
        return min((w for w in waits if w is not None), default=None)

    # -- drawing --------------------------------------------------------------------------
    def damage(self) -> list[pygame.Rect] | None:
        """The regions changed by time alone since the last draw ([] none, None all): only the base
        screen, alone on the stack, tells its regions (`game.ui.damage`); the notices are their own."""
        dirty_regions = getattr(self.base, "dirty_regions", None)
        regions = dirty_regions() if dirty_regions is not None else None
        if len(self._layers) > 1:
            return None
        notices = self.notices.area(self.clock.now())
        if regions is not None and notices != self._notices_drawn:
            regions = merged(regions + [place for place in (notices[0], self._notices_drawn[0]) if place is not None])
        return regions

    def draw(self, canvas: pygame.Surface, regions: list[pygame.Rect] | None) -> None:
        """Every layer, bottom up, and the notices, everywhere or clipped to `regions`."""
        now = self.clock.now()
        floors = [floor for layer in self._layers if (floor := getattr(layer, "notice_floor", None)) is not None]
        self.notices.floor = min(floors, default=None)  # the game menu keeps notices off its heading
        for region in [None] if regions is None else regions:
            canvas.set_clip(region)
            for layer in self._layers:
                layer.draw(canvas)
            self.notices.draw(canvas, now)
        canvas.set_clip(None)
        self._notices_drawn = self.notices.area(now)


def _closed(layer: Layer) -> None:
    if (closed := getattr(layer, "closed", None)) is not None:
        closed()


def _pause(layer: Layer) -> None:
    layer.clock.pause()


def _resume(layer: Layer) -> None:
    layer.clock.resume()
