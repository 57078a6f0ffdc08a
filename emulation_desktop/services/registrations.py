"""Registrations (đăng ký thi đua) to movements and yearly titles: one by one or a whole unit at
once (services.registration_bulk), status steps for many rows in one go, the year's list with
its filters and counts, and the Excel export.

Duplicates (same year, movement or none, title, subject) are refused by the service, not the
table: SQLite treats the NULLs of "no movement" as all different.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.enums import AwardKind, RegistrationStatus, SubjectKind
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.registrations import (
    WITHOUT_MOVEMENT,
    BulkResult,
    RegistrationInput,
    RegistrationItem,
    RegistrationQuery,
    TitleChoice,
    UnitRegistrationInput,
    award_problem,
    join_names,
    refusal_message,
    registered_to,
    rejection_note,
    sort_registrations,
    transition_problem,
    validate_registration,
    validate_unit_registration,
)
from emulation_desktop.domain.rules.model import AwardType
from emulation_desktop.domain.subjects import SubjectRef
from emulation_desktop.domain.text import fold, nfc
from emulation_desktop.services import registration_bulk
from emulation_desktop.services.movement_choices import chosen_movement
from emulation_desktop.services.movement_rows import count_by
from emulation_desktop.services.profile import write_list
from emulation_desktop.services.registration_bulk import registered_subjects
from emulation_desktop.services.registry_read import unit_and_descendants
from emulation_desktop.services.registry_write import audit
from emulation_desktop.services.rules import RulesService
from emulation_desktop.services.subjects import (
    require_subject,
    row_subject_key,
    set_subject,
    subject_columns,
    subject_refs,
)
from emulation_desktop.spreadsheet.writer import Column, ColumnType
from emulation_desktop.store.cycle_models import MovementRow, RegistrationRow, ReviewResultRow
from emulation_desktop.store.db import Database
from emulation_desktop.store.models import HouseholdRow, PersonRow

_S = RegistrationStatus
_D = ColumnType.DATE
EXPORT_COLUMNS = (
    Column("Đối tượng"), Column("Cá nhân, tập thể, hộ gia đình"), Column("Đơn vị"),
    Column("Phong trào thi đua", width=40), Column("Danh hiệu đăng ký"),
    Column("Chỉ tiêu đăng ký", width=50), Column("Ngày đăng ký", _D), Column("Trạng thái"),
    Column("Ngày duyệt", _D), Column("Ghi chú", width=30),
)  # fmt: skip


class RegistrationService:
    def __init__(
        self, db: Database, rules: RulesService, today: Callable[[], dt.date] = dt.date.today
    ) -> None:
        self._db = db
        self._rules = rules
        self._today = today

    # Choices ----------------------------------------------------------------------------------

    def titles(self, year: int, kind: SubjectKind | None = None) -> list[TitleChoice]:
        """Yearly titles of the rules in force on 31/12 of `year`, highest first ([] when no
        rules cover that year: the save then says why)."""
        awards, _problem = self._rules.year_awards(year)
        titles = [a for a in awards.values() if a.kind is AwardKind.TITLE]
        titles.sort(key=lambda a: -a.rank)
        return [TitleChoice(a.code, a.name, a.subject) for a in titles
                if kind is None or a.subject is kind]  # fmt: skip

    # Reading ----------------------------------------------------------------------------------

    def rows(self, q: RegistrationQuery) -> list[RegistrationItem]:
        """The year's registrations matching the filters, sorted as asked."""
        names = self._rules.award_names(q.year)
        with self._db.session_scope() as s:
            stmt = _with_movement().where(RegistrationRow.year == q.year)
            if q.movement_id == WITHOUT_MOVEMENT:
                stmt = stmt.where(RegistrationRow.movement_id.is_(None))
            elif q.movement_id is not None:
                stmt = stmt.where(RegistrationRow.movement_id == q.movement_id)
            if q.status is not None:
                stmt = stmt.where(RegistrationRow.status == q.status)
            if q.kind is not None:
                stmt = stmt.where(RegistrationRow.subject_kind == q.kind)
            if q.unit_id is not None:
                place = func.coalesce(
                    PersonRow.unit_id, HouseholdRow.unit_id, RegistrationRow.unit_id
                )
                stmt = (
                    stmt.outerjoin(PersonRow, PersonRow.id == RegistrationRow.person_id)
                    .outerjoin(HouseholdRow, HouseholdRow.id == RegistrationRow.household_id)
                    .where(place.in_(unit_and_descendants(s, q.unit_id)))
                )
            items = _items(s, s.execute(stmt).all(), names)
        needle = fold(nfc(q.text))
        if needle:
            items = [i for i in items if needle in fold(f"{i.subject.label} {i.target_text}")]
        return sort_registrations(items, q.sort, q.descending)

    def get(self, registration_id: int) -> RegistrationItem | None:
        with self._db.session_scope() as s:
            year = s.scalar(
                select(RegistrationRow.year).where(RegistrationRow.id == registration_id)
            )
        names = self._rules.award_names(year) if year is not None else {}
        with self._db.session_scope() as s:
            found = s.execute(_with_movement().where(RegistrationRow.id == registration_id)).all()
            items = _items(s, found, names)
        return items[0] if items else None

    def counts(self, year: int) -> dict[RegistrationStatus, int]:
        """Registrations of the year by status (every status present, 0 when none)."""
        with self._db.session_scope() as s:
            found = dict(
                s.execute(
                    select(RegistrationRow.status, func.count())
                    .where(RegistrationRow.year == year)
                    .group_by(RegistrationRow.status)
                ).all()
            )
        return {status: found.get(status, 0) for status in RegistrationStatus}

    # One registration -------------------------------------------------------------------------

    def create(self, data: RegistrationInput) -> int:
        clean = validate_registration(data)
        awards, problem = self._rules.year_awards(clean.year)
        with self._db.session_scope() as s:
            ref = self._check(s, clean, awards, problem)
            assert clean.subject is not None
            row = RegistrationRow(
                year=clean.year, subject_kind=clean.subject[0],
                **subject_columns(*clean.subject), movement_id=clean.movement_id,
                award_code=clean.award_code, targets=clean.targets, status=clean.status,
                registered_on=clean.registered_on, note=clean.note,
            )  # fmt: skip
            s.add(row)
            s.flush()
            audit(s, "create", "registration", row.id, subject=ref.label, year=clean.year,
                  movement_id=clean.movement_id, award=clean.award_code)  # fmt: skip
            return row.id

    def update(self, registration_id: int, data: RegistrationInput) -> None:
        """Change what was registered; the status changes only through `change_status`."""
        clean = validate_registration(data, new=False)
        awards, problem = self._rules.year_awards(clean.year)
        with self._db.session_scope() as s:
            row = _row(s, registration_id)
            ref = self._check(s, clean, awards, problem, exclude_id=row.id)
            assert clean.subject is not None
            moved = (clean.subject, clean.movement_id) != (row_subject_key(row), row.movement_id)
            if moved and count_by(s, ReviewResultRow.registration_id, [row.id]):
                raise ValidationError({"movement_id": (
                    f"Đăng ký của «{ref.name}» đã có kết quả sơ kết, tổng kết nên không đổi được "
                    "đối tượng hay phong trào; hãy xóa kết quả đó trước.")})  # fmt: skip
            set_subject(row, clean.subject)
            row.movement_id, row.award_code = clean.movement_id, clean.award_code
            row.targets, row.note = clean.targets, clean.note
            row.registered_on = clean.registered_on
            audit(s, "update", "registration", row.id, subject=ref.label)

    def delete(self, ids: Sequence[int]) -> int:
        """Delete registrations entered by mistake; refused while a review result names them."""
        with self._db.session_scope() as s:
            rows = s.scalars(select(RegistrationRow).where(RegistrationRow.id.in_(ids))).all()
            reviewed = count_by(s, ReviewResultRow.registration_id, [r.id for r in rows])
            if reviewed:
                refs = subject_refs(s, [row_subject_key(r) for r in rows if r.id in reviewed])
                names = [f"«{refs[k].name}»" for k in refs]
                raise UserError(
                    f"Đăng ký của {join_names(names, 'đối tượng')} đã có kết quả sơ kết, tổng kết "
                    "nên không xóa được; hãy xóa kết quả ở thẻ «Sơ kết – Tổng kết» trước."
                )
            for r in rows:
                s.delete(r)
            audit(s, "delete", "registration", None, ids=[r.id for r in rows])
            return len(rows)

    def _check(
        self, s: Session, clean: RegistrationInput, awards: dict[str, AwardType], problem: str,
        exclude_id: int | None = None,
    ) -> SubjectRef:  # fmt: skip
        """The subject, movement and title exist and fit; the same registration is not there."""
        assert clean.subject is not None
        ref = require_subject(s, *clean.subject, field="subject")
        movement = chosen_movement(s, clean.movement_id, clean.year)
        movement_name = movement.name if movement else None
        if message := award_problem(clean.award_code, ref, clean.year, awards, problem):
            raise ValidationError({"award_code": message})
        taken = registered_subjects(s, clean.year, clean.movement_id, clean.award_code, exclude_id)
        if ref.key in taken:
            raise ValidationError({"subject": (
                f"«{ref.name}» đã đăng ký {registered_to(clean.award_code, awards, movement_name)}"
                f" năm {clean.year}; không đăng ký trùng.")})  # fmt: skip
        return ref

    # Status -----------------------------------------------------------------------------------

    def change_status(
        self, ids: Sequence[int], target: RegistrationStatus, day: dt.date | None = None,
        reason: str = "",
    ) -> int:  # fmt: skip
        """Move the chosen registrations to `target` (all or none); returns how many changed.

        Approving and rejecting record `day` (default today) as the decision date; rejecting
        needs a reason, appended to the note. Rows already in `target` are left as they are.
        """
        target, day, reason = _S(target), day or self._today(), nfc(reason)
        if target is _S.REJECTED and not reason:
            raise ValidationError({"reason": "Hãy ghi lý do từ chối để báo lại cho người đăng ký."})
        with self._db.session_scope() as s:
            rows = s.scalars(select(RegistrationRow).where(RegistrationRow.id.in_(ids))).all()
            if len(rows) != len(set(ids)):
                raise UserError("Có đăng ký đã bị xóa trong lúc làm việc; hãy tải lại danh sách "
                                "(F5) rồi chọn lại.")  # fmt: skip
            refs = subject_refs(s, [row_subject_key(r) for r in rows])
            name = {r.id: ref.name if (ref := refs.get(row_subject_key(r))) else "?" for r in rows}
            refused: dict[str, list[str]] = defaultdict(list)
            early: list[str] = []
            decides = target in (_S.APPROVED, _S.REJECTED)
            for r in rows:
                if problem := transition_problem(r.status, target):
                    refused[problem].append(name[r.id])
                elif decides and r.registered_on and day < r.registered_on and r.status != target:
                    early.append(name[r.id])
            if refused:
                raise UserError(refusal_message(target, refused, len(rows)))
            if early:
                who = join_names(early, "đối tượng")
                raise ValidationError({"day": (
                    f"Ngày {day_text(day)} trước ngày đăng ký của {who}; "
                    "hãy kiểm tra lại ngày duyệt.")})  # fmt: skip
            changed = [r for r in rows if r.status is not target]
            for r in changed:
                r.status = target
                r.decided_on = day if decides else None
                if target is _S.PENDING and r.registered_on is None:
                    r.registered_on = day
                if target is _S.REJECTED:
                    r.note = rejection_note(r.note, reason, day)
            if changed:
                audit(s, "status", "registration", None, status=target.value,
                      ids=[r.id for r in changed])  # fmt: skip
            return len(changed)

    # A whole unit -----------------------------------------------------------------------------

    def preview_unit(self, data: UnitRegistrationInput) -> BulkResult:
        """What `register_unit` would do, without writing."""
        clean = validate_unit_registration(data)
        awards, problem = self._rules.year_awards(clean.year)
        with self._db.session_scope() as s:
            return registration_bulk.plan_unit(s, clean, awards, problem)[0]

    def register_unit(self, data: UnitRegistrationInput) -> BulkResult:
        """Register every active person of the unit (and, if asked, the collectives) in one
        transaction; subjects already registered to the same thing are skipped and named."""
        clean = validate_unit_registration(data)
        awards, problem = self._rules.year_awards(clean.year)
        with self._db.session_scope() as s:
            return registration_bulk.register_unit(s, clean, awards, problem)

    # Excel ------------------------------------------------------------------------------------

    def export(self, path: Path, q: RegistrationQuery) -> int:
        """The list as the screen shows it (filters and order), one row per registration."""
        items = self.rows(q)
        rows = (
            (i.subject.kind.label, i.subject.name, i.subject.place if i.subject.kind is not
             SubjectKind.UNIT else "", i.movement_name, i.award_name, i.targets, i.registered_on,
             i.status.label, i.decided_on, i.note)
            for i in items
        )  # fmt: skip
        title = f"DANH SÁCH ĐĂNG KÝ THI ĐUA NĂM {q.year}"
        sheet = f"Đăng ký thi đua {q.year}"
        return write_list(self._db, path, title, EXPORT_COLUMNS, rows, self._today(), (), sheet)


# Helpers ------------------------------------------------------------------------------------


def _items(
    s: Session, found: Sequence[tuple[RegistrationRow, str | None]], names: dict[str, str]
) -> list[RegistrationItem]:
    refs = subject_refs(s, [row_subject_key(r) for r, _ in found])
    reviewed = count_by(s, ReviewResultRow.registration_id, [r.id for r, _ in found])
    out = []
    for r, movement in found:
        ref = refs.get(row_subject_key(r))
        if ref is None:
            continue
        out.append(RegistrationItem(
            r.id, r.year, ref, r.movement_id, movement or "", r.award_code,
            names.get(r.award_code, r.award_code), r.targets, r.status, r.registered_on,
            r.decided_on, r.note, reviewed.get(r.id, 0),
        ))  # fmt: skip
    return out


def _with_movement() -> Select[tuple[RegistrationRow, str | None]]:
    return select(RegistrationRow, MovementRow.name).outerjoin(
        MovementRow, MovementRow.id == RegistrationRow.movement_id
    )


def _row(s: Session, registration_id: int) -> RegistrationRow:
    row = s.get(RegistrationRow, registration_id)
    if row is None:
        raise UserError("Đăng ký này không còn trong danh sách (có thể đã bị xóa).")
    return row
