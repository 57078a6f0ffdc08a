"""The demo commune's Hội đồng Thi đua – Khen thưởng: its composition (set up in 01/2024, kiện
toàn on 01/07/2025 when the new two-level commune began) and the closed meetings of the demo's
rounds with attendance, ballots, votes and the minutes frozen as the meeting closed.

Members are the commune's real leaders, picked by unit and position like `demo_records`. Every
meeting misses one member (with the reason); votes clear the threshold of the rules in force
on the meeting day, except the nominations the round wants to fail.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from emulation_desktop.domain.demo_data import DemoCommune
from emulation_desktop.domain.doc_numbers import document_number
from emulation_desktop.domain.enums import CouncilRole
from emulation_desktop.domain.movements import short_date
from emulation_desktop.domain.rules.files import rule_set_in_force
from emulation_desktop.domain.rules.model import RuleSet
from emulation_desktop.domain.tally import ALL_MEMBERS, Threshold, percent, threshold

_R = CouncilRole
_VICE = "Phó Chủ tịch UBND"
# (unit, position, nth holder, title in the council's decision, role)
_FIRST = (
    ("vp", "Chủ tịch UBND", 0, "Chủ tịch UBND xã", _R.CHAIR),
    ("vp", _VICE, 0, "Phó Chủ tịch UBND xã", _R.STANDING_VICE),
    ("mttq", "Chủ tịch Ủy ban MTTQ Việt Nam xã", 0, "Chủ tịch Ủy ban MTTQ Việt Nam xã", _R.VICE),
    ("vp", _VICE, 1, "Phó Chủ tịch UBND xã", _R.MEMBER),
    ("phunu", "Chủ tịch Hội Liên hiệp Phụ nữ", 0, "Chủ tịch Hội Liên hiệp Phụ nữ xã", _R.MEMBER),
    ("nongdan", "Chủ tịch Hội Nông dân", 0, "Chủ tịch Hội Nông dân xã", _R.MEMBER),
    ("ccb", "Chủ tịch Hội Cựu chiến binh", 0, "Chủ tịch Hội Cựu chiến binh xã", _R.MEMBER),
    ("doantn", "Bí thư Đoàn TNCS Hồ Chí Minh", 0, "Bí thư Đoàn TNCS Hồ Chí Minh xã", _R.MEMBER),
    ("ca", "Trưởng Công an xã", 0, "Trưởng Công an xã", _R.MEMBER),
)
# After the reform the heads of the commune's new offices join the council.
_OFFICES = (
    ("vp", "Chánh Văn phòng HĐND và UBND", 0, "Chánh Văn phòng HĐND và UBND xã", _R.MEMBER),
    ("vhxh", "Trưởng phòng Văn hóa – Xã hội", 0, "Trưởng phòng Văn hóa – Xã hội", _R.MEMBER),
    ("kt", "Trưởng phòng Kinh tế", 0, "Trưởng phòng Kinh tế", _R.MEMBER),
    ("pvhcc", "Phó Giám đốc Trung tâm", 0, "Phó Giám đốc Trung tâm Phục vụ hành chính công",
     _R.MEMBER),
)  # fmt: skip
_COUNCILS = (
    (dt.date(2024, 1, 12), 9, "Kiện toàn Hội đồng đầu năm 2024.", _FIRST),
    (dt.date(2025, 7, 1), 12, "Kiện toàn khi xã mới đi vào hoạt động (chính quyền địa phương hai "
     "cấp); bổ sung trưởng các phòng chuyên môn.", _FIRST[:4] + _OFFICES + _FIRST[4:]),
)  # fmt: skip
_ABSENCE = (
    "Vắng có lý do: đi công tác",
    "Vắng có lý do: dự lớp bồi dưỡng tại tỉnh",
    "Vắng có lý do: nghỉ ốm",
    "Vắng có lý do: việc gia đình",
)
PLACE = "Phòng họp trụ sở UBND xã Cát Thành"


@dataclass(frozen=True, slots=True)
class MemberDraft:
    name: str
    title: str
    role: CouncilRole
    voting: bool
    person_index: int | None


@dataclass(frozen=True, slots=True)
class CouncilDraft:
    valid_from: dt.date
    number: int  # of its decision in the QĐ book of `valid_from.year`
    members: tuple[MemberDraft, ...]
    note: str = ""

    @property
    def decision_number(self) -> str:
        return document_number(self.number, "QĐ-UBND")

    @property
    def decision_text(self) -> str:
        return f"Quyết định số {self.decision_number} ngày {short_date(self.valid_from)}"

    @property
    def voting(self) -> int:
        return sum(m.voting for m in self.members)

    def index(self, role: CouncilRole) -> int:
        return next(i for i, m in enumerate(self.members) if m.role is role)


def demo_councils(demo: DemoCommune) -> tuple[CouncilDraft, ...]:
    """The two compositions of the demo; the officer in charge of TĐKT is the non-voting
    secretary of both."""
    people = demo.people

    def holder(unit: str, position: str, nth: int) -> int:
        found = [i for i, p in enumerate(people) if p.unit_key == unit and p.position == position]
        return found[min(nth, len(found) - 1)]

    officer = holder("vhxh", demo.profile.officer_title, 0)
    secretary = MemberDraft(people[officer].full_name, demo.profile.officer_title,
                            _R.SECRETARY, False, officer)  # fmt: skip
    out = []
    for valid_from, number, note, rows in _COUNCILS:
        members = []
        for unit, position, nth, title, role in rows:
            i = holder(unit, position, nth)
            members.append(MemberDraft(people[i].full_name, title, role, True, i))
        out.append(CouncilDraft(valid_from, number, (*members, secretary), note))
    return tuple(out)


def council_on(councils: Sequence[CouncilDraft], day: dt.date) -> int:
    """Index of the composition in force on `day`."""
    return max(i for i, c in enumerate(councils) if c.valid_from <= day)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A nomination as the minutes name it; `fail`: the council does not pass it."""

    name: str
    place: str
    gender: str
    award_code: str
    award_name: str
    fail: bool = False


