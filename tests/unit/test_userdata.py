"""The player's files: atomic writes, broken files set aside with a warning, and the "seen" record."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from game import seen as seen_module
from game import userdata
from game.seen import FILE_NAME, SeenLines
from game.userdata import data_dir, read_json, set_aside, write_atomic


class Warnings(list):
    """Collects warnings instead of printing them."""

    def __call__(self, text: str) -> None:
        self.append(text)


def leftovers(folder: Path, keep: set[str]) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


# -- the data folder -------------------------------------------------------------


def test_hub_data_dir_overrides_the_data_folder(private_data_dir):
    """HUB_DATA_DIR (set for every test) is the folder the player's files go to."""
    assert data_dir() == private_data_dir


# -- write_atomic --------------------------------------------------------------


def test_write_atomic_creates_the_folder_and_the_file(tmp_path):
    """write_atomic makes missing folders and writes the whole text."""
    path = tmp_path / "deep" / "er" / "file.json"
    write_atomic(path, '{"a": 1}')
    assert path.read_text(encoding="utf-8") == '{"a": 1}'


def test_write_atomic_replaces_the_file_whole_and_leaves_no_temporary_files(tmp_path):
    """A shorter new text replaces a longer old one completely, and no temporary file is left behind."""
    path = tmp_path / "file.json"
    path.write_text("x" * 10_000, encoding="utf-8")
    write_atomic(path, "short ✓")
    assert path.read_text(encoding="utf-8") == "short ✓"
    assert leftovers(tmp_path, {"file.json"}) == []


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_a_write_that_fails_midway_leaves_the_old_file_intact(tmp_path, monkeypatch, failing):
    """If fsync or the final rename fails, the error propagates, the old file is untouched and no temp file is left."""
    path = tmp_path / "file.json"
    path.write_text("old and whole", encoding="utf-8")

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(userdata.os, failing, broken)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(path, "new text that never lands")
    monkeypatch.undo()
    assert path.read_text(encoding="utf-8") == "old and whole"
    assert leftovers(tmp_path, {"file.json"}) == []


