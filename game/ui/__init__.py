"""Presentation: pygame screens that draw a story state and a reveal at time t.

Nothing here decides what happens in the story; it draws and plays what the
playthrough and the reveal say.
"""
