"""The app, driven by posted keyboard and mouse events on a hand-ticked clock."""

from __future__ import annotations

import pygame

from driving import click, key, settle, start_game, wheel
from game.ui.end_card import EndCardScreen
from game.ui.game_screen import GameScreen
from game.ui.overlays import Confirm
from game.ui.menu import GameMenu
from game.ui.title import TitleScreen


def test_title_start_works_by_mouse(app):
    """Clicking the Start button on the title screen begins the story."""
    app.frame()
    title = app.screen
    assert isinstance(title, TitleScreen)
    click(app, title.buttons.rects[0].center)
    assert isinstance(app.screen, GameScreen)


def test_title_quit_works_by_keyboard(app):
    """Up (from Start, round to the last button) then Enter on the title screen quits."""
    app.frame()
    assert app.screen.labels[-1] == "Quit"
    key(app, pygame.K_UP)
    key(app, pygame.K_RETURN)
    assert not app.running


def test_advance_completes_the_line_first_then_moves_on(app):
    """Space during typing shows the whole line; the next Space goes to the next line; a click does the same."""
    game = start_game(app)
    settle(app, 0.05)
    first = game.playthrough.index
    key(app, pygame.K_SPACE)  # finishes the lead-in or the typing
    while not game.playback.complete(game.now()):
        key(app, pygame.K_SPACE)
    assert game.playthrough.index == first
    key(app, pygame.K_SPACE)
    assert game.playthrough.index == first + 1
    settle(app)
    click(app, (640, 300))
    assert game.playthrough.index == first + 2


def test_rewind_and_forward_by_keys_and_wheel(app):
    """Page Up, Left and the wheel rewind one line each; Page Down, Right and the wheel roll forward."""
    game = start_game(app)
    for _ in range(4):
        settle(app)
        key(app, pygame.K_RETURN)
    assert game.playthrough.index == 4
    key(app, pygame.K_PAGEUP)
    key(app, pygame.K_LEFT)
    wheel(app, 1)
    assert game.playthrough.index == 1
    frame = game.playback.frame(game.now())
    assert frame.complete  # a rewound line shows whole, not re-typed
    wheel(app, -1)
    key(app, pygame.K_PAGEDOWN)
    key(app, pygame.K_RIGHT)
    assert game.playthrough.index == 4 and not game.playthrough.rewound


def test_skip_runs_through_seen_lines_and_stops_at_unseen(app):
    """Tab skips lines seen before (remembered from an earlier run) and stops at the first unseen one."""
    game = start_game(app)
    for _ in range(6):
        settle(app)
        key(app, pygame.K_RETURN)
    app.player.seen.save()
    key(app, pygame.K_ESCAPE)
    click(app, app.top.tab_rect("Restart").center)
    assert isinstance(app.top, Confirm)
    key(app, pygame.K_RETURN)  # Yes
    game = app.screen
    assert game.playthrough.index == 0
    key(app, pygame.K_TAB)
    for _ in range(20):
        settle(app, 0.1)
    assert game.playthrough.index == 6 and not game.skip_on


def test_the_choice_works_by_keyboard_and_mouse(app):
    """At the choice, number keys or a click on a button take an option."""
    game = start_game(app)
    while not game.playthrough.at_choice:
        settle(app)
        key(app, pygame.K_RETURN)
    settle(app)
    assert game.choice is not None and len(game.choice.rects) == 3
    key(app, pygame.K_3)
    assert game.playthrough.current.state.choices[-1][1] == 2
    wheel(app, 1)
    settle(app)
    assert game.choice is not None and game.choice.marked == 2
    click(app, game.choice.rects[0].center)
    assert game.playthrough.current.state.choices[-1][1] == 0


