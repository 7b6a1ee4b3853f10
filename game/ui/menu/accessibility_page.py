"""The Accessibility page (also Shift+A): text size, line spacing, font, high contrast, reduce motion.

Built as the Settings page is (the rows are the settings declared for this page in `game.settings`,
each change applied at once through `host.apply_settings`), with a sample of the story's text under them, drawn as the text box
draws it at the chosen size, spacing, font and contrast, so the player sees what they choose.
"""

from __future__ import annotations

import pygame

from game.settings import Declared, declared
from game.ui.layout import TEXT_COLOUR
from game.ui.menu.look import BODY, EDGE, INSET, Texts
from game.ui.menu.settings_page import ROW_HEIGHT, SettingsPage
from game.ui.stage import CONTRAST_BOX, CONTRAST_RIM, CONTRAST_TEXT, LEADING
from game.ui.text import wrap
from game.ui import paint
from game.i18n.interface import ui_text

SAMPLE = "Jack leans on the rail. \u201cThe tide keeps its own hours down here, and so do I.\u201d"
ACCESSIBILITY: tuple[Declared, ...] = declared("accessibility")
MIN_SAMPLE = 170  # the sample's least height: past it, the rows above scroll
SAMPLE_GAP = 12  # between the rows and the sample


class AccessibilityPage(SettingsPage):
    """Readable text and calm motion, with a sample of the text as it will read."""

    title = "Accessibility"
    ROWS = ACCESSIBILITY

    def rows_area(self) -> pygame.Rect:
        """Above the sample: as tall as the rows, unless that leaves the sample too little room."""
        height = min(len(self.ROWS) * ROW_HEIGHT, BODY.h - MIN_SAMPLE - SAMPLE_GAP)
        return pygame.Rect(BODY.x, BODY.y, BODY.w, height)

    @property
    def sample_box(self) -> pygame.Rect:
        """The sample's place: under the rows, to the page's foot."""
        top = self.window.view.bottom + SAMPLE_GAP
        return pygame.Rect(BODY.x, top, BODY.w, BODY.bottom - top)

    def draw(self, canvas: pygame.Surface, texts: Texts, *, focused: bool) -> None:
        super().draw(canvas, texts, focused=focused)
        self._sample(canvas)

    def _sample(self, canvas: pygame.Surface) -> None:
        """The sample line in the story's font at the player's size and spacing, cut off at the box's foot."""
        settings = self.host.player.settings
        font = self.host.services.fonts["text"]  # the fonts follow the text size and font settings
        contrast = settings.high_contrast
        paint.rect(canvas, CONTRAST_BOX if contrast else INSET, self.sample_box, border_radius=12)
        paint.rect(canvas, CONTRAST_RIM if contrast else EDGE, self.sample_box, 2 if contrast else 1, border_radius=12)
        inner = self.sample_box.inflate(-40, -28)
        step = round(font.get_linesize() * LEADING * settings.line_spacing)  # as the text box spaces its lines
        previous = canvas.get_clip()
        canvas.set_clip(inner)
        for i, (line, _) in enumerate(wrap(ui_text(SAMPLE), font, inner.w)):
            canvas.blit(font.render(line, True, CONTRAST_TEXT if contrast else TEXT_COLOUR), (inner.x, inner.y + i * step))
        canvas.set_clip(previous)
