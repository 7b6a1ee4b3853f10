"""A story and its game folder as a language shows them.

Only a translation that is done is used: not empty, not fuzzy, written for the
text as it is now (its fingerprint), and with the same cues, pauses, style tags and
variables as the source; anything else shows the source text. The story's ids and
fingerprints stay the source's, so saves, the seen record and endings are the same in
every language.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from game.gamefolder import GameFolder
from game.i18n.catalog import Catalog, fingerprint_of
from game.i18n.source import Translatable, option_id, texts, when_tag
from game.script.markup import Cue, Pause, Segment, Style, Var, Vary, When, every, parse
from game.script.model import Choice, Ending, Line, Step, Story
from game.script.problems import TextError
from game.stable_ids import fingerprint_at, known_fingerprints

Markup = tuple[list[str], Counter[str]]


def markup_of(text: str) -> Markup:
    """What staging a text carries, to compare a translation with its source: its pauses, cues and `{if}`
    conditions in order, its style tags and variables in any order. Raises `TextError` for bad markup."""
    timed: list[str] = []
    rest: Counter[str] = Counter()
    _markup(parse(text), timed, rest)
    return timed, rest


def _markup(segments: tuple[Segment, ...], timed: list[str], rest: Counter[str]) -> None:
    for segment in segments:
        if isinstance(segment, When):
            for number, (condition, branch) in enumerate(segment.branches):
                timed.append(when_tag(number, condition))
                _markup(branch, timed, rest)
            timed.append("{/if}")
        elif isinstance(segment, Pause):
            timed.append("{pause}" if segment.seconds is None else f"{{pause {segment.seconds:g}}}")
        elif isinstance(segment, Cue):
            timed.append(f"{{{segment.kind} {' '.join(segment.words)}}}")
        elif isinstance(segment, Style):
            rest["{/" + segment.name + "}" if segment.closing else "{" + segment.name + "}"] += 1
        elif isinstance(segment, Var):
            rest[f"[{segment.name}]"] += 1


def usable(text: Translatable, catalog: Catalog) -> str | None:
    """The translation of `text` to show, or None for the source."""
    entry = catalog.entries.get(text.id)
    if entry is None or not entry.msgstr or entry.fuzzy or fingerprint_of(entry) != text.fingerprint:
        return None
    try:
        return entry.msgstr if markup_of(entry.msgstr) == markup_of(text.source) else None
    except TextError:
        return None


def translated(story: Story, game: GameFolder, catalog: Catalog) -> tuple[Story, GameFolder]:
    """`story` and `game` with every usable translation of `catalog` put in."""
    shown = {text.id: line for text in texts(story, game) if (line := usable(text, catalog)) is not None}
    steps = [_step(step, shown) for step in story.steps]
    characters = {cid: replace(c, name=shown.get(f"character.{cid}", c.name)) for cid, c in story.characters.items()}
    result = replace(story, steps=tuple(steps), characters=characters)
    known = known_fingerprints(result)
    for index, step in enumerate(story.steps):
        if isinstance(step, (Line, Choice, Ending)):
            known[index] = fingerprint_at(story, index)  # saves find their line in any language
    game = replace(game, title=shown.get("game.title", game.title), end_card=shown.get("game.end_card", game.end_card))
    return result, game


def _step(step: Step, shown: dict[str, str]) -> Step:
    if isinstance(step, Line) and step.id in shown:
        return replace(step, segments=_with_cues(parse(shown[step.id]), step.segments))
    if isinstance(step, Choice):
        options = tuple(
            replace(option, segments=parse(shown[key])) if (key := option_id(step.id, number)) in shown else option
            for number, option in enumerate(step.options, start=1)
        )
        segments = parse(shown[step.id]) if step.id in shown else step.segments
        return replace(step, options=options, segments=segments)
    if isinstance(step, Ending) and step.id in shown:
        return replace(step, segments=parse(shown[step.id]))
    return step


def _with_cues(segments: tuple[Segment, ...], source: tuple[Segment, ...]) -> tuple[Segment, ...]:
    """The translation's segments with each cue the source's checked one (the same, in the same order), and each
    variety the source's counter in turn, in every branch of an `{if}` too."""
    cues = iter(every(source, Cue))
    keys = iter([variety.key for variety in every(source, Vary)])

    def carried(segments: tuple[Segment, ...]) -> tuple[Segment, ...]:
        out: list[Segment] = []
        for segment in segments:
            if isinstance(segment, Cue):
                segment = next(cues)
            elif isinstance(segment, Vary):
                segment = replace(segment, key=next(keys, segment.key))
            elif isinstance(segment, When):
                segment = replace(segment, branches=tuple((condition, carried(branch)) for condition, branch in segment.branches))
            out.append(segment)
        return tuple(out)

    return carried(segments)

