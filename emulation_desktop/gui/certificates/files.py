"""The files the certificates screens ask for: where a PDF or a layout file is saved, which
layout file or scanned blank is opened, and the settings they remember. Tests replace the ask_*
attributes of the dialogs (the native dialogs block)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from emulation_desktop.domain.certificates import CertificateKind
from emulation_desktop.settings import Setting

PDF_FILTER = "Tệp PDF (*.pdf)"
LAYOUT_FILTER = "Mẫu giấy khen (*.json)"
IMAGE_FILTER = "Ảnh phôi quét (*.png *.jpg *.jpeg)"

AskSave = Callable[[QWidget, str, Path, str], Path | None]  # title, proposed, filter
AskOpen = Callable[[QWidget, str, str], Path | None]  # title, filter


def _suffix(f: str) -> str:
    return f[f.index("*") + 1 : f.index(")")].split()[0]


def ask_save(parent: QWidget, title: str, proposed: Path, file_filter: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, str(proposed), file_filter)
    if not path:
        return None
    suffix = _suffix(file_filter)
    return Path(path if path.lower().endswith(suffix) else f"{path}{suffix}")


def ask_open(parent: QWidget, title: str, file_filter: str) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, "", file_filter)
    return Path(path) if path else None


def background_setting(kind: CertificateKind) -> Setting[str]:
    """The scanned blank last placed under the layout of `kind` (a path on this computer)."""
    return Setting(f"giay_khen/anh_phoi_{kind.value}", str, "", f"Ảnh phôi {kind.label}")


