"""The README's set-up commands: play first and installs only what playing needs; the tests add
their tools; CI runs exactly the README's test command."""

from __future__ import annotations

import re

from game import ROOT


def setup_commands() -> list[str]:
    """The code blocks of the README's set-up section, in order."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = re.search(r"^## Set-up[^\n]*\n(.*?)^## ", readme, re.S | re.M).group(1)
    return [block.strip() for block in re.findall(r"((?:^    .*\n)+)", section, re.M)]


def requirements(name: str) -> set[str]:
    lines = (ROOT / name).read_text().splitlines()
    return {line.split("==")[0].lower() for line in lines if line and not line.startswith("#")}


def test_play_comes_first_and_installs_only_what_playing_needs():
    play, tests = setup_commands()[:2]
    assert play.startswith("python3 -m venv .venv") and "requirements.txt" in play and play.endswith("main.py")
    assert "requirements-dev.txt" in tests and tests.endswith("-m pytest")
    assert "pip install" not in play.split("&&")[0]  # nothing goes into the system's Python
    assert not requirements("requirements.txt") & {"pytest", "hypothesis", "numpy"}
    assert "-r requirements.txt" in requirements("requirements-dev.txt") and {"pytest", "hypothesis"} <= requirements("requirements-dev.txt")
    assert "pyinstaller" not in requirements("requirements.txt")  # building is not playing
    assert {"-r requirements.txt", "pyinstaller"} <= requirements("requirements-build.txt")
    assert "-r requirements-build.txt" in requirements("requirements-dev.txt")  # so CI's tests can build


def test_every_pin_is_exact():
    for name in ("requirements.txt", "requirements-dev.txt", "requirements-build.txt"):
        lines = [line for line in (ROOT / name).read_text().splitlines() if line and not line.startswith(("#", "-r "))]
        assert lines and all(re.fullmatch(r"[A-Za-z0-9_.-]+==[0-9][0-9a-z.]*(; .+)?", line) for line in lines), name


def test_ci_runs_the_readmes_test_command():
    """Its last command is the README's, word for word, and nothing else installs or tests."""
    ci = [line for line in (ROOT / ".ci" / "run").read_text().splitlines() if line.strip() and not line.startswith("#")]
    assert ci[-1] == setup_commands()[1]
    assert not [line for line in ci[:-1] if re.search(r"\b(pip|pytest|venv)\b", line)]
