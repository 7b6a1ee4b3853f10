"""Shared test set-up: headless pygame, a private data folder, and small scene folders."""

from __future__ import annotations

import contextlib
import os
import signal
import textwrap
import wave
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from game import ROOT  # noqa: E402

CHARACTERS = """
characters:
  ann:
    name: Ann
    colour: "#ff8040"
    expressions: [calm, sad]
  ben:
    name: Ben
    colour: "#4080ff"
    expressions: [calm]
"""


@pytest.fixture
def display():
    """A dummy display for one test (an app test before it may have shut pygame down)."""
    import pygame

    from game.ui.layout import SCREEN_SIZE

    pygame.display.init()
    pygame.font.init()
    pygame.display.set_mode(SCREEN_SIZE)
    yield
    pygame.quit()


@pytest.fixture
def make_app(private_data_dir: Path):
    """`make_app(story, game, voice=...)`: a real App on a ManualClock with its data in the test's own
    folder (`private_data_dir`), closed after the test; `frame=True` draws its first frame. `app.presented` counts the frames put on screen."""
    import pygame

    from game.app import App
    from game.clock import ManualClock

    made = []

    def make(story, game=None, *, voice=None, frame: bool = False):
        app = App(story, game, clock=ManualClock(), voice=voice)  # its data under HUB_DATA_DIR: `private_data_dir`
        app.presented = 0
        present = app.window.present

        def counting_present(rects=None) -> None:
            app.presented += 1
            present(rects)

        app.window.present = counting_present
        made.append(app)
        if frame:
            app.frame()
        return app

    yield make
    for app in made:
        app.services.voice.close()
        app.services.audio.close()
    pygame.quit()


@pytest.fixture
def app(make_app, shipped_story):
    """The app on the title screen of the game's own story (see `make_app`)."""
    return make_app(shipped_story)


@pytest.fixture
def press(app):
    """`press(pygame.K_RETURN, mod=..., unicode=...)`: a real key press (down and up) through the keymap, then a frame."""
    import pygame

    def key(code: int, *, mod: int = 0, unicode: str = "") -> None:
        for kind in (pygame.KEYDOWN, pygame.KEYUP):
            pygame.event.post(pygame.event.Event(kind, key=code, mod=mod, unicode=unicode, scancode=0))
        app.frame()

    return key


class RecordingSaves:
    """Wraps the app's save store, counting the calls made to it (and passing them on)."""

    def __init__(self, store: object) -> None:
        self.store = store
        self.calls: list[str] = []

    def __getattr__(self, name: str) -> object:
        found = getattr(self.store, name)
        if not callable(found):
            return found

        def recorded(*args: object, **kwargs: object) -> object:
            self.calls.append(name)
            return found(*args, **kwargs)

        return recorded

    def count(self, name: str) -> int:
        return self.calls.count(name)


@pytest.fixture
def saves(app):
    """The app's save store, with its calls counted (`RecordingSaves`)."""
    app.player.saves = RecordingSaves(app.player.saves)
    return app.player.saves


@pytest.fixture(autouse=True)
def english_interface() -> Iterator[None]:
    """Every test starts and ends with the interface in English (the language in use is the process's)."""
    from game.i18n.interface import use_interface_language

    use_interface_language("")
    yield
    use_interface_language("")


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own per-user data folder (the "seen" record lives there)."""
    folder = tmp_path / "userdata"
    monkeypatch.setenv("HUB_DATA_DIR", str(folder))
    monkeypatch.setenv("HUB_CACHE_DIR", str(tmp_path / "cache"))  # and its own cache folder (`game.script.cache`)
    return folder


def _write_wav(path: Path, frames: int = 2205) -> None:
    with wave.open(str(path), "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(2)
        sound.setframerate(22050)
        sound.writeframes(b"\x00\x00" * frames)


@pytest.fixture(scope="session")
def asset_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny asset tree: backgrounds room and hall, sprites for ann and ben, sound chime."""
    from PIL import Image

    root = tmp_path_factory.mktemp("assets")
    (root / "art" / "backgrounds").mkdir(parents=True)
    for name, colour in (("room", (90, 60, 40)), ("hall", (30, 40, 70))):
        Image.new("RGB", (1280, 720), colour).save(root / "art" / "backgrounds" / f"{name}.png")
    for character, expressions in (("ann", ("calm", "sad")), ("ben", ("calm",))):
        (root / "art" / "sprites" / character).mkdir(parents=True)
        for expression in expressions:
            Image.new("RGBA", (420, 480), (200, 100, 50, 255)).save(root / "art" / "sprites" / character / f"{expression}.png")
    (root / "audio").mkdir()
    _write_wav(root / "audio" / "chime.wav")
    return root


@pytest.fixture
def scenes(tmp_path: Path):
    """Write scene files: `scenes({"a.yaml": text})` returns the folder (texts are dedented)."""

    def write(files: dict[str, str], *, with_characters: bool = True) -> Path:
        folder = tmp_path / "scenes"
        folder.mkdir(exist_ok=True)
        if with_characters:
            (folder / "characters.yaml").write_text(CHARACTERS)
        for name, text in files.items():
            (folder / name).write_text(textwrap.dedent(text).lstrip("\n"))
        return folder

    return write


@pytest.fixture(scope="session")
def shipped_story():
    """The game's own story, loaded from scenes/ with the real art and sound."""
    from game.script import load_story

    story, _warnings = load_story(ROOT / "scenes")
    return story


@pytest.fixture
def engine_copy(tmp_path: Path) -> Path:
    """The project's art and audio as links in a private tree to pass as the engine and the game
    (`GameFolder(root=engine_copy, engine=engine_copy)`, so nothing falls back to the real files):
    `spoil(root, "art/ui/textbox.png", b"...")` replaces one file there without touching the real one."""
    import os
    import shutil

    root = tmp_path / "engine"
    for folder in ("art", "audio"):
        shutil.copytree(ROOT / folder, root / folder, copy_function=os.symlink)
    return root


def spoil(root: Path, relative: str, content: bytes | None) -> Path:
    """Replace a file of an `engine_copy` with `content` (None: remove it)."""
    path = root / relative
    path.unlink(missing_ok=True)
    if content is not None:
        path.write_bytes(content)
    return path


def truncated(relative: str, keep: float = 0.4) -> bytes:
    """The first part of one of the project's own files, as a copy cut short would leave it."""
    data = (ROOT / relative).read_bytes()
    return data[: int(len(data) * keep)]


@pytest.fixture
def beats_of(scenes, asset_root):
    """`beats_of(text)`: every beat of a one-file story (on the tiny asset tree), first to last."""

    def play_through(text: str) -> list:
        from game.playthrough import Playthrough
        from game.script import load_story

        story = load_story(scenes({"story.yaml": text}), assets=asset_root)[0]
        play = Playthrough(story)
        found = [play.current]
        while play.advance():
            found.append(play.current)
        return found

    return play_through


@pytest.fixture
def host(tmp_path: Path, shipped_story, display):
    """A real Host for one layer's tests, with no window loop: the player's real files under tmp_path,
    real services, a list for a stack, the game forty lines into the shipped story
    (tests/integration/menu_host.py), closed after the test."""
    import menu_host

    made = menu_host.MenuHost(tmp_path / "data", shipped_story)
    yield made
    made.close()


@contextlib.contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    """Fail the code inside with TimeoutError after `seconds` (a hang fails its test instead of stalling the run)."""

    def expired(*_: object) -> None:
        raise TimeoutError(f"took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
