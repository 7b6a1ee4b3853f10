"""The player's settings: one frozen value, kept across runs in `settings.json`.

Each setting declares itself on its field (`slider`, `switch`, `choice`): its label, the page
it is on (Settings or Accessibility), its kind, its range and steps or its options. The
ranges (`RANGES`), the fonts (`FONTS`), reading a file, clamping and the menu's rows are
all derived from those declarations (`declared`), so adding a setting is one field here.

The file is `{"format": 1, "settings": {name: value, ...}}`. Reading is forgiving value by
value: a number out of its range is brought into it, a value of the wrong kind (or too large
for a float, or an unknown font) falls back to its default with a notice, and names this
version does not know (a newer version's settings) are kept: they are written back as they
were read, with whatever else a newer version put in the file. A file that is not a settings
file at all is set aside with a notice and the defaults are used.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any, Literal

from game.fonts import FAMILY_LABELS
from game.i18n.interface import ui_text
from game.userdata import PlayerFiles

FILE_NAME = "settings.json"
FORMAT = 1
MAX_BYTES = 64 * 1024
Page = Literal["settings", "accessibility"]
Kind = Literal["slider", "switch", "choice"]


# -- how values read -------------------------------------------------------------------
def as_number(value: object) -> float:
    return float(value)  # type: ignore[arg-type]


def speed_order(cps: object) -> float:
    return 1e6 if cps == 0 else float(cps)  # type: ignore[arg-type]  # instant (0) is the fastest


def speed(cps: object) -> str:
    return ui_text("Instant") if cps == 0 else ui_text("{n} chars/s").format(n=f"{cps:g}")


def percent(volume: object) -> str:
    return ui_text("{n} %").format(n=round(float(volume) * 100))  # type: ignore[arg-type]


def scale(factor: object) -> str:
    text = f"{float(factor):.2f}"  # type: ignore[arg-type]
    return (text.removesuffix("0")) + " \u00d7"  # 1.0 ×, 1.25 ×


@dataclass(frozen=True)
class Declared:
    """One setting as it declares itself: what the player reads and may choose, and where."""

    label: str
    page: Page
    kind: Kind
    values: tuple[Any, ...]  # a slider's steps, a switch's or choice's options, in the row's order
    labels: tuple[str, ...] | None = None  # a switch's or choice's option names (one per value)
    range: tuple[float, float] | None = None  # a slider's: a number read from the file is brought into it
    describe: Callable[[Any], str] = str  # a slider's value in words
    order: Callable[[Any], float] = as_number  # a slider's values in order (the nearest step to a value read)
    muted: bool = False  # greyed while Mute is on (it still moves, and counts once sound is back)
    field: str = ""  # the field's name in `Settings` (filled in by `declared`)
    open: bool = False  # a choice whose options are the game's (its languages): any short text is kept


def slider(default: float, label: str, values: tuple[float, ...], *, range: tuple[float, float], describe: Callable[[Any], str],
           page: Page = "settings", order: Callable[[Any], float] = as_number, muted: bool = False) -> Any:
    """A number chosen on a slider among `values` (a file may hold any number in `range`)."""
    return field(default=default, metadata={"setting": Declared(label, page, "slider", values, None, range, describe, order, muted)})


def switch(default: bool, label: str, labels: tuple[str, str] = ("Off", "On"), *, page: Page = "settings", first: bool = False) -> Any:
    """On or off, its two options named by `labels` (False's first, unless `first` is True)."""
    values = (True, False) if first else (False, True)
    return field(default=default, metadata={"setting": Declared(label, page, "switch", values, labels)})


def choice(default: str, label: str, options: dict[str, str], *, page: Page = "settings") -> Any:
    """One of `options` (value: its name), side by side."""
    return field(default=default, metadata={"setting": Declared(label, page, "choice", tuple(options), tuple(options.values()))})


def language(label: str) -> Any:
    """The game's language: "" its own, else a `translations/LANG.po` code (the options are the game's, found when shown)."""
    return field(default="", metadata={"setting": Declared(label, "settings", "choice", ("",), ("Original",), open=True)})


def steps(first: float, last: float, step: float) -> tuple[float, ...]:
    """first, first + step, ... last (rounded, so 0.05 steps read as 0.05, not 0.05000000000000001)."""
    return tuple(round(first + i * step, 4) for i in range(round((last - first) / step) + 1))


VOLUMES = steps(0.0, 1.0, 0.05)


@dataclass(frozen=True)
class Settings:
    text_cps: float = slider(45.0, "Text speed", (10, 15, 20, 25, 30, 35, 40, 45, 50, 60, 70, 85, 100, 0), range=(0.0, 200.0),
                             describe=speed, order=speed_order)  # characters a second; 0 means instant
    auto_delay: float = slider(1.0, "Auto-forward delay", steps(0.25, 3.0, 0.25), range=(0.2, 4.0), describe=scale)  # scale of auto-forward's wait
    music_volume: float = slider(0.8, "Music volume", VOLUMES, range=(0.0, 1.0), describe=percent, muted=True)
    sound_volume: float = slider(0.8, "Sound volume", VOLUMES, range=(0.0, 1.0), describe=percent, muted=True)
    mute: bool = switch(False, "Mute")
    fullscreen: bool = switch(False, "Display", ("Window", "Fullscreen"))
    skip_unseen: bool = switch(False, "Skip", ("Read lines only", "Everything"))  # False: skip read lines only
    skip_after_choice: bool = switch(False, "After a choice", ("Stop skipping", "Keep skipping"))
    transitions: bool = switch(True, "Transitions", ("On", "Cut"), first=True)  # False: every transition is a cut
    confirm_quick_load: bool = switch(True, "Quick load", ("Ask first", "Load at once"), first=True)  # asks when it would lose unsaved progress
    self_voicing: bool = switch(False, "Self-voicing")
    speech_rate: float = slider(1.0, "Speech rate", steps(0.5, 3.0, 0.25), range=(0.5, 3.0), describe=scale)
    voice_volume: float = slider(0.8, "Voice volume", VOLUMES, range=(0.0, 1.0), describe=percent, muted=True)
    text_scale: float = slider(1.0, "Text size", (0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6), range=(0.75, 2.0), describe=percent, page="accessibility")
    line_spacing: float = slider(1.0, "Line spacing", (1.0, 1.1, 1.2, 1.35, 1.5, 1.75, 2.0), range=(1.0, 2.0), describe=scale, page="accessibility")
    font: str = choice("game", "Font", FAMILY_LABELS, page="accessibility")
    high_contrast: bool = switch(False, "High contrast", page="accessibility")
    reduce_motion: bool = switch(False, "Reduce motion", page="accessibility")
    language: str = language("Language")  # the Settings page's last row (the page scrolls to it)

    def clamped(self) -> Settings:
        """The same settings with every number brought into its range."""
        return replace(self, **{name: min(max(getattr(self, name), low), high) for name, (low, high) in RANGES.items()})


def declared(page: Page | None = None) -> tuple[Declared, ...]:
    """Every setting's declaration, in the fields' order (those of `page` only, if given)."""
    found = (replace(f.metadata["setting"], field=f.name) for f in fields(Settings))
    return tuple(d for d in found if page is None or d.page == page)


DEFAULTS = Settings()
#: The range of each number a player can set.
RANGES: dict[str, tuple[float, float]] = {d.field: d.range for d in declared() if d.range is not None}
FONTS: tuple[str, ...] = next(d.values for d in declared() if d.field == "font")
_BY_NAME = {d.field: d for d in declared()}


def _checked(name: str, value: object) -> object:
    """`value` for setting `name`, clamped; raises ValueError when it is of the wrong kind (or too large for a float)."""
    setting = _BY_NAME[name]
    if setting.kind == "switch":
        if not isinstance(value, bool):
            raise ValueError
        return value
    if setting.kind == "choice":
        if value not in setting.values and not (setting.open and isinstance(value, str) and len(value) <= 16):
            raise ValueError
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError
    try:
        number = float(value)  # an int of 400 digits is too large for a float: OverflowError
    except OverflowError:
        raise ValueError from None
    if not math.isfinite(number) or setting.range is None:
        raise ValueError
    low, high = setting.range
    return min(max(number, low), high)


class SettingsFile:
    """Reads and writes the settings in the player's files, keeping what a newer version put there."""

    def __init__(self, files: PlayerFiles) -> None:
        self.files = files
        self._kept: dict[str, Any] = {}  # the file's other top-level keys (a newer version's), and its format if higher
        self._unknown: dict[str, Any] = {}  # settings this version does not know, as read

    def load(self) -> Settings:
        """The saved settings, or the defaults for whatever is missing or wrong (with a notice)."""
        data = self.files.read_json(FILE_NAME, max_bytes=MAX_BYTES, shape=_shape)
        if not isinstance(data, dict):  # None: no file, or one set aside (`_shape` passes only a dict)
            return DEFAULTS
        self._kept = {key: value for key, value in data.items() if key not in ("format", "settings") or (key == "format" and value > FORMAT)}
        self._unknown = {key: value for key, value in data["settings"].items() if key not in _BY_NAME}
        values: dict[str, Any] = {}
        wrong: list[str] = []
        for name, value in _known(data["settings"]):
            try:
                values[name] = _checked(name, value)
            except ValueError:
                wrong.append(name)
        if wrong:
            self.files.warn(f"{self.files.path(FILE_NAME)}: {', '.join(wrong)} had values that do not fit, so the defaults are used for them")
        return Settings(**values)

    def save(self, settings: Settings) -> bool:
        """Write `settings` (atomically), with what this version did not understand kept as it was read;
        False (after one notice) when they cannot be kept."""
        return self.files.write_json(FILE_NAME, {"format": FORMAT, **self._kept, "settings": {**self._unknown, **asdict(settings)}})


def _known(values: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    return ((name, values[name]) for name in _BY_NAME if name in values)


def _shape(data: object) -> str | None:
    if not isinstance(data, dict) or not isinstance(data.get("settings"), dict) or not isinstance(data.get("format"), int):
        return 'it is not {"format": 1, "settings": {...}}'
    return None
