"""The compiled story: immutable content that never changes while playing.

Steps sit in one flat tuple (every file's steps, one file after another);
labels and jumps refer to indexes in it. The *stops* are the steps the player
waits at: a `Line`, the `Choice` and an `Ending`. Each stop has a stable id
(`label.n`, or the writer's own `id:`) for the "seen" record and for saves.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.script.expressions import Assignment, Expr, Value
from game.script.markup import Segment, plain_text
from game.script.problems import Place

POSITIONS = ("left", "centre", "right", "door")  # `door`: at the room's edge, where a character leaves
POSITION_ALIASES = {"center": "centre"}
TRANSITIONS = ("cut", "fade", "dissolve")
DEFAULT_DURATION = {"cut": 0.0, "fade": 1.0, "dissolve": 0.5}


def position_named(word: str) -> str:
    """The position a writer means by `word` (`center` is `centre`)."""
    return POSITION_ALIASES.get(word, word)


@dataclass(frozen=True)
class Character:
    """A speaker; with no `expressions` (no pictures at all) a voice or narrator with a name plate."""

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
    voice: str | None = None  # `voice: NAME`: audio/voice/NAME.wav (or .ogg), read instead of synthetic speech
    join: bool = False  # written ending in `<>`: its text runs on into the next line's, one paragraph (never a stop of its own)

    @property
    def text(self) -> str:
        """The text as written, tags taken out (a variable stays `[name]`; the beat puts values in)."""
        return plain_text(self.segments)


@dataclass(frozen=True)
class Background:
    """`background:` (sprites stay) or, with `clears`, `scene:` (every sprite goes)."""

    image: str
    transition: Transition = CUT
    clears: bool = False


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
class Flash:
    """`flash: red 1.2`: the screen washes over with `colour` and clears again, over `seconds`."""

    colour: tuple[int, int, int]
    seconds: float


@dataclass(frozen=True)
class Move:
    """`move: ianto to door 0.8`: a character on screen walks to `position` over `seconds`."""

    character: str
    position: str
    seconds: float


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
class Set:
    """`set: trust += 1`."""

    assignment: Assignment


@dataclass(frozen=True)
class Branch:
    """An `if:`: on when `condition` holds, else on from step `otherwise` (its `else:` or what follows)."""

    condition: Expr
    otherwise: int
    has_else: bool = False


@dataclass(frozen=True)
class Goto:
    """On from step `target`: the end of a `then:` block skipping its `else:`."""

    target: int


@dataclass(frozen=True)
class Call:
    """`call: LABEL`: go there, and come back after this step at its `return:`."""

    label: str


@dataclass(frozen=True)
class Return:
    """`return:`: back to just after the latest `call:`."""


@dataclass(frozen=True)
class Option:
    text: str  # as written; the beat's `options` give it as shown (variables put in, tags taken out)
    label: str  # where `jump:` goes ("" for an option with `do:` steps)
    condition: Expr | None = None  # shown only when it holds
    sets: tuple[Assignment, ...] = ()  # done when taken
    segments: tuple[Segment, ...] = ()  # the text's markup, when it has any
    body: int = -1  # with `do:`, the step its steps start at (they end by going on after the choice)
    once: str = ""  # with `once: true`, the hidden variable that says it was taken (set by the compiler)


ONCE = "~once."  # hidden variables (no writer can name them) of once-only options: `~once.CHOICE_ID.N`


def option_target(story: Story, option: Option) -> int:
    """The step an option goes on from: its `do:` steps, or its `jump:` label."""
    return option.body if option.body >= 0 else story.labels[option.label]


@dataclass(frozen=True)
class Choice:
    prompt: str  # "" for none
    options: tuple[Option, ...]
    id: str = ""
    speaker: str | None = None  # the character who says the prompt
    segments: tuple[Segment, ...] = ()  # the prompt's markup
    fallback: int = -1  # with `fallback:`, where the story goes on when no option is shown (the player never stops here then)


@dataclass(frozen=True)
class Ending:
    name: str  # as written; it names the ending among those reached, the beat's `text` gives it as shown
    id: str = ""
    segments: tuple[Segment, ...] = ()  # the name's markup, when it has any


Step = Line | Background | Show | Hide | Move | Flash | Music | Sound | Wait | Jump | Choice | Ending | Set | Branch | Goto | Call | Return
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
    variables: dict[str, Value] = field(default_factory=dict)  # each declared variable's starting value
    start: str = "start"  # the label the story begins at (game.yaml's `start:`)
    visits: dict[int, tuple[str, ...]] = field(default_factory=dict)  # a step a label marks -> its hidden counters and the temps it resets
    constants: dict[str, Value] = field(default_factory=dict)  # `constants:` (in `variables` too): never set, a save's value never kept
    temps: dict[str, Value] = field(default_factory=dict)  # `temp:` (in `variables` too): back to this value at every label passed

    def stop_id(self, index: int) -> str:
        step = self.steps[index]
        assert isinstance(step, STOPS), f"step {index} is not a stop"
        return step.id

    def shown_name(self, speaker: str | None) -> str | None:
        """The name a speaker is shown and read by: their character's `name`, else the word as written."""
        character = self.characters.get(speaker) if speaker else None
        return character.name if character else speaker

    def count_lines(self) -> int:
        return sum(isinstance(step, Line) for step in self.steps)
