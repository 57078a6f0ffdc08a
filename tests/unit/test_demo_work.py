"""The demo's start dates: every staff member has a plausible one, residents none, and the two
newcomers of 2026 make the months-worked criterion of «Lao động tiên tiến» decide."""

from __future__ import annotations

import datetime as dt

from emulation_desktop.domain.demo_data import generate_demo_commune
from emulation_desktop.domain.demo_history import generate_demo_history
from emulation_desktop.domain.demo_work import LAST_START_YEAR, RECENT_HIRES
from emulation_desktop.domain.registry import STAFF_KINDS, WORK_AGE
from emulation_desktop.domain.registry_views import PersonQuery
from emulation_desktop.domain.rules.eligibility import Outcome, Verdict


def test_staff_started_work_as_adults_and_residents_have_no_start() -> None:
    demo = generate_demo_commune(2026)
    staff = [p for p in demo.people if p.kind in STAFF_KINDS]
    assert staff and all(p.work_start is not None for p in staff)
    assert all(p.work_start is None for p in demo.people if p.kind not in STAFF_KINDS)
    for p in staff:
        born = p.birth_date.year if p.birth_date else p.birth_year
        assert born is not None and p.work_start.year - born >= WORK_AGE + 4  # type: ignore[union-attr]
    late = sorted(p.work_start for p in staff if p.work_start.year > LAST_START_YEAR)  # type: ignore[union-attr]
    assert late == [day for _, _, day in RECENT_HIRES]
    assert generate_demo_commune(2026) == demo  # still deterministic


def test_newcomers_have_no_history_before_they_started() -> None:
    demo = generate_demo_commune(2026)
    history = generate_demo_history(demo, 2026)
    hires = {i for i, p in enumerate(demo.people) if p.work_start and p.work_start.year == 2026}
    assert len(hires) == 2
    graded = {(e.year, e.person_index) for e in history.evaluations}
    assert all((2026, i) in graded for i in hires)
    assert not any((y, i) in graded for y in (2024, 2025) for i in hires)
    assert not any(a.person_index in hires for a in history.awards)
    registered = {(r.year, r.who.person_index) for r in history.registrations}
    for i in hires:  # the LĐTT registrations were sent on 20/03/2026
        assert ((2026, i) in registered) == (demo.people[i].work_start <= dt.date(2026, 3, 20))  # type: ignore[operator]


def test_the_demo_ldtt_check_counts_the_months_of_the_newcomers(demo_context) -> None:  # type: ignore[no-untyped-def]
    services = demo_context.services
    rows = services.eligibility.check("LDTT", 2026, ticked=("LDTT.b",)).rows
    people = services.registry.people_page(PersonQuery(), 0, 1000)
    hires = {p.work_start: p.id for p in people if p.work_start and p.work_start.year == 2026}
    by_start = {day: next(r for r in rows if r.subject_id == pid) for day, pid in hires.items()}

    def months(row):  # type: ignore[no-untyped-def]
        return next(c for c in row.criteria if c.text.startswith("Có thời gian công tác"))

    march, june = by_start[dt.date(2026, 3, 1)], by_start[dt.date(2026, 6, 1)]
    assert march.verdict is Verdict.ELIGIBLE
    assert months(march).reason.startswith("Năm 2026 công tác 10 tháng")
    assert june.verdict is Verdict.NOT_ELIGIBLE
    assert months(june).outcome is Outcome.NOT_MET
    assert "7 tháng" in months(june).reason and "01/06/2026" in months(june).reason
    # Everyone else has a start date: nobody waits for the officer to confirm their months.
    assert all(months(r).outcome is not Outcome.UNKNOWN for r in rows)
