"""Hot reload: the story built again from its files while the game runs, the player kept on their line.

`reload(host, ...)` loads the story again (through the cache, so an unchanged
story costs next to nothing); the playthrough is written down as a save would
be and found again in the new story by the same logic that loads a save after
an edit (`game.resume`), so the player stays on the same line (or, if it is
gone, the nearest earlier one, said in the notice). A story that no longer
checks is not taken: `ReloadErrors` lists its errors with file:line:col over the
game, and the old story plays on until the files are fixed and saved again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

from game.i18n.interface import ui_text
from game.playthrough import Playthrough
from game.saves import FORMAT
from game.script.model import STOPS, Line
from game.stable_ids import fingerprint_at
from game.ui.input import Input
from game.ui.layout import DIM_TEXT, SCREEN_SIZE, TEXT_COLOUR
from game.ui.text import wrap
from game.watch import SceneWatcher

if TYPE_CHECKING:
    from collections.abc import Callable

    from game.script.model import Story
    from game.script.problems import Problem
    from game.settings import Settings
    from game.ui.host import Host

RELOADED = "Story reloaded"
ERROR_COLOUR = (255, 150, 140)
MAX_SHOWN = 8  # errors listed in the overlay; `check` lists them all


class Reloader:
    """Hot reload for the host: `poll` watches the scene files, `reload` (also Shift+R) rebuilds the story.

    `set_story` gives the host (and the player's saves) the new story."""

    def __init__(self, host: Host, set_story: Callable[[Story], None], now: float) -> None:
        self.host = host
        self.set_story = set_story
        self.watcher = SceneWatcher(host.game.scenes, now)
        self.errors: ReloadErrors | None = None

    def poll(self, now: float) -> None:
        if self.watcher.changed(now):
            self.reload()

    def reload(self) -> None:
        """Build the story again from its files and put the player back on the line they were at."""
        from game.script import ScriptError, load_story

        try:
            story, _ = load_story(game=self.host.game, cache=True)
        except ScriptError as error:
            self._show_errors([p for p in error.problems if not p.warning])
            return
        self._close_errors()
        playing = self.host.playing
        if playing is None:
            self.set_story(story)
            self.host.notify(ui_text(RELOADED))
            return
        try:
            playthrough, notice = self._resumed(story, playing.playthrough.to_json())
        except ValueError as error:
            self.host.notify(ui_text("The story was reloaded, but this playthrough does not fit it ({error}); the old story plays on").format(error=error))
            return
        self.set_story(story)
        self.host.play(playthrough, notice=f"{RELOADED}. {notice}" if notice else RELOADED)

    def _resumed(self, story: Story, data: dict[str, Any]) -> tuple[Playthrough, str | None]:
        """The playthrough found again in `story` as a save is (`game.resume`); when the line the
        player stands on was itself edited (its words changed, so a save would count it gone),
        it is found by its id: the writer sees their edit where they made it."""
        found = Playthrough.from_json(story, data, save_format=FORMAT, seen=self.host.player.seen)
        entry = data["beats"][data["index"]]
        at = story.index_of_id.get(entry[0])
        if found[1] is None or at is None or not isinstance(story.steps[at], Line) or self._moved_up(story, entry[0], at):
            return found
        entry[1] = fingerprint_at(story, at)
        return Playthrough.from_json(story, data, save_format=FORMAT, seen=self.host.player.seen)

    def _moved_up(self, story: Story, stop_id: str, at: int) -> bool:
        """Whether the line now at `stop_id` is the old story's next line (the player's was removed, not edited)."""
        old = self.host.story
        was = old.index_of_id.get(stop_id)
        following = next((i for i in range(was + 1, len(old.steps)) if isinstance(old.steps[i], STOPS)), None) if was is not None else None
        return following is not None and fingerprint_at(old, following) == fingerprint_at(story, at)

    def _show_errors(self, problems: list[Problem]) -> None:
        """The errors over the game (replacing an older list); the old story plays on."""
        self._close_errors()
        self.errors = ReloadErrors(self.host, problems)
        self.host.push(self.errors)
        self.host.notify(ui_text("Errors in the scene files ({count}): the story plays on as it was").format(count=len(problems)))

    def _close_errors(self) -> None:
        if self.errors is not None and self.errors.shown:
            self.errors.close()
        self.errors = None


class ReloadErrors:
    """The errors a reload found, each at file:line:col with its fix; Escape (or any click) hides them."""

    modal = False

    def __init__(self, host: Host, problems: list[Problem]) -> None:
        self.host = host
        self.problems = problems
        self.clock = host.new_clock()
        fonts = host.services.fonts
        title = f"The story was not reloaded: {len(problems)} error{'s' * (len(problems) != 1)}"
        self.lines: list[pygame.Surface] = [fonts["ui"].render(title, True, ERROR_COLOUR)]
        for problem in problems[:MAX_SHOWN]:
            self.lines += [fonts["small"].render(line, True, TEXT_COLOUR) for line, _ in wrap(f"{problem.place}: {problem.message}", fonts["small"], 1120)]
            if problem.hint:
                self.lines += [fonts["small"].render(line, True, DIM_TEXT) for line, _ in wrap(f"    fix: {problem.hint}", fonts["small"], 1120)]
        if len(problems) > MAX_SHOWN:
            self.lines.append(fonts["small"].render(f"... and {len(problems) - MAX_SHOWN} more: run `python main.py check`", True, DIM_TEXT))
        self.lines.append(fonts["small"].render("Fix the file and save it: the story reloads. Escape hides this list; the old story plays on.", True, DIM_TEXT))
        height = 40 + sum(line.get_height() + 4 for line in self.lines)
        self.panel = pygame.Surface((SCREEN_SIZE[0] - 80, min(height, SCREEN_SIZE[1] - 80)), pygame.SRCALPHA)
        self.panel.fill((20, 16, 22, 235))
        pygame.draw.rect(self.panel, ERROR_COLOUR, self.panel.get_rect(), width=2, border_radius=10)
        self.spoken_title = title
        self.shown = True

    def handle(self, input: Input) -> None:
        if input.pressed and input.actions & {"back", "game_menu", "advance"}:
            self.close()

    def close(self) -> None:
        if self.shown:
            self.shown = False
            self.host.pop(self)

    def focus_words(self) -> str | None:
        return "; ".join(f"{p.place}: {p.message}" for p in self.problems[:MAX_SHOWN])

    def settings_changed(self, settings: Settings) -> None:
        pass

    def update(self) -> None:
        pass

    def draw(self, canvas: pygame.Surface) -> None:
        canvas.blit(self.panel, (40, 40))
        y = 60
        for line in self.lines:
            if y + line.get_height() > 40 + self.panel.get_height() - 10:
                break
            canvas.blit(line, (64, y))
            y += line.get_height() + 4

    def next_change(self) -> float | None:
        return None
