"""The game menu (issue 6): Save, Load, Settings, Accessibility, History and Help pages in one modal layer.

    app.push(GameMenu(app, page))   # page: "save" "load" "settings" "accessibility" "history" "help"

What it asks of the app: `fonts`, `audio.sound`, `notify`, `confirm(text, on_yes, destructive=True)`, `settings` and
`apply_settings`, `saves` (a SaveStore), `seen`, `game_screen` (None on the title; else its
`playthrough`, `thumbnail_png()` and `go_to(index)`), `pop`, `load_game(loaded)`, and
`request_restart/title/quit()` (branch `menu` names the last two kinds `load` and `ask_*`; both are
found); `story`, if present, gives the speakers' colours in History.

    container      GameMenu: the tabs and the page beside them
    slots          Save and Load: the slot grid, its pager, the pictures' cache
    settings_page  the settings as sliders and switches
    accessibility_page  text size, line spacing, font, high contrast, reduce motion (issue 8)
    history_page   the playthrough's lines, laid out only as they show
    help_page      the controls, from the keymap
    controls       Slider, Switch       scroll  ScrollList (virtual, with a scroll bar)
    look           where things go, colours, the panel, bounded caches (Kept), Press
    keys           stand-in for game.ui.keymap.actions, until that lands
"""

from game.ui.menu.container import GameMenu
from game.ui.menu.pages import PAGES

__all__ = ["PAGES", "GameMenu"]
