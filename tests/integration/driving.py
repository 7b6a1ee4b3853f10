"""Driving the app in tests: posted keyboard and mouse events on a hand-ticked clock."""

from __future__ import annotations

import pygame
import pytest

from game.app import App
from game.clock import ManualClock
from game.ui.game_screen import GameScreen


@pytest.fixture
def app(shipped_story):
    """The app on the title screen, with a ManualClock; `app.presented` counts frames put on screen."""
    app = App(shipped_story, clock=ManualClock())
    app.presented = 0
    present = app.window.present

    def counting_present(rects=None) -> None:
        app.presented += 1
        present(rects)

    app.window.present = counting_present
    yield app
    pygame.quit()


class RecordingSaves:
    """Wraps the app's save store, counting the calls made to it (and passing them on)."""

    def __init__(self, store: object) -> None:
        self.store = store
        self.calls: list[str] = []

    def __getattr__(self, name: str) -> object:
        found = getattr(self.store, name)
        if not callable(found):
            return found

        def recorded(*args: object, **kwargs: object) -> object:
            self.calls.append(name)
            return found(*args, **kwargs)

        return recorded

    def count(self, name: str) -> int:
        return self.calls.count(name)


@pytest.fixture
def saves(app) -> RecordingSaves:
    """The app's save store, with its calls counted."""
    app.saves = RecordingSaves(app.saves)
    return app.saves


def key(app: App, name: int, *, up: bool = False, mod: int = 0, unicode: str = "") -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYUP if up else pygame.KEYDOWN, key=name, mod=mod, unicode=unicode, scancode=0))
    app.frame()


def click(app: App, at: tuple[int, int], button: int = 1) -> None:
    for kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
        pygame.event.post(pygame.event.Event(kind, pos=at, button=button))
    app.frame()


def wheel(app: App, y: int) -> None:
    pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=y, flipped=False))
    app.frame()


def settle(app: App, seconds: float = 30.0) -> None:
    app.clock.tick(seconds)
    app.frame()


def start_game(app: App) -> GameScreen:
    app.frame()
    key(app, pygame.K_RETURN)
    assert isinstance(app.screen, GameScreen)
    return app.screen


def read_lines(app: App, game: GameScreen, count: int) -> None:
    """Read `count` lines the slow way: let each appear, then Enter."""
    for _ in range(count):
        settle(app)
        key(app, pygame.K_RETURN)


def to_choice(app: App, game: GameScreen) -> None:
    while not game.playthrough.at_choice:
        settle(app)
        key(app, pygame.K_RETURN)
    settle(app)


def link(game: GameScreen, label: str) -> tuple[int, int]:
    """Where the quick menu link `label` is."""
    return game.quick.rects[game.quick.labels.index(label)].center
