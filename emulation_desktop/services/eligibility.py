"""Eligibility of the commune's people, collectives and households, from what the database holds.

Facts are read in a few set queries (grades, awards, members, recognised initiatives, discipline
and leave periods, open complaints and inspections), never one query per subject, so a whole
commune is checked at once. The rules are those in force at the end of the achievement
year (the criteria follow the achievement period). Officers' written overrides are kept and
applied on every later check.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from emulation_desktop.domain.enums import Grade, PeriodKind, PersonKind, SubjectKind, UnitKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.rules.eligibility import (
    Assessment,
    EligibilityEngine,
    Outcome,
    Verdict,
    override_reason,
)
from emulation_desktop.domain.rules.facts import FactsBook, Leave, PastAward, Period, SubjectFacts
from emulation_desktop.domain.text import name_sort_key, nfc
from emulation_desktop.services.complaints import open_subject_keys
from emulation_desktop.services.initiatives import recognised_years
from emulation_desktop.services.registry_read import unit_and_descendants
from emulation_desktop.services.registry_write import audit
from emulation_desktop.services.rules import RulesService
from emulation_desktop.store.cycle_models import PersonPeriodRow
from emulation_desktop.store.db import Database
from emulation_desktop.store.models import (
    AwardRow,
    EligibilityOverrideRow,
    EvaluationRow,
    HouseholdRow,
    PersonRow,
    UnitRow,
)


@dataclass(frozen=True, slots=True)
class CriterionLine:
    text: str
    outcome: Outcome
    reason: str
    basis: str  # "Điều 23 Luật 06/2022/QH15"
    confidence: str  # "✅ đã đối chiếu văn bản"


@dataclass(frozen=True, slots=True)
class EligibilityRow:
    """One subject's result, as the check screen and the council minutes show it."""

    kind: SubjectKind
    subject_id: int
    name: str
    unit: str
    verdict: Verdict  # computed
    final: Verdict  # after the officer's override, if any
    override_reason: str
    criteria: tuple[CriterionLine, ...]
    warnings: tuple[str, ...]

    @property
    def summary(self) -> str:
        unmet = [c for c in self.criteria if c.outcome is Outcome.NOT_MET]
        review = [c for c in self.criteria if c.outcome is Outcome.UNKNOWN]
        if self.override_reason:
            return f"Quyết định khác kết quả kiểm tra: {self.override_reason}"
        if unmet:
            return unmet[0].reason
        if review:
            return f"{len(review)} mục cần cán bộ xác nhận"
        return "Đạt mọi tiêu chuẩn"


@dataclass(frozen=True, slots=True)
class EligibilityReport:
    award_code: str
    award_name: str
    year: int
    rules_name: str
    rows: tuple[EligibilityRow, ...]
    warnings: tuple[str, ...]

    def count(self, verdict: Verdict) -> int:
        return sum(r.final is verdict for r in self.rows)


