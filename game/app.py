"""The running game: the window and the loop, and the `Host` every screen talks to.

`App` builds the player's data (`game.player.PlayerData`), the services (`game.ui.services`)
and the stack of layers (`game.ui.stack`). Each pygame event becomes an `Input` (keys, mouse
and wheel through `game.ui.keymap.read`, controllers through `game.ui.gamepad`) and goes to
the top layer; window or fullscreen and self-voicing are the app's own.

The window is redrawn only when something changed or moves. When nothing moves, the loop
polls events and sleeps, drawing nothing (`pygame.event.wait(timeout)` costs more CPU here).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import pygame

from game import speech
from game.clock import Clock, SystemClock
from game.folder import ENGINE, GameFolder
from game.resolver import Refused
from game.script.assets import icon_path
from game.i18n.interface import ui_text, use_interface_language
from game.i18n.language import in_language, name_of
from game.player import PlayerData
from game.playthrough import Playthrough
from game.saves import FORMAT as SAVE_FORMAT
from game.script.model import Story
from game.settings import Settings
from game.speech import SelfVoicing, SpeechEngine, notice_words, place_words
from game.ui import keymap
from game.ui.assets import Fonts
from game.ui.display import NoDisplay, Window, prefer_real_pixels, require_display
from game.ui.end_card import EndCardScreen
from game.ui.game_screen import GameScreen, png
from game.ui.gamepad import CONTROLLER_EVENTS, GamepadInput
from game.ui.input import Input
from game.ui.layer import Layer, PausableClock, dispatch
from game.ui.menu import GameMenu
from game.ui.overlays import Confirm
from game.ui.reload import Reloader
from game.ui.services import Services
from game.ui.stack import LayerStack
from game.ui.title import TitleScreen

FRAME_TIME = 1 / 60
IDLE_POLL = 0.05
SHARPEN_AFTER = 0.2  # seconds after the window's last resize, its pictures are scaled smoothly again
VOICING_ON, VOICING_OFF = "Self-voicing on", "Self-voicing off"
SHOWN_AGAIN = (pygame.WINDOWEXPOSED, pygame.VIDEOEXPOSE, pygame.WINDOWSHOWN, pygame.WINDOWRESTORED)


class App:
    """The running game: window, player's data, services and the stack of layers (a `Host`)."""

    def __init__(self, story: Story, game: GameFolder | None = None, *, start: str | None = None, clock: Clock | None = None,
                 voice: SelfVoicing | SpeechEngine | None = None, data: Path | None = None, language: str | None = None) -> None:
        """`voice`: the self-voicing's speech engine (or a whole `SelfVoicing`); None for this platform's own.
        `data`: the player's data folder (default: the platform's, or HUB_DATA_DIR's, for this game)."""
        require_display()
        prefer_real_pixels()
        pygame.init()
        self.story = story
        self.game = game or GameFolder(root=ENGINE)
        self.source = (story, self.game)  # as written: a language is put in from these (`_use_language`)
        self.start = start or self.game.start
        self.clock = clock or SystemClock()
        self._early: list[str] | None = []  # what goes wrong before notices can be shown is told just after
        self.window = Window(icon=self._icon())
        if self.window.icon_problem:
            self.notify(ui_text("The game's icon cannot be shown ({problem}); the window keeps the default one.").format(problem=self.window.icon_problem))
        pygame.display.set_caption(self.game.title)
        self.player = PlayerData(story, self.game.id, warn=self.notify, folder=data)
        if language is not None:  # `--lang`: kept as the player's choice
            self.player.keep_settings(replace(self.player.settings, language=language))
        self._use_language(self.player.settings.language)
        self.services = Services.start(self.game, self._voice(voice), warn=self.notify)
        early, self._early = self._early, None
        for text in early:
            self.notify(text)
        self.stack = LayerStack(self.clock, self.services.notices)
        self._focus_said: tuple[tuple[int, str], str | None] | None = None  # (layer and title, words) last read
        self.keyboard_used = False  # the last input was a key or a controller: focus is shown
        self.gamepad = GamepadInput(notify=self.notify)
        self.running = True
        self.dirty = True
        self._wake_at: float | None = None
        self._sharpen_at: float | None = None  # when a resized window's draft pictures are made smooth
        self._screenshots: list[tuple[str, Future[bytes]]] = []
        self._encoder: ThreadPoolExecutor | None = None
        self._use_settings()
        self.reloader = Reloader(self, self._set_story, time.monotonic())  # hot reload: saving a scene file, or Shift+R
        self.show(TitleScreen(self))
        if self.player.settings.fullscreen:
            self._switch_display()

    def _voice(self, voice: SelfVoicing | SpeechEngine | None) -> SelfVoicing:
        rate = self.player.settings.speech_rate
        if isinstance(voice, SelfVoicing):
            return voice
        if voice is not None:
            return SelfVoicing(voice, warn=self.notify, rate=rate)
        # looked up through the module, so a test may put a fake `speech.system_voice` or `find_engine` in
        return speech.system_voice(warn=self.notify, rate=rate)

    def _icon(self) -> Path | None:
        """The game's icon (or the engine's), found by the one resolver: a game names only its own files."""
        try:
            path = icon_path(self.game)
        except Refused as error:
            self.notify(ui_text("The game's icon is refused: {error}.").format(error=error))
            return None
        return path if path.is_file() else None

    # -- the stack ------------------------------------------------------------
    @property
    def screen(self) -> Layer:
        """The base screen: title, game or end card."""
        return self.stack.base

    @property
    def top(self) -> Layer:
        return self.stack.top

    @property
    def layers(self) -> tuple[Layer, ...]:
        return self.stack.layers

    @property
    def playing(self) -> GameScreen | None:
        """The game being played: the base screen when it is the game screen."""
        screen = self.stack.base
        return screen if isinstance(screen, GameScreen) else None

    def new_clock(self) -> PausableClock:
        return self.stack.new_clock()

    def show(self, screen: Layer) -> None:
        """Replace the base screen; every overlay goes."""
        self.stack.show(screen)
        self._settle(screen)

    def push(self, layer: Layer) -> None:
        self.stack.push(layer)
        self._settle(layer)

    def pop(self, layer: Layer) -> None:
        self.stack.pop(layer)
        self.dirty = True

    def _settle(self, layer: Layer) -> None:
        """A layer has come onto the stack: it hears the settings (it may have been made under others)."""
        layer.settings_changed(self.player.settings)
        self.dirty = True

    # -- what layers ask of the host ------------------------------------------------
    def notify(self, text: str) -> None:
        """A quiet notice at the top that fades by itself; also printed to stderr (and read aloud)."""
        if self._early is not None:
            self._early.append(text)
            return
        print(text, file=sys.stderr)
        self.services.notices.add(text, self.clock.now())
        self.speak(notice_words(text), interrupt=False)
        self.dirty = True

    def speak(self, text: str, *, interrupt: bool = True) -> None:
        """Read `text` aloud when self-voicing is on; returns at once. `interrupt`: cut off what is being read."""
        if self.player.settings.self_voicing:
            self.services.voice.say(text, interrupt=interrupt)

    def confirm(self, question: str, on_yes: Callable[[], None], *, detail: str = "", destructive: bool = False) -> None:
        """Ask Yes or No over everything; `on_yes` runs after a Yes (the confirmation is gone by then).
        `destructive` (a delete, an overwrite): No is selected first, so a stray Enter loses nothing."""
        self.push(Confirm(self, question, on_yes, detail=detail, destructive=destructive))

    def open_page(self, page: str) -> None:
        """The game menu at `page`: "save", "load", "settings", "accessibility", "history" or "help"."""
        self.push(GameMenu(self, page))

    def show_title(self) -> None:
        self.show(TitleScreen(self))

    def play(self, playthrough: Playthrough | None = None, *, notice: str | None = None) -> None:
        """A new game (the title's music fades), or a loaded `playthrough`, said with `notice`: into the
        game being played (no autosave of what it replaces, overlays close), else on a new game screen."""
        game = self.playing
        if playthrough is not None and game is not None:
            game.load(playthrough, notice)
            self.show(game)
            return
        self.services.audio.play_music(None, fade=0.5)
        self.show(GameScreen(self, playthrough, start=self.start))
        if playthrough is not None:
            self.notify(notice or ui_text("Loaded"))

    def show_end_card(self, ending: str, *, shown: str | None = None) -> None:
        self.show(EndCardScreen(self, ending, shown=shown))

    def quit(self) -> None:
        """Stop at once; every layer hears `closed()` first (the game screen autosaves)."""
        self.stack.close_all()
        self.running = False

    def apply_settings(self, new: Settings) -> None:
        """Use `new` at once (every layer hears `settings_changed`) and keep it for the next run."""
        if new.fullscreen != self.window.fullscreen:
            self._switch_display()
        voicing_switched = new.self_voicing != self.player.settings.self_voicing
        language_switched = new.language != self.player.settings.language
        self.player.keep_settings(new)
        if language_switched:
            self._use_language(new.language)
            self._reshow_in(new.language)
        self._use_settings()
        for layer in self.stack.layers:
            layer.settings_changed(new)
        if voicing_switched:
            self._voicing_switched(new.self_voicing)
        self.dirty = True

    def _use_language(self, language: str) -> None:
        """The story and game folder in `language` ("": as written), for every screen and the saves."""
        self.story, self.game = in_language(*self.source, language, warn=self.notify)
        for problem in use_interface_language(language or self.game.language):
            self.notify(problem)
        self.player.saves.story = self.story
        pygame.display.set_caption(self.game.title)

    def _reshow_in(self, language: str) -> None:
        """The game being played, if any, found again in the story as now shown (the current line in the new language)."""
        playing = self.playing
        if playing is not None:
            shown, _ = Playthrough.from_json(self.story, playing.playthrough.to_json(), save_format=SAVE_FORMAT, seen=self.player.seen)
            playing.stage.story = self.story
            playing.load(shown, f"{ui_text('Language')}: {name_of(language or self.game.language)}")

    def _use_settings(self) -> None:
        """What the settings change in the services: the volumes, the voice's rate, the story's fonts."""
        settings, services = self.player.settings, self.services
        services.audio.set_volumes(music=0.0 if settings.mute else settings.music_volume, sound=0.0 if settings.mute else settings.sound_volume)
        services.audio.set_voice_volume(0.0 if settings.mute else settings.voice_volume)
        services.voice.rate = settings.speech_rate
        services.voice.language = settings.language or self.game.language
        if (services.fonts.scale, services.fonts.family) != (settings.text_scale, settings.font):
            services.fonts = Fonts(self.game, warn=self.notify, scale=settings.text_scale, family=settings.font)

    def toggle_self_voicing(self) -> None:
        """`V`: self-voicing on or off (the setting, kept), said in a notice."""
        self.apply_settings(replace(self.player.settings, self_voicing=not self.player.settings.self_voicing))

    def _voicing_switched(self, on: bool) -> None:
        voice = self.services.voice
        if not on:
            voice.stop()
            self.notify(ui_text(VOICING_OFF))
        elif voice.engine is None:
            voice.say(ui_text(VOICING_ON))  # no engine: the voice gives its one notice instead
        else:
            self._focus_said = None  # read where the player is, after the notice
            self.notify(ui_text(VOICING_ON))

    def _read_focus(self) -> None:
        """Self-voicing: the top layer's focused control when it changes (its title too, when that does)."""
        if not self.player.settings.self_voicing:
            return  # nothing is read: no need to ask the layer for its words every frame
        layer = self.top
        title = getattr(layer, "spoken_title", "")
        focus_words = getattr(layer, "focus_words", None)
        words = focus_words() if focus_words is not None else None
        place = (id(layer), title)
        if self._focus_said == (place, words):
            return
        just_on = self._focus_said is None  # self-voicing has just come on: after its notice, not over it
        new_place = just_on or self._focus_said is None or self._focus_said[0] != place
        self._focus_said = (place, words)
        said = place_words(title if new_place else "", words)
        if said:
            self.speak(said, interrupt=not just_on and (not new_place or bool(title)))

    # -- screenshots -----------------------------------------------------------------------
    def save_screenshot(self, draw: Callable[[pygame.Surface], None]) -> None:
        """Draw a picture with `draw` at the window's size and write it as a PNG under the data
        folder's screenshots/, then say so.

        A full-size PNG takes most of a second to compress; pygame lets go of the GIL
        meanwhile, so it is done on a thread and the game does not stall.
        """
        picture = self.window.picture(draw)
        stamp = time.strftime("%Y%m%d-%H%M%S") + f"-{int(time.time() * 1000) % 1000:03d}"
        if self._encoder is None:
            self._encoder = ThreadPoolExecutor(max_workers=1, thread_name_prefix="screenshot")
        self._screenshots.append((f"screenshots/{self.game.id}-{stamp}.png", self._encoder.submit(png, picture)))

    @property
    def screenshots_pending(self) -> int:
        return len(self._screenshots)

    def _write_screenshots(self, *, wait: bool = False) -> None:
        """Write the screenshots whose PNG is ready (all of them, with `wait`)."""
        files = self.player.files
        for name, future in list(self._screenshots):
            if wait or future.done():
                self._screenshots.remove((name, future))
                if files.write_bytes(name, future.result()):
                    self.notify(ui_text("Screenshot saved: {name} (in {folder})").format(name=name, folder=files.folder))
                else:
                    self.notify(ui_text("Could not save the screenshot"))

    # -- the loop ---------------------------------------------------------------------
    def _event(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            self.quit()  # closing the window: autosave and quit, no question
        elif event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            if self.window.resized(dragged=True):
                self._sharpen_at = self.clock.now() + SHARPEN_AFTER
            self.dirty = True
        elif event.type in CONTROLLER_EVENTS:
            for pressed in self.gamepad.read(event, self.clock.now()):
                self._input(pressed)
        elif (input := keymap.read(event, self.window.to_design)) is not None:
            self._input(input)
        elif event.type in SHOWN_AGAIN:
            self.dirty = True

    def _input(self, input: Input) -> None:
        """One input: window or fullscreen and self-voicing are the app's; the rest goes to the top layer."""
        if input.pressed or input.kind == "move":
            self.keyboard_used = not input.pointer
        if not (input.pressed and dispatch(self, input)):
            self.stack.handle(input)
        self.dirty = True

    def _switch_display(self) -> None:
        """Window or fullscreen: the first frame at the new size is a quick draft (drawn at the design
        size, stretched), so no black shows while the art is rescaled; the frame after it is sharp."""
        self.window.toggle_fullscreen()
        self.window.dragging = True
        self._sharpen_at = self.clock.now() + FRAME_TIME
        self.dirty = True

    def action_fullscreen(self, input: Input) -> None:
        """F11 or Alt+Enter, over any layer: window or fullscreen (the setting, kept)."""
        self.apply_settings(replace(self.player.settings, fullscreen=not self.window.fullscreen))

    def action_reload(self, input: Input) -> None:
        """Shift+R, over any layer: the story built again from its files, the player kept on their line."""
        self.reloader.reload()

    def _set_story(self, story: Story) -> None:
        self.story = self.player.saves.story = story

    def action_self_voicing(self, input: Input) -> None:
        """`V`, over any layer: self-voicing on or off (the setting, kept), said in a notice."""
        self.toggle_self_voicing()

    def frame(self) -> None:
        """One turn of the loop: events, timers, and a redraw if anything changed."""
        for event in pygame.event.get():
            self._event(event)
        for input in self.gamepad.repeated(self.clock.now()):
            self._input(input)
        self._read_focus()
        self._write_screenshots()
        self.services.audio.update()
        self.reloader.poll(time.monotonic())
        if self.stack.update():
            self.dirty = True
        now = self.clock.now()
        if self._sharpen_at is not None and now >= self._sharpen_at:
            self._sharpen_at = None
            self.dirty = self.window.sharpen() or self.dirty
        woke = self._wake_at is not None and now >= self._wake_at
        sharpen = None if self._sharpen_at is None else max(0.0, self._sharpen_at - now)
        waits = [self.stack.next_change(), self.gamepad.next_repeat(now), sharpen]
        wait = min((w for w in waits if w is not None), default=None)
        if self.dirty or woke or wait == 0:
            self._redraw()
            self.dirty = False
        self._wake_at = None if wait is None else now + wait

    def _redraw(self) -> None:
        """Draw the stack, everywhere or only where time changed it, and put that on screen."""
        regions = self.stack.damage()
        if self.window.dragging:
            self.window.draft(lambda design: self.stack.draw(design, None))
            regions = None
        else:
            regions = None if self.dirty else regions
            self.stack.draw(self.window.view, regions)
        if regions != []:
            self.window.present(regions)

    def pause(self) -> None:
        """Sleep until the next frame is due: a frame's time while animating, else a short poll."""
        if self._wake_at is None:
            time.sleep(IDLE_POLL)
        else:
            time.sleep(min(IDLE_POLL, max(FRAME_TIME, self._wake_at - self.clock.now())))

    def run(self, *, frames: int | None = None, after_first_frame: Sequence[Callable[[], object]] = ()) -> int:
        """Play until the player quits, or for `frames` frames (a build's smoke test asks for one).
        `after_first_frame`: work the title need not wait for (writing the story's cache), done once it shows."""
        self.frame()
        if os.environ.get("HUB_REPORT_FIRST_FRAME"):  # for `bench`: when the title was first on screen
            print(f"first frame at {time.time():.4f}", flush=True)
        for work in after_first_frame:
            work()
        if frames is None or frames > 1:
            self.services.images.preload(self.story)
        drawn = 1
        while self.running and (frames is None or drawn < frames):
            self.pause()
            self.frame()
            drawn += 1
        self._write_screenshots(wait=True)
        self.services.voice.close()
        self.services.audio.close()
        self.gamepad.close()
        self.player.close()
        pygame.quit()
        return 0


def play(story: Story, game: GameFolder | None = None, *, start: str | None = None, language: str | None = None,
         after_first_frame: Sequence[Callable[[], object]] = ()) -> int:
    """Open the window and play until the player quits; 2 when there is no display.

    HUB_EXIT_AFTER_FIRST_FRAME=1 draws one frame and stops (a build's smoke test)."""
    try:
        app = App(story, game, start=start, language=language)
    except NoDisplay as error:
        print(error, file=sys.stderr)
        return 2
    return app.run(frames=1 if os.environ.get("HUB_EXIT_AFTER_FIRST_FRAME") else None, after_first_frame=after_first_frame)
