"""The register of complaints, petitions, denunciations, inspections and supervision on TĐKT.

While a case is open (no closing date) and names a subject, that subject's nominations are paused
(NĐ 152/2025/NĐ-CP Điều 4: khen thưởng is paused while an inspection, a complaint or a
denunciation about the subject is being handled); closing the case lifts the pause.

Default deadlines (the officer may change them; they are reminders, not legal decisions):
- Khiếu nại: 30 days from receipt. Luật Khiếu nại 2011 Điều 28 gives 30 days for a first
  decision, counted from acceptance (thụ lý, itself within 10 days of receipt), 45 days for a
  complex case: counting from receipt warns early rather than late.
- Tố cáo: 30 days from receipt, on the same reasoning (Luật Tố cáo 2018 Điều 30: 30 days from
  acceptance, extendable).
- Kiến nghị: 15 days from receipt. No statutory limit was found for a petition about TĐKT; a
  petition needs an answer, not a decision, so the reminder comes sooner. (Chosen, not cited.)
- Kiểm tra, giám sát: no default. Their length is set by the inspection's own plan or decision,
  which the officer copies into the deadline.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import StrEnum

from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.enums import ComplaintKind
from emulation_desktop.domain.errors import ValidationError
from emulation_desktop.domain.subjects import SubjectKey, SubjectRef
from emulation_desktop.domain.text import fold, nfc, nfc_lines

MAX_TEXT = 500
DEFAULT_DAYS: dict[ComplaintKind, int | None] = {
    ComplaintKind.COMPLAINT: 30,
    ComplaintKind.DENUNCIATION: 30,
    ComplaintKind.PETITION: 15,
    ComplaintKind.INSPECTION: None,
    ComplaintKind.SUPERVISION: None,
}
PAUSE_BASIS = "Nghị định 152/2025/NĐ-CP, Điều 4"


def is_inspection(kind: ComplaintKind) -> bool:
    """Kiểm tra, giám sát come from a body; the others are letters from a sender."""
    return kind in (ComplaintKind.INSPECTION, ComplaintKind.SUPERVISION)


def default_deadline(kind: ComplaintKind, received_on: dt.date | None) -> dt.date | None:
    days = DEFAULT_DAYS[kind]
    if days is None or received_on is None:
        return None
    return received_on + dt.timedelta(days=days)


def deadline_hint(kind: ComplaintKind) -> str:
    """What the form says under the deadline field."""
    days = DEFAULT_DAYS[kind]
    if days is None:
        return "Theo kế hoạch, quyết định kiểm tra, giám sát; để trống nếu chưa có."
    basis = {
        ComplaintKind.COMPLAINT: " (Luật Khiếu nại 2011, Điều 28)",
        ComplaintKind.DENUNCIATION: " (Luật Tố cáo 2018, Điều 30)",
    }.get(kind, "")
    return f"Mặc định {days} ngày kể từ ngày nhận{basis}; có thể sửa."


def sender_label(kind: ComplaintKind) -> str:
    return "Cơ quan kiểm tra, giám sát" if is_inspection(kind) else "Người gửi đơn"


class ComplaintStatus(StrEnum):
    """The list filter: every case, the open ones, the overdue ones, the closed ones."""

    ALL = "all"
    OPEN = "open"
    OVERDUE = "overdue"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return {
            "all": "Tất cả tình trạng",
            "open": "Đang giải quyết",
            "overdue": "Quá hạn",
            "closed": "Đã kết thúc",
        }[self.value]


@dataclass(frozen=True, slots=True)
class ComplaintInput:
    kind: ComplaintKind
    received_on: dt.date | None
    sender: str
    content: str
    subject: SubjectKey | None = None  # the person, collective or household the case names
    deadline: dt.date | None = None
    handling: str = ""
    result: str = ""
    closed_on: dt.date | None = None
    document: str = ""


def validate_complaint(data: ComplaintInput, today: dt.date) -> ComplaintInput:
    """The input normalised (NFC), or ValidationError naming each wrong field."""
    clean = replace(
        data,
        sender=nfc(data.sender),
        content=nfc_lines(data.content, keep_blank=True),
        handling=nfc_lines(data.handling, keep_blank=True),
        result=nfc_lines(data.result, keep_blank=True),
        document=nfc(data.document),
    )
    errors: dict[str, str] = {}
    received = clean.received_on
    if received is None:
        errors["received_on"] = "Hãy nhập ngày nhận đơn hoặc ngày bắt đầu kiểm tra."
    elif received > today:
        errors["received_on"] = "Ngày nhận không thể ở tương lai."
    if not clean.sender:
        who = "cơ quan kiểm tra, giám sát" if is_inspection(clean.kind) else "người gửi đơn"
        errors["sender"] = f"Hãy nhập {who}."
    elif len(clean.sender) > MAX_TEXT:
        errors["sender"] = f"Dài quá {MAX_TEXT} ký tự."
    if not clean.content:
        errors["content"] = "Hãy nhập nội dung vụ việc."
    if len(clean.document) > MAX_TEXT:
        errors["document"] = f"Dài quá {MAX_TEXT} ký tự."
    if received is not None and clean.deadline is not None and clean.deadline < received:
        errors["deadline"] = (
            f"Hạn giải quyết {day_text(clean.deadline)} trước ngày nhận {day_text(received)}."
        )
    if clean.closed_on is not None:
        if clean.closed_on > today:
            errors["closed_on"] = "Ngày kết thúc không thể ở tương lai."
        elif received is not None and clean.closed_on < received:
            errors["closed_on"] = (
                f"Ngày kết thúc {day_text(clean.closed_on)} trước ngày nhận {day_text(received)}."
            )
        if not clean.result:
            errors["result"] = "Hãy ghi kết quả giải quyết trước khi kết thúc vụ việc."
    if errors:
        raise ValidationError(errors)
    return clean


@dataclass(frozen=True, slots=True)
class ComplaintItem:
    id: int
    kind: ComplaintKind
    received_on: dt.date
    sender: str
    content: str
    subject: SubjectRef | None
    deadline: dt.date | None
    handling: str
    result: str
    closed_on: dt.date | None
    document: str

    @property
    def is_open(self) -> bool:
        return self.closed_on is None

    @property
    def pauses(self) -> bool:
        """Open and naming a subject: that subject's nominations wait for the outcome."""
        return self.is_open and self.subject is not None

    def overdue_days(self, today: dt.date) -> int:
        """Days past the deadline while still open; 0 when not overdue."""
        if not self.is_open or self.deadline is None or self.deadline >= today:
            return 0
        return (today - self.deadline).days

    def status_text(self, today: dt.date) -> str:
        if self.closed_on is not None:
            return f"Đã kết thúc {day_text(self.closed_on)}"
        if days := self.overdue_days(today):
            return f"Quá hạn {days} ngày"
        return "Đang giải quyết"

    def in_status(self, status: ComplaintStatus, today: dt.date) -> bool:
        if status is ComplaintStatus.OPEN:
            return self.is_open
        if status is ComplaintStatus.OVERDUE:
            return self.overdue_days(today) > 0
        if status is ComplaintStatus.CLOSED:
            return not self.is_open
        return True

    def matches(self, text: str) -> bool:
        """Every word of `text` (accents optional) is in the sender, content, subject, document."""
        words = fold(nfc(text)).split()
        if not words:
            return True
        subject = self.subject.name if self.subject else ""
        haystack = " ".join(fold(t) for t in (self.sender, self.content, subject, self.document))
        return all(w in haystack for w in words)

    def to_input(self) -> ComplaintInput:
        return ComplaintInput(
            self.kind, self.received_on, self.sender, self.content,
            self.subject.key if self.subject else None, self.deadline, self.handling,
            self.result, self.closed_on, self.document,
        )  # fmt: skip
