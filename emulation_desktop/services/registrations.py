"""Registrations (đăng ký thi đua) to movements and yearly titles: one by one or a whole unit at
once, status steps for many rows in one go, the year's list with its filters and counts, and
the Excel export.

Duplicates (same year, movement or none, title, subject) are refused here: the table cannot
refuse them because SQLite treats the NULLs of "no movement" as all different.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from pathlib import Path

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.enums import AwardKind, RegistrationStatus, SubjectKind, UnitKind
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.registrations import (
    WITHOUT_MOVEMENT,
    BulkResult,
    MovementChoice,
    PhaseChoice,
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
from emulation_desktop.domain.subjects import SubjectKey, SubjectRef
from emulation_desktop.domain.text import fold, nfc
from emulation_desktop.services.registry_write import audit
from emulation_desktop.services.rules import RulesService
from emulation_desktop.services.subjects import (
    require_subject,
    subject_columns,
    subject_key,
    subject_refs,
)
from emulation_desktop.spreadsheet.writer import Column, ColumnType, TableExport, write_xlsx
from emulation_desktop.store.cycle_models import (
    MovementPhaseRow,
    MovementRow,
    RegistrationRow,
    ReviewResultRow,
)
from emulation_desktop.store.db import Database
from emulation_desktop.store.models import CommuneProfileRow, HouseholdRow, PersonRow, UnitRow

_S = RegistrationStatus
_D = ColumnType.DATE
EXPORT_COLUMNS = (
    Column("Đối tượng"), Column("Cá nhân, tập thể, hộ gia đình"), Column("Đơn vị"),
    Column("Phong trào thi đua", width=40), Column("Danh hiệu đăng ký"),
    Column("Chỉ tiêu đăng ký", width=50), Column("Ngày đăng ký", _D), Column("Trạng thái"),
    Column("Ngày duyệt", _D), Column("Ghi chú", width=30),
)  # fmt: skip


# Shared with the reviews and advanced-model services ------------------------------------------


def movement_choices(s: Session, year: int | None = None, ids: Collection[int] = ()) -> list[
    MovementChoice
]:  # fmt: skip
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


def unit_subtree(s: Session, unit_id: int, active_only: bool = False) -> list[int]:
    """The unit and every unit below it (a few dozen rows: read whole)."""
    children: dict[int | None, list[tuple[int, bool]]] = defaultdict(list)
    for uid, parent, active in s.execute(select(UnitRow.id, UnitRow.parent_id, UnitRow.active)):
        children[parent].append((uid, active))
    out, todo = [unit_id], [unit_id]
    while todo:
        for uid, active in children[todo.pop()]:
            if active or not active_only:
                out.append(uid)
                todo.append(uid)
    return out


def _key(row: RegistrationRow) -> SubjectKey:
    return subject_key(row.person_id, row.unit_id, row.household_id)


class RegistrationService:
    def __init__(
        self, db: Database, rules: RulesService, today: Callable[[], dt.date] = dt.date.today
    ) -> None:
        self._db = db
        self._rules = rules
        self._today = today

    # Choices ----------------------------------------------------------------------------------

    def movements(self, year: int) -> list[MovementChoice]:
        with self._db.session_scope() as s:
            return movement_choices(s, year)

    def titles(self, year: int, kind: SubjectKind | None = None) -> list[TitleChoice]:
        """Yearly titles of the rules in force on 31/12 of `year`, highest first ([] when no
        rules cover that year: the save then says why)."""
        awards, _problem = self._awards(year)
        titles = [a for a in awards.values() if a.kind is AwardKind.TITLE]
        titles.sort(key=lambda a: -a.rank)
        return [TitleChoice(a.code, a.name, a.subject) for a in titles
                if kind is None or a.subject is kind]  # fmt: skip

    def _awards(self, year: int) -> tuple[dict[str, AwardType], str]:
        """The catalog for `year`, or the reason there is none. Read before any session opens:
        the rules service may seed its tables on first use."""
        try:
            rules = self._rules.in_force(dt.date(year, 12, 31))
        except UserError as exc:
            return {}, exc.message
        return {a.code: a for a in rules.awards}, ""

    # Reading ----------------------------------------------------------------------------------

    def rows(self, q: RegistrationQuery) -> list[RegistrationItem]:
        """The year's registrations matching the filters, sorted as asked."""
        names = self._names(q.year)
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
                    .where(place.in_(unit_subtree(s, q.unit_id)))
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
        names = self._names(year) if year is not None else {}
        with self._db.session_scope() as s:
            found = s.execute(_with_movement().where(RegistrationRow.id == registration_id)).all()
            items = _items(s, found, names)
        return items[0] if items else None

    def _names(self, year: int) -> dict[str, str]:
        return {code: a.name for code, a in self._awards(year)[0].items()}

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
        awards, problem = self._awards(clean.year)
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
        awards, problem = self._awards(clean.year)
        with self._db.session_scope() as s:
            row = _row(s, registration_id)
            ref = self._check(s, clean, awards, problem, exclude_id=row.id)
            assert clean.subject is not None
            moved = (clean.subject, clean.movement_id) != (_key(row), row.movement_id)
            if moved and _result_count(s, [row.id]):
                raise ValidationError({"movement_id": (
                    f"Đăng ký của «{ref.name}» đã có kết quả sơ kết, tổng kết nên không đổi được "
                    "đối tượng hay phong trào; hãy xóa kết quả đó trước.")})  # fmt: skip
            row.subject_kind = clean.subject[0]
            for column, value in subject_columns(*clean.subject).items():
                setattr(row, column, value)
            row.movement_id, row.award_code = clean.movement_id, clean.award_code
            row.targets, row.registered_on, row.note = (
                clean.targets,
                clean.registered_on,
                clean.note,
            )
            audit(s, "update", "registration", row.id, subject=ref.label)

    def delete(self, ids: Sequence[int]) -> int:
        """Delete registrations entered by mistake; refused while a review result names them."""
        with self._db.session_scope() as s:
            rows = s.scalars(select(RegistrationRow).where(RegistrationRow.id.in_(ids))).all()
            reviewed = _result_count(s, [r.id for r in rows])
            if reviewed:
                refs = subject_refs(s, [_key(r) for r in rows if r.id in reviewed])
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
        try:
            ref = require_subject(s, *clean.subject)
        except UserError as exc:
            raise ValidationError({"subject": exc.message}) from exc
        movement = _movement(s, clean.movement_id, clean.year)
        movement_name = movement.name if movement else None
        if message := award_problem(clean.award_code, ref, clean.year, awards, problem):
            raise ValidationError({"award_code": message})
        taken = _registered(s, clean.year, clean.movement_id, clean.award_code, exclude_id)
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
            refs = subject_refs(s, [_key(r) for r in rows])
            name = {r.id: refs[_key(r)].name if _key(r) in refs else "?" for r in rows}
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
        awards, problem = self._awards(clean.year)
        with self._db.session_scope() as s:
            return self._plan(s, clean, awards, problem)[0]

    def register_unit(self, data: UnitRegistrationInput) -> BulkResult:
        """Register every active person of the unit (and, if asked, the collectives) in one
        transaction; subjects already registered to the same thing are skipped and named."""
        clean = validate_unit_registration(data)
        awards, problem = self._awards(clean.year)
        with self._db.session_scope() as s:
            result, new = self._plan(s, clean, awards, problem)
            if not result.added and not (result.skipped_people or result.skipped_collectives):
                raise UserError("Đơn vị đã chọn chưa có cá nhân, tập thể nào đang theo dõi để "
                                "đăng ký.")  # fmt: skip
            for kind, subject_id, award in new:
                s.add(RegistrationRow(
                    year=clean.year, subject_kind=kind, **subject_columns(kind, subject_id),
                    movement_id=clean.movement_id, award_code=award, targets=clean.targets,
                    status=clean.status, registered_on=clean.registered_on,
                ))  # fmt: skip
            audit(s, "bulk_create", "registration", None, unit_id=clean.unit_id,
                  people=result.people, collectives=result.collectives,
                  skipped=len(result.skipped_people) + len(result.skipped_collectives))  # fmt: skip
            return result

    def _plan(
        self, s: Session, clean: UnitRegistrationInput, awards: dict[str, AwardType], problem: str
    ) -> tuple[BulkResult, list[tuple[SubjectKind, int, str]]]:
        unit = s.get(UnitRow, clean.unit_id) if clean.unit_id is not None else None
        if unit is None:
            raise ValidationError({"unit_id": "Đơn vị đã chọn không còn trong danh sách."})
        _movement(s, clean.movement_id, clean.year)
        for field, code, ref in (
            ("person_award", clean.person_award, SubjectRef(SubjectKind.PERSON, 0, "các cá nhân")),
            ("unit_award", clean.unit_award, SubjectRef(SubjectKind.UNIT, unit.id, unit.name)),
        ):
            if message := award_problem(code, ref, clean.year, awards, problem):
                raise ValidationError({field: message})
        ids = unit_subtree(s, unit.id, active_only=True) if clean.include_subunits else [unit.id]
        new: list[tuple[SubjectKind, int, str]] = []
        skipped: dict[SubjectKind, list[str]] = defaultdict(list)
        wanted: list[tuple[SubjectKind, str, Iterable[tuple[int, str]]]] = []
        if clean.people:
            people = s.execute(
                select(PersonRow.id, PersonRow.full_name)
                .where(PersonRow.unit_id.in_(ids), PersonRow.active.is_(True))
                .order_by(PersonRow.sort_key)
            ).all()
            wanted.append((SubjectKind.PERSON, clean.person_award, people))
        if clean.collectives:
            units = s.execute(
                select(UnitRow.id, UnitRow.name)
                .where(UnitRow.id.in_(ids), UnitRow.kind != UnitKind.GROUP)
                .where(UnitRow.active.is_(True) | (UnitRow.id == unit.id))
                .order_by(UnitRow.sort_order, UnitRow.name_fold)
            ).all()
            wanted.append((SubjectKind.UNIT, clean.unit_award, units))
        for kind, award, subjects in wanted:
            taken = _registered(s, clean.year, clean.movement_id, award)
            for subject_id, name in subjects:
                if (kind, subject_id) in taken:
                    skipped[kind].append(name)
                else:
                    new.append((kind, subject_id, award))
        added = Counter(kind for kind, _, _ in new)
        result = BulkResult(
            added[SubjectKind.PERSON], added[SubjectKind.UNIT],
            tuple(skipped[SubjectKind.PERSON]), tuple(skipped[SubjectKind.UNIT]),
        )  # fmt: skip
        return result, new

    # Excel ------------------------------------------------------------------------------------

    def export(self, path: Path, q: RegistrationQuery) -> int:
        """The list as the screen shows it (filters and order), one row per registration."""
        items = self.rows(q)
        with self._db.session_scope() as s:
            profile = s.get(CommuneProfileRow, 1)
            place = f"{profile.kind.label} {profile.name}" if profile else ""
        lines = [f"{place} – lập ngày {self._today():%d/%m/%Y}".lstrip(" –")]
        rows = (
            (i.subject.kind.label, i.subject.name, i.subject.place if i.subject.kind is not
             SubjectKind.UNIT else "", i.movement_name, i.award_name, i.targets, i.registered_on,
             i.status.label, i.decided_on, i.note)
            for i in items
        )  # fmt: skip
        title = f"DANH SÁCH ĐĂNG KÝ THI ĐUA NĂM {q.year}"
        table = TableExport(title, EXPORT_COLUMNS, rows, lines, f"Đăng ký thi đua {q.year}")
        return write_xlsx(Path(path), [table])


