"""What a translator translates: one `Translatable` for each line, prompt, option, ending name,
character's name, and game.yaml's title and end card, in the story's order."""

from __future__ import annotations

import re
import zlib
from bisect import bisect_right
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from game.gamefolder import GameFolder
from game.script.expressions import (
    COMPARISONS,
    VISITS,
    Expr,
    Literal,
    Name,
    Unary,
)
from game.script.markup import Pause, Segment, Style, Text, Var, Vary, When
from game.script.model import Choice, Ending, Line, Story
from game.stable_ids import fingerprint_at

#: An id `compiler` gives a stop (`label.n`): it moves when lines are added above it.
AUTO_ID = re.compile(r"^.+\.\d+$")


@dataclass(frozen=True)
class Translatable:
    """One text to translate: `id` its stable id (the PO's msgctxt), `source` as written (markup in)."""

    id: str
    source: str
    fingerprint: str
    place: tuple[str, int] = ("", 0)  # file, line (0: no line)
    speaker: str = ""  # as shown
    label: str = ""
    before: str = ""  # the line before it, for the translator's sake
    kind: str = "line"  # line, prompt, option, ending, character, title, end card

    @property
    def writers_id(self) -> bool:
        """The writer gave this id (`id:`): it stays with its text wherever it moves."""
        return self.kind in ("line", "prompt", "ending") and not AUTO_ID.match(self.id)


def written(segments: tuple[Segment, ...]) -> str:
    """The markup a writer would write for `segments` (the inverse of `markup.parse`, spacing aside)."""
    return "".join(_written(segment) for segment in segments)


def _joined(segments: tuple[Segment, ...]) -> str:
    return "".join(_written(segment) for segment in segments)


def _written(segment: Segment) -> str:
    if isinstance(segment, Text):
        return segment.text.replace("{", "{{").replace("[", "[[")
    if isinstance(segment, Var):
        return f"[{segment.name}]"
    if isinstance(segment, Pause):
        return "{pause}" if segment.seconds is None else f"{{pause {segment.seconds:g}}}"
    if isinstance(segment, Style):
        if segment.closing:
            return f"{{/{segment.name}}}"
        if segment.colour is not None:
            return "{{color=#{:02x}{:02x}{:02x}}}".format(*segment.colour)
        return f"{{{segment.name}}}"
    if isinstance(segment, Vary):
        return f"{{{segment.kind}: {'|'.join(segment.choices)}}}"
    if isinstance(segment, When):
        return "".join(when_tag(number, condition) + _joined(branch) for number, (condition, branch) in enumerate(segment.branches)) + "{/if}"
    words = " ".join(segment.words)
    if segment.kind == "show" and segment.style != "cut":
        words += f" {segment.style} {segment.duration:g}"
    return f"{{{segment.kind} {words}}}"


def when_tag(number: int, condition: Expr | None) -> str:
    """The tag opening branch `number` of an `{if}`: `{if c}`, `{elif c}` or `{else}`."""
    if condition is None:
        return "{else}"
    return f"{{{'elif' if number else 'if'} {condition_text(condition)}}}"


#: How tightly each operator binds (expressions.py's grammar, loosest first).
BINDING = {"or": 1, "and": 2, "not": 3, **dict.fromkeys(COMPARISONS, 4), "+": 5, "-": 5, "*": 6, "/": 6}


def condition_text(expr: Expr, outer: int = 0) -> str:
    """A condition as a writer writes it (the inverse of `expressions.parse`, spacing aside), parenthesised only
    where the grammar needs it: `trust >= 2 and not (met or seen("office"))`."""
    if isinstance(expr, Literal):
        if isinstance(expr.value, bool):
            return "true" if expr.value else "false"
        return '"' + expr.value.replace("\\", "\\\\").replace('"', '\\"') + '"' if isinstance(expr.value, str) else str(expr.value)
    if isinstance(expr, Name):
        return f'visits("{expr.name[len(VISITS):]}")' if expr.name.startswith(VISITS) else expr.name
    if isinstance(expr, Unary):
        binding = 3 if expr.op == "not" else 7
        text = f"not {condition_text(expr.operand, binding)}" if expr.op == "not" else f"-{condition_text(expr.operand, binding)}"
    elif expr.op == ">" and isinstance(expr.left, Name) and expr.left.name.startswith(VISITS) and expr.right == Literal(0, expr.right.offset):
        return f'seen("{expr.left.name[len(VISITS):]}")'
    else:
        binding = BINDING[expr.op]
        right = binding + 1 if binding != 4 else 5  # left-associative; a comparison's sides are sums
        text = f"{condition_text(expr.left, binding if binding != 4 else 5)} {expr.op} {condition_text(expr.right, right)}"
    return f"({text})" if binding < outer else text


def checksum(kind: str, text: str) -> str:
    """The fingerprint of a text that is not a stop (an option, a name): as `stable_ids.fingerprint`."""
    return "{:08x}".format(zlib.crc32(f"{kind}|{text}".encode()))


def texts(story: Story, game: GameFolder | None = None) -> list[Translatable]:
    """Every translatable text of the story (and of `game`'s game.yaml), in order."""
    found: list[Translatable] = []
    if game is not None:
        found.append(Translatable("game.title", game.title, checksum("title", game.title), ("game.yaml", 0), kind="title"))
        found.append(Translatable("game.end_card", game.end_card, checksum("end card", game.end_card), ("game.yaml", 0), kind="end card"))
    for cid, character in story.characters.items():
        found.append(Translatable(f"character.{cid}", character.name, checksum("character", character.name), ("", 0), kind="character"))
    starts, names = _sections(story)
    before = ""
    for index, step in enumerate(story.steps):
        if not isinstance(step, (Line, Choice, Ending)):
            continue
        place = story.places[index]
        at = bisect_right(starts, index) - 1
        where: dict[str, Any] = {"place": (_from_root(place.path, game), place.line), "label": names[at] if at >= 0 else "", "before": before}
        check = fingerprint_at(story, index)
        speaker = story.shown_name(step.speaker) or "" if isinstance(step, (Line, Choice)) else ""
        if isinstance(step, Line):
            found.append(replace(Translatable(step.id, written(step.segments), check, speaker=speaker), **where))
            before = step.text
        elif isinstance(step, Choice):
            if step.prompt:
                found.append(replace(Translatable(step.id, step.prompt, check, speaker=speaker, kind="prompt"), **where))
                before = step.prompt
            for number, option in enumerate(step.options, start=1):
                found.append(replace(Translatable(option_id(step.id, number), option.text, checksum("option", option.text), kind="option"), **where))
        else:
            found.append(replace(Translatable(step.id, step.name, check, kind="ending"), **where))
    return found


def _from_root(path: str, game: GameFolder | None) -> str:
    """A scene file's path from the game's folder (the same on every translator's machine)."""
    if game is None:
        return path
    try:
        return Path(path).resolve().relative_to(game.root.resolve()).as_posix()
    except ValueError:
        return path


def option_id(choice_id: str, number: int) -> str:
    """The id of a choice's option `number` (from 1)."""
    return f"{choice_id}/option {number}"


def _sections(story: Story) -> tuple[list[int], list[str]]:
    names: dict[int, str] = {}
    for name, index in sorted(story.labels.items()):
        names.setdefault(index, name)
    starts = sorted(names)
    return starts, [names[index] for index in starts]
