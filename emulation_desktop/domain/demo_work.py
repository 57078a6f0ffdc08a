"""When the demo commune's staff started work (ngày bắt đầu công tác), and its two recent hires.

Drawn from a random stream of its own, so adding the dates left every name, birth and CCCD of
the demo as it was. Everyone but the hires started by 2023, so the years of the demo's history
(2024–2026) are whole working years; the hires make the months worked matter in 2026: one
started on 01/03 (exactly the ten months LĐTT needs), one on 01/06 (seven: no LĐTT that year).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import replace

from emulation_desktop.domain.registry import STAFF_KINDS, PersonDraft

__all__ = ["LAST_START_YEAR", "RECENT_HIRES", "with_work_starts"]

LAST_START_YEAR = 2023
_START_AGE = (20, 27)
# (unit key, position, start): the youngest holder of the position is the newcomer.
RECENT_HIRES = (
    ("tyt", "Điều dưỡng", dt.date(2026, 3, 1)),
    ("vp", "Công chức Văn phòng - Thống kê", dt.date(2026, 6, 1)),
)
_SCHOOLS = ("mn", "th", "thcs")


def _born(p: PersonDraft) -> tuple[int, dt.date]:
    year = p.birth_date.year if p.birth_date else p.birth_year or 1980
    return year, p.birth_date or dt.date(year, 7, 1)


def _start(rng: random.Random, p: PersonDraft) -> dt.date:
    year = min(_born(p)[0] + rng.randint(*_START_AGE), LAST_START_YEAR)
    if p.unit_key in _SCHOOLS:  # schools take staff on for the school year
        return dt.date(year, 8, rng.choice((15, 20, 25)))
    first = dt.date(year, 1, 1)
    return first + dt.timedelta(days=rng.randrange((dt.date(year + 1, 1, 1) - first).days))


def _hires(people: Sequence[PersonDraft]) -> dict[int, dt.date]:
    out = {}
    for unit_key, position, day in RECENT_HIRES:
        holders = [
            i for i, p in enumerate(people) if p.unit_key == unit_key and p.position == position
        ]
        if holders:
            out[max(holders, key=lambda i: (_born(people[i])[1], i))] = day
    return out


def with_work_starts(people: Sequence[PersonDraft], seed: int) -> list[PersonDraft]:
    """`people` with a start date for every staff member; residents keep none."""
    rng = random.Random(seed * 13 + 5)
    hires = _hires(people)
    return [
        replace(p, work_start=hires.get(i) or _start(rng, p)) if p.kind in STAFF_KINDS else p
        for i, p in enumerate(people)
    ]
