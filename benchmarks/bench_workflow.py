"""A nomination round of 1,000 items (issue 6 budget: each step < 1 s).

A fresh database gets one school of 1,000 staff graded "Hoàn thành tốt nhiệm vụ" in the year,
a council of eight, and a year-end round filled from the grades with "Lao động tiên tiến" for
all of them. Measured through the real services, on a durable database (synchronous=FULL):
- the eligibility verdict of every item (`RoundService.verdicts`);
- the council tally: saving 1,000 vote counts, computing every result and closing the meeting
  (minutes frozen, statuses set);
- issuing the decision: register number, 1,000 awards with money and số sổ, statuses.
The baseline is the raw sqlite3 module inserting 1,000 award rows with executemany and one
commit on the same file, in the same run (for scale; the issue's budget is absolute).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import tempfile
from pathlib import Path

from benchmarks.harness import Result, median_seconds, timed

BUDGET_S = 1.0
ITEMS = 1_000
RUNS = 3
YEAR = 2025


def _school(ctx) -> int:  # type: ignore[no-untyped-def]
    """One school of ITEMS staff graded HTT in YEAR; the unit id."""
    from emulation_desktop.domain.demo_data import generate_demo_commune
    from emulation_desktop.domain.enums import Gender, Grade, PersonKind, UnitKind
    from emulation_desktop.store.models import EvaluationRow, PersonRow, UnitRow

    names = [p.full_name for p in generate_demo_commune(7).people]
    with ctx.database.session_scope() as s:
        unit = UnitRow(name="Trường THCS Cát Thành", kind=UnitKind.SCHOOL)
        s.add(unit)
        s.flush()
        people = [
            PersonRow(full_name=names[i % len(names)], gender=Gender.FEMALE, position="Giáo viên",
                      unit_id=unit.id, kind=PersonKind.VIEN_CHUC, birth_year=1970 + i % 30,
                      work_start=dt.date(2010, 9, 1))
            for i in range(ITEMS)
        ]  # fmt: skip
        s.add_all(people)
        s.flush()
        s.add_all(
            EvaluationRow(person_id=p.id, year=YEAR, grade=Grade.GOOD, in_unit_id=unit.id)
            for p in people
        )
        return unit.id


def _council(ctx) -> list[int]:  # type: ignore[no-untyped-def]
    from emulation_desktop.domain.council import CouncilInput, MemberInput
    from emulation_desktop.domain.enums import CouncilRole

    roles = [
        CouncilRole.CHAIR,
        CouncilRole.STANDING_VICE,
        CouncilRole.VICE,
        *[CouncilRole.MEMBER] * 4,
    ]
    members = (
        *(MemberInput(f"Thành viên số {i + 1}", "Cán bộ xã", r) for i, r in enumerate(roles)),
        MemberInput("Thư ký Hội đồng", "Công chức", CouncilRole.SECRETARY, voting=False),
    )
    council_id = ctx.services.council.create(
        CouncilInput(dt.date(2025, 7, 1), "Quyết định số 15/QĐ-UBND ngày 10/7/2025", members)
    )
    return [m.id for m in ctx.services.council.council(council_id).members]


def _round(ctx, unit_id: int) -> tuple[int, list[int]]:  # type: ignore[no-untyped-def]
    from emulation_desktop.domain.enums import RoundKind
    from emulation_desktop.domain.nominations import RoundInput

    rounds = ctx.services.rounds
    round_id = rounds.create(RoundInput(YEAR, RoundKind.YEAR_END))
    rounds.add_from_grades(round_id, "LDTT", unit_id)
    ids = [item.id for item in rounds.items(round_id)]
    assert len(ids) == ITEMS, len(ids)
    return round_id, ids


def _one_run(path: Path) -> tuple[float, float, float]:
    """(verdicts, tally and close, decision) seconds on a fresh database at `path`."""
    from emulation_desktop.app import open_context
    from emulation_desktop.domain.council_meeting import Attendance, MeetingInput, VoteInput
    from emulation_desktop.domain.decisions import DecisionInput

    with open_context(path) as ctx:
        unit_id = _school(ctx)
        members = _council(ctx)
        round_id, ids = _round(ctx, unit_id)
        rounds, council = ctx.services.rounds, ctx.services.council
        found: list[dict] = []  # type: ignore[type-arg]
        verdicts = timed(lambda: found.append(rounds.verdicts(round_id)))
        assert len(found[0]) == ITEMS
        rounds.submit(round_id)
        meeting = MeetingInput(
            dt.date(YEAR, 12, 20), "Hội trường UBND xã", members[0], members[-1],
            tuple(Attendance(m, True) for m in members), 7, 7,
        )  # fmt: skip
        council.save_meeting(round_id, meeting)
        votes = [VoteInput(n, 6 + i % 2) for i, n in enumerate(ids)]

        def vote_and_close() -> None:
            council.save_tally(round_id, votes)
            council.results(round_id)
            council.close(round_id)

        tally = timed(vote_and_close)
        data = DecisionInput(dt.date(YEAR, 12, 25), "Nguyễn Văn Hùng", "CHỦ TỊCH")
        decide = timed(lambda: ctx.services.decisions.issue(round_id, data))
    return verdicts, tally, decide


def _raw_insert(path: Path) -> float:
    """The raw library's share: 1,000 award rows by executemany, one commit, same pragmas."""
    from emulation_desktop.store.db import BUSY_TIMEOUT_MS

    con = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON",
                   f"busy_timeout={BUSY_TIMEOUT_MS}"):  # fmt: skip
        con.execute(f"PRAGMA {pragma}")
    person_ids = [r[0] for r in con.execute("SELECT id FROM person ORDER BY id")]
    years = iter(range(YEAR + 1, YEAR + 100))

    def work() -> None:
        year = next(years)
        rows = [("person", pid, "LDTT", "Lao động tiên tiến", "title", year, "Ghi chú")
                for pid in person_ids]  # fmt: skip
        con.execute("BEGIN")
        con.executemany(
            "INSERT INTO award (subject_kind, person_id, award_code, award_name, award_kind, "
            "year, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        con.execute("COMMIT")

    try:
        return median_seconds(lambda: timed(work), RUNS)
    finally:
        con.close()


def run() -> list[Result]:
    runs: list[tuple[float, float, float]] = []
    with tempfile.TemporaryDirectory(prefix="tdkt-bench-") as tmp_name:
        for run_no in range(RUNS + 1):  # the first run warms up and is not counted
            figures = _one_run(Path(tmp_name) / f"xa-{run_no}.db")
            if run_no:
                runs.append(figures)
        raw = _raw_insert(Path(tmp_name) / f"xa-{RUNS}.db")

    def median(i: int) -> float:
        return sorted(r[i] for r in runs)[len(runs) // 2]

    return [
        Result(f"Kiểm tra điều kiện {ITEMS} đề nghị", median(0), BUDGET_S),
        Result(f"Kiểm phiếu và kết thúc họp, {ITEMS} đề nghị", median(1), BUDGET_S),
        Result(f"Ra quyết định {ITEMS} người", median(2), BUDGET_S, baseline=raw),
    ]
