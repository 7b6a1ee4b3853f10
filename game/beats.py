"""How the story moves from one beat to the next, with no pygame in it.

A *beat* is everything between two stops: the steps that lead in to a stop
(scene changes with their transitions, held waits, music and sounds) and the
stop itself (a line, the choice or an ending). `begin` gives the first beat;
`after` gives the one that follows a state. Both are pure functions.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field, replace
from typing import cast

from game.limits import MAX_STEP_WORK
from game.script import expressions, markup
from game.script.expressions import ExpressionError
from game.script.flow import Point, explore, passed_line, path_to, shown_options, step_work, successors, take, visit
from game.script.model import (
    Background,
    Branch,
    Choice,
    Ending,
    Hide,
    Line,
    Move,
    Music,
    Option,
    Show,
    Stop,
    Story,
    Transition,
    option_target,
    position_named,
)
from game.script.steps.base import ReturnWithoutCall
from game.script.steps.registry import COMPILED
from game.state import Playing, Scene, StoryState

#: More steps than this without reaching a stop means the jumps go round in a circle.
MAX_STEPS_BETWEEN_STOPS = 100_000


@dataclass(frozen=True)
class Change:
    """The screen changes to `scene`, blending from what was shown before."""

    scene: Scene
    transition: Transition


@dataclass(frozen=True)
class Hold:
    seconds: float


@dataclass(frozen=True)
class Wash:
    """A `flash:` in the lead-in: the screen tinted `colour`, rising and falling over `seconds`."""

    colour: tuple[int, int, int]
    seconds: float


@dataclass(frozen=True)
class PlaySound:
    name: str


@dataclass(frozen=True)
class ChangeMusic:
    music: Music


LeadIn = Change | Hold | Wash | PlaySound | ChangeMusic


@dataclass(frozen=True)
class Beat:
    """One stop and what leads in to it."""

    state: StoryState  # after the whole beat, cues inside the line included
    before: Scene  # on screen when the beat began
    lead_in: tuple[LeadIn, ...]
    text_scene: Scene  # on screen when the text begins
    stop: Stop
    segments: tuple[markup.Segment, ...] = field(default=())  # the line's, prompt's or ending's markup, variables put in

    @property
    def id(self) -> str:
        return self.stop.id

    @property
    def text(self) -> str:
        """What the player reads: the line, prompt or ending's name, variables put in, every tag taken out."""
        return markup.plain_text(self.segments)

    @property
    def speaker(self) -> str | None:
        """The character who says the line or the choice's prompt (None for narration)."""
        return getattr(self.stop, "speaker", None)

    @property
    def options(self) -> tuple[Option, ...]:
        """At a choice, the options the player sees (hidden ones left out); they are numbered from 0."""
        if not isinstance(self.stop, Choice):
            return ()
        values = self.state.values
        return tuple(_as_shown(option, values) for option in options_shown(self.stop, values))


class StoryEnded(Exception):
    """There is nothing after an ending."""


class EndlessLoop(RuntimeError):
    """The steps go round for ever with no stop (`check` reports every such loop it can find)."""


def begin(story: Story, label: str | None = None, *, seed: int = 0) -> Beat:
    """The first beat of the story, starting at `label` (by default the story's start).

    Starting mid-story (a writer trying out a scene), the scene, music, variables
    and calls are as they would be on the shortest way there from the start.
    `seed` orders the story's `{shuffle:}`s (kept in the state; 0 is the fixed order `transcript` shows).
    """
    label = label or story.start
    variables = {**story.variables, markup.SEED: seed} if markup.SEED in story.variables else story.variables
    state = StoryState(position=-1, variables=tuple(sorted(variables.items())))
    lead_in: tuple[LeadIn, ...] = ()
    if label != story.start and story.start in story.labels:
        state = _arriving(story, story.labels[label], state)  # its visits counted on arriving
        if state.music.track:
            lead_in = (ChangeMusic(Music(state.music.track, 1.0, state.music.loop)),)
        return _run(story, story.labels[label], state, lead_in, counted=True)
    return _run(story, story.labels[label], state, lead_in)


def shortest_path(story: Story, start: int, goal: int) -> list[int]:
    """The steps on the shortest way from `start` to just before `goal`, whatever the variables (empty if none)."""
    came_from: dict[int, int | None] = {start: None}
    queue = deque([start])
    while queue:
        index = queue.popleft()
        if index == goal:
            path, at = [], came_from[index]
            while at is not None:
                path.append(at)
                at = came_from[at]
            return path[::-1]
        for following in successors(story, index):
            if following not in came_from:
                came_from[following] = index
                queue.append(following)
    return []


