"""The results of a council vote: quorum of the meeting, pass or fail of each nomination, the
cap on an award (CSTĐCS ≤ 15 % of LĐTT) and the ties it leaves for the council to settle.

One pure function, `outcomes`, serves the tally screen (live, as votes are typed), the save
and the closing of the meeting, so what the officer sees is what the minutes keep.

- A nomination reaches the threshold of its award (domain.tally) with enough "đồng ý" votes.
- When a cap applies and more candidates of the capped award reach the threshold than the cap
  allows, the most voted keep their place; the others are cut; those tied on the votes of the
  last place are flagged: the council chooses among them and writes why (NĐ 152/2025 Điều 4:
  among equals, prefer women and collectives with at least 70 % women).
- The council may decide against the computed result, always with a written reason. A line with
  a reason is the council's own decision; without one it follows the computation.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.rules.model import RuleSet, VoteRule
from emulation_desktop.domain.tally import ALL_MEMBERS, Threshold, percent, threshold

TIE_BASIS = "Nghị định 152/2025/NĐ-CP, Điều 4"
TIE_HINT = f"Khi các trường hợp bằng nhau, ưu tiên nữ, tập thể có từ 70% nữ trở lên ({TIE_BASIS})."
_EPS = 1e-9


@dataclass(frozen=True, slots=True)
class AwardRule:
    """The vote rule of one award of the round, as the rule set in force on the meeting day
    gives it (before anyone is counted present)."""

    code: str
    name: str
    rule: VoteRule

    @property
    def basis(self) -> str:
        b = self.rule.basis
        return f"{b.citation} {b.confidence.mark}".strip()


@dataclass(frozen=True, slots=True)
class AwardVote:
    """What one award needs at this meeting: the threshold for the members present."""

    code: str
    name: str
    threshold: Threshold
    secret_ballot: bool
    basis: str

    @property
    def needed(self) -> int:
        return self.threshold.needed

    @property
    def base(self) -> int:
        """What the ratio of votes is counted on: all voting members or those present."""
        t = self.threshold
        return t.members if t.denominator == ALL_MEMBERS else t.present

    @property
    def text(self) -> str:
        return self.threshold.text

    def percent(self, votes: int) -> str:
        return percent(votes, self.base)


def award_rules(rules: RuleSet, codes: Sequence[str]) -> tuple[AwardRule, ...]:
    """The vote rule of each award code (in the order given), or UserError when the rule set has
    none for one of them (nor a "*" rule)."""
    out = []
    for code in dict.fromkeys(codes):
        rule = rules.vote_rule(code)
        try:
            name = rules.award(code).name
        except KeyError:
            name = code
        if rule is None:
            raise UserError(
                f"Bộ quy định «{rules.name}» chưa có tỷ lệ biểu quyết cho «{name}». Hãy bổ sung "
                "tỷ lệ phiếu của Hội đồng trong bộ quy định rồi thử lại."
            )
        out.append(AwardRule(code, name, rule))
    return tuple(out)


def award_votes(rules: Sequence[AwardRule], members: int, present: int) -> dict[str, AwardVote]:
    """Each award's threshold for `members` voting members of whom `present` attend."""
    return {
        r.code: AwardVote(
            r.code, r.name, threshold(r.rule, members, present), r.rule.secret_ballot, r.basis
        )
        for r in rules
    }


@dataclass(frozen=True, slots=True)
class Quorum:
    members: int  # voting members of the council
    present: int  # voting members present
    needed: int

    @property
    def met(self) -> bool:
        return self.members > 0 and self.present >= self.needed

    @property
    def text(self) -> str:
        """ "Có mặt 7/8 thành viên có quyền biểu quyết — đủ điều kiện (cần 6)"."""
        verdict = "đủ điều kiện" if self.met else "chưa đủ điều kiện họp"
        return (
            f"Có mặt {self.present}/{self.members} thành viên có quyền biểu quyết — {verdict} "
            f"(cần {self.needed})"
        )


def quorum(rules: Sequence[AwardRule], members: int, present: int) -> Quorum:
    """The strictest quorum among the awards of the round (a meeting valid for all of them)."""
    if members <= 0:
        return Quorum(0, 0, 1)
    needed = max(
        (threshold(r.rule, members, min(present, members)).quorum_needed for r in rules),
        default=math.ceil(members * 2 / 3),
    )
    return Quorum(members, present, max(needed, 1))


@dataclass(frozen=True, slots=True)
class CapRule:
    """A cap of the rule set for this round: `outside` counts the subjects holding or passing
    `of_award` the same year outside this round (other rounds, decisions recorded)."""

    award: str
    award_name: str
    of_award: str
    of_name: str
    max_ratio: float
    basis: str
    year: int
    outside: int = 0


