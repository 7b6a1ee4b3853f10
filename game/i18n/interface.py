"""The engine's own words (menus, page titles, settings, confirmations) in the player's language.

They come from the engine's PO files, `game/locale/LANG.po` (msgid: the English words as the
code writes them). English needs none. The language is the Language setting's: a game in
French shows its menus in French when the engine has `fr.po`, else in English. `ui_text` is
the one lookup: where interface words are drawn, they are passed through it.
"""

from __future__ import annotations

from pathlib import Path

from game import ROOT
from game.i18n.catalog import read

LOCALE = ROOT / "game" / "locale"

_words: dict[str, str] = {}  # the English words -> the language's, for the language in use


def interface_languages(folder: Path = LOCALE) -> list[str]:
    """The languages the engine's interface is in besides English."""
    return sorted(path.stem for path in folder.glob("*.po"))


def use_interface_language(language: str, folder: Path = LOCALE) -> list[str]:
    """Show the interface in `language` ("" or one the engine lacks: English); the file's problems, if any."""
    _words.clear()
    path = folder / f"{language.split('_')[0]}.po" if language else None
    if path is None or not path.is_file():
        return []
    catalog = read(path, set(), shown=str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path), contexts=False)
    _words.update({entry.msgid: entry.msgstr for entry in catalog.entries.values() if entry.msgstr and not entry.fuzzy})
    return [str(problem) for problem in catalog.problems]


def ui_text(words: str) -> str:
    """`words` (the interface's English) in the interface's language."""
    return _words.get(words, words)
