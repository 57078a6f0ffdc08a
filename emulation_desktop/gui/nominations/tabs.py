"""The tabs of the section, in the order an officer works through them."""

from __future__ import annotations

from emulation_desktop.gui.nominations.rounds_tab import RoundsTab
from emulation_desktop.gui.pages.tabbed import TabFactory

TABS: tuple[TabFactory, ...] = (RoundsTab,)
