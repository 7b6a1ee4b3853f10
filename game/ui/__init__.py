"""Presentation: pygame screens that draw a story state and a reveal at time t.

Nothing here decides what happens in the story; it draws and plays what the
playthrough and the reveal say.

How it fits together (`game.app.App` builds it and is the one `Host`):

    keymap.read / gamepad.read   a pygame event -> an `Input` (input.py); nothing above sees an event
    stack.LayerStack             the layers bottom up; input to the top one; a modal layer pauses the
                                 `PausableClock` of every layer under it; draws bottom up, then the notices
    layer.py                     the `Layer` protocol, and `dispatch`: the action `advance` is handled
                                 by a method `action_advance(self, input)` (a new action: a row in
                                 keymap.BINDINGS, then a handler where it works; tests/unit/test_action_handlers.py)
    host.py                      the `Host` protocol a screen talks to: the player's data (`game.player`),
                                 the services (`services.py`), notify/confirm/speak, and the stack's
                                 show_title/play/show_end_card/open_page/push/pop/quit
    title.py, game_screen.py, end_card.py, overlays.py, menu/   the layers

The import rule (tests/unit/test_import_rule.py): nothing here imports `game.app`, not even for
types; a screen that needs another screen asks the host for it.
"""
