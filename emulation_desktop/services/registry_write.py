"""Changing the registry: create, edit, move, deactivate, delete (only without history), merge.

Every change is checked first (a Vietnamese message, nothing written) and leaves an audit entry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.registry import (
    HouseholdInput,
    PersonInput,
    UnitInput,
    validate_household,
    validate_person,
    validate_unit,
)
from emulation_desktop.store.models import (
    AuditEntryRow,
    AwardRow,
    EvaluationRow,
    HouseholdRow,
    PersonRow,
    UnitRow,
)

UNIT_ORDER_STEP = 10


def audit(
    session: Session, action: str, entity: str, entity_id: int | None, **detail: object
) -> None:
    session.add(AuditEntryRow(action=action, entity=entity, entity_id=entity_id, detail=detail))


def _unit(session: Session, unit_id: int | None, field: str = "unit_id") -> UnitRow:
    row = session.get(UnitRow, unit_id) if unit_id is not None else None
    if row is None:
        raise ValidationError({field: "Đơn vị đã chọn không còn trong danh sách; hãy chọn lại."})
    return row


def _person(session: Session, person_id: int) -> PersonRow:
    row = session.get(PersonRow, person_id)
    if row is None:
        raise UserError("Cá nhân này không còn trong danh sách (có thể đã được gộp hoặc xóa).")
    return row


def _check_cccd(session: Session, cccd: str, exclude_id: int | None) -> None:
    if not cccd:
        return
    owner = session.execute(
        select(PersonRow.id, PersonRow.full_name).where(PersonRow.cccd == cccd)
    ).first()
    if owner and owner.id != exclude_id:
        raise ValidationError({"cccd": f"Số CCCD {cccd} đã có ở «{owner.full_name}»."})


# People ---------------------------------------------------------------------------------------


def _fill_person(session: Session, row: PersonRow, clean: PersonInput) -> None:
    unit = _unit(session, clean.unit_id)
    row.full_name = clean.full_name
    row.gender = clean.gender
    row.kind = clean.kind
    row.unit_id = unit.id
    row.birth_date = clean.birth_date
    row.birth_year = clean.birth_year
    row.position = clean.position
    row.cccd = clean.cccd or None


def create_person(session: Session, data: PersonInput, today: dt.date) -> int:
    clean = validate_person(data, today)
    _check_cccd(session, clean.cccd, None)
    row = PersonRow()
    _fill_person(session, row, clean)
    session.add(row)
    session.flush()
    audit(session, "create", "person", row.id, name=row.full_name)
    return row.id


def update_person(session: Session, person_id: int, data: PersonInput, today: dt.date) -> None:
    clean = validate_person(data, today)
    row = _person(session, person_id)
    _check_cccd(session, clean.cccd, person_id)
    before = row.full_name
    _fill_person(session, row, clean)
    audit(session, "update", "person", person_id, name=row.full_name, before=before)


def move_people(session: Session, person_ids: Sequence[int], unit_id: int) -> int:
    unit = _unit(session, unit_id)
    if not unit.active:
        raise UserError(f"Đơn vị «{unit.name}» đã ngừng theo dõi; hãy chọn đơn vị khác.")
    moved = session.execute(
        update(PersonRow).where(PersonRow.id.in_(list(person_ids))).values(unit_id=unit.id)
    ).rowcount
    audit(session, "move", "person", None, ids=list(person_ids), unit=unit.name)
    return moved


def set_people_active(session: Session, person_ids: Sequence[int], active: bool) -> int:
    changed = session.execute(
        update(PersonRow).where(PersonRow.id.in_(list(person_ids))).values(active=active)
    ).rowcount
    audit(session, "activate" if active else "deactivate", "person", None, ids=list(person_ids))
    return changed


def _history_counts(session: Session, person_id: int) -> tuple[int, int, int]:
    awards = session.scalar(select(func.count()).where(AwardRow.person_id == person_id)) or 0
    evals = session.scalar(select(func.count()).where(EvaluationRow.person_id == person_id)) or 0
    heads = session.scalar(select(func.count()).where(HouseholdRow.head_id == person_id)) or 0
    return awards, evals, heads


def delete_person(session: Session, person_id: int) -> None:
    """Only a person entered by mistake (no award, evaluation or household) can be deleted."""
    row = _person(session, person_id)
    awards, evals, heads = _history_counts(session, person_id)
    if awards or evals or heads:
        raise UserError(
            f"Không xóa được «{row.full_name}» vì đã có lịch sử khen thưởng, kết quả đánh giá "
            "hoặc là chủ hộ. Hãy dùng «Ngừng theo dõi» để giữ lại lịch sử."
        )
    audit(session, "delete", "person", person_id, name=row.full_name, cccd=row.cccd)
    session.delete(row)


# Units ----------------------------------------------------------------------------------------


def renumber_units(session: Session) -> None:
    """Keep `sort_order` a global tree order, so "sort by unit" is one ORDER BY column."""
    rows = session.scalars(select(UnitRow)).all()
    children: dict[int | None, list[UnitRow]] = {}
    for r in rows:
        children.setdefault(r.parent_id, []).append(r)
    counter = iter(range(UNIT_ORDER_STEP, UNIT_ORDER_STEP * (len(rows) + 2), UNIT_ORDER_STEP))

    def walk(parent: int | None) -> None:
        for r in sorted(children.get(parent, []), key=lambda r: (r.sort_order, r.id)):
            r.sort_order = next(counter)
            walk(r.id)

    walk(None)


def _check_parent(session: Session, unit_id: int | None, parent_id: int | None) -> None:
    seen = set()
    current = parent_id
    while current is not None:
        if current == unit_id or current in seen:
            raise ValidationError({"parent_id": "Không thể đặt đơn vị trực thuộc chính nó."})
        seen.add(current)
        current = _unit(session, current, "parent_id").parent_id


def create_unit(session: Session, data: UnitInput) -> int:
    clean = validate_unit(data)
    _check_parent(session, None, clean.parent_id)
    last = session.scalar(select(func.max(UnitRow.sort_order))) or 0
    row = UnitRow(name=clean.name, kind=clean.kind, parent_id=clean.parent_id,
                  sort_order=last + UNIT_ORDER_STEP)  # fmt: skip
    session.add(row)
    session.flush()
    renumber_units(session)
    audit(session, "create", "unit", row.id, name=row.name)
    return row.id


def update_unit(session: Session, unit_id: int, data: UnitInput) -> None:
    clean = validate_unit(data)
    row = _unit(session, unit_id, "name")
    _check_parent(session, unit_id, clean.parent_id)
    before = row.name
    if row.parent_id != clean.parent_id:
        row.sort_order = (session.scalar(select(func.max(UnitRow.sort_order))) or 0) + 1
    row.name, row.kind, row.parent_id = clean.name, clean.kind, clean.parent_id
    session.flush()
    renumber_units(session)
    audit(session, "update", "unit", unit_id, name=row.name, before=before)


def set_unit_active(session: Session, unit_id: int, active: bool) -> None:
    row = _unit(session, unit_id, "name")
    if not active:
        members = session.scalar(
            select(func.count()).where(PersonRow.unit_id == unit_id, PersonRow.active.is_(True))
        )
        sub = session.scalar(
            select(func.count()).where(UnitRow.parent_id == unit_id, UnitRow.active.is_(True))
        )
        if members or sub:
            raise UserError(
                f"Đơn vị «{row.name}» còn {members} cá nhân và {sub} đơn vị trực thuộc đang "
                "theo dõi. Hãy chuyển họ sang đơn vị khác trước khi ngừng theo dõi đơn vị này."
            )
    row.active = active
    audit(session, "activate" if active else "deactivate", "unit", unit_id, name=row.name)


def delete_unit(session: Session, unit_id: int) -> None:
    row = _unit(session, unit_id, "name")
    used = sum(
        session.scalar(select(func.count()).where(cond)) or 0
        for cond in (
            PersonRow.unit_id == unit_id,
            HouseholdRow.unit_id == unit_id,
            UnitRow.parent_id == unit_id,
            AwardRow.unit_id == unit_id,
            EvaluationRow.unit_id == unit_id,
        )
    )
    if used:
        raise UserError(
            f"Không xóa được «{row.name}» vì đơn vị còn cá nhân, hộ gia đình, đơn vị trực thuộc "
            "hoặc lịch sử khen thưởng. Hãy dùng «Ngừng theo dõi»."
        )
    audit(session, "delete", "unit", unit_id, name=row.name)
    session.delete(row)


# Households -----------------------------------------------------------------------------------


def _fill_household(session: Session, row: HouseholdRow, clean: HouseholdInput) -> None:
    _person(session, clean.head_id)  # type: ignore[arg-type]
    row.head_id = clean.head_id  # type: ignore[assignment]
    row.address = clean.address
    row.unit_id = _unit(session, clean.unit_id).id


def create_household(session: Session, data: HouseholdInput) -> int:
    clean = validate_household(data)
    taken = session.scalar(
        select(HouseholdRow.address).where(
            HouseholdRow.head_id == clean.head_id, HouseholdRow.active.is_(True)
        )
    )
    if taken is not None:
        raise ValidationError(
            {"head_id": f"Người này đã là chủ hộ ({taken or 'chưa ghi địa chỉ'})."}
        )
    row = HouseholdRow()
    _fill_household(session, row, clean)
    session.add(row)
    session.flush()
    audit(session, "create", "household", row.id, head_id=row.head_id)
    return row.id


def update_household(session: Session, household_id: int, data: HouseholdInput) -> None:
    clean = validate_household(data)
    row = session.get(HouseholdRow, household_id)
    if row is None:
        raise UserError("Hộ gia đình này không còn trong danh sách.")
    _fill_household(session, row, clean)
    audit(session, "update", "household", household_id, head_id=row.head_id)


def set_households_active(session: Session, ids: Sequence[int], active: bool) -> int:
    changed = session.execute(
        update(HouseholdRow).where(HouseholdRow.id.in_(list(ids))).values(active=active)
    ).rowcount
    audit(session, "activate" if active else "deactivate", "household", None, ids=list(ids))
    return changed


def delete_household(session: Session, household_id: int) -> None:
    row = session.get(HouseholdRow, household_id)
    if row is None:
        raise UserError("Hộ gia đình này không còn trong danh sách.")
    if session.scalar(select(func.count()).where(AwardRow.household_id == household_id)):
        raise UserError(
            "Không xóa được hộ gia đình đã có lịch sử khen thưởng. Hãy dùng «Ngừng theo dõi»."
        )
    audit(session, "delete", "household", household_id, head_id=row.head_id, address=row.address)
    session.delete(row)
