"""Emulation movements (phong trào thi đua), their phases and milestones, and the yearly plan.

What the officer types is checked here before anything is written; the views are what lists and
detail panels show; `copy_to_year` is the rule that carries a movement into another year.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.enums import Launcher, MovementKind
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.subjects import SubjectRef
from emulation_desktop.domain.text import fold, nfc

MAX_TEXT = 500
MAX_CODE = 60
MAX_MODEL_TARGET = 99
MIN_YEAR, MAX_YEAR = 1945, 2100


def short_date(day: dt.date) -> str:
    """ "07/5/1954": how plans write dates in running text (day padded, month not)."""
    return f"{day.day:02d}/{day.month}/{day.year}"


def milestone_label(name: str, origin: dt.date, anniversary: dt.date) -> str:
    """ "70 năm Chiến thắng Điện Biên Phủ (07/5/1954 - 07/5/2024)"."""
    years = anniversary.year - origin.year
    return f"{years} năm {name} ({short_date(origin)} - {short_date(anniversary)})"


def period_text(start: dt.date, end: dt.date) -> str:
    return f"{day_text(start)} - {day_text(end)}"


def shift_years(day: dt.date, years: int) -> dt.date:
    """The same day `years` later; 29/02 becomes 28/02 in a year without it."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


# Input ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PhaseInput:
    """Đợt thi đua. An empty name becomes "Đợt <number>"."""

    number: int
    name: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    goals: str = ""

    @property
    def title(self) -> str:
        return f"Đợt {self.number}"


@dataclass(frozen=True, slots=True)
class MilestoneInput:
    """Mốc kỷ niệm: the event (`name`, `origin_date`) and the day it is celebrated this year."""

    name: str
    origin_date: dt.date | None
    anniversary_date: dt.date | None
    phase_number: int | None = None


@dataclass(frozen=True, slots=True)
class MovementInput:
    """A movement as the edit form holds it. `year` is the year it is listed under (on create;
    None: the year of `start`); an edit keeps the movement's year."""

    name: str
    start: dt.date | None
    end: dt.date | None
    theme: str = ""
    kind: MovementKind = MovementKind.REGULAR
    launcher: Launcher = Launcher.COMMUNE
    launch_doc_type: str = ""  # "Kế hoạch", "Quyết định", "Chỉ thị"…
    launch_doc_number: str = ""  # "36/KH-UBND"
    launch_doc_date: dt.date | None = None
    launch_doc_issuer: str = ""  # "UBND huyện Trục Ninh"
    launch_doc_subject: str = ""  # trích yếu
    targets: str = ""  # chỉ tiêu, tiêu chí: one per line
    responsible_id: int | None = None
    note: str = ""
    phases: tuple[PhaseInput, ...] = ()
    milestones: tuple[MilestoneInput, ...] = ()
    unit_ids: tuple[int, ...] = ()
    year: int | None = None


def _lines(text: str) -> str:
    """Multi-line text in NFC: each line tidied, empty lines dropped."""
    return "\n".join(line for raw in text.splitlines() if (line := nfc(raw)))


def _too_long(errors: dict[str, str], key: str, value: str, limit: int, what: str) -> None:
    if len(value) > limit and key not in errors:
        errors[key] = f"{what} dài quá {limit} ký tự."


def _phase_errors(phases: tuple[PhaseInput, ...], start: dt.date, end: dt.date) -> list[str]:
    problems: list[str] = []
    seen: set[int] = set()
    for p in phases:
        if p.number < 1:
            problems.append("Số thứ tự của đợt phải từ 1 trở lên.")
        elif p.number in seen:
            problems.append(f"Có hai đợt cùng số {p.number}; hãy đánh số lại.")
        seen.add(p.number)
        if p.start is None or p.end is None:
            problems.append(f"{p.title}: hãy nhập ngày bắt đầu và ngày kết thúc.")
        elif p.end < p.start:
            problems.append(f"{p.title}: ngày kết thúc phải sau ngày bắt đầu.")
        elif p.start < start or p.end > end:
            problems.append(
                f"{p.title} ({period_text(p.start, p.end)}) nằm ngoài thời gian của phong trào "
                f"({period_text(start, end)})."
            )
        _too_long_list(problems, p.name, f"{p.title}: tên đợt")
    dated = sorted(
        (p for p in phases if p.start and p.end and p.start <= p.end), key=lambda p: p.start
    )
    for a, b in itertools.pairwise(dated):
        assert a.start and a.end and b.start and b.end
        if b.start <= a.end:
            problems.append(
                f"{a.title} ({period_text(a.start, a.end)}) và {b.title} "
                f"({period_text(b.start, b.end)}) trùng thời gian."
            )
    return problems


