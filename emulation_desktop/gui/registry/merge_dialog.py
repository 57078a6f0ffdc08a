"""Merging records of the same person (entered twice, imported twice) into one.

Duplicates come from re-typed and re-imported lists; their award histories must end up on one
record or the eligibility checks (years of "Lao động tiên tiến" in a row) go wrong. The officer
sees the records side by side and picks the one to keep; the one with most history is proposed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QRadioButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.registry_views import DuplicateGroup, PersonItem
from emulation_desktop.services.registry import RegistryService

from emulation_desktop.gui.messages import confirm, show_error
from emulation_desktop.gui.registry.form import em
from emulation_desktop.gui.tasks import TaskRunner

COLUMNS = ("Giữ", "Họ và tên", "Ngày sinh", "Đơn vị", "Chức vụ", "Số CCCD", "Số khen thưởng")
EMPTY = "Không thấy cá nhân nào trùng họ tên và năm sinh."
LOADING = "Đang tìm các hồ sơ trùng…"
SUCCESS_COLOR = "#2e7d32"


def group_title(g: DuplicateGroup) -> str:
    """ "Nguyễn Văn An – 1980 (2 hồ sơ)" """
    first = g.people[0]
    return f"{first.full_name} – {first.birth_year or 'chưa rõ năm sinh'} ({len(g.people)} hồ sơ)"


def proposed_keep(g: DuplicateGroup) -> int:
    """The record with most awards, then the oldest: the one other lists already point to."""
    best = max(zip(g.people, g.award_counts, strict=True), key=lambda pc: (pc[1], -pc[0].id))
    return best[0].id


def merge_question(g: DuplicateGroup, keep: PersonItem) -> str:
    return (
        f"Gộp {len(g.people)} hồ sơ của «{keep.full_name}» thành một? Toàn bộ khen thưởng, đánh "
        "giá sẽ chuyển về hồ sơ được giữ; thao tác được ghi vào nhật ký."
    )


class MergeDialog(QDialog):
    """Lists duplicate groups and merges one group at a time; `merged` counts records removed."""

    def __init__(
        self, registry: RegistryService, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("merge_dialog")
        self.setWindowTitle("Gộp cá nhân bị trùng")
        self._registry = registry
        self._tasks = tasks
        self._groups: list[DuplicateGroup] = []
        self.merged = 0

        intro = QLabel(
            "Các hồ sơ dưới đây có cùng họ tên và năm sinh, có thể là một người được nhập hai "
            "lần. Chọn một nhóm bên trái, đánh dấu hồ sơ cần giữ, rồi bấm «Gộp vào hồ sơ đã chọn»."
        )
        intro.setWordWrap(True)
        self.group_list = QListWidget()
        self.group_list.setObjectName("duplicate_groups")
        self.group_list.setMinimumWidth(em(self, 14))
        self.group_list.setWordWrap(True)  # long names wrap instead of hiding the count
        self.group_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("duplicate_records")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        self.table.setMinimumWidth(em(self, 36))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.keep_group = QButtonGroup(self)
        body = QWidget()
        body_layout = QGridLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        groups_heading = QLabel("&Nhóm hồ sơ trùng:")
        groups_heading.setBuddy(self.group_list)
        body_layout.addWidget(groups_heading, 0, 0)
        body_layout.addWidget(QLabel("Hồ sơ trong nhóm (đánh dấu hồ sơ cần giữ):"), 0, 1)
        body_layout.addWidget(self.group_list, 1, 0)
        body_layout.addWidget(self.table, 1, 1)
        body_layout.setColumnStretch(0, 1)
        body_layout.setColumnStretch(1, 4)
        self.empty_label = QLabel(LOADING)
        self.empty_label.setObjectName("empty_state")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty_label)
        self.pages.addWidget(body)
        self.status_label = QLabel()
        self.status_label.setObjectName("merge_status")
        self.status_label.setWordWrap(True)
        self.status_label.setStyleSheet(f"color: {SUCCESS_COLOR};")
        self.status_label.hide()

        buttons = QDialogButtonBox()
        self.merge_button = buttons.addButton(
            "&Gộp vào hồ sơ đã chọn", QDialogButtonBox.ButtonRole.ActionRole
        )
        close = buttons.addButton("Đóng", QDialogButtonBox.ButtonRole.RejectRole)
        self.merge_button.setObjectName("merge_button")
        close.setObjectName("close_button")
        self.merge_button.setAutoDefault(False)
        close.setAutoDefault(False)
        self.merge_button.clicked.connect(self._merge)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.status_label)
        layout.addWidget(buttons)

        self.group_list.currentRowChanged.connect(self._show_group)
        self.table.cellClicked.connect(self._row_clicked)
        self.merge_button.setEnabled(False)
        self._fit_screen(em(self, 84), em(self, 30))
        self.reload()

    def _fit_screen(self, width: int, height: int) -> None:
        """Start wide enough for the table, but never wider than the screen (1366×768 at 150 %)."""
        screen = (self.parentWidget() or self).screen().availableGeometry()
        self.resize(min(width, screen.width() * 9 // 10), min(height, screen.height() * 9 // 10))

    # Loading ----------------------------------------------------------------------------------

    def reload(self) -> None:
        self.merge_button.setEnabled(False)
        self._tasks.submit(self._registry.duplicate_groups, self._loaded, parent=self)

    def _loaded(self, groups: list[DuplicateGroup]) -> None:
        self._groups = groups
        self.group_list.blockSignals(True)
        self.group_list.clear()
        self.group_list.addItems([group_title(g) for g in groups])
        self.group_list.blockSignals(False)
        if not groups:
            self.empty_label.setText(EMPTY)
            self.pages.setCurrentIndex(0)
            return
        self.pages.setCurrentIndex(1)
        self.group_list.setCurrentRow(0)
        self._show_group(0)

    def current_group(self) -> DuplicateGroup | None:
        row = self.group_list.currentRow()
        return self._groups[row] if 0 <= row < len(self._groups) else None

    def _show_group(self, row: int) -> None:
        group = self.current_group()
        for button in self.keep_group.buttons():
            self.keep_group.removeButton(button)
        self.table.setRowCount(0)
        self.merge_button.setEnabled(group is not None)
        if group is None:
            return
        keep = proposed_keep(group)
        self.table.setRowCount(len(group.people))
        for r, (p, awards) in enumerate(zip(group.people, group.award_counts, strict=True)):
            radio = QRadioButton("Giữ hồ sơ này")
            radio.setChecked(p.id == keep)
            self.keep_group.addButton(radio, p.id)
            self.table.setCellWidget(r, 0, radio)
            name = p.full_name + ("" if p.active else " (ngừng theo dõi)")
            cells = (name, p.birth, p.unit_name, p.position, p.cccd, str(awards))
            for c, text in enumerate(cells, start=1):
                item = QTableWidgetItem(text)
                if c == len(COLUMNS) - 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(r, c, item)

    def _row_clicked(self, row: int, _column: int) -> None:
        radio = self.table.cellWidget(row, 0)
        if isinstance(radio, QRadioButton):
            radio.setChecked(True)

    def kept_id(self) -> int | None:
        checked = self.keep_group.checkedId()
        return checked if checked != -1 else None

    # Merging ----------------------------------------------------------------------------------

    def _merge(self) -> None:
        group, keep_id = self.current_group(), self.kept_id()
        if group is None or keep_id is None:
            return
        keep = next(p for p in group.people if p.id == keep_id)
        if not confirm(self, merge_question(group, keep), "Gộp hồ sơ", "Hủy"):
            return
        others = [p.id for p in group.people if p.id != keep_id]
        registry = self._registry

        def work() -> tuple[int, int, str | None]:
            done = twice = 0
            for other in others:
                try:
                    moved = registry.merge_people(keep_id, other)
                except UserError as exc:
                    return done, twice, exc.message
                done += 1
                twice += moved.get("duplicate_registrations", 0)
            return done, twice, None

        self.merge_button.setEnabled(False)
        self._tasks.submit(work, lambda result: self._merged(keep, *result), parent=self)

    def _merged(self, keep: PersonItem, done: int, twice: int, error: str | None) -> None:
        self.merged += done
        if done:
            text = f"Đã gộp {done} hồ sơ vào hồ sơ của «{keep.full_name}»."
            if twice:
                text += (
                    f" Các hồ sơ cùng đăng ký thi đua {twice} lần: giữ đăng ký của hồ sơ được "
                    "giữ lại."
                )
            self.status_label.setText(text)
            self.status_label.show()
        if error:
            show_error(self, error, "Không gộp được")
        self.reload()
