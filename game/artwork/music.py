"""The four pieces of music, written as scores in code and rendered with the modelled instruments.

Why numpy synthesis and not MIDI through FluidSynth and a General MIDI
SoundFont: the generator must give the same bytes on every machine so a test
can hold the committed files to it, and CI has to rebuild them within its time.
numpy is already the generator's dependency; FluidSynth and
fluid-soundfont-gm are two more Debian packages (the SoundFont alone a 120 MB
download, 142 MB installed) that CI would have to fetch on every run, and
their output depends on the FluidSynth version's interpolation and effects,
outside the repository. The instruments in `instruments.py` model what the ear takes for a
piano (stretched partials, each with its own decay, a felt hammer, dampers)
and a string section (detuned players, delayed vibrato, slow bows); a
SoundFont would buy more realistic samples at the cost of reproducibility.

A piece is a list of sections. A section is a run of bars: its chords (one
symbol a bar, `F,G` for two in a bar), its melody in note names and beats
(`E5:1.5 D5:.5 -:1`, `-` a rest), who plays the melody (piano, strings or
celesta), and the accompaniment's textures (a string pad, piano arpeggios or
block chords, a drone, a bass). The pieces are built A A' B A'': the return of
A is ornamented (passing notes, anticipations), given to another instrument
and voiced anew, so a piece runs past 90 s before anything repeats. The
whole piece is one loop: every note that rings past the end is laid over the
start, and the reverb is circular, so the end runs into the beginning.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import numpy as np

from game.artwork import instruments
from game.artwork.dsp import RATE, fft_length, highpass, lowpass, pan, place, reverb, seconds, spectral

NAMES = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}
QUALITIES = {"": (0, 4, 7), "m": (0, 3, 7), "7": (0, 4, 7, 10), "m7": (0, 3, 7, 10), "maj7": (0, 4, 7, 11),
             "sus4": (0, 5, 7), "sus2": (0, 2, 7), "add9": (0, 4, 7, 14), "madd9": (0, 3, 7, 14), "5": (0, 7)}
CHORD = re.compile(r"([A-G])([#b]?)(m7|maj7|madd9|m|7|sus4|sus2|add9|5)?(?:/([A-G][#b]?))?$")
NOTE = re.compile(r"([A-G])([#b]?)(\d)$")


def pitch(name: str) -> int:
    """A note name with its octave (`C4` is middle C, 60) as a MIDI number."""
    match = NOTE.match(name)
    if not match:
        raise ValueError(f"not a note: {name!r}")
    letter, accidental, octave = match.groups()
    return 12 * (int(octave) + 1) + NAMES[letter] + {"#": 1, "b": -1, "": 0}[accidental]


@dataclass(frozen=True)
class Chord:
    root: int  # pitch class 0..11
    tones: tuple[int, ...]  # intervals above the root
    bass: int  # pitch class of the lowest note

    @staticmethod
    def parse(symbol: str) -> Chord:
        match = CHORD.match(symbol)
        if not match:
            raise ValueError(f"not a chord: {symbol!r}")
        letter, accidental, quality, over = match.groups()
        root = (NAMES[letter] + {"#": 1, "b": -1, "": 0}[accidental]) % 12
        bass = root if not over else (NAMES[over[0]] + {"#": 1, "b": -1, "": 0}[over[1:]]) % 12
        return Chord(root, QUALITIES[quality or ""], bass)

    def close(self, low: int) -> list[int]:
        """The chord's tones packed into the octave from `low` up."""
        return sorted(low + (self.root + i - low) % 12 for i in self.tones)

    def open(self, low: int) -> list[int]:
        """Spread wide: the bass note from `low`, then fifth, the third a tenth up, any seventh or ninth on top."""
        base = low + (self.bass - low) % 12
        root = base + (self.root - self.bass) % 12
        third = [i for i in self.tones if i in (2, 3, 4, 5)]
        extra = [i for i in self.tones if i >= 10]
        notes = [base, root + 7, root + 12 + (third[0] if third else 12)] + [root + 12 + i for i in extra]
        return sorted(set(notes))


