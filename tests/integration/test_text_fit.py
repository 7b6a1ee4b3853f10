"""Text that does not fit: every case is rendered, page by page, and nothing is drawn outside the text box."""

from __future__ import annotations

import shutil

import numpy
import pygame
import pytest

from game import ROOT
from game.app import App
from game.clock import ManualClock
from game.playthrough import Playthrough
from game.reveal import BeatPlayback, Frame
from game.script import load_story
from game.ui.assets import Fonts, Images
from game.ui.layout import SCREEN_SIZE, TEXT_AREA, TEXT_BOX
from game.ui.game_screen import GameScreen
from game.ui.stage import Stage
from game.ui.text import PlainStyle, TypedText

SENTENCE = "The water under the walkways keeps its own hours, and so does he. "
CASES = {
    "long line": (SENTENCE * 31)[:2000],
    "300-character word": "Before " + "abcdefghij" * 30 + " and after.",
    "emoji, CJK and Arabic": "Emoji 😀☺✨, CJK 中文字 かな 한국어, Arabic مرحبا بكم في المركز, and back.",
    "combining accents": "Stacked: a\u0301\u0323\u0308 e\u0302\u0303\u0331 Z\u0351\u0360\u0361\u0300\u0301\u0302 o\u0308\u0304 and Ελληνικά Кириллица Łódź ő ű.",
}
SCALES = (1.0, 1.7, 3.0)


