"""A commune's own Word forms: stored in the database (backups carry them), checked when added,
used instead of the built-in layout of their kind until removed."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from emulation_desktop.documents.docx import custom
from emulation_desktop.domain.enums import DocumentKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.services.registry_write import audit
from emulation_desktop.store.document_models import CustomTemplateRow

MAX_TEMPLATE = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class CustomTemplateItem:
    kind: DocumentKind
    file_name: str
    size: int


class CustomTemplateService:
    def __init__(self, db) -> None:  # type: ignore[no-untyped-def]
        self._db = db

    def list(self) -> list[CustomTemplateItem]:
        with self._db.session_scope() as s:
            rows = s.query(CustomTemplateRow).all()
            return [CustomTemplateItem(DocumentKind(r.kind), r.file_name, r.size) for r in rows]

    def has(self, kind: DocumentKind) -> bool:
        with self._db.session_scope() as s:
            return s.get(CustomTemplateRow, DocumentKind(kind).value) is not None

    def add(self, kind: DocumentKind, path: Path) -> None:
        path = Path(path)
        if path.suffix.lower() != ".docx":
            raise UserError(
                "Mẫu riêng phải là tệp Word .docx (tệp .doc cũ hãy lưu lại thành .docx)."
            )
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise UserError(f"Không đọc được tệp «{path.name}».") from exc
        if len(data) > MAX_TEMPLATE:
            raise UserError("Tệp mẫu lớn quá 20 MB.")
        custom.check_template(data)
        with self._db.session_scope() as s:
            row = s.get(CustomTemplateRow, DocumentKind(kind).value)
            if row is None:
                row = CustomTemplateRow(kind=DocumentKind(kind).value)
                s.add(row)
            row.file_name, row.data, row.size = path.name, data, len(data)
            row.sha256 = hashlib.sha256(data).hexdigest()
            audit(s, "save", "custom_template", None, kind=row.kind, file=path.name)

    def remove(self, kind: DocumentKind) -> None:
        with self._db.session_scope() as s:
            row = s.get(CustomTemplateRow, DocumentKind(kind).value)
            if row is not None:
                s.delete(row)
                audit(s, "delete", "custom_template", None, kind=row.kind)

    def render(self, kind: DocumentKind, data: Any, out: Path) -> Path:
        with self._db.session_scope() as s:
            row = s.get(CustomTemplateRow, DocumentKind(kind).value)
            blob = bytes(row.data)
        return custom.render(blob, data, out)
