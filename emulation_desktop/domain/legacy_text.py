"""Legacy Vietnamese font encodings (TCVN3 ".VnTime", VNI "VNI-Times") back to Unicode.

Old government spreadsheets were typed with 8-bit Vietnamese fonts: the file stores ordinary
single-byte characters and only the font draws them as Vietnamese letters. Read by openpyxl (or
any Unicode reader) each byte arrives as the cp1252/latin-1 character with the same code, so
"Nguyễn Thị Hằng" typed in .VnTime reads "NguyÔn ThÞ H»ng" and "Độc lập" typed in VNI-Times
reads "Ñoäc laäp". Every legacy character sits at 0xA0 or above, where cp1252 and latin-1
agree, so the tables below are keyed by those characters (code point == font byte).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Literal

from emulation_desktop.domain.text import nfc

__all__ = ["detect_legacy", "fix_legacy", "tcvn3_to_unicode", "vni_to_unicode"]

Legacy = Literal["tcvn3", "vni"]

# TCVN3 = TCVN 5712:1993 VN3 (VSCII-3), the ABC ".VnTime"/".VnArial" fonts: font byte -> letter.
# VN3 has the 67 lower-case letters and only 7 upper-case ones (Ă Â Ê Ô Ơ Ư Đ); 0xA0 is the
# no-break space and needs no entry. The VN1/VN2 extras (upper-case toned letters in 0x80-0x9F
# and in C0 controls, combining tones in 0xB0-0xB4) are not used by the .Vn fonts and would
# collide with real punctuation (“ ” – — … • ° ±), so they are deliberately left out.
_TCVN3: dict[int, str] = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    # tones in the order huyền, hỏi, ngã, sắc, nặng
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}  # fmt: skip

# VNI = the VNI-Windows fonts ("VNI-Times", "VNI-Helve"): a vowel is the plain letter followed
# by a mark character (tone, or circumflex/breve/horn fused with a tone), lower-case marks after
# lower-case letters and upper-case marks after capitals. ơ ư đ and the toned i's are single
# characters; ì í Ì Í are already the same code points as Unicode and need no entry.
_VNI: dict[str, str] = {
    # lower case, tones in the order sắc, huyền, hỏi, ngã, nặng
    "aù": "á", "aø": "à", "aû": "ả", "aõ": "ã", "aï": "ạ",
    "aâ": "â", "aá": "ấ", "aà": "ầ", "aå": "ẩ", "aã": "ẫ", "aä": "ậ",
    "aê": "ă", "aé": "ắ", "aè": "ằ", "aú": "ẳ", "aü": "ẵ", "aë": "ặ",
    "eù": "é", "eø": "è", "eû": "ẻ", "eõ": "ẽ", "eï": "ẹ",
    "eâ": "ê", "eá": "ế", "eà": "ề", "eå": "ể", "eã": "ễ", "eä": "ệ",
    "æ": "ỉ", "ó": "ĩ", "ò": "ị",
    "où": "ó", "oø": "ò", "oû": "ỏ", "oõ": "õ", "oï": "ọ",
    "oâ": "ô", "oá": "ố", "oà": "ồ", "oå": "ổ", "oã": "ỗ", "oä": "ộ",
    "ô": "ơ", "ôù": "ớ", "ôø": "ờ", "ôû": "ở", "ôõ": "ỡ", "ôï": "ợ",
    "uù": "ú", "uø": "ù", "uû": "ủ", "uõ": "ũ", "uï": "ụ",
    "ö": "ư", "öù": "ứ", "öø": "ừ", "öû": "ử", "öõ": "ữ", "öï": "ự",
    "yù": "ý", "yø": "ỳ", "yû": "ỷ", "yõ": "ỹ", "î": "ỵ",
    "ñ": "đ",
    # upper case
    "AÙ": "Á", "AØ": "À", "AÛ": "Ả", "AÕ": "Ã", "AÏ": "Ạ",
    "AÂ": "Â", "AÁ": "Ấ", "AÀ": "Ầ", "AÅ": "Ẩ", "AÃ": "Ẫ", "AÄ": "Ậ",
    "AÊ": "Ă", "AÉ": "Ắ", "AÈ": "Ằ", "AÚ": "Ẳ", "AÜ": "Ẵ", "AË": "Ặ",
    "EÙ": "É", "EØ": "È", "EÛ": "Ẻ", "EÕ": "Ẽ", "EÏ": "Ẹ",
    "EÂ": "Ê", "EÁ": "Ế", "EÀ": "Ề", "EÅ": "Ể", "EÃ": "Ễ", "EÄ": "Ệ",
    "Æ": "Ỉ", "Ó": "Ĩ", "Ò": "Ị",
    "OÙ": "Ó", "OØ": "Ò", "OÛ": "Ỏ", "OÕ": "Õ", "OÏ": "Ọ",
    "OÂ": "Ô", "OÁ": "Ố", "OÀ": "Ồ", "OÅ": "Ổ", "OÃ": "Ỗ", "OÄ": "Ộ",
    "Ô": "Ơ", "ÔÙ": "Ớ", "ÔØ": "Ờ", "ÔÛ": "Ở", "ÔÕ": "Ỡ", "ÔÏ": "Ợ",
    "UÙ": "Ú", "UØ": "Ù", "UÛ": "Ủ", "UÕ": "Ũ", "UÏ": "Ụ",
    "Ö": "Ư", "ÖÙ": "Ứ", "ÖØ": "Ừ", "ÖÛ": "Ử", "ÖÕ": "Ữ", "ÖÏ": "Ự",
    "YÙ": "Ý", "YØ": "Ỳ", "YÛ": "Ỷ", "YÕ": "Ỹ", "Î": "Ỵ",
    "Ñ": "Đ",
}  # fmt: skip
# One pass, longest sequence first: "ôø" must win over "ô", and a converted letter is never
# looked at again.
_VNI_RE = re.compile("|".join(map(re.escape, sorted(_VNI, key=len, reverse=True))))

# A "word" for the legacy fonts: no blanks, digits or ASCII punctuation, but any character at
# 0xA0 and above (TCVN3 letters include "·", "»", "×", the soft hyphen...).
_TOKEN = re.compile(r"[^\s0-9!-/:-@\[-`{-~]+")


def _all_caps(token: str) -> bool:
    """A .VnTimeH word: two or more ASCII letters, all capitals, and a TCVN3 letter."""
    letters = [c for c in token if c.isascii() and c.isalpha()]
    return (
        len(letters) >= 2
        and all(c.isupper() for c in letters)
        and any(ord(c) in _TCVN3 for c in token)
    )


def tcvn3_to_unicode(s: str) -> str:
    """TCVN3 (.VnTime) text as read from a file -> NFC Unicode.

    TCVN3 has no upper-case toned vowels: headings were typed with the capitals font
    (.VnTimeH), which draws the lower-case codes as capitals, so "CéNG HOµ" *is* "CỘNG HOÀ"
    on screen. The bytes cannot say which font was used, so toned letters come back lower case,
    except in a word whose ASCII letters are all capitals (two or more), and in every word of a
    string that has such a word and no lower-case ASCII letter ("X· HéI" -> "XÃ HỘI"). Text
    typed in lower case in .VnTimeH stays lower case; "Lª Hµ" stays "Lê Hà".
    """
    shouting = any(_all_caps(t) for t in _TOKEN.findall(s)) and not any(
        c.isascii() and c.islower() for c in s
    )

    def word(m: re.Match[str]) -> str:
        token = m.group()
        out = token.translate(_TCVN3)
        legacy = any(ord(c) in _TCVN3 for c in token)  # 0xFD is "ý" in both
        return out.upper() if legacy and (shouting or _all_caps(token)) else out

    return unicodedata.normalize("NFC", _TOKEN.sub(word, s))


def vni_to_unicode(s: str) -> str:
    """VNI (VNI-Times) text as read from a file -> NFC Unicode.

    Only letter + mark pairs of matching case are converted, as VNI keyboards produce them;
    a lone mark character is left alone.
    """
    return unicodedata.normalize("NFC", _VNI_RE.sub(lambda m: _VNI[m.group()], s))


_CONVERTERS: dict[Legacy, Callable[[str], str]] = {
    "tcvn3": tcvn3_to_unicode,
    "vni": vni_to_unicode,
}

# Written Vietnamese syllables: onset + rhyme, the rhyme being a vowel group that takes no final
# consonant, one that needs one, or one that may have one. Checked without tone marks.
_ONSET = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx]"
_OPEN = (
    "iêu|yêu|oai|oao|oay|oeo|uây|uôi|ươi|ươu|uya|uyu"
    "|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi|ui|ưi|ưu|ưa|ua|uơ"
)
_CLOSED = "uyê|iê|yê|uô|ươ|oă|uâ|oo|ă|â"
_BOTH = "oa|oe|uê|uy|a|e|ê|i|o|ô|ơ|u|ư|y"
_CODA = "ch|nh|ng|c|m|n|p|t"
_SYLLABLE = re.compile(
    rf"(?P<onset>{_ONSET})?(?P<rhyme>{_OPEN}|(?:{_CLOSED})(?:{_CODA})|(?:{_BOTH})(?:{_CODA})?)"
)
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
_FRONT = ("e", "ê", "i", "y")
_VOWEL = re.compile("[aeiouy]", re.IGNORECASE)  # searched in NFD


def _nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


def _tone_slots(nucleus: str, closed: bool) -> range:
    """Where a vowel group may carry the tone (old and new placement both accepted)."""
    marked = [i for i, c in enumerate(nucleus) if c in "ăâêôơư"]
    if marked:
        return range(marked[-1], marked[-1] + 1)
    if closed or len(nucleus) == 1:
        return range(len(nucleus) - 1, len(nucleus))
    if len(nucleus) == 3:
        return range(1, 2)
    return range(2) if nucleus in ("oa", "oe", "uy") else range(1)


def _is_syllable(word: str) -> bool:
    """Whether `word` is spelled like one Vietnamese syllable.

    Checks the letters (onset + vowel group + final), c/k and g/gh/ngh spelling, one tone on
    the right vowel, and that a syllable closed by c, ch, p or t has the sắc or nặng tone.
    """
    if not (word.islower() or word.isupper() or word.istitle()):
        return False
    bare, toned = [], []
    for i, c in enumerate(unicodedata.normalize("NFC", word.lower())):
        parts = _nfd(c)
        toned += [(i, m) for m in parts if m in _TONE_MARKS]
        bare.append(unicodedata.normalize("NFC", "".join(m for m in parts if m not in _TONE_MARKS)))
    m = _SYLLABLE.fullmatch("".join(bare))
    if m is None or len(toned) > 1:
        return False
    onset, rhyme = m["onset"] or "", m["rhyme"]
    if (onset == "c") == rhyme.startswith(_FRONT) and onset in ("c", "k"):
        return False  # k before e ê i y, c before the rest
    if onset in ("gh", "ngh") and not rhyme.startswith(_FRONT[:3]):
        return False
    nucleus = rhyme.rstrip("cghmnpt")
    if rhyme.endswith(("nh", "ch")) and nucleus[-1] not in "aêiy":
        return False  # anh, ênh, inh, oanh, uynh: never ônh, ưch
    if nucleus == "oo" and rhyme not in ("oong", "ooc"):
        return False
    if toned and toned[0][0] - len(onset) not in _tone_slots(nucleus, nucleus != rhyme):
        return False
    stopped = rhyme.endswith(("c", "ch", "p", "t"))
    return not stopped or [m for _, m in toned] in (["\u0301"], ["\u0323"])


def _evidence(s: str, convert: Callable[[str], str]) -> tuple[int, float]:
    """(syllables gained by converting, share of valid syllables after) over non-ASCII words.

    Only words with a letter before and a vowel after count: "«", "×" or "©" standing alone
    prove nothing, nor do abbreviations such as "Q§" (QĐ).
    """
    gain = valid = words = 0
    for token in _TOKEN.findall(s):
        after = convert(token)
        if token.isascii() or not any(c.isalpha() for c in token) or not _VOWEL.search(_nfd(after)):
            continue
        ok = _is_syllable(after)
        words += 1
        valid += ok
        gain += ok - _is_syllable(token) if after != token else 0
    return gain, valid / words if words else 0.0


def detect_legacy(s: str) -> Legacy | None:
    """Whether `s` (a cell, or a whole column joined with spaces) is TCVN3 or VNI text.

    Converting real legacy text turns words that are not Vietnamese ("NguyÔn", "Haèng": a
    letter no Vietnamese word has, a mark after a vowel) into valid Vietnamese syllables.
    Unicode Vietnamese is already valid, so converting it gains nothing, and foreign words
    ("Café", "Zürich") stay invalid either way. An encoding wins if it gains at least one
    syllable, at least 60 % of the non-ASCII words are valid syllables after it, and it gains
    strictly more than the other encoding; otherwise the answer is None.

    Known limits: a lone foreign word that happens to convert into a syllable ("où" is VNI
    for "ó", "µm" is TCVN3 for "àm") is flagged when nothing else is there to outvote it, and
    text whose only legacy letters are also common Unicode letters ("cã", "mét") is not flagged.
    A column should be converted on one verdict only if none of its cells is already Unicode:
    TCVN3 conversion turns "dân" into "dõn".
    """
    scores: dict[Legacy, int] = {}
    for name, convert in _CONVERTERS.items():
        gain, share = _evidence(s, convert)
        if gain > 0 and share >= 0.6:
            scores[name] = gain
    if not scores:
        return None
    best = max(scores, key=lambda name: scores[name])
    if list(scores.values()).count(scores[best]) > 1:
        return None
    return best


def fix_legacy(s: str, encoding: Literal["auto", "tcvn3", "vni", "none"] = "auto") -> str:
    """`s` in the stored form (`nfc`), converted from `encoding` first; "auto" detects it."""
    chosen = detect_legacy(s) if encoding == "auto" else encoding
    if chosen == "none" or chosen is None:
        return nfc(s)
    return nfc(_CONVERTERS[chosen](s))
