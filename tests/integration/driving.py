"""Driving the app in tests: posted keyboard and mouse events on a hand-ticked clock."""

from __future__ import annotations

import pygame

from game.app import App
from game.ui.game_screen import GameScreen


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
