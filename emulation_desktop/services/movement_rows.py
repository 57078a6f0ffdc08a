"""How a movement is written to its rows and read back: the movement, its phases (matched by
number, so a phase keeps its id and its reviews across edits), milestones and units, and the
MovementDetail the screens and a copy start from."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from emulation_desktop.domain.enums import SubjectKind
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.movements import (
    MilestoneView,
    MovementDetail,
    MovementInput,
    PhaseView,
    UnitRef,
)
from emulation_desktop.services.subjects import subject_refs
from emulation_desktop.store.cycle_models import (
    MilestoneRow,
    MovementPhaseRow,
    MovementRow,
    MovementUnitRow,
    RegistrationRow,
    ReviewRow,
)
from emulation_desktop.store.models import UnitRow

_GONE = "Không tìm thấy phong trào này; có thể đã bị xóa. Hãy bấm F5 để tải lại danh sách."


def movement_row(s: Session, movement_id: int) -> MovementRow:
    row = s.get(MovementRow, movement_id)
    if row is None:
        raise UserError(_GONE)
    return row


def count_by(s: Session, column: InstrumentedAttribute[Any], ids: Iterable[int]) -> dict[int, int]:
    ids = list(ids)
    if not ids:
        return {}
    return dict(
        s.execute(select(column, func.count()).where(column.in_(ids)).group_by(column)).all()
    )


def _fill(row: MovementRow, d: MovementInput) -> None:
    row.name, row.theme, row.kind, row.launcher = d.name, d.theme, d.kind, d.launcher
    row.launch_doc_type, row.launch_doc_number = d.launch_doc_type, d.launch_doc_number
    row.launch_doc_date, row.launch_doc_issuer = d.launch_doc_date, d.launch_doc_issuer
    row.launch_doc_subject = d.launch_doc_subject
    assert d.start is not None and d.end is not None  # validated
    row.start_date, row.end_date = d.start, d.end
    row.targets, row.responsible_id, row.note = d.targets, d.responsible_id, d.note


def _set_phases_and_milestones(s: Session, row: MovementRow, d: MovementInput) -> None:
    """Phases are matched by number, so a phase keeps its id (and its reviews) across edits;
    milestones are replaced."""
    existing = {p.number: p for p in row.phases}
    wanted = {p.number: p for p in d.phases}
    removed = [p for n, p in existing.items() if n not in wanted]
    if removed:
        reviewed = set(
            s.scalars(
                select(ReviewRow.phase_id).where(ReviewRow.phase_id.in_([p.id for p in removed]))
            )
        )
        if blocked := [p for p in removed if p.id in reviewed]:
            names = ", ".join(f"Đợt {p.number}" for p in blocked)
            raise ValidationError({
                "phases": f"Không bỏ được {names}: đã có sơ kết, tổng kết của đợt này. "
                "Hãy xóa sơ kết, tổng kết của đợt trước, hoặc giữ lại đợt."
            })  # fmt: skip
        for p in removed:
            row.phases.remove(p)
    for number, p in wanted.items():
        phase = existing.get(number)
        if phase is None:
            phase = MovementPhaseRow(number=number)
            row.phases.append(phase)
        phase.name, phase.goals = p.name, p.goals
        assert p.start is not None and p.end is not None  # validated
        phase.start_date, phase.end_date = p.start, p.end
    row.milestones.clear()
    s.flush()
    ids = {p.number: p.id for p in row.phases}
    for m in d.milestones:
        row.milestones.append(
            MilestoneRow(
                name=m.name,
                origin_date=m.origin_date,
                anniversary_date=m.anniversary_date,
                phase_id=ids.get(m.phase_number) if m.phase_number is not None else None,
            )
        )


def _set_units(s: Session, movement_id: int, unit_ids: Iterable[int]) -> None:
    s.execute(delete(MovementUnitRow).where(MovementUnitRow.movement_id == movement_id))
    s.add_all(MovementUnitRow(movement_id=movement_id, unit_id=u) for u in unit_ids)


def insert_movement(s: Session, clean: MovementInput, copied_from_id: int | None = None) -> int:
    """Insert a validated movement (its references checked, its name free in its year)."""
    assert clean.year is not None
    row = MovementRow(year=clean.year, copied_from_id=copied_from_id)
    _fill(row, clean)
    s.add(row)
    s.flush()
    _set_phases_and_milestones(s, row, clean)
    _set_units(s, row.id, clean.unit_ids)
    s.flush()
    return row.id


def update_movement(s: Session, row: MovementRow, clean: MovementInput) -> None:
    """Replace what the form holds on an existing movement (the year stays)."""
    _fill(row, clean)
    _set_phases_and_milestones(s, row, clean)
    _set_units(s, row.id, clean.unit_ids)


def review_count(s: Session, movement_id: int) -> int:
    return s.scalar(select(func.count()).where(ReviewRow.movement_id == movement_id)) or 0


def movement_detail(s: Session, row: MovementRow) -> MovementDetail:
    reviewed = set(s.scalars(select(ReviewRow.phase_id).where(ReviewRow.movement_id == row.id)))
    numbers = {p.id: p.number for p in row.phases}
    units = s.execute(
        select(UnitRow.id, UnitRow.name)
        .join(MovementUnitRow, MovementUnitRow.unit_id == UnitRow.id)
        .where(MovementUnitRow.movement_id == row.id)
        .order_by(UnitRow.sort_order, UnitRow.name_fold)
    ).all()
    responsible = None
    if row.responsible_id is not None:
        key = (SubjectKind.PERSON, row.responsible_id)
        responsible = subject_refs(s, [key]).get(key)
    registrations = count_by(s, RegistrationRow.movement_id, [row.id]).get(row.id, 0)
    return MovementDetail(
        id=row.id, year=row.year, name=row.name, theme=row.theme, kind=row.kind,
        launcher=row.launcher, launch_doc_type=row.launch_doc_type,
        launch_doc_number=row.launch_doc_number, launch_doc_date=row.launch_doc_date,
        launch_doc_issuer=row.launch_doc_issuer, launch_doc_subject=row.launch_doc_subject,
        start=row.start_date, end=row.end_date, targets=row.targets, responsible=responsible,
        note=row.note,
        phases=tuple(PhaseView(p.id, p.number, p.name, p.start_date, p.end_date, p.goals,
                               p.id in reviewed) for p in row.phases),
        milestones=tuple(MilestoneView(m.id, m.name, m.origin_date, m.anniversary_date,
                                       numbers.get(m.phase_id) if m.phase_id else None)
                         for m in row.milestones),
        units=tuple(UnitRef(uid, name) for uid, name in units),
        copied_from_id=row.copied_from_id,
        registration_count=registrations,
        review_count=review_count(s, row.id),
    )  # fmt: skip