def test_a_write_interrupted_by_keyboard_interrupt_also_cleans_up(tmp_path, monkeypatch):
    """Even Ctrl-C during the write leaves the old file whole and removes the temporary file."""
    path = tmp_path / "file.json"
    path.write_text("old", encoding="utf-8")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(userdata.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(path, "new")
    monkeypatch.undo()
    assert path.read_text(encoding="utf-8") == "old"
    assert leftovers(tmp_path, {"file.json"}) == []


# -- read_json and set_aside ----------------------------------------------------


def test_read_json_of_a_missing_file_is_none_and_quiet(tmp_path):
    """A file that does not exist reads as None with no warning and nothing created."""
    warnings = Warnings()
    assert read_json(tmp_path / "nothing.json", warn=warnings) is None
    assert warnings == []
    assert list(tmp_path.iterdir()) == []


def test_read_json_reads_good_json(tmp_path):
    """A valid file reads back as its value, and stays where it is."""
    path = tmp_path / "good.json"
    path.write_text('{"seen": ["a", "b"]}', encoding="utf-8")
    assert read_json(path, warn=Warnings()) == {"seen": ["a", "b"]}
    assert path.exists()


def test_read_json_sets_a_corrupt_file_aside_and_warns(tmp_path):
    """A corrupt file reads as None, is moved to NAME.broken-1 with its bytes kept, and a warning names both."""
    path = tmp_path / "seen.json"
    path.write_text('{"seen": ["a", ', encoding="utf-8")
    warnings = Warnings()
    assert read_json(path, warn=warnings) is None
    assert not path.exists()
    aside = tmp_path / "seen.json.broken-1"
    assert aside.read_text(encoding="utf-8") == '{"seen": ["a", '
    assert len(warnings) == 1
    assert warnings[0].startswith("warning:")
    assert "seen.json.broken-1" in warnings[0] and "not valid JSON" in warnings[0]


def test_read_json_sets_aside_a_file_that_is_not_utf8(tmp_path):
    """A file of binary garbage (not UTF-8) is set aside too, not a crash."""
    path = tmp_path / "seen.json"
    path.write_bytes(b"\xff\xfe\x00garbage\x80")
    warnings = Warnings()
    assert read_json(path, warn=warnings) is None
    assert (tmp_path / "seen.json.broken-1").read_bytes() == b"\xff\xfe\x00garbage\x80"
    assert len(warnings) == 1


def test_each_broken_file_gets_the_next_free_number(tmp_path):
    """A second broken file goes to NAME.broken-2, keeping the first one set aside."""
    path = tmp_path / "seen.json"
    for number, text in ((1, "first {"), (2, "second {")):
        path.write_text(text, encoding="utf-8")
        assert read_json(path, warn=Warnings()) is None
        assert (tmp_path / f"seen.json.broken-{number}").read_text(encoding="utf-8") == text
    assert (tmp_path / "seen.json.broken-1").read_text(encoding="utf-8") == "first {"


def test_set_aside_returns_where_the_file_went(tmp_path):
    """set_aside renames the file and returns the new path, warning with the reason given."""
    path = tmp_path / "save.json"
    path.write_text("[]", encoding="utf-8")
    warnings = Warnings()
    aside = set_aside(path, "it is the wrong shape", warn=warnings)
    assert aside == tmp_path / "save.json.broken-1"
    assert aside.read_text(encoding="utf-8") == "[]" and not path.exists()
    assert "it is the wrong shape" in warnings[0]


# -- the "seen" record ---------------------------------------------------------


def test_seen_lines_survive_a_save_and_reload(private_data_dir):
    """Lines added and saved are there in a new SeenLines read from the same file."""
    path = private_data_dir / FILE_NAME
    first = SeenLines(path, warn=Warnings())
    assert len(first) == 0
    first.add("start.1")
    first.add("office.3")
    first.add("start.1")
    first.save()
    again = SeenLines(path, warn=Warnings())
    assert len(again) == 2
    assert "start.1" in again and "office.3" in again
    assert "start.2" not in again
    assert json.loads(path.read_text(encoding="utf-8")) == {"seen": ["office.3", "start.1"]}


def test_a_corrupt_seen_file_is_set_aside_and_the_record_starts_empty(private_data_dir):
    """A corrupt seen.json gives an empty record with one warning; the bad file is kept as seen.json.broken-1."""
    private_data_dir.mkdir(parents=True)
    path = private_data_dir / FILE_NAME
    path.write_text('{"seen": ["start.1"', encoding="utf-8")
    warnings = Warnings()
    record = SeenLines(path, warn=warnings)
    assert len(record) == 0
    assert "start.1" not in record
    assert len(warnings) == 1 and "seen.json.broken-1" in warnings[0]
    assert (private_data_dir / "seen.json.broken-1").read_text(encoding="utf-8") == '{"seen": ["start.1"'
    record.add("start.1")
    record.save()
    assert SeenLines(path, warn=Warnings()).__contains__("start.1")


@pytest.mark.parametrize(
    "content",
    ['["start.1"]', '{"seen": "start.1"}', '{"lines": ["start.1"]}', "42", "null"],
)
def test_a_seen_file_of_the_wrong_shape_is_set_aside(private_data_dir, content):
    """Valid JSON that is not {"seen": [...]} is set aside with a warning and the record starts empty."""
    private_data_dir.mkdir(parents=True)
    path = private_data_dir / FILE_NAME
    path.write_text(content, encoding="utf-8")
    warnings = Warnings()
    record = SeenLines(path, warn=warnings)
    assert len(record) == 0
    assert not path.exists()
    assert (private_data_dir / "seen.json.broken-1").read_text(encoding="utf-8") == content
    assert len(warnings) == 1 and "could not be used" in warnings[0]


def test_save_writes_nothing_when_nothing_changed(private_data_dir, monkeypatch):
    """save() after no change, or after re-adding a known line, does not write the file at all."""
    path = private_data_dir / FILE_NAME
    writes = []
    real_write = seen_module.write_atomic
    monkeypatch.setattr(seen_module, "write_atomic", lambda p, t: (writes.append(p), real_write(p, t)))

    fresh = SeenLines(path, warn=Warnings())
    fresh.save()
    assert writes == [] and not path.exists()

    fresh.add("start.1")
    fresh.save()
    assert writes == [path]
    fresh.save()
    fresh.add("start.1")
    fresh.save()
    assert writes == [path]

    loaded = SeenLines(path, warn=Warnings())
    loaded.save()
    assert writes == [path]
    loaded.add("start.2")
    loaded.save()
    assert writes == [path, path]


def test_a_seen_file_that_is_a_folder_is_not_a_crash(private_data_dir):
    """When seen.json cannot be read at all (it is a folder), the record starts empty with a warning."""
    (private_data_dir / FILE_NAME).mkdir(parents=True)
    warnings = Warnings()
    record = SeenLines(private_data_dir / FILE_NAME, warn=warnings)
    assert len(record) == 0
    assert len(warnings) == 1 and "cannot read" in warnings[0]


def test_a_failed_seen_save_keeps_the_old_record(private_data_dir, monkeypatch):
    """If saving the record fails at the rename, the previous seen.json is still whole and readable."""
    path = private_data_dir / FILE_NAME
    record = SeenLines(path, warn=Warnings())
    record.add("start.1")
    record.save()
    record.add("start.2")
    monkeypatch.setattr(userdata.os, "replace", lambda *a: (_ for _ in ()).throw(OSError("disk gone")))
    with pytest.raises(OSError):
        record.save()
    monkeypatch.undo()
    reread = SeenLines(path, warn=Warnings())
    assert "start.1" in reread and "start.2" not in reread
    assert sorted(os.listdir(private_data_dir)) == [FILE_NAME]
