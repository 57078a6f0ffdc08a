"""The demo's award workflow: every award of the demo came from a round, a council vote and a
decision (or a proposal answered by a higher level), with money and số sổ that add up; 2026
decides Gia đình văn hóa before 25/11 and leaves its year-end list in draft."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from emulation_desktop.domain.demo_awards import DemoAwards, generate_demo_awards
from emulation_desktop.domain.demo_cycle import generate_demo_cycle
from emulation_desktop.domain.demo_data import generate_demo_commune
from emulation_desktop.domain.demo_history import generate_demo_history
from emulation_desktop.domain.doc_numbers import register_number
from emulation_desktop.domain.enums import (
    DecisionKind,
    DocType,
    Grade,
    NominationSource,
    NominationStatus,
    ProposalStatus,
    RegistrationStatus,
    RoundKind,
    RoundStatus,
)
from emulation_desktop.domain.money import amount_for
from emulation_desktop.domain.rules.files import rule_set_in_force
from emulation_desktop.domain.rules.shipped import load_shipped
from emulation_desktop.domain.tally import threshold
from emulation_desktop.paths import DATA_DIR_ENV
from emulation_desktop.store.award_models import (
    AttendanceRow,
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
from emulation_desktop.store.cycle_models import RegistrationRow
from emulation_desktop.store.models import AwardRow, PersonRow
from tests.nfc_check import strings_in

TODAY = dt.date(2026, 11, 24)
COMMUNE = "Chủ tịch UBND xã Cát Thành"


def _generate(seed: int) -> DemoAwards:
    demo = generate_demo_commune(seed)
    cycle = generate_demo_cycle(demo)
    return generate_demo_awards(demo, cycle, generate_demo_history(demo, seed, cycle), seed)


@pytest.fixture(scope="module")
def awards() -> DemoAwards:
    return _generate(2026)


@pytest.fixture(scope="module")
def ctx(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The demo loaded once for the database checks of this module."""
    from emulation_desktop.app import open_context

    base: Path = tmp_path_factory.mktemp("demo-awards")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(DATA_DIR_ENV, str(base / "user-data"))
        with open_context(base / "xa.db") as context:
            context.services.demo.load()
            yield context


def _texts(value: object) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _texts(v)]
    if isinstance(value, list):
        return [s for v in value for s in _texts(v)]
    return [value] if isinstance(value, str) else []


# --- The generator ---------------------------------------------------------------------------


def test_same_seed_same_workflow_and_any_seed_links_every_award(awards: DemoAwards) -> None:
    assert _generate(2026) == awards
    other = _generate(7)
    for data in (awards, other):
        assert all(link is not None for link in data.links)
        assert len(data.links) == len(data.awards)


def test_every_text_is_nfc(awards: DemoAwards) -> None:
    texts = strings_in(awards)
    texts += [s for r in awards.rounds if r.meeting for s in _texts(r.meeting.minutes)]
    assert texts
    assert all(unicodedata.is_normalized("NFC", s) for s in texts)


def test_achievements_are_varied_and_quote_real_figures(awards: DemoAwards) -> None:
    by_code: dict[str, set[str]] = {}
    for n in awards.nominations:
        assert n.seed.achievement.endswith(".")
        by_code.setdefault(n.seed.code, set()).add(n.seed.achievement)
    assert len(by_code["LDTT"]) > 100 and len(by_code["GDVH"]) > 20
    assert any("/" in t and "“Lao động tiên tiến”" in t for t in by_code["TTLDTT"])
    assert any("sáng kiến “" in t for t in by_code["CSTDCS"])


