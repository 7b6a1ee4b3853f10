"""Operator precedence as the guide states it, and check's warning for `not x == y` (issue 16)."""

from __future__ import annotations

import pytest

from game.script import load_story
from game.script.expressions import evaluate, loose_nots, parse


@pytest.mark.parametrize(("text", "value"), [
    ("not 1 == 2", True),  # not (1 == 2): comparisons bind tighter than not
    ("not true == false", True),  # not (true == false)
    ("1 + 2 * 3 == 7", True),  # * before +, + before ==
    ("- 2 * 3 == -6", True),
    ("true or false and false", True),  # and before or
    ("not false and false", False),  # (not false) and false: not before and
    ("not false or true", True),
    ("10 - 2 - 3 == 5", True),  # left to right
    ("12 / 2 / 3 == 2", True),
])
def test_the_guides_precedence_table_is_what_the_parser_does(text, value):
    assert evaluate(parse(text), {}) is value


@pytest.mark.parametrize(("text", "loose"), [
    ("not a == b", [0]), ("not a < b", [0]), ("x and not a >= b", [6]), ("not not a != b", [4]),
    ("not (a == b)", []), ("a != b", []), ("not a", []), ("not (a) == b", [0]),
])
def test_a_not_right_before_a_comparison_is_found(text, loose):
    assert [u.offset for u in loose_nots(parse(text))] == loose


SCENE = """variables:
  a: 1
  b: 2
  flag: false
script:
  - label: start
  - if: not a == b
    then:
      - "{if not a < b}Odd.{/if} Fine."
  - set: flag = not a != b
  - choice: Go?
    options:
      - text: Go.
        if: not a >= b
        jump: start
      - text: Stay.
        if: not (a == b) and a != b
        jump: start
"""


def test_check_warns_of_not_x_equals_y_wherever_expressions_are(scenes, asset_root):
    _, warnings = load_story(scenes({"a.yaml": SCENE}), assets=asset_root)
    found = [w for w in warnings if "reads as `not (x" in w.message]
    assert [(w.place.line, w.place.col) for w in found] == [(7, 9), (9, 14), (10, 17), (14, 13)]
    assert "`not (x == y)`" in found[0].message and "`x != y`" in found[0].hint
    assert "`x >= y`" in found[1].hint  # not a < b
