"""`python main.py build` without building: game.yaml's version, icon and build: keys, the refusals
(each one clear message, exit 1, nothing left in the output folder), what the app holds, the names,
and archives that are the same bytes for the same files. tests/integration/test_build_app.py builds."""

from __future__ import annotations

import io
import os
import stat
import tarfile
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from game import ROOT
from game.cli import main
from game.folder import GameFolder, load_game
from game.packaging import archive_name, machine_name, top_folder
from game.packaging.archive import pack
from game.packaging.contents import contents, excluded
from game.packaging.freeze import engine_modules, launcher, system_icon
from game.packaging.readme import readme, saves_folder
from game.script import ScriptError
from game.starter import write_starter


@pytest.fixture(scope="module")
def starter_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("starter") / "walk"
    assert write_starter(folder) == 0
    return folder


@pytest.fixture
def starter(starter_template: Path, tmp_path: Path) -> Path:
    import shutil

    return Path(shutil.copytree(starter_template, tmp_path / "walk"))


def with_yaml(game: Path, text: str) -> Path:
    config = game / "game.yaml"
    config.write_text(config.read_text() + text)
    return game


def problems(game: Path) -> list[str]:
    with pytest.raises(ScriptError) as raised:
        load_game(game)
    return [f"{p.place.line}: {p.message}" for p in raised.value.problems]


def test_the_starter_game_has_a_version_and_an_icon(starter: Path) -> None:
    game = load_game(starter)
    assert (game.version, game.icon) == ("1.0.0", "icon.png")
    assert GameFolder(root=ROOT).version == "1.0.0" and GameFolder(root=ROOT).icon is None  # the defaults


@pytest.mark.parametrize("version", ["1.0", "v1.0.0", "1.0.0-beta", "one", "[1, 0, 0]"])
def test_a_version_is_three_numbers(starter: Path, version: str) -> None:
    text = (starter / "game.yaml").read_text().replace("version: 1.0.0", f"version: {version}")
    (starter / "game.yaml").write_text(text)
    assert [p for p in problems(starter) if "version must be three numbers x.y.z" in p]


@pytest.mark.parametrize(("make", "says"), [
    (None, "icon icon.png: the file is missing"),
    (lambda path: path.write_text("not a picture"), "icon icon.png: not a readable picture"),
    (lambda path: Image.new("RGB", (64, 64)).save(path, "JPEG"), "icon icon.png: is a JPEG picture, not a PNG"),
    (lambda path: Image.new("RGB", (300, 100)).save(path, "PNG"), "icon icon.png: is 300x100: an icon must be square"),
])
def test_an_icon_is_a_square_png_that_opens(starter: Path, make, says: str) -> None:
    (starter / "icon.png").unlink()
    if make:
        make(starter / "icon.png")
    line = next(n for n, text in enumerate((starter / "game.yaml").read_text().splitlines(), 1) if text.startswith("icon:"))
    assert [p for p in problems(starter) if p.startswith(f"{line}: {says}")]


def test_an_icon_outside_the_game_folder_is_refused(starter: Path) -> None:
    text = (starter / "game.yaml").read_text().replace("icon: icon.png", "icon: ../icon.png")
    (starter / "game.yaml").write_text(text)
    assert [p for p in problems(starter) if "climbs out of its folder" in p and "icon" in p]


def test_build_settings_are_checked(starter: Path) -> None:
    assert load_game(with_yaml(starter, "build:\n  exclude: [art/sprites/theo/*, audio/chime.wav]\n")).build_exclude == ("art/sprites/theo/*", "audio/chime.wav")
    text = (starter / "game.yaml").read_text().replace("exclude: [art", "exclud: [art")
    (starter / "game.yaml").write_text(text)
    assert [p for p in problems(starter) if "unknown build: key 'exclud'" in p]
    (starter / "game.yaml").write_text(text.replace("exclud: [art/sprites/theo/*, audio/chime.wav]", "exclude: audio"))
    assert [p for p in problems(starter) if "exclude is a list of file patterns" in p]


# The build's refusals: one clear message, exit 1, nothing half-written in the output folder.

def build(game: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["--game", str(game), "build", "--out", str(out)])
    return code, capsys.readouterr().err


def check_report(game: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["--game", str(game), "check"]) == 1
    return capsys.readouterr().err


