"""`python main.py build` for real (slow: a minute or two a build): our game and the starter game
are built, unpacked elsewhere and started in a bare environment, as a player with no Python would.

Deselect with `-m "not slow"`; `.ci/run` runs them (requirements-dev.txt installs PyInstaller).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from game import ROOT
from game.packaging.archive import pack
from game.packaging.contents import contents
from game.folder import GameFolder

pytest.importorskip("PyInstaller", reason="PyInstaller builds the app: pip install -r requirements-build.txt")
pytestmark = pytest.mark.slow

MB = 1_000_000


def build(game: list[str], out: Path) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), *game, "build", "--out", str(out)],
                          capture_output=True, text=True, cwd=out.parent, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    return done


def unpack(archive: Path, where: Path) -> Path:
    where.mkdir()
    with tarfile.open(archive) as tar:
        tar.extractall(where, filter="tar")
    (top,) = where.iterdir()
    return top


def start(executable: Path, home: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The player's way: no Python, no project, only PATH and a fresh HOME; the first frame, then quit."""
    bare = {"PATH": "/usr/bin:/bin", "HOME": str(home), "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy",
            "HUB_EXIT_AFTER_FIRST_FRAME": "1"}
    return subprocess.run([str(executable)], env=bare, cwd=cwd, capture_output=True, text=True, timeout=120)


def data_written(home: Path, folder: str) -> list[str]:
    """Start with a damaged settings file in the game's data folder: the app sets it aside, a write where it should be."""
    data = home / ".local" / "share" / folder
    data.mkdir(parents=True)
    (data / "settings.json").write_text("{ damaged")
    return sorted(p.relative_to(home).as_posix() for p in home.rglob("*") if p.is_file())


@pytest.fixture(scope="module")
def hub_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("hub_build") / "dist"
    done = build([], out)
    return out / "hub-1.0.0-linux-x86_64.tar.gz", done.stdout


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux build is the one tested here")
def test_our_game_builds_unpacks_elsewhere_and_starts_with_no_python(hub_build, tmp_path: Path) -> None:
    archive, said = hub_build
    assert archive.is_file() and archive.stat().st_size < 80 * MB, said
    assert [p.name for p in archive.parent.iterdir()] == [archive.name]  # nothing half-written beside it
    assert "included:" in said and "wrote" in said and "MB" in said
    top = unpack(archive, tmp_path / "unpacked")
    assert top.name == "Hub-1.0.0"
    assert {p.name for p in top.iterdir()} == {"hub", "README.txt", "_internal"}
    home, elsewhere = tmp_path / "home", tmp_path / "elsewhere"
    elsewhere.mkdir()
    data_written(home, "hub")
    started = start(top / "hub", home, elsewhere)
    assert started.returncode == 0, started.stdout + started.stderr
    assert (home / ".local/share/hub/settings.json.broken-1").is_file()  # the app read and wrote its data folder
    assert list(elsewhere.iterdir()) == []


def test_the_app_holds_no_tests_no_art_generator_no_numpy(hub_build, tmp_path: Path) -> None:
    from PyInstaller.archive.readers import CArchiveReader  # type: ignore[import-untyped]

    archive, _ = hub_build
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        tar.extract("Hub-1.0.0/hub", tmp_path, filter="tar")
    assert not [n for n in names if "numpy" in n.lower() or "/tests/" in n or n.endswith((".py", "contact_sheet.png"))]
    modules = list(CArchiveReader(str(tmp_path / "Hub-1.0.0" / "hub")).open_embedded_archive("PYZ.pyz").toc)
    assert "game.cli" in modules and "game.ui.title" in modules
    assert not [m for m in modules if m.split(".")[0] in ("numpy", "pytest", "hypothesis", "PyInstaller")
                or m.startswith(("game.artwork", "game.bench", "game.starter", "game.packaging"))]


def test_the_game_data_is_the_games_files_byte_for_byte_and_packing_is_reproducible(hub_build, tmp_path: Path) -> None:
    """The second half of "two builds give the same archive": the same build folder packs to the same bytes
    (the first half, PyInstaller's output, is checked by hand: see the README)."""
    archive, _ = hub_build
    top = unpack(archive, tmp_path / "unpacked")
    for item in contents(GameFolder(root=ROOT)):
        packed = top / "_internal" / item.target
        assert hashlib.sha256(packed.read_bytes()).digest() == hashlib.sha256(item.source.read_bytes()).digest(), item.target
    again = tmp_path / "again.tar.gz"
    with tarfile.open(archive) as tar:
        epoch = int(tar.getmembers()[0].mtime)
    pack(top, top.name, again, epoch)
    assert again.read_bytes() == archive.read_bytes()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux build is the one tested here")
def test_the_starter_game_builds_and_starts(tmp_path: Path) -> None:
    game = tmp_path / "walk"
    assert subprocess.run([sys.executable, str(ROOT / "main.py"), "new", str(game)], capture_output=True).returncode == 0
    build(["--game", str(game)], tmp_path / "dist")
    top = unpack(tmp_path / "dist" / "my_first_game-1.0.0-linux-x86_64.tar.gz", tmp_path / "unpacked")
    assert top.name == "A Walk in the Park-1.0.0"
    assert (top / "_internal" / "games" / "my_first_game" / "icon.png").is_file()
    home = tmp_path / "home"
    data_written(home, "hub/games/my_first_game")
    started = start(top / "my_first_game", home, tmp_path)
    assert started.returncode == 0, started.stdout + started.stderr
    assert (home / ".local/share/hub/games/my_first_game/settings.json.broken-1").is_file()
    assert os.access(top / "my_first_game", os.X_OK)


def test_an_icon_broken_after_check_is_a_notice_and_play_goes_on(make_app, shipped_story, engine_copy, capsys):
    """An icon that `check` passed but that broke since (or leads out of the game) gives a notice, not a crash."""
    from game.gamefolder import GameFolder

    (engine_copy / "icon.png").write_bytes(b"\x89PNG\r\n\x1a\n not a picture after all")
    app = make_app(shipped_story, GameFolder(root=engine_copy, engine=engine_copy, icon="icon.png"), frame=True)
    assert app.running
    assert "The game's icon cannot be shown" in capsys.readouterr().err
    app = make_app(shipped_story, GameFolder(root=engine_copy, engine=engine_copy, icon="../outside.png"), frame=True)
    assert app.running
    assert "The game's icon is refused" in capsys.readouterr().err
