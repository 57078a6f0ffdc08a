"""The Báo cáo thành tích (a person, a collective, a household) prefilled from the registry and
the award register, and the Báo cáo tổng kết of a year whose statistics tables must show the
same figures the app's screens show."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from collections import Counter, defaultdict
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from emulation_desktop.documents.docx.kinds import achievement
from emulation_desktop.domain.achievement_report import PastAward
from emulation_desktop.domain.decision_text import short_name
from emulation_desktop.domain.enums import DocumentKind, Grade, RoundKind, SubjectKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.text import thousands
from emulation_desktop.domain.text_blocks import all_blocks
from tests.docx_checks import check_nd30, closing, grid_rows, render_png, texts

ACH = DocumentKind.ACHIEVEMENT
YEAR = DocumentKind.YEAR_REPORT
DOTS = "……"


def _year_end_item(demo, year: int, kind: SubjectKind, award_start: str):  # type: ignore[no-untyped-def]
    rnd = next(r for r in demo.rounds.rounds(year) if r.kind is RoundKind.YEAR_END)
    return next(i for i in demo.rounds.items(rnd.id)
                if i.subject.kind is kind and i.award_name.startswith(award_start))  # fmt: skip


def _grids(doc) -> list[list[list[str]]]:  # type: ignore[no-untyped-def]
    out = []
    while True:
        try:
            out.append(grid_rows(doc, len(out)))
        except IndexError:
            return out


def _write(demo, kind, id_, folder: Path):  # type: ignore[no-untyped-def]
    out = folder / f"{kind.value}-{id_}.docx"
    demo.documents.write(kind, id_, out)
    return out


# --- Báo cáo thành tích: a person ---------------------------------------------------------------


@pytest.fixture(scope="module")
def person(demo, tmp_path_factory):  # type: ignore[no-untyped-def]
    """The 2025 Bằng khen proposal for a teacher who already holds LĐTT and CSTĐCS awards."""
    item = _year_end_item(demo, 2025, SubjectKind.PERSON, "Bằng khen")
    out = _write(demo, ACH, item.id, tmp_path_factory.mktemp("bctt"))
    return item, out


def test_person_header_title_and_particulars(demo, person) -> None:  # type: ignore[no-untyped-def]
    item, out = person
    opened = check_nd30(out)
    who = demo.registry.person(item.subject.id)
    assert opened.header_cells[0].splitlines()[0] == "UBND XÃ CÁT THÀNH"
    assert item.proposing_unit.upper() in opened.header_cells[0].replace("\n", " ")
    assert opened.number == ""  # a report of achievements carries no number
    lines = texts(opened.doc)
    start = lines.index("BÁO CÁO THÀNH TÍCH")
    assert lines[start + 1] == f"Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh {item.period}"
    assert "I. SƠ LƯỢC LÝ LỊCH" in lines
    assert f"- Họ và tên: {who.full_name}" in lines
    assert f"- Giới tính: {who.gender.label}" in lines
    assert f"- Ngày, tháng, năm sinh: {who.birth}" in lines
    assert f"- Chức vụ (Đảng, chính quyền, đoàn thể): {who.position}" in lines
    home = next(x for x in lines if x.startswith("- Quê quán: "))
    assert home.endswith(DOTS) and set(home.removeprefix("- Quê quán: ")) == {"…"}  # by hand


def test_person_achievement_and_grades(demo, person) -> None:  # type: ignore[no-untyped-def]
    item, out = person
    lines = texts(docx.Document(str(out)))
    assert item.achievement in lines
    history = demo.registry.history(SubjectKind.PERSON, item.subject.id)
    graded = {e.year: e.grade for e in history.evaluations}
    assert f"- Năm {item.year}: {graded[item.year].label}." in lines


def test_person_lists_past_awards_from_the_register(demo, person) -> None:  # type: ignore[no-untyped-def]
    item, out = person
    doc = docx.Document(str(out))
    history = demo.registry.history(SubjectKind.PERSON, item.subject.id).awards
    earlier = [a for a in history if a.year < item.year]
    assert earlier, "the demo teacher has awards from earlier years"
    tables = _grids(doc)
    assert tables[0][0] == ["Năm", "Danh hiệu thi đua",
                            "Số, ngày, tháng, năm của quyết định; cơ quan ban hành"]  # fmt: skip
    printed = [tuple(r) for rows in tables for r in rows[1:]]
    for a in earlier:
        line = (str(a.year), short_name(a.name, own=False), f"{a.decision} của {a.issuer}")
        assert printed.count(line) == 1, line
    # The award this report asks for is not among those already received.
    assert not any(r[1].startswith("Bằng khen") and r[0] == str(item.year) for r in printed)


def test_person_signatures(person) -> None:  # type: ignore[no-untyped-def]
    item, out = person
    doc = docx.Document(str(out))
    block = [t for t in doc.tables if len(t.columns) == 2][-1]
    left, right = ([p.text for p in c.paragraphs if p.text] for c in block.rows[0].cells)
    assert left == ["THỦ TRƯỞNG ĐƠN VỊ", "XÁC NHẬN, ĐỀ NGHỊ"]
    assert right == ["NGƯỜI BÁO CÁO THÀNH TÍCH", item.subject.name]
    # The commune confirms under both, in the same table: the block never comes apart.
    assert len(block.rows) == 2
    commune = block.rows[1].cells[0]
    assert commune._tc is block.rows[1].cells[1]._tc  # one cell across the page
    assert [p.text for p in commune.paragraphs if p.text] == ["XÁC NHẬN CỦA", "UBND XÃ CÁT THÀNH"]


def test_person_signature_block_cannot_be_separated_from_the_text(person) -> None:  # type: ignore[no-untyped-def]
    item, out = person
    doc = docx.Document(str(out))
    block = [t for t in doc.tables if len(t.columns) == 2][-1]
    assert all(tr.trPr is not None and tr.trPr.find(qn("w:cantSplit")) is not None
               for tr in block._tbl.tr_lst)  # fmt: skip
    assert all(_keeps(p) for c in block.rows[0].cells for p in c.paragraphs)
    before = block._tbl.getprevious()  # the gap under the closing sentence
    ending = before.getprevious()
    assert _keeps_el(before) and _keeps_el(ending)
    text = "".join(t.text for t in ending.iter(qn("w:t")))
    assert text == (f"Trên đây là báo cáo thành tích của {item.subject.name} đề nghị xét tặng "
                    f"Bằng khen của Chủ tịch UBND tỉnh {item.period}./.")  # fmt: skip


def _keeps(p) -> bool:  # type: ignore[no-untyped-def]
    return _keeps_el(p._p)


def _keeps_el(p) -> bool:  # type: ignore[no-untyped-def]
    return p.pPr is not None and p.pPr.find(qn("w:keepNext")) is not None


def test_a_long_history_never_leaves_the_signatures_alone_on_the_last_page(
    demo, person, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Rendered by LibreOffice: whatever the length of the history, the last page holds the
    end of the text with the three signatures."""
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext chưa được cài: bỏ qua bước đọc trang")
    item, _out = person
    data = demo.documents.data(ACH, item.id)
    for extra in (9, 12):  # enough rows that the signatures no longer fit under the table
        titles = data.titles + tuple(
            PastAward(2000 + k, "Lao động tiên tiến",
                      f"{100 + k}/QĐ-UBND ngày 20/12/{2000 + k} của Chủ tịch UBND xã Cát Thành")
            for k in range(extra)
        )  # fmt: skip
        out = tmp_path / f"long-{extra}.docx"
        achievement.build(dataclasses.replace(data, titles=titles)).save(out)
        pages = render_png(out, tmp_path / f"png-{extra}")
        pdf = tmp_path / f"png-{extra}" / f"{out.stem}.pdf"
        last = subprocess.run(["pdftotext", "-layout", "-f", str(len(pages)), "-l",
                               str(len(pages)), str(pdf), "-"],
                              check=True, capture_output=True, text=True).stdout  # fmt: skip
        assert len(pages) >= 2
        assert "Trên đây là báo cáo thành tích" in last, last
        assert "2. Hình thức khen thưởng" in last, last  # text of the body, not only its end
        for line in ("THỦ TRƯỞNG ĐƠN VỊ", "NGƯỜI BÁO CÁO THÀNH TÍCH", item.subject.name,
                     "UBND XÃ CÁT THÀNH"):  # fmt: skip
            assert line in last, (line, last)


