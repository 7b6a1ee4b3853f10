"""The game's colours: one small, deliberate palette per place and per character.

Warm amber belongs to the lamp and to Ianto's presence; the Hub itself is
teal-blue shadow, old brick and cyan water; the cog door is grey concrete and
rusted steel; the alarm is red. Keeping them here keeps the pictures related.
"""

from __future__ import annotations

from game.artwork.drawing import hex_rgb

# The Hub at night.
HUB_DEEP = hex_rgb("#060b0f")
HUB_SHADOW = hex_rgb("#0d1a21")
HUB_STEEL = hex_rgb("#22323b")
HUB_STEEL_LIGHT = hex_rgb("#46606b")
HUB_BRICK = hex_rgb("#3b2722")
HUB_BRICK_DARK = hex_rgb("#24171a")
HUB_MORTAR = hex_rgb("#19130f")
HUB_PIPE = hex_rgb("#2f3a3c")
HUB_RUST = hex_rgb("#6b3b24")
WATER = hex_rgb("#3fc4cf")
WATER_DEEP = hex_rgb("#0c5560")
WATER_FOAM = hex_rgb("#c8fbff")
SCREEN_GLOW = hex_rgb("#5ab8c8")

# Lamp light and cold light.
AMBER = hex_rgb("#ffb35c")
AMBER_DEEP = hex_rgb("#c8661e")
AMBER_PALE = hex_rgb("#ffe2b0")
COLD = hex_rgb("#5fa8b0")
COLD_DEEP = hex_rgb("#0a1a1f")
MOON = hex_rgb("#a8d8dc")

# Jack's office.
OFFICE_WALL = hex_rgb("#2a211d")
OFFICE_WOOD = hex_rgb("#4a2c1c")
OFFICE_WOOD_DARK = hex_rgb("#26160f")
OFFICE_FRAME = hex_rgb("#1b1e21")
LEATHER = hex_rgb("#3a1f18")
WHISKEY = hex_rgb("#c9761f")
GLASS = hex_rgb("#d8eef0")

# The cog door.
CONCRETE = hex_rgb("#4b5257")
CONCRETE_DARK = hex_rgb("#262b2f")
DOOR_STEEL = hex_rgb("#5d6468")
DOOR_STEEL_DARK = hex_rgb("#2d3337")
DOOR_RUST = hex_rgb("#7a4a2c")
ALARM = hex_rgb("#ff2a1e")
ALARM_DEEP = hex_rgb("#5a0806")
HAZARD = hex_rgb("#c9a227")

# Jack.
JACK_COAT = hex_rgb("#2d3848")
JACK_COAT_SHADE = hex_rgb("#1a212c")
JACK_SHIRT = hex_rgb("#9fbfdc")
JACK_SHIRT_SHADE = hex_rgb("#6f8fb0")
JACK_BRACES = hex_rgb("#4a2a22")
JACK_HAIR = hex_rgb("#2a1d16")
JACK_SKIN = hex_rgb("#e2b393")
JACK_SKIN_SHADE = hex_rgb("#b27f63")
JACK_EYES = hex_rgb("#4f7ea8")

# Ianto.
IANTO_SUIT = hex_rgb("#25262c")
IANTO_SUIT_SHADE = hex_rgb("#15161a")
IANTO_WAISTCOAT = hex_rgb("#34353d")
IANTO_SHIRT = hex_rgb("#dcd6e4")
IANTO_SHIRT_SHADE = hex_rgb("#a9a2b8")
IANTO_TIE = hex_rgb("#6b2840")
IANTO_HAIR = hex_rgb("#1c1512")
IANTO_SKIN = hex_rgb("#e6bc9c")
IANTO_SKIN_SHADE = hex_rgb("#b88a6c")
IANTO_EYES = hex_rgb("#4a3a2e")

# Shared bits of faces.
EYE_WHITE = hex_rgb("#f1ebe4")
LIP = hex_rgb("#a8645a")
BROW_LINE = hex_rgb("#2a1c16")
TEAR = hex_rgb("#d9f4ff")
RIM_WARM = hex_rgb("#ffc27a")
RIM_COLD = hex_rgb("#8fd3dc")

# Interface.
PANEL = hex_rgb("#0c1216")
PANEL_EDGE = hex_rgb("#8fb4bc")
TEXT_LIGHT = hex_rgb("#eef3f2")

# Modelled skin: highlight, base, shadow and the deep tone of creases, per man.
JACK_SKIN_LIGHT = hex_rgb("#f1caa8")
JACK_SKIN_DEEP = hex_rgb("#7d5140")
JACK_LIP = hex_rgb("#b06a5e")
JACK_COAT_LIGHT = hex_rgb("#4a5a70")
IANTO_SKIN_LIGHT = hex_rgb("#f4d2b6")
IANTO_SKIN_DEEP = hex_rgb("#8a5d48")
IANTO_LIP = hex_rgb("#b56e66")
IANTO_SUIT_LIGHT = hex_rgb("#444650")
IANTO_WAISTCOAT_LIGHT = hex_rgb("#5a5c66")
CHAIR = hex_rgb("#3a2119")
CHAIR_LIGHT = hex_rgb("#6e3f2a")
