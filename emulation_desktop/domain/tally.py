"""Council vote arithmetic: quorum, the votes a nomination needs and its result.

The threshold comes from the rule set (`VoteRule`): a share of all voting members or of those
present, and the quorum as a share of all voting members (domain.md §5c: provincial rules, so
they stay data). "At least 2/3" needs ceil(2/3 × n) votes; the ratio is compared in integers
so 0.6667 × 9 does not lose a vote to floating point.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.rules.model import VoteRule

ALL_MEMBERS = "all_members"
PRESENT = "present"


def _fraction(ratio: float) -> Fraction:
    # 0.6667 in a rules file means two thirds; a denominator up to 100 keeps 0.9, 0.8, 0.7 exact.
    return Fraction(ratio).limit_denominator(100)


@dataclass(frozen=True, slots=True)
class Threshold:
    """What the council needs for one award at one meeting."""

    members: int  # voting members of the council
    present: int  # voting members present
    needed: int  # votes "đồng ý" needed to pass
    quorum_needed: int
    denominator: str
    min_ratio: float
    basis: str

    @property
    def quorum_met(self) -> bool:
        return self.present >= self.quorum_needed

    @property
    def text(self) -> str:
        """ "≥ 2/3 tổng số thành viên (6/9 phiếu)" for the tally screen and the minutes."""
        frac = _fraction(self.min_ratio)
        share = (
            f"{frac.numerator}/{frac.denominator}"
            if frac.denominator <= 10
            else (f"{self.min_ratio * 100:.0f}%")
        )
        of = (
            "tổng số thành viên Hội đồng"
            if self.denominator == ALL_MEMBERS
            else ("số thành viên có mặt")
        )
        base = self.members if self.denominator == ALL_MEMBERS else self.present
        return f"từ {share} {of} trở lên ({self.needed}/{base} phiếu)"


def threshold(rule: VoteRule, members: int, present: int) -> Threshold:
    if members <= 0:
        raise UserError("Hội đồng chưa có thành viên nào có quyền biểu quyết.")
    if not 0 <= present <= members:
        raise UserError(
            f"Số thành viên có mặt ({present}) không thể lớn hơn số thành viên Hội đồng "
            f"({members})."
        )
    base = members if rule.denominator == ALL_MEMBERS else present
    needed = math.ceil(_fraction(rule.min_ratio) * base) if base else 1
    quorum = math.ceil(_fraction(rule.quorum) * members)
    return Threshold(
        members,
        present,
        max(needed, 1),
        quorum,
        rule.denominator,
        rule.min_ratio,
        rule.basis.citation,
    )


def check_votes(votes_for: int, present: int, valid_ballots: int | None = None) -> None:
    """A count that cannot be: negative, more than those present, more than valid ballots."""
    if votes_for < 0:
        raise UserError("Số phiếu đồng ý không được là số âm.")
    if votes_for > present:
        raise UserError(
            f"Số phiếu đồng ý ({votes_for}) lớn hơn số thành viên có mặt ({present}). "
            "Hãy kiểm tra lại biên bản kiểm phiếu."
        )
    if valid_ballots is not None and votes_for > valid_ballots:
        raise UserError(f"Số phiếu đồng ý ({votes_for}) lớn hơn số phiếu hợp lệ ({valid_ballots}).")


def percent(votes: int, base: int) -> str:
    """ "77,8%" as the minutes print the ratio of votes."""
    if base <= 0:
        return "0%"
    value = round(votes * 100 / base, 1)
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") + "%"
