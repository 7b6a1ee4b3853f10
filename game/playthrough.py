"""A playthrough: every beat the player has passed through, and where they are in it.

Rewinding steps back through whole snapshots (never undo deltas), so the
player can go back to the very first line and choose differently. Rolling
forward replays the beats ahead until the player's own position; choosing
another option at a rewound choice drops the old future. Skip and the "seen"
record live here too.
"""

from __future__ import annotations

import random
from typing import Any, Protocol

from game.beats import Beat, after, begin
from game.resume import encode, resume
from game.script.markup import SEED
from game.script.model import Choice, Ending, Line, Story


class Seen(Protocol):
    """What a playthrough needs of the "seen" record (a set will do)."""

    def __contains__(self, line_id: object) -> bool: ...

    def add(self, line_id: str) -> None: ...


class Playthrough:
    """The beats passed through, with rewind, roll forward, choose and skip."""

    def __init__(self, story: Story, *, start: str | None = None, seen: Seen | None = None, seed: int | None = None) -> None:
        """A new playthrough; `seed` orders its `{shuffle:}`s (by default one of its own, kept in its state)."""
        self.story = story
        self.start = start or story.start
        self.seen = seen if seen is not None else set()
        if seed is None:
            seed = random.randrange(1, 2**31) if SEED in story.variables else 0
        self.beats: list[Beat] = [begin(story, start, seed=seed)]
        self.index = 0
        self._next: tuple[int, Beat] | None = None
        self._mark_seen()

    # -- saving and loading ------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        """Every beat passed through (by stable id, with its state) and where the player stands (see `game.resume.encode`)."""
        return encode(self.story, self.start, self.index, self.beats, self.option_taken_at)

    @classmethod
    def from_json(cls, story: Story, data: Any, *, save_format: int, seen: Seen | None = None) -> tuple[Playthrough, str | None]:
        """The playthrough `to_json` wrote (into a save of `save_format`), found again in `story` even if it was edited since.

        Returns it with a notice when the player's own line is gone and they
        resume at the nearest earlier one (see `game.resume`); raises
        `ValueError` when the data is not a playthrough or nothing of it is left.
        """
        resumed = resume(story, data, save_format=save_format)
        playthrough = cls.__new__(cls)  # not __init__: it begins at the start label, which may be gone
        playthrough.story, playthrough.start = story, data["start"]
        playthrough.seen = seen if seen is not None else set()
        playthrough.beats, playthrough.index, playthrough._next = resumed.beats, resumed.index, None
        playthrough._mark_seen()
        return playthrough, resumed.notice

    @property
    def current(self) -> Beat:
        return self.beats[self.index]

    @property
    def rewound(self) -> bool:
        """True while the player is behind their own furthest position."""
        return self.index < len(self.beats) - 1

    @property
    def at_choice(self) -> bool:
        return isinstance(self.current.stop, Choice)

    @property
    def ended(self) -> bool:
        return isinstance(self.current.stop, Ending)

    def advance(self) -> bool:
        """Go on past the current line; False at the choice or an ending."""
        if not isinstance(self.current.stop, Line):
            return False
        if not self.rewound:
            self.beats.append(self._upcoming())
        self._move(1)
        return True

    def _upcoming(self) -> Beat:
        """The beat after the current line, worked out once (skip asks about it every frame)."""
        if self._next is None or self._next[0] != self.index:
            self._next = (self.index, after(self.story, self.current.state))
        return self._next[1]

    def choose(self, option: int) -> None:
        """Take `option` at the choice; the old future stays only if it took the same one."""
        if not self.at_choice:
            raise ValueError("there is no choice here")
        if not (self.rewound and self.option_taken() == option):
            next_beat = after(self.story, self.current.state, option)
            del self.beats[self.index + 1 :]
            self.beats.append(next_beat)
            self._next = None
        self._move(1)

    def option_taken(self) -> int | None:
        """At a rewound choice, the option the player took last time."""
        return self.option_taken_at(self.index)

    def option_taken_at(self, number: int) -> int | None:
        """The option taken at beat `number`, when it is a choice the player has gone past."""
        if not (isinstance(self.beats[number].stop, Choice) and number + 1 < len(self.beats)):
            return None
        return self.beats[number + 1].state.choices[-1][1]

    def rewind(self) -> bool:
        """Back one beat; False at the very first."""
        if self.index == 0:
            return False
        self._move(-1)
        return True

    def forward(self) -> bool:
        """Replay one beat ahead, up to the player's own position."""
        if not self.rewound:
            return False
        self._move(1)
        return True

    def next_is_seen(self) -> bool:
        """Whether skip may pass the current beat: a line whose next beat was seen before."""
        if not isinstance(self.current.stop, Line):
            return False
        if self.rewound:
            return True
        return self._upcoming().id in self.seen

    def skip(self, *, everything: bool = False) -> bool:
        """Advance if skip may pass the current beat; False where skip must stop.

        Skip stops at the choice and at an ending, and (unless `everything`) before a line never seen.
        """
        may_pass = isinstance(self.current.stop, Line) if everything else self.next_is_seen()
        return may_pass and self.advance()

    def fast_skip(self, *, everything: bool) -> bool:
        """Skip at once as far as skip would go: to the choice, an ending, or (unless `everything`) the last line seen.

        False when it could not move at all.
        """
        moved = False
        while self.skip(everything=everything):
            moved = True
        return moved

    def go_to(self, number: int) -> None:
        """Stand at beat `number` (a History entry), keeping the beats ahead to roll forward through."""
        if not 0 <= number < len(self.beats):
            raise IndexError(f"there is no beat {number} in a playthrough of {len(self.beats)}")
        self.index = number
        self._mark_seen()

    def _move(self, step: int) -> None:
        self.index += step
        self._mark_seen()

    def _mark_seen(self) -> None:
        self.seen.add(self.current.id)
