"""The gamepad: posted SDL controller events become the team's action names."""

from __future__ import annotations

import ctypes
from pathlib import Path

import pygame
import pytest

from game.ui import gamepad
from game.ui.gamepad import REPEAT_DELAY, REPEAT_INTERVAL, GamepadInput, rows, stick_direction

PAD = 7  # an SDL instance id


@pytest.fixture
def pad():
    pygame.display.init()
    pygame.display.set_mode((64, 64))
    pygame.event.clear()
    yield GamepadInput()
    pygame.quit()


def posted(pad: GamepadInput, *events: pygame.event.Event, now: float = 0.0) -> list[frozenset[str]]:
    """Post the events through pygame's queue and read back what each one means."""
    for event in events:
        pygame.event.post(event)
    return [pad.actions(event, now) for event in pygame.event.get() if event.type in gamepad.CONTROLLER_EVENTS]


def button(which: int, *, up: bool = False, instance: int = PAD) -> pygame.event.Event:
    return pygame.event.Event(pygame.CONTROLLERBUTTONUP if up else pygame.CONTROLLERBUTTONDOWN, button=which, instance_id=instance)


def axis(which: int, value: int, *, instance: int = PAD) -> pygame.event.Event:
    return pygame.event.Event(pygame.CONTROLLERAXISMOTION, axis=which, value=value, instance_id=instance)


@pytest.mark.parametrize(
    ("which", "actions"),
    [
        (pygame.CONTROLLER_BUTTON_A, {"advance", "activate"}),
        (pygame.CONTROLLER_BUTTON_B, {"back"}),
        (pygame.CONTROLLER_BUTTON_START, {"game_menu"}),
        (pygame.CONTROLLER_BUTTON_Y, {"history"}),
        (pygame.CONTROLLER_BUTTON_X, {"hide_interface"}),
        (pygame.CONTROLLER_BUTTON_LEFTSHOULDER, {"rewind"}),
        (pygame.CONTROLLER_BUTTON_RIGHTSHOULDER, {"forward"}),
        (pygame.CONTROLLER_BUTTON_BACK, {"auto"}),
        (pygame.CONTROLLER_BUTTON_DPAD_UP, {"up"}),
        (pygame.CONTROLLER_BUTTON_DPAD_DOWN, {"down"}),
        (pygame.CONTROLLER_BUTTON_DPAD_LEFT, {"left"}),
        (pygame.CONTROLLER_BUTTON_DPAD_RIGHT, {"right"}),
        (pygame.CONTROLLER_BUTTON_GUIDE, set()),
    ],
)
def test_each_button_means_its_actions(pad, which, actions):
    assert posted(pad, button(which), button(which, up=True)) == [frozenset(actions), frozenset()]


def test_other_events_mean_nothing_to_the_gamepad(pad):
    assert pad.actions(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_SPACE, mod=0), 0.0) == frozenset()


def test_the_right_trigger_held_skips_with_hysteresis(pad):
    trigger = pygame.CONTROLLER_AXIS_TRIGGERRIGHT
    said = posted(pad, axis(trigger, 8000), axis(trigger, 20000), axis(trigger, 25000), axis(trigger, 12000))
    assert said == [frozenset(), {"skip"}, frozenset(), frozenset()]  # pressed once, no chatter while held
    assert pad.held() == {"skip"}  # a light pull past the press point still holds it
    assert posted(pad, axis(trigger, 3000)) == [frozenset()]
    assert pad.held() == frozenset()


def test_the_left_trigger_does_not_skip(pad):
    assert posted(pad, axis(pygame.CONTROLLER_AXIS_TRIGGERLEFT, 32767)) == [frozenset()]
    assert pad.held() == frozenset()


def test_the_left_stick_moves_the_focus_past_a_dead_zone(pad):
    x, y = pygame.CONTROLLER_AXIS_LEFTX, pygame.CONTROLLER_AXIS_LEFTY
    said = posted(pad, axis(y, 6000), axis(y, 30000), axis(y, 16000), axis(y, 2000), axis(x, -30000))
    assert said == [frozenset(), {"down"}, frozenset(), frozenset(), {"left"}]


def test_the_stick_changes_direction_only_when_pushed_firmly_the_other_way():
    assert stick_direction("down", 0.5, 0.5) == "down"  # a diagonal does not steal a held direction
    assert stick_direction("down", 0.9, 0.4) == "right"
    assert stick_direction("down", 0.0, 0.2) is None
    assert stick_direction(None, 0.5, 0.0) is None
    assert stick_direction(None, 0.0, -0.7) == "up"


