"""The game screen's drawing: background, sprites, transitions, the text box and its name plate."""

from __future__ import annotations

import math

import pygame

from game.beats import Beat
from game.reveal import Frame
from game.script import markup
from game.script.model import Line, Story
from game.state import Scene
from game.ui.assets import FontChain, Fonts, Images
from game.ui.layout import (
    CONTINUE_AT,
    LINE_HEIGHT,
    NAME_PLATE,
    NAME_TEXT,
    SCREEN_SIZE,
    SPRITE_CENTRES,
    TEXT_AREA,
    TEXT_BOX,
    TEXT_COLOUR,
)
from game.ui.text import RunStyle, TypedText

#: Text is never drawn outside this: the text box less its rim.
TEXT_CLIP = TEXT_AREA.inflate(20, 16)
#: The continue indicator bobs for this long, then rests: a still screen costs no CPU.
INDICATOR_ANIMATION = 4.0


class Stage:
    """Draws a beat's `Frame` onto the canvas."""

    def __init__(self, story: Story, images: Images, fonts: Fonts) -> None:
        self.story = story
        self.images = images
        self.fonts = fonts
        self._buffer = pygame.Surface(SCREEN_SIZE).convert()
        self._veil = pygame.Surface(SCREEN_SIZE).convert()
        self._veil.fill((0, 0, 0))
        self._typed: tuple[str, TypedText] | None = None

    # -- the scene ----------------------------------------------------------
    def draw_scene(self, target: pygame.Surface, scene: Scene) -> None:
        if scene.background is None:
            target.fill((0, 0, 0))
        else:
            target.blit(self.images.background(scene.background), (0, 0))
        for sprite in scene.sprites:
            image = self.images.sprite(sprite.character, sprite.expression)
            target.blit(image, image.get_rect(midbottom=(SPRITE_CENTRES[sprite.position], SCREEN_SIZE[1])))

    def _draw_blend(self, canvas: pygame.Surface, frame: Frame) -> None:
        if frame.blend_from is None or frame.blend >= 1.0:
            self.draw_scene(canvas, frame.scene)
        elif frame.style == "fade":
            # Through black: the old scene darkens, then the new one brightens.
            scene = frame.blend_from if frame.blend < 0.5 else frame.scene
            self.draw_scene(canvas, scene)
            self._veil.set_alpha(round(255 * (1 - abs(1 - 2 * frame.blend))))
            canvas.blit(self._veil, (0, 0))
        else:
            self.draw_scene(canvas, frame.blend_from)
            self.draw_scene(self._buffer, frame.scene)
            self._buffer.set_alpha(round(255 * frame.blend))
            canvas.blit(self._buffer, (0, 0))

    # -- the text -----------------------------------------------------------
    def _text(self, beat: Beat) -> TypedText:
        """The beat's text laid out in the box (once per beat and text: typing only changes what shows)."""
        key = f"{beat.id}|{beat.text}"  # the same line may read differently as variables change
        if self._typed is None or self._typed[0] != key:
            role = "narration" if beat.speaker is None else "text"
            runs = markup.styled_runs(beat.segments)

            def fonts_for(style: RunStyle) -> FontChain:
                return self.fonts.chain(role, bold=style.bold, italic=style.italic)

            line_height = round(LINE_HEIGHT * self.fonts.scale)
            self._typed = (key, TypedText(runs, fonts_for, TEXT_AREA, TEXT_COLOUR, line_height=line_height))
        return self._typed[1]

    def page_breaks(self, beat: Beat) -> tuple[int, ...]:
        """Where the beat's text fills the box and goes on on a fresh page (for `BeatPlayback`)."""
        return self._text(beat).page_breaks

    def _name_plate(self, canvas: pygame.Surface, speaker: str) -> None:
        character = self.story.characters[speaker]
        canvas.blit(self.images.tinted("nameplate", character.colour), NAME_PLATE)
        name = self.fonts["name"].render(character.name, True, NAME_TEXT)
        room = NAME_PLATE.w - 24
        if name.get_width() > room:  # a long name is narrowed to fit its plate, never drawn past it
            name = pygame.transform.smoothscale(name, (room, name.get_height()))
        canvas.blit(name, name.get_rect(center=NAME_PLATE.center))

    def _indicator(self, canvas: pygame.Surface, since: float) -> None:
        bob = 5 * math.sin(since * 4.0) if since < INDICATOR_ANIMATION else 0.0
        image = self.images.ui("continue")
        canvas.blit(image, image.get_rect(center=(CONTINUE_AT[0], round(CONTINUE_AT[1] + bob))))

    def draw(self, canvas: pygame.Surface, beat: Beat, frame: Frame, *, waiting_for: float | None) -> None:
        """Draw the frame; `waiting_for` is how long the text has been waiting for a click."""
        self._draw_blend(canvas, frame)
        if not frame.text_shown:
            return
        canvas.blit(self.images.ui("textbox"), TEXT_BOX)
        if beat.speaker:
            self._name_plate(canvas, beat.speaker)
        self._text(beat).draw(canvas, frame.chars, text_from=frame.text_from, clip=TEXT_CLIP)
        if waiting_for is not None and isinstance(beat.stop, Line):
            self._indicator(canvas, waiting_for)

    def animating(self, waiting_for: float | None) -> bool:
        """Whether the stage itself still moves (the indicator's bobbing)."""
        return waiting_for is not None and waiting_for < INDICATOR_ANIMATION
