"""The tabs of the section, in the order an officer works through them."""

from __future__ import annotations

from emulation_desktop.gui.council.composition_tab import CompositionTab
from emulation_desktop.gui.council.meeting_tab import MeetingTab
from emulation_desktop.gui.pages.tabbed import TabFactory

TABS: tuple[TabFactory, ...] = (CompositionTab, MeetingTab)
