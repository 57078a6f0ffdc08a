"""Initiatives as the officer records them: authors, recognition document, search, Excel."""

from __future__ import annotations

import datetime as dt
import unicodedata

import openpyxl
import pytest
from sqlalchemy import func, select

from emulation_desktop.domain.enums import (
    Gender,
    InitiativeKind,
    InitiativeScope,
    PersonKind,
    UnitKind,
)
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.initiatives import AuthorInput, InitiativeInput
from emulation_desktop.domain.registry import PersonInput, UnitInput
from emulation_desktop.store.cycle_models import InitiativeAuthorRow, InitiativeRow
from emulation_desktop.store.models import AuditEntryRow

TODAY = dt.date(2026, 11, 24)


@pytest.fixture
def service(context):  # type: ignore[no-untyped-def]
    s = context.services.initiatives
    s._today = lambda: TODAY
    return s


@pytest.fixture
def people(context) -> list[int]:  # type: ignore[no-untyped-def]
    reg = context.services.registry
    reg._today = lambda: TODAY
    unit = reg.create_unit(UnitInput("Văn phòng HĐND và UBND", UnitKind.OFFICE))
    names = ["Nguyễn Thị Hằng", "Đặng Văn Dũng", "Lê Minh Tâm"]
    return [
        reg.create_person(PersonInput(n, Gender.FEMALE, PersonKind.CONG_CHUC, unit)) for n in names
    ]


def _input(authors: list[int], **kw) -> InitiativeInput:  # type: ignore[no-untyped-def]
    kw.setdefault("kind", InitiativeKind.INITIATIVE)
    kw.setdefault("title", "Ứng dụng Zalo OA trả kết quả thủ tục hành chính")
    kw.setdefault("year", 2026)
    kw.setdefault("scope", InitiativeScope.BASE)
    kw.setdefault("doc_number", "112/QĐ-UBND")
    kw.setdefault("doc_date", dt.date(2026, 11, 10))
    kw.setdefault("doc_issuer", "UBND xã Cát Thành")
    kw.setdefault("applied_from", dt.date(2026, 3, 1))
    shares = kw.pop("shares", [None] * len(authors))
    return InitiativeInput(
        authors=tuple(AuthorInput(a, s) for a, s in zip(authors, shares, strict=True)), **kw
    )


def _count(context, table) -> int:  # type: ignore[no-untyped-def]
    with context.database.session_scope() as s:
        return s.scalar(select(func.count()).select_from(table)) or 0


def test_an_initiative_is_kept_with_its_authors_in_order_and_shares(service, people) -> None:  # type: ignore[no-untyped-def]
    iid = service.create(_input([people[1], people[0]], shares=[60, 40]))
    item = service.get(iid)
    assert [a.name for a in item.authors] == ["Đặng Văn Dũng", "Nguyễn Thị Hằng"]
    assert item.authors_text == "Đặng Văn Dũng (60%), Nguyễn Thị Hằng (40%)"
    assert item.recognised
    assert item.document == "112/QĐ-UBND ngày 10/11/2026 của UBND xã Cát Thành"


def test_text_is_stored_nfc_and_the_summary_keeps_its_lines(service, people) -> None:  # type: ignore[no-untyped-def]
    nfd = unicodedata.normalize("NFD", "  Số hóa   hồ sơ hộ tịch ")
    iid = service.create(_input([people[0]], title=nfd, summary="Dòng một  \n\n  Dòng hai"))
    item = service.get(iid)
    assert item.title == "Số hóa hồ sơ hộ tịch"
    assert unicodedata.is_normalized("NFC", item.title)
    assert item.summary == "Dòng một\n\nDòng hai"


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"title": "   "}, "title", "Hãy nhập tên"),
        ({"title": "x" * 501}, "title", "500"),
        ({"year": None}, "year", "Hãy nhập năm"),
        ({"year": 2027}, "year", "2026"),
        ({"year": 1980}, "year", "1990"),
        ({"year": 2024}, "year", "không khớp"),  # document of 10/11/2026: 2026 or 2025 only
        ({"doc_date": dt.date(2026, 2, 1)}, "doc_date", "trước ngày bắt đầu áp dụng"),
        ({"doc_date": dt.date(2026, 12, 1)}, "doc_date", "tương lai"),
        ({"doc_date": None}, "doc_date", "Hãy nhập ngày"),
        ({"doc_number": ""}, "doc_number", "Hãy nhập số"),
        ({"doc_number": "", "doc_date": None}, "doc_number", "số và ngày"),  # issuer alone
        (
            {
                "applied_from": dt.date(2027, 1, 1),
                "doc_date": None,
                "doc_number": "",
                "doc_issuer": "",
            },
            "applied_from",
            "tương lai",
        ),
        ({"doc_number": "1" * 61}, "doc_number", "60"),
        ({"field": "x" * 501}, "field", "500"),
    ],
)
def test_bad_input_is_refused_at_its_field_and_nothing_is_written(  # type: ignore[no-untyped-def]
    service, people, context, changes, field, words
) -> None:
    with pytest.raises(ValidationError) as err:
        service.create(_input([people[0]], **changes))
    assert words in err.value.field_errors[field]
    assert _count(context, InitiativeRow) == 0


