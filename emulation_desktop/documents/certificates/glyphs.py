"""Characters the bundled font cannot draw, found before printing (a Chinese character or an
emoji typed into a name would otherwise come out as an empty box on the certificate)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import cache

from emulation_desktop.documents.fonts import FONT_FILES, register_serif
from emulation_desktop.domain.certificates import Certificate, FieldKey

_PERSONAL = {
    FieldKey.RECIPIENT: "Tên",
    FieldKey.POSITION: "Chức vụ, đơn vị",
    FieldKey.ACHIEVEMENT: "Thành tích",
}


@cache
def _covered() -> frozenset[int]:
    """Code points every style of the bundled serif has a glyph for."""
    register_serif()
    from reportlab.pdfbase import pdfmetrics

    sets = [set(pdfmetrics.getFont(name).face.charToGlyph) for name in FONT_FILES]
    return frozenset(set.intersection(*sets))


def missing_glyphs(text: str) -> str:
    """The characters of `text` (after NFC) the font lacks, each once, in order of appearance."""
    covered = _covered()
    out: list[str] = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in "\n\r\t" or ord(ch) in covered or ch in out:
            continue
        out.append(ch)
    return "".join(out)


def glyph_problems(certificates: Sequence[Certificate]) -> list[str]:
    """One Vietnamese sentence per text that cannot be drawn, naming the person and the
    characters; a text shared by every sheet (the issuer, the signer) is named once."""
    problems: list[str] = []
    for cert in certificates:
        who = unicodedata.normalize("NFC", cert.recipient.line)
        for key in FieldKey:
            if key.fixed:
                continue
            text = unicodedata.normalize("NFC", cert.text(key))
            lacking = missing_glyphs(text)
            if not lacking:
                continue
            chars = " ".join(lacking)
            if key is FieldKey.RECIPIENT:
                message = f"Tên «{who}» có ký tự «{chars}» mà phông chữ không có."
            elif key in _PERSONAL:
                message = f"{_PERSONAL[key]} của {who} có ký tự «{chars}» mà phông chữ không có."
            else:
                message = f"Dòng «{key.label}» có ký tự «{chars}» mà phông chữ không có."
            if message not in problems:
                problems.append(message)
    return problems
