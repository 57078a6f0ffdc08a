"""Wording blocks of the documents that a commune may rewrite (mục đích, yêu cầu, căn cứ…).

Each block has a key, the group and label the settings screen shows, a default text, and the
fields it may use in braces: "{nam}" is the year, "{xa}" the commune ("xã Cát Thành"). A text
naming a field the block does not have is refused with its name, so a typo never reaches a
signed document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from emulation_desktop.domain.errors import ValidationError
from emulation_desktop.domain.text import nfc_lines

MAX_BLOCK = 20_000
FIELD_LABELS = {
    "nam": "năm của văn bản (2026)",
    "xa": "tên xã/phường viết thường (xã Cát Thành)",
    "Xa": "tên xã/phường viết hoa chữ đầu (Xã Cát Thành)",
    "ubnd": "UBND xã Cát Thành",
    "tinh": "tên tỉnh/thành phố (Ninh Bình)",
    "chu_de": "chủ đề thi đua của năm",
    "can_cu": "các căn cứ pháp lý đang có hiệu lực (mỗi căn cứ một dòng)",
    "ky_niem": "các ngày kỷ niệm của năm (, kỷ niệm 70 năm …)",
    "ten_ke_hoach": "tên kế hoạch (Kế hoạch tổ chức thực hiện … năm 2026)",
}
_FIELD = re.compile(r"\{([^{}]*)\}")


@dataclass(frozen=True, slots=True)
class TextBlock:
    key: str  # "ke_hoach.muc_dich"
    group: str  # the document it belongs to: "Kế hoạch thi đua, khen thưởng"
    label: str  # "I.1. Mục đích"
    default: str
    fields: tuple[str, ...] = ("nam", "xa", "Xa", "ubnd", "tinh")


@dataclass(frozen=True, slots=True)
class TextBlockView:
    block: TextBlock
    text: str
    changed: bool  # the commune's own text, not the default


def check_block_text(block: TextBlock, text: str) -> str:
    """The text as stored (NFC, paragraphs kept), or ValidationError naming the problem."""
    clean = nfc_lines(text, keep_blank=True)
    if not clean:
        raise ValidationError({"text": "Nội dung không được để trống (bấm «Khôi phục mặc định» "
                                       "để dùng lại câu chữ có sẵn)."})  # fmt: skip
    if len(clean) > MAX_BLOCK:
        raise ValidationError({"text": f"Nội dung dài quá {MAX_BLOCK:,} ký tự.".replace(",", ".")})
    unknown = [f for f in _FIELD.findall(clean) if f not in block.fields]
    if unknown:
        allowed = ", ".join("{" + f + "}" for f in block.fields) or "không có"
        raise ValidationError({"text": (
            f"Không có trường «{{{unknown[0]}}}» trong đoạn này. Các trường dùng được: "
            f"{allowed}."
        )})  # fmt: skip
    return clean


def fill(text: str, values: dict[str, str]) -> str:
    """Replace {field} by its value; a field without a value is left as it is."""
    return _FIELD.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def all_blocks() -> tuple[TextBlock, ...]:
    """Every editable block, in the order of the settings screen."""
    from emulation_desktop.domain import document_blocks

    return document_blocks.BLOCKS
