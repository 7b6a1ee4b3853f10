"""The player's files: the data folder, atomic writes, bounded reads, broken files set aside, places that cannot be written."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs
import pytest

from game import userdata
from game.userdata import PlayerFiles, Unusable, data_dir, write_atomic


class Warnings(list):
    """Collects warnings instead of showing them."""

    def __call__(self, text: str) -> None:
        self.append(text)


def leftovers(folder: Path, keep: set[str]) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


def files_in(folder: Path) -> tuple[PlayerFiles, Warnings]:
    warnings = Warnings()
    return PlayerFiles(folder, warn=warnings), warnings


def refuse_writes_in(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Make every write inside `folder` fail as in a read-only folder (chmod does not stop root)."""
    real_open = os.open

    def read_only_open(path, flags, *args, **kwargs):
        if Path(path).parent == folder and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(userdata.os, "open", read_only_open)


# -- the data folder -------------------------------------------------------------


def test_hub_data_dir_overrides_the_data_folder(private_data_dir):
    """HUB_DATA_DIR (set for every test) is the hub game's folder itself; other games get games/<id> in it."""
    assert data_dir() == private_data_dir
    assert data_dir("hub") == private_data_dir
    assert data_dir("other") == private_data_dir / "games" / "other"


def test_without_hub_data_dir_the_platforms_own_place_is_used(monkeypatch):
    """With no override the folder is platformdirs' user data folder for "hub"."""
    monkeypatch.delenv("HUB_DATA_DIR")
    assert data_dir() == Path(platformdirs.user_data_dir("hub", appauthor=False, roaming=True))
    assert data_dir("tale") == Path(platformdirs.user_data_dir("hub", appauthor=False, roaming=True)) / "games" / "tale"


# -- write_atomic and write_json ---------------------------------------------------


def test_write_json_creates_the_folder_and_reads_back(tmp_path):
    """write_json makes missing folders, and read_json gives the same value back."""
    files, warnings = files_in(tmp_path / "deep" / "er")
    assert files.write_json("file.json", {"a": [1, "é"]}) is True
    assert files.read_json("file.json", max_bytes=100) == {"a": [1, "é"]}
    assert warnings == []


def test_write_atomic_replaces_the_file_whole_and_leaves_no_temporary_files(tmp_path):
    """A shorter new text replaces a longer old one completely, and no temporary file is left behind."""
    path = tmp_path / "file.json"
    path.write_text("x" * 10_000, encoding="utf-8")
    write_atomic(path, "short ✓".encode())
    assert path.read_text(encoding="utf-8") == "short ✓"
    assert leftovers(tmp_path, {"file.json"}) == []


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_a_write_that_fails_midway_leaves_the_old_file_intact(tmp_path, monkeypatch, failing):
    """If fsync or the final rename fails, write_json says so once and returns False; the old file is untouched, no temporary file left."""
    files, warnings = files_in(tmp_path)
    (tmp_path / "file.json").write_text('"old and whole"', encoding="utf-8")

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr(userdata.os, failing, broken)
        assert files.write_json("file.json", "new text that never lands") is False
        assert files.write_json("file.json", "again") is False
    assert files.read_json("file.json", max_bytes=100) == "old and whole"
    assert leftovers(tmp_path, {"file.json"}) == []
    assert len(warnings) == 1 and "No space left on device" in warnings[0] and "file.json" in warnings[0]


def test_a_write_interrupted_by_keyboard_interrupt_also_cleans_up(tmp_path, monkeypatch):
    """Even Ctrl-C during the write leaves the old file whole and removes the temporary file."""
    path = tmp_path / "file.json"
    path.write_text("old", encoding="utf-8")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    with monkeypatch.context() as patched, pytest.raises(KeyboardInterrupt):
        patched.setattr(userdata.os, "fsync", interrupted)
        write_atomic(path, b"new")
    assert path.read_text(encoding="utf-8") == "old"
    assert leftovers(tmp_path, {"file.json"}) == []


