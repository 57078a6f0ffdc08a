"""Sơ kết, tổng kết: a review of a movement or of one of its phases, how each registered subject
did, and the figures reports and the dashboard read."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace

from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.enums import RegistrationStatus, ReviewKind, ReviewResult
from emulation_desktop.domain.errors import ValidationError
from emulation_desktop.domain.movement_choices import MovementChoice
from emulation_desktop.domain.subjects import SubjectRef
from emulation_desktop.domain.text import nfc, nfc_lines

DOCUMENT_MAX = 500


@dataclass(frozen=True, slots=True)
class ReviewInput:
    movement_id: int | None
    phase_id: int | None  # None: the whole movement
    kind: ReviewKind
    held_on: dt.date | None
    document: str = ""  # "Báo cáo số 45/BC-UBND ngày 20/6/2024"
    summary: str = ""


def validate_review(data: ReviewInput, movement: MovementChoice | None) -> ReviewInput:
    """Checks that need only the movement with its phases (the service adds the duplicate)."""
    clean = replace(data, document=nfc(data.document), summary=nfc_lines(data.summary))
    errors: dict[str, str] = {}
    if movement is None:
        errors["movement_id"] = "Hãy chọn phong trào thi đua được sơ kết, tổng kết."
    if len(clean.document) > DOCUMENT_MAX:
        errors["document"] = f"Văn bản dài quá {DOCUMENT_MAX} ký tự; hãy ghi ngắn gọn."
    phase = None
    if movement is not None and clean.phase_id is not None:
        phase = movement.phase(clean.phase_id)
        if phase is None:
            errors["phase_id"] = (
                f"Đợt đã chọn không thuộc phong trào «{movement.name}»; hãy chọn lại đợt."
            )
    if clean.held_on is None:
        errors["held_on"] = "Hãy nhập ngày tổ chức sơ kết, tổng kết (ngày/tháng/năm)."
    elif phase is not None and clean.held_on < phase.start:
        errors["held_on"] = (
            f"Ngày {day_text(clean.held_on)} trước khi đợt {phase.number} bắt đầu "
            f"({day_text(phase.start)}); chưa thể sơ kết, tổng kết đợt này."
        )
    elif movement is not None and phase is None and clean.held_on < movement.start:
        errors["held_on"] = (
            f"Ngày {day_text(clean.held_on)} trước khi phong trào bắt đầu "
            f"({day_text(movement.start)}); hãy kiểm tra lại ngày."
        )
    if errors:
        raise ValidationError(errors)
    return clean


def review_title(kind: ReviewKind, phase_number: int | None) -> str:
    """ "Sơ kết đợt 1" / "Tổng kết phong trào" """
    return f"{kind.label} đợt {phase_number}" if phase_number else f"{kind.label} phong trào"


@dataclass(frozen=True, slots=True)
class ReviewFigures:
    """`registered`: approved registrations of the movement; `reviewed`: those with a result."""

    registered: int = 0
    exceeded: int = 0
    met: int = 0
    not_met: int = 0

    @property
    def reviewed(self) -> int:
        return self.exceeded + self.met + self.not_met

    @property
    def waiting(self) -> int:
        return max(0, self.registered - self.reviewed)

    def __add__(self, other: ReviewFigures) -> ReviewFigures:
        return ReviewFigures(
            self.registered + other.registered,
            self.exceeded + other.exceeded,
            self.met + other.met,
            self.not_met + other.not_met,
        )

    @property
    def text(self) -> str:
        """ "120 đăng ký; đã đánh giá 110: vượt 30, đạt 70, chưa đạt 10" """
        if not self.reviewed:
            return f"{self.registered} đăng ký; chưa nhập kết quả"
        return (
            f"{self.registered} đăng ký; đã đánh giá {self.reviewed}: vượt {self.exceeded}, "
            f"đạt {self.met}, chưa đạt {self.not_met}"
        )


def figures_of(registered: int, results: Iterable[ReviewResult]) -> ReviewFigures:
    counts = dict.fromkeys(ReviewResult, 0)
    for r in results:
        counts[r] += 1
    return ReviewFigures(
        registered, counts[ReviewResult.EXCEEDED], counts[ReviewResult.MET],
        counts[ReviewResult.NOT_MET],
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class ReviewItem:
    id: int
    movement_id: int
    movement_name: str
    phase_id: int | None
    phase_number: int | None
    phase_name: str
    kind: ReviewKind
    held_on: dt.date
    document: str
    summary: str
    figures: ReviewFigures

    @property
    def title(self) -> str:
        return review_title(self.kind, self.phase_number)


@dataclass(frozen=True, slots=True)
class YearReviewFigures:
    """The reviews of a year's movements; `latest` sums, per movement, its latest review
    (tổng kết before sơ kết on the same day), so nobody is counted twice."""

    year: int
    reviews: tuple[ReviewItem, ...]
    latest: ReviewFigures

    @property
    def preliminary(self) -> int:
        return sum(r.kind is ReviewKind.PRELIMINARY for r in self.reviews)

    @property
    def final(self) -> int:
        return sum(r.kind is ReviewKind.FINAL for r in self.reviews)


def latest_per_movement(reviews: Iterable[ReviewItem]) -> list[ReviewItem]:
    best: dict[int, ReviewItem] = {}
    for r in reviews:
        key = (r.held_on, r.kind is ReviewKind.FINAL, r.id)
        old = best.get(r.movement_id)
        if old is None or key > (old.held_on, old.kind is ReviewKind.FINAL, old.id):
            best[r.movement_id] = r
    return list(best.values())


@dataclass(frozen=True, slots=True)
class ResultLine:
    """One row of the results table: an approved registration of the reviewed movement."""

    registration_id: int
    subject: SubjectRef
    award_name: str
    targets: str
    status: RegistrationStatus
    result: ReviewResult | None
    note: str


@dataclass(frozen=True, slots=True)
class ResultInput:
    registration_id: int
    result: ReviewResult | None  # None: no result (a result already saved is removed)
    note: str = ""
