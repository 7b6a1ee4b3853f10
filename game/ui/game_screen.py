"""The game screen: the story being played, with its choice, quick menu, skip, auto-forward,
hidden interface, quick save and load, screenshots and autosaves.

Time: everything here is measured on the app's clock; while a modal layer (the game menu,
a confirmation) is over this screen the app stops calling `update` and, when the layer
goes, calls `resume(seconds)`, which moves the beat's playback that much later.
"""

from __future__ import annotations

import dataclasses
import io
from typing import TYPE_CHECKING

import pygame
from PIL import Image

from game.beats import ChangeMusic, PlaySound
from game.playthrough import Playthrough
from game.reveal import BeatPlayback, Frame
from game.script.model import Choice, Ending, Line
from game.speech import choice_words, control_words, line_words
from game.ui.end_card import EndCardScreen
from game.ui.damage import Look, box, changed
from game.ui.layout import DIM_TEXT, HIGHLIGHT, SCREEN_SIZE
from game.ui.stage import Stage
from game.ui.placement import choice_rects, face_boxes
from game.ui.widgets import Buttons, Links, plates

if TYPE_CHECKING:
    from game.app import App
    from game.saves import Loaded

SKIP_RATE = 40.0  # lines a second while skipping (at least 30 asked; Ren'Py's default passes about 13)
SKIP_CATCH_UP = int(SKIP_RATE)  # most lines passed in one late frame: a second's worth, so the rate holds
ENDING_HOLD = 2.5  # seconds on an ending's final picture before the end card
AUTO_BASE = 1.2  # auto-forward waits this, plus a time per character, times the auto delay setting
AUTO_PER_CHAR = 0.035
AUTOSAVE_EVERY = 20  # lines
THUMBNAIL_SIZE = (256, 144)
CHOICE_GUARD = 0.5  # seconds: an option shown focused is not taken by a press meant for the line before

#: The quick menu under the text box, and the action each link stands for.
QUICK_MENU = {"Back": "rewind", "History": "history", "Skip": "skip_toggle", "Auto": "auto", "Save": "quick_save", "Load": "quick_load", "Menu": "game_menu"}
#: A right click on a link does its second action (Ren'Py's "alternate").
QUICK_ALTERNATES = {"Skip": "fast_skip", "Save": "screenshot"}
#: The actions the game screen answers, the first found winning (Escape is also "back").
ACTIONS = ("game_menu", "history", "help", "accessibility", "quick_save", "quick_load", "screenshot", "hide_interface", "fast_skip", "skip_toggle", "auto", "rewind", "forward", "advance")


