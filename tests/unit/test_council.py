"""Compositions of the council: what a decision sets up, which one is in force on a day, the
kiện toàn copy, and the history a closed meeting freezes."""

from __future__ import annotations

import datetime as dt
import unicodedata

import openpyxl
import pytest

from emulation_desktop.domain.council import CouncilInput, MemberInput, default_voting
from emulation_desktop.domain.enums import CommuneKind, CouncilRole, SubjectKind
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.profile import CommuneProfile
from tests.award_data import council, voted_round
from tests.unit.test_meeting_data import add_people, fixed_service

C, S, M = CouncilRole.CHAIR, CouncilRole.SECRETARY, CouncilRole.MEMBER
DECISION = "Quyết định số 15/QĐ-UBND ngày 10/7/2025"


def _members(*rows: tuple[str, CouncilRole]) -> tuple[MemberInput, ...]:
    return tuple(MemberInput(name, "", role, default_voting(role)) for name, role in rows)


def _input(day: dt.date | None = dt.date(2025, 7, 10), *members: MemberInput) -> CouncilInput:
    return CouncilInput(
        day,
        DECISION,
        members or _members(("Nguyễn Văn Hùng", C), ("Trần Thị Thu", M), ("Bùi Thị Hạnh", S)),
    )


def test_a_composition_keeps_its_members_in_order_with_names_in_nfc(context) -> None:  # type: ignore[no-untyped-def]
    service = fixed_service(context)
    nfd = unicodedata.normalize("NFD", "Nguyễn  Văn Hùng ")
    cid = service.create(
        _input(dt.date(2025, 7, 10), *_members((nfd, C), ("Trần Thị Thu", M), ("Bùi Thị Hạnh", S)))
    )
    c = service.council(cid)
    assert [m.name for m in c.members] == ["Nguyễn Văn Hùng", "Trần Thị Thu", "Bùi Thị Hạnh"]
    assert unicodedata.is_normalized("NFC", c.members[0].name)
    assert [m.voting for m in c.members] == [True, True, False]  # the Thư ký does not vote
    assert c.counts == "3 thành viên, 2 có quyền biểu quyết"
    assert c.members[2].role_text == "Thư ký (không biểu quyết)"


@pytest.mark.parametrize(
    ("members", "message"),
    [
        (_members(("Trần Thị Thu", M)), "cần một Chủ tịch Hội đồng"),
        (_members(("Nguyễn Văn Hùng", C), ("Trần Thị Thu", C)), "chỉ có một Chủ tịch"),
        ((MemberInput("Nguyễn Văn Hùng", "", C, False),), "phải có quyền biểu quyết"),
        (_members(("Nguyễn Văn Hùng", C), ("", M)), "dòng 2: chưa có họ và tên"),
        (_members(("Nguyễn Văn Hùng", C), ("nguyễn văn hùng", M)), "có tên hai lần"),
        ((), "chưa có thành viên nào"),
    ],
)
def test_a_composition_needs_exactly_one_voting_chair(context, members, message) -> None:  # type: ignore[no-untyped-def]
    service = fixed_service(context)
    with pytest.raises(ValidationError) as exc:
        service.create(CouncilInput(dt.date(2025, 7, 10), DECISION, members))
    assert message in exc.value.field_errors["members"]
    assert service.councils() == []


def test_the_date_and_the_decision_are_required_and_a_date_is_taken_once(context) -> None:  # type: ignore[no-untyped-def]
    service = fixed_service(context)
    with pytest.raises(ValidationError) as exc:
        service.create(CouncilInput(None, " ", _input().members))
    assert set(exc.value.field_errors) == {"valid_from", "decision_text"}
    service.create(_input())
    with pytest.raises(
        ValidationError, match="Đã có thành phần Hội đồng có hiệu lực từ 10/07/2025"
    ):
        service.create(_input())


def test_the_composition_in_force_on_a_day(context) -> None:  # type: ignore[no-untyped-def]
    service = fixed_service(context)
    first = service.create(_input(dt.date(2025, 7, 10)))
    second = service.create(_input(dt.date(2026, 3, 1)))
    assert service.council_on(dt.date(2025, 7, 9)) is None
    assert service.council_on(dt.date(2026, 2, 28)).id == first  # type: ignore[union-attr]
    assert service.council_on(dt.date(2026, 3, 1)).id == second  # type: ignore[union-attr]
    listed = service.councils()
    assert [c.id for c in listed] == [second, first]  # newest first
    assert listed[1].period == "từ 10/07/2025 đến 28/02/2026"
    assert listed[0].period == "từ 01/03/2026"


