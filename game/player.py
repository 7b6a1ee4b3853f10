"""The player's data for one game: settings, saves, the lines read and the endings reached.

Plain data with no pygame: one `PlayerFiles` (bounded reads, atomic writes, damaged files set
aside) under the game's data folder, and the four records kept there. The app makes one; a
screen reaches it through its host (`host.player`); tests make one on `tmp_path`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from game.endings import EndingsReached
from game.saves import SaveStore
from game.script.model import Story
from game.seen import SeenLines
from game.settings import Settings, SettingsFile
from game.userdata import PlayerFiles, data_dir


class PlayerData:
    """Everything kept for the player across runs of one game."""

    def __init__(self, story: Story, game_id: str, *, warn: Callable[[str], None], folder: Path | None = None) -> None:
        """`folder`: where the files live (default: the platform's data folder for `game_id`)."""
        self.game_id = game_id
        self.files = PlayerFiles(folder if folder is not None else data_dir(game_id), warn=warn)
        self.seen = SeenLines(self.files)
        self.settings_file = SettingsFile(self.files)
        self.settings: Settings = self.settings_file.load()
        self.saves = SaveStore(self.files, story, game_id)
        self.endings = EndingsReached(self.files)

    def keep_settings(self, new: Settings) -> None:
        """Use `new` from now on and write it for the next run."""
        self.settings = new
        self.settings_file.save(new)

    def close(self) -> None:
        self.seen.close()
