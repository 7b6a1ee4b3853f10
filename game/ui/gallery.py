"""The gallery (Extras → Gallery): every picture the story shows, the endings' last ones among
them, then the key scenes (`KEY_SCENES`: the stage as it stands at one line, figures and all), each
unlocked once the player has read a line over it (the lines read are kept across runs, so the
gallery is too), and viewed full screen without the interface.

A grid of small pictures: arrows (the pad's d-pad) or the pointer move the focus, Enter, A or a
click opens one full screen, any key or click closes it; Escape, B or a right click goes back.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import pygame

from game.playthrough import Playthrough
from game.script.model import Line
from game.speech import control_words
from game.state import Sprite
from game.ui.host import Host
from game.ui.input import Input
from game.ui.layer import dispatch
from game.ui import paint
from game.ui.layout import DIM_TEXT, HIGHLIGHT, SCREEN_SIZE, SPRITE_CENTRES, TEXT_COLOUR
from game.i18n.interface import ui_text

if TYPE_CHECKING:
    from game.settings import Settings

THUMB = (208, 117)
COLUMNS = 5
GAP = (28, 56)
TOP = 110
LOCKED = (20, 26, 32)
BACKDROP = (12, 17, 21)


# The key scenes: (label, words of the line whose stage is the picture), in the story's order.
KEY_SCENES = (
    ("The smile falls", "Ianto's smile simply stops being held up"),
    ("Shoulders brush", "He steps past Jack towards the door"),
    ("His hand on the sleeve", "His hand closes on Ianto's sleeve"),
    ("The collar", "straightens Jack's collar"),
    ("At the window", "He goes to the window instead"),
    ("Two glasses", "Ianto's hand finds his on the desk"),
)
# Backgrounds that are a place with something changed on it (a glass poured), not places of their own: the
# gallery shows the place, unlocked by the lines read over its variants too.
VARIANTS = {"office_cold_poured": "office_cold", "office_cold_second": "office_cold"}


@dataclass(frozen=True)
class Picture:
    name: str  # the background's name (a key scene's: its label)
    label: str
    unlocked: bool
    background: str = ""  # a key scene's background, and its figures where the stage had them
    sprites: tuple[Sprite, ...] = ()


def pictures(host: Host) -> list[Picture]:
    """Every background the story shows on some path, in the order first met, then the key scenes,
    each unlocked when a line (or an ending) shown over it has been read."""
    lines: dict[str, set[str]] = {}
    labels: dict[str, str] = {}  # an ending's last picture is named by its ending
    scenes: dict[str, Picture] = {}  # the key scenes met, by label, locked; unlocked below
    for option in range(_options(host)):
        play, chosen = Playthrough(host.story, start=host.game.start, seen=set()), False
        while True:
            background = play.current.state.scene.background
            if background is not None:
                lines.setdefault(VARIANTS.get(background, background), set()).add(play.current.id)
                _key_scene(play, background, scenes, lines)
            if play.ended:
                if background is not None:
                    labels[background] = ui_text("Ending: {ending}").format(ending=play.current.text)
                break
            if play.at_choice:
                play.choose(0 if chosen else option)  # each option of the first choice, the first of any later one
                chosen = True
            else:
                play.advance()
    seen = host.player.seen
    places = [name for name in lines if name not in scenes]
    return ([Picture(name, labels.get(name, name.replace("_", " ").capitalize()), any(line in seen for line in lines[name])) for name in places]
            + [replace(scenes[label], unlocked=any(line in seen for line in lines[label])) for label, _ in KEY_SCENES if label in scenes])


def _key_scene(play: Playthrough, background: str, scenes: dict[str, Picture], lines: dict[str, set[str]]) -> None:
    """Note the stage at a key scene's line (the first time it is met) and the line that unlocks it."""
    stop = play.current.stop
    if not isinstance(stop, Line):
        return
    for label, words in KEY_SCENES:
        if words in stop.text:
            scenes.setdefault(label, Picture(label, label, False, background, play.current.state.scene.sprites))
            lines.setdefault(label, set()).add(play.current.id)


def picture_surface(host: Host, picture: Picture) -> pygame.Surface:
    """The picture as the player saw it, full size: the background, and a key scene's figures where they stood."""
    images = host.services.images
    if not picture.sprites:
        return images.background(picture.background or picture.name)
    surface = images.background(picture.background).copy()
    for sprite in picture.sprites:
        image = images.sprite(sprite.character, sprite.expression)
        surface.blit(image, image.get_rect(midbottom=(SPRITE_CENTRES[sprite.position], SCREEN_SIZE[1])))
    return surface


def _options(host: Host) -> int:
    """How many options the story's first choice has (1 when it has none)."""
    play = Playthrough(host.story, start=host.game.start, seen=set())
    while not play.at_choice and not play.ended:
        play.advance()
    return len(play.current.options) if play.at_choice else 1


