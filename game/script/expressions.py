"""Conditions and `set:` values: our own small tokenizer, parser and evaluator (never Python's `eval`).

An expression is parsed into a tree whose nodes keep their offset in the text,
so `check` can point at the column of a mistake. Values are true/false, numbers
(integers or decimals) and text. The grammar, loosest first:

    or  ->  and ("or" and)*          and ->  not ("and" not)*
    not ->  "not" not | compare      compare -> sum (("=="|"!="|"<"|"<="|">"|">=") sum)?
    sum ->  product (("+"|"-") product)*      product -> unary (("*"|"/") unary)*
    unary -> "-" unary | atom        atom -> number | "text" | true | false | name | "(" or ")"
                                     | visits("label") | seen("label") | turns()

A script may come from a stranger, so the work is bounded (game.limits): the
text's length, how deep parentheses, `not` and `-` nest, how deep the tree is,
and every number (at most 10**15 in magnitude) and text a value may become.
Going past a bound is an `ExpressionError` at the expression, like any mistake.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace

from game.limits import MAX_EXPRESSION_CHARS, MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_NESTING, MAX_NUMBER, MAX_TEXT_CHARS
from game.script.problems import TextError

Value = bool | int | float | str

KEYWORDS = ("and", "or", "not", "true", "false")
TOKEN = re.compile(
    r"""(?P<space>\s+)|(?P<number>\d+(?:\.\d+)?)|(?P<text>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|(?P<name>[A-Za-z_][A-Za-z0-9_]*)"""
    r"""|(?P<op>==|!=|<=|>=|\+=|-=|[<>+\-*/()=])"""
)
NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
ESCAPE = re.compile(r"\\(.)")
COMPARISONS = ("==", "!=", "<", "<=", ">", ">=")
SET_OPERATORS = ("=", "+=", "-=")
COUNTS = ("visits", "seen")  # visits("label"): times the story passed the label; seen("label"): at least once
VISITS = "~visits."  # the hidden variable (no writer can name it) counting a label's visits
TURNS = "~turns"  # turns(): the hidden variable counting the lines passed since the last choice (kept only by a story that asks)


ExpressionError = TextError  # a mistake in the text at an offset: the one script error type, in its text form


@dataclass(frozen=True)
class Literal:
    value: Value
    offset: int


@dataclass(frozen=True)
class Name:
    name: str
    offset: int


@dataclass(frozen=True)
class Unary:
    op: str
    operand: Expr
    offset: int
    loose: bool = field(default=False, compare=False)  # `not x == y`: a `not` right before a comparison, no brackets (check warns)


@dataclass(frozen=True)
class Binary:
    op: str
    left: Expr
    right: Expr
    offset: int


Expr = Literal | Name | Unary | Binary


@dataclass(frozen=True)
class Assignment:
    """`name = value`, `name += value` or `name -= value` (a `set:` step)."""

    name: str
    op: str
    value: Expr
    offset: int  # of the name


# -- reading ------------------------------------------------------------------


def _tokens(text: str) -> list[tuple[str, str, int]]:
    tokens, at = [], 0
    while at < len(text):
        match = TOKEN.match(text, at)
        if match is None:
            quote = text[at] in "\"'"
            raise ExpressionError("this text has no closing quote" if quote else f"'{text[at]}' cannot be used in an expression", "close it with the same quote; for that quote inside the text, write it with a backslash: \"say \\\"hi\\\"\"" if quote else "use numbers, \"text\", names, and or not, == != < <= > >=, + - * / and ( )", at)
        kind = match.lastgroup or ""
        if kind != "space":
            tokens.append((kind, match.group(), at))
        at = match.end()
    tokens.append(("end", "", len(text)))
    return tokens


class _Parser:
    def __init__(self, text: str) -> None:
        if len(text) > MAX_EXPRESSION_CHARS:
            raise ExpressionError(f"this expression is longer than {MAX_EXPRESSION_CHARS:,} characters", "split it: `set:` a variable to a part of it first", 0)
        self.tokens = _tokens(text)
        self.at = 0
        self.nesting = 0  # parentheses, `not`s and minus signs open around the current token
        self.compared = False  # the last `compare` read a comparison of its own (not one inside brackets)

    def deeper(self, offset: int) -> None:
        """Go in one level (a `(`, `not` or `-`); the parser recurses, so the depth is bounded."""
        self.nesting += 1
        if self.nesting > MAX_EXPRESSION_NESTING:
            raise ExpressionError(f"more than {MAX_EXPRESSION_NESTING} parentheses, `not`s or minus signs inside each other", "write it more simply, or `set:` a variable to a part of it first", offset)

    def peek(self) -> tuple[str, str, int]:
        return self.tokens[self.at]

    def take(self) -> tuple[str, str, int]:
        token = self.tokens[self.at]
        self.at += 1
        return token

    def word(self, *words: str) -> bool:
        kind, text, _ = self.peek()
        return kind in ("name", "op") and text in words

    def whole(self) -> Expr:
        expr = self.either()
        kind, text, offset = self.peek()
        if kind != "end":
            raise ExpressionError(f"unexpected '{text}'", "join the parts with and, or, or an operator", offset)
        return expr

    def either(self) -> Expr:
        left = self.both()
        while self.word("or"):
            offset = self.take()[2]
            left = Binary("or", left, self.both(), offset)
        return left

    def both(self) -> Expr:
        left = self.negation()
        while self.word("and"):
            offset = self.take()[2]
            left = Binary("and", left, self.negation(), offset)
        return left

    def negation(self) -> Expr:
        if self.word("not"):
            offset = self.take()[2]
            self.deeper(offset)
            inner = self.negation()
            self.nesting -= 1
            return Unary("not", inner, offset, isinstance(inner, Binary) and self.compared)
        return self.compare()

    def compare(self) -> Expr:
        left = self.sum()
        compared = False
        if self.word(*COMPARISONS):
            _, op, offset = self.take()
            left, compared = Binary(op, left, self.sum(), offset), True
            if self.word(*COMPARISONS):
                raise ExpressionError("two comparisons in a row", "join them with and: `a < b and b < c`", self.peek()[2])
        elif self.word("="):
            raise ExpressionError("'=' sets a variable; to compare, write '=='", "write `a == b`", self.peek()[2])
        self.compared = compared
        return left

    def sum(self) -> Expr:
        left = self.product()
        while self.word("+", "-"):
            _, op, offset = self.take()
            left = Binary(op, left, self.product(), offset)
        return left

    def product(self) -> Expr:
        left = self.unary()
        while self.word("*", "/"):
            _, op, offset = self.take()
            left = Binary(op, left, self.unary(), offset)
        return left

    def unary(self) -> Expr:
        if self.word("-"):
            offset = self.take()[2]
            self.deeper(offset)
            inner = self.unary()
            self.nesting -= 1
            return Unary("-", inner, offset)
        return self.atom()

    def atom(self) -> Expr:
        kind, text, offset = self.take()
        if kind == "number":
            return Literal(_number(text, offset), offset)
        if kind == "text":
            return Literal(ESCAPE.sub(r"\1", text[1:-1]), offset)  # \" \' and \\ stand for the character
        if kind == "name" and text in ("true", "false"):
            return Literal(text == "true", offset)
        if kind == "name" and text in COUNTS and self.word("("):
            return self.count(text, offset)
        if kind == "name" and text == "turns" and self.word("("):
            self.take()
            if not self.word(")"):
                raise ExpressionError("turns() takes nothing between its brackets", "write `turns()`, e.g. `turns() >= 3`", self.peek()[2])
            self.take()
            return Name(TURNS, offset)
        if kind == "name" and text not in KEYWORDS:
            return Name(text, offset)
        if text == "(":
            self.deeper(offset)
            inner = self.either()
            if not self.word(")"):
                raise ExpressionError("a '(' is never closed", "add the ')'", offset)
            self.take()
            self.nesting -= 1
            return inner
        if kind == "end":
            raise ExpressionError("the expression ends too soon", "finish it, e.g. `trust >= 2`", offset)
        raise ExpressionError(f"unexpected '{text}'", "a value, a name or '(' was expected here", offset)


    def count(self, function: str, offset: int) -> Expr:
        """`visits("label")` (a hidden counter the story keeps) or `seen("label")` (that counter above 0)."""
        self.take()
        kind, label, at = self.take()
        if kind != "text" or not NAME.match(label[1:-1]) or not self.word(")"):
            raise ExpressionError(f"{function}( takes a label's name in quotes", f"write e.g. `{function}(\"cellar\")`", at)
        self.take()
        name = Name(VISITS + label[1:-1], offset)
        return Binary(">", name, Literal(0, offset), offset) if function == "seen" else name


def _number(text: str, offset: int) -> int | float:
    """A number literal, refused past the bound before Python converts it (it limits int-to-text at 4,300 digits)."""
    whole = text.split(".")[0].lstrip("0")
    if len(whole) > len(str(MAX_NUMBER)) or (float(text) if "." in text else int(text)) > MAX_NUMBER:
        raise too_large(offset)
    return float(text) if "." in text else int(text)


def too_large(offset: int) -> ExpressionError:
    return ExpressionError(f"a number here would be larger than {MAX_NUMBER:,} (10^{len(str(MAX_NUMBER)) - 1}), the largest a story may use",
                           "keep numbers small: a counter or a score, not a calculation that grows in a loop", offset)


def parse(text: str) -> Expr:
    """The expression's tree; raises `ExpressionError` at the offending offset."""
    if not text.strip():
        raise ExpressionError("the expression is empty", "write e.g. `book and trust >= 2`", 0)
    return _shallow(_Parser(text).whole())


def _shallow(expr: Expr) -> Expr:
    """`expr`, once its tree is found no deeper than the bound (walked without recursion: evaluating it recurses)."""
    todo: list[tuple[Expr, int]] = [(expr, 1)]
    while todo:
        node, depth = todo.pop()
        if depth > MAX_EXPRESSION_DEPTH:
            raise ExpressionError(f"this expression has more than {MAX_EXPRESSION_DEPTH} operations inside each other", "split it: `set:` a variable to a part of it first", node.offset)
        if isinstance(node, Unary):
            todo.append((node.operand, depth + 1))
        elif isinstance(node, Binary):
            todo += [(node.left, depth + 1), (node.right, depth + 1)]
    return expr


def parse_assignment(text: str) -> Assignment:
    """A `set:` step's text: `name = value`, `name += value` or `name -= value`."""
    parser = _Parser(text)
    kind, name, offset = parser.take()
    if kind != "name" or name in KEYWORDS:
        raise ExpressionError("`set:` starts with a variable's name", "write e.g. `set: trust += 1`", offset)
    kind, op, at = parser.take()
    if op not in SET_OPERATORS:
        raise ExpressionError(f"`set: {name}` needs =, += or -= next", "write e.g. `set: trust += 1`", at)
    return Assignment(name, op, _shallow(parser.whole()), offset)


def shifted(expr: Expr, by: int) -> Expr:
    """The tree with every offset moved on by `by` (an expression read from inside a longer text)."""
    if isinstance(expr, Unary):
        return Unary(expr.op, shifted(expr.operand, by), expr.offset + by, expr.loose)
    if isinstance(expr, Binary):
        return Binary(expr.op, shifted(expr.left, by), shifted(expr.right, by), expr.offset + by)
    return replace(expr, offset=expr.offset + by)


def size(expr: Expr) -> int:
    """How many nodes the tree has: the work of evaluating it once (counted without recursion)."""
    count, todo = 0, [expr]
    while todo:
        node = todo.pop()
        count += 1
        if isinstance(node, Unary):
            todo.append(node.operand)
        elif isinstance(node, Binary):
            todo += [node.left, node.right]
    return count


def loose_nots(expr: Expr) -> Iterator[Unary]:
    """Every `not x == y` (a `not` right before a comparison, no brackets): it reads as `not (x == y)`."""
    if isinstance(expr, Unary):
        if expr.loose:
            yield expr
        yield from loose_nots(expr.operand)
    elif isinstance(expr, Binary):
        yield from loose_nots(expr.left)
        yield from loose_nots(expr.right)


def names(expr: Expr) -> Iterator[Name]:
    """Every variable the expression reads."""
    if isinstance(expr, Name):
        yield expr
    elif isinstance(expr, Unary):
        yield from names(expr.operand)
    elif isinstance(expr, Binary):
        yield from names(expr.left)
        yield from names(expr.right)


# -- types --------------------------------------------------------------------


def kind_of(value: Value) -> str:
    """The kind of a value, as a writer calls it: `true/false`, `a number` or `text`."""
    if isinstance(value, bool):
        return "true/false"
    return "a number" if isinstance(value, (int, float)) else "text"


BOOL, NUMBER, TEXT = "true/false", "a number", "text"


def type_of(expr: Expr, kinds: Mapping[str, str]) -> str | None:
    """The kind the expression gives; raises `ExpressionError` at a clash (`book + 1`).

    `kinds` maps each declared variable to its kind; an undeclared name gives None
    (it is reported apart, with "did you mean").
    """
    if isinstance(expr, Literal):
        return kind_of(expr.value)
    if isinstance(expr, Name):
        return kinds.get(expr.name)
    if isinstance(expr, Unary):
        inner = type_of(expr.operand, kinds)
        wanted = BOOL if expr.op == "not" else NUMBER
        _expect(inner, wanted, expr.op, expr.offset)
        return wanted
    left, right = type_of(expr.left, kinds), type_of(expr.right, kinds)
    if expr.op in ("and", "or"):
        _expect(left, BOOL, expr.op, expr.offset)
        _expect(right, BOOL, expr.op, expr.offset)
        return BOOL
    if expr.op in ("==", "!="):
        if left and right and left != right:
            raise ExpressionError(f"'{expr.op}' compares {left} with {right}", "compare values of the same kind", expr.offset)
        return BOOL
    if expr.op == "+" and TEXT in (left, right):
        _expect(left, TEXT, "+", expr.offset)
        _expect(right, TEXT, "+", expr.offset)
        return TEXT
    _expect(left, NUMBER, expr.op, expr.offset)
    _expect(right, NUMBER, expr.op, expr.offset)
    return BOOL if expr.op in COMPARISONS else NUMBER


def _expect(found: str | None, wanted: str, op: str, offset: int) -> None:
    if found is not None and found != wanted:
        raise ExpressionError(f"type clash: '{op}' needs {wanted}, not {found}", f"use '{op}' with {wanted} only", offset)


# -- values -------------------------------------------------------------------


def evaluate(expr: Expr, variables: Mapping[str, Value]) -> Value:
    """The expression's value over `variables` (checked beforehand, so every name is there)."""
    if isinstance(expr, Literal):
        return expr.value
    if isinstance(expr, Name):
        if expr.name not in variables:  # `check` reports it; a tree evaluated unchecked must not crash
            raise ExpressionError(f"unknown variable '{expr.name}'", "declare it under `variables:`", expr.offset)
        return variables[expr.name]
    if isinstance(expr, Unary):
        inner = evaluate(expr.operand, variables)
        if expr.op == "not":
            return not inner
        _numbers(expr.op, inner, 0, expr.offset)
        return -inner  # type: ignore[operator]
    if expr.op == "and":
        return bool(evaluate(expr.left, variables)) and bool(evaluate(expr.right, variables))
    if expr.op == "or":
        return bool(evaluate(expr.left, variables)) or bool(evaluate(expr.right, variables))
    left, right = evaluate(expr.left, variables), evaluate(expr.right, variables)
    if expr.op not in ("==", "!=") and not (expr.op == "+" and isinstance(left, str) and isinstance(right, str)):
        _numbers(expr.op, left, right, expr.offset)
    return bounded(_binary(expr.op, left, right), expr.offset)


def _numbers(op: str, left: Value, right: Value, offset: int) -> None:
    """Refuse text where a number is needed: `check` does it beforehand, but a tree is never trusted (`5 * "x"` would fill memory)."""
    if isinstance(left, str) or isinstance(right, str):
        raise ExpressionError(f"type clash: '{op}' needs numbers, not {kind_of(left)} and {kind_of(right)}", f"use '{op}' with numbers only", offset)


def bounded(value: Value, offset: int) -> Value:
    """`value`, when it is within the bounds on numbers and text; else an `ExpressionError` at `offset`.

    Each operand is within them already, so no operation here is ever costly.
    """
    if isinstance(value, str):
        if len(value) > MAX_TEXT_CHARS:
            raise ExpressionError(f"text here would be longer than {MAX_TEXT_CHARS:,} characters, the longest a story may build", "keep joined text short: it does not grow in a loop", offset)
    elif not isinstance(value, bool) and not -MAX_NUMBER <= value <= MAX_NUMBER:
        raise too_large(offset)
    return value


def _binary(op: str, left: Value, right: Value) -> Value:
    if op == "==":
        return left == right
    if op == "!=":
        return left != right
    if op == "+":
        return left + right  # type: ignore[operator]
    if op == "-":
        return left - right  # type: ignore[operator]
    if op == "*":
        return left * right  # type: ignore[operator]
    if op == "/":
        if right == 0:
            return 0  # a story must not stop on a division by zero; `check` cannot always see it coming
        whole, rest = divmod(left, right)  # type: ignore[operator]
        return int(whole) if rest == 0 and isinstance(left, int) and isinstance(right, int) else left / right  # type: ignore[operator]
    return {"<": left < right, "<=": left <= right, ">": left > right, ">=": left >= right}[op]  # type: ignore[operator]


def assign(assignment: Assignment, variables: Mapping[str, Value]) -> Value:
    """The variable's new value after `set:`."""
    value = evaluate(assignment.value, variables)
    if assignment.op == "=":
        return value
    if not (assignment.op == "+=" and isinstance(value, str) and isinstance(variables[assignment.name], str)):
        _numbers(assignment.op, variables[assignment.name], value, assignment.offset)
    return bounded(_binary(assignment.op[0], variables[assignment.name], value), assignment.offset)


def shown(value: Value) -> str:
    """A value as the player reads it: `true`, `3` (never `3.0`), `2.5`, or the text itself."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
