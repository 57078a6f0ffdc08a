"""Điển hình tiên tiến: a model, how it was publicised, and the count against the year's plan
("phấn đấu xây dựng từ 2 đến 3 mô hình mới, điển hình tiên tiến", Kế hoạch 21/KH-UBND)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import NamedTuple

from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.enums import Channel, ModelStatus
from emulation_desktop.domain.errors import ValidationError
from emulation_desktop.domain.subjects import SubjectKey, SubjectRef
from emulation_desktop.domain.text import nfc, nfc_lines

NAME_MAX = 500


@dataclass(frozen=True, slots=True)
class ModelInput:
    year: int
    name: str
    subject: SubjectKey | None
    description: str = ""
    channels: tuple[Channel, ...] = ()
    status: ModelStatus = ModelStatus.BUILDING
    recognised_on: dt.date | None = None
    movement_id: int | None = None
    note: str = ""


def validate_model(data: ModelInput) -> ModelInput:
    """One message per field; channels come back in their declaration order, once each."""
    clean = replace(
        data,
        name=nfc(data.name),
        description=nfc_lines(data.description),
        note=nfc_lines(data.note),
        channels=tuple(c for c in Channel if c in set(data.channels)),
    )
    errors: dict[str, str] = {}
    if not clean.name:
        errors["name"] = "Hãy nhập tên mô hình, ví dụ «Tuyến phố văn minh» Tổ dân phố Bắc Sơn."
    elif len(clean.name) > NAME_MAX:
        errors["name"] = f"Tên mô hình dài quá {NAME_MAX} ký tự; hãy ghi ngắn gọn."
    if clean.subject is None:
        errors["subject"] = "Hãy chọn cá nhân, tập thể hoặc hộ gia đình xây dựng mô hình."
    day = clean.recognised_on
    if clean.status.counts and day is None:
        errors["recognised_on"] = (
            f"Mô hình «{clean.status.label.lower()}» cần ngày công nhận (ngày/tháng/năm)."
        )
    elif clean.status is ModelStatus.BUILDING and day is not None:
        errors["recognised_on"] = (
            "Mô hình đang xây dựng chưa có ngày công nhận: hãy chọn trạng thái «Đã công nhận» "
            "hoặc xóa ngày."
        )
    elif day is not None and day.year < clean.year:
        errors["recognised_on"] = (
            f"Ngày công nhận {day_text(day)} trước năm {clean.year} của mô hình; "
            "hãy kiểm tra lại ngày hoặc năm."
        )
    if errors:
        raise ValidationError(errors)
    return clean


@dataclass(frozen=True, slots=True)
class ModelItem:
    id: int
    year: int
    name: str
    subject: SubjectRef
    description: str
    channels: tuple[Channel, ...]
    status: ModelStatus
    recognised_on: dt.date | None
    movement_id: int | None
    movement_name: str
    note: str

    @property
    def channels_text(self) -> str:
        return ", ".join(c.label for c in self.channels)


class ModelProgress(NamedTuple):
    """Recognised (or replicated) models of a year against the plan's target (0: no target)."""

    counted: int
    target: int
    building: int = 0  # still being built: shown on the overview, not counted

    @property
    def reached(self) -> bool:
        return self.target > 0 and self.counted >= self.target


def progress_text(year: int, progress: ModelProgress) -> str:
    """ "Mô hình mới, điển hình tiên tiến năm 2024: 2/3 (chỉ tiêu theo kế hoạch)" """
    head = f"Mô hình mới, điển hình tiên tiến năm {year}: "
    if progress.target <= 0:
        return f"{head}{progress.counted} đã công nhận (kế hoạch năm {year} chưa đặt chỉ tiêu)"
    done = " – đã đạt chỉ tiêu" if progress.reached else ""
    return f"{head}{progress.counted}/{progress.target} (chỉ tiêu theo kế hoạch){done}"
