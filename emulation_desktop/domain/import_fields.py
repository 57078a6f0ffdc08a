"""What an import can read (people, units, households) and which spreadsheet column holds what.

Every commune types its lists differently: a title and a document header above the table,
"Họ tên" or "Họ và tên cá nhân", a merged "Năm sinh" over "Nam" and "Nữ". Headers are matched
by their folded words, so case, diacritics and punctuation never matter; the user confirms or
changes the guess before anything is read.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from emulation_desktop.domain.legacy_text import detect_legacy, fix_legacy
from emulation_desktop.domain.text import fold, nfc

__all__ = [
    "FIELDS",
    "HEADER_SCAN_ROWS",
    "ImportField",
    "ImportKind",
    "column_letter",
    "guess_header_row",
    "guess_mapping",
    "header_labels",
]

HEADER_SCAN_ROWS = 15  # titles, the state motto and a blank line rarely take more


class ImportKind(StrEnum):
    PEOPLE = "people"
    UNITS = "units"
    HOUSEHOLDS = "households"

    @property
    def label(self) -> str:
        return {"people": "Cá nhân", "units": "Đơn vị", "households": "Hộ gia đình"}[self.value]


@dataclass(frozen=True, slots=True)
class ImportField:
    """A value the import can take from one column; `aliases` are folded header spellings."""

    key: str
    label: str
    required: bool
    aliases: tuple[str, ...]


def _field(key: str, label: str, *aliases: str, required: bool = False) -> ImportField:
    folded = dict.fromkeys(" ".join(_words(a)) for a in (label, *aliases))  # ordered, no repeats
    return ImportField(key, label, required, tuple(folded))


def _words(s: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+", fold(s)))


_PEOPLE = (
    _field(
        "full_name",
        "Họ và tên",
        *("họ và tên", "họ tên", "tên", "họ và tên cá nhân", "họ tên cá nhân", "tên cá nhân"),
        *("họ và tên người được khen thưởng", "người được khen thưởng", "cá nhân"),
        required=True,
    ),
    _field("gender", "Giới tính", "giới tính", "gt", "phái", "nam/nữ", "nam hay nữ", "giới"),
    # A column per gender marked with "x" (often under a merged "Giới tính").
    _field("gender_male", "Giới tính – Nam", "giới tính nam", "nam", "gt nam"),
    _field("gender_female", "Giới tính – Nữ", "giới tính nữ", "nữ", "gt nữ"),
    _field(
        "birth",
        "Ngày sinh / năm sinh",
        *("ngày sinh", "năm sinh", "ngày tháng năm sinh", "ns", "ngày, tháng, năm sinh"),
        *("sinh ngày", "ngày/tháng/năm sinh", "năm sinh (ngày sinh)", "ngày sinh năm sinh"),
    ),
    # The award-list layout: a merged "Năm sinh" over "Nam" and "Nữ", the year written under
    # the person's gender.
    _field(
        "birth_male",
        "Năm sinh – Nam",
        *("năm sinh nam", "ngày sinh nam", "ngày tháng năm sinh nam", "ns nam"),
        "năm sinh (nam)",
    ),
    _field(
        "birth_female",
        "Năm sinh – Nữ",
        *("năm sinh nữ", "ngày sinh nữ", "ngày tháng năm sinh nữ", "ns nữ"),
        "năm sinh (nữ)",
    ),
    _field(
        "position",
        "Chức vụ",
        *("chức vụ", "chức danh", "chức vụ/đơn vị", "chức vụ, đơn vị công tác", "chức vụ đơn vị"),
        *("chức vụ, chức danh", "nghề nghiệp", "chức vụ/nghề nghiệp", "chức vụ, nghề nghiệp"),
    ),
    _field(
        "unit",
        "Đơn vị",
        *("đơn vị", "đơn vị công tác", "thôn", "tổ dân phố", "thôn/tdp", "nơi công tác"),
        *("thôn, tổ dân phố", "tdp", "thôn, xóm", "khu phố", "ấp", "khu dân cư", "cơ quan"),
        *("cơ quan, đơn vị", "đơn vị công tác/thôn", "địa chỉ", "nơi ở", "nơi cư trú"),
        required=True,
    ),
    _field(
        "kind",
        "Đối tượng",
        *("đối tượng", "loại", "thành phần", "loại đối tượng", "đối tượng khen thưởng"),
    ),
    # Staff lists: the day the months worked in a year count from.
    _field(
        "work_start",
        "Ngày bắt đầu công tác",
        *("ngày bắt đầu công tác", "ngày tuyển dụng", "ngày vào cơ quan", "bắt đầu công tác"),
        *("ngày bắt đầu làm việc", "thời gian bắt đầu công tác", "ngày tháng năm tuyển dụng"),
        *("ngày, tháng, năm tuyển dụng", "ngày về cơ quan", "ngày nhận công tác", "ngày vào ngành"),
        *("ngày tuyển dụng, bổ nhiệm", "ngày được tuyển dụng"),
    ),
    _field(
        "cccd",
        "Số CCCD",
        *("cccd", "số cccd", "căn cước", "số định danh", "cmnd/cccd", "số căn cước"),
        *("căn cước công dân", "số căn cước công dân", "số định danh cá nhân", "số cmnd/cccd"),
        *("định danh", "cmnd", "số cmnd", "số cccd/cmnd"),
    ),
)
_UNITS = (
    _field(
        "name",
        "Tên đơn vị",
        *("tên đơn vị", "đơn vị", "tên", "tên tập thể", "tập thể", "tên cơ quan"),
        *("tên cơ quan, đơn vị", "cơ quan, đơn vị", "tên tổ chức"),
        required=True,
    ),
    _field("kind", "Loại đơn vị", "loại đơn vị", "loại", "phân loại", "loại hình"),
    _field(
        "parent",
        "Trực thuộc",
        *("trực thuộc", "đơn vị cấp trên", "thuộc", "khối", "cấp trên", "thuộc khối"),
        *("thuộc đơn vị", "đơn vị trực thuộc"),
    ),
)
_HOUSEHOLDS = (
    _field(
        "head_name",
        "Chủ hộ",
        *("họ tên chủ hộ", "chủ hộ", "họ và tên chủ hộ", "tên chủ hộ", "chủ hộ họ và tên"),
        *("chủ hộ họ tên", "hộ gia đình", "hộ ông/bà", "tên hộ", "họ và tên", "họ tên"),
        required=True,
    ),
    _field(
        "head_gender",
        "Giới tính chủ hộ",
        *("giới tính chủ hộ", "chủ hộ giới tính", "giới tính", "gt", "nam/nữ"),
    ),
    _field(
        "head_birth",
        "Năm sinh chủ hộ",
        *("năm sinh chủ hộ", "chủ hộ năm sinh", "năm sinh", "ngày sinh", "ns"),
        *("ngày sinh chủ hộ", "chủ hộ ngày sinh", "ngày tháng năm sinh"),
    ),
    _field("address", "Địa chỉ", "địa chỉ", "số nhà", "địa chỉ hộ", "nơi ở", "nơi cư trú"),
    _field(
        "unit",
        "Thôn, tổ dân phố",
        *("thôn", "tổ dân phố", "đơn vị", "thôn/tdp", "khu phố", "ấp", "tdp", "thôn, xóm"),
        *("xóm", "bản", "khu dân cư", "thôn/tổ dân phố", "thôn, khu phố", "thôn/ấp"),
        required=True,
    ),
)

FIELDS: Mapping[ImportKind, tuple[ImportField, ...]] = MappingProxyType(
    {ImportKind.PEOPLE: _PEOPLE, ImportKind.UNITS: _UNITS, ImportKind.HOUSEHOLDS: _HOUSEHOLDS}
)

# "STT", "TT", "Số TT": the running number, never a field.
_ORDINAL_HEADERS = {("stt",), ("tt",), ("so", "tt"), ("so", "thu", "tu"), ("thu", "tu")}
_DUPLICATE_SUFFIX = re.compile(r"\s*\(cột [A-Z]{1,3}\)$")
_EXACT = 100.0  # any exact spelling beats any partial one (partial scores are at most 50)


def column_letter(index: int) -> str:
    """Excel's name of a 0-based column: 0 → "A", 26 → "AA"."""
    letters = ""
    n = index + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _score(alias: str, alias_index: int, header: tuple[str, ...]) -> float:
    words = tuple(alias.split())
    if header == words:
        return _EXACT + len(words) - alias_index / 1000
    # Part of a longer header ("Họ và tên (ghi đầy đủ)"); a short single word ("tên", "nam")
    # would match too much that way.
    if len(words) == 1 and len(alias) <= 3:
        return 0.0
    n = len(words)
    for start in range(len(header) - n + 1):
        if header[start : start + n] == words:
            return 50.0 * n / len(header) - alias_index / 1000
    return 0.0


