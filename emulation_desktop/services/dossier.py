"""The dossier papers of rounds and đề nghị, and their files in the managed attachments folder.

A file is copied, never referenced where the officer found it (a USB stick, the Downloads
folder): under `dot-xet/<round id>/` with a generated ASCII name, so any name the officer's file
had is safe on every drive and in a backup; the original name is kept for display, with the
size and SHA-256. The copy is written to a temporary name, synced and renamed, so a power cut
never leaves half a file under a name the database points to. The database row is written after
the file; if that write fails, the file is removed again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import uuid
from collections import defaultdict
from collections.abc import Collection, Iterable
from pathlib import Path, PurePosixPath

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from emulation_desktop.domain.enums import DossierKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.nomination_dossier import (
    MAX_FILE_BYTES,
    DossierPaper,
    item_paper_kinds,
    round_paper_kinds,
    size_text,
)
from emulation_desktop.domain.rules.model import AwardType
from emulation_desktop.store.award_models import DossierItemRow

FOLDER = "dot-xet"
_CHUNK = 1024 * 1024
_SUFFIX = re.compile(r"^\.[a-z0-9]{1,8}$")


# Papers ---------------------------------------------------------------------------------------


def add_papers(
    s: Session, round_id: int, nomination_id: int | None, kinds: Iterable[DossierKind]
) -> None:
    for kind in kinds:
        s.add(DossierItemRow(round_id=round_id, nomination_id=nomination_id, kind=kind,
                             title=kind.label))  # fmt: skip


def add_round_papers(s: Session, round_id: int, needs_notice: bool) -> None:
    add_papers(s, round_id, None, round_paper_kinds(needs_notice))


def add_item_papers(
    s: Session, round_id: int, nomination_id: int, award: AwardType | None, initiative: bool
) -> None:
    add_papers(s, round_id, nomination_id, item_paper_kinds(award, initiative))


def sync_notice_paper(s: Session, round_id: int, needs_notice: bool) -> None:
    """The notice's paper follows the round's `needs_notice`; one ticked or with a file stays."""
    row = s.scalar(select(DossierItemRow).where(
        DossierItemRow.round_id == round_id, DossierItemRow.nomination_id.is_(None),
        DossierItemRow.kind == DossierKind.NOTICE))  # fmt: skip
    if needs_notice and row is None:
        add_papers(s, round_id, None, [DossierKind.NOTICE])
    elif not needs_notice and row is not None and not row.done and not row.file_name:
        s.delete(row)


def paper(row: DossierItemRow) -> DossierPaper:
    return DossierPaper(row.id, row.round_id, row.nomination_id, row.kind, row.title, row.done,
                        row.file_name, row.size, row.sha256, row.note)  # fmt: skip


def round_papers(s: Session, round_id: int) -> list[DossierPaper]:
    rows = s.scalars(
        select(DossierItemRow)
        .where(DossierItemRow.round_id == round_id)
        .order_by(DossierItemRow.nomination_id.is_not(None), DossierItemRow.id)
    )
    return [paper(r) for r in rows]


def progress(s: Session, round_ids: Collection[int]) -> dict[int, tuple[int, int]]:
    """round id → (papers ticked, papers) for the rounds list."""
    if not round_ids:
        return {}
    found = s.execute(
        select(
            DossierItemRow.round_id, func.sum(case((DossierItemRow.done, 1), else_=0)), func.count()
        )
        .where(DossierItemRow.round_id.in_(list(round_ids)))
        .group_by(DossierItemRow.round_id)
    )
    return {rid: (int(done or 0), n) for rid, done, n in found}


def item_progress(s: Session, round_id: int) -> dict[int, tuple[int, int]]:
    out: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for nid, done in s.execute(
        select(DossierItemRow.nomination_id, DossierItemRow.done).where(
            DossierItemRow.round_id == round_id, DossierItemRow.nomination_id.is_not(None)
        )
    ):
        out[nid][0] += bool(done)
        out[nid][1] += 1
    return {nid: (d, n) for nid, (d, n) in out.items()}


def stored_files(s: Session, round_id: int, nomination_ids: Collection[int] | None = None) -> (
    list[str]
):  # fmt: skip
    """Stored paths of a round's files (or only of those đề nghị), to remove after a delete."""
    stmt = select(DossierItemRow.stored_path).where(
        DossierItemRow.round_id == round_id, DossierItemRow.stored_path != ""
    )
    if nomination_ids is not None:
        stmt = stmt.where(DossierItemRow.nomination_id.in_(list(nomination_ids)))
    return list(s.scalars(stmt))


# Files ----------------------------------------------------------------------------------------


def check_source(source: Path) -> int:
    """The size of the file to attach, or why it cannot be."""
    source = Path(source)
    if not source.is_file():
        raise UserError(f"Không tìm thấy tệp «{source.name}»; có thể tệp đã bị xóa, đổi tên "
                        "hoặc ổ USB đã bị rút ra. Hãy chọn lại tệp.")  # fmt: skip
    size = source.stat().st_size
    if size > MAX_FILE_BYTES:
        raise UserError(
            f"Tệp «{source.name}» nặng {size_text(size)}, quá giới hạn "
            f"{size_text(MAX_FILE_BYTES)}; hãy quét lại với độ phân giải thấp hơn hoặc nén "
            "tệp rồi đính kèm."
        )
    return size


def copy_in(root: Path, round_id: int, source: Path) -> tuple[str, str, int]:
    """Copy `source` into the attachments folder: (stored POSIX path, SHA-256, size)."""
    source = Path(source)
    check_source(source)
    suffix = source.suffix.lower()
    rel = PurePosixPath(FOLDER, str(round_id), uuid.uuid4().hex + (
        suffix if _SUFFIX.match(suffix) else ""))  # fmt: skip
    target = Path(root, *rel.parts)
    tmp = target.with_name(f".{target.name}.tmp")
    digest, size = hashlib.sha256(), 0
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with source.open("rb") as src, tmp.open("xb") as out:
            while chunk := src.read(_CHUNK):
                digest.update(chunk)
                size += len(chunk)
                if size > MAX_FILE_BYTES:
                    raise UserError(f"Tệp «{source.name}» vượt quá giới hạn "
                                    f"{size_text(MAX_FILE_BYTES)}.")  # fmt: skip
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
        _sync_folder(target.parent)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(
            f"Không sao chép được tệp «{source.name}» vào thư mục hồ sơ ({exc.strerror}); hãy "
            "kiểm tra tệp có đang mở trong chương trình khác không, rồi thử lại."
        ) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return rel.as_posix(), digest.hexdigest(), size


def resolve(root: Path, stored: str) -> Path:
    """The file of a stored path, refusing anything that would leave the folder."""
    rel = PurePosixPath(stored)
    if rel.is_absolute() or ".." in rel.parts or not rel.parts or rel.parts[0] != FOLDER:
        raise UserError("Đường dẫn tệp đính kèm không hợp lệ; hãy đính kèm lại tệp.")
    return Path(root, *rel.parts)


def remove_files(root: Path, stored: Iterable[str]) -> None:
    """Best effort after the rows are gone: a file left behind costs only disk space."""
    for rel in stored:
        with contextlib.suppress(OSError, UserError):
            resolve(root, rel).unlink(missing_ok=True)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as f:
        while chunk := f.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _sync_folder(folder: Path) -> None:
    if os.name == "nt":  # Windows cannot open a folder for fsync; NTFS journals the rename
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
