"""Where the choice goes: a column of options that leaves every character's face clear.

The faces are where this kind of story lives, so the options never sit on one. The
column goes in the largest clear place: above the heads, between them, or below them
above the text box; only when there is none (a crowded stage) does it cover the stage,
which is then dimmed behind it.
"""

from __future__ import annotations

from collections.abc import Iterable

import pygame

from game.state import Scene
from game.ui.layout import CHOICE_GAP, CHOICE_SIZE, SCREEN_SIZE, SPRITE_CENTRES, TEXT_BOX

HEAD_HEIGHT = 210  # from the top of a sprite's drawn pixels: hair, face and neck
CLEARANCE = 12  # kept free around a face
MARGIN = 16  # kept free at the screen's edges and above the text box
MIN_WIDTH, MIN_HEIGHT = 360, 40
READABLE_WIDTH = 560  # wider than this, an option reads no better  # smaller than this, an option is no longer easy to read and hit


def face_boxes(images, scene: Scene) -> list[pygame.Rect]:
    """Where each character's head is on screen: the top of the drawn figure, as wide as it is."""
    boxes = []
    for sprite in scene.sprites:
        image = images.sprite(sprite.character, sprite.expression)
        placed = image.get_rect(midbottom=(SPRITE_CENTRES[sprite.position], SCREEN_SIZE[1]))
        drawn = image.get_bounding_rect().move(placed.topleft)
        if drawn.w and drawn.h:
            boxes.append(pygame.Rect(drawn.x, drawn.y, drawn.w, min(HEAD_HEIGHT, drawn.h)))
    return boxes


def choice_rects(count: int, faces: Iterable[pygame.Rect], *, above: int = TEXT_BOX.top) -> tuple[list[pygame.Rect], bool]:
    """`count` option rects in the largest place clear of `faces` and above the text box's top `above`,
    and whether the stage must be dimmed."""
    stage = pygame.Rect(MARGIN, MARGIN, SCREEN_SIZE[0] - 2 * MARGIN, above - 2 * MARGIN)
    faces = [face.inflate(2 * CLEARANCE, 2 * CLEARANCE) for face in faces]
    places = [place for place in _clear_places(stage, faces) if _fits(place, count)]
    if not places:
        return _column(stage, count), True
    return _column(max(places, key=lambda place: _roominess(place, count)), count), False


def _clear_places(stage: pygame.Rect, faces: list[pygame.Rect]) -> list[pygame.Rect]:
    """Whole-height columns between the faces, and whole-width bands above and below them."""
    if not faces:
        return [stage]
    places = []
    top, bottom = min(face.top for face in faces), max(face.bottom for face in faces)
    places.append(pygame.Rect(stage.left, stage.top, stage.w, top - stage.top))
    places.append(pygame.Rect(stage.left, bottom, stage.w, stage.bottom - bottom))
    edges = sorted((face.left, face.right) for face in faces)
    x = stage.left
    for left, right in edges:
        if left > x:
            places.append(pygame.Rect(x, stage.top, left - x, stage.h))
        x = max(x, right)
    if x < stage.right:
        places.append(pygame.Rect(x, stage.top, stage.right - x, stage.h))
    return [place for place in places if place.w > 0 and place.h > 0]


def _option_size(place: pygame.Rect, count: int) -> tuple[int, int]:
    gap = CHOICE_GAP if count <= 3 else CHOICE_GAP // 2
    height = min(CHOICE_SIZE[1], (place.h - gap * (count - 1)) // count)
    return min(CHOICE_SIZE[0], place.w), height


def _roominess(place: pygame.Rect, count: int) -> int:
    """How comfortably the options sit in `place`: their height, and their width up to what reads well."""
    width, height = _option_size(place, count)
    return min(width, READABLE_WIDTH) * height


def _fits(place: pygame.Rect, count: int) -> bool:
    width, height = _option_size(place, count)
    return width >= MIN_WIDTH and height >= MIN_HEIGHT


def _column(place: pygame.Rect, count: int) -> list[pygame.Rect]:
    """The options stacked in the middle of `place`."""
    gap = CHOICE_GAP if count <= 3 else CHOICE_GAP // 2
    width, height = _option_size(place, count)
    height = max(height, 30)
    top = place.top + (place.h - count * height - (count - 1) * gap) // 2
    return [pygame.Rect(place.centerx - width // 2, top + i * (height + gap), width, height) for i in range(count)]
