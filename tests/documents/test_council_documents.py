"""The council's papers as a provincial officer reads them: biên bản họp Hội đồng (vote table,
overrides with reasons, Thư ký left / Chủ tọa right), phiếu bầu (every candidate once per copy,
empty boxes, no number or signature), giấy mời (day, time, place) and quyết định kiện toàn
(every member with role)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import replace
from pathlib import Path

import docx
import pytest

from emulation_desktop.documents.docx.kinds import ballot as ballot_kind
from emulation_desktop.documents.docx.kinds import council_decision as decision_kind
from emulation_desktop.documents.docx.kinds import invitation as invitation_kind
from emulation_desktop.documents.docx.kinds import minutes as minutes_kind
from emulation_desktop.domain.council_documents import (
    decision_reference,
    legal_citation,
    meeting_subject,
    printed_basis,
    weekday,
)
from emulation_desktop.domain.decision_text import long_date
from emulation_desktop.domain.enums import DocumentKind, RoundKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.nominations import RoundInput
from emulation_desktop.domain.text import closed, lower_first
from emulation_desktop.services import document_council
from tests.docx_checks import W, check_nd30, closing, grid_rows, render_png, texts


@pytest.fixture(scope="module")
def closed_round(demo) -> int:  # type: ignore[no-untyped-def]
    """The demo's year-end round of 2025: closed meeting, 143 candidates, one member absent."""
    for r in demo.rounds.rounds(2025):
        if r.kind is RoundKind.YEAR_END and r.has_meeting:
            assert demo.council.minutes(r.id).final
            return r.id
    raise AssertionError("the demo has no closed year-end meeting in 2025")


def _grids(doc) -> list:  # type: ignore[no-untyped-def]
    """The bordered lists (the header and signature tables have no inner lines)."""
    out = []
    for t in doc.tables:
        inside = t._tbl.tblPr.find(f"{W}tblBorders/{W}insideH")
        if inside is not None and inside.get(f"{W}val") == "single":
            out.append(t)
    return out


def _vote_rows(doc) -> list[list[str]]:  # type: ignore[no-untyped-def]
    """The rows of every vote table, header rows left out."""
    rows = []
    for k in range(len(_grids(doc))):
        rows.extend(grid_rows(doc, k)[1:])
    return rows


def _table_order(lines):  # type: ignore[no-untyped-def]
    """Award after award, in the order the awards first come in the list (as on the ballot)."""
    first: dict[str, int] = {}
    for i, x in enumerate(lines):
        first.setdefault(x.award_code, i)
    return sorted(lines, key=lambda x: first[x.award_code])


# Biên bản -------------------------------------------------------------------------------------


