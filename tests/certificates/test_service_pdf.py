"""The PDF of a decision's certificates reopened as a reader sees it (one page per sheet, every
recipient on it, a reprint of one sheet, the printer offset), what stops it being written, and
the layouts saved, exported and imported."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from emulation_desktop.domain.certificate_layout import A4_LANDSCAPE, default_layout, layout_to_json
from emulation_desktop.domain.certificates import CertificateKind, FieldKey, PrintMode
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.services.certificates import Offset

from .conftest import CSTD, SUDDEN, Demo
from .pdf_checks import flat, is_nfc, page_sizes_mm, page_texts, text_pieces

MM = 72 / 25.4


# Refused -----------------------------------------------------------------------------------------


def test_bad_targets_are_refused_and_an_open_file_is_left_as_it_was(
    demo: Demo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = demo.services.certificates
    decision = demo.decision(SUDDEN)
    cases = [
        (tmp_path / "giay-khen.docx", "phải có đuôi .pdf"),
        (tmp_path / "khong-co" / "giay-khen.pdf", "Không tìm thấy thư mục"),
    ]
    folder = tmp_path / "thu-muc.pdf"
    folder.mkdir()
    cases.append((folder, "là một thư mục"))
    for out, words in cases:
        with pytest.raises(UserError, match=re.escape(words)):
            service.write_pdf(decision, out, PrintMode.FULL)
    held = tmp_path / "dang-mo.pdf"
    held.write_bytes(b"%PDF-1.4 old")

    def refuse(*_args: object) -> None:
        raise PermissionError(13, "in use")

    monkeypatch.setattr("emulation_desktop.documents.atomic.os.replace", refuse)
    with pytest.raises(UserError, match="đang được mở"):
        service.write_pdf(decision, held, PrintMode.FULL)
    assert held.read_bytes() == b"%PDF-1.4 old"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "user-data") == [
        "dang-mo.pdf", "thu-muc.pdf"]  # fmt: skip
    with pytest.raises(UserError, match="không còn trong danh sách"):
        service.write_pdf(decision, tmp_path / "x.pdf", PrintMode.FULL, award_ids=[123456])


def test_characters_the_font_lacks_are_named_before_printing(
    own_demo: Demo, tmp_path: Path
) -> None:
    decision = own_demo.decision(SUDDEN)
    service = own_demo.services.certificates
    person = service.batch(decision).rows[1].certificate
    own_demo.sql("UPDATE person SET full_name = 'Đỗ Giang 王' WHERE full_name = 'Đỗ Giang'")
    check = service.preflight(decision, PrintMode.OVERLAY)
    assert check.problems == ("Tên «Bà Đỗ Giang 王» có ký tự «王» mà phông chữ không có.",)
    out = tmp_path / "giay-khen.pdf"
    with pytest.raises(UserError) as caught:
        service.write_pdf(decision, out, PrintMode.OVERLAY)
    assert caught.value.message == check.problems[0]
    assert not out.exists()
    # The other sheets still print on their own.
    others = [r.certificate.award_id for r in service.batch(decision).rows
              if r.certificate.award_id != person.award_id]  # fmt: skip
    assert service.write_pdf(decision, out, PrintMode.OVERLAY, award_ids=others).pages == 2


def test_a_damaged_saved_layout_is_named_before_printing_on_the_default(
    own_demo: Demo,
) -> None:
    decision = own_demo.decision(SUDDEN)
    service = own_demo.services.certificates
    own_demo.sql("INSERT INTO certificate_layout (kind, data, updated_at) VALUES (?, ?, "
                 "CURRENT_TIMESTAMP)", "giay_khen_tap_the", '{"format": "hỏng"}')  # fmt: skip
    assert service.layout(CertificateKind.GIAY_KHEN_UNIT) == default_layout(
        CertificateKind.GIAY_KHEN_UNIT
    )
    check = service.preflight(decision, PrintMode.OVERLAY)
    assert check.problems == ()
    assert check.warnings[0].startswith("Mẫu «Giấy khen tập thể» đã lưu bị hỏng")
    written = service.write_pdf(decision, own_demo.path.parent / "gk.pdf", PrintMode.OVERLAY)
    assert written.notices == (check.warnings[0],)  # the command line says it too
    assert not any("đã lưu bị hỏng" in w for w in service.preflight(
        own_demo.decision(CSTD), PrintMode.OVERLAY).warnings)  # fmt: skip


def test_a_long_achievement_is_reported_not_drawn_outside_its_box(
    own_demo: Demo, tmp_path: Path
) -> None:
    decision = own_demo.decision(SUDDEN)
    own_demo.sql("UPDATE award SET achievement = ? WHERE decision_id = ? AND unit_id IS NOT NULL",
                 "Đã có thành tích " + "xuất sắc trong điều tra, bắt giữ đối tượng " * 40,
                 decision)  # fmt: skip
    service = own_demo.services.certificates
    check = service.preflight(decision, PrintMode.FULL)
    assert check.problems == () and any("Thành tích" in w or "thành tích" in w
                                        for w in check.warnings)  # fmt: skip
    written = service.write_pdf(decision, tmp_path / "gk.pdf", PrintMode.FULL)
    assert written.pages == 3 and written.issues
    assert {i.key for i in written.issues} == {FieldKey.ACHIEVEMENT}


# The PDF -------------------------------------------------------------------------------------


def test_the_pdf_has_one_page_per_sheet_with_every_recipient(demo: Demo, tmp_path: Path) -> None:
    decision = demo.decision(CSTD)
    service = demo.services.certificates
    batch = service.batch(decision)
    out = tmp_path / "chien-si.pdf"
    written = service.write_pdf(decision, out, PrintMode.FULL)
    assert written.path == out and written.pages == len(batch.rows) == 16
    assert written.award_ids == tuple(r.certificate.award_id for r in batch.rows)
    assert page_sizes_mm(out) == [pytest.approx((297, 210), abs=0.1)] * 16
    texts = page_texts(out)
    for row, text in zip(batch.rows, texts, strict=True):
        cert = row.certificate
        assert is_nfc(text)
        page = flat(text)
        for words in (
            cert.recipient.line,
            cert.recipient.position,
            "GIẤY CHỨNG NHẬN",
            f"Số sổ: {cert.register_number}",
            cert.decision,
        ):
            assert words in page  # fmt: skip
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_reprint_of_one_award_is_one_page(demo: Demo, tmp_path: Path) -> None:
    decision = demo.decision(CSTD)
    service = demo.services.certificates
    third = service.batch(decision).rows[2].certificate
    written = service.write_pdf(decision, tmp_path / "in-lai.pdf", PrintMode.OVERLAY,
                                award_ids=[third.award_id])  # fmt: skip
    assert written.pages == 1 and written.award_ids == (third.award_id,)
    [text] = page_texts(written.path)
    assert third.recipient.line in flat(text)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in text  # pre-printed on the blank


def test_the_printer_offset_moves_every_line(demo: Demo, tmp_path: Path) -> None:
    decision = demo.decision(SUDDEN)
    service = demo.services.certificates
    plain = service.write_pdf(decision, tmp_path / "a.pdf", PrintMode.OVERLAY)
    moved = service.write_pdf(decision, tmp_path / "b.pdf", PrintMode.OVERLAY,
                              offset=Offset(4.0, -3.0))  # fmt: skip
    before = {p.text: p for p in text_pieces(plain.path)}
    after = {p.text: p for p in text_pieces(moved.path)}
    name = "Tập thể Công an xã"
    assert after[name].x - before[name].x == pytest.approx(4 * MM, abs=0.05)
    assert after[name].y - before[name].y == pytest.approx(3 * MM, abs=0.05)  # up: dy < 0


# Layouts ---------------------------------------------------------------------------------------


def test_a_layout_is_saved_exported_reset_and_imported(own_demo: Demo, tmp_path: Path) -> None:
    service = own_demo.services.certificates
    kind = CertificateKind.GIAY_KHEN_PERSON
    default = service.layout(kind)
    assert default.paper == A4_LANDSCAPE
    box = replace(default.field(FieldKey.RECIPIENT), y_mm=92.0, size=24.0)
    mine = default.with_field(box)
    service.save_layout(mine)
    assert service.layout(kind) == mine
    assert service.layout(CertificateKind.CERTIFICATE) != mine  # per kind
    out = service.export_layout(kind, tmp_path / "mau.json")
    assert json.loads(out.read_text(encoding="utf-8"))["kind"] == kind.value
    assert service.reset_layout(kind) == default and service.layout(kind) == default
    assert service.import_layout(kind, out) == mine and service.layout(kind) == mine
    written = service.write_pdf(own_demo.decision(SUDDEN), tmp_path / "gk.pdf", PrintMode.OVERLAY)
    pieces = {p.text: p for p in text_pieces(written.path, page=1)}
    assert pieces["Bà Đỗ Giang"].size == pytest.approx(24.0)
    actions = {r[0] for r in own_demo.sql(
        "SELECT action FROM audit_entry WHERE entity = 'certificate_layout'")}  # fmt: skip
    assert actions == {"save", "delete"}


def test_bad_layouts_and_layout_files_are_refused(own_demo: Demo, tmp_path: Path) -> None:
    service = own_demo.services.certificates
    kind = CertificateKind.GIAY_KHEN_PERSON
    default = service.layout(kind)
    outside = default.with_field(replace(default.field(FieldKey.SIGNER_NAME), x_mm=250.0))
    with pytest.raises(ValidationError, match="nằm ngoài trang giấy"):
        service.save_layout(outside)
    assert service.layout(kind) == default
    other = tmp_path / "chung-nhan.json"
    other.write_text(layout_to_json(service.layout(CertificateKind.CERTIFICATE)), "utf-8")
    broken = tmp_path / "hong.json"
    broken.write_text("{ không phải json", "utf-8")
    binary = tmp_path / "anh.json"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe")
    cases = [
        (other, "là mẫu «Giấy chứng nhận danh hiệu», không phải mẫu «Giấy khen cá nhân»"),
        (broken, "không phải tệp mẫu giấy khen"),
        (binary, "không phải tệp mẫu giấy khen"),
        (tmp_path / "khong-co.json", "Không đọc được tệp"),
    ]
    for path, words in cases:
        with pytest.raises(UserError, match=re.escape(words)):
            service.import_layout(kind, path)
        assert service.layout(kind) == default
    with pytest.raises(UserError, match=r"phải có đuôi \.json"):
        service.export_layout(kind, tmp_path / "mau.txt")
    assert own_demo.sql("SELECT count(*) FROM certificate_layout") == [(0,)]


def test_the_calibration_page_is_one_page_of_the_chosen_paper(demo: Demo, tmp_path: Path) -> None:
    from emulation_desktop.domain.certificate_layout import A3_LANDSCAPE

    out = demo.services.certificates.write_calibration_page(A3_LANDSCAPE, tmp_path / "can.pdf")
    assert len(PdfReader(out).pages) == 1
    assert page_sizes_mm(out) == [pytest.approx((420, 297), abs=0.1)]
    with pytest.raises(UserError, match=r"phải có đuôi \.pdf"):
        demo.services.certificates.write_calibration_page(A3_LANDSCAPE, tmp_path / "can.png")
