"""The complaints and inspections register: deadlines, closing, overdue cases, paused subjects."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from sqlalchemy import func, select

from emulation_desktop.domain.complaints import (
    ComplaintInput,
    ComplaintStatus,
    default_deadline,
)
from emulation_desktop.domain.enums import (
    ComplaintKind,
    Gender,
    PersonKind,
    SubjectKind,
    UnitKind,
)
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.registry import HouseholdInput, PersonInput, UnitInput
from emulation_desktop.store.cycle_models import ComplaintRow
from emulation_desktop.store.models import AuditEntryRow

TODAY = dt.date(2026, 11, 24)
P, U, H = SubjectKind.PERSON, SubjectKind.UNIT, SubjectKind.HOUSEHOLD


@pytest.fixture
def service(context):  # type: ignore[no-untyped-def]
    s = context.services.complaints
    s._today = lambda: TODAY
    return s


@pytest.fixture
def subjects(context) -> dict[str, tuple[SubjectKind, int]]:  # type: ignore[no-untyped-def]
    reg = context.services.registry
    reg._today = lambda: TODAY
    unit = reg.create_unit(UnitInput("Tổ dân phố số 3", UnitKind.RESIDENTIAL))
    an = reg.create_person(PersonInput("Nguyễn Văn An", Gender.MALE, PersonKind.NHAN_DAN, unit))
    hoa = reg.create_person(PersonInput("Lê Thị Hoa", Gender.FEMALE, PersonKind.NHAN_DAN, unit))
    home = reg.create_household(HouseholdInput(hoa, "Số 5, Xóm 3", unit))
    return {"an": (P, an), "hoa": (P, hoa), "tdp3": (U, unit), "home": (H, home)}


def _input(**kw) -> ComplaintInput:  # type: ignore[no-untyped-def]
    kw.setdefault("kind", ComplaintKind.COMPLAINT)
    kw.setdefault("received_on", dt.date(2026, 10, 2))
    kw.setdefault("sender", "Ông Trần Văn Bảy")
    kw.setdefault("content", "Khiếu nại kết quả bình xét Gia đình văn hóa năm 2026.")
    return ComplaintInput(**kw)


def test_default_deadlines_follow_the_kind() -> None:
    day = dt.date(2026, 1, 31)
    assert default_deadline(ComplaintKind.COMPLAINT, day) == dt.date(2026, 3, 2)
    assert default_deadline(ComplaintKind.DENUNCIATION, day) == dt.date(2026, 3, 2)
    assert default_deadline(ComplaintKind.PETITION, day) == dt.date(2026, 2, 15)
    assert default_deadline(ComplaintKind.INSPECTION, day) is None  # set by the inspection plan
    assert default_deadline(ComplaintKind.SUPERVISION, day) is None
    assert default_deadline(ComplaintKind.COMPLAINT, None) is None


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"received_on": None}, "received_on", "Hãy nhập ngày nhận"),
        ({"received_on": dt.date(2026, 11, 25)}, "received_on", "tương lai"),
        ({"sender": "  "}, "sender", "người gửi đơn"),
        ({"sender": "", "kind": ComplaintKind.INSPECTION}, "sender", "cơ quan kiểm tra"),
        ({"content": "\n \n"}, "content", "nội dung"),
        ({"deadline": dt.date(2026, 10, 1)}, "deadline", "trước ngày nhận 02/10/2026"),
        ({"closed_on": dt.date(2026, 10, 1), "result": "Đã trả lời"}, "closed_on", "trước ngày"),
        ({"closed_on": dt.date(2026, 11, 30), "result": "Đã trả lời"}, "closed_on", "tương lai"),
        ({"closed_on": dt.date(2026, 10, 20)}, "result", "kết quả giải quyết trước khi kết thúc"),
        ({"closed_on": dt.date(2026, 10, 20), "result": "   "}, "result", "kết quả"),
        ({"document": "x" * 501}, "document", "500"),
    ],
)
def test_bad_input_is_refused_at_its_field_and_nothing_is_written(  # type: ignore[no-untyped-def]
    service, context, changes, field, words
) -> None:
    with pytest.raises(ValidationError) as err:
        service.create(_input(**changes))
    assert words in err.value.field_errors[field]
    with context.database.session_scope() as s:
        assert s.scalar(select(func.count()).select_from(ComplaintRow)) == 0


def test_a_subject_that_no_longer_exists_is_refused(service) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as err:
        service.create(_input(subject=(P, 999)))
    assert "không còn trong danh sách" in err.value.field_errors["subject"]


def test_a_case_names_a_person_unit_or_household_and_reads_back(service, subjects) -> None:  # type: ignore[no-untyped-def]
    ids = {k: service.create(_input(subject=v)) for k, v in subjects.items()}
    got = {k: service.get(i).subject for k, i in ids.items()}
    assert got["an"].name == "Nguyễn Văn An" and got["an"].place == "Tổ dân phố số 3"
    assert got["tdp3"].kind is U and got["tdp3"].name == "Tổ dân phố số 3"
    assert got["home"].name == "Hộ bà Lê Thị Hoa"
    service.update(ids["an"], _input(subject=None, content="  Dòng 1 \n Dòng 2 "))
    item = service.get(ids["an"])
    assert item.subject is None and item.content == "Dòng 1\nDòng 2"


def test_open_cases_pause_their_subjects_until_closed(service, subjects) -> None:  # type: ignore[no-untyped-def]
    an = service.create(_input(subject=subjects["an"]))
    service.create(_input(subject=subjects["home"], kind=ComplaintKind.DENUNCIATION))
    service.create(_input(subject=None, kind=ComplaintKind.INSPECTION, sender="Sở Nội vụ"))
    paused = service.paused_subjects()
    assert set(paused) == {subjects["an"], subjects["home"]}
    assert paused[subjects["home"]].name == "Hộ bà Lê Thị Hoa"
    found = service.open_for([subjects["an"], subjects["hoa"], subjects["tdp3"]])
    assert list(found) == [subjects["an"]] and found[subjects["an"]][0].id == an
    assert found[subjects["an"]][0].pauses
    service.update(
        an, _input(subject=subjects["an"], result="Giữ nguyên kết quả bình xét.",
                   closed_on=dt.date(2026, 10, 30))
    )  # fmt: skip
    assert set(service.paused_subjects()) == {subjects["home"]}
    assert service.open_for([subjects["an"]]) == {}
    assert not service.get(an).pauses


def test_overdue_cases_count_their_days_late(service) -> None:  # type: ignore[no-untyped-def]
    late = service.create(_input(deadline=dt.date(2026, 11, 1)))
    on_time = service.create(_input(deadline=dt.date(2026, 12, 1)))
    no_deadline = service.create(_input(kind=ComplaintKind.INSPECTION, sender="Sở Nội vụ"))
    closed_late = service.create(
        _input(deadline=dt.date(2026, 11, 1), result="Đã trả lời", closed_on=dt.date(2026, 11, 20))
    )
    items = {i.id: i for i in service.list(2026)}
    assert items[late].overdue_days(TODAY) == 23
    assert items[late].status_text(TODAY) == "Quá hạn 23 ngày"
    assert items[on_time].status_text(TODAY) == "Đang giải quyết"
    assert items[no_deadline].overdue_days(TODAY) == 0
    assert items[closed_late].status_text(TODAY) == "Đã kết thúc 20/11/2026"
    ids = lambda status: {i.id for i in service.list(2026, status)}  # noqa: E731
    assert ids(ComplaintStatus.OVERDUE) == {late}
    assert ids(ComplaintStatus.OPEN) == {late, on_time, no_deadline}
    assert ids(ComplaintStatus.CLOSED) == {closed_late}
    assert ids(ComplaintStatus.ALL) == {late, on_time, no_deadline, closed_late}


def test_a_year_lists_its_cases_and_those_still_open_from_before(service) -> None:  # type: ignore[no-untyped-def]
    old_open = service.create(_input(received_on=dt.date(2025, 12, 20)))
    service.create(
        _input(received_on=dt.date(2025, 3, 1), result="Xong", closed_on=dt.date(2025, 3, 20))
    )
    this_year = service.create(_input(received_on=dt.date(2026, 2, 1)))
    assert [i.id for i in service.list(2026)] == [this_year, old_open]  # newest first
    assert len(service.list(2025)) == 2
    assert service.list(2024) == []


def test_search_and_kind_filter(service, subjects) -> None:  # type: ignore[no-untyped-def]
    a = service.create(_input(subject=subjects["an"]))
    b = service.create(_input(kind=ComplaintKind.PETITION, sender="Chi hội Cựu chiến binh",
                              content="Kiến nghị khen thưởng đột xuất"))  # fmt: skip
    assert [i.id for i in service.list(2026, text="nguyen van an")] == [a]
    assert [i.id for i in service.list(2026, text="cuu chien binh")] == [b]
    assert [i.id for i in service.list(2026, kind=ComplaintKind.PETITION)] == [b]


def test_reopening_and_deleting_are_audited(service, context) -> None:  # type: ignore[no-untyped-def]
    cid = service.create(_input())
    service.update(cid, _input(result="Đã trả lời", closed_on=dt.date(2026, 10, 5)))
    service.update(cid, _input())
    service.delete(cid)
    with context.database.session_scope() as s:
        actions = list(
            s.scalars(
                select(AuditEntryRow.action)
                .where(AuditEntryRow.entity == "complaint")
                .order_by(AuditEntryRow.id)
            )
        )
    assert actions == ["create", "close", "reopen", "delete"]
    with pytest.raises(UserError, match="không còn"):
        service.delete(cid)


def test_export_writes_the_register_as_shown(service, subjects, tmp_path) -> None:  # type: ignore[no-untyped-def]
    service.create(_input(subject=subjects["an"], deadline=dt.date(2026, 11, 1)))
    service.create(_input(result="Xong", closed_on=dt.date(2026, 10, 3)))
    path = tmp_path / "don.xlsx"
    assert service.export(path, 2026, ComplaintStatus.OVERDUE) == 1
    values = [
        c
        for row in openpyxl.load_workbook(path).active.iter_rows(values_only=True)
        for c in row
        if c is not None
    ]
    assert "Quá hạn 23 ngày" in values and "Nguyễn Văn An (Tổ dân phố số 3)" in values
    assert any(isinstance(v, str) and "quá hạn" in v for v in values)  # the filter line
