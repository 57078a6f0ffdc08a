"""Rule sets and base salaries as JSON files: read with line-numbered errors, checked, written.

A rule file is what a commune officer or a provincial clerk may open in a text editor, so every
refusal names the file and the line of the object at fault ("Tệp «x.json», dòng 42: …") and says
what to write instead. Nothing is returned from a file that has any error.

Format (see resources/data/rules/nd152-2025.json): one object with "code", "name",
"effective_from" (ISO "2025-07-01"; "01/07/2025" is read too), "basis", "awards" (the catalog),
"criteria" (each with one "condition"), and optionally "note", "rounding", "fund", "gap_basis",
"caps", "votes". Every "basis" is {"text", "article", "confidence", "note"} with "confidence" one
of "verified", "partly", "unverified". Keys starting with "_" are comments: read and dropped.
"""

from __future__ import annotations

import bisect
import datetime as dt
import difflib
import json
import json.decoder
import json.scanner
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Any, NoReturn, TypeVar

from emulation_desktop.domain.enums import AwardKind, Grade, SubjectKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.rules.model import (
    AwardType,
    BaseSalary,
    Cap,
    CheckKind,
    Condition,
    Confidence,
    Criterion,
    FundRule,
    LegalBasis,
    Level,
    Rounding,
    RuleSet,
    VoteRule,
)

__all__ = [
    "ALL_AWARDS",
    "BASE_SALARY_FORMAT",
    "DENOMINATORS",
    "ROUNDING_MODES",
    "ROUNDING_ORDERS",
    "RULES_FORMAT",
    "RuleFileError",
    "check_versions",
    "dump_base_salaries",
    "dump_rule_set",
    "parse_base_salaries",
    "parse_rule_set",
    "parse_rule_sets",
    "rule_set_in_force",
]

RULES_FORMAT = "emulation-desktop.rules/1"
BASE_SALARY_FORMAT = "emulation-desktop.base-salary/1"

ALL_AWARDS = "*"  # a vote rule for every award without its own
DENOMINATORS = {"all_members": "tổng số thành viên", "present": "số thành viên có mặt"}
ROUNDING_MODES = {"up": "làm tròn lên", "nearest": "làm tròn đến gần nhất"}
ROUNDING_ORDERS = {
    "combined": "nhân hệ số gộp rồi làm tròn một lần",
    "per_individual": "làm tròn mức cá nhân rồi nhân hệ số",
}

_AWARD_CODE = re.compile(r"[A-Z0-9_]{1,40}")
_SET_CODE = re.compile(r"[A-Za-z0-9_.\-]{1,60}")
_CRITERION_ID = re.compile(r"\S{1,60}")
_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)


class RuleFileError(UserError):
    """A rule or salary file (or a set of versions) that was refused; nothing was read from it.

    Attributes:
        line: the 1-based line of the object or field at fault, when there is a file.
        source: the file name given to the parser ("" when none).
    """

    def __init__(self, message: str, line: int | None = None, source: str = "") -> None:
        super().__init__(message)
        self.line = line
        self.source = source


# --- JSON with line numbers ------------------------------------------------------------------


