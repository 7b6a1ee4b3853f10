"""README.txt, beside the built app's executable: how to start, where the saves live, the licences."""

from __future__ import annotations

from game.folder import GameFolder
from game.userdata import HUB

#: The platform's data folder for Hub's games (game.userdata.data_dir asks platformdirs for the same).
DATA_FOLDERS = {"linux": "~/.local/share/hub", "macos": "~/Library/Application Support/hub", "windows": "%APPDATA%\\hub"}


def saves_folder(system: str, game_id: str) -> str:
    base = DATA_FOLDERS[system]
    separator = "\\" if system == "windows" else "/"
    return base if game_id == HUB else separator.join((base, "games", game_id))


def _how_to_start(system: str, game_id: str) -> str:
    if system == "windows":
        return (f"Double-click {game_id}.exe. Windows may warn that the app is from an unknown\n"
                "publisher: choose \"More info\", then \"Run anyway\".")
    if system == "macos":
        return (f"Double-click {game_id}.app (you may drag it into Applications first). The first\n"
                "time, macOS may refuse an app from an unidentified developer: right-click it,\n"
                "choose Open, then Open again.")
    return (f"Double-click {game_id}, or from a terminal in this folder: ./{game_id}\n"
            "No Python or anything else to install.")


def readme(game: GameFolder, system: str) -> str:
    data = saves_folder(system, game.id)
    extra = "  (or $XDG_DATA_HOME/hub if you set XDG_DATA_HOME)\n" if system == "linux" else ""
    return f"""{game.title} {game.version}

To play
{_how_to_start(system, game.id)}

The keys: F1 in the game shows them all. Space or a click goes on; Escape opens the menu.

Your saves, settings and screenshots
They are kept apart from this folder, in:
  {data}
{extra}so they stay when you delete this folder or unpack a newer version over it.

Licences
This game was made with Hub, a visual novel engine, and runs on Python (PSF licence),
pygame (GNU LGPL 2.1; source at https://github.com/pygame/pygame) with SDL (zlib
licence), Pillow (MIT-CMU), PyYAML, platformdirs, fontTools and arabic-reshaper
(each MIT). Their licence texts are in the app's licences/ folder; the fonts' (SIL
Open Font Licence, DejaVu's) are beside the fonts in art/fonts/. Both are inside
{"the .app's Contents/Resources" if system == "macos" else "_internal"}.
"""
