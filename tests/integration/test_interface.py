"""The interface frame, driven by posted events on a hand-ticked clock: the layer stack, notices,
confirmations, quick save and load, autosave, auto-forward, skip, hide, screenshots and the title."""

from __future__ import annotations

import time
from dataclasses import replace

import pygame
import pytest

from driving import click, key, link, read_lines, settle, start_game, to_choice, wheel
from game.playthrough import Playthrough
from game.ui.game_screen import AUTOSAVE_EVERY, GameScreen
from game.ui.overlays import Confirm
from game.ui.menu import GameMenu
from game.ui.title import TitleScreen

FRAME = 1 / 60


def read_before(app, lines: int) -> None:
    """Mark the first `lines` lines as read, as an earlier run would have."""
    play = Playthrough(app.story, seen=app.player.seen)
    for _ in range(lines):
        play.advance()


def frames(app, seconds: float) -> None:
    """Run the loop for `seconds` of hand-ticked time at 60 frames a second."""
    for _ in range(round(seconds / FRAME)):
        app.clock.tick(FRAME)
        app.frame()


# -- the stack --------------------------------------------------------------------------


def test_only_the_top_layer_gets_input(app):
    """Over the game: the menu, then a confirmation over it; keys go to the top one, Escape peels them off."""
    game = start_game(app)
    settle(app)
    key(app, pygame.K_ESCAPE)
    menu = app.top
    assert isinstance(menu, GameMenu) and app.layers == (game, menu)
    click(app, menu.tab_rect("Title").center)
    assert isinstance(app.top, Confirm) and len(app.layers) == 3
    index = game.playthrough.index
    key(app, pygame.K_SPACE)  # Space answers the confirmation (Yes is selected) ...
    assert isinstance(app.screen, TitleScreen)  # ... and does not reach the game beneath
    assert game.playthrough.index == index


def test_escape_and_right_click_mean_no(app):
    """A confirmation closes with No on Escape or a right click; arrows move to No and Enter takes it."""
    game = start_game(app)
    for answer in ("escape", "right click", "arrows"):
        key(app, pygame.K_ESCAPE)
        pygame.event.post(pygame.event.Event(pygame.USEREVENT))  # a stray event is ignored
        app.frame()
        app.confirm("Quit the game?", app.quit)
        assert isinstance(app.top, Confirm)
        if answer == "escape":
            key(app, pygame.K_ESCAPE)
        elif answer == "right click":
            click(app, (640, 100), button=3)
        else:
            key(app, pygame.K_RIGHT)
            key(app, pygame.K_RETURN)
        assert isinstance(app.top, GameMenu) and app.running
        key(app, pygame.K_ESCAPE)
        assert app.top is game


def test_restart_asks_first(app):
    """Restart from the game menu asks; Yes starts the story again from its first line."""
    game = start_game(app)
    read_lines(app, game, 3)
    key(app, pygame.K_ESCAPE)
    menu = app.top
    click(app, menu.tab_rect("Restart").center)
    assert isinstance(app.top, Confirm)
    click(app, app.top.buttons.rects[0].center)
    assert isinstance(app.screen, GameScreen) and app.screen is not game and app.screen.playthrough.index == 0


def test_a_modal_layer_stops_time_beneath_it(app):
    """Under the menu the line does not type on and auto-forward's wait does not run; they go on after."""
    game = start_game(app)
    settle(app)
    key(app, pygame.K_a)
    index = game.playthrough.index
    key(app, pygame.K_ESCAPE)
    settle(app, 600.0)
    assert game.playthrough.index == index
    key(app, pygame.K_ESCAPE)
    assert game.auto_on  # auto-forward survives a trip to the menu
    settle(app, 0.1)
    assert game.playthrough.index == index
    settle(app, 30.0)
    assert game.playthrough.index > index


def test_a_still_menu_is_not_redrawn(app):
    """With the menu open and nothing moving, frames draw nothing."""
    start_game(app)
    settle(app)
    settle(app)
    key(app, pygame.K_ESCAPE)
    before = app.presented
    for _ in range(30):
        settle(app, 0.5)
    assert app.presented == before


# -- notices ------------------------------------------------------------------------------


