"""Where a line of text may break, for the text box and for `check --lang`'s overflow measure.

After spaces and hyphens; and between the characters of Chinese and Japanese, which are written
without spaces, except before closing punctuation and small kana and after an opening bracket
(Japanese kinsoku shori, the common subset). Imports nothing of the game.
"""

from __future__ import annotations

import unicodedata

BREAK_AFTER = ("-", "\u2010", "\u2013", "\u2014")  # a line may break after these, as after a space
#: Never first on a line: closing punctuation, small kana, the long-vowel mark, iteration marks.
NO_START = frozenset("、。，．・：；！？ー）」』〕］｝〉》〙〗ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〻゠〜～…‥,.!?:;)]}%")
NO_END = frozenset("（「『〔［｛〈《〘〖([{")  # never last on a line: opening brackets


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def may_break(before: str, after: str) -> bool:
    """Whether a line may break between `before` and `after` (characters, or clusters of them)."""
    if not before or not after or after.isspace():
        return False  # spaces stay at the end of the line they follow
    if before.isspace() or before in BREAK_AFTER:
        return True
    return (_wide(before[-1]) or _wide(after[0])) and after[0] not in NO_START and before[-1] not in NO_END


def words(text: str) -> list[str]:
    """`text` cut where a line may break: each stretch keeps the spaces after it."""
    out: list[str] = []
    for index, char in enumerate(text):
        if out and may_break(text[index - 1], char):
            out.append(char)
        elif out:
            out[-1] += char
        else:
            out.append(char)
    return out
