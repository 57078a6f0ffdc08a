"""Auto-fit with the real font: long names and achievements shrink to their minimum, then wrap,
never leave their box; the officer is told, in Vietnamese, whose text did not fit."""

from __future__ import annotations

import random
import re
from dataclasses import replace

import pytest

from emulation_desktop.documents.certificates import fit_issues
from emulation_desktop.documents.certificates.fitting import MM, Fitter
from emulation_desktop.domain.autofit import LEADING, fit_text
from emulation_desktop.domain.certificate_layout import A4_LANDSCAPE, Align, default_layout
from emulation_desktop.domain.certificates import CertificateKind, FieldKey, PrintMode
from emulation_desktop.domain.demo_award_texts import champion, collective, village
from emulation_desktop.domain.demo_data import generate_demo_commune
from emulation_desktop.domain.enums import Grade, UnitKind
from tests.certificates.pdf_checks import long_text, sheet

PERSON = default_layout(CertificateKind.GIAY_KHEN_PERSON)
HEIGHT = A4_LANDSCAPE.height_mm * MM


def box_pt(box):  # type: ignore[no-untyped-def]
    left, top = box.x_mm * MM, HEIGHT - box.y_mm * MM
    return left, left + box.width_mm * MM, top - box.height_mm * MM, top


def assert_fits(fit) -> None:  # type: ignore[no-untyped-def]
    left, right, bottom, top = box_pt(fit.box)
    for line in fit.lines:
        assert left - 0.01 <= line.x and line.x + line.width <= right + 0.01, line.text
        assert bottom - 0.01 <= line.y and line.y + 0.66 * fit.size <= top + 0.01, line.text


def test_the_longest_demo_names_and_achievements_fit_at_their_size_or_above_minimum() -> None:
    people = generate_demo_commune(7).people
    rng = random.Random(3)
    fitter = Fitter()
    names = sorted((p for p in people), key=lambda p: len(p.full_name))[-10:]
    for p in names:
        recipient = f"{p.gender.honorific} {p.full_name}"
        fit = fitter.fit(PERSON.field(FieldKey.RECIPIENT), recipient, HEIGHT)
        assert fit.size == PERSON.field(FieldKey.RECIPIENT).size and len(fit.lines) == 1
        assert_fits(fit)
    texts = [champion(rng, UnitKind.SCHOOL, Grade.EXCELLENT, 2026, "Ứng dụng bản đồ số "
                      "trong quản lý hộ tịch và chứng thực tại bộ phận một cửa")
             for _ in range(5)]  # fmt: skip
    texts += [collective(Grade.EXCELLENT, 2026, 27, 31), village(rng, 2026, 412, 436)]
    box = PERSON.field(FieldKey.ACHIEVEMENT)
    for text in texts:
        fit = fitter.fit(box, text, HEIGHT)
        assert not fit.below_min and fit.lines, text
        assert_fits(fit)
        assert " ".join(line.text for line in fit.lines) == " ".join(text.split())


@pytest.mark.parametrize("key", [FieldKey.RECIPIENT, FieldKey.POSITION, FieldKey.ACHIEVEMENT])
def test_120_characters_shrink_then_wrap_inside_the_box(key: FieldKey) -> None:
    box = PERSON.field(key)
    fit = Fitter().fit(box, long_text(120), HEIGHT)
    assert fit.size <= box.size and fit.lines
    assert_fits(fit)
    assert "".join(line.text for line in fit.lines).replace(" ", "") == long_text(120).replace(
        " ", ""
    )


def test_a_name_shrinks_before_it_wraps() -> None:
    box = PERSON.field(FieldKey.RECIPIENT)
    name = "Bà Tôn Nữ Thị Hoàng Phương Quỳnh Như Nguyệt Minh Châu Ngọc Bảo Trân Anh"
    fit = Fitter().fit(box, name, HEIGHT)
    assert len(fit.lines) == 1 and box.min_size <= fit.size < box.size


def test_width_comes_from_the_embedded_font() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    fitter = Fitter()
    text = "Đã có thành tích xuất sắc trong phong trào thi đua"
    for font in ("TNR", "TNR-B", "TNR-I", "TNR-BI"):
        assert fitter.width(text, font, 15) == pytest.approx(stringWidth(text, font, 15))
    assert fitter.width(text, "TNR-B", 15) > fitter.width(text, "TNR", 15)


