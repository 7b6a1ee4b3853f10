"""`check` names the options taken on the way to a problem its value-aware analysis reports (issue 16)."""

from __future__ import annotations

import pytest

from game.script import ScriptError, load_story

HIDDEN = """
variables:
  key: false
  lamp: false
script:
  - label: start
  - choice: Which way?
    options:
      - text: Left.
        jump: hall
      - text: Stay.
        set: lamp = true
        jump: hall
  - label: hall
  - choice: "{if lamp}Lit.{else}Dark.{/if}"
    options:
      - text: Up.
        jump: door
      - text: Down.
        jump: door
  - label: door
  - if: lamp and key
    then:
      - Never.
  - choice: Open?
    options:
      - text: Open it.
        if: key
        jump: start
"""


def test_a_choice_with_every_option_hidden_names_the_options_taken_to_it(scenes, asset_root):
    with pytest.raises(ScriptError) as caught:
        load_story(scenes({"a.yaml": HIDDEN}), assets=asset_root)
    hidden = [p for p in caught.value.problems if "every option of this choice is hidden" in p.message]
    assert len(hidden) == 1
    assert hidden[0].message.endswith('; reached by taking: start\'s choice (line 6) option 1 "Left.", then hall\'s choice (line 14) option 1 "Up."')


def test_a_lost_return_names_the_way_there(scenes, asset_root):
    text = HIDDEN.replace("        if: key\n        jump: start", "        jump: lost") + "  - label: lost\n  - Lost.\n  - return:\n"
    with pytest.raises(ScriptError) as caught:
        load_story(scenes({"a.yaml": text}), assets=asset_root)
    lost = [p for p in caught.value.problems if "no `call:` to return to" in p.message]
    assert lost and 'then hall\'s choice (line 14) option 1 "Up.", then door\'s choice (line 24) option 1 "Open it."' in lost[0].message


def test_no_choice_on_the_way_names_none(scenes, asset_root):
    text = "variables:\n  key: false\nscript:\n  - label: start\n  - if: key\n    then:\n      - Never.\n  - ending: E\n"
    _, warnings = load_story(scenes({"a.yaml": text}), assets=asset_root)
    never = [w for w in warnings if "never true" in w.message]
    assert never and never[0].message.endswith("its `then:` never runs")


def test_a_never_true_condition_names_one_way_there(scenes, asset_root):
    text = "variables:\n  key: false\nscript:\n  - label: start\n  - choice: Go?\n    options:\n      - text: \"{b}Go{/b}.\"\n        jump: on\n  - label: on\n  - if: key\n    then:\n      - Never.\n  - ending: E\n"
    _, warnings = load_story(scenes({"a.yaml": text}), assets=asset_root)
    never = [w for w in warnings if "never true" in w.message]
    assert never and never[0].message.endswith('; reached by taking: start\'s choice (line 5) option 1 "Go."')
