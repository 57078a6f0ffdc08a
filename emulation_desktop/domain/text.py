"""Vietnamese text: normalisation, search folding, name sorting and the document date line."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from emulation_desktop.domain.money_words import money_in_words

__all__ = [
    "closed",
    "date_line",
    "document_quotes",
    "fold",
    "lower_first",
    "money_in_words",
    "name_sort_key",
    "name_sort_text",
    "nfc",
    "nfc_lines",
    "proper_name",
    "quoted_name",
    "split_name",
    "tcvn3_to_unicode",
    "text_sort_text",
    "thousands",
    "vni_to_unicode",
    "word_sort_key",
]


def nfc(s: str) -> str:
    """The one stored form of any text: NFC, surrounding blanks removed, inner runs collapsed."""
    return " ".join(unicodedata.normalize("NFC", s).split())


def nfc_lines(text: str, *, keep_blank: bool = False) -> str:
    """A multi-line text as stored: each line `nfc`, empty lines dropped, or with `keep_blank`
    kept between paragraphs (never at the edges): long write-ups keep their paragraphs."""
    lines = [nfc(raw) for raw in (text or "").splitlines()]
    return "\n".join(lines if keep_blank else [line for line in lines if line]).strip("\n")


def fold(s: str) -> str:
    """Search form: no case, no diacritics, đ→d ('Đặng Thị Hằng' → 'dang thi hang')."""
    decomposed = unicodedata.normalize("NFD", s)
    bare = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return " ".join(bare.replace("đ", "d").replace("Đ", "D").casefold().split())


_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_RANK = {c: i for i, c in enumerate(_ALPHABET)}
# Tone order of the Vietnamese dictionary and of ICU's "vi" collation:
# ngang < huyền < hỏi < ngã < sắc < nặng.
_TONE = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_BREVE, _CIRCUMFLEX, _HORN = "\u0306", "\u0302", "\u031b"
_WITH_CIRCUMFLEX = {"a": "â", "e": "ê", "o": "ô"}
_WITH_HORN = {"o": "ơ", "u": "ư"}


def _letter(ch: str) -> tuple[str, int]:
    decomposed = unicodedata.normalize("NFD", ch.lower())
    base, tone = decomposed[0], 0
    for mark in decomposed[1:]:
        if mark in _TONE:
            tone = _TONE[mark]
        elif mark == _BREVE and base == "a":
            base = "ă"
        elif mark == _CIRCUMFLEX:
            base = _WITH_CIRCUMFLEX.get(base, base)
        elif mark == _HORN:
            base = _WITH_HORN.get(base, base)
    return base, tone


def word_sort_key(word: str) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    """Letters first, then tones, then case: the order of ICU's Vietnamese collation."""
    letters = [_letter(c) for c in unicodedata.normalize("NFC", word)]
    return (
        tuple(_RANK.get(base, 100 + ord(base)) for base, _ in letters),
        tuple(tone for _, tone in letters),
        tuple(0 if c.islower() else 1 for c in word),
    )


# Family names of two words (and the four-word royal line): a naive split would take their
# second word for a middle name, and "Hoàng Phủ Ngọc Tường" would sort among the "Phủ"s.
_COMPOUND_FAMILY_NAMES = tuple(
    sorted(
        (
            tuple(fold(n).split())
            for n in (
                "Âu Dương",
                "Công Tằng Tôn Nữ",
                "Công Tôn",
                "Đông Phương",
                "Gia Cát",
                "Hoàng Phủ",
                "Nguyễn Phúc",
                "Tôn Nữ",
                "Tôn Thất",
                "Thượng Quan",
                "Tư Mã",
                "Tư Đồ",
            )
        ),
        key=len,
        reverse=True,
    )
)


def split_name(full_name: str) -> tuple[str, str, str]:
    """(family, middle, given) of a Vietnamese full name, knowing compound family names.

    >>> split_name("Hoàng Phủ Ngọc Tường")
    ('Hoàng Phủ', 'Ngọc', 'Tường')
    """
    parts = nfc(full_name).split()
    if not parts:
        return ("", "", "")
    if len(parts) == 1:
        return ("", "", parts[0])
    folded = [fold(p) for p in parts]
    family_len = 1
    for compound in _COMPOUND_FAMILY_NAMES:
        if len(parts) > len(compound) and tuple(folded[: len(compound)]) == compound:
            family_len = len(compound)
            break
    return (" ".join(parts[:family_len]), " ".join(parts[family_len:-1]), parts[-1])


