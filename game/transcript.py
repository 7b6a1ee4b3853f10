"""A playthrough as text: what a player reads, one shown line per output line."""

from __future__ import annotations

from collections.abc import Iterator

from game.playthrough import Playthrough
from game.script.model import Choice, Ending, Line, Story


def transcript(story: Story, *, option: int, start: str = "start") -> Iterator[str]:
    """Play from `start` to an ending, taking `option` (from 0) at every choice.

    Raises `ValueError` when a choice has no such option.
    """
    playthrough = Playthrough(story, start=start)
    while True:
        stop = playthrough.current.stop
        if isinstance(stop, Line):
            yield shown_line(story, stop)
            playthrough.advance()
        elif isinstance(stop, Choice):
            if not 0 <= option < len(stop.options):
                raise ValueError(f"the choice has options 1 to {len(stop.options)}, not {option + 1}")
            if stop.prompt:
                yield stop.prompt
            yield f"> {stop.options[option].text}"
            playthrough.choose(option)
        else:
            assert isinstance(stop, Ending)
            yield f"Ending: {stop.name}"
            return


def shown_line(story: Story, line: Line) -> str:
    """`Speaker: text` for dialogue, the bare text for narration; no markup."""
    if line.speaker is None:
        return line.text
    return f"{story.characters[line.speaker].name}: {line.text}"