class _Doc:
    """The text being decoded, with its line starts, shared by every object read from it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._newlines = [m.start() for m in re.finditer("\n", text)]

    def line_at(self, pos: int) -> int:
        return bisect.bisect_left(self._newlines, pos) + 1


class _Obj(dict):
    """A JSON object that knows the line where it starts and the lines of its keys."""

    line: int

    def __init__(self, pairs: list[tuple[str, Any]], doc: _Doc, start: int, end: int) -> None:
        super().__init__(pairs)
        self.line = doc.line_at(start)
        self._doc, self._start, self._end = doc, start, end
        self._keys: dict[str, list[int]] | None = None

    def key_lines(self, key: str) -> list[int]:
        """The lines where `key` is written in this object (more than one: a repeated key)."""
        if self._keys is None:
            self._keys = self._scan_keys()
        return self._keys.get(key, [])

    def key_line(self, key: str) -> int:
        lines = self.key_lines(key)
        return lines[0] if lines else self.line

    def _scan_keys(self) -> dict[str, list[int]]:
        s, i, stop = self._doc.text, self._start + 1, self._end - 1
        depth, expect_key = 0, True
        out: dict[str, list[int]] = {}
        while i < stop:
            c = s[i]
            if c == '"':
                m = _STRING.match(s, i)
                if m is None:  # cannot happen in text the decoder accepted
                    break
                if depth == 0 and expect_key:
                    out.setdefault(json.loads(m.group()), []).append(self._doc.line_at(i))
                    expect_key = False
                i = m.end()
                continue
            if c in "{[":
                depth += 1
            elif c in "}]":
                depth -= 1
            elif c == "," and depth == 0:
                expect_key = True
            i += 1
        return out


class _LineDecoder(json.JSONDecoder):
    """json.JSONDecoder whose objects are `_Obj`: the pure-Python scanner with a wrapped
    parse_object, since the C scanner gives no positions."""

    def __init__(self, doc: _Doc) -> None:
        super().__init__()
        base = json.decoder.JSONObject

        def parse_object(
            s_and_end: tuple[str, int],
            strict: bool,
            scan_once: Any,
            object_hook: Any,
            object_pairs_hook: Any,
            memo: Any = None,
        ) -> tuple[_Obj, int]:
            start = s_and_end[1] - 1  # the "{"
            pairs, end = base(s_and_end, strict, scan_once, None, list, memo)
            return _Obj(pairs, doc, start, end), end

        self.parse_object = parse_object
        self.scan_once = json.scanner.py_make_scanner(self)


_JSON_MESSAGES = (
    ("Expecting ',' delimiter", "thiếu dấu phẩy «,» giữa hai mục (hoặc thiếu dấu đóng «}», «]»)"),
    ("Expecting ':' delimiter", "thiếu dấu hai chấm «:» sau tên trường"),
    (
        "Expecting property name enclosed in double quotes",
        "tên trường phải đặt trong dấu ngoặc kép (hoặc thừa dấu phẩy «,» trước «}»)",
    ),
    ("Expecting value", "thiếu giá trị (hoặc thừa dấu phẩy «,» trước «]», hay chữ viết sai)"),
    ("Unterminated string", "chuỗi chữ chưa có dấu ngoặc kép đóng"),
    ("Invalid control character", "chuỗi chữ không được xuống dòng hay chứa ký tự điều khiển"),
    ("Invalid \\escape", "dấu «\\» trong chuỗi chữ phải viết thành «\\\\»"),
    ("Invalid \\uXXXX escape", "mã «\\u» trong chuỗi chữ không hợp lệ"),
    ("Extra data", "có nội dung thừa sau khi tệp đã kết thúc (thừa dấu «}» hoặc «]»?)"),
)


def _label(source: str, default: str) -> str:
    return f"Tệp «{source}»" if source else default


def _load_json(text: str, source: str, default_label: str) -> Any:
    label = _label(source, default_label)
    text = text.removeprefix("\ufeff")  # Notepad's byte-order mark
    if not text.strip():
        raise RuleFileError(f"{label} trống, không có nội dung.", None, source)
    try:
        return _LineDecoder(_Doc(text)).decode(text)
    except json.JSONDecodeError as exc:
        what = next((vi for en, vi in _JSON_MESSAGES if exc.msg.startswith(en)), None)
        what = what or "sai cú pháp JSON"
        raise RuleFileError(
            f"{label}, dòng {exc.lineno}, cột {exc.colno}: {what}. Hãy sửa tệp bằng trình soạn "
            "thảo văn bản rồi mở lại.",
            exc.lineno,
            source,
        ) from None
    except RecursionError:
        raise RuleFileError(f"{label}: các mục lồng nhau quá sâu.", None, source) from None


# --- Reading values with their lines -------------------------------------------------------------

_TYPE_NAMES = {
    str: "chuỗi chữ trong ngoặc kép",
    int: "số nguyên",
    float: "số",
    bool: "true hoặc false",
    list: "danh sách [ … ]",
    dict: "đối tượng { … }",
    type(None): "null",
}

_FIELD_HINTS = {
    "code": "mã",
    "name": "tên",
    "effective_from": 'ngày bắt đầu hiệu lực, dạng "2025-07-01"',
    "basis": "căn cứ pháp lý: text, article, confidence, note",
    "awards": "danh mục danh hiệu, hình thức khen thưởng",
    "criteria": "danh sách tiêu chuẩn",
    "subject": 'đối tượng: "person", "unit" hoặc "household"',
    "kind": "loại",
    "decider": 'cấp quyết định: "commune", "district", "province" hoặc "central"',
    "rank": "thứ bậc: số nguyên, cao hơn là khen thưởng cao hơn",
    "coefficient": "hệ số tiền thưởng × mức lương cơ sở; ghi null nếu không có tiền thưởng",
    "award": "mã khen thưởng",
    "id": "mã tiêu chuẩn",
    "text": "nội dung",
    "condition": "cách kiểm tra tiêu chuẩn",
    "confidence": '"verified", "partly" hoặc "unverified"',
    "of_award": "mã khen thưởng làm căn cứ tính tỷ lệ",
    "max_ratio": "tỷ lệ tối đa, từ 0 đến 1",
    "enabled": "true hoặc false",
    "min_ratio": "tỷ lệ phiếu tối thiểu, từ 0 đến 1",
    "denominator": '"all_members" hoặc "present"',
    "quorum": "tỷ lệ thành viên phải có mặt, từ 0 đến 1",
    "secret_ballot": "bỏ phiếu kín: true hoặc false",
    "max_share_plain": "tỷ lệ tối đa của quỹ, vùng đồng bằng, từ 0 đến 1",
    "max_share_remote": "tỷ lệ tối đa của quỹ, vùng miền núi, hải đảo…, từ 0 đến 1",
    "amount": "số tiền (đồng)",
    "base_salaries": "danh sách mức lương cơ sở",
    "grade": '"htxs", "htt", "ht" hoặc "kht"',
    "years": "số năm liên tục",
    "months": "số tháng",
    "ratio": "tỷ lệ, từ 0 đến 1",
    "count": "số lượng tối thiểu",
    "any_of": "danh sách điều kiện, đạt một là đủ",
}

_E = TypeVar("_E", bound=StrEnum)


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return _TYPE_NAMES[bool]
    for t in (int, float, str, list, dict, type(None)):
        if isinstance(value, t):
            return _TYPE_NAMES[t]
    return type(value).__name__


def _show(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else repr(value)


def _enum_choices(enum: type[StrEnum]) -> str:
    out = []
    for member in enum:
        label = getattr(member, "label", "")
        out.append(f'"{member.value}" ({label})' if label else f'"{member.value}"')
    return ", ".join(out)


class _Reader:
    """Checks one decoded file; every failure raises RuleFileError at the line of the culprit."""

    def __init__(self, source: str, default_label: str) -> None:
        self.source = source
        self.label = _label(source, default_label)

    def fail(self, line: int | None, where: str, what: str) -> NoReturn:
        at = f"{self.label}, dòng {line}" if line else self.label
        where = f"{where}: " if where else ""
        raise RuleFileError(f"{at}: {where}{what}.", line, self.source)

    # Objects and keys

    def obj(self, value: Any, line: int, where: str) -> _Obj:
        if not isinstance(value, _Obj):
            self.fail(line, where, f"cần một {_TYPE_NAMES[dict]}, không phải {_type_name(value)}")
        return value

    def keys(self, d: _Obj, where: str, required: Sequence[str], optional: Sequence[str]) -> None:
        for key, lines in ((k, d.key_lines(k)) for k in d):
            if len(lines) > 1:
                self.fail(lines[1], where, f'trường "{key}" được ghi hai lần; hãy xóa một lần')
        for key in required:
            if key not in d:
                hint = _FIELD_HINTS.get(key)
                self.fail(d.line, where, f'thiếu trường "{key}"' + (f" ({hint})" if hint else ""))
        allowed = [*required, *optional]
        for key in d:
            if key.startswith("_") or key in allowed:
                continue
            close = difflib.get_close_matches(key, allowed, n=1)
            guess = f' — có phải "{close[0]}"?' if close else ""
            self.fail(
                d.key_line(key),
                where,
                f'trường "{key}" không có trong mẫu tệp{guess} Các trường dùng được: '
                + ", ".join(f'"{k}"' for k in allowed),
            )

    def _typed(self, d: _Obj, key: str, where: str, types: tuple[type, ...], name: str) -> Any:
        value = d[key]
        if (isinstance(value, bool) and bool not in types) or not isinstance(value, types):
            self.fail(
                d.key_line(key),
                where,
                f'trường "{key}" phải là {name}, không phải {_type_name(value)}',
            )
        return value

    def text(self, d: _Obj, key: str, where: str, *, default: str | None = None) -> str:
        """A string (NFC); required and not blank unless a default is given."""
        if key not in d and default is not None:
            return default
        value = self._typed(d, key, where, (str,), _TYPE_NAMES[str])
        if default is None and not value.strip():
            self.fail(d.key_line(key), where, f'trường "{key}" không được để trống')
        return unicodedata.normalize("NFC", value)

    def code(self, d: _Obj, key: str, where: str, pattern: re.Pattern[str], hint: str) -> str:
        value = self.text(d, key, where)
        if not pattern.fullmatch(value):
            self.fail(d.key_line(key), where, f"mã {_show(value)} không hợp lệ: {hint}")
        return value

    def number(self, d: _Obj, key: str, where: str, *, default: float | None = None) -> float:
        if key not in d and default is not None:
            return default
        value = self._typed(d, key, where, (int, float), _TYPE_NAMES[float])
        if not math.isfinite(value):
            self.fail(d.key_line(key), where, f'trường "{key}" phải là một số hữu hạn')
        return float(value)

    def ratio(self, d: _Obj, key: str, where: str, *, default: float | None = None) -> float:
        value = self.number(d, key, where, default=default)
        if not 0.0 <= value <= 1.0:
            self.fail(
                d.key_line(key),
                where,
                f'trường "{key}" là tỷ lệ, phải từ 0 đến 1 (ví dụ 0.5 là 50 %), không phải '
                f"{_show(d[key])}",
            )
        return value

    def integer(
        self,
        d: _Obj,
        key: str,
        where: str,
        *,
        default: int | None = None,
        minimum: int | None = None,
        maximum: int | None = None,
    ) -> int:
        if key not in d and default is not None:
            return default
        value = self._typed(d, key, where, (int,), _TYPE_NAMES[int])
        if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
            bounds = (
                f"từ {minimum} đến {maximum}"
                if minimum is not None and maximum is not None
                else f"từ {minimum} trở lên"
                if minimum is not None
                else f"không quá {maximum}"
            )
            self.fail(d.key_line(key), where, f'trường "{key}" phải {bounds}, không phải {value}')
        return value

    def boolean(self, d: _Obj, key: str, where: str, *, default: bool | None = None) -> bool:
        if key not in d and default is not None:
            return default
        return self._typed(d, key, where, (bool,), _TYPE_NAMES[bool])

    def enum(self, d: _Obj, key: str, where: str, enum: type[_E]) -> _E:
        value = self._typed(d, key, where, (str,), _TYPE_NAMES[str])
        try:
            return enum(value)
        except ValueError:
            self.fail(
                d.key_line(key),
                where,
                f'giá trị {_show(value)} của trường "{key}" không hợp lệ; chọn một trong: '
                + _enum_choices(enum),
            )

    def choice(self, d: _Obj, key: str, where: str, choices: dict[str, str], default: str) -> str:
        if key not in d:
            return default
        value = self._typed(d, key, where, (str,), _TYPE_NAMES[str])
        if value not in choices:
            listed = ", ".join(f'"{k}" ({v})' for k, v in choices.items())
            self.fail(
                d.key_line(key),
                where,
                f'giá trị {_show(value)} của trường "{key}" không hợp lệ; chọn một trong: {listed}',
            )
        return value

    def date(self, d: _Obj, key: str, where: str) -> dt.date:
        value = self._typed(d, key, where, (str,), _TYPE_NAMES[str]).strip()
        m = _ISO.fullmatch(value)
        parts = (m.group(1), m.group(2), m.group(3)) if m else None
        if parts is None and (m := _DMY.fullmatch(value)):
            parts = (m.group(3), m.group(2), m.group(1))
        try:
            if parts is None:
                raise ValueError(value)
            return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
        except ValueError:
            self.fail(
                d.key_line(key),
                where,
                f'trường "{key}": ngày {_show(value)} không hợp lệ; ghi một ngày có thật theo '
                'dạng "2025-07-01" (năm-tháng-ngày) hoặc "01/07/2025"',
            )

    def array(self, d: _Obj, key: str, where: str, *, default: bool = False) -> list[Any]:
        if key not in d and default:
            return []
        return self._typed(d, key, where, (list,), _TYPE_NAMES[list])

    def items(self, d: _Obj, key: str, where: str, *, default: bool = False) -> list[_Obj]:
        """A list of objects; an element that is not an object is refused at the list's line."""
        out = []
        for i, item in enumerate(self.array(d, key, where, default=default), 1):
            out.append(
                self.obj(item, d.key_line(key), f'{where or "tệp"}, mục thứ {i} của "{key}"')
            )
        return out

    def basis(self, d: _Obj, key: str, where: str, *, optional: bool = False) -> LegalBasis | None:
        if optional and (key not in d or d[key] is None):
            return None
        if key not in d:
            self.keys(d, where, [key], [])  # reports the missing field
        b = self.obj(d[key], d.key_line(key), where)
        inner = f'{where}, căn cứ "{key}"' if where else f'căn cứ "{key}"'
        self.keys(b, inner, ["text", "confidence"], ["article", "note"])
        return LegalBasis(
            text=self.text(b, "text", inner),
            article=self.text(b, "article", inner, default=""),
            confidence=self.enum(b, "confidence", inner, Confidence),
            note=self.text(b, "note", inner, default=""),
        )


