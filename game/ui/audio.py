"""Music and sound effects; with no sound device the game plays on in silence.

A sound whose name leads out of the game folder, or too long to load
(`game.media_bounds`), is silence with a notice, as a broken one is.

Music plays as whole `Sound`s on two reserved mixer channels, so a change of
track is a cross-fade: the old track fades out on one channel while the new one
fades in on the other (pygame's single music stream can only fade out, then in).
A piece of music is decoded on a thread of its own (pygame lets go of Python while
it decodes: 0.2 s for two minutes of Ogg), so the window never waits for it: the
loop's `update()` starts it once it is ready. Only the piece playing and the one
before it stay decoded (about 20 MB each).
"""

from __future__ import annotations

import sys
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pygame

from game.media_bounds import bounded_sound
from game.script.assets import sound_path
from game.script.model import Music

MUSIC_CHANNELS = 2  # channels 0 and 1 are kept for music; effects take the others
VOICE_CHANNEL = MUSIC_CHANNELS  # channel 2 is kept for a line's voice file
KEPT_PIECES = 2  # decoded pieces kept: the one playing and the one before (a change back is instant)


class Audio:
    """Plays music (one looping track at a time, cross-fading) and sound effects, or nothing when there is no device."""

    def __init__(self, root: Path, *, warn: Callable[[str], None] = lambda text: print(text, file=sys.stderr)) -> None:
        self.root = root
        self.warn = warn  # a sound that fails is silence with a notice
        self.track: str | None = None
        self.music_volume = 1.0
        self.sound_volume = 1.0
        self.voice_volume = 1.0
        self._sounds: dict[str, pygame.mixer.Sound] = {}
        self._music: OrderedDict[str, pygame.mixer.Sound] = OrderedDict()  # the latest used last
        self._playing: int | None = None  # the music channel the current track is on
        self._fading: int | None = None  # the music channel the track before is fading out on
        self._decoder = ThreadPoolExecutor(max_workers=1, thread_name_prefix="music")
        self._decoding: tuple[str, bool, int, Future[pygame.mixer.Sound]] | None = None  # (track, loop, fade ms, its Sound)
        try:
            pygame.mixer.init(frequency=44100, size=-16, channels=2, buffer=1024)
            pygame.mixer.set_num_channels(max(8, pygame.mixer.get_num_channels()))
            pygame.mixer.set_reserved(VOICE_CHANNEL + 1)
            self._channels = [pygame.mixer.Channel(i) for i in range(MUSIC_CHANNELS)]
            self._voice = pygame.mixer.Channel(VOICE_CHANNEL)
            self.enabled = True
        except pygame.error as error:
            self.warn(f"No sound device ({error}): playing silently.")
            self._channels = []
            self.enabled = False

    def music(self, change: Music) -> None:
        """Start, change or stop the music as a script step says, cross-fading over its fade time."""
        self.play_music(change.track, loop=change.loop, fade=change.fade)

    def play_music(self, track: str | None, *, loop: bool = True, fade: float = 0.3) -> None:
        """Cross-fade to `track` (None: fade the music out) over `fade` seconds; the same track carries on.
        A piece not yet decoded starts when `update()` finds it ready."""
        if track == self.track:
            return
        self.track = track
        self._decoding = None  # a piece still decoding is no longer wanted
        if not self.enabled:
            return
        ms = max(0, int(fade * 1000))
        if self._playing is not None:
            self._fade_out(self._channels[self._playing], ms)
            self._fading, self._playing = self._playing, None
        if track is None:
            return
        if track in self._music:
            self._start(track, self._music[track], loop, ms)
            return
        try:
            path = bounded_sound(sound_path(self.root, track))
            if not path.is_file():
                raise FileNotFoundError(f"no file audio/{track}.ogg or .wav")
        except (OSError, ValueError) as error:
            self.warn(f"Cannot play the music '{track}': {error}")
            return
        self._decoding = (track, loop, ms, self._decoder.submit(pygame.mixer.Sound, str(path)))

    def update(self, *, wait: bool = False) -> None:
        """Start the piece asked for once it is decoded (the loop calls this every frame; `wait` blocks until then)."""
        if self._decoding is None or not (wait or self._decoding[3].done()):
            return
        (track, loop, ms, decoded), self._decoding = self._decoding, None
        try:
            sound = decoded.result()
        except (pygame.error, OSError, ValueError) as error:
            self.warn(f"Cannot play the music '{track}': {error}")
            return
        if track == self.track:
            self._start(track, sound, loop, ms)

    def _start(self, track: str, sound: pygame.mixer.Sound, loop: bool, ms: int) -> None:
        """`sound` fading in on the music channel that is not fading out; kept decoded among the latest pieces."""
        self._music[track] = sound
        self._music.move_to_end(track)
        while len(self._music) > KEPT_PIECES:
            self._music.popitem(last=False)
        channel_index = 0 if self._fading is None else 1 - self._fading
        channel = self._channels[channel_index]
        channel.stop()  # it may still be fading out the track before last
        channel.set_volume(self.music_volume)
        channel.play(sound, loops=-1 if loop else 0, fade_ms=ms)
        self._playing = channel_index

    def set_volumes(self, *, music: float, sound: float) -> None:
        """Music and effect volumes, 0..1 (0 for mute), applied at once."""
        self.music_volume, self.sound_volume = music, sound
        if self.enabled and self._playing is not None:
            self._channels[self._playing].set_volume(music)
        for effect in self._sounds.values():
            effect.set_volume(sound)

    def sound(self, name: str) -> None:
        if not self.enabled:
            return
        try:
            if name not in self._sounds:
                self._sounds[name] = pygame.mixer.Sound(str(bounded_sound(sound_path(self.root, name))))
                self._sounds[name].set_volume(self.sound_volume)
            self._sounds[name].play()
        except (pygame.error, OSError, ValueError) as error:
            self._sounds.pop(name, None)
            self.warn(f"Cannot play the sound '{name}': {error}")

    def voice(self, name: str | None) -> bool:
        """Play the voice file `audio/voice/NAME` (None: fall silent); a new voice cuts the last one off.

        True when it plays (False with no sound device, or a file that will not play: a notice)."""
        if not self.enabled:
            return False
        self._voice.stop()
        if name is None:
            return False
        try:
            sound = pygame.mixer.Sound(str(bounded_sound(sound_path(self.root, f"voice/{name}"))))
        except (pygame.error, OSError, ValueError) as error:
            self.warn(f"Cannot play the voice '{name}': {error}")
            return False
        self._voice.set_volume(self.voice_volume)
        self._voice.play(sound)
        return True

    def set_voice_volume(self, volume: float) -> None:
        self.voice_volume = volume
        if self.enabled:
            self._voice.set_volume(volume)

    def close(self) -> None:
        """No more decoding (a piece half decoded is dropped)."""
        self._decoder.shutdown(wait=False, cancel_futures=True)

    @staticmethod
    def _fade_out(channel: pygame.mixer.Channel, ms: int) -> None:
        if ms:
            channel.fadeout(ms)
        else:
            channel.stop()
