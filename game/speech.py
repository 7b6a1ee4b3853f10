"""Self-voicing: what the player sees, read aloud by the platform's text-to-speech.

`SelfVoicing` reads on a worker thread so the game loop never waits for speech;
a new line interrupts the one being read. The engine behind it is one of:
`espeak-ng` / `espeak` / `spd-say` on Linux and `say` on macOS, run as commands
(killing the command is the one interruption that always works), or pyttsx3 on
Windows (SAPI has no command). pyttsx3 is not used elsewhere: on Linux its
espeak driver plays each line through a blocking `aplay` that cannot be
interrupted, and on macOS it needs the main thread's run loop.
Tests read through a recording engine of their own (tests/speech_doubles.py). No pygame here.

The `*_words` functions turn what is on screen into what is said.
"""

from __future__ import annotations

import math
import platform
import shutil
import subprocess
import tempfile
import threading
from collections import deque
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from game.i18n.interface import ui_text
from game.script.model import Choice, Ending, Line, Story
from game.userdata import write_atomic

NO_ENGINE = "Self-voicing: no text-to-speech engine found"
MIN_RATE, MAX_RATE = 0.25, 4.0
POLL = 0.02  # seconds between looks at a command being read, for a prompt interruption


class SpeechError(RuntimeError):
    """The engine could not speak (the message says why, for a notice)."""


class SpeechEngine(Protocol):
    name: str

    def speak(self, text: str, *, rate: float, stop: threading.Event, language: str = "") -> None:
        """Read `text` aloud in `language`'s voice where the engine has one ("": its default voice); return when
        done or soon after `stop` is set. Raises SpeechError."""

    def to_wav(self, text: str, path: Path, *, rate: float) -> None:
        """Write `text` spoken into the WAV file `path`. Raises SpeechError."""


# -- what is said -------------------------------------------------------------


def _tidy(text: str) -> str:
    return " ".join(text.split())


def line_words(name: str | None, text: str) -> str:
    """A line as read: the speaker's name, then the text; narration without a name.

    `text` is what the player reads (`Line.text`, the markup already taken out)."""
    return f"{_tidy(name)}: {_tidy(text)}" if name and name.strip() else _tidy(text)


def _sentence(text: str) -> str:
    """`text` ending in a full stop (for the pause it gives), unless it already ends a sentence."""
    text = _tidy(text)
    return text if not text or text[-1] in ".!?…" else text + "."


def choice_words(prompt: str, options: Sequence[str], *, taken: int | None = None) -> str:
    """The choice's prompt, then each option with its number (the key that takes it)."""
    parts = [_sentence(prompt)]
    for number, option in enumerate(options, 1):
        before = ui_text(", chosen before") if taken == number - 1 else ""
        parts.append(_sentence(f"{number}{before}: {option}"))
    return " ".join(part for part in parts if part)


def control_words(label: str, value: str | None = None) -> str:
    """The focused control: its label and, for a slider or toggle, its value ("Music volume: 80 %")."""
    return f"{_tidy(label)}: {_tidy(value)}" if value is not None else _tidy(label)


def place_words(title: str, focus: str | None) -> str:
    """A screen or page's name, then its focused control: "Settings. Text speed: 45 chars/s"."""
    return " ".join(part for part in (_sentence(title), _tidy(focus or "")) if part)


def notice_words(text: str) -> str:
    return _tidy(text)


def end_card_words(heading: str, ending: str) -> str:
    """The end card: "E N D I N G" above the ending's name is read as the word "Ending"."""
    letters = heading.split()
    if letters and all(len(letter) == 1 for letter in letters):
        heading = "".join(letters).capitalize()
    return f"{_tidy(heading)}: {_tidy(ending)}" if heading.strip() else _tidy(ending)


def stop_words(story: Story, stop: Line | Choice | Ending, *, end_card: str = "E N D I N G", taken: int | None = None) -> str:
    """What is said when the story arrives at a stop (a line, the choice or an ending)."""
    if isinstance(stop, Line):
        return line_words(story.shown_name(stop.speaker), stop.text)
    if isinstance(stop, Choice):
        return choice_words(stop.prompt, [option.text for option in stop.options], taken=taken)
    return end_card_words(end_card, stop.name)


# -- the voice ----------------------------------------------------------------