def test_a_game_with_check_errors_is_refused_with_checks_report(starter: Path, tmp_path: Path, capsys) -> None:
    story = starter / "scenes" / "story.yaml"
    story.write_text(story.read_text().replace("background: bench", "background: nowhere", 1))
    report = check_report(starter, capsys)
    assert "nowhere" in report
    code, err = build(starter, tmp_path / "dist", capsys)
    assert (code, err) == (1, report)
    assert not (tmp_path / "dist").exists()


@pytest.mark.parametrize(("edit", "says"), [
    (lambda game: (game / "icon.png").unlink(), "icon icon.png: the file is missing"),
    (lambda game: (game / "icon.png").write_bytes(b"\x89PNG not really"), "icon icon.png: not a readable picture"),
    (lambda game: (game / "game.yaml").write_text((game / "game.yaml").read_text().replace("1.0.0", "1.0")), "version must be three numbers"),
])
def test_bad_game_yaml_values_are_refused(starter: Path, tmp_path: Path, capsys, edit, says: str) -> None:
    edit(starter)
    code, err = build(starter, tmp_path / "dist", capsys)
    assert code == 1 and says in err and err.count("error:") == 1 and "Traceback" not in err
    assert not (tmp_path / "dist").exists()


def test_an_output_folder_that_is_a_file_is_refused(starter: Path, tmp_path: Path, capsys) -> None:
    (tmp_path / "dist").write_text("a file")
    code, err = build(starter, tmp_path / "dist", capsys)
    assert (code, err.count("\n")) == (1, 1) and "is a file" in err and "--out" in err
    code, err = build(starter, tmp_path / "dist" / "inside", capsys)
    assert (code, err.count("\n")) == (1, 1) and "is a file" in err
    assert (tmp_path / "dist").read_text() == "a file"


def read_only_folder(tmp_path: Path) -> Path:
    """A folder nobody can write in: a read-only one, or (as root, who writes anywhere) /sys."""
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    for candidate in (folder, Path("/sys")):
        try:
            (candidate / "probe").touch()
            (candidate / "probe").unlink()
        except OSError:
            return candidate
    pytest.skip("no folder here refuses writing")


def test_a_read_only_output_folder_is_refused(starter: Path, tmp_path: Path, capsys) -> None:
    folder = read_only_folder(tmp_path)
    before = sorted(os.listdir(folder))
    code, err = build(starter, folder, capsys)
    assert (code, err.count("\n")) == (1, 1) and f"cannot write in the output folder {folder}" in err
    assert sorted(os.listdir(folder)) == before


