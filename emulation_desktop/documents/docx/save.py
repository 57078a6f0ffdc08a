"""Writing a .docx the way every file of the app is written: a temporary file beside the
target, flushed, then renamed over it. A full disk, a pulled stick or a file open in Word leaves
the old file as it was and gives one Vietnamese sentence."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from emulation_desktop.domain.errors import UserError
from emulation_desktop.paths import os_reason


def save_docx(document, path: str | os.PathLike[str]) -> Path:  # type: ignore[no-untyped-def]
    path = Path(path)
    if path.suffix.lower() != ".docx":
        raise UserError(f"Tên tệp «{path.name}» phải có đuôi .docx.")
    if path.is_dir():
        raise UserError(f"«{path}» là một thư mục. Hãy đặt tên tệp khác.")
    if not path.parent.is_dir():
        raise UserError(f"Không tìm thấy thư mục «{path.parent}». Hãy chọn một thư mục có sẵn.")
    tmp = path.with_name(f".{path.stem}.{secrets.token_hex(4)}.tmp")
    try:
        with open(tmp, "xb") as fh:
            document.save(fh)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.replace(tmp, path)
        except PermissionError as exc:
            raise UserError(
                f"Tệp «{path.name}» đang được mở trong trình soạn thảo; hãy đóng tệp rồi làm lại."
            ) from exc
    except OSError as exc:
        raise UserError(f"Không ghi được tệp «{path.name}» ({os_reason(exc)}).") from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
    return path
