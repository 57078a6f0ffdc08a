"""Movements, their phases and milestones, participating units; the yearly plan.

Every write is checked by the domain first (one Vietnamese message, nothing written), runs in
one transaction and leaves an audit entry.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.movement_checks import validate_movement, validate_year_plan
from emulation_desktop.domain.movement_choices import MovementChoice
from emulation_desktop.domain.movements import (
    MovementDetail,
    MovementInput,
    MovementItem,
    YearPlan,
    copy_to_year,
)
from emulation_desktop.domain.text import fold, nfc
from emulation_desktop.services.movement_choices import movement_choices
from emulation_desktop.services.movement_rows import (
    count_by,
    insert_movement,
    movement_detail,
    movement_row,
    review_count,
    update_movement,
)
from emulation_desktop.services.registry_write import audit
from emulation_desktop.store.cycle_models import (
    MovementPhaseRow,
    MovementRow,
    RegistrationRow,
    YearPlanRow,
)
from emulation_desktop.store.db import Database
from emulation_desktop.store.models import PersonRow, UnitRow


def _same_name(s: Session, year: int, name: str, exclude_id: int | None = None) -> bool:
    wanted = fold(name)
    return any(
        fold(other) == wanted
        for mid, other in s.execute(
            select(MovementRow.id, MovementRow.name).where(MovementRow.year == year)
        )
        if mid != exclude_id
    )


def _check_references(s: Session, data: MovementInput) -> None:
    errors: dict[str, str] = {}
    if data.unit_ids:
        found = set(s.scalars(select(UnitRow.id).where(UnitRow.id.in_(data.unit_ids))))
        if found != set(data.unit_ids):
            errors["unit_ids"] = "Một số đơn vị đã chọn không còn trong danh sách; hãy chọn lại."
    if data.responsible_id is not None and s.get(PersonRow, data.responsible_id) is None:
        errors["responsible_id"] = (
            "Người phụ trách không còn trong danh sách (có thể đã được gộp hoặc xóa); hãy chọn lại."
        )
    if errors:
        raise ValidationError(errors)


def _duplicate(year: int, name: str) -> ValidationError:
    return ValidationError({"name": f"Năm {year} đã có phong trào «{name}»."})


class MovementService:
    """Reads return frozen values; each write is one transaction."""

    def __init__(self, db: Database) -> None:
        self._db = db

    # Reading ----------------------------------------------------------------------------------

    def choices(self, year: int) -> list[MovementChoice]:
        """The year's movements with their phases, for the combos of the other tabs."""
        with self._db.session_scope() as s:
            return movement_choices(s, year)

    def list(self, year: int, text: str = "") -> list[MovementItem]:
        """The year's movements in start order; `text` matches name, theme or launching body,
        without accents."""
        needle = fold(nfc(text))
        with self._db.session_scope() as s:
            rows = s.scalars(
                select(MovementRow)
                .where(MovementRow.year == year)
                .order_by(MovementRow.start_date, MovementRow.id)
            ).all()
            if needle:
                rows = [
                    r
                    for r in rows
                    if needle in fold(f"{r.name} {r.theme} {r.launch_doc_issuer} {r.targets}")
                ]
            ids = [r.id for r in rows]
            phases = count_by(s, MovementPhaseRow.movement_id, ids)
            registrations = count_by(s, RegistrationRow.movement_id, ids)
            return [
                MovementItem(r.id, r.year, r.name, r.kind, r.launcher, r.start_date, r.end_date,
                             phases.get(r.id, 0), registrations.get(r.id, 0), r.theme)
                for r in rows
            ]  # fmt: skip

    def count(self, year: int) -> int:
        with self._db.session_scope() as s:
            return s.scalar(select(func.count()).where(MovementRow.year == year)) or 0

    def get(self, movement_id: int) -> MovementDetail:
        with self._db.session_scope() as s:
            return movement_detail(s, movement_row(s, movement_id))

    # Writing ----------------------------------------------------------------------------------

    def create(self, data: MovementInput) -> int:
        clean = validate_movement(data)
        assert clean.year is not None
        with self._db.session_scope() as s:
            _check_references(s, clean)
            if _same_name(s, clean.year, clean.name):
                raise _duplicate(clean.year, clean.name)
            movement_id = insert_movement(s, clean)
            audit(s, "create", "movement", movement_id, name=clean.name, year=clean.year)
            return movement_id

    def update(self, movement_id: int, data: MovementInput) -> None:
        """Replace what the form holds; the movement stays in its year."""
        with self._db.session_scope() as s:
            row = movement_row(s, movement_id)
            clean = validate_movement(replace(data, year=row.year))
            _check_references(s, clean)
            if _same_name(s, row.year, clean.name, exclude_id=movement_id):
                raise _duplicate(row.year, clean.name)
            before = row.name
            update_movement(s, row, clean)
            audit(s, "update", "movement", movement_id, name=clean.name, before=before)

    def delete(self, movement_id: int) -> None:
        """Only a movement without registrations and reviews (one entered by mistake)."""
        with self._db.session_scope() as s:
            row = movement_row(s, movement_id)
            registrations = count_by(s, RegistrationRow.movement_id, [row.id]).get(row.id, 0)
            reviews = review_count(s, row.id)
            if registrations or reviews:
                held = " và ".join(
                    part
                    for part in (
                        f"{registrations} đăng ký thi đua" if registrations else "",
                        f"{reviews} lần sơ kết, tổng kết" if reviews else "",
                    )
                    if part
                )
                raise UserError(
                    f"Không xóa được phong trào «{row.name}» vì đã có {held}. "
                    "Chỉ xóa được phong trào nhập nhầm, chưa có đăng ký và sơ kết, tổng kết."
                )
            name, year = row.name, row.year
            s.delete(row)
            audit(s, "delete", "movement", movement_id, name=name, year=year)

    def copy_to_year(self, movement_id: int, year: int) -> int:
        """A copy in `year` (dates moved, same phases, units and milestones; no registrations
        or reviews), linked to its source."""
        with self._db.session_scope() as s:
            new_id = self._copy(s, movement_row(s, movement_id), year)
            audit(s, "copy", "movement", new_id, source=movement_id, year=year)
            return new_id

    def copy_all_to_year(self, from_year: int, to_year: int) -> int:
        """Copy every movement of `from_year` not yet in `to_year` (copied or same name);
        returns how many were copied. All or nothing."""
        with self._db.session_scope() as s:
            copied = set(
                s.scalars(select(MovementRow.copied_from_id).where(MovementRow.year == to_year))
            )
            sources = s.scalars(
                select(MovementRow)
                .where(MovementRow.year == from_year)
                .order_by(MovementRow.start_date, MovementRow.id)
            ).all()
            count = 0
            for row in sources:
                if row.id in copied or _same_name(s, to_year, row.name):
                    continue
                self._copy(s, row, to_year)
                count += 1
            audit(s, "copy_year", "movement", None, source=from_year, year=to_year, count=count)
            return count

    def _copy(self, s: Session, row: MovementRow, year: int) -> int:
        if _same_name(s, year, row.name):
            raise UserError(
                f"Năm {year} đã có phong trào «{row.name}»; không sao chép thêm. "
                "Hãy sửa phong trào đó nếu cần."
            )
        source = movement_detail(s, row).to_input()
        active = set(
            s.scalars(
                select(UnitRow.id).where(UnitRow.id.in_(source.unit_ids), UnitRow.active.is_(True))
            )
        )
        # Units no longer followed (merged, dissolved) do not take part in a new year.
        source = replace(source, unit_ids=tuple(u for u in source.unit_ids if u in active))
        try:
            clean = validate_movement(copy_to_year(source, row.year, year))
        except ValidationError as exc:
            raise UserError(f"Không sao chép được phong trào «{row.name}»: {exc.message}") from exc
        return insert_movement(s, clean, copied_from_id=row.id)

    # The yearly plan --------------------------------------------------------------------------

    def year_plan(self, year: int) -> YearPlan:
        with self._db.session_scope() as s:
            row = s.get(YearPlanRow, year)
            if row is None:
                return YearPlan(year)
            return YearPlan(
                year, row.theme, row.model_target, row.plan_number, row.plan_date, row.note, True
            )

    def save_year_plan(self, plan: YearPlan) -> None:
        clean = validate_year_plan(plan)
        with self._db.session_scope() as s:
            row = s.get(YearPlanRow, clean.year)
            if row is None:
                row = YearPlanRow(year=clean.year)
                s.add(row)
            row.theme, row.model_target = clean.theme, clean.model_target
            row.plan_number, row.plan_date, row.note = (
                clean.plan_number,
                clean.plan_date,
                clean.note,
            )
            audit(s, "save", "year_plan", clean.year, theme=clean.theme, target=clean.model_target)
