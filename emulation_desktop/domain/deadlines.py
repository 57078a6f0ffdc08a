"""The recurring yearly deadlines of a commune's emulation and commendation work.

They are plain data on purpose: each province sets its own calendar around the national dates,
so this table is meant to move to editable settings later (one row per deadline, same fields).
`upcoming(today, days)` turns them into dated items for the Tổng quan page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class YearlyDeadline:
    """A deadline that comes back every year on the same day.

    Attributes:
        key: stable code (for settings later).
        text: what must be done by then; "{year}" is the work year it concerns.
        month, day: the date in the calendar year.
        basis: where the date comes from (a legal text or the commune's own practice).
        area: the part of the work it belongs to; the same codes as the sections of the app
            ("movements", "evaluations", "nominations", "council").
        previous_year: the deadline falls early in the year but closes the year before
            (tổng kết in January closes the work of the year before).
    """

    key: str
    text: str
    month: int
    day: int
    basis: str
    area: str
    previous_year: bool = False

    def on(self, calendar_year: int) -> dt.date:
        return dt.date(calendar_year, self.month, self.day)

    def work_year(self, calendar_year: int) -> int:
        return calendar_year - 1 if self.previous_year else calendar_year


_PLAN = "Kế hoạch thi đua, khen thưởng hằng năm của xã"

YEARLY_DEADLINES: tuple[YearlyDeadline, ...] = (
    YearlyDeadline(
        "dang_ky",
        "Nhận đăng ký thi đua năm {year} của các đơn vị, cá nhân",
        3, 31, _PLAN, "movements",
    ),
    YearlyDeadline(
        "de_nghi_cap_tren",
        "Gửi hồ sơ đề nghị cấp trên khen thưởng tổng kết năm {year} (Quý I)",
        3, 31, _PLAN, "nominations",
        previous_year=True,
    ),
    YearlyDeadline(
        "so_ket",
        "Sơ kết phong trào thi đua 6 tháng đầu năm {year} (đợt 1)",
        6, 30, _PLAN, "movements",
    ),
    YearlyDeadline(
        "gdvh",
        "Hoàn thành bình xét Gia đình văn hóa năm {year} (trước 25/11)",
        11, 25, "Nghị định 86/2023/NĐ-CP", "nominations",
    ),
    YearlyDeadline(
        "xep_loai",
        "Đánh giá, xếp loại cán bộ, công chức, viên chức năm {year} (trước 15/12)",
        12, 15, "Nghị định 335/2025/NĐ-CP Điều 21 (trước đó Nghị định 90/2020/NĐ-CP Điều 20)",
        "evaluations",
    ),
    YearlyDeadline(
        "hoi_dong",
        "Họp Hội đồng Thi đua – Khen thưởng xét danh hiệu, khen thưởng năm {year}",
        12, 20, "Quy chế hoạt động của Hội đồng Thi đua – Khen thưởng xã", "council",
    ),
    YearlyDeadline(
        "tong_ket",
        "Tổng kết công tác thi đua, khen thưởng năm {year}, phát động thi đua năm mới",
        1, 15, _PLAN, "movements",
        previous_year=True,
    ),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class DatedDeadline:
    """One occurrence of a yearly deadline."""

    date: dt.date
    deadline: YearlyDeadline

    @property
    def work_year(self) -> int:
        return self.deadline.work_year(self.date.year)

    @property
    def text(self) -> str:
        return self.deadline.text.format(year=self.work_year)


def upcoming(
    today: dt.date, days: int, deadlines: tuple[YearlyDeadline, ...] = YEARLY_DEADLINES
) -> list[DatedDeadline]:
    """The deadlines from `today` to `today + days`, both days included, by date."""
    last = today + dt.timedelta(days=days)
    found = [
        DatedDeadline(d.on(year), d)
        for year in range(today.year, last.year + 1)
        for d in deadlines
        if today <= d.on(year) <= last
    ]
    return sorted(found, key=lambda x: (x.date, x.deadline.key))
