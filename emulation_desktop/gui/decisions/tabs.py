"""The tabs of the section, in the order an officer works through them."""

from __future__ import annotations

from emulation_desktop.gui.decisions.decisions_tab import DecisionsTab
from emulation_desktop.gui.decisions.proposals_tab import ProposalsTab
from emulation_desktop.gui.decisions.register_tabs import AwardRegisterTab, DocRegisterTab
from emulation_desktop.gui.pages.tabbed import TabFactory

TABS: tuple[TabFactory, ...] = (DecisionsTab, ProposalsTab, AwardRegisterTab, DocRegisterTab)
