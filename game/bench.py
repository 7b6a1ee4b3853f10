"""`python main.py bench`: the project's performance figures, printed as one JSON object.

Figures are measured here, on this machine, with the dummy video driver
(software rendering); timings give the median and the 95th percentile.
"""

from __future__ import annotations

import json
import os
import re
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


def generated_script(folder: Path, lines: int = GENERATED_LINES, *, per_file: int = 10_000) -> Path:
    """Write a long story: `lines` narration lines in labelled blocks of 50, ending once; a file
    for each `per_file` lines (a scene file may hold at most `game.limits.MAX_SCENE_BYTES`)."""
    folder.mkdir(parents=True, exist_ok=True)
    parts = max(1, -(-lines // per_file))
    for part in range(parts):
        steps = ["script:", "  - label: start", "  - background: hub_floor"] if part == 0 else ["script:", f"  - label: part{part}"]
        for number in range(part * per_file, min(lines, (part + 1) * per_file)):
            if number and number % 50 == 0 and number % per_file:
                steps += [f"  - jump: block{number}", f"  - label: block{number}"]
            steps.append(f'  - "Line {number}: the Hub hums{{pause 0.2}} and the water turns."')
        steps.append(f"  - jump: part{part + 1}" if part + 1 < parts else "  - ending: Long")
        (folder / ("long.yaml" if parts == 1 else f"long{part:02}.yaml")).write_text("\n".join(steps) + "\n")
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


def _headless() -> None:
    """The dummy video and audio drivers, and a data folder of the bench's own."""
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ["SDL_AUDIODRIVER"] = "dummy"
    os.environ["HUB_DATA_DIR"] = tempfile.mkdtemp()


def _playing(game: GameFolder, clock):
    """A headless app showing a new game of `game`, on `clock`: (app, its game screen)."""
    _headless()
    from game.app import App
    from game.script import load_story
    from game.ui.game_screen import GameScreen

    story, _ = load_story(game=game)
    app = App(story, game, clock=clock)
    screen = GameScreen(app)
    app.show(screen)
    return app, screen


def _frames(game: GameFolder) -> dict:
    """Render a line with a background, two sprites and a full text box, then idle at it."""
    from game.clock import ManualClock

    clock = ManualClock()
    app, screen = _playing(game, clock)
    play = screen.playthrough
    play.go_to(busiest_line(play))
    screen._play(instant=True)
    clock.tick(60)  # long after the line appeared: nothing moves any more

    def render() -> None:
        screen.draw(app.window.view)
        app.window.present()

    render_figures = _timed(render, 400)
    app.frame()
    cpu, wall = time.process_time(), time.perf_counter()
    while time.perf_counter() - wall < 3.0:
        app.frame()
        app.pause()
    idle = 100 * (time.process_time() - cpu) / (time.perf_counter() - wall)
    return {"frame_render": render_figures, "idle_cpu_percent_of_a_core": round(idle, 2), "sprites_in_frame": len(play.current.state.scene.sprites)}


class _SkewedClock:
    """The real time, which the bench can move on at once (to be past the indicator's bobbing)."""

    def __init__(self) -> None:
        self.skew = 0.0

    def now(self) -> float:
        return time.monotonic() + self.skew


def _cpu_percent(app, seconds: float, each: Callable[[], None] = lambda: None) -> float:
    """Process CPU time over wall time, in % of a core, while the real loop runs for `seconds`."""
    cpu, wall = time.process_time(), time.perf_counter()
    while time.perf_counter() - wall < seconds:
        app.frame()
        app.pause()
        each()
    return round(100 * (time.process_time() - cpu) / (time.perf_counter() - wall), 2)


def _cpu(game: GameFolder, seconds: float = 3.0) -> dict:
    """CPU while a line types at the default speed, and while a line waits with the sprites blinking."""
    clock = _SkewedClock()
    app, screen = _typing_app(game, clock)
    app.frame()

    def retype() -> None:  # a line shorter than the measure starts typing again
        if screen.playback.frame(clock.now()).waiting:
            screen._play(instant=False)

    typing = _cpu_percent(app, seconds, retype)
    screen._play(instant=True)
    clock.skew += 10.0  # long after the line appeared: the indicator rests, the sprites blink and breathe
    app.frame()
    blinking = _cpu_percent(app, seconds)
    return {"cpu_while_typing_percent_of_a_core": typing, "cpu_while_blinking": blinking, "text_cps": app.player.settings.text_cps}


WINDOW_SIZES = ((1280, 720), (1920, 1080), (2560, 1440), (3840, 2160))


def _resize(app, size: tuple[int, int], *, dragged: bool = False) -> None:
    import pygame

    pygame.display.set_mode(size, pygame.RESIZABLE)
    app.window.resized(dragged=dragged)


def _typing_app(game: GameFolder, clock):
    """A headless app whose game screen has a line with two sprites typing straight away."""
    app, screen = _playing(game, clock)
    play = screen.playthrough

    def typing_at_once() -> bool:  # a line typing straight away, no transition first
        screen._play(instant=False)
        return screen.playback.frame(clock.now()).text_shown

    while len(play.current.state.scene.sprites) < 2 or not getattr(play.current.stop, "speaker", None) or not typing_at_once():
        if not play.advance():
            play.choose(0)
    return app, screen


def _at_size(game: GameFolder, size: tuple[int, int], seconds: float) -> dict:
    """At one window size: a full frame, a typing frame's update, CPU while typing, a resize's first frame."""
    from game.ui.canvas import _SCALED, at_scale

    clock = _SkewedClock()
    app, screen = _typing_app(game, clock)
    _resize(app, size)
    app.dirty = True
    app.frame()

    def full() -> None:
        screen.draw(app.window.view)
        app.window.present()

    def typing_update() -> None:  # the next character's region, drawn and put on screen
        clock.skew += 1 / 60
        if screen.playback.frame(clock.now()).waiting:
            screen._play(instant=False)
            app.dirty = True
        app.frame()

    def retype() -> None:
        if screen.playback.frame(clock.now()).waiting:
            screen._play(instant=False)

    full_frame = _timed(full, 30)
    typing = _timed(typing_update, 120)
    cpu = _cpu_percent(app, seconds, retype)
    other = (size[0] - 16, size[1] - 9)  # another scale, so every picture is scaled again

    def resize_and_draw(dragged: bool) -> Callable[[], None]:  # re-fit, rescale the art, draw, present
        def once() -> None:
            _resize(app, other if app.window.surface.get_size() == size else size, dragged=dragged)
            app.dirty = True
            app.frame()
        return once

    dragging = _timed(resize_and_draw(True), 10)  # each step of dragging the window's edge (draft pictures)
    switching = _timed(resize_and_draw(False), 10)  # F11 or the drag's end: pictures smoothly scaled
    _resize(app, size)
    _SCALED.clear()
    app.dirty = True
    app.frame()
    pictures = list(_SCALED.keys())

    steps = iter(range(1, 1000))

    def rescale_art() -> None:  # each time for a new size: nothing kept fits
        scale = app.window.viewport.scale * (1 + next(steps) / 1000)
        for picture in pictures:
            at_scale(picture, scale)

    return {
        "full_frame": full_frame, "typing_frame_update": typing, "cpu_while_typing_percent_of_a_core": cpu,
        "resize_while_dragging": dragging, "resize_to_a_sharp_frame": switching,
        "rescale_art": {**_timed(rescale_art, 5), "pictures": len(pictures)},
    }


def _window_sizes(game: GameFolder, seconds: float = 2.0) -> dict:
    """`_at_size` for each of `WINDOW_SIZES` (the dummy driver: software drawing, no real screen)."""
    return {"window_sizes": {f"{w}x{h}": _at_size(game, (w, h), seconds) for w, h in WINDOW_SIZES}}


def _long_app(folder: Path):
    """The app (dummy video driver, a fresh data folder) at the end of a 10,000-line playthrough."""
    _headless()
    from game.app import App
    from game.clock import ManualClock
    from game.folder import load_game
    from game.script import load_story
    from game.ui.game_screen import GameScreen

    long_game = load_game(ROOT, scenes=generated_script(folder / "scenes"))
    story, _ = load_story(game=long_game)
    app = App(story, long_game, clock=ManualClock())
    screen = GameScreen(app)
    app.show(screen)
    while screen.playthrough.advance():
        pass
    screen._play(instant=True)
    return app


def _menu_first_draw(app, page: str) -> Callable[[], None]:
    """Open the game menu at `page` and draw it once, as the first frame after the key does."""
    from game.ui.menu import GameMenu

    def first_draw() -> None:
        menu = GameMenu(app, page)
        app.push(menu)
        app.frame()
        app.pop(menu)

    return first_draw


def _load_page(app) -> dict:
    """The Load page's first draw with all 60 slots filled, the thumbnails not yet decoded."""
    from game.ui.menu import slots

    screen = app.playing
    for name in [name for page in range(1, 11) for name in app.player.saves.slot_names(page)]:
        app.player.saves.save(name, screen.playthrough, thumbnail_png=screen.thumbnail_png())
    first_draw = _menu_first_draw(app, "load")

    def fresh() -> None:
        slots.THUMBNAILS = slots.Thumbnails(slots.THUMB_SIZE)
        first_draw()

    return {"load_page_first_draw_60_filled_slots": _timed(fresh, 9), "load_page_draw_thumbnails_cached": _timed(first_draw, 9)}


def _quick_save_and_load(app) -> dict:
    """F5 and F9 as the player meets them: the thumbnail made from the game screen, the save, the load."""
    from game.ui.input import press

    screen = app.playing
    save = lambda: app.player.saves.quick_save(screen.playthrough, thumbnail_png=screen.thumbnail_png())
    return {"quick_save_with_thumbnail_10000_lines": _timed(save, 9), "quick_load_and_show_10000_lines": _timed(lambda: screen.action_quick_load(press("quick_load")), 9)}


def _history_page(app) -> dict:
    """The History page over a 10,000-line playthrough: opening it, and a frame of scrolling."""
    import pygame

    from game.ui.menu import GameMenu

    menu = GameMenu(app, "history")
    app.push(menu)
    app.frame()
    wheel = pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=1, flipped=False)

    def scroll_frame() -> None:
        pygame.event.post(wheel)
        app.frame()

    scrolling = _timed(scroll_frame, 200)
    app.pop(menu)
    return {"history_open_10000_lines": _timed(_menu_first_draw(app, "history"), 9), "history_scroll_frame_10000_lines": scrolling}


def _menu_idle_cpu(app, seconds: float = 2.0) -> dict:
    """CPU used with the game menu open and nothing moving, the app's own loop running."""
    from game.clock import SystemClock

    app.clock = app.stack.clock = SystemClock()  # the loop sleeps by the real time (the menu covers the game, whose clock stands)
    app.open_page("load")
    app.frame()
    return {"idle_cpu_percent_of_a_core_menu_open": _cpu_percent(app, seconds)}


def _menus(_game: GameFolder) -> dict:
    """The game menu over a 10,000-line playthrough (issue 6's speed figures)."""
    with tempfile.TemporaryDirectory() as temporary:
        app = _long_app(Path(temporary))
        figures = {}
        for part in (_quick_save_and_load, _load_page, _history_page, _menu_idle_cpu):
            figures.update(part(app))
        app.player.seen.close()
        return figures


def _startup(game: GameFolder) -> dict:
    """Wall time from launching `python main.py` to its first frame on screen (it then exits)."""
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "HUB_EXIT_AFTER_FIRST_FRAME": "1", "HUB_DATA_DIR": tempfile.mkdtemp(), "HUB_CACHE_DIR": tempfile.mkdtemp()}
    command = [sys.executable, str(ROOT / "main.py"), "--game", str(game.root), "--scenes", str(game.scenes)]
    run = lambda: subprocess.run(command, env=env, check=True, capture_output=True)
    run()  # warm the OS file cache
    return {"startup_to_first_frame": _timed(run, 5)}