def _too_long_list(problems: list[str], value: str, what: str) -> None:
    if len(value) > MAX_TEXT:
        problems.append(f"{what} dài quá {MAX_TEXT} ký tự.")


def _milestone_errors(milestones: tuple[MilestoneInput, ...], numbers: set[int]) -> list[str]:
    problems: list[str] = []
    for i, m in enumerate(milestones, 1):
        what = f"Mốc «{m.name}»" if m.name else f"Mốc kỷ niệm thứ {i}"
        if not m.name:
            problems.append(f"{what}: hãy nhập tên sự kiện.")
        _too_long_list(problems, m.name, what)
        if m.origin_date is None or m.anniversary_date is None:
            problems.append(f"{what}: hãy nhập ngày diễn ra sự kiện và ngày kỷ niệm.")
        elif m.anniversary_date <= m.origin_date:
            problems.append(f"{what}: ngày kỷ niệm phải sau ngày diễn ra sự kiện.")
        if m.phase_number is not None and m.phase_number not in numbers:
            problems.append(f"{what} gắn với Đợt {m.phase_number}, nhưng không có đợt này.")
    return problems


def validate_movement(data: MovementInput) -> MovementInput:
    """The input tidied (NFC, phases in number order, units without repeats), or
    ValidationError keyed by field: name, start, end, launch_doc_…, phases, milestones…"""
    clean = replace(
        data,
        name=nfc(data.name),
        theme=nfc(data.theme),
        launch_doc_type=nfc(data.launch_doc_type),
        launch_doc_number=nfc(data.launch_doc_number).replace(" ", ""),
        launch_doc_issuer=nfc(data.launch_doc_issuer),
        launch_doc_subject=nfc(data.launch_doc_subject),
        targets=_lines(data.targets),
        note=_lines(data.note),
        phases=tuple(
            sorted(
                (
                    replace(p, name=nfc(p.name) or f"Đợt {p.number}", goals=_lines(p.goals))
                    for p in data.phases
                ),
                key=lambda p: p.number,
            )
        ),
        milestones=tuple(replace(m, name=nfc(m.name)) for m in data.milestones),
        unit_ids=tuple(sorted(set(data.unit_ids))),
        year=data.year or (data.start.year if data.start else None),
    )
    errors: dict[str, str] = {}
    if not clean.name:
        errors["name"] = "Hãy nhập tên phong trào."
    _too_long(errors, "name", clean.name, MAX_TEXT, "Tên phong trào")
    _too_long(errors, "theme", clean.theme, MAX_TEXT, "Chủ đề, khẩu hiệu")
    _too_long(errors, "launch_doc_type", clean.launch_doc_type, MAX_CODE, "Loại văn bản")
    _too_long(errors, "launch_doc_number", clean.launch_doc_number, MAX_CODE, "Số, ký hiệu")
    _too_long(errors, "launch_doc_issuer", clean.launch_doc_issuer, MAX_TEXT, "Cơ quan ban hành")
    _too_long(errors, "launch_doc_subject", clean.launch_doc_subject, MAX_TEXT, "Trích yếu")
    if clean.start is None:
        errors["start"] = "Hãy nhập ngày bắt đầu."
    if clean.end is None:
        errors["end"] = "Hãy nhập ngày kết thúc."
    start, end, year = clean.start, clean.end, clean.year
    if start and end and end < start:
        errors["end"] = "Ngày kết thúc phải sau ngày bắt đầu."
    elif start and end and year and not start.year <= year <= end.year:
        errors["start"] = f"Phong trào của năm {year} phải diễn ra trong năm {year}."
    if start and end and end >= start and (problems := _phase_errors(clean.phases, start, end)):
        errors["phases"] = "\n".join(problems)
    numbers = {p.number for p in clean.phases}
    if problems := _milestone_errors(clean.milestones, numbers):
        errors["milestones"] = "\n".join(problems)
    if errors:
        raise ValidationError(errors)
    return clean


