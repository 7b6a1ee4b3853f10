"""The player's settings: one frozen value, kept across runs in `settings.json`.

The file is `{"format": 1, "settings": {name: value, ...}}`. Reading is
forgiving value by value: a number out of its range is brought into it, a
value of the wrong kind (or an unknown font) falls back to its default with a
notice, and names this version does not know are ignored (a newer version's
settings). A file that is not a settings file at all is set aside with a
notice and the defaults are used.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields, replace

from game.fonts import FAMILIES
from game.userdata import PlayerFiles

FILE_NAME = "settings.json"
FORMAT = 1
MAX_BYTES = 64 * 1024
FONTS = tuple(FAMILIES)  # the font families a player may choose (`game.fonts`)

#: The range of each number a player can set (sliders use these ends).
RANGES: dict[str, tuple[float, float]] = {
    "text_cps": (0.0, 200.0),  # 0 is instant
    "auto_delay": (0.2, 4.0),
    "music_volume": (0.0, 1.0),
    "sound_volume": (0.0, 1.0),
    "speech_rate": (0.5, 3.0),
    "voice_volume": (0.0, 1.0),
    "text_scale": (0.75, 2.0),
    "line_spacing": (1.0, 2.0),
}


@dataclass(frozen=True)
class Settings:
    text_cps: float = 45.0  # characters a second; 0 means instant
    auto_delay: float = 1.0  # scale of auto-forward's wait (seconds base + per character)
    music_volume: float = 0.8
    sound_volume: float = 0.8
    mute: bool = False
    fullscreen: bool = False
    skip_unseen: bool = False  # False: skip read lines only; True: skip everything
    skip_after_choice: bool = False  # False: skipping stops after a choice; True: goes on
    transitions: bool = True  # False: every transition is a cut
    # for issue 8 (accessibility), unused until then:
    self_voicing: bool = False
    speech_rate: float = 1.0
    voice_volume: float = 0.8
    text_scale: float = 1.0
    line_spacing: float = 1.0
    font: str = "game"  # "game" | "legible" | "dyslexic"
    high_contrast: bool = False
    reduce_motion: bool = False

    def clamped(self) -> Settings:
        """The same settings with every number brought into its range."""
        return replace(self, **{name: min(max(getattr(self, name), low), high) for name, (low, high) in RANGES.items()})


DEFAULTS = Settings()


def _checked(name: str, value: object) -> object:
    """`value` for setting `name`, clamped; raises ValueError when it is of the wrong kind."""
    default = getattr(DEFAULTS, name)
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ValueError
        return value
    if isinstance(default, float):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise ValueError
        low, high = RANGES[name]
        return min(max(float(value), low), high)
    if name == "font" and value not in FONTS:
        raise ValueError
    return value


class SettingsFile:
    """Reads and writes the settings in the player's files."""

    def __init__(self, files: PlayerFiles) -> None:
        self.files = files

    def load(self) -> Settings:
        """The saved settings, or the defaults for whatever is missing or wrong (with a notice)."""
        data = self.files.read_json(FILE_NAME, max_bytes=MAX_BYTES, shape=_shape)
        if data is None:
            return DEFAULTS
        values, wrong = {}, []
        for field in fields(Settings):
            if field.name in data["settings"]:
                try:
                    values[field.name] = _checked(field.name, data["settings"][field.name])
                except ValueError:
                    wrong.append(field.name)
        if wrong:
            self.files.warn(f"{self.files.path(FILE_NAME)}: {', '.join(wrong)} had values that do not fit, so the defaults are used for them")
        return Settings(**values)

    def save(self, settings: Settings) -> bool:
        """Write `settings` (atomically); False (after one notice) when they cannot be kept."""
        return self.files.write_json(FILE_NAME, {"format": FORMAT, "settings": asdict(settings)})


def _shape(data: object) -> str | None:
    if not isinstance(data, dict) or not isinstance(data.get("settings"), dict) or not isinstance(data.get("format"), int):
        return 'it is not {"format": 1, "settings": {...}}'
    return None