@dataclass(frozen=True)
class Note:
    beat: float  # from the start of the piece
    pitch: int
    beats: float
    velocity: float


@dataclass(frozen=True)
class Section:
    chords: str
    melody: str = ""
    lead: str = "piano"  # piano | strings | celesta
    textures: tuple[str, ...] = ("pad", "bass")  # pad, high_pad, drone, arpeggio, broken, block, bass
    octave: int = 0  # the melody moved by octaves
    ornament: bool = False  # passing notes and anticipations added to the melody
    answer: str = ""  # a celesta line over the melody, in the same notation
    loud: float = 1.0


@dataclass(frozen=True)
class Piece:
    tempo: float  # beats a minute
    meter: int  # beats a bar
    scale: tuple[int, ...]  # pitch classes, for ornaments
    sections: tuple[Section, ...]
    seed: int
    brightness: float = 3200.0  # the string section's low-pass, Hz
    room: float = 0.26  # reverb mix

    @property
    def beat(self) -> float:
        return 60.0 / self.tempo

    @property
    def bars(self) -> int:
        return sum(len(section.chords.split()) for section in self.sections)

    @property
    def length(self) -> float:
        return self.bars * self.meter * self.beat


def line(text: str, start: float, *, octave: int = 0, velocity: float = 0.55) -> list[Note]:
    """A melody in `NAME:beats` tokens from `start` (beats); `-` rests. Velocity follows the contour a little."""
    notes, at = [], start
    for token in text.split():
        name, _, beats = token.partition(":")
        length = float(beats or 1)
        if name != "-":
            p = pitch(name) + 12 * octave
            notes.append(Note(at, p, length, velocity + 0.006 * (p - 72) + 0.05 * min(length, 2) / 2))
        at += length
    return notes


def ornamented(notes: list[Note], scale: tuple[int, ...]) -> list[Note]:
    """The melody varied: a passing note through each leap of a third, an anticipation before a held step."""
    out: list[Note] = []
    for note, after in zip(notes, notes[1:] + [None]):
        joined = after is not None and abs(after.beat - (note.beat + note.beats)) < 1e-6
        gap = after.pitch - note.pitch if after is not None else 0
        if joined and after and note.beats >= 1 and abs(gap) in (3, 4):
            step = 1 if gap > 0 else -1
            between = next(p for p in range(note.pitch + step, after.pitch, step) if p % 12 in scale)
            out += [Note(note.beat, note.pitch, note.beats - 0.5, note.velocity),
                    Note(note.beat + note.beats - 0.5, between, 0.5, note.velocity * 0.85)]
        elif joined and after and note.beats >= 1.5 and abs(gap) in (1, 2):
            out += [Note(note.beat, note.pitch, note.beats - 0.5, note.velocity),
                    Note(note.beat + note.beats - 0.5, after.pitch, 0.5, note.velocity * 0.8)]
        else:
            out.append(note)
    return out


def bar_chords(section: Section, meter: int) -> list[tuple[float, float, Chord]]:
    """(beat in the section, beats, chord) for each chord; `F,G` halves a bar."""
    out = []
    for bar, symbol in enumerate(section.chords.split()):
        parts = symbol.split(",")
        for i, part in enumerate(parts):
            out.append((bar * meter + i * meter / len(parts), meter / len(parts), Chord.parse(part)))
    return out


