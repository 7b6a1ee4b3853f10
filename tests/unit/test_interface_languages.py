"""The engine's interface in French, German, Spanish and Japanese (issue 19, in part): game/locale/LANG.po
holds every word of the game menu's tabs, page titles, Settings and Accessibility rows and the
confirmations, each file reads clean, and the interface's fonts draw every character of them."""

from __future__ import annotations

import polib
import pytest

from game import ROOT
from game.i18n.catalog import read
from game.i18n.interface import (
    LOCALE,
    interface_languages,
    ui_text,
    use_interface_language,
)
from game.script.assets import INTERFACE_FONTS, font_path
from game.script.files import font_coverage, missing_characters
from game.settings import declared
from game.ui.menu.container import LEAVING, TABS

FONT_NAMES = {"Lato", "Hyperlegible", "OpenDyslexic"}  # a font is shown by its own name


def interface_words() -> set[str]:
    """What the interface draws through `ui_text` today."""
    words = {label for _, label in TABS} | {question for question, _ in LEAVING.values()} | {"Yes", "No", "Original"}
    for setting in declared():
        words |= {setting.label, *(setting.labels or ())}
    return words - FONT_NAMES


def test_the_engine_ships_french_german_spanish_and_japanese() -> None:
    assert interface_languages() == ["de", "es", "fr", "ja"]


@pytest.mark.parametrize("language", ["de", "es", "fr", "ja"])
def test_every_interface_word_is_translated(language: str) -> None:
    catalog = read(LOCALE / f"{language}.po", set(), contexts=False)
    assert not catalog.problems
    done = {msgid for msgid, entry in catalog.entries.items() if entry.msgstr and not entry.fuzzy}
    assert interface_words() - done == set()
    assert set(catalog.entries) - interface_words() == set(), "words the interface no longer draws"


@pytest.mark.parametrize("language", ["de", "es", "fr", "ja"])
def test_the_interface_fonts_draw_every_character(language: str) -> None:
    coverages = [font_coverage(font_path(ROOT, file)) for file in INTERFACE_FONTS]
    text = "".join(entry.msgstr for entry in polib.pofile(str(LOCALE / f"{language}.po")))
    assert list(missing_characters(text, coverages)) == []


def test_the_interface_follows_the_language_and_english_needs_no_file() -> None:
    try:
        assert use_interface_language("ja") == []
        assert ui_text("Settings") == "設定" and ui_text("Quit the game?") == "ゲームを終了しますか？"
        use_interface_language("fr_CA")
        assert ui_text("Language") == "Langue"
        use_interface_language("cy")  # no Welsh interface: English
        assert ui_text("Settings") == "Settings"
    finally:
        use_interface_language("")
    assert ui_text("Settings") == "Settings"


def test_a_broken_interface_file_is_reported_and_english_shown(tmp_path) -> None:
    (tmp_path / "fr.po").write_text('msgid "Save"\nmsgstr "Sauver"\n\nmsgid "Save"\nmsgstr "Garder"\n')
    try:
        problems = use_interface_language("fr", tmp_path)
        assert problems and "fr.po:4" in problems[0] and "a second entry for 'Save'" in problems[0]
        assert ui_text("Save") == "Save"
    finally:
        use_interface_language("")


@pytest.mark.parametrize("language", ["", "de", "es", "fr", "ja"])
def test_tab_and_row_labels_fit_in_every_language(display, language: str) -> None:
    """The same check as a story's overflow: each tab's label in its tab, each row's label before its control."""
    from game.ui.assets import Fonts
    from game.ui.menu.look import TAB_SIZE
    from game.ui.menu.settings_page import LABEL_WIDTH

    font = Fonts(ROOT)["ui"]
    try:
        use_interface_language(language)
        too_wide = [ui_text(label) for _, label in TABS if font.size(ui_text(label))[0] > TAB_SIZE[0] - 26]
        too_wide += [ui_text(s.label) for s in declared() if font.size(ui_text(s.label))[0] > LABEL_WIDTH - 18 - 8]
        assert too_wide == []
    finally:
        use_interface_language("")
