"""The command line: parses arguments and hands each command to the part of `game` that does it.

`--game DIR`, `--scenes DIR` and `--start LABEL` may come before or after the command.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from game import ROOT

GAME_COMMANDS = ("check", "transcript", "bench", "build", "translate")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py", description="Hub, a visual novel, and the engine to write your own.")
    shared = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: a subcommand's copy must not overwrite the same option given before the command.
    shared.add_argument("--game", type=Path, default=argparse.SUPPRESS, metavar="DIR", help="the game folder: scenes/, art/, audio/, game.yaml (default: Hub's own)")
    shared.add_argument("--scenes", type=Path, default=argparse.SUPPRESS, metavar="DIR", help="the folder of scene files (default: the game's scenes/)")
    shared.add_argument("--start", default=argparse.SUPPRESS, metavar="LABEL", help="begin at this label (default: the game's start)")
    shared.add_argument("--lang", default=argparse.SUPPRESS, metavar="LANG", help="in this language: translations/LANG.po (default: the game's own)")
    parser.add_argument("--game", type=Path, default=None, metavar="DIR", help="the game folder: scenes/, art/, audio/, game.yaml (default: Hub's own)")
    parser.add_argument("--scenes", type=Path, default=None, metavar="DIR", help="the folder of scene files (default: the game's scenes/)")
    parser.add_argument("--start", default=None, metavar="LABEL", help="begin playing at this label (default: the game's start)")
    parser.add_argument("--lang", default=None, metavar="LANG", help="play in this language: translations/LANG.po (default: the game's own)")
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("check", parents=[shared], help="check every file of the game and list the problems")
    transcript = commands.add_parser("transcript", parents=[shared], help="print a whole playthrough, no window")
    way = transcript.add_mutually_exclusive_group()
    way.add_argument("--choose", type=_option_list, default=[0], metavar="N[,N...]", help="take option N (from 1, counting shown options) at each choice in turn; the last repeats")
    way.add_argument("--all", action="store_true", help="print every distinct path to every ending, each headed by the options taken")
    way.add_argument("--cover", action="store_true", help="print the fewest paths that take every option at least once (a test plan), and how many options no path takes")
    transcript.add_argument("--limit", type=_positive, default=None, metavar="N", help="with --all or --cover, look at N paths at most (default 10000); it says when it stopped there")
    transcript.add_argument("--seed", type=_seed, default=0, metavar="N", help="order the {shuffle:} picks as a game with this seed would (default 0: the same fixed order every time)")
    commands.add_parser("bench", parents=[shared], help="print performance figures as JSON")
    translate = commands.add_parser("translate", parents=[shared], help="write or update translations/LANG.po in the game folder, keeping every translation")
    translate.add_argument("language", metavar="LANG", help="the language's code, e.g. fr, de, pt_BR")
    build = commands.add_parser("build", parents=[shared], help="make a standalone app of the game for this system, packed in one archive (needs requirements-build.txt)")
    build.add_argument("--out", type=Path, default=Path("dist"), metavar="DIR", help="write the archive into DIR (default: dist)")
    new = commands.add_parser("new", help="write a small starter game in DIR")
    new.add_argument("folder", type=Path, metavar="DIR")
    assets = commands.add_parser("assets", help="regenerate the art and sound files")
    assets.add_argument("--out", type=Path, default=ROOT, metavar="DIR", help="write DIR/art and DIR/audio instead")
    return parser


def _unreached_start(story, story_start: str, start: str) -> None:
    """`--start LABEL` that no way from the story's start reaches: say so, and with which values it starts."""
    from game.script.expressions import shown
    from game.script.flow import reachable

    if story.labels[start] in reachable(story, story_start):
        return
    values = ", ".join(f"{name} = {shown(value)}" for name, value in sorted(story.variables.items()) if not name.startswith("~")) or "no variables"
    print(f"warning: nothing reaches label '{start}' from '{story_start}', so it starts with the starting values ({values}) and an empty scene", file=sys.stderr)


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of paths like 100")
    return int(text)


def _seed(text: str) -> int:
    if not text.isdigit() or len(text) > 9:
        raise argparse.ArgumentTypeError(f"{text!r} is not a seed: a whole number from 0 to 999999999")
    return int(text)


def _notes(loops: list[str]) -> None:
    """Each loop once (many paths go round the same one), with how many more paths go round it."""
    places: dict[str, list[str]] = {}
    for loop in loops:
        places.setdefault(loop.split(" go round a loop at ")[-1], []).append(loop)
    for same in places.values():
        more = f" (and {len(same) - 1:,} more paths go round it)" if len(same) > 1 else ""
        print(f"transcript: {same[0]}{more}", file=sys.stderr)