# --- Rule sets -------------------------------------------------------------------------------

_SET_KEYS = ["code", "name", "effective_from", "basis", "awards", "criteria"]
_SET_OPTIONAL = ["format", "note", "rounding", "fund", "gap_basis", "caps", "votes"]
_AWARD_KEYS = ["code", "name", "subject", "kind", "decider", "rank", "coefficient", "basis"]
_AWARD_OPTIONAL = ["multiplier", "artefacts", "decider_basis"]
_CONDITION_PARAMS = ["grade", "award", "years", "months", "ratio", "strict", "count", "any_of"]
_CODE_HINT = 'chỉ dùng chữ in hoa không dấu, chữ số và «_», tối đa 40 ký tự (ví dụ "LDTT")'
_AWARD_REFERENCES = {
    CheckKind.ELIGIBLE_FOR,
    CheckKind.CONSECUTIVE_AWARDS,
    CheckKind.MEMBERS_RATIO,
    CheckKind.MEMBERS_WITH_AWARD,
}
_MEMBER_AWARD_CHECKS = {CheckKind.MEMBERS_RATIO, CheckKind.MEMBERS_WITH_AWARD}
_SAME_SUBJECT_CHECKS = {CheckKind.ELIGIBLE_FOR, CheckKind.CONSECUTIVE_AWARDS}
_MEMBER_CHECKS = {
    CheckKind.MEMBERS_RATIO,
    CheckKind.MEMBERS_WITH_AWARD,
    CheckKind.MEMBERS_ALL_COMPLETED,
}


