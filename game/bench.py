"""`python main.py bench`: the project's performance figures, printed as one JSON object.

Figures are measured here, on this machine, with the dummy video driver
(software rendering); timings give the median and the 95th percentile.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from game import ROOT
from game.folder import GameFolder

if TYPE_CHECKING:
    from game.beats import Beat
    from game.playthrough import Playthrough

GENERATED_LINES = 10_000


def _summary(samples_ms: list[float]) -> dict[str, float]:
    ordered = sorted(samples_ms)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"median_ms": round(statistics.median(ordered), 5), "p95_ms": round(p95, 5), "runs": len(ordered)}


def _timed(action: Callable[[], object], runs: int) -> dict[str, float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return _summary(samples)


def generated_script(folder: Path, lines: int = GENERATED_LINES) -> Path:
    """Write a long scene file: `lines` narration lines in labelled blocks of 50, ending once."""
    steps = ["script:", "  - label: start", "  - background: hub_floor"]
    for number in range(lines):
        if number and number % 50 == 0:
            steps += [f"  - jump: block{number}", f"  - label: block{number}"]
        steps.append(f'  - "Line {number}: the Hub hums{{pause 0.2}} and the water turns."')
    steps.append("  - ending: Long")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "long.yaml").write_text("\n".join(steps) + "\n")
    return folder


def _loading(game: GameFolder) -> dict:
    from game.script import load_story

    with tempfile.TemporaryDirectory() as temporary:
        long_folder = generated_script(Path(temporary) / "scenes")
        return {
            "load_and_check_shipped_scenes": _timed(lambda: load_story(game=game), 15),
            "load_and_check_10000_line_script": _timed(lambda: load_story(long_folder), 5),
        }


def _rewind(_game: GameFolder) -> dict:
    """One rewind step deep in a 10,000-line playthrough."""
    from game.playthrough import Playthrough
    from game.script import load_story

    with tempfile.TemporaryDirectory() as temporary:
        story, _ = load_story(generated_script(Path(temporary) / "scenes"))
    play = Playthrough(story)
    start = time.perf_counter()
    while play.advance():
        pass
    advance_ms = (time.perf_counter() - start) * 1000 / len(play.beats)
    samples = []
    for _ in range(2000):
        begin = time.perf_counter()
        play.rewind()
        samples.append((time.perf_counter() - begin) * 1000)
    return {"rewind_step_at_line_10000": _summary(samples), "advance_step_mean_ms": round(advance_ms, 4), "playthrough_beats": len(play.beats)}


def _saves(_game: GameFolder) -> dict:
    """Saving and loading a 10,000-line playthrough, and showing sixty slots that each hold one.

    The quick save writes a real 320x180 thumbnail (made from a background
    beforehand: the time to draw and encode it is the game screen's, not the
    save's). The sixty slots are read by a fresh store each run, as the Load
    page's first draw would.
    """
    from game.playthrough import Playthrough
    from game.saves import SaveStore
    from game.script import load_story
    from game.userdata import PlayerFiles

    with tempfile.TemporaryDirectory() as temporary:
        story, _ = load_story(generated_script(Path(temporary) / "scenes"))
        play = Playthrough(story)
        while play.advance():
            pass
        files = PlayerFiles(Path(temporary) / "data", warn=lambda text: print(text, file=sys.stderr))
        store = SaveStore(files, story, "bench")
        thumbnail = _thumbnail_png()
        slots = [name for page in range(1, 11) for name in store.slot_names(page)]
        for name in slots:
            store.save(name, play, thumbnail_png=thumbnail)
        return {
            "quick_save_10000_line_playthrough_with_thumbnail": _timed(lambda: store.quick_save(play, thumbnail_png=thumbnail), 9),
            "load_10000_line_playthrough": _timed(lambda: store.quick_load(), 9),
            "slot_info_60_slots_of_10000_lines": _timed(lambda: [SaveStore(files, story, "bench").info(name) for name in slots], 9),
            "save_file_bytes_10000_lines": store.files.path("saves/quick.json").stat().st_size,
            "thumbnail_bytes": len(thumbnail),
        }


def _thumbnail_png() -> bytes:
    """A thumbnail as the game screen gives one: a background, 320x180, as PNG."""
    from io import BytesIO

    from PIL import Image

    picture = BytesIO()
    Image.open(ROOT / "art" / "backgrounds" / "hub_floor.png").convert("RGB").resize((320, 180)).save(picture, "PNG")
    return picture.getvalue()


def busiest_line(play: Playthrough, *, limit: int = 10_000) -> int:
    """The first beat with two sprites and a speaker, taking the first option at each choice; in a
    game that never shows so much (any game folder), the busiest beat before the ending."""

    def busy(beat: Beat) -> tuple[int, bool]:
        return min(len(beat.state.scene.sprites), 2), beat.speaker is not None

    best = play.index
    while busy(play.beats[best]) < (2, True) and len(play.beats) < limit:
        if not play.advance():
            if not play.at_choice:
                break  # an ending
            play.choose(0)
        if busy(play.current) > busy(play.beats[best]):
            best = play.index
    return best


def _frames(game: GameFolder) -> dict:
    """Render a line with a background, two sprites and a full text box, then idle at it."""
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ["SDL_AUDIODRIVER"] = "dummy"
    os.environ["HUB_DATA_DIR"] = tempfile.mkdtemp()
    from game.app import App
    from game.clock import ManualClock
    from game.script import load_story
    from game.ui.game_screen import GameScreen

    story, _ = load_story(game=game)
    clock = ManualClock()
    app = App(story, game, clock=clock)
    screen = GameScreen(app)
    app.show(screen)
    play = screen.playthrough
    play.go_to(busiest_line(play))
    screen._play(instant=True)
    clock.tick(60)  # long after the line appeared: nothing moves any more

    def render() -> None:
        screen.draw(app.window.canvas, clock.now())
        app.window.present()

    render_figures = _timed(render, 400)
    app.frame()
    cpu, wall = time.process_time(), time.perf_counter()
    while time.perf_counter() - wall < 3.0:
        app.frame()
        app.pause()
    idle = 100 * (time.process_time() - cpu) / (time.perf_counter() - wall)
    return {"frame_render": render_figures, "idle_cpu_percent_of_a_core": round(idle, 2), "sprites_in_frame": len(play.current.state.scene.sprites)}


def _startup(game: GameFolder) -> dict:
    """Wall time from launching `python main.py` to its first frame on screen (it then exits)."""
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "HUB_EXIT_AFTER_FIRST_FRAME": "1", "HUB_DATA_DIR": tempfile.mkdtemp()}
    command = [sys.executable, str(ROOT / "main.py"), "--game", str(game.root), "--scenes", str(game.scenes)]
    run = lambda: subprocess.run(command, env=env, check=True, capture_output=True)  # noqa: E731
    run()  # warm the OS file cache
    return {"startup_to_first_frame": _timed(run, 5)}


def run_bench(game: GameFolder) -> int:
    figures = {"machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]}}
    for part in (_loading, _rewind, _saves, _frames):
        figures.update(part(game))
    figures.update(_startup(game))
    print(json.dumps(figures, indent=2))
    return 0
