"""Proposals upward: a TTr number for the nominations beyond the commune's authority, the
package for the province (folder or zip: list, papers, manifest with SHA-256), sent, answered
by the higher level's decision whose awards enter the histories."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import zipfile

import docx
import openpyxl
import pytest
from sqlalchemy import select

from emulation_desktop.domain.enums import (
    DossierKind,
    NominationStatus,
    ProposalStatus,
    RoundStatus,
    SignVariant,
)
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.proposals import AnswerInput, ProposalInput
from emulation_desktop.services import proposal_package
from emulation_desktop.store.award_models import DossierItemRow, NominationRoundRow, NominationRow
from tests.unit.test_decision_data import DAY, P, awards, commune, counts, mixed, signed, voted

UP_DAY = dt.date(2026, 12, 16)


def _proposal(**kw: object) -> ProposalInput:
    data = {"issued_on": UP_DAY, "signer_name": "Nguyễn Văn Hùng", "signer_title": "Chủ tịch"}
    return ProposalInput(**(data | kw))  # type: ignore[arg-type]


def _proposed(context):  # type: ignore[no-untyped-def]
    c = commune(context)
    items = [*mixed(c), (P, c.person("Phạm Thị Hoa"), "CSTD_TINH")]
    round_id, ids = voted(context, items)
    service = context.services.decisions
    service.issue(round_id, signed())
    return c, round_id, ids, service.create_proposal(round_id, _proposal())


def _statuses(context) -> dict[int, NominationStatus]:  # type: ignore[no-untyped-def]
    with context.database.session_scope() as s:
        return dict(s.execute(select(NominationRow.id, NominationRow.status)).all())


def test_a_proposal_takes_the_nominations_beyond_authority_and_closes_the_round(context) -> None:  # type: ignore[no-untyped-def]
    _c, round_id, ids, proposal_id = _proposed(context)
    service = context.services.decisions
    [item] = service.proposal_list(2026)
    assert (item.number, item.status, item.lines) == ("01/TTr-UBND", ProposalStatus.DRAFT, 2)
    assert item.recipient == "Chủ tịch Ủy ban nhân dân tỉnh Ninh Bình"
    statuses = _statuses(context)
    assert [statuses[i] for i in ids[4:]] == [NominationStatus.PROPOSED_UP] * 2
    with context.database.session_scope() as s:
        assert s.get(NominationRoundRow, round_id).status is RoundStatus.DECIDED
    detail = service.proposal_detail(proposal_id)
    # Higher awards first: CSTĐ tỉnh (65) before Bằng khen (54).
    assert [pl.line.subject.name for pl in detail.lines] == ["Phạm Thị Hoa", "Lê Văn Bình"]
    assert detail.summary == (
        "Về việc đề nghị tặng danh hiệu “Chiến sĩ thi đua cấp tỉnh” và tặng Bằng khen của Chủ "
        "tịch UBND tỉnh năm 2026"
    )
    doc = service.proposal_document(proposal_id)
    assert doc.header.type_name == "TỜ TRÌNH" and doc.header.number == "01/TTr-UBND"
    assert doc.signature.lines == ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
    assert (
        "Hội đồng Thi đua – Khen thưởng xã Cát Thành đã họp xét ngày 10/12/2026"
        in (doc.paragraphs[0])
    )
    assert [r.name for r in doc.rows] == ["Phạm Thị Hoa", "Lê Văn Bình"]


def test_bad_proposals_are_refused_and_nothing_is_saved(context) -> None:  # type: ignore[no-untyped-def]
    c = commune(context)
    round_id, _ = voted(context, mixed(c))
    service = context.services.decisions
    before = counts(context.database)
    with pytest.raises(ValidationError, match="trước ngày họp Hội đồng"):
        service.create_proposal(round_id, _proposal(issued_on=dt.date(2026, 12, 1)))
    with pytest.raises(ValidationError) as caught:
        service.create_proposal(round_id, _proposal(signer_name=""))
    assert set(caught.value.field_errors) == {"signer_name"}
    assert counts(context.database) == before
    only_commune, _ = voted(context, [(P, c.person("Vũ Thị Yến"), "LDTT")])
    before = counts(context.database)
    with pytest.raises(UserError, match="không cần tờ trình"):
        service.create_proposal(only_commune, _proposal())
    assert counts(context.database) == before
    service.create_proposal(round_id, _proposal(number=1, sign_variant=SignVariant.KT,
                                                signer_title="Phó Chủ tịch"))  # fmt: skip
    assert service.proposal_list(2026)[0].number == "01/TTr-UBND"


def _attach(context, tmp_path, round_id: int, nomination_id: int | None, name: str, body: bytes):  # type: ignore[no-untyped-def]
    root = tmp_path / "attachments"
    stored = f"rounds/{round_id}/{name}"
    (root / "rounds" / str(round_id)).mkdir(parents=True, exist_ok=True)
    (root / stored).write_bytes(body)
    with context.database.session_scope() as s:
        s.add(DossierItemRow(round_id=round_id, nomination_id=nomination_id,
                             kind=DossierKind.ACHIEVEMENT, title="Báo cáo thành tích",
                             done=True, file_name=name, stored_path=stored,
                             sha256=hashlib.sha256(body).hexdigest(), size=len(body)))  # fmt: skip
    return root


def test_the_package_holds_the_list_the_papers_and_a_manifest(context, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _c, round_id, ids, proposal_id = _proposed(context)
    root = _attach(context, tmp_path, round_id, ids[4], "Báo cáo Lê Văn Bình.pdf", b"%PDF-1.4 x")
    _attach(context, tmp_path, round_id, ids[0], "Không gửi.pdf", b"decided here")
    usb = tmp_path / "usb"
    usb.mkdir()
    service = context.services.decisions
    folder = service.export_package(proposal_id, usb, root)
    assert folder.name == "Hồ sơ đề nghị khen thưởng 01-TTr-UBND năm 2026"
    assert sorted(p.name for p in usb.iterdir()) == [folder.name]  # no temporary left
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["format"] == 1 and manifest["proposal"]["number"] == "01/TTr-UBND"
    assert manifest["commune"] == {"name": "Xã Cát Thành", "province": "Ninh Bình"}
    assert [i["subject"] for i in manifest["items"]] == ["Phạm Thị Hoa", "Lê Văn Bình"]
    assert manifest["submission_docx"] == "Tờ trình 01-TTr-UBND.docx"
    paths = [f["path"] for f in manifest["files"]]
    assert paths == ["Tờ trình 01-TTr-UBND.docx", "Danh sách đề nghị khen thưởng.xlsx",
                     "Hồ sơ kèm theo/01 - Báo cáo Lê Văn Bình.pdf"]  # fmt: skip
    for f in manifest["files"]:
        assert hashlib.sha256((folder / f["path"]).read_bytes()).hexdigest() == f["sha256"]
    sheet = openpyxl.load_workbook(folder / paths[1]).active
    rows = list(sheet.iter_rows(values_only=True))
    header = next(r for r in rows if r and r[0] == "STT")
    assert header[1] == "Họ và tên, tên tập thể, hộ gia đình"
    first = rows[rows.index(header) + 1]
    assert first[1] == "Phạm Thị Hoa" and first[4] == 2026 and first[6] == 7  # numbers stay numbers
    assert service.last_export_folder() == str(usb)
    assert service.proposal_list(2026)[0].exported_to == str(folder)
    # Again, as a zip: one file, the folder inside it.
    archive = service.export_package(proposal_id, usb, root, as_zip=True)
    with zipfile.ZipFile(archive) as z:
        assert f"{folder.name}/manifest.json" in z.namelist()


def test_the_package_holds_the_submission_as_a_word_document(context, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _c, _round_id, _ids, proposal_id = _proposed(context)
    folder = context.services.decisions.export_package(proposal_id, tmp_path, tmp_path / "none")
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    [entry] = [f for f in manifest["files"] if f["role"] == "to_trinh"]
    assert entry["path"] == manifest["submission_docx"] == "Tờ trình 01-TTr-UBND.docx"
    text = "\n".join(p.text for p in docx.Document(str(folder / entry["path"])).paragraphs)
    assert "TỜ TRÌNH" in text and "Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Ninh Bình" in text
    assert "Phạm Thị Hoa" in "\n".join(
        c.text for t in docx.Document(str(folder / entry["path"])).tables
        for r in t.rows for c in r.cells
    )  # fmt: skip


def test_a_missing_or_read_only_destination_or_a_lost_paper_is_refused(  # type: ignore[no-untyped-def]
    context, tmp_path, monkeypatch
) -> None:
    _c, round_id, ids, proposal_id = _proposed(context)
    service = context.services.decisions
    with pytest.raises(UserError, match="Không tìm thấy thư mục"):
        service.export_package(proposal_id, tmp_path / "rút USB", tmp_path)
    monkeypatch.setattr(proposal_package.os, "access", lambda *_a: False)
    with pytest.raises(UserError, match="chỉ cho phép đọc"):
        service.export_package(proposal_id, tmp_path, tmp_path)
    monkeypatch.undo()
    root = _attach(context, tmp_path, round_id, ids[4], "Báo cáo.pdf", b"%PDF")
    (root / f"rounds/{round_id}/Báo cáo.pdf").write_bytes(b"changed")
    usb = tmp_path / "usb"
    usb.mkdir()
    with pytest.raises(UserError, match="đã bị thay đổi hoặc hỏng"):
        service.export_package(proposal_id, usb, root)
    (root / f"rounds/{round_id}/Báo cáo.pdf").unlink()
    with pytest.raises(UserError, match=r"Không tìm thấy tệp đính kèm «Báo cáo\.pdf»"):
        service.export_package(proposal_id, usb, root)
    assert list(usb.iterdir()) == []


def test_sent_then_answered_by_the_province(context) -> None:  # type: ignore[no-untyped-def]
    c, _round_id, ids, proposal_id = _proposed(context)
    service = context.services.decisions
    with pytest.raises(ValidationError, match="trước ngày ký tờ trình"):
        service.mark_sent(proposal_id, dt.date(2026, 12, 1))
    service.mark_sent(proposal_id, dt.date(2026, 12, 18))
    assert service.proposal_list(2026)[0].status_text == "Đã gửi ngày 18/12/2026"
    before = counts(context.database)
    bad = AnswerInput("", None, "", (ids[4],))
    with pytest.raises(ValidationError) as caught:
        service.record_answer(proposal_id, bad)
    assert set(caught.value.field_errors) == {"number", "issued_on", "issuer"}
    province = "Chủ tịch UBND tỉnh Ninh Bình"
    with pytest.raises(UserError, match="không thuộc tờ trình này"):
        service.record_answer(
            proposal_id, AnswerInput("88/QĐ-UBND", dt.date(2027, 1, 20), province, (ids[0],))
        )
    assert counts(context.database) == before
    decision_id = service.record_answer(
        proposal_id,
        AnswerInput("88/QĐ-UBND", dt.date(2027, 1, 20), "Chủ tịch UBND tỉnh Ninh Bình", (ids[4],)),
    )
    statuses = _statuses(context)
    assert statuses[ids[4]] is NominationStatus.AWARDED
    assert statuses[ids[5]] is NominationStatus.REFUSED_UP
    [award] = awards(context.database, decision_id=decision_id)
    assert (award.award_name, award.register_seq, award.amount) == (
        "Bằng khen của Chủ tịch UBND tỉnh (cá nhân)", None, None,
    )  # fmt: skip
    history = context.services.registry.history(P, c.person("Lê Văn Bình"))
    assert [(a.decision_number, a.issuer) for a in history.awards] == [
        ("88/QĐ-UBND", "Chủ tịch UBND tỉnh Ninh Bình")
    ]
    item = service.proposal_list(2026)[0]
    assert item.status_text == "Đã có kết quả: 1/2 được khen"
    assert (
        item.answer == "Quyết định số 88/QĐ-UBND ngày 20/01/2027 của Chủ tịch UBND tỉnh Ninh Bình"
    )
    with pytest.raises(UserError, match="đã được ghi kết quả"):
        service.record_answer(proposal_id, AnswerInput("89/QĐ-UBND", dt.date(2027, 1, 21),
                                                       "Chủ tịch UBND tỉnh", ()))  # fmt: skip
    assert context.services.money.fund_year(2027).total == 0  # paid by the province
    assert DAY.year == 2026


def test_the_package_uses_the_communes_own_form_of_the_submission(context, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from emulation_desktop.domain.enums import DocumentKind

    _c, _round_id, _ids, proposal_id = _proposed(context)
    form = docx.Document()
    form.add_paragraph("TỜ TRÌNH THEO MẪU CỦA TỈNH số {{ so }}")
    form.save(str(tmp_path / "mau.docx"))
    context.services.documents.custom.add(DocumentKind.SUBMISSION, tmp_path / "mau.docx")
    usb = tmp_path / "usb"
    usb.mkdir()
    folder = context.services.decisions.export_package(proposal_id, usb, tmp_path / "none")
    letter = docx.Document(str(folder / "Tờ trình 01-TTr-UBND.docx"))
    assert [p.text for p in letter.paragraphs] == ["TỜ TRÌNH THEO MẪU CỦA TỈNH số 01/TTr-UBND"]
