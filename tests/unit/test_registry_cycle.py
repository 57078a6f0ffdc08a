"""The registry and the yearly cycle: a merge carries a person's registrations, reviews,
periods, initiatives, models and complaints to the record kept, a delete is refused while the
cycle names the subject, and a person's history lists their initiatives."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from emulation_desktop.domain.enums import (
    Gender,
    InitiativeKind,
    InitiativeScope,
    PersonKind,
    SubjectKind,
    UnitKind,
)
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.initiatives import AuthorInput, InitiativeInput
from emulation_desktop.domain.registry import HouseholdInput, PersonInput, UnitInput
from emulation_desktop.store.cycle_models import (
    AdvancedModelRow,
    ComplaintRow,
    InitiativeAuthorRow,
    MovementRow,
    MovementUnitRow,
    PersonPeriodRow,
    RegistrationRow,
    ReviewResultRow,
    ReviewRow,
)
from emulation_desktop.store.models import (
    AuditEntryRow,
    EligibilityOverrideRow,
)

TODAY = dt.date(2026, 11, 24)  # the day conftest fixes the registry to


def _person(name: str, unit: int, **kw) -> PersonInput:  # type: ignore[no-untyped-def]
    kw.setdefault("gender", Gender.FEMALE)
    kw.setdefault("kind", PersonKind.NHAN_DAN)
    return PersonInput(full_name=name, unit_id=unit, **kw)


def _cycle(context, reg, unit_id):  # type: ignore[no-untyped-def]
    """Two records of one person (keep, twin) and a movement; rows are written directly."""

    keep = reg.create_person(_person("Trần Thị Lụa", unit_id, birth_year=1980))
    twin = reg.create_person(_person("TRẦN THỊ LỤA", unit_id))
    with context.database.session_scope() as s:
        movement = MovementRow(year=2026, name="Thi đua cải cách hành chính", kind="thuong_xuyen",
                               launcher="xa", start_date=dt.date(2026, 1, 1),
                               end_date=dt.date(2026, 12, 31), responsible_id=twin)  # fmt: skip
        s.add(movement)
        s.flush()
        movement_id = movement.id
    return keep, twin, movement_id


def test_merge_moves_the_yearly_cycle_and_keeps_one_of_each_duplicate(
    reg, unit_id, context
) -> None:  # type: ignore[no-untyped-def]

    keep, twin, movement_id = _cycle(context, reg, unit_id)
    initiatives = context.services.initiatives
    initiatives._today = lambda: TODAY

    def initiative(title: str, *authors: tuple[int, int | None]) -> int:
        return initiatives.create(InitiativeInput(
            InitiativeKind.INITIATIVE, title, 2026, InitiativeScope.BASE,
            tuple(AuthorInput(pid, share) for pid, share in authors),
            doc_number="5/QĐ-UBND", doc_date=dt.date(2026, 6, 1)))  # fmt: skip

    joint = initiative("Sổ tay điện tử", (twin, 30), (keep, 40))  # both records listed
    alone = initiative("Bản đồ số di tích", (twin, None))
    person = {"subject_kind": SubjectKind.PERSON}
    with context.database.session_scope() as s:
        kept_reg = RegistrationRow(**person, person_id=keep, year=2026, award_code="LDTT",
                                   status="cho_duyet")  # fmt: skip
        twin_reg = RegistrationRow(**person, person_id=twin, year=2026, award_code="LDTT",
                                   status="da_duyet")  # fmt: skip
        s.add_all([
            kept_reg, twin_reg,
            RegistrationRow(**person, person_id=twin, year=2026, movement_id=movement_id,
                            status="da_duyet"),
            AdvancedModelRow(**person, person_id=twin, year=2026, name="Gương người tốt",
                             status="da_cong_nhan"),
            ComplaintRow(kind="khieu_nai", received_on=dt.date(2026, 10, 1), sender="Ông B",
                         content="Khiếu nại", subject_kind=SubjectKind.PERSON, person_id=twin),
            PersonPeriodRow(person_id=twin, kind="thai_san", start_date=dt.date(2026, 1, 5),
                            end_date=dt.date(2026, 7, 4)),
            PersonPeriodRow(person_id=keep, kind="thai_san", start_date=dt.date(2026, 1, 5),
                            end_date=dt.date(2026, 7, 4)),  # entered on both records
            EligibilityOverrideRow(subject_kind=SubjectKind.PERSON, subject_id=twin,
                                   award_code="LDTT", year=2026, computed="review",
                                   verdict="eligible", reason="Hội đồng đã xác nhận"),
        ])  # fmt: skip
        s.flush()
        review = ReviewRow(movement_id=movement_id, kind="tong_ket", held_on=dt.date(2026, 12, 1))
        s.add(review)
        s.flush()
        s.add(ReviewResultRow(review_id=review.id, registration_id=twin_reg.id, result="dat"))
        kept_reg_id = kept_reg.id

    moved = reg.merge_people(keep, twin)

    assert moved["registrations"] == 1 and moved["duplicate_registrations"] == 1
    assert (moved["models"], moved["complaints"], moved["periods"]) == (1, 1, 0)
    assert (moved["initiatives"], moved["movements"], moved["overrides"]) == (2, 1, 1)
    with context.database.session_scope() as s:
        regs = s.scalars(select(RegistrationRow).where(RegistrationRow.person_id == keep)).all()
        assert len(regs) == 2  # one LĐTT registration kept (the kept record's), one movement
        assert s.scalar(select(ReviewResultRow.registration_id)) == kept_reg_id  # result kept
        authors = s.execute(
            select(InitiativeAuthorRow.initiative_id, InitiativeAuthorRow.position,
                   InitiativeAuthorRow.share).where(InitiativeAuthorRow.person_id == keep)
            .order_by(InitiativeAuthorRow.initiative_id)
        ).all()  # fmt: skip
        assert [tuple(a) for a in authors] == [(joint, 0, 70), (alone, 0, None)]
        assert s.scalar(select(MovementRow.responsible_id)) == keep
        assert s.scalar(select(func.count()).where(PersonPeriodRow.person_id == keep)) == 1
        assert s.scalar(select(EligibilityOverrideRow.subject_id)) == keep
        entry = s.scalars(select(AuditEntryRow).where(AuditEntryRow.action == "merge")).one()
        assert entry.detail["dropped_registrations"][0]["status"] == "da_duyet"
        assert entry.detail["joint_initiatives"] == [joint]
    assert context.services.complaints.paused_subjects().keys() == {(SubjectKind.PERSON, keep)}
    history = reg.person_detail(keep).history
    assert {i.title for i in history.initiatives} == {"Sổ tay điện tử", "Bản đồ số di tích"}


def test_delete_is_refused_while_the_yearly_cycle_names_the_subject(reg, unit_id, context) -> None:  # type: ignore[no-untyped-def]

    pid = reg.create_person(_person("Lê Văn Tám", unit_id, gender=Gender.MALE))
    home = reg.create_household(HouseholdInput(pid, "Số 5", unit_id))
    other_unit = reg.create_unit(UnitInput("Thôn Đông", UnitKind.RESIDENTIAL))
    rows = {
        "household": ComplaintRow(kind="to_cao", received_on=dt.date(2026, 10, 1), sender="B",
                                  content="Tố cáo", subject_kind=SubjectKind.HOUSEHOLD,
                                  household_id=home),
        "unit": RegistrationRow(subject_kind=SubjectKind.UNIT, unit_id=other_unit, year=2026,
                                award_code="TTLDTT", status="chua_gui"),
    }  # fmt: skip
    with context.database.session_scope() as s:
        s.add_all(rows.values())
        s.add(PersonPeriodRow(person_id=pid, kind="ky_luat", start_date=dt.date(2026, 1, 1)))
        s.add(EligibilityOverrideRow(subject_kind=SubjectKind.UNIT, subject_id=other_unit,
                                     award_code="TTLDTT", year=2026, computed="review",
                                     verdict="eligible", reason="Hội đồng xác nhận"))  # fmt: skip
    with pytest.raises(UserError, match="1 thời gian kỷ luật, nghỉ"):
        reg.delete_person(pid)  # the household is gone first below; the period stays
    with pytest.raises(UserError, match=r"vì hộ đã có: 1 đơn thư, kiểm tra\. .*Ngừng theo dõi"):
        reg.delete_household(home)
    with pytest.raises(UserError, match="1 đăng ký thi đua"):
        reg.delete_unit(other_unit)
    with context.database.session_scope() as s:
        s.execute(RegistrationRow.__table__.delete())
        s.execute(ComplaintRow.__table__.delete())
    reg.delete_household(home)
    reg.delete_unit(other_unit)  # its override goes with it: a new unit must not inherit it
    movement = _cycle(context, reg, unit_id)[2]
    with context.database.session_scope() as s:
        assert s.scalar(select(func.count()).select_from(EligibilityOverrideRow)) == 0
        s.add(MovementUnitRow(movement_id=movement, unit_id=unit_id))
    with pytest.raises(UserError, match="lượt tham gia phong trào"):
        reg.delete_unit(unit_id)


def test_a_persons_history_lists_their_initiatives_newest_first(reg, unit_id, context) -> None:  # type: ignore[no-untyped-def]

    a = reg.create_person(_person("Nguyễn Thị Hằng", unit_id))
    b = reg.create_person(_person("Đặng Văn Dũng", unit_id, gender=Gender.MALE))
    service = context.services.initiatives
    service._today = lambda: TODAY
    service.create(InitiativeInput(
        InitiativeKind.RESEARCH, "Đề tài cũ", 2024, InitiativeScope.PROVINCE,
        (AuthorInput(a, None),), doc_number="9/QĐ-SKHCN", doc_date=dt.date(2024, 12, 2),
        doc_issuer="Sở Khoa học và Công nghệ"))  # fmt: skip
    service.create(InitiativeInput(
        InitiativeKind.INITIATIVE, "Sổ tay điện tử", 2026, InitiativeScope.BASE,
        (AuthorInput(b, 60), AuthorInput(a, 40))))  # fmt: skip
    history = reg.person_detail(a).history
    assert [(i.year, i.title, i.share, i.co_authors) for i in history.initiatives] == [
        (2026, "Sổ tay điện tử", 40, ("Đặng Văn Dũng",)),
        (2024, "Đề tài cũ", None, ()),
    ]
    assert history.initiatives[0].document == ""  # not recognised yet
    assert (
        history.initiatives[1].document == "9/QĐ-SKHCN ngày 02/12/2024 của Sở Khoa học và Công nghệ"
    )
    assert reg.history(SubjectKind.UNIT, unit_id).initiatives == ()
