"""The one list of the engine's fonts: the interface's faces by role, and the families a player
may choose for the story's text (settings' `font`). Plain data, no pygame: the settings, the
script checks (`game.script.assets`) and the font loader (`game.ui.assets`) all read it here.
"""

from __future__ import annotations

#: The interface's face for each role a font is asked for by (`Fonts[role]`).
ROLE_FILES = {
    "text": "Lato-Regular.ttf",
    "narration": "Lato-Italic.ttf",
    "name": "Lato-Bold.ttf",
    "speaker": "Lato-Bold.ttf",  # the name on the text box's plate: sized and faced as the story's text
    "ui": "Lato-Regular.ttf",
    "small": "Lato-Regular.ttf",
    "title": "Lato-Light.ttf",
}
#: Each file the interface loads by name, once, in the order the roles first name them.
INTERFACE_FILES = tuple(dict.fromkeys(ROLE_FILES.values()))
#: The player's choice of face for the story's text: for each (bold, italic), its file and
#: whether pygame must slant it (a family without that face). The first is the game's own.
FAMILIES: dict[str, dict[tuple[bool, bool], tuple[str, bool]]] = {
    "game": {(False, False): ("Lato-Regular.ttf", False), (True, False): ("Lato-Bold.ttf", False),
             (False, True): ("Lato-Italic.ttf", False), (True, True): ("Lato-Bold.ttf", True)},
    "legible": {(False, False): ("AtkinsonHyperlegible-Regular.ttf", False), (True, False): ("AtkinsonHyperlegible-Bold.ttf", False),
                (False, True): ("AtkinsonHyperlegible-Italic.ttf", False), (True, True): ("AtkinsonHyperlegible-BoldItalic.ttf", False)},
    "dyslexic": {(False, False): ("OpenDyslexic-Regular.otf", False), (True, False): ("OpenDyslexic-Bold.otf", False),
                 (False, True): ("OpenDyslexic-Italic.otf", False), (True, True): ("OpenDyslexic-BoldItalic.otf", False)},
}  # fmt: skip
#: Each family as the Accessibility page names it.
FAMILY_LABELS = {"game": "Lato", "legible": "Hyperlegible", "dyslexic": "OpenDyslexic"}
