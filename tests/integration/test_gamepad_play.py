"""The game played with a controller alone (issue 8): posted SDL controller events, from the
title to every ending, through every page of the game menu and every slider."""

from __future__ import annotations

import pygame
import pytest

from game.app import App
from game.script.model import Ending
from speech_doubles import RecordingEngine
from game.ui.end_card import EndCardScreen
from game.ui.game_screen import GameScreen
from game.ui.menu import GameMenu
from game.ui.menu.container import TABS
from game.ui.menu.controls import Slider
from game.ui.menu.settings_page import SETTINGS
from game.ui.overlays import Confirm
from game.ui.title import TitleScreen

PAD = 3  # an SDL instance id
A, B, X, Y = (pygame.CONTROLLER_BUTTON_A, pygame.CONTROLLER_BUTTON_B, pygame.CONTROLLER_BUTTON_X, pygame.CONTROLLER_BUTTON_Y)
START = pygame.CONTROLLER_BUTTON_START
UP, DOWN = pygame.CONTROLLER_BUTTON_DPAD_UP, pygame.CONTROLLER_BUTTON_DPAD_DOWN
LEFT, RIGHT = pygame.CONTROLLER_BUTTON_DPAD_LEFT, pygame.CONTROLLER_BUTTON_DPAD_RIGHT
LEFT_SHOULDER = pygame.CONTROLLER_BUTTON_LEFTSHOULDER


@pytest.fixture
def app(make_app, shipped_story):
    """The app with a recording voice, its first frame drawn."""
    return make_app(shipped_story, voice=RecordingEngine(), frame=True)


def press(app: App, button: int, times: int = 1) -> None:
    for _ in range(times):
        pygame.event.post(pygame.event.Event(pygame.CONTROLLERBUTTONDOWN, button=button, instance_id=PAD))
        pygame.event.post(pygame.event.Event(pygame.CONTROLLERBUTTONUP, button=button, instance_id=PAD))
        app.frame()


def trigger(app: App, value: int) -> None:
    pygame.event.post(pygame.event.Event(pygame.CONTROLLERAXISMOTION, axis=pygame.CONTROLLER_AXIS_TRIGGERRIGHT, value=value, instance_id=PAD))
    app.frame()


def settle(app: App, seconds: float = 5.0) -> None:
    app.clock.tick(seconds)
    app.frame()


def start(app: App) -> GameScreen:
    """From the title: the d-pad to Start (Continue may be above it), then A."""
    title = app.screen
    assert isinstance(title, TitleScreen)
    press(app, DOWN, title.labels.index("Start") - title.buttons.selected)
    press(app, A)
    assert isinstance(app.screen, GameScreen)
    return app.screen


def play_to_the_end(app: App, option: int) -> str:
    """A through every line; at the choice, the d-pad down to `option` and A. Returns the ending's name."""
    game = start(app)
    for _ in range(1000):
        if isinstance(app.screen, EndCardScreen):
            break
        settle(app)
        if game.choice is not None:
            assert game.choice.selected == 0  # the focus shows at once for a pad player
            settle(app, 1.0)  # a press as the options appear is taken as meant for the line before
            press(app, DOWN, option)
            press(app, A)
        else:
            press(app, A)
    card = app.screen
    assert isinstance(card, EndCardScreen)
    settle(app)
    press(app, A)
    assert isinstance(app.screen, TitleScreen)
    return card.ending


def test_the_pad_plays_from_the_title_to_each_ending(app, shipped_story):
    """Three playthroughs by pad alone, one for each option at the choice, reach all three endings."""
    endings = {step.name for step in shipped_story.steps if isinstance(step, Ending)}
    reached = {play_to_the_end(app, option) for option in range(3)}
    assert reached == endings == app.player.endings.names()


def test_shoulders_rewind_and_roll_forward_and_the_trigger_skips(app):
    """Left shoulder back a line, right shoulder forward again; the right trigger held skips read lines."""
    game = start(app)
    for _ in range(6):
        settle(app)
        press(app, A)
    assert game.playthrough.index == 6
    press(app, LEFT_SHOULDER, 3)
    assert game.playthrough.index == 3
    press(app, pygame.CONTROLLER_BUTTON_RIGHTSHOULDER, 2)
    assert game.playthrough.index == 5
    press(app, LEFT_SHOULDER, 5)
    trigger(app, 32767)
    assert game.skip_held
    settle(app, 1.0)
    assert game.playthrough.index == 6  # skipping stopped at the first unread line
    trigger(app, 0)
    assert not game.skip_held


def test_x_hides_the_interface_and_any_button_brings_it_back(app):
    """X hides the text box; the next button brings it back and does nothing else."""
    game = start(app)
    settle(app)
    press(app, X)
    assert game.hidden
    press(app, B)
    assert not game.hidden


