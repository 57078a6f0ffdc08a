"""Writing a .docx the way every file of the app is written: a temporary file beside the
target, flushed, then renamed over it. A full disk, a pulled stick or a file open in Word leaves
the old file as it was and gives one Vietnamese sentence."""

from __future__ import annotations

import os
from pathlib import Path

from emulation_desktop.documents.atomic import write_atomic


def save_docx(document, path: str | os.PathLike[str]) -> Path:  # type: ignore[no-untyped-def]
    return write_atomic(Path(path), ".docx", document.save, held_by="trình soạn thảo")
