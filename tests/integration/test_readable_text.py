"""Readable text (issue 8): text size, line spacing, font, high contrast and reduce motion.

Every line of every branch of the story, at every text size and in each font, is drawn only
inside the text box; the Accessibility page works by keyboard and mouse and opens with Shift+A;
each setting changes what it should, at once, and is kept.
"""

from __future__ import annotations

import dataclasses

import pygame
import pytest

from driving import click, key, settle, start_game
from game import ROOT
from game.playthrough import Playthrough
from game.reveal import BeatPlayback, Frame
from game.script.model import Ending, Line
from game.settings import RANGES, SettingsFile
from game.state import Scene
from game.transcript import every_path
from game.ui.assets import Fonts, Images
from game.ui.layout import PLATE_PADDING, SCREEN_SIZE, TEXT_BOX
from game.ui.menu import GameMenu
from game.ui.menu.accessibility_page import ACCESSIBILITY, AccessibilityPage
from game.ui.stage import Stage

SIZES = (0.8, 1.0, 1.3, 1.6)
FONTS = ("game", "legible", "dyslexic")


def every_line(story) -> list:
    """Each distinct beat read in the text box on any path from the start to an ending (an ending's
    name is read on the end card, not in the box)."""
    beats = {}
    for taken, _ in every_path(story):
        play, chosen = Playthrough(story), iter(taken)
        while True:
            beats[(play.current.id, play.current.text)] = play.current
            if play.ended:
                break
            play.choose(next(chosen)) if play.at_choice else play.advance()
    return [beat for beat in beats.values() if beat.text and not isinstance(beat.stop, Ending)]


@pytest.fixture
def images(display):
    return Images(ROOT)


def changed_outside(a: pygame.Surface, b: pygame.Surface, box: pygame.Rect) -> int:
    changed = pygame.surfarray.array2d(a) != pygame.surfarray.array2d(b)
    changed[box.left : box.right, box.top : box.bottom] = False
    return int(changed.sum())


@pytest.mark.parametrize("font", FONTS)
@pytest.mark.parametrize("scale", SIZES)
def test_every_line_of_every_branch_stays_inside_the_text_box(display, images, shipped_story, scale, font):
    """Page by page, each line's text changes no pixel outside the box (less its rim), and all of it is shown."""
    stage = Stage(shipped_story, images, Fonts(ROOT, scale=scale, family=font))
    stage.clip = pygame.Rect((0, 0), SCREEN_SIZE)  # the stage's clip is a safety net: without it, the layout alone must keep the text in
    inner = stage.layout.box.inflate(-16, -16)
    lines = every_line(shipped_story)
    assert len(lines) > 100
    bare, shown = pygame.Surface(SCREEN_SIZE), pygame.Surface(SCREEN_SIZE)
    paged = 0
    for beat in lines:
        playback = BeatPlayback(beat, cps=0, now=0.0, transitions=False, page_breaks=stage.page_breaks(beat))
        scene = Scene(background=None)  # plain black: every drawn pixel of text shows
        stage.draw(bare, beat, Frame(scene, text_shown=True, chars=0), waiting_for=None)
        now, pages = 0.0, 0
        while True:
            frame = dataclasses.replace(playback.frame(now + 100.0), scene=scene)
            stage.draw(shown, beat, frame, waiting_for=None)
            assert changed_outside(bare, shown, inner) == 0, f"{beat.text!r} page {pages + 1}"
            now, pages = now + 100.0, pages + 1
            if not playback.click(now):
                break
        assert playback.frame(now).chars == len(beat.text), beat.text
        paged += bool(stage.page_breaks(beat))
    if scale == 1.0 and font == "game":
        assert paged == 0  # at the game's own size every line of the story fits on one page


