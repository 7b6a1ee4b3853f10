"""Markup inside a line: timing (`{pause 1.2}`, `{pause}`, `{show ...}`, `{hide ...}`, `{sound ...}`),
style (`{b}`, `{i}`, `{color=#rrggbb}` and their closing tags) and variables (`[name]`).

A line's text is compiled into a tuple of segments the reveal plays in order:
`Text` (characters to type out), `Pause` (a held moment, or until a click),
`Cue` (a sprite change or sound at exactly that point), `Style` (a style opens
or closes) and `Var` (a variable's value, put in as text when the line is reached).
"""

from __future__ import annotations

import math
import re
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TypeVar

from game.limits import MAX_PUT_IN_CHARS, MAX_TEXT_NESTING
from game.script import expressions
from game.script.expressions import Expr, Value
from game.script.problems import TextError, did_you_mean

TAG = re.compile(r"\{\{|\{([^{}]*)\}|\[\[|\[([^\[\]]*)\]")
STYLE_TAGS = ("b", "i", "color")
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


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
    """Something that happens at this point of the line: `kind` is show, hide or sound.

    A checked `show` cue's words are `(character, expression)` or
    `(character, expression, "at", position)`; `style` and `duration` are its transition.
    """

    kind: str
    words: tuple[str, ...]
    style: str = "cut"
    duration: float = 0.0


@dataclass(frozen=True)
class Style:
    """A style opens (`{b}`, `{i}`, `{color=#rrggbb}`) or, with `closing`, ends (`{/b}`)."""

    name: str  # b, i or color
    colour: tuple[int, int, int] | None = None
    closing: bool = False


@dataclass(frozen=True)
class Var:
    """`[name]`: the variable's value when the line is reached; `offset` is in the line's text."""

    name: str
    offset: int = 0


@dataclass(frozen=True)
class When:
    """Text that adapts: `{if c}...{elif d}...{else}...{/if}`; the first branch whose condition
    holds (None: the `{else}`) is what the player reads, chosen when the line is reached."""

    branches: tuple[tuple[Expr | None, tuple[Segment, ...]], ...]
    offset: int = 0


@dataclass(frozen=True)
class Vary:
    """Variety: `{cycle: a|b|c}` (in turn, round again), `{once: a|b}` (in turn, then the last for good)
    or `{shuffle: a|b}` (each round in an order of its own); `key` is the hidden counter of the times shown."""

    kind: str
    choices: tuple[str, ...]
    key: str = ""


Segment = Text | Pause | Cue | Style | Var | When | Vary
S = TypeVar("S")
VARIETY = ("cycle", "once", "shuffle")
SEQUENCE = "~seq."  # hidden variables counting how often each variety was shown: `~seq.STOP_ID.N`
SEED = "~seed"  # the hidden variable holding the playthrough's seed for `{shuffle:}` (0, the fixed default, in a save from before seeds)


@dataclass(frozen=True)
class TextStyle:
    """How a run of text is drawn."""

    bold: bool = False
    italic: bool = False
    colour: tuple[int, int, int] | None = None

CUE_KINDS = ("pause", "show", "hide", "sound")
BRANCH_TAGS = ("elif", "else", "/if")  # the tags that end one branch of an `{if}`


MarkupError = TextError  # a mistake in the text at an offset: the one script error type, in its text form


def parse(text: str) -> tuple[Segment, ...]:
    """Split a line's text into segments; raises `MarkupError` for a bad tag."""
    reading = _Reading(text)
    segments, closer = reading.block(0)
    if closer is not None:
        word = closer.group(1).split()[0]
        raise MarkupError(f"{{{word}}} with no {{if}} before it", "start the adapting text with {if CONDITION}, e.g. {if trust >= 2}smartly{else}quietly{/if}", closer.start())
    return segments