def _candidates(kind: ImportKind, headers: Sequence[str]) -> list[tuple[float, int, int]]:
    """(score, field index, column) of every header that could hold a field, best first."""
    found = []
    for col, header in enumerate(headers):
        words = _words(_DUPLICATE_SUFFIX.sub("", header or ""))
        if not words or words in _ORDINAL_HEADERS:
            continue
        for f_index, field in enumerate(FIELDS[kind]):
            score = max(_score(a, i, words) for i, a in enumerate(field.aliases))
            if score > 0:
                found.append((score, f_index, col))
    found.sort(key=lambda c: (-c[0], c[1], c[2]))
    return found


def _assign(kind: ImportKind, headers: Sequence[str]) -> list[tuple[float, int, int]]:
    """Greedy best-first matching: every field and every column used at most once."""
    used_fields: set[int] = set()
    used_cols: set[int] = set()
    chosen = []
    for score, f_index, col in _candidates(kind, headers):
        if f_index in used_fields or col in used_cols:
            continue
        used_fields.add(f_index)
        used_cols.add(col)
        chosen.append((score, f_index, col))
    return chosen


def guess_mapping(kind: ImportKind, headers: Sequence[str]) -> dict[str, int]:
    """Field key → column index for the headers that name a field (a guess the user checks)."""
    fields = FIELDS[kind]
    return {fields[f].key: col for _, f, col in sorted(_assign(kind, headers), key=lambda c: c[1])}