def test_a_notice_fades_by_itself_in_a_few_redraws(app, capsys):
    """A notice is printed to stderr, shown, fades out in a handful of timed redraws, then nothing is drawn."""
    start_game(app)
    settle(app)
    settle(app)
    corner = (620, 10)  # inside the notice, drawn at the top centre
    bare = app.window.canvas.get_at(corner)
    app.notify("Saved")
    app.frame()
    assert "Saved" in capsys.readouterr().err
    assert app.window.canvas.get_at(corner) != bare
    before = app.presented
    frames(app, 5.0)
    assert 3 <= app.presented - before <= 12
    assert not app.services.notices.shown and app.window.canvas.get_at(corner) == bare
    before = app.presented
    frames(app, 1.0)
    assert app.presented == before


# -- saving and loading ---------------------------------------------------------------------


def test_quick_save_and_quick_load_round_trip(app, capsys):
    """F5 saves where the player is, with a "Saved" notice; F9 (after its question) brings that place back, shown whole."""
    game = start_game(app)
    read_lines(app, game, 3)
    key(app, pygame.K_F5)
    assert "Saved" in capsys.readouterr().err
    saved_at = game.playthrough.index
    read_lines(app, game, 4)
    assert game.playthrough.index == saved_at + 4
    key(app, pygame.K_F9)
    assert isinstance(app.top, Confirm) and game.playthrough.index == saved_at + 4
    key(app, pygame.K_RETURN)  # Yes
    assert app.playing.playthrough.index == saved_at
    assert app.playing.playback.complete(app.playing.now())
    wheel(app, 1)
    assert app.playing.playthrough.index == saved_at - 1  # rewinding still works after a load


def test_quick_menu_reads_as_renpys_and_save_and_load_open_their_pages(app):
    """Issue 18: Back, History, Skip, Auto, Save, Q.Save, Q.Load, Load, Menu; **Save** and **Load** open their pages."""
    game = start_game(app)
    settle(app)
    assert game.quick.labels == ["Back", "History", "Skip", "Auto", "Save", "Q.Save", "Q.Load", "Load", "Menu"]
    for label in ("Save", "Load"):
        click(app, link(game, label))
        assert isinstance(app.top, GameMenu) and app.top.page == label.lower()
        key(app, pygame.K_ESCAPE)
        assert app.top is game


def test_quick_menu_q_save_and_q_load(app):
    """**Q.Save** and **Q.Load** are quick save and quick load; Q.Load asks first when lines were read since."""
    game = start_game(app)
    read_lines(app, game, 2)
    click(app, link(game, "Q.Save"))
    click(app, link(game, "Q.Load"))  # nothing read since: nothing to lose, no question
    assert not isinstance(app.top, Confirm) and app.playing.playthrough.index == 2
    read_lines(app, game, 2)
    click(app, link(game, "Q.Load"))
    assert isinstance(app.top, Confirm) and "lost" in app.top.spoken_title
    key(app, pygame.K_ESCAPE)  # No: the game goes on where it was
    assert app.top is game and game.playthrough.index == 4
    click(app, link(game, "Q.Load"))
    key(app, pygame.K_RETURN)
    assert app.playing.playthrough.index == 2


def test_quick_load_asks_nothing_when_the_setting_says_so(app):
    """Settings → Q.Load "Load at once": no question, even with unsaved progress."""
    app.player.keep_settings(replace(app.player.settings, confirm_quick_load=False))
    game = start_game(app)
    read_lines(app, game, 1)
    key(app, pygame.K_F5)
    read_lines(app, game, 3)
    key(app, pygame.K_F9)
    assert app.top is game and game.playthrough.index == 1


def test_a_save_in_a_slot_or_an_autosave_counts_as_kept(app):
    """Saved on the Save page (or autosaved) where the player is: Q.Load asks nothing."""
    game = start_game(app)
    read_lines(app, game, 1)
    key(app, pygame.K_F5)
    read_lines(app, game, 2)
    assert game.unsaved()
    app.player.saves.save("1-1", game.playthrough, thumbnail_png=b"")
    game.kept()  # what the Save page does after saving
    assert not game.unsaved()
    read_lines(app, game, 1)
    assert game.autosave() and not game.unsaved()


def test_quick_menu_greys_what_cannot_act(app):
    """Back is greyed at the first line, Q.Load while there is no quick save; both light up once they can act."""
    game = start_game(app)
    settle(app)
    labels = game.quick.labels
    assert game._greyed() == {labels.index("Back"), labels.index("Q.Load")}
    read_lines(app, game, 1)
    assert game._greyed() == {labels.index("Q.Load")}
    key(app, pygame.K_F5)
    assert game._greyed() == set()


