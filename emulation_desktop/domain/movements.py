"""Emulation movements (phong trào thi đua), their phases and milestones, and the yearly plan:
what the edit form holds, what lists and detail panels show, the labels plans print, and
`copy_to_year`, the rule that carries a movement into another year.

The checks of what the officer types are in domain.movement_checks.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.enums import Launcher, MovementKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.subjects import SubjectRef
from emulation_desktop.domain.text import fold


def short_date(day: dt.date) -> str:
    """ "07/5/1954": how plans write dates in running text (day padded, month not)."""
    return f"{day.day:02d}/{day.month}/{day.year}"


def milestone_label(name: str, origin: dt.date, anniversary: dt.date) -> str:
    """ "70 năm Chiến thắng Điện Biên Phủ (07/5/1954 - 07/5/2024)"."""
    years = anniversary.year - origin.year
    return f"{years} năm {name} ({short_date(origin)} - {short_date(anniversary)})"


def period_text(start: dt.date, end: dt.date) -> str:
    return f"{day_text(start)} - {day_text(end)}"


def shift_years(day: dt.date, years: int) -> dt.date:
    """The same day `years` later; 29/02 becomes 28/02 in a year without it."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def phase_title(number: int, name: str) -> str:
    """ "Đợt 1: Chào mừng 70 năm Chiến thắng Điện Biên Phủ" (a name that already says "Đợt 1"
    is not prefixed twice)."""
    if fold(name).startswith(f"dot {number}"):
        return name
    return f"Đợt {number}: {name}" if name else f"Đợt {number}"


# Input ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PhaseInput:
    """Đợt thi đua. An empty name becomes "Đợt <number>"."""

    number: int
    name: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    goals: str = ""

    @property
    def title(self) -> str:
        return f"Đợt {self.number}"


@dataclass(frozen=True, slots=True)
class MilestoneInput:
    """Mốc kỷ niệm: the event (`name`, `origin_date`) and the day it is celebrated this year."""

    name: str
    origin_date: dt.date | None
    anniversary_date: dt.date | None
    phase_number: int | None = None


@dataclass(frozen=True, slots=True)
class MovementInput:
    """A movement as the edit form holds it. `year` is the year it is listed under (on create;
    None: the year of `start`); an edit keeps the movement's year."""

    name: str
    start: dt.date | None
    end: dt.date | None
    theme: str = ""
    kind: MovementKind = MovementKind.REGULAR
    launcher: Launcher = Launcher.COMMUNE
    launch_doc_type: str = ""  # "Kế hoạch", "Quyết định", "Chỉ thị"…
    launch_doc_number: str = ""  # "36/KH-UBND"
    launch_doc_date: dt.date | None = None
    launch_doc_issuer: str = ""  # "UBND huyện Trục Ninh"
    launch_doc_subject: str = ""  # trích yếu
    targets: str = ""  # chỉ tiêu, tiêu chí: one per line
    responsible_id: int | None = None
    note: str = ""
    phases: tuple[PhaseInput, ...] = ()
    milestones: tuple[MilestoneInput, ...] = ()
    unit_ids: tuple[int, ...] = ()
    year: int | None = None


def copy_to_year(source: MovementInput, from_year: int, to_year: int) -> MovementInput:
    """The movement as it would run in `to_year`: every date moved by whole years, the same
    phases and units; milestones keep their event and celebrate one more year ("71 năm …").

    The launching document is kept as it is: it is the document that launched the movement,
    and a shifted date would name a document that does not exist.
    """
    if to_year == from_year:
        raise UserError(f"Phong trào đã thuộc năm {from_year}; hãy chọn năm khác.")
    n = to_year - from_year

    def move(day: dt.date | None) -> dt.date | None:
        return shift_years(day, n) if day else None

    return replace(
        source,
        start=move(source.start),
        end=move(source.end),
        phases=tuple(replace(p, start=move(p.start), end=move(p.end)) for p in source.phases),
        milestones=tuple(
            replace(m, anniversary_date=move(m.anniversary_date)) for m in source.milestones
        ),
        year=to_year,
    )


