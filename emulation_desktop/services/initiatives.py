"""Initiatives (sáng kiến) and scientific works with their authors.

A year holds tens of initiatives, so the list is read whole and searched in Python (accents and
đ/d ignored, on the title, the field and the authors' names); the eligibility engine reads the
authors' recognised years through `recognised_years`, one query for the whole commune.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from emulation_desktop.domain.enums import InitiativeKind
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.initiatives import (
    InitiativeAuthor,
    InitiativeInput,
    InitiativeItem,
    validate_initiative,
)
from emulation_desktop.domain.text import fold, text_sort_text
from emulation_desktop.services.profile import write_list
from emulation_desktop.services.registry_write import audit
from emulation_desktop.spreadsheet.writer import Column, ColumnType
from emulation_desktop.store.cycle_models import InitiativeAuthorRow, InitiativeRow
from emulation_desktop.store.db import Database
from emulation_desktop.store.models import PersonRow, UnitRow

EXPORT_COLUMNS = (
    Column("Năm", ColumnType.YEAR), Column("Loại"), Column("Tên sáng kiến, đề tài", width=50),
    Column("Tác giả (tỷ lệ đóng góp)", width=40), Column("Đơn vị tác giả"), Column("Phạm vi"),
    Column("Lĩnh vực"), Column("Áp dụng từ", ColumnType.DATE), Column("Số văn bản công nhận"),
    Column("Ngày công nhận", ColumnType.DATE), Column("Cơ quan công nhận"),
    Column("Tóm tắt", width=50), Column("Ghi chú"),
)  # fmt: skip


def recognised_years(session: Session) -> dict[int, set[int]]:
    """person id → years of the recognised initiatives they authored (one query)."""
    years: dict[int, set[int]] = defaultdict(set)
    for pid, year in session.execute(
        select(InitiativeAuthorRow.person_id, InitiativeRow.year)
        .join(InitiativeRow, InitiativeRow.id == InitiativeAuthorRow.initiative_id)
        .where(InitiativeRow.doc_date.is_not(None), InitiativeRow.doc_number != "")
    ):
        years[pid].add(year)
    return years


def _items(session: Session, rows: Iterable[InitiativeRow]) -> list[InitiativeItem]:
    rows = list(rows)
    ids = [r.id for r in rows]
    authors: dict[int, list[InitiativeAuthor]] = defaultdict(list)
    if ids:
        for iid, pid, share, name, unit, active in session.execute(
            select(
                InitiativeAuthorRow.initiative_id, InitiativeAuthorRow.person_id,
                InitiativeAuthorRow.share, PersonRow.full_name, UnitRow.name, PersonRow.active,
            )
            .join(PersonRow, PersonRow.id == InitiativeAuthorRow.person_id)
            .join(UnitRow, UnitRow.id == PersonRow.unit_id)
            .where(InitiativeAuthorRow.initiative_id.in_(ids))
            .order_by(InitiativeAuthorRow.initiative_id, InitiativeAuthorRow.position)
        ):  # fmt: skip
            authors[iid].append(InitiativeAuthor(pid, name, unit, share, active))
    return [
        InitiativeItem(
            r.id, r.kind, r.title, r.year, r.scope, r.field, r.summary, r.applied_from,
            r.doc_number, r.doc_date, r.doc_issuer, r.note, tuple(authors[r.id]),
        )
        for r in rows
    ]  # fmt: skip


class InitiativeService:
    """Reads return frozen values; each write checks everything first, in one transaction."""

    def __init__(self, db: Database, today: Callable[[], dt.date] = dt.date.today) -> None:
        self._db = db
        self._today = today

    # Reading ----------------------------------------------------------------------------------

    def list(
        self, year: int | None, text: str = "", kind: InitiativeKind | None = None
    ) -> list[InitiativeItem]:
        """The initiatives of `year` (all years when None; of `kind` when given) whose title,
        field or author matches `text`; newest year first, then by title in Vietnamese order."""
        with self._db.session_scope() as s:
            q = select(InitiativeRow)
            if year is not None:
                q = q.where(InitiativeRow.year == year)
            if kind is not None:
                q = q.where(InitiativeRow.kind == kind)
            items = _items(s, s.scalars(q))
        found = [i for i in items if i.matches(text)]
        found.sort(key=lambda i: text_sort_text(i.title))
        found.sort(key=lambda i: i.year, reverse=True)
        return found

    def get(self, initiative_id: int) -> InitiativeItem | None:
        with self._db.session_scope() as s:
            row = s.get(InitiativeRow, initiative_id)
            return _items(s, [row])[0] if row is not None else None

    # Writing ----------------------------------------------------------------------------------

    def create(self, data: InitiativeInput) -> int:
        clean = validate_initiative(data, self._today())
        with self._db.session_scope() as s:
            self._check(s, clean, None)
            row = InitiativeRow()
            self._fill(row, clean)
            s.add(row)
            s.flush()
            audit(s, "create", "initiative", row.id, title=row.title, year=row.year)
            return row.id

    def update(self, initiative_id: int, data: InitiativeInput) -> None:
        clean = validate_initiative(data, self._today())
        with self._db.session_scope() as s:
            row = self._row(s, initiative_id)
            self._check(s, clean, initiative_id)
            before = {"title": row.title, "year": row.year}
            row.authors.clear()
            s.flush()  # the (initiative, person) keys of the old authors are free again
            self._fill(row, clean)
            audit(s, "update", "initiative", initiative_id, title=row.title, before=before)

    def delete(self, initiative_id: int) -> None:
        with self._db.session_scope() as s:
            row = self._row(s, initiative_id)
            authors = [a.person_id for a in row.authors]
            audit(s, "delete", "initiative", initiative_id, title=row.title, year=row.year,
                  document=row.doc_number, authors=authors)  # fmt: skip
            s.delete(row)

    def export(
        self, path: Path, year: int | None, text: str = "", kind: InitiativeKind | None = None
    ) -> int:
        """The list as the tab shows it (same year, kind and search), one row per initiative."""
        items = self.list(year, text, kind)
        filters = [f"năm {year}"] if year is not None else []
        if kind is not None:
            filters.append(kind.label.lower())
        if text.strip():
            filters.append(f"tìm «{text.strip()}»")
        rows = (
            (i.year, i.kind.label, i.title, i.authors_text,
             "; ".join(dict.fromkeys(a.unit for a in i.authors)), i.scope.label, i.field,
             i.applied_from, i.doc_number, i.doc_date, i.doc_issuer, i.summary, i.note)
            for i in items
        )  # fmt: skip
        title = "DANH SÁCH SÁNG KIẾN, ĐỀ TÀI KHOA HỌC"
        return write_list(self._db, path, title, EXPORT_COLUMNS, rows, self._today(), filters,
                          "Sáng kiến")  # fmt: skip

    # Internals --------------------------------------------------------------------------------

    @staticmethod
    def _row(s: Session, initiative_id: int) -> InitiativeRow:
        row = s.get(InitiativeRow, initiative_id)
        if row is None:
            raise UserError("Sáng kiến này không còn trong danh sách; hãy tải lại danh sách.")
        return row

    @staticmethod
    def _check(s: Session, clean: InitiativeInput, exclude_id: int | None) -> None:
        """Authors still in the registry; no second initiative of the same title that year."""
        ids = [a.person_id for a in clean.authors]
        found = set(s.scalars(select(PersonRow.id).where(PersonRow.id.in_(ids))))
        if len(found) != len(ids):
            raise ValidationError(
                {
                    "authors": "Có tác giả không còn trong danh sách cá nhân (có thể đã bị gộp "
                    "hoặc xóa); hãy chọn lại."
                }
            )
        title = fold(clean.title)
        for iid, other in s.execute(
            select(InitiativeRow.id, InitiativeRow.title).where(InitiativeRow.year == clean.year)
        ):
            if iid != exclude_id and fold(other) == title:
                raise ValidationError(
                    {"title": f"Năm {clean.year} đã có sáng kiến, đề tài «{other}»."}
                )

    @staticmethod
    def _fill(row: InitiativeRow, c: InitiativeInput) -> None:
        row.kind, row.title, row.year, row.scope = c.kind, c.title, c.year, c.scope  # type: ignore[assignment]
        row.field, row.summary, row.applied_from = c.field, c.summary, c.applied_from
        row.doc_number, row.doc_date, row.doc_issuer = c.doc_number, c.doc_date, c.doc_issuer
        row.note = c.note
        row.authors = [
            InitiativeAuthorRow(person_id=a.person_id, position=i, share=a.share)
            for i, a in enumerate(c.authors)
        ]
