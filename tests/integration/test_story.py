"""The shipped story: it checks clean, and each of its three endings plays through `transcript`."""

from __future__ import annotations

import subprocess
import sys

import pytest

from game import ROOT
from game.script.model import Choice
from game.transcript import transcript


def run_main(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_shipped_scenes_check_clean():
    """`python main.py check` passes on the shipped scenes, with no warnings."""
    result = run_main("check")
    assert result.returncode == 0, result.stderr
    assert "error" not in result.stderr and "warning" not in result.stderr


def test_the_story_has_exactly_one_choice_with_three_options(shipped_story):
    """The confrontation is a single choice with three options."""
    choices = [step for step in shipped_story.steps if isinstance(step, Choice)]
    assert len(choices) == 1 and len(choices[0].options) == 3


@pytest.fixture(scope="module")
def transcripts() -> dict[int, list[str]]:
    found = {}
    for option in (1, 2, 3):
        result = run_main("transcript", "--choose", str(option))
        assert result.returncode == 0, result.stderr
        found[option] = result.stdout.splitlines()
    return found


def test_three_endings_differ_and_are_named(transcripts):
    """Each option reaches its own ending, named on the last line."""
    endings = [lines[-1] for lines in transcripts.values()]
    assert all(line.startswith("Ending: ") for line in endings)
    assert len(set(endings)) == 3
    assert len({tuple(lines) for lines in transcripts.values()}) == 3


def test_each_playthrough_is_long_enough(transcripts):
    """Every playthrough shows at least 40 lines, and each ending at least 12 of its own."""
    for option, lines in transcripts.items():
        chosen = next(i for i, line in enumerate(lines) if line.startswith("> "))
        shown = [line for line in lines if not line.startswith(("> ", "Ending: "))]
        own = lines[chosen + 1 : -1]
        assert len(shown) - 1 >= 40, f"option {option}: {len(shown) - 1} lines"  # minus the prompt
        assert len(own) >= 12, f"option {option}: its ending has {len(own)} lines"


def test_transcript_strips_markup_and_names_speakers(transcripts, shipped_story):
    """Transcript lines carry no timing markup, and dialogue starts with the speaker's name."""
    everything = [line for lines in transcripts.values() for line in lines]
    assert not any("{" in line for line in everything)
    names = {c.name for c in shipped_story.characters.values()}
    assert any(line.split(":")[0] in names for line in everything)


def test_transcript_matches_the_engine(shipped_story):
    """The transcript command prints what the engine plays (first option, in-process)."""
    lines = list(transcript(shipped_story, option=0))
    assert lines == run_main("transcript", "--choose", "1").stdout.splitlines()


def test_transcript_refuses_a_missing_option():
    """Asking for option 9 is a clear error, not a traceback."""
    result = run_main("transcript", "--choose", "9")
    assert result.returncode == 2 and "options 1 to 3" in result.stderr and "Traceback" not in result.stderr
