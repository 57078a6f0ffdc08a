"""What happened at the printer: the sheets it accepted (so the award register shows the
certificate was printed), the spoiled ones, the stock of blanks (phôi) and each printer's offset
measured on the calibration page."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import case, func, insert, select
from sqlalchemy.orm import Session

from emulation_desktop.domain.certificates import BlankKind, CertificateKind, PrintMode
from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.enums import AwardKind
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.text import nfc, thousands
from emulation_desktop.services.registry_write import audit
from emulation_desktop.store.certificate_models import (
    BlankReceiptRow,
    CertificatePrintRow,
    PrinterCalibrationRow,
)
from emulation_desktop.store.db import Database
from emulation_desktop.store.models import AwardRow

MAX_OFFSET_MM = 50.0
MAX_RECEIPT = 100_000
_TEXT_CHARS = 500


@dataclass(frozen=True, slots=True)
class Offset:
    """Where the printer puts the text relative to the layout: +dx right, +dy down (mm)."""

    dx_mm: float = 0.0
    dy_mm: float = 0.0


@dataclass(frozen=True, slots=True)
class PrintRecord:
    id: int
    award_id: int
    printed_at: dt.datetime
    printer: str
    mode: PrintMode
    spoiled: bool
    reason: str


@dataclass(frozen=True, slots=True)
class BlankStock:
    blank: BlankKind
    received: int
    used: int  # sheets printed on a blank and not spoiled
    spoiled: int

    @property
    def left(self) -> int:
        """May be negative: more sheets printed than blanks recorded (shown as a warning)."""
        return self.received - self.used - self.spoiled


@dataclass(frozen=True, slots=True)
class PrintCounts:
    printed: int  # sheets printed and not spoiled
    spoiled: int
    last_printed: dt.datetime | None


def print_counts(s: Session, award_ids: Sequence[int]) -> dict[int, PrintCounts]:
    """Per award: sheets printed, spoiled, and the last print. One grouped query."""
    spoiled = func.sum(case((CertificatePrintRow.spoiled.is_(True), 1), else_=0))
    return {
        award_id: PrintCounts(int(total - (bad or 0)), int(bad or 0), last)
        for award_id, total, bad, last in s.execute(
            select(CertificatePrintRow.award_id, func.count(), spoiled,
                   func.max(CertificatePrintRow.printed_at))
            .where(CertificatePrintRow.award_id.in_(list(set(award_ids))))
            .group_by(CertificatePrintRow.award_id)
        )
    }  # fmt: skip


def _record(row: CertificatePrintRow) -> PrintRecord:
    return PrintRecord(row.id, row.award_id, row.printed_at, row.printer, row.mode, row.spoiled,
                       row.reason)  # fmt: skip


def _clean_text(text: str, field: str, what: str) -> str:
    text = " ".join(nfc(text or "").split())
    if len(text) > _TEXT_CHARS:
        raise ValidationError({field: f"{what} dài quá {_TEXT_CHARS} ký tự."})
    return text


class PrintRegister:
    """The printing side of `CertificateService` (which inherits it)."""

    def __init__(self, db: Database, now: Callable[[], dt.datetime] = dt.datetime.now) -> None:
        self._db = db
        self._now = now

    # Prints -------------------------------------------------------------------------------------

    def record_printed(
        self,
        award_ids: Sequence[int],
        printer: str,
        mode: PrintMode,
        kinds: Sequence[CertificateKind] = (),
    ) -> int:
        """One row per sheet the printer accepted (the caller passes only those). `kinds`, in
        the same order, are the sheets' layouts as printed (`WrittenPdf.kinds`): their blank
        is the one used up. Returns the number recorded."""
        ids = [int(i) for i in award_ids]
        if not ids:
            return 0
        mode = PrintMode(mode)
        printed = [CertificateKind(k) for k in kinds]
        printer = _clean_text(printer, "printer", "Tên máy in")[:200]
        now = self._now().replace(microsecond=0)
        with self._db.session_scope() as s:
            kinds = dict(
                s.execute(
                    select(AwardRow.id, AwardRow.award_kind).where(AwardRow.id.in_(set(ids)))
                ).all()
            )
            if missing := [i for i in ids if i not in kinds]:
                raise UserError(
                    f"Khen thưởng mã {missing[0]} không còn trong sổ; hãy tải lại danh sách giấy "
                    "khen rồi ghi lại."
                )
            s.execute(insert(CertificatePrintRow), [
                {"award_id": i, "printed_at": now, "printer": printer, "mode": mode,
                 "blank": printed[n].blank if n < len(printed) else _blank(kinds[i]),
                 "spoiled": False, "reason": ""}
                for n, i in enumerate(ids)
            ])  # fmt: skip
            audit(s, "print", "certificate", None, sheets=len(ids), printer=printer,
                  mode=mode.value, awards=sorted(set(ids)))  # fmt: skip
        return len(ids)

    def mark_spoiled(self, award_id: int, reason: str) -> PrintRecord:
        """The latest good sheet of the award becomes spoiled (it used a blank all the same)."""
        return self.mark_spoiled_many([award_id], reason)[0]

    def mark_spoiled_many(self, award_ids: Sequence[int], reason: str) -> list[PrintRecord]:
        """`mark_spoiled` for several sheets at once: all of them or, on any refusal, none."""
        reason = _clean_text(reason, "reason", "Lý do")
        now = self._now().replace(microsecond=0)
        out = []
        with self._db.session_scope() as s:
            for award_id in award_ids:
                row = s.scalar(
                    select(CertificatePrintRow)
                    .where(CertificatePrintRow.award_id == award_id,
                           CertificatePrintRow.spoiled.is_(False))
                    .order_by(CertificatePrintRow.printed_at.desc(),
                              CertificatePrintRow.id.desc())
                    .limit(1)
                )  # fmt: skip
                if row is None:
                    raise UserError(
                        "Giấy khen này chưa có tờ nào in ra còn tốt (chưa in, hoặc các tờ đã in "
                        "đều đã đánh dấu hỏng), nên không có tờ nào để đánh dấu hỏng."
                    )
                row.spoiled, row.reason, row.spoiled_at = True, reason, now
                s.flush()
                audit(s, "spoil", "certificate_print", row.id, award=award_id, reason=reason)
                out.append(_record(row))
        return out

    def history(self, award_id: int) -> list[PrintRecord]:
        """Every sheet printed for the award, newest first."""
        with self._db.session_scope() as s:
            rows = s.scalars(
                select(CertificatePrintRow)
                .where(CertificatePrintRow.award_id == award_id)
                .order_by(CertificatePrintRow.printed_at.desc(), CertificatePrintRow.id.desc())
            ).all()
            return [_record(r) for r in rows]

    # Blanks -------------------------------------------------------------------------------------

    def receive_blanks(self, blank: BlankKind, quantity: int, day: dt.date, note: str = "") -> None:
        blank = BlankKind(blank)
        if isinstance(quantity, bool) or not isinstance(quantity, int):
            raise ValidationError({"quantity": "Số phôi nhận phải là số nguyên."})
        if not 1 <= quantity <= MAX_RECEIPT:
            raise ValidationError(
                {"quantity": f"Số phôi nhận phải từ 1 đến {thousands(MAX_RECEIPT)}."}
            )
        if not isinstance(day, dt.date):
            raise ValidationError({"day": "Hãy chọn ngày nhận phôi."})
        note = _clean_text(note, "note", "Ghi chú")
        with self._db.session_scope() as s:
            row = BlankReceiptRow(blank=blank, quantity=quantity, received_on=day, note=note)
            s.add(row)
            s.flush()
            audit(s, "receive", "blank_receipt", row.id, blank=blank.value, quantity=quantity,
                  day=day_text(day), note=note)  # fmt: skip

    def stock(self) -> list[BlankStock]:
        """Per kind of blank: received, used and spoiled. Only sheets printed on a blank
        (overlay) count; the full layout is printed on plain paper."""
        spoiled = func.sum(case((CertificatePrintRow.spoiled.is_(True), 1), else_=0))
        with self._db.session_scope() as s:
            received = dict(
                s.execute(
                    select(BlankReceiptRow.blank, func.sum(BlankReceiptRow.quantity)).group_by(
                        BlankReceiptRow.blank
                    )
                ).all()
            )
            printed = {
                blank: (int(total), int(bad or 0))
                for blank, total, bad in s.execute(
                    select(CertificatePrintRow.blank, func.count(), spoiled)
                    .where(CertificatePrintRow.mode == PrintMode.OVERLAY)
                    .group_by(CertificatePrintRow.blank)
                )
            }
        out = []
        for blank in BlankKind:
            total, bad = printed.get(blank, (0, 0))
            out.append(BlankStock(blank, int(received.get(blank) or 0), total - bad, bad))
        return out

    # Calibration --------------------------------------------------------------------------------

    def calibration(self, printer: str) -> Offset:
        """The offset measured for `printer` ("" = the default printer), or none."""
        return self.saved_calibration(printer) or Offset()

    def saved_calibration(self, printer: str) -> Offset | None:
        """The offset measured for `printer`, or None when it was never calibrated."""
        with self._db.session_scope() as s:
            row = s.get(PrinterCalibrationRow, _printer_key(printer))
            return Offset(row.dx_mm, row.dy_mm) if row else None

    def save_calibration(self, printer: str, offset: Offset) -> None:
        dx, dy = float(offset.dx_mm), float(offset.dy_mm)
        for value in (dx, dy):
            if not math.isfinite(value) or abs(value) > MAX_OFFSET_MM:
                raise ValidationError({"offset": (
                    f"Độ lệch quá lớn: mỗi chiều chỉ được lệch tối đa {MAX_OFFSET_MM:g} mm. Hãy "
                    "đo lại trên trang căn chỉnh (đặt trang in lên phôi, soi ngược sáng)."
                )})  # fmt: skip
        key = _printer_key(printer)
        with self._db.session_scope() as s:
            row = s.get(PrinterCalibrationRow, key)
            if row is None:
                row = PrinterCalibrationRow(printer=key)
                s.add(row)
            row.dx_mm, row.dy_mm = round(dx, 2), round(dy, 2)
            row.updated_at = self._now().replace(microsecond=0)
            audit(s, "calibrate", "printer_calibration", None, printer=key, dx_mm=row.dx_mm,
                  dy_mm=row.dy_mm)  # fmt: skip


def _printer_key(printer: str) -> str:
    return " ".join(nfc(printer or "").split())[:200]


def _blank(kind: AwardKind) -> BlankKind:
    """A form (Giấy khen) is printed on a Giấy khen blank, a title on a certificate blank
    (`certificate_kind` gives every form's sheet a Giấy khen layout)."""
    return BlankKind.GIAY_KHEN if kind is AwardKind.FORM else BlankKind.CERTIFICATE