def name_sort_key(full_name: str) -> tuple:
    """Order people as Vietnamese lists do: given name, then middle names, then family name."""
    family, middle, given = split_name(full_name)
    return (
        word_sort_key(given),
        tuple(word_sort_key(p) for p in middle.split()),
        tuple(word_sort_key(p) for p in family.split()),
    )


# The same order as a plain string, so the database can sort and index it (ORDER BY on 100,000
# people must not pull every row into Python). Every element becomes ASCII that compares like the
# tuple it encodes; " " ends a sequence (lower than any element) and "!" ends a list of words.
_END, _END_WORDS = " ", "!"


def _encode_word(word: str) -> str:
    letters, tones, cases = word_sort_key(word)
    return (
        "".join(chr(0x41 + r) if r < 100 else f"~{r - 100:06x}" for r in letters)
        + _END
        + "".join(chr(0x30 + t) for t in tones)
        + _END
        + "".join(chr(0x30 + c) for c in cases)
        + _END
    )


def _encode_words(words: list[str]) -> str:
    return "".join(_encode_word(w) for w in words) + _END_WORDS


def name_sort_text(full_name: str) -> str:
    """`name_sort_key` as a string with the same order (stored in the indexed column)."""
    family, middle, given = split_name(full_name)
    return (
        _encode_words(given.split()) + _encode_words(middle.split()) + _encode_words(family.split())
    )


def text_sort_text(text: str) -> str:
    """Vietnamese alphabetical order of any text, word by word from the left (units, positions)."""
    return _encode_words(nfc(text).split())


def date_line(place: str, day: dt.date) -> str:
    """The place-date line of NĐ 30/2020: a leading zero for days below 10 and months 1–2.

    >>> date_line("Cát Thành", dt.date(2026, 1, 5))
    'Cát Thành, ngày 05 tháng 01 năm 2026'
    """
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{nfc(place)}, ngày {day.day:02d} tháng {month} năm {day.year}"


_GUILLEMETS = re.compile(r"«\s*(.*?)\s*»")


def document_quotes(text: str) -> str:
    """The screens' «…» become the “…” administrative documents quote with."""
    return _GUILLEMETS.sub(r"“\1”", text).replace("«", "“").replace("»", "”")


def quoted_name(name: str) -> str:
    """ "“Dân vận khéo”"; a name that quotes inside itself ("Mô hình «Dân vận khéo»…") is not
    wrapped again, its own quotes become “…”."""
    if any(q in name for q in "«»“”"):
        return document_quotes(name)
    return f"“{name}”"


def lower_first(text: str) -> str:
    """ "Công chức Văn hóa" → "công chức Văn hóa" inside a sentence; an acronym keeps its
    capitals ("UBND xã", "HĐND")."""
    word = text.split(" ", 1)[0]
    letters = [c for c in word if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return text
    return text[:1].lower() + text[1:]


def closed(text: str) -> str:
    """The last paragraph of a document ends "./." once (NĐ 30), whatever the typed text ended
    with: "…đúng giờ." / "…đúng giờ./." / "…đúng giờ;" → "…đúng giờ./."."""
    body = text.rstrip()
    while True:
        trimmed = body.removesuffix("./.").rstrip(" .;,:/")
        if trimmed == body:
            return body + "./."
        body = trimmed


def thousands(n: int) -> str:
    """Vietnamese digit grouping: 1234000 → '1.234.000'."""
    return f"{n:,}".replace(",", ".")


def proper_name(s: str) -> str:
    """A name typed ALL CAPS or all lower case, in usual case ("NGUYỄN VĂN AN" → "Nguyễn Văn An").

    Mixed case is the typist's choice and is kept ("Nguyễn Thị Mai Anh", "Đinh La Thăng").
    """
    s = nfc(s)
    if s.isupper() or s.islower():
        # str.title() per word keeps ethnic-minority names right: "h'hen niê" → "H'Hen Niê".
        return " ".join(w.title() for w in s.split())
    return s


def tcvn3_to_unicode(s: str) -> str:
    """Text typed in the old TCVN3 (.VnTime) font, as Unicode NFC (see domain.legacy_text)."""
    from emulation_desktop.domain import legacy_text  # it imports nfc from here

    return legacy_text.tcvn3_to_unicode(s)


def vni_to_unicode(s: str) -> str:
    """Text typed in the old VNI-Times font, as Unicode NFC (see domain.legacy_text)."""
    from emulation_desktop.domain import legacy_text

    return legacy_text.vni_to_unicode(s)
