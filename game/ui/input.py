"""One input value: what the player did, whatever the device.

The keymap (`game.ui.keymap.read`) turns every pygame key, mouse and controller event into
an `Input`; nothing above the keymap sees a pygame event. A layer handles an `Input` by
its actions (`game.ui.layer.dispatch` calls `action_<name>`), and looks at `kind`,
`button` and `point` only for what a pointer does (hover, drag, a click on a control).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Device = Literal["keyboard", "mouse", "gamepad"]
#: press: a key, button or trigger went down; release: it came up (held actions such as
#: `skip` end on it); move: the pointer moved; wheel: the mouse wheel turned.
Kind = Literal["press", "release", "move", "wheel"]


@dataclass(frozen=True)
class Input:
    """One thing the player did, as named actions plus where and with what."""

    actions: frozenset[str] = frozenset()
    kind: Kind = "press"
    device: Device = "keyboard"
    point: tuple[int, int] | None = None  # the pointer in design coordinates (1280x720); mouse only
    button: int = 0  # the mouse button pressed or released: 1 left, 2 middle, 3 right; 0 otherwise
    digit: int | None = None  # 1-9: the digit key pressed (the `choose` action picks that option)

    @property
    def pressed(self) -> bool:
        return self.kind == "press"

    @property
    def released(self) -> bool:
        return self.kind == "release"

    @property
    def pointer(self) -> bool:
        """From the mouse (or touch): it has a point and may hover, drag or click a control."""
        return self.device == "mouse"

    def __contains__(self, action: object) -> bool:
        return action in self.actions


def press(*actions: str, device: Device = "keyboard", digit: int | None = None) -> Input:
    """A key or controller button going down that means `actions`."""
    return Input(frozenset(actions), "press", device, digit=digit)


def release(*actions: str, device: Device = "keyboard") -> Input:
    """A key or controller button coming up (held actions end)."""
    return Input(frozenset(actions), "release", device)


def click(point: tuple[int, int], *, button: int = 1, up: bool = False, actions: frozenset[str] = frozenset()) -> Input:
    """A mouse button going down (or `up`) at `point`."""
    return Input(actions, "release" if up else "press", "mouse", point, button)


def move(point: tuple[int, int]) -> Input:
    """The pointer moving to `point`."""
    return Input(frozenset(), "move", "mouse", point)
