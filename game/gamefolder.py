"""A game's folder, and the engine's: the ground floor every layer may import.

`GameFolder` is the one value the rest of the engine asks for the game's
title, starting label, title screen and end card, its data's id, and where its
files are looked for (its own folder first, then the engine's). It imports
nothing of the game, so the script layer and the interface can both take it.
`game.folder.load_game` reads one from `game.yaml`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from game import ROOT

#: The engine's own folder: its art/ui, art/fonts and audio/ui_* are every game's fallback.
ENGINE = ROOT


@dataclass(frozen=True)
class GameFolder:
    root: Path  # the folder with scenes/, art/, audio/, game.yaml
    id: str = "hub"  # data (seen, saves, settings) is kept per id
    title: str = "Hub"  # window caption
    start: str = "start"
    title_background: str = "title"  # a background name
    title_logo: str | None = "logo"  # an interface image name, None for text
    title_music: str | None = "theme"
    end_card: str = "E N D I N G"  # the words above the ending's name
    language: str = "en"  # the language the game is written in (a gettext code): the Language row's first
    fallback_fonts: tuple[str, ...] = ()  # font files tried in order for glyphs the fonts lack
    version: str = "1.0.0"  # x.y.z, in the built app's names (`python main.py build`)
    icon: str | None = None  # a square PNG, relative to root: the window's icon and the built app's
    build_exclude: tuple[str, ...] = ()  # `build: exclude:` patterns of the game's files the built app leaves out
    scenes: Path = field(default=None)  # type: ignore[assignment]  # root / "scenes" unless --scenes says otherwise
    engine: Path = ENGINE  # where a file the game lacks is taken from (tests pass a copy of their own)

    def __post_init__(self) -> None:
        if self.scenes is None:
            object.__setattr__(self, "scenes", self.root / "scenes")

    @classmethod
    def at(cls, game: GameFolder | Path) -> GameFolder:
        """A `GameFolder`; a bare path means a game in that folder with every default."""
        return game if isinstance(game, GameFolder) else cls(root=Path(game))
