"""Music changes cross-fade: the old track fades out on one channel while the new one fades in on the other."""

from __future__ import annotations

import time

import pygame
import pytest

from game import ROOT
from game.ui.audio import MUSIC_CHANNELS, Audio


@pytest.fixture
def audio():
    made = Audio(ROOT)
    if not made.enabled:
        pytest.skip("no audio driver here, not even the dummy one")
    yield made
    pygame.mixer.quit()


def test_a_change_of_track_overlaps_the_two(audio):
    """Mid-change both music channels sound: one fading out, the other fading in; then only the new one."""
    audio.play_music("theme", fade=0.0)
    first = audio._channels[audio._playing]
    assert first.get_busy() and first.get_sound().get_length() == pytest.approx(123.75, abs=0.05)
    audio.play_music("theme_alone", fade=0.6)
    second = audio._channels[audio._playing]
    assert second is not first
    assert first.get_busy() and second.get_busy()
    assert second.get_sound().get_length() == pytest.approx(97.78, abs=0.05)
    deadline = time.monotonic() + 3.0
    while first.get_busy() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not first.get_busy() and second.get_busy()


def test_music_stays_off_the_effects_channels_and_stops(audio):
    """Effects never take a music channel; None fades the music out; the same track again changes nothing."""
    audio.play_music("theme", fade=0.0)
    playing = audio._channels[audio._playing]
    audio.play_music("theme", fade=0.0)
    assert audio._channels[audio._playing] is playing and playing.get_busy()
    for _ in range(6):
        audio.sound("ui_click")
    assert all(ch.get_sound() is None or ch.get_sound().get_length() > 1 for ch in audio._channels[:MUSIC_CHANNELS])
    audio.play_music(None, fade=0.0)
    assert audio.track is None and not any(ch.get_busy() for ch in audio._channels)


def test_a_missing_track_is_a_warning_not_a_crash(audio, capsys):
    audio.play_music("no_such_track")
    assert "Cannot play the music 'no_such_track'" in capsys.readouterr().err
