"""Legacy font encodings (TCVN3, VNI) to Unicode, and telling them apart from real Unicode.

The legacy side of every letter is built here independently of the module's tables: TCVN3 from
the VN3 code chart written as one row per vowel, VNI from its keyboard rules (letter + mark).
"""

from __future__ import annotations

import ast
import string
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from emulation_desktop.domain import legacy_text
from emulation_desktop.domain.legacy_text import (
    detect_legacy,
    fix_legacy,
    tcvn3_to_unicode,
    vni_to_unicode,
)

# Tones in the order of the rows below: ngang, huyền, hỏi, ngã, sắc, nặng.
TONES = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
VOWELS = "aăâeêioôơuưy"


def letter(base: str, tone: int) -> str:
    return unicodedata.normalize("NFC", base + TONES[tone])


# --- TCVN3: the VN3 chart, one row per vowel in tone order ---------------------------------------

TCVN3_ROWS = {
    "a": "aµ¶·¸¹",
    "ă": "¨»¼½¾Æ",
    "â": "©ÇÈÉÊË",
    "e": "eÌÎÏÐÑ",
    "ê": "ªÒÓÔÕÖ",
    "i": "i×ØÜÝÞ",
    "o": "oßáâãä",
    "ô": "«åæçèé",
    "ơ": "¬êëìíî",
    "u": "uïñòóô",
    "ư": "\xadõö÷øù",
    "y": "yúûüýþ",
}
TCVN3_OTHERS = {"đ": "®", "Ă": "¡", "Â": "¢", "Ê": "£", "Ô": "¤", "Ơ": "¥", "Ư": "¦", "Đ": "§"}
TCVN3_ENCODE = {
    letter(base, tone): row[tone] for base, row in TCVN3_ROWS.items() for tone in range(6)
} | TCVN3_OTHERS
TCVN3_PAIRS = sorted((u, t) for u, t in TCVN3_ENCODE.items() if not t.isascii())  # ý is ý


def to_tcvn3(text: str) -> str:
    return "".join(TCVN3_ENCODE.get(c, c) for c in text)


# --- VNI: letter + mark, capitals take the capital form of the same mark -------------------------

VNI_TONE = "øûõùï"  # huyền, hỏi, ngã, sắc, nặng after a plain vowel, ơ or ư
VNI_CIRCUMFLEX = "âàåãáä"  # â ê ô: ngang + the five tones
VNI_BREVE = "êèúüéë"  # ă
VNI_I = "iìæóíò"  # i is one character in every tone


def vni_lower(base: str, tone: int) -> str:
    if base in "âêô":
        return base.replace("â", "a").replace("ê", "e").replace("ô", "o") + VNI_CIRCUMFLEX[tone]
    if base == "ă":
        return "a" + VNI_BREVE[tone]
    if base == "i":
        return VNI_I[tone]
    if base == "y" and tone == 5:
        return "î"
    stem = {"ơ": "ô", "ư": "ö"}.get(base, base)
    return stem + (VNI_TONE[tone - 1] if tone else "")


VNI_ENCODE = {"đ": "ñ", "Đ": "Ñ"}
for _base in VOWELS:
    for _tone in range(6):
        VNI_ENCODE[letter(_base, _tone)] = vni_lower(_base, _tone)
        VNI_ENCODE[letter(_base, _tone).upper()] = vni_lower(_base, _tone).upper()
VNI_PAIRS = sorted((u, v) for u, v in VNI_ENCODE.items() if u != v)


def to_vni(text: str) -> str:
    return "".join(VNI_ENCODE.get(c, c) for c in text)


# --- every letter ------------------------------------------------------------------------------


def test_the_charts_cover_the_whole_alphabet() -> None:
    assert len(TCVN3_ENCODE) == 12 * 6 + 8  # 67 lower-case legacy letters + 7 capitals
    assert len(TCVN3_PAIRS) == 67 + 7
    assert len(VNI_ENCODE) == 2 * 12 * 6 + 2
    assert len(VNI_PAIRS) == 2 * (12 * 6 - 6 - 2) + 2  # all but a e i o u y, ì í


@pytest.mark.parametrize(("unicode_letter", "legacy"), TCVN3_PAIRS)
def test_tcvn3_every_letter(unicode_letter: str, legacy: str) -> None:
    assert tcvn3_to_unicode(legacy) == unicode_letter
    assert tcvn3_to_unicode(f"x{legacy}x") == f"x{unicode_letter}x"


