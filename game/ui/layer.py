"""What the stack holds: layers (a base screen and the overlays over it), the clock each one
reads, and the one rule by which a layer's actions find their handlers.

The rule (after Textual's `action_<name>`): a layer, or a page inside one, handles the action
`advance` in a method `action_advance(self, input: Input) -> bool | None`. `dispatch` tries
the input's actions in the keymap's order and calls the first handler the target has; a
handler that returns False did not use the input, and the next action is tried. So the
actions a layer answers are derived from its methods (`handled_actions`), never listed by hand.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from game.clock import Clock
from game.ui.input import Input
from game.ui.keymap import ACTION_ORDER

if TYPE_CHECKING:
    import pygame

    from game.settings import Settings

PREFIX = "action_"


def dispatch(target: object, input: Input, order: tuple[str, ...] | None = None) -> bool:
    """Call `target.action_<name>(input)` for the first of `input`'s actions it handles; True if one did.

    `order`: the order to try actions in (default: the keymap's, so Escape's `game_menu` and
    `back` are tried in one fixed order everywhere).
    """
    if not input.actions:
        return False
    if order is None:
        order = ACTION_ORDER
    for name in sorted(input.actions, key=lambda a: order.index(a) if a in order else len(order)):
        handler = getattr(target, PREFIX + name, None)
        if handler is not None and handler(input) is not False:
            return True
    return False


def handled_actions(target: object | type) -> frozenset[str]:
    """Every action `target` has a handler for."""
    return frozenset(name.removeprefix(PREFIX) for name in dir(target) if name.startswith(PREFIX))


class PausableClock:
    """A layer's own time: the host's clock, less every stretch a modal layer covered it.

    While paused, `now()` stands still at the moment it was paused; after `resume()` it runs
    on from there, so a layer never shifts its own timestamps (the stack pauses and resumes).
    """

    def __init__(self, base: Clock) -> None:
        self.base = base
        self._lost = 0.0  # seconds spent paused so far
        self._paused_at: float | None = None

    def now(self) -> float:
        at = self.base.now() if self._paused_at is None else self._paused_at
        return at - self._lost

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    def pause(self) -> None:
        if self._paused_at is None:
            self._paused_at = self.base.now()

    def resume(self) -> None:
        if self._paused_at is not None:
            self._lost += self.base.now() - self._paused_at
            self._paused_at = None


class Layer(Protocol):
    """A screen or an overlay on the stack.

    Optional members the stack and self-voicing look for: `focus_words() -> str | None` and
    `spoken_title: str` (read aloud when they change), `notice_floor: int | None` (keeps notices
    below a heading), `dirty_regions() -> list[Rect] | None` (the base screen's regions changed since
    the stack last asked: it asks at every draw, so the answer is taken as drawn),
    `closed()` (called once when the layer leaves the stack, replaced or popped).
    """

    modal: bool  # True: the story's time stands still beneath it
    clock: PausableClock  # the layer reads time only from here; the stack pauses it

    def handle(self, input: Input) -> None:
        """One input (usually `dispatch(self, input)` plus what a pointer does)."""
        ...

    def update(self) -> None:
        """Time passed: move what moves by itself (never drawing)."""
        ...

    def draw(self, canvas: pygame.Surface) -> None:
        """Draw the layer as it is at `self.clock.now()`. Pure: drawing twice gives the same frame
        and changes no state."""
        ...

    def next_change(self) -> float | None:
        """Seconds until the layer changes by itself: 0 while animating, None when still."""
        ...

    def settings_changed(self, settings: Settings) -> None:
        """The player's settings changed (or were first applied): take what this layer uses."""
        ...