def _process(command: list[str], env: dict[str, str]) -> tuple[float, float, float | None]:
    """(wall ms, CPU ms, ms to the title's first frame or None) of one run of `python main.py ...`
    (the CPU time counts only its own work, so it says the same on a busy machine)."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start, epoch = time.perf_counter(), time.time()
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), *command], env={**env, "HUB_REPORT_FIRST_FRAME": "1"}, check=True, capture_output=True, text=True)
    wall = (time.perf_counter() - start) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    shown = re.search(r"first frame at ([0-9.]+)", done.stdout)
    title = (float(shown.group(1)) - epoch) * 1000 if shown else None
    return wall, (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000, title


def _cold_and_warm(command: list[str], *, cold_runs: int, warm_runs: int) -> dict:
    """`command` with an empty cache folder each time (cold), then again and again with the cache it left (warm)."""
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "HUB_EXIT_AFTER_FIRST_FRAME": "1", "HUB_DATA_DIR": tempfile.mkdtemp()}
    figures: dict[str, dict[str, float]] = {}
    for kind, runs in (("cold", cold_runs), ("warm", warm_runs)):
        walls, cpus, titles = [], [], []
        for _ in range(runs):
            if kind == "cold" or "HUB_CACHE_DIR" not in env:
                env["HUB_CACHE_DIR"] = tempfile.mkdtemp()
            wall, cpu, title = _process(command, env)
            walls.append(wall)
            cpus.append(cpu)
            titles += [title] if title is not None else []
        figures[kind] = {**_summary(walls), "cpu_median_ms": round(statistics.median(cpus), 1)}
        if titles:  # playing: the title is on screen before the process ends (the cache is written after)
            figures[kind]["to_title_median_ms"] = round(statistics.median(titles), 1)
    return figures


def _writer_loop(_game: GameFolder, sizes: tuple[int, ...] = (10_000, 100_000)) -> dict:
    """`check`, and start-up to the title's first frame, of generated stories: with an empty cache
    folder (cold) and with the one the last run left (warm), whole process (issue 17)."""
    figures = {}
    with tempfile.TemporaryDirectory() as temporary:
        for lines in sizes:
            scenes = str(generated_script(Path(temporary) / f"story{lines}" / "scenes", lines))
            cold = 3 if lines <= 10_000 else 1
            figures[f"check_{lines}_lines"] = _cold_and_warm(["--scenes", scenes, "check"], cold_runs=cold, warm_runs=5)
            figures[f"startup_to_title_{lines}_lines"] = _cold_and_warm(["--scenes", scenes], cold_runs=cold, warm_runs=5)
    return figures


def run_bench(game: GameFolder) -> int:
    figures = {"machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]}}
    for part in (_loading, _rewind, _saves, _menus, _frames, _cpu, _window_sizes):
        figures.update(part(game))
    figures.update(_startup(game))
    figures.update(_writer_loop(game))
    print(json.dumps(figures, indent=2))
    return 0
