"""The checks of a movement and of the yearly plan as the officer types them: the input tidied
(NFC, phases in number order) or one ValidationError keyed by field, before anything is written;
and the warnings about what only looks odd, for the officer to confirm.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import replace

from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.errors import ValidationError
from emulation_desktop.domain.movements import (
    MilestoneInput,
    MovementInput,
    PhaseInput,
    YearPlan,
    period_text,
)
from emulation_desktop.domain.text import nfc, nfc_lines

MAX_TEXT = 500
MAX_CODE = 60
MAX_MODEL_TARGET = 99
MIN_YEAR, MAX_YEAR = 1945, 2100


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
        targets=nfc_lines(data.targets),
        note=nfc_lines(data.note),
        phases=tuple(
            sorted(
                (
                    replace(p, name=nfc(p.name) or f"Đợt {p.number}", goals=nfc_lines(p.goals))
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


def validate_year_plan(plan: YearPlan) -> YearPlan:
    clean = replace(
        plan,
        theme=nfc(plan.theme),
        plan_number=nfc(plan.plan_number).replace(" ", ""),
        note=nfc_lines(plan.note),
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