def _header_score(kind: ImportKind, headers: Sequence[str]) -> int:
    fields = FIELDS[kind]
    return sum(
        (3 if score >= _EXACT else 1) + (2 if fields[f].required else 0)
        for score, f, _ in _assign(kind, headers)
    )


# --- header rows -----------------------------------------------------------------------------


def _label_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return nfc(str(value))


def _is_data_like(value: object) -> bool:
    """Numbers, dates and "(1)", "2": what the cells of a data row or a column-number row hold."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return False
    if not isinstance(value, str):
        return True
    return re.fullmatch(r"\(?\s*\d+\s*\)?", value.strip()) is not None


def _row(rows: Sequence[Sequence[object]], index: int, width: int) -> list[str]:
    row = rows[index] if 0 <= index < len(rows) else ()
    return [_label_text(row[c]) if c < len(row) else "" for c in range(width)]


def _is_two_level(rows: Sequence[Sequence[object]], lower: int) -> bool:
    """Row `lower` is the lower half of a two-row header (e.g. "Nam", "Nữ" under "Năm sinh").

    Both rows hold text only; the upper one has at least two different texts (a title merged
    across the table has one) and some column has different texts in the two rows.
    """
    if lower < 1 or lower >= len(rows):
        return False
    upper_cells, lower_cells = rows[lower - 1], rows[lower]
    if any(_is_data_like(v) for v in (*upper_cells, *lower_cells)):
        return False
    upper = [_label_text(v) for v in upper_cells]
    if len({fold(t) for t in upper if t}) < 2:
        return False
    below = [_label_text(v) for v in lower_cells]
    return any(u and b and fold(u) != fold(b) for u, b in zip(upper, below, strict=False))


def header_labels(rows: Sequence[Sequence[object]], header_row: int) -> list[str]:
    """One label per column: the header text, joined with the row above for a two-row header
    ("Năm sinh" + "Nam" → "Năm sinh Nam"); "Cột C" for a column without a header.

    Headers typed in a legacy font (TCVN3, VNI) are converted; repeated labels get their
    column letter, so every label names one column.
    """
    width = max((len(r) for r in rows), default=0)
    lower = _row(rows, header_row, width)
    upper = _row(rows, header_row - 1, width) if _is_two_level(rows, header_row) else None
    encoding = detect_legacy(" ".join(lower + (upper or [])))
    if encoding is not None:
        lower = [fix_legacy(t, encoding=encoding) for t in lower]
        if upper is not None:
            upper = [fix_legacy(t, encoding=encoding) for t in upper]
    labels = lower
    if upper is not None:
        combined = _combine(upper, lower)
        # The row above may be the document's heading ("ỦY BAN NHÂN DÂN XÃ … | CỘNG HÒA …")
        # rather than an upper header level: then joining it loses matches, so it is not.
        if _best_score(combined) >= _best_score(lower):
            labels = combined
    labels = [t or f"Cột {column_letter(c)}" for c, t in enumerate(labels)]
    seen: dict[str, int] = {}
    for t in labels:
        seen[fold(t)] = seen.get(fold(t), 0) + 1
    return [
        t if seen[fold(t)] == 1 else f"{t} (cột {column_letter(c)})" for c, t in enumerate(labels)
    ]


def _combine(upper: list[str], lower: list[str]) -> list[str]:
    upper = list(upper)
    # An upper text typed once above several sub-columns without a merge spans them.
    for c in range(1, len(upper)):
        left_is_group = upper[c - 1] and lower[c - 1] and fold(upper[c - 1]) != fold(lower[c - 1])
        if left_is_group and lower[c] and not upper[c]:
            upper[c] = upper[c - 1]
    return [
        f"{u} {b}" if u and b and fold(u) != fold(b) else (b or u)
        for u, b in zip(upper, lower, strict=True)
    ]


def _best_score(headers: Sequence[str]) -> int:
    return max(_header_score(kind, headers) for kind in ImportKind)


def guess_header_row(rows: Sequence[Sequence[object]], kind: ImportKind) -> int:
    """0-based index of the header row among the first rows (the lower row of a two-row
    header); 0 when nothing looks like a header."""
    best_row, best_score = 0, 0
    for r in range(min(len(rows), HEADER_SCAN_ROWS)):
        score = _header_score(kind, header_labels(rows, r))
        # On a tie the lower row of a two-row header wins: its labels say more.
        if score > best_score or (
            score == best_score and score and r == best_row + 1 and _is_two_level(rows, r)
        ):
            best_row, best_score = r, score
    return best_row
