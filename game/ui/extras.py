"""Extras, from the title once an ending has been reached: the gallery (`game.ui.gallery`), the
music (every track, play and stop, the one playing marked), the scenes (start again from the choice, or from the first line of an
ending reached) and About (title, version, engine, credits, the fonts' licences).

One column of buttons on the left (arrows, the pad's d-pad, the mouse; self-voicing reads the
focused one), About's words on the right; Escape, B or a right click returns to the title.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game.i18n.interface import ui_text
from game.playthrough import Playthrough
from game.script.model import Ending, Music
from game.speech import control_words
from game.ui.gallery import BACKDROP, GalleryScreen
from game.ui.host import Host
from game.ui.input import Input
from game.ui.layer import dispatch
from game.ui.layout import DIM_TEXT, HIGHLIGHT, SCREEN_SIZE, TEXT_COLOUR
from game.ui.text import wrap
from game.ui.widgets import Buttons, column, plates

if TYPE_CHECKING:
    from game.settings import Settings

BUTTON_SIZE = (400, 40)
BUTTONS_TOP = 96
ABOUT_LEFT = 560
CREDITS = (
    "Story and engine: the Hub project, after the beats of a Torchwood scene.",
    "Made with Python and pygame; pictures and music made in code (python main.py assets).",
    ("Fonts, each under the SIL Open Font License 1.1 (art/fonts/*OFL.txt): Lato by Łukasz Dziedzic;"
     " Atkinson Hyperlegible by the Braille Institute; OpenDyslexic by Abbie Gonzalez."),
    "DejaVu Sans, for the glyphs the others lack, under its own free licence (art/fonts/DejaVu-LICENSE.txt).",
    "Droid Sans Fallback, for Chinese and Japanese, under the Apache License 2.0 (art/fonts/DroidSansFallback-LICENSE.txt).",
)


@dataclass(frozen=True)
class Item:
    """One button: what it reads, and what it does (`kind`: gallery, music, scene, about or return; `value`: the track or the option)."""

    label: str
    kind: str
    value: str | int | None = None


def tracks(host: Host) -> list[str]:
    """Every music track the story plays, and the title's, in the order first heard."""
    found = [host.game.title_music] if host.game.title_music else []
    for step in host.story.steps:
        if isinstance(step, Music) and step.track and step.track not in found:
            found.append(step.track)
    return found


def to_choice(host: Host, *, record: bool = True) -> Playthrough:
    """A playthrough from the start to the story's first choice (every line on the way passed, so Back goes back);
    `record`: the lines passed count as read (the player's own playthrough), else nothing is recorded."""
    play = Playthrough(host.story, start=host.game.start, seen=host.player.seen if record else set())
    while not play.at_choice and not play.ended:
        play.advance()
    return play


def endings_by_option(host: Host) -> dict[int, str]:
    """Each option of the first choice, with the name of the ending it leads to (taking the first option at any later choice)."""
    found = {}
    for option in range(len(to_choice(host, record=False).current.options)):
        play = to_choice(host, record=False)
        play.choose(option)
        while not play.ended:
            play.choose(0) if play.at_choice else play.advance()
        stop = play.current.stop
        assert isinstance(stop, Ending)
        found[option] = stop.name
    return found


def track_name(track: str) -> str:
    """A track's file name as a button reads it: `night_rain` -> Night Rain."""
    return track.replace("_", " ").title()


def offered(host: Host) -> bool:
    """Whether the title offers Extras: once any ending has been reached."""
    return bool(host.player.endings.names())


