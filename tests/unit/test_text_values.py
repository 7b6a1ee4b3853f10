"""Text values holding both quote marks: `\\"` and `\\'` inside quoted text in expressions (issue 16)."""

from __future__ import annotations

import pytest

from game.script import expressions


@pytest.mark.parametrize(("source", "value"), [
    (r'"say \"hi\""', 'say "hi"'),
    (r"'it\'s'", "it's"),
    (r'"both \" and \'"', "both \" and '"),
    (r'"a back\\slash"', "a back\\slash"),
    ('"plain"', "plain"),
])
def test_a_backslash_lets_a_quote_into_text(source, value):
    assert expressions.evaluate(expressions.parse(source), {}) == value


def test_an_unclosed_quote_says_how_to_write_one_inside():
    with pytest.raises(expressions.ExpressionError) as caught:
        expressions.parse(r'name == "say \"hi')
    assert caught.value.offset == len("name == ")
    assert "backslash" in caught.value.hint