def test_quick_load_with_nothing_saved_says_so(app, capsys):
    """F9 before any save: a notice, and the game goes on where it was."""
    game = start_game(app)
    read_lines(app, game, 2)
    key(app, pygame.K_F9)
    assert "No quick save yet" in capsys.readouterr().err
    assert app.playing is game and game.playthrough.index == 2


def test_thumbnail_is_a_small_png_of_the_game_without_overlays(app):
    """The save thumbnail is a 256x144 PNG, the same with the menu open as without."""
    game = start_game(app)
    settle(app)
    settle(app)
    plain = game.thumbnail_png()
    key(app, pygame.K_ESCAPE)
    assert game.thumbnail_png() == plain
    image = pygame.image.load(__import__("io").BytesIO(plain), "thumb.png")
    assert plain.startswith(b"\x89PNG") and image.get_size() == (256, 144)


def test_autosave_at_the_choice_every_20_lines_on_title_and_on_quit(app, saves):
    """Autosaves come every 20 lines, at the choice, on going to the title and on quitting."""
    game = start_game(app)
    read_lines(app, game, AUTOSAVE_EVERY - 1)
    assert saves.count("autosave") == 0
    read_lines(app, game, 1)
    assert saves.count("autosave") == 1
    to_choice(app, game)
    count = saves.count("autosave")
    assert count == game.playthrough.index // AUTOSAVE_EVERY + 1  # every 20 lines, and one at the choice
    app.confirm("Return to the title screen?", app.show_title)
    key(app, pygame.K_RETURN)
    assert isinstance(app.screen, TitleScreen) and saves.count("autosave") == count + 1
    key(app, pygame.K_RETURN)  # Continue: the newest save, the one made on the way to the title
    assert app.playing.playthrough.at_choice
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    app.frame()
    assert not app.running and saves.count("autosave") == count + 2  # closing the window: autosave, quit, no question


# -- the title ------------------------------------------------------------------------------


def test_title_offers_continue_first_only_when_there_is_a_save(app):
    """No save: Start is first and selected. With one: Continue is first and selected, and loads the newest."""
    app.frame()
    assert app.screen.labels == ["Start", "Load", "Settings", "Quit"] and app.screen.buttons.selected == 0
    game = start_game(app)
    read_lines(app, game, 5)
    key(app, pygame.K_F5)
    read_lines(app, game, 2)
    app.show_title()  # leaving the game autosaves at line 7: newer than the quick save at 5
    title = app.screen
    assert title.labels == ["Continue", "Start", "Load", "Settings", "Quit"] and title.buttons.selected == 0
    key(app, pygame.K_RETURN)
    assert app.playing.playthrough.index == 7


def test_title_load_and_settings_open_the_game_menu(app):
    """The title's Load and Settings open the game menu at that page."""
    app.frame()
    title = app.screen
    for label in ("Load", "Settings"):
        click(app, title.buttons.rects[title.labels.index(label)].center)
        assert isinstance(app.top, GameMenu) and app.top.page == label.lower()
        key(app, pygame.K_ESCAPE)
        assert app.top is title


def test_a_click_beside_the_title_buttons_keeps_the_selection(app):
    """Issue 10: after a click beside the buttons, Enter still starts the game."""
    app.frame()
    title = app.screen
    click(app, (100, 100))
    assert title.buttons.selected == 0
    key(app, pygame.K_RETURN)
    assert isinstance(app.screen, GameScreen)


def test_the_title_shows_the_endings_reached(app):
    """An ending reached is named on the title afterwards."""
    app.frame()
    assert app.screen.endings is None
    app.player.endings.add("For Now")
    app.show(TitleScreen(app))
    assert app.screen.endings is not None and app.screen.endings.get_width() > 100


# -- auto-forward ---------------------------------------------------------------------------


def test_auto_forward_waits_by_length_and_stops_at_the_choice(app):
    """With A, each line goes on once whole plus a wait growing with its length; at the choice auto stops."""
    read_before(app, 36)
    game = start_game(app)
    key(app, pygame.K_PERIOD, mod=pygame.KMOD_SHIFT)  # fast skip to the last lines before the choice
    key(app, pygame.K_a)
    assert game.auto_on
    waits = []
    while not game.playthrough.at_choice:
        index = game.playthrough.index
        while not game.playback.complete(game.now()):
            settle(app, 0.1)
        whole = app.clock.now()
        while game.playthrough.index == index:
            settle(app, 0.05)
        waits.append((len(game.playthrough.beats[index].stop.text), app.clock.now() - whole))
        assert len(waits) < 200
    short, long = min(waits), max(waits)
    assert long[0] > short[0] + 20 and long[1] > short[1] + 0.5  # a longer line waits longer
    assert not game.auto_on
    settle(app, 120.0)
    assert game.playthrough.at_choice and game.choice is not None


