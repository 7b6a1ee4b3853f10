"""The engine's interface in French, German, Spanish and Japanese (issue 19): game/locale/LANG.po holds
every word the interface draws or speaks (each `ui_text("...")` literal in game/ and the tables drawn
through it: tabs, settings, the Help page's keymap, the quick menu), each with the same {placeholders};
each file reads clean, and the interface's fonts, the Japanese subset first, draw every character."""

from __future__ import annotations

import string

import polib
import pytest

from game import ROOT
from game.i18n.catalog import read
from game.i18n.font_subset import TARGET, characters
from game.i18n.interface import (
    LOCALE,
    interface_languages,
    ui_text,
    use_interface_language,
)
from game.script.assets import INTERFACE_FONTS, font_path
from game.script.files import font_coverage, missing_characters
from game.settings import declared
from game.ui.menu.container import TABS
from tests.unit.interface_words import interface_words, literals


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_the_engine_ships_french_german_spanish_and_japanese() -> None:
    assert interface_languages() == ["de", "es", "fr", "ja"]


@pytest.mark.parametrize("language", ["de", "es", "fr", "ja"])
def test_every_interface_word_is_translated(language: str) -> None:
    catalog = read(LOCALE / f"{language}.po", set(), contexts=False)
    assert not catalog.problems
    done = {msgid for msgid, entry in catalog.entries.items() if entry.msgstr and not entry.fuzzy}
    assert interface_words() - done == set()
    assert set(catalog.entries) - interface_words() == set(), "words the interface no longer draws"
    differ = {msgid: entry.msgstr for msgid, entry in catalog.entries.items() if placeholders(entry.msgstr) != placeholders(msgid)}
    assert differ == {}


def test_the_words_are_found_in_the_code() -> None:
    """The search itself: quick menu, notices, slots, Help and Extras words are among what it finds, at their place."""
    found = literals()
    assert {"Saved", "Slot {n}", "Not yet seen", "Click or press any key to return to the title", "{n} chars/s"} <= set(found)
    assert found["No quick save yet"].startswith("game/ui/game_screen.py:")
    words = interface_words()
    assert {"Q.Save", "Back", "next line (finishes the line first if it is still appearing)", "Page Up", "Shift", "right click Skip", "left shoulder"} <= words
    assert "F5" not in words and "A" not in words  # a key's or button's own name is not translated


def test_the_japanese_subset_draws_every_character_of_the_interface() -> None:
    """The bundled subset has a glyph for each character of ja.po the fonts before it lack (Lato, DejaVu Sans: Latin,
    arrows); remade with `python -m game.i18n.font_subset`."""
    assert INTERFACE_FONTS[-1] == TARGET.name
    before = [font_coverage(font_path(ROOT, file)) for file in INTERFACE_FONTS[:-1]]
    needed = {char for char in characters() if not any(ord(char) in coverage for coverage in before)}
    assert {"設", "。", "（"} <= needed
    assert {char for char in needed if ord(char) not in font_coverage(TARGET)} == set()


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


@pytest.mark.parametrize("language", ["", "de", "es", "fr", "ja"])
def test_the_quick_menu_and_a_slots_delete_button_fit_in_every_language(display, language: str) -> None:
    from game.ui.assets import Fonts
    from game.ui.game_screen import QUICK_MENU
    from game.ui.layout import TEXT_BOX
    from game.ui.menu.slots import DELETE

    small = Fonts(ROOT)["small"]
    try:
        use_interface_language(language)
        assert small.size(ui_text(DELETE))[0] <= 78 - 8  # the button is 78 wide
        assert sum(small.size(ui_text(link))[0] for link in QUICK_MENU) + 26 * (len(QUICK_MENU) - 1) <= TEXT_BOX.w - 48
    finally:
        use_interface_language("")
