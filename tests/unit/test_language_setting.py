"""The Language setting (issue 19), on the Settings page: the game's own language plus every translations/*.po, kept
with the settings, applied at once to the game being played, the current line included."""

from __future__ import annotations

import os
from dataclasses import replace

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")

import pygame
import pytest

from game.gamefolder import GameFolder
from game.script import load_story
from tests.unit.test_translation import game, translate, translate_all  # noqa: F401


@pytest.fixture
def french(game: GameFolder) -> GameFolder:  # noqa: F811
    translate(game)
    translate_all(game)
    translate(game, "de")
    return game


def test_switching_language_shows_the_current_line_in_it_at_once(make_app, french: GameFolder) -> None:
    story, _ = load_story(game=french)
    app = make_app(story, french)
    app.play()
    app.playing.playthrough.advance()
    assert app.playing.playthrough.current.text == "You came back. I didn't think you would."
    app.apply_settings(replace(app.player.settings, language="fr"))
    assert app.playing.playthrough.current.text == "FR You came back. I didn't think you would."
    assert app.story.shown_name("ann") == "FR Ann" and app.game.title == "FR Hub"
    assert pygame.display.get_caption()[0] == "FR Hub"
    app.apply_settings(replace(app.player.settings, language=""))
    assert app.playing.playthrough.current.text == "You came back. I didn't think you would."


def test_the_language_is_kept_with_the_settings(make_app, french: GameFolder) -> None:
    story, _ = load_story(game=french)
    app = make_app(story, french)
    app.apply_settings(replace(app.player.settings, language="fr"))
    again = make_app(story, french)
    assert again.player.settings.language == "fr" and again.story.shown_name("ann") == "FR Ann"


def test_the_row_offers_the_games_own_language_and_each_translation(make_app, french: GameFolder) -> None:
    from game.ui.menu.settings_page import SettingsPage

    story, _ = load_story(game=french)
    app = make_app(story, french)
    app.open_page("settings")
    page = app.top.shown
    assert type(page) is SettingsPage and page.ROWS[-1].field == "language"
    row = next(r for r in page.ROWS if r.field == "language")
    assert row.values == ("", "de", "fr") and row.labels == ("English", "Deutsch", "Français")  # game.yaml says nothing: en


def test_a_language_whose_file_is_gone_is_a_notice_and_the_game_as_written(make_app, french: GameFolder, capsys: pytest.CaptureFixture[str]) -> None:
    story, _ = load_story(game=french)
    app = make_app(story, french)
    app.apply_settings(replace(app.player.settings, language="fr"))
    (french.root / "translations" / "fr.po").unlink()
    again = make_app(story, french)
    assert again.story is story
    assert "no translation 'fr'" in capsys.readouterr().err


def test_a_broken_file_is_a_notice_at_its_line_and_the_game_as_written(make_app, french: GameFolder, capsys: pytest.CaptureFixture[str]) -> None:
    path = french.root / "translations" / "fr.po"
    path.write_text(path.read_text() + '\nmsgctxt "start.1"\nmsgid "x"\nmsgstr "y"\n')
    story, _ = load_story(game=french)
    app = make_app(story, french)
    app.apply_settings(replace(app.player.settings, language="fr"))
    assert app.story is story
    err = capsys.readouterr().err
    assert "translations/fr.po:" in err and "a second entry for 'start.1'" in err



def test_self_voicing_reads_in_the_languages_voice(make_app, french: GameFolder) -> None:
    from speech_doubles import RecordingEngine, wait_until_quiet

    engine = RecordingEngine()
    story, _ = load_story(game=french)
    app = make_app(story, french, voice=engine)
    app.apply_settings(replace(app.player.settings, language="fr", self_voicing=True))
    assert wait_until_quiet(app.services.voice, 5)
    assert engine.languages and set(engine.languages) == {"fr"}
    engine.languages.clear()
    app.apply_settings(replace(app.player.settings, language=""))
    app.services.voice.say("Hello.")
    assert wait_until_quiet(app.services.voice, 5) and engine.languages[-1] == "en"  # the game's own (game.yaml says nothing)


def test_game_yaml_names_the_games_own_language(make_app, french: GameFolder) -> None:
    """`language: cy` in game.yaml: the Language row's first option is Welsh, and the voice reads the original in it."""
    from game.folder import load_game
    from game.ui.menu.settings_page import SettingsPage

    (french.root / "game.yaml").write_text("title: Hub\nlanguage: cy\n")
    welsh = load_game(french.root)
    assert welsh.language == "cy"
    story, _ = load_story(game=welsh)
    app = make_app(story, welsh)
    app.open_page("settings")
    page = app.top.shown
    assert type(page) is SettingsPage
    assert page.ROWS[-1].labels == ("Cymraeg", "Deutsch", "Français")
    assert app.services.voice.language == "cy"
    app.apply_settings(replace(app.player.settings, language="fr"))
    assert app.services.voice.language == "fr"


@pytest.mark.parametrize("value", ["French", "f", "EN", "[en]"])
def test_a_language_that_is_not_a_code_is_a_problem_at_its_line(french: GameFolder, value: str) -> None:
    from game.folder import load_game
    from game.script.problems import ScriptError

    (french.root / "game.yaml").write_text(f"title: Hub\nlanguage: {value}\n")
    with pytest.raises(ScriptError) as raised:
        load_game(french.root)
    problem = raised.value.problems[0]
    assert problem.place.line == 2 and "language is the code of the language the game is written in" in problem.message
    assert "language: en" in problem.hint


def test_a_game_without_the_key_is_in_english(french: GameFolder) -> None:
    from game.folder import load_game

    assert load_game(french.root).language == "en"
