"""The gamepad: SDL game-controller events turned into the team's action names.

SDL's controller mapping gives every pad the same layout (Xbox names: A is the
bottom face button, whatever is printed on it), so one table serves them all.
`GamepadInput.actions(event, now)` is the keymap's `actions(event)` for
controller events; d-pad and left stick moves repeat while held, which a frame
collects with `repeats(now)`; the right trigger is held to skip (`held()`).
Controllers may come and go while playing: each is opened when SDL says it was
added and closed when it was pulled out; with none, nothing happens.
SDL sends JOY* events for the same presses too: only the CONTROLLER* ones
(`CONTROLLER_EVENTS`) mean anything. Like SDL, pads are ignored while the
window is not focused (the hint SDL_JOYSTICK_ALLOW_BACKGROUND_EVENTS changes that).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame
from pygame._sdl2 import controller

from game.i18n.interface import ui_text
from game.ui.input import Input, press, release

REPEAT_DELAY = 0.40  # seconds a move is held before it repeats
REPEAT_INTERVAL = 0.12
STICK_PRESS, STICK_RELEASE = 0.60, 0.35  # of full tilt: a dead zone with hysteresis, so it does not chatter
TRIGGER_PRESS, TRIGGER_RELEASE = 0.50, 0.25
AXIS_FULL = 32767
SDL_ERRORS: tuple[type[Exception], ...] = (pygame.error, controller.error)  # type: ignore[attr-defined]  # the controller module raises its own, not pygame.error

CONTROLLER_EVENTS = frozenset(
    {
        pygame.CONTROLLERBUTTONDOWN,
        pygame.CONTROLLERBUTTONUP,
        pygame.CONTROLLERAXISMOTION,
        pygame.CONTROLLERDEVICEADDED,
        pygame.CONTROLLERDEVICEREMOVED,
    }
)

# (button, what it is called, the actions it means); the order is the Help page's.
BUTTONS: tuple[tuple[int, str, tuple[str, ...]], ...] = (
    (pygame.CONTROLLER_BUTTON_A, "A", ("advance", "activate")),
    (pygame.CONTROLLER_BUTTON_B, "B", ("back",)),
    (pygame.CONTROLLER_BUTTON_START, "Start", ("game_menu",)),
    (pygame.CONTROLLER_BUTTON_Y, "Y", ("history",)),
    (pygame.CONTROLLER_BUTTON_X, "X", ("hide_interface",)),
    (pygame.CONTROLLER_BUTTON_LEFTSHOULDER, "left shoulder", ("rewind",)),
    (pygame.CONTROLLER_BUTTON_RIGHTSHOULDER, "right shoulder", ("forward",)),
    (pygame.CONTROLLER_BUTTON_BACK, "Back (View, Select)", ("auto",)),  # so a player on the sofa can read hands-free
)
DPAD = {
    pygame.CONTROLLER_BUTTON_DPAD_UP: "up",
    pygame.CONTROLLER_BUTTON_DPAD_DOWN: "down",
    pygame.CONTROLLER_BUTTON_DPAD_LEFT: "left",
    pygame.CONTROLLER_BUTTON_DPAD_RIGHT: "right",
}
SKIP_TRIGGER = pygame.CONTROLLER_AXIS_TRIGGERRIGHT
#: What a pad's action means as well, as the keys that mean it do (Up also scrolls a list,
#: Page Up is both "rewind" and the slots' previous page): the shoulders turn the menu's pages,
#: and X, which hides the interface in the game, deletes the focused save in the menu (it asks first).
PAD_ALSO = {"up": "scroll_up", "down": "scroll_down", "rewind": "page_up", "forward": "page_down", "hide_interface": "delete"}


def pad_actions(found: frozenset[str]) -> frozenset[str]:
    """The actions a controller's `found` mean, with those `PAD_ALSO` adds."""
    return found | {PAD_ALSO[action] for action in found if action in PAD_ALSO}

BUTTON_ACTIONS = {button: frozenset(actions) for button, _name, actions in BUTTONS}


@dataclass
class _Move:
    """A direction held on the d-pad or the stick, and when it next repeats."""

    direction: str
    next_at: float


@dataclass
class _Pad:
    """What one controller is holding."""

    stick_x: float = 0.0
    stick_y: float = 0.0
    skipping: bool = False