class SelfVoicing:
    """Reads lines aloud on its own thread; `say` and `stop` return at once.

    With no engine (`engine=None`) the first `say` gives one notice through `warn`
    and nothing is read. An engine that fails gives one notice (at the next `say`
    or `stop`, on the caller's thread) and the voice falls silent; the game plays on.
    """

    def __init__(self, engine: SpeechEngine | None, *, warn: Callable[[str], None], rate: float = 1.0) -> None:
        self.engine = engine
        self.language = ""  # the language being read (a gettext code; "" the engine's default voice)
        self._warn = warn
        self._rate = 1.0
        self.rate = rate
        self._lock = threading.Condition()
        self._lines: deque[str] = deque()
        self._current = threading.Event()  # set: stop reading the current line
        self._reading = False
        self._closed = False
        self._warned = False
        self._failure: str | None = None
        self._thread: threading.Thread | None = None

    @property
    def rate(self) -> float:
        """Speed of reading: 1.0 the engine's normal pace, 2.0 twice as fast."""
        return self._rate

    @rate.setter
    def rate(self, value: float) -> None:
        self._rate = min(MAX_RATE, max(MIN_RATE, value)) if math.isfinite(value) else 1.0

    def say(self, text: str, *, interrupt: bool = True) -> None:
        """Read `text`; `interrupt` stops the line being read and drops any waiting."""
        self._report_failure()
        text = _tidy(text)
        if not text or self._closed:
            return
        if self.engine is None:
            self._notice(NO_ENGINE)
            return
        if self._failure is not None:
            return
        with self._lock:
            if interrupt:
                self._lines.clear()
                self._current.set()
            self._lines.append(text)
            self._lock.notify()
        self._start()

    def stop(self) -> None:
        """Fall silent now: the line being read stops, waiting lines are dropped."""
        self._report_failure()
        with self._lock:
            self._lines.clear()
            self._current.set()

    @property
    def quiet(self) -> bool:
        """Nothing is being read and nothing waits to be."""
        with self._lock:
            return not self._lines and not self._reading

    def close(self) -> None:
        """Stop reading and end the thread (the game is closing)."""
        with self._lock:
            self._closed = True
            self._lines.clear()
            self._current.set()
            self._lock.notify_all()
        if self._thread is not None:
            self._thread.join(timeout=1.0)

    def _start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._read_lines, name="self-voicing", daemon=True)
            self._thread.start()

    def _read_lines(self) -> None:
        assert self.engine is not None
        while True:
            with self._lock:
                self._reading = False
                self._lock.notify_all()
                self._lock.wait_for(lambda: self._lines or self._closed)
                if self._closed:
                    return
                text = self._lines.popleft()
                self._current = stop = threading.Event()
                self._reading = True
            try:
                self.engine.speak(text, rate=self.rate, stop=stop, language=self.language)
            except SpeechError as error:
                with self._lock:
                    self._failure = f"Self-voicing stopped: {error}"
                    self._lines.clear()
                    self._reading = False
                    self._lock.notify_all()
                return

    def _report_failure(self) -> None:
        if self._failure is not None:
            self._notice(self._failure)

    def _notice(self, text: str) -> None:
        if not self._warned:
            self._warned = True
            self._warn(text)


def system_voice(*, warn: Callable[[str], None], rate: float = 1.0) -> SelfVoicing:
    """The voice the game uses: this platform's engine, or none (one notice at the first line)."""
    return SelfVoicing(find_engine(), warn=warn, rate=rate)


# -- engines ------------------------------------------------------------------


#: The languages whose voice the engine is asked for (espeak-ng's `-v`, spd-say's `-l`): those the engine's
#: interface ships and espeak-ng has; English, and a language it lacks, keep the default voice.
VOICES = frozenset({"fr", "de", "es", "ja", "it", "pt", "nl", "cy"})


def voice_of(language: str) -> str:
    """The voice to ask for to read `language` (`fr_CA` -> `fr`); "" for the engine's default."""
    base = language.split("_")[0].lower()
    return base if base in VOICES else ""


