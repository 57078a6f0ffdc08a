"""Data the decision, proposal and award-register tests share (no tests here).

`commune(context)`: the profile of xã Cát Thành (Ninh Bình) with its signers, and the small
commune of tests/cycle_data.py. `MIXED`: a round's items where four lie within the commune's
authority and one goes to the province. `counts(db)`: rows of the tables a refusal must leave
untouched.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import func, select

from emulation_desktop.domain.decisions import DecisionInput
from emulation_desktop.domain.enums import (
    CommuneKind,
    NominationStatus,
    RoundKind,
    RoundStatus,
    SubjectKind,
)
from emulation_desktop.domain.profile import CommuneProfile
from emulation_desktop.store.award_models import (
    CouncilMemberRow,
    CouncilRow,
    DecisionRow,
    DocRegisterRow,
    MeetingRow,
    NominationRoundRow,
    NominationRow,
    ProposalRow,
    TallyRow,
)
from emulation_desktop.store.models import AwardRow
from tests.award_data import round_with, voted_round
from tests.cycle_data import Commune, small_commune

P, U, H = SubjectKind.PERSON, SubjectKind.UNIT, SubjectKind.HOUSEHOLD
HELD_ON = dt.date(2026, 12, 10)
DAY = dt.date(2026, 12, 15)

PROFILE = CommuneProfile(
    kind=CommuneKind.XA,
    name="Cát Thành",
    province="Ninh Bình",
    place_name="Cát Thành",
    chairman="Nguyễn Văn Hùng",
    vice_chairmen=("Trần Thị Thu",),
    officer="Bùi Thị Hạnh",
    officer_title="Công chức Văn hóa – Xã hội",
)


def commune(context) -> Commune:  # type: ignore[no-untyped-def]
    context.services.profile.save(PROFILE)
    return small_commune(context)


def mixed(c: Commune) -> list[tuple[SubjectKind, int, str]]:
    """Lan: LĐTT and CSTĐCS (same period: only the higher title is paid); the kindergarten
    and An's household: Giấy khen; Bình: Bằng khen of the province chairman (upward)."""
    lan = c.person("Nguyễn Thị Lan")
    return [
        (P, lan, "LDTT"),
        (P, lan, "CSTDCS"),
        (U, c.kindergarten, "GIAY_KHEN_TAP_THE"),
        (H, c.home, "GIAY_KHEN_HO"),
        (P, c.person("Lê Văn Bình"), "BANG_KHEN_TINH_CA_NHAN"),
    ]


def voted(  # type: ignore[no-untyped-def]
    context,
    items: Sequence[tuple[SubjectKind, int, str]],
    held_on: dt.date = HELD_ON,
    kind: RoundKind = RoundKind.YEAR_END,
    failed: Sequence[int] = (),
) -> tuple[int, list[int]]:
    """`tests.award_data.voted_round` for the first round of a database; later rounds reuse its
    council (a council is valid from a date, one per date)."""
    db = context.database
    with db.session_scope() as s:
        council_id = s.scalar(select(CouncilRow.id))
        members = s.scalars(select(CouncilMemberRow.id).order_by(CouncilMemberRow.position)).all()
    if council_id is None:
        return voted_round(db, 2026, items, held_on, kind, failed)
    round_id, ids = round_with(db, 2026, items, RoundStatus.VOTED, kind)
    with db.session_scope() as s:
        m = MeetingRow(round_id=round_id, council_id=council_id, held_on=held_on, place="",
                       chair_id=members[0], secretary_id=members[-1], ballots_issued=7,
                       ballots_valid=7, minutes={})  # fmt: skip
        s.add(m)
        s.flush()
        for i, nid in enumerate(ids):
            ok = i not in failed
            s.add(TallyRow(meeting_id=m.id, nomination_id=nid, votes_for=7 if ok else 2,
                           computed=ok, passed=ok, reason=""))  # fmt: skip
            s.get(NominationRow, nid).status = (
                NominationStatus.PASSED if ok else NominationStatus.FAILED
            )
    return round_id, ids


def signed(day: dt.date | None = DAY, **kw: object) -> DecisionInput:
    who = {"signer_name": "Nguyễn Văn Hùng", "signer_title": "Chủ tịch"} | kw
    return DecisionInput(day, **who)  # type: ignore[arg-type]


def counts(db) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with db.session_scope() as s:
        out = {
            t.__tablename__: s.scalar(select(func.count()).select_from(t))
            for t in (DecisionRow, AwardRow, DocRegisterRow, ProposalRow)
        }
        for status in NominationStatus:
            out[status.value] = s.scalar(
                select(func.count())
                .select_from(NominationRow)
                .where(NominationRow.status == status)
            )
        out["rounds"] = tuple(s.scalars(select(NominationRoundRow.status)))  # type: ignore[assignment]
        return out


def awards(db, **where: object) -> list[AwardRow]:  # type: ignore[no-untyped-def]
    with db.session_scope() as s:
        stmt = select(AwardRow).order_by(AwardRow.id)
        for k, v in where.items():
            stmt = stmt.where(getattr(AwardRow, k) == v)
        rows = s.scalars(stmt).all()
        s.expunge_all()
        return list(rows)


GIVEN = ("An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Khánh", "Lâm", "Minh", "Nam")
MIDDLE = ("Văn", "Thị", "Hữu", "Đức", "Minh", "Quang", "Ngọc", "Thanh", "Xuân", "Thu")
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng")


def many_names(n: int) -> list[str]:
    return [f"{f} {m} {g}" for f in FAMILY for m in MIDDLE for g in GIVEN][:n]