def test_held_d_pad_repeats_through_the_loop(app):
    """A d-pad held down moves the focus again and again, and the loop wakes for each repeat."""
    title = app.screen
    pygame.event.post(pygame.event.Event(pygame.CONTROLLERBUTTONDOWN, button=DOWN, instance_id=PAD))
    app.frame()
    assert title.buttons.selected == 1
    assert app._wake_at is not None and app._wake_at - app.clock.now() <= 0.5
    settle(app, 0.45)
    assert title.buttons.selected == 2
    pygame.event.post(pygame.event.Event(pygame.CONTROLLERBUTTONUP, button=DOWN, instance_id=PAD))
    settle(app, 1.0)
    assert title.buttons.selected == 2


def test_every_menu_page_is_opened_and_used_by_pad(app):
    """Start opens the menu; Save saves by A, Load loads by A, History rewinds by A, Help scrolls,
    and B closes; the tabs are reached with the d-pad (left from a page) and opened with A."""
    game = start(app)
    for _ in range(4):
        settle(app)
        press(app, A)
    press(app, START)
    menu = app.top
    assert isinstance(menu, GameMenu) and menu.page == "save"
    press(app, A)  # slot 1-1
    assert app.player.saves.info("1-1").filled
    press(app, pygame.CONTROLLER_BUTTON_RIGHTSHOULDER)  # the next page of slots
    assert menu.shown.page == 2
    press(app, LEFT_SHOULDER)
    press(app, X)  # delete asks first
    assert isinstance(app.top, Confirm)
    press(app, B)  # No
    assert app.top is menu and app.player.saves.info("1-1").filled

    def open_tab(name: str) -> None:
        press(app, LEFT)
        assert menu.zone == "tabs"
        names = [tab for tab, _ in TABS]
        steps = names.index(name) - menu.tab_focus
        press(app, DOWN if steps > 0 else UP, abs(steps))
        press(app, A)
        assert menu.page == name and menu.zone == "page"

    open_tab("help")
    top = menu.shown.list.offset, menu.shown.list.top
    press(app, DOWN, 3)
    assert (menu.shown.list.offset, menu.shown.list.top) != top  # scrolled
    press(app, Y)  # its own button opens History
    assert menu.page == "history"
    press(app, UP, 2)
    press(app, A)  # back to that line
    assert app.top is game and game.playthrough.index == 2
    press(app, START)
    menu = app.top
    open_tab("load")
    press(app, A)  # the save in slot 1-1 (made four lines in)
    if isinstance(app.top, Confirm):
        press(app, A)
    assert app.top is app.screen and app.playing.playthrough.index == 4
    press(app, START)
    menu = app.top
    press(app, B)
    assert app.top is app.screen


def test_every_slider_and_switch_on_the_settings_page_moves_by_pad(app):
    """On the title, Settings by pad: the d-pad steps down every row, right and left move each slider,
    A flips each switch (and back)."""
    title = app.screen
    press(app, DOWN, title.labels.index("Settings") - title.buttons.selected)
    press(app, A)
    menu = app.top
    assert isinstance(menu, GameMenu) and menu.page == "settings"
    page = menu.shown
    for row, setting in enumerate(SETTINGS):
        assert page.focus == row
        before = getattr(app.player.settings, setting.field)
        if setting.field in ("fullscreen",):
            press(app, DOWN)
            continue  # a window toggled under the dummy driver proves nothing
        if isinstance(page.controls[row], Slider):
            at_end = page.index(row) == len(setting.values) - 1
            press(app, LEFT if at_end else RIGHT)
            assert getattr(app.player.settings, setting.field) != before, setting.label
            press(app, RIGHT if at_end else LEFT)
        else:
            press(app, A)
            assert getattr(app.player.settings, setting.field) != before, setting.label
            press(app, A)
        assert getattr(app.player.settings, setting.field) == before, setting.label
        press(app, DOWN)
    press(app, B)
    assert app.top is title


def test_a_controller_coming_and_going_is_told_and_a_held_trigger_lets_go(app, monkeypatch):
    """Connecting a pad says so; pulling it out mid-skip says so and stops the skip."""
    from game.ui import gamepad

    class FakePad:
        name = "Test Pad"

        def __init__(self, index: int) -> None:
            pass

        def as_joystick(self):
            return type("J", (), {"get_instance_id": lambda self: PAD})()

        def quit(self) -> None:
            pass

    monkeypatch.setattr(gamepad.controller, "Controller", FakePad)
    shown: list[str] = []
    notify = app.notify
    monkeypatch.setattr(app, "notify", lambda text: (shown.append(text), notify(text)))
    app.gamepad._notify = app.notify
    pygame.event.post(pygame.event.Event(pygame.CONTROLLERDEVICEADDED, device_index=0))
    app.frame()
    assert shown == ["Controller connected: Test Pad"]
    game = start(app)
    settle(app)
    trigger(app, 32767)
    assert game.skip_held
    pygame.event.post(pygame.event.Event(pygame.CONTROLLERDEVICEREMOVED, instance_id=PAD))
    app.frame()
    assert shown[-1] == "Controller disconnected" and not game.skip_held