@dataclass(frozen=True, slots=True)
class Vote:
    """One line of the tally as entered. `votes` None: not counted yet. `choice` is the
    council's own decision (None: follow the computation); it always comes with a `reason`."""

    nomination_id: int
    award: str
    year: int
    votes: int | None
    choice: bool | None = None
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Outcome:
    nomination_id: int
    votes: int | None
    needed: int
    reached: bool  # votes ≥ what the award needs
    capped: bool  # reached, but beyond the cap
    tied: bool  # on the votes of the cap's last place with others: the council chooses
    computed: bool  # what the rules give (a tie counts as reached)
    choice: bool | None  # the council's own decision
    note: str = ""  # why the cap cut or tied this line

    @property
    def counted(self) -> bool:
        return self.votes is not None

    @property
    def needs_choice(self) -> bool:
        return self.tied and self.choice is None

    @property
    def passed(self) -> bool | None:
        """The final result: the council's choice, else the computation; None while not
        counted or while a tie waits for the council."""
        if self.choice is not None:
            return self.choice
        if not self.counted or self.tied:
            return None
        return self.computed

    @property
    def overridden(self) -> bool:
        return self.choice is not None and self.choice != self.computed

    @property
    def result_text(self) -> str:
        if not self.counted:
            return "Chưa nhập phiếu"
        if self.needs_choice:
            return "Bằng phiếu – Hội đồng chọn"
        text = "Đạt" if self.passed else "Không đạt"
        if self.overridden:
            return text + " (Hội đồng quyết định)"
        if self.choice is not None and self.tied:
            return text + " (Hội đồng chọn)"
        if self.capped:  # short: the tally's narrow column; the tooltip says the rest
            return "Vượt giới hạn"
        return text


@dataclass(frozen=True, slots=True)
class CapCheck:
    """How a cap stands: `candidates` reached the threshold, `allowed` may pass."""

    cap: CapRule
    base: int
    allowed: int
    candidates: int
    passed: int
    tied: int

    @property
    def exceeded(self) -> bool:
        return self.candidates > self.allowed

    @property
    def text(self) -> str:
        c = self.cap
        head = (
            f"«{c.award_name}» năm {c.year}: tối đa {self.allowed} "
            f"({c.max_ratio * 100:g}% của {self.base} «{c.of_name}»; {c.basis})"
        )
        if not self.exceeded:
            return f"{head}; {self.candidates} trường hợp đủ phiếu, trong giới hạn."
        text = f"{head}; {self.candidates} trường hợp đủ phiếu, vượt giới hạn."
        if self.tied:
            text += f" {self.tied} trường hợp bằng phiếu ở vị trí cuối: Hội đồng chọn. {TIE_HINT}"
        if self.passed > self.allowed:
            text += f" Hội đồng đang thông qua {self.passed}, quá giới hạn {self.allowed}."
        return text


@dataclass(frozen=True, slots=True)
class TallyResult:
    outcomes: dict[int, Outcome]
    caps: tuple[CapCheck, ...]

    def passed_count(self) -> int:
        return sum(1 for o in self.outcomes.values() if o.passed)

    def waiting(self) -> tuple[int, int]:
        """(lines not counted, ties the council has not settled)."""
        return (
            sum(1 for o in self.outcomes.values() if not o.counted),
            sum(1 for o in self.outcomes.values() if o.needs_choice),
        )


def outcomes(
    votes: Sequence[Vote], awards: Mapping[str, AwardVote], caps: Sequence[CapRule] = ()
) -> TallyResult:
    """Every line's result; caps are applied in the order given, each on the final results of
    the award it is counted on (its council choices included)."""
    out: dict[int, Outcome] = {}
    for v in votes:
        needed = awards[v.award].needed
        reached = v.votes is not None and v.votes >= needed
        out[v.nomination_id] = Outcome(
            v.nomination_id, v.votes, needed, reached, False, False, reached, v.choice
        )
    checks = []
    for cap in caps:
        lines = [v for v in votes if v.award == cap.award and v.year == cap.year]
        if not lines:
            continue
        base = cap.outside + sum(
            1
            for v in votes
            if v.award == cap.of_award and v.year == cap.year and out[v.nomination_id].passed
        )
        allowed = math.floor(cap.max_ratio * base + _EPS)
        pool = sorted(
            (v for v in lines if out[v.nomination_id].reached), key=lambda v: -(v.votes or 0)
        )
        tied: set[int] = set()
        if len(pool) > allowed:
            last = pool[allowed - 1].votes if allowed > 0 else None
            above = [v for v in pool if last is not None and (v.votes or 0) > last]
            at = [v for v in pool if last is not None and v.votes == last]
            if len(above) + len(at) > allowed:
                tied = {v.nomination_id for v in at}
            keep = {v.nomination_id for v in above} | {v.nomination_id for v in at}
            for v in pool:
                o = out[v.nomination_id]
                if v.nomination_id in tied:
                    note = (
                        f"Bằng {v.votes} phiếu với {len(at)} trường hợp ở vị trí cuối trong "
                        f"giới hạn {allowed} «{cap.award_name}»: Hội đồng chọn."
                    )
                    out[v.nomination_id] = replace(o, tied=True, note=note)
                elif v.nomination_id not in keep:
                    note = (
                        f"Đủ phiếu nhưng ngoài giới hạn {allowed} «{cap.award_name}» "
                        f"({cap.max_ratio * 100:g}% của {base} «{cap.of_name}»)."
                    )
                    out[v.nomination_id] = replace(o, capped=True, computed=False, note=note)
        passed = sum(1 for v in lines if out[v.nomination_id].passed)
        checks.append(CapCheck(cap, base, allowed, len(pool), passed, len(tied)))
    return TallyResult(out, tuple(checks))


def check_reason(choice: bool | None, reason: str, name: str) -> str:
    """ "" or why the council's decision on `name` cannot be kept as given."""
    if choice is not None and not reason.strip():
        return f"«{name}»: Hội đồng quyết định khác kết quả tính thì phải ghi lý do"
    if choice is None and reason.strip():
        return f"«{name}»: có lý do nhưng chưa chọn Hội đồng quyết định đạt hay không đạt"
    return ""
