"""The movements that registrations, reviews and advanced models point to: the choices their
forms offer, and the check that a chosen movement still exists in the record's year."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.orm import Session

from emulation_desktop.domain.errors import ValidationError
from emulation_desktop.domain.movement_choices import MovementChoice, PhaseChoice
from emulation_desktop.store.cycle_models import MovementPhaseRow, MovementRow

MOVEMENT_GONE = "Phong trào đã chọn không còn; hãy chọn lại."


def movement_choices(
    s: Session, year: int | None = None, ids: Collection[int] = ()
) -> list[MovementChoice]:
    """Movements of `year` (or those in `ids`) with their phases, by start date then name."""
    stmt = select(MovementRow)
    if year is not None:
        stmt = stmt.where(MovementRow.year == year)
    if ids:
        stmt = stmt.where(MovementRow.id.in_(ids))
    movements = s.scalars(stmt.order_by(MovementRow.start_date, MovementRow.name)).all()
    phases: dict[int, list[PhaseChoice]] = defaultdict(list)
    if movements:
        for p in s.scalars(
            select(MovementPhaseRow)
            .where(MovementPhaseRow.movement_id.in_([m.id for m in movements]))
            .order_by(MovementPhaseRow.number)
        ):
            phases[p.movement_id].append(PhaseChoice(p.id, p.number, p.name, p.start_date,
                                                     p.end_date))  # fmt: skip
    return [MovementChoice(m.id, m.year, m.name, m.start_date, m.end_date, tuple(phases[m.id]))
            for m in movements]  # fmt: skip


def chosen_movement(s: Session, movement_id: int | None, year: int) -> MovementRow | None:
    """The movement a record of `year` is attached to (None: none chosen); a ValidationError on
    `movement_id` when it is gone or belongs to another year."""
    if movement_id is None:
        return None
    row = s.get(MovementRow, movement_id)
    if row is None:
        raise ValidationError({"movement_id": MOVEMENT_GONE})
    if row.year != year:
        raise ValidationError(
            {"movement_id": f"Phong trào «{row.name}» thuộc năm {row.year}, không phải năm {year}."}
        )
    return row
