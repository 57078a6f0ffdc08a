"""The certificate layout (domain): defaults that can be printed for every kind and paper, the
JSON file another commune imports, and a clear Vietnamese refusal of every bad file or field."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from emulation_desktop.domain.certificate_layout import (
    A3_LANDSCAPE,
    A4_LANDSCAPE,
    FORMAT,
    HARDWARE_MARGIN_MM,
    Align,
    Paper,
    check_layout,
    default_layout,
    edge_warnings,
    layout_from_dict,
    layout_from_json,
    layout_problems,
    layout_to_dict,
    layout_to_json,
    scaled,
)
from emulation_desktop.domain.certificates import CertificateKind, FieldKey
from emulation_desktop.domain.errors import ValidationError

KINDS = list(CertificateKind)
CUSTOM = Paper("Tùy chỉnh", 330.0, 240.0)


@pytest.mark.parametrize("paper", [A4_LANDSCAPE, A3_LANDSCAPE, CUSTOM])
@pytest.mark.parametrize("kind", KINDS)
def test_defaults_are_printable_for_every_kind_and_paper(kind, paper) -> None:  # type: ignore[no-untyped-def]
    layout = default_layout(kind, paper)
    assert layout.kind is kind and layout.paper == paper
    assert [f.key for f in layout.fields] == list(FieldKey)
    assert layout_problems(layout) == []
    assert check_layout(layout) is layout
    assert edge_warnings(layout, overlay=False) == [] and edge_warnings(layout, overlay=True) == []
    for box in layout.fields:
        assert box.x_mm >= 0 and box.right_mm <= paper.width_mm
        assert box.y_mm >= 0 and box.bottom_mm <= paper.height_mm
        assert box.min_size <= box.size
    assert layout.field(FieldKey.HEADING).text == kind.heading
    assert layout.field(FieldKey.VERB).text == kind.verb
    assert layout.field(FieldKey.NATIONAL).text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert layout.field(FieldKey.MOTTO).underline


def test_fixed_words_are_preprinted_and_names_are_not() -> None:
    layout = default_layout(CertificateKind.GIAY_KHEN_PERSON)
    on_blank = {b.key for b in layout.fields if b.on_blank}
    assert not any(k.fixed for k in on_blank)
    assert {FieldKey.RECIPIENT, FieldKey.ACHIEVEMENT, FieldKey.ISSUER} <= on_blank
    assert (
        layout.field(FieldKey.HEADING).colour == layout.field(FieldKey.ISSUER).colour != ("#000000")
    )


def test_a3_grows_with_the_paper() -> None:
    a4 = default_layout(CertificateKind.GIAY_KHEN_UNIT)
    a3 = default_layout(CertificateKind.GIAY_KHEN_UNIT, A3_LANDSCAPE)
    f = A3_LANDSCAPE.width_mm / A4_LANDSCAPE.width_mm
    for small, big in zip(a4.fields, a3.fields, strict=True):
        assert big.x_mm == pytest.approx(small.x_mm * f, abs=0.1)
        assert big.size >= small.size
    assert scaled(a3, A4_LANDSCAPE).field(FieldKey.RECIPIENT).x_mm == pytest.approx(
        a4.field(FieldKey.RECIPIENT).x_mm, abs=0.2
    )


@pytest.mark.parametrize("paper", [A4_LANDSCAPE, A3_LANDSCAPE, CUSTOM])
@pytest.mark.parametrize("kind", KINDS)
def test_json_roundtrip(kind, paper) -> None:  # type: ignore[no-untyped-def]
    layout = default_layout(kind, paper)
    layout = layout.with_field(
        replace(layout.field(FieldKey.RECIPIENT), x_mm=41.5, size=20, colour="#1A2B3C",
                align=Align.LEFT, text="", italic=False)
    )  # fmt: skip
    text = layout_to_json(layout)
    assert "Người, tập thể" not in text and "CỘNG HÒA" in text  # readable, not escaped
    assert layout_from_json(text) == layout
    assert layout_from_json(text, kind) == layout
    assert layout_from_dict(layout_to_dict(layout)) == layout


def test_an_older_file_missing_fields_takes_the_defaults() -> None:
    data = layout_to_dict(default_layout(CertificateKind.GIAY_KHEN_PERSON))
    data["fields"] = [f for f in data["fields"] if f["key"] != FieldKey.REGISTER.value]
    for f in data["fields"]:
        f.pop("underline")
    layout = layout_from_dict(data)
    assert layout == default_layout(CertificateKind.GIAY_KHEN_PERSON)


def _file(**change) -> str:  # type: ignore[no-untyped-def]
    data = layout_to_dict(default_layout(CertificateKind.GIAY_KHEN_PERSON))
    field = change.pop("field", None)
    if field:
        data["fields"][5].update(field)
    data.update(change)
    return json.dumps(data, ensure_ascii=False)


NOT_A_LAYOUT = "Tệp này không phải tệp mẫu giấy khen của chương trình."


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", NOT_A_LAYOUT),
        ("{not json", NOT_A_LAYOUT),
        ("[1, 2]", NOT_A_LAYOUT),
        ('"mẫu"', NOT_A_LAYOUT),
        (_file(format="other-program"), NOT_A_LAYOUT),
        (_file(version=99), "phiên bản mới hơn"),
        (_file(kind="bang_khen"), NOT_A_LAYOUT),
        (_file(paper={"name": "A4"}), NOT_A_LAYOUT),
        (_file(paper={"name": "A4", "width_mm": "rộng", "height_mm": 210}), NOT_A_LAYOUT),
        (_file(fields={"a": 1}), NOT_A_LAYOUT),
        (_file(field={"key": "ten_la"}), NOT_A_LAYOUT),
        (_file(field={"x_mm": "10"}), NOT_A_LAYOUT),
        (_file(field={"size": True}), NOT_A_LAYOUT),
        (_file(field={"bold": "có"}), NOT_A_LAYOUT),
        (_file(field={"align": "justify"}), NOT_A_LAYOUT),
        (_file(field={"text": 5}), NOT_A_LAYOUT),
        (_file(field={"colour": "đỏ"}), "màu «đỏ» không hợp lệ"),
        (_file(field={"x_mm": 250.0}), "nằm ngoài trang giấy 297 × 210 mm"),
        (_file(field={"x_mm": 33.5, "width_mm": 270.5}), "ngang từ 33,5 đến 304 mm"),
        (_file(field={"x_mm": float("nan")}), NOT_A_LAYOUT),
        (_file(field={"size": float("inf")}), NOT_A_LAYOUT),
        (_file(paper={"name": "A4", "width_mm": float("nan"), "height_mm": 210}), NOT_A_LAYOUT),
        (_file(field={"width_mm": 0}), "chiều rộng và chiều cao lớn hơn 0"),
        (_file(field={"size": 10, "min_size": 12}), "cỡ chữ từ 4 đến 120"),
        (_file(field={"size": 200}), "cỡ chữ từ 4 đến 120"),
        (_file(paper={"name": "Nhỏ", "width_mm": 20, "height_mm": 20}), "Khổ giấy 20 × 20 mm"),
    ],
)
def test_every_bad_file_is_refused_in_vietnamese(text: str, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        layout_from_json(text)
    assert message in str(caught.value)
    assert "Traceback" not in str(caught.value) and "KeyError" not in str(caught.value)


def test_a_layout_built_with_a_value_that_is_not_a_number_cannot_be_printed() -> None:
    layout = default_layout(CertificateKind.GIAY_KHEN_PERSON)
    box = replace(layout.field(FieldKey.RECIPIENT), x_mm=float("nan"))
    problems = layout_problems(layout.with_field(box))
    assert problems == ["Dòng «Người, tập thể được khen» có vị trí, kích thước hoặc cỡ chữ "
                        "không phải là số."]  # fmt: skip


def test_a_layout_of_another_kind_is_refused_by_name() -> None:
    text = layout_to_json(default_layout(CertificateKind.CERTIFICATE))
    with pytest.raises(ValidationError, match="là mẫu «Giấy chứng nhận danh hiệu», không phải"):
        layout_from_json(text, CertificateKind.GIAY_KHEN_UNIT)
    assert FORMAT in text


def test_a_field_outside_the_page_is_refused() -> None:
    layout = default_layout(CertificateKind.GIAY_KHEN_PERSON)
    box = layout.field(FieldKey.SIGNER_NAME)
    outside = layout.with_field(replace(box, y_mm=205.0))
    (problem,) = layout_problems(outside)
    assert problem.startswith("Dòng «Họ tên người ký» nằm ngoài trang giấy 297 × 210 mm")
    with pytest.raises(ValidationError, match="nằm ngoài trang giấy"):
        check_layout(outside)
    left = layout.with_field(replace(box, x_mm=-1.0))
    assert layout_problems(left)
    # A hidden field is not printed, so it may lie anywhere.
    assert layout_problems(layout.with_field(replace(box, y_mm=205.0, visible=False))) == []


def test_edge_warnings_name_the_field_and_obey_the_mode() -> None:
    layout = default_layout(CertificateKind.GIAY_KHEN_PERSON)
    near = layout.with_field(replace(layout.field(FieldKey.DECISION), x_mm=2.0))
    (warning,) = edge_warnings(near, overlay=True)
    assert "«Số, ngày quyết định»" in warning and f"{HARDWARE_MARGIN_MM:g} mm" in warning
    # The Quốc hiệu is on the blank already: near the edge it matters only on plain paper.
    national = layout.with_field(replace(layout.field(FieldKey.NATIONAL), y_mm=3.0))
    assert len(edge_warnings(national, overlay=False)) == 1
    assert edge_warnings(national, overlay=True) == []
