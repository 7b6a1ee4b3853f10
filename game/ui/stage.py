"""The game screen's drawing: background, sprites, transitions, the text box and its name plate.

Sprites are alive while the story waits: each blinks every few seconds (from its
`<expression>_blink1` and `_blink2` frames, when the game has them) and breathes
(the figure lengthens by a pixel or two and settles, on a slow cycle). Both are
step changes at known times, never a continuous animation: `Stage.next_blink(now)`
says how long until the next one, so the screen sleeps until then.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

from game.beats import Beat
from game.reveal import Frame
from game.script import markup
from game.script.assets import sprite_exists
from game.script.model import Line, Story
from game.state import Scene, Sprite
from game.ui.assets import FallbackFont, FontChain, Fonts, Images
from game.ui.layout import (
    PLATE_PADDING,
    LINE_HEIGHT,
    NAME_TEXT,
    SCREEN_SIZE,
    SPRITE_CENTRES,
    TEXT_COLOUR,
    TextBoxLayout,
    text_box_layout,
)
from game.ui.text import RunStyle, TypedText
from game.ui import paint
from game.ui.canvas import Canvas, Target, still

#: The story's font's own line (Lato's is 35 px at 29 px) is spread to the box's 38 px, times the line spacing.
LEADING = LINE_HEIGHT / 35
#: High contrast: an opaque dark box with a light rim, pure white text, the plate lifted towards white.
CONTRAST_BOX = (8, 10, 14)
CONTRAST_RIM = (235, 235, 235)
CONTRAST_TEXT = (255, 255, 255)
CONTRAST_PLATE_LIGHT = 0.6  # share of the way from the speaker's colour to white
#: The continue indicator bobs for this long, then rests: a still screen costs no CPU.
INDICATOR_ANIMATION = 4.0

#: A blink: lids half down, shut, half down (frame suffix, seconds shown); one blink in each slot.
BLINK = (("_blink1", 0.05), ("_blink2", 0.07), ("_blink1", 0.05))
BLINK_SLOT = 4.5
#: A breath: the figure lengthens by up to this many pixels over one slow cycle (seconds).
BREATH_PIXELS = 2
BREATH_PERIOD = 4.8


@dataclass(frozen=True)
class Alive:
    """How one sprite looks at a moment: which blink frame ('' for open eyes) and how far in breath."""

    frame: str
    breath: int
    changes_in: float  # seconds until either changes


STILL = Alive("", 0, math.inf)


def _slot_offset(seed: int, slot: int) -> float:
    """Where in its slot a character's blink falls (0.4 .. BLINK_SLOT - 0.6 s): irregular, the same every run."""
    x = math.sin(slot * 12.9898 + seed * 78.233) * 43758.5453
    return 0.4 + (x - math.floor(x)) * (BLINK_SLOT - 1.0)


def blink_at(seed: int, now: float) -> tuple[str, float]:
    """The blink frame suffix at `now` ('' between blinks) and the seconds until it changes."""
    slot = math.floor(now / BLINK_SLOT)
    start = slot * BLINK_SLOT + _slot_offset(seed, slot)
    if now < start:
        return "", start - now
    t = start
    for suffix, length in BLINK:
        if now < t + length:
            return suffix, t + length - now
        t += length
    following = (slot + 1) * BLINK_SLOT + _slot_offset(seed, slot + 1)
    return "", following - now


def breath_at(seed: int, now: float) -> tuple[int, float]:
    """Whole pixels of breath at `now` (0..BREATH_PIXELS) and the seconds until that changes."""
    w = 2 * math.pi / BREATH_PERIOD
    phase = (now + seed * 0.77) % BREATH_PERIOD
    level = round(BREATH_PIXELS * (1 - math.cos(w * phase)) / 2)
    crossings = []
    for k in range(BREATH_PIXELS):
        c = 1 - 2 * (k + 0.5) / BREATH_PIXELS
        first = math.acos(c) / w
        crossings += [first, BREATH_PERIOD - first]
    ahead = [t - phase for t in crossings if t > phase + 1e-9] or [BREATH_PERIOD + min(crossings) - phase]
    return level, min(ahead)


