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
    story = _load(game, quiet_warnings=args.command == "transcript", thorough=args.command in ("check", "build"))
    if story is None:
        return 1
    start = args.start or game.start
    if start not in story.labels:
        from game.script.problems import did_you_mean

        print(f"no label '{start}' to start at; {did_you_mean(start, story.labels)}", file=sys.stderr)
        return 1 if args.command == "build" else 2
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
    if args.command == "check":
        from game.i18n.commands import check_languages

        print(f"{game.scenes}: {len(story.steps)} steps, {story.count_lines()} lines, no errors")
        if args.scenes is not None and not args.lang:
            return 0  # other scene files than the game's: its translations are not theirs
        return check_languages(story, game, args.lang)
    if args.command == "transcript":
        return _print_transcript(story, args, start)
    if args.command == "build":
        from game.packaging import build

        return build(game, args.out)
    from game.app import play

    return play(story, game, start=start, language=args.lang)


def _game(args: argparse.Namespace):
    """The game folder the arguments name (Hub's own by default), or None after printing why not."""
    from game.folder import GameFolder, load_game
    from game.script import ScriptError
    from game.script.problems import report

    if args.game is None:
        return GameFolder(root=ROOT, scenes=args.scenes)
    try:
        return load_game(args.game, scenes=args.scenes)
    except ScriptError as error:
        print(report(error.problems), file=sys.stderr)
        return None


def _load(game, *, quiet_warnings: bool, thorough: bool = False):
    """The story, after printing its problems; None when it has errors."""
    from game.script import ScriptError, load_story
    from game.script.problems import report

    try:
        story, warnings = load_story(game=game, thorough=thorough)
    except ScriptError as error:
        print(report(error.problems), file=sys.stderr)
        count = sum(not p.warning for p in error.problems)
        print(f"{count} error{'s' * (count != 1)}: fix {'it' if count == 1 else 'them'} and run `python main.py check` again", file=sys.stderr)
        return None
    if warnings and not quiet_warnings:
        print(report(warnings), file=sys.stderr)
    return story


def _print_transcript(story, args: argparse.Namespace, start: str) -> int:
    """Print the transcript; piping it into `head` (which closes the pipe early) is not an error."""
    from game.transcript import TranscriptError, every_path, heading, transcript

    try:
        if args.all:
            loops: list[str] = []
            count = 0
            for count, (taken, lines) in enumerate(every_path(story, start=start, loops=loops), start=1):
                print(("\n" if count > 1 else "") + heading(taken))
                print("\n".join(lines))
            sys.stdout.flush()
            for loop in loops:
                print(f"transcript: {loop}", file=sys.stderr)
            if not count:
                print("transcript: no path reaches an ending", file=sys.stderr)
                return 2
        else:
            for line in transcript(story, options=args.choose, start=start):
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