class ExtrasScreen:
    """Gallery, music, scenes and About, over the title."""

    modal = True
    @property
    def spoken_title(self) -> str:
        return ui_text("Extras")

    def __init__(self, host: Host) -> None:
        self.host = host
        self.clock = host.new_clock()
        reached = host.player.endings.names()
        self.items = [Item(ui_text("Gallery"), "gallery")]
        self.items += [Item(ui_text("Music: {track}").format(track=track_name(track)), "music", track) for track in tracks(host)]
        self.items.append(Item(ui_text("Scene: from the choice"), "scene", None))
        self.items += [Item(ui_text("Scene: {ending}").format(ending=name), "scene", option) for option, name in endings_by_option(host).items() if name in reached]
        self.items += [Item(ui_text("About"), "about"), Item(ui_text("Return"), "return")]
        services = host.services
        rects = column(len(self.items), BUTTON_SIZE, centre_x=40 + BUTTON_SIZE[0] // 2, top=BUTTONS_TOP, gap=8)
        self.buttons = Buttons([item.label for item in self.items], rects, plates(services.images, BUTTON_SIZE), services.fonts["ui"],
                               audio=services.audio, contrast=host.player.settings.high_contrast)
        self.buttons.selected = 0
        self._mark_playing()

    # -- input ------------------------------------------------------------------------
    def handle(self, input: Input) -> None:
        if dispatch(self, input):
            return
        chosen = self.buttons.handle(input)
        if chosen is not None:
            self.activate(self.items[chosen])

    def action_back(self, input: Input) -> None:
        """Escape, B or a right click: back to the title, its music again."""
        self.close()

    def close(self) -> None:
        self.host.services.audio.play_music(self.host.game.title_music, fade=1.0)
        self.host.pop(self)

    def activate(self, item: Item) -> None:
        audio = self.host.services.audio
        if item.kind == "music":
            track = None if audio.track == item.value else str(item.value)
            audio.play_music(track, fade=0.5)
            self._mark_playing()
            self.host.speak(ui_text("Playing {track}").format(track=track_name(track)) if track else ui_text("Stopped"))
        elif item.kind == "scene":
            self._play_scene(item)
        elif item.kind == "gallery":
            self.host.push(GalleryScreen(self.host))
        elif item.kind == "about":
            self.host.speak(" ".join(self.about_lines()))
        else:
            self.close()

    def _play_scene(self, item: Item) -> None:
        play = to_choice(self.host)
        if isinstance(item.value, int):
            play.choose(item.value)  # the ending's first line, the choice behind it
        self.host.pop(self)
        self.host.play(play, notice=item.label)

    def _mark_playing(self) -> None:
        track = self.host.services.audio.track
        self.buttons.marked = next((i for i, item in enumerate(self.items) if item.kind == "music" and item.value == track), None)

    # -- self-voicing -------------------------------------------------------------------
    def focus_words(self) -> str | None:
        words = self.buttons.focus_words()
        if words is None:
            return None
        item = self.items[self.buttons.selected or 0]
        playing = item.kind == "music" and self.buttons.marked == self.buttons.selected
        return control_words(words, ui_text("playing") if playing else None)

    # -- about --------------------------------------------------------------------------
    def about_lines(self) -> list[str]:
        # The version is game.yaml's `version:`.
        return [ui_text("{title}, version {version}.").format(title=self.host.game.title, version=self.host.game.version),
                ui_text("Engine: Hub, on pygame {version}.").format(version=pygame.version.ver), *map(ui_text, CREDITS)]

    # -- time and drawing ---------------------------------------------------------------
    def settings_changed(self, settings: Settings) -> None:
        self.buttons.contrast = settings.high_contrast

    def update(self) -> None:
        pass

    def next_change(self) -> float | None:
        return None

    def draw(self, canvas: pygame.Surface) -> None:
        fonts = self.host.services.fonts
        canvas.fill(BACKDROP)
        canvas.blit(fonts["title"].render(ui_text("Extras"), True, TEXT_COLOUR), (40, 20))
        self.buttons.draw(canvas)
        y = BUTTONS_TOP
        canvas.blit(fonts["ui"].render(ui_text("About"), True, HIGHLIGHT), (ABOUT_LEFT, y))
        y += fonts["ui"].get_linesize() + 8
        small = fonts["small"]
        for paragraph in self.about_lines():
            for line, _ in wrap(paragraph, small, SCREEN_SIZE[0] - ABOUT_LEFT - 40):
                canvas.blit(small.render(line, True, DIM_TEXT), (ABOUT_LEFT, y))
                y += small.get_linesize()
            y += 10
        hint = small.render(ui_text("Escape or a right click: back to the title"), True, DIM_TEXT)
        canvas.blit(hint, hint.get_rect(bottomleft=(40, SCREEN_SIZE[1] - 20)))
