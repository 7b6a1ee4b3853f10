"""Options with their own steps (`do:`, then on after the choice), once-only options and `fallback:` (issue 16)."""

from __future__ import annotations

import pytest

from game.beats import after, begin
from game.script import ScriptError, load_story
from game.state import StoryState
from game.transcript import every_path, transcript

ASK = """
variables:
  trust: 0
script:
  - label: start
  - label: ask
  - choice: What do you ask?
    options:
      - text: About the rift.
        once: true
        do:
          - He shrugs.
          - set: trust += 1
      - text: About his day.
        once: true
        do:
          - if: trust > 0
            then:
              - Long, he says, warmer now.
            else:
              - Long, he says.
      - text: Leave.
        jump: out
    fallback:
      - You have asked everything.
      - jump: out
  - He waits for more.
  - jump: ask
  - label: out
  - ending: "{if trust > 0}Friends{else}Strangers{/if}"
"""


@pytest.fixture
def story(scenes, asset_root):
    return load_story(scenes({"a.yaml": ASK}), assets=asset_root)[0]


def test_do_steps_run_then_the_story_goes_on_after_the_choice(story):
    assert list(transcript(story, options=[0, 1, 0])) == [
        "What do you ask?", "> About the rift.", "He shrugs.", "He waits for more.",
        "What do you ask?", "> Leave.", "Ending: Friends"]


def test_a_once_option_is_hidden_after_it_is_taken_and_the_fallback_runs_when_all_are_used(scenes, asset_root):
    text = ASK.replace("      - text: Leave.\n        jump: out\n", "")
    story = load_story(scenes({"a.yaml": text}), assets=asset_root)[0]
    assert list(transcript(story, options=[0])) == [
        "What do you ask?", "> About the rift.", "He shrugs.", "He waits for more.",
        "What do you ask?", "> About his day.", "Long, he says, warmer now.", "He waits for more.",
        "You have asked everything.", "Ending: Friends"]


def test_rewinding_and_saving_keep_which_once_options_were_taken(story):
    first = begin(story)
    second = after(story, after(story, first.state, 0).state)  # took "About the rift", read "He shrugs."
    second = after(story, second.state)  # "He waits for more." -> back at the choice
    assert [o.text for o in second.options] == ["About his day.", "Leave."]
    assert [o.text for o in first.options] == ["About the rift.", "About his day.", "Leave."]  # the earlier state is untouched
    restored = StoryState.from_json(story, second.state.to_json(story))
    assert restored == second.state


def test_every_path_takes_each_once_option_at_most_once(story):
    paths = [lines for _, lines in every_path(story)]
    assert all(lines.count("> About the rift.") <= 1 for lines in paths)
    assert len(paths) == 5


@pytest.mark.parametrize(("option", "message"), [
    ("- text: A\n        jump: out\n        do:\n          - Hi.", "an option takes `jump:` or `do:`, not both"),
    ("- text: A", "an option needs `text:` and `jump:` (or `do:`)"),
    ("- text: A\n        do: Hi.", "`do:` is a list of steps"),
    ("- text: A\n        once: maybe\n        jump: out", "once must be true or false"),
])
def test_mistakes_in_an_option_are_named(scenes, asset_root, option, message):
    text = f"script:\n  - label: start\n  - choice: Q\n    options:\n      {option}\n  - label: out\n  - ending: E\n"
    with pytest.raises(ScriptError) as caught:
        load_story(scenes({"a.yaml": text}), assets=asset_root)
    assert any(message in p.message for p in caught.value.problems), [str(p) for p in caught.value.problems]


def test_a_choice_with_do_steps_last_in_a_file_runs_off_its_end(scenes, asset_root):
    text = "script:\n  - label: start\n  - choice: Q\n    options:\n      - text: A\n        do:\n          - Hi.\n"
    with pytest.raises(ScriptError) as caught:
        load_story(scenes({"a.yaml": text}), assets=asset_root)
    assert any("runs off the end" in p.message for p in caught.value.problems)
