"""The game menu (issue 6): Save, Load, Settings, History and Help pages in one modal layer.

    GameMenu(app, page)   # page: "save" "load" "settings" "history" "help"; push it with app.push
"""

from game.ui.menu.container import PAGES, GameMenu

__all__ = ["PAGES", "GameMenu"]
