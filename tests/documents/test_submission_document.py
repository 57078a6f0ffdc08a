"""The Tờ trình đề nghị khen thưởng as the province reads it: NĐ 30 layout, Kính gửi, Căn cứ in
italics, what is proposed for whom, the papers, "Kính trình … ./." and a list where every
proposed subject appears once."""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path

import docx
import pytest

from emulation_desktop.documents.docx.kinds import submission
from emulation_desktop.domain.decision_text import ListSection
from emulation_desktop.domain.enums import DocumentKind, SubjectKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.submission_document import Y_KIEN
from tests.docx_checks import check_nd30, closing, grid_rows, paragraph_with, render_png, texts

TTR = DocumentKind.SUBMISSION


@pytest.fixture(scope="module")
def ttr(demo, tmp_path_factory):  # type: ignore[no-untyped-def]
    """The 2024 year-end tờ trình: 17 CSTĐCS people and 11 TTLĐTT collectives."""
    item = max(demo.decisions.proposal_list(2024), key=lambda p: p.lines)
    out = tmp_path_factory.mktemp("ttr") / "ttr.docx"
    demo.documents.write(TTR, item.id, out)
    return demo.documents.data(TTR, item.id), item, out


def test_layout_number_title_and_recipient(ttr) -> None:  # type: ignore[no-untyped-def]
    data, item, out = ttr
    opened = check_nd30(out)
    assert opened.header_cells[0].splitlines() == ["ỦY BAN NHÂN DÂN", "XÃ CÁT THÀNH"]
    assert opened.number == f"Số: {item.number}" and opened.number.endswith("/TTr-UBND")
    assert opened.date_line == data.header.date_line
    lines = texts(opened.doc)
    start = lines.index("TỜ TRÌNH")
    assert lines[start + 1] == data.header.summary
    assert lines[start + 2] == f"Kính gửi: {item.recipient}"
    assert item.recipient == "Chủ tịch UBND huyện Trực Ninh"


def test_bases_are_italic_and_punctuated(ttr) -> None:  # type: ignore[no-untyped-def]
    data, _item, out = ttr
    doc = docx.Document(str(out))
    bases = [p for p in doc.paragraphs if p.text.startswith(("Căn cứ", "Xét đề nghị"))]
    assert [p.text for p in bases] == list(data.bases) and len(bases) >= 3
    assert all(r.italic for p in bases for r in p.runs if r.text)
    assert all(p.text.endswith(";") for p in bases[:-1]) and bases[-1].text.endswith(".")
    body = paragraph_with(doc, "Thực hiện công tác thi đua")
    assert not any(r.italic for r in body.runs)


def test_content_papers_and_request(demo, ttr) -> None:  # type: ignore[no-untyped-def]
    data, item, out = ttr
    lines = texts(docx.Document(str(out)))
    proposed = [pl.line for pl in demo.decisions.proposal_detail(item.id).lines]
    per_award = Counter((ln.award_name, ln.subject.kind) for ln in proposed)
    assert per_award == {("Chiến sĩ thi đua cơ sở", SubjectKind.PERSON): 17,
                         ("Tập thể lao động tiên tiến", SubjectKind.UNIT): 11}  # fmt: skip
    assert "1. Danh hiệu “Chiến sĩ thi đua cơ sở”: 17 cá nhân;" in lines
    assert "2. Danh hiệu “Tập thể lao động tiên tiến”: 11 tập thể." in lines
    papers = lines[lines.index("Hồ sơ kèm theo gồm:") + 1:][: len(data.attachments) + 1]
    assert papers[0] == "- Danh sách đề nghị khen thưởng;"
    assert papers[1:] == [f"- {p}" + (";" if i < len(data.attachments) - 1 else ".")
                          for i, p in enumerate(data.attachments)]  # fmt: skip
    request = next(x for x in lines if x.startswith("Ủy ban nhân dân xã Cát Thành kính trình"))
    assert f"kính trình {item.recipient} xem xét" in request and request.endswith("./.")


def test_the_checking_offices_opinion_comes_before_the_request(ttr) -> None:  # type: ignore[no-untyped-def]
    data, _item, out = ttr
    lines = texts(docx.Document(str(out)))
    opinion = Y_KIEN.default.replace("{ubnd}", "UBND xã Cát Thành")
    assert data.opinion == opinion
    at = lines.index(opinion)
    assert lines[at + 1].startswith("Ủy ban nhân dân xã Cát Thành kính trình")
    assert lines[at - 1].startswith("- ") and lines[at - 1].endswith(".")  # after the papers


