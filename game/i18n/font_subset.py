"""The Japanese the interface draws: Droid Sans Fallback (Apache 2.0) cut down to the characters
the engine's Japanese (`game/locale/ja.po`) and the shipped story translations use.

`python -m game.i18n.font_subset` remakes `art/fonts/DroidSansFallback-subset.ttf` from the full font
(Debian's fonts-droid-fallback) after those files gain characters; tests/unit/test_interface_languages.py
fails until it is run.
"""

from __future__ import annotations

import sys
from pathlib import Path

import polib
from fontTools import subset
from fontTools.ttLib import TTFont

from game import ROOT
from game.i18n.interface import LOCALE
from game.script.files import CJK_FONT, needs_glyph

SOURCE = Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")
TARGET = ROOT / "art" / "fonts" / CJK_FONT


def characters(files: list[Path] | None = None) -> str:
    """Every character the translations of `files` draw (ja.po and translations/*.po by default), sorted."""
    files = files if files is not None else [LOCALE / "ja.po", *sorted((ROOT / "translations").glob("*.po"))]
    text = "".join(entry.msgstr for path in files for entry in polib.pofile(str(path)))
    return "".join(sorted({char for char in text if needs_glyph(char)}))


def make(source: Path = SOURCE, target: Path = TARGET, text: str | None = None) -> int:
    """Write `target`: `source` with only the glyphs of `text` (`characters()` by default); the number of characters kept."""
    options = subset.Options()
    options.layout_features = ["*"]
    options.notdef_outline = True  # a face must draw something for "Hag" to be used (game.ui.assets proves it)
    font = TTFont(source)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=characters() if text is None else text)
    subsetter.subset(font)
    font.save(target)
    return len(font.getBestCmap())


if __name__ == "__main__":
    if not SOURCE.is_file():
        sys.exit(f"{SOURCE} is missing: install Debian's fonts-droid-fallback (or pass another copy of Droid Sans Fallback Full to make())")
    print(f"{TARGET.relative_to(ROOT)}: {make()} characters")
