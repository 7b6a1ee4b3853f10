"""Issue 18: Extras on the title once an ending has been reached: music, scenes and About, by
keyboard, mouse and self-voicing (the pad's d-pad and A are the same actions as the arrows and Enter)."""

from __future__ import annotations

import pygame
from driving import click, key

from game.ui.extras import ExtrasScreen, endings_by_option
from game.ui.game_screen import GameScreen
from game.ui.title import TitleScreen


def open_extras(app) -> ExtrasScreen:
    app.player.endings.add("Alone Again")
    app.show_title()
    app.frame()
    title = app.screen
    assert "Extras" in title.labels
    click(app, title.buttons.rects[title.labels.index("Extras")].center)
    assert isinstance(app.top, ExtrasScreen)
    return app.top


def test_extras_are_offered_only_once_an_ending_is_reached(app):
    app.frame()
    assert "Extras" not in app.screen.labels
    open_extras(app)


def test_every_track_plays_and_stops_and_the_playing_one_is_marked(app):
    extras = open_extras(app)
    music = [i for i, item in enumerate(extras.items) if item.kind == "music"]
    assert [extras.items[i].value for i in music] == ["theme", "hub_ambience", "theme_alone", "theme_truth", "theme_stay"]
    target = music[2]
    while extras.buttons.selected != target:
        key(app, pygame.K_DOWN)
    assert extras.focus_words() == "Music: Theme Alone"
    key(app, pygame.K_RETURN)
    assert app.services.audio.track == "theme_alone" and extras.buttons.marked == target
    assert extras.focus_words() == "Music: Theme Alone: playing"
    key(app, pygame.K_RETURN)
    assert app.services.audio.track is None and extras.buttons.marked is None
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.top, TitleScreen) and app.services.audio.track == "theme"


def test_scenes_start_at_the_choice_or_at_a_reached_endings_first_line(app):
    extras = open_extras(app)
    labels = [item.label for item in extras.items if item.kind == "scene"]
    assert labels == ["Scene: from the choice", "Scene: Alone Again"]  # the other endings are not reached yet
    click(app, extras.buttons.rects[extras.buttons.labels.index("Scene: from the choice")].center)
    game = app.screen
    assert isinstance(game, GameScreen) and game.playthrough.at_choice and game.playthrough.index > 0
    app.show_title()
    extras = open_extras(app)
    click(app, extras.buttons.rects[extras.buttons.labels.index("Scene: Alone Again")].center)
    game = app.screen
    option = next(o for o, name in endings_by_option(app).items() if name == "Alone Again")
    assert game.playthrough.current.state.choices[-1][1] == option and not game.playthrough.at_choice


def test_about_names_the_game_its_version_engine_and_the_fonts_licences(app):
    extras = open_extras(app)
    words = " ".join(extras.about_lines())
    for needed in ("Hub", "version", "pygame", "Open Font License", "Lato", "Atkinson Hyperlegible", "OpenDyslexic", "DejaVu"):
        assert needed in words
    click(app, extras.buttons.rects[-1].center)  # Return
    assert isinstance(app.top, TitleScreen)


def test_the_gallery_unlocks_what_was_read_and_shows_it_full_screen_without_the_interface(app):
    from driving import read_lines, start_game

    from game.ui.gallery import GalleryScreen, PictureView

    game = start_game(app)
    read_lines(app, game, 2)  # the Hub's floor, read over
    app.show_title()
    extras = open_extras(app)
    assert extras.buttons.labels[0] == "Gallery" and extras.buttons.selected == 0
    key(app, pygame.K_RETURN)
    gallery = app.top
    assert isinstance(gallery, GalleryScreen)
    names = {p.name: p for p in gallery.pictures}
    assert {"hub_floor", "office_lamp", "office_cold", "cog_door", "cog_door_open", "end_let_go", "end_tell", "end_stay"} <= set(names)
    assert "title" not in names
    assert names["hub_floor"].unlocked and not names["end_stay"].unlocked and not names["office_lamp"].unlocked
    locked = [p.name for p in gallery.pictures].index("end_stay")
    gallery.selected = locked
    assert gallery.focus_words() == "Ending: For Now: not yet seen"
    key(app, pygame.K_RETURN)
    assert app.top is gallery  # a locked picture does not open
    gallery.selected = 0
    key(app, pygame.K_RIGHT)
    key(app, pygame.K_LEFT)
    assert gallery.pictures[gallery.selected].name == "hub_floor" and gallery.focus_words() == "Hub floor"
    click(app, gallery.rects[gallery.selected].center)
    view = app.top
    assert isinstance(view, PictureView)
    app.frame()
    expected = app.services.images.background("hub_floor")
    assert pygame.image.tobytes(app.window.canvas, "RGB") == pygame.image.tobytes(expected, "RGB"), "the picture alone, full screen"
    key(app, pygame.K_SPACE)
    assert app.top is gallery
    key(app, pygame.K_ESCAPE)
    assert app.top is extras


def test_the_gallery_has_the_key_scenes_figures_and_all_unlocked_when_read(app):
    from game.playthrough import Playthrough
    from game.ui.gallery import KEY_SCENES, GalleryScreen, PictureView

    gallery = GalleryScreen(app)
    scenes = [p for p in gallery.pictures if p.sprites]
    assert [p.label for p in scenes] == [label for label, _ in KEY_SCENES]
    assert not any(p.unlocked for p in scenes)
    play = Playthrough(app.story, start=app.game.start, seen=set())  # read the way to For Now
    while not play.ended:
        app.player.seen.add(play.current.id)
        play.choose(2) if play.at_choice else play.advance()
    app.push(GalleryScreen(app))
    gallery = app.top
    unlocked = {p.label for p in gallery.pictures if p.sprites and p.unlocked}
    assert unlocked == {"The smile falls", "Shoulders brush", "His hand on the sleeve", "Two glasses"}
    sleeve = next(p for p in gallery.pictures if p.label == "His hand on the sleeve")
    assert [(s.character, s.expression) for s in sleeve.sprites] == [("jack", "sleeve")]
    gallery.selected = gallery.pictures.index(sleeve)
    key(app, pygame.K_RETURN)
    assert isinstance(app.top, PictureView)
    app.frame()
    bare = app.services.images.background(sleeve.background)
    shown = pygame.image.tobytes(app.window.canvas, "RGB")
    assert shown != pygame.image.tobytes(bare, "RGB"), "the figures are in the picture"


def test_about_gives_the_version_game_yaml_names(make_app, shipped_story):
    from game import ROOT
    from game.gamefolder import GameFolder

    app = make_app(shipped_story, GameFolder(root=ROOT, version="2.3.4"))
    assert "version 2.3.4." in " ".join(open_extras(app).about_lines())


def test_the_gallery_leaves_out_a_places_variants_and_their_lines_unlock_the_place(app):
    from game.playthrough import Playthrough
    from game.ui.gallery import VARIANTS, GalleryScreen

    play = Playthrough(app.story, start="let_go", seen=set())
    while not play.ended:  # read only the lines shown over the poured glasses
        if play.current.state.scene.background in VARIANTS:
            app.player.seen.add(play.current.id)
        play.advance()
    assert app.player.seen, "Let Go shows its poured glasses"
    names = {p.name: p for p in GalleryScreen(app).pictures}
    assert not set(VARIANTS) & set(names)
    assert names["office_cold"].unlocked and not names["office_lamp"].unlocked
