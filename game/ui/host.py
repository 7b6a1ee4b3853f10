"""What a screen may ask of the running game: the one interface layers depend on.

`game.app` implements it; nothing under `game/ui/` imports `game.app`. Tests pass a real
implementation built on `tmp_path` (see tests/conftest.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from game.i18n.interface import ui_text
from game.saves import Loaded, SaveError

if TYPE_CHECKING:
    import pygame

    from game.folder import GameFolder
    from game.player import PlayerData
    from game.playthrough import Playthrough
    from game.script.model import Story
    from game.settings import Settings
    from game.ui.layer import Layer, PausableClock
    from game.ui.services import Services


class Playing(Protocol):
    """The game screen, as a menu over it sees it (History goes back, Save takes its picture)."""

    playthrough: Playthrough

    def thumbnail_png(self) -> bytes: ...

    def kept(self) -> None:
        """The player's place was just saved: a quick load from here loses nothing."""
        ...

    def go_to(self, index: int) -> None:
        """Stand at beat `index`, shown whole (the beats ahead kept for rolling forward)."""
        ...

    def screenshot(self) -> None: ...


class Host(Protocol):
    """The stack, the player's data and the services, as a screen sees them."""

    story: Story
    game: GameFolder
    player: PlayerData  # settings, saves, seen, endings: plain data, no pygame
    services: Services  # fonts, images, audio, voice, notices
    keyboard_used: bool  # the last input was a key or a controller: the focus is shown at once

    @property
    def playing(self) -> Playing | None:
        """The game being played (None on the title and the end card)."""
        ...

    def new_clock(self) -> PausableClock:
        """A clock for a new layer (the stack pauses it while a modal layer covers the layer)."""
        ...

    # -- telling the player -------------------------------------------------------
    def notify(self, text: str) -> None:
        """A notice that fades by itself (also read aloud)."""
        ...

    def speak(self, text: str, *, interrupt: bool = True) -> None:
        """Read `text` aloud when self-voicing is on."""
        ...

    def confirm(self, question: str, on_yes: Callable[[], None], *, detail: str = "", destructive: bool = False) -> None:
        """Ask Yes or No over everything; `on_yes` runs after a Yes."""
        ...

    def save_screenshot(self, draw: Callable[[pygame.Surface], None]) -> None:
        """Draw a picture with `draw` at the window's size (its letterbox left out) and write it as a
        PNG into the data folder's screenshots/ (on a thread), then say so."""
        ...

    # -- the stack ----------------------------------------------------------------
    def push(self, layer: Layer) -> None: ...

    def pop(self, layer: Layer) -> None: ...

    def open_page(self, page: str) -> None:
        """The game menu at `page` (a name from the page registry: "save", "settings", ...)."""
        ...

    def show_title(self) -> None:
        """The title screen replaces everything (the game screen autosaves as it closes)."""
        ...

    def play(self, playthrough: Playthrough | None = None, *, notice: str | None = None) -> None:
        """The game screen: a new game, or `playthrough` (a loaded one) with `notice` (loaded into the
        game being played, if there is one: nothing is autosaved over it)."""
        ...

    def show_end_card(self, ending: str, *, shown: str | None = None) -> None: ...

    def quit(self) -> None:
        """Autosave (when playing) and stop."""
        ...

    # -- the player's choices -------------------------------------------------------
    def apply_settings(self, new: Settings) -> None:
        """Use `new` at once (every layer hears `settings_changed`) and keep it for the next run."""
        ...


def load_or_tell(host: Host, read: Callable[[], Loaded | None]) -> Loaded | None:
    """What `read` loads; a save that cannot be loaded, or none yet, is a notice instead (nothing lost)."""
    try:
        loaded = read()
    except SaveError as error:
        host.notify(ui_text("Could not load: {error}").format(error=error))
        return None
    if loaded is None:
        host.notify(ui_text("Nothing to load yet"))
    return loaded
