"""Timed reveals: what a beat shows at time t, with no pygame in it.

A `BeatPlayback` plays one beat: first its lead-in (transitions, held waits,
music and sounds at their moments), then its text typing out at the player's
speed, honouring `{pause 1.2}` (a held moment), `{pause}` (until a click) and
cues placed inside the line. The screen asks `frame(now)` what to draw; the
app asks `due(now)` for sounds to play and feeds clicks to `click(now)`.
A rewound or skipped beat is played `instant`: whole at once, no sounds.
A `{show ... dissolve 1.0}` cue blends from the scene before it to the scene
after it, using the same `Frame` fields as a lead-in transition (`blend_from`,
`blend`, `style`) while the text goes on typing over it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

from game.beats import (
    Beat,
    Change,
    ChangeMusic,
    Hold,
    LeadIn,
    PlaySound,
    Wash,
    apply_cue,
)
from game.script import markup
from game.script.model import Ending, Line
from game.state import Scene

Event = PlaySound | ChangeMusic
EPSILON = 1e-9
WASH_STRENGTH = 150  # a flash at its height: the colour over the screen at this alpha (of 255)  # so that 3.3 s - 3.0 s counts as the full 0.3 s


@dataclass(frozen=True)
class Frame:
    """What to draw: the scene (blending from `blend_from` when it is set) and the text."""

    scene: Scene
    blend_from: Scene | None = None
    blend: float = 1.0  # 0: all `blend_from`, 1: all `scene`
    style: str = "cut"
    text_shown: bool = False  # the text box is up
    box_only: bool = False  # the text box is up, empty: a written pause between lines keeps it (not a scene change)
    tint: tuple[int, int, int, int] | None = None  # a `flash:` washing over the screen: colour and strength (0-255)
    chars: int = 0  # how many characters of the text are visible
    text_from: int = 0  # where the shown text starts: the start of the page being read
    waiting: bool = False  # the text has stopped: at its end or at a {pause}
    complete: bool = False  # the whole beat has played


@dataclass
class _Part:
    """Text up to a `{pause}` (or the end): tokens are ('chars', n), ('pause', s) or ('cue', k)."""

    tokens: list[tuple[str, float | int]] = field(default_factory=list)
    fresh: bool = False  # starts a new page: the text shown so far is cleared

    @property
    def chars(self) -> int:
        return sum(int(v) for k, v in self.tokens if k == "chars")

    def duration(self, per_char: float) -> float:
        return sum(v * per_char if k == "chars" else v for k, v in self.tokens if k != "cue")

    def progress(self, elapsed: float, per_char: float) -> tuple[int, int]:
        """Characters shown and tokens wholly passed, `elapsed` seconds into the part."""
        shown = 0
        for passed, (kind, value) in enumerate(self.tokens):
            if kind == "cue":
                continue
            length = value * per_char if kind == "chars" else value
            if elapsed < length - EPSILON:
                if kind == "chars":
                    shown += int(elapsed / per_char + EPSILON)
                return shown, passed
            elapsed -= length
            shown += int(value) if kind == "chars" else 0
        return shown, len(self.tokens)

    def rescaled(self, elapsed: float, old: float, new: float) -> float:
        """The time into the part that shows what `elapsed` showed at `old` seconds a character, at `new`."""
        result = 0.0
        for kind, value in self.tokens:
            if kind == "cue":
                continue
            length = value * old if kind == "chars" else value
            if elapsed < length:
                return result + (elapsed / old * new if kind == "chars" else elapsed)
            elapsed -= length
            result += value * new if kind == "chars" else value
        return result + elapsed  # finished: it stays finished, waiting since the same moment

    def cue_time(self, cue: int, per_char: float) -> float:
        """Seconds into the part at which cue number `cue` happens."""
        elapsed = 0.0
        for kind, value in self.tokens:
            if kind == "cue" and value == cue:
                break
            if kind != "cue":
                elapsed += value * per_char if kind == "chars" else value
        return elapsed


def _parts(segments: tuple[markup.Segment, ...]) -> tuple[list[_Part], list[markup.Cue]]:
    parts: list[_Part] = [_Part()]
    cues: list[markup.Cue] = []
    for segment in segments:
        if isinstance(segment, markup.Text):
            parts[-1].tokens.append(("chars", len(segment.text)))
        elif isinstance(segment, markup.Pause):
            if segment.seconds is None:  # a pause for a click starts a new part
                parts.append(_Part())
            else:
                parts[-1].tokens.append(("pause", segment.seconds))
        elif isinstance(segment, markup.Cue):
            parts[-1].tokens.append(("cue", len(cues)))
            cues.append(segment)
    return parts, cues


def _paged(parts: list[_Part], breaks: tuple[int, ...]) -> list[_Part]:
    """Split the parts at each page break (a character index): a click-wait that starts a fresh page."""
    paged: list[_Part] = []
    at = 0  # characters before the token being placed
    pending = sorted(b for b in set(breaks) if b > 0)
    for part in parts:
        paged.append(_Part(fresh=part.fresh))
        for kind, value in part.tokens:
            while kind == "chars" and pending and pending[0] < at + int(value):
                if pending[0] > at:
                    paged[-1].tokens.append(("chars", pending[0] - at))
                    value, at = int(value) - (pending[0] - at), pending[0]
                if paged[-1].chars:
                    paged.append(_Part(fresh=True))
                else:
                    paged[-1].fresh = True  # a {pause} or page already stops here
                pending.pop(0)
            paged[-1].tokens.append((kind, value))
            at += int(value) if kind == "chars" else 0
    return paged


@dataclass(frozen=True)
class _Moment:
    """A lead-in entry placed in time: changes blend over [start, end]."""

    start: float
    end: float
    entry: LeadIn
    shown_before: Scene


class BeatPlayback:
    """One beat played out in time. `cps` is characters per second (0: all at once)."""

    def __init__(self, beat: Beat, *, cps: float, now: float, instant: bool = False, transitions: bool = True, page_breaks: tuple[int, ...] = ()) -> None:
        """`transitions` False makes every transition a cut (held waits still hold);
        `page_breaks`: character indexes where the text box is full and a fresh page starts."""
        self.beat = beat
        self.instant = instant
        self.per_char = 1.0 / cps if cps > 0 else 0.0
        self.transitions = transitions
        parts, self.cues = _parts(beat.segments)
        self.parts = _paged(parts, page_breaks)
        self.moments, self.lead_duration = self._schedule(beat, transitions=transitions)
        self.started = now
        self.text_start = now if instant else now + self.lead_duration
        self.part = len(self.parts) - 1 if instant else 0
        self.part_start = now
        self.part_done = instant  # the current part was completed by a click
        self.done_at = now if instant else None
        self.fired: set[int] = set(range(len(self.moments) + len(self.cues))) if instant else set()

    @staticmethod
    def _schedule(beat: Beat, *, transitions: bool) -> tuple[list[_Moment], float]:
        moments, t, shown = [], 0.0, beat.before
        for entry in beat.lead_in:
            if isinstance(entry, Change):
                length = entry.transition.duration if transitions else 0.0
            else:
                length = entry.seconds if isinstance(entry, (Hold, Wash)) else 0.0
            moments.append(_Moment(t, t + length, entry, shown))
            if isinstance(entry, Change):
                shown = entry.scene
            t += length
        return moments, t

    # -- time ---------------------------------------------------------------
    def in_lead_in(self, now: float) -> bool:
        return now < self.text_start

    def _part_progress(self, now: float) -> tuple[int, int, bool]:
        """(characters shown, tokens passed, part finished) for the current part."""
        part = self.parts[self.part]
        if self.part_done:
            return part.chars, len(part.tokens), True
        start = max(self.part_start, self.text_start)
        shown, passed = part.progress(max(0.0, now - start), self.per_char)
        return shown, passed, passed == len(part.tokens)

    def chars_shown(self, now: float) -> int:
        if self.in_lead_in(now):
            return 0
        earlier = sum(p.chars for p in self.parts[: self.part])
        return earlier + self._part_progress(now)[0]

    def _passed_cues(self, now: float) -> list[int]:
        if self.in_lead_in(now):
            return []
        passed = [int(v) for p in self.parts[: self.part] for k, v in p.tokens if k == "cue"]
        tokens = self.parts[self.part].tokens[: self._part_progress(now)[1]]
        return passed + [int(v) for k, v in tokens if k == "cue"]

    def waiting(self, now: float) -> bool:
        """The text has stopped and waits for a click (at its end or at a `{pause}`)."""
        return not self.in_lead_in(now) and self._part_progress(now)[2]

    def complete(self, now: float) -> bool:
        return self.part == len(self.parts) - 1 and self.waiting(now)

    def waiting_since(self, now: float) -> float | None:
        """When the text stopped to wait for a click (at its end or at a `{pause}`), if it has."""
        if not self.waiting(now):
            return None
        if self.part_done:
            return self.done_at
        start = max(self.part_start, self.text_start)
        return start + self.parts[self.part].duration(self.per_char)

    def completed_at(self, now: float) -> float | None:
        """When the whole beat finished playing, if it has."""
        return self.waiting_since(now) if self.complete(now) else None

    def auto_advance_due(self, now: float) -> bool:
        """A line with `auto:` has been whole for its time and goes on by itself."""
        auto = getattr(self.beat.stop, "auto", None)
        done = self.completed_at(now)
        return auto is not None and done is not None and now >= done + auto

    def next_change(self, now: float) -> float | None:
        """Seconds until what is shown changes by itself; 0 while animating; None when still."""
        if self.in_lead_in(now):
            moment = next((m for m in self.moments if self.started + m.end > now), None)
            if moment is None:
                return max(0.0, self.text_start - now)
            if isinstance(moment.entry, Change) and self.started + moment.start <= now:
                return 0.0
            if isinstance(moment.entry, Wash) and self.started + moment.start <= now:
                return 0.0
            return max(0.0, self.started + (moment.end if isinstance(moment.entry, Hold) else moment.start) - now)
        if not self.waiting(now):
            return 0.0 if self.per_char else self._pause_end(now) - now
        if self._cue_blend(now) is not None:
            return 0.0
        auto = getattr(self.beat.stop, "auto", None)
        done = self.completed_at(now)
        if auto is not None and done is not None:
            return max(0.0, done + auto - now)
        return None

    def _pause_end(self, now: float) -> float:
        """With instant text (cps 0), only timed pauses take time: when the current one ends."""
        end = max(self.part_start, self.text_start)
        for kind, value in self.parts[self.part].tokens:
            end += value if kind == "pause" else 0.0
            if end > now + EPSILON:
                break
        return max(now, end)

    def delay(self, seconds: float) -> None:
        """Move everything still to come `seconds` later (the game was paused meanwhile)."""
        self.started += seconds
        self.text_start += seconds
        self.part_start += seconds
        if self.done_at is not None:
            self.done_at += seconds

    def set_speed(self, cps: float, now: float) -> None:
        """Type on at `cps` from here: the text already shown stays, what is left follows the new speed."""
        per_char = 1.0 / cps if cps > 0 else 0.0
        if per_char == self.per_char:
            return
        if not self.in_lead_in(now) and not self.part_done:
            start = max(self.part_start, self.text_start)
            elapsed = self.parts[self.part].rescaled(max(0.0, now - start), self.per_char, per_char)
            self.part_start = now - elapsed
            self.text_start = min(self.text_start, self.part_start)
        self.per_char = per_char

    # -- input --------------------------------------------------------------
    def click(self, now: float) -> bool:
        """The player clicked: finish what is moving. False if the beat has fully played."""
        if self.in_lead_in(now):
            self.text_start = now
            self.part_start = now
            return True
        if not self.waiting(now):
            self.part_done = True
            self.done_at = now
            return True
        if self.part < len(self.parts) - 1:
            self.part += 1
            self.part_start = now
            self.part_done = False
            return True
        return False

    # -- output -------------------------------------------------------------
    def due(self, now: float) -> list[Event]:
        """Sounds and music changes whose moment has come, each given once."""
        events: list[Event] = []
        for number, moment in enumerate(self.moments):
            reached = not self.in_lead_in(now) or now >= self.started + moment.start
            if reached and number not in self.fired and isinstance(moment.entry, (PlaySound, ChangeMusic)):
                events.append(moment.entry)
            if reached:
                self.fired.add(number)
        for cue in self._passed_cues(now):
            number = len(self.moments) + cue
            if number not in self.fired:
                self.fired.add(number)
                if self.cues[cue].kind == "sound":
                    events.append(PlaySound(self.cues[cue].words[0]))
        return events

    def frame(self, now: float) -> Frame:
        if self.in_lead_in(now):
            return self._lead_in_frame(now)
        scene = self.beat.text_scene
        for cue in self._passed_cues(now):
            scene = apply_cue(scene, self.cues[cue])
        waiting = self.waiting(now)
        # An ending's picture is shown clean: its name belongs to the end card, not to a box over the picture.
        text_shown = isinstance(self.beat.stop, Line) or (bool(self.parts[0].tokens) and not isinstance(self.beat.stop, Ending))
        page = next(n for n in range(self.part, -1, -1) if n == 0 or self.parts[n].fresh)
        text_from = sum(p.chars for p in self.parts[:page])
        frame = Frame(scene, text_shown=text_shown, chars=self.chars_shown(now), text_from=text_from, waiting=waiting, complete=self.complete(now))
        blend = self._cue_blend(now)
        if blend is not None:
            before, progress, style = blend
            frame = replace(frame, blend_from=before, blend=progress, style=style)
        return frame

    def _cue_blend(self, now: float) -> tuple[Scene, float, str] | None:
        """(scene before, progress, style) while the latest passed cue's transition is still blending."""
        if self.instant or not self.transitions or self.in_lead_in(now):
            return None  # a rewound or skipped beat shows whole; with transitions off every change is a cut
        passed = self._passed_cues(now)
        if not passed or self.cues[passed[-1]].style == "cut":
            return None
        cue = self.cues[passed[-1]]
        part = next(i for i, p in enumerate(self.parts) if ("cue", passed[-1]) in p.tokens)
        start = max(self.part_start, self.text_start) if part == self.part else None
        if start is None or cue.duration <= 0:
            return None
        began = start + self.parts[part].cue_time(passed[-1], self.per_char)
        if self.part_done and self.done_at is not None:
            began = min(began, self.done_at)  # a click finished the text: the blend starts from then at the latest
        progress = (now - began) / cue.duration
        if progress >= 1.0:
            return None
        before = self.beat.text_scene
        for number in passed[:-1]:
            before = apply_cue(before, self.cues[number])
        return before, max(0.0, progress), cue.style

    def _lead_in_frame(self, now: float) -> Frame:
        """The lead-in at `now`: the text box stays up, empty, until a change of background (as
        Ren'Py's `window auto` keeps it through a pause and takes it down for a new scene)."""
        elapsed = now - self.started
        shown = self.beat.before
        box = shown.background is not None
        tint = self._wash(elapsed)
        for moment in self.moments:
            if not isinstance(moment.entry, Change):
                continue
            if elapsed < moment.start:
                break
            box = box and moment.entry.scene.background == moment.shown_before.background
            if elapsed >= moment.end:
                shown = moment.entry.scene
                continue
            progress = (elapsed - moment.start) / (moment.end - moment.start)
            return Frame(moment.entry.scene, blend_from=moment.shown_before, blend=progress, style=moment.entry.transition.style,
                         text_shown=box, box_only=box, tint=tint)
        return Frame(shown, text_shown=box, box_only=box, tint=tint)

    def _wash(self, elapsed: float) -> tuple[int, int, int, int] | None:
        """A `flash:` under way `elapsed` seconds into the lead-in: its colour, rising and falling (a sine's hump)."""
        for moment in self.moments:
            if isinstance(moment.entry, Wash) and moment.start <= elapsed < moment.end and self.transitions:
                strength = math.sin(math.pi * (elapsed - moment.start) / (moment.end - moment.start))
                return (*moment.entry.colour, round(WASH_STRENGTH * strength))
        return None
