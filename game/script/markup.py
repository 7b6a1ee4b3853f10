"""Timing markup inside a line: `{pause 1.2}`, `{pause}`, `{show ...}`, `{hide ...}`, `{sound ...}`.

A line's text is compiled into a tuple of segments the reveal plays in order:
`Text` (characters to type out), `Pause` (a held moment, or until a click) and
`Cue` (a sprite change or sound at exactly that point).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from game.script.problems import did_you_mean

TAG = re.compile(r"\{\{|\{([^{}]*)\}")


@dataclass(frozen=True)
class Text:
    """Characters typed out one by one."""

    text: str


@dataclass(frozen=True)
class Pause:
    """Typing stops: for `seconds`, or until the player clicks when it is None."""

    seconds: float | None


@dataclass(frozen=True)
class Cue:
    """Something that happens at this point of the line: `kind` is show, hide or sound."""

    kind: str
    words: tuple[str, ...]


Segment = Text | Pause | Cue

CUE_KINDS = ("pause", "show", "hide", "sound")


class MarkupError(ValueError):
    """A tag that cannot be understood; `offset` is its index in the text."""

    def __init__(self, message: str, hint: str, offset: int) -> None:
        super().__init__(message)
        self.hint = hint
        self.offset = offset


def parse(text: str) -> tuple[Segment, ...]:
    """Split a line's text into segments; raises `MarkupError` for a bad tag."""
    segments: list[Segment] = []
    plain: list[str] = []
    end = 0
    for match in TAG.finditer(text):
        _no_stray_brace(text, end, match.start())
        plain.append(text[end : match.start()])
        end = match.end()
        if match.group(0) == "{{":
            plain.append("{")
            continue
        if plain and "".join(plain):
            segments.append(Text("".join(plain)))
        plain = []
        segments.append(_tag(match.group(1), match.start()))
        if text[match.start() - 1 : match.start()] == " " and text[end : end + 1] == " ":
            end += 1  # "Right. {pause 1} Right." reads with one space, not two
    _no_stray_brace(text, end, len(text))
    plain.append(text[end:])
    if "".join(plain):
        segments.append(Text("".join(plain)))
    return tuple(segments)


def _no_stray_brace(text: str, start: int, end: int) -> None:
    brace = text.find("{", start, end)
    if brace >= 0:
        raise MarkupError("a '{' that does not start a tag", "close the tag with }, or write {{ for a literal {", brace)


def _tag(body: str, offset: int) -> Segment:
    words = tuple(body.split())
    if not words:
        raise MarkupError("an empty tag {}", "write {pause 1}, {pause}, {show ...}, {hide ...} or {sound ...}", offset)
    kind, args = words[0], words[1:]
    if kind == "pause":
        return _pause(args, offset)
    if kind in CUE_KINDS:
        if not args:
            raise MarkupError(f"{{{kind}}} needs a name", f"for example {{{kind} {_example(kind)}}}", offset)
        return Cue(kind, args)
    raise MarkupError(f"unknown tag {{{body}}}", did_you_mean(kind, CUE_KINDS), offset)


def _pause(args: tuple[str, ...], offset: int) -> Pause:
    if not args:
        return Pause(None)
    try:
        seconds = float(args[0])
    except ValueError:
        seconds = -1.0
    if len(args) > 1 or not 0 < seconds < math.inf:  # also refuses nan
        raise MarkupError(f"{{pause {' '.join(args)}}} needs a number of seconds", "write {pause 1.5}, or {pause} to wait for a click", offset)
    return Pause(seconds)


def _example(kind: str) -> str:
    return {"show": "ianto hurt", "hide": "ianto", "sound": "glass_down"}[kind]


def plain_text(segments: tuple[Segment, ...]) -> str:
    """What the player reads: the text with every tag taken out."""
    return "".join(s.text for s in segments if isinstance(s, Text))
