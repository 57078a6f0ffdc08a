"""The tabs of the sections built as tabs, in the order an officer works through them; a section
whose tabs are not built yet keeps its planned page."""

from __future__ import annotations

from emulation_desktop.gui.council.tabs import TABS as COUNCIL_TABS
from emulation_desktop.gui.decisions.tabs import TABS as DECISION_TABS
from emulation_desktop.gui.evaluations.complaints_tab import ComplaintsTab
from emulation_desktop.gui.evaluations.grades_tab import GradesTab
from emulation_desktop.gui.evaluations.initiatives_tab import InitiativesTab
from emulation_desktop.gui.evaluations.periods_tab import PeriodsTab
from emulation_desktop.gui.movements.advanced_models_tab import AdvancedModelsTab
from emulation_desktop.gui.movements.movements_tab import MovementsTab
from emulation_desktop.gui.movements.registrations_tab import RegistrationsTab
from emulation_desktop.gui.movements.reviews_tab import ReviewsTab
from emulation_desktop.gui.nominations.tabs import TABS as NOMINATION_TABS
from emulation_desktop.gui.pages.tabbed import TabFactory

TABS: dict[str, tuple[TabFactory, ...]] = {
    "movements": (MovementsTab, RegistrationsTab, ReviewsTab, AdvancedModelsTab),
    "evaluations": (GradesTab, PeriodsTab, InitiativesTab, ComplaintsTab),
    **{
        key: tabs
        for key, tabs in (
            ("nominations", NOMINATION_TABS),
            ("council", COUNCIL_TABS),
            ("decisions", DECISION_TABS),
        )
        if tabs
    },
}