@pytest.mark.parametrize(("base", "tone"), [(b, t) for b in VOWELS for t in range(1, 6)])
def test_tcvn3_toned_capitals_come_from_the_capitals_font(base: str, tone: int) -> None:
    # .VnTimeH draws the lower-case code as a capital: a word in capitals gets capitals.
    legacy = TCVN3_ROWS[base][tone]
    assert tcvn3_to_unicode(f"NG{legacy}N") == f"NG{letter(base, tone).upper()}N"
    assert tcvn3_to_unicode(f"Ng{legacy}n") == f"ng{letter(base, tone)}n".capitalize()


@pytest.mark.parametrize(("unicode_letter", "legacy"), VNI_PAIRS)
def test_vni_every_letter(unicode_letter: str, legacy: str) -> None:
    assert vni_to_unicode(legacy) == unicode_letter
    assert vni_to_unicode(f"x{legacy}x") == f"x{unicode_letter}x"


def test_the_tables_hold_exactly_the_charted_sequences() -> None:
    assert set(legacy_text._VNI) == {v for _, v in VNI_PAIRS}
    assert set(legacy_text._TCVN3) == {ord(t) for _, t in TCVN3_PAIRS}


# --- sentences and names -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("legacy", "expected"),
    [
        ("NguyÔn ThÞ H»ng", "Nguyễn Thị Hằng"),
        ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
        ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
        ("CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("§Æng ThÞ Hång Nhung", "Đặng Thị Hồng Nhung"),
        ("TrÇn Quèc To¶n", "Trần Quốc Toản"),
        ("NguyÔn V¨n ¦ng", "Nguyễn Văn Ưng"),
        ("Ng« ThÞ BÝch Ngäc", "Ngô Thị Bích Ngọc"),
        ("Lª Hµ", "Lê Hà"),  # one capital per word is title case, not the capitals font
        ("Q§ KHEN TH¦ëNG", "QĐ KHEN THƯỞNG"),
        ("Tr\xadêng THCS sè 2", "Trường THCS số 2"),
    ],
)
def test_tcvn3_text(legacy: str, expected: str) -> None:
    assert tcvn3_to_unicode(legacy) == expected
    assert detect_legacy(legacy) == "tcvn3"
    assert fix_legacy(legacy) == expected


def test_tcvn3_that_is_also_valid_unicode_converts_but_is_not_detected() -> None:
    # "Sè" is a Unicode spelling too and "Q§" has no vowel: nothing to go on.
    assert tcvn3_to_unicode("Sè 12/Q§-UBND") == "Số 12/QĐ-UBND"
    assert detect_legacy("Sè 12/Q§-UBND") is None
    assert fix_legacy("Sè 12/Q§-UBND", "tcvn3") == "Số 12/QĐ-UBND"
    assert detect_legacy("Sè 12/Q§-UBND ngµy 5/1/2026") == "tcvn3"