def test_the_opinion_is_the_communes_wording(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    item = max(demo.decisions.proposal_list(2024), key=lambda p: p.lines)
    demo.text_blocks.save(Y_KIEN.key, "Phòng Văn hóa - Xã hội của {ubnd} đã thẩm định hồ sơ "
                                      "năm {nam}, không có ý kiến khác.")  # fmt: skip
    try:
        out = tmp_path / "ttr.docx"
        demo.documents.write(TTR, item.id, out)
        assert ("Phòng Văn hóa - Xã hội của UBND xã Cát Thành đã thẩm định hồ sơ năm 2024, "
                "không có ý kiến khác.") in texts(docx.Document(str(out)))  # fmt: skip
    finally:
        demo.text_blocks.reset(Y_KIEN.key)


def test_a_bare_proposal_still_lays_out_for_the_package(demo, ttr, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The package checks the tờ trình from the proposal's own data before writing anything."""
    data, item, _out = ttr
    out = tmp_path / "bare.docx"
    submission.build(demo.decisions.proposal_document(item.id)).save(out)
    lines = texts(check_nd30(out).doc)
    assert data.opinion not in lines
    assert any(x.startswith("Ủy ban nhân dân xã Cát Thành kính trình") for x in lines)


@pytest.mark.parametrize("end", ["quyết định.", "quyết định./.", "quyết định", "quyết định;"])
def test_the_request_ends_with_one_end_mark(ttr, tmp_path: Path, end: str) -> None:  # type: ignore[no-untyped-def]
    data, _item, _out = ttr
    request = f"Kính trình Chủ tịch UBND huyện xem xét, {end}"
    out = tmp_path / "end.docx"
    submission.build(dataclasses.replace(data, paragraphs=(*data.paragraphs[:-1], request))).save(
        out
    )
    lines = texts(docx.Document(str(out)))
    assert "Kính trình Chủ tịch UBND huyện xem xét, quyết định./." in lines
    assert sum(x.count("/.") for x in lines) == 1


def test_every_proposed_subject_is_in_the_list_once(demo, ttr) -> None:  # type: ignore[no-untyped-def]
    _data, item, out = ttr
    doc = docx.Document(str(out))
    rows = grid_rows(doc)
    assert rows[0] == ["STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị / Địa chỉ",
                       "Thành tích"]  # fmt: skip
    listed = [r for r in rows[1:] if len(r) == 4]
    proposed = [pl.line.subject.name for pl in demo.decisions.proposal_detail(item.id).lines]
    assert len(listed) == item.lines == len(proposed) == 28
    assert Counter(r[1] for r in listed) == Counter(proposed)
    assert [int(r[0]) for r in listed] == list(range(1, 29))
    assert [r[0] for r in rows[1:] if len(r) == 1] == [
        "I. Danh hiệu “Chiến sĩ thi đua cơ sở” (17)",
        "II. Danh hiệu “Tập thể lao động tiên tiến” (11)",
    ]
    assert doc.sections[-1].page_width > doc.sections[-1].page_height  # the list is landscape
    assert f"(Kèm theo Tờ trình số {item.number} ngày" in "\n".join(texts(doc))


def test_signature_and_recipients(ttr) -> None:  # type: ignore[no-untyped-def]
    data, item, out = ttr
    recipients, signature = closing(docx.Document(str(out)))
    assert recipients[1:] == ["- Như trên;", "- Lưu: VT."]
    assert [x for x in signature if x] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", item.signer_name]
    assert signature.count("") >= 3 and data.signature.name == item.signer_name


def test_renders_in_another_word_processor(ttr, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _data, _item, out = ttr
    pages = render_png(out, tmp_path / "png")
    assert len(pages) >= 2  # the letter, then the landscape list


# --- bad input ---------------------------------------------------------------------------------


def test_an_unknown_proposal_writes_nothing(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UserError, match="Tờ trình này không còn"):
        demo.documents.write(TTR, 9999, tmp_path / "x.docx")
    assert not (tmp_path / "x.docx").exists()


def test_no_signer_or_an_empty_list_is_refused(ttr) -> None:  # type: ignore[no-untyped-def]
    data, _item, _out = ttr
    with pytest.raises(UserError, match="người ký"):
        submission.build(dataclasses.replace(
            data, signature=dataclasses.replace(data.signature, name="")))  # fmt: skip
    with pytest.raises(UserError, match="danh sách"):
        submission.build(dataclasses.replace(data, sections=()))


def test_long_achievement_and_a_control_character_still_make_a_valid_document(
    ttr, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    data, _item, _out = ttr
    long_text = ("Có sáng kiến được Hội đồng sáng kiến công nhận, áp dụng hiệu quả, " * 40)[:2000]
    first = dataclasses.replace(data.rows[0], name="Trần Thị\x0bBé", achievement=long_text)
    section = ListSection(data.sections[0].title, data.sections[0].kind, (first,))
    out = tmp_path / "odd.docx"
    submission.build(dataclasses.replace(data, sections=(section,))).save(out)
    opened = check_nd30(out)
    [row] = [r for r in grid_rows(opened.doc) if len(r) == 4 and r[0] == "1"]
    assert row[1] == "Trần Thị Bé" and row[3] == long_text
    assert "1. Danh hiệu “Chiến sĩ thi đua cơ sở”: 1 cá nhân." in texts(opened.doc)


def test_suggested_file_name(demo, ttr) -> None:  # type: ignore[no-untyped-def]
    _data, item, _out = ttr
    assert demo.documents.suggested_name(TTR, item.id) == (
        f"Tờ trình {item.number.replace('/', '-')}.docx"
    )
