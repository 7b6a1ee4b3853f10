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


# -- a variable's own markup and [names], rendered where it is shown (issue 16) -----------------


def test_a_values_styles_are_rendered_where_it_is_shown() -> None:
    from game.script.markup import interpolate, parse, plain_text, styled_runs

    shown = interpolate(parse("Hi [name]."), {"name": "{b}Theo{/b}"})
    assert plain_text(shown) == "Hi Theo."
    assert [(text, style.bold) for text, style in styled_runs(shown)] == [("Hi ", False), ("Theo", True), (".", False)]


def test_a_values_names_are_put_in_and_a_value_naming_itself_stops() -> None:
    from game.script.markup import interpolate, parse, plain_text

    values = {"greeting": "Hello, [name]", "name": "Theo", "echo": "again [echo]"}
    assert plain_text(interpolate(parse("[greeting]!"), values)) == "Hello, Theo!"
    looped = plain_text(interpolate(parse("[echo]"), values))
    assert looped.startswith("again again") and looped.endswith("[echo]") and len(looped) < 200


def test_a_value_with_a_cue_a_bad_tag_or_an_unknown_name_shows_as_written() -> None:
    from game.script.markup import interpolate, parse, plain_text

    for value in ("{pause 2}now", "{b}open", "hi [nobody]", "{if x}a{/if}"):
        assert plain_text(interpolate(parse("[v]"), {"v": value})) == value


def test_a_value_naming_itself_ten_times_is_bounded() -> None:
    """From a stranger's game: each level would put in ten times more; the line stops growing at MAX_PUT_IN_CHARS."""
    from conftest import time_limit

    from game.limits import MAX_PUT_IN_CHARS
    from game.script.markup import interpolate, parse, plain_text

    with time_limit(5):
        shown = plain_text(interpolate(parse("He said: [v] and [v]."), {"v": "[v]" * 10}))
    assert len("He said:  and .") < len(shown) <= MAX_PUT_IN_CHARS + len("He said:  and .")