@dataclass(frozen=True, slots=True)
class VoteDraft:
    votes_for: int
    passed: bool


@dataclass(frozen=True, slots=True)
class MeetingDraft:
    """A closed meeting; `minutes` lacks the round and nomination ids, set when written."""

    council: int
    held_on: dt.date
    place: str
    chair: int  # member index in the council
    secretary: int
    ballots_issued: int
    ballots_valid: int
    absent: tuple[tuple[int, str], ...]  # member index, reason
    votes: tuple[VoteDraft, ...]  # one per candidate, in the round's order
    minutes: dict[str, Any]

    @property
    def closed_at(self) -> dt.datetime:
        return dt.datetime.combine(self.held_on, dt.time(16, 30))


@dataclass(frozen=True, slots=True)
class Session:
    """What a meeting is held for: the round, the day, who is absent (by turn)."""

    round_name: str
    year: int
    held_on: dt.date
    turn: int


def hold_meeting(rng: random.Random, demo: DemoCommune, councils: Sequence[CouncilDraft],
                 rule_sets: Sequence[RuleSet], session: Session,
                 candidates: Sequence[Candidate]) -> MeetingDraft:  # fmt: skip
    """The closed meeting of one round with the rules in force on its day."""
    index = council_on(councils, session.held_on)
    council = councils[index]
    rules = rule_set_in_force(rule_sets, session.held_on)
    plain = [i for i, m in enumerate(council.members) if m.role is _R.MEMBER]
    absent = ((plain[session.turn % len(plain)], _ABSENCE[session.turn % len(_ABSENCE)]),)
    members, present = council.voting, council.voting - len(absent)
    valid = present - (1 if rng.random() < 0.25 else 0)
    votes, lines, awards = [], [], {}
    needs: dict[str, tuple[Threshold, int, str]] = {}
    for number, c in enumerate(candidates, 1):
        if c.award_code not in needs:
            rule = rules.vote_rule(c.award_code)
            assert rule is not None, c.award_code  # the shipped rules have one for every award
            base = members if rule.denominator == ALL_MEMBERS else present
            th = threshold(rule, members, present)
            needs[c.award_code] = (th, base, th.text)
        th, base, text = needs[c.award_code]
        if c.fail:
            v = max(0, th.needed - rng.randint(2, 4))
        else:
            v = max(th.needed, valid - rng.choice((0, 0, 0, 0, 1, 1, 2)))
        votes.append(VoteDraft(v, not c.fail))
        lines.append({"number": number, "nomination_id": None, "name": c.name, "place": c.place,
                      "gender": c.gender, "award_code": c.award_code,
                      "award_name": c.award_name, "votes": v, "percent": percent(v, base),
                      "computed": not c.fail, "passed": not c.fail, "reason": "", "tie": False,
                      "note": ""})  # fmt: skip
        award = awards.setdefault(c.award_code, {
            "code": c.award_code, "name": c.award_name, "threshold": text,
            "basis": th.basis, "needed": th.needed, "base": base, "candidates": 0, "passed": 0,
        })  # fmt: skip
        award["candidates"] += 1
        award["passed"] += not c.fail
    meeting = MeetingDraft(index, session.held_on, PLACE, council.index(_R.CHAIR),
                           council.index(_R.SECRETARY), present, valid, absent, tuple(votes),
                           {})  # fmt: skip
    minutes = _minutes(demo, council, meeting, session, rules, list(awards.values()), lines)
    return replace(meeting, minutes=minutes)


def _minutes(demo: DemoCommune, council: CouncilDraft, meeting: MeetingDraft, session: Session,
             rules: RuleSet, awards: list[dict[str, Any]],
             lines: list[dict[str, Any]]) -> dict[str, Any]:  # fmt: skip
    """The biên bản's data, in the shape the council's minutes are frozen in (version 1)."""
    profile = demo.profile
    away = dict(meeting.absent)
    chair, secretary = council.members[meeting.chair], council.members[meeting.secretary]
    quorum = rules.vote_rule("*")
    needed = threshold(quorum, council.voting, meeting.ballots_issued).quorum_needed if quorum \
        else council.voting // 2 + 1  # fmt: skip
    return {
        "version": 1, "final": True, "round_id": None, "round_name": session.round_name,
        "year": session.year, "commune": profile.display_name, "issuer": profile.issuer,
        "place_name": profile.place_name, "council_decision": council.decision_text,
        "held_on": meeting.held_on.isoformat(), "place": meeting.place,
        "chair": chair.name, "chair_title": chair.title,
        "secretary": secretary.name, "secretary_title": secretary.title,
        "members": [{"name": m.name, "title": m.title, "role": m.role.label, "voting": m.voting,
                     "present": i not in away, "note": away.get(i, "")}
                    for i, m in enumerate(council.members)],
        "voting_members": council.voting, "present": meeting.ballots_issued,
        "quorum_needed": needed,
        "quorum_text": f"{meeting.ballots_issued}/{council.voting} thành viên có quyền biểu "
                       f"quyết có mặt (cần từ {needed} thành viên trở lên)",
        "ballots_issued": meeting.ballots_issued, "ballots_valid": meeting.ballots_valid,
        "secret_ballot": True, "rules_name": rules.name, "awards": awards, "lines": lines,
        "caps": [], "closed_at": meeting.closed_at.isoformat(timespec="seconds"),
    }  # fmt: skip
