"""Thông báo công khai of a round whose list must be public (Gia đình văn hóa, thôn, tổ dân phố
văn hóa): reopened, its period, contact, list and signer checked against the round's data."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from emulation_desktop.domain.enums import (
    DecisionKind,
    DocumentKind,
    NominationStatus,
    RoundKind,
    SubjectKind,
)
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.nominations import NominationInput, NoticeInput, RoundInput
from tests.docx_checks import check_nd30, closing, grid_rows, texts


def round_of(demo, year: int, kind: RoundKind):  # type: ignore[no-untyped-def]
    return next(r for r in demo.rounds.rounds(year) if r.kind is kind)


@pytest.fixture(scope="module")
def family(demo, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    rnd = round_of(demo, 2024, RoundKind.FAMILY)
    out = tmp_path_factory.mktemp("thong-bao") / "thong-bao.docx"
    demo.documents.write(DocumentKind.NOTICE, rnd.id, out)
    return rnd, out


def test_header_number_and_date_from_the_rounds_notice(family) -> None:  # type: ignore[no-untyped-def]
    rnd, out = family
    assert rnd.notice_document == "Thông báo số 27/TB-UBND ngày 14/11/2024"
    opened = check_nd30(out)
    assert opened.number == "Số: 27/TB-UBND"
    assert opened.date_line == "Cát Thành, ngày 14 tháng 11 năm 2024"
    lines = texts(opened.doc)
    i = lines.index("THÔNG BÁO")
    assert lines[i + 1] == (
        "Công khai danh sách đề nghị công nhận danh hiệu “Gia đình văn hóa” năm 2024"
    )


def test_period_contact_and_ending(demo, family) -> None:  # type: ignore[no-untyped-def]
    rnd, out = family
    lines = texts(check_nd30(out).doc)
    end = rnd.notice_start + dt.timedelta(days=rnd.notice_days - 1)
    assert end == rnd.notice_end == dt.date(2024, 11, 23)
    assert "2. Thời gian công khai: 10 ngày, từ ngày 14/11/2024 đến hết ngày 23/11/2024." in lines
    kept = [i for i in demo.rounds.items(rnd.id) if i.status is not NominationStatus.WITHDRAWN]
    opening = next(x for x in lines if x.startswith("Ủy ban nhân dân xã Cát Thành thông báo"))
    assert f"danh sách {len(kept)} hộ gia đình được đề nghị" in opening
    comments = next(x for x in lines if x.startswith("3. Ý kiến góp ý"))
    profile = demo.profile.get()
    assert "gửi về Ủy ban nhân dân xã Cát Thành" in comments
    assert f"đồng chí {profile.officer}" in comments
    assert any("Nghị định số 86/2023/NĐ-CP" in x for x in lines if x.startswith("Căn cứ"))
    before_closing = [x for x in lines if x.startswith("Ủy ban nhân dân xã Cát Thành thông báo để")]
    assert len(before_closing) == 1 and before_closing[0].endswith("./.")
    assert [x for x in lines if "./." in x] == before_closing  # the only end, written once
    assert before_closing[0].endswith(" tham gia ý kiến./.")
    assert "1. Hình thức công khai: niêm yết tại trụ sở Ủy ban nhân dân xã Cát Thành, nhà văn " \
        "hóa các thôn, tổ dân phố và thông báo trên hệ thống thông tin, truyền thanh của xã." \
        in lines  # fmt: skip


def test_every_nominee_listed_once(demo, family) -> None:  # type: ignore[no-untyped-def]
    rnd, out = family
    doc = check_nd30(out).doc
    rows = grid_rows(doc)
    assert rows[0][0] == "STT"
    body = rows[1:]
    kept = [i for i in demo.rounds.items(rnd.id) if i.status is not NominationStatus.WITHDRAWN]
    assert len(body) == len(kept) > 100
    assert [r[0] for r in body] == [str(n) for n in range(1, len(kept) + 1)]
    # namesakes exist (two "Hộ bà Trần Thị Diệp"): a household is its name and its place
    assert sorted((r[1], r[2]) for r in body) == sorted(
        (i.subject.name, i.subject.place) for i in kept
    )
    assert {r[3] for r in body} == {"Gia đình văn hóa"}
    subtitle = next(x for x in texts(doc) if x.startswith("(Kèm theo Thông báo"))
    assert subtitle == "(Kèm theo Thông báo số 27/TB-UBND ngày 14/11/2024 của UBND xã Cát Thành)"


def test_signed_by_the_vice_chairman_who_signed_the_rounds_decision(demo, family) -> None:  # type: ignore[no-untyped-def]
    rnd, out = family
    own = [
        (d, demo.decisions.detail(d.id))
        for d in demo.decisions.list(2024)
        if d.kind is DecisionKind.AWARD
    ]
    decision = next(d for d, detail in own if detail.round_id == rnd.id)
    recipients, signature = closing(check_nd30(out).doc)
    assert [x for x in signature if x] == [
        "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", decision.signer_name,
    ]  # fmt: skip
    assert decision.signer_name in demo.profile.get().vice_chairmen
    assert recipients[-1] == "- Lưu: VT."


def test_village_round_signed_by_the_chairman(demo, tmp_path: Path) -> None:
    rnd = round_of(demo, 2024, RoundKind.VILLAGE)
    out = tmp_path / "thon.docx"
    demo.documents.write(DocumentKind.NOTICE, rnd.id, out)
    opened = check_nd30(out)
    assert opened.number == "Số: 28/TB-UBND"
    rows = grid_rows(opened.doc)[1:]
    assert len(rows) == rnd.items
    assert {r[2] for r in rows} == {"Xã Cát Thành"}  # a collective's address is the commune
    _, signature = closing(opened.doc)
    assert [x for x in signature if x] == [
        "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", demo.profile.get().chairman,
    ]  # fmt: skip


def test_round_without_notice_is_refused(demo, tmp_path: Path) -> None:
    rnd = round_of(demo, 2024, RoundKind.YEAR_END)
    out = tmp_path / "x.docx"
    with pytest.raises(UserError) as exc:
        demo.documents.write(DocumentKind.NOTICE, rnd.id, out)
    assert "không phải công khai danh sách" in exc.value.message
    assert not out.exists()


def test_unknown_round_is_refused(demo, tmp_path: Path) -> None:
    out = tmp_path / "x.docx"
    out.write_bytes(b"old")
    with pytest.raises(UserError):
        demo.documents.write(DocumentKind.NOTICE, 999_999, out)
    assert out.read_bytes() == b"old"


def test_new_round_empty_then_without_start_then_blank_number(demo, tmp_path: Path) -> None:
    rid = demo.rounds.create(RoundInput(2026, RoundKind.VILLAGE, name="Bình xét bổ sung"))
    out = tmp_path / "moi.docx"
    with pytest.raises(UserError) as exc:
        demo.documents.write(DocumentKind.NOTICE, rid, out)
    assert "đang trống" in exc.value.message
    unit = round_of(demo, 2024, RoundKind.VILLAGE)
    first = demo.rounds.items(unit.id)[0].subject
    assert first.kind is SubjectKind.UNIT
    demo.rounds.add(
        rid, NominationInput(subject=(SubjectKind.UNIT, first.id), award_code="THON_TDP_VH",
                             year=2026),
    )  # fmt: skip
    with pytest.raises(UserError) as exc:
        demo.documents.write(DocumentKind.NOTICE, rid, out)
    assert "chưa ghi ngày bắt đầu công khai" in exc.value.message
    assert not out.exists()
    demo.rounds.set_notice(rid, NoticeInput(dt.date(2026, 12, 1), 10))
    demo.documents.write(DocumentKind.NOTICE, rid, out)
    opened = check_nd30(out)
    assert re.fullmatch(r"Số:\s+/TB-UBND", opened.number)
    assert opened.date_line == "Cát Thành, ngày 01 tháng 12 năm 2026"
    assert "2. Thời gian công khai: 10 ngày, từ ngày 01/12/2026 đến hết ngày 10/12/2026." in (
        texts(opened.doc)
    )
    assert [r[1] for r in grid_rows(opened.doc)[1:]] == [first.name]


def test_a_phuong_notice_speaks_of_the_phuong(ward, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rnd = round_of(ward, 2024, RoundKind.FAMILY)
    out = tmp_path / "thong-bao.docx"
    ward.documents.write(DocumentKind.NOTICE, rnd.id, out)
    opened = check_nd30(out)
    assert opened.header_cells[0].splitlines() == ["ỦY BAN NHÂN DÂN", "PHƯỜNG CÁT THÀNH"]
    lines = texts(opened.doc)
    assert "1. Hình thức công khai: niêm yết tại trụ sở Ủy ban nhân dân phường Cát Thành, nhà " \
        "văn hóa các thôn, tổ dân phố và thông báo trên hệ thống thông tin, truyền thanh của " \
        "phường." in lines  # fmt: skip
    assert not [x for x in lines if re.search(r"\bxã\b", x)], "a phường is never called xã"
    recipients, _ = closing(opened.doc)
    assert "- Thường trực Đảng ủy, HĐND phường Cát Thành;" in recipients
