"""Where previews and print jobs put their PDFs: one folder of the process, removed when the
program ends. A new file of a kind removes the older ones it can (a PDF still open in a preview
on Windows cannot be removed; it goes with the folder)."""

from __future__ import annotations

import atexit
import contextlib
import itertools
import shutil
import tempfile
from pathlib import Path

_folder: Path | None = None
_numbers = itertools.count(1)


def _temp_folder() -> Path:
    global _folder
    if _folder is None or not _folder.is_dir():
        _folder = Path(tempfile.mkdtemp(prefix="giay-khen-"))
        atexit.register(shutil.rmtree, _folder, True)
    return _folder


def temp_pdf(stem: str) -> Path:
    """A new file name "stem-N.pdf" in the folder; older "stem-*.pdf" are removed."""
    folder = _temp_folder()
    for old in folder.glob(f"{stem}-*.pdf"):
        with contextlib.suppress(OSError):  # open in a preview: removed with the folder
            old.unlink()
    return folder / f"{stem}-{next(_numbers)}.pdf"
