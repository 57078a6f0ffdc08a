"""Đợt xét khen thưởng and đề nghị: what a round and a line of its list hold, their checks, the
public notice's dates, and the views the lists show.

A round is drawn up while DRAFT (domain.workflow.editable_list); its list then goes to the
council. The achievement summary is the short text printed in the list and the decision; the
full achievement report (báo cáo thành tích) is a paper of the dossier.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.enums import (
    AwardKind,
    NominationSource,
    NominationStatus,
    RoundKind,
    RoundStatus,
    SubjectKind,
)
from emulation_desktop.domain.errors import ValidationError
from emulation_desktop.domain.registrations import join_names
from emulation_desktop.domain.rules.model import AwardType, Level
from emulation_desktop.domain.subjects import SubjectKey, SubjectRef
from emulation_desktop.domain.text import nfc, nfc_lines, thousands

MAX_ACHIEVEMENT = 4000  # characters of the summary printed in the list
MAX_LINE = 500  # one-line texts (name, period, notice document): the column's size
MAX_NOTE = 2000
NOTICE_DAYS = 10  # NĐ 86/2023: Gia đình văn hóa, thôn/tổ dân phố văn hóa lists are public 10 days
MAX_NOTICE_DAYS = 60
FIRST_YEAR, LAST_YEAR = 1990, 2100


# A round --------------------------------------------------------------------------------------


def default_round_name(kind: RoundKind, year: int, movement: str = "", phase: str = "") -> str:
    """The name a new round gets unless the officer types one."""
    if kind is RoundKind.MOVEMENT and movement:
        where = f"{phase} – phong trào «{movement}»" if phase else f"phong trào «{movement}»"
        return f"Xét khen thưởng {where} năm {year}"
    return {
        RoundKind.YEAR_END: f"Xét khen thưởng cuối năm {year}",
        RoundKind.MOVEMENT: f"Xét khen thưởng theo phong trào thi đua năm {year}",
        RoundKind.THEMATIC: f"Xét khen thưởng chuyên đề năm {year}",
        RoundKind.SUDDEN: f"Xét khen thưởng đột xuất năm {year}",
        RoundKind.FAMILY: f"Bình xét Gia đình văn hóa năm {year}",
        RoundKind.VILLAGE: f"Bình xét thôn, tổ dân phố văn hóa năm {year}",
    }[kind]


def default_period(year: int) -> str:
    return f"năm {year}"


@dataclass(frozen=True, slots=True)
class RoundInput:
    """What the round form holds. `needs_notice` None: as the kind needs (RoundKind)."""

    year: int
    kind: RoundKind
    name: str = ""
    movement_id: int | None = None
    phase_id: int | None = None
    period: str = ""
    received_on: dt.date | None = None
    needs_notice: bool | None = None
    note: str = ""


def validate_round(data: RoundInput, movement: str = "", phase: str = "") -> RoundInput:
    """The form's own checks; empty name and period get their defaults (`movement`, `phase`:
    the names of the chosen movement and phase, for the default name)."""
    kind = RoundKind(data.kind)
    phased = kind is RoundKind.MOVEMENT
    clean = replace(
        data,
        kind=kind,
        movement_id=data.movement_id if phased else None,
        phase_id=data.phase_id if phased and data.movement_id is not None else None,
        name=nfc(data.name) or default_round_name(kind, data.year, movement, phase),
        period=nfc(data.period) or default_period(data.year),
        needs_notice=kind.needs_notice if data.needs_notice is None else bool(data.needs_notice),
        note=nfc_lines(data.note, keep_blank=True),
    )
    errors: dict[str, str] = {}
    if not FIRST_YEAR <= clean.year <= LAST_YEAR:
        errors["year"] = f"Năm {clean.year} không hợp lệ."
    if len(clean.name) > MAX_LINE:
        errors["name"] = f"Tên đợt xét dài quá {MAX_LINE} ký tự; hãy rút gọn."
    if len(clean.period) > MAX_LINE:
        errors["period"] = f"Thời gian thành tích dài quá {MAX_LINE} ký tự; hãy rút gọn."
    if phased and clean.movement_id is None:
        errors["movement_id"] = "Đợt xét theo phong trào: hãy chọn phong trào thi đua."
    day = clean.received_on
    if day is not None and day.year not in (clean.year, clean.year + 1):
        errors["received_on"] = (
            f"Ngày nhận hồ sơ phải trong năm {clean.year} hoặc đầu năm {clean.year + 1}."
        )
    if len(clean.note) > MAX_NOTE:
        errors["note"] = f"Ghi chú dài quá {thousands(MAX_NOTE)} ký tự; hãy rút gọn."
    if errors:
        raise ValidationError(errors)
    return clean


# The public notice ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NoticeInput:
    """Công khai, lấy ý kiến: the first day, how many days, the notice document."""

    start: dt.date | None
    days: int = NOTICE_DAYS
    document: str = ""


def validate_notice(data: NoticeInput, year: int) -> NoticeInput:
    clean = replace(data, document=nfc(data.document))
    errors: dict[str, str] = {}
    if not NOTICE_DAYS <= clean.days <= MAX_NOTICE_DAYS:
        # NĐ 86/2023: the list is public for at least 10 days; a province may ask for more.
        errors["days"] = (
            f"Thời gian công khai phải từ {NOTICE_DAYS} đến {MAX_NOTICE_DAYS} ngày "
            f"(Nghị định 86/2023/NĐ-CP: ít nhất {NOTICE_DAYS} ngày)."
        )
    if clean.start is not None and clean.start.year not in (year, year + 1):
        errors["start"] = f"Ngày bắt đầu công khai phải trong năm {year} hoặc đầu năm {year + 1}."
    if len(clean.document) > MAX_LINE:
        errors["document"] = f"Văn bản công khai dài quá {MAX_LINE} ký tự; hãy rút gọn."
    if errors:
        raise ValidationError(errors)
    return clean


def notice_end(start: dt.date | None, days: int) -> dt.date | None:
    """The last day of the notice: the start counts as its first day (02/12 + 10 → 11/12)."""
    return None if start is None else start + dt.timedelta(days=max(days, 1) - 1)


def notice_state(start: dt.date | None, days: int, today: dt.date) -> tuple[str, bool]:
    """A line for the round's view and whether it is a warning (the notice still runs or has
    not started)."""
    end = notice_end(start, days)
    if start is None or end is None:
        return "Chưa công khai danh sách: hãy ghi ngày bắt đầu công khai.", True
    if today < start:
        return f"Sẽ công khai từ {day_text(start)} đến hết ngày {day_text(end)}.", True
    if today <= end:
        left = (end - today).days + 1
        return (f"Đang công khai (còn {left} ngày): đến hết ngày {day_text(end)} mới được "
                "quyết định.", True)  # fmt: skip
    return f"Đã công khai từ {day_text(start)} đến hết ngày {day_text(end)}.", False


# A line of the list ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NominationInput:
    """One đề nghị as the form holds it."""

    subject: SubjectKey | None
    award_code: str
    year: int
    period: str = ""
    achievement: str = ""
    proposing_unit_id: int | None = None
    note: str = ""


def validate_nomination(data: NominationInput) -> NominationInput:
    clean = replace(
        data,
        award_code=data.award_code.strip(),
        period=nfc(data.period) or default_period(data.year),
        achievement=nfc_lines(data.achievement, keep_blank=True),
        note=nfc_lines(data.note, keep_blank=True),
    )
    errors: dict[str, str] = {}
    if clean.subject is None:
        errors["subject"] = "Hãy chọn cá nhân, tập thể hoặc hộ gia đình được đề nghị."
    if not clean.award_code:
        errors["award_code"] = "Hãy chọn danh hiệu hoặc hình thức khen thưởng đề nghị."
    if not FIRST_YEAR <= clean.year <= LAST_YEAR:
        errors["year"] = f"Năm {clean.year} không hợp lệ."
    if len(clean.period) > MAX_LINE:
        errors["period"] = f"Thời gian thành tích dài quá {MAX_LINE} ký tự; hãy rút gọn."
    if (n := len(clean.achievement)) > MAX_ACHIEVEMENT:
        errors["achievement"] = (
            f"Tóm tắt thành tích dài {thousands(n)} ký tự, quá {thousands(MAX_ACHIEVEMENT)} ký "
            "tự; hãy rút gọn và đính kèm báo cáo thành tích đầy đủ vào hồ sơ."
        )
    if len(clean.note) > MAX_NOTE:
        errors["note"] = f"Ghi chú dài quá {thousands(MAX_NOTE)} ký tự; hãy rút gọn."
    if errors:
        raise ValidationError(errors)
    return clean


def award_fit_problem(
    code: str, subject: SubjectRef, awards: Mapping[str, AwardType], rules_name: str
) -> str | None:
    """Why `subject` cannot be proposed for `code` under the rules `awards` (named
    `rules_name`), or None when it can."""
    award = awards.get(code)
    if award is None:
        return (f"Bộ quy định «{rules_name}» không có danh hiệu, hình thức khen thưởng "
                f"«{code}».")  # fmt: skip
    if award.subject is not subject.kind:
        return (
            f"«{award.name}» dành cho {award.subject.label.lower()}; «{subject.name}» là "
            f"{subject.kind.label.lower()}."
        )
    return None


@dataclass(frozen=True, slots=True)
class AwardChoice:
    """An award a đề nghị may ask for; `upward` says who decides when the commune does not."""

    code: str
    name: str
    subject: SubjectKind
    upward: str = ""  # "Đề nghị Chủ tịch UBND tỉnh"

    @property
    def label(self) -> str:
        """ "Bằng khen … (cá nhân) – đề nghị Chủ tịch UBND tỉnh": the level after a dash, its
        capitals kept (UBND), so the brackets of the award's own name stay the only ones."""
        if not self.upward:
            return self.name
        return f"{self.name} – {self.upward[0].lower()}{self.upward[1:]}"


