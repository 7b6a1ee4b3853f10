"""The story state: a small, plain value holding everything that changes while playing.

A `StoryState` says where the player is (the current stop), what is on screen,
which music plays, which choices were made, the variables' values and the calls
waiting for their `return:`. It is immutable and turns into JSON and back, so a
playthrough can keep every state it passed through. In JSON, places in the story
are kept by stable names (`game.stable_ids`), never by step index, so the state
fits a story edited since; the save that holds it says which version wrote it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from typing import Any

from game.script.expressions import Value, kind_of
from game.script.model import Story
from game.stable_ids import call_site, return_point


@dataclass(frozen=True)
class Sprite:
    character: str
    expression: str
    position: str


@dataclass(frozen=True)
class Scene:
    """What is drawn behind the text: a background and the sprites, in drawing order."""

    background: str | None = None
    sprites: tuple[Sprite, ...] = ()

    def with_background(self, image: str) -> Scene:
        return replace(self, background=image)

    def showing(self, character: str, expression: str, position: str | None) -> Scene:
        """The scene with `character` shown (kept in place unless `position` is given)."""
        old = self.sprite(character)
        where = position or (old.position if old else "centre")
        sprite = Sprite(character, expression, where)
        if old:
            return replace(self, sprites=tuple(sprite if s is old else s for s in self.sprites))
        return replace(self, sprites=(*self.sprites, sprite))

    def hiding(self, character: str) -> Scene:
        return replace(self, sprites=tuple(s for s in self.sprites if s.character != character))

    def sprite(self, character: str) -> Sprite | None:
        return next((s for s in self.sprites if s.character == character), None)


@dataclass(frozen=True)
class Playing:
    """The music that plays (or, with `track` None, silence)."""

    track: str | None = None
    loop: bool = True


@dataclass(frozen=True)
class StoryState:
    """Where the story is and everything it has changed so far."""

    position: int
    scene: Scene = field(default_factory=Scene)
    music: Playing = field(default_factory=Playing)
    choices: tuple[tuple[str, int], ...] = ()  # (choice id, option taken, counting shown options only)
    variables: tuple[tuple[str, Value], ...] = ()  # sorted (name, value) pairs
    calls: tuple[int, ...] = ()  # where each pending `call:` returns to (step indexes; saved as call sites)

    @property
    def values(self) -> dict[str, Value]:
        """The variables as a name -> value mapping."""
        return dict(self.variables)

    def to_json(self, story: Story) -> dict[str, Any]:
        """A JSON-ready dict; the position is kept as the stop's stable id, the calls as their sites."""
        return {
            "at": story.stop_id(self.position),
            "background": self.scene.background,
            "sprites": [[s.character, s.expression, s.position] for s in self.scene.sprites],
            "music": [self.music.track, self.music.loop],
            "choices": [list(c) for c in self.choices],
            "variables": dict(self.variables),
            "calls": [call_site(story, point) for point in self.calls],
        }

    @classmethod
    def from_json(cls, story: Story, data: dict[str, Any]) -> StoryState:
        """The state `to_json` wrote; raises `ValueError` if it does not fit this story (`KeyError` or `TypeError` if it is not such a state)."""
        if data["at"] not in story.index_of_id:
            raise ValueError(f"the line {data['at']!r} is no longer in the story")
        scene = Scene(data["background"], tuple(Sprite(*s) for s in data["sprites"]))
        track, loop = data["music"]
        choices = tuple((c, int(o)) for c, o in data["choices"])
        return cls(story.index_of_id[data["at"]], scene, Playing(track, loop), choices, _variables(story, data.get("variables")), _calls(story, data.get("calls")))


def _variables(story: Story, saved: object) -> tuple[tuple[str, Value], ...]:
    """The declared variables with their saved values; a state from before variables gets the defaults.

    A variable no longer declared is dropped; one whose saved value is of another kind starts afresh;
    a constant always has its declared value (the script may have changed it since).
    """
    values = dict(story.variables)
    if isinstance(saved, dict):
        for name, value in saved.items():
            if name in values and name not in story.constants and isinstance(value, (bool, int, float, str)) and kind_of(value) == kind_of(values[name]):
                values[name] = value
    return tuple(sorted(values.items()))


def _calls(story: Story, saved: object) -> tuple[int, ...]:
    """Where the saved calls return to in `story`; a state from before calls has none."""
    if saved is None:
        return ()
    if not isinstance(saved, list):
        raise ValueError("the calls waiting to return are not a list")
    points = [return_point(story, site) for site in saved]
    if None in points:
        raise ValueError("a call waiting to return is no longer in the story")
    return tuple(point for point in points if point is not None)
