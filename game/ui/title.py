"""The title screen: Continue (when a playthrough is under way), Start, Load, Settings, Extras (once an
ending has been reached), Quit, and the endings reached."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.i18n.interface import ui_text
from game.script.model import Ending
from game.ui import extras
from game.ui.host import Host, load_or_tell
from game.ui.input import Input
from game.ui.layer import dispatch
from game.ui.layout import DIM_TEXT, MENU_BUTTON_SIZE, SCREEN_SIZE, TEXT_COLOUR
from game.ui.widgets import Buttons, column, plates

if TYPE_CHECKING:
    from game.settings import Settings

LOGO_CENTRE_Y = 205
BUTTON_SIZE = (MENU_BUTTON_SIZE[0], 46)
BUTTONS_TOP = 350
BUTTONS_CENTRE_X = 300  # left of the title picture's lone figure (it stands near the middle), as Ren'Py's menu sits


def continues(host: Host) -> str | None:
    """The save Continue loads: the newest one made after the last ending was reached (a save
    from before it, an autosave inside that ending say, is of a finished playthrough), or None."""
    player = host.player
    return player.saves.newest(after=player.endings.finished_at)


class TitleScreen:
    """The title picture and logo over the menu; the endings the player has reached at the foot."""

    modal = False

    def __init__(self, host: Host) -> None:
        self.host = host
        self.clock = host.new_clock()
        self.labels: list[str] = []
        self._menu()
        self.endings = self._endings_line()
        host.services.audio.play_music(host.game.title_music, fade=2.0)

    def _menu(self) -> None:
        """The buttons: Continue first when a playthrough is under way, else Start (selected: Enter plays on)."""
        self.continues = continues(self.host)
        labels = (["Continue"] if self.continues is not None else []) + ["Start", "Load", "Settings"]
        labels += ["Extras"] if extras.offered(self.host) else []
        labels.append("Quit")
        if labels == self.labels:
            return
        services, self.labels = self.host.services, labels
        rects = column(len(labels), BUTTON_SIZE, centre_x=BUTTONS_CENTRE_X, top=BUTTONS_TOP, gap=12 if len(labels) <= 5 else 8)
        self.buttons = Buttons([ui_text(label) for label in labels], rects, plates(services.images, BUTTON_SIZE), services.fonts["ui"], audio=services.audio,
                               contrast=self.host.player.settings.high_contrast)
        self.buttons.selected = 0

    def _endings_line(self) -> pygame.Surface | None:
        reached = sorted(self.host.player.endings.names())
        if not reached:
            return None
        total = len({step.name for step in self.host.story.steps if isinstance(step, Ending)})
        text = ui_text("Endings reached ({count} of {total}):").format(count=len(reached), total=total) + "  " + "  ·  ".join(reached)
        return self.host.services.fonts["small"].render(text, True, DIM_TEXT)

    # -- input --------------------------------------------------------------------------
    def handle(self, input: Input) -> None:
        if dispatch(self, input):
            return
        chosen = self.buttons.handle(input)
        if chosen is None:
            return
        label = self.labels[chosen]
        if label == "Continue":
            self._continue()
        elif label == "Start":
            self.host.play()
        elif label in ("Load", "Settings"):
            self.host.open_page(label.lower())
        elif label == "Extras":
            self.host.push(extras.ExtrasScreen(self.host))
        else:
            self.host.quit()

    def action_back(self, input: Input) -> bool:
        """Escape (or the pad's B) quits from the title; a right click does nothing here."""
        if input.pointer:
            return False
        self.host.quit()
        return True

    def action_accessibility(self, input: Input) -> None:
        """Shift+A: readable text before the story starts."""
        self.host.open_page("accessibility")

    def _continue(self) -> None:
        """The newest save of a playthrough still under way."""
        player, newest = self.host.player, self.continues
        if newest is not None and (loaded := load_or_tell(self.host, lambda: player.saves.load(newest, seen=player.seen))) is not None:
            self.host.play(loaded.playthrough, notice=loaded.notice)

    # -- self-voicing ---------------------------------------------------------------------
    @property
    def spoken_title(self) -> str:
        return self.host.game.title

    def focus_words(self) -> str | None:
        return self.buttons.focus_words()

    # -- time and drawing -------------------------------------------------------------------
    def settings_changed(self, settings: Settings) -> None:
        """Heard as the title comes onto the stack, after the game it replaces has closed: its
        autosave is there now, so the menu is made again when that changes it. Shift+A may change
        the contrast over the title."""
        self._menu()
        self.buttons.contrast = settings.high_contrast

    def update(self) -> None:
        pass

    def draw(self, canvas: pygame.Surface) -> None:
        game, images = self.host.game, self.host.services.images
        canvas.blit(images.background(game.title_background), (0, 0))
        logo = images.ui(game.title_logo) if game.title_logo else self.host.services.fonts["title"].render(game.title, True, TEXT_COLOUR)
        canvas.blit(logo, logo.get_rect(center=(SCREEN_SIZE[0] // 2, LOGO_CENTRE_Y)))
        self.buttons.draw(canvas)
        if self.endings is not None:
            canvas.blit(self.endings, self.endings.get_rect(center=(SCREEN_SIZE[0] // 2, SCREEN_SIZE[1] - 34)))

    def next_change(self) -> float | None:
        return None
