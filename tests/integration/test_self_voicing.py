"""Self-voicing in the app (issue 8): what is read aloud, in order, through a recording engine."""

from __future__ import annotations

import textwrap
import wave
from pathlib import Path

import pygame
import pytest

from game import speech
from game.app import VOICING_OFF, VOICING_ON, App
from game.folder import GameFolder
from game.script import load_story
from game.speech import NO_ENGINE, SelfVoicing
from speech_doubles import RecordingEngine, wait_until_quiet
from game.ui.end_card import EndCardScreen
from game.ui.game_screen import GameScreen
from game.ui.menu import GameMenu

STORY = """
characters:
  ann:
    name: Ann
    colour: "#ff8040"
script:
  - label: start
  - The room is quiet.
  - ann: "Hello, {b}you{/b}."
  - ann: This line has its own recording.
    voice: ann_hello
  - choice: Stay or go?
    speaker: ann
    options:
      - text: Stay.
        jump: stay
      - text: Go.
        jump: go
  - label: stay
  - ann: Then stay.
  - ending: Stayed
  - label: go
  - Out into the rain.
  - ending: Gone
"""


def _wav(path: Path, seconds: float = 0.3) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(2)
        sound.setframerate(22050)
        sound.writeframes(b"\x10\x00" * int(22050 * seconds))


@pytest.fixture
def folder(tmp_path: Path) -> GameFolder:
    root = tmp_path / "game"
    (root / "scenes").mkdir(parents=True)
    (root / "scenes" / "story.yaml").write_text(textwrap.dedent(STORY).lstrip())
    _wav(root / "audio" / "voice" / "ann_hello.wav")
    return GameFolder(root=root, id="voicing")


@pytest.fixture
def voiced(make_app, folder):
    """`voiced(voice)`: the app of `folder` with `voice`, its first frame drawn."""
    return lambda voice: make_app(load_story(game=folder)[0], folder, voice=voice, frame=True)


@pytest.fixture
def engine() -> RecordingEngine:
    return RecordingEngine()


@pytest.fixture
def app(voiced, engine):
    return voiced(engine)


def key(app: App, code: int) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=code, mod=0, unicode="", scancode=0))
    app.frame()
    wait_until_quiet(app.services.voice, 2.0)  # each reading done before the next, so none is cut off unheard


def settle(app: App, seconds: float = 10.0) -> None:
    app.clock.tick(seconds)
    app.frame()
    wait_until_quiet(app.services.voice, 2.0)


def said(engine: RecordingEngine) -> list[str]:
    spoken, engine.spoken[:] = list(engine.spoken), []
    return spoken


def test_v_turns_self_voicing_on_and_off_and_keeps_the_setting(app, engine):
    """V toggles the setting with a notice (read aloud when on); off, nothing more is read."""
    key(app, pygame.K_v)
    assert app.player.settings.self_voicing and app.player.settings_file.load().self_voicing
    assert said(engine) == [VOICING_ON, "Hub. Start"]  # the notice, then where the player is
    key(app, pygame.K_v)
    assert not app.player.settings.self_voicing
    key(app, pygame.K_RETURN)
    settle(app)
    assert said(engine) == []


def test_lines_choice_focus_notices_rewind_and_end_card_are_read_in_order(app, engine):
    """Name then text without markup, narration bare, the choice and its options, a moved focus,
    a notice, the rewound line, and the end card."""
    key(app, pygame.K_v)
    said(engine)
    key(app, pygame.K_RETURN)  # Start
    assert isinstance(app.screen, GameScreen)
    settle(app)
    key(app, pygame.K_RETURN)
    settle(app)
    assert said(engine) == ["The room is quiet.", "Ann: Hello, you."]
    key(app, pygame.K_RETURN)  # the line with a recording: played, not spoken
    settle(app)
    assert said(engine) == []
    key(app, pygame.K_RETURN)
    settle(app)
    assert said(engine) == ["Ann: Stay or go? 1: Stay. 2: Go."]
    key(app, pygame.K_F5)
    assert said(engine) == ["Saved"]
    settle(app, 1.0)  # past the choice's guard against a press meant for the line
    key(app, pygame.K_DOWN)
    assert said(engine) == ["Go."]
    key(app, pygame.K_UP)
    assert said(engine) == ["Stay."]
    key(app, pygame.K_RETURN)
    settle(app)
    assert said(engine) == ["Ann: Then stay."]
    key(app, pygame.K_PAGEUP)
    assert said(engine) == ["Ann: Stay or go? 1, chosen before: Stay. 2: Go."]
    key(app, pygame.K_PAGEDOWN)
    assert said(engine) == ["Ann: Then stay."]
    key(app, pygame.K_RETURN)
    for _ in range(5):
        settle(app)
    assert isinstance(app.screen, EndCardScreen)
    assert said(engine) == ["Ending: Stayed."]


