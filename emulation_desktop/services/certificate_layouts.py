"""Certificate layouts kept per kind in the database (the default until a commune saves its
own), exported to and imported from a small JSON file."""

from __future__ import annotations

import logging
from pathlib import Path

from emulation_desktop.documents.atomic import write_atomic
from emulation_desktop.domain.certificate_layout import (
    CertificateLayout,
    check_layout,
    default_layout,
    layout_from_dict,
    layout_from_json,
    layout_to_dict,
    layout_to_json,
)
from emulation_desktop.domain.certificates import CertificateKind
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.paths import os_reason
from emulation_desktop.services.registry_write import audit
from emulation_desktop.store.certificate_models import CertificateLayoutRow
from emulation_desktop.store.db import Database

log = logging.getLogger(__name__)
MAX_LAYOUT_FILE = 1024 * 1024


class LayoutStore:
    """The layout side of `CertificateService` (which inherits it); needs `self._db`."""

    _db: Database

    def layout(self, kind: CertificateKind) -> CertificateLayout:
        """The commune's layout of `kind`, else the default on A4 landscape."""
        saved, _unreadable = self._saved(CertificateKind(kind))
        return saved or default_layout(kind)

    def stored_layout_unreadable(self, kind: CertificateKind) -> bool:
        """A layout is saved for `kind` but cannot be read, so `layout` falls back to the
        default: printing on blanks at default positions must not go unnoticed."""
        return self._saved(CertificateKind(kind))[1]

    def _saved(self, kind: CertificateKind) -> tuple[CertificateLayout | None, bool]:
        with self._db.session_scope() as s:
            row = s.get(CertificateLayoutRow, kind.value)
            data = dict(row.data) if row else None
        if data is None:
            return None, False
        try:
            return layout_from_dict(data, kind), False
        except UserError:
            # Saved by a newer version or damaged by hand: print on the default rather than
            # refuse every certificate; preflight says so, the editor shows the default.
            log.warning("stored certificate layout %s unreadable; default used", kind)
            return None, True

    def save_layout(self, layout: CertificateLayout) -> None:
        check_layout(layout)
        kind = CertificateKind(layout.kind)
        with self._db.session_scope() as s:
            row = s.get(CertificateLayoutRow, kind.value)
            if row is None:
                row = CertificateLayoutRow(kind=kind.value)
                s.add(row)
            row.data = layout_to_dict(layout)
            audit(s, "save", "certificate_layout", None, kind=kind.value, paper=layout.paper.name)

    def reset_layout(self, kind: CertificateKind) -> CertificateLayout:
        kind = CertificateKind(kind)
        with self._db.session_scope() as s:
            row = s.get(CertificateLayoutRow, kind.value)
            if row is not None:
                s.delete(row)
                audit(s, "delete", "certificate_layout", None, kind=kind.value)
        return default_layout(kind)

    def export_layout(self, kind: CertificateKind, path: Path) -> Path:
        data = layout_to_json(self.layout(kind)).encode("utf-8")
        return write_atomic(Path(path), ".json", lambda fh: fh.write(data), what="tệp mẫu")

    def import_layout(self, kind: CertificateKind, path: Path) -> CertificateLayout:
        """A layout file exported here or by another commune; it replaces the saved one."""
        layout = self.read_layout_file(kind, path)
        self.save_layout(layout)
        return layout

    def read_layout_file(self, kind: CertificateKind, path: Path) -> CertificateLayout:
        """A layout file, checked but not saved (the editor shows it until «Lưu»)."""
        path = Path(path)
        try:
            if path.stat().st_size > MAX_LAYOUT_FILE:
                raise ValidationError({"file": "Tệp này không phải tệp mẫu giấy khen của "
                                               "chương trình (quá lớn)."})  # fmt: skip
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            text = ""
        except IsADirectoryError:
            raise UserError(f"«{path}» là một thư mục, không phải tệp mẫu.") from None
        except OSError as exc:
            raise UserError(f"Không đọc được tệp «{path.name}» ({os_reason(exc)}).") from exc
        return layout_from_json(text, CertificateKind(kind))
