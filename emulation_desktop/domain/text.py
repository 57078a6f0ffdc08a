"""Vietnamese text: normalisation, search folding, name sorting and the document date line."""

from __future__ import annotations

import datetime as dt
import unicodedata

__all__ = ["date_line", "fold", "name_sort_key", "nfc", "thousands", "word_sort_key"]


def nfc(s: str) -> str:
    """The one stored form of any text: NFC, surrounding blanks removed, inner runs collapsed."""
    return " ".join(unicodedata.normalize("NFC", s).split())


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


def name_sort_key(full_name: str) -> tuple:
    """Order people as Vietnamese lists do: given name, then middle names, then family name."""
    parts = nfc(full_name).split()
    if not parts:
        return ((), (), ())
    given = word_sort_key(parts[-1])
    middle = tuple(word_sort_key(p) for p in parts[1:-1])
    family = word_sort_key(parts[0]) if len(parts) > 1 else ((), (), ())
    return (given, middle, family)


def date_line(place: str, day: dt.date) -> str:
    """The place-date line of NĐ 30/2020: a leading zero for days below 10 and months 1–2.

    >>> date_line("Cát Thành", dt.date(2026, 1, 5))
    'Cát Thành, ngày 05 tháng 01 năm 2026'
    """
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{nfc(place)}, ngày {day.day:02d} tháng {month} năm {day.year}"


def thousands(n: int) -> str:
    """Vietnamese digit grouping: 1234000 → '1.234.000'."""
    return f"{n:,}".replace(",", ".")