def test_a_held_direction_repeats_after_a_delay_until_let_go(pad):
    assert posted(pad, button(pygame.CONTROLLER_BUTTON_DPAD_DOWN), now=10.0) == [{"down"}]
    assert pad.repeats(10.0 + REPEAT_DELAY - 0.01) == frozenset()
    assert pad.next_repeat(10.0) == pytest.approx(REPEAT_DELAY)
    assert pad.repeats(10.0 + REPEAT_DELAY) == {"down"}
    assert pad.repeats(10.0 + REPEAT_DELAY + REPEAT_INTERVAL / 2) == frozenset()
    assert pad.repeats(10.0 + REPEAT_DELAY + REPEAT_INTERVAL) == {"down"}
    assert pad.repeats(60.0) == {"down"}  # after a stall: one move, not a burst
    assert pad.repeats(60.0) == frozenset()
    posted(pad, button(pygame.CONTROLLER_BUTTON_DPAD_DOWN, up=True))
    assert pad.repeats(100.0) == frozenset()
    assert pad.next_repeat(100.0) is None


def test_a_stick_held_repeats_and_stops_at_the_centre(pad):
    y = pygame.CONTROLLER_AXIS_LEFTY
    assert posted(pad, axis(y, -32768), now=0.0) == [{"up"}]
    assert pad.repeats(REPEAT_DELAY) == {"up"}
    posted(pad, axis(y, 0), now=1.0)
    assert pad.repeats(5.0) == frozenset()


def test_an_added_event_with_no_such_device_is_harmless(pad):
    events = (
        pygame.event.Event(pygame.CONTROLLERDEVICEADDED, device_index=0),
        pygame.event.Event(pygame.CONTROLLERDEVICEREMOVED, instance_id=42),
    )
    assert posted(pad, *events) == [frozenset(), frozenset()]
    assert pad.connected == 0


class FakeController:
    """Stands in for pygame's Controller (no real pad on the test machine)."""

    opened: list[int] = []
    closed: list[int] = []

    def __init__(self, index: int) -> None:
        self.index = index
        self.name = f"Pad {index}"
        FakeController.opened.append(index)

    def as_joystick(self):
        return self

    def get_instance_id(self) -> int:
        return 100 + self.index

    def quit(self) -> None:
        FakeController.closed.append(self.index)


def test_controllers_plugged_in_and_pulled_out_while_playing(monkeypatch):
    monkeypatch.setattr(gamepad.controller, "Controller", FakeController)
    FakeController.opened, FakeController.closed = [], []
    notes: list[str] = []
    pygame.display.init()
    pad = GamepadInput(notify=notes.append)
    added = pygame.event.Event(pygame.CONTROLLERDEVICEADDED, device_index=1)
    trigger = pygame.CONTROLLER_AXIS_TRIGGERRIGHT
    posted(pad, added, added, axis(trigger, 32767, instance=101), button(pygame.CONTROLLER_BUTTON_DPAD_UP, instance=101))
    assert pad.connected == 1 and FakeController.opened == [1, 1]
    assert pad.held() == {"skip"} and pad.next_repeat(0.0) is not None
    posted(pad, pygame.event.Event(pygame.CONTROLLERDEVICEREMOVED, instance_id=101))
    assert pad.connected == 0 and FakeController.closed == [1]
    assert pad.held() == frozenset()  # a trigger held as the pad was pulled out stops skipping
    assert pad.next_repeat(0.0) is None
    assert notes == ["Controller connected: Pad 1", "Controller disconnected"]
    pygame.quit()


def test_rows_describe_every_action_the_gamepad_gives():
    table = dict(rows())
    assert table["advance"] == "A" and table["activate"] == "A"
    assert table["back"] == "B" and table["game_menu"] == "Start" and table["history"] == "Y"
    assert table["hide_interface"] == "X"
    assert table["rewind"] == "left shoulder" and table["forward"] == "right shoulder"
    assert table["skip"] == "hold right trigger"
    assert table["up"] == "d-pad up, left stick up"
    assert {action for action, _ in rows()} == {
        "advance", "activate", "back", "game_menu", "history", "hide_interface",
        "rewind", "forward", "auto", "skip", "up", "down", "left", "right",
    }