@pytest.mark.parametrize("font", FONTS)
@pytest.mark.parametrize("scale", SIZES)
def test_the_name_plate_holds_every_name_whole(display, images, shipped_story, scale, font):
    """At every size and font the plate is tall enough for the name and wide enough not to squeeze it."""
    stage = Stage(shipped_story, images, Fonts(ROOT, scale=scale, family=font))
    speaker = stage.fonts["speaker"]
    for character in shipped_story.characters.values():
        width, height = speaker.size(character.name)
        plate = stage.layout.plate_for(width)
        assert plate.w - PLATE_PADDING >= width and plate.h >= height, character.name
        assert plate.bottom > stage.layout.box.top and plate.top < stage.layout.box.top  # it sits on the box's edge


def test_the_box_grows_with_the_text_and_keeps_its_foot(display, images, shipped_story):
    """Larger text, wider spacing or OpenDyslexic: a taller box, taller lines, the bottom (and the quick menu) where it was."""
    small = Stage(shipped_story, images, Fonts(ROOT, scale=0.8)).layout
    normal = Stage(shipped_story, images, Fonts(ROOT)).layout
    large = Stage(shipped_story, images, Fonts(ROOT, scale=1.6)).layout
    spaced = Stage(shipped_story, images, Fonts(ROOT), line_spacing=1.5).layout
    dyslexic = Stage(shipped_story, images, Fonts(ROOT, family="dyslexic")).layout
    assert normal.box == TEXT_BOX
    assert small.line_height < normal.line_height < large.line_height and large.box.h > normal.box.h
    assert spaced.line_height >= 1.4 * normal.line_height and dyslexic.line_height > 1.2 * normal.line_height
    assert large.plate.h > normal.plate.h
    assert {layout.box.bottom for layout in (small, normal, large, spaced, dyslexic)} == {TEXT_BOX.bottom}
    assert {layout.quick_menu_y for layout in (small, normal, large, spaced, dyslexic)} == {TEXT_BOX.bottom + 2}


def test_fonts_follow_the_chosen_family(display):
    files = {family: Fonts(ROOT, family=family).chain("text").faces[0].path.name for family in FONTS}
    assert files == {"game": "Lato-Regular.ttf", "legible": "AtkinsonHyperlegible-Regular.ttf", "dyslexic": "OpenDyslexic-Regular.otf"}
    assert Fonts(ROOT, scale=1.6).size("text") > Fonts(ROOT).size("text") > Fonts(ROOT, scale=0.8).size("text")
    assert Fonts(ROOT, scale=1.6).size("ui") == Fonts(ROOT).size("ui")  # the menus keep their size


def test_settings_allow_80_to_160_percent():
    low, high = RANGES["text_scale"]
    assert low <= 0.8 and high >= 1.6
    assert ACCESSIBILITY[0].values[0] == 0.8 and ACCESSIBILITY[0].values[-1] == 1.6


# -- high contrast and reduce motion on the stage --------------------------------------------


def _spoken(story):
    play = Playthrough(story)
    while not (isinstance(play.current.stop, Line) and play.current.speaker):
        play.advance()
    return play.current


def test_high_contrast_box_is_opaque_and_its_text_pure_white(display, images, shipped_story):
    beat = _spoken(shipped_story)
    whole = BeatPlayback(beat, cps=0, now=0.0, instant=True).frame(0.0)
    on_black, on_grey = Scene(background=None), Scene(background="hub_floor")
    for contrast in (False, True):
        stage = Stage(shipped_story, images, Fonts(ROOT), high_contrast=contrast)
        box = stage.layout.box.inflate(-30, -30)
        a, b = pygame.Surface(SCREEN_SIZE), pygame.Surface(SCREEN_SIZE)
        stage.draw(a, beat, dataclasses.replace(whole, scene=on_black), waiting_for=None)
        stage.draw(b, beat, dataclasses.replace(whole, scene=on_grey), waiting_for=None)
        through = changed_outside(a, b, pygame.Rect(0, 0, 0, 0)) - changed_outside(a, b, box)  # changed pixels inside the box
        if contrast:
            assert through == 0  # nothing behind the box shows through
            text = pygame.surfarray.array3d(a)[stage.layout.area.left : stage.layout.area.right, stage.layout.area.top : stage.layout.area.bottom]
            brightest = text.sum(axis=2).max()
            assert brightest == 3 * 255 and (text == 255).all(axis=2).sum() > 200
        else:
            assert through > 1000  # the game's own box is translucent
            text = pygame.surfarray.array3d(a)[stage.layout.area.left : stage.layout.area.right, stage.layout.area.top : stage.layout.area.bottom]
            assert (text == 255).all(axis=2).sum() == 0  # its text is a warm off-white


