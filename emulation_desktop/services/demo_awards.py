"""Writes the demo's award workflow (`domain.demo_awards`) inside the demo's transaction: the
document book, councils, rounds with their lists, dossiers and closed meetings, decisions,
proposals upward and the awards themselves, linked to all of it.

Rows are added in bulk, one flush per layer of foreign keys, so the demo stays fast.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, Protocol

from sqlalchemy import insert
from sqlalchemy.orm import Session

from emulation_desktop.domain.demo_awards import DemoAwards
from emulation_desktop.domain.demo_records import Who
from emulation_desktop.domain.enums import ProposalStatus, SignVariant
from emulation_desktop.store.award_models import (
    AttendanceRow,
    CouncilMemberRow,
    CouncilRow,
    DecisionRow,
    DocRegisterRow,
    DossierItemRow,
    MeetingRow,
    NominationRoundRow,
    NominationRow,
    ProposalRow,
    TallyRow,
)
from emulation_desktop.store.models import AwardRow

DEMO_START = dt.time(8, 0)  # the demo council always meets at 8 a.m.


class Ids(Protocol):
    """How the demo's writer turns indices and keys into database ids."""

    def person(self, i: int | None) -> int | None: ...
    def unit(self, key: str | None) -> int | None: ...
    def who(self, who: Who | None) -> dict[str, object]: ...
    def movement(self, key: str) -> int: ...
    def registration(self, n: int) -> int: ...


def write_awards(s: Session, ids: Ids, data: DemoAwards) -> None:
    book = [DocRegisterRow(year=d.year, series=d.series, number=d.number, symbol=d.symbol,
                           issued_on=d.issued_on, summary=d.summary, external=d.external)
            for d in data.register]  # fmt: skip
    councils = [CouncilRow(valid_from=c.valid_from, decision_text=c.decision_text, note=c.note)
                for c in data.councils]  # fmt: skip
    rounds = [
        NominationRoundRow(
            year=r.year, kind=r.kind, name=r.name, status=r.status, period=r.period,
            movement_id=None if r.movement_key is None else ids.movement(r.movement_key),
            received_on=r.received_on, needs_notice=r.kind.needs_notice,
            notice_start=r.notice_start, notice_days=10, notice_document=r.notice_document,
        )
        for r in data.rounds
    ]  # fmt: skip
    s.add_all([*book, *councils, *rounds])
    s.flush()

    members = [
        [CouncilMemberRow(council_id=row.id, position=n, name=m.name, title=m.title, role=m.role,
                          voting=m.voting, person_id=ids.person(m.person_index))
         for n, m in enumerate(c.members, 1)]
        for row, c in zip(councils, data.councils, strict=True)
    ]  # fmt: skip
    decisions = [
        DecisionRow(
            kind=d.kind, register_id=None if d.register is None else book[d.register].id,
            number=d.number, issued_on=d.issued_on, issuer=d.issuer, summary=d.summary,
            round_id=rounds[d.round].id, signer_name=d.signer_name, signer_title=d.signer_title,
            sign_variant=d.sign_variant, bases=list(d.bases),
        )
        for d in data.decisions
    ]  # fmt: skip
    proposals = [
        ProposalRow(
            round_id=rounds[p.round].id, register_id=book[p.register].id, number=p.number,
            issued_on=p.issued_on, recipient=p.recipient, signer_name=p.signer_name,
            signer_title="CHỦ TỊCH", sign_variant=SignVariant.TM,
            status=ProposalStatus.ANSWERED, sent_on=p.issued_on,
        )
        for p in data.proposals
    ]  # fmt: skip
    s.add_all([*(m for group in members for m in group), *decisions, *proposals])
    s.flush()

    nominations = [
        dict(
            round_id=rounds[n.round].id, position=n.position, **ids.who(n.seed.who),
            award_code=n.seed.code, year=n.seed.year, period=f"năm {n.seed.year}",
            achievement=n.seed.achievement, proposing_unit_id=ids.unit(n.seed.proposing_unit),
            source=n.seed.source, status=n.status, note="",
            registration_id=None if n.seed.registration is None
            else ids.registration(n.seed.registration),
            decision_id=None if n.decision is None else decisions[n.decision].id,
            proposal_id=None if n.proposal is None else proposals[n.proposal].id,
        )
        for n in data.nominations
    ]  # fmt: skip
    returning = insert(NominationRow).returning(NominationRow.id, sort_by_parameter_order=True)
    nomination_ids = list(s.scalars(returning, nominations))
    by_round: dict[int, list[int]] = {}
    for nid, n in zip(nomination_ids, data.nominations, strict=True):
        by_round.setdefault(n.round, []).append(nid)

    meetings: list[tuple[MeetingRow, int]] = []
    for r, (row, draft) in enumerate(zip(rounds, data.rounds, strict=True)):
        m = draft.meeting
        if m is None:
            continue
        people = members[m.council]
        meetings.append((MeetingRow(
            round_id=row.id, council_id=councils[m.council].id, held_on=m.held_on,
            starts_at=DEMO_START, place=m.place,
            chair_id=people[m.chair].id, secretary_id=people[m.secretary].id,
            ballots_issued=m.ballots_issued, ballots_valid=m.ballots_valid,
            closed_at=m.closed_at, minutes=_minutes(m.minutes, row.id, by_round[r]),
        ), r))  # fmt: skip
    s.add_all(row for row, _r in meetings)
    s.flush()

    attendance, tallies = [], []
    for row, r in meetings:
        m = data.rounds[r].meeting
        assert m is not None
        away = dict(m.absent)
        attendance += [dict(meeting_id=row.id, member_id=p.id, present=i not in away,
                            note=away.get(i, ""))
                       for i, p in enumerate(members[m.council])]  # fmt: skip
        tallies += [dict(meeting_id=row.id, nomination_id=nid, votes_for=v.votes_for,
                         computed=v.passed, passed=v.passed, reason="")
                    for nid, v in zip(by_round[r], m.votes, strict=True)]  # fmt: skip
    dossier = [dict(round_id=row.id, nomination_id=None, kind=kind, title=title, done=done)
               for row, r in zip(rounds, data.rounds, strict=True)
               for kind, title, done in r.dossier]  # fmt: skip
    for table, rows in ((AttendanceRow, attendance), (TallyRow, tallies),
                        (DossierItemRow, dossier),
                        (AwardRow, _awards(ids, data, decisions, nomination_ids))):  # fmt: skip
        s.execute(insert(table), rows)