# Helpers ------------------------------------------------------------------------------------


def _items(
    s: Session, found: Sequence[tuple[RegistrationRow, str | None]], names: dict[str, str]
) -> list[RegistrationItem]:
    refs = subject_refs(s, [_key(r) for r, _ in found])
    reviewed = _result_count(s, [r.id for r, _ in found])
    out = []
    for r, movement in found:
        ref = refs.get(_key(r))
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


def _result_count(s: Session, ids: Sequence[int]) -> dict[int, int]:
    if not ids:
        return {}
    return dict(
        s.execute(
            select(ReviewResultRow.registration_id, func.count())
            .where(ReviewResultRow.registration_id.in_(ids))
            .group_by(ReviewResultRow.registration_id)
        ).all()
    )


def _movement(s: Session, movement_id: int | None, year: int) -> MovementRow | None:
    if movement_id is None:
        return None
    row = s.get(MovementRow, movement_id)
    if row is None:
        raise ValidationError({"movement_id": "Phong trào đã chọn không còn; hãy chọn lại."})
    if row.year != year:
        raise ValidationError(
            {"movement_id": f"Phong trào «{row.name}» thuộc năm {row.year}, không phải {year}."}
        )
    return row


def _registered(
    s: Session, year: int, movement_id: int | None, award_code: str, exclude_id: int | None = None
) -> set[SubjectKey]:
    """Subjects already registered to exactly this movement (or none) and title this year."""
    same_movement = (
        RegistrationRow.movement_id.is_(None)
        if movement_id is None
        else RegistrationRow.movement_id == movement_id
    )
    stmt = select(
        RegistrationRow.person_id, RegistrationRow.unit_id, RegistrationRow.household_id
    ).where(RegistrationRow.year == year, same_movement, RegistrationRow.award_code == award_code)
    if exclude_id is not None:
        stmt = stmt.where(RegistrationRow.id != exclude_id)
    return {subject_key(*row) for row in s.execute(stmt)}