def test_the_2026_draft_comes_from_approved_registrations_with_good_grades(
    awards: DemoAwards,
) -> None:
    demo = generate_demo_commune(2026)
    history = generate_demo_history(demo, 2026)
    draft = [r for r in awards.rounds if r.status is RoundStatus.DRAFT]
    assert [(r.year, r.kind) for r in draft] == [(2026, RoundKind.YEAR_END)]
    index = awards.rounds.index(draft[0])
    lines = [n for n in awards.nominations if n.round == index]
    assert 30 <= len(lines) <= 50
    grades = {(e.year, e.person_index, e.unit_key): e.grade for e in history.evaluations}
    for n in lines:
        assert n.status is NominationStatus.PROPOSED and n.seed.award is None
        assert n.seed.source is NominationSource.REGISTRATION
        assert n.seed.registration is not None
        reg = history.registrations[n.seed.registration]
        assert reg.status is RegistrationStatus.APPROVED
        assert (reg.year, reg.award_code, reg.who) == (2026, n.seed.code, n.seed.who)
        grade = grades[(2026, n.seed.who.person_index, n.seed.who.unit_key)]
        assert grade.rank >= Grade.GOOD.rank
    assert {n.seed.code for n in lines} == {"LDTT", "CSTDCS", "TTLDTT"}


# --- In the database -------------------------------------------------------------------------


def test_every_award_of_a_commune_decision_has_its_line_money_and_register_number(ctx) -> None:  # type: ignore[no-untyped-def]
    shipped = load_shipped()
    with ctx.database.session_scope() as s:
        rows = s.execute(select(AwardRow, DecisionRow).join(
            DecisionRow, AwardRow.decision_id == DecisionRow.id)).all()  # fmt: skip
        unlinked = s.scalars(select(AwardRow).where(AwardRow.decision_id.is_(None))).all()
        assert unlinked == []  # every award of the demo has its decision
        seqs: dict[int, list[int]] = {}
        for award, decision in rows:
            assert award.nomination_id is not None and award.achievement
            assert (award.decision_number, award.decision_date) == (
                decision.number, decision.issued_on)  # fmt: skip
            nomination = s.get(NominationRow, award.nomination_id)
            assert nomination is not None and nomination.decision_id == decision.id
            assert nomination.achievement == award.achievement
            if decision.kind is DecisionKind.HIGHER:
                assert award.register_seq is None and award.amount is None
                assert nomination.status is NominationStatus.AWARDED
                continue
            assert decision.kind is DecisionKind.AWARD and decision.issuer == COMMUNE
            assert nomination.status is NominationStatus.DECIDED
            rules = rule_set_in_force(shipped.rule_sets, decision.issued_on)
            expected = amount_for(
                rules.award(award.award_code),
                decision.issued_on,
                rounding=rules.rounding,
                history=shipped.base_salaries,
            )
            assert award.amount == expected
            assert award.register_year == decision.issued_on.year
            assert award.register_seq is not None
            assert award.register_number == register_number(award.register_seq, award.register_year)
            seqs.setdefault(award.register_year, []).append(award.register_seq)
    assert set(seqs) == {2024, 2025, 2026}
    for numbers in seqs.values():
        assert sorted(numbers) == list(range(1, len(numbers) + 1))  # from 1, no gap, no twice
    # 2026: the sudden Giấy khen (the collective ×2 at the base salary of 07/2026) comes first.
    with ctx.database.session_scope() as s:
        first = s.scalars(select(AwardRow).where(AwardRow.register_year == 2026,
                                                 AwardRow.register_seq == 1)).one()  # fmt: skip
        assert (first.award_code, first.amount, first.register_number) == (
            "GIAY_KHEN_TAP_THE", 1_520_000, "1/2026")  # fmt: skip


def test_the_money_service_reads_the_same_amounts(ctx) -> None:  # type: ignore[no-untyped-def]
    for year in (2024, 2025, 2026):
        fund = ctx.services.money.fund_year(year)
        with ctx.database.session_scope() as s:
            paid = s.scalars(select(AwardRow.amount).join(DecisionRow, AwardRow.decision_id
                             == DecisionRow.id).where(DecisionRow.kind == DecisionKind.AWARD,
                             AwardRow.register_year == year)).all()  # fmt: skip
        assert fund.total == sum(a or 0 for a in paid) > 0