def test_leftover_temporary_files_are_removed_at_the_next_start(tmp_path):
    """`.NAME.*.tmp` files a killed write left (here and in saves/) go at start; the real files stay."""
    (tmp_path / "saves").mkdir(parents=True)
    (tmp_path / "seen.json").write_text('{"seen": []}')
    (tmp_path / ".seen.json.abc123.tmp").write_text('{"seen": ["half')
    (tmp_path / "saves" / ".1-1.json.x.tmp").write_text("{")
    (tmp_path / "saves" / "1-1.json").write_text("{}")
    files_in(tmp_path)
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["1-1.json", "saves", "seen.json"]


# -- reading -------------------------------------------------------------------


def test_read_json_of_a_missing_file_is_none_and_quiet(tmp_path):
    """A file that does not exist reads as None with no warning and nothing created."""
    files, warnings = files_in(tmp_path)
    assert files.read_json("nothing.json", max_bytes=100) is None
    assert warnings == [] and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b'{"seen": ["a", ', "not valid JSON"),
        (b"\xff\xfe\x00garbage\x80", "not UTF-8"),
        (b'"' + b"x" * 200 + b'"', "larger than 100 bytes"),
    ],
)
def test_a_bad_file_is_set_aside_with_its_bytes_kept(tmp_path, content, why):
    """A corrupt, non-UTF-8 or oversized file reads as None, is moved to NAME.broken-1 whole, and one warning names both."""
    files, warnings = files_in(tmp_path)
    (tmp_path / "seen.json").write_bytes(content)
    assert files.read_json("seen.json", max_bytes=100) is None
    assert not (tmp_path / "seen.json").exists()
    assert (tmp_path / "seen.json.broken-1").read_bytes() == content
    assert len(warnings) == 1 and "seen.json.broken-1" in warnings[0] and why in warnings[0]


def test_a_file_of_the_wrong_shape_is_set_aside_with_the_checks_reason(tmp_path):
    """The caller's shape check decides; its reason is in the warning."""
    files, warnings = files_in(tmp_path)
    (tmp_path / "a.json").write_text("[1, 2]")
    assert files.read_json("a.json", max_bytes=100, shape=lambda v: None if isinstance(v, dict) else "it is not a table") is None
    assert (tmp_path / "a.json.broken-1").read_text() == "[1, 2]"
    assert "it is not a table" in warnings[0]


def test_each_broken_file_gets_the_next_free_number(tmp_path):
    """A second broken file goes to NAME.broken-2, keeping the first one set aside."""
    files, _ = files_in(tmp_path)
    for number, text in ((1, "first {"), (2, "second {")):
        (tmp_path / "seen.json").write_text(text, encoding="utf-8")
        assert files.read_json("seen.json", max_bytes=100) is None
        assert (tmp_path / f"seen.json.broken-{number}").read_text(encoding="utf-8") == text
    assert (tmp_path / "seen.json.broken-1").read_text(encoding="utf-8") == "first {"


def test_load_json_raises_unusable_and_sets_nothing_aside(tmp_path):
    """load_json (what saves use: a bad save stays in its slot) raises with the reason and leaves the file."""
    files, warnings = files_in(tmp_path)
    (tmp_path / "x.json").write_text("{")
    with pytest.raises(Unusable, match="not valid JSON"):
        files.load_json("x.json", max_bytes=100)
    assert (tmp_path / "x.json").read_text() == "{" and warnings == []


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_link_to_dev_zero_is_not_read_but_set_aside(tmp_path):
    """A name linked to /dev/zero is refused without reading it (it never ends) and the link is moved aside."""
    files, warnings = files_in(tmp_path)
    (tmp_path / "seen.json").symlink_to("/dev/zero")
    assert files.read_json("seen.json", max_bytes=1 << 30) is None
    assert os.readlink(tmp_path / "seen.json.broken-1") == "/dev/zero"
    assert len(warnings) == 1 and "not a plain file" in warnings[0]


# -- places that cannot be written ---------------------------------------------------


def test_a_folder_where_the_file_should_be_is_said_once_and_kept(tmp_path):
    """A folder in the way: reading and writing fail with one warning in all, False, and the folder and its contents stay."""
    files, warnings = files_in(tmp_path)
    (tmp_path / "seen.json").mkdir()
    (tmp_path / "seen.json" / "mine.txt").write_text("the player's")
    assert files.read_json("seen.json", max_bytes=100) is None
    assert files.write_json("seen.json", {"seen": []}) is False
    assert files.write_json("seen.json", {"seen": ["a"]}) is False
    assert len(warnings) == 1 and "it is a folder" in warnings[0]
    assert (tmp_path / "seen.json" / "mine.txt").read_text() == "the player's"
    assert leftovers(tmp_path, {"seen.json"}) == []


