"""Eligibility of the commune's people, collectives and households, from what the database holds.

Facts are read in a few set queries (grades, awards, members, recognised initiatives, discipline
and leave periods, open complaints and inspections), never one query per subject, so a whole
commune is checked at once; and only what the rules can read: the grades of the year checked,
the awards their criteria lead to over the years they look back (`history_read`), the people
who are candidates or members of a candidate collective (10,000 people with ten years of
history: well under the 1 s budget, see benchmarks/bench_eligibility.py). The rules are those
in force at the end of the achievement year (the criteria follow the achievement period).
Officers' written overrides are kept and applied on every later check.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import select

from emulation_desktop.domain.enums import SubjectKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.rules.eligibility import (
    Assessment,
    EligibilityEngine,
    Outcome,
    Verdict,
    history_read,
    override_reason,
)
from emulation_desktop.domain.text import nfc
from emulation_desktop.services.eligibility_facts import read_facts
from emulation_desktop.services.registry_write import audit
from emulation_desktop.services.rules import RulesService
from emulation_desktop.store.db import Database
from emulation_desktop.store.models import (
    EligibilityOverrideRow,
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
        include: Collection[int] = (),
    ) -> EligibilityReport:
        """Every candidate for `award_code` in `year` (within `unit_id` and the units below).

        `ticked`: ids of the checklist criteria the officer confirmed for every candidate;
        `include`: people checked even without a grade for the year (nominated by name).
        """
        with _collector_paused():
            return self._check(award_code, year, unit_id, ticked, frozenset(include))

    def _check(
        self,
        award_code: str,
        year: int,
        unit_id: int | None,
        ticked: Collection[str],
        include: frozenset[int] = frozenset(),
    ) -> EligibilityReport:
        rules = self._rules.in_force(dt.date(year, 12, 31))
        try:
            award = rules.award(award_code)
        except KeyError as exc:
            raise UserError(
                f"Bộ quy định «{rules.name}» không có danh hiệu, hình thức «{award_code}»."
            ) from exc
        history = history_read(rules, award_code)
        with self._db.session_scope() as s:
            book, subjects, places = read_facts(s, award.subject, year, unit_id, history, include)
            overrides = {
                (o.subject_kind, o.subject_id): o
                for o in s.scalars(
                    select(EligibilityOverrideRow).where(
                        EligibilityOverrideRow.award_code == award_code,
                        EligibilityOverrideRow.year == year,
                    )
                )
            }
        engine = EligibilityEngine(rules, book)
        assessed = engine.assess_batch(subjects, award_code, year, ticked) if subjects else []
        if overrides:
            for i, a in enumerate(assessed):
                o = overrides.get((a.subject.kind, a.subject.id))
                if o is not None:
                    assessed[i] = a.with_override(o.reason, o.by, Verdict(o.verdict))
            assessed = engine.apply_caps(assessed)  # overrides count in the caps
        row = _Lines()
        rows = [row(a, places.get(a.subject.key, "")) for a in assessed]
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


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for the length of a check.

    A check of 10,000 people builds a few hundred thousand objects that all live until the
    report is returned: the collector's passes over them free nothing and took 40 % of the time.
    Reference counting still frees everything else meanwhile.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


class _Lines:
    """Criterion lines of a report: shared between rows when the text is the same (most are)."""

    def __init__(self) -> None:
        self._heads: dict[int, tuple[str, str, str]] = {}
        self._lines: dict[tuple[int, Outcome, str], CriterionLine] = {}

    def __call__(self, a: Assessment, unit: str) -> EligibilityRow:
        lines = []
        for r in a.results:
            c = r.criterion
            key = (id(c), r.outcome, r.reason)
            line = self._lines.get(key)
            if line is None:
                head = self._heads.get(id(c))
                if head is None:
                    conf = c.basis.confidence
                    head = self._heads[id(c)] = (
                        c.text,
                        c.basis.citation,
                        f"{conf.mark} {conf.label}",
                    )
                line = self._lines[key] = CriterionLine(head[0], r.outcome, r.reason, *head[1:])
            lines.append(line)
        return EligibilityRow(
            a.subject.kind,
            a.subject.id,
            a.subject.name,
            unit,
            a.verdict,
            a.final_verdict,
            a.override.reason if a.override else "",
            tuple(lines),
            a.warnings,
        )
