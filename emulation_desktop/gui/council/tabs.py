"""The tabs of the section, in the order an officer works through them (empty: not built)."""

from __future__ import annotations

from emulation_desktop.gui.pages.tabbed import TabFactory

TABS: tuple[TabFactory, ...] = ()