def test_without_pyinstaller_the_build_says_how_to_install_it(starter: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    import game.packaging.freeze as freeze

    monkeypatch.setattr(freeze.importlib.util, "find_spec", lambda name: None)
    code, err = build(starter, tmp_path / "dist", capsys)
    assert code == 1 and err.count("\n") == 1 and "pip install -r requirements-build.txt" in err
    assert not (tmp_path / "dist").exists()


# What the app holds and what it is called.

def test_hubs_own_app_holds_its_scenes_art_and_audio_and_nothing_else(tmp_path: Path) -> None:
    items = contents(GameFolder(root=ROOT))
    targets = {item.target for item in items}
    assert {"scenes/01_dread.yaml", "art/backgrounds/title.png", "art/ui/logo.png", "art/fonts/OFL.txt", "audio/theme.ogg"} <= targets
    assert not [t for t in targets if t.startswith(("tests", "docs")) or t.endswith((".py", ".pyc")) or "contact_sheet" in t]
    assert {t for t in targets if t.startswith("game/")} == {f"game/locale/{p.name}" for p in (ROOT / "game" / "locale").glob("*.po")} != set()  # the interface's words only
    assert {"licences/python/LICENSE.txt", "licences/pillow/LICENSE"} <= targets


def test_another_game_lies_under_its_id_beside_the_engines_files(starter: Path) -> None:
    (starter / "art" / "sketches").mkdir()
    (starter / "art" / "sketches" / "idea.png").write_bytes(b"")
    (starter / "audio" / ".chime.wav.swp").write_bytes(b"")
    with_yaml(starter, "build:\n  exclude: [audio/chime.wav]\n")
    targets = {item.target for item in contents(load_game(starter))}
    prefix = "games/my_first_game/"
    assert {prefix + name for name in ("game.yaml", "icon.png", "scenes/story.yaml", "art/backgrounds/park.png", "audio/stroll.wav")} <= targets
    assert {"art/ui/textbox.png", "art/fonts/Lato-Regular.ttf", "audio/ui_click.wav"} <= targets  # the engine's
    assert not {prefix + "audio/chime.wav", prefix + "audio/.chime.wav.swp", prefix + "art/sketches/idea.png"} & targets
    assert not [t for t in targets if t.startswith(("art/backgrounds", "art/sprites", "scenes"))]  # none of Hub's story


def test_exclude_patterns_cross_folders_and_name_folders() -> None:
    assert excluded("art/sketches/a/b.png", ("art/sketches",)) and excluded("art/sketches/a/b.png", ("art/*.png",))
    assert not excluded("art/backgrounds/park.png", ("art/sketches", "*.jpg"))


def test_the_launcher_plays_the_bundled_game(starter: Path) -> None:
    assert "main([])" in launcher(GameFolder(root=ROOT))
    text = launcher(load_game(starter))
    compile(text, "launch.py", "exec")
    assert "'games/my_first_game/'" in text and "sys._MEIPASS" in text
    modules = engine_modules()
    assert {"game.cli", "game.app", "game.ui.title"} <= set(modules)
    assert not [m for m in modules if m.startswith(("game.artwork", "game.bench", "game.starter", "game.packaging"))]


def test_names() -> None:
    hub = GameFolder(root=ROOT)
    assert archive_name(hub, "linux", "x86_64") == "hub-1.0.0-linux-x86_64.tar.gz"
    assert archive_name(hub, "windows", "AMD64") == "hub-1.0.0-windows-x86_64.zip"
    assert archive_name(hub, "macos", "arm64") == "hub-1.0.0-macos-arm64.zip"
    assert machine_name("aarch64") == "aarch64"
    assert top_folder(hub) == "Hub-1.0.0"
    assert top_folder(GameFolder(root=ROOT, title='What? A "Park": 1/2.', version="2.0.1")) == "What_ A _Park__ 1_2-2.0.1"


def test_the_players_readme_says_where_saves_live() -> None:
    assert saves_folder("linux", "hub") == "~/.local/share/hub"
    assert saves_folder("windows", "walk") == "%APPDATA%\\hub\\games\\walk"
    assert saves_folder("macos", "walk") == "~/Library/Application Support/hub/games/walk"
    text = readme(GameFolder(root=ROOT, id="walk", title="A Walk"), "windows")
    assert "A Walk 1.0.0" in text and "walk.exe" in text and "%APPDATA%\\hub\\games\\walk" in text and "licences" in text


@pytest.mark.parametrize(("system", "kind", "size"), [("windows", "ICO", (256, 256)), ("macos", "ICNS", (1024, 1024))])
def test_the_icon_is_converted_for_windows_and_macos(starter: Path, tmp_path: Path, system: str, kind: str, size) -> None:
    converted = system_icon(starter / "icon.png", tmp_path, system)
    assert converted is not None
    with Image.open(converted) as icon:
        assert (icon.format, icon.size) == (kind, size)
    assert system_icon(starter / "icon.png", tmp_path, "linux") is None


# Archives: the same bytes for the same files, whatever their dates and owners on disk.

def app_folder(root: Path) -> Path:
    (root / "_internal" / "art").mkdir(parents=True)
    (root / "_internal" / "art" / "a.png").write_bytes(b"picture")
    (root / "game").write_bytes(b"\x7fELF...")
    (root / "game").chmod(0o755)
    (root / "README.txt").write_text("hello")
    (root / "Current").symlink_to("_internal")
    return root


@pytest.mark.parametrize("suffix", [".tar.gz", ".zip"])
def test_packing_is_reproducible(tmp_path: Path, suffix: str) -> None:
    first, second = app_folder(tmp_path / "one"), app_folder(tmp_path / "two")
    os.utime(second / "README.txt", (1, 1))
    (second / "_internal" / "art" / "a.png").chmod(0o600)
    pack(first, "Game-1.0.0", tmp_path / f"a{suffix}", 1700000000)
    pack(second, "Game-1.0.0", tmp_path / f"b{suffix}", 1700000000)
    assert (tmp_path / f"a{suffix}").read_bytes() == (tmp_path / f"b{suffix}").read_bytes()


def test_a_tar_gz_keeps_order_permissions_links_and_one_date(tmp_path: Path) -> None:
    pack(app_folder(tmp_path / "app"), "Game-1.0.0", tmp_path / "a.tar.gz", 1700000000)
    raw = (tmp_path / "a.tar.gz").read_bytes()
    assert raw[4:8] == b"\0\0\0\0"  # gzip's own date
    with tarfile.open(fileobj=io.BytesIO(raw)) as tar:
        members = tar.getmembers()
    names = [m.name for m in members]
    assert names == ["Game-1.0.0", "Game-1.0.0/Current", "Game-1.0.0/README.txt", "Game-1.0.0/_internal",
                     "Game-1.0.0/_internal/art", "Game-1.0.0/_internal/art/a.png", "Game-1.0.0/game"]
    assert {(m.mtime, m.uid, m.gid, m.uname, m.gname) for m in members} == {(1700000000, 0, 0, "", "")}
    modes = {m.name.split("/")[-1]: (m.mode, m.type) for m in members}
    assert modes["game"] == (0o755, tarfile.REGTYPE) and modes["README.txt"] == (0o644, tarfile.REGTYPE)
    assert members[1].issym() and members[1].linkname == "_internal"


def test_a_zip_keeps_permissions_and_links_as_unpackers_expect(tmp_path: Path) -> None:
    pack(app_folder(tmp_path / "app"), "Game-1.0.0", tmp_path / "a.zip", 1700000000)
    with zipfile.ZipFile(tmp_path / "a.zip") as packed:
        infos = {info.filename: info for info in packed.infolist()}
        assert packed.read("Game-1.0.0/Current") == b"_internal"
    assert stat.S_ISLNK(infos["Game-1.0.0/Current"].external_attr >> 16)
    assert infos["Game-1.0.0/game"].external_attr >> 16 == stat.S_IFREG | 0o755
    assert infos["Game-1.0.0/_internal/"].is_dir()
    assert {info.date_time for info in infos.values()} == {(2023, 11, 14, 22, 13, 20)}


def test_a_build_that_fails_half_way_leaves_nothing_in_the_output_folder(starter: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    import game.packaging as packaging
    from game.packaging.freeze import BuildError

    monkeypatch.setattr(packaging, "require_pyinstaller", lambda: None)

    def pyinstaller_fails(*args, **kwargs):
        raise BuildError("PyInstaller failed (exit 1); its output is above")

    monkeypatch.setattr(packaging, "run_pyinstaller", pyinstaller_fails)
    code, err = build(starter, tmp_path / "out" / "dist", capsys)
    assert (code, err) == (1, "build: PyInstaller failed (exit 1); its output is above\n")
    assert not (tmp_path / "out").exists()  # the folders it made for the archive are gone again

    def app(game, data, work, *, system, epoch):
        (work / "dist" / game.id).mkdir(parents=True)
        return work / "dist" / game.id

    def disk_full(folder, top, archive, epoch):
        archive.write_bytes(b"half an archive")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(packaging, "run_pyinstaller", app)
    monkeypatch.setattr(packaging, "pack", disk_full)
    (tmp_path / "dist").mkdir()
    code, err = build(starter, tmp_path / "dist", capsys)
    assert code == 1 and "No space left on device" in err and err.count("\n") == 1
    assert list((tmp_path / "dist").iterdir()) == []


def test_build_given_twice_is_reported(starter: Path) -> None:
    with_yaml(starter, "build:\n  exclude: [a]\nbuild:\n  exclude: [b]\n")
    assert [p for p in problems(starter) if "'build' is given twice in game.yaml" in p]


@pytest.mark.parametrize("system", ["linux", "windows", "macos"])
def test_pyinstallers_command_for_each_system(starter: Path, tmp_path: Path, system: str) -> None:
    """Windows and macOS cannot be built here: their command lines are held to what they need."""
    from game.packaging.freeze import pyinstaller_command

    command = pyinstaller_command(load_game(starter), tmp_path / "data", tmp_path, system)
    after = {flag: command[i + 1] for i, flag in enumerate(command[:-1]) if flag.startswith("--")}
    assert command[-1] == str(tmp_path / "launch.py") and "--onedir" in command and after["--name"] == "my_first_game"
    assert after["--add-data"] == f"{tmp_path / 'data'}{os.pathsep}." and after["--paths"] == str(ROOT)
    assert {"numpy", "game.artwork", "pytest"} <= {command[i + 1] for i, flag in enumerate(command) if flag == "--exclude-module"}
    assert "game.cli" in {command[i + 1] for i, flag in enumerate(command) if flag == "--hidden-import"}
    assert ("--windowed" in command) == (system != "linux")
    assert after.get("--icon") == {"linux": None, "windows": str(tmp_path / "icon.ico"), "macos": str(tmp_path / "icon.icns")}[system]
    if system == "macos":
        assert after["--osx-bundle-identifier"] == "org.hub-engine.my-first-game"
