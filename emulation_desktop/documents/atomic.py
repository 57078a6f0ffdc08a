"""The one way every generated file (.docx, .pdf, layout .json) reaches the disk: checked name
and folder, a temporary file beside it, flushed and fsynced, then renamed over the target. A
full disk, a pulled stick or a file held open by Word or a PDF reader leaves the old file as it
was, with one Vietnamese message."""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from emulation_desktop.domain.errors import UserError
from emulation_desktop.paths import os_reason


def check_target(path: Path, suffix: str) -> Path:
    path = Path(path)
    if path.is_dir():
        raise UserError(f"«{path}» là một thư mục. Hãy đặt tên tệp khác.")
    if path.suffix.lower() != suffix:
        raise UserError(f"Tên tệp «{path.name}» phải có đuôi {suffix}.")
    if not path.parent.is_dir():
        raise UserError(f"Không tìm thấy thư mục «{path.parent}». Hãy chọn một thư mục có sẵn.")
    return path


def write_atomic(
    path: Path,
    suffix: str,
    write: Callable[[BinaryIO], object],
    *,
    what: str = "tệp",
    held_by: str = "một chương trình khác",
) -> Path:
    """`held_by` names what may hold the file open ("trình soạn thảo", "trình đọc PDF")."""
    path = check_target(path, suffix)
    tmp = path.with_name(f".{path.stem}.{secrets.token_hex(4)}.tmp")
    try:
        with open(tmp, "xb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.replace(tmp, path)
        except PermissionError as exc:
            raise UserError(
                f"Tệp «{path.name}» đang được mở trong {held_by}; hãy đóng tệp rồi làm lại."
            ) from exc
    except OSError as exc:
        raise UserError(f"Không ghi được {what} «{path.name}» ({os_reason(exc)}).") from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
    return path
