"""What the Tổng quan page shows of one work year: views filled by services.overview.

Plain frozen dataclasses; the page formats them, the service fills them with set queries.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from emulation_desktop.domain.advanced_models import ModelProgress
from emulation_desktop.domain.enums import ComplaintKind, Launcher, RegistrationStatus

UPCOMING_DAYS = 60
BEHIND_UNITS = 5


class Progress(Enum):
    DONE = "done"
    NOW = "now"
    LATER = "later"

    @staticmethod
    def of(start: dt.date, end: dt.date, today: dt.date) -> Progress:
        return Progress.DONE if end < today else Progress.LATER if start > today else Progress.NOW


@dataclass(frozen=True, slots=True)
class PhaseLine:
    number: int
    name: str
    start: dt.date
    end: dt.date
    progress: Progress


@dataclass(frozen=True, slots=True)
class MovementLine:
    id: int
    name: str
    launcher: Launcher
    start: dt.date
    end: dt.date
    responsible: str
    progress: Progress
    phases: tuple[PhaseLine, ...]

    @property
    def current_phase(self) -> PhaseLine | None:
        return next((p for p in self.phases if p.progress is Progress.NOW), None)


class DueKind(Enum):
    MILESTONE = "milestone"
    PHASE_END = "phase_end"
    MOVEMENT_END = "movement_end"
    COMPLAINT = "complaint"
    DEADLINE = "deadline"


# Where each kind of date is handled (section keys); a yearly deadline brings its own area.
DUE_SECTION = {
    DueKind.MILESTONE: "movements",
    DueKind.PHASE_END: "movements",
    DueKind.MOVEMENT_END: "movements",
    DueKind.COMPLAINT: "evaluations",
}


@dataclass(frozen=True, slots=True)
class DueItem:
    date: dt.date
    days_left: int  # negative: overdue
    kind: DueKind
    text: str
    section: str  # key of the section that handles it


@dataclass(frozen=True, slots=True)
class RegistrationCounts:
    by_status: tuple[tuple[RegistrationStatus, int], ...]  # every status, in the enum's order
    people: int
    collectives: int
    households: int

    @property
    def total(self) -> int:
        return sum(n for _, n in self.by_status)

    def count(self, status: RegistrationStatus) -> int:
        return dict(self.by_status)[status]


@dataclass(frozen=True, slots=True)
class UnitBehind:
    unit_id: int
    name: str
    missing_people: int
    people: int
    collective_missing: bool


@dataclass(frozen=True, slots=True)
class EvaluationProgress:
    people: int  # active staff who should be graded
    people_done: int
    collectives: int
    collectives_done: int
    behind: tuple[UnitBehind, ...]  # the units most behind, at most BEHIND_UNITS

    @property
    def missing(self) -> int:
        return self.people - self.people_done + self.collectives - self.collectives_done


@dataclass(frozen=True, slots=True)
class OpenComplaint:
    id: int
    kind: ComplaintKind
    received_on: dt.date
    sender: str
    content: str
    subject: str  # "" when the complaint names nobody
    deadline: dt.date | None
    days_left: int | None

    @property
    def overdue(self) -> bool:
        return self.days_left is not None and self.days_left < 0


@dataclass(frozen=True, slots=True)
class YearOverview:
    year: int
    today: dt.date
    theme: str
    plan_number: str
    plan_date: dt.date | None
    movements: tuple[MovementLine, ...]
    due: tuple[DueItem, ...]  # from today on, UPCOMING_DAYS ahead, by date; overdue first
    registrations: RegistrationCounts
    evaluations: EvaluationProgress
    models: ModelProgress
    complaints: tuple[OpenComplaint, ...]  # open ones, whatever the year, by deadline

    @property
    def overdue_complaints(self) -> int:
        return sum(c.overdue for c in self.complaints)
