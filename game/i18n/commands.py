"""The command line's language work: `translate LANG`, and `--lang LANG` for playing, `transcript` and `check`."""

from __future__ import annotations

import sys

from game.folder import LANGUAGE
from game.gamefolder import GameFolder
from game.i18n.catalog import update
from game.i18n.language import in_language as shown_in
from game.i18n.language import languages, missing
from game.i18n.source import texts
from game.script.model import Story


def translate(story: Story, game: GameFolder, language: str) -> int:
    """Write or update the game's `translations/LANG.po`; print what changed."""
    if not LANGUAGE.match(language):
        print(f"translate: '{language}' is not a language code; write e.g. fr, de, ja or pt_BR", file=sys.stderr)
        return 2
    path = game.root / "translations" / f"{language}.po"
    print(update(path, texts(story, game), language, game.title))
    return 0


def in_language(story: Story, game: GameFolder, language: str) -> tuple[Story, GameFolder] | None:
    """The story and game in `language`, after printing the file's problems (it is then shown as written);
    None, after saying which languages there are, when the game has no such translation."""
    if language not in languages(game):
        print(missing(game, language), file=sys.stderr)
        return None
    return shown_in(story, game, language, lambda text: print(text, file=sys.stderr))


def check_languages(story: Story, game: GameFolder, language: str | None) -> int:
    """`check`'s part for translations: `language`'s, or every one there is; 1 when any has an error."""
    from game.i18n.check import check_language

    if language is not None and language not in languages(game):
        print(missing(game, language), file=sys.stderr)
        return 2
    errors = 0
    for code in [language] if language else languages(game):
        findings = check_language(story, game, code)
        for finding in findings:
            print(finding)
        count = sum(finding.error for finding in findings)
        errors += count
        print(f"{code}: {count} error{'s' * (count != 1)}, {len(findings) - count} warning{'s' * (len(findings) - count != 1)}")
    return 1 if errors else 0
