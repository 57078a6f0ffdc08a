"""Eligibility of 10,000 people for "Lao động tiên tiến" and "Chiến sĩ thi đua cơ sở" over 10
years of history (issue budget < 1 s).

The history is generated: a grade every year 2016–2025, the LĐTT and CSTĐCS titles those grades
earned before 2025, some initiatives, disciplines, maternity and unpaid leave, late starters.
The rules are the shipped rule set in force at the end of 2025. Measured: `assess_batch` for
LĐTT then `assess_batch` for CSTĐCS (two calls of the public API, each with its own memo, the
cap check included). The baseline is a plain Python loop doing the same grade comparisons on the
same dicts (grade ≥ HTT; HTXS or an initiative), so the ratio shows the engine's overhead for
listing every criterion with its reason and legal basis.

The officer waits for more than the engine: `EligibilityService.check` reads the database,
builds the facts, runs the engine and lays out the rows. So the same budget is measured on that
path too, on a database built through the real schema (benchmarks/eligibility_data.py: 10,000
graded people with start dates in 50 units, ten years of grades and awards, 2,000 households,
periods, complaints): LĐTT, CSTĐCS and CSTĐ tỉnh (10,000 people), TTLĐTT (49 collectives and
their 10,000 members) and Gia đình văn hóa (2,000 households), each the median of its runs.
For LĐTT and CSTĐCS the baseline is the engine alone for that award on the generated facts
above, measured in the same run: the ratio is what reading the database and building the rows
add to the rules. (The service pauses Python's cyclic garbage collector during a check, the
engine rows run with it.)
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from pathlib import Path

from benchmarks.harness import Result, median_seconds, timed
from emulation_desktop.domain.enums import Grade, SubjectKind
from emulation_desktop.domain.rules.eligibility import Verdict, assess_batch
from emulation_desktop.domain.rules.facts import FactsBook, Leave, PastAward, Period, SubjectFacts
from emulation_desktop.domain.rules.shipped import load_shipped
from emulation_desktop.domain.text import thousands

BUDGET_S = 1.0
RUNS = 5
PEOPLE = 10_000
YEAR = 2025
HISTORY = range(YEAR - 9, YEAR + 1)
_GRADES = (Grade.EXCELLENT, Grade.GOOD, Grade.COMPLETED, Grade.NOT_COMPLETED)
_WEIGHTS = (15, 62, 20, 3)
SERVICE_CHECKS = {  # award code → (name, what is checked) on the built database
    "LDTT": ("LĐTT", "10.000 cá nhân, 10 năm"),
    "CSTDCS": ("CSTĐCS", "10.000 cá nhân, 10 năm"),
    "CSTD_TINH": ("CSTĐ tỉnh", "10.000 cá nhân, 3 năm liên tục"),
    "TTLDTT": ("TTLĐTT", "49 tập thể, 10.000 thành viên"),
    "GDVH": ("Gia đình văn hóa", "2.000 hộ"),
}


def generate_people(n: int = PEOPLE, seed: int = 2025) -> list[SubjectFacts]:
    rng = random.Random(seed)
    people = []
    for i in range(1, n + 1):
        grades = {}
        awards = []
        initiatives = set()
        for y in HISTORY:
            if y == YEAR and rng.random() < 0.02:
                continue  # not graded yet
            g = rng.choices(_GRADES, _WEIGHTS)[0]
            grades[y] = g
            innovative = rng.random() < 0.08
            if innovative:
                initiatives.add(y)
            if y < YEAR and g.rank >= Grade.GOOD.rank:
                awards.append(PastAward("LDTT", y, dt.date(y + 1, 1, 15)))
                if g is Grade.EXCELLENT or innovative:
                    awards.append(PastAward("CSTDCS", y, dt.date(y + 1, 1, 20)))
        disciplines: tuple[Period, ...] = ()
        if rng.random() < 0.01:
            start = dt.date(rng.choice(HISTORY), rng.randint(1, 12), 1)
            disciplines = (Period(start, start + dt.timedelta(days=365)),)
        leaves: tuple[Leave, ...] = ()
        if rng.random() < 0.04:
            start = dt.date(YEAR, rng.randint(1, 8), rng.randint(1, 28))
            leaves = (Leave(Period(start, start + dt.timedelta(days=180)), rng.random() < 0.7),)
        work_start = dt.date(2005 + i % 15, 1 + i % 12, 1)
        if rng.random() < 0.03:
            work_start = dt.date(YEAR, rng.randint(1, 9), rng.randint(1, 28))
        people.append(
            SubjectFacts(
                SubjectKind.PERSON,
                i,
                f"Cán bộ {i}",
                grades=grades,
                awards=tuple(awards),
                initiative_years=frozenset(initiatives),
                disciplines=disciplines,
                pending_review=rng.random() < 0.005,
                work_start=work_start,
                leaves=leaves,
            )
        )
    return people


def _plain_loop(people: list[SubjectFacts]) -> tuple[int, int]:
    good, excellent = Grade.GOOD.rank, Grade.EXCELLENT.rank
    rank = {g: g.rank for g in Grade}
    ldtt = cstdcs = 0
    for p in people:
        g = p.grades.get(YEAR)
        if g is not None and rank[g] >= good:
            ldtt += 1
            if rank[g] >= excellent or YEAR in p.initiative_years:
                cstdcs += 1
    return ldtt, cstdcs


def _service_checks() -> dict[str, float]:
    """Median seconds of `EligibilityService.check` per award code, on a built database."""
    from benchmarks.eligibility_data import YEAR as DATA_YEAR
    from benchmarks.eligibility_data import build
    from emulation_desktop.app import open_context

    out = {}
    with tempfile.TemporaryDirectory(prefix="tdkt-bench-") as tmp_name:
        path = Path(tmp_name) / "xa.db"
        build(path)
        with open_context(path) as ctx:
            check = ctx.services.eligibility.check
            check("LDTT", DATA_YEAR)  # warm-up: statements compiled, file in the cache

            def one(code: str) -> float:
                reports = []
                seconds = timed(lambda: reports.append(check(code, DATA_YEAR)))
                assert reports[0].rows, code
                return seconds

            for code in SERVICE_CHECKS:
                out[code] = median_seconds(lambda code=code: one(code), RUNS)
    return out


def run() -> list[Result]:
    rules = load_shipped().in_force(dt.date(YEAR, 12, 31))
    people = generate_people()
    facts = FactsBook.of(people)

    def engine() -> None:
        ldtt = assess_batch(rules, facts, people, "LDTT", YEAR)
        cstdcs = assess_batch(rules, facts, people, "CSTDCS", YEAR)
        assert len(ldtt) == len(cstdcs) == PEOPLE
        assert any(a.verdict is Verdict.ELIGIBLE for a in cstdcs)

    def engine_for(code: str) -> float:
        return timed(lambda: assess_batch(rules, facts, people, code, YEAR))

    engine()  # warm-up
    measured = median_seconds(lambda: timed(engine), RUNS)
    baseline = median_seconds(lambda: timed(lambda: _plain_loop(people)), RUNS)
    alone = {code: median_seconds(lambda code=code: engine_for(code), RUNS)
             for code in ("LDTT", "CSTDCS")}  # fmt: skip
    service = _service_checks()
    n = thousands(PEOPLE)
    return [
        Result(
            f"Xét điều kiện LĐTT và CSTĐCS cho {n} cá nhân (lịch sử 10 năm)",
            measured,
            BUDGET_S,
            baseline=baseline,
        ),
        *(
            Result(f"Kiểm tra {label} từ CSDL ({what})", service[code], BUDGET_S,
                   baseline=alone.get(code))
            for code, (label, what) in SERVICE_CHECKS.items()
        ),
    ]  # fmt: skip
