"""Lines with text that adapts (`{if}`) are translatable (issue 19): the entry's msgid is the line's source with its
markup, conditions included; a translation plays its own branch words; a condition missing or changed is an error."""

from __future__ import annotations

import shutil
from pathlib import Path

import polib
import pytest

from game.gamefolder import GameFolder
from game.i18n.apply import markup_of
from game.i18n.commands import in_language
from game.i18n.source import condition_text
from game.script import load_story
from game.script.expressions import parse
from game.transcript import transcript
from tests.unit.test_translation import po_of, translate, translate_all
from tests.unit.test_translation_check import check, line_of

ADAPTING = 'He answers {if trust >= 2 and not met}{b}smartly{/b}{elif trust == 1}warily{else}quietly [name]{/if}.'
STORY = f"""
variables:
  trust: 0
  met: false
  name: "Ianto"
script:
  - label: start
  - ann: "{ADAPTING}"
  - choice: "Trust him?"
    options:
      - text: Yes.
        set: trust += 2
        jump: start_again
      - text: "{{if trust > 0}}Still no{{else}}No{{/if}}."
        jump: out
  - label: start_again
  - ann: "{ADAPTING}"
  - label: out
  - ending: Done
"""
FRENCH = {
    ADAPTING: "Il répond {if trust >= 2 and not met}{b}habilement{/b}{elif trust == 1}prudemment{else}doucement [name]{/if}.",
    "{if trust > 0}Still no{else}No{/if}.": "{if trust > 0}Toujours non{else}Non{/if}.",
}


@pytest.fixture
def game(tmp_path: Path, scenes, asset_root: Path) -> GameFolder:
    for folder in ("art", "audio"):
        shutil.copytree(asset_root / folder, tmp_path / folder, dirs_exist_ok=True)
    scenes({"story.yaml": STORY})
    return GameFolder(root=tmp_path)


def french(text: str) -> str:
    return FRENCH.get(text, "FR " + text)


@pytest.mark.parametrize("condition", ['trust >= 2 and not (met or seen("office"))', "a - (b - c) > 1", "(a or b) and c",
                                       'name == "Ja\\"ck"', 'visits("bay") >= 2', "x == 1.5", "a or b and c", "not -x < 2 * (3 + y)"])
def test_a_condition_is_written_back_as_the_writer_wrote_it(condition: str) -> None:
    assert condition_text(parse(condition)) == condition


def test_the_entry_is_the_lines_source_with_its_conditions(game: GameFolder) -> None:
    translate(game)
    entries = {entry.msgctxt: entry for entry in po_of(game)}
    assert entries["start.1"].msgid == ADAPTING
    assert entries["start.2/option 2"].msgid == "{if trust > 0}Still no{else}No{/if}."
    assert markup_of(ADAPTING)[0] == ["{if trust >= 2 and not met}", "{elif trust == 1}", "{else}", "{/if}"]


def test_round_trip_each_branch_in_the_language(game: GameFolder) -> None:
    translate(game)
    translate_all(game, french)
    assert check(game, "fr") == 0
    story, _ = load_story(game=game)
    shown = in_language(story, game, "fr")
    assert shown is not None
    lines = list(transcript(shown[0], options=[1]))
    assert "Il répond doucement Ianto." in " ".join(lines) and "Non." in " ".join(lines)
    again = " ".join(transcript(shown[0], options=[0]))
    assert "Il répond habilement." in again, again
    assert translate(game) == 0 and all(not entry.fuzzy for entry in po_of(game))  # stable: nothing stale


@pytest.mark.parametrize(("changed", "shown"), [
    ("Il répond {if trust >= 3 and not met}{b}habilement{/b}{elif trust == 1}prudemment{else}doucement [name]{/if}.", "{if trust >= 3 and not met} {elif"),
    ("Il répond {if trust >= 2 and not met}{b}habilement{/b}{else}doucement [name]{/if}.", "{if trust >= 2 and not met} {else} {/if},"),
    ("Il répond {b}habilement{/b}, prudemment ou doucement [name].", "none,"),
])
def test_a_condition_missing_or_changed_is_an_error_and_the_source_shows(game: GameFolder, capsys: pytest.CaptureFixture[str], changed: str, shown: str) -> None:
    translate(game)
    translate_all(game, lambda text: changed if text == ADAPTING else french(text))
    assert check(game, "fr") == 1
    out = capsys.readouterr().out
    assert f"translations/fr.po:{line_of(game, 'start.1')}: error: 'start.1' has the cues {shown}" in out
    assert "the source {if trust >= 2 and not met} {elif trust == 1} {else} {/if}" in out
    story, _ = load_story(game=game)
    english = in_language(story, game, "fr")
    assert english is not None and "He answers quietly Ianto." in " ".join(transcript(english[0], options=[1]))


def test_po_file_keeps_the_markup_on_one_line(game: GameFolder) -> None:
    translate(game)
    text = (game.root / "translations" / "fr.po").read_text()
    assert f'msgid "{ADAPTING}"' in text and polib.pofile(text).find(ADAPTING, by="msgid") is not None
