"""Parsers for one spreadsheet cell each: the value, or ValueError with a short Vietnamese reason.

Lists typed by hand in commune offices spell the same thing many ways ("Nữ", "NU", "x" under a
"Nữ" header); dates come as Excel dates, serial numbers, texts or bare years. The str of every
ValueError is shown as is in the row list, so it says what is wrong and how to write it.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from emulation_desktop.domain.enums import Gender, PersonKind, UnitKind
from emulation_desktop.domain.text import fold, nfc, proper_name

__all__ = [
    "MAX_AGE",
    "clean_person_name",
    "clean_text",
    "gender_of_header",
    "guess_gender_from_name",
    "is_blank",
    "parse_birth",
    "parse_cccd",
    "parse_gender",
    "parse_person_kind",
    "parse_unit_kind",
    "parse_work_start",
]

MAX_AGE = 120
_EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 = 1900-01-01 (Excel's fake 1900-02-29 aside)
# Below this a whole number is a (possibly wrong) year, not a date serial: serial 3000 is 1908.
_FIRST_SERIAL = 3000


def is_blank(value: object) -> bool:
    """An empty cell: None, or text that is only blanks."""
    return value is None or (isinstance(value, str) and not value.strip())


def _show(value: object) -> str:
    """The cell as the user typed it, for quoting in a message (kept short)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime | dt.date):
        return f"{value:%d/%m/%Y}"
    s = nfc(str(value))
    return s if len(s) <= 40 else s[:39] + "…"