class EligibilityService:
    def __init__(self, db: Database, rules: RulesService) -> None:
        self._db = db
        self._rules = rules

    def check(
        self,
        award_code: str,
        year: int,
        unit_id: int | None = None,
        ticked: Collection[str] = (),
    ) -> EligibilityReport:
        """Every candidate for `award_code` in `year` (within `unit_id` and the units below).

        `ticked`: ids of the checklist criteria the officer confirmed for every candidate.
        """
        rules = self._rules.in_force(dt.date(year, 12, 31))
        try:
            award = rules.award(award_code)
        except KeyError as exc:
            raise UserError(
                f"Bộ quy định «{rules.name}» không có danh hiệu, hình thức «{award_code}»."
            ) from exc
        with self._db.session_scope() as s:
            book, candidates, places = _facts(s, award.subject, year, unit_id)
            overrides = {
                (o.subject_kind, o.subject_id): o
                for o in s.scalars(
                    select(EligibilityOverrideRow).where(
                        EligibilityOverrideRow.award_code == award_code,
                        EligibilityOverrideRow.year == year,
                    )
                )
            }
        subjects = sorted(candidates, key=lambda f: name_sort_key(f.name))
        engine = EligibilityEngine(rules, book)
        assessed = engine.assess_batch(subjects, award_code, year, ticked) if subjects else []
        for i, a in enumerate(assessed):
            o = overrides.get((a.subject.kind, a.subject.id))
            if o is not None:
                assessed[i] = a.with_override(o.reason, o.by, Verdict(o.verdict))
        assessed = engine.apply_caps(assessed)  # overrides count in the caps
        rows = [_row(a, places.get(a.subject.key, "")) for a in assessed]
        warnings = tuple(dict.fromkeys(w for a in assessed for w in a.warnings))
        return EligibilityReport(award_code, award.name, year, rules.name, tuple(rows), warnings)

    def override(
        self,
        kind: SubjectKind,
        subject_id: int,
        award_code: str,
        year: int,
        verdict: Verdict,
        reason: str,
        by: str = "",
    ) -> None:
        """Keep the officer's decision; the reason is checked like the engine checks it."""
        text = override_reason(reason)  # before any work: a refusal costs nothing
        report = self.check(award_code, year)
        row = next((r for r in report.rows if (r.kind, r.subject_id) == (kind, subject_id)), None)
        if row is None:
            raise UserError("Đối tượng này không có trong danh sách kiểm tra của năm đã chọn.")
        with self._db.session_scope() as s:
            existing = s.scalar(
                select(EligibilityOverrideRow).where(
                    EligibilityOverrideRow.subject_kind == kind,
                    EligibilityOverrideRow.subject_id == subject_id,
                    EligibilityOverrideRow.award_code == award_code,
                    EligibilityOverrideRow.year == year,
                )
            )
            if existing is None:
                existing = EligibilityOverrideRow(
                    subject_kind=kind, subject_id=subject_id, award_code=award_code, year=year
                )
                s.add(existing)
            existing.computed = row.verdict.value
            existing.verdict = Verdict(verdict).value
            existing.reason = text
            existing.by = nfc(by or "")
            audit(
                s,
                "override",
                "eligibility",
                subject_id,
                award=award_code,
                year=year,
                computed=row.verdict.value,
                verdict=Verdict(verdict).value,
                reason=text,
            )

    def clear_override(
        self, kind: SubjectKind, subject_id: int, award_code: str, year: int
    ) -> None:
        with self._db.session_scope() as s:
            row = s.scalar(
                select(EligibilityOverrideRow).where(
                    EligibilityOverrideRow.subject_kind == kind,
                    EligibilityOverrideRow.subject_id == subject_id,
                    EligibilityOverrideRow.award_code == award_code,
                    EligibilityOverrideRow.year == year,
                )
            )
            if row is not None:
                audit(s, "clear_override", "eligibility", subject_id, award=award_code, year=year)
                s.delete(row)


_STAFF = (PersonKind.CAN_BO, PersonKind.CONG_CHUC, PersonKind.VIEN_CHUC, PersonKind.NGUOI_LAO_DONG)
Key = tuple[SubjectKind, int]


