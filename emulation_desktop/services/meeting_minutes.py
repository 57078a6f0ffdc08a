"""The data of the ballot paper and of the minutes, built from a meeting sheet and its results
(the document generators of the documents issue print them; they never read tables)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from emulation_desktop.domain.council_meeting import MeetingSheet, meeting_awards, meeting_quorum
from emulation_desktop.domain.council_minutes import (
    BALLOT_CHOICES,
    BALLOT_INSTRUCTION,
    BALLOT_TITLE,
    Ballot,
    BallotCandidate,
    BallotGroup,
    Minutes,
    MinutesAward,
    MinutesLine,
    MinutesMember,
)
from emulation_desktop.domain.council_votes import TallyResult
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.profile import CommuneProfile
from emulation_desktop.services.profile import PROFILE_ID, profile_from_row
from emulation_desktop.store.models import CommuneProfileRow


def _profile(s: Session) -> CommuneProfile | None:
    row = s.get(CommuneProfileRow, PROFILE_ID)
    return profile_from_row(row) if row else None


def _council_name(profile: CommuneProfile | None) -> str:
    where = f" {profile.kind.label.lower()} {profile.name}" if profile else " xã"
    return f"Hội đồng Thi đua – Khen thưởng{where}"


def build_ballot(s: Session, sheet: MeetingSheet) -> Ballot:
    """The secret-ballot paper: the round's candidates grouped by award in list order."""
    if not sheet.candidates:
        raise UserError(f"Đợt xét «{sheet.round.name}» chưa có đề nghị nào để in phiếu bầu.")
    profile = _profile(s)
    groups: dict[str, list[BallotCandidate]] = {}
    names: dict[str, str] = {}
    for c in sheet.candidates:
        groups.setdefault(c.award_code, [])
        names[c.award_code] = c.award_name
    number = 0
    for code in groups:  # numbered down the paper, award after award
        for c in (c for c in sheet.candidates if c.award_code == code):
            number += 1
            groups[code].append(BallotCandidate(number, c.name, c.place))
    council = sheet.context.council
    copies = meeting_quorum(sheet.context, sheet.attendance).present if sheet.meeting else 0
    copies = copies or (len(council.voting) if council else 0)
    m = sheet.meeting
    return Ballot(
        profile.display_name if profile else "",
        profile.issuer if profile else "",
        _council_name(profile),
        sheet.round.name,
        sheet.round.year,
        m.held_on if m else None,
        m.place if m else "",
        BALLOT_TITLE,
        BALLOT_INSTRUCTION,
        BALLOT_CHOICES,
        tuple(BallotGroup(code, names[code], tuple(items)) for code, items in groups.items()),
        copies,
    )


def build_minutes(
    s: Session,
    sheet: MeetingSheet,
    result: TallyResult,
    *,
    final: bool,
    closed_at: dt.datetime | None = None,
) -> Minutes:
    """The biên bản data: who met, the rule of each award and every line's result."""
    m, council = sheet.meeting, sheet.context.council
    if m is None or council is None:
        raise UserError("Chưa mở cuộc họp xét cho đợt này nên chưa có biên bản.")
    profile = _profile(s)
    here = {a.member_id: a for a in sheet.attendance}
    members = tuple(
        MinutesMember(
            x.name,
            x.title,
            x.role.label,
            x.voting,
            here[x.id].present if x.id in here else False,
            here[x.id].note if x.id in here else "",
        )
        for x in council.members
    )
    q = meeting_quorum(sheet.context, sheet.attendance)
    awards = meeting_awards(sheet.context, sheet.attendance)
    lines = []
    for c in sheet.candidates:
        o = result.outcomes.get(c.nomination_id)
        if o is None or o.votes is None:
            continue
        a = awards[c.award_code]
        lines.append(
            MinutesLine(
                c.number,
                c.nomination_id,
                c.name,
                c.place,
                c.gender,
                c.award_code,
                c.award_name,
                o.votes,
                a.percent(o.votes),
                o.computed,
                bool(o.passed),
                c.reason,
                o.tied,
                o.note,
            )
        )
    award_lines = tuple(
        MinutesAward(
            a.code,
            a.name,
            a.text,
            a.basis,
            a.needed,
            a.base,
            sum(1 for x in lines if x.award_code == a.code),
            sum(1 for x in lines if x.award_code == a.code and x.passed),
        )
        for a in awards.values()
        if any(c.award_code == a.code for c in sheet.candidates)
    )
    chair, secretary = council.member(m.chair_id), council.member(m.secretary_id)
    return Minutes(
        final=final,
        round_id=sheet.round.id,
        round_name=sheet.round.name,
        year=sheet.round.year,
        commune=profile.display_name if profile else "",
        issuer=profile.issuer if profile else "",
        place_name=profile.place_name if profile else "",
        council_decision=council.decision_text,
        held_on=m.held_on,
        place=m.place,
        chair=chair.name if chair else "",
        chair_title=chair.title if chair else "",
        secretary=secretary.name if secretary else "",
        secretary_title=secretary.title if secretary else "",
        members=members,
        voting_members=q.members,
        present=q.present,
        quorum_needed=q.needed,
        quorum_text=q.text,
        ballots_issued=m.ballots_issued,
        ballots_valid=m.ballots_valid,
        secret_ballot=any(a.secret_ballot for a in awards.values()),
        rules_name=sheet.context.rules_name,
        awards=award_lines,
        lines=tuple(lines),
        caps=tuple(c.text for c in result.caps),
        closed_at=closed_at,
        starts_at=m.starts_at.strftime("%H:%M") if m.starts_at else "",
    )
