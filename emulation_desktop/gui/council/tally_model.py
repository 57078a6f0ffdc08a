"""The tally grid's model: the candidates of the round with the saved counts, the officer's
unsaved changes on top (an undo step per action), and the results recomputed live by
domain.council_votes as counts are typed or the roll call changes."""

from __future__ import annotations

from collections.abc import Mapping
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from emulation_desktop.domain.council_meeting import Candidate, VoteInput
from emulation_desktop.domain.council_votes import AwardVote, Outcome, TallyResult, Vote
from emulation_desktop.domain.evaluations import split_pasted

_Index = QModelIndex | QPersistentModelIndex
Entry = tuple[int | None, bool | None, str]  # (votes, the council's choice, its reason)
KEEP: Any = object()

CHANGED_COLOUR = "#ffe08a"
ERROR_COLOUR = "#f8c9c5"
PASS_COLOUR = "#1b5e20"
FAIL_COLOUR = "#b71c1c"
TIE_COLOUR = "#8a5a00"


class Col(IntEnum):
    NUMBER = 0
    NAME = 1
    PLACE = 2
    GENDER = 3
    AWARD = 4
    VOTES = 5
    PERCENT = 6
    RESULT = 7
    REASON = 8


HEADERS = (
    "STT",
    "Họ và tên, tập thể",
    "Đơn vị",
    "Giới tính",
    "Danh hiệu, hình thức",
    "Đồng ý",
    "Tỷ lệ",
    "Kết quả",
    "Lý do Hội đồng quyết định",
)


def parse_votes(text: str) -> int | None:
    """A typed or pasted count: "" clears; ValueError (Vietnamese) for anything not a number."""
    t = str(text).strip()
    if not t:
        return None
    try:
        return int(t)
    except ValueError:
        raise ValueError(f"«{t}» không phải số phiếu; hãy gõ một số nguyên.") from None


