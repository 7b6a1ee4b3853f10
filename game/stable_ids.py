"""The stable names a save gives to places in a story, so they are found again after the story is edited.

Step indexes move whenever a line is added or removed above them, so a save
never keeps one:
- a stop is kept by its id (`label.n`, or the writer's own) and a fingerprint
  of what it says (`game.resume` looks for it by both);
- a pending `call:` (where its `return:` goes back to) is kept by its *site*:
  the label it is under, the label it calls, which call of that label it is
  under its own label (from 0), and the fingerprint of the first stop after it
  under that label ("" for none): `[label, called, n, check]`. Lines added or
  removed above it, or in the called scene, change none of these; a call of the
  same label added above it is passed over, because what follows it says
  something else. A site that fits no call any more (the call was removed, its
  labels renamed, the line after it changed) does not resolve, and the save
  resumes earlier, as it does for a line that is gone.
"""

from __future__ import annotations

import weakref
import zlib
from bisect import bisect_right
from dataclasses import dataclass, field

from game.script.model import Call, Choice, Ending, Line, Stop, Story

#: A pending call as a save keeps it: [label it is under, label it calls, which such call (from 0), check].
CallSite = list[str | int]


def fingerprint(stop: Stop) -> str:
    """A short hash of what the stop says, to tell whether an id still names the same line."""
    if isinstance(stop, Line):
        words = f"line|{stop.speaker}|{stop.text}"
    elif isinstance(stop, Choice):
        words = f"choice|{stop.prompt}"
    else:
        words = f"ending|{stop.name}"
    return "%08x" % zlib.crc32(words.encode("utf-8"))  # a checksum, not a secret: the quickest will do


@dataclass
class _Known:
    """What is worked out once per story (saving and loading ask again and again)."""

    fingerprints: dict[int, str] = field(default_factory=dict)  # by step index
    sites: dict[int, CallSite] = field(default_factory=dict)  # by return point
    sections: tuple[list[int], list[str]] | None = None  # the labels' step indexes, sorted, and their names


_KNOWN: dict[int, _Known] = {}  # by id(story), while it lives


def _known(story: Story) -> _Known:
    known = _KNOWN.get(id(story))
    if known is None:
        known = _KNOWN[id(story)] = _Known()
        weakref.finalize(story, _KNOWN.pop, id(story), None)
    return known


def known_fingerprints(story: Story) -> dict[int, str]:
    """The fingerprints worked out so far, by step index (for a loop that asks for thousands)."""
    return _known(story).fingerprints


def fingerprint_at(story: Story, index: int) -> str:
    """`fingerprint` of the stop at `index`."""
    known = _known(story).fingerprints
    check = known.get(index)
    if check is None:
        stop = story.steps[index]
        assert isinstance(stop, (Line, Choice, Ending)), f"step {index} is not a stop"
        check = known[index] = fingerprint(stop)
    return check


def call_site(story: Story, return_point: int) -> CallSite:
    """The stable name of the `call:` whose `return:` goes back to step `return_point`."""
    known = _known(story)
    site = known.sites.get(return_point)
    if site is None:
        call = story.steps[return_point - 1]
        assert isinstance(call, Call), f"step {return_point - 1} is not a call"
        label = _label_over(story, return_point - 1)
        bounds = _bounds(story, label)
        assert bounds is not None, f"no label {label!r}"  # it was just found over the call
        first, end = bounds
        calls = _calls_of(story, call.label, first, end)
        site = known.sites[return_point] = [label, call.label, calls.index(return_point - 1), _check_after(story, return_point, end)]
    return list(site)  # a copy: the JSON it goes into is the caller's to change


def return_point(story: Story, site: object) -> int | None:
    """Where the `return:` of the call named by `site` goes back to now; None when no call fits it.

    Raises ValueError when `site` is not a call site at all.
    """
    if not (isinstance(site, list) and len(site) == 4 and isinstance(site[0], str) and isinstance(site[1], str) and isinstance(site[3], str)):
        raise ValueError(f"a call waiting to return is not [label, called label, number, check]: {site!r}")
    label, called, number, check = site
    if type(number) is not int or number < 0:
        raise ValueError(f"a call waiting to return is numbered {number!r}, not 0 or more")
    bounds = _bounds(story, label)
    if bounds is None:
        return None
    calls = _calls_of(story, called, *bounds)
    fits = [n for n, index in enumerate(calls) if _check_after(story, index + 1, bounds[1]) == check]
    best = min(fits, key=lambda n: abs(n - number), default=None)  # the saved one, unless a call was added above it
    return None if best is None else calls[best] + 1


def _calls_of(story: Story, called: str, first: int, end: int) -> list[int]:
    """The steps from `first` up to `end` that are `call: called`."""
    return [index for index in range(first, end) if isinstance(step := story.steps[index], Call) and step.label == called]


def _check_after(story: Story, index: int, end: int) -> str:
    """The fingerprint of the first stop from step `index` up to `end` ("" when there is none)."""
    for at in range(index, end):
        if isinstance(story.steps[at], (Line, Choice, Ending)):
            return fingerprint_at(story, at)
    return ""


def _sections(story: Story) -> tuple[list[int], list[str]]:
    """Where each label's steps begin, in order, with one name for each (of labels at the same step, the first by name)."""
    known = _known(story)
    if known.sections is None:
        names: dict[int, str] = {}
        for name, index in sorted(story.labels.items()):
            names.setdefault(index, name)
        starts = sorted(names)
        known.sections = (starts, [names[index] for index in starts])
    return known.sections


def _label_over(story: Story, index: int) -> str:
    """The label step `index` is under ("" before any label)."""
    starts, names = _sections(story)
    at = bisect_right(starts, index) - 1
    return names[at] if at >= 0 else ""


def _bounds(story: Story, label: str) -> tuple[int, int] | None:
    """The first step under `label` and the end of its steps ("": those before any label); None when there is no such label."""
    if label == "":
        starts, _ = _sections(story)
        return 0, starts[0] if starts else len(story.steps)
    first = story.labels.get(label)
    return None if first is None else (first, _section_end(story, first))


def _section_end(story: Story, first: int) -> int:
    starts, _ = _sections(story)
    at = bisect_right(starts, first)
    return starts[at] if at < len(starts) else len(story.steps)