def test_hub_data_dir_naming_a_file_is_said_once_and_the_file_is_kept(tmp_path):
    """A file where the data folder should be: one warning at start, writes return False, the file is untouched."""
    folder = tmp_path / "not-a-folder"
    folder.write_text("something of the player's")
    files, warnings = files_in(folder)
    assert files.read_json("seen.json", max_bytes=100) is None
    assert files.write_json("seen.json", {"seen": []}) is False
    assert files.append_text("seen.journal", '"a"\n') is False
    assert files.write_bytes("saves/1-1.png", b"png") is False
    assert len(warnings) == 1 and "is a file, not a folder" in warnings[0]
    assert folder.read_text() == "something of the player's"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders; the simulated case below covers it")
def test_a_read_only_folder_is_said_once(tmp_path):
    """A read-only data folder: writes return False with one warning; the old file stays whole."""
    files, warnings = files_in(tmp_path)
    (tmp_path / "a.json").write_text('"old"')
    tmp_path.chmod(0o500)
    try:
        assert files.write_json("a.json", "new") is False
        assert files.append_text("b.journal", "x\n") is False
    finally:
        tmp_path.chmod(0o700)
    assert len(warnings) == 1 and "Permission denied" in warnings[0]
    assert (tmp_path / "a.json").read_text() == '"old"'


def test_a_read_only_folder_simulated(tmp_path, monkeypatch):
    """The same with writes refused by a stand-in for the file system (so it is tested as root too)."""
    files, warnings = files_in(tmp_path)
    (tmp_path / "a.json").write_text('"old"')
    with monkeypatch.context() as patched:
        refuse_writes_in(patched, tmp_path)
        assert files.write_json("a.json", "new") is False
        assert files.append_text("b.journal", "x\n") is False
        assert files.read_json("a.json", max_bytes=100) == "old"
    assert len(warnings) == 1 and "Permission denied" in warnings[0]
    assert leftovers(tmp_path, {"a.json"}) == []


def test_set_aside_that_cannot_rename_warns_and_keeps_the_file(tmp_path, monkeypatch):
    """When even the rename fails, set_aside warns and leaves the file where it is, never raising."""
    files, warnings = files_in(tmp_path)
    (tmp_path / "a.json").write_text("{")
    monkeypatch.setattr(userdata.os, "replace", lambda *a: (_ for _ in ()).throw(PermissionError(13, "Permission denied")))
    files.set_aside("a.json", "it is broken")
    assert (tmp_path / "a.json").read_text() == "{"
    assert "could not be moved aside" in warnings[0]


WRITER = """
import sys
from pathlib import Path
from game.userdata import PlayerFiles
files = PlayerFiles(Path(sys.argv[1]), warn=print)
ids = [f"line.{n}" for n in range(200_000)]
print("ready", flush=True)
while True:
    files.write_json("seen.json", {"seen": ids})
"""


@pytest.mark.skipif(not hasattr(os, "kill") or os.name != "posix", reason="kill -9 is POSIX")
def test_kill_9_while_writing_leaves_a_whole_file_and_the_next_start_cleans_up(tmp_path):
    """A writer killed midway (as in issue 10's 200 trials) leaves seen.json whole; its temporary file is gone after the next start."""
    import json
    import signal
    import subprocess
    import sys
    import time

    from game import ROOT

    for trial in range(4):
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path)], cwd=ROOT, stdout=subprocess.PIPE)
        assert writer.stdout.readline().strip() == b"ready"
        while not (tmp_path / "seen.json").exists():
            time.sleep(0.01)
        time.sleep(0.05 + 0.07 * trial)
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
        writer.stdout.close()
        assert len(json.loads((tmp_path / "seen.json").read_text())["seen"]) == 200_000
        files_in(tmp_path)
        assert leftovers(tmp_path, {"seen.json"}) == []
