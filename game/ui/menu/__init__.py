"""The game menu (issue 6): Save, Load, Settings, Accessibility, History and Help pages in one modal layer.

    host.push(GameMenu(host, page))   # page: one of PAGES ("save" "load" "settings" "accessibility" "history" "help")

What it asks of its host (`game.ui.host.Host`):
`player.settings/saves/seen`, `services.fonts/audio`, `notify`, `confirm`, `pop`, `play`,
`show_title`, `quit`, `apply_settings`, and `playing` (None on the title; else its `playthrough`,
`thumbnail_png()`, `go_to(index)` and `screenshot()`).

    container      GameMenu: the tab column and the page beside it
    pages          the page registry: every page's name, tab label, class, key
    page           what a page is and what it may ask of the menu (protocols)
    tabs           the tab column, laid out for any number of pages
    slots          Save and Load: the slot grid, its pager, the pictures' cache
    settings_page  the settings as sliders and switches
    accessibility_page  text size, line spacing, font, high contrast, reduce motion (issue 8)
    history_page   the playthrough's lines, laid out only as they show
    help_page      the controls, from the keymap
    controls       Slider, Switch       scroll  ScrollList (virtual, with a scroll bar)
    look           where things go, colours, the panel, bounded caches (Kept), Press
"""

from game.ui.menu.container import GameMenu
from game.ui.menu.pages import PAGES

__all__ = ["PAGES", "GameMenu"]
