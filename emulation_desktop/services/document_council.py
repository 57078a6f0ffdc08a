"""The data of the council's papers: biên bản and phiếu bầu as the council service gives them,
giấy mời and quyết định kiện toàn put together here from the meeting, the composition, the
profile, the registry (Ông/Bà) and the rules in force. Producers only read."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from emulation_desktop.domain import council_documents as t
from emulation_desktop.domain.council import Council
from emulation_desktop.domain.council_minutes import Ballot, Minutes
from emulation_desktop.domain.decision_documents import DocumentHeader, SignatureBlock
from emulation_desktop.domain.decision_text import default_bases, long_date, punctuated
from emulation_desktop.domain.enums import RoundKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.profile import CommuneProfile
from emulation_desktop.domain.text import date_line

NO_PROFILE = (
    "Chưa có thông tin đơn vị: hãy nhập tên xã/phường và họ tên Chủ tịch trong Cài đặt → "
    "Thông tin đơn vị rồi tạo lại văn bản."
)


def _profile(src) -> CommuneProfile:  # type: ignore[no-untyped-def]
    profile = src.profile.get()
    if profile is None:
        raise UserError(NO_PROFILE)
    return profile


def _issuer_lines(p: CommuneProfile) -> tuple[str, str]:
    return ("ỦY BAN NHÂN DÂN", f"{p.kind.label.upper()} {p.name.upper()}")


def _commune(p: CommuneProfile) -> str:
    return f"{p.kind.label.lower()} {p.name}"


def minutes(src, round_id: int) -> Minutes:  # type: ignore[no-untyped-def]
    return src.council.minutes(round_id)


def ballot(src, round_id: int) -> Ballot:  # type: ignore[no-untyped-def]
    return src.council.ballot(round_id)


def invitation(src, round_id: int) -> t.InvitationDocument:  # type: ignore[no-untyped-def]
    """The giấy mời of a round's meeting; the meeting's day and place must be entered."""
    sheet = src.council.sheet(round_id)
    m = sheet.meeting
    if m is None:
        raise UserError(
            f"Hãy nhập ngày họp, địa điểm họp của đợt «{sheet.round.name}» ở thẻ Họp Hội đồng "
            "rồi tạo lại giấy mời."
        )
    p = _profile(src)
    council = sheet.context.council
    issued = t.invitation_day(src.today(), m.held_on)
    groups = Counter(c.award_name for c in sheet.candidates)
    commune = _commune(p)
    return t.InvitationDocument(
        round_id=round_id,
        header=DocumentHeader(
            _issuer_lines(p),
            "",
            issued,
            date_line(p.place_name or p.name, issued),
            "GIẤY MỜI",
            f"Họp {t.COUNCIL} {commune}\n{t.meeting_subject(sheet.round.name)}",
        ),
        host=f"Ủy ban nhân dân {commune}",
        invitees=t.invitees_text(commune, council.decision_text if council else ""),
        purpose=f"Tới dự cuộc họp {t.COUNCIL} {commune} {t.meeting_subject(sheet.round.name)}.",
        time=t.meeting_time(m.held_on, m.starts_at),
        place=m.place,
        content=t.invitation_content(sheet.round.name, list(groups.items())),
        request=t.closed(src.text_blocks.text(t.INVITATION_REQUEST, year=sheet.round.year)),
        signature=SignatureBlock(("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), p.chairman),
        recipients=("- Như trên;", "- Lưu: VT."),
    )


def council_decision(src, council_id: int) -> t.CouncilDecisionDocument:  # type: ignore[no-untyped-def]
    """The quyết định that set up this composition, numbered and dated as its reference says
    ("Quyết định số 12/QĐ-UBND ngày 01/7/2025"), else blank for the văn thư, dated the day the
    composition starts."""
    council: Council = src.council.council(council_id)
    p = _profile(src)
    number, day = t.decision_reference(council.decision_text)
    if not number.endswith("/" + t.DECISION_SYMBOL):
        number = ""  # a reference to another body's paper is not this decision's number
    issued = day or council.valid_from
    rules = src.rules.in_force(issued)
    officer = (
        t.lower_first(p.officer_title)
        if p.officer_title
        else "công chức phụ trách công tác thi đua, khen thưởng"
    )
    bases = (
        *default_bases(issued, rules.code, rules.basis.text, RoundKind.YEAR_END, None),
        f"Xét đề nghị của {officer}",
    )
    commune = _commune(p)
    verb = t.council_verb(council.decision_text, council.note)
    previous = _previous(src, council)
    effective = (
        "kể từ ngày ký"
        if council.valid_from <= issued
        else f"kể từ {long_date(council.valid_from)}"
    )
    tasks = src.text_blocks.text(t.COUNCIL_TASKS, year=issued.year)
    replaces = ""
    if previous is not None and previous.decision_text:
        replaces = f"{previous.decision_text} của Chủ tịch Ủy ban nhân dân {commune}"
    return t.CouncilDecisionDocument(
        council_id=council.id,
        header=DocumentHeader(
            _issuer_lines(p),
            number,
            issued,
            date_line(p.place_name or p.name, issued),
            "QUYẾT ĐỊNH",
            f"Về việc {verb} {t.COUNCIL} {commune}",
        ),
        authority=f"CHỦ TỊCH ỦY BAN NHÂN DÂN {_issuer_lines(p)[1]}",
        bases=punctuated(bases),
        articles=t.council_articles(
            verb=verb,
            commune=commune,
            tasks=tasks,
            effective=effective,
            replaces=replaces,
            officer_title=p.officer_title,
        ),
        members=t.member_lines(
            council.members, [_honorific(src, m.person_id) for m in council.members]
        ),
        signature=SignatureBlock(("CHỦ TỊCH",), p.chairman),
        recipients=t.council_recipients(p.kind.label.lower()),
    )


def _honorific(src, person_id: int | None) -> str:  # type: ignore[no-untyped-def]
    if person_id is None:
        return ""
    found = src.registry.person(person_id)
    return found.gender.honorific if found is not None else ""


def _previous(src, council: Council) -> Council | None:  # type: ignore[no-untyped-def]
    day_before = council.valid_from - dt.timedelta(days=1)
    return next((c for c in src.council.councils() if c.valid_to == day_before), None)
