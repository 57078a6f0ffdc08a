"""The data the document generators print for a council meeting: the secret-ballot paper
(phiếu bầu) and the minutes (biên bản họp xét khen thưởng).

The minutes are frozen into the meeting row as JSON when the meeting closes, so the biên bản of
a closed meeting always reads as voted, even when names, units or rules change later.
`Minutes.to_json` / `Minutes.from_json` are that storage; the generator only sees the dataclass.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, fields
from typing import Any

MINUTES_VERSION = 1
BALLOT_TITLE = "PHIẾU BẦU"
BALLOT_CHOICES = ("Đồng ý", "Không đồng ý")
BALLOT_INSTRUCTION = (
    "Đồng ý thì đánh dấu (X) vào ô “Đồng ý”, không đồng ý thì đánh dấu (X) vào ô “Không đồng "
    "ý” ở dòng của từng trường hợp. Dòng đánh dấu cả hai ô hoặc không đánh dấu ô nào thì không "
    "được tính cho trường hợp đó."
)


@dataclass(frozen=True, slots=True)
class BallotCandidate:
    number: int  # the order on the whole paper
    name: str
    place: str  # unit of a person or household; kind of a collective


@dataclass(frozen=True, slots=True)
class BallotGroup:
    award_code: str
    award_name: str
    candidates: tuple[BallotCandidate, ...]


@dataclass(frozen=True, slots=True)
class Ballot:
    """A secret-ballot paper of a round: candidates grouped by award, a "Đồng ý" and a "Không
    đồng ý" box per line. `copies`: the voting members present (or all, before the roll call)."""

    commune: str  # "Xã Cát Thành" ("" before the profile is set)
    issuer: str  # "UBND xã Cát Thành"
    council_name: str  # "Hội đồng Thi đua – Khen thưởng xã Cát Thành"
    round_name: str
    year: int
    held_on: dt.date | None
    place: str
    title: str
    instruction: str
    choices: tuple[str, str]
    groups: tuple[BallotGroup, ...]
    copies: int

    @property
    def candidates(self) -> int:
        return sum(len(g.candidates) for g in self.groups)


@dataclass(frozen=True, slots=True)
class MinutesMember:
    name: str
    title: str
    role: str  # "Chủ tịch Hội đồng"
    voting: bool
    present: bool
    note: str  # why absent


@dataclass(frozen=True, slots=True)
class MinutesAward:
    code: str
    name: str
    threshold: str  # "từ 2/3 tổng số thành viên Hội đồng trở lên (5/7 phiếu)"
    basis: str  # "Điều 6 khoản 2 điểm đ, e Nghị định 152/2025/NĐ-CP ?"
    needed: int
    base: int  # what percentages are counted on
    candidates: int
    passed: int


@dataclass(frozen=True, slots=True)
class MinutesLine:
    number: int
    nomination_id: int
    name: str
    place: str
    gender: str
    award_code: str
    award_name: str
    votes: int
    percent: str  # "71,4%"
    computed: bool  # what the threshold (and cap) give
    passed: bool  # what the council decided
    reason: str  # the council's reason for an override or for its choice among a tie
    tie: bool = False
    note: str = ""  # why a cap cut or tied this line

    @property
    def overridden(self) -> bool:
        return self.passed != self.computed

    @property
    def result(self) -> str:
        return "Đạt" if self.passed else "Không đạt"


@dataclass(frozen=True, slots=True)
class Minutes:
    """Biên bản họp Hội đồng: `final` once the meeting is closed (frozen), else a draft built
    from what is entered so far."""

    final: bool
    round_id: int
    round_name: str
    year: int
    commune: str
    issuer: str
    place_name: str  # the place of the date line: "Cát Thành"
    council_decision: str
    held_on: dt.date
    place: str
    chair: str
    chair_title: str
    secretary: str
    secretary_title: str
    members: tuple[MinutesMember, ...]
    voting_members: int
    present: int
    quorum_needed: int
    quorum_text: str
    ballots_issued: int | None
    ballots_valid: int | None
    secret_ballot: bool
    rules_name: str
    awards: tuple[MinutesAward, ...]
    lines: tuple[MinutesLine, ...]
    caps: tuple[str, ...] = ()
    closed_at: dt.datetime | None = None
    starts_at: str = ""  # "08:00"; "" in minutes frozen before the hour was kept

    @property
    def overrides(self) -> tuple[MinutesLine, ...]:
        """Lines where the council decided otherwise than computed, or chose among a tie: the
        biên bản prints each with its reason."""
        return tuple(x for x in self.lines if x.reason)

    @property
    def passed(self) -> tuple[MinutesLine, ...]:
        return tuple(x for x in self.lines if x.passed)

    @property
    def absent(self) -> tuple[MinutesMember, ...]:
        return tuple(m for m in self.members if not m.present)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["version"] = MINUTES_VERSION
        data["held_on"] = self.held_on.isoformat()
        data["closed_at"] = self.closed_at.isoformat(timespec="seconds") if self.closed_at else None
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Minutes:
        d = {f.name: data[f.name] for f in fields(cls) if f.name in data}
        d["held_on"] = dt.date.fromisoformat(data["held_on"])
        d["closed_at"] = (
            dt.datetime.fromisoformat(data["closed_at"]) if data.get("closed_at") else None
        )
        d["members"] = tuple(MinutesMember(**m) for m in data["members"])
        d["awards"] = tuple(MinutesAward(**a) for a in data["awards"])
        d["lines"] = tuple(MinutesLine(**x) for x in data["lines"])
        d["caps"] = tuple(data.get("caps", ()))
        return cls(**d)