def award_choices(
    awards: Sequence[AwardType], kind: SubjectKind | None = None
) -> list[AwardChoice]:
    """The awards for `kind` (None: every kind): the commune's own first, lowest rank first
    (the usual ones on top), then those proposed upward."""
    chosen = [a for a in awards if kind is None or a.subject is kind]
    chosen.sort(key=lambda a: (a.decider is not Level.COMMUNE, a.rank))
    return [AwardChoice(a.code, a.name, a.subject,
                        "" if a.decider is Level.COMMUNE else a.decider.label)
            for a in chosen]  # fmt: skip


def needs_achievement_report(award: AwardType | None) -> bool:
    """Every đề nghị carries a báo cáo thành tích, except the households' yearly title (Gia
    đình văn hóa), proposed by the village's list and its bình xét minutes (NĐ 86/2023)."""
    return not (
        award is not None and award.subject is SubjectKind.HOUSEHOLD and award.kind is
        AwardKind.TITLE
    )  # fmt: skip


# Views ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RoundItem:
    """A round as the rounds list and the workspace show it."""

    id: int
    year: int
    kind: RoundKind
    name: str
    status: RoundStatus
    movement_id: int | None
    movement_name: str
    phase_id: int | None
    phase_name: str
    period: str
    received_on: dt.date | None
    needs_notice: bool
    notice_start: dt.date | None
    notice_days: int
    notice_document: str
    notice_override: str
    note: str
    items: int  # đề nghị in the list (withdrawn ones not counted)
    papers_done: int
    papers_total: int
    has_meeting: bool

    @property
    def editable(self) -> bool:
        return self.status is RoundStatus.DRAFT

    @property
    def notice_end(self) -> dt.date | None:
        return notice_end(self.notice_start, self.notice_days)

    @property
    def dossier_text(self) -> str:
        """ "Hồ sơ: 12/15 giấy tờ" """
        return f"Hồ sơ: {self.papers_done}/{self.papers_total} giấy tờ"

    @property
    def dossier_complete(self) -> bool:
        return self.papers_done == self.papers_total