@pytest.mark.parametrize("align", list(Align))
def test_alignment_and_vertical_centre(align: Align) -> None:
    box = replace(PERSON.field(FieldKey.DECISION), align=align)
    fit = Fitter().fit(box, "Quyết định số 166/QĐ-UBND", HEIGHT)
    left, right, bottom, top = box_pt(box)
    (line,) = fit.lines
    if align is Align.LEFT:
        assert line.x == pytest.approx(left)
    elif align is Align.RIGHT:
        assert line.x + line.width == pytest.approx(right)
    else:
        assert line.x - left == pytest.approx(right - line.x - line.width)
    # The capitals sit in the middle of the box.
    assert line.y + 0.33 * fit.size == pytest.approx((top + bottom) / 2, abs=0.5)


def test_a_word_wider_than_the_box_is_broken_not_drawn_outside() -> None:
    box = replace(PERSON.field(FieldKey.POSITION), width_mm=20, height_mm=30)
    fit = Fitter().fit(box, "Trường" * 30, HEIGHT)
    assert len(fit.lines) > 1
    assert_fits(fit)


def test_a_box_too_small_for_one_line_is_cut_and_flagged() -> None:
    box = replace(PERSON.field(FieldKey.RECIPIENT), width_mm=3, height_mm=1.5)
    fit = Fitter().fit(box, "Ông Nguyễn Văn An", HEIGHT)
    assert fit.overflow and fit.below_min
    left, right, _, _ = box_pt(box)
    assert all(left - 0.01 <= ln.x and ln.x + ln.width <= right + 0.01 for ln in fit.lines)


def test_below_minimum_is_reported_with_the_person_and_the_sizes() -> None:
    narrow = PERSON.with_field(replace(PERSON.field(FieldKey.ACHIEVEMENT), height_mm=12))
    text = long_text(300, "tích cực đổi mới phương pháp dạy học ")
    issues = fit_issues([sheet(7, achievement=text)], {narrow.kind: narrow}, PrintMode.OVERLAY)
    (issue,) = issues
    assert issue.award_id == 7 and issue.key is FieldKey.ACHIEVEMENT and not issue.overflow
    found = re.fullmatch(
        r"Thành tích của Ông Nguyễn Văn An quá dài: phải thu nhỏ còn (\d+(?:,5)?) pt, "
        r"dưới cỡ tối thiểu 11 pt\.",
        issue.message,
    )
    assert found, issue.message
    assert float(found.group(1).replace(",", ".")) < 11


def test_a_name_too_long_names_itself() -> None:
    tiny = PERSON.with_field(replace(PERSON.field(FieldKey.RECIPIENT), width_mm=60))
    issues = fit_issues([sheet(8, name=long_text(120))], {tiny.kind: tiny}, PrintMode.FULL)
    assert [i.key for i in issues] == [FieldKey.RECIPIENT]
    assert issues[0].message.startswith(f"Tên «Ông {long_text(120)}»")


def test_a_text_shared_by_every_sheet_is_reported_once() -> None:
    narrow = PERSON.with_field(replace(PERSON.field(FieldKey.ISSUER), width_mm=40))
    sheets = [sheet(i, name=f"Nguyễn Văn {i}") for i in range(1, 6)]
    issues = fit_issues(sheets, {narrow.kind: narrow}, PrintMode.OVERLAY)
    assert [(i.award_id, i.key) for i in issues] == [(1, FieldKey.ISSUER)]
    assert issues[0].message.startswith("Dòng «Cơ quan tặng» quá dài")


def test_fixed_words_do_not_fit_only_in_full_mode() -> None:
    narrow = PERSON.with_field(replace(PERSON.field(FieldKey.HEADING), width_mm=30))
    full = fit_issues([sheet(1)], {narrow.kind: narrow}, PrintMode.FULL)
    assert [i.key for i in full] == [FieldKey.HEADING]
    assert "của mẫu «Giấy khen cá nhân»" in full[0].message
    assert fit_issues([sheet(1)], {narrow.kind: narrow}, PrintMode.OVERLAY) == []


def test_the_domain_rule_with_the_real_measure() -> None:
    fitter = Fitter()
    measure = fitter.measure("TNR")
    fitted = fit_text(long_text(200), 220 * MM, 28 * MM, 15, 11, measure)
    assert not fitted.below_min
    assert len(fitted.lines) * fitted.size * LEADING <= 28 * MM
    assert all(measure(line, fitted.size) <= 220 * MM for line in fitted.lines)
