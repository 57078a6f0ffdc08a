"""The document register: numbers per year and series from 1, no gaps, never the same number
twice (even from two windows at the same moment), the văn thư's own numbers typed in."""

from __future__ import annotations

import datetime as dt
import threading

import openpyxl
import pytest
from sqlalchemy import func, select

from emulation_desktop.domain.enums import DocType
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.services.doc_register import ExternalEntryInput, take
from emulation_desktop.store.award_models import DocRegisterRow
from emulation_desktop.store.models import AuditEntryRow

D = dt.date


def _take(db, series: DocType, day: dt.date, summary: str, number: int | None = None) -> str:  # type: ignore[no-untyped-def]
    with db.session_scope() as s:
        row = take(s, series, day, summary, number)
        return f"{row.number:02d}/{row.symbol}"


def _rows(db) -> int:  # type: ignore[no-untyped-def]
    with db.session_scope() as s:
        return s.scalar(select(func.count()).select_from(DocRegisterRow))


def test_numbers_start_at_one_per_year_and_series(context) -> None:  # type: ignore[no-untyped-def]
    db = context.database
    assert _take(db, DocType.DECISION, D(2026, 1, 5), "Về việc a") == "01/QĐ-UBND"
    assert _take(db, DocType.DECISION, D(2026, 2, 5), "Về việc b") == "02/QĐ-UBND"
    assert _take(db, DocType.SUBMISSION, D(2026, 2, 6), "Về việc c") == "01/TTr-UBND"
    assert _take(db, DocType.DECISION, D(2027, 1, 2), "Về việc d") == "01/QĐ-UBND"
    register = context.services.doc_register
    assert register.next_text(2026, DocType.DECISION) == "03/QĐ-UBND"
    assert [e.number_text for e in register.list(2026)] == [
        "01/QĐ-UBND", "02/QĐ-UBND", "01/TTr-UBND",
    ]  # fmt: skip
    assert [e.number_text for e in register.list(2026, DocType.SUBMISSION)] == ["01/TTr-UBND"]
    assert [e.summary for e in register.list(2026, text="ve viec b")] == ["Về việc b"]


def test_a_number_typed_by_hand_must_be_free(context) -> None:  # type: ignore[no-untyped-def]
    db = context.database
    for n in range(1, 5):
        _take(db, DocType.DECISION, D(2026, 2, n), f"Về việc số {n}")
    _take(db, DocType.DECISION, D(2026, 3, 1), "Về việc tặng Giấy khen", 5)
    before = _rows(db)
    with pytest.raises(ValidationError) as caught:
        _take(db, DocType.DECISION, D(2026, 4, 1), "Về việc khác", 5)
    assert caught.value.field_errors["number"].startswith(
        "Số 05/QĐ-UBND năm 2026 đã được dùng cho «Về việc tặng Giấy khen» ngày 01/03/2026."
    )
    assert _rows(db) == before
    # A number beyond the next one would leave a hole in the program's own numbering.
    with pytest.raises(ValidationError) as caught:
        _take(db, DocType.DECISION, D(2027, 4, 1), "x", 5)
    assert "bỏ trống các số từ 01/QĐ-UBND của năm 2027" in caught.value.field_errors["number"]
    assert _rows(db) == before
    assert _take(db, DocType.DECISION, D(2027, 4, 1), "x", 1) == "01/QĐ-UBND"
    assert _take(db, DocType.DECISION, D(2026, 4, 2), "y") == "06/QĐ-UBND"


def test_a_number_is_taken_only_by_the_transaction_that_issues(context) -> None:  # type: ignore[no-untyped-def]
    db = context.database
    with pytest.raises(RuntimeError), db.session_scope() as s:
        take(s, DocType.DECISION, D(2026, 5, 1), "Về việc bị hủy")
        raise RuntimeError("the document could not be written")
    assert _take(db, DocType.DECISION, D(2026, 5, 2), "Về việc z") == "01/QĐ-UBND"  # no gap


