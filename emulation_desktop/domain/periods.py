"""Discipline, maternity and other long leave of a person: dated periods the eligibility engine
reads (a discipline pauses awards; maternity leave counts as working time; other leave does not).

Dates are inclusive at both ends, as in domain.rules.facts; an empty end means "still running".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.enums import PeriodKind
from emulation_desktop.domain.errors import ValidationError
from emulation_desktop.domain.rules.facts import Period
from emulation_desktop.domain.text import nfc, nfc_lines

__all__ = [
    "DISCIPLINE_FORMS",
    "PeriodInput",
    "PeriodItem",
    "first_overlap",
    "span_text",
    "validate_period",
]

# Hình thức kỷ luật of cán bộ, công chức, viên chức (Luật CBCC, Luật Viên chức, NĐ 112/2020),
# most lenient first. The field stays free text: a new decree must not need a new program.
DISCIPLINE_FORMS = (
    "Khiển trách",
    "Cảnh cáo",
    "Hạ bậc lương",
    "Giáng chức",
    "Cách chức",
    "Bãi nhiệm",
    "Buộc thôi việc",
)
EARLIEST = dt.date(1950, 1, 1)
TEXT_MAX = 500


def span_text(start: dt.date, end: dt.date | None) -> str:
    """ "từ 01/03/2025 đến 31/08/2025", or "từ 01/03/2025 (chưa kết thúc)"."""
    return Period(start, end).label


@dataclass(frozen=True, slots=True)
class PeriodInput:
    """What the form sends; `person_id` None when no person was chosen."""

    person_id: int | None
    kind: PeriodKind
    start: dt.date | None
    end: dt.date | None = None
    form: str = ""
    document: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class PeriodItem:
    """A period as lists show it."""

    id: int
    person_id: int
    person_name: str
    unit_name: str
    kind: PeriodKind
    start: dt.date
    end: dt.date | None
    form: str
    document: str
    note: str

    @property
    def period(self) -> Period:
        return Period(self.start, self.end)

    @property
    def span(self) -> str:
        return span_text(self.start, self.end)

    @property
    def start_text(self) -> str:
        return day_text(self.start)

    @property
    def end_text(self) -> str:
        return day_text(self.end) if self.end else "chưa kết thúc"

    @property
    def what(self) -> str:
        """ "Kỷ luật (Cảnh cáo)", "Nghỉ thai sản"."""
        return f"{self.kind.label} ({self.form})" if self.form else self.kind.label


def validate_period(data: PeriodInput) -> PeriodInput:
    """The input, trimmed and NFC; ValidationError naming every field that is wrong."""
    errors: dict[str, str] = {}
    if data.person_id is None:
        errors["person"] = "Hãy chọn cá nhân (gõ họ tên rồi chọn trong danh sách)."
    if data.start is None:
        errors["start"] = "Hãy nhập ngày bắt đầu (ngày/tháng/năm)."
    elif data.start < EARLIEST:
        errors["start"] = f"Ngày bắt đầu {day_text(data.start)} quá xa; hãy kiểm tra lại năm."
    if data.start is not None and data.end is not None and data.end < data.start:
        errors["end"] = (
            f"Ngày kết thúc {day_text(data.end)} trước ngày bắt đầu {day_text(data.start)}; "
            "hãy sửa lại (để trống nếu chưa kết thúc)."
        )
    form = nfc(data.form) if data.kind is PeriodKind.DISCIPLINE else ""
    if data.kind is PeriodKind.DISCIPLINE and not form:
        errors["form"] = "Hãy chọn hoặc gõ hình thức kỷ luật (ví dụ Khiển trách, Cảnh cáo)."
    document = nfc(data.document)
    for key, value, label in (("form", form, "Hình thức"), ("document", document, "Văn bản")):
        if len(value) > TEXT_MAX and key not in errors:
            errors[key] = f"{label} dài quá {TEXT_MAX} ký tự; hãy rút gọn."
    if errors:
        raise ValidationError(errors)
    return PeriodInput(data.person_id, data.kind, data.start, data.end, form, document,
                       nfc_lines(data.note, keep_blank=True))  # fmt: skip


def first_overlap(
    start: dt.date, end: dt.date | None, others: Iterable[tuple[dt.date, dt.date | None]]
) -> tuple[dt.date, dt.date | None] | None:
    """The first of `others` sharing at least one day with [start, end], in date order."""
    mine = Period(start, end)
    for other_start, other_end in sorted(others, key=lambda p: p[0]):
        if mine.overlaps(other_start, other_end or dt.date.max):
            return other_start, other_end
    return None
