"""Expressions, style tags and variables in lines: our own parser and evaluator, styled runs for
drawing, and cue transitions played by the reveal."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game import ROOT
from game.reveal import BeatPlayback
from game.script.expressions import ExpressionError, assign, evaluate, parse, parse_assignment, shown, type_of
from game.script.markup import Style, Text, TextStyle, Var, interpolate, parse as parse_markup, plain_text, styled_runs

VALUES = {"book": True, "trust": 2, "name": "Ianto", "ratio": 1.5}
KINDS = {"book": "true/false", "trust": "a number", "name": "text", "ratio": "a number"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("book and trust >= 2", True),
        ("not book or trust < 2", False),
        ("1 + 2 * 3", 7),
        ("(1 + 2) * 3", 9),
        ("7 / 2", 3.5),
        ("6 / 3", 2),
        ("-trust + 1", -1),
        ('name == "Ianto"', True),
        ("name != 'Jack'", True),
        ('"a" + "b" == "ab"', True),
        ("ratio * 2 == 3", True),
        ("true and not false", True),
        ("trust / 0", 0),
    ],
)
def test_expressions_evaluate(text, value):
    assert evaluate(parse(text), VALUES) == value


@pytest.mark.parametrize(
    ("text", "offset", "message"),
    [
        ("book and", 8, "the expression ends too soon"),
        ("trust >= 2 & book", 11, "'&' cannot be used in an expression"),
        ("(trust + 1", 0, "a '(' is never closed"),
        ("trust = 2", 6, "'=' sets a variable; to compare, write '=='"),
        ("1 < 2 < 3", 6, "two comparisons in a row"),
        ('name == "Ianto', 8, "this text has no closing quote"),
        ("book trust", 5, "unexpected 'trust'"),
    ],
)
def test_syntax_errors_point_at_their_offset(text, offset, message):
    with pytest.raises(ExpressionError) as caught:
        parse(text)
    assert (caught.value.offset, str(caught.value)) == (offset, message)


@pytest.mark.parametrize(
    ("text", "offset", "message"),
    [
        ("book + 1", 5, "type clash: '+' needs a number, not true/false"),
        ("trust and book", 6, "type clash: 'and' needs true/false, not a number"),
        ('name == 1', 5, "'==' compares text with a number"),
        ("not trust", 0, "type clash: 'not' needs true/false, not a number"),
        ('name + 1', 5, "type clash: '+' needs text, not a number"),
    ],
)
def test_type_clashes_are_found_before_playing(text, offset, message):
    with pytest.raises(ExpressionError) as caught:
        type_of(parse(text), KINDS)
    assert (caught.value.offset, str(caught.value)) == (offset, message)


def test_assignments():
    assert assign(parse_assignment("trust += 3"), VALUES) == 5
    assert assign(parse_assignment("trust -= 1"), VALUES) == 1
    assert assign(parse_assignment('name = name + "!"'), VALUES) == "Ianto!"
    with pytest.raises(ExpressionError, match="needs =, \\+= or -="):
        parse_assignment("trust * 2")


def test_no_python_eval_is_reachable():
    """Python code is not an expression: names are only variables, calls and attributes are syntax errors."""
    for text in ("__import__('os')", "book.real", "[1]"):
        with pytest.raises(ExpressionError):
            parse(text)


@pytest.mark.parametrize(("value", "text"), [(3, "3"), (3.0, "3"), (2.5, "2.5"), (True, "true"), (False, "false"), ("x", "x")])
def test_values_are_shown_as_the_player_reads_them(value, text):
    """An integer shows without `.0`."""
    assert shown(value) == text


@given(st.integers(min_value=-10**6, max_value=10**6), st.integers(min_value=-10**6, max_value=10**6))
def test_arithmetic_agrees_with_integers(a, b):
    values = {"a": a, "b": b}
    assert evaluate(parse("a + b * 2 - (a - b)"), values) == a + b * 2 - (a - b)
    assert evaluate(parse("a < b or a == b"), values) == (a <= b)


# -- markup: variables and style tags ------------------------------------------------


def test_variables_in_a_line_are_segments_and_interpolate():
    segments = parse_markup("Thanks, [name]. [[Not a variable]")
    assert segments == (Text("Thanks, "), Var("name", 8), Text(". [Not a variable]"))
    assert plain_text(segments) == "Thanks, [name]. [Not a variable]"
    assert plain_text(interpolate(segments, {"name": "Ianto"})) == "Thanks, Ianto. [Not a variable]"


def test_styled_runs_give_each_run_its_style():
    segments = parse_markup("Plain {b}bold {i}both{/i}{/b} {color=#ff8000}orange{/color}\nnext")
    assert styled_runs(segments) == [
        ("Plain ", TextStyle()),
        ("bold ", TextStyle(bold=True)),
        ("both", TextStyle(bold=True, italic=True)),
        (" ", TextStyle()),
        ("orange", TextStyle(colour=(255, 128, 0))),
        ("\nnext", TextStyle()),
    ]
    assert Style("b") in segments and plain_text(segments) == "Plain bold both orange\nnext"


def test_style_tags_take_no_time_in_the_reveal(tmp_path: Path):
    """A styled line types exactly its characters: the tags are not counted."""
    from game.beats import Beat
    from game.script.model import Line
    from game.state import Scene, StoryState

    segments = parse_markup("{b}Hi{/b} there")
    line = Line(None, segments, id="x")
    beat = Beat(StoryState(0), Scene(), (), Scene(), line, segments)
    playback = BeatPlayback(beat, cps=10, now=0.0)
    assert playback.chars_shown(0.45) == 4
    assert playback.complete(0.8 + 1e-6)


def test_a_cue_with_a_transition_blends_while_the_text_types_on():
    """`{show jack smile dissolve 1.0}`: from the cue's moment the frame blends old to new over one second."""
    from game.folder import load_game
    from game.playthrough import Playthrough
    from game.script import load_story

    game = load_game(ROOT / "tests" / "sample_game")
    story, _ = load_story(game=game)
    play = Playthrough(story)
    while play.current.text != "The stream. Lovely.":
        play.choose(0) if play.at_choice else play.advance()
    playback = BeatPlayback(play.current, cps=10, now=0.0)  # the cue comes after 11 characters: 1.1 s
    assert playback.frame(1.0).blend_from is None
    middle = playback.frame(1.6)
    assert middle.style == "dissolve" and middle.blend == pytest.approx(0.5)
    assert middle.blend_from.sprite("jack").expression == "neutral" and middle.scene.sprite("jack").expression == "smile"
    assert playback.waiting(2.0) and playback.next_change(2.0) == 0.0  # text done at 1.9 s, the blend moves on to 2.1 s
    assert playback.frame(2.2).blend_from is None and playback.next_change(2.2) is None
    instant = BeatPlayback(play.current, cps=10, now=0.0, instant=True)
    assert instant.frame(0.0).blend_from is None  # a rewound line shows whole