def movement_warnings(data: MovementInput) -> list[str]:
    """What looks odd but may be right, for the officer to confirm.

    A milestone outside the movement's period is only a warning: a phase often closes before
    the celebration so its results can be reported at the ceremony (Đợt 2 ends 15/12, the army's
    anniversary is 22/12), and refusing would push the officer to type false dates.
    """
    warnings: list[str] = []
    phases = {p.number: p for p in data.phases}
    for m in data.milestones:
        day = m.anniversary_date
        if day is None or data.start is None or data.end is None:
            continue
        phase = phases.get(m.phase_number) if m.phase_number is not None else None
        if not data.start <= day <= data.end:
            warnings.append(
                f"Ngày kỷ niệm «{m.name}» ({day_text(day)}) nằm ngoài thời gian của phong trào "
                f"({period_text(data.start, data.end)})."
            )
        elif phase and phase.start and phase.end and not phase.start <= day <= phase.end:
            warnings.append(
                f"Ngày kỷ niệm «{m.name}» ({day_text(day)}) nằm ngoài {phase.title} "
                f"({period_text(phase.start, phase.end)})."
            )
    return warnings


def copy_to_year(source: MovementInput, from_year: int, to_year: int) -> MovementInput:
    """The movement as it would run in `to_year`: every date moved by whole years, the same
    phases and units; milestones keep their event and celebrate one more year ("71 năm …").

    The launching document is kept as it is: it is the document that launched the movement,
    and a shifted date would name a document that does not exist.
    """
    if to_year == from_year:
        raise UserError(f"Phong trào đã thuộc năm {from_year}; hãy chọn năm khác.")
    n = to_year - from_year

    def move(day: dt.date | None) -> dt.date | None:
        return shift_years(day, n) if day else None

    return replace(
        source,
        start=move(source.start),
        end=move(source.end),
        phases=tuple(replace(p, start=move(p.start), end=move(p.end)) for p in source.phases),
        milestones=tuple(
            replace(m, anniversary_date=move(m.anniversary_date)) for m in source.milestones
        ),
        year=to_year,
    )


# Views ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MovementItem:
    """A row of the movements list."""

    id: int
    year: int
    name: str
    kind: MovementKind
    launcher: Launcher
    start: dt.date
    end: dt.date
    phase_count: int
    registration_count: int = 0
    theme: str = ""

    @property
    def period(self) -> str:
        return period_text(self.start, self.end)


@dataclass(frozen=True, slots=True)
class PhaseView:
    id: int
    number: int
    name: str
    start: dt.date
    end: dt.date
    goals: str
    reviewed: bool = False  # a sơ kết/tổng kết refers to it: it cannot be removed

    @property
    def title(self) -> str:
        """ "Đợt 1" or "Đợt 1: Thi đua chào mừng …" when the phase has its own name."""
        plain = f"Đợt {self.number}"
        if fold(self.name).startswith(fold(plain)):  # "Đợt 1: thi đua …" already says it
            return self.name
        return f"{plain}: {self.name}"

    @property
    def period(self) -> str:
        return period_text(self.start, self.end)


@dataclass(frozen=True, slots=True)
class MilestoneView:
    id: int
    name: str
    origin_date: dt.date
    anniversary_date: dt.date
    phase_number: int | None = None

    @property
    def years(self) -> int:
        return self.anniversary_date.year - self.origin_date.year

    @property
    def label(self) -> str:
        return milestone_label(self.name, self.origin_date, self.anniversary_date)


@dataclass(frozen=True, slots=True)
class UnitRef:
    id: int
    name: str


