"""The dossier checklist: papers made with the round and each đề nghị, ticked, added by hand, and
files copied into the managed attachments folder (safe name, size, SHA-256, verified on open)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from sqlalchemy import func, select

from emulation_desktop.domain.enums import DossierKind, RoundKind, RoundStatus, SubjectKind
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.nomination_dossier import MAX_FILE_BYTES, size_text
from emulation_desktop.domain.nominations import NominationInput, RoundInput
from emulation_desktop.store.award_models import DossierItemRow, NominationRoundRow
from emulation_desktop.store.models import AuditEntryRow
from tests.cycle_data import small_commune

YEAR = 2026
P, H = SubjectKind.PERSON, SubjectKind.HOUSEHOLD


@pytest.fixture
def setup(context):  # type: ignore[no-untyped-def]
    """A year-end round with a person for Giấy khen and a household for Gia đình văn hóa."""
    c = small_commune(context)
    rounds = context.services.rounds
    round_id = rounds.create(RoundInput(YEAR, RoundKind.YEAR_END))
    rounds.add(round_id, NominationInput((P, c.residents["Lê Thị Hằng"]), "GIAY_KHEN_CA_NHAN",
                                         YEAR, achievement="Hiến đất làm đường"))  # fmt: skip
    rounds.add(round_id, NominationInput((H, c.home), "GDVH", YEAR))
    return context, rounds, round_id


@pytest.fixture
def scan(tmp_path: Path) -> Path:
    path = tmp_path / "usb" / "Báo cáo thành tích – Lê Thị Hằng.PDF"
    path.parent.mkdir()
    path.write_bytes(b"%PDF-1.4 " + os.urandom(3000))
    return path


def _count(context, table) -> int:  # type: ignore[no-untyped-def]
    with context.database.session_scope() as s:
        return s.scalar(select(func.count()).select_from(table))


def _stored(context) -> list[Path]:  # type: ignore[no-untyped-def]
    root = context.services.backup.attachments
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def test_the_round_and_each_item_get_the_papers_the_procedure_asks_for(setup) -> None:  # type: ignore[no-untyped-def]
    _context, rounds, round_id = setup
    view = rounds.dossier.view(round_id)
    assert [p.title for p in view.round_papers] == [
        "Văn bản đề nghị kèm danh sách", "Biên bản họp xét khen thưởng"]  # fmt: skip
    (_, person, person_papers), (_, home, home_papers) = view.item_papers
    assert person == "Lê Thị Hằng" and [p.kind for p in person_papers] == [DossierKind.ACHIEVEMENT]
    assert home.startswith("Hộ ông") and home_papers == ()  # listed by the village's bình xét
    assert (view.done, view.total, view.text) == (0, 3, "Hồ sơ: 0/3 giấy tờ")
    rounds.dossier.set_done(view.round_papers[0].id, True)
    rounds.dossier.set_done(view.round_papers[1].id, True)
    assert rounds.get(round_id).dossier_text == "Hồ sơ: 2/3 giấy tờ"
    assert rounds.items(round_id)[0].papers_total == 1


def test_an_attached_file_is_copied_under_a_safe_name_with_its_checksum(setup, scan) -> None:  # type: ignore[no-untyped-def]
    context, rounds, round_id = setup
    report = rounds.dossier.view(round_id).item_papers[0][2][0]
    attached = rounds.dossier.attach(report.id, scan)
    assert attached.file_name == scan.name and attached.done
    assert attached.size == scan.stat().st_size
    assert attached.sha256 == hashlib.sha256(scan.read_bytes()).hexdigest()
    (copy,) = _stored(context)
    assert copy.read_bytes() == scan.read_bytes()
    assert copy.name.isascii() and copy.suffix == ".pdf" and str(round_id) in copy.parts
    assert rounds.dossier.file_path(report.id) == copy
    scan.unlink()  # the stick is pulled out: the copy stays
    assert rounds.dossier.file_path(report.id).is_file()
    assert rounds.dossier.verify(round_id) == []
    assert attached.file_text.endswith(f"({size_text(attached.size)})")


def test_replacing_and_detaching_a_file_leave_no_orphan(setup, scan, tmp_path) -> None:  # type: ignore[no-untyped-def]
    context, rounds, round_id = setup
    letter = rounds.dossier.view(round_id).round_papers[0]
    rounds.dossier.attach(letter.id, scan)
    other = tmp_path / "to-trinh.docx"
    other.write_bytes(b"PK" + os.urandom(100))
    rounds.dossier.attach(letter.id, other)
    (copy,) = _stored(context)
    assert copy.suffix == ".docx"
    rounds.dossier.detach(letter.id)
    assert _stored(context) == []
    paper = rounds.dossier.view(round_id).round_papers[0]
    assert (paper.file_name, paper.done) == ("", True)
    with pytest.raises(UserError, match="chưa có tệp"):
        rounds.dossier.file_path(letter.id)


def test_missing_and_oversized_files_are_refused_and_nothing_is_kept(setup, tmp_path) -> None:  # type: ignore[no-untyped-def]
    context, rounds, round_id = setup
    letter = rounds.dossier.view(round_id).round_papers[0]
    audits = _count(context, AuditEntryRow)
    with pytest.raises(UserError, match=r"Không tìm thấy tệp «mat\.pdf»"):
        rounds.dossier.attach(letter.id, tmp_path / "mat.pdf")
    big = tmp_path / "quet-mau.pdf"
    with big.open("wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)  # sparse: no real 50 MB written
    with pytest.raises(UserError, match="quá giới hạn 50,0 MB"):
        rounds.dossier.attach(letter.id, big)
    assert _stored(context) == [] and _count(context, AuditEntryRow) == audits
    assert not rounds.dossier.view(round_id).round_papers[0].has_file


def test_a_file_changed_or_removed_outside_the_program_is_reported(setup, scan) -> None:  # type: ignore[no-untyped-def]
    context, rounds, round_id = setup
    letter = rounds.dossier.view(round_id).round_papers[0]
    rounds.dossier.attach(letter.id, scan)
    (copy,) = _stored(context)
    copy.write_bytes(b"changed")
    with pytest.raises(UserError, match="đã bị thay đổi ngoài chương trình"):
        rounds.dossier.file_path(letter.id)
    assert rounds.dossier.verify(round_id) == [f"{letter.title}: {scan.name}"]
    copy.unlink()
    with pytest.raises(UserError, match="Không thấy tệp"):
        rounds.dossier.file_path(letter.id)


def test_papers_added_by_hand_can_be_removed_the_procedures_cannot(setup, scan) -> None:  # type: ignore[no-untyped-def]
    context, rounds, round_id = setup
    item_id = rounds.items(round_id)[0].id
    paper_id = rounds.dossier.add_paper(round_id, "  Bản sao  bằng khen 2025 ", item_id)
    papers = rounds.dossier.view(round_id).item_papers[0][2]
    assert [p.title for p in papers] == ["Báo cáo thành tích", "Bản sao bằng khen 2025"]
    rounds.dossier.attach(paper_id, scan)
    rounds.dossier.remove_paper(paper_id)
    assert _stored(context) == []
    with pytest.raises(ValidationError, match="Hãy ghi tên giấy tờ"):
        rounds.dossier.add_paper(round_id, "   ")
    with pytest.raises(UserError, match="là giấy tờ bắt buộc"):
        rounds.dossier.remove_paper(papers[0].id)
    with pytest.raises(UserError, match="không còn trong hồ sơ"):
        rounds.dossier.set_done(paper_id, True)


def test_deleting_items_or_the_round_removes_their_files(setup, scan, tmp_path) -> None:  # type: ignore[no-untyped-def]
    context, rounds, round_id = setup
    view = rounds.dossier.view(round_id)
    rounds.dossier.attach(view.item_papers[0][2][0].id, scan)
    rounds.dossier.attach(view.round_papers[0].id, scan)
    assert len(_stored(context)) == 2
    rounds.remove_items([view.item_papers[0][0]])
    assert len(_stored(context)) == 1
    rounds.delete(round_id)
    assert _stored(context) == [] and _count(context, DossierItemRow) == 0


def test_the_dossier_stays_open_until_the_decision(setup, scan) -> None:  # type: ignore[no-untyped-def]
    context, rounds, round_id = setup
    rounds.submit(round_id)
    minutes = rounds.dossier.view(round_id).round_papers[1]
    rounds.dossier.attach(minutes.id, scan)  # the council's minutes come after submitting
    with context.database.session_scope() as s:
        s.get(NominationRoundRow, round_id).status = RoundStatus.DECIDED
    with pytest.raises(UserError, match="đã có quyết định"):
        rounds.dossier.set_done(minutes.id, False)
    assert rounds.dossier.file_path(minutes.id).is_file()  # still opens


def test_a_backup_carries_the_attached_files(setup, scan, tmp_path) -> None:  # type: ignore[no-untyped-def]
    context, rounds, round_id = setup
    rounds.dossier.attach(rounds.dossier.view(round_id).round_papers[0].id, scan)
    target = tmp_path / "usb-backup"
    target.mkdir()
    _path, manifest = context.services.backup.backup_to(target)
    assert any(p.name.startswith("attachments/dot-xet/") for p in manifest.parts)