@dataclass(frozen=True, slots=True)
class NominationItem:
    """One đề nghị of a round's list."""

    id: int
    round_id: int
    position: int
    subject: SubjectRef
    award_code: str
    award_name: str
    year: int
    period: str
    achievement: str
    proposing_unit_id: int | None
    proposing_unit: str
    source: NominationSource
    status: NominationStatus
    registration_id: int | None
    note: str
    papers_done: int = 0
    papers_total: int = 0

    @property
    def key(self) -> tuple[SubjectKind, int, str]:
        """Subject and award: a round holds each pair once."""
        return (self.subject.kind, self.subject.id, self.award_code)


@dataclass(frozen=True, slots=True)
class AddResult:
    """What adding many đề nghị did: how many were added, who was skipped and why."""

    added: int
    duplicates: tuple[str, ...] = ()  # already in the round's list with the same award
    refused: tuple[str, ...] = ()  # "Name (why)": award does not fit, no longer followed

    @property
    def message(self) -> str:
        parts = [f"Đã thêm {thousands(self.added)} đề nghị vào danh sách."]
        if self.duplicates:
            parts.append(
                f"Bỏ qua {len(self.duplicates)} đối tượng đã có trong danh sách với cùng "
                f"danh hiệu, hình thức: {join_names(list(self.duplicates), 'đối tượng')}."
            )
        if self.refused:
            shown = "; ".join(self.refused[:5])
            more = f" và {len(self.refused) - 5} đối tượng khác" if len(self.refused) > 5 else ""
            parts.append(f"Không thêm {len(self.refused)} đối tượng: {shown}{more}.")
        return " ".join(parts)


def named_list(names: Sequence[str], noun: str = "đối tượng") -> str:
    """ "«A», «B» và 3 đối tượng khác" """
    return join_names([f"«{n}»" for n in names], noun)