# Views ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MovementItem:
    """A row of the movements list."""

    id: int
    year: int
    name: str
    kind: MovementKind
    launcher: Launcher
    start: dt.date
    end: dt.date
    phase_count: int
    registration_count: int = 0
    theme: str = ""

    @property
    def period(self) -> str:
        return period_text(self.start, self.end)


@dataclass(frozen=True, slots=True)
class PhaseView:
    id: int
    number: int
    name: str
    start: dt.date
    end: dt.date
    goals: str
    reviewed: bool = False  # a sơ kết/tổng kết refers to it: it cannot be removed

    @property
    def title(self) -> str:
        return phase_title(self.number, self.name)

    @property
    def period(self) -> str:
        return period_text(self.start, self.end)


@dataclass(frozen=True, slots=True)
class MilestoneView:
    id: int
    name: str
    origin_date: dt.date
    anniversary_date: dt.date
    phase_number: int | None = None

    @property
    def years(self) -> int:
        return self.anniversary_date.year - self.origin_date.year

    @property
    def label(self) -> str:
        return milestone_label(self.name, self.origin_date, self.anniversary_date)


@dataclass(frozen=True, slots=True)
class UnitRef:
    id: int
    name: str


@dataclass(frozen=True, slots=True)
class MovementDetail:
    id: int
    year: int
    name: str
    theme: str
    kind: MovementKind
    launcher: Launcher
    launch_doc_type: str
    launch_doc_number: str
    launch_doc_date: dt.date | None
    launch_doc_issuer: str
    launch_doc_subject: str
    start: dt.date
    end: dt.date
    targets: str
    responsible: SubjectRef | None
    note: str
    phases: tuple[PhaseView, ...] = ()
    milestones: tuple[MilestoneView, ...] = ()
    units: tuple[UnitRef, ...] = ()
    copied_from_id: int | None = None
    registration_count: int = 0
    review_count: int = 0

    @property
    def period(self) -> str:
        return period_text(self.start, self.end)

    @property
    def launch_line(self) -> str:
        """ "Kế hoạch số 36/KH-UBND ngày 14/3/2024 của UBND huyện Trục Ninh" ("" if none)."""
        parts = []
        if self.launch_doc_number or self.launch_doc_type:
            kind = self.launch_doc_type or "Văn bản"
            parts.append(f"{kind} số {self.launch_doc_number}" if self.launch_doc_number else kind)
        if self.launch_doc_date:
            parts.append(f"ngày {short_date(self.launch_doc_date)}")
        if self.launch_doc_issuer:
            parts.append(f"của {self.launch_doc_issuer}")
        return " ".join(parts)

    def to_input(self) -> MovementInput:
        """What the edit form starts from; also the source of a copy."""
        return MovementInput(
            name=self.name, start=self.start, end=self.end, theme=self.theme, kind=self.kind,
            launcher=self.launcher, launch_doc_type=self.launch_doc_type,
            launch_doc_number=self.launch_doc_number, launch_doc_date=self.launch_doc_date,
            launch_doc_issuer=self.launch_doc_issuer, launch_doc_subject=self.launch_doc_subject,
            targets=self.targets, responsible_id=self.responsible.id if self.responsible else None,
            note=self.note,
            phases=tuple(PhaseInput(p.number, p.name, p.start, p.end, p.goals)
                         for p in self.phases),
            milestones=tuple(MilestoneInput(m.name, m.origin_date, m.anniversary_date,
                                            m.phase_number) for m in self.milestones),
            unit_ids=tuple(u.id for u in self.units),
            year=self.year,
        )  # fmt: skip


# The yearly plan --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class YearPlan:
    """Kế hoạch thi đua của năm: its theme, number and date, and the advanced-model target."""

    year: int
    theme: str = ""
    model_target: int = 0
    plan_number: str = ""
    plan_date: dt.date | None = None
    note: str = ""
    saved: bool = field(default=False, compare=False)  # False: defaults, no row yet

    @property
    def plan_line(self) -> str:
        """ "Kế hoạch số 21/KH-UBND ngày 14/3/2024" ("" when not recorded)."""
        line = f"Kế hoạch số {self.plan_number}" if self.plan_number else ""
        if self.plan_date:
            line = f"{line or 'Kế hoạch'} ngày {short_date(self.plan_date)}"
        return line
