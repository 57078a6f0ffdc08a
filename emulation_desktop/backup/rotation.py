"""Which automatic backups to keep: 7 daily, 4 weekly, 12 monthly (grandfather-father-son).

Pure: given the creation times of the automatic backups, it says which to keep, so the rule
can be tested without files. The newest backup of each day, ISO week and month is the one kept.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12


def to_keep(
    times: Iterable[dt.datetime],
    daily: int = KEEP_DAILY,
    weekly: int = KEEP_WEEKLY,
    monthly: int = KEEP_MONTHLY,
) -> set[dt.datetime]:
    newest_first = sorted(set(times), reverse=True)
    keep: set[dt.datetime] = set()
    for limit, bucket in (
        (daily, lambda t: t.date()),
        (weekly, lambda t: t.isocalendar()[:2]),
        (monthly, lambda t: (t.year, t.month)),
    ):
        seen: list[object] = []
        for t in newest_first:
            key = bucket(t)
            if key in seen:
                continue
            if len(seen) == limit:
                break
            seen.append(key)
            keep.add(t)
    return keep