def _arriving(story: Story, goal: int, state: StoryState) -> StoryState:
    """The state on arriving at step `goal` by the shortest way from `start`.

    The way is played with real values (so conditions and `set:` on it count);
    if that finds no way, the shortest way ignoring conditions is taken.
    """
    found = explore(story, Point(story.labels[story.start], state.variables))
    arrival = next((p for p in found.parents if p.index == goal), None)
    if arrival is not None:
        indexes = [p.index for p in path_to(found, arrival)]
        state = replace(state, variables=arrival.variables, calls=arrival.calls)
    else:
        indexes = shortest_path(story, story.labels[story.start], goal)
        counts = state.values
        for index in (*indexes, goal):
            visit(story, index, counts)
        state = replace(state, variables=tuple(sorted(counts.items())))
    run = _Run(story, replace(state, scene=Scene(), music=Playing()))
    for index in indexes:  # the scene and music as the way leaves them (its control steps are done already)
        step = story.steps[index]
        made = COMPILED[type(step)]
        if not made.control:
            made.effect(step, run)
    return replace(state, scene=run.scene, music=run.music)


def after(story: Story, state: StoryState, option: int | None = None) -> Beat:
    """The beat that follows `state`; at the choice, `option` says which shown option was taken (from 0)."""
    stop = story.steps[state.position]
    if isinstance(stop, Ending):
        raise StoryEnded(stop.name)
    if isinstance(stop, Choice):
        shown = options_shown(stop, state.values)
        if option is None or not 0 <= option < len(shown):
            raise ValueError(f"the choice needs an option from 0 to {len(shown) - 1}, not {option}")
        taken = shown[option]
        try:
            values = take(taken, state.values)
        except ExpressionError:  # a value past a bound that `check` could not reach: its `set:` is left undone
            values = state.values
        for each in shown:  # the options' varieties count once the player has read them (so rewinding to the choice shows the same)
            _count_varieties(each.segments, values, state.values)
        variables = tuple(sorted(values.items()))
        state = replace(state, choices=(*state.choices, (stop.id, option)), variables=variables)
        return _run(story, option_target(story, taken), state)
    if isinstance(stop, Line):
        state = replace(state, variables=passed_line(story, state.variables))
    return _run(story, state.position + 1, state)


class _Run:
    """The story played from one stop to the next: the `Run` each step's effect acts on, gathering the lead-in."""

    __slots__ = ("story", "at", "next", "variables", "calls", "scene", "shown", "music", "lead_in")

    def __init__(self, story: Story, state: StoryState, lead_in: tuple[LeadIn, ...] = ()) -> None:
        self.story = story
        self.at = self.next = state.position
        self.variables, self.calls = state.values, state.calls
        self.scene = self.shown = state.scene  # the scene as the steps leave it, and as the screen last showed it
        self.music = state.music
        self.lead_in: list[LeadIn] = list(lead_in)

    def change(self, step: Background | Show | Hide | Move) -> None:
        before, self.scene = self.scene, _changed(self.scene, step)
        if isinstance(step, Move) and self.scene == before:
            return  # no one to move: no time is spent
        transition = Transition("move", step.seconds) if isinstance(step, Move) else step.transition
        if transition.style != "cut":
            self.lead_in.append(Change(self.scene, transition))
            self.shown = self.scene

    def cues(self, line: Line) -> None:
        self.scene = _after_cues(self.scene, markup.resolve(line.segments, self.variables))

    def hold(self, seconds: float) -> None:
        if self.scene != self.shown:
            self.lead_in.append(Change(self.scene, Transition()))
            self.shown = self.scene
        self.lead_in.append(Hold(seconds))

    def flash(self, colour: tuple[int, int, int], seconds: float) -> None:
        if self.scene != self.shown:
            self.lead_in.append(Change(self.scene, Transition()))
            self.shown = self.scene
        self.lead_in.append(Wash(colour, seconds))

    def play_music(self, step: Music) -> None:
        self.music = Playing(step.track, step.loop)
        self.lead_in.append(ChangeMusic(step))

    def play_sound(self, name: str) -> None:
        self.lead_in.append(PlaySound(name))


