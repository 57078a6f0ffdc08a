"""Nomination rounds: the round itself, and its list: đề nghị added from grades, registrations or
one by one, edited, deleted (the checks, notice and steps are in test_rounds_checks).

Every refusal leaves the data as it was: the counts are compared before and after.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from sqlalchemy import func, select

from emulation_desktop.domain.enums import (
    DossierKind,
    Grade,
    NominationSource,
    RegistrationStatus,
    RoundKind,
    RoundStatus,
    SubjectKind,
)
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.evaluations import GradeChange
from emulation_desktop.domain.nominations import NominationInput, RoundInput
from emulation_desktop.domain.registrations import RegistrationInput
from emulation_desktop.store.award_models import DossierItemRow, NominationRoundRow, NominationRow
from emulation_desktop.store.models import AuditEntryRow
from tests.award_data import voted_round
from tests.cycle_data import small_commune

YEAR = 2026
P, U, H = SubjectKind.PERSON, SubjectKind.UNIT, SubjectKind.HOUSEHOLD


@pytest.fixture
def commune(context):  # type: ignore[no-untyped-def]
    """The small commune with 2026 grades: Lan HTT, Mai HTXS, Bình HT (kindergarten: Lan, Mai;
    primary: Bình…); the kindergarten collective HTT, the primary school HT."""
    c = small_commune(context)
    t = c.teachers
    context.services.evaluations.save(YEAR, c.schools, [
        GradeChange.person(t["Nguyễn Thị Lan"], Grade.GOOD),
        GradeChange.person(t["Trần Thị Mai"], Grade.EXCELLENT),
        GradeChange.person(t["Lê Văn Bình"], Grade.COMPLETED),
        GradeChange.person(t["Phạm Thị Hoa"], Grade.GOOD),
        GradeChange.unit(c.kindergarten, Grade.GOOD),
        GradeChange.unit(c.primary, Grade.COMPLETED),
    ], include_below=True)  # fmt: skip
    return c


@pytest.fixture
def rounds(context):  # type: ignore[no-untyped-def]
    return context.services.rounds


def _count(context, table) -> int:  # type: ignore[no-untyped-def]
    with context.database.session_scope() as s:
        return s.scalar(select(func.count()).select_from(table))


def _counts(context) -> tuple[int, int, int, int]:  # type: ignore[no-untyped-def]
    return tuple(
        _count(context, t)
        for t in (NominationRoundRow, NominationRow, DossierItemRow, AuditEntryRow)
    )  # type: ignore[return-value]


def _names(rounds, round_id: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [i.subject.name for i in rounds.items(round_id)]


# The round ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "name", "notice"),
    [
        (RoundKind.YEAR_END, "Xét khen thưởng cuối năm 2026", False),
        (RoundKind.FAMILY, "Bình xét Gia đình văn hóa năm 2026", True),
        (RoundKind.VILLAGE, "Bình xét thôn, tổ dân phố văn hóa năm 2026", True),
        (RoundKind.SUDDEN, "Xét khen thưởng đột xuất năm 2026", False),
    ],
)
def test_a_new_round_gets_its_name_period_notice_and_papers(  # type: ignore[no-untyped-def]
    context, rounds, kind, name, notice
) -> None:
    round_id = rounds.create(RoundInput(YEAR, kind))
    r = rounds.get(round_id)
    assert (r.name, r.period, r.needs_notice, r.status) == (name, "năm 2026", notice,
                                                            RoundStatus.DRAFT)  # fmt: skip
    papers = [p.kind for p in rounds.dossier.view(round_id).round_papers]
    expected = [DossierKind.LETTER, DossierKind.MINUTES] + ([DossierKind.NOTICE] if notice else [])
    assert papers == expected
    assert r.dossier_text == f"Hồ sơ: 0/{len(expected)} giấy tờ"
    assert [x.name for x in rounds.rounds(YEAR)] == [name]
    assert rounds.rounds(YEAR + 1) == []


def test_a_movement_round_needs_its_movement_and_is_named_after_it(
    context, rounds, commune
) -> None:  # type: ignore[no-untyped-def]
    before = _counts(context)
    with pytest.raises(ValidationError) as err:
        rounds.create(RoundInput(YEAR, RoundKind.MOVEMENT))
    assert "hãy chọn phong trào" in err.value.field_errors["movement_id"]
    with pytest.raises(ValidationError, match="thuộc năm 2024"):  # the movement is of 2024
        rounds.create(RoundInput(YEAR, RoundKind.MOVEMENT, movement_id=commune.movement))
    assert _counts(context) == before
    round_id = rounds.create(RoundInput(2024, RoundKind.MOVEMENT, movement_id=commune.movement,
                                        phase_id=commune.phases[1]))  # fmt: skip
    r = rounds.get(round_id)
    assert r.name == ("Xét khen thưởng Đợt 2: Chào mừng 80 năm Quân đội nhân dân Việt Nam – "
                      "phong trào «Dạy tốt, học tốt» năm 2024")  # fmt: skip
    assert (r.movement_name, r.phase_name) == ("Dạy tốt, học tốt", "Đợt 2: Chào mừng 80 năm "
                                               "Quân đội nhân dân Việt Nam")  # fmt: skip
    with pytest.raises(ValidationError, match="không thuộc phong trào"):
        rounds.update(round_id, RoundInput(2024, RoundKind.MOVEMENT, movement_id=commune.movement,
                                           phase_id=9999))  # fmt: skip


def test_bad_round_input_is_refused_under_its_field(context, rounds) -> None:  # type: ignore[no-untyped-def]
    before = _counts(context)
    with pytest.raises(ValidationError) as err:
        rounds.create(RoundInput(YEAR, RoundKind.YEAR_END, name="x" * 501,
                                 received_on=dt.date(2030, 1, 5)))  # fmt: skip
    assert set(err.value.field_errors) == {"name", "received_on"}
    assert _counts(context) == before


def test_editing_a_round_keeps_the_year_and_moves_the_items_period_along(  # type: ignore[no-untyped-def]
    context, rounds, commune
) -> None:
    round_id = rounds.create(RoundInput(YEAR, RoundKind.YEAR_END))
    rounds.add_from_grades(round_id, "LDTT", commune.kindergarten, include_below=False)
    lan = commune.teachers["Nguyễn Thị Lan"]
    mine = next(i for i in rounds.items(round_id) if i.subject.id == lan)
    rounds.update_item(mine.id, NominationInput((P, lan), "LDTT", YEAR, period="6 tháng đầu năm"))
    rounds.update(round_id, RoundInput(1999, RoundKind.FAMILY, name=" Bình  xét  GĐVH ",
                                       period="năm 2026 (đợt 2)"))  # fmt: skip
    r = rounds.get(round_id)
    assert (r.year, r.name, r.needs_notice) == (YEAR, "Bình xét GĐVH", True)
    periods = {i.subject.name: i.period for i in rounds.items(round_id)}
    assert periods == {"Nguyễn Thị Lan": "6 tháng đầu năm", "Trần Thị Mai": "năm 2026 (đợt 2)"}
    assert DossierKind.NOTICE in [p.kind for p in rounds.dossier.view(round_id).round_papers]
    rounds.update(round_id, RoundInput(YEAR, RoundKind.YEAR_END, needs_notice=False))
    assert DossierKind.NOTICE not in [p.kind for p in rounds.dossier.view(round_id).round_papers]


def test_only_a_draft_round_without_a_meeting_is_deleted(context, rounds, commune) -> None:  # type: ignore[no-untyped-def]
    round_id = rounds.create(RoundInput(YEAR, RoundKind.YEAR_END))
    rounds.add_from_grades(round_id, "LDTT", commune.schools)
    rounds.submit(round_id)
    voted, _ = voted_round(context.database, YEAR, [(P, commune.teachers["Nguyễn Thị Lan"],
                                                     "LDTT")], dt.date(2026, 12, 10))  # fmt: skip
    before = _counts(context)
    with pytest.raises(UserError, match="đã trình Hội đồng nên không xóa được"):
        rounds.delete(round_id)
    with pytest.raises(UserError):
        rounds.delete(voted)
    assert _counts(context)[:3] == before[:3]
    rounds.back_to_draft(round_id)
    rounds.delete(round_id)
    assert [r.id for r in rounds.rounds(YEAR)] == [voted]
    assert _count(context, DossierItemRow) == 0  # the round's and its items' papers went too


# Adding đề nghị ----------------------------------------------------------------------------------


def test_from_grades_adds_people_graded_good_or_better_in_the_unit_and_below(  # type: ignore[no-untyped-def]
    context, rounds, commune
) -> None:
    round_id = rounds.create(RoundInput(YEAR, RoundKind.YEAR_END))
    only_here = rounds.add_from_grades(round_id, "LDTT", commune.primary, include_below=False)
    assert only_here.added == 1 and _names(rounds, round_id) == ["Phạm Thị Hoa"]
    result = rounds.add_from_grades(round_id, "LDTT", commune.schools)
    assert result.added == 2 and result.duplicates == ("Phạm Thị Hoa",)
    assert "Bỏ qua 1 đối tượng đã có trong danh sách" in result.message
    assert "Phạm Thị Hoa" in result.message
    items = rounds.items(round_id)
    assert {i.subject.name for i in items} == {"Phạm Thị Hoa", "Nguyễn Thị Lan", "Trần Thị Mai"}
    assert {i.source for i in items} == {NominationSource.EVALUATION}
    lan = next(i for i in items if i.subject.name == "Nguyễn Thị Lan")
    assert (lan.proposing_unit, lan.period, lan.year) == ("Trường Mầm non Cát Thành", "năm 2026",
                                                          YEAR)  # fmt: skip
    excellent = rounds.add_from_grades(round_id, "CSTDCS", commune.schools,
                                       at_least=Grade.EXCELLENT)  # fmt: skip
    assert excellent.added == 1
    context.services.registry.set_people_active([commune.teachers["Trần Thị Mai"]], False)
    gone = rounds.add_from_grades(round_id, "GIAY_KHEN_CA_NHAN", commune.kindergarten)
    assert (gone.added, gone.refused) == (1, ("Trần Thị Mai (đã ngừng theo dõi)",))
    assert "Không thêm 1 đối tượng: Trần Thị Mai (đã ngừng theo dõi)." in gone.message


def test_from_grades_for_a_collective_award_adds_the_graded_collectives(
    context, rounds, commune
) -> None:  # type: ignore[no-untyped-def]
    round_id = rounds.create(RoundInput(YEAR, RoundKind.YEAR_END))
    assert rounds.add_from_grades(round_id, "TTLDTT", commune.schools).added == 1
    (item,) = rounds.items(round_id)
    assert (item.subject.kind, item.subject.name) == (U, "Trường Mầm non Cát Thành")
    before = _counts(context)
    with pytest.raises(ValidationError, match="hộ gia đình không xếp loại"):
        rounds.add_from_grades(round_id, "GDVH", commune.tdp)
    with pytest.raises(ValidationError):
        rounds.add_from_grades(round_id, "KHONG_CO", commune.tdp)
    assert _counts(context) == before


def test_from_registrations_adds_approved_titles_with_their_registration(  # type: ignore[no-untyped-def]
    context, rounds, commune
) -> None:
    regs = context.services.registrations
    t = commune.teachers
    ids = [regs.create(RegistrationInput(YEAR, (P, t[n]), award_code=code,
                                         status=RegistrationStatus.PENDING))
           for n, code in (("Nguyễn Thị Lan", "LDTT"), ("Trần Thị Mai", "CSTDCS"),
                           ("Lê Văn Bình", "LDTT"))]  # fmt: skip
    regs.change_status(ids[:2], RegistrationStatus.APPROVED, dt.date(2026, 3, 1))
    round_id = rounds.create(RoundInput(YEAR, RoundKind.YEAR_END))
    assert rounds.add_from_registrations(round_id, award_code="CSTDCS").added == 1
    result = rounds.add_from_registrations(round_id, unit_id=commune.schools)
    assert (result.added, result.duplicates) == (1, ("Trần Thị Mai",))
    items = {i.subject.name: i for i in rounds.items(round_id)}
    assert set(items) == {"Nguyễn Thị Lan", "Trần Thị Mai"}  # Bình is not approved
    assert items["Nguyễn Thị Lan"].registration_id == ids[0]
    assert items["Nguyễn Thị Lan"].source is NominationSource.REGISTRATION
    assert rounds.add_from_registrations(round_id, unit_id=commune.tdp).added == 0


def test_one_by_one_keeps_the_achievement_in_nfc_and_refuses_what_does_not_fit(  # type: ignore[no-untyped-def]
    context, rounds, commune
) -> None:
    round_id = rounds.create(RoundInput(YEAR, RoundKind.YEAR_END))
    an = commune.residents["Nguyễn Văn An"]
    nfd = unicodedata.normalize("NFD", "Tích cực hiến đất làm đường\n\nỦng hộ quỹ khuyến học")
    new_id = rounds.add(round_id, NominationInput((P, an), "GIAY_KHEN_CA_NHAN", YEAR,
                                                  achievement=nfd))  # fmt: skip
    (item,) = rounds.items(round_id)
    assert item.id == new_id and item.source is NominationSource.MANUAL
    assert item.achievement == unicodedata.normalize("NFC", nfd)
    assert item.proposing_unit == "Tổ dân phố Bắc Sơn"
    before = _counts(context)
    refusals = [
        (NominationInput((P, an), "TTLDTT", YEAR), "award_code", "dành cho tập thể"),
        (NominationInput((P, an), "KHONG_CO", YEAR), "award_code", "không có danh hiệu"),
        (NominationInput((P, an), "GIAY_KHEN_CA_NHAN", YEAR), "subject", "không đề nghị trùng"),
        (NominationInput((P, commune.teachers["Hoàng Văn Tùng"]), "LDTT", YEAR), "subject",
         "đã ngừng theo dõi"),
        (NominationInput((H, commune.home), "GDVH", YEAR, achievement="x" * 4001), "achievement",
         "4.001 ký tự"),
        (NominationInput(None, "", YEAR), "subject", "Hãy chọn"),
    ]  # fmt: skip
    for data, field, text in refusals:
        with pytest.raises(ValidationError) as err:
            rounds.add(round_id, data)
        assert text in err.value.field_errors[field], data
    assert _counts(context) == before
    rounds.add(round_id, NominationInput((H, commune.home), "GDVH", YEAR, achievement="x" * 4000))
    assert len(rounds.items(round_id)) == 2


def test_the_award_choices_fit_the_subject_and_put_the_communes_own_first(rounds) -> None:  # type: ignore[no-untyped-def]
    round_id = rounds.create(RoundInput(YEAR, RoundKind.YEAR_END))
    people = rounds.award_choices(round_id, P)
    assert {c.subject for c in people} == {P}
    assert [c.code for c in people][:3] == ["LDTT", "GIAY_KHEN_CA_NHAN", "CSTDCS"]
    upward = next(c for c in people if c.code == "BANG_KHEN_TINH_CA_NHAN")
    assert upward.label.endswith(" – đề nghị Chủ tịch UBND tỉnh")
    assert [c.code for c in rounds.award_choices(round_id, H)] == ["GDVH", "GIAY_KHEN_HO",
                                                                   "BANG_KHEN_TINH_HO"]  # fmt: skip


def test_the_list_is_changed_only_while_drawn_up(context, rounds, commune) -> None:  # type: ignore[no-untyped-def]
    round_id = rounds.create(RoundInput(YEAR, RoundKind.YEAR_END))
    rounds.add_from_grades(round_id, "LDTT", commune.schools)
    item = rounds.items(round_id)[0]
    rounds.submit(round_id)
    before = _counts(context)
    an = commune.residents["Nguyễn Văn An"]
    attempts = [
        lambda: rounds.add(round_id, NominationInput((P, an), "GIAY_KHEN_CA_NHAN", YEAR)),
        lambda: rounds.add_from_grades(round_id, "TTLDTT", commune.schools),
        lambda: rounds.add_from_registrations(round_id),
        lambda: rounds.update_item(item.id, NominationInput(item.subject.key, "LDTT", YEAR)),
        lambda: rounds.remove_items([item.id]),
        lambda: rounds.update(round_id, RoundInput(YEAR, RoundKind.YEAR_END, name="Khác")),
    ]
    for attempt in attempts:
        with pytest.raises(UserError, match="đã trình Hội đồng nên không sửa danh sách"):
            attempt()
    assert _counts(context) == before


def test_removing_items_deletes_them_with_their_papers(context, rounds, commune) -> None:  # type: ignore[no-untyped-def]
    round_id = rounds.create(RoundInput(YEAR, RoundKind.YEAR_END))
    rounds.add_from_grades(round_id, "LDTT", commune.schools)
    items = rounds.items(round_id)
    papers = _count(context, DossierItemRow)
    assert rounds.remove_items([items[0].id]) == 1
    assert _names(rounds, round_id) == [i.subject.name for i in items[1:]]
    assert _count(context, DossierItemRow) == papers - 1
    with pytest.raises(UserError, match="không còn"):
        rounds.remove_items([items[0].id, items[1].id])
    assert len(rounds.items(round_id)) == len(items) - 1


def test_a_changed_award_brings_the_initiative_paper_when_the_person_has_one(  # type: ignore[no-untyped-def]
    context, rounds, commune
) -> None:
    from emulation_desktop.domain.enums import InitiativeKind, InitiativeScope
    from emulation_desktop.domain.initiatives import AuthorInput, InitiativeInput

    initiatives = context.services.initiatives
    initiatives._today = lambda: dt.date(2026, 12, 1)
    mai = commune.teachers["Trần Thị Mai"]
    initiatives.create(InitiativeInput(
        InitiativeKind.INITIATIVE, "Dạy học qua trò chơi", YEAR, InitiativeScope.BASE,
        (AuthorInput(mai),), doc_number="12/QĐ-UBND", doc_date=dt.date(2026, 11, 10),
        doc_issuer="UBND xã Cát Thành"))  # fmt: skip
    round_id = rounds.create(RoundInput(YEAR, RoundKind.YEAR_END))
    rounds.add(round_id, NominationInput((P, mai), "LDTT", YEAR))
    (item,) = rounds.items(round_id)
    kinds = lambda: [p.kind for p in rounds.dossier.view(round_id).item_papers[0][2]]  # noqa: E731
    assert kinds() == [DossierKind.ACHIEVEMENT]
    rounds.update_item(item.id, NominationInput((P, mai), "CSTDCS", YEAR))
    assert kinds() == [DossierKind.ACHIEVEMENT, DossierKind.INITIATIVE]
    rounds.update_item(item.id, NominationInput((P, mai), "LDTT", YEAR))
    assert kinds() == [DossierKind.ACHIEVEMENT]
