"""The game screen: the story being played, with its choice, quick menu, skip, auto-forward,
hidden interface, quick save and load, screenshots and autosaves.

Time: everything here is measured on the story's clock, this layer's own clock (which the stack
pauses while a modal layer covers it) paused again while the interface is hidden; so a menu or
a hidden text box never shifts a timestamp. Each action of the keymap is an `action_<name>`
method (`game.ui.layer.dispatch`); the quick menu's links name the same actions.
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Hashable
from typing import TYPE_CHECKING

import pygame
from PIL import Image

from game.beats import ChangeMusic, PlaySound
from game.playthrough import Playthrough
from game.reveal import BeatPlayback, Frame
from game.script.model import Choice, Ending, Line
from game.speech import choice_words, control_words, line_words
from game.saves import QUICK
from game.ui.damage import Box, Look, box, changed
from game.ui.host import Host, load_or_tell
from game.ui.input import Input
from game.ui.layer import PausableClock, dispatch
from game.ui.layout import DIM_TEXT, HIGHLIGHT, SCREEN_SIZE
from game.ui.stage import Stage
from game.ui.placement import choice_rects, face_boxes
from game.ui.widgets import Buttons, Links, plates
from game.ui import paint
from game.ui.canvas import still
from game.i18n.interface import ui_text

if TYPE_CHECKING:
    from game.beats import Beat
    from game.settings import Settings

SKIP_RATE = 40.0  # lines a second while skipping (at least 30 asked; Ren'Py's default passes about 13)
SKIP_CATCH_UP = int(SKIP_RATE)  # most lines passed in one late frame: a second's worth, so the rate holds
ENDING_HOLD = 2.5  # seconds on an ending's final picture before the end card
AUTO_BASE = 1.2  # auto-forward waits this, plus a time per character, times the auto delay setting
AUTO_PER_CHAR = 0.035
AUTOSAVE_EVERY = 20  # lines
THUMBNAIL_SIZE = (256, 144)
CHOICE_GUARD = 0.5  # seconds: an option shown focused is not taken by a press meant for the line before

#: The quick menu under the text box, and the action each link stands for (Ren'Py's order and names).
QUICK_MENU = {"Back": "rewind", "History": "history", "Skip": "skip_toggle", "Auto": "auto", "Save": "save_page", "Q.Save": "quick_save",
              "Q.Load": "quick_load", "Load": "load_page", "Menu": "game_menu"}  # fmt: skip
#: A right click on a link does its second action (Ren'Py's "alternate").
QUICK_ALTERNATES = {"Skip": "fast_skip", "Save": "screenshot"}


class GameScreen:
    """The story being played: the stage, the choice, rewind, skip, auto and the quick menu."""

    modal = False

    def __init__(self, host: Host, playthrough: Playthrough | None = None, *, start: str | None = None) -> None:
        """A new game from `start` (default: the game's), or `playthrough`, one just loaded."""
        self.host = host
        self.clock = host.new_clock()
        self.story_clock = PausableClock(self.clock)  # also stands still while the interface is hidden
        self.settings = settings = host.player.settings
        self._fonts = host.services.fonts  # the fonts laid out with: new ones (a new size or family) mean a restyle
        self.stage = Stage(host.story, host.services.images, self._fonts, reduce_motion=settings.reduce_motion,
                           line_spacing=settings.line_spacing, high_contrast=settings.high_contrast)
        self._veil = still(pygame.Surface(SCREEN_SIZE).convert())  # a dark veil over the stage, behind options that have to cover it
        self._veil.set_alpha(150)
        self._band: pygame.Surface | None = None  # behind the quick menu (`_quick_band`), kept for its size
        self.playthrough = playthrough or Playthrough(host.story, start=start or host.game.start, seen=host.player.seen)
        box = self.stage.layout
        self.quick = Links(list(QUICK_MENU), self._fonts["small"], right=box.box.right - 24, y=box.quick_menu_y)
        self.skip_held = False
        self.skip_on = False
        self.auto_on = False
        self._auto_from = 0.0  # auto-forward counts its wait from when the line was whole, or when it was turned on
        self.hidden = False  # H: the text box and quick menu are hidden until the next key or click
        self._next_skip = 0.0
        self._lines_unsaved = 0
        self._loaded_at = self.playthrough.index if playthrough is not None else None  # no autosave of what was just loaded
        self._ending_shown = False  # the end card has been asked for: nothing left to autosave
        self._drawn_look: Look | None = None  # what the stack last drew, to redraw only what changes
        self._drawn_shows: tuple[int, int, int] | None = None  # ... and its beat and choice (`_shows`)
        self._first_focus: int | None = None  # the option focused when the choice appeared
        self._choice_at = 0.0
        self._kept = self._place()  # where the last save or load left the player: nothing to lose by loading from there
        self._play(instant=playthrough is not None)

    def now(self) -> float:
        """The story's time: this layer's clock, less the time the interface was hidden."""
        return self.story_clock.now()

    # -- moving through the story -------------------------------------------
    def _play(self, *, instant: bool) -> None:
        """Start playing the current beat; `instant` for rewound, replayed, skipped or loaded ones."""
        beat = self.playthrough.current
        self.playback = self._playback(beat, instant=instant)
        self.choice: Buttons | None = None
        self.choice_dims = False  # the options cover the stage, which is dimmed behind them
        if instant:
            music = beat.state.music
            self.host.services.audio.play_music(music.track, loop=music.loop)
        if self.playthrough.ended or self.playthrough.at_choice:
            self.auto_on = False  # auto-forward stops at the choice and at the end
        self._read_aloud(beat)
        self.host.player.seen.save()

    def _playback(self, beat: Beat, *, instant: bool) -> BeatPlayback:
        settings = self.settings
        transitions = settings.transitions and not settings.reduce_motion  # reduce motion: every transition is a cut
        carried = self._carried_line(beat)
        if carried is not None:  # already read: shown whole (its last page), not typed again
            playback = BeatPlayback(carried, cps=0, now=self.now(), instant=instant, transitions=transitions, page_breaks=self.stage.page_breaks(carried))
            playback.part = len(playback.parts) - 1
            return playback
        return BeatPlayback(beat, cps=settings.text_cps, now=self.now(), instant=instant, transitions=transitions, page_breaks=self.stage.page_breaks(beat))

    def _carried_line(self, beat: Beat) -> Beat | None:
        """A choice with no prompt keeps the line before it on screen, above its options (as
        Ren'Py's `menu` after a `say` and ink's players do): the choice's beat shown with that
        line's words and speaker. None when there is a prompt, no line just before it in this
        playthrough, or a new background between (the line belonged to the scene before)."""
        stop, number = beat.stop, self.playthrough.index
        if not isinstance(stop, Choice) or beat.segments or number < 1 or beat is not self.playthrough.current:
            return None
        line = self.playthrough.beats[number - 1]
        if not isinstance(line.stop, Line) or beat.before.background != beat.state.scene.background:
            return None
        return dataclasses.replace(beat, stop=dataclasses.replace(stop, speaker=line.speaker), segments=line.segments)

    def settings_changed(self, settings: Settings) -> None:
        """New settings: the stage's motion, the line's speed from the story's moment, and a new
        layout when the text's size, spacing, font or contrast changed."""
        old, self.settings = self.settings, settings
        self.stage.reduce_motion = settings.reduce_motion
        fonts = self.host.services.fonts
        if fonts is not self._fonts or (old.line_spacing, old.high_contrast) != (settings.line_spacing, settings.high_contrast):
            self._fonts = fonts
            self._restyle()
        self.playback.set_speed(settings.text_cps, self.now())

    def _restyle(self) -> None:
        """Lay the line out again in the new box, shown whole on its new pages (a choice on show is
        placed afresh, clear of the box)."""
        self.stage.high_contrast = self.settings.high_contrast
        self.stage.restyle(self._fonts, line_spacing=self.settings.line_spacing)
        self.playback = self._playback(self.playthrough.current, instant=True)
        if self.choice is not None:
            self._offer_choice(autosave=False)

    def _read_aloud(self, beat: Beat) -> None:
        """The line as it appears: its own voice file when it has one (always, as in Ren'Py), else
        self-voicing's speech; the choice's prompt and options. A new beat cuts off the last one."""
        stop = beat.stop
        audio = self.host.services.audio
        if isinstance(stop, Line) and stop.voice and audio.voice(stop.voice):
            self.host.services.voice.stop()
            return
        audio.voice(None)
        name = self.host.story.shown_name(beat.speaker)
        if isinstance(stop, Line):
            self.host.speak(line_words(name, beat.text))
        elif isinstance(stop, Choice):
            prompt = line_words(name, beat.text) if beat.text else ""
            self.host.speak(choice_words(prompt, [option.text for option in beat.options], taken=self.playthrough.option_taken()))

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
            self.autosave()

    def autosave(self) -> bool:
        """This playthrough into the rotating autosave slots; the count of lines starts again."""
        done = self.host.player.saves.autosave(self.playthrough, thumbnail_png=self.thumbnail_png())
        self._lines_unsaved = 0
        if done:
            self.kept()
        return done

    def _place(self) -> tuple[int, str]:
        return self.playthrough.index, self.playthrough.current.id

    def kept(self) -> None:
        """The player's place was just saved (or loaded): loading now loses nothing."""
        self._kept = self._place()

    def unsaved(self) -> bool:
        """Whether the player has moved since the last save or load (a quick load would lose that)."""
        return self._kept != self._place()

    def closed(self) -> None:
        """Leaving the game (for the title, a new game or quitting): an autosave, unless the story has ended."""
        if not self._ending_shown:
            self.autosave()

    def advance(self) -> None:
        """Space, Enter or a click: finish what is moving, else go on."""
        if self.playback.click(self.now()):
            return
        stop = self.playthrough.current.stop
        if isinstance(stop, Line):
            replay = self.playthrough.rewound
            self.playthrough.advance()
            self._play(instant=replay)
            if not replay:
                self._moved_on()
        elif isinstance(stop, Ending):
            self._ending_shown = True
            self.host.show_end_card(stop.name, shown=self.playthrough.current.text)

    def go_to(self, index: int) -> None:
        """Stand at beat `index` (a History entry), shown whole, the beats ahead kept for rolling forward."""
        self.skip_on = self.auto_on = False
        self.playthrough.go_to(index)
        self._play(instant=True)

    def choose(self, option: int) -> None:
        replay = self.playthrough.option_taken() == option
        self.playthrough.choose(option)
        self._play(instant=replay)
        if not self.settings.skip_after_choice:
            self.skip_on = False
        elif self.skip_on:
            self._next_skip = self.now()

    def load(self, playthrough: Playthrough, notice: str | None = None) -> None:
        """Show a loaded playthrough, whole at once, and say so (`notice`: what loading had to mend)."""
        self.playthrough = playthrough
        self._loaded_at = self.playthrough.index
        self.skip_on = self.skip_held = self.auto_on = False
        self._show_interface()
        self._lines_unsaved = 0
        self._play(instant=True)
        self.kept()
        self.host.notify(notice or ui_text("Loaded"))

    @property
    def skipping(self) -> bool:
        return self.skip_held or self.skip_on

    def _can_skip(self) -> bool:
        """Whether skip may pass the current beat (it stops at the choice and unread lines)."""
        if self.settings.skip_unseen:
            return isinstance(self.playthrough.current.stop, Line)
        return self.playthrough.next_is_seen()

    def _start_skip(self) -> None:
        self._next_skip = self.now()
        self.auto_on = False

    # -- input --------------------------------------------------------------
    def handle(self, input: Input) -> None:
        if self.hidden:
            if (input.pressed and not input.pointer) or (input.pointer and input.released):
                self._show_interface()  # the key or click that brings the interface back does nothing else
            return
        if input.pointer and self._quick_link(input):
            return
        if self.choice is not None and "skip" not in input:
            if self.now() - self._choice_at < CHOICE_GUARD and input.pressed and not input.pointer:
                input = dataclasses.replace(input, actions=input.actions - {"activate"})  # the option focused at once is not taken by a press meant for the line
            option = self.choice.handle(input)
            if option is not None:
                self.choose(option)
                return
            if input.pointer and input.kind in ("press", "move"):
                return  # at the choice a click picks an option or nothing
        dispatch(self, input)

    def _quick_link(self, input: Input) -> bool:
        """The pointer on the quick menu: a link clicked does its action (a right click its alternate).
        True if the input was on a link."""
        if not self._quick_shown():
            self.quick.hovered = None
            return False
        link, on_link = self.quick.handle(input)
        if link is not None:
            label = self.quick.labels[link]
            action = QUICK_MENU[label] if input.button == 1 else QUICK_ALTERNATES.get(label) if input.button == 3 else None
            if action is not None:
                dispatch(self, dataclasses.replace(input, actions=frozenset({action})))
        return on_link

    def _show_interface(self) -> None:
        if self.hidden:
            self.hidden = False
            self.story_clock.resume()

    def _open(self, page: str) -> None:
        self.skip_on = self.skip_held = False
        self.host.open_page(page)

    def action_game_menu(self, input: Input) -> None:
        self._open("save")

    def action_history(self, input: Input) -> None:
        self._open("history")

    def action_help(self, input: Input) -> None:
        self._open("help")

    def action_accessibility(self, input: Input) -> None:
        self._open("accessibility")

    def action_save_page(self, input: Input) -> None:
        self._open("save")

    def action_load_page(self, input: Input) -> None:
        self._open("load")

    def action_quick_save(self, input: Input) -> None:
        if self.host.player.saves.quick_save(self.playthrough, thumbnail_png=self.thumbnail_png()):
            self.kept()
            self.host.notify(ui_text("Saved"))
        else:
            self.host.notify(ui_text("Could not save"))

    def action_quick_load(self, input: Input) -> None:
        """The quick save, asked about first when it would lose unsaved progress (unless the settings say not)."""
        if not self.can_quick_load():
            self.host.notify(ui_text("No quick save yet"))
        elif self.settings.confirm_quick_load and self.unsaved():
            self.skip_on = self.skip_held = False
            self.host.confirm(ui_text("Load the quick save?"), self._quick_load, detail=ui_text("What you have read since your last save will be lost."))
        else:
            self._quick_load()

    def _quick_load(self) -> None:
        player = self.host.player
        if (loaded := load_or_tell(self.host, lambda: player.saves.quick_load(seen=player.seen))) is not None:
            self.load(loaded.playthrough, loaded.notice)

    def can_quick_load(self) -> bool:
        return self.host.player.saves.info(QUICK).filled

    def action_screenshot(self, input: Input) -> None:
        self.screenshot()

    def action_hide_interface(self, input: Input) -> None:
        self.hidden = True
        self.story_clock.pause()

    def action_fast_skip(self, input: Input) -> None:
        """`>`: straight to the next choice or unread line, showing only where it lands."""
        self.auto_on = False
        if self.playthrough.fast_skip(everything=self.settings.skip_unseen):
            self._play(instant=True)
            self._moved_on()

    def action_skip(self, input: Input) -> None:
        """Held (Ctrl, the right trigger): skip from the press to the release."""
        self.skip_held = input.pressed
        if self.skip_held:
            self._start_skip()

    def action_skip_toggle(self, input: Input) -> None:
        self.skip_on = not self.skip_on
        if self.skip_on:
            self._start_skip()

    def action_auto(self, input: Input) -> None:
        self.auto_on, self._auto_from = not self.auto_on, self.now()
        self.skip_on = False

    def action_rewind(self, input: Input) -> None:
        self.skip_on = False
        if self.playthrough.rewind():
            self._play(instant=True)

    def action_forward(self, input: Input) -> None:
        if self.playthrough.forward():
            self._play(instant=True)

    def action_choose(self, input: Input) -> bool:
        """A digit key at the choice: the option of that number."""
        if self.choice is None or input.digit is None or input.digit > len(self.choice.labels):
            return False
        self.choose(self.choice.choose(input.digit - 1))
        return True

    def action_advance(self, input: Input) -> None:
        if self.skip_on:
            self.skip_on = False  # a click while skipping stops it, as in Ren'Py
        else:
            self.advance()

    # -- pictures -----------------------------------------------------------
    def _render(self) -> pygame.Surface:
        """This screen alone (no menu, confirmation or notice over it, no quick menu or corner
        note in it), as it is now: the picture of a save or a screenshot."""
        surface = pygame.Surface(SCREEN_SIZE).convert()
        self._draw(surface, chrome=False)
        return surface

    def thumbnail_png(self) -> bytes:
        """A small PNG of the game screen without any overlay, for a save slot."""
        return png(pygame.transform.smoothscale(self._render(), THUMBNAIL_SIZE))

    def screenshot(self) -> None:
        """`S`: the game screen as a PNG into the data folder's screenshots/ (the host says when it is written)."""
        self.host.save_screenshot(self.draw)

    # -- time ---------------------------------------------------------------
    def update(self) -> None:
        if self.hidden:
            return
        now = self.now()
        audio = self.host.services.audio
        for event in self.playback.due(now):
            if isinstance(event, PlaySound):
                audio.sound(event.name)
            elif isinstance(event, ChangeMusic):
                audio.music(event.music)
        if self.skipping:
            self._skip(now)
        elif self._auto_due(now) or self.playback.auto_advance_due(now) or self._ending_held(now):
            self.advance()
        if self.choice is None and self.playthrough.at_choice and self.playback.complete(self.now()):
            self._offer_choice()

    def _skip(self, now: float) -> None:
        """Pass read lines at `SKIP_RATE`, catching up a few when frames come late."""
        passed = 0
        while now >= self._next_skip and passed < SKIP_CATCH_UP:
            if not self._can_skip() or not self.playthrough.skip(everything=self.settings.skip_unseen):
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
        if not (self.playthrough.at_choice and self.settings.skip_after_choice):
            self.skip_on = False

    def _auto_wait(self) -> float:
        stop = self.playthrough.current.stop
        characters = len(self.playthrough.current.text) if isinstance(stop, Line) else 0
        return self.settings.auto_delay * (AUTO_BASE + AUTO_PER_CHAR * characters)

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
        services = self.host.services
        rects, self.choice_dims = choice_rects(len(shown), face_boxes(services.images, self.playthrough.current.state.scene), above=self.stage.layout.box.top)
        labels = [option.text for option in shown]
        # Nothing is selected at first, so a Space pressed to finish the prompt can never pick an option.
        self.choice = Buttons(labels, rects, plates(services.images, rects[0].size), self._fonts["ui"], marked=self.playthrough.option_taken(),
                              audio=services.audio, contrast=self.settings.high_contrast)
        # With the keyboard or a pad in use the first option shows the focus at once (guarded by CHOICE_GUARD).
        self.choice.selected = self._first_focus = 0 if self.host.keyboard_used else None
        self._choice_at = self.now()
        if autosave and not self.playthrough.rewound and self.playthrough.index != self._loaded_at:
            self.autosave()

    def _waiting_for(self, now: float) -> float | None:
        """How long the text has been waiting for a click, if it is."""
        since = self.playback.waiting_since(now)
        return None if since is None else now - since

    def next_change(self) -> float | None:
        if self.hidden:
            return None
        now = self.now()
        if self._look_changed():
            return 0.0  # a new beat or choice from `update`: shown at once
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
    def _quick_shown(self) -> bool:
        return not self.hidden and self.playback.frame(self.now()).text_shown

    def _shown(self, now: float) -> tuple[Frame, float | None, float | None]:
        """What `draw` shows at `now`: the frame, how long the text has waited, and the sprites' time (None: still)."""
        if self.hidden:
            return dataclasses.replace(self.playback.frame(now), text_shown=False), None, None
        frame = self.playback.frame(now)
        # The characters blink and breathe only while the player reads: a line waiting, or the choice.
        alive = not self.skipping and (frame.waiting or self.choice is not None)
        return frame, None if self.skipping else self._waiting_for(now), now if alive else None

    def _look(self, now: float) -> Look:
        """What this screen shows at `now`, by region (`game.ui.damage`)."""
        frame, waiting_for, sprites_at = self._shown(now)
        beat = self.playthrough.current
        whole = (id(self.playback), id(beat), dataclasses.replace(frame, chars=0, waiting=False, complete=False), self.hidden,
                 id(self.choice), self.choice_dims, self.skipping, self.auto_on, self.playthrough.rewound, self.quick.hovered, self._chrome())
        parts: dict[str, tuple[Box | None, Hashable]] = {"text": (box(self.stage.clip), frame.chars if frame.text_shown else None)}
        indicator = self.stage.indicator_box(waiting_for) if frame.text_shown and waiting_for is not None and isinstance(beat.stop, Line) else None
        parts["indicator"] = (None if indicator is None else box(indicator), None)
        if frame.blend_from is None or frame.blend >= 1.0:
            for i, (rect, blink, breath) in enumerate(self.stage.sprite_looks(frame.scene, now=sprites_at)):
                parts[f"sprite {i}"] = (box(rect), (blink, breath))
        return Look(whole, parts)

    def _shows(self) -> tuple[int, int, int]:
        """The beat's playback, the beat and the choice on show, by identity."""
        return id(self.playback), id(self.playthrough.current), id(self.choice)

    def _look_changed(self) -> bool:
        """Whether the beat or the choice changed since the stack last drew this screen."""
        return self._drawn_shows != self._shows()

    def dirty_regions(self) -> list[pygame.Rect] | None:
        """The regions that changed since the stack last asked ([] for none, None for everything): the
        stack asks at each draw, so what it answers is taken as drawn."""
        look = self._look(self.now())
        regions = changed(self._drawn_look, look)
        self._drawn_look, self._drawn_shows = look, self._shows()
        return regions

    def _chrome(self) -> bool:
        """Whether the quick menu and the corner note show: not while a menu or question covers the game."""
        return not self.clock.paused

    def draw(self, canvas: pygame.Surface) -> None:
        self._draw(canvas, chrome=self._chrome())

    def _draw(self, canvas: pygame.Surface, *, chrome: bool) -> None:
        """The stage, the choice and, with `chrome`, the quick menu and the corner note."""
        beat = self.playback.beat  # the current beat, or a choice shown with the line before it
        frame, waiting_for, sprites_at = self._shown(self.now())
        self.stage.draw(canvas, beat, frame, waiting_for=waiting_for, now=sprites_at)
        if self.hidden:
            return
        if self.choice is not None:
            if self.choice_dims:
                canvas.blit(self._veil, (0, 0))
            self.choice.draw(canvas)
        if not chrome:
            return
        if frame.text_shown:
            lit = {i for i, label in enumerate(self.quick.labels) if (label == "Skip" and self.skipping) or (label == "Auto" and self.auto_on)}
            self._quick_band(canvas)
            self.quick.draw(canvas, lit=lit, greyed=self._greyed())
        self._status(canvas)

    def _quick_band(self, canvas: pygame.Surface) -> None:
        """A soft dark band behind the quick menu, so its words read over any sprite or picture (and a
        link over a light shirt does not look greyed when it is not)."""
        area = self.quick.rects[0].unionall(self.quick.rects[1:]).inflate(28, 4)
        if self._band is None or self._band.get_size() != area.size:
            self._band = still(pygame.Surface(area.size, pygame.SRCALPHA))
            paint.rect(self._band, (8, 10, 14, 150), self._band.get_rect(), border_radius=area.h // 2)
        canvas.blit(self._band, area)

    def _greyed(self) -> set[int]:
        """The quick menu's links that cannot act now: Back at the first line, Q.Load with no quick save."""
        labels = self.quick.labels
        greyed = {labels.index("Back")} if self.playthrough.index == 0 else set()
        if not self.can_quick_load():
            greyed.add(labels.index("Q.Load"))
        return greyed

    def _status(self, canvas: pygame.Surface) -> None:
        """A quiet corner note while skipping, on auto or rewound."""
        if self.skipping:
            text, colour = ui_text("Skipping") + " \u00bb", HIGHLIGHT
        elif self.auto_on:
            text, colour = ui_text("Auto") + " \u203a", HIGHLIGHT
        elif self.playthrough.rewound:
            text, colour = "\u00ab " + ui_text("Rewound \u00b7 scroll down or Page Down to return"), DIM_TEXT
        else:
            return
        font = self._fonts["small"]
        label = font.render(text, True, colour)
        shadow = font.render(text, True, (0, 0, 0))
        at = label.get_rect(topright=(SCREEN_SIZE[0] - 24, 18))
        canvas.blit(shadow, at.move(1, 1))
        canvas.blit(label, at)


def png(surface: pygame.Surface) -> bytes:
    """`surface` as PNG file contents, lightly compressed: four times faster than pygame's own
    PNG for a file a sixth larger (a quick save's thumbnail is part of its 30 ms)."""
    buffer = io.BytesIO()
    Image.frombytes("RGB", surface.get_size(), pygame.image.tobytes(surface, "RGB")).save(buffer, "PNG", compress_level=1)
    return buffer.getvalue()