def test_the_body_ends_with_one_end_mark(demo, person, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    item, _out = person
    data = demo.documents.data(ACH, item.id)
    for ending in ("Trên đây là báo cáo.", "Trên đây là báo cáo./.", "Trên đây là báo cáo"):
        out = tmp_path / "end.docx"
        achievement.build(dataclasses.replace(data, ending=ending)).save(out)
        lines = texts(docx.Document(str(out)))
        assert "Trên đây là báo cáo./." in lines
        assert sum(x.count("/.") for x in lines) == 1


# --- a collective and a household -----------------------------------------------------------


def test_collective_report(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    item = _year_end_item(demo, 2025, SubjectKind.UNIT, "Tập thể lao động tiên tiến")
    out = _write(demo, ACH, item.id, tmp_path)
    opened = check_nd30(out)
    lines = texts(opened.doc)
    assert item.subject.name.upper() in opened.header_cells[0].replace("\n", " ")
    assert lines[lines.index("BÁO CÁO THÀNH TÍCH") + 1] == (
        f"Đề nghị tặng danh hiệu “Tập thể lao động tiên tiến” {item.period}"
    )
    assert "I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH" in lines
    assert f"- Tên tập thể: {item.subject.name}" in lines
    assert item.achievement in lines
    _, right = closing(opened.doc, recipients=False)
    assert [x for x in right if x] == ["THỦ TRƯỞNG ĐƠN VỊ"]
    signed = [t for t in opened.doc.tables if len(t.columns) == 2][-1]
    assert [p.text for p in signed.rows[0].cells[0].paragraphs if p.text] == [
        "XÁC NHẬN CỦA", "UBND XÃ CÁT THÀNH"]  # fmt: skip


def test_household_report(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rnd = next(r for r in demo.rounds.rounds(2025) if r.kind is RoundKind.FAMILY)
    items = demo.rounds.items(rnd.id)
    def awarded_before(i) -> bool:  # type: ignore[no-untyped-def]
        history = demo.registry.history(SubjectKind.HOUSEHOLD, i.subject.id)
        return any(a.year < 2025 for a in history.awards)

    item = next(i for i in items if awarded_before(i))
    out = _write(demo, ACH, item.id, tmp_path)
    lines = texts(check_nd30(out).doc)
    assert "I. THÔNG TIN VỀ HỘ GIA ĐÌNH" in lines
    head = item.subject.name.removeprefix("Hộ ")
    assert f"- Chủ hộ: {head[0].upper()}{head[1:]}" in lines
    assert lines[lines.index("BÁO CÁO THÀNH TÍCH") + 1] == (
        f"Đề nghị tặng danh hiệu “Gia đình văn hóa” {item.period}"
    )
    rows = grid_rows(docx.Document(str(out)), 0)
    assert rows[1][:2] == ["2024", "Gia đình văn hóa"]
    assert "CHỦ HỘ" in lines


def test_unknown_nomination_writes_nothing(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UserError, match="Không có đề nghị khen thưởng mã 999999"):
        demo.documents.write(ACH, 999999, tmp_path / "x.docx")
    assert not (tmp_path / "x.docx").exists()


def test_long_achievement_and_a_control_character_wrap_in_a_valid_document(
    demo, person, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    item, _out = person
    data = demo.documents.data(ACH, item.id)
    long_text = ("Chủ động tham mưu, hoàn thành xuất sắc các nhiệm vụ được giao; " * 40)[:2000]
    facts = (dataclasses.replace(data.facts[0], value="Phạm Thị\x01Ngọc"), *data.facts[1:])
    out = tmp_path / "odd.docx"
    achievement.build(dataclasses.replace(data, achievement=long_text, facts=facts)).save(out)
    lines = texts(check_nd30(out).doc)
    assert long_text in lines  # one justified paragraph, wrapped by the word processor
    assert "- Họ và tên: Phạm Thị Ngọc" in lines  # the control character became a space
    pages = render_png(out, tmp_path / "png")
    assert len(pages) >= 2


# --- Báo cáo tổng kết -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def year_report(demo, tmp_path_factory):  # type: ignore[no-untyped-def]
    out = _write(demo, YEAR, 2025, tmp_path_factory.mktemp("bctk"))
    return docx.Document(str(out)), out


def _table(doc, caption_start: str) -> list[list[str]]:  # type: ignore[no-untyped-def]
    """The grid table printed under the caption that starts with `caption_start`."""
    captions = [x for x in texts(doc) if x.startswith("Bảng ")]
    index = next(i for i, c in enumerate(captions) if c.split(". ", 1)[1].startswith(caption_start))
    return grid_rows(doc, index)


def test_year_report_layout(year_report) -> None:  # type: ignore[no-untyped-def]
    doc, out = year_report
    opened = check_nd30(out)
    assert opened.number == "Số:      /BC-UBND"  # numbered by the văn thư when issued
    lines = texts(doc)
    start = lines.index("BÁO CÁO")
    assert lines[start + 1:start + 3] == ["Tổng kết công tác thi đua, khen thưởng năm 2025",
                                          "và phương hướng, nhiệm vụ năm 2026"]  # fmt: skip
    assert lines[start + 3] == "Kính gửi: Ủy ban nhân dân tỉnh Ninh Bình"
    for heading in ("I. KẾT QUẢ THỰC HIỆN CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM 2025",
                    "II. ĐÁNH GIÁ CHUNG", "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026",
                    "IV. ĐỀ XUẤT, KIẾN NGHỊ"):  # fmt: skip
        assert heading in lines
    assert [c.split(". ", 1)[0] for c in lines if c.startswith("Bảng ")] == [
        "Bảng 1", "Bảng 2", "Bảng 3", "Bảng 4"]  # fmt: skip
    recipients, signature = closing(doc)
    assert recipients[1] == "- Như trên;" and recipients[-1] == "- Lưu: VT."
    assert [x for x in signature if x] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn Thắng"]
    assert lines[-1 - len(recipients) - len([x for x in signature if x])].endswith("./.")


def test_year_report_movements_and_registrations(demo, year_report) -> None:  # type: ignore[no-untyped-def]
    doc, _ = year_report
    text = "\n".join(texts(doc))
    movements = demo.movements.list(2025)
    assert f"đã triển khai {len(movements)} phong trào thi đua" in text
    for m in movements:
        assert f"- Phong trào “{m.name}”" in text
    counts = demo.registrations.counts(2025)
    assert f"Có {sum(counts.values())} lượt đăng ký thi đua" in text
    reviews = demo.reviews.year_figures(2025).reviews
    rows = _table(doc, "Kết quả sơ kết, tổng kết")
    assert [r[3:] for r in rows[1:]] == [
        [str(r.figures.registered), str(r.figures.exceeded), str(r.figures.met),
         str(r.figures.not_met)] for r in reviews]  # fmt: skip
    progress = demo.models.progress(2025)
    assert f"công nhận {progress.counted} mô hình mới" in text


def test_year_report_awards_table_equals_the_register(demo, year_report) -> None:  # type: ignore[no-untyped-def]
    doc, _ = year_report
    own = [r for r in demo.decisions.award_register(2025) if r.seq is not None and not r.revoked_by]
    expected: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    column = {SubjectKind.UNIT: 0, SubjectKind.HOUSEHOLD: 1, SubjectKind.PERSON: 2}
    for r in own:
        counts = expected[short_name(r.award_name, own=False)]
        counts[column[r.subject.kind]] += 1
        counts[3] += r.amount or 0
    rows = _table(doc, "Khen thưởng của Chủ tịch UBND xã")
    assert rows[0] == ["STT", "Danh hiệu, hình thức khen thưởng", "Tập thể", "Hộ gia đình",
                       "Cá nhân", "Tiền thưởng (đồng)"]  # fmt: skip
    body = [r for r in rows[1:-1] if len(r) == 6]
    printed = {r[1]: [int(r[2]), int(r[3]), int(r[4]), int(r[5].replace(".", "") or 0)]
               for r in body}  # fmt: skip
    assert printed == dict(expected)
    total = rows[-1]
    assert total[1] == "Tổng cộng" and int(total[4]) == sum(v[2] for v in expected.values())
    assert total[5] == thousands(sum(r.amount or 0 for r in own))
    assert [r[0] for r in rows[1:] if len(r) == 1] == ["I. Danh hiệu thi đua",
                                                      "II. Hình thức khen thưởng"]  # fmt: skip
    decisions = len({r.decision_id for r in own})
    assert f"ban hành {decisions} quyết định, khen thưởng {len(own)} lượt" in "\n".join(texts(doc))


def test_year_report_proposals_and_grades(demo, year_report) -> None:  # type: ignore[no-untyped-def]
    doc, _ = year_report
    proposals = demo.decisions.proposal_list(2025)
    rows = _table(doc, "Tờ trình đề nghị cấp trên")
    assert len(rows) - 1 == len(proposals)
    for p in proposals:
        [row] = [r for r in rows[1:] if r[1].startswith(p.number)]
        assert row[2] == p.recipient and row[3] == str(p.lines) and p.answer in row[4]
    summary = demo.evaluations.summary(2025)
    rows = _table(doc, "Kết quả xếp loại")
    by_label = {r[1]: r for r in rows[1:]}
    for grade in Grade:
        row = by_label[grade.label]
        assert (int(row[2]), int(row[4])) == (summary.people.get(grade, 0),
                                              summary.collectives.get(grade, 0))  # fmt: skip
    total = by_label["Tổng số được xếp loại"]
    assert int(total[2]) == sum(summary.people.values()) and total[3] == "100,0"


def test_year_report_blocks_are_the_communes_wording(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    keys = [b.key for b in all_blocks() if b.group == "Báo cáo tổng kết"]
    assert {"bao_cao.kinh_gui", "bao_cao.uu_diem", "bao_cao.han_che", "bao_cao.phuong_huong",
            "bao_cao.noi_nhan"} <= set(keys)  # fmt: skip
    blocks = demo.text_blocks
    blocks.save("bao_cao.uu_diem", "Phong trào của {xa} năm {nam} lan tỏa rộng khắp.")
    blocks.save("bao_cao.kinh_gui", "Sở Nội vụ tỉnh {tinh}")
    try:
        out = _write(demo, YEAR, 2025, tmp_path)
        lines = texts(docx.Document(str(out)))
        assert "Phong trào của xã Cát Thành năm 2025 lan tỏa rộng khắp." in lines
        assert "Kính gửi: Sở Nội vụ tỉnh Ninh Bình" in lines
    finally:
        blocks.reset("bao_cao.uu_diem")
        blocks.reset("bao_cao.kinh_gui")


ZERO = re.compile(r"(?<![\d.,/])0 (tập thể|hộ gia đình|cá nhân|lượt|quyết định|tờ trình|mô hình)"
                  r"|(chưa gửi|chờ duyệt|đã duyệt|từ chối) 0\b|\b0 đồng")  # fmt: skip


def test_year_report_sentences_never_print_zero_counts(demo, year_report) -> None:  # type: ignore[no-untyped-def]
    doc, _ = year_report
    text = "\n".join(texts(doc))
    counts = demo.registrations.counts(2025)
    assert any(n == 0 for n in counts.values())  # the demo has statuses nobody is in
    assert not ZERO.findall(text), ZERO.findall(text)
    assert "lượt đăng ký thi đua (20 tập thể và 152 cá nhân); trong đó: đã duyệt 171" in text


def test_a_year_without_own_awards_says_so_in_words(demo, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    decisions = demo.documents.sources.decisions
    higher = [r for r in decisions.award_register(2025) if r.seq is None]
    waiting = [dataclasses.replace(p, awarded=0) for p in decisions.proposal_list(2025)]
    monkeypatch.setattr(decisions, "award_register", lambda year, text="": higher)
    monkeypatch.setattr(decisions, "proposal_list", lambda year: waiting)
    out = _write(demo, YEAR, 2025, tmp_path)
    lines = texts(docx.Document(str(out)))
    text = "\n".join(lines)
    assert ("a) Khen thưởng thuộc thẩm quyền của Chủ tịch Ủy ban nhân dân xã: trong năm 2025 "
            "chưa có quyết định khen thưởng nào.") in lines  # fmt: skip
    assert not any(x.startswith("Bảng") and "Chủ tịch UBND xã" in x for x in lines)
    asked = sum(p.lines for p in waiting)
    assert f"{len(waiting)} tờ trình với {asked} lượt đề nghị; chưa có kết quả khen thưởng." in text
    assert not ZERO.findall(text), ZERO.findall(text)


def test_year_report_ends_with_one_end_mark(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from emulation_desktop.documents.docx.kinds import year_report as kind
    from emulation_desktop.domain.year_report_document import Text

    data = demo.documents.data(YEAR, 2025)
    last = max(i for i, p in enumerate(data.parts) if isinstance(p, Text))
    for end in ("Trên đây là báo cáo.", "Trên đây là báo cáo./.", "Trên đây là báo cáo"):
        parts = (*data.parts[:last], Text(end), *data.parts[last + 1:])
        out = tmp_path / "bc.docx"
        kind.build(dataclasses.replace(data, parts=parts)).save(out)
        lines = texts(docx.Document(str(out)))
        assert "Trên đây là báo cáo./." in lines
        assert sum(x.count("./.") for x in lines) == 1


def test_year_report_renders(year_report, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _doc, out = year_report
    assert len(render_png(out, tmp_path / "png")) >= 3


@pytest.mark.parametrize("year", [1800, 2031])
def test_a_year_without_data_writes_nothing(demo, tmp_path: Path, year: int) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UserError, match=f"Năm {year}"):
        demo.documents.write(YEAR, year, tmp_path / "bc.docx")
    assert not (tmp_path / "bc.docx").exists()


def test_suggested_names(demo, person) -> None:  # type: ignore[no-untyped-def]
    item, _ = person
    assert demo.documents.suggested_name(ACH, item.id) == (
        f"Báo cáo thành tích {item.subject.name}.docx"
    )
    assert demo.documents.suggested_name(YEAR, 2025) == (
        "Báo cáo tổng kết thi đua, khen thưởng năm 2025.docx"
    )
    assert Counter(k for k in (ACH, YEAR) if k in demo.documents.kinds()) == {ACH: 1, YEAR: 1}


def test_a_proposal_answered_by_two_decisions_names_both(demo) -> None:  # type: ignore[no-untyped-def]
    year_end = max(demo.decisions.proposal_list(2024), key=lambda p: p.lines)
    assert year_end.answer.count("Quyết định số") == 2  # CSTĐCS and TTLĐTT were decided apart
