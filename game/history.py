"""The History page's data: every line of the playthrough up to where the player stands.

Entries are worked out when asked for, one at a time, so a playthrough of
10,000 lines costs nothing to open: the page asks only for what it shows.
Entry `i` is beat `i`, so clicking it is `playthrough.go_to(i)`.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.playthrough import Playthrough
from game.script.model import Choice, Ending, Line


@dataclass(frozen=True)
class Entry:
    """One beat as the History page lists it: a line, the choice (with the option taken) or an ending."""

    index: int
    speaker: str | None  # the character's name; None for narration, the choice and an ending
    text: str  # the whole line, the choice's prompt, or the ending's name
    options: tuple[str, ...] = ()  # the choice's options
    taken: int | None = None  # which of them the player took (None if not yet)


class History:
    """A view of the playthrough's beats up to the player's position."""

    def __init__(self, playthrough: Playthrough) -> None:
        self.playthrough = playthrough

    def __len__(self) -> int:
        return self.playthrough.index + 1

    def entry(self, index: int) -> Entry:
        if not 0 <= index < len(self):
            raise IndexError(f"there is no entry {index} in a history of {len(self)}")
        beat = self.playthrough.beats[index]
        stop = beat.stop
        speaker = self.playthrough.story.shown_name(beat.speaker)  # a line's, or a spoken prompt's
        if isinstance(stop, Line):
            return Entry(index, speaker, beat.text)  # variables put in
        if isinstance(stop, Choice):
            options = tuple(option.text for option in beat.options)  # the options shown, as numbered when taken
            return Entry(index, speaker if beat.text else None, beat.text, options, self.playthrough.option_taken_at(index))
        assert isinstance(stop, Ending)
        return Entry(index, None, beat.text)  # variables put in