def _minutes(minutes: dict[str, Any], round_id: int, nomination_ids: Sequence[int]
             ) -> dict[str, Any]:  # fmt: skip
    lines = [{**x, "nomination_id": nid}
             for x, nid in zip(minutes["lines"], nomination_ids, strict=True)]  # fmt: skip
    return {
        **minutes,
        "round_id": round_id,
        "lines": lines,
        "starts_at": DEMO_START.isoformat("minutes"),
    }


def _awards(ids: Ids, data: DemoAwards, decisions: Sequence[DecisionRow],
            nomination_ids: Sequence[int]) -> list[dict[str, Any]]:  # fmt: skip
    rows = []
    for a, link in zip(data.awards, data.links, strict=True):
        who = Who(a.subject_kind, a.person_index, a.unit_key, a.household_index)
        row = dict(**ids.who(who), award_code=a.code, award_name=a.name, award_kind=a.kind,
                   year=a.year, decision_number=a.decision_number, decision_date=a.decision_date,
                   issuer=a.issuer, register_number=a.register_number, note=a.note,
                   decision_id=None, nomination_id=None, achievement="", amount=None,
                   register_seq=None, register_year=None)  # fmt: skip
        if link is not None:
            row.update(
                decision_id=decisions[link.decision].id,
                nomination_id=nomination_ids[link.nomination],
                achievement=data.nominations[link.nomination].seed.achievement,
                amount=link.amount,
                register_seq=link.register_seq,
                register_year=None if link.register_seq is None else a.decision_date.year,
            )
        rows.append(row)
    return rows
