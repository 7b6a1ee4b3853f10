"""The game menu's pages (issue 6), driven by keyboard and mouse as the host will drive them, over a
real host (`menu_host.MenuHost`: the player's real files on tmp_path, real services)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pygame
import pytest

import menu_host as H
from game.history import History
from game.playthrough import Playthrough
from game.saves import SaveStore
from game.ui.layout import DIM_TEXT, HIGHLIGHT, SCREEN_SIZE
from game.ui.menu import GameMenu, history_page
from game.ui.menu.container import TAB_RECTS, TABS
from game.ui.menu.look import PANEL, WARNING
from game.ui.menu.settings_page import SETTINGS
from game.ui.menu.slots import SaveError


class Asked:
    """The real History, with the entries the page asked for recorded."""

    def __init__(self, history: History) -> None:
        self.history = history
        self.asked: list[int] = []

    def __len__(self) -> int:
        return len(self.history)

    def entry(self, index: int):
        self.asked.append(index)
        return self.history.entry(index)


LONG_STORIES: dict[int, object] = {}


@pytest.fixture
def history(host, tmp_path_factory, monkeypatch):
    """`history(count)`: the game being played becomes a real playthrough `count` lines long."""

    def install(count: int) -> Asked:
        if count not in LONG_STORIES:
            LONG_STORIES[count] = H.long_story(tmp_path_factory.mktemp("long"), count)
        story = LONG_STORIES[count]
        host.story = story
        host.playing = H.Playing(H.to_the_end(Playthrough(story), count))
        made = Asked(History(host.playing.playthrough))
        monkeypatch.setattr(history_page, "open_history", lambda playthrough: made)
        return made

    return install


def open_menu(host, page: str) -> GameMenu:
    menu = GameMenu(host, page)
    host.push(menu)
    menu.draw(pygame.Surface(SCREEN_SIZE))
    return menu


def tab(name: str) -> pygame.Rect:
    return TAB_RECTS[[n for n, _ in TABS].index(name)]


def fill(host, page: int = 1, *, at: datetime | None = None) -> list[Playthrough]:
    """Save into every slot of `page`, slot n holding the game n beats in; the playthroughs saved."""
    saves = host.player.saves if at is None else SaveStore(host.player.files, host.story, host.game.id, now=lambda: at)
    made = []
    for number, name in enumerate(host.player.saves.slot_names(page), start=1):
        made.append(H.played(host.story, number))
        saves.save(name, made[-1], thumbnail_png=H.thumbnail_png())
    return made


def loaded(host) -> list[int]:
    """Where each playthrough handed to `play` stood."""
    return [playthrough.index for kind, (playthrough, _) in [s for s in host.shown if s[0] == "play"]]


def test_tab_rect_finds_a_tab_by_its_label(host):
    assert open_menu(host, "load").tab_rect("Restart") == tab("restart")


# -- the container ---------------------------------------------------------------------------
def test_every_page_opens_draws_and_stays_still(host):
    """Each page draws over the game, and a menu left alone asks for no redraw."""
    for page in ("save", "load", "settings", "history", "help"):
        menu = open_menu(host, page)
        assert menu.page == page
        assert menu.next_change() is None
        assert menu.modal


def test_an_unknown_page_is_refused_clearly(host):
    with pytest.raises(ValueError, match="no page 'options'"):
        GameMenu(host, "options")


def test_tab_walks_every_tab_and_enter_uses_it(host):
    """Tab and Shift+Tab reach all eight tabs; Enter on Title, Quit and Return does what they say."""
    menu = open_menu(host, "save")
    seen = []
    for _ in TABS:
        H.press(menu, pygame.K_TAB)
        seen.append(TABS[menu.tab_focus][0])
    assert sorted(seen) == sorted(name for name, _ in TABS)
    assert seen[:8] == ["load", "settings", "accessibility", "history", "help", "restart", "title", "quit"]
    H.press(menu, pygame.K_TAB, pygame.KMOD_SHIFT)
    assert TABS[menu.tab_focus][0] == "return"
    while TABS[menu.tab_focus][0] != "title":
        H.press(menu, pygame.K_TAB, pygame.KMOD_SHIFT)
    H.press(menu, pygame.K_RETURN)
    H.press(menu, pygame.K_DOWN)
    H.press(menu, pygame.K_RETURN)
    H.press(menu, pygame.K_UP)
    H.press(menu, pygame.K_UP)
    H.press(menu, pygame.K_RETURN)
    assert [host.answer(yes=True) for _ in range(3)] == ["Start again from the beginning?", "Quit the game?", "Return to the title screen?"]
    assert host.shown == [("play", (None, None)), ("quit", None), ("title", None)]
    H.press(menu, pygame.K_DOWN)
    H.press(menu, pygame.K_DOWN)
    H.press(menu, pygame.K_DOWN)
    H.press(menu, pygame.K_RETURN)
    assert menu not in host.layers


def test_left_from_a_page_steps_into_the_tabs_and_right_back(host):
    """Left at a page's left edge focuses the tab column; Up/Down there show pages; Right enters one."""
    menu = open_menu(host, "load")
    H.press(menu, pygame.K_LEFT)
    assert menu.zone == "tabs" and TABS[menu.tab_focus][0] == "load"
    H.press(menu, pygame.K_DOWN)
    assert menu.zone == "tabs" and menu.page == "settings"
    H.press(menu, pygame.K_RIGHT)
    assert menu.zone == "page"
    H.press(menu, pygame.K_RIGHT)
    assert host.applied, "Right in the page changes the focused setting"