def _run(story: Story, index: int, state: StoryState, lead_in: tuple[LeadIn, ...] = (), *, counted: bool = False) -> Beat:
    """Play steps from `index` until a stop, gathering the lead-in (after any given).

    Each step arrived at counts a visit to the labels marking it (`counted`: the first one's are counted already).
    """
    run = _Run(story, state, lead_in)
    steps = story.steps
    work = 0
    joined: list[markup.Segment] = []  # the text of lines ending in `<>`, run on into the next stop's
    text_scene: Scene | None = None  # the scene when the first of them began
    for _ in range(MAX_STEPS_BETWEEN_STOPS):
        if counted:
            counted = False
        elif index in story.visits:
            visit(story, index, run.variables)
        step = steps[index]
        work += step_work(step)
        if work > MAX_STEP_WORK:
            raise EndlessLoop(f"the story does more than {MAX_STEP_WORK:,} steps of work near {story.places[index]} with no line, choice or ending in between")
        made = COMPILED[type(step)]
        run.at, run.next = index, index + 1
        if isinstance(step, Choice) and step.fallback >= 0 and not options_shown(step, run.variables):
            index = step.fallback  # every option used up: on to the choice's `fallback:` steps
            continue
        if made.stop:
            text_scene = run.scene if text_scene is None else text_scene
            segments = shown_segments(cast(Stop, step), run.variables)
            _count_varieties(cast(Stop, step).segments, run.variables)  # a choice's options count when one is taken
            made.effect(step, run)
            if isinstance(step, Line) and step.join:
                joined.extend(segments)
                index = run.next
                continue
            values = tuple(sorted(run.variables.items()))
            new_state = replace(state, position=index, scene=run.scene, music=run.music, variables=values, calls=run.calls)
            stop = cast(Stop, step)  # the registry marks the stops: a line, the choice, an ending
            return Beat(new_state, state.scene, tuple(run.lead_in), text_scene, stop, markup.joined(joined, segments))
        try:
            made.effect(step, run)
        except ReturnWithoutCall:
            run.next = index + 1  # `check` reports it; playing on beats stopping dead
        except ExpressionError:  # a value past a bound `check` could not reach: the condition is false, the `set:` undone
            run.next = step.otherwise if isinstance(step, Branch) else index + 1
        index = run.next
    raise EndlessLoop(f"the story goes round for ever near {story.places[index]} with no line, choice or ending in between")


def _count_varieties(segments: tuple[markup.Segment, ...], variables: dict[str, expressions.Value], shown_with: dict[str, expressions.Value] | None = None) -> None:
    """Each variety the player reads in `segments` (with the values `shown_with`, by default `variables`) counted once more."""
    for key in markup.varieties(segments, variables if shown_with is None else shown_with):
        variables[key] = int(variables[key]) + 1


def rebuilt_segments(story: Story, stop: Stop, position: int, variables: dict[str, expressions.Value]) -> tuple[markup.Segment, ...]:
    """What the player reads at a stop rebuilt from a saved state alone (the way there unknown): its own text,
    after the lines ending in `<>` that stand right above it (no label, `if:` or jump between) as one paragraph."""
    joined: list[markup.Segment] = []
    starts = set(story.labels.values())
    at = position
    while at not in starts and at > 0:
        above = story.steps[at - 1]
        made = COMPILED[type(above)]
        if made.control or made.stop and not (isinstance(above, Line) and above.join):
            break
        if isinstance(above, Line):
            joined[:0] = shown_segments(above, variables)
        at -= 1
    return markup.joined(joined, shown_segments(stop, variables))


def options_shown(choice: Choice, values: dict[str, expressions.Value]) -> tuple[Option, ...]:
    """The options shown; every one when a condition goes past a bound `check` could not reach (playing on)."""
    try:
        return shown_options(choice, values)
    except ExpressionError:
        return choice.options


def shown_segments(stop: Stop | Option, variables: dict[str, expressions.Value]) -> tuple[markup.Segment, ...]:
    """What the player reads at `stop`, variables put in."""
    segments = stop.segments if isinstance(stop, (Line, Choice, Option)) else ()
    if isinstance(stop, Ending):  # its name is what the player reads at it
        segments = stop.segments or (markup.Text(stop.name),)
    segments = markup.resolve(segments, variables)  # text that adapts: the branch these values choose
    if not any(isinstance(s, markup.Var) for s in segments):
        return segments
    return markup.interpolate(segments, {name: expressions.shown(value) for name, value in variables.items()})


def _as_shown(option: Option, variables: dict[str, expressions.Value]) -> Option:
    """The option with its text as the player reads it: variables put in, tags taken out."""
    if not option.segments:
        return option
    return replace(option, text=markup.plain_text(shown_segments(option, variables)))


def _changed(scene: Scene, step: Background | Show | Hide | Move) -> Scene:
    if isinstance(step, Background):
        return Scene(step.image) if step.clears else scene.with_background(step.image)
    if isinstance(step, Show):
        return scene.showing(step.character, step.expression, step.position)
    if isinstance(step, Move):
        shown = scene.sprite(step.character)
        return scene if shown is None else scene.showing(step.character, shown.expression, step.position)  # not on screen: nothing moves
    return scene.hiding(step.character)


def apply_cue(scene: Scene, cue: markup.Cue) -> Scene:
    """The scene after a `{show ...}` or `{hide ...}` inside a line (sounds leave it as is)."""
    if cue.kind == "show":
        character, expression = cue.words[0], cue.words[1]
        position = cue.words[3] if len(cue.words) == 4 else None
        return scene.showing(character, expression, position_named(position) if position else None)
    if cue.kind == "hide":
        return scene.hiding(cue.words[0])
    return scene


def _after_cues(scene: Scene, segments: tuple[markup.Segment, ...]) -> Scene:
    for segment in segments:
        if isinstance(segment, markup.Cue):
            scene = apply_cue(scene, segment)
    return scene
