"""The certificate PDF as the officer gets it: one page per sheet at the paper's size, every
name readable (NFC), the border and fixed words only on plain paper, the printer offset applied
to everything, nothing outside its box."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from emulation_desktop.documents.certificates import (
    fit_issues,
    glyph_problems,
    missing_glyphs,
    write_certificates_pdf,
)
from emulation_desktop.documents.certificates.fitting import MM
from emulation_desktop.domain.certificate_layout import (
    A3_LANDSCAPE,
    A4_LANDSCAPE,
    Paper,
    default_layout,
)
from emulation_desktop.domain.certificates import CertificateKind, FieldKey, PrintMode
from emulation_desktop.domain.enums import Gender
from emulation_desktop.domain.errors import UserError
from tests.certificates.pdf_checks import (
    DECISION,
    ISSUER,
    first_ink,
    flat,
    four_kinds,
    ink_share,
    is_nfc,
    long_text,
    metadata,
    page_sizes_mm,
    page_texts,
    render_png,
    sheet,
    text_pieces,
)

CAP = 0.66  # the capitals' height as a share of the size (Liberation Serif: 0.655)


def layouts_on(paper: Paper) -> dict:
    return {k: default_layout(k, paper) for k in CertificateKind}


def assert_inside(report, sheets, layouts, offset=(0.0, 0.0)) -> None:  # type: ignore[no-untyped-def]
    """Every drawn line lies inside its field's box, moved by the offset."""
    kind_of = {c.award_id: c.kind for c in sheets}
    assert report.placements
    for p in report.placements:
        layout = layouts[kind_of[p.award_id]]
        box = layout.field(p.key)
        left = (box.x_mm + offset[0]) * MM
        right = left + box.width_mm * MM
        top = (layout.paper.height_mm - box.y_mm - offset[1]) * MM
        bottom = top - box.height_mm * MM
        where = f"{p.key.value} «{p.text[:30]}»"
        assert left - 0.01 <= p.x and p.x + p.width <= right + 0.01, where
        assert bottom - 0.01 <= p.y and p.y + CAP * p.size <= top + 0.01, where


def test_full_mode_prints_the_whole_certificate(tmp_path: Path) -> None:
    sheets = four_kinds()
    out = tmp_path / "giay-khen.pdf"
    report = write_certificates_pdf(out, sheets, layouts_on(A4_LANDSCAPE), PrintMode.FULL)
    assert report.pages == 4 and report.issues == ()
    assert len(PdfReader(out).pages) == 4
    for w, h in page_sizes_mm(out):
        assert w == pytest.approx(297, abs=0.5) and h == pytest.approx(210, abs=0.5)
    texts = page_texts(out)
    for cert, text in zip(sheets, texts, strict=True):
        assert is_nfc(text)
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
        assert "Độc lập - Tự do - Hạnh phúc" in text
        assert ISSUER in text and DECISION in text
        assert cert.recipient.line in flat(text)
        assert cert.kind.heading in text
    assert "Ông Nguyễn Văn An" in texts[0] and "Tập thể Tổ dân phố số 3" in texts[1]
    assert "Hộ gia đình bà Lê Thị Hoa" in texts[2]
    assert "Đạt danh hiệu “Chiến sĩ thi đua cơ sở” năm 2026" in texts[3]
    meta = metadata(out)
    assert meta["/Title"] == f"Giấy khen, giấy chứng nhận – {DECISION}"
    assert meta["/Creator"] == "Thi đua – Khen thưởng"


def test_overlay_mode_prints_only_what_the_blank_lacks(tmp_path: Path) -> None:
    sheets = four_kinds()
    out = tmp_path / "phoi.pdf"
    write_certificates_pdf(out, sheets, layouts_on(A4_LANDSCAPE), PrintMode.OVERLAY)
    for cert, text in zip(sheets, page_texts(out), strict=True):
        assert "CỘNG HÒA" not in text and "Hạnh phúc" not in text
        assert "GIẤY KHEN" not in text and "TẶNG" not in text
        assert cert.recipient.line in flat(text) and ISSUER in text
    full = tmp_path / "full.pdf"
    write_certificates_pdf(full, sheets, layouts_on(A4_LANDSCAPE), PrintMode.FULL)
    # No border either: far less ink than the full page.
    assert ink_share(out) < ink_share(full) / 2