class _Reading:
    """The text read tag by tag; `block` reads up to the end or to an `{elif}`, `{else}` or `{/if}` (bounded nesting)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.matches = list(TAG.finditer(text))
        self.next = 0  # the next match to read
        self.end = 0  # where the text not yet read starts

    def block(self, depth: int) -> tuple[tuple[Segment, ...], re.Match[str] | None]:
        """Segments up to the end of the text, or up to a branch's closing tag (returned with them)."""
        text = self.text
        segments: list[Segment] = []
        plain: list[str] = []
        opened: list[tuple[str, int]] = []  # style tags still open, with their offsets
        while self.next < len(self.matches):
            match = self.matches[self.next]
            self.next += 1
            _no_stray_brace(text, self.end, match.start())
            plain.append(text[self.end : match.start()])
            self.end = match.end()
            if match.group(0) in ("{{", "[["):
                plain.append(match.group(0)[0])
                continue
            _flush(plain, segments)
            if match.group(0).startswith("["):
                segments.append(_variable(match.group(2), match.start()))
                continue
            word = (match.group(1).split() or [""])[0]
            if word in BRANCH_TAGS:
                _all_closed(opened, word)
                return tuple(segments), match
            if word == "if":
                segments.append(self._when(match, depth))
                continue
            segment = _tag(match.group(1), match.start())
            if isinstance(segment, Style):
                _nest(segment, opened, match.start())
            segments.append(segment)
            if not isinstance(segment, Style) and text[match.start() - 1 : match.start()] == " " and text[self.end : self.end + 1] == " ":
                self.end += 1  # "Right. {pause 1} Right." reads with one space, not two
        _no_stray_brace(text, self.end, len(text))
        _all_closed(opened, "")
        plain.append(text[self.end :])
        self.end = len(text)
        _flush(plain, segments)
        return tuple(segments), None

    def _when(self, opening: re.Match[str], depth: int) -> When:
        """`{if c}...{elif d}...{else}...{/if}`, read from just after its `{if}`."""
        if depth >= MAX_TEXT_NESTING:
            raise MarkupError(f"more than {MAX_TEXT_NESTING} {{if}}s inside each other", "split the line, or set a variable with `if:` steps before it", opening.start())
        branches: list[tuple[Expr | None, tuple[Segment, ...]]] = []
        condition: Expr | None = _condition(opening)
        closer = opening
        while True:
            inner, following = self.block(depth + 1)
            branches.append((condition, inner))
            if following is None:
                raise MarkupError("{if} is never closed", "end the adapting text with {/if}", opening.start())
            word, rest = _split(following.group(1))
            if word in ("/if", "else") and rest:
                raise MarkupError(f"{{{word}}} takes no condition", "write {elif CONDITION} for another condition" if word == "else" else "write {/if}", following.start())
            if word != "/if" and closer.group(1).split()[0] == "else":
                raise MarkupError(f"{{{word}}} after {{else}}", "{else} comes last, just before {/if}", following.start())
            if word == "/if":
                return When(tuple(branches), opening.start())
            condition = None if word == "else" else _condition(following)
            closer = following


def _split(body: str) -> tuple[str, str]:
    word, _, rest = body.strip().partition(" ")
    return word, rest.strip()


def _condition(match: re.Match[str]) -> Expr:
    """The condition of an `{if ...}` or `{elif ...}` tag, its offsets counted in the whole text."""
    body = match.group(1)
    word = body.split()[0]
    start = match.start(1) + body.index(word) + len(word)
    source = body[body.index(word) + len(word) :]
    if not source.strip():
        raise MarkupError(f"{{{word}}} needs a condition", "write e.g. {if trust >= 2}smartly{else}quietly{/if}", match.start())
    try:
        return expressions.shifted(expressions.parse(source), start)
    except MarkupError as error:
        raise MarkupError(error.message, error.hint, error.offset + start) from None


def _flush(plain: list[str], segments: list[Segment]) -> None:
    """The plain text gathered so far becomes a `Text` segment."""
    if "".join(plain):
        segments.append(Text("".join(plain)))
    plain.clear()


def _all_closed(opened: list[tuple[str, int]], branch_end: str) -> None:
    if opened:
        name, offset = opened[-1]
        where = f"before the {{{branch_end}}}" if branch_end else "where the styled text ends"
        raise MarkupError(f"{{{name}}} is never closed", f"add {{/{name}}} {where}", offset)


def _no_stray_brace(text: str, start: int, end: int) -> None:
    if (at := text.find("{", start, end)) >= 0:
        raise MarkupError("a '{' that does not start a tag", "close the tag with }, or write {{ for a literal {", at)
    if (at := text.find("[", start, end)) >= 0:
        raise MarkupError("a '[' that does not start a variable", "close it with ], or write [[ for a literal [", at)


def _variable(body: str, offset: int) -> Var:
    name = body.strip()
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
        raise MarkupError(f"[{body}] is not a variable's name", "write [name] for a variable, or [[ for a literal [", offset)
    return Var(name, offset)


def _nest(style: Style, opened: list[tuple[str, int]], offset: int) -> None:
    """Keep style tags properly nested: each closing tag ends the one opened last."""
    if not style.closing:
        opened.append((style.name, offset))
    elif not opened:
        raise MarkupError(f"{{/{style.name}}} closes a tag that was never opened", f"remove it, or open it with {{{style.name}}} first", offset)
    elif opened[-1][0] != style.name:
        raise MarkupError(f"{{/{style.name}}} closes {{{opened[-1][0]}}}, which is still open inside it", f"close {{{opened[-1][0]}}} first: {{/{opened[-1][0]}}}{{/{style.name}}}", offset)
    else:
        opened.pop()


