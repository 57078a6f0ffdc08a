"""Award money of the commune's own decisions: per decision and per fund year, and the fund
ceiling check (NĐ 152/2025 Art. 46–49).

Only decisions the commune chairman signs are paid from the commune fund (Art. 47.2): awards
whose decider, in the rules in force on the decision date, is the commune. An award issued by
the program carries the amount it was decided with (Art. 49.4–49.6 already applied) and counts
as it is; an award replaced by a correcting decision is not paid twice, and a higher level's
decision is paid from its own fund. For other awards (typed history) amounts follow the base
salary in force on the decision date and the rounding of that rule version; several awards of
one subject in one decision follow Art. 49.4–49.6.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import extract, or_, select

from emulation_desktop.domain.enums import DecisionKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.money import (
    FundCheck,
    MoneyLine,
    amount_for,
    apply_several_awards,
    fund_check,
)
from emulation_desktop.domain.rules.files import rule_set_in_force
from emulation_desktop.domain.rules.model import Level
from emulation_desktop.services.rules import RulesService
from emulation_desktop.store.award_models import DecisionRow
from emulation_desktop.store.db import Database
from emulation_desktop.store.models import AppStateRow, AwardRow

_SPENDING_KEY = "fund.{year}.recurrent_spending"
_REMOTE_KEY = "fund.remote_area"


@dataclass(frozen=True, slots=True)
class DecisionTotal:
    number: str
    date: dt.date
    awards: str  # "Lao động tiên tiến; Giấy khen…"
    lines: int
    paid_lines: int  # after "only the highest title" and "no double award"
    amount: int
    without_money: int  # awards with no coefficient in the rules (e.g. Gia đình văn hóa)


@dataclass(frozen=True, slots=True)
class FundYear:
    year: int
    decisions: tuple[DecisionTotal, ...]
    recurrent_spending: int
    remote_area: bool

    @property
    def total(self) -> int:
        return sum(d.amount for d in self.decisions)


class MoneyService:
    def __init__(self, db: Database, rules: RulesService) -> None:
        self._db = db
        self._rules = rules

    def fund_year(self, year: int) -> FundYear:
        with self._db.session_scope() as s:
            awards = s.execute(
                select(
                    AwardRow.decision_number,
                    AwardRow.decision_date,
                    AwardRow.award_code,
                    AwardRow.award_name,
                    AwardRow.subject_kind,
                    AwardRow.person_id,
                    AwardRow.unit_id,
                    AwardRow.household_id,
                    AwardRow.year,
                    AwardRow.note,
                    AwardRow.amount,
                )
                .outerjoin(DecisionRow, DecisionRow.id == AwardRow.decision_id)
                .where(
                    extract("year", AwardRow.decision_date) == year,
                    AwardRow.revoked_by_id.is_(None),
                    or_(DecisionRow.kind.is_(None), DecisionRow.kind != DecisionKind.HIGHER),
                )
                .order_by(AwardRow.decision_date, AwardRow.decision_number)
            ).all()
            state = dict(s.execute(select(AppStateRow.key, AppStateRow.value)).all())
        salaries = self._rules.base_salaries()
        versions = self._rules.all_rule_sets()
        by_decision: dict[tuple[str, dt.date], list[tuple[MoneyLine | None, bool]]] = {}
        decided: dict[tuple[str, dt.date], list[tuple[str, int]]] = {}
        for a in awards:
            if a.amount is not None:  # decided by the program: paid as decided
                decided.setdefault((a.decision_number, a.decision_date), []).append(
                    (a.award_name, a.amount)
                )
                by_decision.setdefault((a.decision_number, a.decision_date), [])
                continue
            rules = rule_set_in_force(versions, a.decision_date)
            try:
                award = rules.award(a.award_code)
            except KeyError:
                continue  # an award outside the catalog (typed history): no amount known
            if award.decider is not Level.COMMUNE:
                continue
            amount = amount_for(award, a.decision_date, rounding=rules.rounding, history=salaries)
            subject = f"{a.subject_kind.value}:{a.person_id or a.unit_id or a.household_id}"
            line = MoneyLine(
                subject,
                award.code,
                award.kind,
                award.rank,
                str(a.year),
                a.note,
                amount or 0,
                award.name,
            )
            by_decision.setdefault((a.decision_number, a.decision_date), []).append(
                (line, amount is None)
            )
        totals = []
        for (number, day), lines in by_decision.items():
            paid = apply_several_awards([ln for ln, _none in lines if ln is not None])
            kept = decided.get((number, day), [])
            names = dict.fromkeys(
                [name for name, _amount in kept]
                + [ln.award_name for ln, _none in lines if ln is not None]
            )
            totals.append(
                DecisionTotal(
                    number,
                    day,
                    "; ".join(names),
                    len(lines) + len(kept),
                    sum(p.paid > 0 for p in paid) + sum(amount > 0 for _name, amount in kept),
                    sum(p.paid for p in paid) + sum(amount for _name, amount in kept),
                    sum(1 for _ln, none in lines if none),
                )
            )
        return FundYear(
            year,
            tuple(totals),
            int(state.get(_SPENDING_KEY.format(year=year), "0") or 0),
            state.get(_REMOTE_KEY) == "1",
        )

    def set_fund_inputs(self, year: int, recurrent_spending: int, remote_area: bool) -> None:
        if recurrent_spending < 0:
            raise UserError("Tổng chi thường xuyên không được là số âm.")
        with self._db.session_scope() as s:
            for key, value in (
                (_SPENDING_KEY.format(year=year), str(int(recurrent_spending))),
                (_REMOTE_KEY, "1" if remote_area else "0"),
            ):
                row = s.get(AppStateRow, key)
                if row is None:
                    s.add(AppStateRow(key=key, value=value))
                else:
                    row.value = value

    def check_fund(self, year: int) -> tuple[FundYear, FundCheck | None]:
        """The year's totals and, once the spending is typed in, the ceiling check."""
        fund = self.fund_year(year)
        if fund.recurrent_spending <= 0:
            return fund, None
        rules = self._rules.in_force(dt.date(year, 12, 31))
        check = fund_check(fund.total, fund.recurrent_spending, fund.remote_area, rules.fund)
        return fund, check
