"""The Quyết định khen thưởng as a provincial officer reads it: NĐ 30 layout, the articles, and a
list where every awardee appears once with the money adding up to the total in words."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import docx
import pytest

from emulation_desktop.documents.docx.kinds import decision as decision_kind
from emulation_desktop.domain.decision_text import ListSection
from emulation_desktop.domain.enums import DocumentKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.text import money_in_words, thousands
from tests.cli_runner import run_cli
from tests.docx_checks import check_nd30, closing, grid_rows, paragraph_with, render_png, texts

QD = DocumentKind.DECISION


def _decision(demo, summary_start: str, year: int) -> int:  # type: ignore[no-untyped-def]
    return next(
        d.id for d in demo.decisions.list(year)
        if d.summary.startswith(summary_start) and d.kind.value == "khen_thuong"
    )  # fmt: skip


@pytest.fixture(scope="module")
def ldtt(demo, tmp_path_factory):  # type: ignore[no-untyped-def]
    """The 2025 Lao động tiên tiến decision: 116 people with money."""
    did = _decision(demo, "Về việc công nhận danh hiệu “Lao động tiên tiến”", 2025)
    out = tmp_path_factory.mktemp("qd") / "qd.docx"
    demo.documents.write(QD, did, out)
    return demo.decisions.decision_list(did), out


def test_layout_header_number_and_date_line(ldtt) -> None:  # type: ignore[no-untyped-def]
    data, out = ldtt
    opened = check_nd30(out)
    assert opened.header_cells[0].splitlines() == ["ỦY BAN NHÂN DÂN", "XÃ CÁT THÀNH"]
    assert opened.number == f"Số: {data.header.number}"
    assert opened.number.endswith("/QĐ-UBND")
    assert opened.date_line == data.header.date_line
    assert opened.date_line.startswith("Cát Thành, ngày ")


def test_title_bases_and_articles(ldtt) -> None:  # type: ignore[no-untyped-def]
    data, out = ldtt
    doc = docx.Document(str(out))
    lines = texts(doc)
    start = lines.index("QUYẾT ĐỊNH")
    assert lines[start + 1] == data.header.summary
    assert lines[start + 2] == "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ CÁT THÀNH"
    bases = [p for p in doc.paragraphs if p.text.startswith(("Căn cứ", "Xét đề nghị"))]
    assert [p.text for p in bases] == list(data.bases)
    assert all(r.italic for p in bases for r in p.runs)
    assert bases[-1].text.endswith(".") and all(p.text.endswith(";") for p in bases[:-1])
    article1 = paragraph_with(doc, "Điều 1.")
    assert article1.runs[0].bold and article1.runs[0].text == "Điều 1. "
    assert "Lao động tiên tiến" in article1.text and "(có danh sách kèm theo)" in article1.text
    last = paragraph_with(doc, data.articles[-1].label)
    assert last.text.endswith("./.")
    assert "QUYẾT ĐỊNH:" in lines


def test_every_awardee_once_and_money_adds_up(ldtt) -> None:  # type: ignore[no-untyped-def]
    data, out = ldtt
    doc = docx.Document(str(out))
    rows = grid_rows(doc)
    assert rows[0] == ["STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị / Địa chỉ",
                       "Thành tích", "Số tiền (đồng)", "Số sổ"]  # fmt: skip
    people = [r for r in rows[1:] if len(r) == 6 and r[0].isdigit()]
    assert len(people) == len(data.rows) == 116
    assert [int(r[0]) for r in people] == list(range(1, 117))
    assert sorted(r[5] for r in people) == sorted(r.register_number for r in data.rows)
    assert len({r[5] for r in people}) == 116  # each số sổ once: each awardee once
    money = sum(int(r[4].replace(".", "")) for r in people)
    total = rows[-1]
    assert total[1] == "Tổng cộng" and total[4] == thousands(money) == thousands(data.total)
    assert f"(Bằng chữ: {money_in_words(money)})" in texts(doc)
    headings = [r[0] for r in rows[1:] if len(r) == 1]
    assert headings == ["I. Danh hiệu “Lao động tiên tiến” (116)"]


def test_list_annex_is_landscape_with_its_reference(ldtt) -> None:  # type: ignore[no-untyped-def]
    data, out = ldtt
    doc = docx.Document(str(out))
    assert doc.sections[0].page_width < doc.sections[0].page_height
    assert doc.sections[-1].page_width > doc.sections[-1].page_height
    lines = texts(doc)
    assert "DANH SÁCH KHEN THƯỞNG" in lines
    assert data.list_subtitle in lines
    assert data.list_subtitle.startswith(f"(Kèm theo Quyết định số {data.header.number} ngày")


def test_signature_and_recipients(ldtt) -> None:  # type: ignore[no-untyped-def]
    data, out = ldtt
    recipients, signature = closing(docx.Document(str(out)))
    assert recipients[1:] == list(data.recipients)
    assert [x for x in signature if x] == [*data.signature.lines, data.signature.name]
    assert signature[-1] == data.signature.name and signature.count("") >= 3  # room to sign


def test_a_title_without_money_has_no_money_column(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    did = _decision(demo, "Về việc công nhận danh hiệu “Gia đình văn hóa”", 2026)
    out = demo.documents.write(QD, did, tmp_path / "gdvh.docx")
    rows = grid_rows(docx.Document(str(out)))
    assert rows[0] == ["STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị / Địa chỉ",
                       "Thành tích", "Số sổ"]  # fmt: skip
    households = [r for r in rows[1:] if len(r) == 5]
    assert len(households) == len(demo.decisions.decision_list(did).rows)
    assert all(r[1].startswith(("Hộ ông ", "Hộ bà ")) for r in households)


def test_a_higher_levels_decision_is_not_reprinted(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    higher = next(d.id for d in demo.decisions.list(2026) if d.kind.value == "cap_tren")
    with pytest.raises(UserError, match="cấp trên"):
        demo.documents.write(QD, higher, tmp_path / "x.docx")
    assert not (tmp_path / "x.docx").exists()


# --- bad input: a clear message or correct wrapping, never a broken document -----------------


def _one_row(data, **row):  # type: ignore[no-untyped-def]
    first = data.rows[0]
    section = ListSection(data.sections[0].title, data.sections[0].kind,
                          (dataclasses.replace(first, **row),))  # fmt: skip
    return dataclasses.replace(data, sections=(section,), total=first.amount or 0)


def test_no_signer_is_refused(ldtt, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data, _ = ldtt
    unsigned = dataclasses.replace(data, signature=dataclasses.replace(data.signature, name=""))
    with pytest.raises(UserError, match="người ký"):
        decision_kind.build(unsigned)


def test_an_empty_list_is_refused(ldtt) -> None:  # type: ignore[no-untyped-def]
    data, _ = ldtt
    with pytest.raises(UserError, match="danh sách"):
        decision_kind.build(dataclasses.replace(data, sections=()))


def test_long_achievement_and_foreign_characters_still_make_a_valid_document(
    ldtt, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    data, _ = ldtt
    long_text = ("Hoàn thành xuất sắc nhiệm vụ được giao, " * 60)[:2000]
    odd = "Nguyễn Văn \x07A\u200b 李小龍 Ñoño 😀"
    doc = _one_row(data, name=odd, achievement=long_text)
    out = tmp_path / "odd.docx"
    decision_kind.build(doc).save(out)
    check_nd30(out)
    rows = grid_rows(docx.Document(str(out)))
    [row] = [r for r in rows if len(r) == 6 and r[0] == "1"]
    assert row[1] == "Nguyễn Văn  A\u200b 李小龍 Ñoño 😀"  # the control character became a space
    assert row[3] == long_text  # whole, wrapped by the word processor inside its cell


def test_a_missing_folder_writes_nothing(demo, ldtt, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data, _ = ldtt
    with pytest.raises(UserError, match="Không tìm thấy thư mục"):
        demo.documents.write(QD, data.decision_id, tmp_path / "khong-co" / "qd.docx")
    with pytest.raises(UserError, match=r"\.docx"):
        demo.documents.write(QD, data.decision_id, tmp_path / "qd.pdf")
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_is_replaced_whole(demo, ldtt, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data, _ = ldtt
    out = tmp_path / "qd.docx"
    out.write_bytes(b"old")
    demo.documents.write(QD, data.decision_id, out)
    check_nd30(out)
    assert [p.name for p in tmp_path.iterdir()] == ["qd.docx"]  # no temporary file left


def test_suggested_file_name(demo, ldtt) -> None:  # type: ignore[no-untyped-def]
    data, _ = ldtt
    name = demo.documents.suggested_name(QD, data.decision_id)
    assert name == f"Quyết định {data.header.number.replace('/', '-')}.docx"


def test_command_line_writes_the_same_document(demo_db_file: Path, ldtt, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data, _ = ldtt
    out = tmp_path / "cli.docx"
    run = run_cli("document", "quyet-dinh", "--id", str(data.decision_id), "--out", out,
                  "--db", demo_db_file, data_dir=tmp_path / "data")  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert str(out) in run.stdout
    assert check_nd30(out).number == f"Số: {data.header.number}"
    bad = run_cli("document", "quyet-dinh", "--id", "9999", "--out", tmp_path / "x.docx",
                  "--db", demo_db_file, data_dir=tmp_path / "data")  # fmt: skip
    assert bad.returncode == 1 and bad.stderr.startswith("Lỗi: ")
    assert not (tmp_path / "x.docx").exists()
    nowhere = run_cli("document", "quyet-dinh", "--id", "1", "--out", tmp_path / "x.docx",
                      "--db", tmp_path / "khong-co.db", data_dir=tmp_path / "data")  # fmt: skip
    assert nowhere.returncode == 1 and "Không tìm thấy tệp cơ sở dữ liệu" in nowhere.stderr
    assert not (tmp_path / "khong-co.db").exists()  # a mistyped path creates no database


def test_rendered_pages_for_a_person_to_look_at(ldtt, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _, out = ldtt
    pages = render_png(out, tmp_path / "png")
    assert len(pages) >= 3  # the decision, then the landscape list over several pages


def test_a_correcting_decision_lists_what_it_withdraws_then_the_replacement(
    context, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from emulation_desktop.domain.decisions import ReplacementLine
    from tests.unit.test_decision_correct import _correction, _issued
    from tests.unit.test_decision_data import P, awards

    c, original = _issued(context)
    hoa = next(a for a in awards(context.database, decision_id=original)
               if a.person_id == c.person("Phạm Thị Hoa"))  # fmt: skip
    new = ReplacementLine((P, c.person("Đặng Văn Dũng")), "GIAY_KHEN_CA_NHAN",
                          "Có thành tích xuất sắc", replaces_id=hoa.id)  # fmt: skip
    fix = context.services.decisions.correct(original, _correction((hoa.id,), [new]))
    out = context.services.documents.write(QD, fix, tmp_path / "dinh-chinh.docx")
    doc = check_nd30(out).doc
    article1 = paragraph_with(doc, "Điều 1.")
    assert "Đính chính Quyết định số" in article1.text
    assert "Ghi nhầm người được khen" in article1.text
    assert "Mục I" in paragraph_with(doc, "Điều 2.").text
    rows = grid_rows(doc)
    headings = [r[0] for r in rows if len(r) == 1]
    assert headings[0] == "I. Thu hồi khen thưởng (1)"
    names = [r[1] for r in rows[1:] if len(r) == 6 and r[0].isdigit()]
    assert names == ["Phạm Thị Hoa", "Đặng Văn Dũng"]
    assert rows[-1][1] == "Tổng cộng" and rows[-1][4] == "760.000"  # only the replacement is paid


def test_without_the_commune_profile_no_document_is_written(context, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert context.services.profile.get() is None
    out = tmp_path / "van-ban"
    out.mkdir()
    for kind in context.services.documents.kinds():
        with pytest.raises(UserError, match="Thông tin của xã chưa đủ"):
            context.services.documents.write(kind, 1, out / "x.docx")
    assert list(out.iterdir()) == []