def test_tabs_work_by_mouse(host):
    menu = open_menu(host, "load")
    for name in ("settings", "history", "help", "save", "load"):
        H.click(menu, tab(name).center)
        assert menu.page == name
    H.click(menu, tab("restart").center)
    H.click(menu, tab("title").center)
    H.click(menu, tab("quit").center)
    assert [question for question, _ in host.confirmations] == ["Start again from the beginning?", "Return to the title screen?", "Quit the game?"]
    H.click(menu, tab("return").center)
    assert menu not in host.layers


def test_escape_and_right_click_close(host):
    menu = open_menu(host, "settings")
    H.press(menu, pygame.K_ESCAPE)
    assert menu not in host.layers
    menu = open_menu(host, "help")
    H.click(menu, (700, 400), button=3)
    assert menu not in host.layers


def test_the_history_and_help_keys_show_their_pages(host):
    menu = open_menu(host, "save")
    H.press(menu, pygame.K_l)
    assert menu.page == "history"
    H.press(menu, pygame.K_F1)
    assert menu.page == "help"


def test_page_keys_turn_pages_where_the_page_has_no_use_for_them(host):
    menu = open_menu(host, "settings")
    H.press(menu, pygame.K_PAGEDOWN)
    assert menu.page == "accessibility"
    H.press(menu, pygame.K_PAGEDOWN)
    assert menu.page == "history"
    menu = open_menu(host, "settings")
    H.press(menu, pygame.K_PAGEUP)
    assert menu.page == "load"


def test_save_restart_and_title_are_greyed_out_on_the_title(host):
    """With no game being played, the menu opens at Load; Save, Restart and Title can be neither tabbed to nor clicked."""
    host.playing = None
    menu = open_menu(host, "save")
    assert menu.page == "load"
    for _ in range(len(TABS) * 2):
        H.press(menu, pygame.K_TAB)
        assert TABS[menu.tab_focus][0] not in ("save", "restart", "title")
    H.click(menu, tab("save").center)
    H.click(menu, tab("restart").center)
    H.click(menu, tab("title").center)
    assert menu.page != "save" and host.confirmations == []