def test_auto_delay_setting_scales_the_wait(app):
    """Doubling the auto delay doubles the wait after a line."""

    def wait_after_first_line(delay: float) -> float:
        app.apply_settings(replace(app.player.settings, auto_delay=delay, text_cps=0))
        app.play()
        game = app.screen
        key(app, pygame.K_a)
        while not game.playback.complete(game.now()):
            settle(app, 0.01)
        whole = app.clock.now()
        while game.playthrough.index == 0:
            settle(app, 0.01)
        return app.clock.now() - whole

    app.frame()
    one, two = wait_after_first_line(1.0), wait_after_first_line(2.0)
    assert two == pytest.approx(2 * one, abs=0.03)


def test_auto_link_toggles_and_lights(app):
    """The quick menu's **Auto** toggles auto-forward, with a quiet indicator while it is on."""
    game = start_game(app)
    settle(app)
    corner = pygame.Rect(1000, 10, 260, 30)
    before = app.window.canvas.subsurface(corner).copy()
    click(app, link(game, "Auto"))
    assert game.auto_on
    after = app.window.canvas.subsurface(corner)
    assert any(before.get_at((x, y)) != after.get_at((x, y)) for x in range(0, 260, 3) for y in range(0, 30, 3))
    click(app, link(game, "Auto"))
    assert not game.auto_on


# -- skip ------------------------------------------------------------------------------------


def test_held_ctrl_skips_at_least_30_read_lines_a_second(app):
    """Holding Ctrl passes read lines at 30 a second or more, then stops at the first unread one."""
    read_before(app, 40)
    game = start_game(app)
    key(app, pygame.K_LCTRL, mod=pygame.KMOD_LCTRL)
    frames(app, 0.5)
    assert game.playthrough.index >= 15
    frames(app, 1.0)
    assert game.playthrough.index == 40
    key(app, pygame.K_LCTRL, up=True)
    assert not game.skipping


def test_skip_mode_by_tab_and_the_link(app):
    """Tab and **Skip** toggle skip mode; it runs on by itself and stops at the first unread line."""
    read_before(app, 10)
    game = start_game(app)
    settle(app, 0.2)
    click(app, link(game, "Skip"))
    assert game.skip_on
    frames(app, 1.0)
    assert game.playthrough.index == 10 and not game.skip_on


def test_fast_skip_goes_straight_to_the_first_unread_line(app):
    """`>` (Shift+.) lands on the first unread line at once; a right click on **Skip** does the same."""
    read_before(app, 12)
    game = start_game(app)
    key(app, pygame.K_PERIOD, mod=pygame.KMOD_LSHIFT, unicode=">")
    assert game.playthrough.index == 12
    app.play()
    game = app.screen
    settle(app)
    click(app, link(game, "Skip"), button=3)
    assert game.playthrough.index == 12


def test_skip_unseen_and_skip_after_choice_settings(app):
    """With skip_unseen, skip passes unread lines up to the choice; with skip_after_choice it goes on after it."""
    app.apply_settings(replace(app.player.settings, skip_unseen=True, skip_after_choice=True))
    game = start_game(app)
    key(app, pygame.K_TAB)
    frames(app, 1.5)
    assert game.playthrough.at_choice and game.skip_on
    settle(app, 1.0)
    key(app, pygame.K_1)
    frames(app, 1.0)
    assert game.playthrough.ended
    app.apply_settings(replace(app.player.settings, skip_after_choice=False))
    app.play()
    game = app.screen
    key(app, pygame.K_TAB)
    frames(app, 1.5)
    assert game.playthrough.at_choice and not game.skip_on


def test_transitions_off_makes_cuts_and_text_speed_zero_is_instant(app):
    """transitions False: a beat with a transition has no lead-in time left; text_cps 0: lines appear whole."""
    app.frame()
    app.play()
    lead = app.screen.playback.lead_duration
    app.apply_settings(replace(app.player.settings, transitions=False, text_cps=0))
    app.play()
    game = app.screen
    assert lead > 0 and game.playback.lead_duration < lead
    settle(app, game.playback.lead_duration + 0.001)
    assert game.playback.complete(game.now())


