"""What happened at the printer: sheets recorded (only those sent), spoiled sheets, the stock of
blanks, each printer's offset, and the award register showing what was printed. Every write is
in the audit log and travels in the backup."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from emulation_desktop.domain.certificates import BlankKind, CertificateKind, PrintMode
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.services.certificates import Offset

from .conftest import CSTD, SUDDEN, Demo

DAY = dt.date(2026, 11, 20)


def _stock(demo: Demo) -> dict[BlankKind, tuple[int, int, int, int]]:
    return {
        s.blank: (s.received, s.used, s.spoiled, s.left) for s in demo.services.certificates.stock()
    }


def _audit(demo: Demo, entity: str) -> list[str]:
    return [r[0] for r in demo.sql(
        "SELECT action FROM audit_entry WHERE entity = ? ORDER BY id", entity)]  # fmt: skip


def test_only_the_sheets_sent_are_recorded(own_demo: Demo) -> None:
    service = own_demo.services.certificates
    decision = own_demo.decision(SUDDEN)
    rows = service.batch(decision).rows
    ids = [r.certificate.award_id for r in rows]
    assert [r.printed for r in rows] == [0, 0, 0]
    # The printer took the first two sheets, then disappeared.
    assert service.record_printed(ids[:2], "Canon LBP2900", PrintMode.OVERLAY) == 2
    rows = service.batch(decision).rows
    assert [(r.printed, r.spoiled) for r in rows] == [(1, 0), (1, 0), (0, 0)]
    assert rows[0].last_printed is not None and rows[2].last_printed is None
    assert service.record_printed([], "Canon LBP2900", PrintMode.OVERLAY) == 0
    [record] = service.history(ids[0])
    assert (record.printer, record.mode, record.spoiled) == ("Canon LBP2900", PrintMode.OVERLAY,
                                                             False)  # fmt: skip
    assert _audit(own_demo, "certificate") == ["print"]
    with pytest.raises(UserError, match="không còn trong sổ"):
        service.record_printed([ids[2], 987654], "Canon LBP2900", PrintMode.OVERLAY)
    assert service.batch(decision).rows[2].printed == 0


def test_a_spoiled_sheet_is_the_latest_good_one_and_needs_a_print(own_demo: Demo) -> None:
    service = own_demo.services.certificates
    award = service.batch(own_demo.decision(SUDDEN)).rows[1].certificate.award_id
    with pytest.raises(UserError, match="chưa có tờ nào in ra còn tốt"):
        service.mark_spoiled(award, "Kẹt giấy")
    service.record_printed([award], "Canon", PrintMode.OVERLAY)
    service.record_printed([award], "Canon", PrintMode.OVERLAY)  # a reprint
    first, second = sorted(service.history(award), key=lambda r: r.id)
    spoiled = service.mark_spoiled(award, "  Lệch   dòng tên ")
    assert spoiled.id == second.id and spoiled.spoiled and spoiled.reason == "Lệch dòng tên"
    assert [r.spoiled for r in service.history(award)] == [True, False]  # newest first
    service.mark_spoiled(award, "Mực nhòe")
    with pytest.raises(UserError, match="chưa có tờ nào in ra còn tốt"):
        service.mark_spoiled(award, "Lần nữa")
    row = next(r for r in service.batch(own_demo.decision(SUDDEN)).rows
               if r.certificate.award_id == award)  # fmt: skip
    assert (row.printed, row.spoiled) == (0, 2)
    assert _audit(own_demo, "certificate_print") == ["spoil", "spoil"]
    assert first.id != second.id


def test_the_stock_counts_only_sheets_printed_on_blanks(own_demo: Demo) -> None:
    service = own_demo.services.certificates
    assert _stock(own_demo) == {BlankKind.GIAY_KHEN: (0, 0, 0, 0),
                                BlankKind.CERTIFICATE: (0, 0, 0, 0)}  # fmt: skip
    service.receive_blanks(BlankKind.GIAY_KHEN, 100, DAY, "Mua của Ban Thi đua tỉnh")
    service.receive_blanks(BlankKind.GIAY_KHEN, 20, DAY)
    service.receive_blanks(BlankKind.CERTIFICATE, 10, DAY)
    sudden = [r.certificate.award_id for r in service.batch(own_demo.decision(SUDDEN)).rows]
    titles = [r.certificate.award_id for r in service.batch(own_demo.decision(CSTD)).rows]
    service.record_printed(sudden, "", PrintMode.FULL)  # a proof on plain paper: no blank
    service.record_printed(sudden, "Canon", PrintMode.OVERLAY)  # 3 Giấy khen blanks
    service.record_printed(titles[:12], "Canon", PrintMode.OVERLAY)  # more than received
    service.mark_spoiled(sudden[0], "Kẹt giấy")
    assert _stock(own_demo) == {
        BlankKind.GIAY_KHEN: (120, 2, 1, 117),
        BlankKind.CERTIFICATE: (10, 12, 0, -2),  # shown as a warning, not refused
    }
    assert _audit(own_demo, "blank_receipt") == ["receive"] * 3


def test_the_blank_used_is_that_of_the_sheet_as_printed(own_demo: Demo) -> None:
    """A Giấy khen award printed on a Giấy chứng nhận layout (rules that give a form a
    certificate) uses a certificate blank: the kind comes with the PDF, not guessed again."""
    service = own_demo.services.certificates
    award = service.batch(own_demo.decision(SUDDEN)).rows[0].certificate.award_id
    service.record_printed([award], "Canon", PrintMode.OVERLAY, [CertificateKind.CERTIFICATE])
    assert _stock(own_demo)[BlankKind.CERTIFICATE][1] == 1
    assert _stock(own_demo)[BlankKind.GIAY_KHEN][1] == 0


@pytest.mark.parametrize("quantity", [0, -5, 100_001, True, 2.5])
def test_a_receipt_out_of_bounds_is_refused(own_demo: Demo, quantity: object) -> None:
    with pytest.raises(ValidationError, match="Số phôi nhận phải"):
        own_demo.services.certificates.receive_blanks(BlankKind.GIAY_KHEN, quantity, DAY)
    assert own_demo.sql("SELECT count(*) FROM blank_receipt") == [(0,)]


def test_the_offset_is_kept_per_printer_within_fifty_millimetres(own_demo: Demo) -> None:
    service = own_demo.services.certificates
    assert service.calibration("Canon LBP2900") == Offset(0.0, 0.0)
    service.save_calibration("Canon LBP2900", Offset(1.5, -2.25))
    service.save_calibration("", Offset(-50.0, 50.0))
    assert service.calibration("Canon LBP2900") == Offset(1.5, -2.25)
    assert service.calibration("  Canon   LBP2900 ") == Offset(1.5, -2.25)
    assert service.calibration("") == Offset(-50.0, 50.0)
    assert service.calibration("HP LaserJet") == Offset()
    for bad in (Offset(50.5, 0), Offset(0, -51), Offset(float("nan"), 0), Offset(0, float("inf"))):
        with pytest.raises(ValidationError, match="Độ lệch quá lớn"):
            service.save_calibration("Canon LBP2900", bad)
    assert service.calibration("Canon LBP2900") == Offset(1.5, -2.25)
    service.save_calibration("Canon LBP2900", Offset(0.5, 0.5))
    assert service.calibration("Canon LBP2900") == Offset(0.5, 0.5)
    assert _audit(own_demo, "printer_calibration") == ["calibrate"] * 3


def test_the_award_register_shows_the_printed_sheets(own_demo: Demo) -> None:
    service = own_demo.services.certificates
    ids = [r.certificate.award_id for r in service.batch(own_demo.decision(SUDDEN)).rows]
    service.record_printed([ids[0], ids[0], ids[1]], "Canon", PrintMode.FULL)
    service.mark_spoiled(ids[0], "Sai chính tả")
    printed = {line.id: line.printed for line in own_demo.services.decisions.award_register(2026)}
    assert [printed[i] for i in ids] == [1, 1, 0]
    assert sum(printed.values()) == 2


def test_the_backup_carries_layouts_prints_and_blanks(own_demo: Demo, tmp_path: Path) -> None:
    service = own_demo.services.certificates
    ids = [r.certificate.award_id for r in service.batch(own_demo.decision(SUDDEN)).rows]
    service.record_printed(ids, "Canon", PrintMode.OVERLAY)
    service.receive_blanks(BlankKind.GIAY_KHEN, 50, DAY)
    service.save_calibration("Canon", Offset(1, 1))
    usb = tmp_path / "usb"
    usb.mkdir()
    _path, manifest = own_demo.services.backup.backup_to(usb)
    assert manifest.row_counts["certificate_print"] == 3
    assert manifest.row_counts["blank_receipt"] == 1
    assert manifest.row_counts["printer_calibration"] == 1
    assert manifest.schema_revision == "0011"


def test_spoiling_several_sheets_is_all_or_nothing(own_demo: Demo) -> None:
    service = own_demo.services.certificates
    ids = [r.certificate.award_id for r in service.batch(own_demo.decision(SUDDEN)).rows]
    service.record_printed(ids[:2], "Canon", PrintMode.OVERLAY)
    with pytest.raises(UserError, match="chưa có tờ nào in ra còn tốt"):
        service.mark_spoiled_many(ids, "Kẹt giấy")  # the third was never printed
    assert [service.history(i)[0].spoiled for i in ids[:2]] == [False, False]
    records = service.mark_spoiled_many(ids[:2], "Kẹt giấy")
    assert [r.award_id for r in records] == ids[:2] and all(r.spoiled for r in records)
