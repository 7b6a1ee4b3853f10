"""`translations/LANG.po`: written and updated from the story (`update`), read back (`read`).

Each entry's msgctxt is the text's stable id; its extracted comments give the
speaker, the label, the line before it and the source's fingerprint; its
occurrence is the file:line. Updating matches the old entries to the texts as a
save finds its line: by id and fingerprint, then by fingerprint alone (a line moved,
or its label renamed), then by id with the text changed (fuzzy, the old text kept
as `#| msgid`); what matches nothing becomes obsolete, never another line's.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

import polib

from game.i18n.source import Translatable

FINGERPRINT = "fingerprint: "
WRAP = 1 << 16  # no wrapping: a line's markup stays on one line (translators' tools wrap as they like)
SIMILAR = 0.5  # an edited line keeps its id's translation when it is at least this much the same text


@dataclass
class Summary:
    """What `update` did, counted."""

    kept: int = 0
    fuzzy: int = 0
    new: int = 0
    obsolete: int = 0
    path: Path = field(default_factory=Path)

    def __str__(self) -> str:
        return f"{self.path}: {self.kept} kept, {self.new} new, {self.fuzzy} changed (fuzzy), {self.obsolete} gone (obsolete)"


def fingerprint_of(entry: polib.POEntry) -> str:
    """The source fingerprint an entry was written for ("" when it has none)."""
    for line in entry.comment.splitlines():
        if line.startswith(FINGERPRINT):
            return line[len(FINGERPRINT) :].strip()
    return ""


def update(path: Path, texts: list[Translatable], language: str, title: str) -> Summary:
    """Write `path` for `texts`, keeping every translation it already holds."""
    old = polib.pofile(str(path), wrapwidth=WRAP) if path.exists() else None
    po = polib.POFile(wrapwidth=WRAP)
    po.metadata = dict(old.metadata) if old is not None else _metadata(language, title)
    previous = [entry for entry in old if not entry.obsolete] if old is not None else []
    matched = _match(texts, previous)
    summary = Summary(path=path)
    for text in texts:
        entry = _entry(text)
        found = matched.get(text.id)
        if found is not None and found.msgstr:
            entry.msgstr = found.msgstr
            back = "fuzzy" in found.flags and found.previous_msgid == text.source  # the change was undone
            if not back and (found.msgid != text.source or "fuzzy" in found.flags):
                entry.flags.append("fuzzy")
                stale = "fuzzy" in found.flags and found.previous_msgid
                entry.previous_msgid = found.previous_msgid if stale else found.msgid
                summary.fuzzy += 1
            else:
                summary.kept += 1
        else:
            summary.new += 1
        po.append(entry)
    used = {id(entry) for entry in matched.values()}
    for entry in previous:
        if id(entry) not in used and entry.msgstr:
            entry.obsolete = True
            po.append(entry)
            summary.obsolete += 1
    gone = {(entry.msgctxt, entry.msgid) for entry in po if entry.obsolete}
    po.extend(entry for entry in old or () if entry.obsolete and (entry.msgctxt, entry.msgid) not in gone)
    path.parent.mkdir(parents=True, exist_ok=True)
    po.save(str(path))
    return summary


def _metadata(language: str, title: str) -> dict[str, str]:
    return {
        "Project-Id-Version": title,
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }


def _entry(text: Translatable) -> polib.POEntry:
    notes = [f"{text.kind}" + (f", said by {text.speaker}" if text.speaker else "")]
    if text.label:
        notes.append(f"label: {text.label}")
    if text.before:
        notes.append(f"after: {text.before}")
    notes.append(FINGERPRINT + text.fingerprint)
    occurrences = [(text.place[0], str(text.place[1]) if text.place[1] else "")] if text.place[0] else []
    return polib.POEntry(msgctxt=text.id, msgid=text.source, msgstr="", comment="\n".join(notes), occurrences=occurrences)


def _match(texts: list[Translatable], previous: list[polib.POEntry]) -> dict[str, polib.POEntry]:
    """For each text's id, the old entry that was written for it, if any."""
    matched: dict[str, polib.POEntry] = {}
    free = {id(entry): entry for entry in previous}  # by identity: polib's entries compare by their text
    by_id = {entry.msgctxt: entry for entry in previous}

    def take(text: Translatable, entry: polib.POEntry) -> None:
        matched[text.id] = entry
        del free[id(entry)]

    for text in texts:  # the same id, the same text
        entry = by_id.get(text.id)
        if entry is not None and id(entry) in free and (fingerprint_of(entry) == text.fingerprint or entry.msgid == text.source):
            take(text, entry)
    for text in texts:  # the same text, moved (another id, another file, its label renamed): the first such, in order
        if text.id not in matched:
            same = next((e for e in free.values() if fingerprint_of(e) == text.fingerprint and e.msgid == text.source), None)
            if same is not None:
                take(text, same)
    for text in texts:  # the same id, the text edited: kept when the writer gave the id, or the text is much the same
        entry = by_id.get(text.id)
        if text.id not in matched and entry is not None and id(entry) in free and _still(text, entry):
            take(text, entry)
    return matched