def test_minutes_of_a_closed_meeting(demo, closed_round: int, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    m = demo.council.minutes(closed_round)
    out = tmp_path / "bb.docx"
    demo.documents.write(DocumentKind.MINUTES, closed_round, out)
    opened = check_nd30(out)
    doc = opened.doc
    assert opened.header_cells[0].splitlines() == [
        "UBND XÃ CÁT THÀNH", "HỘI ĐỒNG THI ĐUA –", "KHEN THƯỞNG",
    ]  # fmt: skip
    assert opened.number == "Số:      /BB-HĐTĐKT"
    assert opened.date_line == ""  # Mẫu 1.9: the day is in "Thời gian bắt đầu"
    all_text = texts(doc)
    assert "BIÊN BẢN" in all_text and "BIÊN BẢN (DỰ THẢO)" not in all_text
    assert "xét khen thưởng cuối năm 2025" in all_text
    body = "\n".join(all_text)
    assert f"Thời gian bắt đầu: Vào hồi 08 giờ 00 phút, {weekday(m.held_on)}, " \
        f"{long_date(m.held_on)}." in body  # fmt: skip
    assert f"Địa điểm: {m.place}." in body
    for member in m.members:
        assert body.count(f"{member.name} – {member.title} – {member.role}") == 1, member.name
    absent = m.absent[0]
    assert absent.note and absent.note[1:].rstrip(".") in body
    assert m.quorum_text in body
    assert "Số phiếu phát ra: 12 phiếu; số phiếu thu về hợp lệ: 12 phiếu" in body
    for a in m.awards:
        assert a.threshold in body
    # Every candidate once, with the votes, percent and result the council recorded.
    rows = _vote_rows(doc)
    assert Counter((r[1], r[2]) for r in rows) == Counter((x.name, x.place) for x in m.lines)
    in_order = _table_order(m.lines)
    assert len(in_order) == len(rows) == 143
    for row, line in zip(rows, in_order, strict=True):
        assert row[1:] == [line.name, line.place, str(line.votes), line.percent, line.result]
    assert [r[0] for r in rows] == [str(i) for i in range(1, len(rows) + 1)]
    assert f"Kết quả: {len(m.passed)}/{len(m.lines)} trường hợp đạt." in body
    assert "các trường hợp có kết quả “Đạt” nêu trên" in body
    assert "«" not in body and "»" not in body
    # NĐ 30 Phụ lục II: the smallest unit first, "số" before the document's number.
    assert "Căn cứ tiêu chuẩn, điều kiện theo Nghị định số 152/2025/NĐ-CP" in body
    assert body.count(
        "(điểm đ, điểm e khoản 2 Điều 6 Nghị định số 152/2025/NĐ-CP)"
    ) == len(m.awards)  # fmt: skip
    assert "Điều 6 khoản 2" not in body
    assert "Cuộc họp kết thúc vào hồi 16 giờ 30 phút cùng ngày." in body
    assert "Nơi nhận:" not in all_text
    left, right = closing(doc, recipients=False)
    assert left == ["THƯ KÝ", m.secretary]
    assert [x for x in right if x] == ["CHỦ TỌA", m.chair]


def test_minutes_numbers_match_the_ballot(demo, closed_round: int) -> None:  # type: ignore[no-untyped-def]
    """The council counts the papers against the minutes: the same number means the same name."""
    b = demo.council.ballot(closed_round)
    on_ballot = [(str(c.number), c.name) for g in b.groups for c in g.candidates]
    m = demo.council.minutes(closed_round)
    built = minutes_kind.build(m).doc
    assert [(r[0], r[1]) for r in _vote_rows(built)] == on_ballot


def test_minutes_print_overrides_with_reasons_and_draft_mark(  # type: ignore[no-untyped-def]
    demo, closed_round: int, tmp_path: Path
) -> None:
    m = demo.council.minutes(closed_round)
    lines = list(m.lines)
    lines[0] = replace(lines[0], passed=False, reason="Đơn vị có cán bộ bị kỷ luật trong năm")
    lines[5] = replace(lines[5], tie=True, reason="Có sáng kiến được công nhận")
    lines[6] = replace(lines[6], passed=False, computed=False, note="Vượt tỷ lệ 15% của đơn vị")
    cap = (
        "«Chiến sĩ thi đua cơ sở» năm 2025: tối đa 17 (15% của 116 «Lao động tiên tiến»; "
        "Điều 6 khoản 2 điểm b Nghị định 152/2025/NĐ-CP ?); 18 trường hợp đủ phiếu, vượt giới hạn"
    )
    draft = replace(m, final=False, lines=tuple(lines), caps=(cap,))
    out = tmp_path / "bb-draft.docx"
    minutes_kind.build(draft).save(out)
    doc = check_nd30(out).doc
    all_text = texts(doc)
    assert "BIÊN BẢN (DỰ THẢO)" in all_text
    body = "\n".join(all_text)
    assert "Lý do: Đơn vị có cán bộ bị kỷ luật trong năm." in body
    assert f"- {lines[0].name} ({lines[0].award_name}, {lines[0].votes} phiếu" in body
    assert "chọn trong số trường hợp bằng phiếu" in body and "Có sáng kiến được công nhận" in body
    assert "Vượt tỷ lệ 15% của đơn vị." in body
    assert (
        "- “Chiến sĩ thi đua cơ sở” năm 2025: tối đa 17 (15% của 116 “Lao động tiên tiến”; "
        "điểm b khoản 2 Điều 6 Nghị định số 152/2025/NĐ-CP); 18 trường hợp đủ phiếu, vượt "
        "giới hạn."
    ) in body
    assert "kết quả “Không đạt”. Lý do: Đơn vị có cán bộ bị kỷ luật trong năm." in body
    assert "kết quả “Đạt”" in body
    assert "«" not in body and "»" not in body  # documents quote with “ ”
    results = {id(x): r[5] for x, r in zip(_table_order(lines), _vote_rows(doc), strict=True)}
    assert results[id(lines[0])] == "Không đạt (*)"
    assert results[id(lines[5])] == "Đạt (*)"
    assert results[id(lines[6])] == "Không đạt"


def test_minutes_render(demo, closed_round: int, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "bien-ban.docx"
    demo.documents.write(DocumentKind.MINUTES, closed_round, out)
    assert render_png(out, tmp_path / "png")


# Phiếu bầu ------------------------------------------------------------------------------------


def test_ballot_one_copy_per_voter_every_candidate_once(  # type: ignore[no-untyped-def]
    demo, closed_round: int, tmp_path: Path
) -> None:
    b = demo.council.ballot(closed_round)
    out = tmp_path / "pb.docx"
    demo.documents.write(DocumentKind.BALLOT, closed_round, out)
    opened = check_nd30(out)
    doc = opened.doc
    assert opened.number == "" and opened.date_line == ""  # secret: nothing to trace it by
    assert "HỘI ĐỒNG THI ĐUA" in opened.header_cells[0]
    copies = ballot_kind.copies(b)
    assert copies == b.copies == 12
    assert texts(doc).count("PHIẾU BẦU") == copies
    assert texts(doc).count("Xét khen thưởng cuối năm 2025") == copies
    assert b.instruction in texts(doc)
    assert "vào ô “Đồng ý”, không đồng ý thì đánh dấu (X) vào ô “Không đồng ý”" in b.instruction
    assert texts(doc).count(f"Tổng số: {b.candidates} trường hợp./.") == copies
    expected = Counter((c.name, c.place) for g in b.groups for c in g.candidates)
    headings = {f"{g.award_name} ({len(g.candidates)})" for g in b.groups}
    assert len(_grids(doc)) == copies
    assert len(doc.tables) == 2 * copies  # header + list per copy: no signature block
    for k in range(copies):
        rows = grid_rows(doc, k)
        assert rows[0] == ["STT", "Họ và tên / Tên tập thể", "Đơn vị", "Đồng ý", "Không đồng ý"]
        groups = [r[0].split(". ", 1)[1] for r in rows[1:] if len(r) == 1]
        assert set(groups) == headings
        lines = [r for r in rows[1:] if len(r) == 5]
        assert Counter((r[1], r[2]) for r in lines) == expected
        assert all(r[3] == r[4] == "" for r in lines)  # empty boxes
    # Each copy numbers its own pages from its second page.
    sect = doc.element.body.findall(f".//{W}sectPr")
    assert len(sect) == copies
    for s in sect[1:]:
        assert s.find(f"{W}pgNumType").get(f"{W}start") == "1"
        assert s.find(f"{W}titlePg") is not None


def test_ballot_copies_are_capped(demo, closed_round: int) -> None:  # type: ignore[no-untyped-def]
    b = demo.council.ballot(closed_round)
    assert ballot_kind.copies(replace(b, copies=0)) == 1
    assert ballot_kind.copies(replace(b, copies=500)) == ballot_kind.MAX_COPIES
    huge = replace(b.groups[0], candidates=b.groups[0].candidates * 5000)
    assert ballot_kind.copies(replace(b, groups=(huge,))) == 4  # 20,000 rows at most


def test_ballot_of_a_round_without_nominations(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rid = demo.rounds.create(
        RoundInput(2026, RoundKind.SUDDEN, "Khen thưởng đột xuất tháng 12/2026")
    )
    out = tmp_path / "pb.docx"
    with pytest.raises(UserError, match="chưa có đề nghị nào"):
        demo.documents.write(DocumentKind.BALLOT, rid, out)
    assert not out.exists()


# Giấy mời -------------------------------------------------------------------------------------


def test_invitation(demo, closed_round: int, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sheet = demo.council.sheet(closed_round)
    day = sheet.meeting.held_on
    out = tmp_path / "gm.docx"
    demo.documents.write(DocumentKind.INVITATION, closed_round, out)
    opened = check_nd30(out)
    assert opened.header_cells[0].splitlines() == ["ỦY BAN NHÂN DÂN", "XÃ CÁT THÀNH"]
    assert opened.number == "Số:      /GM-UBND"
    # Printed after the meeting (12/12/2025): dated three days before it, when it was sent.
    assert dt.date.today() > day
    assert opened.date_line == "Cát Thành, ngày 09 tháng 12 năm 2025"
    body = "\n".join(texts(opened.doc))
    assert "GIẤY MỜI" in body
    assert (
        "Ủy ban nhân dân xã Cát Thành trân trọng kính mời: Các thành viên Hội đồng Thi đua – "
        "Khen thưởng xã Cát Thành (theo Quyết định số 12/QĐ-UBND ngày 01/7/2025)."
    ) in body
    assert "Thời gian: 08 giờ 00 phút, thứ Sáu, ngày 12 tháng 12 năm 2025." in body
    assert day == dt.date(2025, 12, 12)
    assert f"Địa điểm: {sheet.meeting.place}." in body
    assert "Nội dung: Xét khen thưởng cuối năm 2025: 143 trường hợp được đề nghị" in body
    assert "Lao động tiên tiến: 116" in body
    assert "Đề nghị các thành viên Hội đồng nghiên cứu trước hồ sơ" in body
    recipients, signature = closing(opened.doc)
    assert recipients == ["Nơi nhận:", "- Như trên;", "- Lưu: VT."]
    assert [x for x in signature if x] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn Thắng"]


def test_invitation_and_minutes_need_a_meeting(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    waiting = next(r for r in demo.rounds.rounds(2026) if not r.has_meeting)
    for kind, message in (
        (DocumentKind.INVITATION, "Hãy nhập ngày họp"),
        (DocumentKind.MINUTES, "Chưa mở cuộc họp"),
    ):
        out = tmp_path / f"{kind.value}.docx"
        with pytest.raises(UserError, match=message):
            demo.documents.write(kind, waiting.id, out)
        assert not out.exists()


def test_invitation_without_signer_is_refused(demo, closed_round: int, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = demo.documents.data(DocumentKind.INVITATION, closed_round)
    unsigned = replace(data, signature=replace(data.signature, name=""))
    with pytest.raises(UserError, match="Chưa có người ký"):
        invitation_kind.build(unsigned)


# Quyết định kiện toàn ---------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["new", "old"])
def test_council_decision_lists_every_member(demo, which: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    councils = demo.council.councils()  # newest first
    council = councils[0] if which == "new" else councils[-1]
    out = tmp_path / "qd.docx"
    demo.documents.write(DocumentKind.COUNCIL_DECISION, council.id, out)
    opened = check_nd30(out)
    number, day = decision_reference(council.decision_text)
    assert opened.number == f"Số: {number}"
    assert opened.date_line == f"Cát Thành, {long_date(day)}"
    all_text = texts(opened.doc)
    assert "Về việc kiện toàn Hội đồng Thi đua – Khen thưởng xã Cát Thành" in all_text
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ CÁT THÀNH" in all_text
    body = "\n".join(all_text)
    if which == "new":
        assert "Luật Tổ chức chính quyền địa phương số 72/2025/QH15" in body
        assert "thay thế Quyết định số 09/QĐ-UBND ngày 12/1/2024" in body
    else:
        assert "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015" in body
    assert "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15" in body
    roles = {
        "chu_tich": "Chủ tịch Hội đồng", "pho_thuong_truc": "Phó Chủ tịch thường trực Hội đồng",
        "pho_chu_tich": "Phó Chủ tịch Hội đồng", "uy_vien": "Ủy viên",
        "thu_ky": "Thư ký Hội đồng",
    }  # fmt: skip
    listed = [t for t in all_text if t[:1].isdigit() and ". " in t[:4]]
    assert len(listed) == len(council.members)
    for i, (line, member) in enumerate(zip(listed, council.members, strict=True), 1):
        person = demo.registry.person(member.person_id)
        assert line.startswith(f"{i}. {person.gender.honorific} {member.name} – ")
        assert line.endswith(f" – {member.title} – {roles[member.role.value]}" + (
            "." if i == len(listed) else ";"
        ))  # fmt: skip
    assert any(t.startswith("Điều 2. Hội đồng Thi đua – Khen thưởng xã Cát Thành có nhiệm vụ")
               for t in all_text)  # fmt: skip
    assert any(t.startswith("Điều 3. Quyết định này có hiệu lực") and t.endswith("./.")
               for t in all_text)  # fmt: skip
    recipients, signature = closing(opened.doc)
    assert recipients[1] == "- Như Điều 3;"
    assert [x for x in signature if x] == ["CHỦ TỊCH", "Nguyễn Văn Thắng"]


def test_decision_reference() -> None:
    assert decision_reference("Quyết định số 5/QĐ-UBND ngày 1/7/2025") == (
        "05/QĐ-UBND", dt.date(2025, 7, 1),
    )  # fmt: skip
    assert decision_reference("QĐ 112/QĐ-UBND, ngày 03 tháng 01 năm 2026") == (
        "112/QĐ-UBND", dt.date(2026, 1, 3),
    )  # fmt: skip
    assert decision_reference("Quyết định thành lập năm 2020") == ("", None)
    assert decision_reference("ngày 31/2/2025") == ("", None)


def test_meeting_subject() -> None:
    assert meeting_subject("Xét khen thưởng cuối năm 2025") == "xét khen thưởng cuối năm 2025"
    assert meeting_subject("Bình xét “Gia đình văn hóa” năm 2024").startswith("bình xét “Gia")
    assert meeting_subject("Khen thưởng đột xuất tháng 8/2026") == (
        "xét khen thưởng đột xuất tháng 8/2026"
    )


# Odd characters -----------------------------------------------------------------------------


def test_control_characters_in_names_still_make_a_valid_docx(  # type: ignore[no-untyped-def]
    demo, closed_round: int, tmp_path: Path
) -> None:
    m = demo.council.minutes(closed_round)
    odd = "Nguyễn\x07Văn\x0bBảy 𝔸"
    lines = (replace(m.lines[0], name=odd, place="Thôn\x1fĐông"), *m.lines[1:])
    members = (replace(m.members[0], name=odd), *m.members[1:])
    out = tmp_path / "odd.docx"
    minutes_kind.build(replace(m, lines=lines, members=members, chair=odd)).save(out)
    doc = check_nd30(out).doc
    assert "Nguyễn Văn Bảy 𝔸" in _vote_rows(doc)[0][1]
    b = demo.council.ballot(closed_round)
    group = b.groups[0]
    first = replace(group.candidates[0], name=odd)
    odd_ballot = replace(b, groups=(replace(group, candidates=(first,)), *b.groups[1:]), copies=1)
    out2 = tmp_path / "odd-ballot.docx"
    ballot_kind.build(odd_ballot).save(out2)
    assert docx.Document(str(out2)).tables
    assert "Nguyễn Văn Bảy 𝔸" in grid_rows(check_nd30(out2).doc, 0)[2][1]


# Dates, wording of a phường, citations, endings ---------------------------------------------------


@pytest.mark.parametrize(
    ("today", "dated"),
    [
        (dt.date(2025, 12, 1), "Cát Thành, ngày 01 tháng 12 năm 2025"),  # sent ahead: today
        (dt.date(2025, 12, 11), "Cát Thành, ngày 11 tháng 12 năm 2025"),
        (dt.date(2025, 12, 12), "Cát Thành, ngày 09 tháng 12 năm 2025"),  # on the meeting's day
        (dt.date(2026, 3, 2), "Cát Thành, ngày 09 tháng 12 năm 2025"),  # reprinted for the file
    ],
)
def test_invitation_is_dated_before_the_meeting(  # type: ignore[no-untyped-def]
    demo, closed_round: int, today: dt.date, dated: str, tmp_path: Path
) -> None:
    assert demo.council.sheet(closed_round).meeting.held_on == dt.date(2025, 12, 12)
    sources = replace(demo.documents.sources, today=lambda: today)
    out = tmp_path / "gm.docx"
    invitation_kind.build(document_council.invitation(sources, closed_round)).save(out)
    assert check_nd30(out).date_line == dated


def test_a_phuong_is_named_phuong(ward, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    council = ward.council.councils()[0]
    out = tmp_path / "qd.docx"
    ward.documents.write(DocumentKind.COUNCIL_DECISION, council.id, out)
    opened = check_nd30(out)
    assert opened.header_cells[0].splitlines() == ["ỦY BAN NHÂN DÂN", "PHƯỜNG CÁT THÀNH"]
    recipients, _ = closing(opened.doc)
    assert recipients == [
        "Nơi nhận:", "- Như Điều 3;", "- Thường trực Đảng ủy, HĐND phường (b/c);",
        "- Chủ tịch, các Phó Chủ tịch UBND phường;", "- Lưu: VT.",
    ]  # fmt: skip
    lines = texts(opened.doc)
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG CÁT THÀNH" in lines
    assert "Về việc kiện toàn Hội đồng Thi đua – Khen thưởng phường Cát Thành" in lines
    # the members' titles are as typed ("Chủ tịch UBND xã"); the decision's own words are not
    own = [t for t in lines if not t[:1].isdigit()]
    assert not [t for t in own if " xã" in t.replace("Xã hội", "")]
    year_end = next(r for r in ward.rounds.rounds(2025) if r.kind is RoundKind.YEAR_END)
    out = tmp_path / "gm.docx"
    ward.documents.write(DocumentKind.INVITATION, year_end.id, out)
    body = "\n".join(texts(check_nd30(out).doc))
    assert "Ủy ban nhân dân phường Cát Thành trân trọng kính mời" in body
    assert "Khen thưởng phường Cát Thành (theo Quyết định số 12/QĐ-UBND" in body


def test_lower_first_keeps_acronyms() -> None:
    assert lower_first("Công chức Văn hóa – Xã hội") == "công chức Văn hóa – Xã hội"
    assert lower_first("Xã Cát Thành") == "xã Cát Thành"
    assert lower_first("UBND tỉnh triệu tập đi họp") == "UBND tỉnh triệu tập đi họp"
    assert lower_first("HĐND-UBND xã") == "HĐND-UBND xã"
    assert lower_first("Đi công tác") == "đi công tác"
    assert lower_first("") == ""
    assert meeting_subject("UBND xã họp xét khen thưởng") == "xét UBND xã họp xét khen thưởng"


def test_absent_reason_keeps_an_acronym(demo, closed_round: int, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    m = demo.council.minutes(closed_round)
    i = next(k for k, x in enumerate(m.members) if not x.present)
    members = list(m.members)
    members[i] = replace(members[i], note="UBND tỉnh triệu tập đi họp.")
    out = tmp_path / "bb.docx"
    minutes_kind.build(replace(m, members=tuple(members))).save(out)
    body = "\n".join(texts(check_nd30(out).doc))
    assert f"{members[i].role} (UBND tỉnh triệu tập đi họp)." in body


@pytest.mark.parametrize(
    ("typed", "cited"),
    [
        ("Điều 6 khoản 2 điểm đ, e Nghị định 152/2025/NĐ-CP",
         "điểm đ, điểm e khoản 2 Điều 6 Nghị định số 152/2025/NĐ-CP"),
        ("Điều 6 khoản 2 điểm đ,e Nghị định 152/2025/NĐ-CP",
         "điểm đ, điểm e khoản 2 Điều 6 Nghị định số 152/2025/NĐ-CP"),
        ("Điều 6 khoản 2 điểm đ và e Nghị định 152/2025/NĐ-CP",
         "điểm đ và điểm e khoản 2 Điều 6 Nghị định số 152/2025/NĐ-CP"),
        ("Điều 46 khoản 3 điểm b Nghị định 152/2025/NĐ-CP",
         "điểm b khoản 3 Điều 46 Nghị định số 152/2025/NĐ-CP"),
        ("Điều 80 khoản 3 Luật Thi đua, khen thưởng", "khoản 3 Điều 80 Luật Thi đua, khen thưởng"),
        ("Điều 6 khoản 2, 3 Luật 06/2022/QH15", "khoản 2, khoản 3 Điều 6 Luật số 06/2022/QH15"),
        ("Điều 49 khoản 2", "khoản 2 Điều 49"),
        ("Điều 54 Nghị định 98/2023/NĐ-CP", "Điều 54 Nghị định số 98/2023/NĐ-CP"),
        ("Nghị định 98/2023/NĐ-CP", "Nghị định số 98/2023/NĐ-CP"),
        ("(15% của 116; Điều 6 khoản 2 điểm b Nghị định 152/2025/NĐ-CP)",
         "(15% của 116; điểm b khoản 2 Điều 6 Nghị định số 152/2025/NĐ-CP)"),
        # already in order, or not a shape it knows: as written
        ("điểm đ, điểm e khoản 2 Điều 6 Nghị định số 152/2025/NĐ-CP",
         "điểm đ, điểm e khoản 2 Điều 6 Nghị định số 152/2025/NĐ-CP"),
        ("Điều 54 và tiếp theo", "Điều 54 và tiếp theo"),
        ("Điều 31 (Luật)", "Điều 31 (Luật)"),
        ("Điều 6 khoản 2, 3 điểm a Luật Thi đua, khen thưởng",
         "Điều 6 khoản 2, 3 điểm a Luật Thi đua, khen thưởng"),
        ("Quy chế của Hội đồng", "Quy chế của Hội đồng"),
        ("", ""),
    ],
)  # fmt: skip
def test_legal_citation(typed: str, cited: str) -> None:
    assert legal_citation(typed) == cited
    assert legal_citation(cited) == cited


def test_printed_basis_leaves_out_the_confidence_mark() -> None:
    assert printed_basis("Điều 6 khoản 2 điểm đ, e Nghị định 152/2025/NĐ-CP ?") == (
        "điểm đ, điểm e khoản 2 Điều 6 Nghị định số 152/2025/NĐ-CP"
    )
    assert printed_basis("Nghị định 98/2023/NĐ-CP ✓") == "Nghị định số 98/2023/NĐ-CP"
    assert printed_basis("Quy chế Hội đồng, Điều 5 ⚠") == "Quy chế Hội đồng, Điều 5"


def test_rule_basis_with_a_mark_is_cited_without_it(  # type: ignore[no-untyped-def]
    demo, closed_round: int, tmp_path: Path
) -> None:
    m = demo.council.minutes(closed_round)
    awards = tuple(
        replace(a, basis="Điều 6 khoản 2 điểm đ, e Nghị định 152/2025/NĐ-CP ?") for a in m.awards
    )
    out = tmp_path / "bb.docx"
    minutes_kind.build(replace(m, awards=awards)).save(out)
    rules = [t for t in texts(check_nd30(out).doc) if "đạt khi được" in t]
    assert len(rules) == len(awards)
    assert all(
        t.endswith(("đồng ý (điểm đ, điểm e khoản 2 Điều 6 Nghị định số 152/2025/NĐ-CP);",
                    "đồng ý (điểm đ, điểm e khoản 2 Điều 6 Nghị định số 152/2025/NĐ-CP)."))
        for t in rules
    ), rules  # fmt: skip


@pytest.mark.parametrize("typed", ["x", "x.", "x./.", "x ./. ", "x..", "x;", "x./../."])
def test_closed(typed: str) -> None:
    assert closed(typed) == "x./."


def _ends(path: Path) -> list[str]:
    """Every text of the document holding "./."."""
    return [t for t in texts(check_nd30(path).doc) if "./." in t]


@pytest.mark.parametrize("typed", ["đúng giờ", "đúng giờ.", "đúng giờ./.", "đúng giờ ./. "])
def test_invitation_ends_once(demo, closed_round: int, typed: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = demo.documents.data(DocumentKind.INVITATION, closed_round)
    out = tmp_path / "gm.docx"
    invitation_kind.build(replace(data, request=f"Đề nghị dự họp {typed}")).save(out)
    assert _ends(out) == ["Đề nghị dự họp đúng giờ./."]


def test_every_council_paper_ends_once(demo, closed_round: int, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for kind in (DocumentKind.MINUTES, DocumentKind.INVITATION):
        out = tmp_path / f"{kind.value}.docx"
        demo.documents.write(kind, closed_round, out)
        ends = _ends(out)
        assert len(ends) == 1 and ends[0].endswith("./.") and not ends[0].endswith(".././.")
    council = demo.council.councils()[0]
    data = demo.documents.data(DocumentKind.COUNCIL_DECISION, council.id)
    for third in ("thi hành Quyết định này", "thi hành Quyết định này./.", "này."):
        articles = (*data.articles[:2], replace(data.articles[2], text=third))
        out = tmp_path / "qd.docx"
        decision_kind.build(replace(data, articles=articles)).save(out)
        ends = _ends(out)
        assert len(ends) == 1 and ends[0].startswith("Điều 3.") and ends[0].endswith(" này./.")


def test_minutes_closing_sentence_goes_with_the_signatures(demo, closed_round: int) -> None:  # type: ignore[no-untyped-def]
    doc = minutes_kind.build(demo.council.minutes(closed_round)).doc
    paragraphs = doc.paragraphs
    end = next(i for i, p in enumerate(paragraphs) if p.text.endswith("thông qua./."))
    assert all(p.paragraph_format.keep_with_next for p in paragraphs[end:])
    assert doc.element.body.index(paragraphs[-1]._p) + 1 == doc.element.body.index(
        doc.tables[-1]._tbl
    )  # nothing between the kept paragraphs and the signatures


def test_minutes_frozen_before_the_hour_was_kept_leave_it_to_be_written_in(  # type: ignore[no-untyped-def]
    demo, closed_round: int
) -> None:
    from dataclasses import replace

    from emulation_desktop.domain.council_documents import start_text

    m = demo.council.minutes(closed_round)
    when = f"{weekday(m.held_on)}, {long_date(m.held_on)}."
    assert start_text(replace(m, starts_at="")) == f"Vào hồi …… giờ …… phút, {when}"
    assert start_text(replace(m, starts_at="14:30")) == f"Vào hồi 14 giờ 30 phút, {when}"
