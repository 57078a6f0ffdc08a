"""Figures for the Tổng quan page and the status bar.

`summary()` is the commune at a glance (the status bar reads it too); `year_overview()` is the
work of one year: its movements and phases, what falls due in the coming weeks, registrations,
grades still missing, advanced models against the plan's target and open complaints. Both read
the tables with a few set and aggregate queries, never row by row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from emulation_desktop.domain import deadlines
from emulation_desktop.domain.enums import (
    Gender,
    RegistrationStatus,
    SubjectKind,
    UnitKind,
)
from emulation_desktop.domain.evaluations import GRADED_PERSON_KINDS, GRADED_UNIT_KINDS
from emulation_desktop.domain.movements import milestone_label
from emulation_desktop.domain.overview import (
    BEHIND_UNITS,
    DUE_SECTION,
    UPCOMING_DAYS,
    DueItem,
    DueKind,
    EvaluationProgress,
    MovementLine,
    OpenComplaint,
    PhaseLine,
    Progress,
    RegistrationCounts,
    UnitBehind,
    YearOverview,
)
from emulation_desktop.domain.profile import CommuneProfile
from emulation_desktop.services.advanced_models import model_progress
from emulation_desktop.services.profile import PROFILE_ID, profile_from_row
from emulation_desktop.services.registry_read import started_by_end_of
from emulation_desktop.services.subjects import row_subject_key, subject_refs
from emulation_desktop.store.cycle_models import (
    ComplaintRow,
    MilestoneRow,
    MovementPhaseRow,
    MovementRow,
    RegistrationRow,
    YearPlanRow,
)
from emulation_desktop.store.db import Database
from emulation_desktop.store.models import (
    AppStateRow,
    CommuneProfileRow,
    EvaluationRow,
    HouseholdRow,
    PersonRow,
    UnitRow,
)

LAST_USB_BACKUP_KEY = "last_usb_backup_at"


@dataclass(frozen=True, slots=True)
class OverviewSummary:
    profile: CommuneProfile | None
    units: int  # real units, not the grouping folders of the tree
    residential_units: int
    people: int
    women: int
    households: int
    last_usb_backup: dt.datetime | None

    @property
    def is_empty(self) -> bool:
        return self.units == 0 and self.people == 0


class OverviewService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def summary(self) -> OverviewSummary:
        with self._db.session_scope() as s:
            units, residential = s.execute(
                select(
                    func.count(),
                    func.count().filter(UnitRow.kind == UnitKind.RESIDENTIAL),
                ).where(UnitRow.active.is_(True), UnitRow.kind != UnitKind.GROUP)
            ).one()
            people, women = s.execute(
                select(func.count(), func.count().filter(PersonRow.gender == Gender.FEMALE)).where(
                    PersonRow.active.is_(True)
                )
            ).one()
            households = s.scalar(
                select(func.count()).select_from(HouseholdRow).where(HouseholdRow.active.is_(True))
            )
            stamp = s.get(AppStateRow, LAST_USB_BACKUP_KEY)
            profile_row = s.get(CommuneProfileRow, PROFILE_ID)
            profile = profile_from_row(profile_row) if profile_row else None
        last = dt.datetime.fromisoformat(stamp.value) if stamp else None
        return OverviewSummary(profile, units, residential, people, women, households or 0, last)

    def year_overview(
        self, year: int, today: dt.date | None = None, days: int = UPCOMING_DAYS
    ) -> YearOverview:
        """The work of `year`; what falls due is counted from `today` (default: the real day)."""
        today = today or dt.date.today()
        with self._db.session_scope() as s:
            plan = s.get(YearPlanRow, year)
            complaints = _complaints(s, today)
            return YearOverview(
                year=year,
                today=today,
                theme=plan.theme if plan else "",
                plan_number=plan.plan_number if plan else "",
                plan_date=plan.plan_date if plan else None,
                movements=_movements(s, year, today),
                due=_due(s, today, days, complaints),
                registrations=_registrations(s, year),
                evaluations=_evaluations(s, year),
                models=model_progress(s, year, plan.model_target if plan else 0),
                complaints=complaints,
            )


def _movements(s: Session, year: int, today: dt.date) -> tuple[MovementLine, ...]:
    phases: dict[int, list[PhaseLine]] = {}
    for p in s.execute(
        select(MovementPhaseRow)
        .join(MovementRow, MovementRow.id == MovementPhaseRow.movement_id)
        .where(MovementRow.year == year)
        .order_by(MovementPhaseRow.number)
    ).scalars():
        line = PhaseLine(p.number, p.name, p.start_date, p.end_date,
                         Progress.of(p.start_date, p.end_date, today))  # fmt: skip
        phases.setdefault(p.movement_id, []).append(line)
    rows = s.execute(
        select(MovementRow.id, MovementRow.name, MovementRow.launcher, MovementRow.start_date,
               MovementRow.end_date, PersonRow.full_name)
        .outerjoin(PersonRow, PersonRow.id == MovementRow.responsible_id)
        .where(MovementRow.year == year)
        .order_by(MovementRow.start_date, MovementRow.id)
    )  # fmt: skip
    lines = [
        MovementLine(id_, name, launcher, start, end, who or "", Progress.of(start, end, today),
                     tuple(phases.get(id_, ())))
        for id_, name, launcher, start, end, who in rows
    ]  # fmt: skip
    return tuple(lines)


def _due(
    s: Session, today: dt.date, days: int, complaints: tuple[OpenComplaint, ...]
) -> tuple[DueItem, ...]:
    last = today + dt.timedelta(days=days)

    def item(day: dt.date, kind: DueKind, text: str, section: str = "") -> DueItem:
        return DueItem(day, (day - today).days, kind, text, section or DUE_SECTION[kind])

    items = [
        item(d.date, DueKind.DEADLINE, d.text, d.deadline.area)
        for d in deadlines.upcoming(today, days)
    ]
    for name, origin, day in s.execute(
        select(MilestoneRow.name, MilestoneRow.origin_date, MilestoneRow.anniversary_date)
        .where(MilestoneRow.anniversary_date.between(today, last))
        .distinct()  # the same anniversary honoured by two movements is one date
    ):
        items.append(item(day, DueKind.MILESTONE, "Kỷ niệm " + milestone_label(name, origin, day)))
    phase_ends: set[tuple[int, dt.date]] = set()
    for movement_id, number, movement, day in s.execute(
        select(MovementPhaseRow.movement_id, MovementPhaseRow.number, MovementRow.name,
               MovementPhaseRow.end_date)
        .join(MovementRow, MovementRow.id == MovementPhaseRow.movement_id)
        .where(MovementPhaseRow.end_date.between(today, last))
    ):  # fmt: skip
        phase_ends.add((movement_id, day))
        items.append(item(day, DueKind.PHASE_END, f"Kết thúc đợt {number}: «{movement}»"))
    for movement_id, movement, day in s.execute(
        select(MovementRow.id, MovementRow.name, MovementRow.end_date).where(
            MovementRow.end_date.between(today, last)
        )
    ):
        if (movement_id, day) not in phase_ends:
            items.append(item(day, DueKind.MOVEMENT_END, f"Kết thúc phong trào «{movement}»"))
    for c in complaints:
        if c.deadline is not None and c.deadline <= last:
            text = f"Hạn giải quyết {c.kind.label.lower()}: {c.subject or c.sender}"
            items.append(item(c.deadline, DueKind.COMPLAINT, text))
    return tuple(sorted(items, key=lambda i: (i.date, i.kind.name, i.text)))


def _registrations(s: Session, year: int) -> RegistrationCounts:
    by_status = dict.fromkeys(RegistrationStatus, 0)
    by_kind = dict.fromkeys(SubjectKind, 0)
    for status, kind, n in s.execute(
        select(RegistrationRow.status, RegistrationRow.subject_kind, func.count())
        .where(RegistrationRow.year == year)
        .group_by(RegistrationRow.status, RegistrationRow.subject_kind)
    ):
        by_status[status] += n
        by_kind[kind] += n
    return RegistrationCounts(
        tuple(by_status.items()),
        by_kind[SubjectKind.PERSON],
        by_kind[SubjectKind.UNIT],
        by_kind[SubjectKind.HOUSEHOLD],
    )


def _evaluations(s: Session, year: int) -> EvaluationProgress:
    graded = EvaluationRow.year == year
    people = dict(  # unit → (staff, graded)
        (uid, (n, done))
        for uid, n, done in s.execute(
            select(PersonRow.unit_id, func.count(), func.count(EvaluationRow.id))
            .outerjoin(EvaluationRow, and_(EvaluationRow.person_id == PersonRow.id, graded))
            .where(
                PersonRow.active.is_(True),
                PersonRow.kind.in_(list(GRADED_PERSON_KINDS)),
                started_by_end_of(year),
            )
            .group_by(PersonRow.unit_id)
        )
    )
    units = s.execute(
        select(UnitRow.id, UnitRow.name, UnitRow.kind, UnitRow.sort_order, EvaluationRow.id)
        .outerjoin(EvaluationRow, and_(EvaluationRow.unit_id == UnitRow.id, graded))
        .where(UnitRow.active.is_(True))
    ).all()
    collectives = [u for u in units if u.kind in GRADED_UNIT_KINDS]
    behind = []
    for uid, name, kind, order, evaluation in units:
        staff, done = people.get(uid, (0, 0))
        unit_missing = kind in GRADED_UNIT_KINDS and evaluation is None
        if staff > done or unit_missing:
            behind.append((-(staff - done + unit_missing), order,
                           UnitBehind(uid, name, staff - done, staff, unit_missing)))  # fmt: skip
    behind.sort(key=lambda t: t[:2])
    return EvaluationProgress(
        people=sum(n for n, _ in people.values()),
        people_done=sum(done for _, done in people.values()),
        collectives=len(collectives),
        collectives_done=sum(u[4] is not None for u in collectives),
        behind=tuple(b for *_, b in behind[:BEHIND_UNITS]),
    )


def _complaints(s: Session, today: dt.date) -> tuple[OpenComplaint, ...]:
    rows = s.execute(
        select(ComplaintRow)
        .where(ComplaintRow.closed_on.is_(None))
        .order_by(ComplaintRow.deadline.is_(None), ComplaintRow.deadline, ComplaintRow.id)
    ).scalars().all()  # fmt: skip
    keys = {r.id: row_subject_key(r) for r in rows if r.subject_kind is not None}
    refs = subject_refs(s, keys.values())
    out = [
        OpenComplaint(r.id, r.kind, r.received_on, r.sender, r.content,
                      refs[keys[r.id]].name if keys.get(r.id) in refs else "", r.deadline,
                      None if r.deadline is None else (r.deadline - today).days)
        for r in rows
    ]  # fmt: skip
    return tuple(out)
