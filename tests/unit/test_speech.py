"""Self-voicing: lines read in order off the game loop, interruptions, a missing or broken engine, the real engine."""

from __future__ import annotations

import shutil
import stat
import subprocess
import sys
import threading
import time
import wave
from pathlib import Path

import numpy as np
import pytest

from game import ROOT
from game.playthrough import Playthrough
from game.script.model import Choice, Ending, Line
from speech_doubles import RecordingEngine, wait_until_quiet
from game.speech import (
    NO_ENGINE,
    CommandEngine,
    Pyttsx3Engine,
    SelfVoicing,
    SpeechError,
    choice_words,
    control_words,
    end_card_words,
    find_engine,
    line_words,
    notice_words,
    speak_to_wav,
    stop_words,
)


def _voice(engine, notes: list[str] | None = None) -> SelfVoicing:
    return SelfVoicing(engine, warn=(notes if notes is not None else []).append)


def _began(engine: RecordingEngine, count: int = 1) -> None:
    for _ in range(count):
        assert engine.started.acquire(timeout=5), "the voice never began a line"


# -- what is said -------------------------------------------------------------


def test_a_line_is_read_as_the_speakers_name_then_the_text():
    assert line_words("Jack", "Come on.  You know\nhow this goes.") == "Jack: Come on. You know how this goes."
    assert line_words(None, "  Late. The others went home.") == "Late. The others went home."


def test_the_stories_own_stops_are_read_without_markup(shipped_story):
    lines = [step for step in shipped_story.steps if isinstance(step, Line)]
    jack = next(line for line in lines if line.speaker == "jack" and "You know how this goes" in line.text)
    assert stop_words(shipped_story, jack) == "Jack: Come on. You know how this goes."
    narration = next(line for line in lines if line.speaker is None)
    assert stop_words(shipped_story, narration) == "Late. The others went home hours ago."
    choice = next(step for step in shipped_story.steps if isinstance(step, Choice))
    said = stop_words(shipped_story, choice)
    assert said.startswith("Ianto's hand is on the door. 1: Let him go.")
    assert "3: Not like this. Ask him to stay." in said


def test_a_choice_reads_its_prompt_then_numbered_options_and_marks_the_one_taken_before():
    assert choice_words("Go?", ["Yes", "No"]) == "Go? 1: Yes. 2: No."
    assert choice_words("", ["Stay.", "Go"], taken=0) == "1, chosen before: Stay. 2: Go."


def test_controls_notices_and_the_end_card():
    assert control_words("Music volume", "80 %") == "Music volume: 80 %"
    assert control_words("Save") == "Save"
    assert notice_words("  Saved ") == "Saved"
    assert end_card_words("E N D I N G", "For Now") == "Ending: For Now"
    assert end_card_words("The End", "For Now") == "The End: For Now"


def test_an_ending_stop_is_read_as_the_end_card(shipped_story):
    assert stop_words(shipped_story, Ending("Alone Again"), end_card="E N D I N G") == "Ending: Alone Again"


# -- the voice ----------------------------------------------------------------


def test_lines_not_interrupting_are_read_in_order():
    engine = RecordingEngine()
    voice = _voice(engine)
    for text in ("One.", "Two.", "Three."):
        voice.say(text, interrupt=False)
    assert wait_until_quiet(voice, 5)
    assert engine.spoken == ["One.", "Two.", "Three."]
    assert engine.interrupted == []
    voice.close()


@pytest.fixture
def reading():
    """A voice in the middle of reading "First." (its engine holds each line until released or cut)."""
    engine = RecordingEngine(hold=True)
    voice = _voice(engine)
    voice.say("First.")
    _began(engine)
    yield engine, voice
    voice.close()


def test_a_new_line_interrupts_the_one_being_read_and_drops_those_waiting(reading):
    engine, voice = reading
    voice.say("Waiting.", interrupt=False)
    voice.say("Now.")
    _began(engine)
    engine.release()
    assert wait_until_quiet(voice, 5)
    assert engine.spoken == ["First.", "Now."]
    assert engine.interrupted == ["First."]