class Score:
    """The notes of a piece per instrument, in seconds, before they are rendered."""

    def __init__(self, piece: Piece):
        self.piece = piece
        self.rng = np.random.default_rng(piece.seed)
        self.piano: list[tuple[float, int, float, float]] = []  # start s, pitch, held s, velocity
        self.strings: list[tuple[float, int, float, float]] = []
        self.pads: list[tuple[float, int, float, float]] = []  # strings holding the harmony, tied across bars
        self.celesta: list[tuple[float, int, float]] = []
        self.bass: list[tuple[float, int, float, float]] = []

    def add(self, who: str, beat: float, note: int, beats: float, velocity: float) -> None:
        b = self.piece.beat
        start = beat * b + (self.rng.normal(0, 0.008) if who == "piano" else 0.0)  # a player's timing, not a grid's
        velocity = float(np.clip(velocity * self.rng.uniform(0.94, 1.06), 0.05, 1.0))
        if who == "celesta":
            self.celesta.append((start, note, velocity))
        else:
            getattr(self, who).append((start, note, beats * b, velocity))

    def stretch(self, factor: float) -> None:
        """Every start time multiplied by `factor`."""
        self.piano = [(start * factor, *rest) for start, *rest in self.piano]  # type: ignore[misc]
        self.strings = [(start * factor, *rest) for start, *rest in self.strings]  # type: ignore[misc]
        self.pads = [(start * factor, *rest) for start, *rest in self.pads]  # type: ignore[misc]
        self.celesta = [(start * factor, *rest) for start, *rest in self.celesta]  # type: ignore[misc]
        self.bass = [(start * factor, *rest) for start, *rest in self.bass]  # type: ignore[misc]

    def tied_pads(self) -> list[tuple[float, int, float, float]]:
        """The pad's notes with each one that the next chord keeps held on (one bow) instead of played again."""
        tied: list[tuple[float, int, float, float]] = []
        ends: list[float] = []  # where each tied note's last bar ends as written (a pad note is held 2 % over)
        for start, note, held, velocity in sorted(self.pads, key=lambda item: (item[1], item[0])):
            if tied and tied[-1][1] == note and abs(ends[-1] - start) < 0.02:
                first, _, _, level = tied[-1]
                tied[-1] = (first, note, start + held - first, (level + velocity) / 2)
                ends[-1] = start + held / 1.02
            else:
                tied.append((start, note, held, velocity))
                ends.append(start + held / 1.02)
        return tied

    def section(self, section: Section, start: float) -> None:
        meter = self.piece.meter
        for beat, beats, chord in bar_chords(section, meter):
            self.accompany(section, chord, start + beat, beats)
        melody = line(section.melody, start, octave=section.octave)
        written = len(section.chords.split()) * meter
        if section.melody and abs(sum(float(t.partition(":")[2] or 1) for t in section.melody.split()) - written) > 1e-6:
            raise ValueError(f"the melody over {section.chords!r} does not fill its {written} beats")
        if section.ornament:
            melody = ornamented(melody, self.piece.scale)
        phrase = 4 * meter  # four-bar phrases, each rising to its middle and falling away
        for note in melody:
            legato = 1.08 if section.lead == "strings" else 0.95
            arch = 0.92 + 0.16 * np.sin(np.pi * ((note.beat - start) % phrase) / phrase)
            self.add(section.lead, note.beat, note.pitch, note.beats * legato, note.velocity * section.loud * arch)
        for note in line(section.answer, start, velocity=0.4):
            self.add("celesta", note.beat, note.pitch, note.beats, note.velocity)

    def accompany(self, section: Section, chord: Chord, at: float, beats: float) -> None:
        loud = section.loud
        if "pad" in section.textures:
            for p in chord.close(53):
                self.add("pads", at, p, beats * 1.02, 0.2 * loud)
        if "high_pad" in section.textures:
            for p in chord.close(64):
                self.add("pads", at, p, beats * 1.02, 0.14 * loud)
        if "drone" in section.textures:
            low = 38 + (chord.bass - 38) % 12  # the bass note and its fifth, low and open
            for p in (low, low + 7):
                self.add("pads", at, p, beats * 1.02, 0.2 * loud)
        if "bass" in section.textures:
            self.add("bass", at, 36 + (chord.bass - 36) % 12, beats * 0.97, 0.6 * loud)
        if "arpeggio" in section.textures:  # eighths rising and falling through an open voicing, pedalled
            tones = chord.open(45)
            tones = tones + [tones[1] + 12]
            order = [0, 1, 2, 3, 2, 1, 2, 1]
            for i in range(int(beats * 2)):
                p = tones[order[i % len(order)] % len(tones)]
                self.add("piano", at + i * 0.5, p, min(2.0, beats - i * 0.5), (0.34 if i % 4 == 0 else 0.26) * loud)
        if "broken" in section.textures:  # quarter notes: the bass, then the chord's upper notes in turn
            tones = chord.open(43)
            for i in range(int(beats)):
                p = tones[0] if i == 0 else tones[1 + (i - 1) % (len(tones) - 1)]
                self.add("piano", at + i, p, beats - i, 0.3 * loud)
        if "block" in section.textures:  # the chord struck softly and held, spread differently from the pad
            for p in chord.open(41)[:3] + chord.close(57)[1:]:
                self.add("piano", at, p, beats * 0.95, 0.24 * loud)


