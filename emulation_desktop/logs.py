"""The log file: the technical detail that user messages leave out (see Giới thiệu)."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path


def configure_logging(log_file: Path) -> Path | None:
    """Log to a rotating UTF-8 file; returns None (and logs nowhere) if the folder is unwritable."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_emulation_desktop", False):
            root.removeHandler(handler)
            handler.close()
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            log_file, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        return None
    handler._emulation_desktop = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return log_file
