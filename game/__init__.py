"""Hub: a visual novel and the small engine that runs it."""

from __future__ import annotations

from pathlib import Path

#: The project's root: `art/`, `audio/` and `scenes/` live here.
ROOT = Path(__file__).resolve().parent.parent


import os as _os

_os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # keep `check` and `transcript` output clean