def render(piece: Piece) -> np.ndarray:
    """The piece as a seamless stereo loop (the whole piece), before levelling."""
    score = Score(piece)
    at = 0.0
    for section in piece.sections:
        score.section(section, at)
        at += len(section.chords.split()) * piece.meter
    n = fft_length(seconds(piece.length))  # a few samples longer at most: the filters' FFTs stay quick
    keys, bows, bars, low = (np.zeros((n, 2)) for _ in range(4))
    q = _quantised
    stretch = n / (piece.length * RATE)  # the score's times moved onto the loop's exact length
    score.stretch(stretch)
    for start, note, held, velocity in score.piano:
        place(keys, pan(instruments.piano(note, q(held), q(velocity)), (note - 64) / 48), start, wrap=True)
    for i, (start, note, held, velocity) in enumerate(score.strings + score.tied_pads()):
        place(bows, instruments.strings(note, q(held), q(velocity), i % 5), start - 0.08, wrap=True)
    for start, note, velocity in score.celesta:
        place(bars, pan(instruments.celesta(note, q(velocity)), float(score.rng.uniform(-0.6, 0.6))), start, wrap=True)
    for start, note, held, velocity in score.bass:
        place(low, pan(instruments.bass(note, q(held), q(velocity)), 0.0), start, wrap=True)
    bows = highpass(_body(lowpass(bows, piece.brightness, order=2)), 90)
    mix = keys * 0.9 + bows * 0.55 + bars * 0.6 + lowpass(low, 600) * 0.35
    return reverb(lowpass(mix, 12000), decay=3.0, mix=piece.room, seed=piece.seed, tone=6500)


def _quantised(value: float) -> float:
    """Rounded to 1/16, so notes alike are rendered once (the instruments' caches)."""
    return round(value * 16) / 16


def _body(signal: np.ndarray) -> np.ndarray:
    """A string body's broad resonances: a lift near 300 Hz and 2.5 kHz, a dip between."""
    def gain(f: np.ndarray) -> np.ndarray:
        return (1 + 0.5 * np.exp(-0.5 * ((f - 300) / 120) ** 2) + 0.35 * np.exp(-0.5 * ((f - 2500) / 700) ** 2)
                - 0.25 * np.exp(-0.5 * ((f - 1200) / 300) ** 2))
    return spectral(signal, gain)


A_MINOR = (9, 11, 0, 2, 4, 5, 7)
D_MINOR = (2, 4, 5, 7, 9, 10, 0)
F_MAJOR = (5, 7, 9, 10, 0, 2, 4)


