"""Settings: defaults, a round trip, values brought into range, wrong ones and a corrupt file met with a notice."""

from __future__ import annotations

import json
from dataclasses import asdict, fields, replace

import pytest

from game.settings import FILE_NAME, FONTS, RANGES, Settings, SettingsFile, declared
from game.userdata import PlayerFiles, data_dir
from tests.unit.test_userdata import Warnings


def settings_file() -> tuple[SettingsFile, Warnings]:
    warnings = Warnings()
    return SettingsFile(PlayerFiles(data_dir(), warn=warnings)), warnings


def write(data: object) -> None:
    data_dir().mkdir(parents=True, exist_ok=True)
    (data_dir() / FILE_NAME).write_text(json.dumps(data) if not isinstance(data, str) else data)


def test_the_defaults_are_the_briefs():
    """Every field has its default; nothing else is in the dataclass."""
    assert Settings() == Settings(
        text_cps=45.0, auto_delay=1.0, music_volume=0.8, sound_volume=0.8, mute=False, fullscreen=False,
        skip_unseen=False, skip_after_choice=False, transitions=True, self_voicing=False, speech_rate=1.0,
        voice_volume=0.8, text_scale=1.0, line_spacing=1.0, font="game", high_contrast=False, reduce_motion=False,
    )  # fmt: skip


def test_every_setting_declares_itself_on_one_page():
    """Each field of Settings is declared (label, kind, page, values); the pages' rows are those declarations."""
    names = [f.name for f in fields(Settings)]
    assert [d.field for d in declared()] == names
    assert sorted(d.field for d in declared("settings") + declared("accessibility")) == sorted(names)  # each on one page
    assert declared("settings")[-1].field == "language"  # the "Settings page has a Language row"
    for setting in declared():
        assert setting.label and getattr(Settings(), setting.field) in setting.values or setting.kind == "slider", setting.field
        if setting.kind == "slider":
            low, high = RANGES[setting.field]
            assert all(low <= value <= high for value in setting.values) and setting.describe(setting.values[0])
        else:
                assert setting.labels is not None and len(setting.labels) == len(setting.values) >= (1 if setting.open else 2)  # open: the game's languages join it
    assert FONTS == next(d.values for d in declared() if d.field == "font")


def test_ranges_come_from_the_sliders():
    assert set(RANGES) == {d.field for d in declared() if d.kind == "slider"}


def test_no_file_gives_the_defaults_quietly():
    """With nothing saved yet the defaults are used and nothing is said."""
    store, warnings = settings_file()
    assert store.load() == Settings() and warnings == []


def test_settings_are_kept_across_runs():
    """What is saved is what the next run loads."""
    store, _ = settings_file()
    chosen = Settings(text_cps=0.0, music_volume=0.25, mute=True, skip_unseen=True, transitions=False, font="dyslexic")
    assert store.save(chosen)
    assert settings_file()[0].load() == chosen


def test_numbers_out_of_range_are_brought_into_it():
    """A volume of 7 becomes 1, a negative speed 0: clamped, not refused."""
    write({"format": 1, "settings": {"music_volume": 7, "text_cps": -3, "auto_delay": 100}})
    store, warnings = settings_file()
    loaded = store.load()
    assert (loaded.music_volume, loaded.text_cps, loaded.auto_delay) == (1.0, 0.0, RANGES["auto_delay"][1])
    assert warnings == []


def test_clamped_brings_every_number_into_range():
    """Settings.clamped (for the pages' sliders) keeps each number within its range."""
    assert Settings(sound_volume=-1.0, text_scale=9.0).clamped() == Settings(sound_volume=0.0, text_scale=2.0)


def test_wrong_values_fall_back_to_their_defaults_with_a_notice():
    """A value of the wrong kind is not used (1 is not True, "loud" not a volume); the rest of the file is."""
    write({"format": 1, "settings": {"mute": 1, "music_volume": "loud", "font": "comic", "text_cps": float("nan"), "sound_volume": 0.5, "later": 3}})
    store, warnings = settings_file()
    loaded = store.load()
    assert loaded == Settings(sound_volume=0.5)
    assert len(warnings) == 1 and all(name in warnings[0] for name in ("mute", "music_volume", "font", "text_cps"))
    assert (data_dir() / FILE_NAME).exists()


@pytest.mark.parametrize("content", ["{not json", "[]", '{"settings": []}', '{"music_volume": 0.5}'])
def test_a_corrupt_settings_file_is_set_aside_and_the_defaults_used(content):
    """A file that is not settings is moved to settings.json.broken-1 with a notice; the defaults are used."""
    write(content)
    store, warnings = settings_file()
    assert store.load() == Settings()
    assert len(warnings) == 1 and "settings.json.broken-1" in warnings[0]
    assert (data_dir() / "settings.json.broken-1").read_text() == content


def test_settings_that_cannot_be_written_say_so_once():
    """With a folder in the way, saving returns False after one notice."""
    (data_dir() / FILE_NAME).mkdir(parents=True)
    store, warnings = settings_file()
    assert store.save(Settings(mute=True)) is False
    assert store.save(Settings(mute=False)) is False
    assert len(warnings) == 1


def test_a_number_too_large_for_a_float_falls_back_to_its_default():
    """1e999 written as a 400-digit integer is no OverflowError: that setting's default, a notice naming the file."""
    write('{"format": 1, "settings": {"music_volume": ' + "1" * 400 + ', "text_cps": -' + "9" * 400 + ', "sound_volume": 0.5}}')
    store, warnings = settings_file()
    loaded = store.load()
    assert loaded == Settings(sound_volume=0.5)
    assert len(warnings) == 1 and FILE_NAME in warnings[0] and "music_volume" in warnings[0] and "text_cps" in warnings[0]


def test_a_newer_versions_settings_are_kept_when_saving():
    """Keys this version does not know (and a newer format's other data) are written back as they were read."""
    newer = {"format": 3, "settings": {"music_volume": 0.5, "haptics": {"strength": 2}, "later": [1, 2]}, "profiles": {"a": 1}}
    write(newer)
    store, warnings = settings_file()
    loaded = store.load()
    assert loaded == Settings(music_volume=0.5) and warnings == []
    assert store.save(replace(loaded, mute=True))
    written = json.loads((data_dir() / FILE_NAME).read_text())
    assert written["format"] == 3 and written["profiles"] == {"a": 1}
    assert written["settings"]["haptics"] == {"strength": 2} and written["settings"]["later"] == [1, 2]
    assert written["settings"]["mute"] is True and written["settings"]["music_volume"] == 0.5
    assert settings_file()[0].load() == replace(loaded, mute=True)


def test_this_versions_file_is_written_in_this_versions_format():
    store, _ = settings_file()
    assert store.save(Settings())
    written = json.loads((data_dir() / FILE_NAME).read_text())
    assert written == {"format": 1, "settings": asdict(Settings())}