class _RuleSetReader(_Reader):
    def __init__(self, source: str) -> None:
        super().__init__(source, "Tệp quy định")
        self.awards: dict[str, AwardType] = {}

    def rule_set(self, root: Any) -> RuleSet:
        d = self.obj(root, 1, "tệp quy định")
        self.keys(d, "", _SET_KEYS, _SET_OPTIONAL)
        if "format" in d:
            fmt = self.text(d, "format", "")
            if fmt != RULES_FORMAT:
                self.fail(
                    d.key_line("format"),
                    "",
                    f'định dạng {_show(fmt)} không đọc được (chương trình đọc "{RULES_FORMAT}"); '
                    "tệp có thể được tạo bởi phiên bản mới hơn, hãy cập nhật chương trình",
                )
        code = self.code(d, "code", "", _SET_CODE, "chỉ dùng chữ không dấu, chữ số, «-», «_», «.»")
        name = self.text(d, "name", "")
        effective_from = self.date(d, "effective_from", "")
        basis = self.basis(d, "basis", "")
        note = self.text(d, "note", "", default="")

        awards = [self.award(a, i) for i, a in enumerate(self.items(d, "awards", ""), 1)]
        if not awards:
            self.fail(d.key_line("awards"), "", 'danh mục "awards" không được để trống')
        criteria = self.criteria(self.items(d, "criteria", ""))
        self.check_eligibility_cycles(criteria, d)
        caps = self.caps(self.items(d, "caps", "", default=True))
        votes = self.votes(self.items(d, "votes", "", default=True))
        rounding = self.rounding(d)
        fund = self.fund(d)
        gap_basis = self.basis(d, "gap_basis", "", optional=True)
        assert basis is not None
        return RuleSet(
            code=code,
            name=name,
            effective_from=effective_from,
            basis=basis,
            awards=tuple(awards),
            criteria=tuple(criteria),
            caps=tuple(caps),
            votes=tuple(votes),
            rounding=rounding,
            fund=fund,
            gap_basis=gap_basis,
            note=note,
        )

    # Awards

    def award(self, a: _Obj, index: int) -> AwardType:
        where = f'khen thưởng thứ {index} trong "awards"'
        if "code" in a:
            code = self.code(a, "code", where, _AWARD_CODE, _CODE_HINT)
            where = f"khen thưởng «{code}»"
        self.keys(a, where, _AWARD_KEYS, _AWARD_OPTIONAL)
        code = self.code(a, "code", where, _AWARD_CODE, _CODE_HINT)
        if code == ALL_AWARDS:
            self.fail(a.key_line("code"), where, 'mã "*" dành cho quy tắc bỏ phiếu chung')
        if code in self.awards:
            self.fail(
                a.key_line("code"),
                where,
                f"mã khen thưởng {_show(code)} bị trùng; mỗi khen thưởng cần một mã riêng",
            )
        coefficient: float | None = None
        if a["coefficient"] is not None:
            coefficient = self.number(a, "coefficient", where)
            if coefficient < 0:
                self.fail(
                    a.key_line("coefficient"),
                    where,
                    f'hệ số "coefficient" không được âm (đang là {_show(a["coefficient"])})',
                )
        multiplier = self.number(a, "multiplier", where, default=1.0)
        if multiplier <= 0:
            self.fail(
                a.key_line("multiplier"),
                where,
                f'hệ số nhân "multiplier" phải lớn hơn 0 (đang là {_show(a["multiplier"])})',
            )
        artefacts = []
        for value in self.array(a, "artefacts", where, default=True):
            if not isinstance(value, str) or not value.strip():
                self.fail(
                    a.key_line("artefacts"),
                    where,
                    '"artefacts" là danh sách chuỗi chữ, ví dụ ["Bằng chứng nhận", "Khung"]',
                )
            artefacts.append(unicodedata.normalize("NFC", value))
        basis = self.basis(a, "basis", where)
        assert basis is not None
        award = AwardType(
            code=code,
            name=self.text(a, "name", where),
            subject=self.enum(a, "subject", where, SubjectKind),
            kind=self.enum(a, "kind", where, AwardKind),
            decider=self.enum(a, "decider", where, Level),
            rank=self.integer(a, "rank", where, minimum=0),
            coefficient=coefficient,
            basis=basis,
            multiplier=multiplier,
            artefacts=tuple(artefacts),
            decider_basis=self.basis(a, "decider_basis", where, optional=True),
        )
        self.awards[code] = award
        return award

    def known_award(self, d: _Obj, key: str, where: str, *, allow_all: bool = False) -> str:
        code = self.text(d, key, where)
        if code in self.awards or (allow_all and code == ALL_AWARDS):
            return code
        self.fail(
            d.key_line(key),
            where,
            f'mã khen thưởng {_show(code)} (trường "{key}") không có trong danh mục "awards" '
            "của tệp này; hãy sửa mã hoặc thêm khen thưởng đó vào danh mục",
        )

    # Criteria

    def criteria(self, items: list[_Obj]) -> list[Criterion]:
        out: list[Criterion] = []
        seen: set[str] = set()
        for index, c in enumerate(items, 1):
            where = f'tiêu chuẩn thứ {index} trong "criteria"'
            if "id" in c:
                where = f"tiêu chuẩn «{self.text(c, 'id', where)}»"
            self.keys(c, where, ["award", "id", "text", "condition", "basis"], [])
            cid = self.code(c, "id", where, _CRITERION_ID, "không chứa dấu cách, tối đa 60 ký tự")
            if cid in seen:
                self.fail(
                    c.key_line("id"),
                    where,
                    f"mã tiêu chuẩn {_show(cid)} bị trùng; mỗi tiêu chuẩn cần một mã riêng",
                )
            seen.add(cid)
            award = self.known_award(c, "award", where)
            text = self.text(c, "text", where)
            cond = self.condition(
                self.obj(c["condition"], c.key_line("condition"), where), where, self.awards[award]
            )
            basis = self.basis(c, "basis", where)
            assert basis is not None
            out.append(Criterion(award=award, id=cid, text=text, condition=cond, basis=basis))
        return out

    def condition(self, d: _Obj, where: str, owner: AwardType) -> Condition:
        where = f"{where}, điều kiện"
        self.keys(d, where, ["kind"], _CONDITION_PARAMS)
        kind = self.enum(d, "kind", where, CheckKind)

        def need(key: str, problem: str) -> NoReturn:
            line = d.key_line(key) if key in d else d.line
            self.fail(line, where, f'kiểu "{kind.value}" cần {problem}')

        grade = self.text(d, "grade", where, default="")
        if grade or kind is CheckKind.GRADE_AT_LEAST:
            if "grade" not in d:
                need("grade", f'trường "grade" ({_FIELD_HINTS["grade"]})')
            self.enum(d, "grade", where, Grade)
        award = ""
        if "award" in d or kind in _AWARD_REFERENCES:
            if "award" not in d:
                need("award", 'trường "award" (mã khen thưởng trong danh mục)')
            award = self.known_award(d, "award", where)
        years = self.integer(d, "years", where, default=0, minimum=0)
        months = self.integer(d, "months", where, default=0, minimum=0, maximum=12)
        ratio = self.ratio(d, "ratio", where, default=0.0)
        strict = self.boolean(d, "strict", where, default=False)
        count = self.integer(d, "count", where, default=0, minimum=0)
        any_of = tuple(
            self.condition(self.obj(sub, d.key_line("any_of"), where), where, owner)
            for sub in self.array(d, "any_of", where, default=True)
        )

        if kind is CheckKind.CONSECUTIVE_AWARDS and years < 1:
            need("years", 'số năm "years" từ 1 trở lên')
        if kind is CheckKind.WORKED_MONTHS and months < 1:
            need("months", 'số tháng "months" từ 1 đến 12')
        if kind is CheckKind.MEMBERS_RATIO and "ratio" not in d:
            need("ratio", 'tỷ lệ "ratio" từ 0 đến 1 (ví dụ 0.5)')
        if kind is CheckKind.MEMBERS_WITH_AWARD and count < 1:
            need("count", 'số lượng "count" từ 1 trở lên')
        if kind is CheckKind.ANY_OF and not any_of:
            need("any_of", 'danh sách "any_of" có ít nhất một điều kiện')
        if kind in _MEMBER_CHECKS and owner.subject is not SubjectKind.UNIT:
            self.fail(
                d.key_line("kind"),
                where,
                f'kiểu "{kind.value}" chỉ dùng cho khen thưởng tập thể, còn «{owner.code}» '
                f"dành cho {owner.subject.label.lower()}",
            )
        subject = self.awards[award].subject if award else None
        if kind in _MEMBER_AWARD_CHECKS and subject is not SubjectKind.PERSON:
            self.fail(
                d.key_line("award"),
                where,
                f"«{award}» phải là khen thưởng cá nhân (thành viên của tập thể)",
            )
        if kind in _SAME_SUBJECT_CHECKS and subject is not owner.subject:
            self.fail(
                d.key_line("award"),
                where,
                f"«{award}» phải cùng đối tượng ({owner.subject.label.lower()}) với «{owner.code}»",
            )
        return Condition(
            kind=kind,
            grade=grade,
            award=award,
            years=years,
            months=months,
            ratio=ratio,
            strict=strict,
            count=count,
            any_of=any_of,
        )

    def check_eligibility_cycles(self, criteria: list[Criterion], d: _Obj) -> None:
        """ELIGIBLE_FOR must not loop (A needs B's standard, B needs A's)."""
        needs: dict[str, set[str]] = {}

        def walk(c: Condition, owner: str) -> None:
            if c.kind is CheckKind.ELIGIBLE_FOR:
                needs.setdefault(owner, set()).add(c.award)
            for sub in c.any_of:
                walk(sub, owner)

        for crit in criteria:
            walk(crit.condition, crit.award)

        def reaches(start: str, target: str, seen: set[str]) -> bool:
            for nxt in needs.get(start, ()):
                if nxt == target or (nxt not in seen and reaches(nxt, target, seen | {nxt})):
                    return True
            return False

        for code in needs:
            if reaches(code, code, {code}):
                self.fail(
                    d.key_line("criteria"),
                    "",
                    f'tiêu chuẩn "eligible_for" tạo vòng lặp: «{code}» lại cần chính nó; '
                    "hãy bỏ một tham chiếu",
                )

    # Caps, votes, rounding, fund

    def caps(self, items: list[_Obj]) -> list[Cap]:
        out: list[Cap] = []
        for index, c in enumerate(items, 1):
            where = f'giới hạn thứ {index} trong "caps"'
            self.keys(c, where, ["award", "of_award", "max_ratio", "enabled", "basis"], [])
            award = self.known_award(c, "award", where)
            of_award = self.known_award(c, "of_award", where)
            if award == of_award:
                self.fail(c.key_line("of_award"), where, '"of_award" phải khác "award"')
            if any((x.award, x.of_award) == (award, of_award) for x in out):
                self.fail(c.line, where, f"giới hạn «{award}» theo «{of_award}» bị ghi hai lần")
            max_ratio = self.ratio(c, "max_ratio", where)
            enabled = self.boolean(c, "enabled", where)
            basis = self.basis(c, "basis", where)
            assert basis is not None
            out.append(Cap(award, of_award, max_ratio, enabled, basis))
        return out

    def votes(self, items: list[_Obj]) -> list[VoteRule]:
        out: list[VoteRule] = []
        required = ["award", "min_ratio", "denominator", "quorum", "secret_ballot", "basis"]
        for index, v in enumerate(items, 1):
            where = f'quy tắc bỏ phiếu thứ {index} trong "votes"'
            self.keys(v, where, required, [])
            award = self.known_award(v, "award", where, allow_all=True)
            if any(x.award == award for x in out):
                self.fail(
                    v.key_line("award"),
                    where,
                    f"đã có quy tắc bỏ phiếu cho {_show(award)}; mỗi mã chỉ một quy tắc",
                )
            denominator = self.choice(v, "denominator", where, DENOMINATORS, "")
            basis = self.basis(v, "basis", where)
            assert basis is not None
            out.append(
                VoteRule(
                    award=award,
                    min_ratio=self.ratio(v, "min_ratio", where),
                    denominator=denominator,
                    quorum=self.ratio(v, "quorum", where),
                    secret_ballot=self.boolean(v, "secret_ballot", where),
                    basis=basis,
                )
            )
        return out

    def rounding(self, d: _Obj) -> Rounding:
        if "rounding" not in d:
            return Rounding()
        where = 'cách làm tròn "rounding"'
        r = self.obj(d["rounding"], d.key_line("rounding"), where)
        self.keys(r, where, [], ["step", "mode", "order", "basis"])
        default = Rounding()
        return Rounding(
            step=self.integer(r, "step", where, default=default.step, minimum=1),
            mode=self.choice(r, "mode", where, ROUNDING_MODES, default.mode),
            order=self.choice(r, "order", where, ROUNDING_ORDERS, default.order),
            basis=self.basis(r, "basis", where, optional=True),
        )

    def fund(self, d: _Obj) -> FundRule | None:
        if d.get("fund") is None:
            return None
        where = 'quỹ thi đua, khen thưởng "fund"'
        f = self.obj(d["fund"], d.key_line("fund"), where)
        self.keys(f, where, ["max_share_plain", "max_share_remote", "basis"], [])
        basis = self.basis(f, "basis", where)
        assert basis is not None
        return FundRule(
            max_share_plain=self.ratio(f, "max_share_plain", where),
            max_share_remote=self.ratio(f, "max_share_remote", where),
            basis=basis,
        )


