"""The loop and the stack of layers: a base screen (title, game, end card) with overlays pushed
over it (the game menu, confirmations). Events become actions (`game.ui.keymap`) and go to
the top layer only; every layer is drawn, bottom up, with the notices over all.

A modal layer stops time beneath it: layers under it are neither updated nor asked when they
next change, they are drawn as they were when it opened, and when it goes they are told how
long they stood still (`resume`), so the story picks up where it was.

The window is redrawn only when something changed or moves. When nothing moves, the loop
polls events and sleeps, drawing nothing (`pygame.event.wait(timeout)` costs more CPU here).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from typing import Protocol

import pygame

from game.clock import Clock, SystemClock
from game.folder import ENGINE, GameFolder
from game.script.model import Story
from game.endings import EndingsReached
from game.saves import Loaded, SaveError, SaveStore
from game.seen import SeenLines
from game.settings import Settings, SettingsFile
from game import speech
from game.speech import SelfVoicing, SpeechEngine, notice_words, place_words
from game.ui import keymap
from game.ui.assets import Fonts, Images
from game.ui.audio import Audio
from game.ui.damage import merged
from game.ui.display import NoDisplay, Window, require_display
from game.ui.gamepad import CONTROLLER_EVENTS, GamepadInput
from game.ui.game_screen import GameScreen, png
from game.ui.overlays import Confirm, Notices
from game.ui.menu import GameMenu
from game.ui.title import TitleScreen
from game.userdata import PlayerFiles, data_dir

FRAME_TIME = 1 / 60
IDLE_POLL = 0.05
AUTOSAVED = "The game is autosaved first: Continue brings you back here."
VOICING_ON, VOICING_OFF = "Self-voicing on", "Self-voicing off"
INPUT_EVENTS = (pygame.KEYDOWN, pygame.KEYUP, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION, pygame.MOUSEWHEEL)


class Layer(Protocol):
    """A screen or an overlay on the stack."""

    modal: bool  # True: the story's time stands still beneath it

    def handle(self, actions: frozenset[str], event: pygame.event.Event, point: tuple[int, int] | None) -> None:
        """One input event and the actions it means; `point` is the mouse in canvas pixels."""
        ...

    def update(self, now: float) -> None: ...

    def draw(self, canvas: pygame.Surface, now: float) -> None: ...

    def next_change(self, now: float) -> float | None:
        """Seconds until the layer changes by itself: 0 while animating, None when still."""
        ...

    # Optional: `resume(paused_for: float)`, called when a modal layer above it has gone;
    # `focus_words() -> str | None`, its focused control in words, and `spoken_title`, what it is,
    # both read aloud by self-voicing when they change (`App._read_focus`).


class App:
    """The running game: window, assets, sound, the player's data and the stack of layers."""

    def __init__(self, story: Story, game: GameFolder | None = None, *, start: str | None = None, clock: Clock | None = None, voice: SelfVoicing | SpeechEngine | None = None) -> None:
        """`voice`: the self-voicing's speech engine (or a whole `SelfVoicing`); None for this platform's own."""
        require_display()
        pygame.init()
        self.story = story
        self.game = game or GameFolder(root=ENGINE)
        self.start = start or self.game.start
        self.game_id = self.game.id
        self.clock = clock or SystemClock()
        self.window = Window(icon=self.game.root / self.game.icon if self.game.icon else None)
        pygame.display.set_caption(self.game.title)
        early: list[str] = []  # what goes wrong before notices can be shown is told just after
        self.fonts = Fonts(self.game, warn=early.append)
        self.notices = Notices(self.fonts["small"])
        self.fonts.warn = self.notify
        self.images = Images(self.game, warn=self.notify)
        self.audio = Audio(self.game, warn=self.notify)
        for text in early:
            self.notify(text)
        self.files = PlayerFiles(data_dir(self.game_id), warn=self.notify)
        self.seen = SeenLines(self.files)
        self.settings_file = SettingsFile(self.files)
        self.settings: Settings = self.settings_file.load()
        if isinstance(voice, SelfVoicing):
            self.voice = voice
        elif voice is not None:
            self.voice = SelfVoicing(voice, warn=self.notify, rate=self.settings.speech_rate)
        else:  # looked up through the module, so a test may put a fake `speech.system_voice` or `find_engine` in
            self.voice = speech.system_voice(warn=self.notify, rate=self.settings.speech_rate)
        self._focus_said: tuple[tuple[int, str], str | None] | None = None  # (layer and title, words) last read
        self.keyboard_used = False  # the last input was a key or a controller: focus is shown
        self.gamepad = GamepadInput(notify=self.notify)
        self._pad_held: frozenset[str] = frozenset()
        self.saves = SaveStore(self.files, story, self.game_id)
        self.endings = EndingsReached(self.files)
        self.running = True
        self.dirty = True
        self._wake_at: float | None = None
        self._notices_drawn: tuple[pygame.Rect | None, tuple[int, ...]] = (None, ())
        self._screenshots: list[tuple[str, Future[bytes]]] = []
        self._encoder: ThreadPoolExecutor | None = None
        self._layers: list[Layer] = []
        self._frozen_since: list[float | None] = []  # per layer: when a modal layer covered it
        self.show(TitleScreen(self))
        self._use_settings()
        if self.settings.fullscreen:
            self.window.toggle_fullscreen()

    # -- the stack ------------------------------------------------------------
    @property
    def screen(self) -> Layer:
        """The base screen: title, game or end card."""
        return self._layers[0]

    @property
    def top(self) -> Layer:
        return self._layers[-1]

    @property
    def layers(self) -> tuple[Layer, ...]:
        return tuple(self._layers)

    @property
    def game_screen(self) -> GameScreen | None:
        return self.screen if isinstance(self.screen, GameScreen) else None

    def show(self, screen: Layer) -> None:
        """Replace the base screen; every overlay goes."""
        self._layers = [screen]
        self._frozen_since = [None]
        self.dirty = True

    def push(self, layer: Layer) -> None:
        if getattr(layer, "modal", False):
            now = self.clock.now()
            self._frozen_since = [now if since is None else since for since in self._frozen_since]
        self._layers.append(layer)
        self._frozen_since.append(None)
        self.dirty = True

    def pop(self, layer: Layer) -> None:
        """Take `layer` off the stack; layers no longer under a modal one resume."""
        if layer not in self._layers:
            return
        index = self._layers.index(layer)
        del self._layers[index], self._frozen_since[index]
        now = self.clock.now()
        covered = False
        for i in range(len(self._layers) - 1, -1, -1):
            since = self._frozen_since[i]
            if since is not None and not covered:
                self._frozen_since[i] = None
                if (resume := getattr(self._layers[i], "resume", None)) is not None:
                    resume(now - since)
            covered = covered or getattr(self._layers[i], "modal", False)
        self.dirty = True

    def _live(self) -> list[Layer]:
        """The layers whose time runs: none under a modal layer."""
        return [layer for layer, since in zip(self._layers, self._frozen_since) if since is None]

    # -- what layers ask of the app ------------------------------------------------
    def notify(self, text: str) -> None:
        """A quiet notice in the corner that fades by itself; also printed to stderr (and read aloud)."""
        print(text, file=sys.stderr)
        self.notices.add(text, self.clock.now())
        self.speak(notice_words(text), interrupt=False)
        self.dirty = True

    def speak(self, text: str, *, interrupt: bool = True) -> None:
        """Read `text` aloud when self-voicing is on; returns at once. `interrupt`: cut off what is being read."""
        if getattr(self, "voice", None) is not None and self.settings.self_voicing:
            self.voice.say(text, interrupt=interrupt)

    def toggle_self_voicing(self) -> None:
        """`V`: self-voicing on or off (the setting, kept), said in a notice."""
        self.apply_settings(replace(self.settings, self_voicing=not self.settings.self_voicing))

    def _voicing_switched(self, on: bool) -> None:
        if not on:
            self.voice.stop()
            self.notify(VOICING_OFF)
        elif self.voice.engine is None:
            self.voice.say(VOICING_ON)  # no engine: the voice gives its one notice instead
        else:
            self._focus_said = None  # read where the player is, after the notice
            self.notify(VOICING_ON)

    def _read_focus(self) -> None:
        """Self-voicing: the top layer's focused control when it changes (its title too, when that does)."""
        if not self.settings.self_voicing:
            return  # nothing is read: no need to ask the layer for its words every frame
        layer = self.top
        title = getattr(layer, "spoken_title", "")
        words = layer.focus_words() if hasattr(layer, "focus_words") else None
        place = (id(layer), title)
        if self._focus_said == (place, words):
            return
        just_on = self._focus_said is None  # self-voicing has just come on: after its notice, not over it
        new_place = just_on or self._focus_said[0] != place
        self._focus_said = (place, words)
        said = place_words(title if new_place else "", words)
        if said:
            self.speak(said, interrupt=not just_on and (not new_place or bool(title)))

    def confirm(self, question: str, on_yes: Callable[[], None], *, detail: str = "", destructive: bool = False) -> None:
        """Ask Yes or No over everything; `on_yes` runs after a Yes (the confirmation is gone by then).
        `destructive` (a delete, an overwrite): No is selected first, so a stray Enter loses nothing."""
        self.push(Confirm(self, question, on_yes, detail=detail, destructive=destructive))

    def open_menu(self, page: str) -> None:
        """The game menu at `page`: "save", "load", "settings", "accessibility", "history" or "help"."""
        self.push(GameMenu(self, page))

    def apply_settings(self, new: Settings) -> None:
        """Use `new` at once (the line being typed follows a new text speed) and keep it for the next run."""
        if new.fullscreen != self.window.fullscreen:
            self.window.toggle_fullscreen()
        voicing_switched = new.self_voicing != self.settings.self_voicing
        self.settings = new
        self._use_settings()
        self.settings_file.save(new)
        if voicing_switched:
            self._voicing_switched(new.self_voicing)
        self.dirty = True

    def _use_settings(self) -> None:
        """What the settings change outside the screens: the volumes, the story's fonts, the stage's look and motion."""
        settings = self.settings
        self.audio.set_volumes(music=0.0 if settings.mute else settings.music_volume, sound=0.0 if settings.mute else settings.sound_volume)
        self.audio.set_voice_volume(0.0 if settings.mute else settings.voice_volume)
        self.voice.rate = settings.speech_rate
        restyled = (self.fonts.scale, self.fonts.family) != (settings.text_scale, settings.font)
        if restyled:
            self.fonts = Fonts(self.game, warn=self.notify, scale=settings.text_scale, family=settings.font)
        if (game := self.game_screen) is not None:
            game.stage.reduce_motion = settings.reduce_motion
            stage = game.stage
            if restyled or (stage.line_spacing, stage.high_contrast) != (settings.line_spacing, settings.high_contrast):
                game.restyle()
            # the line being typed follows the new speed from the game's own moment (still while a menu is open)
            since = self._frozen_since[0]
            game.playback.set_speed(settings.text_cps, self.clock.now() if since is None else since)

    def save_screenshot(self, picture: pygame.Surface) -> None:
        """Write `picture` as a PNG under the data folder's screenshots/, then say so.

        A full-size PNG takes most of a second to compress; pygame lets go of the GIL
        meanwhile, so it is done on a thread and the game does not stall.
        """
        stamp = time.strftime("%Y%m%d-%H%M%S") + f"-{int(time.time() * 1000) % 1000:03d}"
        if self._encoder is None:
            self._encoder = ThreadPoolExecutor(max_workers=1, thread_name_prefix="screenshot")
        self._screenshots.append((f"screenshots/{self.game_id}-{stamp}.png", self._encoder.submit(png, picture)))

    @property
    def screenshots_pending(self) -> int:
        return len(self._screenshots)

    def _write_screenshots(self, *, wait: bool = False) -> None:
        """Write the screenshots whose PNG is ready (all of them, with `wait`)."""
        for name, future in list(self._screenshots):
            if wait or future.done():
                self._screenshots.remove((name, future))
                if self.files.write_bytes(name, future.result()):
                    self.notify(f"Screenshot saved: {name} (in {self.files.folder})")
                else:
                    self.notify("Could not save the screenshot")

    def new_game(self) -> None:
        self.audio.play_music(None, fade=0.5)
        self.show(GameScreen(self))

    def continue_game(self) -> None:
        """Title's Continue: the newest save of any kind."""
        newest = self.saves.newest()
        if newest is not None:
            self.load_with(lambda: self.saves.load(newest, seen=self.seen))

    def quick_load(self) -> None:
        self.load_with(lambda: self.saves.quick_load(seen=self.seen))

    def load_with(self, read: Callable[[], Loaded | None]) -> bool:
        """Load through `read` and show it; a save that cannot be loaded is a notice, nothing lost."""
        try:
            loaded = read()
        except SaveError as error:
            self.notify(f"Could not load: {error}")
            return False
        if loaded is None:
            self.notify("Nothing to load yet")
            return False
        self.load(loaded)
        return True

    def load(self, loaded: Loaded) -> None:
        """Show a loaded playthrough on the game screen (made afresh from the title); menus close."""
        game = self.game_screen
        if game is None:
            self.audio.play_music(None, fade=0.5)
            game = GameScreen(self, playthrough=loaded.playthrough)
            self.notify(loaded.notice or "Loaded")
        else:
            game.load(loaded)
        self.show(game)

    def autosave(self) -> bool:
        """Save the game being played into the rotating autosave slots (not if on the title)."""
        game = self.game_screen
        if game is None:
            return False
        done = self.saves.autosave(game.playthrough, thumbnail_png=game.thumbnail_png())
        game.saved()
        return done

    def to_title(self) -> None:
        self.autosave()
        self.show(TitleScreen(self))

    def restart(self) -> None:
        self.autosave()
        self.new_game()

    def ask_title(self) -> None:
        self.confirm("Return to the title screen?", self.to_title, detail=AUTOSAVED)

    def ask_restart(self) -> None:
        self.confirm("Start again from the beginning?", self.restart, detail=AUTOSAVED)

    def ask_quit(self) -> None:
        self.confirm("Quit the game?", self.quit, detail=AUTOSAVED)

    def quit(self) -> None:
        """Autosave (when playing) and stop at once."""
        self.autosave()
        self.running = False

    # -- the loop ---------------------------------------------------------------------
    def _event(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            self.quit()  # closing the window: autosave and quit, no question
            return
        if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            self.window.resized()
        elif event.type in CONTROLLER_EVENTS:
            self._pad_event(event)
        elif event.type in INPUT_EVENTS:
            actions = keymap.actions(event)
            if event.type in (pygame.KEYDOWN, pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN):
                self.keyboard_used = event.type == pygame.KEYDOWN
            if "fullscreen" in actions:
                self.apply_settings(replace(self.settings, fullscreen=not self.window.fullscreen))
            elif "self_voicing" in actions:
                self.toggle_self_voicing()
            else:
                point = self.window.to_canvas(event.pos) if hasattr(event, "pos") else None
                self.top.handle(actions, event, point)
        elif event.type not in (pygame.WINDOWEXPOSED, pygame.VIDEOEXPOSE, pygame.WINDOWSHOWN, pygame.WINDOWRESTORED):
            return  # nothing else changes what is shown
        self.dirty = True

    def _pad_event(self, event: pygame.event.Event) -> None:
        """A controller event: its actions go to the top layer as a key press would (the trigger as Ctrl)."""
        found = self.gamepad.actions(event, self.clock.now())
        self._pad_press(found - {"skip"})
        held = self.gamepad.held()
        if held != self._pad_held:  # the right trigger pulled or let go (or its pad pulled out)
            self._pad_held = held
            kind = pygame.KEYDOWN if held else pygame.KEYUP
            self.top.handle(frozenset({"skip"}), pygame.event.Event(kind, key=0, mod=0, unicode="", scancode=0, gamepad=True), None)

    def _pad_press(self, found: frozenset[str]) -> None:
        """Controller actions to the top layer, dressed as a key press: layers know keys, not pads."""
        if not found:
            return
        self.keyboard_used = True
        self.top.handle(keymap.pad_actions(found), pygame.event.Event(pygame.KEYDOWN, key=0, mod=0, unicode="", scancode=0, gamepad=True), None)
        self.dirty = True

    def frame(self) -> None:
        """One turn of the loop: events, timers, and a redraw if anything changed."""
        for event in pygame.event.get():
            self._event(event)
        self._pad_press(self.gamepad.repeats(self.clock.now()))
        self._read_focus()
        self._write_screenshots()
        now = self.clock.now()
        for layer in self._live():
            if layer in self._layers:  # an update may have closed a later one
                layer.update(now)
        if self.notices.update(now):
            self.dirty = True
        woke = self._wake_at is not None and now >= self._wake_at
        waits = [layer.next_change(now) for layer in self._live()] + [self.notices.next_change(now), self.gamepad.next_repeat(now)]
        wait = min((w for w in waits if w is not None), default=None)
        if self.dirty or woke or wait == 0:
            self._redraw(now, None if self.dirty else self._damage(now))
            self.dirty = False
        self._wake_at = None if wait is None else now + wait

    def _damage(self, now: float) -> list[pygame.Rect] | None:
        """The canvas regions changed by time alone since the last draw ([] none, None all): only the
        game screen, alone on the stack, tells its regions (`game.ui.damage`); the notices are their own."""
        dirty_regions = getattr(self.screen, "dirty_regions", None) if len(self._layers) == 1 else None
        regions = None if dirty_regions is None else dirty_regions(now)
        notices = self.notices.area(now)
        if regions is not None and notices != self._notices_drawn:
            regions = merged(regions + [place for place in (notices[0], self._notices_drawn[0]) if place is not None])
        return regions

    def _redraw(self, now: float, regions: list[pygame.Rect] | None) -> None:
        """Draw every layer and the notices, everywhere or clipped to `regions`, and put that on screen."""
        canvas = self.window.canvas
        floors = [floor for layer in self._layers if (floor := getattr(layer, "notice_floor", None)) is not None]
        self.notices.floor = min(floors, default=None)  # the game menu keeps notices off its heading
        for region in [None] if regions is None else regions:
            canvas.set_clip(region)
            for layer, since in zip(self._layers, self._frozen_since):
                layer.draw(canvas, now if since is None else since)
            self.notices.draw(canvas, now)
        canvas.set_clip(None)
        self._notices_drawn = self.notices.area(now)
        if regions != []:
            self.window.present(regions)

    def pause(self) -> None:
        """Sleep until the next frame is due: a frame's time while animating, else a short poll."""
        if self._wake_at is None:
            time.sleep(IDLE_POLL)
        else:
            time.sleep(min(IDLE_POLL, max(FRAME_TIME, self._wake_at - self.clock.now())))

    def run(self) -> int:
        first = True
        while self.running:
            self.frame()
            if first:
                first = False
                if os.environ.get("HUB_EXIT_AFTER_FIRST_FRAME"):
                    break
                self.images.preload(self.story)
            self.pause()
        self._write_screenshots(wait=True)
        self.voice.close()
        self.gamepad.close()
        self.seen.close()
        pygame.quit()
        return 0


def play(story: Story, game: GameFolder | None = None, *, start: str | None = None) -> int:
    """Open the window and play until the player quits; 2 when there is no display."""
    try:
        app = App(story, game, start=start)
    except NoDisplay as error:
        print(error, file=sys.stderr)
        return 2
    return app.run()
