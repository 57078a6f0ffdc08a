"""Điển hình tiên tiến: the year's models, how each was publicised, and the count against the
plan's target ("Mô hình mới, điển hình tiên tiến năm 2024: 2/3")."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from emulation_desktop.domain.advanced_models import ModelItem, ModelProgress, progress_text
from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.enums import ModelStatus
from emulation_desktop.domain.movement_choices import MovementChoice
from emulation_desktop.services.container import AppServices

from emulation_desktop.gui.messages import confirm
from emulation_desktop.gui.models.paged_table import PagedTableModel, TableColumn
from emulation_desktop.gui.movements.advanced_model_dialog import AdvancedModelDialog
from emulation_desktop.gui.movements.panel_tab import PanelTab
from emulation_desktop.gui.registry.list_panel import ListPanel
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.controls import button, combo, empty_page, muted
from emulation_desktop.gui.widgets.detail_html import STYLE, facts_html

REACHED_COLOR, SHORT_COLOR, NO_TARGET_COLOR = "#2e7d32", "#b45309", "#505050"
COLUMNS: tuple[TableColumn[ModelItem], ...] = (
    TableColumn("Tên mô hình", lambda m: m.name),
    TableColumn("Đối tượng", lambda m: m.subject.name),
    TableColumn("Trạng thái", lambda m: m.status.label, None, Qt.AlignmentFlag.AlignCenter),
    TableColumn(
        "Công nhận", lambda m: day_text(m.recognised_on), None, Qt.AlignmentFlag.AlignCenter
    ),
    TableColumn("Tuyên truyền qua", lambda m: m.channels_text),
)


@dataclass(frozen=True, slots=True)
class ModelQuery:
    year: int
    text: str = ""
    status: ModelStatus | None = None
    sort: None = None
    descending: bool = False


def model_html(m: ModelItem) -> str:
    facts = facts_html([
        ("Đối tượng", f"{m.subject.label} – {m.subject.kind.label.lower()}"),
        ("Trạng thái", m.status.label),
        ("Ngày công nhận", day_text(m.recognised_on)),
        ("Tuyên truyền qua", m.channels_text or "Chưa ghi"),
        ("Phong trào", m.movement_name),
        ("Mô tả", m.description),
        ("Ghi chú", m.note),
    ])  # fmt: skip
    return f"{STYLE}<h2>{escape(m.name)}</h2>{facts}"


def progress_style(progress: ModelProgress) -> str:
    color = (NO_TARGET_COLOR if progress.target <= 0 else
             REACHED_COLOR if progress.reached else SHORT_COLOR)  # fmt: skip
    return f"color: {color}; font-weight: bold;"


class AdvancedModelsTab(PanelTab[ModelItem, ModelQuery]):
    title = "Điển hình tiên tiến"

    def __init__(
        self, services: AppServices, tasks: TaskRunner, on_changed: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(services, tasks, on_changed, parent)
        self.setObjectName("advanced_models_tab")
        self._models = services.models
        self._movements: list[MovementChoice] = []
        self.progress = QLabel()
        self.progress.setObjectName("model_progress")
        self.progress.setWordWrap(True)
        self.target_hint = muted(QLabel())
        self.target_hint.setObjectName("target_hint")
        self.panel = p = ListPanel(
            "Tìm theo tên mô hình, đối tượng, mô tả, không cần gõ dấu (Ctrl+F)",
            "Chọn một mô hình để xem mô tả và cách tuyên truyền.",
        )
        statuses = [(s.label, s.value) for s in ModelStatus]
        self.status_filter = combo("status_filter", [("Mọi trạng thái", None), *statuses])
        p.filters.addWidget(self.status_filter)
        self.status_filter.currentIndexChanged.connect(lambda _i: self.apply_filters())
        p.search.textChanged.connect(lambda _t: self.apply_filters())
        p.add_button("Thêm mới", self.add, "add_model", "Thêm một mô hình (Ctrl+N)")
        self.edit_button = p.add_button("Sửa", self.edit, "edit_model")
        self.delete_button = p.add_button("Xóa", self.delete, "delete_model")
        p.end_buttons()
        self.model: PagedTableModel[ModelItem, ModelQuery] = PagedTableModel(
            COLUMNS, self.count_rows, self.page_rows, ModelQuery(self.year)
        )
        p.set_model(self.model, [])
        self.fit_panel(0, caps={1: 12, 4: 12}, optional=(4, 1), room=18)
        p.table.setSortingEnabled(False)
        p.current_changed.connect(self.show_current)
        p.activated.connect(self.edit)
        p.delete_requested.connect(self.delete)
        self.model.modelReset.connect(
            lambda: p.count_label.setText(f"{self.model.rowCount()} mô hình")
        )
        self.empty_label = QLabel()
        self.empty_label.setObjectName("empty_state")
        self.stack = QStackedWidget()
        self.stack.addWidget(p)
        self.stack.addWidget(
            empty_page(self.empty_label, button("Thêm mới", self.add, "empty_add"))
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.addWidget(self.progress)
        layout.addWidget(self.target_hint)
        layout.addWidget(self.stack, 1)

    def fetch(self, q: ModelQuery) -> list[ModelItem]:
        return self._models.models(q.year, q.text, q.status)

    def query(self) -> ModelQuery:
        status = self.status_filter.currentData()
        return ModelQuery(self.year, self.panel.search.text(),
                          ModelStatus(status) if status else None)  # fmt: skip

    # SectionTab -------------------------------------------------------------------------------

    def reload(self, select_id: int | None = None) -> None:
        select_id = self.kept_id(select_id)
        y = self.year
        self._movements = self.services.movements.choices(y)
        self._loaded = True
        progress = self._models.progress(y)
        self.progress.setText(progress_text(y, progress))
        self.progress.setStyleSheet(progress_style(progress))
        self.target_hint.setText(
            f"Chỉ tiêu lấy từ kế hoạch thi đua năm {y} (thẻ «Phong trào», «Sửa kế hoạch năm…»); "
            "chỉ mô hình đã công nhận hoặc đã nhân rộng được tính."
        )
        self.show_rows(select_id)
        has_any = bool(self._items) or bool(self._models.models(y))
        target = (f" Kế hoạch năm {y} đặt chỉ tiêu {progress.target} mô hình."
                  if progress.target else "")  # fmt: skip
        self.empty_label.setText(
            f"Chưa có mô hình mới, điển hình tiên tiến nào trong năm {y}.{target}\n\nBấm "
            "«Thêm mới» để ghi mô hình, đối tượng xây dựng và cách tuyên truyền (trang thông "
            "tin điện tử, Zalo OA, loa truyền thanh…)."
        )
        self.stack.setCurrentIndex(0 if has_any else 1)

    def add(self) -> None:
        dialog = AdvancedModelDialog(
            self.services, self.tasks, self.year, self._movements, parent=self
        )
        if dialog.exec() and dialog.saved_id is not None:
            self.changed(dialog.saved_id)

    # Current and actions ----------------------------------------------------------------------

    def show_current(self) -> None:
        item = self.current()
        for w in (self.edit_button, self.delete_button):
            w.setEnabled(item is not None)
        if item is None:
            self.panel.detail.show_empty()
        else:
            self.panel.detail.show_html(model_html(item))

    def edit(self) -> None:
        item = self.current()
        if item is not None:
            dialog = AdvancedModelDialog(
                self.services, self.tasks, self.year, self._movements, item, parent=self
            )
            if dialog.exec():
                self.changed(item.id)

    def delete(self) -> None:
        item = self.current()
        if item is not None and confirm(self, f"Xóa mô hình «{item.name}»?", "Xóa"):
            self.submit(lambda: self._models.delete(item.id), lambda _r: self.changed())