class GamepadInput:
    """Controller events in, action names out; one for the whole game."""

    def __init__(self, *, notify: Callable[[str], None] | None = None) -> None:
        self._notify = notify or (lambda text: None)
        self._open: dict[int, controller.Controller] = {}  # by SDL instance id
        self._pads: dict[int, _Pad] = {}
        self._moves: dict[tuple[int, str], _Move] = {}  # (instance id, "dpad" or "stick")
        self._held: frozenset[str] = frozenset()  # what `read` last said was held
        try:
            # Started afresh: after a pygame.quit() the module still says it is on while SDL's
            # joystick layer under it is off, and no pad would ever be seen.
            controller.quit()
            controller.init()
        except SDL_ERRORS:
            pass  # no controller support in this SDL: the game plays with keyboard and mouse

    # -- inputs ---------------------------------------------------------------
    def read(self, event: pygame.event.Event, now: float) -> list[Input]:
        """The `Input`s a controller event means: a press of its actions, and the right trigger's
        hold as a `skip` press, then a `skip` release when it is let go (or its pad pulled out)."""
        found = self.actions(event, now) - {"skip"}
        inputs = [press(*pad_actions(found), device="gamepad")] if found else []
        held = self.held()
        if held != self._held:
            inputs.append(press("skip", device="gamepad") if held else release("skip", device="gamepad"))
            self._held = held
        return inputs

    def repeated(self, now: float) -> list[Input]:
        """The moves due again because a direction is still held, as a press (call once a frame)."""
        due = self.repeats(now)
        return [press(*pad_actions(due), device="gamepad")] if due else []

    # -- events ---------------------------------------------------------------
    def actions(self, event: pygame.event.Event, now: float) -> frozenset[str]:
        """Every action a controller event means (empty for other events)."""
        if event.type == pygame.CONTROLLERBUTTONDOWN:
            return self._button_down(event.instance_id, event.button, now)
        if event.type == pygame.CONTROLLERBUTTONUP:
            if event.button in DPAD:
                self._moves.pop((event.instance_id, "dpad"), None)
            return frozenset()
        if event.type == pygame.CONTROLLERAXISMOTION:
            return self._axis(event.instance_id, event.axis, max(-1.0, min(1.0, event.value / AXIS_FULL)), now)
        if event.type == pygame.CONTROLLERDEVICEADDED:
            self._connect(event.device_index)
        elif event.type == pygame.CONTROLLERDEVICEREMOVED:
            self._disconnect(event.instance_id)
        return frozenset()

    def repeats(self, now: float) -> frozenset[str]:
        """The moves due again because a direction is still held (call once a frame)."""
        due: set[str] = set()
        for move in self._moves.values():
            if now >= move.next_at:
                due.add(move.direction)
                move.next_at += REPEAT_INTERVAL
                if move.next_at <= now:  # after a stall: one move, not a burst to catch up
                    move.next_at = now + REPEAT_INTERVAL
        return frozenset(due)

    def next_repeat(self, now: float) -> float | None:
        """Seconds until `repeats` has something, None while nothing is held (for the loop's sleep)."""
        if not self._moves:
            return None
        return max(0.0, min(move.next_at for move in self._moves.values()) - now)

    def held(self) -> frozenset[str]:
        """Actions held down now: `skip` while a right trigger is pulled."""
        return frozenset({"skip"}) if any(pad.skipping for pad in self._pads.values()) else frozenset()

    def _button_down(self, pad: int, button: int, now: float) -> frozenset[str]:
        if button in DPAD:
            self._moves[(pad, "dpad")] = _Move(DPAD[button], now + REPEAT_DELAY)
            return frozenset({DPAD[button]})
        return BUTTON_ACTIONS.get(button, frozenset())

    def _axis(self, instance: int, axis: int, value: float, now: float) -> frozenset[str]:
        pad = self._pads.setdefault(instance, _Pad())
        if axis == SKIP_TRIGGER:
            was = pad.skipping
            pad.skipping = value >= (TRIGGER_RELEASE if was else TRIGGER_PRESS)
            return frozenset({"skip"}) if pad.skipping and not was else frozenset()
        if axis == pygame.CONTROLLER_AXIS_LEFTX:
            pad.stick_x = value
        elif axis == pygame.CONTROLLER_AXIS_LEFTY:
            pad.stick_y = value
        else:
            return frozenset()
        key = (instance, "stick")
        held = self._moves.get(key)
        direction = stick_direction(held.direction if held else None, pad.stick_x, pad.stick_y)
        if direction is None:
            self._moves.pop(key, None)
            return frozenset()
        if held is not None and held.direction == direction:
            return frozenset()
        self._moves[key] = _Move(direction, now + REPEAT_DELAY)
        return frozenset({direction})

    # -- controllers coming and going ------------------------------------------
    def _connect(self, device_index: int) -> None:
        try:
            pad = controller.Controller(device_index)
            instance = pad.as_joystick().get_instance_id()
        except SDL_ERRORS:
            return  # pulled out again before it could be opened, or not a game controller
        if instance not in self._open:
            self._open[instance] = pad
            self._notify(ui_text("Controller connected: {name}").format(name=pad.name))

    def _disconnect(self, instance: int) -> None:
        self._pads.pop(instance, None)  # a trigger held as it was pulled out no longer skips
        for source in ("dpad", "stick"):
            self._moves.pop((instance, source), None)
        pad = self._open.pop(instance, None)
        if pad is not None:
            try:
                pad.quit()
            except SDL_ERRORS:
                pass
            self._notify(ui_text("Controller disconnected"))

    def close(self) -> None:
        for instance in list(self._open):
            self._disconnect(instance)

    @property
    def connected(self) -> int:
        """How many controllers are open."""
        return len(self._open)


def stick_direction(held: str | None, x: float, y: float) -> str | None:
    """Where the stick points: a new direction needs a firm push along its axis;
    the one held lasts until the stick is nearly back (hysteresis against chatter)."""
    along = {"left": -x, "right": x, "up": -y, "down": y}
    strongest = max(along, key=along.__getitem__)
    if held is not None and along[held] >= STICK_RELEASE and (strongest == held or along[strongest] < STICK_PRESS):
        return held
    return strongest if along[strongest] >= STICK_PRESS else None


def rows() -> list[tuple[str, str]]:
    """(action, gamepad control) for the keymap's gamepad column, in the Help page's order."""
    table = [(action, name) for _button, name, actions in BUTTONS for action in actions]
    table.append(("skip", "hold right trigger"))
    table += [(direction, f"d-pad {direction}, left stick {direction}") for direction in DPAD.values()]
    return table