class TallyModel(QAbstractTableModel):
    """Signals: `edited` after any change of the unsaved state; `refused(message)` when typed
    text is not a count."""

    edited = Signal()
    refused = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self._rows: tuple[Candidate, ...] = ()
        self._pending: dict[int, Entry] = {}
        self._undo: list[dict[int, Entry | None]] = []
        self._errors: dict[int, str] = {}
        self._result = TallyResult({}, ())
        self._awards: Mapping[str, AwardVote] = {}
        self._limit: tuple[int, int | None] = (0, None)  # (present, valid ballots)
        self.read_only = False

    # Loading ----------------------------------------------------------------------------------

    def set_candidates(self, rows: tuple[Candidate, ...], read_only: bool) -> None:
        self.beginResetModel()
        self._rows = rows
        self.read_only = read_only
        self._pending.clear()
        self._undo.clear()
        self._errors.clear()
        self.endResetModel()
        self.edited.emit()

    def set_result(
        self, result: TallyResult, awards: Mapping[str, AwardVote], present: int, valid: int | None
    ) -> None:
        """The live results and what a count may not exceed."""
        self._result, self._awards, self._limit = result, awards, (present, valid)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, Col.REASON))

    def candidate(self, i: int) -> Candidate:
        return self._rows[i]

    def outcome(self, i: int) -> Outcome | None:
        return self._result.outcomes.get(self._rows[i].nomination_id)

    # The unsaved state ------------------------------------------------------------------------

    def saved(self, i: int) -> Entry:
        c = self._rows[i]
        return (c.votes, c.choice, c.reason)

    def value(self, i: int) -> Entry:
        return self._pending.get(i, self.saved(i))

    def is_dirty(self) -> bool:
        return bool(self._pending)

    def pending_count(self) -> int:
        return len(self._pending)

    def votes(self) -> list[Vote]:
        """Every line as the screen shows it (for the live results)."""
        out = []
        for i, c in enumerate(self._rows):
            n, choice, reason = self.value(i)
            out.append(Vote(c.nomination_id, c.award_code, c.year, n, choice, reason))
        return out

    def changes(self) -> list[VoteInput]:
        return [
            VoteInput(self._rows[i].nomination_id, *self.value(i)) for i in sorted(self._pending)
        ]

    def apply(self, edits: Mapping[int, tuple[Any, Any, Any]]) -> int:
        """Set (votes, choice, reason) of rows as one undo step; KEEP leaves a part as it is."""
        if self.read_only:
            return 0
        step: dict[int, Entry | None] = {}
        for i, parts in edits.items():
            if not 0 <= i < len(self._rows):
                continue
            old = self.value(i)
            new = tuple(o if p is KEEP else p for o, p in zip(old, parts, strict=True))
            if new == old:
                continue
            step[i] = self._pending.get(i)
            self._set(i, new)  # type: ignore[arg-type]
        if step:
            self._undo.append(step)
            self.edited.emit()
        return len(step)

    def undo(self) -> bool:
        if not self._undo:
            return False
        for i, previous in self._undo.pop().items():
            self._set(i, previous if previous is not None else self.saved(i))
        self.edited.emit()
        return True

    def revert(self) -> None:
        rows = list(self._pending)
        self._pending.clear()
        self._undo.clear()
        self._errors.clear()
        for i in rows:
            self._changed_row(i)
        self.edited.emit()

    def mark_errors(self, errors: Mapping[str, str]) -> int:
        """Mark the rows a save refused (keys: nomination ids); the first marked row, or -1."""
        self._errors = {
            i: errors[str(c.nomination_id)]
            for i, c in enumerate(self._rows)
            if str(c.nomination_id) in errors
        }
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, Col.REASON))
        return min(self._errors, default=-1)

    def problem(self, i: int) -> str:
        """Why the count shown cannot be saved ("" when it can)."""
        votes = self.value(i)[0]
        present, valid = self._limit
        if votes is None:
            return ""
        if votes < 0:
            return "Số phiếu đồng ý không được là số âm."
        if votes > present:
            return f"Số phiếu đồng ý ({votes}) lớn hơn số thành viên có mặt ({present})."
        if valid is not None and votes > valid:
            return f"Số phiếu đồng ý ({votes}) lớn hơn số phiếu hợp lệ ({valid})."
        return ""

    def paste(self, text: str, first: int) -> str:
        """A column of counts pasted from Excel, down from row `first`. All or nothing."""
        cells = [row[0] if row else "" for row in split_pasted(text)]
        if not cells or not text.strip("\r\n"):
            raise ValueError(
                "Chưa dán: bộ nhớ tạm không có dữ liệu; hãy sao chép (Ctrl+C) cột số phiếu trong "
                "Excel."
            )
        values = []
        for n, cell in enumerate(cells, 1):
            try:
                values.append(parse_votes(cell))
            except ValueError as exc:
                raise ValueError(f"Chưa dán: dòng {n} của dữ liệu dán: {exc}") from None
        if first + len(values) > len(self._rows):
            raise ValueError(
                f"Chưa dán: dữ liệu có {len(values)} dòng nhưng từ dòng đang chọn chỉ còn "
                f"{len(self._rows) - first} dòng trong bảng."
            )
        n = self.apply({first + k: (v, KEEP, KEEP) for k, v in enumerate(values)})
        return f"Đã dán {len(values)} dòng ({n} thay đổi). Bấm Lưu (Ctrl+S) để ghi."

    def copy_text(self, rows: list[int]) -> str:
        lines = []
        for i in rows:
            c, (votes, _choice, reason) = self._rows[i], self.value(i)
            o = self.outcome(i)
            result = o.result_text if o else ""
            lines.append(
                "\t".join(
                    (c.name, c.award_name, "" if votes is None else str(votes), result, reason)
                )
            )
        return "".join(f"{line}\r\n" for line in lines)

    def _set(self, i: int, entry: Entry) -> None:
        if entry == self.saved(i):
            self._pending.pop(i, None)
        else:
            self._pending[i] = entry
        self._errors.pop(i, None)
        self._changed_row(i)

    def _changed_row(self, i: int) -> None:
        self.dataChanged.emit(self.index(i, 0), self.index(i, Col.REASON))

    # Qt ---------------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Col)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return HEADERS[section]

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == Col.VOTES and not self.read_only:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        i, col = index.row(), Col(index.column())
        c = self._rows[i]
        votes, _choice, reason = self.value(i)
        o = self.outcome(i)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(i, col, c, votes, reason, o)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (
            Col.NUMBER,
            Col.VOTES,
            Col.PERCENT,
        ):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if i in self._errors or (col is Col.VOTES and self.problem(i)):
                return QBrush(QColor(ERROR_COLOUR))
            if i in self._pending and col in (Col.VOTES, Col.REASON):
                return QBrush(QColor(CHANGED_COLOUR))
            return None
        if role == Qt.ItemDataRole.ForegroundRole and col is Col.RESULT and o is not None:
            if o.needs_choice:
                return QBrush(QColor(TIE_COLOUR))
            if o.passed is not None:
                return QBrush(QColor(PASS_COLOUR if o.passed else FAIL_COLOUR))
        if (
            role == Qt.ItemDataRole.FontRole
            and col is Col.RESULT
            and o is not None
            and (o.needs_choice or o.choice is not None)
        ):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(i, col, c, o)
        return None

    def _text(
        self, i: int, col: Col, c: Candidate, votes: int | None, reason: str, o: Outcome | None
    ) -> str:
        if col is Col.NUMBER:
            return str(c.number)
        if col is Col.NAME:
            return c.name
        if col is Col.PLACE:
            return c.place
        if col is Col.GENDER:
            return c.gender
        if col is Col.AWARD:
            return c.award_name
        if col is Col.VOTES:
            return "" if votes is None else str(votes)
        if col is Col.PERCENT:
            award = self._awards.get(c.award_code)
            return award.percent(votes) if award is not None and votes is not None else ""
        if col is Col.RESULT:
            return o.result_text if o is not None else ("" if votes is None else "…")
        return reason

    def _tip(self, i: int, col: Col, c: Candidate, o: Outcome | None) -> str | None:
        if i in self._errors:
            return self._errors[i]
        if col is Col.VOTES and (problem := self.problem(i)):
            return problem
        if col in (Col.NAME, Col.PLACE, Col.GENDER):
            parts = [c.name, c.place, c.gender and f"Giới tính: {c.gender}"]
            return "\n".join(p for p in parts if p)
        if col is Col.RESULT and o is not None:
            award = self._awards.get(c.award_code)
            lines = [f"Cần {o.needed} phiếu: {award.text}" if award else ""]
            if o.note:
                lines.append(o.note)
            if o.choice is not None:
                lines.append(f"Lý do: {self.value(i)[2]}")
            return "\n".join(x for x in lines if x)
        if col is Col.REASON:
            return self.value(i)[2] or None
        if col is Col.AWARD:
            return c.award_name
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        try:
            votes = parse_votes(value)
        except ValueError as exc:
            self.refused.emit(str(exc))
            return False
        self.apply({index.row(): (votes, KEEP, KEEP)})
        return True