def test_a_name_typed_in_nfd_comes_out_nfc(tmp_path: Path) -> None:
    name = unicodedata.normalize("NFD", "Đặng Thị Quỳnh Hương")
    assert name != unicodedata.normalize("NFC", name)
    out = tmp_path / "nfd.pdf"
    place = unicodedata.normalize("NFD", "Kế toán, Trường Mầm non Cát Thành")
    cert = sheet(1, name=name, gender=Gender.FEMALE, position=place)
    report = write_certificates_pdf(
        out, [cert], layouts_on(A4_LANDSCAPE), PrintMode.OVERLAY, keep_placements=True
    )
    text = page_texts(out)[0]
    assert "Bà Đặng Thị Quỳnh Hương" in text and is_nfc(text)
    assert "Kế toán, Trường Mầm non Cát Thành" in text
    assert all(is_nfc(p.text) for p in report.placements)


@pytest.mark.parametrize("paper", [A4_LANDSCAPE, A3_LANDSCAPE, Paper("Tùy chỉnh", 330, 235)])
def test_page_size_is_the_layouts_paper(tmp_path: Path, paper: Paper) -> None:
    out = tmp_path / "size.pdf"
    sheets = four_kinds()
    layouts = layouts_on(paper)
    report = write_certificates_pdf(out, sheets, layouts, PrintMode.FULL, keep_placements=True)
    assert report.pages == 4
    for w, h in page_sizes_mm(out):
        assert w == pytest.approx(paper.width_mm, abs=0.5)
        assert h == pytest.approx(paper.height_mm, abs=0.5)
    assert_inside(report, sheets, layouts)
    assert all(c.recipient.line in flat(t) for c, t in zip(sheets, page_texts(out), strict=True))


def test_each_kind_keeps_its_own_paper_in_one_file(tmp_path: Path) -> None:
    out = tmp_path / "mixed.pdf"
    layouts = layouts_on(A4_LANDSCAPE)
    layouts[CertificateKind.GIAY_KHEN_UNIT] = default_layout(
        CertificateKind.GIAY_KHEN_UNIT, A3_LANDSCAPE
    )
    write_certificates_pdf(out, four_kinds(), layouts, PrintMode.FULL)
    widths = [round(w) for w, _ in page_sizes_mm(out)]
    assert widths == [297, 420, 297, 297]


def test_long_names_and_achievements_stay_in_their_boxes(tmp_path: Path) -> None:
    sheets = [
            sheet(10 + i, kind, long_text(120), gender=Gender.FEMALE,
                  position=long_text(120, "Trường Trung học cơ sở Nguyễn Văn Trỗi "),
                  achievement=long_text(200 + 40 * i, "tích cực đổi mới phương pháp dạy học "))
            for i, kind in enumerate(CertificateKind)
    ]  # fmt: skip
    layouts = layouts_on(A4_LANDSCAPE)
    for mode in PrintMode:
        for offset in ((0.0, 0.0), (3.5, -2.0)):
            out = tmp_path / f"long-{mode.value}.pdf"
            report = write_certificates_pdf(out, sheets, layouts, mode, offset,
                                            keep_placements=True)  # fmt: skip
            assert_inside(report, sheets, layouts, offset)
            texts = [flat(t) for t in page_texts(out)]
            for cert, text in zip(sheets, texts, strict=True):
                # A wrapped name is still all there, in order.
                assert cert.recipient.line.replace(" ", "") in text.replace(" ", "")