def grid_rects(count: int) -> list[pygame.Rect]:
    left = (SCREEN_SIZE[0] - COLUMNS * THUMB[0] - (COLUMNS - 1) * GAP[0]) // 2
    return [pygame.Rect(left + (i % COLUMNS) * (THUMB[0] + GAP[0]), TOP + (i // COLUMNS) * (THUMB[1] + GAP[1]), *THUMB) for i in range(count)]


class GalleryScreen:
    """The grid of pictures."""

    modal = True
    @property
    def spoken_title(self) -> str:
        return ui_text("Gallery")

    def __init__(self, host: Host) -> None:
        self.host = host
        self.clock = host.new_clock()
        self.pictures = pictures(host)
        self.rects = grid_rects(len(self.pictures))
        self.selected = 0
        self._thumbs: dict[str, pygame.Surface] = {}

    # -- input ------------------------------------------------------------------------
    def handle(self, input: Input) -> None:
        """Keys and the pad by their actions; the pointer hovers a picture, and its left click's release opens it."""
        if input.pointer and input.button in (0, 1):
            hit = None if input.point is None else next((i for i, rect in enumerate(self.rects) if rect.collidepoint(input.point)), None)
            if hit is not None and (input.kind == "move" or input.released):
                self.selected = hit
                if input.released:
                    self.open()
            return
        dispatch(self, input)

    def _move(self, by: int) -> None:
        self.selected = (self.selected + by) % len(self.pictures)

    def action_left(self, input: Input) -> None:
        self._move(-1)

    def action_right(self, input: Input) -> None:
        self._move(1)

    def action_up(self, input: Input) -> None:
        self._move(-COLUMNS)

    def action_down(self, input: Input) -> None:
        self._move(COLUMNS)

    def action_activate(self, input: Input) -> None:
        self.open()

    def action_back(self, input: Input) -> None:
        self.host.pop(self)

    def open(self) -> None:
        picture = self.pictures[self.selected]
        if picture.unlocked:
            self.host.push(PictureView(self.host, picture))
        else:
            self.host.speak(ui_text("Not yet seen"))

    # -- self-voicing -------------------------------------------------------------------
    def focus_words(self) -> str | None:
        picture = self.pictures[self.selected]
        return control_words(picture.label, None if picture.unlocked else ui_text("not yet seen"))

    # -- time and drawing ---------------------------------------------------------------
    def settings_changed(self, settings: Settings) -> None:
        pass

    def update(self) -> None:
        pass

    def next_change(self) -> float | None:
        return None

    def _thumb(self, name: str) -> pygame.Surface:
        if name not in self._thumbs:
            picture = next(p for p in self.pictures if p.name == name)
            self._thumbs[name] = pygame.transform.smoothscale(picture_surface(self.host, picture), THUMB)
        return self._thumbs[name]

    def draw(self, canvas: pygame.Surface) -> None:
        fonts = self.host.services.fonts
        canvas.fill(BACKDROP)
        canvas.blit(fonts["title"].render(ui_text("Gallery"), True, TEXT_COLOUR), (40, 20))
        small = fonts["small"]
        for index, (picture, rect) in enumerate(zip(self.pictures, self.rects)):
            if picture.unlocked:
                canvas.blit(self._thumb(picture.name), rect)
            else:
                paint.rect(canvas, LOCKED, rect)
            focused = index == self.selected
            paint.rect(canvas, HIGHLIGHT if focused else DIM_TEXT, rect.inflate(6, 6), 3 if focused else 1)
            label = small.render(picture.label if picture.unlocked else ui_text("Not yet seen"), True, HIGHLIGHT if focused else DIM_TEXT)
            canvas.blit(label, label.get_rect(midtop=(rect.centerx, rect.bottom + 8)))
        hint = small.render(ui_text("Enter or a click: full screen · Escape or a right click: back"), True, DIM_TEXT)
        canvas.blit(hint, hint.get_rect(bottomleft=(40, SCREEN_SIZE[1] - 20)))


class PictureView:
    """One picture, full screen, nothing over it; any key, button or click closes it."""

    modal = True

    def __init__(self, host: Host, picture: Picture) -> None:
        self.host = host
        self.clock = host.new_clock()
        self.picture = picture
        self.spoken_title = picture.label

    def handle(self, input: Input) -> None:
        if (input.pressed and not input.pointer) or (input.pointer and input.released):
            self.host.pop(self)

    def focus_words(self) -> str | None:
        return None

    def settings_changed(self, settings: Settings) -> None:
        pass

    def update(self) -> None:
        pass

    def next_change(self) -> float | None:
        return None

    def draw(self, canvas: pygame.Surface) -> None:
        canvas.blit(picture_surface(self.host, self.picture), (0, 0))