class Stage:
    """Draws a beat's `Frame` onto the canvas."""

    def __init__(self, story: Story, images: Images, fonts: Fonts, *, reduce_motion: bool = False,
                 line_spacing: float = 1.0, high_contrast: bool = False) -> None:
        self.story = story
        self.images = images
        self.reduce_motion = reduce_motion  # True: sprites neither blink nor breathe, the indicator is still
        self.high_contrast = high_contrast
        self.restyle(fonts, line_spacing=line_spacing)
        self._buffer = pygame.Surface(SCREEN_SIZE).convert()
        self._veil = pygame.Surface(SCREEN_SIZE).convert()
        self._veil.fill((0, 0, 0))
        still(self._veil)  # its alpha changes, never its pixels
        self._typed: tuple[str, TypedText] | None = None
        self._alive: tuple[Sprite, ...] = ()  # the sprites last drawn with `now`, which may change on their own
        self._frames: dict[tuple[str, str], bool] = {}
        self._breathing: dict[tuple[str, str, int], pygame.Surface] = {}

    # -- the scene ----------------------------------------------------------
    def draw_scene(self, target: Target, scene: Scene, *, now: float | None = None) -> None:
        """Background and sprites; with `now` (seconds, any steady clock) the sprites blink and breathe, else stand still."""
        if scene.background is None:
            target.fill((0, 0, 0))
        else:
            target.blit(self.images.background(scene.background), (0, 0))
        self._alive = scene.sprites if now is not None and not self.reduce_motion else ()
        for sprite, alive in self._lives(scene, now):
            target.blit(*self._placed(sprite, alive))

    def _lives(self, scene: Scene, now: float | None) -> list[tuple[Sprite, Alive]]:
        """Each sprite with how it looks at `now` (standing still without `now` or with reduce motion)."""
        moving = now is not None and not self.reduce_motion
        return [(sprite, self.alive(sprite, now) if moving and now is not None else STILL) for sprite in scene.sprites]

    def _placed(self, sprite: Sprite, alive: Alive) -> tuple[pygame.Surface, pygame.Rect]:
        """The sprite's picture and where it stands."""
        image = self._picture(sprite, alive)
        return image, image.get_rect(midbottom=(SPRITE_CENTRES[sprite.position], SCREEN_SIZE[1]))

    def sprite_looks(self, scene: Scene, *, now: float | None = None) -> list[tuple[pygame.Rect, str, int]]:
        """Each sprite's box, blink frame and breath as `draw_scene` with `now` draws them (for redrawing only what changes)."""
        return [(self._placed(sprite, alive)[1], alive.frame, alive.breath) for sprite, alive in self._lives(scene, now)]

    def next_blink(self, now: float) -> float | None:
        """Seconds until a sprite drawn with `now` next changes (blink or breath); None when none will."""
        if self.reduce_motion or not self._alive:
            return None
        return max(0.0, min(self.alive(sprite, now).changes_in for sprite in self._alive))

    def alive(self, sprite: Sprite, now: float) -> Alive:
        """The sprite's blink frame and breath at `now`; characters keep their own rhythm."""
        seed = sum(map(ord, sprite.character))
        frame, blink_changes = blink_at(seed, now) if self._has_blink(sprite) else ("", math.inf)
        breath, breath_changes = breath_at(seed, now)
        return Alive(frame, breath, min(blink_changes, breath_changes))

    def _has_blink(self, sprite: Sprite) -> bool:
        """Whether the sprite has blink frames (loaded now, when first asked, so the first blink does not stutter)."""
        key = (sprite.character, sprite.expression)
        if key not in self._frames:
            names = [f"{sprite.expression}{suffix}" for suffix, _ in BLINK]
            self._frames[key] = all(sprite_exists(self.images.root, sprite.character, name) for name in names)
            for name in names if self._frames[key] else ():
                self.images.sprite(sprite.character, name)
        return self._frames[key]

    def _picture(self, sprite: Sprite, alive: Alive) -> pygame.Surface:
        image = self.images.sprite(sprite.character, sprite.expression + alive.frame)
        if not alive.breath:
            return image
        key = (sprite.character, sprite.expression + alive.frame, alive.breath)
        if key not in self._breathing:
            w, h = image.get_size()
            self._breathing[key] = still(pygame.transform.smoothscale(image, (w, h + alive.breath)))
        return self._breathing[key]

    def _draw_blend(self, canvas: Target, frame: Frame, now: float | None = None) -> None:
        if frame.blend_from is None or frame.blend >= 1.0:
            self.draw_scene(canvas, frame.scene, now=now)
        elif frame.style == "move":
            self._draw_walk(canvas, frame.blend_from, frame.scene, frame.blend)
        elif frame.style == "fade":
            # Through black: the old scene darkens, then the new one brightens.
            scene = frame.blend_from if frame.blend < 0.5 else frame.scene
            self.draw_scene(canvas, scene)
            self._veil.set_alpha(round(255 * (1 - abs(1 - 2 * frame.blend))))
            canvas.blit(self._veil, (0, 0))
        else:
            self.draw_scene(canvas, frame.blend_from)
            buffer = canvas.offscreen() if isinstance(canvas, Canvas) else self._buffer  # at the window's size
            self.draw_scene(buffer, frame.scene)
            buffer.set_alpha(round(255 * frame.blend))
            canvas.blit(buffer, (0, 0))

    def _wash(self, canvas: pygame.Surface, tint: tuple[int, int, int, int]) -> None:
        """A `flash:`: the colour laid over the whole scene at its strength."""
        self._buffer.fill(tint[:3])
        self._buffer.set_alpha(tint[3])
        canvas.blit(self._buffer, (0, 0))

    def _draw_walk(self, canvas: pygame.Surface, before: Scene, after: Scene, progress: float) -> None:
        """A `move:` under way: each sprite between where it stood and where it goes, easing in and out."""
        if after.background is None:
            canvas.fill((0, 0, 0))
        else:
            canvas.blit(self.images.background(after.background), (0, 0))
        eased = progress * progress * (3 - 2 * progress)
        for sprite in after.sprites:
            image = self._picture(sprite, STILL)
            end = SPRITE_CENTRES[sprite.position]
            was = before.sprite(sprite.character)
            start = SPRITE_CENTRES[was.position] if was is not None else end
            canvas.blit(image, image.get_rect(midbottom=(round(start + (end - start) * eased), SCREEN_SIZE[1])))

    # -- the text -----------------------------------------------------------
    def restyle(self, fonts: Fonts, *, line_spacing: float) -> None:
        """Lay the text out with these fonts and line spacing from now on: the box follows the text's size."""
        self.fonts = fonts
        self.line_spacing = line_spacing
        line = max(fonts[role].get_linesize() for role in ("text", "narration"))
        self.layout: TextBoxLayout = text_box_layout(round(line * LEADING * line_spacing), fonts["speaker"].get_linesize())
        self.clip = self.layout.area.inflate(20, 16)  # text is never drawn outside this: the box less its rim
        self._typed = None
        self._boxes: dict[tuple, pygame.Surface] = {}

    def _text(self, beat: Beat) -> TypedText:
        """The beat's text laid out in the box (once per beat and text: typing only changes what shows)."""
        key = f"{beat.id}|{beat.text}|{self.high_contrast}"  # the same line may read differently as variables change
        if self._typed is None or self._typed[0] != key:
            role = "narration" if beat.speaker is None else "text"
            runs = markup.styled_runs(beat.segments)

            def fonts_for(style: RunStyle) -> FontChain:
                return self.fonts.chain(role, bold=style.bold, italic=style.italic)

            colour = CONTRAST_TEXT if self.high_contrast else TEXT_COLOUR
            self._typed = (key, TypedText(runs, fonts_for, self.layout.area, colour, line_height=self.layout.line_height))
        return self._typed[1]

    def page_breaks(self, beat: Beat) -> tuple[int, ...]:
        """Where the beat's text fills the box and goes on on a fresh page (for `BeatPlayback`)."""
        return self._text(beat).page_breaks

    def _name_plate(self, canvas: Target, speaker: str) -> None:
        character = self.story.characters[speaker]
        font, words = self.fonts["speaker"], self.story.shown_name(speaker) or ""
        name = font.render(words, True, NAME_TEXT)
        plate = self.layout.plate_for(name.get_width())
        colour = _lifted(character.colour, CONTRAST_PLATE_LIGHT) if self.high_contrast else character.colour
        canvas.blit(self._fitted(("plate", colour), self.images.tinted("nameplate", colour), plate.size), plate)
        room = plate.w - PLATE_PADDING
        if name.get_width() > room:  # a name too long for the widest plate is drawn smaller to fit, never past it
            name = _narrowed(font, words, room)
        canvas.blit(name, name.get_rect(center=plate.center))

    def _box(self, canvas: Target) -> None:
        box = self.layout.box
        if self.high_contrast:
            paint.rect(canvas, CONTRAST_BOX, box, border_radius=14)
            paint.rect(canvas, CONTRAST_RIM, box, 2, border_radius=14)
        else:
            canvas.blit(self._fitted(("box",), self.images.ui("textbox"), box.size), box)

    def _fitted(self, key: tuple, image: pygame.Surface, size: tuple[int, int]) -> pygame.Surface:
        """`image` at `size`, its rim kept and its middle stretched (made once per size)."""
        if image.get_size() == size:
            return image
        key = (*key, size)
        if key not in self._boxes:
            self._boxes[key] = still(nine_slice(image, size, RIM))
        return self._boxes[key]

    def indicator_box(self, since: float) -> pygame.Rect:
        """Where the continue indicator is when the text has waited `since` seconds (it bobs, then rests)."""
        bob = 5 * math.sin(since * 4.0) if since < INDICATOR_ANIMATION and not self.reduce_motion else 0.0
        x, y = self.layout.continue_at
        return self.images.ui("continue").get_rect(center=(x, round(y + bob)))

    def _indicator(self, canvas: Target, since: float) -> None:
        canvas.blit(self.images.ui("continue"), self.indicator_box(since))

    def draw(self, canvas: Target, beat: Beat, frame: Frame, *, waiting_for: float | None,
             now: float | None = None) -> None:
        """Draw the frame; `waiting_for` is how long the text has been waiting for a click; `now` lets sprites blink."""
        self._draw_blend(canvas, frame, now)
        if frame.tint is not None:
            self._wash(canvas, frame.tint)
        if not frame.text_shown:
            return
        self._box(canvas)
        if frame.box_only:
            return  # a written pause: the box waits, empty, for the next line
        if beat.speaker:
            self._name_plate(canvas, beat.speaker)
        self._text(beat).draw(canvas, frame.chars, text_from=frame.text_from, clip=self.clip)
        if waiting_for is not None and isinstance(beat.stop, Line):
            self._indicator(canvas, waiting_for)

    def animating(self, waiting_for: float | None) -> bool:
        """Whether the stage itself still moves (the indicator's bobbing)."""
        return waiting_for is not None and waiting_for < INDICATOR_ANIMATION and not self.reduce_motion


