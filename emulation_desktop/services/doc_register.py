"""The document register (sổ văn bản): numbers per series and year, without gaps or repeats.

A number is taken only inside the transaction that issues its document (`take`), so a refusal
or a failure leaves no gap. The UNIQUE (year, series, number) constraint backs the check up:
two windows asking at the same moment can never both get the same number; the second is refused
with a message and nothing of its work is saved. Numbers given by the văn thư outside the
program are typed in (`add_external`) so the next number follows the office's book.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.doc_numbers import check_symbol, document_number
from emulation_desktop.domain.enums import DocType
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.text import fold, nfc
from emulation_desktop.services.profile import write_list
from emulation_desktop.services.registry_write import audit
from emulation_desktop.spreadsheet.writer import Column, ColumnType
from emulation_desktop.store.award_models import DecisionRow, DocRegisterRow, ProposalRow
from emulation_desktop.store.db import Database

EXPORT_COLUMNS = (
    Column("Loại văn bản"), Column("Số, ký hiệu"), Column("Ngày ban hành", ColumnType.DATE),
    Column("Trích yếu nội dung", width=60), Column("Ghi chú", width=30),
)  # fmt: skip
EXTERNAL_NOTE = "Ghi từ sổ của văn thư"


@dataclass(frozen=True, slots=True)
class RegisterEntry:
    id: int
    year: int
    series: DocType
    number: int
    symbol: str
    issued_on: dt.date
    summary: str
    external: bool
    used_by: str  # "Quyết định khen thưởng", "Tờ trình đề nghị", or EXTERNAL_NOTE

    @property
    def number_text(self) -> str:
        return document_number(self.number, self.symbol)

    def matches(self, text: str) -> bool:
        needle = fold(nfc(text)).strip()
        return not needle or needle in fold(f"{self.number_text} {self.summary}")


@dataclass(frozen=True, slots=True)
class ExternalEntryInput:
    """A number the văn thư gave outside the program, typed in from the office's book."""

    series: DocType
    number: int | None
    issued_on: dt.date | None
    summary: str
    symbol: str = ""  # default: the series' "QĐ-UBND"


def next_number(session: Session, year: int, series: DocType) -> int:
    last = session.scalar(
        select(func.max(DocRegisterRow.number)).where(
            DocRegisterRow.year == year, DocRegisterRow.series == series
        )
    )
    return (last or 0) + 1


def _used_message(number: int, symbol: str, year: int, row: DocRegisterRow | None) -> str:
    what = document_number(number, symbol)
    if row is None:
        return (
            f"Số {what} năm {year} vừa được dùng cho một văn bản khác (có thể ở một cửa sổ khác "
            "của chương trình). Chưa có gì được lưu; hãy thử lại để lấy số mới."
        )
    return (
        f"Số {what} năm {year} đã được dùng cho «{row.summary or 'văn bản khác'}» ngày "
        f"{day_text(row.issued_on)}. Hãy để trống ô số để lấy số tiếp theo, hoặc nhập số khác."
    )


def take(
    session: Session,
    series: DocType,
    issued_on: dt.date,
    summary: str,
    number: int | None = None,
    *,
    symbol: str = "",
    external: bool = False,
) -> DocRegisterRow:
    """Enter a document in the register inside the caller's transaction: the next number of the
    year and series, or `number` when it is free. Refused with a message otherwise."""
    year = issued_on.year
    symbol = check_symbol(symbol or series.symbol)
    if number is None:
        number = next_number(session, year, series)
    elif number <= 0:
        raise ValidationError({"number": "Số văn bản phải là số nguyên dương."})
    else:
        taken = session.scalar(
            select(DocRegisterRow).where(
                DocRegisterRow.year == year,
                DocRegisterRow.series == series,
                DocRegisterRow.number == number,
            )
        )
        if taken is not None:
            raise ValidationError({"number": _used_message(number, symbol, year, taken)})
        following = next_number(session, year, series)
        if not external and number > following:
            # The program's own documents never leave a hole; numbers the văn thư gave out on
            # paper are typed in first, so the book and the program agree.
            raise ValidationError({"number": (
                f"Số {document_number(number, symbol)} bỏ trống các số từ "
                f"{document_number(following, symbol)} của năm {year}. Nếu văn thư đã cấp các số "
                "đó, hãy ghi chúng vào sổ văn bản trước (Sổ văn bản › Thêm số từ sổ văn thư…)."
            )})  # fmt: skip
    row = DocRegisterRow(year=year, series=series, number=number, symbol=symbol,
                         issued_on=issued_on, summary=summary, external=external)  # fmt: skip
    session.add(row)
    flush_or_refuse(session, "uq_doc_register", _used_message(number, symbol, year, None))
    return row


