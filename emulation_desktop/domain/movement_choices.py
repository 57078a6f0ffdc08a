"""A movement as the forms of other records need it (registrations, reviews, advanced models):
its id, name, dates and phases, never the whole movement."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from emulation_desktop.domain.movements import period_text, phase_title


@dataclass(frozen=True, slots=True)
class PhaseChoice:
    id: int
    number: int
    name: str
    start: dt.date
    end: dt.date

    @property
    def title(self) -> str:
        return phase_title(self.number, self.name)

    @property
    def label(self) -> str:
        """The title with the dates, for combo boxes."""
        return f"{self.title} ({period_text(self.start, self.end)})"


@dataclass(frozen=True, slots=True)
class MovementChoice:
    """A movement of the year as combos and checks need it."""

    id: int
    year: int
    name: str
    start: dt.date
    end: dt.date
    phases: tuple[PhaseChoice, ...] = ()

    def phase(self, phase_id: int | None) -> PhaseChoice | None:
        return next((p for p in self.phases if p.id == phase_id), None)
