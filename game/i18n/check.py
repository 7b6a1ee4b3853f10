"""`python main.py check --lang LANG` (and `check` alone, for every language there is): what a
translation lacks or gets wrong, each at the .po file's line and the source's file:line.

Errors: a broken file (it is not used at all), markup that differs from the source (a `{pause}`,
a `{show}`/`{hide}`/`{sound}` cue, a style tag, an `{if}` or a `[var]` missing or added: cues drive the
staging, so such a translation is not shown). Warnings: missing translations (a count and the
first ones), fuzzy or stale ones (the source changed since), characters no font of the game draws,
a line that overflows the text box at the default text size (more pages than its source takes).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from game.fonts import ROLE_FILES
from game.gamefolder import GameFolder
from game.i18n.apply import markup_of
from game.i18n.catalog import Catalog, fingerprint_of, read
from game.i18n.fit import PAGE_LINES, Measure, pages
from game.i18n.source import Translatable, texts
from game.resolver import Refused
from game.script.assets import INTERFACE_FONTS, font_path
from game.script.files import font_coverage, missing_characters
from game.script.markup import parse as parse_markup
from game.script.markup import plain_text
from game.script.model import Story
from game.script.problems import TextError, shown_path

FIRST_MISSING = 5  # how many missing translations are named


@dataclass(frozen=True)
class Finding:
    where: str  # the .po's file:line
    source: str  # the source's file:line ("" when it has none)
    message: str
    error: bool

    def __str__(self) -> str:
        also = f" (source: {self.source})" if self.source else ""
        return f"{self.where}: {'error' if self.error else 'warning'}: {self.message}{also}"


def check_language(story: Story, game: GameFolder, language: str) -> list[Finding]:
    """Everything wrong with `translations/LANG.po` for this story."""
    path = game.root / "translations" / f"{language}.po"
    shown = shown_path(path)
    all_texts = texts(story, game)
    catalog = read(path, {text.id for text in all_texts}, shown=shown)
    if catalog.problems:
        return [Finding(f"{p.path}:{p.line}" if p.line else p.path, "", p.message + (f"; fix: {p.hint}" if p.hint else ""), True) for p in catalog.problems]
    findings: list[Finding] = []
    missing = [text for text in all_texts if not _done(text, catalog)]
    if missing:
        named = ", ".join(text.id + (f" ({_place(text)})" if _place(text) else "") for text in missing[:FIRST_MISSING])
        findings.append(Finding(shown, "", f"{len(missing)} of {len(all_texts)} texts have no translation: {named}" + (", ..." if len(missing) > FIRST_MISSING else ""), False))
    fonts = _fonts(game)
    coverages = [font_coverage(font) for font in fonts]
    measures = {role: Measure([path, *fonts]) for role, path in _story_fonts(game).items()}
    for text in all_texts:
        findings.extend(_entry_findings(text, catalog, shown, coverages))
        findings.extend(_overflow(text, catalog, shown, measures))
    return findings


def _done(text: Translatable, catalog: Catalog) -> bool:
    entry = catalog.entries.get(text.id)
    return entry is not None and bool(entry.msgstr)


def _place(text: Translatable) -> str:
    file, line = text.place
    return f"{file}:{line}" if line else file


def _entry_findings(text: Translatable, catalog: Catalog, shown: str, coverages: list[frozenset[int]]) -> list[Finding]:
    entry = catalog.entries.get(text.id)
    if entry is None or not entry.msgstr:
        return []
    where, source = f"{shown}:{entry.linenum}", _place(text)
    found = []
    if entry.fuzzy:
        found.append(Finding(where, source, f"'{text.id}' is fuzzy: its source changed; check the translation against it and remove the fuzzy flag", False))
    elif fingerprint_of(entry) != text.fingerprint:
        found.append(Finding(where, source, f"'{text.id}' was translated from another text; run `python main.py translate {catalog.language}` to mark it fuzzy", False))
    try:
        timed, rest = markup_of(entry.msgstr)
        expected_timed, expected_rest = markup_of(text.source)
    except TextError as error:
        return [*found, Finding(where, source, f"'{text.id}': {error.message}; fix: {error.hint}", True)]
    if timed != expected_timed:
        found.append(Finding(where, source, f"'{text.id}' has the cues {' '.join(timed) or 'none'}, the source {' '.join(expected_timed) or 'none'}: the same, in the same order", True))
    if rest != expected_rest:
        differs = sorted((rest - expected_rest) + (expected_rest - rest))
        found.append(Finding(where, source, f"'{text.id}': the style tags and variables differ from the source's ({', '.join(differs)})", True))
    for char in dict.fromkeys(char for _, char in missing_characters(plain_text(parse_markup(entry.msgstr)), coverages)):
        found.append(Finding(where, source, f"no font of the game can draw {char!r} ({unicodedata.name(char, hex(ord(char)))}): it shows as a box", False))
    return found


def _overflow(text: Translatable, catalog: Catalog, shown: str, measures: dict[str, Measure]) -> list[Finding]:
    """A line or prompt whose translation takes more pages of the text box than its source (at the default text size)."""
    entry = catalog.entries.get(text.id)
    if text.kind not in ("line", "prompt") or entry is None or not entry.msgstr:
        return []
    try:
        translated, source = plain_text(parse_markup(entry.msgstr)), plain_text(parse_markup(text.source))
    except TextError:
        return []  # reported as bad markup
    measure = measures["text" if text.speaker else "narration"]
    lines, source_pages = measure.lines(translated), pages(measure.lines(source))
    if pages(lines) <= source_pages:
        return []
    return [Finding(f"{shown}:{entry.linenum}", _place(text), f"'{text.id}' overflows the text box: {lines} lines at the default text size, "
                    f"{pages(lines)} pages where the source takes {source_pages} ({PAGE_LINES} lines a page); shorten it", False)]


def _story_fonts(game: GameFolder) -> dict[str, Path]:
    """The faces a line is drawn in: a speaker's line and narration."""
    return {role: font_path(game, ROLE_FILES[role]) for role in ("text", "narration")}


def _fonts(game: GameFolder) -> list[Path]:
    """The fonts the game draws with (one it may not use is reported by `check` itself)."""
    found = []
    for file in (*INTERFACE_FONTS, *game.fallback_fonts):
        try:
            found.append(font_path(game, file))
        except Refused:
            continue
    return [path for path in found if path.is_file()]