def _option_list(text: str) -> list[int]:
    """`2,1,3` -> [1, 0, 2]: option numbers from 1, kept from 0."""
    try:
        numbers = [int(part) for part in text.split(",")]
    except ValueError:
        numbers = []
    if not numbers or min(numbers) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a list of option numbers like 2 or 2,1,3")
    return [n - 1 for n in numbers]


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    if args.command == "assets":
        try:
            from game.artwork import generate
        except ModuleNotFoundError as error:  # numpy is a developer's tool, not in requirements.txt
            print(f"assets: {error}; install the developer tools: .venv/bin/python -m pip install -r requirements-dev.txt", file=sys.stderr)
            return 2

        written = generate(args.out)
        print(f"wrote {len(written)} files under {args.out}")
        return 0
    if args.command == "new":
        from game.starter import write_starter

        return write_starter(args.folder)
    game = _game(args)
    if game is None:
        return 1
    if args.command == "bench":
        from game.bench import run_bench

        return run_bench(game)
    if args.command == "check":
        return _check(game, args.start or game.start, language=args.lang, own_scenes=args.scenes is None)
    later: list = []  # playing: the story's cache is written once the title shows
    story = _load(game, quiet_warnings=args.command == "transcript", thorough=args.command == "build", cache=args.command is None, later=later)
    if story is None:
        return 1
    start = args.start or game.start
    if start not in story.labels:
        from game.script.problems import did_you_mean

        print(f"no label '{start}' to start at; {did_you_mean(start, story.labels)}", file=sys.stderr)
        return 1 if args.command == "build" else 2
    if start != game.start and game.start in story.labels:
        _unreached_start(story, game.start, start)
    if args.command == "translate":
        from game.i18n.commands import translate

        return translate(story, game, args.language)
    if args.lang and args.command == "transcript":
        from game.i18n.commands import in_language

        if (shown := in_language(story, game, args.lang)) is None:
            return 2
        story, game = shown
    if args.lang and args.command is None:
        from game.i18n.language import languages, missing

        if args.lang not in languages(game):
            print(missing(game, args.lang), file=sys.stderr)
            return 2
    if args.command == "transcript":
        return _print_transcript(story, args, start)
    if args.command == "build":
        from game.packaging import build

        return build(game, args.out)
    from game.app import play

    return play(story, game, start=start, language=args.lang, after_first_frame=later)


def _game(args: argparse.Namespace):
    """The game folder the arguments name (Hub's own by default), or None after printing why not."""
    from game.gamefolder import GameFolder

    if args.game is None:
        return GameFolder(root=ROOT, scenes=args.scenes)
    from game.folder import load_game
    from game.script import ScriptError
    from game.script.problems import report

    try:
        return load_game(args.game, scenes=args.scenes)
    except ScriptError as error:
        print(report(error.problems), file=sys.stderr)
        return None


def _check(game, start: str, *, language: str | None = None, own_scenes: bool = True) -> int:
    """`check`: every problem printed; 0 when there is no error (what is unchanged since the last run comes from the cache)."""
    from game.script import ScriptError
    from game.script.loader import check_game

    try:
        checked = check_game(game)
    except ScriptError as error:
        _print_errors(error)
        return 1
    _print_warnings(checked.warnings)
    if start not in checked.labels:
        from game.script.problems import did_you_mean

        print(f"no label '{start}' to start at; {did_you_mean(start, checked.labels)}", file=sys.stderr)
        return 2
    print(f"{game.scenes}: {checked.steps} steps, {checked.lines} lines, no errors")
    return _check_languages(game, language) if language or own_scenes else 0


def _check_languages(game, language: str | None) -> int:
    """`check`'s part for the game's translations (other scene files than the game's have none of theirs)."""
    from game.i18n.commands import check_languages
    from game.i18n.language import languages

    if language is None and not languages(game):
        return 0
    story = _load(game, quiet_warnings=True, cache=True)
    return 1 if story is None else check_languages(story, game, language)


def _load(game, *, quiet_warnings: bool, thorough: bool = False, cache: bool = False, later: list | None = None):
    """The story, after printing its problems; None when it has errors. `cache` and `later`: see `load_story`."""
    from game.script import ScriptError, load_story

    try:
        story, warnings = load_story(game=game, thorough=thorough, cache=cache, later=later)
    except ScriptError as error:
        _print_errors(error)
        return None
    if not quiet_warnings:
        _print_warnings(warnings)
    return story


def _print_errors(error) -> None:
    from game.script.problems import report

    print(report(error.problems), file=sys.stderr)
    count = sum(not p.warning for p in error.problems)
    print(f"{count} error{'s' * (count != 1)}: fix {'it' if count == 1 else 'them'} and run `python main.py check` again", file=sys.stderr)


def _print_warnings(warnings) -> None:
    if warnings:
        from game.script.problems import report

        print(report(warnings), file=sys.stderr)


def _print_transcript(story, args: argparse.Namespace, start: str) -> int:
    """Print the transcript; piping it into `head` (which closes the pipe early) is not an error."""
    from game.transcript import (
        MAX_PATHS,
        TranscriptError,
        cover,
        every_path,
        heading,
        transcript,
    )

    limit = args.limit or MAX_PATHS
    try:
        if args.all or args.cover:
            loops: list[str] = []
            if args.cover:
                plan = cover(story, start=start, loops=loops, limit=limit, seed=args.seed)
                paths, complete = plan.paths, plan.complete
            else:
                paths = list(every_path(story, start=start, loops=loops, limit=limit, seed=args.seed))
                complete = len(paths) < limit
            for count, (taken, lines) in enumerate(paths, start=1):
                print(("\n" if count > 1 else "") + heading(taken))
                print("\n".join(lines))
            sys.stdout.flush()
            _notes(loops)
            if not paths:
                print("transcript: no path reaches an ending", file=sys.stderr)
                return 2
            stopped = "" if complete else f"; it stopped at the limit of {limit:,} paths looked at, so there may be more (--limit N to look further)"
            if args.cover:
                paths_take = "1 path takes" if len(paths) == 1 else f"{len(paths)} paths take"
                print(f"transcript: {paths_take} every option that any path takes ({plan.taken} of {plan.options}); {plan.options - plan.taken} are taken on no path to an ending{stopped}", file=sys.stderr)
            else:
                print(f"transcript: {len(paths):,} paths printed{stopped or ', every path to an ending'}", file=sys.stderr)
        else:
            for line in transcript(story, options=args.choose, start=start, seed=args.seed):
                print(line)
        sys.stdout.flush()
    except TranscriptError as error:
        sys.stdout.flush()
        print(f"transcript: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader stopped listening: send what is left nowhere, so Python's exit flush is quiet too.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0
