"""Text that adapts inside a line: `{if c}...{elif d}...{else}...{/if}` (issue 16).

The branch is chosen where the beat's text is made, so the transcript, History,
saves, self-voicing and the typing all read the chosen text; `check` checks every
branch's markup and condition at its own file:line:col.
"""

from __future__ import annotations

import pytest

from game.beats import after, begin
from game.limits import MAX_TEXT_NESTING
from game.script import ScriptError, load_story, markup
from game.transcript import transcript

VARIABLES = "variables:\n  trust: 0\n  name: \"Ianto\"\n  book: false\n"


def scene(*steps: str) -> str:
    return VARIABLES + "script:\n  - label: start\n" + "".join(f"  {step}\n" for step in steps) + "  - ending: End\n"


def problems(scenes, asset_root, *steps: str):
    with pytest.raises(ScriptError) as caught:
        load_story(scenes({"a.yaml": scene(*steps)}), assets=asset_root)
    return caught.value.problems


def test_the_branch_the_values_choose_is_what_the_player_reads(scenes, asset_root):
    story, _ = load_story(scenes({"a.yaml": scene(
        "- \"He answers {if trust >= 2}smartly{elif trust == 1}warily{else}quietly{/if}.\"",
        "- choice: Again?",
        "  options:",
        "    - text: Trust him.",
        "      set: trust += 1",
        "      jump: start",
        "    - text: \"{if trust > 0}Still go{else}Go{/if}.\"",
        "      jump: out",
        "- label: out",
        "- ending: \"{if trust >= 2}Friends{else}Strangers{/if}\"",
    )}), assets=asset_root)
    lines = list(transcript(story, options=[0, 0, 1]))
    assert lines == ["He answers quietly.", "Again?", "> Trust him.", "He answers warily.", "Again?", "> Trust him.",
                     "He answers smartly.", "Again?", "> Still go.", "Ending: Friends"]


def test_nested_ifs_styles_and_variables_inside_a_branch(scenes, asset_root):
    story, _ = load_story(scenes({"a.yaml": scene(
        "- set: trust = 2",
        "- \"{if trust > 0}Yes, {if book}with the book{else}{b}[name]{/b}{/if}{/if}.\"",
    )}), assets=asset_root)
    beat = begin(story)
    beat = after(story, beat.state) if not beat.text else beat
    assert beat.text == "Yes, Ianto."
    assert markup.Style("b") in beat.segments and not any(isinstance(s, markup.When) for s in beat.segments)


def test_an_empty_branch_between_spaces_leaves_one_space():
    segments = markup.parse("He {if book}slowly{/if} went.")
    assert markup.plain_text(markup.resolve(segments, {"book": False})) == "He went."
    assert markup.plain_text(markup.resolve(segments, {"book": True})) == "He slowly went."


def test_a_cue_inside_a_branch_happens_only_when_it_is_chosen(scenes, asset_root):
    story, _ = load_story(scenes({"a.yaml": scene(
        "- \"Look.{if trust > 0}{show ann calm}{/if}\"",
    )}), assets=asset_root)
    assert "ann" not in {s.character for s in begin(story).state.scene.sprites}


@pytest.mark.parametrize(("text", "message", "needle"), [
    ("He {if trsut > 1}x{/if}.", "variable 'trsut' is never declared", "trsut"),
    ("He {if trust}x{/if}.", "must be true or false", "trust"),
    ("He {if book}x{else}{b}y{/if}.", "{b} is never closed", "{b}"),
    ("He {if book}x{elif trust >}y{/if}.", "ends too soon", "}y"),
    ("He {if book}x{else}y{elif book}z{/if}.", "{elif} after {else}", "{elif"),
    ("He {if book}x.", "{if} is never closed", "{if"),
    ("He {/if}x.", "{/if} with no {if}", "{/if"),
    ("He {if book}{show anna calm}{/if}.", "unknown character 'anna'", None),
])
def test_check_reports_a_mistake_in_any_branch_at_its_column(scenes, asset_root, text, message, needle):
    found = [p for p in problems(scenes, asset_root, f"- \"{text}\"") if message in p.message]
    assert len(found) == 1, [str(p) for p in problems(scenes, asset_root, f"- \"{text}\"")]
    assert found[0].place.line == 7
    if needle is not None:
        assert found[0].place.col == len("  - \"") + text.index(needle) + 1


def test_ifs_nested_past_the_bound_are_refused_not_recursed():
    deep = "{if a}" * (MAX_TEXT_NESTING + 1) + "x" + "{/if}" * (MAX_TEXT_NESTING + 1)
    with pytest.raises(markup.MarkupError, match="inside each other"):
        markup.parse(deep)
    markup.parse("{if a}" * MAX_TEXT_NESTING + "x" + "{/if}" * MAX_TEXT_NESTING)