def parse_rule_set(text: str, source: str = "") -> RuleSet:
    """Read and check one rule-set file; RuleFileError (with the line) on the first fault."""
    return _RuleSetReader(source).rule_set(_load_json(text, source, "Tệp quy định"))


def parse_rule_sets(files: Iterable[tuple[str, str]]) -> tuple[RuleSet, ...]:
    """Several files, given as (source, text), read as one set of versions, by date.

    Besides each file's own checks: two files may not share a code or an effective date; the
    error points at the later file's "code" or "effective_from" line.
    """
    seen: list[tuple[RuleSet, str]] = []
    for source, text in files:
        rs = parse_rule_set(text, source)
        for other, other_source in seen:
            key = "effective_from" if other.effective_from == rs.effective_from else None
            key = key or ("code" if other.code == rs.code else None)
            if key is None:
                continue
            root = _load_json(text, source, "Tệp quy định")
            reader = _Reader(source, "Tệp quy định")
            if key == "code":
                what = f"mã bộ quy định {_show(rs.code)} trùng với tệp «{other_source}»"
            else:
                what = (
                    f"ngày hiệu lực {rs.effective_from:%d/%m/%Y} trùng với bộ quy định "
                    f"«{other.name}» (tệp «{other_source}»); mỗi phiên bản cần một ngày bắt đầu "
                    "hiệu lực riêng"
                )
            reader.fail(root.key_line(key), "", what)
        seen.append((rs, source))
    return tuple(sorted((rs for rs, _ in seen), key=lambda r: r.effective_from))