def test_kien_toan_copies_the_members_into_a_new_composition(context) -> None:  # type: ignore[no-untyped-def]
    service = fixed_service(context)
    old = service.council(council(context.database)[0])
    draft = old.renewal()
    assert draft.valid_from is None and draft.decision_text == ""
    assert all(m.id is None for m in draft.members)
    new_members = (*draft.members[:-1], MemberInput("Lý Thị Mơ", "Công chức VH-XH", S, False))
    new = service.create(
        CouncilInput(dt.date(2026, 3, 1), "Quyết định số 30/QĐ-UBND ngày 01/3/2026", new_members)
    )
    renewed = service.council(new)
    assert [m.name for m in renewed.members][:7] == [m.name for m in old.members][:7]
    assert renewed.members[-1].name == "Lý Thị Mơ"
    assert service.council(old.id).members == old.members  # the old one is untouched


def test_members_are_edited_in_place_while_no_meeting_closed(context) -> None:  # type: ignore[no-untyped-def]
    service = fixed_service(context)
    cid = service.create(_input())
    c = service.council(cid)
    chair, _member, secretary = (m.as_input() for m in c.members)
    service.update(
        cid,
        CouncilInput(
            c.valid_from, c.decision_text, (chair, secretary, MemberInput("Lê Văn Nam", "", M))
        ),
    )
    after = service.council(cid)
    assert [m.name for m in after.members] == ["Nguyễn Văn Hùng", "Bùi Thị Hạnh", "Lê Văn Nam"]
    assert after.members[0].id == c.members[0].id  # kept, not replaced


def test_a_composition_a_closed_meeting_used_is_history(context) -> None:  # type: ignore[no-untyped-def]
    service = fixed_service(context)
    people = add_people(context.database, 1)
    voted_round(
        context.database, 2026, [(SubjectKind.PERSON, people[0], "LDTT")], dt.date(2026, 12, 15)
    )
    c = service.council_on(dt.date(2026, 12, 15))
    assert c is not None and c.locked and c.meetings == 1
    with pytest.raises(UserError, match="Kiện toàn"):
        service.update(c.id, c.as_input())
    with pytest.raises(UserError, match="không xóa được"):
        service.delete(c.id)
    # A new composition may not reach back over the closed meeting's day.
    with pytest.raises(ValidationError, match="đã kết thúc"):
        service.create(_input(dt.date(2026, 12, 1)))
    service.create(_input(dt.date(2026, 12, 16)))


def test_an_unused_composition_can_be_deleted(context) -> None:  # type: ignore[no-untyped-def]
    service = fixed_service(context)
    cid = service.create(_input())
    service.delete(cid)
    assert service.councils() == []


def test_a_member_can_come_from_the_registry(context) -> None:  # type: ignore[no-untyped-def]
    service = fixed_service(context)
    pid = add_people(context.database, 1)[0]
    m = service.member_from_person(pid)
    assert (m.name, m.title, m.person_id, m.voting) == ("Nguyễn Văn An 1", "Giáo viên", pid, True)
    cid = service.create(_input(dt.date(2025, 7, 10), MemberInput("Nguyễn Văn Hùng", "", C), m))
    assert service.council(cid).members[1].person_id == pid


def test_a_first_composition_starts_from_the_commune_profile(context) -> None:  # type: ignore[no-untyped-def]
    service = fixed_service(context)
    assert service.draft_new().members == ()
    context.services.profile.save(
        CommuneProfile(
            CommuneKind.XA,
            "Cát Thành",
            "Ninh Bình",
            "Cát Thành",
            "Nguyễn Văn Hùng",
            officer="Bùi Thị Hạnh",
            officer_title="Công chức VH-XH",
        )
    )
    draft = service.draft_new()
    assert [(m.name, m.role, m.voting) for m in draft.members] == [
        ("Nguyễn Văn Hùng", C, True),
        ("Bùi Thị Hạnh", S, False),
    ]
    assert draft.members[0].title == "Chủ tịch UBND xã Cát Thành"


def test_the_members_list_exports_to_excel(context, tmp_path) -> None:  # type: ignore[no-untyped-def]
    service = fixed_service(context)
    cid, _ids = council(context.database)
    path = tmp_path / "hoi-dong.xlsx"
    assert service.export_members(cid, path) == 8
    sheet = openpyxl.load_workbook(path).active
    values = [[c for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]
    assert values[0] == ["THÀNH PHẦN HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG"]
    assert any("Quyết định số 15/QĐ-UBND" in str(v) for row in values for v in row)
    assert [1, "Nguyễn Văn Hùng", "Chủ tịch UBND xã", "Chủ tịch Hội đồng", "Có"] in values
    assert values[-1][-1] == "Không"  # the Thư ký
