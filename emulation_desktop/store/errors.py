"""Database failures turned into one clear Vietnamese sentence each."""

from __future__ import annotations

from pathlib import Path

from emulation_desktop.domain.errors import UserError


class DatabaseError(UserError):
    """The database cannot be used as asked; nothing was written."""


class NotOurDatabaseError(DatabaseError):
    pass


class DatabaseTooNewError(DatabaseError):
    pass


class DatabaseReadOnlyError(DatabaseError):
    pass


class DatabaseInUseError(DatabaseError):
    pass


class DiskFullError(DatabaseError):
    pass


def translate_sqlite_error(exc: BaseException, path: Path | None = None) -> DatabaseError:
    """Map an sqlite3/SQLAlchemy error to the message a commune officer can act on."""
    text = str(getattr(exc, "orig", None) or exc).lower()
    where = f" «{path}»" if path else ""
    if "disk is full" in text or "no space" in text:
        return DiskFullError(
            f"Ổ đĩa chứa cơ sở dữ liệu{where} đã đầy nên chưa lưu được. "
            "Hãy giải phóng dung lượng ổ đĩa rồi thử lại; dữ liệu cũ vẫn nguyên vẹn."
        )
    if "readonly" in text or "read-only" in text:
        return DatabaseReadOnlyError(
            f"Cơ sở dữ liệu{where} chỉ cho phép đọc nên không lưu được. "
            "Hãy bỏ thuộc tính chỉ đọc của tệp hoặc chép tệp sang ổ đĩa khác."
        )
    if "locked" in text or "busy" in text:
        return DatabaseInUseError(
            f"Cơ sở dữ liệu{where} đang bị một chương trình khác giữ. "
            "Hãy đóng chương trình đó rồi thử lại."
        )
    if "not a database" in text or "malformed" in text or "file is encrypted" in text:
        return NotOurDatabaseError(
            f"Tệp{where} không phải cơ sở dữ liệu hoặc đã bị hỏng. "
            "Hãy chọn tệp khác hoặc phục hồi từ bản sao lưu."
        )
    if "unable to open" in text or "disk i/o" in text:
        return DatabaseError(
            f"Không mở hoặc không ghi được tệp cơ sở dữ liệu{where}. "
            "Hãy kiểm tra ổ đĩa (USB có bị rút ra không) rồi thử lại."
        )
    return DatabaseError(
        f"Lỗi cơ sở dữ liệu{where}; thao tác chưa được lưu. "
        "Chi tiết đã ghi vào tệp nhật ký (mục Giới thiệu)."
    )
