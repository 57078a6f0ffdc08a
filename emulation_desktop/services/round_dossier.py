"""The dossier checklist of a round (`RoundService.dossier`): papers ticked as they arrive, papers
added by hand, files attached into the managed folder (services.dossier), opened and removed.

The dossier stays open until the decision: the council's minutes are made after the list was
submitted, the notice's result after the council voted.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from emulation_desktop.domain.enums import DossierKind, RoundStatus
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.nomination_dossier import DossierPaper, DossierView, paper_title
from emulation_desktop.domain.workflow import require_status
from emulation_desktop.services.dossier import (
    copy_in,
    file_sha256,
    paper,
    remove_files,
    resolve,
    round_papers,
)
from emulation_desktop.services.registry_write import audit
from emulation_desktop.services.round_read import list_rows, round_row
from emulation_desktop.services.subjects import row_subject_key, subject_refs
from emulation_desktop.store.award_models import DossierItemRow, NominationRow
from emulation_desktop.store.db import Database

OPEN_STEPS = (RoundStatus.DRAFT, RoundStatus.SUBMITTED, RoundStatus.VOTED)
PAPER_GONE = "Giấy tờ này không còn trong hồ sơ (có thể đã bị xóa); hãy tải lại (F5)."


class RoundDossier:
    def __init__(self, db: Database, attachments: Path) -> None:
        self._db = db
        self._root = Path(attachments)

    def view(self, round_id: int) -> DossierView:
        """The round's papers, then each đề nghị's in list order with the subject's name."""
        with self._db.session_scope() as s:
            round_row(s, round_id)
            papers = round_papers(s, round_id)
            rows = list_rows(s, round_id)
            refs = subject_refs(s, [row_subject_key(r) for r in rows])
        mine = [p for p in papers if p.nomination_id is None]
        by_item: dict[int, list[DossierPaper]] = {}
        for p in papers:
            if p.nomination_id is not None:
                by_item.setdefault(p.nomination_id, []).append(p)
        items = []
        for r in rows:
            ref = refs.get(row_subject_key(r))
            items.append((r.id, ref.name if ref else "?", tuple(by_item.get(r.id, ()))))
        return DossierView(round_id, tuple(mine), tuple(items))

    def add_paper(self, round_id: int, title: str, nomination_id: int | None = None) -> int:
        """Another paper (Giấy tờ khác) for the round or one đề nghị."""
        clean = paper_title(title)
        with self._db.session_scope() as s:
            _open(s, round_id)
            if nomination_id is not None:
                n = s.get(NominationRow, nomination_id)
                if n is None or n.round_id != round_id:
                    raise UserError("Đề nghị này không còn trong đợt xét; hãy tải lại (F5).")
            row = DossierItemRow(round_id=round_id, nomination_id=nomination_id,
                                 kind=DossierKind.OTHER, title=clean)  # fmt: skip
            s.add(row)
            s.flush()
            audit(s, "create", "dossier_item", row.id, round_id=round_id, title=clean)
            return row.id

    def set_done(self, paper_id: int, done: bool) -> None:
        with self._db.session_scope() as s:
            row = _paper(s, paper_id)
            _open(s, row.round_id)
            if row.done != done:
                row.done = done
                audit(s, "tick" if done else "untick", "dossier_item", row.id, title=row.title)

    def remove_paper(self, paper_id: int) -> None:
        """Remove a paper added by hand (the procedure's own papers are unticked instead)."""
        with self._db.session_scope() as s:
            row = _paper(s, paper_id)
            _open(s, row.round_id)
            if row.kind is not DossierKind.OTHER:
                raise UserError(f"«{row.title}» là giấy tờ bắt buộc của hồ sơ nên không xóa "
                                "được; nếu chưa có, hãy bỏ dấu «Đã có».")  # fmt: skip
            stored = [row.stored_path] if row.stored_path else []
            audit(s, "delete", "dossier_item", row.id, title=row.title)
            s.delete(row)
        remove_files(self._root, stored)

    # Files ------------------------------------------------------------------------------------

    def attach(self, paper_id: int, source: Path) -> DossierPaper:
        """Copy `source` into the dossier folder for this paper (replacing the file it had)
        and tick the paper; files over 50 MB or missing are refused."""
        with self._db.session_scope() as s:
            row = _paper(s, paper_id)
            _open(s, row.round_id)
            round_id = row.round_id
        stored, sha, size = copy_in(self._root, round_id, Path(source))
        try:
            with self._db.session_scope() as s:
                row = _paper(s, paper_id)
                _open(s, row.round_id)
                old = row.stored_path
                row.file_name, row.stored_path = Path(source).name, stored
                row.sha256, row.size, row.done = sha, size, True
                audit(s, "attach", "dossier_item", row.id, file=row.file_name, size=size,
                      sha256=sha)  # fmt: skip
                result = paper(row)
        except BaseException:
            remove_files(self._root, [stored])
            raise
        if old:
            remove_files(self._root, [old])
        return result

    def file_path(self, paper_id: int) -> Path:
        """The attached file, to open; refused when it is missing or was changed on disk."""
        with self._db.session_scope() as s:
            row = _paper(s, paper_id)
            stored, name, sha = row.stored_path, row.file_name, row.sha256
        if not stored:
            raise UserError("Giấy tờ này chưa có tệp đính kèm.")
        path = resolve(self._root, stored)
        if not path.is_file():
            raise UserError(f"Không thấy tệp «{name}» trong thư mục hồ sơ (có thể đã bị xóa "
                            "ngoài chương trình); hãy đính kèm lại.")  # fmt: skip
        if sha and file_sha256(path) != sha:
            raise UserError(f"Tệp «{name}» trong thư mục hồ sơ đã bị thay đổi ngoài chương "
                            "trình, không còn đúng bản đã đính kèm; hãy đính kèm lại.")  # fmt: skip
        return path

    def detach(self, paper_id: int) -> None:
        """Remove the attached file (the paper stays, ticked as it was)."""
        with self._db.session_scope() as s:
            row = _paper(s, paper_id)
            _open(s, row.round_id)
            stored = row.stored_path
            if stored:
                audit(s, "detach", "dossier_item", row.id, file=row.file_name)
            row.file_name, row.stored_path, row.sha256, row.size = "", "", "", 0
        if stored:
            remove_files(self._root, [stored])

    def verify(self, round_id: int) -> list[str]:
        """The names of attached files that are missing or changed on disk."""
        with self._db.session_scope() as s:
            rows = [(r.title, r.file_name, r.stored_path, r.sha256) for r in s.scalars(
                select(DossierItemRow).where(DossierItemRow.round_id == round_id,
                                             DossierItemRow.stored_path != ""))]  # fmt: skip
        bad = []
        for title, name, stored, sha in rows:
            try:
                path = resolve(self._root, stored)
                ok = path.is_file() and file_sha256(path) == sha
            except (OSError, UserError):
                ok = False
            if not ok:
                bad.append(f"{title}: {name}")
        return bad


def _paper(s: Session, paper_id: int) -> DossierItemRow:
    row = s.get(DossierItemRow, paper_id)
    if row is None:
        raise UserError(PAPER_GONE)
    return row


def _open(s: Session, round_id: int) -> None:
    require_status(round_row(s, round_id).status, *OPEN_STEPS)
