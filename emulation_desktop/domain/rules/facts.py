"""What the eligibility engine reads about a subject: plain values a service builds from the
database (yearly grades, awards received, initiatives, discipline, leave, members).

Dates are inclusive at both ends: a discipline "from 01/03/2025 to 31/08/2025" is in force on
both days. `end=None` means the period is still running.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.enums import Grade, SubjectKind

__all__ = ["FactsBook", "Leave", "PastAward", "Period", "SubjectFacts", "year_bounds"]


def year_bounds(year: int) -> tuple[dt.date, dt.date]:
    """01/01 and 31/12 of `year`."""
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


@dataclass(frozen=True, slots=True)
class Period:
    """From `start` to `end`, both days included; `end=None` while it is still running."""

    start: dt.date
    end: dt.date | None = None

    @property
    def running(self) -> bool:
        return self.end is None

    def overlaps(self, first: dt.date, last: dt.date) -> bool:
        """True when at least one day of [first, last] falls in the period."""
        return self.start <= last and (self.end is None or self.end >= first)

    @property
    def label(self) -> str:
        """ "từ 01/03/2025 đến 31/08/2025", or "từ 01/03/2025 (chưa kết thúc)"."""
        if self.end is None:
            return f"từ {day_text(self.start)} (chưa kết thúc)"
        return f"từ {day_text(self.start)} đến {day_text(self.end)}"


@dataclass(frozen=True, slots=True)
class PastAward:
    """An award already received: its code in the catalog and the year of the achievement."""

    code: str
    year: int
    decision_date: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Leave:
    """Time away from work; maternity leave counts as working time (NĐ 152/2025 Điều 4 khoản 5)."""

    period: Period
    maternity: bool


@dataclass(frozen=True, slots=True)
class SubjectFacts:
    """Everything the engine may read about one person, collective or household."""

    kind: SubjectKind
    id: int
    name: str
    grades: Mapping[int, Grade] = field(default_factory=dict)  # year → grade
    awards: tuple[PastAward, ...] = ()
    initiative_years: frozenset[int] = frozenset()  # recognised initiative / scientific work
    disciplines: tuple[Period, ...] = ()
    pending_review: bool = False  # an inspection, complaint or denunciation is being handled
    work_start: dt.date | None = None
    leaves: tuple[Leave, ...] = ()
    members: tuple[int, ...] = ()  # person ids, for collectives

    @property
    def key(self) -> tuple[SubjectKind, int]:
        return (self.kind, self.id)

    def award_in(self, code: str, year: int) -> PastAward | None:
        """The award `code` received for the achievement of `year`, if any."""
        for a in self.awards:
            if a.year == year and a.code == code:
                return a
        return None

    def award_years(self, code: str) -> frozenset[int]:
        return frozenset(a.year for a in self.awards if a.code == code)


@dataclass(frozen=True, slots=True)
class FactsBook:
    """All subjects of an evaluation, by (kind, id): collectives find their members here."""

    subjects: Mapping[tuple[SubjectKind, int], SubjectFacts]

    @classmethod
    def of(cls, subjects: Iterable[SubjectFacts]) -> FactsBook:
        return cls({s.key: s for s in subjects})

    def get(self, kind: SubjectKind, id_: int) -> SubjectFacts | None:
        return self.subjects.get((kind, id_))

    def person(self, id_: int) -> SubjectFacts | None:
        return self.subjects.get((SubjectKind.PERSON, id_))

    def __len__(self) -> int:
        return len(self.subjects)
