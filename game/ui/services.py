"""The services a screen draws and sounds with: fonts, pictures, audio, the voice and the notices.

The app makes one (`Services.start`); a screen reaches it through its host (`host.services`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from game.folder import GameFolder
from game.speech import SelfVoicing
from game.ui.assets import Fonts, Images
from game.ui.audio import Audio
from game.ui.notices import Notices


@dataclass
class Services:
    fonts: Fonts
    images: Images
    audio: Audio
    voice: SelfVoicing
    notices: Notices

    @classmethod
    def start(cls, game: GameFolder, voice: SelfVoicing, *, warn: Callable[[str], None]) -> Services:
        """Fonts, pictures and sound for `game`; what goes wrong is told through `warn`."""
        fonts = Fonts(game, warn=warn)
        audio = Audio(game, warn=warn)  # type: ignore[arg-type]  # Audio resolves names through the game folder
        return cls(fonts, Images(game, warn=warn), audio, voice, Notices(fonts["small"]))