class CommandEngine:
    """A text-to-speech command that reads its standard input (espeak-ng, espeak, spd-say, say)."""

    def __init__(self, name: str, program: str) -> None:
        self.name = name
        self.program = program

    def _command(self, rate: float, wav: Path | None, language: str = "") -> list[str]:
        words_a_minute = str(round(175 * rate))
        voice = voice_of(language)
        if self.name == "say":  # macOS names its voices (Thomas, Anna), not languages: the system's own voice
            out = ["-o", str(wav), "--data-format=LEI16@22050"] if wav else []
            return [self.program, "-r", words_a_minute, *out, "-f", "-"]
        if self.name == "spd-say":  # -100..100, 0 the normal pace; it cannot write files
            return [self.program, "-w", "-r", str(max(-100, min(100, round(100 * math.log2(rate))))), *(["-l", voice] if voice else []), "-e"]
        out = ["-w", str(wav)] if wav else []
        return [self.program, "-s", words_a_minute, *(["-v", voice] if voice else []), *out, "--stdin"]

    def speak(self, text: str, *, rate: float, stop: threading.Event, language: str = "") -> None:
        self._run(text, self._command(rate, None, language), stop)

    def to_wav(self, text: str, path: Path, *, rate: float) -> None:
        if self.name == "spd-say":
            raise SpeechError("spd-say cannot write a sound file")
        self._run(text, self._command(rate, path), threading.Event())

    def _run(self, text: str, command: list[str], stop: threading.Event) -> None:
        try:
            process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            assert process.stdin is not None and process.stderr is not None
            with process:
                process.stdin.write(text.encode("utf-8"))
                process.stdin.close()
                while process.poll() is None:
                    if stop.wait(POLL):
                        process.terminate()
                        if self.name == "spd-say":  # the speech server keeps reading what it was sent
                            subprocess.run([self.program, "-S"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=2, check=False)
                        return
                error = process.stderr.read().decode("utf-8", "replace").strip()
        except (OSError, subprocess.SubprocessError) as problem:
            raise SpeechError(f"{self.name} could not run ({problem})") from problem
        if process.returncode != 0:
            last = error.splitlines()[-1] if error else f"exit status {process.returncode}"
            raise SpeechError(f"{self.name} failed: {last}")


class Pyttsx3Engine:
    """pyttsx3 (SAPI on Windows), driven from the reading thread that created it."""

    name = "pyttsx3"

    def __init__(self, module) -> None:
        self._module = module
        self._engine = None
        self._normal_rate = 200.0

    def _ready(self):
        if self._engine is None:  # made on the thread that reads: SAPI objects belong to one thread
            try:
                self._engine = self._module.init()
                self._normal_rate = float(self._engine.getProperty("rate") or 200)
            except Exception as problem:  # pyttsx3 raises whatever its driver raises
                raise SpeechError(f"pyttsx3 could not start ({problem})") from problem
        return self._engine

    def speak(self, text: str, *, rate: float, stop: threading.Event, language: str = "") -> None:
        engine = self._ready()  # SAPI's voices are chosen in Windows' settings: `language` is not used
        try:
            engine.setProperty("rate", round(self._normal_rate * rate))
            engine.say(text)
            engine.startLoop(False)
            try:
                while engine.isBusy() and not stop.wait(POLL):
                    engine.iterate()
                if stop.is_set():
                    engine.stop()
            finally:
                engine.endLoop()
        except Exception as problem:
            raise SpeechError(f"pyttsx3 failed ({problem})") from problem

    def to_wav(self, text: str, path: Path, *, rate: float) -> None:
        engine = self._ready()
        try:
            engine.setProperty("rate", round(self._normal_rate * rate))
            engine.save_to_file(text, str(path))
            engine.runAndWait()
        except Exception as problem:
            raise SpeechError(f"pyttsx3 failed ({problem})") from problem


def find_engine(*, system: str | None = None, which: Callable[[str], str | None] = shutil.which) -> SpeechEngine | None:
    """This platform's text-to-speech, or None where there is none."""
    system = system or platform.system()
    if system == "Windows":
        try:
            import pyttsx3  # type: ignore[import-not-found]  # Windows only, optional
        except ImportError:
            return None
        return Pyttsx3Engine(pyttsx3)
    names = ("say",) if system == "Darwin" else ("espeak-ng", "espeak", "spd-say")
    for name in names:
        if program := which(name):
            return CommandEngine(name, program)
    return None


def speak_to_wav(text: str, path: Path, *, rate: float = 1.0, engine: SpeechEngine | None = None) -> Path:
    """Speak `text` through the real engine into the WAV file `path` (written whole or not at all)."""
    engine = engine or find_engine()
    if engine is None:
        raise SpeechError(NO_ENGINE)
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=path.parent) as scratch:
        spoken = Path(scratch) / path.name  # the engine writes here; the file is put in place whole
        engine.to_wav(_tidy(text), spoken, rate=rate)
        sound = spoken.read_bytes() if spoken.exists() else b""
    if not sound:
        raise SpeechError(f"{engine.name} wrote no sound")
    write_atomic(path, sound)
    return path
