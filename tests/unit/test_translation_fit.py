"""`check --lang` reports a line whose translation overflows the text box at the default text size (issue 19),
measured without pygame (game/i18n/fit.py) as the box measures and wraps with it."""

from __future__ import annotations

import pytest

from game import ROOT
from game.fonts import ROLE_FILES
from game.gamefolder import GameFolder
from game.i18n.fit import PAGE_LINES, TEXT_SIZE, TEXT_WIDTH, Measure, pages
from tests.unit.test_translation import game, translate, translate_all  # noqa: F401
from tests.unit.test_translation_check import check, line_of

LATO = ROOT / "art" / "fonts" / ROLE_FILES["text"]
SENTENCE = "You came back. I didn't think you would, not after the rain and the long night on the bay."


def test_the_box_numbers_are_the_text_boxs() -> None:
    from game.ui.assets import FONT_SIZES
    from game.ui.layout import TEXT_AREA, TEXT_LINES, text_box_layout

    assert (TEXT_WIDTH, TEXT_SIZE, PAGE_LINES) == (TEXT_AREA.w, FONT_SIZES["text"], TEXT_LINES)
    assert text_box_layout().area.h // text_box_layout().line_height == PAGE_LINES


def test_widths_and_lines_are_pygames(display) -> None:
    """Pillow's widths within 1 % of pygame's for the same face and size; the lines as the box wraps them."""
    import pygame

    from game.ui.text import wrap

    font = pygame.font.Font(str(LATO), TEXT_SIZE)
    measure = Measure([LATO])
    assert measure.width(SENTENCE) == pytest.approx(font.size(SENTENCE)[0], rel=0.01)
    for text in (SENTENCE, SENTENCE * 3, "word " * 90, "x" * 200):
        assert measure.lines(text) == len(wrap(text, font, TEXT_WIDTH)), text
    assert [pages(n) for n in (1, 3, 4, 7)] == [1, 1, 2, 3]


def test_a_translation_three_times_too_long_is_reported_at_both_lines(game: GameFolder, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    translate(game)
    translate_all(game, lambda text: " ".join([f"FR {text}"] * 9) if text.startswith("The rain") else "FR " + text)
    assert check(game, "fr") == 0  # a warning: the line still shows, on more pages
    out = capsys.readouterr().out
    found = [line for line in out.splitlines() if "overflows the text box" in line]
    assert len(found) == 1, out
    assert found[0].startswith(f"{game.root}/translations/fr.po:{line_of(game, 'start.1')}: warning: 'start.1' overflows the text box: ")
    assert "where the source takes 1 (3 lines a page)" in found[0] and found[0].endswith("(source: scenes/story.yaml:3)")


def test_a_translation_of_a_fair_length_is_not(game: GameFolder, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    translate(game)
    translate_all(game, lambda text: "FR " + text + " (un peu plus long)")
    assert check(game, "fr") == 0
    assert "overflows" not in capsys.readouterr().out



def test_japanese_wraps_between_characters_as_the_box_does(display) -> None:
    """A Japanese line, written without spaces, breaks between its characters (no hyphen) in the box
    and in the measure alike."""
    import pygame

    from game.ui.text import wrap

    cjk = ROOT / "art" / "fonts" / "DroidSansFallback-subset.ttf"
    words = "全部表示する。" * 40
    font = pygame.font.Font(str(cjk), TEXT_SIZE)
    lines = wrap(words, font, TEXT_WIDTH)
    assert len(lines) > 1 and not any(line.endswith("-") for line, _ in lines)
    assert all(not line.startswith("。") for line, _ in lines)
    assert Measure([cjk]).lines(words) == len(lines)