def _style(body: str, offset: int) -> Style | None:
    """A style tag (`b`, `/i`, `color=#ffcc00`, `/color`), or None if the body is no style tag."""
    closing = body.startswith("/")
    name, _, value = body.lstrip("/").partition("=")
    name = name.strip()
    if name == "colour":
        name = "color"
    if name not in STYLE_TAGS:
        if closing:
            raise MarkupError(f"unknown closing tag {{{body}}}", did_you_mean(name, STYLE_TAGS), offset)
        return None
    if closing or name != "color":
        if value:
            raise MarkupError(f"{{{body}}} takes no value", f"write {{{'/' * closing}{name}}}", offset)
        return Style(name, closing=closing)
    value = value.strip()
    if not COLOUR.match(value):
        raise MarkupError(f"{{{body}}} needs a colour", "write e.g. {color=#ffcc00} ... {/color}", offset)
    return Style("color", (int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16)))


def _tag(body: str, offset: int) -> Segment:
    words = tuple(body.split())
    if not words:
        raise MarkupError("an empty tag {}", "write {pause 1}, {pause}, {show ...}, {hide ...} or {sound ...}", offset)
    if words[0][0] in "/bic" and (style := _style(body.strip(), offset)) is not None:
        return style
    kind, args = words[0], words[1:]
    if kind.endswith(":") and kind[:-1] in VARIETY:
        choices = tuple(part.strip() for part in body.split(":", 1)[1].split("|"))
        if len(choices) < 2:
            raise MarkupError(f"{{{kind}}} needs two or more choices", f"write e.g. {{{kind} quietly|softly}}", offset)
        return Vary(kind[:-1], choices)
    if kind == "pause":
        return _pause(args, offset)
    if kind in CUE_KINDS:
        if not args:
            raise MarkupError(f"{{{kind}}} needs a name", f"for example {{{kind} {_example(kind)}}}", offset)
        return Cue(kind, args)
    raise MarkupError(f"unknown tag {{{body}}}", did_you_mean(kind, CUE_KINDS + STYLE_TAGS), offset)


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
    """The text with every tag taken out; a variable not yet put in shows as `[name]`, and text
    that adapts (not yet chosen) as every branch in turn, `/` between them."""
    return "".join(_plain(s) for s in segments)


def _plain(segment: Segment) -> str:
    if isinstance(segment, Text):
        return segment.text
    if isinstance(segment, Var):
        return f"[{segment.name}]"
    if isinstance(segment, When):
        return "/".join(plain_text(branch) for _, branch in segment.branches)
    if isinstance(segment, Vary):
        return "/".join(segment.choices)
    return ""


def resolve(segments: tuple[Segment, ...], variables: Mapping[str, Value]) -> tuple[Segment, ...]:
    """The segments with each `{if}` replaced by the branch chosen with these values.

    A condition past a bound `check` could not reach counts as false (playing on). Where
    a chosen branch is empty between two spaces, one space is kept ("He {if x}ran{/if} on").
    """
    if not any(isinstance(s, (When, Vary)) for s in segments):
        return segments
    chosen: list[Segment] = []
    for segment in segments:
        if isinstance(segment, When):
            chosen.extend(resolve(_branch(segment, variables), variables))
        elif isinstance(segment, Vary):
            shown = variables.get(segment.key, 0)
            seed = variables.get(SEED, 0)
            chosen.append(Text(_pick(segment, shown if isinstance(shown, int) else 0, seed if isinstance(seed, int) else 0)))
        else:
            chosen.append(segment)
    return _merged(chosen)


def joined(before: list[Segment], segments: tuple[Segment, ...]) -> tuple[Segment, ...]:
    """The text of lines joined with `<>` run on into `segments`: one paragraph."""
    return _merged([*before, *segments]) if before else segments


def keyed(segments: tuple[Segment, ...], prefix: str, count: list[int]) -> tuple[Segment, ...]:
    """The segments with each variety given its hidden counter, `prefix` + its number (`count` counts them)."""
    out: list[Segment] = []
    for segment in segments:
        if isinstance(segment, Vary):
            count[0] += 1
            segment = Vary(segment.kind, segment.choices, f"{prefix}{count[0]}")
        elif isinstance(segment, When):
            segment = When(tuple((condition, keyed(branch, prefix, count)) for condition, branch in segment.branches), segment.offset)
        out.append(segment)
    return tuple(out)


def every(segments: tuple[Segment, ...], kind: type[S]) -> Iterator[S]:
    """Every segment of `kind` in reading order, in every branch of text that adapts."""
    for segment in segments:
        if isinstance(segment, When):
            for _, branch in segment.branches:
                yield from every(branch, kind)
        elif isinstance(segment, kind):
            yield segment


