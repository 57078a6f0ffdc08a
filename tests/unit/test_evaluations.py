"""Yearly grades: the grid, saving in one go (all or nothing), setting a whole unit, what is still
missing, pasted text and the Excel import."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from emulation_desktop.domain.demo_data import generate_demo_commune
from emulation_desktop.domain.enums import Gender, Grade, PersonKind, SubjectKind, UnitKind
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.evaluations import (
    GradeChange,
    parse_grade,
    parse_pasted_grades,
    split_pasted,
)
from emulation_desktop.domain.registry import PersonInput, UnitInput
from emulation_desktop.domain.text import name_sort_key
from emulation_desktop.store.models import AuditEntryRow, EvaluationRow

YEAR = 2026
G = Grade


@pytest.fixture
def school(context):  # type: ignore[no-untyped-def]
    """A group with two schools; the THCS has five teachers (one no longer followed)."""
    reg = context.services.registry
    reg._today = lambda: dt.date(2026, 11, 24)
    group = reg.create_unit(UnitInput("Khối trường học", UnitKind.GROUP))
    thcs = reg.create_unit(UnitInput("Trường THCS Cát Thành", UnitKind.SCHOOL, group))
    th = reg.create_unit(UnitInput("Trường Tiểu học Cát Thành", UnitKind.SCHOOL, group))
    people = {}
    for name, unit, year in (("Trần Văn Bình", thcs, 1980), ("Lê Thị An", thcs, 1985),
                             ("Nguyễn Thị Hằng", thcs, 1990), ("Nguyễn Thị Hằng", thcs, 1975),
                             ("Phạm Quốc Việt", thcs, 1970), ("Đỗ Thị Mai", th, 1988)):  # fmt: skip
        key = name if name not in people else f"{name} {year}"
        people[key] = reg.create_person(
            PersonInput(name, Gender.FEMALE, PersonKind.VIEN_CHUC, unit, birth_year=year,
                        position="Giáo viên")
        )  # fmt: skip
    reg.set_people_active([people["Phạm Quốc Việt"]], False)
    return context, group, thcs, th, people


def _grades(ctx, year: int = YEAR) -> dict[tuple[int | None, int | None], tuple[Grade, str]]:  # type: ignore[no-untyped-def]
    with ctx.database.session_scope() as s:
        rows = s.execute(select(EvaluationRow).where(EvaluationRow.year == year)).scalars()
        return {(r.person_id, r.unit_id): (r.grade, r.note) for r in rows}


# Text -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        ("Hoàn thành xuất sắc nhiệm vụ", G.EXCELLENT), ("HTXS", G.EXCELLENT), ("htxs", G.EXCELLENT),
        ("HTXSNV", G.EXCELLENT), ("hoan thanh xuat sac", G.EXCELLENT), ("1", G.EXCELLENT),
        ("Hoàn thành tốt nhiệm vụ", G.GOOD), ("HTT", G.GOOD), ("hoan thanh tot", G.GOOD),
        ("HTTNV", G.GOOD), (2.0, G.GOOD), ("Hoàn thành nhiệm vụ", G.COMPLETED), ("HT", G.COMPLETED),
        ("  ht  ", G.COMPLETED), ("KHT", G.NOT_COMPLETED), ("Không hoàn thành nhiệm vụ",
        G.NOT_COMPLETED), ("khong hoan thanh", G.NOT_COMPLETED), ("", None), (None, None),
    ],
)  # fmt: skip
def test_every_usual_spelling_of_a_grade_is_read(text: object, grade: Grade | None) -> None:
    assert parse_grade(text) is grade


def test_a_word_that_is_no_grade_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="«tốt lắm» không phải mức xếp loại"):
        parse_grade("tốt lắm")
    with pytest.raises(ValueError):
        parse_grade("x")  # a tick mark in a spreadsheet is not a grade…
    assert parse_grade("x", typed=True) is G.EXCELLENT  # …but a letter typed in the grid is


def test_pasted_excel_cells_become_grades_and_bad_cells_are_named_by_row() -> None:
    text = 'HTXS\tĐi học\r\nhtt\r\n\r\nabc\r\n"Hoàn thành\r\nnhiệm vụ"\r\n'
    assert split_pasted(text)[0] == ["HTXS", "Đi học"]
    pasted = parse_pasted_grades(text)
    assert pasted.grades[:3] == (G.EXCELLENT, G.GOOD, None)
    assert pasted.notes == ("Đi học", "", "", "", "")
    assert len(pasted.errors) == 1 and pasted.errors[0].startswith("Dòng 4: «abc»")
    assert parse_pasted_grades("HT\nKHT\n").grades == (G.COMPLETED, G.NOT_COMPLETED)
    assert parse_pasted_grades("").grades == ()


# The grid and saving -------------------------------------------------------------------------


def test_the_grid_lists_the_collective_first_then_active_people_by_name(school) -> None:  # type: ignore[no-untyped-def]
    ctx, _group, thcs, _th, _people = school
    grid = ctx.services.evaluations.grid(thcs, YEAR)
    assert grid.rows[0].collective and grid.rows[0].name == "Trường THCS Cát Thành"
    names = [r.name for r in grid.rows[1:]]
    assert names == sorted(names, key=name_sort_key)
    assert "Phạm Quốc Việt" not in names  # no longer followed
    assert len(names) == 4 and all(r.grade is None for r in grid.rows)


def test_save_writes_new_changed_and_removed_grades_and_one_audit_entry(school) -> None:  # type: ignore[no-untyped-def]
    ctx, _group, thcs, _th, p = school
    ev = ctx.services.evaluations
    first = ev.save(YEAR, thcs, [GradeChange.person(p["Trần Văn Bình"], G.GOOD, "Tổ trưởng"),
                                GradeChange.person(p["Lê Thị An"], "htxs"),
                                GradeChange.unit(thcs, G.EXCELLENT)])  # fmt: skip
    assert (first.added, first.changed, first.removed) == (3, 0, 0)
    grid = {r.name: r for r in ev.grid(thcs, YEAR).rows}
    assert grid["Trần Văn Bình"].grade is G.GOOD and grid["Trần Văn Bình"].note == "Tổ trưởng"
    assert grid["Trường THCS Cát Thành"].grade is G.EXCELLENT

    second = ev.save(YEAR, thcs, [GradeChange.person(p["Trần Văn Bình"], G.EXCELLENT),
                                 GradeChange.person(p["Lê Thị An"], None)])  # fmt: skip
    assert (second.added, second.changed, second.removed) == (0, 1, 1)
    saved = _grades(ctx)
    assert saved[(p["Trần Văn Bình"], None)] == (G.EXCELLENT, "Tổ trưởng")  # note kept
    assert (p["Lê Thị An"], None) not in saved
    with ctx.database.session_scope() as s:
        rows = s.execute(
            select(EvaluationRow.in_unit_id).where(EvaluationRow.person_id.is_not(None))
        )
        assert {r[0] for r in rows} == {thcs}
        audits = s.scalars(select(AuditEntryRow).where(AuditEntryRow.entity == "evaluation")).all()
    assert [(a.detail["added"], a.detail["changed"], a.detail["removed"]) for a in audits] == [
        (3, 0, 0), (0, 1, 1)]  # fmt: skip
    assert ev.save(YEAR, thcs, [GradeChange.person(p["Trần Văn Bình"], G.EXCELLENT)]).total == 0


def test_a_grade_for_someone_outside_the_unit_saves_nothing_and_names_them(school) -> None:  # type: ignore[no-untyped-def]
    ctx, group, thcs, _th, p = school
    ev = ctx.services.evaluations
    with pytest.raises(ValidationError) as refused:
        ev.save(YEAR, thcs, [GradeChange.person(p["Trần Văn Bình"], G.GOOD),
                             GradeChange.person(p["Đỗ Thị Mai"], G.GOOD)])  # fmt: skip
    assert "«Đỗ Thị Mai» không thuộc «Trường THCS Cát Thành»" in refused.value.message
    assert (
        "nothing" not in refused.value.message and "không có thay đổi nào" in refused.value.message
    )
    assert list(refused.value.field_errors) == [f"person:{p['Đỗ Thị Mai']}"]
    assert _grades(ctx) == {}
    # The same person is accepted once the sub-units are included.
    assert ev.save(YEAR, group, [GradeChange.person(p["Đỗ Thị Mai"], G.GOOD)], True).added == 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda p, u: GradeChange.person(p["Phạm Quốc Việt"], G.GOOD), "«Phạm Quốc Việt» đã ngừng"),
        (lambda p, u: GradeChange.person(p["Lê Thị An"], "tot lam"), "«tot lam» không có trong"),
        (lambda p, u: GradeChange.person(999_999, G.GOOD), "mã 999999 không còn"),
        (lambda p, u: GradeChange.unit(u, G.GOOD), "nhóm đơn vị"),
        (lambda p, u: GradeChange.person(p["Lê Thị An"], G.GOOD, "x" * 501), "dài quá 500"),
    ],
)  # fmt: skip
def test_bad_changes_are_refused_before_anything_is_written(school, change, message) -> None:  # type: ignore[no-untyped-def]
    ctx, group, thcs, _th, p = school
    good = GradeChange.person(p["Trần Văn Bình"], G.GOOD)
    scope = group if "nhóm" in message else thcs
    with pytest.raises(ValidationError, match=message):
        ctx.services.evaluations.save(YEAR, scope, [good, change(p, group)], True)
    assert _grades(ctx) == {}


def test_a_year_out_of_range_or_a_unit_gone_is_a_clear_message(school) -> None:  # type: ignore[no-untyped-def]
    ctx, _group, thcs, _th, _p = school
    with pytest.raises(UserError, match="Năm 1200"):
        ctx.services.evaluations.save(1200, thcs, [])
    with pytest.raises(UserError, match="Đơn vị đã chọn không còn"):
        ctx.services.evaluations.grid(987_654, YEAR)


def test_set_for_unit_fills_only_the_empty_ones_unless_asked(school) -> None:  # type: ignore[no-untyped-def]
    ctx, _group, thcs, _th, p = school
    ev = ctx.services.evaluations
    ev.save(YEAR, thcs, [GradeChange.person(p["Lê Thị An"], G.EXCELLENT)])
    assert ev.set_for_unit(thcs, YEAR, G.GOOD) == 3
    saved = _grades(ctx)
    assert saved[(p["Lê Thị An"], None)][0] is G.EXCELLENT
    assert sum(g is G.GOOD for g, _n in saved.values()) == 3
    assert (None, thcs) not in saved  # the collective keeps its own grade
    assert ev.set_for_unit(thcs, YEAR, G.COMPLETED, only_empty=False) == 4
    assert {g for g, _n in _grades(ctx).values()} == {G.COMPLETED}


def test_missing_and_summary_count_staff_and_graded_collectives(school) -> None:  # type: ignore[no-untyped-def]
    ctx, _group, thcs, th, p = school
    ev = ctx.services.evaluations
    missing = {m.unit_id: m for m in ev.missing(YEAR)}
    assert (missing[thcs].people, missing[thcs].staff, missing[thcs].collective) == (4, 4, True)
    assert "Khối trường học › Trường THCS" in missing[thcs].unit_name
    ev.save(YEAR, thcs, [GradeChange.person(p["Lê Thị An"], G.EXCELLENT),
                         GradeChange.person(p["Trần Văn Bình"], G.GOOD),
                         GradeChange.unit(thcs, G.GOOD)])  # fmt: skip
    missing = {m.unit_id: m for m in ev.missing(YEAR)}
    assert (missing[thcs].people, missing[thcs].collective) == (2, False)
    assert missing[th].people == 1
    summary = ev.summary(YEAR)
    assert summary.people == {G.EXCELLENT: 1, G.GOOD: 1}
    assert summary.collectives == {G.GOOD: 1}
    assert (summary.people_missing, summary.collectives_missing) == (3, 1)


def test_someone_graded_here_who_moved_away_shows_read_only(school) -> None:  # type: ignore[no-untyped-def]
    ctx, _group, thcs, th, p = school
    ev = ctx.services.evaluations
    ev.save(YEAR, thcs, [GradeChange.person(p["Lê Thị An"], G.GOOD)])
    ev.save(YEAR - 1, thcs, [GradeChange.person(p["Lê Thị An"], G.EXCELLENT)])
    ctx.services.registry.move_people([p["Lê Thị An"]], th)
    old = {r.name: r for r in ev.grid(thcs, YEAR).rows}
    assert not old["Lê Thị An"].editable and "Trường Tiểu học" in old["Lê Thị An"].remark
    new = {r.name: r for r in ev.grid(th, YEAR).rows}
    assert new["Lê Thị An"].editable and new["Lê Thị An"].grade is G.GOOD
    assert new["Lê Thị An"].last_grade is G.EXCELLENT


def test_saving_300_grades_is_a_handful_of_statements(school) -> None:  # type: ignore[no-untyped-def]
    ctx, _group, thcs, _th, _p = school
    reg = ctx.services.registry
    names = [p.full_name for p in generate_demo_commune(3).people]
    ids = [reg.create_person(PersonInput(names[i], Gender.MALE, PersonKind.VIEN_CHUC, thcs))
           for i in range(300)]  # fmt: skip
    statements: list[str] = []
    from sqlalchemy import event

    def count(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(ctx.database.engine, "before_cursor_execute", count)
    try:
        result = ctx.services.evaluations.save(
            YEAR, thcs, [GradeChange.person(i, G.GOOD) for i in ids]
        )
    finally:
        event.remove(ctx.database.engine, "before_cursor_execute", count)
    assert result.added == 300
    assert len(statements) < 15, statements
    with ctx.database.session_scope() as s:
        assert s.scalar(select(func.count()).select_from(EvaluationRow)) == 300


# Excel import --------------------------------------------------------------------------------


def _book(path: Path, rows: list[list[object]], header: list[str]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["DANH SÁCH XẾP LOẠI NĂM 2026"])
    ws.append([])
    ws.append(header)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def test_import_matches_names_without_accents_and_tells_namesakes_apart(school, tmp_path) -> None:  # type: ignore[no-untyped-def]
    ctx, _group, thcs, _th, p = school
    path = _book(tmp_path / "xl.xlsx", [
        [1, "TRAN VAN BINH", None, "HTT", "Tổ trưởng"],
        [2, "Nguyễn Thị Hằng", 1975, "Hoàn thành xuất sắc nhiệm vụ", None],
        [3, "Lê Thị An", None, None, None],  # not graded in the file: left alone
        [None, "II. Tổ văn phòng", None, None, None],
    ], ["STT", "Họ và tên", "Năm sinh", "Xếp loại", "Ghi chú"])  # fmt: skip
    ev = ctx.services.evaluations
    preview = ev.import_preview(path, thcs, YEAR)
    assert preview.error_count == 0 and len(preview.rows) == 2
    assert "Họ và tên: cột B" in preview.columns and "Xếp loại: cột D" in preview.columns
    assert preview.rows[1].matched.startswith("Nguyễn Thị Hằng")
    assert ev.import_commit(preview).added == 2
    saved = _grades(ctx)
    assert saved[(p["Trần Văn Bình"], None)] == (G.GOOD, "Tổ trưởng")
    assert saved[(p["Nguyễn Thị Hằng 1975"], None)][0] is G.EXCELLENT


def test_import_with_one_bad_row_writes_nothing(school, tmp_path) -> None:  # type: ignore[no-untyped-def]
    ctx, _group, thcs, _th, _p = school
    path = _book(tmp_path / "xl.xlsx", [
        ["Trần Văn Bình", "HTT", None],
        ["Nguyễn Thị Hằng", "HT", None],  # two of that name, nothing to tell them apart
        ["Đỗ Thị Mai", "HT", None],  # in the other school
        ["Lê Thị An", "giỏi", None],
    ], ["Họ và tên", "Mức xếp loại", "Ghi chú"])  # fmt: skip
    ev = ctx.services.evaluations
    preview = ev.import_preview(path, thcs, YEAR)
    errors = [r.error for r in preview.rows]
    assert errors[0] == ""
    assert "Có 2 người tên «Nguyễn Thị Hằng»" in errors[1]
    assert "Không có «Đỗ Thị Mai» trong «Trường THCS Cát Thành»" in errors[2]
    assert "«giỏi» không phải mức xếp loại" in errors[3]
    with pytest.raises(UserError, match="còn 3 dòng lỗi"):
        ev.import_commit(preview)
    assert _grades(ctx) == {}


def test_import_reads_one_ticked_column_per_grade(school, tmp_path) -> None:  # type: ignore[no-untyped-def]
    ctx, _group, thcs, _th, p = school
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["STT", "Họ và tên", "Kết quả xếp loại", None, None, None])
    ws.append([None, None, "HTXSNV", "HTTNV", "HTNV", "KHTNV"])
    ws.append([1, "Lê Thị An", None, "x", None, None])
    ws.append([2, "Trần Văn Bình", "x", None, None, None])
    wb.save(tmp_path / "x.xlsx")
    preview = ctx.services.evaluations.import_preview(tmp_path / "x.xlsx", thcs, YEAR)
    assert [(r.name, r.grade) for r in preview.rows] == [
        ("Lê Thị An", G.GOOD), ("Trần Văn Bình", G.EXCELLENT)]  # fmt: skip
    assert (
        preview.rows[0].kind is SubjectKind.PERSON and preview.rows[0].subject_id == p["Lê Thị An"]
    )


def test_a_file_without_name_and_grade_columns_says_what_to_do(school, tmp_path) -> None:  # type: ignore[no-untyped-def]
    ctx, _group, thcs, _th, _p = school
    path = _book(tmp_path / "x.xlsx", [["a", "b"]], ["Cột 1", "Cột 2"])
    with pytest.raises(UserError, match="Không tìm thấy cột «Họ và tên» và cột «Xếp loại»"):
        ctx.services.evaluations.import_preview(path, thcs, YEAR)


def test_export_writes_the_grid(school, tmp_path) -> None:  # type: ignore[no-untyped-def]
    ctx, _group, thcs, _th, p = school
    ctx.services.evaluations.save(YEAR, thcs, [GradeChange.person(p["Lê Thị An"], G.GOOD)])
    out = tmp_path / "xep-loai.xlsx"
    assert ctx.services.evaluations.export_grid(out, thcs, YEAR) == 5
    values = [c for row in openpyxl.load_workbook(out).active.iter_rows(values_only=True)
              for c in row]  # fmt: skip
    assert "Lê Thị An" in values and "Hoàn thành tốt nhiệm vụ" in values