# -- hide and screenshot ---------------------------------------------------------------------


def test_h_hides_the_interface_until_the_next_key_or_click(app):
    """H hides the text box and quick menu; the next key brings them back without moving on; so does a click."""
    game = start_game(app)
    settle(app)
    settle(app)
    box = pygame.Rect(200, 560, 600, 30)
    shown = app.window.canvas.subsurface(box).copy()
    key(app, pygame.K_h)
    assert game.hidden
    hidden = app.window.canvas.subsurface(box)
    assert any(shown.get_at((x, y)) != hidden.get_at((x, y)) for x in range(0, 600, 5) for y in range(0, 30, 5))
    key(app, pygame.K_SPACE)
    assert not game.hidden
    index = game.playthrough.index
    key(app, pygame.K_a)
    key(app, pygame.K_h)
    before = app.presented
    settle(app, 600.0)  # hidden, time stands still: auto-forward does not move on, nothing is redrawn
    assert game.playthrough.index == index and app.presented == before
    key(app, pygame.K_SPACE)
    assert not game.hidden and game.playthrough.index == index
    key(app, pygame.K_a)
    assert not game.auto_on
    click(app, (640, 300), button=2)  # a middle click hides too
    assert game.hidden
    click(app, (640, 300))
    assert not game.hidden and game.playthrough.index == index


def written(app) -> None:
    """Run the loop until the screenshots being compressed (on a thread) are written."""
    deadline = time.monotonic() + 10
    while app.screenshots_pending and time.monotonic() < deadline:
        time.sleep(0.01)
        app.frame()


def test_s_saves_a_screenshot_into_the_data_folder(app, private_data_dir, capsys):
    """S writes a PNG of the game screen under the data folder's screenshots/, with a notice."""
    game = start_game(app)
    settle(app)
    key(app, pygame.K_s)
    written(app)
    shots = list((private_data_dir / "screenshots").glob("*.png"))
    assert len(shots) == 1
    assert pygame.image.load(str(shots[0])).get_size() == (1280, 720)
    assert "Screenshot saved" in capsys.readouterr().err
    assert not list((private_data_dir / "screenshots").glob(".*tmp"))
    click(app, link(game, "Save"), button=3)  # right click on **Save**: another one
    written(app)
    assert len(list((private_data_dir / "screenshots").glob("*.png"))) == 2


def test_a_screenshot_that_cannot_be_written_is_a_notice(app, private_data_dir, capsys):
    """When the screenshots folder cannot be made, the player is told and the game goes on."""
    private_data_dir.mkdir(parents=True, exist_ok=True)
    (private_data_dir / "screenshots").write_text("a file in the way")
    game = start_game(app)
    key(app, pygame.K_s)
    written(app)
    assert "Could not save the screenshot" in capsys.readouterr().err
    assert app.playing is game


# -- history, help ------------------------------------------------------------------------------


def test_history_and_help_open_their_pages(app):
    """L and **History** open the game menu's History page; F1 opens Help."""
    game = start_game(app)
    settle(app)
    for open_it, page in ((lambda: key(app, pygame.K_l), "history"), (lambda: click(app, link(game, "History")), "history"), (lambda: key(app, pygame.K_F1), "help")):
        open_it()
        assert isinstance(app.top, GameMenu) and app.top.page == page
        key(app, pygame.K_ESCAPE)
        assert app.top is game


def test_back_link_rewinds(app):
    """The quick menu's **Back** goes back one line."""
    game = start_game(app)
    read_lines(app, game, 3)
    click(app, link(game, "Back"))
    assert game.playthrough.index == 2


def test_skip_keeps_its_rate_when_frames_come_late(app):
    """Frames a quarter of a second apart (a stalled machine) still pass 30 read lines a second."""
    read_before(app, 45)
    game = start_game(app)
    key(app, pygame.K_TAB)
    for _ in range(4):
        settle(app, 0.25)
    assert game.playthrough.index >= 30


def test_title_menu_stands_clear_of_the_title_pictures_figure(app):
    """Issue 18: the lone figure of the title picture stands at x 560-640 from y 425 down; the menu is left of it."""
    app.frame()
    figure = pygame.Rect(560, 425, 80, 255)
    assert not any(rect.colliderect(figure.inflate(40, 0)) for rect in app.screen.buttons.rects)
