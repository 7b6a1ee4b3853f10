"""Rendering under the dummy driver: every beat of every branch draws, and things land where they should."""

from __future__ import annotations

import pygame
import pytest

from game import ROOT
from game.playthrough import Playthrough
from game.reveal import BeatPlayback, Frame
from game.script.model import Choice, Line
from game.state import Scene, Sprite
from game.ui.assets import Fonts, Images
from game.ui.layout import NAME_PLATE, SCREEN_SIZE, SPRITE_CENTRES, TEXT_BOX
from game.ui.stage import Stage


@pytest.fixture(scope="module")
def stage(shipped_story):
    pygame.display.init()
    pygame.font.init()
    pygame.display.set_mode(SCREEN_SIZE)
    yield Stage(shipped_story, Images(ROOT), Fonts(ROOT))
    pygame.quit()


def every_branch(story):
    """The beats of each playthrough, one per option at the choice."""
    options = next(len(s.options) for s in story.steps if isinstance(s, Choice))
    for option in range(options):
        play = Playthrough(story)
        beats = [play.current]
        while not play.ended:
            play.choose(option) if play.at_choice else play.advance()
            beats.append(play.current)
        yield beats


def test_every_beat_of_every_branch_renders(stage, shipped_story):
    """Each beat draws through its lead-in, mid-typing and whole, on every branch."""
    canvas = pygame.Surface(SCREEN_SIZE)
    drawn = 0
    for beats in every_branch(shipped_story):
        for beat in beats:
            playback = BeatPlayback(beat, cps=40, now=0.0)
            for t in (0.0, playback.lead_duration / 2, playback.lead_duration + 0.3, 1000.0):
                frame = playback.frame(t)
                stage.draw(canvas, beat, frame, waiting_for=0.5 if frame.waiting else None)
                drawn += 1
    assert drawn > 4 * 40


def _first(beats_of, condition):
    return next(b for beats in beats_of for b in beats if condition(b))


def _changed(a: pygame.Surface, b: pygame.Surface, rect: pygame.Rect, step: int = 6) -> float:
    """The share of sampled pixels in `rect` that differ between two canvases."""
    points = [(x, y) for x in range(rect.left, rect.right, step) for y in range(rect.top, rect.bottom, step)]
    return sum(a.get_at(p) != b.get_at(p) for p in points) / len(points)


