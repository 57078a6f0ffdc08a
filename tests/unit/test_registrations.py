"""Đăng ký thi đua: one by one and a whole unit at once, duplicates, titles that do not fit,
status steps, the year's list with its filters, counts and the Excel export."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from emulation_desktop.domain.enums import (
    RegistrationStatus,
    SubjectKind,
    UnitKind,
)
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.registrations import (
    WITHOUT_MOVEMENT,
    RegistrationInput,
    RegistrationQuery,
    UnitRegistrationInput,
)
from emulation_desktop.domain.registry import UnitInput
from tests.cycle_data import Commune, H, P, U, small_commune

S = RegistrationStatus


@pytest.fixture
def commune(context) -> Commune:  # type: ignore[no-untyped-def]
    return small_commune(context)


def _register(c: Commune, kind: SubjectKind, sid: int, **kw: object) -> int:
    data = RegistrationInput(2024, (kind, sid), registered_on=dt.date(2024, 2, 1), **kw)  # type: ignore[arg-type]
    return c.services.registrations.create(data)  # type: ignore[attr-defined]


def _error(exc: pytest.ExceptionInfo[ValidationError], field: str) -> str:
    assert set(exc.value.field_errors) == {field}, exc.value.field_errors
    return exc.value.field_errors[field]


# One by one ---------------------------------------------------------------------------------


def test_a_title_and_a_movement_registration_read_back(commune: Commune) -> None:
    regs = commune.services.registrations  # type: ignore[attr-defined]
    lan = commune.person("Nguyễn Thị Lan")
    _register(commune, P, lan, award_code="LDTT", targets="  Dạy giỏi cấp xã \n\n 100% trẻ  ")
    _register(commune, P, lan, movement_id=commune.movement)
    rows = regs.rows(RegistrationQuery(2024, sort="movement"))  # type: ignore[arg-type]
    assert [(r.subject.name, r.target_text, r.status) for r in rows] == [
        ("Nguyễn Thị Lan", "Lao động tiên tiến", S.DRAFT),
        ("Nguyễn Thị Lan", "Dạy tốt, học tốt", S.DRAFT),
    ]
    assert rows[0].targets == "Dạy giỏi cấp xã\n100% trẻ"
    assert rows[0].subject.place == "Trường Mầm non Cát Thành"


def test_a_duplicate_is_refused_naming_the_subject(commune: Commune) -> None:
    lan = commune.person("Nguyễn Thị Lan")
    _register(commune, P, lan, award_code="LDTT", movement_id=commune.movement)
    with pytest.raises(ValidationError) as exc:
        _register(commune, P, lan, award_code="LDTT", movement_id=commune.movement)
    assert _error(exc, "subject") == (
        "«Nguyễn Thị Lan» đã đăng ký danh hiệu «Lao động tiên tiến» trong phong trào «Dạy tốt, "
        "học tốt» năm 2024; không đăng ký trùng."
    )
    # The same title without a movement is another registration; twice is a duplicate too
    # (the NULL movement that SQLite's unique keys would not see).
    _register(commune, P, lan, award_code="LDTT")
    with pytest.raises(ValidationError) as exc:
        _register(commune, P, lan, award_code="LDTT", targets="khác")
    assert "(không theo phong trào)" in _error(exc, "subject")
    regs = commune.services.registrations.rows(RegistrationQuery(2024))  # type: ignore[attr-defined]
    assert len(regs) == 2


def test_editing_into_a_duplicate_is_refused_but_saving_itself_is_not(commune: Commune) -> None:
    regs = commune.services.registrations  # type: ignore[attr-defined]
    lan, mai = commune.person("Nguyễn Thị Lan"), commune.person("Trần Thị Mai")
    first = _register(commune, P, lan, award_code="LDTT")
    second = _register(commune, P, mai, award_code="LDTT")
    regs.update(first, RegistrationInput(2024, (P, lan), award_code="LDTT", targets="Mới"))
    with pytest.raises(ValidationError) as exc:
        regs.update(second, RegistrationInput(2024, (P, lan), award_code="LDTT"))
    assert "«Nguyễn Thị Lan» đã đăng ký" in _error(exc, "subject")
    assert regs.get(second).subject.name == "Trần Thị Mai"
    assert regs.get(first).targets == "Mới"


@pytest.mark.parametrize(
    ("kind", "who", "code", "message"),
    [
        (U, "primary", "LDTT", "Danh hiệu «Lao động tiên tiến» dành cho cá nhân; «Trường Tiểu "
         "học Cát Thành» là tập thể."),
        (P, "Lê Văn Bình", "TTLDTT", "Danh hiệu «Tập thể lao động tiên tiến» dành cho tập thể; "
         "«Lê Văn Bình» là cá nhân."),
        (H, "home", "LDTT", "Danh hiệu «Lao động tiên tiến» dành cho cá nhân; «Hộ ông Nguyễn Văn "
         "An» là hộ gia đình."),
        (P, "Lê Văn Bình", "GIAY_KHEN_CA_NHAN", "«Giấy khen của Chủ tịch UBND xã (cá nhân)» là "
         "hình thức khen thưởng, không phải danh hiệu thi đua; chỉ đăng ký được danh hiệu thi "
         "đua."),
        (P, "Lê Văn Bình", "KHONG_CO", "Không có danh hiệu «KHONG_CO» trong bộ quy định áp dụng "
         "cho năm 2024."),
    ],
)  # fmt: skip
def test_a_title_that_does_not_exist_or_fit_the_subject_is_refused(
    commune: Commune, kind: SubjectKind, who: str, code: str, message: str
) -> None:
    sid = {"primary": commune.primary, "home": commune.home}.get(who) or commune.person(who)
    with pytest.raises(ValidationError) as exc:
        _register(commune, kind, sid, award_code=code)
    assert _error(exc, "award_code") == message
    assert commune.services.registrations.counts(2024)[S.DRAFT] == 0  # type: ignore[attr-defined]


def test_titles_follow_the_rules_in_force_at_the_end_of_the_year(commune: Commune) -> None:
    regs = commune.services.registrations  # type: ignore[attr-defined]
    people = regs.titles(2024, P)
    assert [t.code for t in people] == ["CSTD_TOAN_QUOC", "CSTD_TINH", "CSTDCS", "LDTT"]
    assert [t.name for t in regs.titles(2025, H)] == ["Gia đình văn hóa"]
    assert regs.titles(2020) == []  # no rule set reaches back to 2020
    with pytest.raises(ValidationError) as exc:
        regs.create(RegistrationInput(2020, (P, commune.person("Lê Văn Bình")), award_code="LDTT"))
    assert "Không có bộ quy định nào có hiệu lực vào ngày 31/12/2020" in _error(exc, "award_code")


def test_form_mistakes_are_named_at_their_field(commune: Commune) -> None:
    regs = commune.services.registrations  # type: ignore[attr-defined]
    with pytest.raises(ValidationError) as exc:
        regs.create(RegistrationInput(2024, None))
    assert set(exc.value.field_errors) == {"subject", "award_code"}
    binh = commune.person("Lê Văn Bình")
    with pytest.raises(ValidationError) as exc:
        regs.create(RegistrationInput(2024, (P, binh), movement_id=commune.movement_2023))
    assert _error(exc, "movement_id") == (
        "Phong trào «Dạy tốt, học tốt» thuộc năm 2023, không phải năm 2024."
    )
    with pytest.raises(ValidationError) as exc:
        regs.create(RegistrationInput(2024, (P, binh), award_code="LDTT", status=S.APPROVED))
    assert "«Chưa gửi» hoặc «Chờ duyệt»" in _error(exc, "status")
    with pytest.raises(ValidationError) as exc:
        regs.create(RegistrationInput(2024, (P, binh), award_code="LDTT",
                                      registered_on=dt.date(2022, 5, 1)))  # fmt: skip
    assert _error(exc, "registered_on") == "Ngày đăng ký phải trong năm 2024 (hoặc cuối năm 2023)."
    assert regs.counts(2024) == dict.fromkeys(S, 0)


# Status steps -------------------------------------------------------------------------------


def test_status_steps_and_the_illegal_ones(commune: Commune) -> None:
    regs = commune.services.registrations  # type: ignore[attr-defined]
    rid = _register(commune, P, commune.person("Lê Văn Bình"), award_code="LDTT")
    with pytest.raises(UserError) as exc:
        regs.change_status([rid], S.APPROVED, dt.date(2024, 3, 1))
    assert exc.value.message == (
        "Đăng ký của «Lê Văn Bình» chưa gửi duyệt; hãy bấm «Gửi duyệt» trước."
    )
    assert regs.change_status([rid], S.PENDING, dt.date(2024, 2, 5)) == 1
    with pytest.raises(ValidationError) as exc:
        regs.change_status([rid], S.APPROVED, dt.date(2024, 1, 20))
    assert "trước ngày đăng ký của Lê Văn Bình" in _error(exc, "day")
    assert regs.change_status([rid], S.APPROVED, dt.date(2024, 3, 1)) == 1
    item = regs.get(rid)
    assert (item.status, item.decided_on) == (S.APPROVED, dt.date(2024, 3, 1))
    with pytest.raises(UserError) as exc:
        regs.change_status([rid], S.REJECTED, dt.date(2024, 3, 2), "Thiếu hồ sơ")
    assert "đã được duyệt; muốn thay đổi, hãy trả về «Chưa gửi» trước" in exc.value.message
    assert regs.change_status([rid], S.APPROVED) == 0  # already there: nothing to do
    assert regs.change_status([rid], S.DRAFT) == 1
    assert regs.get(rid).decided_on is None


def test_rejecting_needs_a_reason_which_goes_into_the_note(commune: Commune) -> None:
    regs = commune.services.registrations  # type: ignore[attr-defined]
    rid = _register(commune, P, commune.person("Lê Văn Bình"), award_code="LDTT",
                    status=S.PENDING, note="Nộp bản giấy")  # fmt: skip
    with pytest.raises(ValidationError) as exc:
        regs.change_status([rid], S.REJECTED, dt.date(2024, 3, 1), "   ")
    assert _error(exc, "reason") == "Hãy ghi lý do từ chối để báo lại cho người đăng ký."
    regs.change_status([rid], S.REJECTED, dt.date(2024, 3, 1), "Chưa  có chỉ tiêu cụ thể")
    item = regs.get(rid)
    assert item.status is S.REJECTED
    assert item.note == "Nộp bản giấy\nTừ chối ngày 01/03/2024: Chưa có chỉ tiêu cụ thể"
    with pytest.raises(UserError, match="đã bị từ chối; hãy gửi duyệt lại trước khi duyệt"):
        regs.change_status([rid], S.APPROVED)
    assert regs.change_status([rid], S.PENDING) == 1  # gửi lại


def test_a_bulk_status_change_is_all_or_nothing(commune: Commune) -> None:
    regs = commune.services.registrations  # type: ignore[attr-defined]
    ids = [_register(commune, P, commune.person(n), award_code="LDTT", status=S.PENDING)
           for n in ("Lê Văn Bình", "Phạm Thị Hoa", "Đặng Văn Dũng")]  # fmt: skip
    drafts = [_register(commune, P, commune.person(n), award_code="LDTT")
              for n in ("Vũ Thị Yến", "Nguyễn Thị Lan")]  # fmt: skip
    with pytest.raises(UserError) as exc:
        regs.change_status(ids + drafts, S.APPROVED, dt.date(2024, 3, 1))
    assert exc.value.message == (
        "Chưa chuyển được sang «Đã duyệt»: 2 đăng ký chưa gửi duyệt; hãy bấm «Gửi duyệt» trước "
        "(Vũ Thị Yến và Nguyễn Thị Lan). Chưa thay đổi đăng ký nào."
    )
    assert regs.counts(2024)[S.APPROVED] == 0
    assert regs.change_status(ids, S.APPROVED, dt.date(2024, 3, 1)) == 3
    assert regs.counts(2024) == {S.DRAFT: 2, S.PENDING: 0, S.APPROVED: 3, S.REJECTED: 0}


# A whole unit -------------------------------------------------------------------------------


def test_registering_a_unit_with_its_subunits_skips_those_already_registered(
    commune: Commune,
) -> None:
    regs = commune.services.registrations  # type: ignore[attr-defined]
    _register(commune, P, commune.person("Phạm Thị Hoa"), award_code="LDTT")
    data = UnitRegistrationInput(2024, commune.schools, person_award="LDTT",
                                 registered_on=dt.date(2024, 2, 1))  # fmt: skip
    preview = regs.preview_unit(data)
    assert (preview.people, preview.skipped_people) == (5, ("Phạm Thị Hoa",))
    assert preview.preview == "Sẽ đăng ký 5 cá nhân; 1 đối tượng đã đăng ký trước sẽ được bỏ qua."
    assert regs.counts(2024)[S.DRAFT] == 1  # the preview wrote nothing
    result = regs.register_unit(data)
    # Six active teachers in the two schools; the retired one is not followed any more.
    assert result.message == "Đã đăng ký 5 cá nhân; bỏ qua 1 người đã đăng ký trước (Phạm Thị Hoa)."
    names = {r.subject.name for r in regs.rows(RegistrationQuery(2024))}
    assert "Hoàng Văn Tùng" not in names and len(names) == 6
    again = regs.register_unit(data)
    assert again.people == 0
    assert again.message.startswith("Không có đăng ký mới nào; bỏ qua 6 người đã đăng ký trước (")
    assert again.message.endswith(" và 1 đối tượng khác).")


def test_registering_a_unit_with_its_collectives_to_a_movement(commune: Commune) -> None:
    regs = commune.services.registrations  # type: ignore[attr-defined]
    data = UnitRegistrationInput(2024, commune.schools, movement_id=commune.movement,
                                 collectives=True, unit_award="TTLDTT")  # fmt: skip
    result = regs.register_unit(data)
    assert result.message == "Đã đăng ký 6 cá nhân và 2 tập thể."
    units = regs.rows(RegistrationQuery(2024, kind=U))
    # The two schools; the group "Khối trường học" is a folder of the tree, not a collective.
    assert sorted((r.subject.name, r.award_name) for r in units) == [
        ("Trường Mầm non Cát Thành", "Tập thể lao động tiên tiến"),
        ("Trường Tiểu học Cát Thành", "Tập thể lao động tiên tiến"),
    ]
    people = regs.rows(RegistrationQuery(2024, kind=P))
    assert {r.target_text for r in people} == {"Dạy tốt, học tốt"}


def test_a_unit_without_its_subunits_and_a_bad_title_writes_nothing(commune: Commune) -> None:
    regs = commune.services.registrations  # type: ignore[attr-defined]
    with pytest.raises(ValidationError) as exc:
        regs.register_unit(UnitRegistrationInput(2024, commune.primary, person_award="LDTT",
                                                 collectives=True, unit_award="LDTT"))  # fmt: skip
    assert _error(exc, "unit_award") == (
        "Danh hiệu «Lao động tiên tiến» dành cho cá nhân; «Trường Tiểu học Cát Thành» là tập thể."
    )
    assert regs.counts(2024)[S.DRAFT] == 0
    result = regs.register_unit(
        UnitRegistrationInput(2024, commune.primary, person_award="LDTT", include_subunits=False)
    )
    assert result.message == "Đã đăng ký 4 cá nhân."
    with pytest.raises(ValidationError) as exc:
        regs.register_unit(
            UnitRegistrationInput(2024, commune.primary, people=False, collectives=True)
        )
    assert set(exc.value.field_errors) == {"unit_award"}


def test_a_unit_with_nobody_to_register_says_so(commune: Commune) -> None:
    regs = commune.services.registrations  # type: ignore[attr-defined]
    empty = commune.services.registry.create_unit(  # type: ignore[attr-defined]
        UnitInput("Trạm Y tế xã", UnitKind.HEALTH, None)
    )
    with pytest.raises(UserError, match="chưa có cá nhân, tập thể nào đang theo dõi"):
        regs.register_unit(UnitRegistrationInput(2024, empty, person_award="LDTT"))


# The list -----------------------------------------------------------------------------------


def test_filters_search_and_counts(commune: Commune) -> None:
    regs = commune.services.registrations  # type: ignore[attr-defined]
    regs.register_unit(UnitRegistrationInput(2024, commune.schools, person_award="LDTT",
                                             status=S.PENDING))  # fmt: skip
    _register(commune, U, commune.tdp, movement_id=commune.movement)
    _register(commune, H, commune.home, award_code="GDVH")
    _register(commune, P, commune.person("Lê Thị Hằng"), award_code="LDTT")
    q = RegistrationQuery(2024)
    assert len(regs.rows(q)) == 9
    assert [r.subject.kind for r in regs.rows(q)][:1] == [U]  # collectives first
    by_unit = regs.rows(RegistrationQuery(2024, unit_id=commune.schools))
    assert len(by_unit) == 6  # the group covers both schools
    bac_son = regs.rows(RegistrationQuery(2024, unit_id=commune.tdp))
    assert {r.subject.name for r in bac_son} == {
        "Tổ dân phố Bắc Sơn", "Hộ ông Nguyễn Văn An", "Lê Thị Hằng"
    }  # fmt: skip
    assert len(regs.rows(RegistrationQuery(2024, movement_id=commune.movement))) == 1
    assert len(regs.rows(RegistrationQuery(2024, movement_id=WITHOUT_MOVEMENT))) == 8
    assert len(regs.rows(RegistrationQuery(2024, status=S.PENDING))) == 6
    assert [r.subject.name for r in regs.rows(RegistrationQuery(2024, text="dang van"))] == [
        "Đặng Văn Dũng"
    ]
    assert len(regs.rows(RegistrationQuery(2024, text="gia dinh van hoa"))) == 1
    assert regs.counts(2024) == {S.DRAFT: 3, S.PENDING: 6, S.APPROVED: 0, S.REJECTED: 0}
    assert regs.rows(RegistrationQuery(2025)) == []


def test_export_writes_the_list_as_shown(commune: Commune, tmp_path: Path) -> None:
    regs = commune.services.registrations  # type: ignore[attr-defined]
    _register(commune, P, commune.person("Lê Văn Bình"), award_code="LDTT",
              movement_id=commune.movement, targets="Giáo viên dạy giỏi\nSáng kiến")  # fmt: skip
    _register(commune, U, commune.primary, award_code="TTLDTT")
    path = tmp_path / "dang-ky.xlsx"
    assert regs.export(path, RegistrationQuery(2024, kind=P)) == 1
    sheet = openpyxl.load_workbook(path).active
    values = [[c for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]
    assert values[0] == ["DANH SÁCH ĐĂNG KÝ THI ĐUA NĂM 2024"]
    data = values[-1]
    assert data[:6] == [1, "Cá nhân", "Lê Văn Bình", "Trường Tiểu học Cát Thành",
                        "Dạy tốt, học tốt", "Lao động tiên tiến"]  # fmt: skip
    assert "Giáo viên dạy giỏi\nSáng kiến" in data
    assert dt.datetime(2024, 2, 1) in data and "Chưa gửi" in data