@pytest.mark.parametrize(
    ("authors", "shares", "words"),
    [
        ([], [], "ít nhất một tác giả"),
        ([None], [None], "chưa chọn người"),
        ([0, 0], [None, None], "chỉ ghi một lần"),
        ([0, 1], [70, 40], "110%"),
        ([0], [0], "từ 1% đến 100%"),
        ([0], [101], "từ 1% đến 100%"),
    ],
)
def test_bad_authors_are_refused(service, people, context, authors, shares, words) -> None:  # type: ignore[no-untyped-def]
    ids = [people[a] if a is not None else None for a in authors]
    with pytest.raises(ValidationError) as err:
        service.create(_input(ids, shares=shares))
    assert words in err.value.field_errors["authors"]
    assert _count(context, InitiativeRow) == _count(context, InitiativeAuthorRow) == 0


def test_an_author_who_no_longer_exists_is_refused(service, people, context) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError, match="không còn trong danh sách"):
        service.create(_input([people[0], 9999]))
    assert _count(context, InitiativeRow) == 0


def test_the_year_before_the_document_is_allowed(service, people) -> None:  # type: ignore[no-untyped-def]
    # The council met in January 2026 to recognise 2025's initiatives.
    iid = service.create(
        _input([people[0]], year=2025, applied_from=dt.date(2025, 4, 1),
               doc_date=dt.date(2026, 1, 8))
    )  # fmt: skip
    assert service.get(iid).year == 2025


def test_an_initiative_without_its_document_yet_is_kept_but_not_recognised(service, people) -> None:  # type: ignore[no-untyped-def]
    iid = service.create(_input([people[0]], doc_number="", doc_date=None, doc_issuer=""))
    item = service.get(iid)
    assert not item.recognised and item.document == ""


def test_the_same_title_twice_in_a_year_is_refused_whatever_the_accents(service, people) -> None:  # type: ignore[no-untyped-def]
    service.create(_input([people[0]]))
    with pytest.raises(ValidationError) as err:
        service.create(_input([people[1]], title="ỨNG DỤNG ZALO OA TRẢ KẾT QUẢ THỦ TỤC HÀNH CHÍNH"))
    assert "Năm 2026 đã có" in err.value.field_errors["title"]
    other_year = _input([people[1]], year=2025, doc_date=dt.date(2025, 12, 1),
                        applied_from=dt.date(2025, 3, 1))  # fmt: skip
    assert service.create(other_year)  # another year is another initiative


def test_edit_replaces_authors_and_keeps_the_title_check(service, people) -> None:  # type: ignore[no-untyped-def]
    first = service.create(_input([people[0], people[1]], shares=[50, 50]))
    second = service.create(_input([people[2]], title="Số hóa hồ sơ hộ tịch"))
    service.update(first, _input([people[1], people[2]], shares=[30, None]))
    assert [(a.person_id, a.share) for a in service.get(first).authors] == [
        (people[1], 30),
        (people[2], None),
    ]
    with pytest.raises(ValidationError, match="đã có"):
        service.update(second, _input([people[2]]))
    service.update(second, _input([people[2]], title="Số hóa hồ sơ hộ tịch 1999–2015"))


def test_delete_removes_the_authors_and_leaves_an_audit_entry(service, people, context) -> None:  # type: ignore[no-untyped-def]
    iid = service.create(_input([people[0], people[1]]))
    service.delete(iid)
    assert service.get(iid) is None
    assert _count(context, InitiativeAuthorRow) == 0
    with context.database.session_scope() as s:
        entry = s.scalars(select(AuditEntryRow).where(AuditEntryRow.action == "delete")).one()
        assert entry.entity == "initiative" and entry.detail["authors"] == people[:2]
    with pytest.raises(UserError, match="không còn"):
        service.delete(iid)


def test_list_by_year_and_search_by_title_or_author_without_accents(service, people) -> None:  # type: ignore[no-untyped-def]
    service.create(_input([people[0]]))
    service.create(_input([people[1]], title="Số hóa hồ sơ hộ tịch", kind=InitiativeKind.RESEARCH))
    service.create(
        _input([people[2]], title="Bản đồ số di tích", year=2025, doc_date=dt.date(2025, 10, 1),
               applied_from=dt.date(2025, 1, 2))
    )  # fmt: skip
    titles = lambda *a, **k: [i.title for i in service.list(*a, **k)]  # noqa: E731
    assert titles(2026) == [
        "Số hóa hồ sơ hộ tịch",
        "Ứng dụng Zalo OA trả kết quả thủ tục hành chính",
    ]
    assert titles(2026, "ho tich") == ["Số hóa hồ sơ hộ tịch"]
    assert titles(2026, "DANG VAN") == ["Số hóa hồ sơ hộ tịch"]  # author Đặng Văn Dũng
    assert titles(2026, "hang zalo") == ["Ứng dụng Zalo OA trả kết quả thủ tục hành chính"]
    assert titles(2026, kind=InitiativeKind.RESEARCH) == ["Số hóa hồ sơ hộ tịch"]
    assert titles(None)[-1] == "Bản đồ số di tích"  # newest year first


def test_export_writes_the_list_as_shown(service, people, tmp_path) -> None:  # type: ignore[no-untyped-def]
    service.create(_input([people[0], people[1]], shares=[60, 40]))
    service.create(_input([people[1]], title="Số hóa hồ sơ hộ tịch"))
    path = tmp_path / "sk.xlsx"
    assert service.export(path, 2026, "zalo") == 1
    sheet = openpyxl.load_workbook(path).active
    values = [c for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    assert "DANH SÁCH SÁNG KIẾN, ĐỀ TÀI KHOA HỌC" in values
    assert "Nguyễn Thị Hằng (60%), Đặng Văn Dũng (40%)" in values
    assert "Số hóa hồ sơ hộ tịch" not in values
    assert any(isinstance(v, str) and "tìm «zalo»" in v for v in values)
