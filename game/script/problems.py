"""Problems found in scene files, reported as `path:line:col: message` with a fix."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from game.gamefolder import GameFolder


@dataclass(frozen=True)
class Place:
    """Where something stands in a scene file (line and column count from 1; line 0: the whole file or folder)."""

    path: str
    line: int
    col: int

    @classmethod
    def of(cls, path: str, node: yaml.Node) -> Place:
        mark = node.start_mark
        return cls(path, mark.line + 1, mark.column + 1)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}" if self.line else self.path


@dataclass(frozen=True)
class Problem:
    """One mistake (or, with `warning=True`, one doubtful thing) in the scripts."""

    place: Place
    message: str
    hint: str = ""
    warning: bool = False

    def __str__(self) -> str:
        kind = "warning" if self.warning else "error"
        text = f"{self.place}: {kind}: {self.message}"
        return f"{text}\n    fix: {self.hint}" if self.hint else text


class ScriptError(ValueError):
    """The script's text has mistakes: `problems` lists each, with its file:line:col and a fix (warnings too).

    The one error type for script text: the loader raises it with every problem found;
    the markup and expression parsers raise its `TextError` form for a single mistake.
    """

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(report(problems))


class TextError(ScriptError):
    """One mistake in a piece of text (a line's markup, an expression) at `offset` in it.

    The parsers see the text, not its file: the reader that called them reports the
    problem at the file:line:col the offset falls on (`ScriptReader.error_in_text`).
    """

    def __init__(self, message: str, hint: str, offset: int) -> None:
        super().__init__([Problem(Place("", 0, 0), message, hint)])
        self.message = message
        self.hint = hint
        self.offset = offset

    def __str__(self) -> str:
        return self.message


def report(problems: Iterable[Problem]) -> str:
    """All problems, one after another, sorted by place."""
    ordered = sorted(problems, key=lambda p: (p.place.path, p.place.line, p.place.col))
    return "\n".join(str(p) for p in ordered)


MAX_LISTED = 10  # a hint lists at most this many names


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A 'did you mean' hint for a misspelt name, or a list of the valid ones."""
    choices = sorted(set(choices))
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    if not choices:
        return ""
    if len(choices) > MAX_LISTED:  # 384 labels listed help no one: only the nearest few, if any
        nearer = difflib.get_close_matches(word, choices, n=MAX_LISTED, cutoff=0.4)
        if nearer:
            return f"no name is close to '{word}'; the nearest of the {len(choices):,}: {', '.join(nearer)}"
        return f"no name is close to '{word}' (there are {len(choices):,}; check its spelling)"
    return "use one of: " + ", ".join(choices)


def shown_path(path: Path, root: GameFolder | Path | None = None) -> str:
    """A path as a message shows it: from the game's folder `root` when it is inside it (a notice),
    or, with no `root`, as a writer would type it, from where they are (`check`)."""
    try:
        if root is None:
            return str(path.resolve().relative_to(Path.cwd()))
        return str(path.relative_to(root.root if isinstance(root, GameFolder) else root))
    except ValueError:
        return str(path)