class VirtualPad:
    """A game controller SDL itself believes in (SDL_JoystickAttachVirtual), plugged in and pulled out."""

    def __init__(self) -> None:
        libraries = sorted((Path(pygame.__file__).parent.parent / "pygame.libs").glob("libSDL2-2*"))
        if not libraries:
            pytest.skip("pygame's own SDL library was not found (not a wheel install)")
        self.sdl = sdl = ctypes.CDLL(str(libraries[0]))  # the copy pygame has loaded already
        if not hasattr(sdl, "SDL_JoystickAttachVirtual"):
            pytest.skip("this SDL has no virtual joysticks")
        sdl.SDL_JoystickOpen.restype = ctypes.c_void_p
        sdl.SDL_JoystickClose.argtypes = [ctypes.c_void_p]
        sdl.SDL_JoystickSetVirtualButton.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_uint8]
        sdl.SDL_JoystickSetVirtualAxis.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int16]
        self.index = sdl.SDL_JoystickAttachVirtual(1, 6, 15, 0)  # a game controller: 6 axes, 15 buttons
        assert self.index >= 0, "SDL could not attach a virtual controller"
        self.handle = sdl.SDL_JoystickOpen(self.index)

    def press(self, which: int, down: bool = True) -> None:
        self.sdl.SDL_JoystickSetVirtualButton(self.handle, which, int(down))
        self.sdl.SDL_JoystickUpdate()

    def tilt(self, which: int, value: int) -> None:
        self.sdl.SDL_JoystickSetVirtualAxis(self.handle, which, value)
        self.sdl.SDL_JoystickUpdate()

    def pull_out(self) -> None:
        self.sdl.SDL_JoystickClose(self.handle)
        self.sdl.SDL_JoystickDetachVirtual(self.index)


def read(pad: GamepadInput) -> set[str]:
    """Every action the events SDL has queued mean (joystick events alongside them mean nothing)."""
    said: set[str] = set()
    for event in pygame.event.get():
        said |= pad.actions(event, 0.0)
    return said


def test_a_real_sdl_controller_plugged_in_played_and_pulled_out(monkeypatch):
    # The dummy window never has the focus, and SDL drops pad input an unfocused window would get.
    monkeypatch.setenv("SDL_JOYSTICK_ALLOW_BACKGROUND_EVENTS", "1")
    pygame.display.init()
    pygame.display.set_mode((64, 64))
    notes: list[str] = []
    pad = GamepadInput(notify=notes.append)
    pygame.event.clear()
    virtual = VirtualPad()
    try:
        assert read(pad) == set() and pad.connected == 1
        virtual.press(pygame.CONTROLLER_BUTTON_A)
        assert read(pad) == {"advance", "activate"}
        virtual.press(pygame.CONTROLLER_BUTTON_A, down=False)
        virtual.press(pygame.CONTROLLER_BUTTON_DPAD_DOWN)
        assert read(pad) == {"down"}
        virtual.tilt(pygame.CONTROLLER_AXIS_TRIGGERRIGHT, 30000)
        assert read(pad) == {"skip"} and pad.held() == {"skip"}
    finally:
        virtual.pull_out()
    assert read(pad) == set()
    assert pad.connected == 0 and pad.held() == frozenset() and pad.next_repeat(0.0) is None
    assert notes == ["Controller connected: Virtual Controller", "Controller disconnected"]
    pygame.quit()


def test_read_gives_inputs_from_the_pad_and_the_trigger_held_as_a_skip_press_then_release(pad):
    from game.ui.input import press, release

    def read(*events):
        for event in events:
            pygame.event.post(event)
        return [i for event in pygame.event.get() if event.type in gamepad.CONTROLLER_EVENTS for i in pad.read(event, 0.0)]

    assert read(button(pygame.CONTROLLER_BUTTON_A)) == [press("advance", "activate", device="gamepad")]
    assert read(button(pygame.CONTROLLER_BUTTON_X)) == [press("hide_interface", "delete", device="gamepad")]  # PAD_ALSO
    trigger = pygame.CONTROLLER_AXIS_TRIGGERRIGHT
    assert read(axis(trigger, 30000), axis(trigger, 31000)) == [press("skip", device="gamepad")]
    assert read(axis(trigger, 0)) == [release("skip", device="gamepad")]
    assert all(i.device == "gamepad" and i.point is None for i in read(button(pygame.CONTROLLER_BUTTON_B)))