def test_rounds_steps_and_meetings_are_consistent(ctx) -> None:  # type: ignore[no-untyped-def]
    shipped = load_shipped()
    with ctx.database.session_scope() as s:
        rounds = s.scalars(select(NominationRoundRow).order_by(NominationRoundRow.id)).all()
        status = Counter((r.year, r.status) for r in rounds)
        assert status[(2026, RoundStatus.DRAFT)] == 1
        assert {st for (y, st) in status if y < 2026} == {RoundStatus.AWARDED}
        kinds = {(r.year, r.kind) for r in rounds}
        for year in (2024, 2025):
            for kind in (RoundKind.FAMILY, RoundKind.VILLAGE, RoundKind.YEAR_END,
                         RoundKind.MOVEMENT):  # fmt: skip
                assert (year, kind) in kinds
        assert (2026, RoundKind.SUDDEN) in kinds
        failed = 0
        for r in rounds:
            items = s.scalars(select(NominationRow).where(NominationRow.round_id == r.id)
                              .order_by(NominationRow.position)).all()  # fmt: skip
            assert items and [n.position for n in items] == list(range(1, len(items) + 1))
            meeting = s.scalars(select(MeetingRow).where(MeetingRow.round_id == r.id)).first()
            if r.status is RoundStatus.DRAFT:
                assert meeting is None
                assert all(n.status is NominationStatus.PROPOSED for n in items)
                continue
            assert meeting is not None and meeting.closed_at is not None
            assert r.received_on is not None and r.received_on < meeting.held_on
            members = s.scalars(select(CouncilMemberRow).where(
                CouncilMemberRow.council_id == meeting.council_id)).all()  # fmt: skip
            council = s.get(CouncilRow, meeting.council_id)
            assert council is not None and council.valid_from <= meeting.held_on
            attendance = s.scalars(select(AttendanceRow).where(
                AttendanceRow.meeting_id == meeting.id)).all()  # fmt: skip
            absent = [a for a in attendance if not a.present]
            assert len(attendance) == len(members) and len(absent) == 1
            assert absent[0].note.startswith("Vắng có lý do")
            voting = sum(m.voting for m in members)
            present = voting - 1
            assert meeting.ballots_issued == present
            assert meeting.ballots_valid is not None and meeting.ballots_valid <= present
            rules = rule_set_in_force(shipped.rule_sets, meeting.held_on)
            tallies = {t.nomination_id: t for t in s.scalars(
                select(TallyRow).where(TallyRow.meeting_id == meeting.id))}  # fmt: skip
            assert set(tallies) == {n.id for n in items}
            for n in items:
                t = tallies[n.id]
                rule = rules.vote_rule(n.award_code)
                assert rule is not None
                needed = threshold(rule, voting, present).needed
                assert t.votes_for <= meeting.ballots_valid
                assert t.passed == t.computed == (t.votes_for >= needed)
                assert t.passed == (n.status is not NominationStatus.FAILED)
                failed += not t.passed
            lines = meeting.minutes["lines"]
            assert [x["nomination_id"] for x in lines] == [n.id for n in items]
            assert meeting.minutes["round_id"] == r.id
            decisions = s.scalars(select(DecisionRow).where(DecisionRow.round_id == r.id)).all()
            assert decisions and all(d.issued_on > meeting.held_on for d in decisions)
            if r.needs_notice:
                assert r.notice_start is not None and r.notice_document.startswith("Thông báo số")
                ends = r.notice_start + dt.timedelta(days=r.notice_days)
                assert all(d.issued_on >= ends for d in decisions)
        assert failed == 1


def _round_of(year: int, kind: RoundKind):  # type: ignore[no-untyped-def]
    return select(NominationRoundRow).where(
        NominationRoundRow.year == year, NominationRoundRow.kind == kind
    )


