"""The "seen" record: kept across runs, written by what changed, and every fault of the data folder met with a warning and nothing lost."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from game.seen import FILE_NAME, JOURNAL_NAME, SeenLines
from game.userdata import PlayerFiles, data_dir
from tests.unit.test_userdata import Warnings, refuse_writes_in


def open_seen(folder: Path | None = None) -> tuple[SeenLines, Warnings]:
    warnings = Warnings()
    return SeenLines(PlayerFiles(folder or data_dir(), warn=warnings)), warnings


def play_lines(seen: SeenLines, *ids: str) -> list[bool]:
    """What the game does at each line: add it, then save."""
    results = []
    for line_id in ids:
        seen.add(line_id)
        results.append(seen.save())
    return results


def test_seen_lines_survive_a_save_and_reload(private_data_dir):
    """Lines added and saved are there in a new SeenLines read from the same folder."""
    first, warnings = open_seen()
    assert len(first) == 0
    play_lines(first, "start.1", "office.3", "start.1")
    again, _ = open_seen()
    assert len(again) == 2 and "start.1" in again and "office.3" in again and "start.2" not in again
    assert warnings == []


def test_close_folds_a_long_journal_into_seen_json(private_data_dir, monkeypatch):
    """At close a journal past the threshold is written into seen.json and emptied; a short one is left as is."""
    monkeypatch.setattr("game.seen.COMPACT_MIN", 3)
    seen, _ = open_seen()
    play_lines(seen, "a.1", "a.2")
    seen.close()
    assert not (private_data_dir / FILE_NAME).exists() and (private_data_dir / JOURNAL_NAME).exists()
    seen, _ = open_seen()
    play_lines(seen, "a.3")
    seen.close()
    assert json.loads((private_data_dir / FILE_NAME).read_text()) == {"seen": ["a.1", "a.2", "a.3"]}
    assert not (private_data_dir / JOURNAL_NAME).exists()
    assert {"a.1", "a.2", "a.3"} <= set(open_seen()[0]._ids)


def test_a_long_journal_left_by_a_game_that_never_closed_is_folded_at_start(private_data_dir, monkeypatch):
    """A game killed before close leaves its journal; the next start folds a long one into seen.json (a short one stays)."""
    monkeypatch.setattr("game.seen.COMPACT_MIN", 3)
    seen, _ = open_seen()
    play_lines(seen, "a.1", "a.2")  # killed here: never closed
    again, warnings = open_seen()
    assert not (private_data_dir / FILE_NAME).exists() and (private_data_dir / JOURNAL_NAME).exists()
    play_lines(again, "a.3")  # killed again
    third, _ = open_seen()
    assert json.loads((private_data_dir / FILE_NAME).read_text()) == {"seen": ["a.1", "a.2", "a.3"]}
    assert not (private_data_dir / JOURNAL_NAME).exists()
    assert set(third._ids) == {"a.1", "a.2", "a.3"} and warnings == []
    play_lines(third, "a.4")
    assert set(open_seen()[0]._ids) == {"a.1", "a.2", "a.3", "a.4"}


def test_save_writes_nothing_when_nothing_changed(private_data_dir):
    """save() with nothing new, or after re-adding a known line, writes nothing."""
    seen, _ = open_seen()
    seen.save()
    assert not private_data_dir.exists()
    play_lines(seen, "start.1")
    size = (private_data_dir / JOURNAL_NAME).stat().st_size
    play_lines(seen, "start.1")
    assert (private_data_dir / JOURNAL_NAME).stat().st_size == size


def test_a_torn_last_journal_line_is_ignored(private_data_dir):
    """A crash midway through an append leaves a cut-off last line: it is skipped quietly, the rest kept."""
    private_data_dir.mkdir()
    (private_data_dir / JOURNAL_NAME).write_text('"a.1"\n"a.2"\n"a.')
    seen, warnings = open_seen()
    assert "a.1" in seen and "a.2" in seen and len(seen) == 2 and warnings == []


def test_a_journal_with_bad_lines_is_set_aside_and_its_good_ids_kept(private_data_dir):
    """Lines that are not ids set the journal aside with a warning; its good ids are written again."""
    private_data_dir.mkdir()
    (private_data_dir / JOURNAL_NAME).write_text('"a.1"\n17\n"a.2"\n')
    seen, warnings = open_seen()
    assert len(warnings) == 1 and "seen.journal.broken-1" in warnings[0]
    seen.save()
    assert set(open_seen()[0]._ids) == {"a.1", "a.2"}


# -- issue 10: every fault of the data folder, with the seen record --------------------------------


def test_a_corrupt_seen_file_is_set_aside_and_the_record_starts_empty(private_data_dir):
    """A corrupt seen.json: one warning, kept as seen.json.broken-1, and new lines are kept again."""
    private_data_dir.mkdir()
    (private_data_dir / FILE_NAME).write_text('{"seen": ["start.1"')
    seen, warnings = open_seen()
    assert len(seen) == 0
    assert len(warnings) == 1 and "seen.json.broken-1" in warnings[0]
    assert (private_data_dir / "seen.json.broken-1").read_text() == '{"seen": ["start.1"'
    play_lines(seen, "start.1")
    assert "start.1" in open_seen()[0]


@pytest.mark.parametrize("content", ['["start.1"]', '{"seen": "start.1"}', '{"lines": ["start.1"]}', "42", "null"])
def test_a_seen_file_of_the_wrong_shape_is_set_aside(private_data_dir, content):
    """Valid JSON that is not {"seen": [...]} is set aside with a warning and the record starts empty."""
    private_data_dir.mkdir()
    (private_data_dir / FILE_NAME).write_text(content)
    seen, warnings = open_seen()
    assert len(seen) == 0 and not (private_data_dir / FILE_NAME).exists()
    assert (private_data_dir / "seen.json.broken-1").read_text() == content
    assert len(warnings) == 1 and "could not be used" in warnings[0]


def test_wrong_types_in_the_list_never_become_ids(private_data_dir):
    """[1, null, true, {"a": []}] is not read as "1", "None", "True": the file is set aside, the real ids kept and written back."""
    private_data_dir.mkdir()
    content = '{"seen": ["start.1", 1, null, true, {"a": []}]}'
    (private_data_dir / FILE_NAME).write_text(content)
    seen, warnings = open_seen()
    assert len(seen) == 1 and "start.1" in seen
    assert all(bad not in seen for bad in ("1", "None", "True", "null", "true"))
    assert len(warnings) == 1 and "not a line id" in warnings[0]
    assert (private_data_dir / "seen.json.broken-1").read_text() == content
    seen.save()
    assert set(open_seen()[0]._ids) == {"start.1"}


def test_a_folder_where_seen_json_should_be(private_data_dir):
    """A folder at seen.json: one warning, play goes on (no exception at any line), lines are still kept, the folder is untouched."""
    (private_data_dir / FILE_NAME).mkdir(parents=True)
    (private_data_dir / FILE_NAME / "keep.txt").write_text("mine")
    seen, warnings = open_seen()
    assert play_lines(seen, "start.1", "start.2") == [True, True]  # the journal beside it still works
    seen.compact()
    seen.close()
    assert len(warnings) == 1 and "it is a folder" in warnings[0]
    assert (private_data_dir / FILE_NAME / "keep.txt").read_text() == "mine"
    assert {"start.1", "start.2"} <= set(open_seen()[0]._ids)


def test_a_folder_where_both_files_should_be_keeps_the_lines_in_memory(private_data_dir):
    """With neither file writable, saving returns False after one warning; the lines stay in memory."""
    (private_data_dir / FILE_NAME).mkdir(parents=True)
    (private_data_dir / JOURNAL_NAME).mkdir()
    seen, warnings = open_seen()
    assert play_lines(seen, "start.1", "start.2", "start.3") == [False, False, False]
    assert seen.close() is False
    assert len(warnings) == 1
    assert "start.1" in seen and "start.3" in seen


def test_hub_data_dir_naming_a_file(private_data_dir):
    """HUB_DATA_DIR names a file: one warning, every line plays on, the file is untouched."""
    private_data_dir.parent.mkdir(exist_ok=True)
    private_data_dir.write_text("not a folder")
    seen, warnings = open_seen()
    assert play_lines(seen, "start.1", "start.2") == [False, False]
    seen.close()
    assert len(warnings) == 1 and "not a folder" in warnings[0]
    assert "start.2" in seen and private_data_dir.read_text() == "not a folder"


def _read_only_case(private_data_dir: Path, seen: SeenLines, warnings: Warnings) -> None:
    assert play_lines(seen, "start.2", "start.3") == [False, False]
    assert seen.close() is False
    assert len(warnings) == 1 and "Permission denied" in warnings[0]
    assert "start.1" in seen and "start.3" in seen


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders; the simulated case covers it")
def test_a_read_only_data_folder(private_data_dir):
    """A read-only folder: one warning, lines kept in memory, the old record untouched."""
    private_data_dir.mkdir()
    (private_data_dir / FILE_NAME).write_text('{"seen": ["start.1"]}')
    private_data_dir.chmod(0o500)
    try:
        seen, warnings = open_seen()
        _read_only_case(private_data_dir, seen, warnings)
    finally:
        private_data_dir.chmod(0o700)
    assert json.loads((private_data_dir / FILE_NAME).read_text()) == {"seen": ["start.1"]}


def test_a_read_only_data_folder_simulated(private_data_dir, monkeypatch):
    """The read-only case with writes refused by a stand-in, so it runs as root too."""
    private_data_dir.mkdir()
    (private_data_dir / FILE_NAME).write_text('{"seen": ["start.1"]}')
    seen, warnings = open_seen()
    with monkeypatch.context() as patched:
        refuse_writes_in(patched, private_data_dir)
        _read_only_case(private_data_dir, seen, warnings)
    assert sorted(os.listdir(private_data_dir)) == [FILE_NAME]
    assert json.loads((private_data_dir / FILE_NAME).read_text()) == {"seen": ["start.1"]}


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_seen_json_linked_to_dev_zero(private_data_dir):
    """seen.json a link to /dev/zero: not read (no MemoryError), the link set aside with a warning, lines kept again."""
    private_data_dir.mkdir()
    (private_data_dir / FILE_NAME).symlink_to("/dev/zero")
    seen, warnings = open_seen()
    assert len(seen) == 0 and len(warnings) == 1 and "not a plain file" in warnings[0]
    assert os.readlink(private_data_dir / "seen.json.broken-1") == "/dev/zero"
    assert play_lines(seen, "start.1") == [True]
    assert "start.1" in open_seen()[0]


def test_leftover_temporary_files_are_removed_at_start(private_data_dir):
    """A `.seen.json.*.tmp` left by a killed write is removed at the next start; seen.json is kept."""
    private_data_dir.mkdir()
    (private_data_dir / FILE_NAME).write_text('{"seen": ["start.1"]}')
    (private_data_dir / ".seen.json.k9x2.tmp").write_text('{"seen": ["sta')
    seen, warnings = open_seen()
    assert sorted(os.listdir(private_data_dir)) == [FILE_NAME]
    assert "start.1" in seen and warnings == []


def test_a_50_mb_record_adds_a_line_in_under_5_ms(private_data_dir):
    """With 1.5 million ids (a 50 MB seen.json), each new line costs well under 5 ms, not a rewrite of the file."""
    private_data_dir.mkdir()
    ids = [f"scene_{n // 40:05d}_long_label_name.{n % 40}" for n in range(1_500_000)]
    text = json.dumps({"seen": ids})
    assert len(text) > 50_000_000
    (private_data_dir / FILE_NAME).write_text(text)
    seen, warnings = open_seen()
    assert len(seen) == 1_500_000 and warnings == []
    costs = []
    for n in range(50):
        begin = time.perf_counter()
        seen.add(f"new.{n}")
        assert seen.save()
        costs.append(time.perf_counter() - begin)
    assert sorted(costs)[len(costs) // 2] < 0.005, costs  # the median: a busy machine may delay any one
    assert (private_data_dir / FILE_NAME).stat().st_size == len(text)  # the record itself was not rewritten
    seen.close()
    again, _ = open_seen()
    assert len(again) == 1_500_050
