"""Where the story can go.

`successors` is the shape of the story ignoring conditions (lines that no path
from `start` reaches are warned about). The control steps (`set:`, `if:`,
`jump:`, `call:`, `return:`) are carried out by their effects, declared with
their kinds (`game.script.steps`): the beats use them when playing, and `explore`
when `check` plays every path with real values: a choice whose every option is
hidden, or a `return:` with no `call:`, is reported only when such a path is
actually found, so each report is a proof.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from game.limits import MAX_CHECK_WORK
from game.script import expressions
from game.script.expressions import ExpressionError, Value
from game.script.markup import plain_text
from game.script.model import STOPS, Background, Branch, Call, Choice, Ending, Goto, Hide, Jump, Line, Move, Music, Option, Return, Set, Show, Story, option_target
from game.script.problems import Problem
from game.script.steps.base import ReturnWithoutCall
from game.script.steps.registry import COMPILED, CONTROL

Variables = tuple[tuple[str, Value], ...]  # sorted (name, value) pairs: hashable, JSON-able
#: `explore` gives up on a step after this many different states reach it (a counter in a loop).
STATES_PER_STEP = 64
MAX_STATES = 200_000


def successors(story: Story, index: int) -> Iterator[int]:
    """The steps that can come straight after step `index`, whatever the variables."""
    step = story.steps[index]
    return iter(COMPILED[type(step)].successors(story, index, step))


def shown_options(choice: Choice, variables: Mapping[str, Value]) -> tuple[Option, ...]:
    """The options the player sees: those with no `if:`, or whose `if:` holds (a `once:` option not yet taken)."""
    return tuple(o for o in choice.options if not (o.once and variables.get(o.once)) and (o.condition is None or expressions.evaluate(o.condition, variables)))


def visit(story: Story, index: int, variables: dict[str, Value]) -> None:
    """The story arrives at step `index`: a label counted by `visits(...)` that marks it counts one more, and a label resets every `temp:`."""
    for name in story.visits.get(index, ()):
        variables[name] = story.temps[name] if name in story.temps else int(variables[name]) + 1


def _arrived(story: Story, point: Point) -> Point:
    """`point` with its step's visit counters counted (its variables are those on arriving)."""
    if point.index not in story.visits:
        return point
    variables = dict(point.variables)
    visit(story, point.index, variables)
    return Point(point.index, _frozen(variables), point.calls)


def passed_line(story: Story, variables: Variables) -> Variables:
    """The variables once the player goes on from a line: `turns()` counts one more (in a story that asks for it)."""
    if expressions.TURNS not in story.variables:
        return variables
    return tuple((name, int(value) + 1 if name == expressions.TURNS else value) for name, value in variables)


def take(option: Option, variables: Mapping[str, Value]) -> dict[str, Value]:
    """The variables after taking `option` (`turns()` back to 0, its `set:` done)."""
    changed = dict(variables)
    if expressions.TURNS in changed:
        changed[expressions.TURNS] = 0
    if option.once:
        changed[option.once] = True
    for assignment in option.sets:
        changed[assignment.name] = expressions.assign(assignment, changed)
    return changed


class Cursor:
    """A story being explored with real values: the `Run` the control steps' effects move (its verbs do nothing)."""

    __slots__ = ("story", "at", "next", "variables", "calls")

    def __init__(self, story: Story, at: int, variables: dict[str, Value], calls: tuple[int, ...]) -> None:
        self.story = story
        self.at, self.next = at, at + 1
        self.variables = variables
        self.calls = calls

    def change(self, step: Background | Show | Hide | Move) -> None:
        pass

    def cues(self, line: Line) -> None:
        pass

    def hold(self, seconds: float) -> None:
        pass

    def flash(self, colour: tuple[int, int, int], seconds: float) -> None:
        pass

    def play_music(self, step: Music) -> None:
        pass

    def play_sound(self, name: str) -> None:
        pass


def reachable(story: Story, start: str = "start") -> set[int]:
    seen: set[int] = set()
    todo = [story.labels[start]]
    while todo:
        index = todo.pop()
        if index not in seen:
            seen.add(index)
            todo.extend(successors(story, index))
    return seen


@dataclass(frozen=True)
class Point:
    """A state `explore` reached: step, variables, the calls to return from."""

    index: int
    variables: Variables
    calls: tuple[int, ...] = ()


@dataclass
class Exploration:
    """What `explore` found: each state's parent (for the shortest way back), and the dead ends."""

    parents: dict[Point, Point | None]
    empty_choices: dict[int, Point]  # a choice with every option hidden, and a state that proves it
    lost_returns: dict[int, Point]  # a `return:` reached with no call
    branch_values: dict[int, set[bool]]  # each `if:` and the values its condition took
    complete: bool  # every state was followed (no step gave up)
    out_of_bounds: dict[int, ExpressionError] = field(default_factory=dict)  # a value past a bound (issue 20)
    over_budget: bool = False  # it stopped at MAX_CHECK_WORK
    gave_up: dict[int, None] = field(default_factory=dict)  # the steps it stopped following (too many states there), in order
    branch_points: dict[int, Point] = field(default_factory=dict)  # each `if:` and the first state found reaching it


