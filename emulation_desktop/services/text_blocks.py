"""The commune's own wording of document blocks, stored in the database (backups carry it)."""

from __future__ import annotations

from sqlalchemy import select

from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.text_blocks import (
    TextBlock,
    TextBlockView,
    all_blocks,
    check_block_text,
    fill,
)
from emulation_desktop.services.registry_write import audit
from emulation_desktop.store.document_models import TextBlockRow


class TextBlockService:
    def __init__(self, db, profile) -> None:  # type: ignore[no-untyped-def]
        self._db = db
        self._profile = profile

    def blocks(self) -> list[TextBlockView]:
        with self._db.session_scope() as s:
            saved = dict(s.execute(select(TextBlockRow.key, TextBlockRow.text)).all())
        return [
            TextBlockView(b, saved.get(b.key, b.default), b.key in saved) for b in all_blocks()
        ]

    def raw(self, block: TextBlock) -> str:
        with self._db.session_scope() as s:
            row = s.get(TextBlockRow, block.key)
            return row.text if row is not None else block.default

    def text(self, block: TextBlock, year: int | None = None, **values: str) -> str:
        """The block as the document prints it: the commune's text (or the default) with its
        fields filled from the profile, `year` and `values`."""
        return fill(self.raw(block), {**self._profile_values(), **self._year(year), **values})

    def save(self, key: str, text: str) -> None:
        block = _block(key)
        clean = check_block_text(block, text)
        with self._db.session_scope() as s:
            row = s.get(TextBlockRow, key)
            if clean == block.default:
                if row is not None:
                    s.delete(row)
            elif row is None:
                s.add(TextBlockRow(key=key, text=clean))
            else:
                row.text = clean
            audit(s, "save", "text_block", None, key=key)

    def reset(self, key: str) -> None:
        _block(key)
        with self._db.session_scope() as s:
            row = s.get(TextBlockRow, key)
            if row is not None:
                s.delete(row)
                audit(s, "reset", "text_block", None, key=key)

    def _profile_values(self) -> dict[str, str]:
        p = self._profile.get()
        if p is None:
            return {}
        return {"xa": f"{p.kind.label.lower()} {p.name}", "Xa": p.display_name,
                "ubnd": p.issuer, "tinh": p.province}  # fmt: skip

    @staticmethod
    def _year(year: int | None) -> dict[str, str]:
        return {"nam": str(year)} if year is not None else {}


def _block(key: str) -> TextBlock:
    for b in all_blocks():
        if b.key == key:
            return b
    raise UserError(f"Không có đoạn văn bản mẫu «{key}».")