@pytest.fixture(scope="module")
def story(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fit")
    shutil.copy(ROOT / "scenes" / "characters.yaml", folder)
    lines = "\n".join(f'  - jack: "{text}"' for text in CASES.values())
    (folder / "fit.yaml").write_text(f"script:\n  - label: start\n  - background: hub_floor\n{lines}\n  - ending: Fit\n", encoding="utf-8")
    return load_story(folder)[0]


def beat_of(story, case: str):
    play = Playthrough(story)
    for _ in range(list(CASES).index(case)):
        play.advance()
    return play.current


def pixels(surface: pygame.Surface) -> numpy.ndarray:
    return pygame.surfarray.array2d(surface)


def drawn_outside(bare: numpy.ndarray, shown: numpy.ndarray, box: pygame.Rect) -> int:
    """How many pixels outside `box` differ between the two canvases."""
    changed = bare != shown
    changed[box.left : box.right, box.top : box.bottom] = False
    return int(changed.sum())


def drawn_inside(bare: numpy.ndarray, shown: numpy.ndarray, box: pygame.Rect) -> int:
    changed = bare != shown
    return int(changed[box.left : box.right, box.top : box.bottom].sum())


@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("case", CASES)
def test_nothing_is_drawn_outside_the_text_box(display, story, case, scale):
    """Typed out page by page, click by click, at every text size: all of the text is shown, only inside the box."""
    stage = Stage(story, Images(ROOT), Fonts(ROOT, scale=scale))
    beat = beat_of(story, case)
    text = beat.stop.text
    playback = BeatPlayback(beat, cps=50, now=0.0, page_breaks=stage.page_breaks(beat))
    bare, shown = pygame.Surface(SCREEN_SIZE), pygame.Surface(SCREEN_SIZE)
    stage.draw(bare, beat, Frame(playback.frame(0.0).scene, text_shown=True, chars=0), waiting_for=None)
    empty = pixels(bare)
    inner = stage.layout.box.inflate(-16, -16)  # the box's rim stays clear too (the box grows with the text)
    now, pages = 0.0, 0
    while True:
        for moment in (now + 0.3, now + 100.0):  # mid-typing, then the page whole
            stage.draw(shown, beat, playback.frame(moment), waiting_for=None)
            assert drawn_outside(empty, pixels(shown), inner) == 0, f"page {pages + 1} at {moment}"
        assert drawn_inside(empty, pixels(shown), inner) > 50, "the page shows no text"
        now += 100.0
        pages += 1
        if not playback.click(now):
            break
    final = playback.frame(now)
    assert final.chars == len(text) and final.complete
    assert pages == len(stage.page_breaks(beat)) + 1
    if case == "long line":
        assert pages >= 4 * scale


def test_a_long_word_breaks_inside_itself_with_hyphens(display):
    """Each piece of a 300-character word fills its line and ends in a hyphen; the letters are all there, in order."""
    fonts = Fonts(ROOT)
    word = "abcdefghij" * 30
    text = TypedText(f"Before {word} after.", lambda style: fonts.chain("text"), TEXT_AREA, (255, 255, 255), line_height=38)
    lines = ["".join(p.text for p in line.pieces) for line in text.lines]
    assert lines[0].strip() == "Before"
    assert all(line.endswith("-") for line in lines[1:-1]) and len(lines) >= 4
    assert "".join(line.rstrip("-") for line in lines[1:]).replace(" after.", "") == word
    for line in text.lines:
        assert max(p.x + p.surface.get_width() for p in line.pieces) <= TEXT_AREA.w


def test_characters_the_main_face_lacks_come_from_the_fallback(display):
    """Greek, Cyrillic, Polish and stacked accents are drawn by DejaVu Sans, and the marks stack instead of advancing."""
    fonts = Fonts(ROOT)
    chain = fonts.chain("text")
    lato = chain.main
    for cluster in ("Ω", "Ж", "ő", "ŵ", "a\u0301\u0323\u0308", "😀"):
        font = chain.font_for(cluster)
        assert font is not lato, cluster
        assert font.render(cluster, True, (255, 255, 255)).get_bounding_rect().h > 5
    fallback = chain.font_for("a\u0301\u0323\u0308")
    assert fallback.size("a\u0301\u0323\u0308")[0] == fallback.size("a")[0]
    assert chain.font_for("a") is lato and chain.font_for("é") is lato


def test_style_runs_draw_in_their_own_face_and_colour(display):
    """Runs (as markup's styled_runs gives them) keep their colour and face, and the text reads on across them."""
    fonts = Fonts(ROOT)
    runs = [("Plain, ", PlainStyle()), ("bold", PlainStyle(bold=True)), (" and red.", PlainStyle(colour=(255, 0, 0)))]
    text = TypedText(runs, lambda style: fonts.chain("text", bold=style.bold, italic=style.italic), TEXT_AREA, (255, 255, 255), line_height=38)
    assert text.text == "Plain, bold and red."
    pieces = text.lines[0].pieces
    assert [p.text for p in pieces] == ["Plain, ", "bold", " and red."]
    assert pieces[1].font is fonts.chain("text", bold=True).main
    canvas = pygame.Surface(SCREEN_SIZE)
    text.draw(canvas, len(text.text))
    red = pieces[2]
    area = pygame.Rect(TEXT_AREA.x + red.x, TEXT_AREA.y, red.surface.get_width(), 38)
    assert any(canvas.get_at((x, y))[:3] == (255, 0, 0) for x in range(area.left, area.right) for y in range(area.top, area.bottom))


def test_arabic_is_joined_and_runs_right_to_left(display):
    """مرحبا ends in an alef, the one tall letter: drawn right to left, it stands at the word's left end; and
    the letters are joined, so the word is narrower than its letters drawn apart."""
    fonts = Fonts(ROOT)
    text = TypedText("Say مرحبا بك now", lambda style: fonts.chain("text"), TEXT_AREA, (255, 255, 255), line_height=38)
    pieces = text.lines[0].pieces
    arabic = next(p for p in pieces if "\u0600" <= p.text[0] <= "\ufeff" and p.text[0] != " ")
    assert [p.text.strip() for p in pieces if p is not arabic][:1] == ["Say"]
    words = arabic.text.split(" ")
    assert len(words) == 2 and len(words[0]) == 2  # بك first, from the left, then مرحبا
    surface = arabic.font.render(words[1], True, (255, 255, 255))
    mask = pygame.mask.from_surface(surface)
    tops = [min((y for y in range(surface.get_height()) if mask.get_at((x, y))), default=surface.get_height()) for x in range(surface.get_width())]
    assert tops.index(min(tops)) < surface.get_width() / 4
    apart = sum(arabic.font.size(char)[0] for char in "مرحبا")
    assert surface.get_width() < apart


def test_the_game_waits_for_a_click_at_each_full_box(story):
    """Playing the 2,000-character line: the first box fills and waits; a click starts the next page afresh."""
    app = App(story, clock=ManualClock())
    try:
        app.frame()
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="\r", scancode=0))
        app.frame()
        screen = app.screen
        assert isinstance(screen, GameScreen)
        breaks = screen.stage.page_breaks(screen.playthrough.current)
        assert len(breaks) >= 5
        app.clock.tick(100)
        app.frame()
        frame = screen.playback.frame(screen.now())
        assert (frame.chars, frame.waiting, frame.complete) == (breaks[0], True, False)
        screen.advance()
        assert screen.playback.frame(screen.now()).text_from == breaks[0]
    finally:
        pygame.quit()


