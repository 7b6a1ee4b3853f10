"""Where lines may break: spaces and hyphens everywhere, between Chinese and Japanese characters
(no hyphen), never before closing punctuation or small kana, never after an opening bracket."""

from __future__ import annotations

from game.linebreaks import may_break, words


def test_latin_breaks_only_after_spaces_and_hyphens() -> None:
    assert words("Jack steps past Ianto.") == ["Jack ", "steps ", "past ", "Ianto."]
    assert words("well-known  words") == ["well-", "known  ", "words"]
    assert not may_break("a", "b") and not may_break("a", " ")


def test_japanese_breaks_between_characters_but_keeps_kinsoku() -> None:
    assert words("全部表示する") == list("全部表示する")
    assert words("はい。「行く」") == ["は", "い。", "「行", "く」"]
    assert not may_break("ッ", "ャ") and not may_break("「", "行") and not may_break("い", "ー")
    assert may_break("b", "全") and may_break("全", "b")  # a Latin word beside Japanese text