def check_versions(rule_sets: Sequence[RuleSet]) -> None:
    """Versions must not share an effective date (which one would apply?) nor a code."""
    by_date: dict[dt.date, RuleSet] = {}
    by_code: dict[str, RuleSet] = {}
    for rs in rule_sets:
        if (other := by_date.get(rs.effective_from)) is not None:
            raise RuleFileError(
                f"Hai bộ quy định «{other.name}» và «{rs.name}» cùng có hiệu lực từ ngày "
                f"{rs.effective_from:%d/%m/%Y}; mỗi phiên bản cần một ngày bắt đầu hiệu lực riêng."
            )
        if (other := by_code.get(rs.code)) is not None:
            raise RuleFileError(
                f"Hai bộ quy định «{other.name}» và «{rs.name}» cùng mã «{rs.code}»; mỗi phiên "
                "bản cần một mã riêng."
            )
        by_date[rs.effective_from] = rs
        by_code[rs.code] = rs


def rule_set_in_force(rule_sets: Sequence[RuleSet], day: dt.date) -> RuleSet:
    """The version with the latest effective date on or before `day`."""
    candidates = [rs for rs in rule_sets if rs.effective_from <= day]
    if candidates:
        return max(candidates, key=lambda rs: rs.effective_from)
    if not rule_sets:
        raise UserError(
            "Chưa có bộ quy định thi đua, khen thưởng nào. Hãy nhập hoặc tạo một bộ quy định "
            "trong mục Quy định."
        )
    first = min(rule_sets, key=lambda rs: rs.effective_from)
    raise UserError(
        f"Không có bộ quy định nào có hiệu lực vào ngày {day:%d/%m/%Y}: bộ sớm nhất "
        f"(«{first.name}») có hiệu lực từ {first.effective_from:%d/%m/%Y}. Hãy kiểm tra lại "
        "ngày, hoặc thêm bộ quy định áp dụng cho thời gian đó."
    )


