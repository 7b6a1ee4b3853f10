"""The command line: parses arguments and hands each command to the part of `game` that does it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game import ROOT


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py", description="Hub, a visual novel.")
    scenes = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: the subcommand's copy must not overwrite a --scenes given before the command.
    scenes.add_argument("--scenes", type=Path, default=argparse.SUPPRESS, metavar="DIR", help="the folder of scene files (default: scenes/)")
    parser.add_argument("--scenes", type=Path, default=ROOT / "scenes", metavar="DIR", help="the folder of scene files (default: scenes/)")
    parser.add_argument("--start", default="start", metavar="LABEL", help="begin playing at this label")
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("check", parents=[scenes], help="check every scene file and list the problems")
    transcript = commands.add_parser("transcript", parents=[scenes], help="print a whole playthrough, no window")
    transcript.add_argument("--choose", type=int, default=1, metavar="N", help="take option N (from 1) at every choice")
    commands.add_parser("bench", parents=[scenes], help="print performance figures as JSON")
    assets = commands.add_parser("assets", help="regenerate the art and sound files")
    assets.add_argument("--out", type=Path, default=ROOT, metavar="DIR", help="write DIR/art and DIR/audio instead")
    return parser


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
    if args.command == "bench":
        from game.bench import run_bench

        return run_bench(args.scenes)
    story = _load(args.scenes, quiet_warnings=args.command == "transcript", thorough=args.command == "check")
    if story is None:
        return 1
    if args.command == "check":
        print(f"{args.scenes}: {len(story.steps)} steps, {story.count_lines()} lines, no errors")
        return 0
    if args.command == "transcript":
        from game.transcript import transcript

        try:
            for line in transcript(story, option=args.choose - 1):
                print(line)
        except ValueError as error:
            print(f"transcript: {error}", file=sys.stderr)
            return 2
        return 0
    if args.start not in story.labels:
        from game.script.problems import did_you_mean

        print(f"no label '{args.start}' to start at; {did_you_mean(args.start, story.labels)}", file=sys.stderr)
        return 2
    from game.app import play

    return play(story, start=args.start)


def _load(folder: Path, *, quiet_warnings: bool, thorough: bool = False):
    """The story, after printing its problems; None when it has errors."""
    from game.script import ScriptError, load_story
    from game.script.problems import report

    try:
        story, warnings = load_story(folder, thorough=thorough)
    except ScriptError as error:
        print(report(error.problems), file=sys.stderr)
        count = sum(not p.warning for p in error.problems)
        print(f"{count} error{'s' * (count != 1)}: fix {'it' if count == 1 else 'them'} and run `python main.py check` again", file=sys.stderr)
        return None
    if warnings and not quiet_warnings:
        print(report(warnings), file=sys.stderr)
    return story
