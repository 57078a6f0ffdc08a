"""Numbers of the commune's documents (NĐ 30/2020 Phụ lục I) and of the award register."""

from __future__ import annotations

import re

from emulation_desktop.domain.errors import UserError

_SYMBOL = re.compile(r"^[0-9A-Za-zĐđ]+(-[0-9A-Za-zĐđ]+)*$")


def document_number(number: int, symbol: str) -> str:
    """ "05/QĐ-UBND": numbers below 10 get a leading zero; no spaces around "/" and "-"."""
    if number <= 0:
        raise UserError("Số văn bản phải là số nguyên dương.")
    return f"{number:02d}/{symbol}"


def check_symbol(symbol: str) -> str:
    text = symbol.strip()
    if not text or not _SYMBOL.match(text):
        raise UserError(
            f"Ký hiệu văn bản «{symbol}» không đúng: viết hoa, các nhóm chữ nối bằng dấu «-», "
            "không có dấu cách (ví dụ QĐ-UBND)."
        )
    return text


def register_number(seq: int, year: int) -> str:
    """Số sổ khen thưởng as certificates print it: "37/2026" (numbered from 1 every year)."""
    return f"{seq}/{year}"
