"""Every bound on the work a game folder or the player's data folder can ask of the engine.

A game may come from a stranger and a data folder may be damaged, so each of
these is a ceiling no honest game or file comes near; past one, the engine
says so (a problem at file:line:col in `check`, a notice while playing) and
never hangs, runs out of memory or stops. docs/security.md lists them, with
the module that enforces each.
"""

from __future__ import annotations

#: A scene file or game.yaml larger than this is refused before it is read (Hub's own story is about 100 KB).
MAX_SCENE_BYTES = 4 * 1024 * 1024
#: YAML nested deeper than this (mappings and lists inside each other) is refused: a story needs about 8.
MAX_YAML_DEPTH = 64

#: A number in an expression, a variable's start or a `set:` result must stay within this magnitude.
MAX_NUMBER = 10**15
#: An expression longer than this many characters is refused (a long condition is about 200).
MAX_EXPRESSION_CHARS = 10_000
#: Parentheses, `not`s and minus signs inside each other past this are refused (the parser recurses).
MAX_EXPRESSION_NESTING = 50
#: An expression's tree deeper than this (`a + b + c ...` with more terms) is refused (evaluating recurses).
MAX_EXPRESSION_DEPTH = 200
#: Text built by `+` in an expression may not grow longer than this.
MAX_TEXT_CHARS = 10_000
#: `{if}`s inside each other in one line's text past this are refused (reading them recurses).
MAX_TEXT_NESTING = 8
#: Variables' values put into one line's text by `[name]` (a value's own `[name]`s included) add at most
#: this many characters; the rest is left out (a value naming itself ten times would otherwise grow ten-fold per level).
MAX_PUT_IN_CHARS = 100_000

#: `check` stops playing out a story's paths past this much work (steps taken plus expression nodes evaluated).
MAX_CHECK_WORK = 500_000
#: Going from one line, choice or ending to the next may take at most this much work (the same measure).
MAX_STEP_WORK = 200_000

#: JSON in the player's files nested deeper than this is refused (a save is about 6 levels deep).
MAX_JSON_DEPTH = 64

#: A picture (background, sprite, interface) with more pixels than this is refused before it is decoded.
MAX_PIXELS = 4096 * 4096
#: A sound, music track or voice longer than this (in seconds) is refused before it is decoded.
MAX_SOUND_SECONDS = 30 * 60

#: Numbers in messages with more digits than this are cut to their first and last few.
SHOWN_DIGITS = 24


def readable(value: object, digits: int = SHOWN_DIGITS) -> str:
    """`value` as a message shows it: a number with more than `digits` digits is cut (its length said).

    A save or a script may hold a 4,000-digit number; printing it whole helps
    nobody and (past Python's own limit) raises. Other values are `str`-ed.
    """
    if isinstance(value, bool) or not isinstance(value, int):
        return str(value)
    magnitude = abs(value)
    count = _digit_count(magnitude)
    if count <= digits:
        return str(value)
    sign = "-" if value < 0 else ""
    keep = digits // 2
    head = magnitude // 10 ** (count - keep)
    tail = magnitude % 10**4
    return f"{sign}{head}…{tail:04d} ({count:,} digits)"


def _digit_count(magnitude: int) -> int:
    """How many decimal digits a positive int has, without converting it to text (Python limits that)."""
    count = max(1, int(magnitude.bit_length() * 0.30102999566398))
    while 10**count <= magnitude:
        count += 1
    while count > 1 and 10 ** (count - 1) > magnitude:
        count -= 1
    return count
