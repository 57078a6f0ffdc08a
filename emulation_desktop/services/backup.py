"""Backups to USB or any folder, automatic rotating backups, verification and restore.

The file format, the drives and the page-level restore live in `backup/`; this service adds
what the officer sees: the commune's name in the file, the history, the last USB backup for the
reminder, the safety backup before a restore, and migrating an older backup after restoring it.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from emulation_desktop.backup import archive, restore
from emulation_desktop.backup.drives import Drive, removable_drives
from emulation_desktop.backup.errors import (
    BackupError,
    BackupTooNewError,
    PasswordRequiredError,
)
from emulation_desktop.backup.manifest import Manifest
from emulation_desktop.backup.rotation import to_keep
from emulation_desktop.documents.handover import HandoverSummary, write_handover_pdf
from emulation_desktop.domain.errors import UserError
from emulation_desktop.services.overview import LAST_USB_BACKUP_KEY
from emulation_desktop.services.profile import ProfileService
from emulation_desktop.store import schema
from emulation_desktop.store.db import Database
from emulation_desktop.store.models import AppStateRow, BackupLogRow, Base, UnitRow

log = logging.getLogger(__name__)

AUTO_FOLDER = "sao-luu-tu-dong"
ATTACHMENTS_FOLDER = "tep-dinh-kem"
_TOO_NEW = (
    "Bản sao lưu được tạo bởi phiên bản chương trình mới hơn; hãy cập nhật chương trình trước "
    "khi phục hồi."
)
Progress = Callable[[float], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True, slots=True)
class BackupRecord:
    """One line of the history the officer sees."""

    path: Path
    when: dt.datetime
    kind: str  # usb | folder | auto | safety
    size: int
    encrypted: bool

    @property
    def exists(self) -> bool:
        return self.path.exists()

    @property
    def kind_label(self) -> str:
        return {
            "usb": "Ra USB",
            "folder": "Ra thư mục",
            "auto": "Tự động",
            "safety": "Trước khi phục hồi",
        }.get(self.kind, self.kind)


@dataclass(frozen=True, slots=True)
class RestorePreview:
    manifest: Manifest
    current_counts: dict[str, int]
    current_revision: str | None

    def lines(self) -> list[tuple[str, int, int]]:
        """(table label, now, in the backup) for the tables the officer knows."""
        labels = {
            "unit": "Đơn vị",
            "person": "Cá nhân",
            "household": "Hộ gia đình",
            "award": "Khen thưởng đã trao",
            "evaluation": "Kết quả xếp loại",
            "rule_set": "Bộ quy định",
        }
        return [
            (label, self.current_counts.get(t, 0), self.manifest.row_counts.get(t, 0))
            for t, label in labels.items()
        ]


class BackupService:
    def __init__(self, db: Database, data_dir: Path, profile: ProfileService) -> None:
        self._db = db
        self._data_dir = Path(data_dir)
        self._profile = profile

    # Where ------------------------------------------------------------------------------------

    @property
    def auto_folder(self) -> Path:
        return self._data_dir / AUTO_FOLDER

    @property
    def attachments(self) -> Path:
        return self._data_dir / ATTACHMENTS_FOLDER

    def drives(self) -> list[Drive]:
        return removable_drives()

    # Writing ----------------------------------------------------------------------------------

    def _commune(self) -> str:
        profile = self._profile.get()
        return profile.display_name if profile else "Chưa khai báo xã"

    def _target(self, folder: Path, when: dt.datetime) -> Path:
        profile = self._profile.get()
        slug = profile.name if profile else "xa"
        name = archive.backup_file_name(slug, when)
        target = Path(folder) / name
        n = 2
        while target.exists():
            target = Path(folder) / f"{Path(name).stem}-{n}{archive.BACKUP_SUFFIX}"
            n += 1
        return target

    def backup_to(
        self,
        folder: Path,
        password: str | None = None,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        kind: str | None = None,
        note: str = "",
    ) -> tuple[Path, Manifest]:
        """A verified backup file in `folder` (a USB drive, or any folder the officer picks)."""
        folder = Path(folder)
        if kind is None:
            on_usb = any(_inside(folder, d.path) for d in self.drives())
            kind = "usb" if on_usb else "folder"
        now = dt.datetime.now().astimezone()
        target = self._target(folder, now)
        attachments = self.attachments if self.attachments.is_dir() else None
        manifest = archive.create_backup(
            self._db.path,
            target,
            commune=self._commune(),
            attachments=attachments,
            password=password or None,
            progress=progress,
            cancelled=cancelled,
            note=note,
        )
        self._remember(
            BackupRecord(
                target,
                now.replace(tzinfo=None, microsecond=0),
                kind,
                target.stat().st_size,
                bool(password),
            )
        )
        return target, manifest

    def handover(
        self,
        folder: Path,
        password: str | None = None,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> tuple[Path, Path]:
        """A backup for a new officer or another computer, with its printed summary (PDF)."""
        path, manifest = self.backup_to(
            folder, password, progress, cancelled, note="Bàn giao dữ liệu"
        )
        profile = self._profile.get()
        db_part = next((p for p in manifest.parts if not p.name.startswith("attachments/")), None)
        summary = HandoverSummary(
            commune=manifest.commune,
            place=profile.place_name if profile else "",
            file_name=path.name,
            file_size=path.stat().st_size,
            created_at=manifest.created_at,
            program_version=manifest.program_version,
            schema_revision=manifest.schema_revision,
            encrypted=manifest.encrypted,
            database_sha256=db_part.sha256 if db_part else "",
            counts=[
                (label, count) for label, _now, count in RestorePreview(manifest, {}, None).lines()
            ],
        )
        pdf = path.with_suffix(".pdf")
        write_handover_pdf(summary, pdf)
        return path, pdf

    def auto_backup(self, reason: str = "exit") -> Path | None:
        """Into the user-data folder, then rotate (7 daily, 4 weekly, 12 monthly)."""
        if not self._has_data():
            return None
        self.auto_folder.mkdir(parents=True, exist_ok=True)
        path, _manifest = self.backup_to(self.auto_folder, kind="auto", note=reason)
        self._rotate()
        return path

    def daily_backup_due(self, today: dt.date | None = None) -> bool:
        today = today or dt.date.today()
        return not any(
            r.kind == "auto" and r.when.date() == today and r.exists for r in self.history(50)
        )

    def _rotate(self) -> None:
        files = {}
        for f in self.auto_folder.glob(f"*{archive.BACKUP_SUFFIX}"):
            files[dt.datetime.fromtimestamp(f.stat().st_mtime)] = f
        keep = to_keep(files)
        for when, f in files.items():
            if when not in keep:
                f.unlink(missing_ok=True)

    def _has_data(self) -> bool:
        """Anything to lose: an empty database needs neither a rotation nor a safety copy."""
        if self._profile.exists():
            return True
        with self._db.session_scope() as s:
            return s.scalar(select(UnitRow.id).limit(1)) is not None

    # History ----------------------------------------------------------------------------------

    def history(self, limit: int = 200) -> list[BackupRecord]:
        with self._db.session_scope() as s:
            rows = s.scalars(select(BackupLogRow).order_by(BackupLogRow.at.desc()).limit(limit))
            return [BackupRecord(Path(r.path), r.at, r.kind, r.size, r.encrypted) for r in rows]

    def _remember(self, record: BackupRecord) -> None:
        with self._db.session_scope() as s:
            s.add(
                BackupLogRow(
                    at=record.when,
                    path=str(record.path),
                    kind=record.kind,
                    size=record.size,
                    encrypted=record.encrypted,
                )
            )
            if record.kind == "usb":
                stamp = s.get(AppStateRow, LAST_USB_BACKUP_KEY)
                value = record.when.isoformat(timespec="seconds")
                if stamp is None:
                    s.add(AppStateRow(key=LAST_USB_BACKUP_KEY, value=value))
                else:
                    stamp.value = value

    # Reading ----------------------------------------------------------------------------------

    def verify(self, file: Path, password: str | None = None) -> Manifest:
        return archive.verify_backup(Path(file), password or None)

    def manifest(self, file: Path, password: str | None = None) -> Manifest:
        return archive.read_manifest(Path(file), password or None)

    def needs_password(self, file: Path) -> bool:
        try:
            archive.read_manifest(Path(file), None)
        except PasswordRequiredError:
            return True
        return False

    def current_counts(self) -> dict[str, int]:
        with self._db.session_scope() as s:
            return {
                t.name: s.scalar(select(func.count()).select_from(t)) or 0
                for t in Base.metadata.sorted_tables
            }

    def preview_restore(self, file: Path, password: str | None = None) -> RestorePreview:
        manifest = self.verify(file, password)
        if restore.is_newer_schema(manifest.schema_revision):
            raise BackupTooNewError(_TOO_NEW)
        current = schema.current_revision(self._db.engine)
        return RestorePreview(manifest, self.current_counts(), current)

    # Restoring --------------------------------------------------------------------------------

    def restore(
        self, file: Path, password: str | None = None, progress: Progress | None = None
    ) -> tuple[Path | None, Manifest]:
        """Replace the data with the backup's: a safety backup first, then one atomic write.

        Returns the safety backup's path (None when the database was empty) and the manifest.
        """
        # The refusals of a preview, without reading the whole file: extract_database below
        # verifies every byte once, as it writes the snapshot.
        manifest = archive.read_manifest(Path(file), password or None)
        if restore.is_newer_schema(manifest.schema_revision):
            raise BackupTooNewError(_TOO_NEW)
        safety = None
        if self._has_data():
            self.auto_folder.mkdir(parents=True, exist_ok=True)
            safety, _m = self.backup_to(self.auto_folder, kind="safety", note="Trước khi phục hồi")
        with tempfile.TemporaryDirectory(prefix="tdkt-restore-") as tmp:
            snapshot = Path(tmp) / "snapshot.sqlite3"
            manifest = archive.extract_database(Path(file), snapshot, password or None)
            self._db.engine.dispose()  # no pooled connection keeps the old pages cached
            restore.restore_into(self._db.path, snapshot, progress=progress)
            self._db.engine.dispose()
            if manifest.schema_revision != schema.HEAD:
                schema.upgrade(self._db.engine)
            if manifest.parts and any(p.name.startswith("attachments/") for p in manifest.parts):
                if self.attachments.exists():
                    shutil.rmtree(self.attachments)
                archive.extract_attachments(Path(file), self.attachments, password or None)
        if safety is not None:
            # The restored database carries the backup's own history: record the safety copy
            # again so the officer can find it (and undo the restore).
            self._remember(
                BackupRecord(safety, dt.datetime.now(), "safety", safety.stat().st_size, False)
            )
        return safety, manifest


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except (ValueError, OSError):
        return False
    return True


__all__ = ["BackupError", "BackupRecord", "BackupService", "RestorePreview", "UserError"]
