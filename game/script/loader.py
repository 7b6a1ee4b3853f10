"""Reads every scene file, reports each mistake with its place, and compiles the story.

The work is in three parts: `yaml_files` reads a file into nodes that keep their
places; the steps' own readers (`steps/`, listed in `steps/registry.py`) read each
step; `compiler` assembles the story (labels, ids), and `flow` checks where it can
go. All problems are gathered before giving up, so a writer sees every mistake in
one run of `check`.

With `cache=True` (`check` and playing) a story compiled before from the very same
files is taken from `game.script.cache` instead, and what loading files in full
proved is remembered; the heavy modules are imported only when there is work.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from game.gamefolder import ENGINE, GameFolder
from game.script import cache as caches

if TYPE_CHECKING:
    from collections.abc import Callable

    from game.script.model import Story
    from game.script.problems import Problem


def load_story(folder: Path | None = None, *, assets: Path | None = None, game: GameFolder | None = None, thorough: bool = False, cache: bool = False,
               later: list[Callable[[], object]] | None = None) -> tuple[Story, list[Problem]]:
    """Load and check every `*.yaml` in `folder` (by default the game's `scenes/`).

    Pictures and sounds are looked for in `game` (a `GameFolder`; or, given only
    `assets`, a game in that folder; else the project's own). Returns the story
    and its warnings; raises `ScriptError` when there is any error. `thorough`
    (for `check`) loads every file in full, the interface's and fonts too, and
    warns about characters no font can draw. `cache` takes the story from the
    cache when its files are unchanged, and stores it there when they are not
    (given `later`, the storing is added to it, for the caller to do once the
    title is on screen: a long story's first start does not wait for it).
    """
    game = game or GameFolder(root=assets or ENGINE, scenes=folder or (assets or ENGINE) / "scenes")
    folder = folder or game.scenes
    files = _scene_files(folder)
    if cache and files and (hit := caches.cached_story(game, files)):
        return hit
    proofs = caches.Proofs(caches.cache_dir(game.id) if cache else None)
    story, problems = _compile(game, folder, files, thorough, proofs)
    if cache and not thorough:
        store = partial(caches.store_story, game, files, story, problems, proofs.used)
        if later is not None:
            later.append(store)
        else:
            store()
    return story, problems


def check_game(game: GameFolder) -> caches.Checked:
    """`check`: load every file of `game` in full and check it all (raises `ScriptError` on any error).

    What an earlier run proved of files that are the same to the byte is taken from
    the cache; a story whose every file is unchanged is not compiled again at all."""
    files = _scene_files(game.scenes)
    if files and (hit := caches.cached_check(game, files)):
        return hit
    proofs = caches.Proofs(caches.cache_dir(game.id))
    story, warnings = _compile(game, game.scenes, files, True, proofs)
    proofs.save()
    checked = caches.Checked(len(story.steps), story.count_lines(), tuple(story.labels), warnings)
    caches.store_check(game, files, checked, proofs.used)
    return checked


def _scene_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml")) if folder.is_dir() else []


def _compile(game: GameFolder, folder: Path, files: list[Path], thorough: bool, proofs: caches.Proofs) -> tuple[Story, list[Problem]]:
    from game.script.assets import INTERFACE_FONTS, AssetCheck
    from game.script.compiler import VALUE_SECTIONS, Compiler
    from game.script.files import font_coverage, unreadable_characters
    from game.script.flow import check_flow
    from game.script.problems import Place, Problem, ScriptError, shown_path
    from game.script.yaml_files import compose_file

    problems: list[Problem] = []
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise ScriptError([Problem(Place(shown_path(folder), 0, 0), f"the scenes folder {what}", "give the folder that holds the .yaml scene files")])
    if not files:
        raise ScriptError([Problem(Place(shown_path(folder), 0, 0), "no scene files here", "add a .yaml file with a `script:` list")])
    compiler = Compiler(problems, AssetCheck(game, problems, thorough=thorough), game)
    compiler.assets.proofs = proofs
    documents = []
    for path in files:
        if (node := compose_file(path, problems)) is not None:
            documents.append((shown_path(path), compiler.sections(shown_path(path), node)))
    for shown, sections in documents:
        for kind in VALUE_SECTIONS:
            compiler.read_variables(shown, sections.get(kind), kind)
    for shown, sections in documents:
        compiler.read_characters(shown, sections.get("characters"))
    # A file YAML could not read hides its labels: do not report jumps to them as missing.
    all_read = not any(not p.warning for p in problems)
    for shown, sections in documents:
        compiler.read_script(shown, sections.get("script"))
    compiler.assets.interface(Place(shown_path(game.root / "game.yaml" if (game.root / "game.yaml").is_file() else game.root), 0, 0))
    story = compiler.story(Place(shown_path(folder), 0, 0), start=game.start, check_labels=all_read)
    if not any(not p.warning for p in problems):
        check_flow(story, problems, game.start)
    if thorough:
        fonts = compiler.assets.usable_fonts((*INTERFACE_FONTS, *game.fallback_fonts))  # issue 20: none from outside the game
        coverage = lambda path: frozenset(proofs.verdict("coverage", path, lambda p: sorted(font_coverage(p))))
        problems.extend(unreadable_characters(story, fonts, coverage))
    if any(not p.warning for p in problems):
        raise ScriptError(problems)
    return story, problems