def test_ending_leads_to_the_end_card_and_back_to_the_title(app):
    """Playing to an ending shows its final picture, then the end card naming it; a key returns to the title."""
    game = start_game(app)
    for _ in range(500):
        if game.playthrough.at_choice:
            key(app, pygame.K_1)
        settle(app)
        key(app, pygame.K_RETURN)
        if game.playthrough.ended:
            break
    settle(app, 1.0)  # the final picture fades in and holds by itself
    assert isinstance(app.screen, GameScreen)
    settle(app)
    assert isinstance(app.screen, EndCardScreen) and app.screen.ending
    key(app, pygame.K_SPACE)
    assert isinstance(app.screen, EndCardScreen)  # too soon: a held key must not sweep it away
    settle(app, 2.0)
    key(app, pygame.K_SPACE)
    assert isinstance(app.screen, TitleScreen)
    # Issue 18: the autosaves made on the way are of a finished playthrough: not offered to continue.
    assert app.player.saves.newest() is not None
    assert app.screen.labels[0] == "Start" and "Continue" not in app.screen.labels and app.screen.buttons.selected == 0
    game = start_game(app)
    settle(app)
    app.show_title()  # a new playthrough, left under way: that one is continued
    assert app.screen.labels[0] == "Continue"


def test_game_menu_by_escape_right_click_and_the_quick_menu(app):
    """Escape opens the game menu over the game and closes it; a right click and **Menu** open it; Quit asks, then ends."""
    game = start_game(app)
    settle(app)
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.top, GameMenu) and app.screen is game
    key(app, pygame.K_ESCAPE)
    assert app.top is game
    click(app, (640, 300), button=3)
    assert isinstance(app.top, GameMenu)
    click(app, (640, 300), button=3)
    assert app.top is game
    click(app, game.quick.rects[game.quick.labels.index("Menu")].center)
    menu = app.top
    assert isinstance(menu, GameMenu)
    click(app, menu.tab_rect("Quit").center)
    assert isinstance(app.top, Confirm) and app.running
    click(app, app.top.buttons.rects[0].center)  # Yes
    assert not app.running


def test_a_still_screen_is_not_redrawn(app):
    """Once the line is whole and the indicator has settled, frames draw nothing."""
    start_game(app)
    settle(app)
    settle(app)
    before = app.presented
    for _ in range(20):
        app.frame()
    assert app.presented == before
    key(app, pygame.K_SPACE)
    assert app.presented == before + 1


def test_the_game_menu_stops_the_line_typing(app):
    """Text does not go on typing behind the game menu; it picks up where it was when the menu closes."""
    game = start_game(app)
    settle(app, 100.0)
    key(app, pygame.K_SPACE)  # the next line starts typing
    settle(app, 0.1)
    shown = game.playback.chars_shown(game.now())
    key(app, pygame.K_ESCAPE)
    settle(app, 30.0)
    key(app, pygame.K_ESCAPE)
    assert game.playback.chars_shown(game.now()) == shown
    assert not game.playback.complete(game.now())


def test_loading_into_the_game_being_played_keeps_its_screen_and_autosaves_nothing(app, saves):
    """`host.play(loaded)` while playing loads into the same game screen (overlays close); leaving for a
    new game or the title autosaves, loading does not."""
    game = start_game(app)
    for _ in range(3):
        settle(app)
        key(app, pygame.K_RETURN)
    key(app, pygame.K_F5)
    loaded = app.player.saves.quick_load(seen=app.player.seen)
    key(app, pygame.K_ESCAPE)  # the game menu over it
    app.play(loaded.playthrough, notice=loaded.notice)
    assert app.layers == (game,) and saves.count("autosave") == 0
    app.play()
    assert app.screen is not game and saves.count("autosave") == 1


def test_hub_exit_after_first_frame_draws_one_frame_and_stops(monkeypatch, shipped_story):
    """HUB_EXIT_AFTER_FIRST_FRAME=1 (a build's smoke test): `play` runs the loop for one frame only."""
    from game import app as app_module

    asked: list[int | None] = []
    monkeypatch.setattr(app_module.App, "run", lambda self, *, frames=None, after_first_frame=(): asked.append(frames) or 0)
    monkeypatch.setenv("HUB_EXIT_AFTER_FIRST_FRAME", "1")
    assert app_module.play(shipped_story) == 0
    monkeypatch.delenv("HUB_EXIT_AFTER_FIRST_FRAME")
    assert app_module.play(shipped_story) == 0
    assert asked == [1, None]
    pygame.quit()


def test_run_for_one_frame_draws_it_and_closes(app):
    assert app.run(frames=1) == 0 and app.presented == 1
