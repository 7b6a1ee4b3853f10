"""How the story moves from one beat to the next, with no pygame in it.

A *beat* is everything between two stops: the steps that lead in to a stop
(scene changes with their transitions, held waits, music and sounds) and the
stop itself (a line, the choice or an ending). `begin` gives the first beat;
`after` gives the one that follows a state. Both are pure functions.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, replace

from game.script import markup
from game.script.flow import successors
from game.script.model import (
    Background,
    Choice,
    Ending,
    Hide,
    Jump,
    Line,
    Music,
    Show,
    Sound,
    Stop,
    Story,
    Transition,
    Wait,
    position_named,
)
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
class PlaySound:
    name: str


@dataclass(frozen=True)
class ChangeMusic:
    music: Music


LeadIn = Change | Hold | PlaySound | ChangeMusic


@dataclass(frozen=True)
class Beat:
    """One stop and what leads in to it."""

    state: StoryState  # after the whole beat, cues inside the line included
    before: Scene  # on screen when the beat began
    lead_in: tuple[LeadIn, ...]
    text_scene: Scene  # on screen when the text begins
    stop: Stop

    @property
    def id(self) -> str:
        return self.stop.id


class StoryEnded(Exception):
    """There is nothing after an ending."""


def begin(story: Story, label: str = "start") -> Beat:
    """The first beat of the story, starting at `label`.

    Starting mid-story (a writer trying out a scene), the scene and music are
    set up as they would be on the shortest way there from `start`.
    """
    state, lead_in = StoryState(position=-1), ()
    if label != "start" and "start" in story.labels:
        state = _arriving(story, shortest_path(story, story.labels["start"], story.labels[label]))
        if state.music.track:
            lead_in = (ChangeMusic(Music(state.music.track, 1.0, state.music.loop)),)
    return _run(story, story.labels[label], state, lead_in)


def shortest_path(story: Story, start: int, goal: int) -> list[int]:
    """The steps on the shortest way from `start` to just before `goal` (empty if none)."""
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


def _arriving(story: Story, path: list[int]) -> StoryState:
    """The state after the scene and music changes along `path` (lines, sounds and waits pass by)."""
    scene, music = Scene(), Playing()
    for index in path:
        step = story.steps[index]
        if isinstance(step, (Background, Show, Hide)):
            scene = _changed(scene, step)
        elif isinstance(step, Music):
            music = Playing(step.track, step.loop)
        elif isinstance(step, Line):
            scene = _after_cues(scene, step)
    return StoryState(position=-1, scene=scene, music=music)


def after(story: Story, state: StoryState, option: int | None = None) -> Beat:
    """The beat that follows `state`; at the choice, `option` says which was taken."""
    stop = story.steps[state.position]
    if isinstance(stop, Ending):
        raise StoryEnded(stop.name)
    if isinstance(stop, Choice):
        if option is None or not 0 <= option < len(stop.options):
            raise ValueError(f"the choice needs an option from 0 to {len(stop.options) - 1}, not {option}")
        state = replace(state, choices=(*state.choices, (stop.id, option)))
        return _run(story, story.labels[stop.options[option].label], state)
    return _run(story, state.position + 1, state)


def _run(story: Story, index: int, state: StoryState, lead_in: tuple[LeadIn, ...] = ()) -> Beat:
    """Play steps from `index` until a stop, gathering the lead-in (after any given)."""
    scene = shown = state.scene
    music = state.music
    lead_in: list[LeadIn] = list(lead_in)
    for _ in range(MAX_STEPS_BETWEEN_STOPS):
        step = story.steps[index]
        index += 1
        if isinstance(step, (Background, Show, Hide)):
            scene = _changed(scene, step)
            if step.transition.style != "cut":
                lead_in.append(Change(scene, step.transition))
                shown = scene
        elif isinstance(step, Wait):
            if scene != shown:
                lead_in.append(Change(scene, Transition()))
                shown = scene
            lead_in.append(Hold(step.seconds))
        elif isinstance(step, Music):
            music = Playing(step.track, step.loop)
            lead_in.append(ChangeMusic(step))
        elif isinstance(step, Sound):
            lead_in.append(PlaySound(step.name))
        elif isinstance(step, Jump):
            index = story.labels[step.label]
        else:
            final = _after_cues(scene, step) if isinstance(step, Line) else scene
            new_state = replace(state, position=index - 1, scene=final, music=music)
            return Beat(new_state, state.scene, tuple(lead_in), scene, step)
    raise RuntimeError("the story's jumps go round in a circle with no line in it")


def _changed(scene: Scene, step: Background | Show | Hide) -> Scene:
    if isinstance(step, Background):
        return scene.with_background(step.image)
    if isinstance(step, Show):
        return scene.showing(step.character, step.expression, step.position)
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


def _after_cues(scene: Scene, line: Line) -> Scene:
    for segment in line.segments:
        if isinstance(segment, markup.Cue):
            scene = apply_cue(scene, segment)
    return scene
