"""A saved playthrough: how it is written down, and found again in a story that may have been edited since.

A saved playthrough lists every beat passed through by its stop's stable id
and a short fingerprint of the stop's text, with the option taken at the
choice and the state where it changes (see `encode`). Loading replays the
player's own decisions through the story as it is now, and checks each beat
against what was saved:
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
from collections.abc import Callable
from typing import Any, NamedTuple

from game.beats import Beat, StoryEnded, after, begin, shown_segments
from game.script.model import Choice, Ending, Line, Stop, Story
from game.limits import readable
from game.state import FORMAT_VERSION, Scene, StoryState

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
    known = _fingerprints(story)
    check = known.get(index)
    if check is None:
        check = known[index] = fingerprint(story.steps[index])
    return check


def _fingerprints(story: Story) -> dict[int, str]:
    known = _FINGERPRINTS.get(id(story))
    if known is None:
        known = _FINGERPRINTS[id(story)] = {}
        weakref.finalize(story, _FINGERPRINTS.pop, id(story), None)
    return known


#: The parts of a beat's state (as `StoryState.to_json` writes them) that a save keeps only where they change:
#: every field but the position (a test fails when StoryState gains one that is not here and in `_changed`).
STATE_PARTS = ("background", "sprites", "music", "choices", "variables", "calls")


def encode(story: Story, start: str, index: int, beats: list[Beat], option_taken_at: Callable[[int], int | None]) -> dict:
    """The playthrough as plain JSON: `{"start", "index", "beats": [[id, fingerprint(, changes)], ...]}`.

    Each beat is its stop's id and fingerprint; `changes` (a table, left out
    when empty) holds the state's parts that differ from the beat before (all
    of them at the first beat) and, at a choice passed, the option taken and its
    words. Loading replays the decisions and needs a beat's state only where the
    story was edited, so writing it whole at every beat (as format 1 did) made a
    10,000-line save five times larger and slower for nothing.
    """
    known = _fingerprints(story)
    entries: list[list] = []
    previous: StoryState | None = None
    for number, beat in enumerate(beats):
        state = beat.state
        check = known.get(state.position) or fingerprint_at(story, state.position)  # the call only the first time
        changes = _changed(story, previous, state)
        if isinstance(beat.stop, Choice):
            option = option_taken_at(number)
            if option is not None and option < len(beat.options):
                changes["option"], changes["option_text"] = option, beat.options[option].text
        entries.append([beat.stop.id, check, changes] if changes else [beat.stop.id, check])
        previous = state
    return {"start": start, "index": index, "beats": entries}


def _changed(story: Story, previous: StoryState | None, state: StoryState) -> dict:
    """The parts of `state` that differ from `previous`: all of them at the first beat."""
    if previous is None:
        different = STATE_PARTS
    elif all(getattr(state, name) is getattr(previous, name) for name in ("scene", "music", "choices", "variables", "calls")):
        return {}  # most beats: a beat that changes nothing keeps the very same objects
    else:
        scene, before = state.scene, previous.scene
        pairs = zip(
            STATE_PARTS,
            (scene.background, scene.sprites, state.music, state.choices, state.variables, state.calls),
            (before.background, before.sprites, previous.music, previous.choices, previous.variables, previous.calls),
        )
        different = tuple(part for part, now, then in pairs if now != then)
        if not different:
            return {}
    whole = state.to_json(story)
    return {part: whole[part] for part in different}


@dataclass(frozen=True)
class Resumed:
    beats: list[Beat]
    index: int
    notice: str | None


class _Entry(NamedTuple):
    at: str
    check: str
    state: dict  # the parts of the state (STATE_PARTS) as saved; its position is `at`
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
        option = _option(beat, entry)
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
        raise ValueError(f"its playthrough stands at beat {readable(index) if isinstance(index, int) else repr(index)[:40]} of {len(beats)}")
    return start, _entries(beats), index


def _entries(items: list) -> list[_Entry]:
    """The saved beats, each as `encode` writes it, or (format 1) `{at, check, state, option, option_text}`."""
    entries: list[_Entry] = []
    parts: dict = {}  # the state's parts so far: shared by every beat that changed none of them
    for item in items:
        if type(item) is list and len(item) == 2 and type(item[0]) is str and type(item[1]) is str:
            entries.append(_Entry(item[0], item[1], parts, None, None))  # most beats: nothing changed, no choice
            continue
        if type(item) is list and len(item) == 3 and type(item[2]) is dict:
            changes = item[2]
            if any(part in changes for part in STATE_PARTS):
                parts = {**parts, **{part: changes[part] for part in STATE_PARTS if part in changes}}
            entry = _Entry(item[0], item[1], parts, changes.get("option"), changes.get("option_text"))
        elif type(item) is dict:
            entry = _Entry(item.get("at"), item.get("check"), item.get("state"), item.get("option"), item.get("option_text"))
        else:
            raise ValueError("a beat of its playthrough is not [id, fingerprint, changes]")
        entries.append(_checked(entry))
    return entries


def _checked(entry: _Entry) -> _Entry:
    if type(entry.at) is not str or type(entry.check) is not str or type(entry.state) is not dict:
        raise ValueError("a beat of its playthrough is not an id, a fingerprint and a state")
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


def _option(beat: Beat, entry: _Entry) -> int | None:
    """The option taken at a choice (counting shown options), found by its words when the options were reordered."""
    if not isinstance(beat.stop, Choice) or entry.option is None:
        return None
    texts = [option.text for option in beat.options]
    if entry.option_text in texts:
        return texts.index(entry.option_text)
    return entry.option if 0 <= entry.option < len(texts) else None


def _rebuild(story: Story, start: str, previous: Beat | None, option: int | None, entry: _Entry, position: int) -> Beat | None:
    """The beat at `position`: replayed from the one before when that leads there, else from the saved state."""
    replayed = _replay(story, start, previous, option)
    if replayed is not None and replayed.state.position == position:
        return replayed
    try:
        state = StoryState.from_json(story, {"version": FORMAT_VERSION, **entry.state, "at": entry.at})
    except (ValueError, KeyError, TypeError, IndexError):
        return None
    if state.position != position:
        state = replace(state, position=position)  # the same line, under the id it has now
    before = previous.state.scene if previous else Scene()
    stop = story.steps[position]
    return Beat(state, before, (), state.scene, stop, shown_segments(stop, state.values))  # type: ignore[arg-type]


def _replay(story: Story, start: str, previous: Beat | None, option: int | None) -> Beat | None:
    try:
        if previous is None:
            return begin(story, start) if start in story.labels else None
        if isinstance(previous.stop, Ending) or isinstance(previous.stop, Choice) and option is None:
            return None
        return after(story, previous.state, option)
    except (StoryEnded, ValueError, KeyError, IndexError, RuntimeError):
        return None
