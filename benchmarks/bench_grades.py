"""Saving the grades of a unit of 300 people from the grid (issue budget < 200 ms).

A fresh database gets one school of 300 staff. Measured: `EvaluationService.save` of 300 grades
(all new, for a year not graded yet; then all changed, on a year already graded), through the
real service (checks, one transaction, durable commit with synchronous=FULL, audit entry).
The baseline is the raw sqlite3 module inserting the same 300 rows with executemany and
committing, on the same file with the same pragmas, in the same run.
"""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

from benchmarks.harness import Result, median_seconds, timed

BUDGET_S = 0.200
PEOPLE = 300
RUNS = 7
FIRST_YEAR = 2000


def _build(ctx) -> tuple[int, list[int]]:  # type: ignore[no-untyped-def]
    """One school with PEOPLE active staff; (unit id, person ids)."""
    from emulation_desktop.domain.demo_data import generate_demo_commune
    from emulation_desktop.domain.enums import Gender, PersonKind, UnitKind
    from emulation_desktop.store.models import PersonRow, UnitRow

    names = [p.full_name for p in generate_demo_commune(7).people]
    with ctx.database.session_scope() as s:
        unit = UnitRow(name="Trường THCS Cát Thành", kind=UnitKind.SCHOOL)
        s.add(unit)
        s.flush()
        rows = [
            PersonRow(full_name=names[i % len(names)], gender=Gender.FEMALE, position="Giáo viên",
                      unit_id=unit.id, kind=PersonKind.VIEN_CHUC, birth_year=1970 + i % 30)
            for i in range(PEOPLE)
        ]  # fmt: skip
        s.add_all(rows)
        s.flush()
        return unit.id, [p.id for p in rows]


def run() -> list[Result]:
    from emulation_desktop.app import open_context
    from emulation_desktop.domain.enums import Grade
    from emulation_desktop.domain.evaluations import GradeChange
    from emulation_desktop.store.db import BUSY_TIMEOUT_MS

    grades = list(Grade)
    with tempfile.TemporaryDirectory(prefix="tdkt-bench-") as tmp_name:
        path = Path(tmp_name) / "xa.db"
        with open_context(path) as ctx:
            unit_id, people = _build(ctx)
            service = ctx.services.evaluations
            years = iter(range(FIRST_YEAR, FIRST_YEAR + 100))

            def changes(shift: int) -> list[GradeChange]:
                return [
                    GradeChange.person(pid, grades[(i + shift) % 4], f"Ghi chú {shift}")
                    for i, pid in enumerate(people)
                ]

            def save_new() -> float:
                batch, year = changes(0), next(years)
                seconds = timed(lambda: service.save(year, unit_id, batch))
                assert service.grid(unit_id, year).rows[-1].grade is not None
                return seconds

            shift = iter(range(1, 1000))

            def save_changed() -> float:
                batch, saved = changes(next(shift)), []
                seconds = timed(lambda: saved.append(service.save(FIRST_YEAR, unit_id, batch)))
                assert saved[0].changed == PEOPLE, saved
                return seconds

            con = sqlite3.connect(path, isolation_level=None)
            for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON",
                           f"busy_timeout={BUSY_TIMEOUT_MS}"):  # fmt: skip
                con.execute(f"PRAGMA {pragma}")
            raw_year = iter(range(FIRST_YEAR + 500, FIRST_YEAR + 600))

            def raw_insert() -> float:
                year = next(raw_year)
                rows = [(pid, year, grades[i % 4].value, "Ghi chú", unit_id)
                        for i, pid in enumerate(people)]  # fmt: skip

                def work() -> None:
                    con.execute("BEGIN")
                    con.executemany(
                        "INSERT INTO evaluation (person_id, year, grade, note, in_unit_id) "
                        "VALUES (?, ?, ?, ?, ?)",
                        rows,
                    )
                    con.execute("COMMIT")

                return timed(work)

            save_new()  # warm-up: first statements compiled, caches filled
            raw_insert()
            new = median_seconds(save_new, RUNS)
            changed = median_seconds(save_changed, RUNS)
            raw = median_seconds(raw_insert, RUNS)
            con.close()
    return [
        Result(f"Lưu xếp loại {PEOPLE} cá nhân (mới)", new, BUDGET_S, baseline=raw),
        Result(f"Lưu xếp loại {PEOPLE} cá nhân (sửa)", changed, BUDGET_S, baseline=raw),
    ]