def varieties(segments: tuple[Segment, ...], variables: Mapping[str, Value]) -> list[str]:
    """The counters of the varieties the player reads in these segments (in the branches chosen)."""
    found: list[str] = []
    for segment in segments:
        if isinstance(segment, Vary) and segment.key:
            found.append(segment.key)
        elif isinstance(segment, When):
            found += varieties(_branch(segment, variables), variables)
    return found


def _pick(vary: Vary, shown: int, seed: int = 0) -> str:
    n = len(vary.choices)
    if vary.kind == "once":
        return vary.choices[min(shown, n - 1)]
    if vary.kind == "cycle":
        return vary.choices[shown % n]
    salt = f"{seed}:" if seed else ""  # seed 0 orders as before seeds were kept
    order = sorted(range(n), key=lambda i: zlib.crc32(f"{salt}{vary.key}:{shown // n}:{i}".encode()))  # each round its own order
    return vary.choices[order[shown % n]]


def _branch(when: When, variables: Mapping[str, Value]) -> tuple[Segment, ...]:
    for condition, branch in when.branches:
        try:
            if condition is None or expressions.evaluate(condition, variables) is True:
                return branch
        except expressions.ExpressionError:
            continue
    return ()


def _merged(segments: list[Segment]) -> tuple[Segment, ...]:
    """Neighbouring texts joined into one, a doubled space where they meet kept single."""
    merged: list[Segment] = []
    for segment in segments:
        if isinstance(segment, Text) and merged and isinstance(merged[-1], Text):
            left = merged[-1].text
            right = segment.text[1:] if left.endswith(" ") and segment.text.startswith(" ") else segment.text
            merged[-1] = Text(left + right)
        elif not isinstance(segment, Text) or segment.text:
            merged.append(segment)
    return tuple(merged)


def interpolate(segments: tuple[Segment, ...], values: Mapping[str, str], depth: int = 0, budget: list[int] | None = None) -> tuple[Segment, ...]:
    """The segments with each `[name]` put in (`values` gives each variable as shown): a value's own
    styles and `[name]`s are rendered too (`_value_segments`). `budget`: the characters the values
    may still add to this text (`MAX_PUT_IN_CHARS` for a whole line)."""
    if not any(isinstance(s, Var) for s in segments):
        return segments
    budget = [MAX_PUT_IN_CHARS] if budget is None else budget
    merged: list[Segment] = []
    for segment in segments:
        pieces = _value_segments(values[segment.name], values, depth, budget) if isinstance(segment, Var) else (segment,)
        for piece in pieces:
            if isinstance(piece, Text) and merged and isinstance(merged[-1], Text):
                merged[-1] = Text(merged[-1].text + piece.text)
            elif not isinstance(piece, Text) or piece.text:
                merged.append(piece)
    return tuple(merged)


def _value_segments(text: str, values: Mapping[str, str], depth: int, budget: list[int]) -> tuple[Segment, ...]:
    """A variable's text as shown: its style tags and `[name]`s rendered, `MAX_TEXT_NESTING` values deep
    at most (a value naming itself stops there); anything else in it (a cue, `{if}`, a variety, a bad
    tag, an unknown name) leaves the whole value as written. Each value spends its length of `budget`;
    past the budget the rest is left out."""
    text = text[: max(0, budget[0])]
    budget[0] -= len(text)
    if depth >= MAX_TEXT_NESTING or ("{" not in text and "[" not in text):
        return (Text(text),)
    try:
        parsed = parse(text)
    except MarkupError:
        return (Text(text),)
    if not all(isinstance(s, (Text, Style)) or (isinstance(s, Var) and s.name in values) for s in parsed):
        return (Text(text),)
    return interpolate(parsed, values, depth + 1, budget)


def styled_runs(segments: tuple[Segment, ...]) -> list[tuple[str, TextStyle]]:
    """The text in runs of one style each, in order, for drawing (pauses and cues take no room)."""
    runs: list[tuple[str, TextStyle]] = []
    bold = italic = 0
    colours: list[tuple[int, int, int]] = []
    for segment in segments:
        if isinstance(segment, Style):
            step = -1 if segment.closing else 1
            if segment.name == "b":
                bold = max(0, bold + step)
            elif segment.name == "i":
                italic = max(0, italic + step)
            elif segment.closing:
                colours = colours[:-1]
            elif segment.colour is not None:
                colours.append(segment.colour)
        elif isinstance(segment, (Text, Var)):
            text = segment.text if isinstance(segment, Text) else f"[{segment.name}]"
            style = TextStyle(bold > 0, italic > 0, colours[-1] if colours else None)
            if runs and runs[-1][1] == style:
                runs[-1] = (runs[-1][0] + text, style)
            elif text:
                runs.append((text, style))
    return runs
