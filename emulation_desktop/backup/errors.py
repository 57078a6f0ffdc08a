"""Why a backup could not be written, read or used: one clear Vietnamese sentence each.

Every error is a UserError, so the GUI and the CLI show `message` as it is. Details meant for
a support person (offsets, digests, errno) go to the log and the exception chain, never into
the message an officer reads.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from emulation_desktop.domain.errors import UserError

if TYPE_CHECKING:
    from emulation_desktop.backup.manifest import Manifest


class BackupError(UserError):
    """A backup could not be written or used; the data and any existing file are as they were."""


class NotABackupError(BackupError):
    """The file is something else (a document, another program's ZIP, random bytes)."""

    @classmethod
    def for_file(cls, path: Path) -> NotABackupError:
        return cls(
            f"Tệp «{path.name}» không phải bản sao lưu của chương trình Thi đua – Khen thưởng; "
            "hãy chọn đúng tệp sao lưu (đuôi .tdkt)."
        )


class BackupDamagedError(BackupError):
    """Truncated, corrupt or tampered with: some check (size, SHA-256, structure) failed."""

    @classmethod
    def for_file(cls, path: Path) -> BackupDamagedError:
        return cls(
            f"Bản sao lưu «{path.name}» đã bị hỏng (thiếu dữ liệu hoặc dữ liệu bị thay đổi) "
            "nên không dùng được; hãy dùng một bản sao lưu khác."
        )

    @classmethod
    def empty(cls, path: Path) -> BackupDamagedError:
        return cls(
            f"Tệp «{path.name}» rỗng: bản sao lưu này chưa được ghi xong hoặc đã hỏng; "
            "hãy dùng một bản sao lưu khác."
        )


class WrongPasswordError(BackupError):
    """The password does not open this encrypted backup."""

    @classmethod
    def for_file(cls, path: Path) -> WrongPasswordError:
        return cls(
            f"Mật khẩu không đúng với bản sao lưu «{path.name}»; hãy nhập lại, chú ý chữ hoa, "
            "chữ thường và dấu tiếng Việt."
        )


class PasswordRequiredError(BackupError):
    """The backup is encrypted and no password was given."""

    @classmethod
    def for_file(cls, path: Path) -> PasswordRequiredError:
        return cls(f"Bản sao lưu «{path.name}» được bảo vệ bằng mật khẩu; hãy nhập mật khẩu để mở.")


class BackupTooNewError(BackupError):
    """Written by a newer program: a newer file format or a newer database structure.

    Attributes:
        manifest: the backup's manifest when it could be read (a newer schema in a known
            format), so a list of backups can still show its date and commune; else None.
    """

    def __init__(self, message: str, manifest: Manifest | None = None) -> None:
        super().__init__(message)
        self.manifest = manifest

    @classmethod
    def for_file(
        cls, path: Path, program_version: str = "", manifest: Manifest | None = None
    ) -> BackupTooNewError:
        made_by = f" ({program_version})" if program_version else ""
        return cls(
            f"Bản sao lưu «{path.name}» do phiên bản mới hơn của chương trình{made_by} tạo ra; "
            "hãy cài phiên bản mới nhất của chương trình rồi mở lại.",
            manifest,
        )


class DestinationError(BackupError):
    """The place to write to cannot take the backup: missing, read-only, full, pulled out,
    already holding that file, or the data folder itself."""


class BackupCancelled(BackupError):
    """The officer cancelled; no backup file was left behind."""

    @classmethod
    def create(cls) -> BackupCancelled:
        return cls("Đã hủy sao lưu; không có tệp sao lưu nào được ghi ra.")


class Corruption(ValueError):
    """Internal: a structural check failed. `archive` turns it into BackupDamagedError with the
    file's name; the text (offsets, expected values) is only logged."""


__all__ = [
    "BackupCancelled",
    "BackupDamagedError",
    "BackupError",
    "BackupTooNewError",
    "Corruption",
    "DestinationError",
    "NotABackupError",
    "PasswordRequiredError",
    "WrongPasswordError",
]
