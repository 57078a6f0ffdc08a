"""Initiatives (sáng kiến) and scientific works (đề tài khoa học): what the form holds, its checks,
and what the lists show.

Year of recognition. `year` is the achievement year the initiative counts for: the eligibility
engine reads "có sáng kiến được công nhận" for that year (CSTĐCS, Luật 06/2022 Điều 23). The
recognition document is usually signed in the same year, but a Hội đồng sáng kiến often meets
with the year-end review, in January of the following year, to recognise the previous year's
initiatives. So the year must be the year of the document's date or the year before it; any
other year is refused, because it would credit an achievement year the document does not cover.

Recognised. An initiative counts for eligibility only once it has a recognition document (number
and date): one entered while it waits for the council is kept but does not count yet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.enums import InitiativeKind, InitiativeScope
from emulation_desktop.domain.errors import ValidationError
from emulation_desktop.domain.text import fold, nfc, nfc_lines

MAX_TITLE = 500
MAX_TEXT = 500
MAX_NUMBER = 60
MIN_YEAR = 1990


def document_text(number: str, day: dt.date | None, issuer: str = "") -> str:
    """ "15/QĐ-UBND ngày 12/12/2025 của UBND xã Cát Thành" (the parts that are known)."""
    text = number
    if day is not None:
        text += f" ngày {day_text(day)}"
    if issuer:
        text += f" của {issuer}"
    return text.strip()


@dataclass(frozen=True, slots=True)
class AuthorInput:
    """One author in the order the document lists them; `share` is the % contribution, if any."""

    person_id: int | None
    share: int | None = None


@dataclass(frozen=True, slots=True)
class InitiativeInput:
    kind: InitiativeKind
    title: str
    year: int | None
    scope: InitiativeScope
    authors: tuple[AuthorInput, ...]
    field: str = ""
    summary: str = ""
    applied_from: dt.date | None = None
    doc_number: str = ""
    doc_date: dt.date | None = None
    doc_issuer: str = ""
    note: str = ""


def validate_initiative(data: InitiativeInput, today: dt.date) -> InitiativeInput:
    """The input normalised (NFC), or ValidationError naming each wrong field."""
    clean = replace(
        data,
        title=nfc(data.title),
        field=nfc(data.field),
        summary=nfc_lines(data.summary, keep_blank=True),
        doc_number=nfc(data.doc_number),
        doc_issuer=nfc(data.doc_issuer),
        note=nfc_lines(data.note, keep_blank=True),
        authors=tuple(data.authors),
    )
    errors: dict[str, str] = {}
    if not clean.title:
        errors["title"] = "Hãy nhập tên sáng kiến, đề tài."
    elif len(clean.title) > MAX_TITLE:
        errors["title"] = f"Tên dài quá {MAX_TITLE} ký tự."
    if len(clean.field) > MAX_TEXT:
        errors["field"] = f"Lĩnh vực dài quá {MAX_TEXT} ký tự."
    if len(clean.doc_issuer) > MAX_TEXT:
        errors["doc_issuer"] = f"Tên cơ quan ban hành dài quá {MAX_TEXT} ký tự."
    if len(clean.doc_number) > MAX_NUMBER:
        errors["doc_number"] = f"Số văn bản dài quá {MAX_NUMBER} ký tự."
    if message := _authors_error(clean.authors):
        errors["authors"] = message
    _check_dates(clean, today, errors)
    if errors:
        raise ValidationError(errors)
    return clean


def _authors_error(authors: Sequence[AuthorInput]) -> str:
    if not authors:
        return "Hãy thêm ít nhất một tác giả."
    ids = [a.person_id for a in authors]
    if any(i is None for i in ids):
        return "Có dòng tác giả chưa chọn người; hãy chọn hoặc bỏ dòng đó."
    if len(set(ids)) != len(ids):
        return "Một người chỉ ghi một lần trong danh sách tác giả."
    shares = [a.share for a in authors if a.share is not None]
    if any(not 1 <= s <= 100 for s in shares):
        return "Tỷ lệ đóng góp của mỗi tác giả phải từ 1% đến 100% (để trống nếu không ghi)."
    if sum(shares) > 100:
        return f"Tổng tỷ lệ đóng góp là {sum(shares)}%, vượt quá 100%."
    return ""


def _check_dates(c: InitiativeInput, today: dt.date, errors: dict[str, str]) -> None:
    if c.year is None:
        errors["year"] = "Hãy nhập năm công nhận."
    elif not MIN_YEAR <= c.year <= today.year:
        errors["year"] = f"Năm công nhận phải từ {MIN_YEAR} đến {today.year}."
    if c.applied_from is not None and c.applied_from > today:
        errors["applied_from"] = "Ngày bắt đầu áp dụng không thể ở tương lai."
    if c.doc_number and c.doc_date is None:
        errors["doc_date"] = "Hãy nhập ngày của văn bản công nhận."
    if c.doc_date is None:
        if c.doc_issuer and "doc_number" not in errors:
            errors["doc_number"] = "Hãy nhập số và ngày của văn bản công nhận."
        return
    if not c.doc_number:
        errors["doc_number"] = "Hãy nhập số của văn bản công nhận (ví dụ 15/QĐ-UBND)."
    if c.doc_date > today:
        errors["doc_date"] = "Ngày văn bản công nhận không thể ở tương lai."
    elif c.applied_from is not None and c.doc_date < c.applied_from:
        errors["doc_date"] = (
            f"Ngày công nhận {day_text(c.doc_date)} trước ngày bắt đầu áp dụng "
            f"{day_text(c.applied_from)}: sáng kiến được công nhận sau khi đã áp dụng."
        )
    if (
        c.year is not None
        and "year" not in errors
        and c.year
        not in (
            c.doc_date.year,
            c.doc_date.year - 1,
        )
    ):
        errors["year"] = (
            f"Năm công nhận {c.year} không khớp với văn bản ngày {day_text(c.doc_date)}: "
            f"chỉ được là năm {c.doc_date.year} hoặc năm {c.doc_date.year - 1} (thành tích "
            "năm trước được công nhận đầu năm sau)."
        )


# What the lists and the detail show ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class InitiativeAuthor:
    person_id: int
    name: str
    unit: str
    share: int | None = None
    active: bool = True

    @property
    def label(self) -> str:
        """ "Nguyễn Văn An (40%)"."""
        return f"{self.name} ({self.share}%)" if self.share is not None else self.name


@dataclass(frozen=True, slots=True)
class InitiativeItem:
    id: int
    kind: InitiativeKind
    title: str
    year: int
    scope: InitiativeScope
    field: str
    summary: str
    applied_from: dt.date | None
    doc_number: str
    doc_date: dt.date | None
    doc_issuer: str
    note: str
    authors: tuple[InitiativeAuthor, ...]

    @property
    def recognised(self) -> bool:
        """Counts for eligibility: it has a recognition document (number and date)."""
        return bool(self.doc_number) and self.doc_date is not None

    @property
    def document(self) -> str:
        return document_text(self.doc_number, self.doc_date, self.doc_issuer)

    @property
    def authors_text(self) -> str:
        return ", ".join(a.label for a in self.authors)

    def to_input(self) -> InitiativeInput:
        return InitiativeInput(
            self.kind, self.title, self.year, self.scope,
            tuple(AuthorInput(a.person_id, a.share) for a in self.authors),
            self.field, self.summary, self.applied_from, self.doc_number, self.doc_date,
            self.doc_issuer, self.note,
        )  # fmt: skip

    def matches(self, text: str) -> bool:
        """Every word of `text` (accents optional) is in the title, the field or an author."""
        words = fold(nfc(text)).split()
        if not words:
            return True
        haystack = " ".join(
            (fold(self.title), fold(self.field), *(fold(a.name) for a in self.authors))
        )
        return all(w in haystack for w in words)