def test_say_returns_at_once_while_a_line_is_being_read(reading):
    _engine, voice = reading
    started = time.perf_counter()
    voice.say("Next.", interrupt=False)
    voice.say("Another.")
    assert time.perf_counter() - started < 0.05


def test_stop_falls_silent(reading):
    engine, voice = reading
    voice.say("Never read.", interrupt=False)
    voice.stop()
    assert wait_until_quiet(voice, 5)
    assert engine.spoken == ["First."] and engine.interrupted == ["First."]


def test_a_line_left_to_finish_is_not_counted_as_interrupted(reading):
    engine, voice = reading
    engine.release()
    assert wait_until_quiet(voice, 5)
    assert engine.interrupted == []


def test_the_rate_reaches_the_engine_and_is_kept_sensible():
    engine = RecordingEngine()
    voice = _voice(engine)
    voice.rate = 1.5
    voice.say("Quick.")
    assert wait_until_quiet(voice, 5)
    assert engine.rates == [1.5]
    voice.rate = 100
    assert voice.rate == 4.0
    voice.rate = float("nan")
    assert voice.rate == 1.0
    voice.close()


def test_a_playthrough_is_read_as_it_goes_and_rewinding_reads_the_line_rewound_to(shipped_story):
    engine = RecordingEngine()
    voice = _voice(engine)
    play = Playthrough(shipped_story)

    def read_current() -> None:
        voice.say(stop_words(shipped_story, play.current.stop, taken=play.option_taken()))
        assert wait_until_quiet(voice, 5)

    read_current()
    for _ in range(8):
        play.advance()
        read_current()
    play.rewind()
    read_current()
    assert engine.spoken[0] == "Late. The others went home hours ago."
    assert engine.spoken[8] == "Jack: Come on. You know how this goes."
    assert engine.spoken[9] == engine.spoken[7] == "So: one clean cut now, instead of the long one later. Kinder. That's the word he keeps reaching for."
    voice.close()


def test_blank_text_is_not_read():
    engine = RecordingEngine()
    voice = _voice(engine)
    voice.say("  \n ")
    assert wait_until_quiet(voice, 1)
    assert engine.spoken == []


def test_a_missing_engine_gives_exactly_one_notice():
    notes: list[str] = []
    voice = _voice(None, notes)
    for text in ("One.", "Two.", "Three."):
        voice.say(text)
    voice.stop()
    assert notes == [NO_ENGINE] == ["Self-voicing: no text-to-speech engine found"]


@pytest.mark.parametrize("program", ["/nonexistent/espeak-ng", sys.executable])
def test_an_engine_that_fails_gives_one_notice_and_the_game_plays_on(program: str):
    notes: list[str] = []
    voice = _voice(CommandEngine("espeak-ng", program), notes)  # python rejects espeak's options
    voice.say("One.")
    assert wait_until_quiet(voice, 10)
    voice.say("Two.")
    voice.say("Three.")
    assert len(notes) == 1 and notes[0].startswith("Self-voicing stopped: espeak-ng")
    voice.close()


def test_a_command_being_read_is_ended_when_interrupted(tmp_path: Path):
    slow = tmp_path / "slow-speaker"
    slow.write_text("#!/bin/sh\nexec sleep 30\n")
    slow.chmod(slow.stat().st_mode | stat.S_IEXEC)
    stop = threading.Event()
    threading.Timer(0.2, stop.set).start()
    started = time.perf_counter()
    CommandEngine("espeak-ng", str(slow)).speak("A very long line.", rate=1.0, stop=stop)
    assert time.perf_counter() - started < 2