def flush_or_refuse(session: Session, constraint: str, message: str) -> None:
    """Flush; a UNIQUE clash (another window was faster) becomes `message`, and the caller's
    whole transaction is rolled back by its session scope: nothing half-saved."""
    try:
        session.flush()
    except IntegrityError as exc:
        text = str(exc.orig)
        if "UNIQUE" in text and (constraint in text or _columns_of(constraint) in text):
            raise UserError(message) from exc
        raise


def _columns_of(constraint: str) -> str:
    # SQLite names the columns, not the constraint: "UNIQUE constraint failed: doc_register.year…"
    return {
        "uq_doc_register": "doc_register.year",
        "uq_award_register": "award.register_year",
    }.get(constraint, constraint)


class DocRegisterService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def list(self, year: int, series: DocType | None = None, text: str = "") -> list[RegisterEntry]:
        """The year's entries by series, then number."""
        with self._db.session_scope() as s:
            stmt = (
                select(DocRegisterRow, DecisionRow.kind, ProposalRow.id)
                .outerjoin(DecisionRow, DecisionRow.register_id == DocRegisterRow.id)
                .outerjoin(ProposalRow, ProposalRow.register_id == DocRegisterRow.id)
                .where(DocRegisterRow.year == year)
            )
            if series is not None:
                stmt = stmt.where(DocRegisterRow.series == series)
            out = []
            for r, kind, proposal in s.execute(stmt):
                used = EXTERNAL_NOTE if r.external else ""
                if kind is not None:
                    used = kind.label
                elif proposal is not None:
                    used = "Tờ trình đề nghị cấp trên khen thưởng"
                out.append(RegisterEntry(r.id, r.year, r.series, r.number, r.symbol,
                                         r.issued_on, r.summary, r.external, used))  # fmt: skip
        order = {t: i for i, t in enumerate(DocType)}
        out.sort(key=lambda e: (order[e.series], e.number))
        return [e for e in out if e.matches(text)]

    def next_number(self, year: int, series: DocType) -> int:
        with self._db.session_scope() as s:
            return next_number(s, year, series)

    def next_text(self, year: int, series: DocType) -> str:
        """ "06/QĐ-UBND": what the next document of the series would be numbered."""
        return document_number(self.next_number(year, series), series.symbol)

    def add_external(self, data: ExternalEntryInput) -> int:
        errors = {}
        summary = " ".join(nfc(data.summary).split())
        if data.issued_on is None:
            errors["issued_on"] = "Hãy nhập ngày ban hành."
        if data.number is None:
            errors["number"] = "Hãy nhập số văn bản trong sổ của văn thư."
        if not summary:
            errors["summary"] = "Hãy nhập trích yếu nội dung văn bản."
        if errors:
            raise ValidationError(errors)
        assert data.issued_on is not None
        with self._db.session_scope() as s:
            row = take(s, data.series, data.issued_on, summary, data.number,
                       symbol=nfc(data.symbol), external=True)  # fmt: skip
            audit(s, "create", "doc_register", row.id, number=document_number(row.number,
                  row.symbol), year=row.year, external=True)  # fmt: skip
            return row.id

    def delete_external(self, entry_id: int) -> None:
        """Remove a number typed in by mistake: only one typed in, used by no document, and the
        last of its series (an earlier one would leave a gap)."""
        with self._db.session_scope() as s:
            row = s.get(DocRegisterRow, entry_id)
            if row is None:
                return
            what = document_number(row.number, row.symbol)
            if not row.external:
                raise UserError(f"Số {what} do chương trình cấp cho văn bản đã ban hành nên không "
                                "xóa được.")  # fmt: skip
            if row.number != next_number(s, row.year, row.series) - 1:
                raise UserError(f"Chỉ xóa được số cuối cùng của sổ; xóa số {what} sẽ để lại "
                                "khoảng trống trong sổ văn bản.")  # fmt: skip
            audit(s, "delete", "doc_register", row.id, number=what, year=row.year)
            s.delete(row)

    def export(self, path: Path, year: int, series: DocType | None = None, text: str = "") -> int:
        entries = self.list(year, series, text)
        filters = [f"năm {year}"] + ([series.label.lower()] if series else [])
        if text.strip():
            filters.append(f"tìm «{text.strip()}»")
        rows = ((e.series.label, e.number_text, e.issued_on, e.summary, e.used_by)
                for e in entries)  # fmt: skip
        return write_list(self._db, path, "SỔ ĐĂNG KÝ VĂN BẢN ĐI", EXPORT_COLUMNS, rows,
                          dt.date.today(), filters, "Sổ văn bản")  # fmt: skip
