"""Reading one YAML file into nodes that keep their places, and YAML's own errors told plainly.

Parsing keeps PyYAML's nodes (not plain values) so every message can name the
file, line and column it is about. A YAML error is placed where the writer made
it (the key missing its ':', the quote never closed), not where the parser noticed.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from game.script.problems import Place, Problem, shown_path
from game.script.yaml_guard import TooLarge, read_scene, refusals

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader is many times faster


def compose_file(path: Path, problems: list[Problem]) -> yaml.MappingNode | None:
    """The YAML nodes of one file (a mapping), or None after reporting why not."""
    shown = shown_path(path)
    try:
        data = read_scene(path)  # issue 20: refused past its size, unread
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = len(data[data.rfind(b"\n", 0, error.start) + 1 : error.start].decode("utf-8", "replace")) + 1
        problems.append(Problem(Place(shown, line, column), f"this file is not UTF-8 text: byte 0x{data[error.start]:02x} cannot be read", "save the file as UTF-8 (your editor's \"encoding\" setting)"))
        return None
    except OSError as error:
        problems.append(Problem(Place(shown, 0, 0), f"cannot read this file: {error.strerror or error}", "split it into smaller scene files" if isinstance(error, TooLarge) else "check that it is a readable file"))
        return None
    if refused := refusals(shown, text):  # issue 20: no YAML tags, no nesting deep enough to crash the composer
        problems.extend(refused)
        return None
    try:
        node = yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as error:
        problems.append(_yaml_problem(shown, text, error))
        return None
    except yaml.YAMLError as error:
        problems.append(Problem(Place(shown, 1, 1), f"cannot read this file: {error}", "save it as UTF-8 text"))
        return None
    if node is None:
        problems.append(Problem(Place(shown, 1, 1), "this file is empty", "add `script:` steps or delete it", warning=True))
        return None
    if not isinstance(node, yaml.MappingNode):
        problems.append(Problem(Place.of(shown, node), "a scene file is a mapping with `variables:`, `characters:` and/or `script:`", "start the file with `script:` and list the steps under it"))
        return None
    return node


def _yaml_problem(shown: str, text: str, error: yaml.MarkedYAMLError) -> Problem:
    """A YAML error placed where the writer made it, not where the parser noticed."""
    mark = error.problem_mark or error.context_mark
    if error.context_mark and "end of stream" in str(error.problem):
        mark = error.context_mark  # an unclosed quote: point at where it opened, not at the file's end
    place = Place(shown, mark.line + 1, mark.column + 1) if mark else Place(shown, 1, 1)
    message, hint = f"YAML syntax: {error.problem or error.context}", _yaml_hint(error)
    lacking = _line_missing_colon(text, error)
    if lacking is not None:
        line, column = lacking
        place, message, hint = Place(shown, line, column), "this line needs a ':' after its key (YAML read the next line as part of it)", "write `key: value`, e.g. `name: Jack`"
    elif (runaway := _runaway_quote(text, error)) is not None:
        opened, closed = runaway
        place = Place(shown, opened.line + 1, opened.column + 1)
        message = f"YAML syntax: this quote is never closed on its line, so the text runs on to line {closed.line + 1}, where the next quote mark ends it"
        hint = "close the quote at the end of this line (a quote mark inside the text is written \\\" between double quotes, '' between single ones)"
    return Problem(place, message, hint)


def _runaway_quote(text: str, error: yaml.MarkedYAMLError) -> tuple[yaml.Mark, yaml.Mark] | None:
    """Where a quoted text opened and closed, when it ran on over lines that begin a new step (`- ...`) and so upset YAML after it."""
    if error.problem_mark is None:
        return None
    last: yaml.ScalarToken | None = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):  # the error's path only: the pure-Python scanner is fine
            if isinstance(token, yaml.ScalarToken) and token.end_mark.index <= error.problem_mark.index:
                last = token
    except yaml.YAMLError:
        pass
    if last is None or last.style not in ('"', "'") or last.end_mark.line == last.start_mark.line:
        return None
    inside = text.splitlines()[last.start_mark.line + 1 : last.end_mark.line + 1]
    return (last.start_mark, last.end_mark) if any(line.lstrip().startswith("- ") for line in inside) else None


def _line_missing_colon(text: str, error: yaml.MarkedYAMLError) -> tuple[int, int] | None:
    """(line, column) where a key's ':' is missing, when that is what upset YAML.

    `options` over `  - text: ...` makes YAML look for the ':' of the key it began
    (its context mark is on the writer's line); `  jack` over `    name: Jack`, or
    `name Jack` over `colour: ...`, makes the next line's ':' the one YAML complains of.
    """
    lines = text.splitlines()
    if "could not find expected ':'" in str(error.problem) and error.context_mark is not None:
        line, column = error.context_mark.line, error.context_mark.column
        return (line + 1, _after_key(lines[line], column)) if line < len(lines) else None
    if "mapping values are not allowed" not in str(error.problem) or error.problem_mark is None:
        return None
    at = error.problem_mark.line
    if at >= len(lines) or ": " in lines[at][: error.problem_mark.column]:
        return None  # the colon that upset YAML is the second on its own line: a quoting problem
    above = at - 1
    while above >= 0 and not lines[above].strip():
        above -= 1
    if above < 0:
        return None
    previous = lines[above]
    indent = len(previous) - len(previous.lstrip())
    below = len(lines[at]) - len(lines[at].lstrip())
    key = indent
    if previous.lstrip().startswith("- "):  # `  - show jack` over `    transition: fade`: the step lacks its ':'
        if below <= indent:
            return None
        key = len(previous) - len(previous[indent + 2 :].lstrip())
    if ":" in previous or previous[key:].startswith(("#", '"', "'", "- ")) or indent > below:
        return None
    return above + 1, _after_key(previous, key)


def _after_key(line: str, start: int) -> int:
    """The 1-based column just after the word starting at `start`: where its ':' belongs."""
    end = start
    while end < len(line) and not line[end].isspace():
        end += 1
    return end + 1


def _yaml_hint(error: yaml.MarkedYAMLError) -> str:
    text = f"{error.problem} {error.context}"
    if "mapping values" in text:
        return "a line of text with ': ' in it must be quoted; otherwise check the indentation"
    if "found character" in text and "\\t" in text:
        return "indent with spaces, not tabs"
    if "could not find expected ':'" in text or "simple key" in text:
        return "check for an unclosed quote or a missing ':'"
    if "found undefined alias" in text:
        return "a '*' at the start of a line must be quoted"
    return "check the quotes and indentation on this line and the one before"
