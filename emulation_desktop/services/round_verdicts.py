"""The eligibility verdict of every đề nghị of a round, read fresh on every call (a grade, an
award or a discipline entered meanwhile shows at the next F5).

Items are grouped by (award, year) and each group is checked once for the whole commune, so a
round of 1,000 items costs as many checks as it has awards (a few), not 1,000.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from emulation_desktop.domain.enums import NominationStatus, SubjectKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.nominations import NominationItem
from emulation_desktop.domain.rules.eligibility import Outcome, Verdict
from emulation_desktop.services.eligibility import (
    CriterionLine,
    EligibilityReport,
    EligibilityRow,
    EligibilityService,
)

NOT_CHECKED = "Chưa kiểm tra được"
SETTLED_TEXT = "Đã có quyết định"
# Once decided, the award itself is on record and a new check would only say "already
# awarded": the check belongs to the time before the decision.
_SETTLED = frozenset({NominationStatus.DECIDED, NominationStatus.AWARDED})


@dataclass(frozen=True, slots=True)
class ItemVerdict:
    """One đề nghị's verdict: `verdict` after the officer's override (None: the check could
    not run), `computed` the engine's, the criteria with their legal basis."""

    nomination_id: int
    verdict: Verdict | None
    computed: Verdict | None
    summary: str
    criteria: tuple[CriterionLine, ...] = ()
    override_reason: str = ""
    warnings: tuple[str, ...] = ()
    rules_name: str = ""
    settled: bool = False  # decided: not checked again

    @property
    def label(self) -> str:
        if self.settled:
            return SETTLED_TEXT
        return self.verdict.label if self.verdict else NOT_CHECKED

    @property
    def unmet(self) -> tuple[CriterionLine, ...]:
        return tuple(c for c in self.criteria if c.outcome is Outcome.NOT_MET)


def item_verdicts(
    eligibility: EligibilityService, items: Sequence[NominationItem]
) -> dict[int, ItemVerdict]:
    groups: dict[tuple[str, int], list[NominationItem]] = defaultdict(list)
    out: dict[int, ItemVerdict] = {}
    for item in items:
        if item.status in _SETTLED:
            out[item.id] = ItemVerdict(item.id, None, None, "Đề nghị đã có quyết định khen "
                                       "thưởng; điều kiện đã được xét trước khi quyết định.",
                                       settled=True)  # fmt: skip
        else:
            groups[(item.award_code, item.year)].append(item)
    for (code, year), group in groups.items():
        try:
            named = [i.subject.id for i in group if i.subject.kind is SubjectKind.PERSON]
            report = eligibility.check(code, year, include=named)
        except UserError as exc:
            for item in group:
                out[item.id] = ItemVerdict(item.id, None, None, exc.message)
            continue
        found = {(r.kind, r.subject_id): r for r in report.rows}
        for item in group:
            row = found.get(item.subject.key)
            out[item.id] = (
                _from_row(item.id, row, report) if row is not None else _missing(item, year)
            )
    return out


def _from_row(nomination_id: int, row: EligibilityRow, report: EligibilityReport) -> ItemVerdict:
    return ItemVerdict(
        nomination_id, row.final, row.verdict, row.summary, row.criteria, row.override_reason,
        row.warnings + tuple(w for w in report.warnings if w not in row.warnings),
        report.rules_name,
    )  # fmt: skip


def _missing(item: NominationItem, year: int) -> ItemVerdict:
    """A subject the check does not list: no longer followed, or outside the check's reach."""
    s = item.subject
    if not s.active:
        why = f"«{s.name}» đã ngừng theo dõi: không đề nghị khen thưởng được."
        return ItemVerdict(item.id, Verdict.NOT_ELIGIBLE, Verdict.NOT_ELIGIBLE, why)
    why = (f"Không có trong danh sách kiểm tra điều kiện năm {year}; cán bộ xem xét theo "
           "hồ sơ.")  # fmt: skip
    return ItemVerdict(item.id, Verdict.REVIEW, Verdict.REVIEW, why)
