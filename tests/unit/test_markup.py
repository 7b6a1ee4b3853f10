"""Timing markup inside a line: `{pause}`, cues, `{{`, the spacing rule, plain text and errors with offsets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.script.markup import Cue, MarkupError, Pause, Text, parse, plain_text


def test_a_timed_pause_splits_the_text():
    """`{pause 1.2}` becomes a 1.2 s Pause between the text before and after it."""
    assert parse("Wait{pause 1.2}for it") == (Text("Wait"), Pause(1.2), Text("for it"))


def test_a_bare_pause_waits_for_a_click():
    """`{pause}` is a Pause with no seconds: it holds until the player clicks."""
    assert parse("Wait.{pause}Now.") == (Text("Wait."), Pause(None), Text("Now."))


def test_a_pause_allows_spaces_inside_the_braces():
    """`{ pause 1 }` reads the same as `{pause 1}`."""
    assert parse("a{ pause 1 }b") == (Text("a"), Pause(1.0), Text("b"))


def test_a_show_cue_carries_its_words():
    """`{show ann sad}` is a show Cue with the words ann and sad, at its place in the text."""
    assert parse("I'm sorry.{show ann sad}") == (Text("I'm sorry."), Cue("show", ("ann", "sad")))


def test_a_hide_and_a_sound_cue():
    """`{hide ben}` and `{sound chime}` are cues of their kinds, in order, with no text of their own."""
    assert parse("{sound chime}Bang.{hide ben}") == (Cue("sound", ("chime",)), Text("Bang."), Cue("hide", ("ben",)))


def test_markup_at_the_very_end_comes_after_all_the_text():
    """`"I'm sorry.{pause 1.5}{show ann sad}"` types the words, holds, then changes the sprite."""
    assert parse("I'm sorry.{pause 1.5}{show ann sad}") == (Text("I'm sorry."), Pause(1.5), Cue("show", ("ann", "sad")))


def test_a_doubled_brace_is_a_literal_brace():
    """`{{` reads as one `{`, and does not start a tag even when a tag's words follow."""
    assert parse("a {{ b") == (Text("a { b"),)
    assert parse("{{pause 1}") == (Text("{pause 1}"),)
    assert plain_text(parse("x{{y{pause}z")) == "x{yz"


def test_a_tag_between_spaces_leaves_one_space():
    """"Right. {pause 1} Right." reads "Right. Right.", with one space where the tag was."""
    segments = parse("Right. {pause 1} Right.")
    assert segments == (Text("Right. "), Pause(1.0), Text("Right."))
    assert plain_text(segments) == "Right. Right."


def test_a_tag_with_a_space_on_one_side_only_keeps_it():
    """A tag touching a word on one side drops no space: "Right.{pause 1} Right." keeps its space."""
    assert plain_text(parse("Right.{pause 1} Right.")) == "Right. Right."
    assert plain_text(parse("Right. {pause 1}Right.")) == "Right. Right."
    assert plain_text(parse("Right.{pause 1}Right.")) == "Right.Right."


def test_plain_text_strips_every_tag():
    """plain_text is what the player reads: every tag removed, literal braces kept."""
    segments = parse("{show ann calm}Hello, {pause 0.4}you. {sound chime} I said {{hi}.{pause}")
    assert plain_text(segments) == "Hello, you. I said {hi}."


def test_an_empty_line_has_no_segments():
    """An empty text gives no segments at all, and a tag-only line gives no Text."""
    assert parse("") == ()
    assert parse("{pause 1}") == (Pause(1.0),)


@pytest.mark.parametrize(
    ("text", "offset", "message", "hint"),
    [
        ("Wait {pause abc} now", 5, "{pause abc} needs a number of seconds", "{pause 1.5}"),
        ("ab{pause 0}", 2, "{pause 0} needs a number of seconds", "{pause}"),
        ("ab{pause -1}", 2, "{pause -1} needs a number of seconds", "{pause 1.5}"),
        ("{pause 1 2}", 0, "{pause 1 2} needs a number of seconds", "{pause 1.5}"),
        ("Hi {bogus} there", 3, "unknown tag {bogus}", "use one of"),
        ("Hi {paws 1}", 3, "unknown tag {paws 1}", "did you mean 'pause'?"),
        ("An open { brace", 8, "a '{' that does not start a tag", "{{"),
        ("a { b {pause 1}", 2, "a '{' that does not start a tag", "{{"),
        ("done.{", 5, "a '{' that does not start a tag", "close the tag"),
        ("x{{{", 3, "a '{' that does not start a tag", "{{"),
        ("oh {}", 3, "an empty tag {}", "{pause 1}"),
        ("look {show}", 5, "{show} needs a name", "{show ianto hurt}"),
        ("gone {hide}", 5, "{hide} needs a name", "{hide ianto}"),
        ("bang {sound}", 5, "{sound} needs a name", "{sound glass_down}"),
    ],
)
def test_a_bad_tag_raises_with_its_offset(text, offset, message, hint):
    """A tag that cannot be read raises MarkupError naming it, with the index of its '{' and a fix."""
    with pytest.raises(MarkupError) as caught:
        parse(text)
    assert caught.value.offset == offset
    assert text[offset] == "{"
    assert str(caught.value) == message
    assert hint in caught.value.hint


@pytest.mark.parametrize("word", ["nan", "inf"])
def test_a_pause_that_is_not_a_finite_number_is_refused(word):
    """`{pause nan}` and `{pause inf}` are not a number of seconds and are refused."""
    with pytest.raises(MarkupError):
        parse(f"a{{pause {word}}}")


brace_free = st.text(alphabet=st.characters(blacklist_characters="{}[]", blacklist_categories=("Cs",)), max_size=40)


@given(brace_free)
def test_text_without_braces_is_one_text_segment(text):
    """Any text without braces or brackets parses to itself, unchanged."""
    assert parse(text) == ((Text(text),) if text else ())
    assert plain_text(parse(text)) == text


@given(st.text(max_size=40))
def test_doubling_every_open_brace_gives_the_text_back(text):
    """Writing every '{' as '{{' and '[' as '[[' makes any text read back exactly as written."""
    assert plain_text(parse(text.replace("{", "{{").replace("[", "[["))) == text


@given(st.lists(st.one_of(brace_free, st.sampled_from(["{pause}", "{pause 0.5}", "{show ann sad}", "{sound chime}"])), max_size=8))
def test_plain_text_never_contains_a_tag(parts):
    """However tags and text are mixed, plain_text has no braces and keeps every non-space character of the text."""
    text = "".join(parts)
    shown = plain_text(parse(text))
    assert "{" not in shown and "}" not in shown
    words = "".join(p for p in parts if not p.startswith("{"))
    assert shown.replace(" ", "") == words.replace(" ", "")