def explore(story: Story, start: Point) -> Exploration:
    """Every state the story can reach from `start`, breadth first, with real values."""
    start = _arrived(story, start)
    parents: dict[Point, Point | None] = {start: None}
    found = Exploration(parents, {}, {}, {}, True)
    per_step: dict[int, int] = {}
    queue = deque([start])
    work = 0
    while queue:
        point = queue.popleft()
        work += step_work(story.steps[point.index])
        if work > MAX_CHECK_WORK:
            found.complete, found.over_budget = False, True
            break
        try:
            followings = list(_next_points(story, point, found))
        except ExpressionError as error:
            found.out_of_bounds.setdefault(point.index, error)
            continue
        for following in followings:
            following = _arrived(story, following)
            if following in parents:
                continue
            count = per_step.get(following.index, 0)
            if count >= STATES_PER_STEP or len(parents) >= MAX_STATES:
                found.complete = False
                found.gave_up[following.index] = None
                continue
            per_step[following.index] = count + 1
            parents[following] = point
            queue.append(following)
    return found


def step_work(step: object) -> int:
    """The work of taking a step: one, plus every expression node it evaluates."""
    if isinstance(step, Set):
        return 1 + expressions.size(step.assignment.value)
    if isinstance(step, Branch):
        return 1 + expressions.size(step.condition)
    if isinstance(step, Choice):
        return 1 + sum((expressions.size(o.condition) if o.condition else 0) + sum(expressions.size(a.value) for a in o.sets) for o in step.options)
    return 1


def _next_points(story: Story, point: Point, found: Exploration) -> Iterator[Point]:
    step = story.steps[point.index]
    if isinstance(step, Choice):
        variables = dict(point.variables)
        shown = shown_options(step, variables)
        if not shown and step.fallback >= 0:
            yield Point(step.fallback, point.variables, point.calls)
        elif not shown:
            found.empty_choices.setdefault(point.index, point)
        for option in shown:
            yield Point(option_target(story, option), _frozen(take(option, variables)), point.calls)
        return
    if isinstance(step, Ending):
        return
    if not isinstance(step, CONTROL):
        if point.index + 1 < len(story.steps):
            yield Point(point.index + 1, passed_line(story, point.variables) if isinstance(step, Line) else point.variables, point.calls)
        return
    variables = dict(point.variables)
    if isinstance(step, Branch):
        found.branch_values.setdefault(point.index, set()).add(bool(expressions.evaluate(step.condition, variables)))
        found.branch_points.setdefault(point.index, point)
    try:
        cursor = Cursor(story, point.index, variables, point.calls)
        COMPILED[type(step)].effect(step, cursor)
    except ReturnWithoutCall:
        found.lost_returns.setdefault(point.index, point)
        return
    yield Point(cursor.next, _frozen(variables) if isinstance(step, Set) else point.variables, cursor.calls)


def _frozen(variables: Mapping[str, Value]) -> Variables:
    return tuple(sorted(variables.items()))


def path_to(found: Exploration, point: Point) -> list[Point]:
    """The states from the start up to (not including) `point`."""
    path = []
    at = found.parents[point]
    while at is not None:
        path.append(at)
        at = found.parents[at]
    return path[::-1]


def check_flow(story: Story, problems: list[Problem], start: str = "start") -> None:
    """Report endless jumps and provable dead ends; warn of lines never reached."""
    reached = reachable(story, start)
    _check_endless_jumps(story, reached, problems)
    if _has_logic(story):
        _check_paths(story, start, problems)
    in_unreached_run = False
    for index, step in enumerate(story.steps):
        if index in reached:
            in_unreached_run = False
        elif isinstance(step, Line) and not in_unreached_run:
            in_unreached_run = True
            problems.append(Problem(story.places[index], "this line can never be reached", "add a `label:` above it and a `jump:` to that label, or remove it", warning=True))


def _has_logic(story: Story) -> bool:
    """Only a story with variables, conditions or calls needs its paths played out."""
    logic = (Branch, Call, Return)
    return bool(story.variables) or any(type(s) in logic or type(s) is Choice and any(o.condition or o.sets for o in s.options) for s in story.steps)


#: How many options taken `reached_by` names at most: the first ones and the last ones, the middle counted.
MAX_OPTIONS_NAMED = 8


def reached_by(story: Story, found: Exploration, point: Point) -> str:
    """The options taken on the shortest way `explore` found to `point`: "; reached by taking: start's choice (line 7) option 2 "Stay.", then ..." ("" with none)."""
    path = [*path_to(found, point), point]
    taken = [_option_taken(story, here, then) for here, then in zip(path, path[1:]) if isinstance(story.steps[here.index], Choice)]
    if not taken:
        return ""
    if len(taken) > MAX_OPTIONS_NAMED:
        taken = [*taken[:4], f"({len(taken) - 6:,} more choices)", *taken[-2:]]
    return "; reached by taking: " + ", then ".join(taken)


