"""Writing the administrative documents: which data each kind reads, which builder lays it out,
and where a commune's own form (a Word template) replaces the built-in layout.

`DocumentService.write(kind, id, out)` is the one entry of the GUI and of
`emulation-desktop document KIND --id ID --out FILE.docx`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from emulation_desktop.domain.enums import DocumentKind
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.profile import validate_profile


@dataclass(frozen=True, slots=True)
class DocumentSources:
    """What document producers read from. Each producer takes (sources, id) and returns the
    frozen data of its document; it never writes."""

    db: Any
    profile: Any
    rules: Any
    registry: Any
    movements: Any
    evaluations: Any
    rounds: Any
    council: Any
    decisions: Any
    eligibility: Any
    overview: Any
    models: Any
    initiatives: Any
    complaints: Any
    text_blocks: Any
    today: Callable[[], dt.date] = dt.date.today


@dataclass(frozen=True, slots=True)
class KindEntry:
    produce: Callable[[DocumentSources, int], Any]
    build: Callable[[Any], Any]  # data -> DocxBuilder
    name: Callable[[Any], str]  # data -> suggested file stem


def _number_stem(data: Any, fallback: str) -> str:
    header = getattr(data, "header", None)
    number = getattr(header, "number", "") if header is not None else ""
    return f"{fallback} {number}".replace("/", "-") if number else fallback


class DocumentService:
    def __init__(self, sources: DocumentSources, custom: Any = None) -> None:
        self.sources = sources
        self.custom = custom  # CustomTemplateService: a commune's own Word forms
        self._kinds: dict[DocumentKind, KindEntry] = {}
        from emulation_desktop.services.document_kinds import register_all

        register_all(self)

    def register(self, kind: DocumentKind, entry: KindEntry) -> None:
        self._kinds[kind] = entry

    def kinds(self) -> list[DocumentKind]:
        return [k for k in DocumentKind if k in self._kinds]

    def data(self, kind: DocumentKind, id_: int) -> Any:
        entry = self._entry(kind)
        self._require_profile()
        return entry.produce(self.sources, id_)

    def suggested_name(self, kind: DocumentKind, id_: int) -> str:
        """A file name the save dialog offers: "Quyết định khen thưởng 166-QĐ-UBND.docx"."""
        entry = self._entry(kind)
        stem = entry.name(entry.produce(self.sources, id_))
        return re.sub(r'[\\/:*?"<>|]+', "-", stem).strip() + ".docx"

    def write(self, kind: DocumentKind, id_: int, out: Path) -> Path:
        """Write the document to `out` (temp file, then renamed); bad input raises UserError
        and leaves `out` as it was."""
        entry = self._entry(kind)
        self._require_profile()
        data = entry.produce(self.sources, id_)
        # Laid out even for a commune's own form: the checks live in the layout (a signer, a
        # list that is not empty), and a Word form must not skip them.
        builder = entry.build(data)
        if self.custom is not None and self.custom.has(kind):
            return self.custom.render(kind, data, Path(out))
        builder.save(Path(out))
        return Path(out)

    def _require_profile(self) -> None:
        """Every document names the commune, its place and its chairman: without the profile a
        document would print "XÃ" and an empty signature, so none is written."""
        profile = self.sources.profile.get()
        try:
            if profile is None:
                raise ValidationError({"name": "missing"})
            validate_profile(profile)
        except ValidationError:
            raise UserError(
                "Thông tin của xã chưa đủ (tên xã, tỉnh, địa danh, Chủ tịch UBND, công chức phụ "
                "trách). Hãy nhập ở Cài đặt → Thông tin xã rồi tạo lại văn bản."
            ) from None

    def _entry(self, kind: DocumentKind) -> KindEntry:
        try:
            return self._kinds[DocumentKind(kind)]
        except (KeyError, ValueError):
            raise UserError(f"Chưa có mẫu văn bản loại «{kind}».") from None


def name_from_number(label: str) -> Callable[[Any], str]:
    return lambda data: _number_stem(data, label)