def _key(value: object) -> str:
    """Folded text without punctuation at the ends: "Nữ." → "nu"."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return fold(str(value)).strip(" .,;:-_()[]'\"")


def _words(s: str) -> str:
    """Folded words without punctuation: "Thôn, tổ dân phố" → "thon to dan pho"."""
    return " ".join(re.findall(r"\w+", fold(s)))


# --- text ------------------------------------------------------------------------------------


def _plain(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return f"{value:%d/%m/%Y}"
    s = str(value)
    if not s.isprintable():  # control characters (_x000D_, tabs) and zero-width marks
        s = "".join(
            " " if unicodedata.category(c) == "Cc" else c
            for c in s
            if unicodedata.category(c) != "Cf"
        )
    return nfc(s)


def clean_text(value: object, *, max_len: int, field_label: str) -> str:
    """A cell as stored text: NFC, blanks collapsed, numbers without a trailing ".0"."""
    s = _plain(value)
    if len(s) > max_len:
        raise ValueError(f"{field_label} dài quá {max_len} ký tự (có {len(s)} ký tự)")
    return s


def clean_person_name(value: object) -> str:
    """A full name in usual case; names typed ALL CAPS or all lower case are title-cased."""
    name = clean_text(value, max_len=100, field_label="Họ và tên")
    if not name:
        raise ValueError("Thiếu họ và tên")
    if any(c.isdigit() for c in name):
        raise ValueError(f"Họ và tên «{_show(name)}» có chữ số")
    if not any(c.isalpha() for c in name):
        raise ValueError(f"Họ và tên «{_show(name)}» không có chữ cái nào")
    return proper_name(name)


# --- gender ----------------------------------------------------------------------------------

_GENDER_WORDS = {
    "nam": Gender.MALE,
    "m": Gender.MALE,
    "male": Gender.MALE,
    "trai": Gender.MALE,
    "ong": Gender.MALE,
    "nu": Gender.FEMALE,
    "f": Gender.FEMALE,
    "female": Gender.FEMALE,
    "gai": Gender.FEMALE,
    "ba": Gender.FEMALE,
}
_MARKS = {"x", "1", "v", "co", "\u2713", "\u2714", "+", "*"}  # "has it": a tick in a Nam/Nữ column


def _header_gender(word: str) -> Gender | None:
    if word == "năm":  # folds to "nam" but means year
        return None
    return {"nam": Gender.MALE, "nu": Gender.FEMALE}.get(fold(word))


def gender_of_header(header: str) -> Gender | None:
    """The gender a column stands for when its header (or sub-header) ends in "Nam" or "Nữ".

    "Nữ", "Giới tính Nữ", "Năm sinh Nam", "Nam sinh Nu" name one gender; "Nam/Nữ" names none.
    """
    words = re.findall(r"\w+", nfc(header).lower())
    found = _header_gender(words[-1]) if words else None
    if found is None:
        return None
    for i, w in enumerate(words[:-1]):
        year_word = fold(w) == "nam" and words[i + 1] == "sinh"  # "Nam sinh" typed bare
        if _header_gender(w) is not None and not year_word:
            return None
    return found


def parse_gender(value: object, header_hint: str = "") -> Gender:
    """Nam/Nữ in any spelling; "x"/"1" only in a column whose header says Nam or Nữ."""
    if is_blank(value):
        raise ValueError("Thiếu giới tính: ghi Nam hoặc Nữ")
    if value is True or _key(value) in _MARKS:
        marked = gender_of_header(header_hint)
        if marked is not None:
            return marked
        raise ValueError(
            f"Giới tính «{_show(value)}» không rõ: ghi Nam hoặc Nữ "
            "(chỉ đánh dấu x trong cột có tiêu đề Nam hoặc Nữ)"
        )
    found = _GENDER_WORDS.get(_key(value))
    if found is None:
        raise ValueError(f"Giới tính «{_show(value)}» không rõ: ghi Nam hoặc Nữ")
    return found


def guess_gender_from_name(full_name: str) -> Gender | None:
    """The middle name "Thị" is a woman's, "Văn" a man's; other names tell nothing for sure."""
    middle = nfc(full_name).lower().split()[1:-1]
    if "thị" in middle:
        return Gender.FEMALE
    if "văn" in middle:
        return Gender.MALE
    return None


# --- birth -----------------------------------------------------------------------------------

_DMY = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2,4})")
_YMD = re.compile(r"(\d{4})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})")
_MY = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{4})")
_WORDS = re.compile(r"(?:ngay\s*)?(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})")
_YEAR = re.compile(r"(?:nam\s*)?(\d{1,4})")
_HOW = "ghi ngày/tháng/năm (vd. 05/03/1980) hoặc năm sinh (vd. 1980)"


def _check_year(year: int, today: dt.date, shown: str) -> int:
    if year < 100:
        raise ValueError(f"Năm sinh «{shown}» không rõ: ghi đủ 4 chữ số (vd. 1985)")
    if year > today.year:
        raise ValueError(f"Năm sinh {year} ở tương lai")
    if today.year - year > MAX_AGE:
        raise ValueError(f"Năm sinh {year}: hơn {MAX_AGE} tuổi, hãy kiểm tra lại")
    return year


def _check_date(day: dt.date, today: dt.date) -> tuple[dt.date, int]:
    if day > today:
        raise ValueError(f"Ngày sinh {day:%d/%m/%Y} ở tương lai")
    age = today.year - day.year - ((today.month, today.day) < (day.month, day.day))
    if age > MAX_AGE:
        raise ValueError(f"Ngày sinh {day:%d/%m/%Y}: hơn {MAX_AGE} tuổi, hãy kiểm tra lại")
    return day, day.year


def _make_date(
    y: int, m: int, d: int, shown: str, what: str = "Ngày sinh", how: str = _HOW
) -> dt.date:
    try:
        return dt.date(y, m, d)
    except ValueError:
        raise ValueError(f"{what} «{shown}» không có thật: {how}") from None


def _birth_number(n: float, today: dt.date, shown: str) -> tuple[dt.date | None, int | None]:
    if n >= _FIRST_SERIAL:  # a date whose cell lost its date format: days since 1899-12-30
        try:
            return _check_date(_EXCEL_EPOCH + dt.timedelta(days=int(n)), today)
        except OverflowError:
            raise ValueError(f"Ngày sinh «{shown}» không rõ: {_HOW}") from None
    if not float(n).is_integer():
        raise ValueError(f"Năm sinh «{shown}» không rõ: {_HOW}")
    return None, _check_year(int(n), today, shown)


def _birth_text(s: str, today: dt.date) -> tuple[dt.date | None, int | None]:
    key = fold(s).rstrip(".")
    if m := _YMD.fullmatch(key):
        y, mo, d = (int(g) for g in m.groups())
        return _check_date(_make_date(y, mo, d, s), today)
    if m := _DMY.fullmatch(key) or _WORDS.fullmatch(key):
        d, mo, y = (int(g) for g in m.groups())
        if y < 1000:
            raise ValueError(f"Ngày sinh «{s}» không rõ: ghi năm đủ 4 chữ số (vd. 05/03/1985)")
        return _check_date(_make_date(y, mo, d, s), today)
    if m := _MY.fullmatch(key):
        mo, y = int(m.group(1)), int(m.group(2))
        if not 1 <= mo <= 12:
            raise ValueError(f"Ngày sinh «{s}» không có thật: {_HOW}")
        return None, _check_year(y, today, s)
    if m := _YEAR.fullmatch(key):
        return None, _check_year(int(m.group(1)), today, s)
    raise ValueError(f"Ngày sinh «{_show(s)}» không rõ: {_HOW}")


def parse_birth(value: object, *, today: dt.date) -> tuple[dt.date | None, int | None]:
    """(birth date or None, birth year or None) from a date cell, a serial, a text or a year."""
    if is_blank(value):
        return None, None
    if isinstance(value, dt.datetime):
        return _check_date(value.date(), today)
    if isinstance(value, dt.date):
        return _check_date(value, today)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _birth_number(value, today, _show(value))
    if isinstance(value, str):
        return _birth_text(nfc(value), today)
    raise ValueError(f"Ngày sinh «{_show(value)}» không rõ: {_HOW}")


# --- work start ------------------------------------------------------------------------------

_WORK = "Ngày bắt đầu công tác"
_WORK_HOW = "ghi đủ ngày/tháng/năm (vd. 01/09/2015) để tính số tháng công tác"


def _work_text(s: str) -> dt.date:
    key = fold(s).rstrip(".")
    if m := _YMD.fullmatch(key):
        y, mo, d = (int(g) for g in m.groups())
        return _make_date(y, mo, d, s, _WORK, _WORK_HOW)
    if m := _DMY.fullmatch(key) or _WORDS.fullmatch(key):
        d, mo, y = (int(g) for g in m.groups())
        if y >= 1000:
            return _make_date(y, mo, d, s, _WORK, _WORK_HOW)
    elif _MY.fullmatch(key) or _YEAR.fullmatch(key):
        raise ValueError(f"Ngày bắt đầu công tác «{s}» chưa đủ ngày: {_WORK_HOW}")
    raise ValueError(f"Ngày bắt đầu công tác «{_show(s)}» không rõ: {_WORK_HOW}")


def parse_work_start(value: object) -> dt.date | None:
    """The day a person started work (ngày tuyển dụng) from a date cell, a serial or a text.

    A month or a year alone is refused: the months worked in a year are counted from the day.
    Whether the day fits the person (future, age, kind) is `domain.registry.work_start_error`.
    """
    if is_blank(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if value >= _FIRST_SERIAL:  # a date whose cell lost its date format
            try:
                return _EXCEL_EPOCH + dt.timedelta(days=int(value))
            except OverflowError:
                pass
        elif float(value).is_integer():
            raise ValueError(f"Ngày bắt đầu công tác «{_show(value)}» chưa đủ ngày: {_WORK_HOW}")
        raise ValueError(f"Ngày bắt đầu công tác «{_show(value)}» không rõ: {_WORK_HOW}")
    if isinstance(value, str):
        return _work_text(nfc(value))
    raise ValueError(f"Ngày bắt đầu công tác «{_show(value)}» không rõ: {_WORK_HOW}")


# --- kinds -----------------------------------------------------------------------------------

_PERSON_KINDS = {
    PersonKind.CAN_BO: ("can bo", "cb", "can_bo", "can bo chuyen trach"),
    PersonKind.CONG_CHUC: ("cong chuc", "cc", "cong_chuc"),
    PersonKind.VIEN_CHUC: ("vien chuc", "vc", "vien_chuc", "giao vien", "bac si", "y si"),
    PersonKind.NGUOI_LAO_DONG: (
        "nguoi lao dong",
        "nld",
        "nguoi_lao_dong",
        "lao dong",
        "hop dong",
        "hd",
        "hdld",
        "hop dong lao dong",
        "lao dong hop dong",
        "cong nhan",
        "nhan vien",
        "khong chuyen trach",
        "nguoi hoat dong khong chuyen trach",
        "can bo khong chuyen trach",
    ),
    PersonKind.NHAN_DAN: (
        "nhan dan",
        "nd",
        "nhan_dan",
        "dan",
        "nguoi dan",
        "nong dan",
        "cong dan",
        "hoc sinh",
        "ho dan",
    ),
}
_PERSON_KIND_BY_KEY = {k: kind for kind, keys in _PERSON_KINDS.items() for k in keys}


def parse_person_kind(value: object) -> PersonKind:
    """Cán bộ, công chức, viên chức, người lao động or nhân dân; empty means nhân dân."""
    if is_blank(value):
        return PersonKind.NHAN_DAN
    found = _PERSON_KIND_BY_KEY.get(_words(str(value)))
    if found is None:
        raise ValueError(
            f"Đối tượng «{_show(value)}» không rõ: ghi Cán bộ, Công chức, Viên chức, "
            "Người lao động hoặc Nhân dân"
        )
    return found


# What a unit's name starts with (folded). Longest first, so "Phòng khám" is not a "Phòng",
# "Hội đồng" not a "Hội" and "Ban chỉ huy quân sự" not a board of the office.
_UNIT_NAME_STARTS = sorted(
    (
        (prefix, kind)
        for kind, prefixes in (
            (UnitKind.OFFICE, ("hoi dong", "van phong", "phong", "uy ban nhan dan", "ubnd")),
            (UnitKind.SECURITY, ("cong an", "ban chi huy quan su", "ban chqs", "chqs", "ca xa")),
            (UnitKind.SECURITY, ("quan su", "dan quan", "trung doi dan quan", "ca phuong")),
            (UnitKind.RESIDENTIAL, ("thon", "to dan pho", "tdp", "ap", "khu pho", "khoi pho")),
            (UnitKind.RESIDENTIAL, ("xom", "lang", "buon", "khu dan cu", "kdc", "plei", "soc")),
            (UnitKind.SCHOOL, ("truong", "mam non", "mau giao", "tieu hoc", "thcs", "thpt")),
            (UnitKind.SCHOOL, ("nha tre", "diem truong")),
            (UnitKind.HEALTH, ("tram y te", "y te", "tyt", "phong kham")),
            (UnitKind.FRONT, ("mat tran", "uy ban mat tran", "ubmttq", "mttq", "hoi", "chi hoi")),
            (UnitKind.FRONT, ("doan", "chi doan", "cong doan", "ban thuong truc mat tran")),
            (UnitKind.ENTERPRISE, ("htx", "hop tac xa", "cong ty", "cty", "doanh nghiep", "dn")),
            (UnitKind.ENTERPRISE, ("co so", "ho kinh doanh", "chi nhanh", "quy tin dung")),
            (UnitKind.GROUP, ("khoi", "nhom", "cum")),
        )
        for prefix in prefixes
    ),
    key=lambda pair: -len(pair[0]),
)
# "Tổ 5", "Khu 3", "Đội 2": residential only with a number ("Tổ công tác" is not).
_NUMBERED_RESIDENTIAL = re.compile(r"(?:to|khu|doi|ban)\s*\d")
# Words anywhere in the name that settle its kind ("Chi bộ Trường Tiểu học", "Điểm y tế").
_UNIT_NAME_HAS = (
    (UnitKind.SECURITY, ("cong an", "quan su")),
    (UnitKind.HEALTH, ("y te",)),
    (UnitKind.SCHOOL, ("truong", "mam non", "tieu hoc", "thcs")),
    (UnitKind.FRONT, ("mat tran", "mttq", "phu nu", "cuu chien binh", "thanh nien", "nong dan")),
    (UnitKind.ENTERPRISE, ("hop tac xa", "htx", "cong ty", "doanh nghiep")),
)
# Explicit kinds in a "Loại đơn vị" column: the labels, the codes and everyday words.
_UNIT_KIND_WORDS = {
    **{_words(k.label): k for k in UnitKind},
    **{k.value: k for k in UnitKind},
    **{
        _words(word): kind
        for kind, words in (
            (UnitKind.GROUP, ("khối", "nhóm", "khối, nhóm")),
            (UnitKind.RESIDENTIAL, ("thôn", "tổ dân phố", "TDP", "khu dân cư", "dân cư", "ấp")),
            (UnitKind.OFFICE, ("cơ quan", "phòng", "phòng chuyên môn", "văn phòng")),
            (UnitKind.SCHOOL, ("trường", "trường học", "giáo dục")),
            (UnitKind.HEALTH, ("y tế", "trạm y tế")),
            (UnitKind.FRONT, ("mặt trận", "đoàn thể", "hội", "mặt trận tổ quốc")),
            (UnitKind.SECURITY, ("công an", "quân sự")),
            (UnitKind.ENTERPRISE, ("HTX", "hợp tác xã", "doanh nghiệp", "công ty")),
        )
        for word in words
    },
}


def parse_unit_kind(value: object, name: str) -> UnitKind:
    """The kind written in the cell, else the kind a unit's name suggests, else an office."""
    if not is_blank(value):
        found = _UNIT_KIND_WORDS.get(_words(str(value)))
        if found is None:
            labels = "; ".join(k.label for k in UnitKind)
            raise ValueError(f"Loại đơn vị «{_show(value)}» không rõ: ghi một trong: {labels}")
        return found
    if nfc(name).lower().startswith("bản "):
        return UnitKind.RESIDENTIAL  # the village; "Ban ..." (a board) folds to the same word
    words = _words(name)
    if _NUMBERED_RESIDENTIAL.match(words):
        return UnitKind.RESIDENTIAL
    for prefix, kind in _UNIT_NAME_STARTS:
        if words == prefix or words.startswith(prefix + " "):
            return kind
    padded = f" {words} "
    for kind, phrases in _UNIT_NAME_HAS:
        if any(f" {p} " in padded for p in phrases):
            return kind
    return UnitKind.OFFICE


