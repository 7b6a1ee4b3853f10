"""Where the story can go: lines that no path from `start` ever reaches are warned about."""

from __future__ import annotations

from collections.abc import Iterator

from game.script.model import STOPS, Choice, Ending, Jump, Line, Story
from game.script.problems import Problem


def successors(story: Story, index: int) -> Iterator[int]:
    """The steps that can come straight after step `index`."""
    step = story.steps[index]
    if isinstance(step, Jump):
        yield story.labels[step.label]
    elif isinstance(step, Choice):
        yield from (story.labels[option.label] for option in step.options)
    elif not isinstance(step, Ending) and index + 1 < len(story.steps):
        yield index + 1


def reachable(story: Story, start: str = "start") -> set[int]:
    seen: set[int] = set()
    todo = [story.labels[start]]
    while todo:
        index = todo.pop()
        if index not in seen:
            seen.add(index)
            todo.extend(successors(story, index))
    return seen


def check_flow(story: Story, problems: list[Problem]) -> None:
    """Report jumps that go round with no line between, and warn of lines never reached."""
    reached = reachable(story)
    _check_endless_jumps(story, reached, problems)
    in_unreached_run = False
    for index, step in enumerate(story.steps):
        if index in reached:
            in_unreached_run = False
        elif isinstance(step, Line) and not in_unreached_run:
            in_unreached_run = True
            problems.append(Problem(story.places[index], "this line can never be reached", "add a `label:` above it and a `jump:` to that label, or remove it", warning=True))


def _check_endless_jumps(story: Story, reached: set[int], problems: list[Problem]) -> None:
    """Between stops each step has one successor, so a chain that comes back on itself never stops."""
    leads_to_stop: set[int] = set()
    for first in sorted(reached):
        chain: list[int] = []
        index = first
        while index not in leads_to_stop and not isinstance(story.steps[index], STOPS):
            if index in chain:
                jump = next(i for i in chain[chain.index(index):] if isinstance(story.steps[i], Jump))
                problems.append(Problem(story.places[jump], "these jumps go round in a circle with no line in between", "put a line, a choice or an ending inside the loop, or jump somewhere else"))
                break
            chain.append(index)
            index = next(successors(story, index))
        leads_to_stop.update(chain)