def test_pyttsx3_is_driven_from_the_reading_thread_and_stopped_when_interrupted():
    calls: list[str] = []

    class FakeEngine:
        def getProperty(self, name):
            return 200

        def setProperty(self, name, value):
            calls.append(f"{name}={value}")

        def say(self, text):
            calls.append(f"say {text}")

        def startLoop(self, use_driver_loop):
            calls.append(f"loop {use_driver_loop}")

        def isBusy(self):
            return True  # reads until stopped

        def iterate(self):
            pass

        def stop(self):
            calls.append("stop")

        def endLoop(self):
            calls.append("end")

    class FakeModule:
        init = FakeEngine

    stop = threading.Event()
    threading.Timer(0.1, stop.set).start()
    Pyttsx3Engine(FakeModule).speak("Hello.", rate=1.5, stop=stop)
    assert calls == ["rate=300", "say Hello.", "loop False", "stop", "end"]


def test_the_engine_is_found_by_platform():
    assert find_engine(system="Linux", which=lambda name: None) is None
    found = find_engine(system="Linux", which={"spd-say": "/usr/bin/spd-say"}.get)
    assert isinstance(found, CommandEngine) and found.name == "spd-say"
    found = find_engine(system="Linux", which=lambda name: f"/usr/bin/{name}")
    assert found is not None and found.name == "espeak-ng"
    found = find_engine(system="Darwin", which=lambda name: f"/usr/bin/{name}")
    assert found is not None and found.name == "say"


def test_the_speech_module_does_not_load_pygame():
    code = "import sys, game.speech; print('pygame' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


# -- the real engine ----------------------------------------------------------


def _samples(path: Path) -> tuple[np.ndarray, int]:
    with wave.open(str(path), "rb") as sound:
        assert sound.getsampwidth() == 2
        return np.frombuffer(sound.readframes(sound.getnframes()), dtype="<i2"), sound.getframerate()


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed (.ci/run installs it)")
def test_espeak_ng_speaks_a_line_into_a_wav_file_that_holds_sound(tmp_path: Path):
    engine = find_engine(system="Linux")
    assert engine is not None and engine.name == "espeak-ng"
    path = speak_to_wav("Jack: Come on. You know how this goes.", tmp_path / "line.wav", engine=engine)
    samples, rate = _samples(path)
    seconds = len(samples) / rate
    assert 1.0 < seconds < 8.0, seconds
    loud = np.abs(samples.astype(np.int32))
    assert loud.max() > 0.2 * 32768
    assert np.mean(loud > 0.02 * 32768) > 0.2  # speech, not one click in silence
    faster = speak_to_wav("Jack: Come on. You know how this goes.", tmp_path / "fast.wav", rate=2.0, engine=engine)
    assert len(_samples(faster)[0]) < 0.75 * len(samples)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fast.wav", "line.wav"]  # no temporary left


def test_a_wav_with_no_engine_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr("game.speech.find_engine", lambda: None)
    with pytest.raises(SpeechError, match="no text-to-speech engine found"):
        speak_to_wav("Hello.", tmp_path / "x.wav")
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize(("language", "asked"), [("fr", ["-v", "fr"]), ("ja", ["-v", "ja"]), ("de_AT", ["-v", "de"]), ("", []), ("en", []), ("xx", [])])
def test_espeak_is_asked_for_the_languages_voice(tmp_path: Path, language: str, asked: list[str]):
    """Self-voicing reads a translated game in its language's voice (espeak-ng's -v); English and unknown codes keep the default."""
    argv = tmp_path / "argv"
    fake = tmp_path / "espeak-ng"
    fake.write_text(f'#!/bin/sh\necho "$@" > {argv}\ncat > /dev/null\n')
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    voice = _voice(CommandEngine("espeak-ng", str(fake)))
    voice.language = language
    voice.say("Bonjour.")
    assert wait_until_quiet(voice, 10)
    voice.close()
    words = argv.read_text().split()
    assert words[words.index("-s") + 2 : words.index("--stdin")] == asked


def test_spd_say_is_asked_for_the_language_with_its_own_option():
    assert CommandEngine("spd-say", "spd-say")._command(1.0, None, "es")[-3:] == ["-l", "es", "-e"]
