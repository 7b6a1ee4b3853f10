"""Finding a saved playthrough again in a story that may have been edited since it was saved.

A saved playthrough lists every beat passed through by its stop's stable id,
a short fingerprint of the stop's text, the option taken (at the choice) and
the state. Loading replays the player's own decisions through the story as it
is now, and checks each beat against what was saved:
- the same stop (id and fingerprint): the replayed beat is used, so an
  unchanged story gives back exactly the beats that were saved;
- an id that now names another line (lines were inserted above it and the
  `label.n` ids moved): the line with the saved fingerprint is looked for in the
  same label, nearest first;
- a stop that is gone (removed, its label renamed, its file removed): it is
  left out, and if it was where the player stood, they resume at the nearest
  earlier stop that is still there, with a notice saying so.
Where the replay and the save part ways, the beat is rebuilt from the saved
state (`StoryState.from_json`), and the replay goes on from it.
"""

from __future__ import annotations

import weakref
import zlib
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

from game.beats import Beat, StoryEnded, after, begin
from game.script.model import Choice, Ending, Line, Stop, Story
from game.state import Scene, StoryState

MOVED_NOTICE = "The story has changed since this save and its line is gone, so it resumes at the nearest earlier line."


def fingerprint(stop: Stop) -> str:
    """A short hash of what the stop says, to tell whether an id still names the same line."""
    if isinstance(stop, Line):
        words = f"line|{stop.speaker}|{stop.text}"
    elif isinstance(stop, Choice):
        words = f"choice|{stop.prompt}"
    else:
        words = f"ending|{stop.name}"
    return "%08x" % zlib.crc32(words.encode("utf-8"))  # a checksum, not a secret: the quickest will do


_FINGERPRINTS: dict[int, dict[int, str]] = {}  # by id(story), while it lives: by step index


def fingerprint_at(story: Story, index: int) -> str:
    """`fingerprint` of the stop at `index`, worked out once per story (saving and loading ask again and again)."""
    known = _FINGERPRINTS.get(id(story))
    if known is None:
        known = _FINGERPRINTS[id(story)] = {}
        weakref.finalize(story, _FINGERPRINTS.pop, id(story), None)
    if index not in known:
        known[index] = fingerprint(story.steps[index])
    return known[index]


@dataclass(frozen=True)
class Resumed:
    beats: list[Beat]
    index: int
    notice: str | None


class _Entry(NamedTuple):
    at: str
    check: str
    state: dict
    option: int | None
    option_text: str | None


def resume(story: Story, data: Any) -> Resumed:
    """The beats of the saved playthrough `data` in `story`; raises ValueError when it cannot be read."""
    start, entries, index = _read(data)
    labels = sorted(story.labels.values())
    beats: list[Beat] = []
    own: int | None = None  # where the player stands, among the beats kept
    found_own = False
    option: int | None = None  # taken at the last beat kept, when it is the choice
    for number, entry in enumerate(entries):
        position = _find(story, labels, entry)
        beat = None if position is None else _rebuild(story, start, beats[-1] if beats else None, option, entry, position)
        if beat is None:
            if number >= index:
                break  # the player's own line, or the future beyond a gap: resume earlier
            continue
        beats.append(beat)
        option = _option(beat.stop, entry)
        if number <= index:
            own, found_own = len(beats) - 1, number == index
    if own is None:
        raise ValueError("none of the lines up to where it was saved are in the story any more")
    return Resumed(beats, own, None if found_own else MOVED_NOTICE)


def _read(data: Any) -> tuple[str, list[_Entry], int]:
    if not isinstance(data, dict):
        raise ValueError("its playthrough is not a table")
    start, beats, index = data.get("start"), data.get("beats"), data.get("index")
    if not isinstance(start, str) or not isinstance(beats, list) or not beats:
        raise ValueError("its playthrough has no start or no beats")
    if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < len(beats):
        raise ValueError(f"its playthrough stands at beat {index!r} of {len(beats)}")
    return start, [_entry(item) for item in beats], index


def _entry(item: Any) -> _Entry:
    try:
        entry = _Entry(item["at"], item["check"], item["state"], item.get("option"), item.get("option_text"))
    except (TypeError, KeyError):
        raise ValueError("a beat of its playthrough is not {at, check, state}") from None
    if type(entry.at) is not str or type(entry.check) is not str or type(entry.state) is not dict:
        raise ValueError("a beat of its playthrough is not {at, check, state}")
    if entry.option is not None and type(entry.option) is not int or entry.option_text is not None and type(entry.option_text) is not str:
        raise ValueError("an option taken in its playthrough is not a number and its words")
    return entry


def _find(story: Story, labels: list[int], entry: _Entry) -> int | None:
    """Where the saved stop is now: at its id if that still says the same, else nearest in its label."""
    position = story.index_of_id.get(entry.at)
    if position is None:
        return None
    if fingerprint_at(story, position) == entry.check:
        return position
    first = max((at for at in labels if at <= position), default=0)
    end = min((at for at in labels if at > position), default=len(story.steps))
    same = [at for at in range(first, end) if _is_stop(story, at) and fingerprint_at(story, at) == entry.check]
    return min(same, key=lambda at: abs(at - position), default=None)


def _is_stop(story: Story, index: int) -> bool:
    return isinstance(story.steps[index], (Line, Choice, Ending))


def _option(stop: Stop, entry: _Entry) -> int | None:
    """The option taken at a choice, found by its words when the options were reordered."""
    if not isinstance(stop, Choice) or entry.option is None:
        return None
    texts = [option.text for option in stop.options]
    if entry.option_text in texts:
        return texts.index(entry.option_text)
    return entry.option if 0 <= entry.option < len(texts) else None


def _rebuild(story: Story, start: str, previous: Beat | None, option: int | None, entry: _Entry, position: int) -> Beat | None:
    """The beat at `position`: replayed from the one before when that leads there, else from the saved state."""
    replayed = _replay(story, start, previous, option)
    if replayed is not None and replayed.state.position == position:
        return replayed
    try:
        state = StoryState.from_json(story, entry.state)
    except (ValueError, KeyError, TypeError, IndexError):
        return None
    if state.position != position:
        state = replace(state, position=position)  # the same line, under the id it has now
    before = previous.state.scene if previous else Scene()
    return Beat(state, before, (), state.scene, story.steps[position])


def _replay(story: Story, start: str, previous: Beat | None, option: int | None) -> Beat | None:
    try:
        if previous is None:
            return begin(story, start) if start in story.labels else None
        if isinstance(previous.stop, Ending) or isinstance(previous.stop, Choice) and option is None:
            return None
        return after(story, previous.state, option)
    except (StoryEnded, ValueError, KeyError, IndexError, RuntimeError):
        return None