def test_high_contrast_name_plate_is_brighter(display, images, shipped_story):
    beat = _spoken(shipped_story)
    whole = BeatPlayback(beat, cps=0, now=0.0, instant=True).frame(0.0)
    mean = []
    for contrast in (False, True):
        stage = Stage(shipped_story, images, Fonts(ROOT), high_contrast=contrast)
        canvas = pygame.Surface(SCREEN_SIZE)
        stage.draw(canvas, beat, dataclasses.replace(whole, scene=Scene(background=None)), waiting_for=None)
        plate = stage.layout.plate.inflate(-12, -20)
        mean.append(pygame.surfarray.array3d(canvas)[plate.left : plate.right, plate.top : plate.bottom].mean())
    assert mean[1] > mean[0] + 20


def test_reduce_motion_stills_the_indicator(display, images, shipped_story):
    beat = _spoken(shipped_story)
    whole = BeatPlayback(beat, cps=0, now=0.0, instant=True).frame(0.0)
    for still in (False, True):
        stage = Stage(shipped_story, images, Fonts(ROOT), reduce_motion=still)
        pictures = []
        for waited in (0.1, 0.5, 0.9):
            canvas = pygame.Surface(SCREEN_SIZE)
            stage.draw(canvas, beat, whole, waiting_for=waited)
            pictures.append(pygame.image.tobytes(canvas, "RGB"))
        assert (len(set(pictures)) == 1) is still
        assert stage.animating(0.1) is not still


# -- the page, Shift+A and the settings at work in the game ---------------------------------------


def shift_a(app) -> None:
    key(app, pygame.K_a, mod=pygame.KMOD_LSHIFT, unicode="A")


def test_shift_a_opens_the_accessibility_page_in_game_and_on_the_title(app):
    app.frame()
    shift_a(app)
    assert isinstance(app.top, GameMenu) and app.top.page == "accessibility"
    key(app, pygame.K_ESCAPE)
    game = start_game(app)
    key(app, pygame.K_a)  # plain A is still auto-forward
    assert game.auto_on and app.top is game
    shift_a(app)
    assert isinstance(app.top, GameMenu) and app.top.page == "accessibility"
    assert isinstance(app.top.shown, AccessibilityPage)


def test_the_tab_sits_between_settings_and_history(app):
    start_game(app)
    shift_a(app)
    menu = app.top
    labels = [label for _, label in __import__("game.ui.menu.container", fromlist=["TABS"]).TABS]
    assert labels.index("Accessibility") == labels.index("Settings") + 1 == labels.index("History") - 1
    click(app, menu.tab_rect("Settings").center)
    assert menu.page == "settings"
    click(app, menu.tab_rect("Accessibility").center)
    assert menu.page == "accessibility"