def test_the_offset_moves_everything_drawn(tmp_path: Path) -> None:
    sheets = four_kinds()
    layouts = layouts_on(A4_LANDSCAPE)
    plain, moved = tmp_path / "plain.pdf", tmp_path / "moved.pdf"
    a = write_certificates_pdf(plain, sheets, layouts, PrintMode.FULL, keep_placements=True)
    b = write_certificates_pdf(moved, sheets, layouts, PrintMode.FULL, (5.0, 3.0),
                               keep_placements=True)  # fmt: skip
    assert len(a.placements) == len(b.placements)
    for p, q in zip(a.placements, b.placements, strict=True):
        assert (p.key, p.text) == (q.key, q.text)
        assert q.x - p.x == pytest.approx(5 * MM, abs=1e-6)
        assert q.y - p.y == pytest.approx(-3 * MM, abs=1e-6)  # +dy moves down the page
    assert {p.key for p in a.placements} == set(FieldKey)  # the fixed words moved too
    # In the file itself: the text where a reader finds it ...
    before = {t.text: t for t in text_pieces(plain)}
    after = {t.text: t for t in text_pieces(moved)}
    for text in ("Ông Nguyễn Văn An", ISSUER, "Nguyễn Văn Hùng"):
        assert after[text].x - before[text].x == pytest.approx(5 * MM, abs=0.05)
        assert after[text].y - before[text].y == pytest.approx(-3 * MM, abs=0.05)
    # ... and the border drawn once for all pages, on the printed picture (100 dpi).
    (x0, y0), (x1, y1) = first_ink(plain), first_ink(moved)
    assert x1 - x0 == pytest.approx(5 / 25.4 * 100, abs=1.5)
    assert y1 - y0 == pytest.approx(3 / 25.4 * 100, abs=1.5)


def test_a_text_too_long_is_reported_and_cut_inside_its_box(tmp_path: Path) -> None:
    sheets = [sheet(50, achievement=long_text(8000, "giải quyết hồ sơ đúng hạn "))]
    layouts = layouts_on(A4_LANDSCAPE)
    out = tmp_path / "overflow.pdf"
    report = write_certificates_pdf(out, sheets, layouts, PrintMode.OVERLAY, (1.0, 1.0),
                                    keep_placements=True)  # fmt: skip
    (issue,) = report.issues
    assert issue.award_id == 50 and issue.key is FieldKey.ACHIEVEMENT and issue.overflow
    assert issue.message == (
        "Thành tích của Ông Nguyễn Văn An không vừa khung dù đã thu nhỏ tối đa; hãy rút gọn hoặc "
        "nới rộng khung."
    )
    assert_inside(report, sheets, layouts, (1.0, 1.0))
    assert fit_issues(sheets, layouts, PrintMode.OVERLAY) == list(report.issues)
    assert "Ông Nguyễn Văn An" in page_texts(out)[0]


def test_the_border_and_fixed_words_are_drawn_once_per_layout(tmp_path: Path) -> None:
    sheets = [sheet(i, name=f"Nguyễn Văn {i}") for i in range(1, 41)]
    out = tmp_path / "forty.pdf"
    write_certificates_pdf(out, sheets, layouts_on(A4_LANDSCAPE), PrintMode.FULL)
    reader = PdfReader(out)
    forms = set()
    for page in reader.pages:
        xobjects = page["/Resources"]["/XObject"]
        forms.update(ref.idnum for ref in xobjects.values())
    assert len(forms) == 1
    assert "CỘNG HÒA" in reader.pages[39].extract_text()