def test_the_panel_hides_the_game_completely(host):
    """Drawn over white and over black, the panel's pixels are the same: nothing behind shows through."""
    shots = []
    for colour in ((255, 255, 255), (0, 0, 0)):
        canvas = pygame.Surface(SCREEN_SIZE)
        canvas.fill(colour)
        GameMenu(host, "history").draw(canvas)
        shots.append(canvas)
    inside = PANEL.inflate(-24, -24)
    points = [(x, y) for x in range(inside.left, inside.right, 7) for y in range(inside.top, inside.bottom, 7)]
    assert all(shots[0].get_at(p) == shots[1].get_at(p) for p in points)
    margin = (PANEL.x // 2, PANEL.y // 2)
    assert shots[0].get_at(margin)[0] < 128, "the game around the panel is dimmed"


# -- Save and Load ---------------------------------------------------------------------------
def test_enter_on_an_empty_slot_saves_with_the_game_screens_picture(host):
    menu = open_menu(host, "save")
    H.press(menu, pygame.K_RIGHT)
    H.press(menu, pygame.K_RETURN)
    saved = host.player.saves.info("1-2")
    assert host.player.saves.load("1-2").playthrough.to_json() == host.playing.playthrough.to_json()
    assert saved.thumbnail.read_bytes() == H.thumbnail_png()
    assert host.notices == ["Saved"] and host.playing.kept_count == 1  # the game knows its place is kept (Q.Load asks nothing)
    assert menu.shown.infos()[1].filled, "the card shows the new save"


def test_saving_over_a_filled_slot_asks_first(host):
    old = fill(host, at=datetime(2026, 1, 2, 3, 4))[0]
    menu = open_menu(host, "save")
    H.press(menu, pygame.K_RETURN)
    assert host.answer(yes=False) == "Save over Slot 1? The save made on 2 Jan 2026 at 03:04 will be replaced."
    assert host.player.saves.load("1-1").playthrough.index == old.index and host.notices == []
    H.click(menu, menu.shown.cards[0].center)
    assert "Save over Slot 1" in host.answer(yes=True)
    assert host.player.saves.info("1-1").saved_at.replace(tzinfo=None) != datetime(2026, 1, 2, 3, 4)
    assert host.player.saves.load("1-1").playthrough.index == host.playing.playthrough.index
    assert host.notices == ["Saved"]


def test_delete_asks_first_by_key_and_by_button(host):
    fill(host)
    menu = open_menu(host, "load")
    H.press(menu, pygame.K_DELETE)
    assert "Delete Slot 1" in host.answer(yes=False) and host.player.saves.info("1-1").filled
    H.press(menu, pygame.K_DELETE)
    host.answer(yes=True)
    assert not host.player.saves.info("1-1").filled and host.notices == ["Deleted"]
    assert not menu.shown.infos()[0].filled
    button = menu.shown._delete_rect(1)
    H.click(menu, button.center)
    assert "Delete Slot 2" in host.answer(yes=True)
    assert not host.player.saves.info("1-2").filled
    assert menu.shown._delete_rect(1) is None, "an empty slot has no Delete button"
    H.press(menu, pygame.K_DELETE)
    assert host.confirmations == [], "nothing to delete, nothing asked"


def test_loading_by_click_or_enter_hands_the_save_to_the_app_and_closes(host):
    fill(host)
    menu = open_menu(host, "load")
    H.click(menu, menu.shown.cards[4].center)
    assert loaded(host) == [5]
    assert menu not in host.layers
    menu = open_menu(host, "load")
    H.press(menu, pygame.K_DOWN)
    H.press(menu, pygame.K_RETURN)
    assert loaded(host)[-1] == 4


def test_an_unreadable_slot_shows_why_and_does_not_load(host):
    fill(host)
    host.player.files.write_bytes("saves/1-3.json", b"{not a save")
    reason = host.player.saves.info("1-3").reason
    reason = reason[:1].upper() + reason[1:]
    menu = open_menu(host, "load")
    canvas = pygame.Surface(SCREEN_SIZE)
    menu.draw(canvas)
    assert ("ui", "Unreadable", WARNING) in menu.texts.rendered
    warned = [text for role, text, colour in menu.texts.rendered._values if role == "small" and colour == WARNING]
    assert any(reason.startswith(text) for text in warned), "the card says why, in the warning colour"
    H.click(menu, menu.shown.cards[2].center)
    assert loaded(host) == [] and menu in host.layers
    assert host.notices == [f"Cannot load this save: {host.player.saves.info('1-3').reason}"]


def test_a_save_that_fails_to_load_says_why(host, monkeypatch):
    fill(host)

    def broken(name, *, seen):
        raise SaveError("the file was cut short")

    monkeypatch.setattr(host.player.saves, "load", broken)
    menu = open_menu(host, "load")
    H.press(menu, pygame.K_RETURN)
    assert host.notices == ["Cannot load this save: the file was cut short"]
    assert loaded(host) == [] and menu in host.layers


def test_slot_pages_by_pager_keys_and_wheel(host):
    """Ten numbered pages on both; Load adds the autosaves and the quick save."""
    menu = open_menu(host, "load")
    page = menu.shown
    assert page.pages[:2] == ("auto", "quick") and page.pages[2:] == tuple(range(1, 11))
    H.click(menu, page.pager[page.pages.index(7)].center)
    assert [info.name for info in page.infos()] == [f"7-{n}" for n in range(1, 7)]
    H.press(menu, pygame.K_PAGEDOWN)
    assert page.page == 8
    H.wheel(menu, -1)
    assert page.page == 9
    H.click(menu, page.pager[0].center)
    assert [info.name for info in page.infos()] == ["auto-1", "auto-2", "auto-3"]
    H.press(menu, pygame.K_UP)  # from the cards up into the pager
    assert page.focus == ("pager", 0)
    H.press(menu, pygame.K_RIGHT)
    H.press(menu, pygame.K_RETURN)
    assert [info.name for info in page.infos()] == ["quick"]
    H.press(menu, pygame.K_DOWN)
    H.press(menu, pygame.K_RIGHT)
    H.press(menu, pygame.K_DOWN)
    assert page.focus == ("card", 0), "the quick save's page has one slot to be on"
    save = open_menu(host, "save").shown
    assert save.pages == tuple(range(1, 11))


def test_thumbnails_are_decoded_once(host, monkeypatch):
    """A second opening of the Load page decodes no picture again; a rewritten one is decoded afresh."""
    fill(host)
    decoded = []
    real = pygame.image.load
    monkeypatch.setattr(pygame.image, "load", lambda path: decoded.append(path) or real(path))
    open_menu(host, "load")
    assert len(decoded) == 6
    open_menu(host, "load").draw(pygame.Surface(SCREEN_SIZE))
    assert len(decoded) == 6


# -- Settings --------------------------------------------------------------------------------
def row(name: str) -> int:
    return [s.field for s in SETTINGS].index(name)


def test_slider_by_arrows_reaches_instant_at_its_end(host):
    menu = open_menu(host, "settings")
    H.press(menu, pygame.K_RIGHT)
    assert host.settings.text_cps == 50 and len(host.applied) == 1
    H.press(menu, pygame.K_LEFT)
    assert host.settings.text_cps == 45
    for _ in range(20):
        H.press(menu, pygame.K_RIGHT)
    assert host.settings.text_cps == 0
    menu.draw(pygame.Surface(SCREEN_SIZE))
    assert ("ui", "Instant", HIGHLIGHT) in menu.texts.rendered


def test_slider_by_click_and_drag(host):
    menu = open_menu(host, "settings")
    slider = menu.shown.controls[row("music_volume")]
    H.click(menu, (slider.track.left, slider.track.centery))
    assert host.settings.music_volume == 0.0
    H.drag(menu, (slider.track.left, slider.track.centery), (slider.track.centerx, slider.track.centery + 40))
    assert host.settings.music_volume == 0.5, "a drag keeps hold even off the track"
    assert not slider.dragging
    H.drag(menu, (slider.track.centerx, slider.track.centery), (TAB_RECTS[0].centerx, slider.track.centery))
    assert host.settings.music_volume == 0.0 and not slider.dragging, "and over the tabs, where it ends too"
    H.click(menu, (slider.track.right, slider.track.centery))
    assert host.settings.music_volume == 1.0
    assert host.settings.sound_volume == 0.8, "nothing else changed"


def test_every_setting_changes_by_keyboard(host):
    """Down reaches every row; Right (or Enter on a switch) changes that row's field, and only it."""
    menu = open_menu(host, "settings")
    for index, setting in enumerate(SETTINGS):
        before = host.settings
        H.press(menu, pygame.K_RIGHT if not setting.labels or index % 2 else pygame.K_RETURN)
        changed = [f for f in before.__dataclass_fields__ if getattr(before, f) != getattr(host.settings, f)]
        assert changed == [setting.field]
        H.press(menu, pygame.K_DOWN)


def test_every_setting_changes_by_mouse(host):
    menu = open_menu(host, "settings")
    for control, setting in zip(menu.shown.controls, menu.shown.ROWS, strict=True):  # the Language row with the game's languages
        before = getattr(host.settings, setting.field)
        point = control.halves[1].center if setting.labels else (control.track.right, control.track.centery)
        if setting.labels and setting.values[1] == before:
            point = control.halves[0].center
        H.click(menu, point)
        assert getattr(host.settings, setting.field) != before, setting.label


def test_volumes_are_greyed_while_muted_but_still_move(host):
    menu = open_menu(host, "settings")
    assert ("ui", "80 %", DIM_TEXT) not in menu.texts.rendered
    host.player.settings = replace(host.settings, mute=True)
    menu.draw(pygame.Surface(SCREEN_SIZE))
    assert ("ui", "80 %", DIM_TEXT) in menu.texts.rendered
    H.press(menu, pygame.K_DOWN)
    H.press(menu, pygame.K_DOWN)
    H.press(menu, pygame.K_RIGHT)
    assert host.settings.music_volume == 0.85 and host.settings.mute


def test_settings_values_read_in_words(host):
    from game.settings import percent, scale, speed

    assert (speed(45), speed(0), percent(0.8), scale(1.5)) == ("45 chars/s", "Instant", "80 %", "1.5 \u00d7")


# -- History ---------------------------------------------------------------------------------
def test_history_opens_at_the_newest_line_laying_out_only_what_shows(host, history):
    entries = history(10_000)
    menu = open_menu(host, "history")
    shown = menu.shown.list.visible()
    assert shown[-1][0] == 9_999 and shown[-1][1].bottom <= menu.shown.list.view.bottom
    assert menu.shown.focus == 9_999
    assert len(set(entries.asked)) < 40


def test_history_scrolls_by_wheel_keys_and_bar(host, history):
    history(500)
    menu = open_menu(host, "history")
    scroll = menu.shown.list
    end = scroll.top
    H.wheel(menu, 1)
    assert scroll.top < end or scroll.offset < scroll.end()[1]
    H.press(menu, pygame.K_PAGEUP)
    assert scroll.top < end - 3 and menu.shown.focus < 499
    H.press(menu, pygame.K_PAGEDOWN)
    H.press(menu, pygame.K_PAGEDOWN)
    assert (scroll.top, scroll.offset) == scroll.end() and menu.shown.focus == 499
    H.press(menu, pygame.K_UP)
    assert menu.shown.focus == 498
    thumb = scroll.thumb()
    H.drag(menu, thumb.center, (thumb.centerx, scroll.bar.top - 50))
    assert (scroll.top, scroll.offset) == (0, 0)
    H.drag(menu, scroll.thumb().center, (thumb.centerx, scroll.bar.centery))
    assert 150 < scroll.top < 350
    H.click(menu, (scroll.bar.centerx, scroll.bar.bottom - 2))
    assert scroll.top > 250, "a click on the track below the thumb pages down"


def test_home_and_end_go_to_the_first_and_the_newest_line(host, history):
    """Needs `home` and `end` in the keymap (branch `menu` has no such actions yet)."""
    history(500)
    menu = open_menu(host, "history")
    scroll = menu.shown.list
    H.press(menu, pygame.K_HOME)
    assert (scroll.top, scroll.offset, menu.shown.focus) == (0, 0, 0)
    H.press(menu, pygame.K_END)
    assert (scroll.top, scroll.offset) == scroll.end() and menu.shown.focus == 499


def test_clicking_an_entry_rewinds_the_game_to_it(host, history):
    history(300)
    menu = open_menu(host, "history")
    index, rect = menu.shown.list.visible()[1]
    H.click(menu, rect.center)
    assert host.playing.went_to == [index]
    assert menu not in host.layers
    menu = open_menu(host, "history")
    H.press(menu, pygame.K_UP)
    H.press(menu, pygame.K_RETURN)
    assert host.playing.went_to == [index, 298]


def test_history_on_the_title_says_there_is_none(host):
    host.playing = None
    menu = open_menu(host, "history")
    H.press(menu, pygame.K_RETURN)
    assert menu in host.layers


def test_a_saves_time_shows_in_the_players_time_zone():
    from datetime import timezone

    from game.ui.menu.slots import when

    moment = datetime(2026, 11, 25, 21, 4, tzinfo=timezone.utc)
    local = moment.astimezone()
    assert when(moment) == f"{local.day} {local:%b %Y}  \u00b7  {local:%H:%M}"
    assert when(datetime(2026, 11, 25, 21, 4), joint=" at ") == "25 Nov 2026 at 21:04"
    assert when(None) == ""


def test_speakers_are_named_in_their_colours_made_legible():
    from game.ui.menu.look import legible

    assert legible((127, 178, 229)) == (127, 178, 229)
    lifted = legible((20, 20, 60))
    assert 0.299 * lifted[0] + 0.587 * lifted[1] + 0.114 * lifted[2] >= 149 and lifted[2] > lifted[0]


# -- Help ------------------------------------------------------------------------------------
def test_help_lists_the_keymaps_rows(host):
    from game.ui.menu.help_page import keymap_rows

    menu = open_menu(host, "help")
    for heading in ("WHAT IT DOES", "KEYBOARD", "MOUSE"):
        assert ("small", heading, DIM_TEXT) in menu.texts.rendered
    assert len(menu.shown.rows) == len(keymap_rows()) > 3


def test_help_shows_a_gamepad_column_once_a_row_has_one(host, monkeypatch):
    from game.ui.menu import help_page

    rows = tuple((f"a{i}", f"Action {i}", "Key", "click", "A button" if i == 7 else "") for i in range(40))
    monkeypatch.setattr(help_page, "keymap_rows", lambda: rows)
    menu = open_menu(host, "help")
    assert ("small", "GAMEPAD", DIM_TEXT) in menu.texts.rendered
    top = menu.shown.list.top
    H.press(menu, pygame.K_PAGEDOWN)
    assert menu.shown.list.top > top and menu.page == "help", "a long table scrolls instead of turning the page"


# -- the layer ---------------------------------------------------------------------------------
def test_drawing_is_pure_and_new_settings_come_through_settings_changed(host):
    """A frame drawn twice is the same frame; high contrast reaches the menu through `settings_changed`."""
    menu = open_menu(host, "settings")
    frames = [pygame.Surface(SCREEN_SIZE), pygame.Surface(SCREEN_SIZE)]
    for frame in frames:
        menu.draw(frame)
    assert pygame.image.tobytes(frames[0], "RGB") == pygame.image.tobytes(frames[1], "RGB")
    assert not menu.texts.contrast
    host.apply_settings(replace(host.settings, high_contrast=True))
    assert menu.texts.contrast and host.player.settings_file.load().high_contrast
    assert menu.clock.now() == 0.0 and menu.next_change() is None


def test_every_input_of_the_keymap_is_handled_without_error(host):
    """Each keymap action, pressed on each page and in the tab column, is either used or passed over."""
    from game.ui.input import press
    from game.ui.keymap import ACTION_ORDER
    from game.ui.menu.pages import PAGES

    for page in PAGES:
        for zone in ("page", "tabs"):
            menu = open_menu(host, page)
            menu.zone = zone
            for action in ACTION_ORDER:
                if action not in ("back", "game_menu", "activate", "advance"):
                    menu.handle(press(action))
            menu.draw(pygame.Surface(SCREEN_SIZE))
