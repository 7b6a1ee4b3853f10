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
state (`StoryState.from_json`), and the replay goes on from it. A rebuilt beat
inside a `call:` keeps the calls of the beat before it when the save says they
did not change in between, and else finds each call by its site
(`game.stable_ids`); saves older than `CALLS_BY_SITE` kept the step index a call
returns to instead, which is read as written when it still follows a `call:`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from collections.abc import Callable
from typing import Any, NamedTuple

from game.beats import Beat, StoryEnded, after, begin, rebuilt_segments
from game.script.markup import SEED
from game.script.model import Call, Choice, Ending, Line, Story
from game.stable_ids import CallSite, call_site, fingerprint_at, known_fingerprints
from game.state import Scene, StoryState
from game.limits import readable

MOVED_NOTICE = "The story has changed since this save and its line is gone, so it resumes at the nearest earlier line."
#: The save format that first kept a pending call by its site; older saves kept the step index it returns to.
CALLS_BY_SITE = 3


#: The parts of a beat's state (as `StoryState.to_json` writes them) that a save keeps only where they change:
#: every field but the position (a test fails when StoryState gains one that is not here and in `_changed`).
STATE_PARTS = ("background", "sprites", "music", "choices", "variables", "calls")


def encode(story: Story, start: str, index: int, beats: list[Beat], option_taken_at: Callable[[int], int | None]) -> dict[str, Any]:
    """The playthrough as plain JSON: `{"start", "index", "beats": [[id, fingerprint(, changes)], ...]}`.

    Each beat is its stop's id and fingerprint; `changes` (a table, left out
    when empty) holds the state's parts that differ from the beat before (all
    of them at the first beat) and, at a choice passed, the option taken and its
    words. Loading replays the decisions and needs a beat's state only where the
    story was edited, so writing it whole at every beat (as format 1 did) made a
    10,000-line save five times larger and slower for nothing.
    """
    known = known_fingerprints(story)
    entries: list[list[Any]] = []
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


def _changed(story: Story, previous: StoryState | None, state: StoryState) -> dict[str, Any]:
    """The parts of `state` that differ from `previous`: all of them at the first beat."""
    different: tuple[str, ...]
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
    state: dict[str, Any]  # the parts of the state (STATE_PARTS) as saved; its position is `at`
    option: int | None
    option_text: str | None


def resume(story: Story, data: Any, *, save_format: int) -> Resumed:
    """The beats of the saved playthrough `data` (from a save of `save_format`) in `story`; raises ValueError when it cannot be read."""
    start, entries, index = _read(data)
    labels = sorted(story.labels.values())
    beats: list[Beat] = []
    own: int | None = None  # where the player stands, among the beats kept
    found_own = False
    option: int | None = None  # taken at the last beat kept, when it is the choice
    kept: _Entry | None = None  # the saved beat of the last beat kept
    seed = _seed(entries[0]) if entries else 0
    for number, entry in enumerate(entries):
        position = _find(story, labels, entry)
        previous = beats[-1] if beats else None
        beat = None if position is None else _replayed(story, start, previous, option, position, seed) or _restored(story, previous, kept, entry, position, save_format)
        if beat is None:
            if number >= index:
                break  # the player's own line, or the future beyond a gap: resume earlier
            continue
        beats.append(beat)
        option, kept = _option(beat, entry), entry
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


def _entries(items: list[Any]) -> list[_Entry]:
    """The saved beats, each as `encode` writes it, or (format 1) `{at, check, state, option, option_text}`."""
    entries: list[_Entry] = []
    parts: dict[str, Any] = {}  # the state's parts so far: shared by every beat that changed none of them
    for item in items:
        if type(item) is list and len(item) == 2 and type(item[0]) is str and type(item[1]) is str:
            entries.append(_Entry(item[0], item[1], parts, None, None))  # most beats: nothing changed, no choice
            continue
        if type(item) is list and len(item) == 3 and type(item[2]) is dict:
            changes = item[2]
            if any(part in changes for part in STATE_PARTS):
                parts = {**parts, **{part: changes[part] for part in STATE_PARTS if part in changes}}
            entry = _checked(item[0], item[1], parts, changes.get("option"), changes.get("option_text"))
        elif type(item) is dict:
            entry = _checked(item.get("at"), item.get("check"), item.get("state"), item.get("option"), item.get("option_text"))
        else:
            raise ValueError("a beat of its playthrough is not [id, fingerprint, changes]")
        entries.append(entry)
    return entries


def _checked(at: object, check: object, state: object, option: object, option_text: object) -> _Entry:
    if type(at) is not str or type(check) is not str or type(state) is not dict:
        raise ValueError("a beat of its playthrough is not an id, a fingerprint and a state")
    if option is not None and type(option) is not int or option_text is not None and type(option_text) is not str:
        raise ValueError("an option taken in its playthrough is not a number and its words")
    return _Entry(at, check, state, option, option_text)


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


def _seed(first: _Entry) -> int:
    """The playthrough's `{shuffle:}` seed, as its first beat saved it (0 in a save from before seeds)."""
    variables = first.state.get("variables")
    seed = variables.get(SEED, 0) if isinstance(variables, dict) else 0
    return seed if type(seed) is int else 0


def _replayed(story: Story, start: str, previous: Beat | None, option: int | None, position: int, seed: int = 0) -> Beat | None:
    """The beat at `position`, when replaying the decisions from the beat before leads there (the first one with the playthrough's `seed`)."""
    try:
        if previous is None:
            replayed = begin(story, start, seed=seed) if start in story.labels else None
        elif isinstance(previous.stop, Ending) or isinstance(previous.stop, Choice) and option is None:
            replayed = None
        else:
            replayed = after(story, previous.state, option)
    except (StoryEnded, ValueError, KeyError, IndexError, RuntimeError):
        return None
    return replayed if replayed is not None and replayed.state.position == position else None


def _restored(story: Story, previous: Beat | None, kept: _Entry | None, entry: _Entry, position: int, save_format: int) -> Beat | None:
    """The beat at `position` rebuilt from the state the save kept; None when that state no longer fits the story.

    `previous` is the beat kept before it, `kept` its saved beat: when the save's calls are the same at both, so are the pending calls.
    """
    calls = previous.state.calls if previous and kept and kept.state.get("calls") == entry.state.get("calls") else None
    saved = {**entry.state, "at": entry.at}
    try:
        if calls is not None:
            saved.pop("calls", None)  # read as none, then given those
        elif save_format < CALLS_BY_SITE and "calls" in saved:
            saved["calls"] = _sites_of_indexes(story, saved["calls"])
        state = StoryState.from_json(story, saved)
    except (ValueError, KeyError, TypeError, IndexError):
        return None
    if calls is not None:
        state = replace(state, calls=calls)
    if state.position != position:
        state = replace(state, position=position)  # the same line, under the id it has now
    before = previous.state.scene if previous else Scene()
    stop = story.steps[position]
    assert isinstance(stop, (Line, Choice, Ending))  # `_find` finds only stops
    return Beat(state, before, (), state.scene, stop, rebuilt_segments(story, stop, position, state.values))


def _sites_of_indexes(story: Story, saved: object) -> list[CallSite]:
    """The call sites of the step indexes an older save kept (each one after a `call:`), read in `story` as it is now.

    The index cannot be checked against the story it was saved from; one that no longer follows a `call:` does not fit.
    """
    if not isinstance(saved, list) or not all(type(i) is int and 0 < i <= len(story.steps) and isinstance(story.steps[i - 1], Call) for i in saved):
        raise ValueError("the calls waiting to return no longer fit the story")
    return [call_site(story, index) for index in saved]
