"""Where things go on the 1280x720 logical screen, and the interface's colours."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

SCREEN_SIZE = (1280, 720)
SPRITE_CENTRES = {"left": 300, "centre": 640, "right": 980, "door": 110}  # door: the office's left edge, its way out

TEXT_BOX = pygame.Rect(50, 496, 1180, 190)  # at the default text size; `text_box_layout` for the player's
NAME_PLATE = pygame.Rect(80, 472, 260, 48)
TEXT_AREA = pygame.Rect(TEXT_BOX.x + 44, TEXT_BOX.y + 46, TEXT_BOX.w - 110, TEXT_BOX.h - 70)
LINE_HEIGHT = 38
CONTINUE_AT = (TEXT_BOX.right - 52, TEXT_BOX.bottom - 48)
QUICK_MENU_Y = TEXT_BOX.bottom + 2

#: The text box grows upwards from its fixed bottom as the text grows, at most this tall
#: (it then holds fewer lines, and longer text goes on more pages).
TEXT_BOX_MOST = 330
TEXT_LINES = 3  # lines a page holds when they fit in `TEXT_BOX_MOST`
PLATE_SPARE = 18  # the name plate's height beyond the name's line
PLATE_MIN_WIDTH = NAME_PLATE.w
PLATE_PADDING = 24  # each side of the name


@dataclass(frozen=True)
class TextBoxLayout:
    """Where the text box, its name plate, its text and the things around it go, for one text size."""

    box: pygame.Rect
    plate: pygame.Rect  # at its narrowest: `plate_for` widens it to a name
    area: pygame.Rect  # where the text is laid out
    line_height: int
    continue_at: tuple[int, int]
    quick_menu_y: int

    def plate_for(self, name_width: int) -> pygame.Rect:
        """The name plate wide enough for a name `name_width` pixels wide (up to half the box)."""
        width = min(max(self.plate.w, name_width + 2 * PLATE_PADDING), self.box.w // 2)
        return pygame.Rect(self.plate.x, self.plate.y, width, self.plate.h)


def text_box_layout(line_height: int = LINE_HEIGHT, name_line: int = NAME_PLATE.h - PLATE_SPARE) -> TextBoxLayout:
    """The box for lines `line_height` apart and a name plate for a name font `name_line` high.

    With the defaults it is exactly the constants above; larger text makes every part larger,
    the bottom staying put (the quick menu stays under it).
    """
    plate_h = max(NAME_PLATE.h, name_line + PLATE_SPARE)
    above = plate_h // 2 + 22  # from the box's top to its text: the plate's lower half, then a gap
    below = TEXT_BOX.h - TEXT_AREA.h - (TEXT_AREA.y - TEXT_BOX.y)  # 24
    slack = TEXT_AREA.h - TEXT_LINES * LINE_HEIGHT  # 6: room for descenders
    lines = max(1, min(TEXT_LINES, (TEXT_BOX_MOST - above - below - slack) // line_height))
    height = max(TEXT_BOX.h, above + lines * line_height + slack + below)
    box = pygame.Rect(TEXT_BOX.x, TEXT_BOX.bottom - height, TEXT_BOX.w, height)
    plate = pygame.Rect(NAME_PLATE.x, box.y - plate_h // 2, NAME_PLATE.w, plate_h)
    area = pygame.Rect(TEXT_AREA.x, box.y + above, TEXT_AREA.w, box.bottom - below - box.y - above)
    continue_at = (CONTINUE_AT[0], box.bottom - (TEXT_BOX.bottom - CONTINUE_AT[1]))
    return TextBoxLayout(box, plate, area, line_height, continue_at, box.bottom + 2)


CHOICE_SIZE = (760, 64)
CHOICE_GAP = 16
MENU_BUTTON_SIZE = (320, 54)

TEXT_COLOUR = (238, 232, 220)
DIM_TEXT = (170, 176, 186)
NAME_TEXT = (18, 22, 30)
HIGHLIGHT = (255, 214, 150)
GREYED_LINK = (100, 106, 116)  # a quick menu link that cannot act now
