"""`check --lang LANG` and `check` for every language (issue 19): missing, fuzzy, markup that differs
(an error: cues drive the staging), characters no font draws; each at the .po's line and the source's."""

from __future__ import annotations

import pytest

from game.cli import main
from game.gamefolder import GameFolder
from tests.unit.test_translation import (  # noqa: F401
    STORY,
    game,
    po_of,
    translate,
    translate_all,
    write,
)


def check(game: GameFolder, *lang: str) -> int:  # noqa: F811
    return main(["check", "--game", str(game.root), *(("--lang", *lang) if lang else ())])


def line_of(game: GameFolder, msgctxt: str) -> int:  # noqa: F811
    return next(e.linenum for e in po_of(game) if e.msgctxt == msgctxt)


def test_a_complete_translation_is_clean(game: GameFolder, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    translate(game)
    translate_all(game)
    assert check(game, "fr") == 0
    assert "fr: 0 errors, 0 warnings" in capsys.readouterr().out


def test_missing_translations_are_counted_and_the_first_named(game: GameFolder, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    translate(game)
    translate_all(game, lambda text: "" if text in ("Neither did I.", "They stay.") else "FR " + text)
    assert check(game) == 0
    out = capsys.readouterr().out
    assert "2 of 14 texts have no translation: start.3 (scenes/story.yaml:5), stay.1 (scenes/story.yaml:13)" in out


def test_a_missing_pause_is_an_error_at_both_lines(game: GameFolder, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    translate(game)
    translate_all(game, lambda text: "FR " + text.replace("{pause 0.5}", ""))
    assert check(game, "fr") == 1
    out = capsys.readouterr().out
    assert f"translations/fr.po:{line_of(game, 'start.2')}: error: 'start.2' has the cues none, the source {{pause 0.5}}" in out
    assert "(source: scenes/story.yaml:4)" in out


@pytest.mark.parametrize(("rule", "differs"), [(lambda t: t + " {b}oui{/b}", "{/b}, {b}"), (lambda t: t + " [trust]", "[trust]")])
def test_a_style_tag_or_variable_added_is_an_error(game: GameFolder, capsys: pytest.CaptureFixture[str], rule, differs: str) -> None:  # noqa: F811
    translate(game)
    translate_all(game, lambda text: rule("FR " + text) if text == "Neither did I." else "FR " + text)
    assert check(game, "fr") == 1
    assert f"'start.3': the style tags and variables differ from the source's ({differs})" in capsys.readouterr().out


def test_fuzzy_and_stale_entries_are_warned_of(game: GameFolder, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    translate(game)
    translate_all(game)
    write(game, "story.yaml", STORY.replace("Neither did I.", "Neither did I!"))
    assert check(game, "fr") == 0
    assert "'start.3' was translated from another text; run `python main.py translate fr`" in capsys.readouterr().out
    translate(game)
    check(game, "fr")
    assert f"fr.po:{line_of(game, 'start.3')}: warning: 'start.3' is fuzzy" in capsys.readouterr().out


def test_a_character_no_font_draws_is_warned_of(game: GameFolder, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    translate(game)
    translate_all(game, lambda text: "FR " + text + (" \U0001d11e" if text == "They stay." else ""))
    check(game, "fr")
    assert "no font of the game can draw '\U0001d11e' (MUSICAL SYMBOL G CLEF)" in capsys.readouterr().out


def test_a_broken_file_is_an_error_in_check(game: GameFolder, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    translate(game)
    path = game.root / "translations" / "fr.po"
    path.write_text(path.read_text() + "\nmsgstr oops\n")
    assert check(game) == 1
    assert "fr.po:" in capsys.readouterr().out
