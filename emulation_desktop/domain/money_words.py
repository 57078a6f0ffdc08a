"""Amounts in words, the way Vietnamese accounting forms and decisions write them.

"Một nghìn không trăm linh năm đồng", not num2words' "một nghìn lẻ năm" (tech-notes §6(d)):
once a higher group has been read, every lower non-zero group is read in full ("không trăm",
"linh"); a group of zeros is skipped; "mốt" after "mươi", "lăm" after "mười"/"mươi"; groups of
three digits are "nghìn", "triệu", and every nine digits add one "tỷ" ("một nghìn tỷ").

The "tư" (ba mươi tư) and "ngàn" variants are options; the default is the form of the tested
recipe ("bốn", "nghìn").
"""

from __future__ import annotations

__all__ = ["money_in_words", "number_in_words"]

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_BILLION = 1_000_000_000


def _check(n: int) -> None:
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"an amount in words needs an int, not {type(n).__name__}")
    if n < 0:
        raise ValueError(f"an amount in words cannot be negative: {n}")


def _read3(n: int, full: bool, tu: bool) -> list[str]:
    """A group 1–999; `full` once a higher group was read ("không trăm linh năm")."""
    hundreds, tens, units = n // 100, n // 10 % 10, n % 10
    out: list[str] = []
    if full or hundreds:
        out += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units and out:
            out.append("linh")
    elif tens == 1:
        out.append("mười")
    else:
        out += [_DIGITS[tens], "mươi"]
    if units == 1 and tens >= 2:
        out.append("mốt")
    elif units == 5 and tens >= 1:
        out.append("lăm")
    elif units == 4 and tens >= 2 and tu:
        out.append("tư")
    elif units:
        out.append(_DIGITS[units])
    return out


def _words(n: int, full: bool, tu: bool, thousand: str) -> list[str]:
    """n ≥ 1; above a billion the high part is read on its own and followed by "tỷ"."""
    if n >= _BILLION:
        high, low = divmod(n, _BILLION)
        out = [*_words(high, full, tu, thousand), "tỷ"]
        return out + _words(low, True, tu, thousand) if low else out
    out = []
    for group, unit in ((n // 1_000_000, "triệu"), (n // 1000 % 1000, thousand), (n % 1000, "")):
        if group:
            out += _read3(group, full, tu)
            if unit:
                out.append(unit)
            full = True
    return out


def number_in_words(n: int, *, tu: bool = False, ngan: bool = False) -> str:
    """A whole number in lower-case words: 1005 → "một nghìn không trăm linh năm".

    Args:
        n: zero or more.
        tu: read a final 4 after "mươi" as "tư" ("ba mươi tư") instead of "bốn".
        ngan: say "ngàn" instead of "nghìn".

    Raises:
        ValueError: n is negative. TypeError: n is not an int.
    """
    _check(n)
    if n == 0:
        return "không"
    return " ".join(_words(n, False, tu, "ngàn" if ngan else "nghìn"))


def money_in_words(amount: int, *, tu: bool = False, ngan: bool = False) -> str:
    """An amount of đồng in words, capitalised: 710000 → "Bảy trăm mười nghìn đồng".

    0 → "Không đồng". Raises ValueError for a negative amount (see number_in_words).
    """
    words = number_in_words(amount, tu=tu, ngan=ngan) + " đồng"
    return words[0].upper() + words[1:]
