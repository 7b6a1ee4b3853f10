"""Buttons that work with mouse, keyboard and pad alike (title, menus, confirmations, the choice),
the quick menu's links, and opaque panels. They take an `Input`, never a pygame event."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

import pygame

from game.ui.assets import FallbackFont
from game.ui.input import Input
from game.ui.layout import DIM_TEXT, GREYED_LINK, HIGHLIGHT, TEXT_COLOUR
from game.ui.stage import CONTRAST_BOX, CONTRAST_RIM, CONTRAST_TEXT
from game.ui import paint
from game.ui.canvas import still
from game.i18n.interface import ui_text

if TYPE_CHECKING:
    from game.ui.assets import Images
    from game.ui.audio import Audio

UI_HOVER, UI_CLICK = "ui_hover", "ui_click"
MIN_LABEL_SCALE = 0.7  # labels shrink to fit their buttons, but never past reading


class Buttons:
    """A column (or row) of buttons: pointing or arrows select; a click or Enter activate.

    Args:
        across: a row, moved through with Left and Right (else a column, with Up and Down).
        marked: a button marked with a dot (the option taken last time, at a rewound choice).
        audio: plays a soft tick when the selection moves and a click when a button is pressed.
        contrast: high contrast (the accessibility setting): `contrast_plates` and white labels instead
            of the art's plates; the screen may change it at any time.
    """

    def __init__(self, labels: Sequence[str], rects: Sequence[pygame.Rect], plates: dict[str, pygame.Surface], font: pygame.font.Font, *, across: bool = False, marked: int | None = None, audio: Audio | None = None, contrast: bool = False) -> None:
        self.labels = list(labels)
        self.rects = list(rects)
        self.plates = plates
        self.font = font
        self.across = across
        self.marked = marked
        self.audio = audio
        self.selected: int | None = None
        self.pressed: int | None = None
        self._texts = fitted(labels, font, TEXT_COLOUR, rects)
        self._selected_texts = fitted(labels, font, HIGHLIGHT, rects)
        self.contrast = contrast
        self._contrast_look: tuple[dict[str, pygame.Surface], list[pygame.Surface]] | None = None  # made when first drawn

    def at(self, point: tuple[int, int]) -> int | None:
        return next((i for i, rect in enumerate(self.rects) if rect.collidepoint(point)), None)

    def handle(self, input: Input) -> int | None:
        """Take one input (a pointer's `point` in design pixels); returns a button activated now."""
        before = self.selected
        chosen = self._pointer(input) if input.pointer else self._keys(input)
        if self.audio is not None:
            if chosen is not None:
                self.audio.sound(UI_CLICK)
            elif self.selected is not None and self.selected != before:
                self.audio.sound(UI_HOVER)
        return chosen

    def choose(self, index: int) -> int:
        """Button `index` activated some other way (a digit key at the choice): its click, and the index."""
        if self.audio is not None:
            self.audio.sound(UI_CLICK)
        return index

    def _pointer(self, input: Input) -> int | None:
        # Only a button under the pointer takes the selection: moving off one, or clicking beside
        # them, keeps it, so Enter still works afterwards.
        hit = None if input.point is None else self.at(input.point)
        if input.kind == "move" and hit is not None:
            self.selected = hit
        elif input.pressed and input.button == 1 and hit is not None:
            self.pressed = self.selected = hit
        elif input.released and input.button == 1:
            pressed, self.pressed = self.pressed, None
            return hit if hit is not None and hit == pressed else None
        return None

    def _keys(self, input: Input) -> int | None:
        if not input.pressed:
            return None
        count = len(self.labels)
        back, on = ("left", "right") if self.across else ("up", "down")
        if on in input:
            self.selected = 0 if self.selected is None else (self.selected + 1) % count
        elif back in input:
            self.selected = count - 1 if self.selected is None else (self.selected - 1) % count
        elif "activate" in input and self.selected is not None:
            return self.selected
        return None

    def focus_words(self) -> str | None:
        """The selected button's label, for self-voicing (None when none is selected)."""
        return None if self.selected is None else self.labels[self.selected]

    def _look(self) -> tuple[dict[str, pygame.Surface], list[pygame.Surface]]:
        """The plates and the unselected labels to draw (the selected label is the highlight colour in both looks)."""
        if not self.contrast:
            return self.plates, self._texts
        if self._contrast_look is None:
            self._contrast_look = contrast_plates(self.rects[0].size), fitted(self.labels, self.font, CONTRAST_TEXT, self.rects)
        return self._contrast_look

    def draw(self, canvas: pygame.Surface) -> None:
        plates, texts = self._look()
        for index, rect in enumerate(self.rects):
            state = "pressed" if index == self.pressed else "hover" if index == self.selected else "normal"
            canvas.blit(plates[state], rect)
            text = (self._selected_texts if index == self.selected else texts)[index]
            at = text.get_rect(center=rect.center)
            canvas.blit(text, at)
            if index == self.marked:
                paint.circle(canvas, HIGHLIGHT, marked_dot(rect, at), MARK_RADIUS)


MARK_RADIUS = 5
MARK_GAP = 9  # between the "taken before" dot and the option's first letter


def marked_dot(button: pygame.Rect, label: pygame.Rect) -> tuple[int, int]:
    """Where the "taken before" dot goes: just left of the label, clear of its first letter (the
    label is fitted inside the button's 28-pixel margins, so the dot always has room)."""
    return max(button.x + 14, label.left - MARK_GAP - MARK_RADIUS), button.centery


def fitted(labels: Sequence[str], font: pygame.font.Font, colour: tuple[int, int, int], rects: Sequence[pygame.Rect]) -> list[pygame.Surface]:
    """The labels drawn to fit their buttons with a margin, all at one scale so they read as a set.

    The scale stops at `MIN_LABEL_SCALE`, so one very long label cannot shrink every label
    past reading; a label still too wide is cut short with an ellipsis.
    """
    texts = [font.render(label, True, colour) for label in labels]
    scale = min([1.0] + [min((rect.w - 56) / text.get_width(), (rect.h - 8) / text.get_height()) for text, rect in zip(texts, rects) if text.get_width()])
    scale = max(scale, MIN_LABEL_SCALE)
    shown = [_cut(label, text, font, (rect.w - 56) / scale) for label, text, rect in zip(labels, texts, rects)]
    if scale >= 1.0:
        return [text if words == label else font.render(words, True, colour) for words, label, text in zip(shown, labels, texts)]
    if isinstance(font, FallbackFont):  # the face at the smaller size: letters drawn, not shrunk, so sharp at any window size
        smaller = font.at_size(max(1, round(font.pixels * scale)))
        return [smaller.render(words, True, colour) for words in shown]
    texts = [font.render(words, True, colour) for words in shown]
    return [pygame.transform.smoothscale(text, (max(1, round(text.get_width() * scale)), max(1, round(text.get_height() * scale)))) for text in texts]


def _cut(label: str, text: pygame.Surface, font: pygame.font.Font, width: float) -> str:
    """`label` (drawn as `text`), or the longest start of it with "…" that is at most `width` wide."""
    if text.get_width() <= width:
        return label
    low, high = 0, len(label)  # binary search on the number of characters kept
    while low < high:
        middle = (low + high + 1) // 2
        if font.size(label[:middle].rstrip() + "\u2026")[0] <= width:
            low = middle
        else:
            high = middle - 1
    return label[:low].rstrip() + "\u2026"


def column(count: int, size: tuple[int, int], *, centre_x: int, top: int, gap: int) -> list[pygame.Rect]:
    """`count` rects of `size`, stacked downwards from `top`, centred on `centre_x`."""
    return [pygame.Rect(centre_x - size[0] // 2, top + i * (size[1] + gap), *size) for i in range(count)]


def row(count: int, size: tuple[int, int], *, centre_x: int, top: int, gap: int) -> list[pygame.Rect]:
    """`count` rects of `size`, side by side, the row centred on `centre_x`."""
    left = centre_x - (count * size[0] + (count - 1) * gap) // 2
    return [pygame.Rect(left + i * (size[0] + gap), top, *size) for i in range(count)]


def opaque(image: pygame.Surface) -> pygame.Surface:
    """A copy of a translucent panel made fully opaque inside, keeping its soft rim.

    The interface art is drawn see-through (80-90 %), so text behind it reads through.
    Doubling the alpha against the panel's middle makes everything from half its
    opacity up solid (the body, its highlights and divider lines) and keeps the
    anti-aliased rim soft.
    """
    centre = image.get_at((image.get_width() // 2, image.get_height() // 2)).a
    if centre in (0, 255):
        return image.copy()
    # Byte tables, not surfarray: surfarray needs numpy, which playing does not install.
    table = bytes(min(255, a * 510 // centre) for a in range(256))
    pixels = bytearray(pygame.image.tobytes(image, "RGBA"))
    pixels[3::4] = pixels[3::4].translate(table)
    result = pygame.image.frombytes(bytes(pixels), image.get_size(), "RGBA")
    return result.convert_alpha() if pygame.display.get_surface() is not None else result


def plates(images: Images, size: tuple[int, int]) -> dict[str, pygame.Surface]:
    """The button plates in three states, opaque, scaled to `size` once."""
    made = {}
    for state in ("normal", "hover", "pressed"):
        image = images.ui(f"choice_{state}")
        image = image if image.get_size() == size else pygame.transform.smoothscale(_plain(image), size)
        made[state] = still(opaque(image))
    return made


def contrast_plates(size: tuple[int, int]) -> dict[str, pygame.Surface]:
    """High contrast button plates: opaque and dark with a bright rim, as the text box has; the selected
    and pressed ones ringed thicker in the highlight colour, so the focus shows without colour alone."""
    made = {}
    for state, rim, width in (("normal", CONTRAST_RIM, 2), ("hover", HIGHLIGHT, 4), ("pressed", HIGHLIGHT, 4)):
        plate = pygame.Surface(size, pygame.SRCALPHA)
        pygame.draw.rect(plate, CONTRAST_BOX, plate.get_rect(), border_radius=12)
        pygame.draw.rect(plate, rim, plate.get_rect(), width, border_radius=12)
        made[state] = still(plate)
    return made


def _plain(image: pygame.Surface) -> pygame.Surface:
    """The plate without what sits near its left end (the choice's marker, squeezed to an odd
    speck on a smaller button): its ends kept, its plain middle stretched over the rest."""
    width, height = image.get_size()
    end, middle = max(1, width // 40), pygame.Rect(width // 12, 0, width - 2 * (width // 12), height)
    if middle.w <= 0:
        return image
    plain = pygame.Surface((width, height), pygame.SRCALPHA)
    plain.blit(pygame.transform.smoothscale(image.subsurface(middle), (width - 2 * end, height)), (end, 0))
    plain.blit(image, (0, 0), pygame.Rect(0, 0, end, height))
    plain.blit(image, (width - end, 0), pygame.Rect(width - end, 0, end, height))
    return plain


class Links:
    """A row of small text buttons (the quick menu under the text box), right-aligned at `right`."""

    def __init__(self, labels: Sequence[str], font: pygame.font.Font, *, right: int, y: int, gap: int = 26) -> None:
        self.labels = list(labels)
        self.font = font
        shown = [ui_text(label) for label in labels]  # the labels stay the English the screen acts on
        widths = [font.size(label)[0] for label in shown]
        x = right - sum(widths) - gap * (len(labels) - 1)
        self.rects = []
        for width in widths:
            self.rects.append(pygame.Rect(x, y, width, font.get_linesize()))
            x += width + gap
        self.hovered: int | None = None
        self._texts = {colour: [font.render(label, True, colour) for label in shown] for colour in (DIM_TEXT, HIGHLIGHT, GREYED_LINK)}

    def at(self, point: tuple[int, int]) -> int | None:
        return next((i for i, rect in enumerate(self.rects) if rect.inflate(10, 6).collidepoint(point)), None)

    def handle(self, input: Input) -> tuple[int | None, bool]:
        """A pointer's input: (the link clicked now, if one was; whether the input was on a link).
        A move hovers the link under it; a press on a link is taken, its release clicks it."""
        hit = None if input.point is None else self.at(input.point)
        if input.kind == "move":
            self.hovered = hit
        if hit is None or input.kind not in ("press", "release"):
            return None, False
        return (hit if input.released else None), True

    def draw(self, canvas: pygame.Surface, *, lit: Collection[int] = frozenset(), greyed: Collection[int] = frozenset()) -> None:
        """The links: `lit` ones highlighted (Skip while skipping), `greyed` ones dimmer (they cannot act now)."""
        for index, rect in enumerate(self.rects):
            colour = GREYED_LINK if index in greyed else HIGHLIGHT if index in lit or index == self.hovered else DIM_TEXT
            canvas.blit(self._texts[colour][index], rect)