def _facts(
    s: Session, kind: SubjectKind, year: int, unit_id: int | None
) -> tuple[FactsBook, list[SubjectFacts], dict[Key, str]]:
    """All facts in a few set queries; the candidates of `kind`; where each one belongs.

    Besides grades and awards: the years of recognised initiatives each person authored,
    discipline and leave periods (maternity leave kept apart: it counts as work), and whether
    an open complaint or inspection names the subject (nominations paused).

    People candidates are those graded for `year` (the yearly evaluation is the entry point of
    every individual title); when nobody is graded yet, the active staff are listed.
    """
    allowed = set(unit_and_descendants(s, unit_id)) if unit_id is not None else None
    units = {
        r.id: r for r in s.execute(select(UnitRow.id, UnitRow.name, UnitRow.kind, UnitRow.active))
    }
    grades: dict[Key, dict[int, Grade]] = defaultdict(dict)
    for pid, uid, y, grade in s.execute(
        select(
            EvaluationRow.person_id, EvaluationRow.unit_id, EvaluationRow.year, EvaluationRow.grade
        )
    ):
        key = (SubjectKind.PERSON, pid) if pid is not None else (SubjectKind.UNIT, uid)
        grades[key][y] = grade
    awards: dict[Key, list[PastAward]] = defaultdict(list)
    for code, y, day, pid, uid, hid in s.execute(
        select(
            AwardRow.award_code,
            AwardRow.year,
            AwardRow.decision_date,
            AwardRow.person_id,
            AwardRow.unit_id,
            AwardRow.household_id,
        )
    ):
        key = (
            (SubjectKind.PERSON, pid)
            if pid is not None
            else (SubjectKind.UNIT, uid)
            if uid is not None
            else (SubjectKind.HOUSEHOLD, hid)
        )
        awards[key].append(PastAward(code, y, day))

    initiative_years = recognised_years(s)
    pending = open_subject_keys(s)
    disciplines: dict[int, list[Period]] = defaultdict(list)
    leaves: dict[int, list[Leave]] = defaultdict(list)
    for pid, pkind, start, end in s.execute(
        select(
            PersonPeriodRow.person_id,
            PersonPeriodRow.kind,
            PersonPeriodRow.start_date,
            PersonPeriodRow.end_date,
        ).order_by(PersonPeriodRow.start_date)
    ):
        if pkind is PeriodKind.DISCIPLINE:
            disciplines[pid].append(Period(start, end))
        else:
            leaves[pid].append(Leave(Period(start, end), maternity=pkind is PeriodKind.MATERNITY))

    subjects: list[SubjectFacts] = []
    candidates: list[SubjectFacts] = []
    places: dict[Key, str] = {}
    members: dict[int, list[int]] = defaultdict(list)
    staff: list[SubjectFacts] = []
    for pid, name, uid, pkind in s.execute(
        select(PersonRow.id, PersonRow.full_name, PersonRow.unit_id, PersonRow.kind).where(
            PersonRow.active.is_(True)
        )
    ):
        key = (SubjectKind.PERSON, pid)
        f = SubjectFacts(
            SubjectKind.PERSON,
            pid,
            name,
            grades.get(key, {}),
            tuple(awards.get(key, ())),
            initiative_years=frozenset(initiative_years.get(pid, ())),
            disciplines=tuple(disciplines.get(pid, ())),
            pending_review=key in pending,
            leaves=tuple(leaves.get(pid, ())),
        )
        subjects.append(f)
        members[uid].append(pid)
        if kind is SubjectKind.PERSON and (allowed is None or uid in allowed):
            places[key] = units[uid].name
            if year in f.grades:
                candidates.append(f)
            elif pkind in _STAFF:
                staff.append(f)
    if kind is SubjectKind.PERSON and not candidates:
        candidates = staff
    if kind is SubjectKind.UNIT:
        for uid, u in units.items():
            if u.active and u.kind is not UnitKind.GROUP and (allowed is None or uid in allowed):
                key = (SubjectKind.UNIT, uid)
                f = SubjectFacts(
                    SubjectKind.UNIT,
                    uid,
                    u.name,
                    grades.get(key, {}),
                    tuple(awards.get(key, ())),
                    pending_review=key in pending,
                    members=tuple(members[uid]),
                )
                subjects.append(f)
                candidates.append(f)
                places[key] = u.kind.label
    if kind is SubjectKind.HOUSEHOLD:
        for hid, head, uid in s.execute(
            select(HouseholdRow.id, PersonRow.full_name, HouseholdRow.unit_id)
            .join(PersonRow, PersonRow.id == HouseholdRow.head_id)
            .where(HouseholdRow.active.is_(True))
        ):
            if allowed is None or uid in allowed:
                key = (SubjectKind.HOUSEHOLD, hid)
                f = SubjectFacts(
                    SubjectKind.HOUSEHOLD,
                    hid,
                    f"Hộ {head}",
                    awards=tuple(awards.get(key, ())),
                    pending_review=key in pending,
                )
                subjects.append(f)
                candidates.append(f)
                places[key] = units[uid].name
    return FactsBook.of(subjects), candidates, places


def _row(a: Assessment, unit: str) -> EligibilityRow:
    lines = tuple(
        CriterionLine(
            r.criterion.text,
            r.outcome,
            r.reason,
            r.criterion.basis.citation,
            f"{r.criterion.basis.confidence.mark} {r.criterion.basis.confidence.label}",
        )
        for r in a.results
    )
    return EligibilityRow(
        a.subject.kind,
        a.subject.id,
        a.subject.name,
        unit,
        a.verdict,
        a.final_verdict,
        a.override.reason if a.override else "",
        lines,
        a.warnings,
    )
