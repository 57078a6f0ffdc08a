"""How old the last backup on removable media is, in words and in a warning level."""

from __future__ import annotations

import datetime as dt
from enum import Enum

AMBER_AFTER_DAYS = 7
RED_AFTER_DAYS = 30


class Level(Enum):
    OK = "ok"
    AMBER = "amber"
    RED = "red"


COLOURS = {Level.OK: "#2e7d32", Level.AMBER: "#b26a00", Level.RED: "#c62828"}


def backup_age_text(
    last: dt.datetime | None, now: dt.datetime, amber_after: int = AMBER_AFTER_DAYS
) -> tuple[str, Level]:
    """'Sao lưu USB gần nhất: 3 ngày trước' and its colour level (UI.md: amber 7, red 30)."""
    if last is None:
        return "Sao lưu USB gần nhất: chưa có", Level.RED
    days = (now.date() - last.date()).days
    if days <= 0:
        when = "hôm nay"
    elif days == 1:
        when = "hôm qua"
    else:
        when = f"{days} ngày trước"
    level = Level.OK
    if days > RED_AFTER_DAYS:
        level = Level.RED
    elif days > amber_after:
        level = Level.AMBER
    return f"Sao lưu USB gần nhất: {when}", level