def test_two_windows_never_get_the_same_number(context) -> None:  # type: ignore[no-untyped-def]
    """Two threads with their own connections take a number at the same moment: the first
    holds the write while the second has already read the same "next number"."""
    db = context.database
    first_read = threading.Event()
    results: dict[str, object] = {}

    def slow(name: str, pause: float) -> None:
        try:
            with db.session_scope() as s:
                from emulation_desktop.services import doc_register

                n = doc_register.next_number(s, 2026, DocType.DECISION)
                first_read.set()
                threading.Event().wait(pause)
                row = take(s, DocType.DECISION, D(2026, 6, 1), f"Văn bản {name}", n)
                threading.Event().wait(0.2)  # keep the write open while the other inserts
                results[name] = row.number
        except UserError as exc:
            results[name] = exc

    def hurried() -> None:
        first_read.wait()
        try:
            with db.session_scope() as s:
                row = take(s, DocType.DECISION, D(2026, 6, 1), "Văn bản B")
                results["B"] = row.number
        except UserError as exc:
            results["B"] = exc

    threads = [threading.Thread(target=slow, args=("A", 0.0)), threading.Thread(target=hurried)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(20)
    numbers = [v for v in results.values() if isinstance(v, int)]
    refused = [v for v in results.values() if isinstance(v, UserError)]
    assert len(numbers) + len(refused) == 2
    assert len(set(numbers)) == len(numbers)  # never the same number twice
    for exc in refused:
        assert "vừa được dùng" in exc.message or "đã được dùng" in exc.message
    with db.session_scope() as s:
        stored = s.scalars(select(DocRegisterRow.number).where(DocRegisterRow.year == 2026)).all()
    assert sorted(stored) == sorted(numbers)


def test_clash_found_only_by_the_constraint_is_the_same_clear_refusal(context) -> None:  # type: ignore[no-untyped-def]
    """Another connection commits the number between our check and our insert."""
    db = context.database
    other = db.sessions()
    with pytest.raises(UserError) as caught, db.session_scope() as s:
        from emulation_desktop.services import doc_register

        n = doc_register.next_number(s, 2026, DocType.DECISION)
        other.add(DocRegisterRow(year=2026, series=DocType.DECISION, number=n, symbol="QĐ-UBND",
                                 issued_on=D(2026, 7, 1), summary="khác"))  # fmt: skip
        other.commit()
        s.add(DocRegisterRow(year=2026, series=DocType.DECISION, number=n, symbol="QĐ-UBND",
                             issued_on=D(2026, 7, 1), summary="của tôi"))  # fmt: skip
        doc_register.flush_or_refuse(s, "uq_doc_register", "Số 01/QĐ-UBND vừa được dùng.")
    other.close()
    assert caught.value.message == "Số 01/QĐ-UBND vừa được dùng."
    assert _rows(db) == 1


def test_the_office_book_is_typed_in_and_the_next_number_follows_it(context) -> None:  # type: ignore[no-untyped-def]
    register = context.services.doc_register
    entry = register.add_external(
        ExternalEntryInput(DocType.DECISION, 14, D(2026, 3, 2), " Về việc  kiện toàn Hội đồng ")
    )
    assert register.next_text(2026, DocType.DECISION) == "15/QĐ-UBND"
    [row] = register.list(2026)
    assert (row.summary, row.external, row.used_by) == (
        "Về việc kiện toàn Hội đồng", True, "Ghi từ sổ của văn thư",
    )  # fmt: skip
    with context.database.session_scope() as s:
        assert s.scalar(select(AuditEntryRow.entity).where(AuditEntryRow.entity_id == entry)) == (
            "doc_register"
        )
    with pytest.raises(ValidationError) as caught:
        register.add_external(ExternalEntryInput(DocType.DECISION, None, None, ""))
    assert set(caught.value.field_errors) == {"number", "issued_on", "summary"}


def test_only_the_last_typed_number_can_be_deleted(context) -> None:  # type: ignore[no-untyped-def]
    register = context.services.doc_register
    first = register.add_external(ExternalEntryInput(DocType.NOTICE, 1, D(2026, 3, 2), "TB 1"))
    register.add_external(ExternalEntryInput(DocType.NOTICE, 2, D(2026, 3, 3), "TB 2"))
    with pytest.raises(UserError, match="khoảng trống"):
        register.delete_external(first)
    issued = _take(context.database, DocType.NOTICE, D(2026, 3, 4), "TB 3")
    assert issued == "03/TB-UBND"
    last = register.list(2026)[-1]
    with pytest.raises(UserError, match="do chương trình cấp"):
        register.delete_external(last.id)


def test_the_register_exports_to_excel(context, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = context.database
    _take(db, DocType.DECISION, D(2026, 1, 5), "Về việc tặng Giấy khen")
    _take(db, DocType.SUBMISSION, D(2026, 1, 6), "Về việc đề nghị tặng Bằng khen")
    path = tmp_path / "so.xlsx"
    assert context.services.doc_register.export(path, 2026) == 2
    sheet = openpyxl.load_workbook(path).active
    values = list(sheet.iter_rows(values_only=True))
    header = next(r for r in values if r and r[0] == "STT")
    assert list(header[1:]) == ["Loại văn bản", "Số, ký hiệu", "Ngày ban hành",
                                "Trích yếu nội dung", "Ghi chú"]  # fmt: skip
    first = values[values.index(header) + 1]
    assert first[1:4] == ("Quyết định", "01/QĐ-UBND", dt.datetime(2026, 1, 5))
