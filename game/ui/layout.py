"""Where things go on the 1280x720 logical screen, and the interface's colours."""

from __future__ import annotations

import pygame

SCREEN_SIZE = (1280, 720)
SPRITE_CENTRES = {"left": 300, "centre": 640, "right": 980}

TEXT_BOX = pygame.Rect(50, 496, 1180, 190)
NAME_PLATE = pygame.Rect(80, 472, 260, 48)
TEXT_AREA = pygame.Rect(TEXT_BOX.x + 44, TEXT_BOX.y + 46, TEXT_BOX.w - 110, TEXT_BOX.h - 70)
LINE_HEIGHT = 38
CONTINUE_AT = (TEXT_BOX.right - 52, TEXT_BOX.bottom - 48)
QUICK_MENU_Y = TEXT_BOX.bottom + 2

CHOICE_SIZE = (760, 64)
CHOICE_GAP = 16
MENU_BUTTON_SIZE = (320, 54)

TEXT_COLOUR = (238, 232, 220)
DIM_TEXT = (170, 176, 186)
NAME_TEXT = (18, 22, 30)
HIGHLIGHT = (255, 214, 150)