# --- Writing -----------------------------------------------------------------------------------


def _basis_dict(b: LegalBasis | None) -> dict[str, Any] | None:
    if b is None:
        return None
    return {"text": b.text, "article": b.article, "confidence": b.confidence.value, "note": b.note}


def _float(x: float | None) -> float | None:
    return None if x is None else float(x)


def _condition_dict(c: Condition) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": c.kind.value}
    if c.grade:
        out["grade"] = c.grade
    if c.award:
        out["award"] = c.award
    if c.years:
        out["years"] = c.years
    if c.months:
        out["months"] = c.months
    if c.ratio:
        out["ratio"] = float(c.ratio)
    if c.strict:
        out["strict"] = True
    if c.count:
        out["count"] = c.count
    if c.any_of:
        out["any_of"] = [_condition_dict(s) for s in c.any_of]
    return out


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def dump_rule_set(rule_set: RuleSet) -> str:
    """The file text: UTF-8 JSON, indent 2, fixed key order; parse_rule_set reads it back equal."""
    rs = rule_set
    data: dict[str, Any] = {
        "format": RULES_FORMAT,
        "code": rs.code,
        "name": rs.name,
        "effective_from": rs.effective_from.isoformat(),
        "basis": _basis_dict(rs.basis),
        "note": rs.note,
        "awards": [
            {
                "code": a.code,
                "name": a.name,
                "subject": a.subject.value,
                "kind": a.kind.value,
                "decider": a.decider.value,
                "rank": a.rank,
                "coefficient": _float(a.coefficient),
                "multiplier": float(a.multiplier),
                "artefacts": list(a.artefacts),
                "basis": _basis_dict(a.basis),
                "decider_basis": _basis_dict(a.decider_basis),
            }
            for a in rs.awards
        ],
        "criteria": [
            {
                "id": c.id,
                "award": c.award,
                "text": c.text,
                "condition": _condition_dict(c.condition),
                "basis": _basis_dict(c.basis),
            }
            for c in rs.criteria
        ],
        "rounding": {
            "step": rs.rounding.step,
            "mode": rs.rounding.mode,
            "order": rs.rounding.order,
            "basis": _basis_dict(rs.rounding.basis),
        },
        "fund": None
        if rs.fund is None
        else {
            "max_share_plain": float(rs.fund.max_share_plain),
            "max_share_remote": float(rs.fund.max_share_remote),
            "basis": _basis_dict(rs.fund.basis),
        },
        "gap_basis": _basis_dict(rs.gap_basis),
        "caps": [
            {
                "award": c.award,
                "of_award": c.of_award,
                "max_ratio": float(c.max_ratio),
                "enabled": c.enabled,
                "basis": _basis_dict(c.basis),
            }
            for c in rs.caps
        ],
        "votes": [
            {
                "award": v.award,
                "min_ratio": float(v.min_ratio),
                "denominator": v.denominator,
                "quorum": float(v.quorum),
                "secret_ballot": v.secret_ballot,
                "basis": _basis_dict(v.basis),
            }
            for v in rs.votes
        ],
    }
    return _dumps(data)


