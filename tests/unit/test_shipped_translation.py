"""Our story in French (translations/fr.po), the worked example of issue 19: it stays complete.

An edit to a line of scenes/ leaves its translation stale here until `python main.py translate fr`
is run and the entry (then fuzzy, with the old text beside it) is looked at and fixed."""

from __future__ import annotations

from game import ROOT
from game.gamefolder import GameFolder
from game.i18n.apply import usable
from game.i18n.catalog import read
from game.i18n.check import check_language
from game.i18n.source import texts
from game.script import load_story
from game.transcript import every_path


def test_every_text_of_our_story_has_a_french_translation_in_use() -> None:
    game = GameFolder(root=ROOT)
    story, _ = load_story(game=game)
    catalog = read(ROOT / "translations" / "fr.po", {text.id for text in texts(story, game)})
    assert not catalog.problems
    unused = [text.id for text in texts(story, game) if usable(text, catalog) is None]
    assert not unused, f"not translated, fuzzy or stale in translations/fr.po: {unused}; run `python main.py translate fr` and translate them"
    assert check_language(story, game, "fr") == []


def test_every_path_reads_in_french() -> None:
    from game.i18n.language import in_language

    game = GameFolder(root=ROOT)
    story, _ = load_story(game=game)
    french, _ = in_language(story, game, "fr", warn=lambda text: None)
    english = {line for _, lines in every_path(story) for line in lines}
    for _, lines in every_path(french):
        assert not set(lines) & english - {"Jack: Ah.", "Ianto: Ah.", "Ianto: Oui."}, set(lines) & english
