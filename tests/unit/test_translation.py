"""`python main.py translate LANG` and `--lang LANG`: PO files keyed by stable ids, surviving edits (issue 19)."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import polib
import pytest

from game.cli import main
from game.gamefolder import GameFolder
from game.i18n.commands import in_language
from game.script import load_story
from game.transcript import transcript

ENGINE_ART = Path(__file__).resolve().parents[2]

STORY = """
script:
  - label: start
  - "The rain had not stopped for three days."
  - ann: "You came back. {pause 0.5}I didn't think you would."
  - ben: "Neither did I."
  - choice: "What now?"
    options:
      - text: Stay.
        jump: stay
      - text: Go.
        jump: go
  - label: stay
  - "They stay."
  - ending: Together
  - label: go
  - "He goes."
  - ending: Apart
"""


@pytest.fixture
def game(tmp_path: Path, scenes, asset_root: Path) -> GameFolder:
    for folder in ("art", "audio"):
        shutil.copytree(asset_root / folder, tmp_path / folder, dirs_exist_ok=True)
    scenes({"story.yaml": STORY})
    return GameFolder(root=tmp_path)


def write(game: GameFolder, name: str, text: str) -> None:
    path = game.scenes / name
    if text:
        path.write_text(textwrap.dedent(text).lstrip("\n"))
    else:
        path.unlink()


def po_of(game: GameFolder, language: str = "fr") -> polib.POFile:
    return polib.pofile(str(game.root / "translations" / f"{language}.po"))


def translate(game: GameFolder, language: str = "fr") -> int:
    return main(["translate", language, "--game", str(game.root)])


def translate_all(game: GameFolder, rule=lambda text: "FR " + text) -> None:
    """Fill every entry by `rule` and save."""
    po = po_of(game)
    for entry in po:
        entry.msgstr = rule(entry.msgid)
    po.save()


def by_id(po: polib.POFile) -> dict[str, polib.POEntry]:
    return {entry.msgctxt: entry for entry in po if not entry.obsolete}


def test_one_entry_per_text_with_the_stable_id_and_the_translators_notes(game: GameFolder) -> None:
    assert translate(game) == 0
    entries = by_id(po_of(game))
    assert set(entries) == {"game.title", "game.end_card", "character.ann", "character.ben", "start.1", "start.2", "start.3", "start.4",
                            "start.4/option 1", "start.4/option 2", "stay.1", "stay.2", "go.1", "go.2"}
    said = entries["start.2"]
    assert said.msgid == "You came back. {pause 0.5}I didn't think you would."
    assert said.occurrences == [("scenes/story.yaml", "4")]
    assert "said by Ann" in said.comment and "label: start" in said.comment
    assert "after: The rain had not stopped for three days." in said.comment
    assert "fingerprint: " in said.comment
    assert entries["start.4/option 1"].msgid == "Stay." and entries["stay.2"].msgid == "Together"


def test_running_it_twice_changes_nothing(game: GameFolder) -> None:
    translate(game)
    translate_all(game)
    first = (game.root / "translations" / "fr.po").read_bytes()
    translate(game)
    assert (game.root / "translations" / "fr.po").read_bytes() == first


def test_round_trip_every_text_shown_in_the_language(game: GameFolder) -> None:
    translate(game)
    translate_all(game)
    story, _ = load_story(game=game)
    shown = in_language(story, game, "fr")
    assert shown is not None
    french, french_game = shown
    for options in ([0], [1]):
        lines = list(transcript(french, options=options))
        assert lines and all("FR " in line for line in lines), lines
    assert french_game.title == "FR Hub" and french.shown_name("ann") == "FR Ann"


def test_transcript_lang_prints_in_the_language(game: GameFolder, capsys: pytest.CaptureFixture[str]) -> None:
    translate(game)
    translate_all(game)
    assert main(["transcript", "--lang", "fr", "--game", str(game.root)]) == 0
    out = capsys.readouterr().out
    assert "FR The rain had not stopped" in out and "FR You came back. I didn't" in out


def test_a_missing_translation_falls_back_to_the_source(game: GameFolder, capsys: pytest.CaptureFixture[str]) -> None:
    translate(game)
    translate_all(game, lambda text: "" if text == "Neither did I." else "FR " + text)
    main(["transcript", "--lang", "fr", "--game", str(game.root)])
    out = capsys.readouterr().out
    assert "FR Ben: Neither did I.\n" in out and "FR Ann: FR You came back." in out


def test_a_language_with_no_file_lists_those_there_are(game: GameFolder, capsys: pytest.CaptureFixture[str]) -> None:
    translate(game)
    translate(game, "de")
    assert main(["transcript", "--lang", "ja", "--game", str(game.root)]) == 2
    err = capsys.readouterr().err
    assert "no translation 'ja'" in err and "the languages there are: de, fr" in err


# Drift: the source is edited after the translation was made.


def test_an_edited_line_keeps_its_translation_marked_fuzzy_with_the_old_text(game: GameFolder) -> None:
    translate(game)
    translate_all(game)
    write(game, "story.yaml", STORY.replace("Neither did I.", "Neither did I, to be honest."))
    translate(game)
    entry = by_id(po_of(game))["start.3"]
    assert entry.msgid == "Neither did I, to be honest." and entry.msgstr == "FR Neither did I."
    assert entry.fuzzy and entry.previous_msgid == "Neither did I."
    story, _ = load_story(game=game)
    french, _ = in_language(story, game, "fr") or (None, None)
    assert "FR Ben: Neither did I, to be honest." in list(transcript(french))  # stale: the source is shown


def test_a_fixed_typo_twice_keeps_the_first_old_text(game: GameFolder) -> None:
    translate(game)
    translate_all(game)
    write(game, "story.yaml", STORY.replace("Neither did I.", "Neither did I!"))
    translate(game)
    write(game, "story.yaml", STORY.replace("Neither did I.", "Neither did I!!"))
    translate(game)
    entry = by_id(po_of(game))["start.3"]
    assert entry.fuzzy and entry.previous_msgid == "Neither did I." and entry.msgstr == "FR Neither did I."


def test_an_edit_undone_brings_the_entry_back_as_it_was(game: GameFolder) -> None:
    translate(game)
    translate_all(game)
    before = (game.root / "translations" / "fr.po").read_bytes()
    write(game, "story.yaml", STORY.replace("Neither did I.", "Neither did I!"))
    translate(game)
    write(game, "story.yaml", STORY)
    translate(game)
    assert (game.root / "translations" / "fr.po").read_bytes() == before


def test_a_line_moved_to_another_file_keeps_its_translation(game: GameFolder) -> None:
    translate(game)
    translate_all(game)
    write(game, "story.yaml", STORY.replace('  - "They stay."\n', ""))
    write(game, "more.yaml", """
        script:
          - label: after
          - "They stay."
          - jump: start
    """)
    translate(game)
    po = po_of(game)
    entry = by_id(po)["after.1"]
    assert entry.msgstr == "FR They stay." and not entry.fuzzy and entry.occurrences == [("scenes/more.yaml", "3")]
    assert not po.obsolete_entries()


def test_a_renamed_label_keeps_every_translation(game: GameFolder) -> None:
    translate(game)
    translate_all(game)
    write(game, "story.yaml", STORY.replace("label: stay", "label: remain").replace("jump: stay", "jump: remain"))
    translate(game)
    po = po_of(game)
    assert by_id(po)["remain.1"].msgstr == "FR They stay." and by_id(po)["remain.2"].msgstr == "FR Together"
    assert not po.obsolete_entries() and not po.fuzzy_entries() and not po.untranslated_entries()


def test_a_deleted_line_goes_to_the_obsolete_section_and_nothing_shifts(game: GameFolder) -> None:
    translate(game)
    translate_all(game)
    write(game, "story.yaml", STORY.replace('  - ann: "You came back. {pause 0.5}I didn\'t think you would."\n', ""))
    translate(game)
    po = po_of(game)
    assert [e.msgid for e in po.obsolete_entries()] == ["You came back. {pause 0.5}I didn't think you would."]
    assert by_id(po)["start.2"].msgid == "Neither did I." and by_id(po)["start.2"].msgstr == "FR Neither did I."
    assert not po.fuzzy_entries()
    text = (game.root / "translations" / "fr.po").read_text()
    assert '#~ msgstr "FR You came back.' in text


def test_an_inserted_line_comes_in_empty_and_shifts_no_translation(game: GameFolder) -> None:
    translate(game)
    translate_all(game)
    write(game, "story.yaml", STORY.replace('  - ben: "Neither did I."\n', '  - ann: "Well?"\n  - ben: "Neither did I."\n'))
    translate(game)
    po = po_of(game)
    assert by_id(po)["start.3"].msgid == "Well?" and by_id(po)["start.3"].msgstr == ""
    assert by_id(po)["start.4"].msgstr == "FR Neither did I." and not po.fuzzy_entries() and not po.obsolete_entries()


def test_a_line_rewritten_entirely_is_not_given_the_old_lines_translation(game: GameFolder) -> None:
    translate(game)
    translate_all(game)
    write(game, "story.yaml", STORY.replace("Neither did I.", "Put the kettle on, then."))
    translate(game)
    po = po_of(game)
    assert by_id(po)["start.3"].msgstr == "" and [e.msgstr for e in po.obsolete_entries()] == ["FR Neither did I."]


# Bad input: the file is reported at its line, and the game is shown in its own language.


def bad_file(game: GameFolder, change) -> Path:
    translate(game)
    translate_all(game)
    path = game.root / "translations" / "fr.po"
    path.write_bytes(change(path.read_bytes()))
    return path


@pytest.mark.parametrize(
    ("change", "message", "line"),
    [
        (lambda b: b.replace(b'msgstr "FR Neither did I."', b'msgstr "FR Neither did I.'), "cannot read", None),
        (lambda b: b.replace(b"FR Neither", b"FR \xe9 Neither"), "not UTF-8", None),
        (lambda b: b + b'\nmsgctxt "start.3"\nmsgid "Neither did I."\nmsgstr "Encore"\n', "a second entry for 'start.3'", None),
        (lambda b: b + b'\nmsgctxt "nowhere.9"\nmsgid "Gone."\nmsgstr "Parti."\n', "no text of the game has the id 'nowhere.9'", None),
    ],
    ids=["syntax", "encoding", "duplicate", "unknown id"],
)
def test_a_broken_po_is_reported_at_its_line_and_the_source_is_shown(game: GameFolder, capsys: pytest.CaptureFixture[str], change, message: str, line) -> None:
    path = bad_file(game, change)
    assert main(["transcript", "--lang", "fr", "--game", str(game.root)]) == 0
    captured = capsys.readouterr()
    assert message in captured.err and "Traceback" not in captured.err
    lines = path.read_bytes().splitlines()
    reported = int(captured.err.split("fr.po:")[1].split(":")[0])
    assert 1 <= reported <= len(lines)
    assert message != "not UTF-8" or b"\xe9" in lines[reported - 1]
    assert message != "cannot read" or lines[reported - 1].startswith(b'msgstr "FR Neither did I.')
    assert "The rain had not stopped" in captured.out and "FR " not in captured.out


def test_a_translation_whose_cues_differ_from_the_source_is_not_used(game: GameFolder) -> None:
    translate(game)
    translate_all(game, lambda text: "FR " + text.replace("{pause 0.5}", ""))
    story, _ = load_story(game=game)
    french, _ = in_language(story, game, "fr") or (None, None)
    lines = list(transcript(french))
    assert "FR Ann: You came back. I didn't think you would." in lines and "FR Ben: FR Neither did I." in lines