def test_a_page_looks_like_a_certificate(tmp_path: Path) -> None:
    out = tmp_path / "look.pdf"
    write_certificates_pdf(out, four_kinds(), layouts_on(A4_LANDSCAPE), PrintMode.FULL)
    png = render_png(out, tmp_path / "png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert 0.01 < ink_share(out) < 0.5  # neither blank nor a black page


def test_writes_to_a_stream_and_refuses_nothing_to_print(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    report = write_certificates_pdf(buffer, [sheet(1)], layouts_on(A4_LANDSCAPE), PrintMode.FULL)
    assert report.pages == 1 and buffer.getvalue().startswith(b"%PDF")
    with pytest.raises(UserError, match="Không có giấy khen nào"):
        write_certificates_pdf(tmp_path / "x.pdf", [], layouts_on(A4_LANDSCAPE), PrintMode.FULL)
    with pytest.raises(UserError, match=r"Không ghi được tệp «x\.pdf»"):
        write_certificates_pdf(tmp_path / "missing" / "x.pdf", [sheet(1)],
                               layouts_on(A4_LANDSCAPE), PrintMode.FULL)  # fmt: skip


def test_a_kind_without_a_layout_prints_on_its_default(tmp_path: Path) -> None:
    out = tmp_path / "default.pdf"
    report = write_certificates_pdf(out, four_kinds(), {}, PrintMode.FULL)
    assert report.pages == 4
    assert "GIẤY CHỨNG NHẬN" in page_texts(out)[3]


def test_characters_the_font_lacks_are_named_before_printing() -> None:
    vietnamese = "aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđ"
    assert missing_glyphs(vietnamese + vietnamese.upper() + " “”–«»…") == ""
    assert missing_glyphs(unicodedata.normalize("NFD", vietnamese)) == ""
    assert missing_glyphs("Nguyễn 王 Văn 😀 王") == "王😀"
    sheets = [
        sheet(1, name="Nguyễn Văn 王"),
        sheet(2, name="Lê Thị Hoa", gender=Gender.FEMALE, achievement="vui vẻ 😀 mỗi ngày"),
        sheet(3),
    ]
    assert glyph_problems(sheets) == [
        "Tên «Ông Nguyễn Văn 王» có ký tự «王» mà phông chữ không có.",
        "Thành tích của Bà Lê Thị Hoa có ký tự «😀» mà phông chữ không có.",
    ]


def test_a_shared_text_with_a_missing_character_is_named_once() -> None:
    from dataclasses import replace

    sheets = [replace(sheet(i), issuer="CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ 上") for i in range(1, 4)]
    assert glyph_problems(sheets) == ["Dòng «Cơ quan tặng» có ký tự «上» mà phông chữ không có."]


def test_a_layout_with_a_field_off_the_page_is_refused_before_writing(tmp_path: Path) -> None:
    from dataclasses import replace

    from emulation_desktop.domain.errors import ValidationError

    layout = default_layout(CertificateKind.GIAY_KHEN_PERSON)
    off = layout.with_field(replace(layout.field(FieldKey.RECIPIENT), x_mm=280))
    out = tmp_path / "off.pdf"
    with pytest.raises(ValidationError, match="«Người, tập thể được khen» nằm ngoài trang giấy"):
        write_certificates_pdf(out, [sheet(1)], {off.kind: off}, PrintMode.OVERLAY)
    assert not out.exists()


def test_the_motto_is_underlined_exactly_its_width(tmp_path: Path) -> None:
    import re

    out = tmp_path / "motto.pdf"
    report = write_certificates_pdf(
        out, [sheet(1)], layouts_on(A4_LANDSCAPE), PrintMode.FULL, keep_placements=True
    )
    (motto,) = [p for p in report.placements if p.key is FieldKey.MOTTO]
    page = PdfReader(out).pages[0]
    (form,) = page["/Resources"]["/XObject"].values()
    number = r"(-?[\d.]+)"
    segments = re.findall(
        rf"{number} {number} m {number} {number} l S", form.get_object().get_data().decode()
    )
    rules = [
        (float(x1), float(y1), float(x2))
        for x1, y1, x2, y2 in segments
        if y1 == y2 and motto.y - 0.5 * motto.size < float(y1) < motto.y
    ]
    assert len(rules) == 1
    x1, _, x2 = rules[0]
    assert x1 == pytest.approx(motto.x, abs=0.01)
    assert x2 - x1 == pytest.approx(motto.width, abs=0.01)


def test_the_title_says_what_the_file_holds(tmp_path: Path) -> None:
    out = tmp_path / "t.pdf"
    layouts = layouts_on(A4_LANDSCAPE)
    write_certificates_pdf(out, four_kinds()[:3], layouts, PrintMode.OVERLAY)
    assert metadata(out)["/Title"] == f"Giấy khen – {DECISION}"
    write_certificates_pdf(out, four_kinds()[3:], layouts, PrintMode.OVERLAY)
    assert metadata(out)["/Title"] == f"Giấy chứng nhận – {DECISION}"
    assert metadata(out)["/Author"] == ISSUER


@pytest.mark.parametrize("mode", list(PrintMode))
def test_every_font_the_pdf_names_is_embedded(tmp_path: Path, mode: PrintMode) -> None:
    """A printer PC without Times New Roman must print the same: no font left to the reader
    (reportlab would otherwise name its initial Helvetica on every page)."""
    out = tmp_path / "gk.pdf"
    write_certificates_pdf(out, four_kinds(), {}, mode)
    for page in PdfReader(str(out)).pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            descriptor = font["/FontDescriptor"].get_object()
            assert "LiberationSerif" in font["/BaseFont"] and "/FontFile2" in descriptor
