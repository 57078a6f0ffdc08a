"""What the eligibility check reads from the yearly cycle: initiatives, discipline and leave
periods, open complaints and inspections — proven through EligibilityService.check."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from sqlalchemy import event

from emulation_desktop.domain.complaints import ComplaintInput
from emulation_desktop.domain.enums import (
    AwardKind,
    ComplaintKind,
    Gender,
    InitiativeKind,
    InitiativeScope,
    PeriodKind,
    PersonKind,
    SubjectKind,
    UnitKind,
)
from emulation_desktop.domain.initiatives import AuthorInput, InitiativeInput
from emulation_desktop.domain.registry import HouseholdInput, PersonInput, UnitInput
from emulation_desktop.domain.rules.eligibility import Outcome, Verdict, worked_months
from emulation_desktop.domain.text import name_sort_key
from emulation_desktop.services.eligibility_facts import read_facts
from emulation_desktop.store.cycle_models import PersonPeriodRow
from emulation_desktop.store.models import AwardRow, EvaluationRow

YEAR = 2026
TODAY = dt.date(2026, 12, 20)
# The LĐTT standard needs the months worked; people created without a start date leave it to
# the officer, who confirms it (a tick) as the check screen lets them.
TICKS = ("CSTDCS.1", "LDTT.b", "LDTT.thoi_gian")
LONG_AGO = dt.date(2010, 8, 15)


class Commune:
    """A small commune built through the services, with grades written directly."""

    def __init__(self, context) -> None:  # type: ignore[no-untyped-def]
        self.ctx = context
        self.services = context.services
        for service in (self.services.registry, self.services.initiatives,
                        self.services.complaints):  # fmt: skip
            service._today = lambda: TODAY
        reg = self.services.registry
        self.unit = reg.create_unit(UnitInput("Văn phòng HĐND và UBND", UnitKind.OFFICE))
        self.tdp = reg.create_unit(UnitInput("Tổ dân phố số 3", UnitKind.RESIDENTIAL))
        self.numbers = itertools.count(1)

    def person(
        self,
        name: str,
        grade: str | None = "htt",
        gender: Gender = Gender.FEMALE,
        start: dt.date | None = None,
    ) -> int:
        pid = self.services.registry.create_person(
            PersonInput(name, gender, PersonKind.CONG_CHUC, self.unit, work_start=start)
        )
        if grade is not None:
            with self.ctx.database.session_scope() as s:
                s.add(EvaluationRow(person_id=pid, year=YEAR, grade=grade, in_unit_id=self.unit))
        return pid

    def initiative(self, authors: list[int], year: int = YEAR, recognised: bool = True) -> int:
        doc = {"doc_number": "112/QĐ-UBND", "doc_date": dt.date(year, 11, 10)} if recognised else {}
        return self.services.initiatives.create(
            InitiativeInput(
                InitiativeKind.INITIATIVE, f"Sáng kiến số {next(self.numbers)}", year,
                InitiativeScope.BASE, tuple(AuthorInput(a) for a in authors), **doc,
            )
        )  # fmt: skip

    def awards(self, pid: int, code: str, *years: int) -> None:
        with self.ctx.database.session_scope() as s:
            s.add_all(
                AwardRow(subject_kind=SubjectKind.PERSON, person_id=pid, award_code=code,
                         award_name=code, award_kind=AwardKind.TITLE, year=y,
                         decision_date=dt.date(y + 1, 1, 15))
                for y in years
            )  # fmt: skip

    def period(self, pid: int, kind: PeriodKind, start: dt.date, end: dt.date | None) -> None:
        with self.ctx.database.session_scope() as s:
            s.add(PersonPeriodRow(person_id=pid, kind=kind, start_date=start, end_date=end))

    def complaint(self, subject: tuple[SubjectKind, int] | None) -> int:
        return self.services.complaints.create(
            ComplaintInput(
                ComplaintKind.DENUNCIATION,
                dt.date(YEAR, 12, 1),
                "Đơn không ghi tên",
                "Tố cáo kê khai thành tích không đúng.",
                subject,
            )
        )

    def close(self, complaint_id: int) -> None:
        c = self.services.complaints.get(complaint_id)
        self.services.complaints.update(
            complaint_id,
            ComplaintInput(c.kind, c.received_on, c.sender, c.content, c.subject.key,
                           result="Tố cáo không đúng sự thật.", closed_on=dt.date(YEAR, 12, 15)),
        )  # fmt: skip

    def row(self, award: str, pid: int, ticked=TICKS):  # type: ignore[no-untyped-def]
        report = self.services.eligibility.check(award, YEAR, ticked=ticked)
        return next(r for r in report.rows if r.subject_id == pid)


def _criterion(row, suffix: str):  # type: ignore[no-untyped-def]
    ids = {
        ".2": "Hoàn thành xuất sắc nhiệm vụ, hoặc có sáng kiến",
        ".ky_luat": "Không bị kỷ luật",
        ".dang_xem_xet": "Không đang bị xem xét kỷ luật",
        ".thoi_gian": "Có thời gian công tác trong năm",
    }
    return next(c for c in row.criteria if c.text.startswith(ids[suffix]))


@pytest.fixture
def commune(context) -> Commune:  # type: ignore[no-untyped-def]
    return Commune(context)


def test_authors_of_a_recognised_initiative_meet_the_cstdcs_initiative_route(commune) -> None:  # type: ignore[no-untyped-def]
    first, second = commune.person("Nguyễn Thị Hằng"), commune.person("Đặng Văn Dũng")
    other = commune.person("Lê Minh Tâm")
    commune.initiative([first, second])
    for pid in (first, second):  # graded "tốt", not "xuất sắc": the initiative is the route
        row = commune.row("CSTDCS", pid)
        route = _criterion(row, ".2")
        assert route.outcome is Outcome.MET and "sáng kiến" in route.reason
        assert row.verdict is Verdict.ELIGIBLE
    row = commune.row("CSTDCS", other)
    assert _criterion(row, ".2").outcome is Outcome.NOT_MET
    assert row.verdict is Verdict.NOT_ELIGIBLE


def test_only_a_recognised_initiative_of_that_year_counts(commune) -> None:  # type: ignore[no-untyped-def]
    waiting, last_year = commune.person("Nguyễn Thị Hằng"), commune.person("Đặng Văn Dũng")
    commune.initiative([waiting], recognised=False)
    commune.initiative([last_year], year=YEAR - 1)
    for pid in (waiting, last_year):
        row = commune.row("CSTDCS", pid)
        assert _criterion(row, ".2").outcome is Outcome.NOT_MET
        assert row.verdict is Verdict.NOT_ELIGIBLE


def test_an_open_complaint_pauses_and_closing_it_lifts_the_pause(commune) -> None:  # type: ignore[no-untyped-def]
    named, bystander = commune.person("Trần Văn Bình", "htxs"), commune.person("Lê Thị Hoa", "htxs")
    assert commune.row("CSTDCS", named).verdict is Verdict.ELIGIBLE
    case = commune.complaint((SubjectKind.PERSON, named))
    commune.complaint(None)  # a case naming nobody pauses nobody
    row = commune.row("CSTDCS", named)
    assert row.verdict is Verdict.NOT_ELIGIBLE
    assert "khiếu nại" in row.summary and "tạm dừng" in row.summary
    assert _criterion(row, ".dang_xem_xet").outcome is Outcome.NOT_MET
    assert commune.row("LDTT", named, ("LDTT.b", "LDTT.thoi_gian")).verdict is Verdict.NOT_ELIGIBLE
    assert commune.row("CSTDCS", bystander).verdict is Verdict.ELIGIBLE
    commune.close(case)
    row = commune.row("CSTDCS", named)
    assert row.verdict is Verdict.ELIGIBLE
    assert _criterion(row, ".dang_xem_xet").outcome is Outcome.MET


def test_a_discipline_in_the_year_blocks_and_an_old_finished_one_does_not(commune) -> None:  # type: ignore[no-untyped-def]
    now, running, old = (commune.person(n, "htxs") for n in ("An", "Bình", "Chi"))
    commune.period(now, PeriodKind.DISCIPLINE, dt.date(YEAR, 3, 1), dt.date(YEAR, 8, 31))
    commune.period(running, PeriodKind.DISCIPLINE, dt.date(YEAR - 1, 10, 1), None)
    commune.period(old, PeriodKind.DISCIPLINE, dt.date(YEAR - 3, 1, 1), dt.date(YEAR - 2, 6, 30))
    for pid, words in ((now, "kỷ luật từ 01/03/2026 đến 31/08/2026"), (running, "Đang trong")):
        row = commune.row("CSTDCS", pid)
        assert row.verdict is Verdict.NOT_ELIGIBLE
        assert words in _criterion(row, ".ky_luat").reason
    assert commune.row("CSTDCS", old).verdict is Verdict.ELIGIBLE


def test_maternity_leave_does_not_block_and_counts_as_work(commune, context) -> None:  # type: ignore[no-untyped-def]
    mother = commune.person("Phạm Thị Lan", start=LONG_AGO)
    away = commune.person("Vũ Văn Nam", start=LONG_AGO)
    commune.period(mother, PeriodKind.MATERNITY, dt.date(YEAR, 2, 1), dt.date(YEAR, 7, 31))
    commune.period(away, PeriodKind.LEAVE, dt.date(YEAR, 2, 1), dt.date(YEAR, 7, 31))
    ticks = ("LDTT.b",)  # the months are counted, not ticked
    row = commune.row("LDTT", mother, ticks)
    assert row.verdict is Verdict.ELIGIBLE
    months = _criterion(row, ".thoi_gian")
    assert months.outcome is Outcome.MET
    assert months.reason == (
        "Năm 2026 công tác 12 tháng (cần từ 10 tháng trở lên); thời gian nghỉ thai sản được "
        "tính là thời gian công tác."
    )
    # Six months of other leave leave six months of work: below the ten LĐTT needs.
    row = commune.row("LDTT", away, ticks)
    assert row.verdict is Verdict.NOT_ELIGIBLE
    months = _criterion(row, ".thoi_gian")
    assert months.outcome is Outcome.NOT_MET
    assert months.reason == (
        "Năm 2026 công tác 6 tháng (cần từ 10 tháng trở lên); đã trừ 181 ngày nghỉ không tính "
        "là thời gian công tác."
    )
    with context.database.session_scope() as s:
        book, _, _ = read_facts(s, SubjectKind.PERSON, YEAR, None)
    facts_mother, facts_away = book.person(mother), book.person(away)
    assert [lv.maternity for lv in facts_mother.leaves] == [True]
    assert [lv.maternity for lv in facts_away.leaves] == [False]
    assert facts_mother.work_start == facts_away.work_start == LONG_AGO
    assert not facts_mother.disciplines
    assert worked_months(facts_mother, YEAR)[0] == 12.0
    assert worked_months(facts_away, YEAR)[0] == 6.0


def test_a_start_in_june_gives_seven_months_and_no_ldtt(commune) -> None:  # type: ignore[no-untyped-def]
    newcomer = commune.person("Hoàng Minh Đức", start=dt.date(YEAR, 6, 1))
    march = commune.person("Đỗ Thị Hà", start=dt.date(YEAR, 3, 1))
    unknown = commune.person("Bùi Văn Tài")
    # Even a tick cannot make up for months the registry shows are missing.
    row = commune.row("LDTT", newcomer, ("LDTT.b", "LDTT.thoi_gian"))
    assert row.verdict is Verdict.NOT_ELIGIBLE
    months = _criterion(row, ".thoi_gian")
    assert months.outcome is Outcome.NOT_MET
    assert months.reason == (
        "Năm 2026 công tác 7 tháng (cần từ 10 tháng trở lên); bắt đầu công tác từ 01/06/2026."
    )
    assert "7 tháng" in row.summary
    row = commune.row("LDTT", march, ("LDTT.b",))  # from 01/03: exactly ten months
    assert row.verdict is Verdict.ELIGIBLE
    assert _criterion(row, ".thoi_gian").reason.startswith("Năm 2026 công tác 10 tháng")
    row = commune.row("LDTT", unknown, ("LDTT.b",))
    assert row.verdict is Verdict.REVIEW
    assert _criterion(row, ".thoi_gian").outcome is Outcome.UNKNOWN
    # The year after, the newcomer has a whole year.
    assert worked_months(_facts(commune, newcomer), YEAR + 1)[0] == 12.0


def test_before_grading_only_the_staff_of_that_year_are_listed(commune) -> None:  # type: ignore[no-untyped-def]
    old = commune.person("Nguyễn Văn An", None, start=LONG_AGO)
    unknown = commune.person("Trần Thị Bình", None)
    newcomer = commune.person("Lê Thị Chi", None, start=dt.date(YEAR, 6, 1))

    def listed(year: int) -> list[int]:
        return [r.subject_id for r in commune.services.eligibility.check("LDTT", year).rows]

    assert listed(YEAR - 1) == [old, unknown]  # the newcomer was not on the staff in 2025
    assert listed(YEAR) == [old, unknown, newcomer]  # by given name: An, Bình, Chi


def _facts(commune, pid: int):  # type: ignore[no-untyped-def]
    with commune.ctx.database.session_scope() as s:
        book, _, _ = read_facts(s, SubjectKind.PERSON, YEAR, None)
    return book.person(pid)


def test_open_cases_pause_collectives_and_households_too(commune, context) -> None:  # type: ignore[no-untyped-def]
    head = commune.person("Lê Thị Hoa", None)
    home = commune.services.registry.create_household(HouseholdInput(head, "Số 5", commune.tdp))
    commune.complaint((SubjectKind.UNIT, commune.tdp))
    case = commune.complaint((SubjectKind.HOUSEHOLD, home))
    with context.database.session_scope() as s:
        units, _, _ = read_facts(s, SubjectKind.UNIT, YEAR, None)
        homes, _, _ = read_facts(s, SubjectKind.HOUSEHOLD, YEAR, None)
    assert units.get(SubjectKind.UNIT, commune.tdp).pending_review
    assert not units.get(SubjectKind.UNIT, commune.unit).pending_review
    assert homes.get(SubjectKind.HOUSEHOLD, home).pending_review
    commune.close(case)
    with context.database.session_scope() as s:
        homes, _, _ = read_facts(s, SubjectKind.HOUSEHOLD, YEAR, None)
    assert not homes.get(SubjectKind.HOUSEHOLD, home).pending_review


def test_facts_are_read_in_set_queries_not_one_per_person(commune, context) -> None:  # type: ignore[no-untyped-def]
    def queries() -> int:
        seen: list[str] = []
        engine = context.database.engine
        listener = lambda *a: seen.append(a[2])  # noqa: E731
        event.listen(engine, "before_cursor_execute", listener)
        try:
            with context.database.session_scope() as s:
                read_facts(s, SubjectKind.PERSON, YEAR, None)
        finally:
            event.remove(engine, "before_cursor_execute", listener)
        return len(seen)

    def add(n: int) -> None:
        for i in range(n):
            start = dt.date(YEAR - i % 3, 1 + i % 12, 1)  # some this year, some earlier
            pid = commune.person(f"Cán Bộ {chr(65 + i % 26)}{'a' * (i // 26)}", start=start)
            commune.period(pid, PeriodKind.MATERNITY, dt.date(YEAR, 1, 1), dt.date(YEAR, 6, 30))
            commune.complaint((SubjectKind.PERSON, pid))
        commune.initiative(
            [commune.person(f"Tác Giả {chr(65 + n % 26)}{'b' * (n // 26)}")], recognised=True
        )

    add(2)
    few = queries()
    add(40)
    assert queries() == few


def test_titles_over_several_years_read_the_awards_of_those_years(commune) -> None:  # type: ignore[no-untyped-def]
    chain, broken, spent = (commune.person(n, "htxs") for n in ("An", "Bình", "Chi"))
    for pid in (chain, spent):
        commune.awards(pid, "CSTDCS", YEAR - 2, YEAR - 1)
    commune.awards(broken, "CSTDCS", YEAR - 1)
    commune.awards(spent, "CSTD_TINH", YEAR - 2)
    ticks = ("CSTD_TINH.2",)
    row = commune.row("CSTD_TINH", chain, ticks)
    assert row.verdict is Verdict.REVIEW
    assert f"năm {YEAR - 2}, {YEAR - 1}; năm {YEAR} chưa có quyết định" in row.criteria[0].reason
    row = commune.row("CSTD_TINH", broken, ticks)
    assert row.verdict is Verdict.NOT_ELIGIBLE
    assert f"thiếu năm {YEAR - 2}" in row.criteria[0].reason
    row = commune.row("CSTD_TINH", spent, ticks)
    assert row.verdict is Verdict.NOT_ELIGIBLE
    assert f"cho thành tích năm {YEAR - 2}" in row.criteria[0].reason


def test_the_national_title_looks_back_six_years(commune) -> None:  # type: ignore[no-untyped-def]
    twice, spent = commune.person("Dũng", "htxs"), commune.person("Giang", "htxs")
    for pid in (twice, spent):
        commune.awards(pid, "CSTD_TINH", YEAR - 3, YEAR)
    commune.awards(spent, "CSTD_TOAN_QUOC", YEAR - 5)
    ticks = ("CSTD_TOAN_QUOC.2",)
    row = commune.row("CSTD_TOAN_QUOC", twice, ticks)
    assert row.verdict is Verdict.ELIGIBLE
    assert f"các năm {YEAR - 3}, {YEAR}" in row.criteria[0].reason
    row = commune.row("CSTD_TOAN_QUOC", spent, ticks)
    assert row.verdict is Verdict.NOT_ELIGIBLE
    assert f"cho thành tích năm {YEAR - 5}" in row.criteria[0].reason


def test_people_are_listed_in_vietnamese_name_order(commune) -> None:  # type: ignore[no-untyped-def]
    names = ["Trần Văn Bình", "Nguyễn Thị An", "Lê Văn Bình", "Đỗ Thị Ánh", "Nguyễn Thị An"]
    ids = [commune.person(n) for n in names]
    rows = commune.services.eligibility.check("LDTT", YEAR).rows
    assert [r.name for r in rows] == sorted(names, key=name_sort_key)
    assert [r.subject_id for r in rows if r.name == "Nguyễn Thị An"] == [ids[1], ids[4]]
