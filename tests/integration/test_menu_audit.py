"""Issue 6 checked line by line against the running app (the gaps a QA pass found, each held here)."""

from __future__ import annotations

from dataclasses import replace

import pygame

from driving import key, settle, start_game
from game.script.model import Line


def typing_line(app, game):
    """Stand at a long line with its lead-in over and some of it typed."""
    while not (isinstance(game.playthrough.current.stop, Line) and len(game.playthrough.current.stop.text) > 40):
        settle(app)
        key(app, pygame.K_RETURN)
    playback = game.playback
    app.clock.tick(max(0.0, playback.text_start - app.clock.now()) + 0.2)
    app.frame()
    return playback


def test_text_speed_applies_to_the_line_being_typed_without_a_jump(app):
    """Each setting applies at once: a slower text speed slows the line already typing, from where it is."""
    game = start_game(app)
    app.apply_settings(replace(app.player.settings, text_cps=40.0))
    playback = typing_line(app, game)
    now = app.clock.now()
    before = playback.chars_shown(now)
    assert 0 < before < 20
    app.apply_settings(replace(app.player.settings, text_cps=10.0))
    assert playback.chars_shown(now) == before  # nothing jumps
    app.clock.tick(1.0)
    assert playback.chars_shown(app.clock.now()) - before in (9, 10, 11)  # ten a second now, not forty


def test_text_speed_changed_in_the_menu_follows_on_after_it_closes(app):
    """Set in the Settings page while a line types: the line goes on at the new speed from where it stood."""
    game = start_game(app)
    app.apply_settings(replace(app.player.settings, text_cps=40.0))
    playback = typing_line(app, game)
    before = playback.chars_shown(app.clock.now())
    key(app, pygame.K_ESCAPE)  # the game menu: time stands still under it
    app.clock.tick(5.0)
    app.apply_settings(replace(app.player.settings, text_cps=0.0))  # instant
    key(app, pygame.K_ESCAPE)
    assert app.top is game
    assert playback.chars_shown(app.clock.now()) > before
    assert playback.chars_shown(app.clock.now()) >= min(len(game.playthrough.current.stop.text), before + 10)


def test_a_stray_enter_does_not_delete_a_save(app):
    """Delete asks first, and the question starts on No: Enter keeps the save, Right then Enter deletes it."""
    from game.ui.overlays import Confirm

    start_game(app)
    settle(app)
    key(app, pygame.K_ESCAPE)  # the game menu, at Save, the first slot selected
    key(app, pygame.K_RETURN)
    assert app.player.saves.info("1-1").filled
    key(app, pygame.K_DELETE)
    assert isinstance(app.top, Confirm)
    key(app, pygame.K_RETURN)
    assert app.player.saves.info("1-1").filled
    key(app, pygame.K_DELETE)
    key(app, pygame.K_LEFT)
    key(app, pygame.K_RETURN)
    assert not app.player.saves.info("1-1").filled


def test_saving_over_a_filled_slot_starts_on_no(app):
    """Saving over a filled slot asks first; Enter straight away keeps the old save."""
    game = start_game(app)
    settle(app)
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_RETURN)
    first = app.player.saves.info("1-1").words
    key(app, pygame.K_ESCAPE)
    for _ in range(3):
        settle(app)
        key(app, pygame.K_RETURN)
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_RETURN)  # asks: save over it?
    key(app, pygame.K_RETURN)  # No
    assert app.player.saves.info("1-1").words == first
    assert game.playthrough.index > 0


def test_the_title_buttons_have_no_stray_mark(app):
    """The title's selected button is a plain plate: the choice's marker is not squeezed into a speck at its left."""
    app.frame()
    title = app.screen
    start = title.buttons.rects[title.labels.index("Start")]
    assert title.buttons.selected == title.labels.index("Start")
    plate = title.buttons.plates["hover"]
    middle = plate.get_at((plate.get_width() // 2, plate.get_height() // 4))
    for x in range(6, plate.get_width() // 5):
        for y in range(8, plate.get_height() - 8):
            pixel = plate.get_at((x, y))
            assert sum(pixel[:3]) < sum(middle[:3]) + 90, (x, y, pixel, middle)
    assert start.size == plate.get_size()


def test_a_notice_stands_clear_of_the_menu_panels_corner_and_tabs(app):
    """A notice shown over the game menu is drawn at the top centre, not over the panel's corner and first tab."""
    from game.ui.menu.container import TAB_RECTS
    from game.ui.menu.look import PANEL

    start_game(app)
    settle(app)
    key(app, pygame.K_ESCAPE)
    app.frame()
    before = app.window.canvas.copy()
    app.notify("Saved")
    app.frame()
    after = app.window.canvas
    changed = [(x, y) for x in range(0, 1280, 4) for y in range(0, 200, 2) if before.get_at((x, y)) != after.get_at((x, y))]
    assert changed
    xs = [x for x, _ in changed]
    assert abs((min(xs) + max(xs)) / 2 - 640) < 12  # centred
    corner = pygame.Rect(PANEL.topleft, (60, 60)).union(TAB_RECTS[0])
    assert not any(corner.collidepoint(point) for point in changed)


def test_every_page_of_the_game_menu_is_opaque(app):
    """Save, Load, Settings, History and Help, from the game and from the title: nothing behind reads through."""
    from test_choice_and_panels import inside_is_opaque

    start_game(app)
    for _ in range(3):
        settle(app)
        key(app, pygame.K_RETURN)
    for where in ("game", "title"):
        for page in ("save", "load", "settings", "history", "help"):
            if where == "title" and page not in ("load", "settings"):
                continue
            app.open_page(page)
            menu = app.top
            app.frame()
            inside_is_opaque(lambda canvas: menu.draw(canvas), menu.panel_rect, rim=24)
            app.pop(menu)
        app.show_title()


def test_s_in_the_game_menu_saves_the_game_screen_not_the_menu(app, private_data_dir, capsys):
    """`S` saves a screenshot of the game screen into the data folder, with a notice, even with the menu open."""
    from test_interface import written

    game = start_game(app)
    settle(app)
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_s)
    written(app)
    shots = list((private_data_dir / "screenshots").glob("*.png"))
    assert len(shots) == 1 and "Screenshot saved" in capsys.readouterr().err
    picture = pygame.image.load(str(shots[0]))
    bare = game._render()
    for point in ((100, 100), (640, 300), (1000, 600)):  # inside the menu panel: the game shows there
        assert picture.get_at(point)[:3] == bare.get_at(point)[:3]


def test_several_notices_never_cover_the_menu_pages_heading(app):
    """Four notices at once over the game menu: only what fits above the page's heading is shown there
    (the heading's pixels are untouched); back in the game they stack as before."""
    from game.ui.menu.look import CONTENT, HEADING_HEIGHT

    start_game(app)
    settle(app)
    key(app, pygame.K_ESCAPE)
    app.frame()
    before = app.window.canvas.copy()
    for text in ("Saved", "Screenshot saved", "Quick saved", "Settings kept"):
        app.notify(text)
    app.frame()
    after = app.window.canvas
    heading_row = pygame.Rect(CONTENT.x, CONTENT.y, CONTENT.w, HEADING_HEIGHT)
    changed = [(x, y) for x in range(0, 1280, 2) for y in range(0, 200) if before.get_at((x, y)) != after.get_at((x, y))]
    assert changed  # the newest notice shows
    assert not any(heading_row.collidepoint(point) for point in changed)
    key(app, pygame.K_ESCAPE)
    app.frame()
    assert app.services.notices.floor is None and app.services.notices.area(app.clock.now())[0].h > HEADING_HEIGHT  # all four, stacked