# --- Base salaries -----------------------------------------------------------------------------


def parse_base_salaries(text: str, source: str = "") -> tuple[BaseSalary, ...]:
    """Mức lương cơ sở by effective date, sorted; amounts > 0, one amount per date."""
    reader = _Reader(source, "Tệp lương cơ sở")
    d = reader.obj(_load_json(text, source, "Tệp lương cơ sở"), 1, "tệp lương cơ sở")
    reader.keys(d, "", ["base_salaries"], ["format", "note"])
    if "format" in d and (fmt := reader.text(d, "format", "")) != BASE_SALARY_FORMAT:
        reader.fail(
            d.key_line("format"),
            "",
            f'định dạng {_show(fmt)} không đọc được (chương trình đọc "{BASE_SALARY_FORMAT}")',
        )
    reader.text(d, "note", "", default="")
    out: dict[dt.date, BaseSalary] = {}
    for index, item in enumerate(reader.items(d, "base_salaries", ""), 1):
        where = f"mức lương cơ sở thứ {index}"
        reader.keys(item, where, ["amount", "effective_from", "basis"], [])
        amount = reader.integer(item, "amount", where)
        if amount <= 0:
            reader.fail(
                item.key_line("amount"),
                where,
                f'số tiền "amount" phải lớn hơn 0 (đang là {amount})',
            )
        day = reader.date(item, "effective_from", where)
        if day in out:
            reader.fail(
                item.key_line("effective_from"),
                where,
                f"đã có một mức lương cơ sở từ ngày {day:%d/%m/%Y}; mỗi ngày chỉ một mức",
            )
        basis = reader.basis(item, "basis", where)
        assert basis is not None
        out[day] = BaseSalary(amount=amount, effective_from=day, basis=basis)
    return tuple(out[k] for k in sorted(out))


def dump_base_salaries(items: Iterable[BaseSalary]) -> str:
    """The file text, sorted by date."""
    data = {
        "format": BASE_SALARY_FORMAT,
        "base_salaries": [
            {
                "amount": b.amount,
                "effective_from": b.effective_from.isoformat(),
                "basis": _basis_dict(b.basis),
            }
            for b in sorted(items, key=lambda b: b.effective_from)
        ],
    }
    return _dumps(data)
