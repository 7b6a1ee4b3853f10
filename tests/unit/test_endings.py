"""Endings reached: kept across runs, a bad file set aside, an unwritable folder keeping them for this run."""

from __future__ import annotations

from game.endings import FILE_NAME, EndingsReached
from game.userdata import PlayerFiles, data_dir
from tests.unit.test_userdata import Warnings


def endings() -> tuple[EndingsReached, Warnings]:
    warnings = Warnings()
    return EndingsReached(PlayerFiles(data_dir(), warn=warnings)), warnings


def test_endings_are_kept_across_runs():
    """Endings added in one run are there in the next, once each."""
    reached, _ = endings()
    assert reached.names() == set()
    assert reached.add("Stayed") and reached.add("Went") and reached.add("Stayed")
    assert endings()[0].names() == {"Stayed", "Went"}


def test_a_bad_endings_file_is_set_aside():
    """Wrong types in the list: the file is set aside with a notice and the record starts empty."""
    data_dir().mkdir(parents=True)
    (data_dir() / FILE_NAME).write_text('{"endings": ["Stayed", 3]}')
    reached, warnings = endings()
    assert reached.names() == set() and len(warnings) == 1
    assert (data_dir() / "endings.json.broken-1").exists()


def test_an_unwritable_folder_keeps_endings_in_memory():
    """A folder where endings.json should be: add returns False after one notice, the ending is still known this run."""
    (data_dir() / FILE_NAME).mkdir(parents=True)
    reached, warnings = endings()
    assert reached.add("Went") is False and reached.add("Stayed") is False
    assert reached.names() == {"Went", "Stayed"} and len(warnings) == 1


def test_when_the_last_ending_was_reached_is_kept():
    """`finished_at` is the time of the last ending reached, again if an ending is reached again (the title's Continue reads it)."""
    from datetime import datetime, timezone

    reached, _ = endings()
    assert reached.finished_at is None
    first, second = datetime(2026, 1, 1, tzinfo=timezone.utc), datetime(2026, 2, 1, tzinfo=timezone.utc)
    reached.add("Went", at=first)
    assert endings()[0].finished_at == first
    reached.add("Went", at=second)
    assert endings()[0].finished_at == second and endings()[0].names() == {"Went"}
