"""Test doubles for the game menu's tests: an in-memory save store and history, a small app
with what the menu asks of it, and helpers that feed events through the real keymap."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pygame

from game import ROOT
from game.clock import ManualClock
from game.ui.assets import Fonts, Images
from game.ui import keymap
from game.saves import Loaded, SaveError, SlotInfo
from game.settings import Settings


@dataclass
class Saved:
    playthrough: object
    saved_at: datetime
    speaker: str | None
    words: str
    thumbnail: Path


class SaveStore:
    """Slots in memory, pictures in a folder; `broken` names slots whose file is unreadable, with why."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.slots: dict[str, Saved] = {}
        self.broken: dict[str, str] = {}
        self.info_calls = 0

    def slot_names(self, page: int) -> list[str]:
        return [f"{page}-{n}" for n in range(1, 7)]

    def info(self, name: str) -> SlotInfo:
        self.info_calls += 1
        if name in self.broken:
            return SlotInfo(name, True, False, self.broken[name], None, None, "", None)
        saved = self.slots.get(name)
        if saved is None:
            return SlotInfo(name, False, False, None, None, None, "", None)
        return SlotInfo(name, True, True, None, saved.saved_at, saved.speaker, saved.words, saved.thumbnail)

    def save(self, name: str, playthrough: object, *, thumbnail_png: bytes, speaker: str | None = "Jack",
             words: str = "I'm sorry.", saved_at: datetime | None = None) -> bool:
        picture = self.folder / f"{name}.png"
        picture.write_bytes(thumbnail_png)
        self.slots[name] = Saved(playthrough, saved_at or datetime(2026, 11, 25, 21, 4), speaker, words, picture)
        self.broken.pop(name, None)
        return True

    def load(self, name: str, *, seen: object) -> Loaded:
        if name in self.broken:
            raise SaveError(self.broken[name])
        return Loaded(self.slots[name].playthrough, None)

    def delete(self, name: str) -> bool:
        found = self.slots.pop(name, None) is not None or self.broken.pop(name, None) is not None
        return found


@dataclass(frozen=True)
class Entry:
    index: int
    speaker: str | None
    text: str
    options: tuple[str, ...] = ()
    taken: int | None = None


class History:
    """`history.History`'s shape over a list of entries."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        self.asked: list[int] = []

    def __len__(self) -> int:
        return len(self.entries)

    def entry(self, index: int) -> Entry:
        self.asked.append(index)
        return self.entries[index]


def numbered_history(count: int) -> History:
    """`count` entries: mostly speech, some narration, a choice every 50th."""
    entries = []
    for i in range(count):
        if i % 50 == 49:
            entries.append(Entry(i, None, f"What now? ({i})", ("Stay", "Go", "Tell him"), 1))
        elif i % 3 == 0:
            entries.append(Entry(i, None, f"Line {i}. The water moves somewhere under the walkways, and the machines keep their own hours."))
        else:
            entries.append(Entry(i, "Ianto" if i % 2 else "Jack", f"Line {i}. I'm sorry."))
    return History(entries)


def thumbnail_png(colour: tuple[int, int, int] = (60, 90, 110), size: tuple[int, int] = (320, 180)) -> bytes:
    surface = pygame.Surface(size)
    surface.fill(colour)
    pygame.draw.circle(surface, (230, 180, 110), (size[0] // 3, size[1] // 2), size[1] // 4)
    data = io.BytesIO()
    pygame.image.save(surface, data, "png")
    return data.getvalue()


class GameScreen:
    def __init__(self) -> None:
        self.playthrough = object()
        self.went_to: list[int] = []

    def thumbnail_png(self) -> bytes:
        return thumbnail_png()

    def go_to(self, index: int) -> None:
        self.went_to.append(index)


class Audio:
    def __init__(self) -> None:
        self.sounds: list[str] = []

    def sound(self, name: str) -> None:
        self.sounds.append(name)


@dataclass
class App:
    """The app as the menu sees it: assets, settings, saves, the game screen and the layer stack."""

    folder: Path
    game_screen: GameScreen | None = field(default_factory=GameScreen)
    settings: Settings = field(default_factory=Settings)

    def __post_init__(self) -> None:
        self.images = Images(ROOT)
        self.fonts = Fonts(ROOT)
        self.audio = Audio()
        self.saves = SaveStore(self.folder)
        self.clock = ManualClock()
        self.seen: set[str] = set()
        self.layers: list[object] = []
        self.notices: list[str] = []
        self.applied: list[Settings] = []
        self.loaded: list[Loaded] = []
        self.requests: list[str] = []
        self.confirmations: list[tuple[str, object]] = []

    def notify(self, text: str) -> None:
        self.notices.append(text)

    def apply_settings(self, new: Settings) -> None:
        self.applied.append(new)
        self.settings = new

    def push(self, layer: object) -> None:
        self.layers.append(layer)

    def pop(self, layer: object) -> None:
        self.layers.remove(layer)

    def load(self, loaded: Loaded) -> None:
        self.loaded.append(loaded)

    def ask_title(self) -> None:
        self.requests.append("title")

    def ask_restart(self) -> None:
        self.requests.append("restart")

    def ask_quit(self) -> None:
        self.requests.append("quit")

    def confirm(self, text: str, on_yes, *, destructive: bool = False) -> None:
        """Asked over everything; `answer` gives the player's reply."""
        self.confirmations.append((text, on_yes))

    def answer(self, yes: bool) -> str:
        """Reply to the question asked last; returns its text."""
        text, on_yes = self.confirmations.pop()
        if yes:
            on_yes()
        return text


# -- input, fed as the app will feed it -----------------------------------------------------
def press(layer, key: int, mod: int = 0) -> None:
    event = pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0)
    layer.handle(keymap.actions(event), event, None)


def mouse(layer, kind: int, point: tuple[int, int], button: int = 1) -> None:
    if kind == pygame.MOUSEMOTION:
        event = pygame.event.Event(kind, pos=point, rel=(0, 0), buttons=(1, 0, 0) if button else (0, 0, 0))
    else:
        event = pygame.event.Event(kind, pos=point, button=button)
    layer.handle(keymap.actions(event), event, point)


def click(layer, point: tuple[int, int], button: int = 1) -> None:
    mouse(layer, pygame.MOUSEMOTION, point, button=0)
    mouse(layer, pygame.MOUSEBUTTONDOWN, point, button)
    mouse(layer, pygame.MOUSEBUTTONUP, point, button)


def drag(layer, start: tuple[int, int], end: tuple[int, int]) -> None:
    mouse(layer, pygame.MOUSEBUTTONDOWN, start)
    mouse(layer, pygame.MOUSEMOTION, end)
    mouse(layer, pygame.MOUSEBUTTONUP, end)


def wheel(layer, y: int) -> None:
    event = pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=y, flipped=False)
    layer.handle(keymap.actions(event), event, None)
