"""The language a game is shown in, chosen while it runs (the Settings page's Language row, `--lang`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from game.gamefolder import GameFolder
from game.i18n.apply import translated
from game.i18n.catalog import read
from game.i18n.interface import ui_text
from game.i18n.source import texts
from game.script.model import Story
from game.script.problems import shown_path

if TYPE_CHECKING:
    from game.settings import Declared

#: Each language's name in itself, as the Language row shows it (a code not here shows as the code).
NAMES = {"en": "English", "fr": "Français", "de": "Deutsch", "es": "Español", "ja": "日本語", "cy": "Cymraeg", "it": "Italiano", "pt": "Português"}


def languages(game: GameFolder) -> list[str]:
    """The codes of the game's translations (`translations/*.po`), sorted."""
    folder = game.root / "translations"
    return sorted(path.stem for path in folder.glob("*.po")) if folder.is_dir() else []


def name_of(language: str) -> str:
    return NAMES.get(language.split("_")[0], language) if language else ui_text("Original")


def missing(game: GameFolder, language: str) -> str:
    """What to tell a player who asked for a language the game has no file for."""
    there = languages(game)
    listed = ", ".join(there) if there else "none yet (make one with `python main.py translate LANG`)"
    return f"no translation '{language}' in {shown_path(game.root / 'translations', game.root)}; the languages there are: {listed}"


def in_language(story: Story, game: GameFolder, language: str, warn: Callable[[str], None]) -> tuple[Story, GameFolder]:
    """`story` and `game` in `language` ("": as written). A language with no file, or a broken file, is
    told to `warn` (each problem at its line) and the game is shown as written."""
    if not language:
        return story, game
    if language not in languages(game):
        warn(missing(game, language))
        return story, game
    path = game.root / "translations" / f"{language}.po"
    catalog = read(path, {text.id for text in texts(story, game)}, shown=shown_path(path, game.root))
    for problem in catalog.problems:
        warn(str(problem))
    if catalog.problems:
        warn(f"{path.name} is not used: the game is shown in its own language until it is fixed")
        return story, game
    return translated(story, game, catalog)


def language_row(setting: Declared, game: GameFolder) -> Declared:
    """The Language row with the game's languages as its options: its own (game.yaml's `language:`), then each translation."""
    codes = ("", *languages(game))
    return replace(setting, values=codes, labels=tuple(name_of(code or game.language) for code in codes))
