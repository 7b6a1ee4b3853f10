"""What YAML a game folder may hold: bounded in size and depth, with no tags, read as plain values.

A scene file or game.yaml may come from a stranger. So before YAML builds
anything from it: the file must be a plain file (not a link out of its
folder) no larger than
`MAX_SCENE_BYTES` (checked before reading), its mappings and lists may nest at
most `MAX_YAML_DEPTH` deep (libyaml's composer recurses in C and crashes the
process on a deep enough file), and no node may carry a tag (`!!python/...`,
`!foo`, even `!!str`): the scene language has no use for them, and a tag is
how YAML is asked to build objects. Values are then built only from the plain
kinds YAML finds on its own, and one it cannot build (`2001-13-45` read as a
date) is simply not a value.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import yaml
from yaml.constructor import SafeConstructor

from game.limits import MAX_NUMBER, MAX_SCENE_BYTES, MAX_YAML_DEPTH
from game.resolver import Refused, inside
from game.script.problems import Place, Problem

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_OPENS = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSES = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


class TooLarge(OSError):
    """A file over the size a scene file may be; refused unread."""


def read_scene(path: Path, limit: int = MAX_SCENE_BYTES) -> bytes:
    """A scene file's bytes; raises `TooLarge` past `limit` (told by its size, before reading) and OSError.

    Only a plain file is read (a pipe or a device named like a scene is refused without waiting on it),
    and not one that is a link leading out of its own folder.
    """
    try:
        inside(path.parent, path)
    except Refused as refused:
        raise OSError(0, str(refused)) from None
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        found = os.fstat(handle)
        if not stat.S_ISREG(found.st_mode):
            raise OSError(0, "it is not a plain file")
        if found.st_size > limit:
            raise TooLarge(0, f"it is {found.st_size:,} bytes, more than the {limit:,} a scene file or game.yaml may be")
        with os.fdopen(os.dup(handle), "rb") as file:
            data = file.read(limit + 1)
    finally:
        os.close(handle)
    if len(data) > limit:  # it grew while being read
        raise TooLarge(0, f"it is more than the {limit:,} bytes a scene file or game.yaml may be")
    return data


def refusals(shown: str, text: str) -> list[Problem]:
    """Every tag in the YAML `text` and the first place it nests too deep, as problems (none: it may be composed).

    A YAML syntax error is left for the composer to report, with its usual words.
    """
    problems: list[Problem] = []
    depth = 0
    try:
        for event in yaml.parse(text, Loader=Loader):
            tag = getattr(event, "tag", None)
            if tag is not None:
                problems.append(Problem(_place(shown, event), f"the YAML tag '{_short(tag)}' is not allowed: a scene file holds only plain text, numbers, true/false, lists and mappings",
                                        "remove the tag (the word starting with '!'); to begin a text with '!', put the text in double quotes"))
            if isinstance(event, _OPENS):
                depth += 1
                if depth > MAX_YAML_DEPTH:
                    problems.append(Problem(_place(shown, event), f"lists and mappings are nested more than {MAX_YAML_DEPTH} deep here", "a story needs only a few levels: check the brackets and the indentation"))
                    break
            elif isinstance(event, _CLOSES):
                depth -= 1
    except yaml.YAMLError:
        pass  # composing reports it
    return problems


def _place(shown: str, event: yaml.Event) -> Place:
    mark = event.start_mark
    return Place(shown, mark.line + 1, mark.column + 1) if mark else Place(shown, 1, 1)


def _short(tag: str) -> str:
    """A tag as the writer typed it (`!!python/object`), cut when absurdly long."""
    written = "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag
    return written if len(written) <= 80 else written[:77] + "..."


def plain_value(constructor: SafeConstructor, node: yaml.Node) -> object:
    """The value of a tag-free node (a number, true/false, text, None...), or None when YAML cannot build
    it or a number is past the bound a story may use (`MAX_NUMBER`): the caller reports a wrong value."""
    try:
        value = constructor.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, OverflowError, TypeError, RecursionError):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) > MAX_NUMBER:
        return None
    return value