def _still(text: Translatable, entry: polib.POEntry) -> bool:
    """Whether an entry of the same id was written for this text before it was edited:
    the writer gave the id, or the text is still much the same."""
    return text.writers_id or difflib.SequenceMatcher(None, entry.msgid, text.source).ratio() >= SIMILAR


#: A line a PO file may hold besides comments and blank lines (a keyword and a quoted string, or a string alone).
PO_LINE = re.compile(r'^\s*(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?"(?:[^"\\]|\\.)*"\s*$')


@dataclass(frozen=True)
class PoProblem:
    """A mistake in a PO file, at its line (0: the whole file)."""

    path: str
    line: int
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: error: {self.message}" + (f"\n    fix: {self.hint}" if self.hint else "")


@dataclass
class Catalog:
    """A language's translations as read: the entries by id, and the file's problems (with any, nothing is used)."""

    language: str
    path: Path
    entries: dict[str, polib.POEntry] = field(default_factory=dict)
    problems: list[PoProblem] = field(default_factory=list)


def read(path: Path, known: set[str], shown: str = "", *, contexts: bool = True) -> Catalog:
    """The PO file at `path`; `known` are the ids the story has. A broken file comes back with no entries and its problems.
    With `contexts` False (the engine's own files), entries are keyed by their msgid and no id is unknown."""
    shown = shown or str(path)
    catalog = Catalog(path.stem, path)
    try:
        content = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        catalog.problems.append(PoProblem(shown, line, "this is not UTF-8 text", "save the file as UTF-8 (Poedit and Weblate do by default)"))
        return catalog
    except OSError as error:
        catalog.problems.append(PoProblem(shown, 0, f"cannot be read: {error.strerror}"))
        return catalog
    catalog.problems.extend(_syntax(content, shown))
    if not catalog.problems:
        try:
            po = polib.pofile(content, wrapwidth=WRAP)
        except (OSError, ValueError) as error:
            line = int(m.group(1)) if (m := re.search(r"line (\d+)", str(error))) else 0
            catalog.problems.append(PoProblem(shown, line, "a syntax error", "each entry is msgctxt, msgid and msgstr, each followed by a quoted string"))
            return catalog
        catalog.entries = _entries(po, known, shown, catalog.problems) if contexts else _by_msgid(po, shown, catalog.problems)
    if catalog.problems:
        catalog.entries = {}
    return catalog


def _syntax(content: str, shown: str) -> list[PoProblem]:
    for number, line in enumerate(content.splitlines(), start=1):
        if line.strip() and not line.lstrip().startswith("#") and not PO_LINE.match(line):
            return [PoProblem(shown, number, f"cannot read `{line.strip()[:60]}`", 'write a keyword and a quoted string, e.g. msgstr "Bonjour", with \\" for a quote inside it')]
    return []


def _entries(po: polib.POFile, known: set[str], shown: str, problems: list[PoProblem]) -> dict[str, polib.POEntry]:
    entries: dict[str, polib.POEntry] = {}
    for entry in po:
        if entry.obsolete:
            continue
        if entry.msgctxt in entries:
            problems.append(PoProblem(shown, entry.linenum or 0, f"a second entry for '{entry.msgctxt}' (the first is at line {entries[entry.msgctxt].linenum})", "keep one of them"))
        elif entry.msgctxt not in known:
            what = "an entry with no msgctxt" if entry.msgctxt is None else f"no text of the game has the id '{entry.msgctxt}'"
            problems.append(PoProblem(shown, entry.linenum or 0, what, "run `python main.py translate LANG` to bring the file up to date (it sets aside what is gone)"))
        else:
            entries[entry.msgctxt] = entry
    return entries


def _by_msgid(po: polib.POFile, shown: str, problems: list[PoProblem]) -> dict[str, polib.POEntry]:
    entries: dict[str, polib.POEntry] = {}
    for entry in po:
        if entry.obsolete or not entry.msgid:
            continue
        if entry.msgid in entries:
            problems.append(PoProblem(shown, entry.linenum or 0, f"a second entry for '{entry.msgid}' (the first is at line {entries[entry.msgid].linenum})", "keep one of them"))
        entries[entry.msgid] = entry
    return entries
