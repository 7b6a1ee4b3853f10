"""The stack of layers: a modal layer pauses the clocks of every layer beneath it, and only those;
a layer leaving hears `closed()`; updates and next changes come from live layers only."""

from __future__ import annotations

import pygame
import pytest

from game.clock import ManualClock
from game.ui.input import Input, press
from game.ui.notices import Notices
from game.ui.stack import LayerStack


class Fake:
    def __init__(self, stack: LayerStack, *, modal: bool = False) -> None:
        self.modal = modal
        self.clock = stack.new_clock()
        self.inputs: list[Input] = []
        self.updates = 0
        self.closings = 0

    def handle(self, input: Input) -> None:
        self.inputs.append(input)

    def update(self) -> None:
        self.updates += 1

    def draw(self, canvas: pygame.Surface) -> None:
        pass

    def next_change(self) -> float | None:
        return 1.0

    def settings_changed(self, settings: object) -> None:
        pass

    def closed(self) -> None:
        self.closings += 1


@pytest.fixture
def stack():
    pygame.font.init()
    yield LayerStack(ManualClock(), Notices(pygame.font.Font(None, 12)))
    pygame.quit()


def test_modal_layers_pause_what_is_beneath_until_they_go(stack):
    clock = stack.clock
    game, menu = Fake(stack), Fake(stack, modal=True)
    stack.show(game)
    clock.tick(1.0)
    stack.push(menu)
    question = Fake(stack, modal=True)
    stack.push(question)
    assert game.clock.paused and menu.clock.paused and not question.clock.paused
    clock.tick(5.0)
    stack.update()
    assert (game.updates, menu.updates, question.updates) == (0, 0, 1)
    stack.pop(question)
    assert game.clock.paused and not menu.clock.paused and question.closings == 1
    clock.tick(2.0)
    stack.pop(menu)
    assert not game.clock.paused and game.clock.now() == 1.0  # seven seconds covered did not count
    clock.tick(0.5)
    assert game.clock.now() == 1.5


def test_a_non_modal_overlay_pauses_nothing_and_input_goes_to_the_top(stack):
    game, overlay = Fake(stack), Fake(stack)
    stack.show(game)
    stack.push(overlay)
    assert not game.clock.paused
    stack.handle(press("advance"))
    assert overlay.inputs == [press("advance")] and game.inputs == []
    stack.update()
    assert game.updates == overlay.updates == 1
    assert stack.next_change() == 1.0


def test_showing_a_screen_closes_every_layer_but_a_screen_that_stays(stack):
    game, menu = Fake(stack), Fake(stack, modal=True)
    stack.show(game)
    stack.push(menu)
    stack.show(game)  # loading from the menu into the game being played
    assert (game.closings, menu.closings) == (0, 1) and not game.clock.paused and stack.layers == (game,)
    title = Fake(stack)
    stack.show(title)
    assert game.closings == 1
    stack.close_all()
    assert title.closings == 1