def test_2026_decides_gia_dinh_van_hoa_before_the_deadline(ctx) -> None:  # type: ignore[no-untyped-def]
    with ctx.database.session_scope() as s:
        family = s.scalars(_round_of(2026, RoundKind.FAMILY)).one()
        assert family.status is RoundStatus.DECIDED
        decision = s.scalars(select(DecisionRow).where(DecisionRow.round_id == family.id)).one()
        assert decision.issued_on < dt.date(2026, 11, 25) and decision.issued_on <= TODAY
        awarded = s.scalars(select(AwardRow).where(AwardRow.decision_id == decision.id)).all()
        assert len(awarded) > 100 and all(a.award_code == "GDVH" for a in awarded)
        year_end = s.scalars(_round_of(2026, RoundKind.YEAR_END)).one()
        assert s.scalars(select(DecisionRow).where(DecisionRow.round_id == year_end.id)).all() == []
        regs = s.scalars(select(NominationRow.registration_id).where(
            NominationRow.round_id == year_end.id)).all()  # fmt: skip
        statuses = s.scalars(select(RegistrationRow.status).where(RegistrationRow.id.in_(regs)))
        assert set(statuses) == {RegistrationStatus.APPROVED}


def test_decisions_proposals_and_the_document_book(ctx) -> None:  # type: ignore[no-untyped-def]
    profile = ctx.services.profile.get()
    with ctx.database.session_scope() as s:
        book = s.scalars(select(DocRegisterRow)).all()
        keys = Counter((d.year, d.series, d.number) for d in book)
        assert max(keys.values()) == 1
        assert {d.series for d in book} == {DocType.DECISION, DocType.NOTICE, DocType.SUBMISSION}
        for year in (2024, 2025, 2026):  # a later number never carries an earlier date
            qd = sorted((d.number, d.issued_on) for d in book
                        if (d.year, d.series) == (year, DocType.DECISION))  # fmt: skip
            assert [day for _n, day in qd] == sorted(day for _n, day in qd)
        for d in s.scalars(select(DecisionRow)):
            if d.kind is DecisionKind.AWARD:
                entry = s.get(DocRegisterRow, d.register_id)
                assert entry is not None and f"{entry.number:02d}/{entry.symbol}" == d.number
                assert entry.issued_on == d.issued_on and entry.summary == d.summary
                assert d.signer_name in (profile.chairman, *profile.vice_chairmen)
                assert d.bases and d.bases[-1].startswith("Xét đề nghị của Hội đồng")
            else:
                assert d.kind is DecisionKind.HIGHER and d.register_id is None
                assert d.issuer != COMMUNE
        proposals = s.scalars(select(ProposalRow)).all()
        assert {p.recipient for p in proposals} == {
            "Chủ tịch UBND huyện Trực Ninh", "Chủ tịch UBND tỉnh Ninh Bình"}  # fmt: skip
        for p in proposals:
            assert p.status is ProposalStatus.ANSWERED and p.register_id is not None
            items = s.scalars(select(NominationRow).where(NominationRow.proposal_id == p.id)).all()
            assert items and all(n.status is NominationStatus.AWARDED for n in items)
            higher = {s.get(DecisionRow, n.decision_id).issuer for n in items}  # type: ignore[union-attr]
            assert higher == {p.recipient}


def test_the_council_is_the_communes_leaders(ctx) -> None:  # type: ignore[no-untyped-def]
    profile = ctx.services.profile.get()
    with ctx.database.session_scope() as s:
        councils = s.scalars(select(CouncilRow).order_by(CouncilRow.valid_from)).all()
        assert [c.valid_from.year for c in councils] == [2024, 2025]
        assert councils[1].valid_from == dt.date(2025, 7, 1)
        for c in councils:
            members = s.scalars(
                select(CouncilMemberRow)
                .where(CouncilMemberRow.council_id == c.id)
                .order_by(CouncilMemberRow.position)
            ).all()
            assert members[0].name == profile.chairman
            assert members[-1].name == profile.officer and not members[-1].voting
            for m in members:
                person = s.get(PersonRow, m.person_id)
                assert person is not None and person.full_name == m.name


def test_the_minutes_read_back_when_the_council_module_is_there(ctx) -> None:  # type: ignore[no-untyped-def]
    minutes = pytest.importorskip("emulation_desktop.domain.council_minutes")
    with ctx.database.session_scope() as s:
        for m in s.scalars(select(MeetingRow)):
            read = minutes.Minutes.from_json(m.minutes)
            assert read.final and read.lines and read.held_on == m.held_on
