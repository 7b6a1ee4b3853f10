"""A playthrough as text: what a player reads, one shown line per output line.

Lines and prompts are printed as the player reads them (variables put in, every
tag taken out; spoken ones as `Speaker: text`), each option taken as `> text`,
and the ending as `Ending: NAME`. Options are numbered among those shown at
that moment, as the player sees them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from game.beats import Beat, EndlessLoop, after, begin, options_shown
from game.script.expressions import VISITS, Value
from game.script.markup import SEQUENCE
from game.script.model import Choice, Ending, Story

#: `--all` stops after this many paths, and leaves out a path longer than MAX_BEATS
#: (a counter in a loop never repeats a state), so it always finishes.
MAX_PATHS = 10_000
MAX_BEATS = 20_000


class TranscriptError(ValueError):
    """The transcript cannot go on: no such option, or a loop that never reaches an ending."""


def transcript(story: Story, *, options: Sequence[int] = (0,), option: int | None = None, start: str | None = None, seed: int = 0) -> Iterator[str]:
    """Play from `start` to an ending, taking `options[n]` (from 0) at the n-th choice; the last repeats.

    (`option=` is the same as `options=[option]`.) `seed` orders the `{shuffle:}`s
    (0, the default, is the fixed order; a new game in the window draws its own). Raises `TranscriptError` at a
    choice without such an option, or when the story goes round a loop for ever.
    """
    try:
        yield from _played(story, [option] if option is not None else list(options) or [0], start, seed)
    except EndlessLoop as error:
        raise TranscriptError(str(error)) from None


def _played(story: Story, options: list[int], start: str | None, seed: int) -> Iterator[str]:
    beat, taken = begin(story, start, seed=seed), 0
    been: set[tuple] = set()
    for _ in range(MAX_BEATS):
        at = (min(taken, len(options) - 1), beat.state.position, _kept(beat.state.variables), beat.state.calls)
        if at in been:
            place = story.places[beat.state.position]
            raise TranscriptError(f"the story goes round a loop at {place} and never reaches an ending (options taken: {_numbers(options[:taken])})")
        been.add(at)
        yield from shown_lines(story, beat)
        if isinstance(beat.stop, Ending):
            return
        if isinstance(beat.stop, Choice):
            number = options[min(taken, len(options) - 1)]
            if not 0 <= number < len(beat.options):
                raise TranscriptError(f"choice {taken + 1} ({story.places[beat.state.position]}) shows options 1 to {len(beat.options)}, not {number + 1}")
            yield f"> {beat.options[number].text}"
            beat, taken = after(story, beat.state, number), taken + 1
        else:
            beat = after(story, beat.state)
    raise TranscriptError(f"the story goes on for more than {MAX_BEATS:,} lines and choices without an ending (a counter in a loop, say; options taken: {_numbers(options[:taken])})")


def every_path(story: Story, *, start: str | None = None, loops: list[str] | None = None, limit: int = MAX_PATHS, seed: int = 0) -> Iterator[tuple[tuple[int, ...], list[str]]]:
    """Every distinct path from `start` to an ending: (options taken from 0, the lines read).

    A path that comes back to a state it was in (a loop) is left out: it never ends
    by itself. Each one left out is described in `loops`, when given.
    Each path keeps the set of states on it, so memory grows with paths times length;
    the stories this is for (a few choices deep) stay small. At most `limit` paths
    come out (`len` of what came out equal to `limit` means it may have stopped there).
    """
    for taken, lines, _ in _each_path(story, start, [] if loops is None else loops, limit, seed):
        yield taken, lines


def _each_path(story: Story, start: str | None, loops: list[str], limit: int, seed: int) -> Iterator[tuple[tuple[int, ...], list[str], frozenset[tuple[int, int]]]]:
    try:
        yield from _paths(story, start, loops, limit, seed)
    except EndlessLoop as error:
        raise TranscriptError(str(error)) from None


def _paths(story: Story, start: str | None, loops: list[str], limit: int, seed: int) -> Iterator[tuple[tuple[int, ...], list[str], frozenset[tuple[int, int]]]]:
    """Each path: the options taken (shown numbers), the lines read, and the options taken as (choice step, option's place in it)."""
    todo: list[tuple[Beat, tuple[int, ...], list[str], frozenset, frozenset[tuple[int, int]]]] = [(begin(story, start, seed=seed), (), [], frozenset(), frozenset())]
    found = 0
    while todo and found < limit:
        beat, taken, lines, been, ids = todo.pop()
        while True:
            at = (beat.state.position, _kept(beat.state.variables), beat.state.calls)
            if at in been or len(lines) > MAX_BEATS:
                loops.append(f"options {_numbers(taken)} go round a loop at {story.places[beat.state.position]} and never reach an ending")
                break
            been = been | {at}
            lines = [*lines, *shown_lines(story, beat)]
            if isinstance(beat.stop, Ending):
                found += 1
                yield taken, lines, ids
                break
            if isinstance(beat.stop, Choice):
                places = [next(i for i, o in enumerate(beat.stop.options) if o is option) for option in options_shown(beat.stop, beat.state.values)]
                for number in reversed(range(len(beat.options))):  # reversed: option 1's paths come out first
                    todo.append((after(story, beat.state, number), (*taken, number), [*lines, f"> {beat.options[number].text}"], been, ids | {(beat.state.position, places[number])}))
                break
            beat = after(story, beat.state)


@dataclass
class Cover:
    """`--cover`: the fewest paths (found greedily) that take every option some path takes."""

    paths: list[tuple[tuple[int, ...], list[str]]]
    options: int  # every option of every choice in the story
    taken: int  # the options some path takes
    complete: bool  # every path was looked at (not stopped at the limit)


def cover(story: Story, *, start: str | None = None, loops: list[str] | None = None, limit: int = MAX_PATHS, seed: int = 0) -> Cover:
    """The fewest paths from `start` to an ending that between them take every option that any path takes."""
    found = list(_each_path(story, start, [] if loops is None else loops, limit, seed))
    left = set().union(*(ids for _, _, ids in found)) if found else set()
    every = sum(len(step.options) for step in story.steps if isinstance(step, Choice))
    cover = Cover([], every, len(left), len(found) < limit)
    while left:
        taken, lines, ids = max(found, key=lambda path: len(path[2] & left))
        cover.paths.append((taken, lines))
        left -= ids
    if not cover.paths and found:
        cover.paths.append(found[0][:2])  # a story with no choice: its one path
    return cover


def shown_lines(story: Story, beat: Beat) -> list[str]:
    """What the player reads at a beat: `Speaker: text`, bare narration or prompt, `Ending: NAME`."""
    if isinstance(beat.stop, Ending):
        return [f"Ending: {beat.text}"]
    if not beat.text:
        return []
    if beat.speaker is None:
        return [beat.text]
    return [f"{story.shown_name(beat.speaker)}: {beat.text}"]


def _kept(variables: tuple[tuple[str, Value], ...]) -> tuple[tuple[str, Value], ...]:
    """The values that say whether a path has come round to where it was: visit counts left out
    (they grow each time round, so a loop through a counted label would otherwise be unrolled for ever)."""
    return tuple(pair for pair in variables if not pair[0].startswith((VISITS, SEQUENCE)))


def _numbers(options: Sequence[int]) -> str:
    if len(options) > 24:  # a long way round: its start and end, not thousands of numbers
        return f"{_numbers(options[:12])}, ... ({len(options) - 18:,} more), {_numbers(options[-6:])}"
    return ", ".join(str(n + 1) for n in options) or "none"


def heading(taken: Sequence[int]) -> str:
    """The line above each path of `--all`: the options taken, numbered as `--choose` takes them."""
    return f"=== options taken: {_numbers(taken)} ==="