def test_every_menu_focus_is_read_with_the_page_and_slider_values(app, engine):
    """Opening the menu reads the page and its focus; moving reads each control, a slider with its value."""
    key(app, pygame.K_RETURN)
    settle(app)
    key(app, pygame.K_v)
    said(engine)
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.top, GameMenu)
    assert said(engine) == ["Save. Slot 1: empty"]
    key(app, pygame.K_RIGHT)
    assert said(engine) == ["Slot 2: empty"]
    key(app, pygame.K_TAB)
    key(app, pygame.K_TAB)
    assert said(engine) == ["Load. Slot 1: empty", "Settings. Text speed: 45 chars/s"]
    key(app, pygame.K_DOWN)
    key(app, pygame.K_DOWN)
    key(app, pygame.K_RIGHT)
    assert said(engine) == ["Auto-forward delay: 1.0 ×", "Music volume: 80 %", "Music volume: 85 %"]
    assert app.player.settings.music_volume == 0.85
    key(app, pygame.K_LEFT)
    assert said(engine) == ["Music volume: 80 %"]
    key(app, pygame.K_l)
    assert said(engine) == ["History. The room is quiet."]
    key(app, pygame.K_LEFT)  # into the tabs
    key(app, pygame.K_DOWN)
    key(app, pygame.K_DOWN)
    assert said(engine) == ["History", "Help", "Restart"]
    key(app, pygame.K_RETURN)
    key(app, pygame.K_RIGHT)
    assert said(engine) == ["Start again from the beginning? The game is autosaved first: Continue brings you back here. Yes", "No"]


def test_speech_rate_and_voice_volume_settings_apply_at_once(app, engine):
    """The Settings page's rows set the speech rate the voice reads at, and the voice files' volume."""
    from dataclasses import replace

    app.apply_settings(replace(app.player.settings, self_voicing=True, speech_rate=2.0, voice_volume=0.25))
    assert app.services.voice.rate == 2.0 and app.services.audio.voice_volume == 0.25
    wait_until_quiet(app.services.voice, 2.0)
    assert engine.rates[-1] == 2.0


def test_a_missing_engine_gives_one_notice_and_play_goes_on(voiced, monkeypatch):
    """With no text-to-speech on the machine, turning self-voicing on says so once; the story plays on."""
    monkeypatch.setattr(speech, "find_engine", lambda **_: None)
    app = voiced(None)
    shown: list[str] = []
    notify = app.notify
    monkeypatch.setattr(app, "notify", lambda text: (shown.append(text), notify(text)))
    app.services.voice._warn = app.notify  # the voice warns through the app, as it was made to
    key(app, pygame.K_v)
    key(app, pygame.K_RETURN)
    for _ in range(3):
        settle(app)
        key(app, pygame.K_RETURN)
    assert shown == [NO_ENGINE]
    assert app.playing is not None and app.playing.playthrough.index == 3
    key(app, pygame.K_v)
    assert shown == [NO_ENGINE, VOICING_OFF]


def test_a_whole_self_voicing_can_be_injected(voiced):
    """`App(voice=SelfVoicing(...))` uses that voice as it is."""
    voice = SelfVoicing(RecordingEngine(), warn=lambda text: None)
    assert voiced(voice).services.voice is voice


def test_a_line_with_a_voice_file_plays_it_at_the_voice_volume(app, engine):
    """`voice: NAME` plays audio/voice/NAME.wav on the voice channel instead of speaking the line."""
    from dataclasses import replace

    from game.ui.audio import VOICE_CHANNEL

    app.apply_settings(replace(app.player.settings, self_voicing=True, voice_volume=0.5))
    key(app, pygame.K_RETURN)
    settle(app)
    key(app, pygame.K_RETURN)
    settle(app)
    said(engine)
    channel = pygame.mixer.Channel(VOICE_CHANNEL)
    assert not channel.get_busy()
    key(app, pygame.K_RETURN)
    assert app.playing.playthrough.current.stop.voice == "ann_hello"
    assert channel.get_busy() and channel.get_volume() == pytest.approx(0.5, abs=0.01)
    assert said(engine) == []
    key(app, pygame.K_RETURN)  # finishes the line
    key(app, pygame.K_RETURN)  # the next beat cuts the voice off
    assert not channel.get_busy()


@pytest.mark.parametrize("value", ["ann_hello", "missing_one"])
def test_check_finds_a_missing_voice_file_at_its_place(folder, value):
    """A `voice:` naming no file under audio/voice/ is an error with file:line:col; one that exists loads."""
    from game.script import ScriptError

    path = folder.root / "scenes" / "story.yaml"
    path.write_text(path.read_text().replace("voice: ann_hello", f"voice: {value}"))
    if value == "ann_hello":
        story, _ = load_story(game=folder)
        assert [step.voice for step in story.steps if getattr(step, "voice", None)] == ["ann_hello"]
        return
    with pytest.raises(ScriptError) as caught:
        load_story(game=folder)
    message = str(caught.value)
    line = next(i for i, text in enumerate(path.read_text().splitlines(), 1) if "voice: missing_one" in text)
    assert f"story.yaml:{line}:12" in message and "audio/voice/missing_one.wav" in message, message
