"""The screens: the title, the game (with its choice, quick menu and pause menu), the end card."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.beats import ChangeMusic, PlaySound
from game.playthrough import Playthrough
from game.reveal import BeatPlayback
from game.script.model import Choice, Ending, Line
from game.ui.layout import CHOICE_GAP, CHOICE_SIZE, DIM_TEXT, HIGHLIGHT, MENU_BUTTON_SIZE, QUICK_MENU_Y, SCREEN_SIZE, TEXT_BOX, TEXT_COLOUR
from game.ui.stage import Stage
from game.ui.widgets import Buttons, Links, column

if TYPE_CHECKING:
    from game.app import App

ADVANCE_KEYS = (pygame.K_SPACE, pygame.K_RETURN, pygame.K_KP_ENTER)
REWIND_KEYS = (pygame.K_PAGEUP, pygame.K_LEFT)
FORWARD_KEYS = (pygame.K_PAGEDOWN, pygame.K_RIGHT)
CTRL_KEYS = (pygame.K_LCTRL, pygame.K_RCTRL)
SKIP_INTERVAL = 0.06  # seconds between lines while skipping
TITLE_MUSIC = "theme"
UI_HOVER, UI_CLICK = "ui_hover", "ui_click"
ENDING_HOLD = 2.5  # seconds on an ending's final picture before the end card
END_CARD_MINIMUM = 1.5  # seconds the end card stays before a key or click dismisses it


def _plates(app: App, size: tuple[int, int]) -> dict[str, pygame.Surface]:
    """The button plates in three states, scaled to `size` once."""
    plates = {}
    for state in ("normal", "hover", "pressed"):
        image = app.images.ui(f"choice_{state}")
        plates[state] = image if image.get_size() == size else pygame.transform.smoothscale(image, size)
    return plates


def _press(app: App, buttons: Buttons, event: pygame.event.Event, point: tuple[int, int] | None) -> int | None:
    """Feed an event to buttons, with a soft tick when the selection moves and a click when one is pressed."""
    before = buttons.selected
    chosen = buttons.handle(event, point)
    if chosen is not None:
        app.audio.sound(UI_CLICK)
    elif buttons.selected is not None and buttons.selected != before:
        app.audio.sound(UI_HOVER)
    return chosen


class TitleScreen:
    """The title picture and logo, with Start and Quit."""

    def __init__(self, app: App) -> None:
        self.app = app
        rects = column(2, MENU_BUTTON_SIZE, centre_x=SCREEN_SIZE[0] // 2, top=430, gap=16)
        self.buttons = Buttons(["Start", "Quit"], rects, _plates(app, MENU_BUTTON_SIZE), app.fonts["ui"])
        self.buttons.selected = 0
        app.audio.play_music(TITLE_MUSIC, fade=2.0)

    def handle(self, event: pygame.event.Event, point: tuple[int, int] | None) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.app.quit()
            return
        chosen = _press(self.app, self.buttons, event, point)
        if chosen == 0:
            self.app.audio.play_music(None, fade=1.0)
            self.app.show(GameScreen(self.app))
        elif chosen == 1:
            self.app.quit()

    def update(self, now: float) -> None:
        pass

    def draw(self, canvas: pygame.Surface, now: float) -> None:
        canvas.blit(self.app.images.background("title"), (0, 0))
        logo = self.app.images.ui("logo")
        canvas.blit(logo, logo.get_rect(center=(SCREEN_SIZE[0] // 2, 250)))
        self.buttons.draw(canvas)

    def next_change(self, now: float) -> float | None:
        return None


class PauseMenu:
    """Escape (or a right click) during the game: resume, restart, title, quit."""

    LABELS = ["Resume", "Restart", "Title screen", "Quit"]

    def __init__(self, app: App) -> None:
        self.app = app
        panel = app.images.ui("menu_panel")
        self.panel_rect = panel.get_rect(center=(SCREEN_SIZE[0] // 2, SCREEN_SIZE[1] // 2))
        top = self.panel_rect.top + 100  # below the panel's divider, under the heading
        rects = column(len(self.LABELS), MENU_BUTTON_SIZE, centre_x=SCREEN_SIZE[0] // 2, top=top, gap=14)
        self.buttons = Buttons(self.LABELS, rects, _plates(app, MENU_BUTTON_SIZE), app.fonts["ui"])
        self.buttons.selected = 0
        self.veil = pygame.Surface(SCREEN_SIZE).convert()  # made once: it dims the game behind the menu
        self.veil.set_alpha(140)
        self.heading = app.fonts["small"].render("P A U S E D", True, DIM_TEXT)

    def handle(self, event: pygame.event.Event, point: tuple[int, int] | None) -> str | None:
        """The action picked now: resume, restart, title or quit."""
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            return "resume"
        if event.type == pygame.MOUSEBUTTONUP and event.button == 3:
            return "resume"
        chosen = _press(self.app, self.buttons, event, point)
        return None if chosen is None else ["resume", "restart", "title", "quit"][chosen]

    def draw(self, canvas: pygame.Surface) -> None:
        canvas.blit(self.veil, (0, 0))
        canvas.blit(self.app.images.ui("menu_panel"), self.panel_rect)
        canvas.blit(self.heading, self.heading.get_rect(center=(self.panel_rect.centerx, self.panel_rect.top + 46)))
        self.buttons.draw(canvas)


class GameScreen:
    """The story being played: the stage, the choice, rewind, skip, the quick and pause menus."""

    QUICK = ["Back", "Skip", "Menu"]

    def __init__(self, app: App) -> None:
        self.app = app
        self.stage = Stage(app.story, app.images, app.fonts)
        self.playthrough = Playthrough(app.story, start=app.start, seen=app.seen)
        self.quick = Links(self.QUICK, app.fonts["small"], right=TEXT_BOX.right - 24, y=QUICK_MENU_Y)
        self.pause_menu: PauseMenu | None = None
        self.paused_at = 0.0
        self.skip_held = False
        self.skip_on = False
        self._next_skip = 0.0
        self._play(instant=False)

    # -- moving through the story -------------------------------------------
    def _play(self, *, instant: bool) -> None:
        """Start playing the current beat; `instant` for rewound, replayed or skipped ones."""
        beat = self.playthrough.current
        self.playback = BeatPlayback(beat, cps=self.app.cps, now=self.app.clock.now(), instant=instant, page_breaks=self.stage.page_breaks(beat))
        self.choice: Buttons | None = None
        if instant:
            music = beat.state.music
            self.app.audio.play_music(music.track, loop=music.loop)
        self.app.seen.save()

    def advance(self, now: float) -> None:
        """Space, Enter or a click: finish what is moving, else go on."""
        if self.playback.click(now):
            return
        stop = self.playthrough.current.stop
        if isinstance(stop, Line):
            replay = self.playthrough.rewound
            self.playthrough.advance()
            self._play(instant=replay)
        elif isinstance(stop, Ending):
            self.app.show(EndCardScreen(self.app, stop.name))

    def rewind(self) -> None:
        self.skip_on = False
        if self.playthrough.rewind():
            self._play(instant=True)

    def forward(self) -> None:
        if self.playthrough.forward():
            self._play(instant=True)

    def choose(self, option: int) -> None:
        replay = self.playthrough.option_taken() == option
        self.playthrough.choose(option)
        self._play(instant=replay)

    @property
    def skipping(self) -> bool:
        return self.skip_held or self.skip_on

    # -- input --------------------------------------------------------------
    def handle(self, event: pygame.event.Event, point: tuple[int, int] | None) -> None:
        if self.pause_menu is not None:
            self._pause_action(self.pause_menu.handle(event, point))
            return
        now = self.app.clock.now()
        if event.type == pygame.KEYDOWN:
            self._key(event, now)
        elif event.type == pygame.KEYUP and event.key in CTRL_KEYS:
            self.skip_held = False
        elif event.type == pygame.MOUSEWHEEL:
            self.rewind() if event.y > 0 else self.forward()
        elif event.type == pygame.MOUSEMOTION and point is not None:
            self.quick.hovered = self.quick.at(point)
            if self.choice:
                _press(self.app, self.choice, event, point)
        elif event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP) and point is not None:
            self._mouse(event, point, now)

    def _key(self, event: pygame.event.Event, now: float) -> None:
        key = event.key
        if key == pygame.K_ESCAPE:
            self._open_pause_menu()
        elif key in CTRL_KEYS:
            self.skip_held = True
        elif key == pygame.K_TAB:
            self.skip_on = not self.skip_on
        elif key in REWIND_KEYS:
            self.rewind()
        elif key in FORWARD_KEYS:
            self.forward()
        elif self.choice is not None:
            if (option := _press(self.app, self.choice, event, None)) is not None:
                self.choose(option)
        elif key in ADVANCE_KEYS and not event.mod & pygame.KMOD_ALT:
            self.advance(now)

    def _mouse(self, event: pygame.event.Event, point: tuple[int, int], now: float) -> None:
        if event.type == pygame.MOUSEBUTTONUP and event.button == 3:
            self._open_pause_menu()
            return
        if event.button != 1:
            return
        link = self.quick.at(point)
        if link is not None:
            if event.type == pygame.MOUSEBUTTONUP:
                self._quick_action(self.QUICK[link])
            return
        if self.choice is not None:
            if (option := _press(self.app, self.choice, event, point)) is not None:
                self.choose(option)
        elif event.type == pygame.MOUSEBUTTONDOWN:
            self.advance(now)

    def _quick_action(self, label: str) -> None:
        if label == "Back":
            self.rewind()
        elif label == "Skip":
            self.skip_on = not self.skip_on
        else:
            self._open_pause_menu()

    def _open_pause_menu(self) -> None:
        """Stop everything: skipping ends, and the beat's time stands still until Resume."""
        self.pause_menu = PauseMenu(self.app)
        self.paused_at = self.app.clock.now()
        self.skip_held = self.skip_on = False

    def _pause_action(self, action: str | None) -> None:
        if action == "resume":
            self.pause_menu = None
            self.playback.delay(self.app.clock.now() - self.paused_at)
        elif action == "restart":
            self.app.audio.play_music(None, fade=0.5)
            self.app.show(GameScreen(self.app))
        elif action == "title":
            self.app.show(TitleScreen(self.app))
        elif action == "quit":
            self.app.quit()

    # -- time ---------------------------------------------------------------
    def update(self, now: float) -> None:
        if self.pause_menu is not None:
            return
        for event in self.playback.due(now):
            if isinstance(event, PlaySound):
                self.app.audio.sound(event.name)
            elif isinstance(event, ChangeMusic):
                self.app.audio.music(event.music)
        if self.skipping and now >= self._next_skip:
            self._next_skip = now + SKIP_INTERVAL
            if self.playthrough.skip():
                self._play(instant=True)
                self.app.dirty = True
            else:
                self.skip_on = False  # skip stops at the choice and at lines not seen before
        elif self.playback.auto_advance_due(now) or self._ending_held(now):
            self.advance(now)
            self.app.dirty = True
        if self.choice is None and self.playthrough.at_choice and self.playback.complete(now):
            self._offer_choice()
            self.app.dirty = True

    def _ending_held(self, now: float) -> bool:
        """The ending's final picture has been up long enough: on to the end card."""
        done = self.playback.completed_at(now)
        return self.playthrough.ended and done is not None and now >= done + ENDING_HOLD

    def _offer_choice(self) -> None:
        stop = self.playthrough.current.stop
        assert isinstance(stop, Choice)
        count = len(stop.options)
        top = (TEXT_BOX.y - count * (CHOICE_SIZE[1] + CHOICE_GAP)) // 2 + 10
        rects = column(count, CHOICE_SIZE, centre_x=SCREEN_SIZE[0] // 2, top=top, gap=CHOICE_GAP)
        labels = [option.text for option in stop.options]
        # Nothing is selected at first, so a Space pressed to finish the prompt can never pick an option.
        self.choice = Buttons(labels, rects, _plates(self.app, CHOICE_SIZE), self.app.fonts["ui"], marked=self.playthrough.option_taken())

    def _waiting_for(self, now: float) -> float | None:
        """How long the text has been waiting for a click, if it is."""
        since = self.playback.waiting_since(now)
        return None if since is None else now - since

    def next_change(self, now: float) -> float | None:
        if self.pause_menu is not None:
            return None
        if self.skipping:
            return 0.0
        wait = self.playback.next_change(now)
        if self.stage.animating(self._waiting_for(now)):
            return 0.0
        if self.playthrough.ended and (done := self.playback.completed_at(now)) is not None:
            return max(0.0, done + ENDING_HOLD - now)
        return wait

    def draw(self, canvas: pygame.Surface, now: float) -> None:
        beat = self.playthrough.current
        frame = self.playback.frame(now)
        self.stage.draw(canvas, beat, frame, waiting_for=None if self.skipping else self._waiting_for(now))
        if self.choice is not None:
            self.choice.draw(canvas)
        if frame.text_shown:
            self.quick.draw(canvas, lit={1} if self.skipping else set())
        self._status(canvas)
        if self.pause_menu is not None:
            self.pause_menu.draw(canvas)

    def _status(self, canvas: pygame.Surface) -> None:
        """A quiet corner note while skipping or rewound."""
        if self.skipping:
            text = "Skipping \u00bb"
        elif self.playthrough.rewound:
            text = "\u00ab Rewound \u00b7 scroll down or Page Down to return"
        else:
            return
        label = self.app.fonts["small"].render(text, True, HIGHLIGHT if self.skipping else DIM_TEXT)
        shadow = self.app.fonts["small"].render(text, True, (0, 0, 0))
        at = label.get_rect(topright=(SCREEN_SIZE[0] - 24, 18))
        canvas.blit(shadow, at.move(1, 1))
        canvas.blit(label, at)


class EndCardScreen:
    """The quiet card naming the ending reached; any click or key returns to the title."""

    def __init__(self, app: App, ending: str) -> None:
        self.app = app
        self.ending = ending
        self.opened = app.clock.now()
        app.seen.save()

    def handle(self, event: pygame.event.Event, point: tuple[int, int] | None) -> None:
        if self.app.clock.now() - self.opened < END_CARD_MINIMUM:
            return  # keys still held from reading the last line must not sweep the card away
        if event.type == pygame.KEYDOWN and event.key not in CTRL_KEYS or event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            self.app.audio.play_music(None, fade=1.5)
            self.app.show(TitleScreen(self.app))

    def update(self, now: float) -> None:
        pass

    def draw(self, canvas: pygame.Surface, now: float) -> None:
        canvas.blit(self.app.images.ui("end_card"), (0, 0))
        fonts = self.app.fonts
        centre = SCREEN_SIZE[0] // 2
        heading = fonts["small"].render("E N D I N G", True, DIM_TEXT)
        name = fonts["title"].render(self.ending, True, TEXT_COLOUR)
        hint = fonts["small"].render("Click or press any key to return to the title", True, DIM_TEXT)
        canvas.blit(heading, heading.get_rect(center=(centre, 300)))
        canvas.blit(name, name.get_rect(center=(centre, 360)))
        canvas.blit(hint, hint.get_rect(center=(centre, 640)))

    def next_change(self, now: float) -> float | None:
        return None
