"""Dates as the officer types them: dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy)."""

from __future__ import annotations

import datetime as dt
import re

_DAY = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")


def parse_day(text: str) -> dt.date | None:
    """None for an empty text; ValueError with a Vietnamese message for anything else wrong."""
    if not text.strip():
        return None
    m = _DAY.match(text)
    if m is None:
        raise ValueError(
            f"«{text.strip()}» không phải ngày hợp lệ; "
            "hãy nhập theo dạng ngày/tháng/năm, ví dụ 05/01/2026."
        )
    day, month, year = (int(g) for g in m.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"Ngày {day:02d}/{month:02d}/{year} không có trên lịch.") from None


def day_text(day: dt.date | None) -> str:
    """dd/mm/yyyy, or "" for no date."""
    return f"{day:%d/%m/%Y}" if day else ""
