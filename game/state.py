"""The story state: a small, plain value holding everything that changes while playing.

A `StoryState` says where the player is (the current stop), what is on screen,
which music plays and which choices were made. It is immutable and turns into
JSON and back, so a playthrough can keep every state it passed through.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from game.script.model import Story

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
    choices: tuple[tuple[str, int], ...] = ()

    def to_json(self, story: Story) -> dict:
        """A JSON-ready dict; the position is kept as the stop's stable id."""
        return {
            "version": FORMAT_VERSION,
            "at": story.stop_id(self.position),
            "background": self.scene.background,
            "sprites": [[s.character, s.expression, s.position] for s in self.scene.sprites],
            "music": [self.music.track, self.music.loop],
            "choices": [list(c) for c in self.choices],
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
        return cls(story.index_of_id[data["at"]], scene, Playing(track, loop), tuple((c, int(o)) for c, o in data["choices"]))