class GameScreen:
    """The story being played: the stage, the choice, rewind, skip, auto and the quick menu."""

    modal = False

    def __init__(self, app: App, *, playthrough: Playthrough | None = None) -> None:
        self.app = app
        settings = app.settings
        self.stage = Stage(app.story, app.images, app.fonts, reduce_motion=settings.reduce_motion,
                           line_spacing=settings.line_spacing, high_contrast=settings.high_contrast)
        self._dimmer: pygame.Surface | None = None
        self.playthrough = playthrough or Playthrough(app.story, start=app.start, seen=app.seen)
        box = self.stage.layout
        self.quick = Links(list(QUICK_MENU), app.fonts["small"], right=box.box.right - 24, y=box.quick_menu_y)
        self.skip_held = False
        self.skip_on = False
        self.auto_on = False
        self._auto_from = 0.0  # auto-forward counts its wait from when the line was whole, or when it was turned on
        self.hidden = False  # H: the text box and quick menu are hidden until the next key or click
        self._hidden_at = 0.0  # ... and the story's time stands still meanwhile, as under a menu
        self._next_skip = 0.0
        self._lines_unsaved = 0
        self._loaded_at = self.playthrough.index if playthrough is not None else None  # no autosave of what was just loaded
        self._drawn_at = app.clock.now()
        self._drawn_look: Look | None = None  # what the last draw showed, to redraw only what changes
        self._first_focus: int | None = None  # the option focused when the choice appeared
        self._choice_at = 0.0
        self._play(instant=playthrough is not None)

    # -- moving through the story -------------------------------------------
    def _play(self, *, instant: bool) -> None:
        """Start playing the current beat; `instant` for rewound, replayed, skipped or loaded ones."""
        beat = self.playthrough.current
        settings = self.app.settings
        now = self.app.clock.now()
        breaks = self.stage.page_breaks(beat)
        transitions = settings.transitions and not settings.reduce_motion  # reduce motion: every transition is a cut
        self.playback = BeatPlayback(beat, cps=settings.text_cps, now=now, instant=instant, transitions=transitions, page_breaks=breaks)
        self.choice: Buttons | None = None
        self.choice_dims = False  # the options cover the stage, which is dimmed behind them
        if instant:
            music = beat.state.music
            self.app.audio.play_music(music.track, loop=music.loop)
        if self.playthrough.ended or self.playthrough.at_choice:
            self.auto_on = False  # auto-forward stops at the choice and at the end
        self._read_aloud(beat)
        self.app.seen.save()
        self.app.dirty = True

    def restyle(self) -> None:
        """The player changed the text's size, spacing, font or contrast: lay the line out again in the new box,
        shown whole on its new pages (a choice on show is placed afresh, clear of the box)."""
        settings = self.app.settings
        self.stage.high_contrast = settings.high_contrast
        self.stage.restyle(self.app.fonts, line_spacing=settings.line_spacing)
        beat = self.playthrough.current
        transitions = settings.transitions and not settings.reduce_motion
        self.playback = BeatPlayback(beat, cps=settings.text_cps, now=self.app.clock.now(), instant=True,
                                     transitions=transitions, page_breaks=self.stage.page_breaks(beat))
        if self.choice is not None:
            self._offer_choice(autosave=False)
        self.app.dirty = True

    def _read_aloud(self, beat) -> None:
        """The line as it appears: its own voice file when it has one (always, as in Ren'Py), else
        self-voicing's speech; the choice's prompt and options. A new beat cuts off the last one."""
        stop = beat.stop
        if isinstance(stop, Line) and stop.voice and self.app.audio.voice(stop.voice):
            self.app.voice.stop()
            return
        self.app.audio.voice(None)
        name = self._name(beat.speaker)
        if isinstance(stop, Line):
            self.app.speak(line_words(name, beat.text))
        elif isinstance(stop, Choice):
            prompt = line_words(name, beat.text) if beat.text else ""
            self.app.speak(choice_words(prompt, [option.text for option in beat.options], taken=self.playthrough.option_taken()))

    def _name(self, speaker: str | None) -> str | None:
        character = self.app.story.characters.get(speaker) if speaker else None
        return character.name if character else speaker

    def focus_words(self) -> str | None:
        """The option the player has moved the focus to (the options themselves are read with the prompt)."""
        if self.choice is None or self.choice.selected is None or self.choice.selected == self._first_focus:
            return None
        self._first_focus = None  # moved once: every option focused from now on is read, the first too
        return control_words(self.choice.labels[self.choice.selected])

    def _moved_on(self) -> None:
        """A new line was reached: every `AUTOSAVE_EVERY` of them, an autosave (not mid-skip)."""
        self._lines_unsaved += 1
        if self._lines_unsaved >= AUTOSAVE_EVERY and not self.skipping:
            self.app.autosave()

    def saved(self) -> None:
        """An autosave was just made: the count of lines starts again."""
        self._lines_unsaved = 0

    def advance(self, now: float) -> None:
        """Space, Enter or a click: finish what is moving, else go on."""
        if self.playback.click(now):
            return
        stop = self.playthrough.current.stop
        if isinstance(stop, Line):
            replay = self.playthrough.rewound
            self.playthrough.advance()
            self._play(instant=replay)
            if not replay:
                self._moved_on()
        elif isinstance(stop, Ending):
            self.app.show(EndCardScreen(self.app, stop.name, shown=self.playthrough.current.text))

    def rewind(self) -> None:
        self.skip_on = False
        if self.playthrough.rewind():
            self._play(instant=True)

    def forward(self) -> None:
        if self.playthrough.forward():
            self._play(instant=True)

    def go_to(self, index: int) -> None:
        """Stand at beat `index` (a History entry), shown whole, the beats ahead kept for rolling forward."""
        self.skip_on = self.auto_on = False
        self.playthrough.go_to(index)
        self._play(instant=True)

    def choose(self, option: int) -> None:
        replay = self.playthrough.option_taken() == option
        self.playthrough.choose(option)
        self._play(instant=replay)
        if not self.app.settings.skip_after_choice:
            self.skip_on = False
        elif self.skip_on:
            self._next_skip = self.app.clock.now()

    def load(self, loaded: Loaded) -> None:
        """Show a loaded playthrough, whole at once, and say so (or what loading had to mend)."""
        self.playthrough = loaded.playthrough
        self._loaded_at = self.playthrough.index
        self.skip_on = self.skip_held = self.auto_on = self.hidden = False
        self._lines_unsaved = 0
        self._play(instant=True)
        self.app.notify(loaded.notice or "Loaded")

    @property
    def skipping(self) -> bool:
        return self.skip_held or self.skip_on

    def _can_skip(self) -> bool:
        """Whether skip may pass the current beat (it stops at the choice and unread lines)."""
        if self.app.settings.skip_unseen:
            return isinstance(self.playthrough.current.stop, Line)
        return self.playthrough.next_is_seen()

    def _start_skip(self) -> None:
        self._next_skip = self.app.clock.now()
        self.auto_on = False

    # -- input --------------------------------------------------------------
    def handle(self, actions: frozenset[str], event: pygame.event.Event, point: tuple[int, int] | None) -> None:
        if self.hidden:
            self._unhide(event)
            return
        if "skip" in actions:
            self.skip_held = event.type == pygame.KEYDOWN
            if self.skip_held:
                self._start_skip()
            return
        now = self.app.clock.now()
        if event.type == pygame.MOUSEMOTION and point is not None:
            self.quick.hovered = self.quick.at(point) if self._quick_shown(now) else None
        if event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP) and point is not None and self._quick_shown(now):
            if (link := self.quick.at(point)) is not None:
                if event.type == pygame.MOUSEBUTTONUP:
                    label = self.quick.labels[link]
                    action = QUICK_MENU[label] if event.button == 1 else QUICK_ALTERNATES.get(label) if event.button == 3 else None
                    if action is not None:
                        self.do(action, now)
                return
        if self.choice is not None:
            if now - self._choice_at < CHOICE_GUARD and event.type == pygame.KEYDOWN:
                actions = actions - {"activate"}  # the option focused at once is not taken by a press meant for the line
            option = self.choice.handle(actions, event, point)
            if option is not None:
                self.choose(option)
                return
            if event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEMOTION):
                return  # at the choice a click picks an option or nothing
        action = next((a for a in ACTIONS if a in actions), None)
        if action is not None:
            self.do(action, now)

    def _unhide(self, event: pygame.event.Event) -> None:
        """The key or click that brings the interface back does nothing else."""
        if event.type == pygame.KEYDOWN or event.type == pygame.MOUSEBUTTONUP:
            self.hidden = False
            self.resume(self.app.clock.now() - self._hidden_at)

    def do(self, action: str, now: float) -> None:
        """Carry out one action from the keymap (or the quick menu)."""
        if action in ("game_menu", "history", "help", "accessibility"):
            self.skip_on = self.skip_held = False
            self.app.open_menu({"game_menu": "save"}.get(action, action))
        elif action == "quick_save":
            self.quick_save()
        elif action == "quick_load":
            self.app.quick_load()
        elif action == "screenshot":
            self.screenshot()
        elif action == "hide_interface":
            self.hidden, self._hidden_at = True, now
        elif action == "fast_skip":
            self.fast_skip()
        elif action == "skip_toggle":
            self.skip_on = not self.skip_on
            if self.skip_on:
                self._start_skip()
        elif action == "auto":
            self.auto_on, self._auto_from = not self.auto_on, now
            self.skip_on = False
        elif action == "rewind":
            self.rewind()
        elif action == "forward":
            self.forward()
        elif action == "advance":
            if self.skip_on:
                self.skip_on = False  # a click while skipping stops it, as in Ren'Py
            else:
                self.advance(now)

    def fast_skip(self) -> None:
        """`>`: straight to the next choice or unread line, showing only where it lands."""
        self.auto_on = False
        if self.playthrough.fast_skip(everything=self.app.settings.skip_unseen):
            self._play(instant=True)
            self._moved_on()

    def quick_save(self) -> None:
        if self.app.saves.quick_save(self.playthrough, thumbnail_png=self.thumbnail_png()):
            self.app.notify("Saved")
        else:
            self.app.notify("Could not save")

    # -- pictures -----------------------------------------------------------
    def _render(self) -> pygame.Surface:
        """This screen alone (no menu, confirmation or notice over it), as last drawn."""
        surface = pygame.Surface(SCREEN_SIZE).convert()
        on_screen = self._drawn_look
        self.draw(surface, self._drawn_at)
        self._drawn_look = on_screen  # what the window shows is unchanged: only it counts for redrawing
        return surface

    def thumbnail_png(self) -> bytes:
        """A small PNG of the game screen without any overlay, for a save slot."""
        return png(pygame.transform.smoothscale(self._render(), THUMBNAIL_SIZE))

    def screenshot(self) -> None:
        """`S`: the game screen as a PNG into the data folder's screenshots/ (the app says when it is written)."""
        self.app.save_screenshot(self._render())

    # -- time ---------------------------------------------------------------
    def resume(self, paused_for: float) -> None:
        """A modal layer over this screen has gone: its time did not count."""
        self.playback.delay(paused_for)
        self._next_skip += paused_for
        self._auto_from += paused_for

    def update(self, now: float) -> None:
        if self.hidden:
            return
        for event in self.playback.due(now):
            if isinstance(event, PlaySound):
                self.app.audio.sound(event.name)
            elif isinstance(event, ChangeMusic):
                self.app.audio.music(event.music)
        if self.skipping:
            self._skip(now)
        elif self._auto_due(now) or self.playback.auto_advance_due(now) or self._ending_held(now):
            self.advance(now)
        if self.choice is None and self.playthrough.at_choice and self.playback.complete(now):
            self._offer_choice()

    def _skip(self, now: float) -> None:
        """Pass read lines at `SKIP_RATE`, catching up a few when frames come late."""
        passed = 0
        while now >= self._next_skip and passed < SKIP_CATCH_UP:
            if not self._can_skip() or not self.playthrough.skip(everything=self.app.settings.skip_unseen):
                self._skip_stopped()
                break
            passed += 1
            self._next_skip += 1 / SKIP_RATE
        self._next_skip = max(self._next_skip, now - 1 / SKIP_RATE)  # a long stall does not bank lines
        if passed:
            self._play(instant=True)
            for _ in range(passed):
                self._moved_on()

    def _skip_stopped(self) -> None:
        """Skip stops at unread lines and, unless the settings say go on, at the choice."""
        if not (self.playthrough.at_choice and self.app.settings.skip_after_choice):
            self.skip_on = False

    def _auto_wait(self) -> float:
        stop = self.playthrough.current.stop
        characters = len(self.playthrough.current.text) if isinstance(stop, Line) else 0
        return self.app.settings.auto_delay * (AUTO_BASE + AUTO_PER_CHAR * characters)

    def _auto_due(self, now: float) -> bool:
        """Auto-forward: the line (or its part before a {pause}) has been whole long enough."""
        if not self.auto_on or not isinstance(self.playthrough.current.stop, Line):
            return False
        since = self._auto_waiting_since(now)
        return since is not None and now >= since + self._auto_wait()

    def _auto_waiting_since(self, now: float) -> float | None:
        since = self.playback.waiting_since(now)
        return None if since is None else max(since, self._auto_from)

    def _ending_held(self, now: float) -> bool:
        """The ending's final picture has been up long enough: on to the end card."""
        done = self.playback.completed_at(now)
        return self.playthrough.ended and done is not None and now >= done + ENDING_HOLD

    def _offer_choice(self, *, autosave: bool = True) -> None:
        """The options, in a column clear of the characters' faces (`game.ui.placement`), and an autosave."""
        assert isinstance(self.playthrough.current.stop, Choice)
        shown = self.playthrough.current.options  # hidden options are left out
        count = len(shown)
        rects, self.choice_dims = choice_rects(count, face_boxes(self.app.images, self.playthrough.current.state.scene), above=self.stage.layout.box.top)
        labels = [option.text for option in shown]
        # Nothing is selected at first, so a Space pressed to finish the prompt can never pick an option.
        self.choice = Buttons(labels, rects, plates(self.app.images, rects[0].size), self.app.fonts["ui"], numbered=True, marked=self.playthrough.option_taken(), audio=self.app.audio, contrast=self.app.settings.high_contrast)
        # With the keyboard or a pad in use the first option shows the focus at once (guarded by CHOICE_GUARD).
        self.choice.selected = self._first_focus = 0 if self.app.keyboard_used else None
        self._choice_at = self.app.clock.now()
        if autosave and not self.playthrough.rewound and self.playthrough.index != self._loaded_at:
            self.app.autosave()
        self.app.dirty = True

    def _waiting_for(self, now: float) -> float | None:
        """How long the text has been waiting for a click, if it is."""
        since = self.playback.waiting_since(now)
        return None if since is None else now - since

    def next_change(self, now: float) -> float | None:
        if self.hidden:
            return None
        if self.skipping and self._can_skip():
            return max(0.0, self._next_skip - now)
        if self.stage.animating(self._waiting_for(now)):
            return 0.0
        waits = [self.playback.next_change(now), self.stage.next_blink(now)]
        if self.auto_on and (since := self._auto_waiting_since(now)) is not None:
            waits.append(max(0.0, since + self._auto_wait() - now))
        if self.playthrough.ended and (done := self.playback.completed_at(now)) is not None:
            waits.append(max(0.0, done + ENDING_HOLD - now))
        return min((w for w in waits if w is not None), default=None)

    # -- drawing --------------------------------------------------------------
    def _veil(self) -> pygame.Surface:
        """A dark veil over the stage, behind options that have to cover it."""
        if self._dimmer is None:
            self._dimmer = pygame.Surface(SCREEN_SIZE).convert()
            self._dimmer.set_alpha(150)
        return self._dimmer

    def _quick_shown(self, now: float) -> bool:
        return not self.hidden and self.playback.frame(now).text_shown

    def _shown(self, now: float) -> tuple[Frame, float | None, float | None]:
        """What `draw` shows at `now`: the frame, how long the text has waited, and the sprites' time (None: still)."""
        if self.hidden:
            return dataclasses.replace(self.playback.frame(self._hidden_at), text_shown=False), None, None
        frame = self.playback.frame(now)
        # The characters blink and breathe only while the player reads: a line waiting, or the choice.
        alive = not self.skipping and (frame.waiting or self.choice is not None)
        return frame, None if self.skipping else self._waiting_for(now), now if alive else None

    def _look(self, now: float) -> Look:
        """What this screen shows at `now`, by region (`game.ui.damage`)."""
        frame, waiting_for, sprites_at = self._shown(now)
        beat = self.playthrough.current
        whole = (id(self.playback), id(beat), dataclasses.replace(frame, chars=0, waiting=False, complete=False), self.hidden,
                 id(self.choice), self.choice_dims, self.skipping, self.auto_on, self.playthrough.rewound, self.quick.hovered)
        parts = {"text": (box(self.stage.clip), frame.chars if frame.text_shown else None)}
        indicator = self.stage.indicator_box(waiting_for) if frame.text_shown and waiting_for is not None and isinstance(beat.stop, Line) else None
        parts["indicator"] = (None if indicator is None else box(indicator), None)
        if frame.blend_from is None or frame.blend >= 1.0:
            for i, (rect, blink, breath) in enumerate(self.stage.sprite_looks(frame.scene, now=sprites_at)):
                parts[f"sprite {i}"] = (box(rect), (blink, breath))
        return Look(whole, parts)

    def dirty_regions(self, now: float) -> list[pygame.Rect] | None:
        """The canvas regions that changed since the last draw: [] for none, None for everything."""
        return changed(self._drawn_look, self._look(now))

    def draw(self, canvas: pygame.Surface, now: float) -> None:
        self._drawn_at = now
        self._drawn_look = self._look(now)
        beat = self.playthrough.current
        frame, waiting_for, sprites_at = self._shown(now)
        self.stage.draw(canvas, beat, frame, waiting_for=waiting_for, now=sprites_at)
        if self.hidden:
            return
        if self.choice is not None:
            if self.choice_dims:
                canvas.blit(self._veil(), (0, 0))
            self.choice.draw(canvas)
        if frame.text_shown:
            lit = {i for i, label in enumerate(self.quick.labels) if (label == "Skip" and self.skipping) or (label == "Auto" and self.auto_on)}
            self.quick.draw(canvas, lit=lit)
        self._status(canvas)

    def _status(self, canvas: pygame.Surface) -> None:
        """A quiet corner note while skipping, on auto or rewound."""
        if self.skipping:
            text, colour = "Skipping \u00bb", HIGHLIGHT
        elif self.auto_on:
            text, colour = "Auto \u203a", HIGHLIGHT
        elif self.playthrough.rewound:
            text, colour = "\u00ab Rewound \u00b7 scroll down or Page Down to return", DIM_TEXT
        else:
            return
        label = self.app.fonts["small"].render(text, True, colour)
        shadow = self.app.fonts["small"].render(text, True, (0, 0, 0))
        at = label.get_rect(topright=(SCREEN_SIZE[0] - 24, 18))
        canvas.blit(shadow, at.move(1, 1))
        canvas.blit(label, at)


def png(surface: pygame.Surface) -> bytes:
    """`surface` as PNG file contents, lightly compressed: four times faster than pygame's own
    PNG for a file a sixth larger (a quick save's thumbnail is part of its 30 ms)."""
    buffer = io.BytesIO()
    Image.frombytes("RGB", surface.get_size(), pygame.image.tobytes(surface, "RGB")).save(buffer, "PNG", compress_level=1)
    return buffer.getvalue()