def test_page_by_keyboard_changes_each_setting_and_applies_it_at_once(app):
    game = start_game(app)
    shift_a(app)
    key(app, pygame.K_RIGHT)  # text size up a step
    assert app.player.settings.text_scale == 1.1 and app.services.fonts.scale == 1.1
    for _ in range(10):
        key(app, pygame.K_RIGHT)
    assert app.player.settings.text_scale == 1.6
    assert game.stage.layout.box.h > TEXT_BOX.h and game.stage.fonts is app.services.fonts
    key(app, pygame.K_DOWN)
    key(app, pygame.K_RIGHT)
    assert app.player.settings.line_spacing == 1.1 and game.stage.line_spacing == 1.1
    key(app, pygame.K_DOWN)
    key(app, pygame.K_RIGHT)
    assert app.player.settings.font == "legible" and app.services.fonts.family == "legible"
    key(app, pygame.K_RETURN)  # Enter moves a switch on to its next option
    assert app.player.settings.font == "dyslexic"
    key(app, pygame.K_DOWN)
    key(app, pygame.K_RETURN)
    assert app.player.settings.high_contrast and game.stage.high_contrast
    key(app, pygame.K_DOWN)
    key(app, pygame.K_RIGHT)
    assert app.player.settings.reduce_motion and game.stage.reduce_motion
    kept = SettingsFile(app.player.files).load()
    assert (kept.text_scale, kept.line_spacing, kept.font, kept.high_contrast, kept.reduce_motion) == (1.6, 1.1, "dyslexic", True, True)


def test_page_by_mouse_clicks_switches_and_drags_sliders(app):
    start_game(app)
    shift_a(app)
    page = app.top.shown
    size = page.controls[0]
    click(app, (size.track.right, size.track.centery))
    assert app.player.settings.text_scale == 1.6
    click(app, (size.track.left, size.track.centery))
    assert app.player.settings.text_scale == 0.8
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=size.track.midleft, button=1))
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=size.track.center, rel=(1, 0), buttons=(1, 0, 0)))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=size.track.center, button=1))
    app.frame()
    assert app.player.settings.text_scale == 1.2
    font = page.controls[2]
    click(app, font.halves[2].center)
    assert app.player.settings.font == "dyslexic"
    click(app, page.controls[3].halves[1].center)
    assert app.player.settings.high_contrast
    click(app, page.controls[4].halves[1].center)
    assert app.player.settings.reduce_motion


def test_a_bigger_text_lays_the_current_line_out_again(app):
    """The line on show is laid out in the new box, its page breaks recomputed, the quick menu under the box."""
    game = start_game(app)
    while not (isinstance(game.playthrough.current.stop, Line) and len(game.playthrough.current.text) > 120):
        key(app, pygame.K_SPACE)
        settle(app)
    beat = game.playthrough.current
    assert game.stage.page_breaks(beat) == ()
    app.apply_settings(dataclasses.replace(app.player.settings, text_scale=1.6, font="dyslexic", line_spacing=2.0))
    breaks = game.stage.page_breaks(beat)
    assert breaks and len(game.playback.parts) >= len(breaks) + 1
    assert game.quick.rects[0].top >= game.stage.layout.box.bottom


def test_reduce_motion_makes_transitions_cuts(app):
    game = start_game(app)
    assert game.playback.transitions
    app.apply_settings(dataclasses.replace(app.player.settings, reduce_motion=True))
    key(app, pygame.K_SPACE)
    settle(app)
    key(app, pygame.K_SPACE)
    assert not game.playback.transitions
    app.clock.tick(100)
    assert game.next_change() is None or not game.stage.animating(0.1)


def test_settings_are_kept_and_used_by_the_next_run(app, make_app, shipped_story):
    app.apply_settings(dataclasses.replace(app.player.settings, text_scale=1.3, font="legible", line_spacing=1.5, high_contrast=True, reduce_motion=True))
    again = make_app(shipped_story)
    assert again.player.settings == app.player.settings
    assert (again.services.fonts.scale, again.services.fonts.family) == (1.3, "legible")
    again.frame()
    again.play()
    stage = again.playing.stage
    assert stage.high_contrast and stage.reduce_motion and stage.line_spacing == 1.5


def test_the_page_reads_its_own_rows_aloud(app):
    """Self-voicing reads the Accessibility page's focused row (its label and value), not the Settings page's."""
    start_game(app)
    shift_a(app)
    page = app.top.shown
    assert "Text size" in page.focus_words() and "100 %" in page.focus_words()
    key(app, pygame.K_DOWN)
    key(app, pygame.K_DOWN)
    assert "Font" in page.focus_words() and "Lato" in page.focus_words()