# The main tunes, each heard again (re-voiced, re-orchestrated) later in its piece.
THEME_A = ("E5:1.5 D5:.5 C5:1 B4:1 C5:1.5 A4:.5 A4:2 G4:1 C5:1 E5:1.5 D5:.5 D5:3 -:1 "
           "E5:1.5 F5:.5 E5:1 C5:1 A4:1.5 C5:.5 F5:2 E5:1 D5:1 C5:1 A4:1 B4:3 -:1")
ALONE_A = "-:1 A5:2 F5:1 E5:3 D5:1 -:1 D6:1.5 C6:.5 A5:1 G5:3 -:1 F5:1.5 E5:.5 D5:1 A4:1 C#5:3 -:1"
TRUTH_A = ("A4:1 C5:1 D5:1.5 C5:.5 Bb4:1 A4:1 F4:2 A4:1 C5:1 F5:1.5 E5:.5 E5:2 C5:1 -:1 "
           "D5:1 F5:1 A5:1.5 G5:.5 F5:1 D5:1 Bb4:2 Bb4:1 A4:1 G4:1 Bb4:1 A4:3 -:1")


THEME = Piece(tempo=66, meter=4, scale=A_MINOR, seed=1, sections=(
    Section("Am F", textures=("pad", "arpeggio", "bass"), loud=0.7),
    Section("Am F C G Am F Dm E", textures=("pad", "arpeggio", "bass"),
            melody=THEME_A),
    Section("Am F C G Am F Dm,E Am", lead="strings", ornament=True, textures=("broken", "bass"),
            melody="E5:1.5 D5:.5 C5:1 B4:1 C5:1.5 A4:.5 A4:2 G4:1 C5:1 E5:1.5 D5:.5 D5:3 -:1 "
                   "E5:1.5 F5:.5 E5:1 C5:1 A4:1.5 C5:.5 F5:2 E5:1 D5:1 C5:1 B4:1 A4:3 -:1",
            answer="-:2 E6:2 -:4 -:2 A6:2 -:4 -:2 G6:2 -:4 -:2 F6:2 -:4"),
    Section("F G Em Am Dm G C E", textures=("high_pad", "broken", "bass"), loud=1.08,
            melody="A5:1.5 G5:.5 F5:1 E5:1 D5:1.5 E5:.5 G5:2 G5:1 E5:1 B4:1.5 C5:.5 C5:3 -:1 "
                   "F5:1.5 E5:.5 D5:1 F5:1 D5:1 G5:1 F5:1.5 E5:.5 E5:2 D5:1 C5:1 B4:2 G#4:1 B4:1"),
    Section("Am F C G Am F Dm E", octave=-1, ornament=True, textures=("block", "pad"), loud=0.85,
            melody=THEME_A,
            answer="-:4 -:4 -:4 -:2 B5:2 -:4 -:4 -:4 -:2 G#5:2"),
))

THEME_ALONE = Piece(tempo=54, meter=4, scale=D_MINOR, seed=2, brightness=2600, room=0.36, sections=(
    Section("Dm Dm", textures=("drone",), answer="-:2 A6:2 -:4", loud=0.8),
    Section("Dm Gm/D Dm Bb/D Dm A/C#", textures=("drone", "high_pad"),
            melody=ALONE_A),
    Section("Dm Gm/D Dm Bb/D Dm A/C#", lead="celesta", ornament=True, textures=("drone", "pad"),
            melody=ALONE_A),
    Section("Bb F/A Gm A", lead="strings", textures=("drone", "broken"), loud=0.9,
            melody="D5:2 F5:2 E5:1.5 C5:.5 A4:2 Bb4:1 D5:1 G5:2 E5:2 C#5:2"),
    Section("Dm Bb Gm A", textures=("high_pad",), loud=0.75,
            melody="-:1 A5:2 F5:1 E5:3 D5:1 -:1 G5:1.5 F5:.5 D5:1 E5:2 -:2"),
))

