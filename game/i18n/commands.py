"""The command line's language work: `translate LANG`, and `--lang LANG` for playing, `transcript` and `check`."""

from __future__ import annotations

import re
import sys

from game.gamefolder import GameFolder
from game.i18n.apply import translated
from game.i18n.catalog import Catalog, read, update
from game.i18n.source import texts
from game.script.model import Story
from game.script.problems import shown_path

#: A language code as gettext names them: `fr`, `pt_BR`, `zh_Hant`.
CODE = re.compile(r"^[a-z]{2,3}(?:_[A-Za-z0-9]{2,8})?$")


def translate(story: Story, game: GameFolder, language: str) -> int:
    """Write or update the game's `translations/LANG.po`; print what changed."""
    if not CODE.match(language):
        print(f"translate: '{language}' is not a language code; write e.g. fr, de, ja or pt_BR", file=sys.stderr)
        return 2
    path = game.root / "translations" / f"{language}.po"
    print(update(path, texts(story, game), language, game.title))
    return 0


def languages(game: GameFolder) -> list[str]:
    """The codes of the game's translations (`translations/*.po`), sorted."""
    folder = game.root / "translations"
    return sorted(path.stem for path in folder.glob("*.po")) if folder.is_dir() else []


def in_language(story: Story, game: GameFolder, language: str) -> tuple[Story, GameFolder] | None:
    """The story and game in `language`, after printing the file's problems (it is then played in the source text);
    None, after saying which languages there are, when the game has no such translation."""
    there = languages(game)
    if language not in there:
        listed = ", ".join(there) if there else "none yet (make one with `python main.py translate LANG`)"
        print(f"no translation '{language}' in {game.root / 'translations'}; the languages there are: {listed}", file=sys.stderr)
        return None
    catalog = load(story, game, language)
    for problem in catalog.problems:
        print(problem, file=sys.stderr)
    if catalog.problems:
        print(f"{language}.po is not used: the game is shown in its own language until it is fixed", file=sys.stderr)
    return translated(story, game, catalog)


def load(story: Story, game: GameFolder, language: str) -> Catalog:
    """The game's `translations/LANG.po`, read and checked against the story's ids."""
    path = game.root / "translations" / f"{language}.po"
    return read(path, {text.id for text in texts(story, game)}, shown=shown_path(path))