def _option_taken(story: Story, here: Point, then: Point) -> str:
    """The option taken at the choice `here` that leads to `then`, named by the choice's label, line, number and words."""
    choice = story.steps[here.index]
    assert isinstance(choice, Choice)
    labels = [name for name, at in story.labels.items() if at <= here.index]
    where = f"{max(labels, key=lambda name: story.labels[name])}'s choice (line {story.places[here.index].line})" if labels else f"the choice at line {story.places[here.index].line}"
    variables = dict(here.variables)
    for number, option in enumerate(shown_options(choice, variables)):
        if _arrived(story, Point(option_target(story, option), _frozen(take(option, variables)), here.calls)) == then:
            words = plain_text(option.segments) if option.segments else option.text
            return f'{where} option {number + 1} "{words}"'
    return f"{where}, its `fallback:`"


def _check_paths(story: Story, start: str, problems: list[Problem]) -> None:
    found = explore(story, Point(story.labels[start], _frozen(story.variables)))
    for index, point in sorted(found.empty_choices.items()):
        values = ", ".join(f"{name} = {expressions.shown(value)}" for name, value in point.variables if not name.startswith("~") and name not in story.constants) or "the starting values"
        problems.append(Problem(story.places[index], f"every option of this choice is hidden when it is reached with {values}{reached_by(story, found, point)}", "give one option no `if:`, or make sure one condition holds on every way here"))
    for index in sorted(_endless(story, found)):
        problems.append(Problem(story.places[index], "the story goes round here for ever with no line, choice or ending in between", "make the condition change inside the loop (a `set:`), or put a line in it"))
    for index, error in sorted(found.out_of_bounds.items()):
        problems.append(Problem(story.places[index], f"playing the story out, {error}", error.hint))
    if found.over_budget:
        problems.append(Problem(story.places[story.labels[start]], f"`check` stopped playing out the story's paths after {MAX_CHECK_WORK:,} steps of work (its variables take too many values), so it may have missed some mistakes",
                                "keep variables to a few values each: flags and small counters", warning=True))
    for index, point in sorted(found.lost_returns.items()):
        problems.append(Problem(story.places[index], f"this `return:` is reached with no `call:` to return to{reached_by(story, found, point)}", "reach this part of the story with `call: LABEL`, or use `jump:` instead of `return:`"))
    if not found.complete and not found.over_budget:
        first = next(iter(found.gave_up))
        problems.append(Problem(story.places[first], f"`check` stopped following the story's values here and at {len(found.gave_up) - 1:,} more steps, each reached with more than {STATES_PER_STEP} different values (a counter in a loop, say), after {len(found.parents):,} states: past them it may miss a choice with every option hidden or a `return:` with no `call:`, and it gives no warning of never-true conditions",
                                "keep variables to a few values each (flags and small counters), or accept that those checks are partial", warning=True))
    if not found.complete:
        return
    for index, taken in sorted(found.branch_values.items()):
        always = taken.pop() if len(taken) == 1 else None
        step = story.steps[index]
        if always is False or always and isinstance(step, Branch) and step.has_else:
            what = "its `else:` never runs" if always else "its `then:` never runs"
            problems.append(Problem(story.places[index], f"this condition is {'always' if always else 'never'} true whenever the story reaches it: {what}{reached_by(story, found, found.branch_points[index])}", "check the condition and the `set:` steps before it", warning=True))


def _endless(story: Story, found: Exploration) -> set[int]:
    """The `if:` steps at which some reached state goes round without ever reaching a stop.

    From a state, the steps up to the next stop are fixed, so coming back to the
    same state on the way means it never gets there.
    """
    endless: set[int] = set()
    work = 0
    for point in found.parents:
        if point.index in endless or not isinstance(story.steps[point.index], Branch):
            continue
        been, at = set(), point
        while at not in been and isinstance(story.steps[at.index], CONTROL):
            work += step_work(story.steps[at.index])
            if work > MAX_CHECK_WORK:
                return endless  # bounded like `explore`
            been.add(at)
            try:
                following = list(_next_points(story, at, Exploration({}, {}, {}, {}, True)))
            except ExpressionError:
                break  # reported apart
            if not following:
                break
            at = following[0]
        if at in been:
            endless.add(point.index)
    return endless


def _check_endless_jumps(story: Story, reached: set[int], problems: list[Problem]) -> None:
    """A chain of steps with one way on each that comes back on itself never stops."""
    leads_to_stop: set[int] = set()
    for first in sorted(reached):
        chain: list[int] = []
        index = first
        while index not in leads_to_stop and not isinstance(story.steps[index], (*STOPS, Branch, Return)):
            if index in chain:
                loop = chain[chain.index(index) :]
                jump = next((i for i in loop if isinstance(story.steps[i], (Jump, Goto, Call))), loop[0])
                problems.append(Problem(story.places[jump], "these jumps go round in a circle with no line in between", "put a line, a choice or an ending inside the loop, or jump somewhere else"))
                break
            chain.append(index)
            following = next(successors(story, index), None)
            if following is None:
                break
            index = following
        leads_to_stop.update(chain)
