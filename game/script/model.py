"""The compiled story: immutable content that never changes while playing.

Steps sit in one flat tuple (every file's steps, one file after another);
labels and jumps refer to indexes in it. The *stops* are the steps the player
waits at: a `Line`, the `Choice` and an `Ending`. Each stop has a stable id
(`label.n`, or the writer's own `id:`) for the "seen" record and for saves.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.script.markup import Segment, plain_text
from game.script.problems import Place

POSITIONS = ("left", "centre", "right")
POSITION_ALIASES = {"center": "centre"}
TRANSITIONS = ("cut", "fade", "dissolve")
DEFAULT_DURATION = {"cut": 0.0, "fade": 1.0, "dissolve": 0.5}


def position_named(word: str) -> str:
    """The position a writer means by `word` (`center` is `centre`)."""
    return POSITION_ALIASES.get(word, word)


@dataclass(frozen=True)
class Character:
    id: str
    name: str
    colour: tuple[int, int, int]
    expressions: tuple[str, ...]


@dataclass(frozen=True)
class Transition:
    style: str = "cut"
    duration: float = 0.0


CUT = Transition()


@dataclass(frozen=True)
class Line:
    """A line of dialogue (`speaker` is a character id) or narration (`speaker` None)."""

    speaker: str | None
    segments: tuple[Segment, ...]
    auto: float | None = None
    id: str = ""

    @property
    def text(self) -> str:
        return plain_text(self.segments)


@dataclass(frozen=True)
class Background:
    image: str
    transition: Transition = CUT


@dataclass(frozen=True)
class Show:
    character: str
    expression: str
    position: str | None = None
    transition: Transition = CUT


@dataclass(frozen=True)
class Hide:
    character: str
    transition: Transition = CUT


@dataclass(frozen=True)
class Music:
    """Start `track` (None: stop the music), fading over `fade` seconds."""

    track: str | None
    fade: float = 1.0
    loop: bool = True


@dataclass(frozen=True)
class Sound:
    name: str


@dataclass(frozen=True)
class Wait:
    seconds: float


@dataclass(frozen=True)
class Jump:
    label: str


@dataclass(frozen=True)
class Option:
    text: str
    label: str


@dataclass(frozen=True)
class Choice:
    prompt: str
    options: tuple[Option, ...]
    id: str = ""


@dataclass(frozen=True)
class Ending:
    name: str
    id: str = ""


Step = Line | Background | Show | Hide | Music | Sound | Wait | Jump | Choice | Ending
Stop = Line | Choice | Ending
STOPS = (Line, Choice, Ending)


@dataclass(frozen=True)
class Story:
    """Everything the scripts say, compiled: steps, where they came from, labels, characters."""

    steps: tuple[Step, ...]
    places: tuple[Place, ...]
    labels: dict[str, int]
    characters: dict[str, Character]
    index_of_id: dict[str, int] = field(default_factory=dict)

    def stop_id(self, index: int) -> str:
        step = self.steps[index]
        assert isinstance(step, STOPS), f"step {index} is not a stop"
        return step.id

    def count_lines(self) -> int:
        return sum(isinstance(step, Line) for step in self.steps)
