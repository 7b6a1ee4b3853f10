"""Sprites blink and breathe while a line waits: timed step changes, none with reduce motion."""

from __future__ import annotations

import pygame
import pytest

from game import ROOT
from game.state import Scene, Sprite
from game.ui.assets import Fonts, Images
from game.ui.layout import SCREEN_SIZE
from game.ui.stage import BLINK, BLINK_SLOT, BREATH_PERIOD, Stage, blink_at, breath_at


@pytest.fixture(scope="module")
def stages(shipped_story):
    """Two stages on one display: a lively one and one with reduce motion on."""
    pygame.display.init()
    pygame.font.init()
    pygame.display.set_mode(SCREEN_SIZE)
    images, fonts = Images(ROOT), Fonts(ROOT)
    yield Stage(shipped_story, images, fonts), Stage(shipped_story, images, fonts, reduce_motion=True)
    pygame.quit()


SCENE = Scene("office_lamp", (Sprite("jack", "neutral", "left"), Sprite("ianto", "seated_smile", "right")))


def test_a_blink_comes_in_every_slot_and_lasts_a_moment() -> None:
    """Each slot of BLINK_SLOT seconds holds exactly one blink of the three frames, about a sixth of a second long."""
    length = sum(t for _, t in BLINK)
    for seed in (1, 7, 500):
        shut = [t / 1000 for t in range(0, round(6 * BLINK_SLOT * 1000)) if blink_at(seed, t / 1000)[0]]
        assert {int(t // BLINK_SLOT) for t in shut} == set(range(6))
        assert abs(len(shut) / 1000 / 6 - length) < 0.01


def test_changes_in_points_at_the_next_change() -> None:
    """Just before `changes_in` runs out the look is the same; just after, it differs."""
    for seed in (3, 11):
        for now in (0.0, 1.23, 7.9, 100.5):
            for at in (blink_at, breath_at):
                value, wait = at(seed, now)
                assert 0 < wait <= max(BLINK_SLOT * 2, BREATH_PERIOD)
                assert at(seed, now + wait - 1e-4)[0] == value
                assert at(seed, now + wait + 1e-4)[0] != value


def test_stage_reports_its_next_change_and_draws_the_blink(stages) -> None:
    """With `now` the stage says when a sprite next changes, and at a blink the eyes differ from a moment before."""
    stage = stages[0]
    canvas = pygame.Surface(SCREEN_SIZE)
    stage.draw_scene(canvas, SCENE, now=0.0)
    wait = stage.next_blink(0.0)
    assert wait is not None and 0 < wait < BLINK_SLOT * 2
    seed = sum(map(ord, "jack"))
    start = next(t / 1000 for t in range(0, 10000) if blink_at(seed, t / 1000)[0] == "_blink2")
    still, shut = pygame.Surface(SCREEN_SIZE), pygame.Surface(SCREEN_SIZE)
    stage.draw_scene(still, SCENE, now=start - 0.2)
    stage.draw_scene(shut, SCENE, now=start + 0.01)
    head = pygame.Rect(300 - 130, 80, 260, 300)
    diff = sum(still.get_at(p) != shut.get_at(p) for p in ((x, y) for x in range(head.left, head.right, 2)
                                                           for y in range(head.top, head.bottom, 2)))
    assert diff > 20


def test_still_without_now_or_with_reduce_motion(stages) -> None:
    """Without `now`, or with reduce motion, nothing moves: no next change, and every moment draws the same."""
    calm = stages[1]
    a, b = pygame.Surface(SCREEN_SIZE), pygame.Surface(SCREEN_SIZE)
    calm.draw_scene(a, SCENE, now=0.0)
    assert calm.next_blink(0.0) is None
    for now in (0.5, 1.7, 2.9, 4.1):
        calm.draw_scene(b, SCENE, now=now)
        assert pygame.image.tobytes(a, "RGB") == pygame.image.tobytes(b, "RGB")
    lively = stages[0]
    lively.draw_scene(b, SCENE)
    assert lively.next_blink(0.0) is None
    assert pygame.image.tobytes(a, "RGB") == pygame.image.tobytes(b, "RGB")
