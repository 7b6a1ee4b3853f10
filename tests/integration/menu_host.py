"""A small real host for the game menu's tests: the menu over real player data, real services
and a list for a stack, with what it was asked recorded.

`MenuHost(folder, story)` keeps the player's files under `folder` (real `PlayerData`: settings,
saves, seen lines, endings), makes real `Services` (fonts, pictures, sound on the dummy drivers,
a voice with no engine, notices), and a `Playing` game (a real playthrough of `story`) unless
`playing=False` (the title). Notices, confirmations and the screens shown are recorded; a
confirmation is answered with `answer(yes)`.

Input goes in as the keymap makes it: `press(menu, pygame.K_TAB)` turns a key into its actions
through the real keymap, `click`, `drag`, `wheel` make pointer inputs.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pygame

from game.clock import ManualClock
from game.folder import ENGINE, GameFolder
from game.player import PlayerData
from game.playthrough import Playthrough
from game.script import load_story
from game.script.model import Story
from game.settings import Settings
from game.speech import SelfVoicing
from game.ui import keymap
from game.ui.input import Input
from game.ui.layer import PausableClock
from game.ui.services import Services


def thumbnail_png(colour: tuple[int, int, int] = (60, 90, 110), size: tuple[int, int] = (320, 180)) -> bytes:
    surface = pygame.Surface(size)
    surface.fill(colour)
    pygame.draw.circle(surface, (230, 180, 110), (size[0] // 3, size[1] // 2), size[1] // 4)
    data = io.BytesIO()
    pygame.image.save(surface, data, "png")
    return data.getvalue()


def played(story: Story, beats: int) -> Playthrough:
    """A playthrough of `story`, `beats` beats in (or as far as it goes without a choice)."""
    playthrough = Playthrough(story)
    while playthrough.index < beats and playthrough.advance():
        pass
    return playthrough


class Playing:
    """The game being played, as the menu sees it: a real playthrough; rewinds and screenshots recorded."""

    def __init__(self, playthrough: Playthrough) -> None:
        self.playthrough = playthrough
        self.went_to: list[int] = []
        self.screenshots = 0
        self.kept_count = 0

    def thumbnail_png(self) -> bytes:
        return thumbnail_png()

    def kept(self) -> None:
        self.kept_count += 1

    def go_to(self, index: int) -> None:
        self.went_to.append(index)

    def screenshot(self) -> None:
        self.screenshots += 1


class MenuHost:
    """A `Host` (with `playing`) on `folder`, recording what it is asked."""

    def __init__(self, folder: Path, story: Story, *, playing: bool = True, beats: int = 40, game: GameFolder | None = None) -> None:
        self.story = story
        self.game = game or GameFolder(root=ENGINE)
        self.clock = ManualClock()
        self.notices: list[str] = []
        self.spoken: list[str] = []
        self.confirmations: list[tuple[str, Callable[[], None]]] = []
        self.shown: list[tuple[str, Any]] = []  # ("title", None), ("play", (playthrough, notice)), ("quit", None), ("page", name)
        self.applied: list[Settings] = []
        self.layers: list[Any] = []
        self.player = PlayerData(story, self.game.id, warn=self.notify, folder=folder)
        self.services = Services.start(self.game, SelfVoicing(None, warn=self.notify), warn=self.notify)
        self.playing: Playing | None = Playing(played(story, beats)) if playing else None

    # -- what the menu reads and asks -------------------------------------------------
    @property
    def settings(self) -> Settings:
        return self.player.settings

    def new_clock(self) -> PausableClock:
        return PausableClock(self.clock)

    def notify(self, text: str) -> None:
        self.notices.append(text)

    def speak(self, text: str, *, interrupt: bool = True) -> None:
        self.spoken.append(text)

    def confirm(self, question: str, on_yes: Callable[[], None], *, detail: str = "", destructive: bool = False) -> None:
        self.confirmations.append((question, on_yes))

    def answer(self, yes: bool) -> str:
        """Reply to the question asked last; returns its text."""
        question, on_yes = self.confirmations.pop()
        if yes:
            on_yes()
        return question

    def push(self, layer: Any) -> None:
        self.layers.append(layer)

    def pop(self, layer: Any) -> None:
        if layer in self.layers:
            self.layers.remove(layer)

    def open_page(self, page: str) -> None:
        self.shown.append(("page", page))

    def show_title(self) -> None:
        self.shown.append(("title", None))

    def play(self, playthrough: Playthrough | None = None, *, notice: str | None = None) -> None:
        self.shown.append(("play", (playthrough, notice)))

    def show_end_card(self, ending: str, *, shown: str | None = None) -> None:
        self.shown.append(("end", ending))

    def quit(self) -> None:
        self.shown.append(("quit", None))

    def apply_settings(self, new: Settings) -> None:
        self.applied.append(new)
        self.player.keep_settings(new)
        for layer in self.layers:
            layer.settings_changed(new)

    def close(self) -> None:
        self.player.close()


def long_story(folder: Path, count: int) -> Story:
    """A story of `count` lines (speech, narration, and a choice every 50th) then an ending."""
    lines = ["characters:", "  jack: {name: Jack, colour: '#7fb2e5'}", "  ianto: {name: Ianto, colour: '#c080e0'}", "script:", "  - label: start"]
    for i in range(count):
        if i % 50 == 49:
            lines += [f"  - choice: What now? ({i})", "    options:"]
            lines += [f"      - {{text: {option}, jump: after{i}}}" for option in ("Stay", "Go", "Tell him")]
            lines.append(f"  - label: after{i}")
        elif i % 3 == 0:
            lines.append(f'  - "Line {i}. The water moves somewhere under the walkways, and the machines keep their own hours."')
        else:
            lines.append(f'  - {"ianto" if i % 2 else "jack"}: "Line {i}. I\'m sorry."')
    lines.append("  - ending: Done")
    (folder / "scenes").mkdir(parents=True, exist_ok=True)
    (folder / "scenes" / "story.yaml").write_text("\n".join(lines) + "\n")
    return load_story(folder / "scenes")[0]


def to_the_end(playthrough: Playthrough, count: int) -> Playthrough:
    """`playthrough` taken to its `count`-th beat, taking the first option at each choice."""
    while playthrough.index < count - 1:
        if not playthrough.advance():
            playthrough.choose(0)
    return playthrough


# -- input, as the keymap makes it -------------------------------------------------------------
def press(layer: Any, key: int, mod: int = 0, *, device: str = "keyboard") -> None:
    event = pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0)
    layer.handle(Input(keymap.actions(event), "press", device))  # type: ignore[arg-type]


def _pointer(kind: int, point: tuple[int, int], button: int) -> Input:
    if kind == pygame.MOUSEMOTION:
        return Input(frozenset(), "move", "mouse", point)
    event = pygame.event.Event(kind, pos=point, button=button)
    return Input(keymap.actions(event), "press" if kind == pygame.MOUSEBUTTONDOWN else "release", "mouse", point, button)


def mouse(layer: Any, kind: int, point: tuple[int, int], button: int = 1) -> None:
    layer.handle(_pointer(kind, point, button))


def click(layer: Any, point: tuple[int, int], button: int = 1) -> None:
    mouse(layer, pygame.MOUSEMOTION, point)
    mouse(layer, pygame.MOUSEBUTTONDOWN, point, button)
    mouse(layer, pygame.MOUSEBUTTONUP, point, button)


def drag(layer: Any, start: tuple[int, int], end: tuple[int, int]) -> None:
    mouse(layer, pygame.MOUSEBUTTONDOWN, start)
    mouse(layer, pygame.MOUSEMOTION, end)
    mouse(layer, pygame.MOUSEBUTTONUP, end)


def wheel(layer: Any, y: int, point: tuple[int, int] | None = None) -> None:
    event = pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=y, flipped=False)
    layer.handle(Input(keymap.actions(event), "wheel", "mouse", point))
