"""The package of a proposal upward, for a USB stick: one folder (or zip) "Hồ sơ đề nghị khen
thưởng <số>" holding the tờ trình (.docx), the list (.xlsx), the round's dossier files and
manifest.json naming every file with its SHA-256, so the province can check nothing was lost on
the way (NĐ 152 Art. 33.12: Word files of the tờ trình and the list).

Everything is built under a temporary name beside the target and renamed at the end: a full or
pulled stick never leaves half a package under the real name.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import secrets
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path, PurePosixPath

from sqlalchemy import or_, select

from emulation_desktop.documents.docx.kinds import submission
from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.proposals import PACKAGE_FORMAT, ProposalDetail, package_name
from emulation_desktop.services.profile import ProfileService, export_heading
from emulation_desktop.services.proposals import ProposalService
from emulation_desktop.services.registry_write import audit
from emulation_desktop.spreadsheet.writer import Column, ColumnType, TableExport, write_xlsx
from emulation_desktop.store.award_models import DossierItemRow, ProposalRow
from emulation_desktop.store.db import Database
from emulation_desktop.store.models import AppStateRow

FOLDER_KEY = "proposal.export_folder"
LIST_FILE = "Danh sách đề nghị khen thưởng.xlsx"
PAPERS_DIR = "Hồ sơ kèm theo"
MANIFEST = "manifest.json"
LIST_COLUMNS = (
    Column("Họ và tên, tên tập thể, hộ gia đình", width=32), Column("Đơn vị, địa chỉ"),
    Column("Hình thức, danh hiệu đề nghị", width=36), Column("Năm thành tích", ColumnType.YEAR),
    Column("Tóm tắt thành tích", width=50), Column("Số phiếu đồng ý", ColumnType.INTEGER),
)  # fmt: skip
_BAD_CHARS = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


def _safe(name: str) -> str:
    return _BAD_CHARS.sub("-", name).strip(" .") or "tep"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _check_destination(dest: Path) -> None:
    if not dest.is_dir():
        raise UserError(f"Không tìm thấy thư mục «{dest}». Hãy cắm lại USB hoặc chọn nơi lưu khác.")
    if not os.access(dest, os.W_OK):
        raise UserError(
            f"Không ghi được vào «{dest}»: ổ đĩa hoặc thư mục chỉ cho phép đọc. Hãy gạt khóa "
            "chống ghi của USB hoặc chọn nơi lưu khác."
        )


class PackageWriter:
    def __init__(self, db: Database, proposals: ProposalService) -> None:
        self._db = db
        self._proposals = proposals
        # Set by the container to DocumentService's writer, so a commune's own Word form of
        # the tờ trình is used in the package too; None: the built-in layout.
        self.write_submission: Callable[[int, Path], object] | None = None

    def last_folder(self) -> str:
        with self._db.session_scope() as s:
            row = s.get(AppStateRow, FOLDER_KEY)
            return row.value if row else ""

    def export(
        self,
        proposal_id: int,
        dest_dir: Path,
        attachments: Path,
        as_zip: bool = False,
    ) -> Path:
        dest = Path(dest_dir)
        _check_destination(dest)
        detail = self._proposals.detail(proposal_id)
        papers = self._papers(detail, Path(attachments))
        # Laid out before anything is written: a tờ trình without a signer stops the export
        # with its message and leaves the stick untouched.
        letter = submission.build(self._proposals.document(proposal_id))
        item = detail.item
        name = package_name(item.number, item.issued_on.year)
        tmp = dest / f".{name}.tmp-{secrets.token_hex(4)}"
        try:
            tmp.mkdir()
            docx = tmp / f"Tờ trình {_safe(item.number)}.docx"
            if self.write_submission is None:
                letter.save(docx)
            else:
                self.write_submission(proposal_id, docx)
            files = [self._entry(tmp, docx, "to_trinh"), self._write_list(detail, tmp)]
            files += self._copy_papers(papers, tmp)
            self._write_manifest(detail, tmp, files, docx.name)
            final = self._publish(tmp, dest, name, as_zip)
        except OSError as exc:
            shutil.rmtree(tmp, ignore_errors=True)
            reason = exc.strerror or str(exc)
            raise UserError(
                f"Không ghi được hồ sơ vào «{dest}»: {reason}. Hãy kiểm tra USB (còn chỗ trống, "
                "không bị rút ra) rồi thử lại."
            ) from exc
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        with self._db.session_scope() as s:
            row = s.get(ProposalRow, proposal_id)
            if row is not None:
                row.exported_to = str(final)
            state = s.get(AppStateRow, FOLDER_KEY)
            if state is None:
                s.add(AppStateRow(key=FOLDER_KEY, value=str(dest)))
            else:
                state.value = str(dest)
            audit(s, "export", "proposal", proposal_id, path=str(final), files=len(papers))
        return final

    # Parts ------------------------------------------------------------------------------------

    def _papers(self, detail: ProposalDetail, root: Path) -> list[tuple[DossierItemRow, Path]]:
        """The round's papers and those of the proposed nominations that carry a file."""
        ids = [pl.line.nomination_id for pl in detail.lines]
        with self._db.session_scope() as s:
            rows = s.scalars(
                select(DossierItemRow)
                .where(
                    DossierItemRow.round_id == detail.item.round_id,
                    DossierItemRow.stored_path != "",
                    or_(DossierItemRow.nomination_id.is_(None),
                        DossierItemRow.nomination_id.in_(ids)),
                )
                .order_by(DossierItemRow.nomination_id.is_not(None), DossierItemRow.id)
            ).all()  # fmt: skip
        out = []
        for r in rows:
            path = root.joinpath(*PurePosixPath(r.stored_path).parts)
            if not path.is_file():
                raise UserError(
                    f"Không tìm thấy tệp đính kèm «{r.file_name or r.title}» trong thư mục hồ sơ. "
                    "Hãy đính kèm lại tệp ở đợt xét rồi xuất lại."
                )
            if r.sha256 and _sha256(path) != r.sha256:
                raise UserError(
                    f"Tệp đính kèm «{r.file_name or r.title}» đã bị thay đổi hoặc hỏng sau khi "
                    "đính kèm. Hãy đính kèm lại tệp đúng rồi xuất lại."
                )
            out.append((r, path))
        return out

    def _write_list(self, detail: ProposalDetail, tmp: Path) -> dict[str, object]:
        item = detail.item
        profile = ProfileService(self._db).get()
        issuer = f"UBND {profile.display_name.lower()}" if profile else "UBND xã"
        heading = [
            f"(Kèm theo Tờ trình số {item.number} ngày {day_text(item.issued_on)} của {issuer})",
            *export_heading(profile, dt.date.today()),
        ]
        rows = (
            (pl.line.subject.name, pl.line.subject.place, pl.line.award_name, pl.line.year,
             pl.line.achievement, pl.votes_for)
            for pl in detail.lines
        )  # fmt: skip
        path = tmp / LIST_FILE
        table = TableExport("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", LIST_COLUMNS, rows, heading,
                            "Danh sách")  # fmt: skip
        write_xlsx(path, [table])
        return self._entry(tmp, path, "danh_sach")

    def _copy_papers(
        self, papers: list[tuple[DossierItemRow, Path]], tmp: Path
    ) -> list[dict[str, object]]:
        if not papers:
            return []
        folder = tmp / PAPERS_DIR
        folder.mkdir()
        out = []
        for i, (row, source) in enumerate(papers, 1):
            target = folder / f"{i:02d} - {_safe(row.file_name or source.name)}"
            shutil.copyfile(source, target)
            entry = self._entry(tmp, target, "ho_so")
            entry |= {"title": row.title, "kind": row.kind.value,
                      "nomination_id": row.nomination_id}  # fmt: skip
            out.append(entry)
        return out

    def _entry(self, tmp: Path, path: Path, role: str) -> dict[str, object]:
        return {
            "path": path.relative_to(tmp).as_posix(),
            "role": role,
            "size": path.stat().st_size,
            "sha256": _sha256(path),
        }

    def _write_manifest(
        self, detail: ProposalDetail, tmp: Path, files: list[dict[str, object]], docx: str
    ) -> None:
        item = detail.item
        profile = ProfileService(self._db).get()
        data = {
            "format": PACKAGE_FORMAT,
            "kind": "ho_so_de_nghi_khen_thuong",
            "created_at": dt.datetime.now().isoformat(timespec="seconds"),
            "commune": {
                "name": profile.display_name if profile else "",
                "province": profile.province if profile else "",
            },
            "proposal": {
                "number": item.number, "date": item.issued_on.isoformat(),
                "recipient": item.recipient, "summary": detail.summary,
                "signer": item.signer_name, "signer_title": detail.signer_title,
                "round": item.round_name,
            },
            "items": [
                {"nomination_id": pl.line.nomination_id, "subject_kind": pl.line.subject.kind.value,
                 "subject": pl.line.subject.name, "place": pl.line.subject.place,
                 "award_code": pl.line.award_code, "award": pl.line.award_name,
                 "year": pl.line.year, "period": pl.line.period,
                 "achievement": pl.line.achievement, "votes_for": pl.votes_for}
                for pl in detail.lines
            ],
            "files": files,
            "submission_docx": docx,  # the tờ trình's path in the package (also in "files")
        }  # fmt: skip
        text = json.dumps(data, ensure_ascii=False, indent=2)
        (tmp / MANIFEST).write_text(text, encoding="utf-8")

    def _publish(self, tmp: Path, dest: Path, name: str, as_zip: bool) -> Path:
        if as_zip:
            final = dest / f"{name}.zip"
            part = dest / f".{name}.zip.tmp-{secrets.token_hex(4)}"
            try:
                with zipfile.ZipFile(part, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
                    for path in sorted(tmp.rglob("*")):
                        if path.is_file():
                            z.write(path, f"{name}/{path.relative_to(tmp).as_posix()}")
                with part.open("rb") as f:
                    os.fsync(f.fileno())
                os.replace(part, final)
            finally:
                part.unlink(missing_ok=True)
                shutil.rmtree(tmp, ignore_errors=True)
            return final
        final = dest / name
        old = dest / f".{name}.old-{secrets.token_hex(4)}"
        if final.exists():
            final.rename(old)  # an earlier export of the same tờ trình is replaced whole
        try:
            tmp.rename(final)
        except OSError:
            if old.exists():
                old.rename(final)
            raise
        shutil.rmtree(old, ignore_errors=True)
        return final
