"""docs/security.md lists every bound game/limits.py keeps, by name (issue 20)."""

from __future__ import annotations

from game import ROOT, limits


def test_every_bound_is_in_the_security_page():
    page = (ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    bounds = [name for name in vars(limits) if name.startswith("MAX_")]
    assert len(bounds) >= 12
    missing = [name for name in bounds if f"`{name}`" not in page]
    assert not missing, f"docs/security.md does not list {missing}"
