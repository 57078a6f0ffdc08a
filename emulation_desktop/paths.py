"""Where things are: bundled resources (from source or a PyInstaller build) and user data."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from emulation_desktop import APP_SLUG
from emulation_desktop.domain.errors import UserError

# Lets tests, portable installs and a second officer profile keep their data elsewhere.
DATA_DIR_ENV = "EMULATION_DESKTOP_DATA_DIR"
DB_FILE_NAME = "thiduakhenthuong.db"


def resource_root() -> Path:
    """The `resources/` folder: next to the package from source, in `_MEIPASS` when frozen."""
    frozen_base = getattr(sys, "_MEIPASS", None)
    if frozen_base:
        return Path(frozen_base) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """A bundled file, e.g. resource_path("fonts", "LiberationSerif-Regular.ttf")."""
    rel = PurePosixPath(*parts)
    if rel.is_absolute() or ".." in rel.parts:
        raise ValueError(f"resource path must be relative and stay inside resources/: {rel}")
    return resource_root().joinpath(*rel.parts)


def user_data_dir() -> Path:
    """Per-user folder for the database, settings, logs and automatic backups (not created here)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs  # imported late: only the default location needs it

    # %LOCALAPPDATA%\ThiDuaKhenThuong on Windows: never next to the executable.
    return Path(platformdirs.user_data_dir(APP_SLUG, appauthor=False, roaming=False))


@dataclass(frozen=True, slots=True)
class AppPaths:
    """The files one running instance uses."""

    data_dir: Path
    db_path: Path

    @property
    def settings_file(self) -> Path:
        return self.data_dir / "settings.ini"

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "emulation_desktop.log"

    @classmethod
    def resolve(cls, db: str | os.PathLike[str] | None = None) -> AppPaths:
        data_dir = user_data_dir()
        db_path = Path(db).expanduser() if db else data_dir / DB_FILE_NAME
        return cls(data_dir=data_dir, db_path=db_path.absolute())


def ensure_writable_dir(folder: Path) -> Path:
    """Create `folder` if needed and prove it takes files; else a clear Vietnamese error."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".ghi-thu-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise UserError(
            f"Không ghi được vào thư mục «{folder}» ({os_reason(exc)}). "
            "Hãy chọn thư mục khác hoặc nhờ cán bộ tin học cấp quyền ghi."
        ) from exc
    return folder


def os_reason(exc: OSError) -> str:
    """Why the system refused a file, in the words an officer understands."""
    import errno

    return {
        errno.EACCES: "không có quyền ghi",
        errno.EPERM: "không có quyền ghi",
        errno.EROFS: "ổ đĩa chỉ cho phép đọc",
        errno.ENOSPC: "ổ đĩa đã đầy",
        errno.ENOTDIR: "một phần của đường dẫn là tệp, không phải thư mục",
        errno.EEXIST: "đã có một tệp trùng tên",
    }.get(exc.errno or 0, "lỗi hệ điều hành")