THEME_TRUTH = Piece(tempo=72, meter=4, scale=D_MINOR, seed=3, sections=(
    Section("Dm", textures=("pad", "arpeggio"), loud=0.95),
    Section("Dm Bb F C Dm Bb Gm A", textures=("pad", "arpeggio", "bass"),
            melody=TRUTH_A),
    Section("Dm Bb F C Dm Bb Gm A", lead="strings", ornament=True, textures=("arpeggio", "bass"),
            melody=TRUTH_A,
            answer="-:4 -:2 D6:2 -:4 -:2 C6:2 -:4 -:2 F6:2 -:4 -:2 E6:2"),
    Section("F C/E Dm Bb F/C C Bb C", textures=("high_pad", "broken", "bass"), loud=1.1,
            melody="C5:1.5 F5:.5 A5:2 G5:1 E5:1 C5:2 D5:1 F5:1 A5:1.5 G5:.5 F5:3 -:1 "
                   "A5:1.5 G5:.5 F5:1 C5:1 E5:1.5 D5:.5 C5:2 D5:1 F5:1 Bb5:1.5 A5:.5 G5:2 E5:1 -:1"),
    Section("Dm Bb Gm A", textures=("block", "pad"), loud=0.8,
            melody="A4:1 C5:1 D5:2 F5:1.5 E5:.5 D5:2 Bb4:1 A4:1 G4:1 E4:1 A4:3 -:1"),
))

THEME_STAY = Piece(tempo=66, meter=4, scale=F_MAJOR, seed=4, brightness=3600, room=0.24, sections=(
    Section("F", textures=("pad", "arpeggio"), loud=0.8),
    Section("F C/E Dm Bb F/C Bbm F C", textures=("pad", "arpeggio", "bass"),
            melody="C5:1 F5:1 A5:1.5 G5:.5 G5:2 E5:1 C5:1 D5:1 F5:1 A5:1 C6:1 Bb5:2 A5:1 F5:1 "
                   "A5:1.5 G5:.5 F5:1 C5:1 Db5:2 F5:1 Db5:1 C5:2 A4:1 F4:1 G4:3 -:1"),
    Section("F C/E Dm Bb F/C Bbm F,C F", lead="strings", ornament=True, textures=("arpeggio", "bass"),
            melody="C5:1 F5:1 A5:1.5 G5:.5 G5:2 E5:1 C5:1 D5:1 F5:1 A5:1 C6:1 Bb5:2 A5:1 F5:1 "
                   "A5:1.5 G5:.5 F5:1 C5:1 Db5:2 F5:1 Db5:1 C5:2 E5:1 G5:1 F5:3 -:1",
            answer="-:4 -:2 C7:2 -:4 -:2 D7:2 -:4 -:2 Db7:2 -:4 -:2 A6:2"),
    Section("Dm Am Bb F Gm C", textures=("high_pad", "broken", "bass"), loud=1.05,
            melody="F5:1.5 E5:.5 D5:1 A4:1 C5:1.5 Bb4:.5 A4:2 D5:1 F5:1 Bb5:1.5 A5:.5 A5:2 F5:2 "
                   "G5:1 Bb5:1 D6:1.5 C6:.5 C6:2 Bb5:1 G5:1"),
    Section("F C/E Bbm,C F", octave=-1, textures=("block", "pad"), loud=0.85,
            melody="C5:1 F5:1 A5:2 G5:1.5 E5:.5 C5:2 Db5:1 F5:1 E5:1 G5:1 F5:3 -:1",
            answer="-:4 -:4 -:4 -:2 C7:2"),
))

PIECES: dict[str, Piece] = {"theme": THEME, "theme_alone": THEME_ALONE, "theme_truth": THEME_TRUTH, "theme_stay": THEME_STAY}


def makers() -> dict[str, Callable[[], np.ndarray]]:
    """Each piece by name, as a function that renders it."""
    return {name: partial(render, piece) for name, piece in PIECES.items()}