# --- CCCD ------------------------------------------------------------------------------------

_CCCD_LEN = 12


def parse_cccd(value: object) -> str | None:
    """The 12 digits of a citizen identity number; a number that lost its leading 0 gets it back.

    Excel stores a CCCD typed without a text format as a number: "012345678901" becomes
    12345678901 (11 digits). Only that case is repaired; anything else is refused.
    """
    if is_blank(value):
        return None
    wrong = f"Số CCCD «{_show(value)}» phải có đúng {_CCCD_LEN} chữ số"
    if isinstance(value, bool):
        raise ValueError(wrong)
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError(wrong)
        value = int(value)
    if isinstance(value, int):
        digits = str(value)
        if len(digits) == _CCCD_LEN - 1:
            digits = "0" + digits
    else:
        text = nfc(str(value))
        if re.fullmatch(r"\d(?:[.,]\d+)?E\+?\d+", text, re.IGNORECASE):
            raise ValueError(
                f"Số CCCD «{text}» đã bị Excel làm tròn: định dạng cột là Văn bản (Text) "
                "rồi gõ lại đủ 12 chữ số"
            )
        digits = re.sub(r"[\s.\-]", "", text).lstrip("'")
    if len(digits) != _CCCD_LEN or not digits.isascii() or not digits.isdigit():
        raise ValueError(wrong)
    return digits