#: How much of a stretched picture's edge is kept as it is (its rounded corners and rim).
RIM = 22


def nine_slice(image: pygame.Surface, size: tuple[int, int], rim: int) -> pygame.Surface:
    """`image` stretched to `size`: corners kept, edges stretched along, the middle both ways."""
    w, h = image.get_size()
    rim = min(rim, w // 2, h // 2, size[0] // 2, size[1] // 2)
    out = pygame.Surface(size, pygame.SRCALPHA)
    xs = ((0, rim, 0, rim), (rim, w - 2 * rim, rim, size[0] - 2 * rim), (w - rim, rim, size[0] - rim, rim))
    ys = ((0, rim, 0, rim), (rim, h - 2 * rim, rim, size[1] - 2 * rim), (h - rim, rim, size[1] - rim, rim))
    for sx, sw, dx, dw in xs:
        for sy, sh, dy, dh in ys:
            if sw > 0 and sh > 0 and dw > 0 and dh > 0:
                part = image.subsurface((sx, sy, sw, sh))
                out.blit(part if (sw, sh) == (dw, dh) else pygame.transform.smoothscale(part, (dw, dh)), (dx, dy))
    return out


def _lifted(colour: tuple[int, int, int], share: float) -> tuple[int, int, int]:
    return tuple(round(c + (255 - c) * share) for c in colour)  # type: ignore[return-value]


def _narrowed(font: pygame.font.Font, words: str, room: int) -> pygame.Surface:
    """`words` at most `room` wide: the face at a smaller size (letters drawn, so sharp at any window
    size), or squeezed where the font cannot change size."""
    name = font.render(words, True, NAME_TEXT)
    if isinstance(font, FallbackFont):
        size = max(1, font.pixels * room // name.get_width())
        while size > 1 and font.at_size(size).size(words)[0] > room:
            size -= 1
        return font.at_size(size).render(words, True, NAME_TEXT)
    return pygame.transform.smoothscale(name, (room, name.get_height()))
