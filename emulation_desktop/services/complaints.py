"""Register of complaints, petitions, inspections and supervision on TĐKT.

An open case (no closing date) that names a subject pauses that subject's nominations: the
eligibility engine reads `open_subject_keys` (one query) and the nomination screens ask
`paused_subjects` or `open_for`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from emulation_desktop.domain.complaints import (
    ComplaintInput,
    ComplaintItem,
    ComplaintStatus,
    validate_complaint,
)
from emulation_desktop.domain.enums import ComplaintKind, SubjectKind
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.subjects import SubjectKey, SubjectRef
from emulation_desktop.services.profile import write_list
from emulation_desktop.services.registry_write import audit
from emulation_desktop.services.subjects import (
    row_subject_key,
    set_subject,
    subject_key,
    subject_refs,
)
from emulation_desktop.spreadsheet.writer import Column, ColumnType
from emulation_desktop.store.cycle_models import ComplaintRow
from emulation_desktop.store.db import Database

_D = ColumnType.DATE
EXPORT_COLUMNS = (
    Column("Ngày nhận", _D), Column("Loại"), Column("Người gửi, cơ quan kiểm tra"),
    Column("Nội dung", width=50), Column("Đối tượng liên quan"), Column("Hạn giải quyết", _D),
    Column("Cách xử lý", width=40), Column("Kết quả", width=40), Column("Ngày kết thúc", _D),
    Column("Văn bản"), Column("Tình trạng"),
)  # fmt: skip


_COLUMN = {
    SubjectKind.PERSON: ComplaintRow.person_id,
    SubjectKind.UNIT: ComplaintRow.unit_id,
    SubjectKind.HOUSEHOLD: ComplaintRow.household_id,
}


def _key(row: ComplaintRow) -> SubjectKey | None:
    if row.person_id is None and row.unit_id is None and row.household_id is None:
        return None
    return row_subject_key(row)


def open_subject_keys(session: Session) -> set[SubjectKey]:
    """The subjects named by a case still open: their nominations are paused (one query)."""
    return {
        subject_key(pid, uid, hid)
        for pid, uid, hid in session.execute(
            select(ComplaintRow.person_id, ComplaintRow.unit_id, ComplaintRow.household_id).where(
                ComplaintRow.closed_on.is_(None),
                or_(
                    ComplaintRow.person_id.is_not(None),
                    ComplaintRow.unit_id.is_not(None),
                    ComplaintRow.household_id.is_not(None),
                ),
            )
        )
    }


def _items(session: Session, rows: Iterable[ComplaintRow]) -> list[ComplaintItem]:
    rows = list(rows)
    refs = subject_refs(session, [k for r in rows if (k := _key(r)) is not None])
    out = []
    for r in rows:
        key = _key(r)
        out.append(
            ComplaintItem(
                r.id, r.kind, r.received_on, r.sender, r.content,
                refs.get(key) if key is not None else None, r.deadline, r.handling, r.result,
                r.closed_on, r.document,
            )
        )  # fmt: skip
    return out


class ComplaintService:
    """Reads return frozen values; each write checks everything first, in one transaction."""

    def __init__(self, db: Database, today: Callable[[], dt.date] = dt.date.today) -> None:
        self._db = db
        self._today = today

    def today(self) -> dt.date:
        """The day "overdue" is counted from (tests fix it)."""
        return self._today()

    # Reading ----------------------------------------------------------------------------------

    def list(
        self,
        year: int,
        status: ComplaintStatus = ComplaintStatus.ALL,
        text: str = "",
        kind: ComplaintKind | None = None,
    ) -> list[ComplaintItem]:
        """Cases received in `year`, and those received earlier that are still open (they still
        need handling and still pause nominations); newest first."""
        with self._db.session_scope() as s:
            first = dt.date(year, 1, 1)
            rows = s.scalars(
                select(ComplaintRow).where(
                    ComplaintRow.received_on <= dt.date(year, 12, 31),
                    or_(ComplaintRow.received_on >= first, ComplaintRow.closed_on.is_(None)),
                )
            )
            items = _items(s, rows)
        today = self._today()
        found = [
            i
            for i in items
            if i.in_status(status, today) and i.matches(text) and kind in (None, i.kind)
        ]
        found.sort(key=lambda i: (i.received_on, i.id), reverse=True)
        return found

    def get(self, complaint_id: int) -> ComplaintItem | None:
        with self._db.session_scope() as s:
            row = s.get(ComplaintRow, complaint_id)
            return _items(s, [row])[0] if row is not None else None

    def open_for(self, keys: Iterable[SubjectKey]) -> dict[SubjectKey, tuple[ComplaintItem, ...]]:
        """The open cases naming each of `keys` (subjects without one are left out)."""
        wanted = set(keys)
        by_kind: dict[SubjectKind, set[int]] = defaultdict(set)
        for kind, id_ in wanted:
            by_kind[kind].add(id_)
        conditions = [_COLUMN[kind].in_(ids) for kind, ids in by_kind.items()]
        if not conditions:
            return {}
        with self._db.session_scope() as s:
            items = _items(
                s,
                s.scalars(
                    select(ComplaintRow)
                    .where(ComplaintRow.closed_on.is_(None), or_(*conditions))
                    .order_by(ComplaintRow.received_on)
                ),
            )
        out: dict[SubjectKey, list[ComplaintItem]] = defaultdict(list)
        for i in items:
            if i.subject is not None and i.subject.key in wanted:
                out[i.subject.key].append(i)
        return {k: tuple(v) for k, v in out.items()}

    def paused_subjects(self) -> dict[SubjectKey, SubjectRef]:
        """Every subject whose nominations are paused by an open case, with its name."""
        with self._db.session_scope() as s:
            return subject_refs(s, open_subject_keys(s))

    # Writing ----------------------------------------------------------------------------------

    def create(self, data: ComplaintInput) -> int:
        clean = validate_complaint(data, self._today())
        with self._db.session_scope() as s:
            _require(s, clean)
            row = ComplaintRow()
            _fill(row, clean)
            s.add(row)
            s.flush()
            audit(s, "create", "complaint", row.id, kind=row.kind.value, sender=row.sender,
                  subject=_subject_detail(clean))  # fmt: skip
            return row.id

    def update(self, complaint_id: int, data: ComplaintInput) -> None:
        clean = validate_complaint(data, self._today())
        with self._db.session_scope() as s:
            row = _row(s, complaint_id)
            _require(s, clean)
            was_open = row.closed_on is None
            _fill(row, clean)
            action = "close" if was_open and row.closed_on is not None else "update"
            if not was_open and row.closed_on is None:
                action = "reopen"
            audit(s, action, "complaint", complaint_id, kind=row.kind.value,
                  subject=_subject_detail(clean), closed_on=str(row.closed_on or ""))  # fmt: skip

    def delete(self, complaint_id: int) -> None:
        with self._db.session_scope() as s:
            row = _row(s, complaint_id)
            audit(s, "delete", "complaint", complaint_id, kind=row.kind.value, sender=row.sender,
                  received_on=str(row.received_on), content=row.content[:200])  # fmt: skip
            s.delete(row)

    def export(
        self,
        path: Path,
        year: int,
        status: ComplaintStatus = ComplaintStatus.ALL,
        text: str = "",
        kind: ComplaintKind | None = None,
    ) -> int:
        """The register as the tab shows it (same year, status, kind and search)."""
        items = self.list(year, status, text, kind)
        today = self._today()
        filters = [f"nhận trong năm {year} và vụ việc năm trước chưa kết thúc"]
        if status is not ComplaintStatus.ALL:
            filters.append(status.label.lower())
        if kind is not None:
            filters.append(kind.label.lower())
        if text.strip():
            filters.append(f"tìm «{text.strip()}»")
        rows = (
            (i.received_on, i.kind.label, i.sender, i.content,
             i.subject.label if i.subject else "", i.deadline, i.handling, i.result,
             i.closed_on, i.document, i.status_text(today))
            for i in items
        )  # fmt: skip
        title = "SỔ THEO DÕI ĐƠN THƯ, KIỂM TRA, GIÁM SÁT VỀ THI ĐUA, KHEN THƯỞNG"
        return write_list(self._db, path, title, EXPORT_COLUMNS, rows, today, filters, "Đơn thư")


def _row(s: Session, complaint_id: int) -> ComplaintRow:
    row = s.get(ComplaintRow, complaint_id)
    if row is None:
        raise UserError("Vụ việc này không còn trong sổ theo dõi; hãy tải lại danh sách.")
    return row


def _require(s: Session, clean: ComplaintInput) -> None:
    if clean.subject is not None and clean.subject not in subject_refs(s, [clean.subject]):
        raise ValidationError(
            {
                "subject": "Đối tượng đã chọn không còn trong danh sách (có thể đã bị gộp hoặc "
                "xóa); hãy chọn lại."
            }
        )


def _subject_detail(clean: ComplaintInput) -> str:
    return f"{clean.subject[0].value}:{clean.subject[1]}" if clean.subject else ""


def _fill(row: ComplaintRow, c: ComplaintInput) -> None:
    row.kind = c.kind
    row.received_on = c.received_on  # type: ignore[assignment]
    row.sender, row.content, row.document = c.sender, c.content, c.document
    row.deadline, row.handling, row.result, row.closed_on = (
        c.deadline, c.handling, c.result, c.closed_on
    )  # fmt: skip
    set_subject(row, c.subject)
