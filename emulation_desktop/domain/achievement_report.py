"""Báo cáo thành tích of a nominee, prefilled from the app's data (TT 20/2025/TT-BNV pattern,
NĐ 152/2025 Art. 33.9): a person's sơ lược lý lịch, a collective's đặc điểm, tình hình, or a
household's particulars; the achievements and the year's grades; the awards already received
from the register; the signatures and the commune's confirmation.

What the app does not know (quê quán, trình độ, địa chỉ trụ sở…) stays a blank the nominee fills
by hand: a `Fact` with an empty value is printed as a dotted line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from emulation_desktop.domain.decision_documents import DocumentHeader, SignatureBlock
from emulation_desktop.domain.decision_text import short_name
from emulation_desktop.domain.enums import AwardKind, Grade, SubjectKind
from emulation_desktop.domain.registry_views import AwardRecord, EvaluationRecord
from emulation_desktop.domain.text import closed

REVOKED_MARK = "Đã được thay thế bởi Quyết định số"  # registry_history's note of a replaced award
GRADE_YEARS = 3  # a CSTĐ counts several years: the grades of the last three are shown


@dataclass(frozen=True, slots=True)
class Fact:
    """ "Họ và tên: Nguyễn Văn An"; an empty value is a blank to fill by hand."""

    label: str
    value: str = ""


@dataclass(frozen=True, slots=True)
class PastAward:
    """One line of "Các hình thức đã được khen thưởng"."""

    year: int
    name: str
    decision: str  # "156/QĐ-UBND ngày 29/11/2024 của Chủ tịch UBND xã Cát Thành"


@dataclass(frozen=True, slots=True)
class AchievementReport:
    """Everything a Báo cáo thành tích prints, for one đề nghị."""

    nomination_id: int
    kind: SubjectKind
    subject: str  # "Nguyễn Văn An", "Tổ dân phố Bắc Sơn", "Hộ bà Hồ Minh Anh"
    parent: str  # "UBND xã Cát Thành" above the issuing unit, "" when the commune reports itself
    header: DocumentHeader  # issuer lines, no number, the place-date line, title and trích yếu
    about_title: str  # "I. SƠ LƯỢC LÝ LỊCH"
    facts: tuple[Fact, ...]
    duties_title: str  # "1. Chức vụ, nhiệm vụ được giao" (blank lines under it)
    achievement: str  # the nomination's achievement text
    results: tuple[str, ...]  # grades of the years, initiatives recognised
    titles: tuple[PastAward, ...]  # danh hiệu thi đua already received
    forms: tuple[PastAward, ...]  # hình thức khen thưởng already received
    reporter: SignatureBlock  # right: "NGƯỜI BÁO CÁO THÀNH TÍCH" and the name, or the unit head
    endorser: SignatureBlock  # left: the unit head or the thôn confirming
    commune: SignatureBlock  # under them: "XÁC NHẬN CỦA UBND XÃ …" (empty lines: none)
    ending: str = ""  # "Trên đây là báo cáo thành tích …./." just above the signatures


def award_phrase(name: str, kind: AwardKind, commune: str = "") -> str:
    """ "danh hiệu “Lao động tiên tiến”", or the form named with the commune it comes from:
    "Giấy khen của Chủ tịch UBND xã Cát Thành" (`commune` "xã Cát Thành")."""
    if kind is AwardKind.TITLE:
        return f"danh hiệu “{name}”"
    text = short_name(name, own=False)
    level, _, place = commune.partition(" ")
    if place and text.endswith(f" {level.lower()}"):
        text = f"{text} {place}"
    return text


def report_summary(award: str, period: str) -> str:
    """The trích yếu under "BÁO CÁO THÀNH TÍCH": "Đề nghị tặng danh hiệu “…” năm 2026"."""
    return f"Đề nghị tặng {award} {period}".strip()


def report_ending(kind: SubjectKind, subject: str, award: str, period: str) -> str:
    """The sentence that closes the body, kept on the page of the signatures: "Trên đây là báo
    cáo thành tích của Nguyễn Văn An đề nghị xét tặng Bằng khen … năm 2025./."."""
    if kind is SubjectKind.HOUSEHOLD and subject[:3] == "Hộ ":
        subject = "hộ " + subject[3:]  # a common noun inside the sentence
    return closed(f"Trên đây là báo cáo thành tích của {subject} đề nghị xét tặng {award} "
                  f"{period}")  # fmt: skip


def past_awards(
    awards: Iterable[AwardRecord], year: int, award_name: str, until: dt.date | None = None
) -> tuple[tuple[PastAward, ...], tuple[PastAward, ...]]:
    """(titles, forms) received up to `year` and decided by the report's day `until`, oldest
    first, without the award this report asks for and without awards a correcting decision
    replaced."""
    titles: list[PastAward] = []
    forms: list[PastAward] = []
    # The register keeps the commune's forms short ("Giấy khen"), the catalog names them in
    # full ("Giấy khen của Chủ tịch UBND xã (cá nhân)"): compared by their short names.
    asked = short_name(award_name)
    for a in sorted(awards, key=lambda x: (x.year, x.decision_date or dt.date.min, x.id)):
        if a.year > year or (a.year == year and short_name(a.name) == asked):
            continue
        if a.note.startswith(REVOKED_MARK):
            continue
        if until is not None and a.decision_date is not None and a.decision_date > until:
            continue
        decision = a.decision + (f" của {a.issuer}" if a.issuer else "")
        line = PastAward(a.year, short_name(a.name, own=False), decision.strip())
        (titles if a.kind is AwardKind.TITLE else forms).append(line)
    return tuple(titles), tuple(forms)


def grade_lines(evaluations: Iterable[EvaluationRecord], year: int) -> tuple[str, ...]:
    """ "Năm 2026: Hoàn thành xuất sắc nhiệm vụ." for the report's year and the two before it."""
    by_year = {e.year: e.grade for e in evaluations}
    out = []
    for y in range(year, year - GRADE_YEARS, -1):
        grade: Grade | None = by_year.get(y)
        if grade is not None:
            out.append(f"Năm {y}: {grade.label}.")
    return tuple(out)


def award_rows(awards: Sequence[PastAward]) -> list[list[str]]:
    """The rows of a history table: Năm | Danh hiệu, hình thức | Số, ngày quyết định; cơ quan."""
    return [[str(a.year), a.name, a.decision] for a in awards]