@dataclass(frozen=True, slots=True)
class MovementDetail:
    id: int
    year: int
    name: str
    theme: str
    kind: MovementKind
    launcher: Launcher
    launch_doc_type: str
    launch_doc_number: str
    launch_doc_date: dt.date | None
    launch_doc_issuer: str
    launch_doc_subject: str
    start: dt.date
    end: dt.date
    targets: str
    responsible: SubjectRef | None
    note: str
    phases: tuple[PhaseView, ...] = ()
    milestones: tuple[MilestoneView, ...] = ()
    units: tuple[UnitRef, ...] = ()
    copied_from_id: int | None = None
    registration_count: int = 0
    review_count: int = 0

    @property
    def period(self) -> str:
        return period_text(self.start, self.end)

    @property
    def launch_line(self) -> str:
        """ "Kế hoạch số 36/KH-UBND ngày 14/3/2024 của UBND huyện Trục Ninh" ("" if none)."""
        parts = []
        if self.launch_doc_number or self.launch_doc_type:
            kind = self.launch_doc_type or "Văn bản"
            parts.append(f"{kind} số {self.launch_doc_number}" if self.launch_doc_number else kind)
        if self.launch_doc_date:
            parts.append(f"ngày {short_date(self.launch_doc_date)}")
        if self.launch_doc_issuer:
            parts.append(f"của {self.launch_doc_issuer}")
        return " ".join(parts)

    def to_input(self) -> MovementInput:
        """What the edit form starts from; also the source of a copy."""
        return MovementInput(
            name=self.name, start=self.start, end=self.end, theme=self.theme, kind=self.kind,
            launcher=self.launcher, launch_doc_type=self.launch_doc_type,
            launch_doc_number=self.launch_doc_number, launch_doc_date=self.launch_doc_date,
            launch_doc_issuer=self.launch_doc_issuer, launch_doc_subject=self.launch_doc_subject,
            targets=self.targets, responsible_id=self.responsible.id if self.responsible else None,
            note=self.note,
            phases=tuple(PhaseInput(p.number, p.name, p.start, p.end, p.goals)
                         for p in self.phases),
            milestones=tuple(MilestoneInput(m.name, m.origin_date, m.anniversary_date,
                                            m.phase_number) for m in self.milestones),
            unit_ids=tuple(u.id for u in self.units),
            year=self.year,
        )  # fmt: skip


class UpcomingMilestone(NamedTuple):
    """A celebration coming up, for the overview: (day, label, movement name)."""

    day: dt.date
    label: str
    movement_name: str  # several movements celebrating the same day are joined with "; "


# The yearly plan --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class YearPlan:
    """Kế hoạch thi đua của năm: its theme, number and date, and the advanced-model target."""

    year: int
    theme: str = ""
    model_target: int = 0
    plan_number: str = ""
    plan_date: dt.date | None = None
    note: str = ""
    saved: bool = field(default=False, compare=False)  # False: defaults, no row yet

    @property
    def plan_line(self) -> str:
        """ "Kế hoạch số 21/KH-UBND ngày 14/3/2024" ("" when not recorded)."""
        line = f"Kế hoạch số {self.plan_number}" if self.plan_number else ""
        if self.plan_date:
            line = f"{line or 'Kế hoạch'} ngày {short_date(self.plan_date)}"
        return line


def validate_year_plan(plan: YearPlan) -> YearPlan:
    clean = replace(
        plan,
        theme=nfc(plan.theme),
        plan_number=nfc(plan.plan_number).replace(" ", ""),
        note=_lines(plan.note),
    )
    errors: dict[str, str] = {}
    if not MIN_YEAR <= clean.year <= MAX_YEAR:
        errors["year"] = f"Năm {clean.year} không hợp lệ."
    if not 0 <= clean.model_target <= MAX_MODEL_TARGET:
        errors["model_target"] = (
            f"Chỉ tiêu mô hình, điển hình mới phải từ 0 đến {MAX_MODEL_TARGET}."
        )
    _too_long(errors, "theme", clean.theme, MAX_TEXT, "Chủ đề thi đua")
    _too_long(errors, "plan_number", clean.plan_number, MAX_CODE, "Số kế hoạch")
    if errors:
        raise ValidationError(errors)
    return clean
