"""The story state: a small, plain value holding everything that changes while playing.

A `StoryState` says where the player is (the current stop), what is on screen,
which music plays, which choices were made, the variables' values and the calls
waiting for their `return:`. It is immutable and turns into JSON and back, so a
playthrough can keep every state it passed through.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from game.script.expressions import Value, kind_of
from game.script.model import Call, Story

FORMAT_VERSION = 1


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
    calls: tuple[int, ...] = ()  # where each pending `call:` returns to (step indexes)

    @property
    def values(self) -> dict[str, Value]:
        """The variables as a name -> value mapping."""
        return dict(self.variables)

    def to_json(self, story: Story) -> dict:
        """A JSON-ready dict; the position is kept as the stop's stable id."""
        return {
            "version": FORMAT_VERSION,
            "at": story.stop_id(self.position),
            "background": self.scene.background,
            "sprites": [[s.character, s.expression, s.position] for s in self.scene.sprites],
            "music": [self.music.track, self.music.loop],
            "choices": [list(c) for c in self.choices],
            "variables": dict(self.variables),
            "calls": list(self.calls),
        }

    @classmethod
    def from_json(cls, story: Story, data: dict) -> StoryState:
        """The state `to_json` wrote; raises `ValueError` if it does not fit this story."""
        if data.get("version") != FORMAT_VERSION:
            raise ValueError(f"state format {data.get('version')!r}, this game reads {FORMAT_VERSION}")
        if data["at"] not in story.index_of_id:
            raise ValueError(f"the line {data['at']!r} is no longer in the story")
        scene = Scene(data["background"], tuple(Sprite(*s) for s in data["sprites"]))
        track, loop = data["music"]
        choices = tuple((c, int(o)) for c, o in data["choices"])
        return cls(story.index_of_id[data["at"]], scene, Playing(track, loop), choices, _variables(story, data.get("variables")), _calls(story, data.get("calls")))


def _variables(story: Story, saved: object) -> tuple[tuple[str, Value], ...]:
    """The declared variables with their saved values; a state from before variables gets the defaults.

    A variable no longer declared is dropped; one whose saved value is of another kind starts afresh.
    """
    values = dict(story.variables)
    if isinstance(saved, dict):
        for name, value in saved.items():
            if name in values and isinstance(value, (bool, int, float, str)) and kind_of(value) == kind_of(values[name]):
                values[name] = value
    return tuple(sorted(values.items()))


def _calls(story: Story, saved: object) -> tuple[int, ...]:
    if saved is None:
        return ()
    if not isinstance(saved, list) or not all(isinstance(i, int) and 0 < i < len(story.steps) + 1 and isinstance(story.steps[i - 1], Call) for i in saved):
        raise ValueError("the calls waiting to return no longer fit the story")
    return tuple(saved)