def test_every_label_draws_its_missing_letters_from_the_fallback(display):
    """A name, a choice or a notice rendered with a role's font shows DejaVu's Ж, not Lato's empty box;
    letters Lato has are Lato's own."""
    fonts = Fonts(ROOT)
    for role in ("name", "ui", "small", "title"):
        font = fonts[role]
        fallback = fonts.chain(role).font_for("Ж")
        drawn = pygame.mask.from_surface(font.render("Ж", True, (255, 255, 255)))
        expected = pygame.mask.from_surface(fallback.render("Ж", True, (255, 255, 255)))
        boxed = pygame.mask.from_surface(pygame.font.Font(str(ROOT / "art" / "fonts" / "Lato-Regular.ttf"), font.get_height()).render("Ж", True, (255, 255, 255)))
        baseline = (0, font.get_ascent() - fallback.get_ascent())  # both stand on the line's baseline
        assert drawn.count() > 20 and drawn.overlap_area(expected, baseline) == expected.count(), role
        assert drawn.count() != boxed.count(), role
        assert font.size("Ж") == font.render("Ж", True, (0, 0, 0)).get_size()
        assert font.render("Hello", True, (0, 0, 0)).get_size() == pygame.font.Font.render(font, "Hello", True, (0, 0, 0)).get_size()


def test_a_long_name_stays_on_its_plate(display, tmp_path):
    """A character named at length: the plate widens as far as half the box, the name is narrowed onto it; nothing is drawn beside it."""
    characters = (ROOT / "scenes" / "characters.yaml").read_text(encoding="utf-8").replace("name: Jack", "name: Captain Jack Harkness of the Fifty-First Century, Time Agent")
    (tmp_path / "characters.yaml").write_text(characters, encoding="utf-8")
    (tmp_path / "a.yaml").write_text('script:\n  - label: start\n  - background: hub_floor\n  - jack: "Hello."\n  - ending: End\n', encoding="utf-8")
    story = load_story(tmp_path)[0]
    stage = Stage(story, Images(ROOT), Fonts(ROOT))
    beat = Playthrough(story).current
    whole = BeatPlayback(beat, cps=0, now=0.0, instant=True).frame(0.0)
    bare, shown = pygame.Surface(SCREEN_SIZE), pygame.Surface(SCREEN_SIZE)
    stage.draw(bare, beat, Frame(whole.scene), waiting_for=None)
    stage.draw(shown, beat, whole, waiting_for=None)
    changed = pixels(bare) != pixels(shown)
    changed[TEXT_BOX.left : TEXT_BOX.right, TEXT_BOX.top : TEXT_BOX.bottom] = False
    plate = numpy.zeros_like(changed)
    widest = stage.layout.plate_for(10**6)
    assert widest.w == TEXT_BOX.w // 2
    plate[widest.left : widest.right, widest.top : widest.bottom] = True
    assert changed[plate].sum() > 100 and changed[~plate].sum() == 0


def test_the_menus_wrap_breaks_lines_where_the_story_text_does(display):
    """`wrap` (History, notices, questions) is the text box's own layout: same line starts, and a word
    longer than a line cut with a hyphen, as the story shows it."""
    from game.ui.text import wrap

    font = Fonts(ROOT)["text"]
    word = "Supercalifragilisticexpialidocious" * 4
    text = f"Before {word} after, and then a few ordinary words to fill another line or two."
    typed = TypedText(text, lambda style: Fonts(ROOT).chain("text"), pygame.Rect(0, 0, 400, 10_000), (255, 255, 255), line_height=0)
    wrapped = wrap(text, font, 400)
    assert [start for _, start in wrapped] == [line.start for line in typed.lines]
    assert len(wrapped) >= 4 and all(line.endswith("-") for line, _ in wrapped[1:3])