@pytest.mark.parametrize(
    ("legacy", "expected"),
    [
        ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
        ("Nguyeãn Thò Haèng", "Nguyễn Thị Hằng"),
        ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
        ("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("Ñaëng Thò Hoàng Nhung", "Đặng Thị Hồng Nhung"),
        ("Traàn Quoác Toaûn", "Trần Quốc Toản"),
        ("Nguyeãn Vaên Öng", "Nguyễn Văn Ưng"),
        ("Ngoâ Thò Bích Ngoïc", "Ngô Thị Bích Ngọc"),
        ("ñöôïc ngöôøi tröôûng", "được người trưởng"),  # ô alone is ơ, ôï is ợ
    ],
)
def test_vni_text(legacy: str, expected: str) -> None:
    assert vni_to_unicode(legacy) == expected
    assert detect_legacy(legacy) == "vni"
    assert fix_legacy(legacy) == expected


NAMES = [
    "Đặng Thị Hồng Nhung",
    "Trần Quốc Toản",
    "Nguyễn Văn Ưng",
    "Ngô Thị Bích Ngọc",
    "Nguyễn Thị Hằng",
    "Độc lập - Tự do - Hạnh phúc",
    "Uỷ ban nhân dân xã Cát Thành, huyện Phù Cát, tỉnh Bình Định",
    "Khuyến khích, động viên những gương người tốt, việc tốt; khen thưởng kịp thời.",
]


@pytest.mark.parametrize("text", NAMES)
def test_round_trips_through_both_charts(text: str) -> None:
    assert vni_to_unicode(to_vni(text)) == text
    assert vni_to_unicode(to_vni(text.upper())) == text.upper()
    assert tcvn3_to_unicode(to_tcvn3(text)) == text
    assert fix_legacy(to_vni(text)) == text
    assert fix_legacy(to_tcvn3(text)) == text


def test_a_whole_column_joined_is_detected() -> None:
    column = [to_tcvn3(n) for n in NAMES] + ["Hoµ", "An", "12"]
    assert detect_legacy(" ".join(column)) == "tcvn3"
    assert detect_legacy(" ".join(to_vni(n) for n in NAMES)) == "vni"


# --- what must not change ----------------------------------------------------------------------


@pytest.mark.parametrize("convert", [tcvn3_to_unicode, vni_to_unicode])
def test_ascii_digits_and_punctuation_are_unchanged(convert: Callable[[str], str]) -> None:
    assert convert(string.printable) == string.printable
    assert convert("Số 12/QĐ-UBND; 1.234.000 (5%)!") == "Số 12/QĐ-UBND; 1.234.000 (5%)!"
    assert convert("") == ""


def test_vni_needs_a_letter_of_the_same_case_before_a_mark() -> None:
    assert vni_to_unicode("ù ø Aù") == "ù ø Aù"
    assert vni_to_unicode("oâø") == "ôø"  # a pair is used once, the rest is left alone


def test_output_is_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Thị Hà ")
    for out in (tcvn3_to_unicode(decomposed), vni_to_unicode(decomposed)):
        assert out == "Thị Hà "
        assert unicodedata.is_normalized("NFC", out)
    assert tcvn3_to_unicode("ViÖt") == "Việt"
    assert unicodedata.is_normalized("NFC", tcvn3_to_unicode("CéNG"))


# --- detection ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "Nguyen Van An",
        "Cafe",
        "Café",
        "Café au lait",
        "Zürich",
        "Müller, Straße, Größe",
        "São Paulo, João, señor, niño",
        "élève, garçon, hôtel, naïve, Noël, coût",
        "Nguyễn Thị Hằng",
        "Tổ dân phố số 3",
        "Hà Nội, Cà Mau, Bến Tre, Huế",
        "« Bonjour »",
        "2 × 3 = 6",
        "© 2024",
        "20 °C ± 3",
        *NAMES,
    ],
)
def test_not_legacy(text: str) -> None:
    assert detect_legacy(text) is None
    assert fix_legacy(text) == " ".join(text.split())


def test_a_lone_word_that_is_ambiguous_is_left_alone() -> None:
    # "bæ" is VNI for "bỉ" and TCVN3 for "bổ": both are words.
    assert vni_to_unicode("bæ") == "bỉ"
    assert tcvn3_to_unicode("bæ") == "bổ"
    assert detect_legacy("bæ") is None


@pytest.mark.parametrize("text", NAMES)
def test_converted_text_is_not_converted_again(text: str) -> None:
    for legacy in (to_tcvn3(text), to_vni(text)):
        once = fix_legacy(legacy)
        assert once == text
        assert detect_legacy(once) is None
        assert fix_legacy(once) == once


# --- fix_legacy --------------------------------------------------------------------------------


def test_fix_legacy_modes() -> None:
    tcvn3 = "  NguyÔn   ThÞ H»ng "
    assert fix_legacy(tcvn3) == "Nguyễn Thị Hằng"
    assert fix_legacy(tcvn3, "tcvn3") == "Nguyễn Thị Hằng"
    assert fix_legacy(tcvn3, "none") == "NguyÔn ThÞ H»ng"
    assert fix_legacy(tcvn3, "vni") == "NguyƠn ThÞ H»ng"  # forced, even when wrong
    assert fix_legacy("Tổ dân phố", "tcvn3") == "Tổ dõn phố"  # why auto exists
    assert fix_legacy(unicodedata.normalize("NFD", "Hằng"), "none") == "Hằng"


# --- layering ----------------------------------------------------------------------------------


def test_imports_only_the_standard_library() -> None:
    tree = ast.parse(Path(legacy_text.__file__).read_text(encoding="utf-8"))
    modules = {
        alias.name if isinstance(node, ast.Import) else node.module or ""
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    allowed = set(sys.stdlib_module_names) | {"emulation_desktop.domain.text"}
    assert {m for m in modules if m.split(".")[0] not in allowed and m not in allowed} == set()
