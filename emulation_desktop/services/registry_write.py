"""Changing the registry: create, edit, move, deactivate, delete (only without history), merge.

Every change is checked first (a Vietnamese message, nothing written) and leaves an audit entry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from emulation_desktop.domain.enums import SubjectKind
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.registry import (
    HouseholdInput,
    PersonInput,
    UnitInput,
    validate_household,
    validate_person,
    validate_unit,
)
from emulation_desktop.store.award_models import NominationRow
from emulation_desktop.store.cycle_models import (
    AdvancedModelRow,
    ComplaintRow,
    InitiativeAuthorRow,
    MovementUnitRow,
    PersonPeriodRow,
    RegistrationRow,
)
from emulation_desktop.store.models import (
    AuditEntryRow,
    AwardRow,
    EligibilityOverrideRow,
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
    row.work_start = clean.work_start


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


def _in_use(session: Session, checks: Sequence[tuple[str, object]]) -> list[str]:
    """ "3 khen thưởng", "1 sáng kiến"…: what a subject still has, one count query per table."""
    found = []
    for label, condition in checks:
        n = session.scalar(select(func.count()).where(condition)) or 0  # type: ignore[arg-type]
        if n:
            found.append(f"{n} {label}")
    return found


def _refuse(name: str, used: list[str], what: str) -> None:
    if used:
        raise UserError(
            f"Không xóa được «{name}» vì {what} đã có: {', '.join(used)}. "
            "Hãy dùng «Ngừng theo dõi» để giữ lại lịch sử."
        )


def _drop_overrides(session: Session, kind: SubjectKind, subject_id: int) -> None:
    """Overrides name the subject by number only; a later record reusing it must not get them."""
    session.execute(
        delete(EligibilityOverrideRow).where(
            EligibilityOverrideRow.subject_kind == kind,
            EligibilityOverrideRow.subject_id == subject_id,
        )
    )


def delete_person(session: Session, person_id: int) -> None:
    """Only a person entered by mistake (no history of any kind) can be deleted."""
    row = _person(session, person_id)
    used = _in_use(session, [
        ("khen thưởng", AwardRow.person_id == person_id),
        ("kết quả đánh giá", EvaluationRow.person_id == person_id),
        ("hộ gia đình do người này làm chủ hộ", HouseholdRow.head_id == person_id),
        ("đăng ký thi đua", RegistrationRow.person_id == person_id),
        ("sáng kiến, đề tài", InitiativeAuthorRow.person_id == person_id),
        ("điển hình tiên tiến", AdvancedModelRow.person_id == person_id),
        ("đơn thư, kiểm tra", ComplaintRow.person_id == person_id),
        ("thời gian kỷ luật, nghỉ", PersonPeriodRow.person_id == person_id),
        ("đề nghị khen thưởng", NominationRow.person_id == person_id),
    ])  # fmt: skip
    _refuse(row.full_name, used, "cá nhân này")
    audit(session, "delete", "person", person_id, name=row.full_name, cccd=row.cccd)
    _drop_overrides(session, SubjectKind.PERSON, person_id)
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
    used = _in_use(session, [
        ("đơn vị trực thuộc", UnitRow.parent_id == unit_id),
        ("cá nhân", PersonRow.unit_id == unit_id),
        ("hộ gia đình", HouseholdRow.unit_id == unit_id),
        ("khen thưởng", AwardRow.unit_id == unit_id),
        ("kết quả đánh giá", EvaluationRow.unit_id == unit_id),
        ("kết quả đánh giá cá nhân ghi theo đơn vị", EvaluationRow.in_unit_id == unit_id),
        ("đăng ký thi đua", RegistrationRow.unit_id == unit_id),
        ("lượt tham gia phong trào", MovementUnitRow.unit_id == unit_id),
        ("điển hình tiên tiến", AdvancedModelRow.unit_id == unit_id),
        ("đơn thư, kiểm tra", ComplaintRow.unit_id == unit_id),
        ("đề nghị khen thưởng", NominationRow.unit_id == unit_id),
    ])  # fmt: skip
    _refuse(row.name, used, "đơn vị này")
    audit(session, "delete", "unit", unit_id, name=row.name)
    _drop_overrides(session, SubjectKind.UNIT, unit_id)
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
    used = _in_use(session, [
        ("khen thưởng", AwardRow.household_id == household_id),
        ("đăng ký thi đua", RegistrationRow.household_id == household_id),
        ("điển hình tiên tiến", AdvancedModelRow.household_id == household_id),
        ("đơn thư, kiểm tra", ComplaintRow.household_id == household_id),
        ("đề nghị khen thưởng", NominationRow.household_id == household_id),
    ])  # fmt: skip
    _refuse("hộ gia đình", used, "hộ")
    audit(session, "delete", "household", household_id, head_id=row.head_id, address=row.address)
    _drop_overrides(session, SubjectKind.HOUSEHOLD, household_id)
    session.delete(row)