def test_text_box_and_name_plate_are_drawn_in_place(stage, shipped_story):
    """A spoken line covers the text box area and the name plate, in the speaker's colour, and nothing above them."""
    beat = _first(every_branch(shipped_story), lambda b: isinstance(b.stop, Line) and b.stop.speaker)
    complete = BeatPlayback(beat, cps=40, now=0.0, instant=True).frame(0.0)
    bare, boxed = pygame.Surface(SCREEN_SIZE), pygame.Surface(SCREEN_SIZE)
    stage.draw(bare, beat, Frame(complete.scene), waiting_for=None)
    stage.draw(boxed, beat, complete, waiting_for=None)
    assert _changed(bare, boxed, TEXT_BOX.inflate(-40, -40)) > 0.9
    above = pygame.Rect(0, 0, SCREEN_SIZE[0], NAME_PLATE.top - 2)
    assert _changed(bare, boxed, above) == 0
    colour = shipped_story.characters[beat.stop.speaker].colour
    plate = stage.images.tinted("nameplate", colour)
    probe = (14, plate.get_height() // 2)
    expected = plate.get_at(probe)
    got = boxed.get_at((NAME_PLATE.x + probe[0], NAME_PLATE.y + probe[1]))
    assert expected.a == 255 and all(abs(got[i] - expected[i]) <= 2 for i in range(3))


def test_typed_text_appears_left_to_right(stage, shipped_story):
    """Mid-typing, the start of the line is drawn and the end of the box is still empty."""
    beat = _first(every_branch(shipped_story), lambda b: isinstance(b.stop, Line) and len(b.stop.text) > 40)
    whole = BeatPlayback(beat, cps=40, now=0.0, instant=True).frame(0.0)
    empty, partial = pygame.Surface(SCREEN_SIZE), pygame.Surface(SCREEN_SIZE)
    stage.draw(empty, beat, Frame(whole.scene, text_shown=True, chars=0), waiting_for=None)
    stage.draw(partial, beat, Frame(whole.scene, text_shown=True, chars=8), waiting_for=None)
    text_row = pygame.Rect(TEXT_BOX.x + 40, TEXT_BOX.y + 40, 200, 40)
    far_right = pygame.Rect(TEXT_BOX.right - 420, TEXT_BOX.y + 40, 300, 110)
    assert _changed(empty, partial, text_row, step=2) > 0.02
    assert _changed(empty, partial, far_right, step=2) == 0


@pytest.mark.parametrize("position", ["left", "centre", "right"])
def test_sprites_stand_at_their_position(stage, shipped_story, position):
    """A sprite is drawn bottom-anchored at its position's centre, with its own pixels, and nowhere else."""
    character = next(iter(shipped_story.characters.values()))
    expression = character.expressions[0]
    background = next(s.image for s in shipped_story.steps if hasattr(s, "image"))
    empty, shown = pygame.Surface(SCREEN_SIZE), pygame.Surface(SCREEN_SIZE)
    stage.draw_scene(empty, Scene(background))
    stage.draw_scene(shown, Scene(background, (Sprite(character.id, expression, position),)))
    image = stage.images.sprite(character.id, expression)
    rect = image.get_rect(midbottom=(SPRITE_CENTRES[position], SCREEN_SIZE[1]))
    solid = [(x, y) for x in range(0, rect.w, 7) for y in range(0, rect.h, 7) if image.get_at((x, y)).a == 255]
    assert len(solid) > 100
    for x, y in solid[:: max(1, len(solid) // 50)]:
        assert shown.get_at((rect.x + x, rect.y + y))[:3] == image.get_at((x, y))[:3]
    outside = pygame.Rect(0, 0, SCREEN_SIZE[0], SCREEN_SIZE[1])
    left_of = pygame.Rect(0, 0, rect.left, SCREEN_SIZE[1]) if rect.left > 0 else None
    if left_of:
        assert _changed(empty, shown, left_of) == 0
    assert _changed(empty, shown, outside) > 0


def test_dissolve_blends_between_the_two_scenes(stage, shipped_story):
    """Halfway through a dissolve, a pixel lies between its colour in the old and the new scene."""
    images = [s.image for s in shipped_story.steps if hasattr(s, "image")]
    old, new = Scene(images[0]), Scene(next(i for i in images if i != images[0]))
    a, b, mid = (pygame.Surface(SCREEN_SIZE) for _ in range(3))
    stage.draw_scene(a, old)
    stage.draw_scene(b, new)
    stage.draw(mid, None, Frame(new, blend_from=old, blend=0.5, style="dissolve"), waiting_for=None)
    differing = [(x, y) for x in range(0, 1280, 37) for y in range(0, 720, 37) if sum(abs(p - q) for p, q in zip(a.get_at((x, y))[:3], b.get_at((x, y))[:3])) > 20]
    assert differing
    for point in differing[:20]:
        for channel in range(3):
            low, high = sorted((a.get_at(point)[channel], b.get_at(point)[channel]))
            assert low - 2 <= mid.get_at(point)[channel] <= high + 2


def test_a_move_draws_the_sprite_on_its_way(stage):
    """Halfway through `move: ianto to door` the figure stands halfway between right and door
    (eased: the middle of the walk is its middle), as it will look at the door, its picture unchanged."""
    before = Scene("office_lamp", (Sprite("ianto", "leaving", "right"),))
    after = Scene("office_lamp", (Sprite("ianto", "leaving", "door"),))
    image = stage.images.sprite("ianto", "leaving")

    def drawn_at(progress: float) -> pygame.Surface:
        canvas = pygame.Surface(SCREEN_SIZE)
        stage.draw(canvas, None, Frame(after, blend_from=before, blend=progress, style="move"), waiting_for=None)
        return canvas

    middle = (SPRITE_CENTRES["right"] + SPRITE_CENTRES["door"]) // 2
    expected = pygame.Surface(SCREEN_SIZE)
    stage.draw_scene(expected, Scene("office_lamp"))
    expected.blit(image, image.get_rect(midbottom=(middle, SCREEN_SIZE[1])))
    assert pygame.image.tobytes(drawn_at(0.5), "RGB") == pygame.image.tobytes(expected, "RGB")
    start = pygame.Surface(SCREEN_SIZE)
    stage.draw_scene(start, before)
    assert pygame.image.tobytes(drawn_at(0.0), "RGB") == pygame.image.tobytes(start, "RGB")


def test_a_flash_lays_its_colour_over_the_scene(stage):
    """A frame with a tint (a `flash:` under way) is the scene with the colour over it at the tint's strength."""
    scene = Scene("office_cold", (Sprite("jack", "window", "centre"),))
    plain, washed = pygame.Surface(SCREEN_SIZE), pygame.Surface(SCREEN_SIZE)
    stage.draw(plain, None, Frame(scene), waiting_for=None)
    stage.draw(washed, None, Frame(scene, tint=(200, 20, 24, 150)), waiting_for=None)
    for point in ((100, 100), (640, 400), (1200, 650)):
        before, after = plain.get_at(point), washed.get_at(point)
        for channel, colour in zip(range(3), (200, 20, 24)):
            assert abs(after[channel] - (before[channel] + (colour - before[channel]) * 150 / 255)) <= 2
    assert washed.get_at((640, 400))[0] > plain.get_at((640, 400))[0]
