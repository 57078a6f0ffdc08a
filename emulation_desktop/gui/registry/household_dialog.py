"""Adding or editing a household: its head is picked from the people already in the registry.

A commune has thousands of people, so the head is found by typing part of the name (accents
optional) rather than scrolling a drop-down; each match shows name, birth year and unit so two
people of the same name can be told apart.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from emulation_desktop.domain.enums import UnitKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.registry import HouseholdInput
from emulation_desktop.domain.registry_views import (
    HouseholdItem,
    PersonItem,
    PersonQuery,
    UnitNode,
)
from emulation_desktop.services.registry import RegistryService

from emulation_desktop.gui.registry.form import FieldErrors, dialog_buttons, em
from emulation_desktop.gui.registry.unit_combo import UnitCombo
from emulation_desktop.gui.tasks import TaskRunner

SEARCH_LIMIT = 50
SEARCH_DELAY_MS = 250  # wait for the officer to stop typing before asking the database
NO_HEAD = "Chưa chọn chủ hộ: gõ tên vào ô trên rồi bấm chọn một người trong danh sách."


def person_line(p: PersonItem) -> str:
    """ "Họ tên – năm sinh – đơn vị", as the search list shows a person."""
    return f"{p.full_name} – {p.birth_year or 'chưa rõ năm sinh'} – {p.unit_name}"


class HouseholdDialog(QDialog):
    """Add (`household` None) or edit a household; sets `saved_id`."""

    def __init__(
        self,
        registry: RegistryService,
        tasks: TaskRunner,
        units: Sequence[UnitNode],
        household: HouseholdItem | None = None,
        default_unit_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("household_dialog")
        self._registry = registry
        self._tasks = tasks
        self._household = household
        self._head_id: int | None = None
        self.saved_id: int | None = None
        self.setWindowTitle("Sửa hộ gia đình" if household else "Thêm hộ gia đình")

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("Gõ họ tên hoặc số CCCD để tìm, không cần gõ dấu")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(em(self, 36))  # room for "Họ tên – năm – đơn vị"
        self.results = QListWidget()
        self.results.setObjectName("head_results")
        self.results.setMinimumHeight(self.fontMetrics().lineSpacing() * 7)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.search_hint = QLabel()
        hint_palette = self.search_hint.palette()
        hint_palette.setColor(
            QPalette.ColorRole.WindowText, hint_palette.color(QPalette.ColorRole.PlaceholderText)
        )
        self.search_hint.setPalette(hint_palette)
        self.search_hint.setWordWrap(True)
        self.chosen_label = QLabel(NO_HEAD)
        self.chosen_label.setObjectName("chosen_head")
        self.chosen_label.setWordWrap(True)
        head_box = QWidget()
        head_layout = QVBoxLayout(head_box)
        head_layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.search_edit, self.results, self.search_hint, self.chosen_label):
            head_layout.addWidget(w)
        head_box.setFocusProxy(self.search_edit)
        self.address_edit = QLineEdit()
        self.unit_combo = UnitCombo(
            units, kinds={UnitKind.RESIDENTIAL}, placeholder="Chọn thôn, tổ dân phố"
        )

        self.errors = e = FieldErrors()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("&Chủ hộ:", e.wrap("head_id", head_box, focus=self.search_edit))
        form.addRow("Đị&a chỉ:", e.wrap("address", self.address_edit))
        form.addRow("&Thôn, tổ dân phố:", e.wrap("unit_id", self.unit_combo))
        buttons, self.save_button = dialog_buttons(self, "Lưu", self._save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(e.general)
        layout.addWidget(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.search_edit.textChanged.connect(lambda _t: self._timer.start())
        self.search_edit.installEventFilter(self)
        self.results.currentItemChanged.connect(self._picked)
        self.search_hint.hide()
        self.results.hide()  # shown once there is something to list: an edit stays compact

        if household is not None:
            year = household.head_birth_year or "chưa rõ năm sinh"
            self._set_head(household.head_id, f"{household.head_name} – {year}")
            self.address_edit.setText(household.address)
            self.unit_combo.set_unit(household.unit_id)
        else:
            self.unit_combo.set_unit(default_unit_id)
        self.search_edit.setFocus()

    def head_id(self) -> int | None:
        return self._head_id

    # Finding the head -------------------------------------------------------------------------

    def search_now(self) -> None:
        self._timer.stop()
        text = self.search_edit.text().strip()
        if not text:
            self._show_results(text, [])
            return
        registry = self._registry
        self._tasks.submit(
            lambda: registry.people_page(PersonQuery(text=text), 0, SEARCH_LIMIT),
            lambda found: self._show_results(text, found),
            parent=self,
        )

    def _show_results(self, text: str, found: list[PersonItem]) -> None:
        if text != self.search_edit.text().strip():
            return  # the officer typed on; a newer search is on its way
        self.results.blockSignals(True)
        self.results.clear()
        for p in found:
            item = QListWidgetItem(person_line(p))
            item.setToolTip(person_line(p))
            item.setData(Qt.ItemDataRole.UserRole, p)
            self.results.addItem(item)
        self.results.blockSignals(False)
        self.results.setVisible(bool(found))
        if not text:
            self.search_hint.hide()
        elif not found:
            self.search_hint.setText(
                f"Không thấy ai khớp với «{text}». Nếu chủ hộ chưa có trong danh sách, hãy thêm "
                "ở thẻ Cá nhân trước."
            )
            self.search_hint.show()
        elif len(found) >= SEARCH_LIMIT:
            self.search_hint.setText(
                f"Chỉ hiện {SEARCH_LIMIT} người đầu tiên; gõ thêm họ tên để thu hẹp."
            )
            self.search_hint.show()
        else:
            self.search_hint.hide()

    def _picked(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        p: PersonItem = item.data(Qt.ItemDataRole.UserRole)
        self._set_head(p.id, person_line(p))
        if self.unit_combo.unit_id() is None:
            self.unit_combo.set_unit(p.unit_id, reveal=False)

    def _set_head(self, head_id: int, line: str) -> None:
        self._head_id = head_id
        self.chosen_label.setText(f"Đã chọn: <b>{html.escape(line)}</b>")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down (or Enter while nobody is chosen) goes from the search box into the list."""
        if watched is self.search_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._head_id is None
            if (key == Qt.Key.Key_Down or enter) and self.results.count():
                self.results.setFocus()
                self.results.setCurrentRow(max(0, self.results.currentRow()))
                return True
        return super().eventFilter(watched, event)

    # Saving -----------------------------------------------------------------------------------

    def form_input(self) -> HouseholdInput:
        return HouseholdInput(
            head_id=self._head_id,
            address=self.address_edit.text(),
            unit_id=self.unit_combo.unit_id(),
        )

    def _save(self) -> None:
        if not self.save_button.isEnabled():
            return
        data, registry, home = self.form_input(), self._registry, self._household
        self.errors.clear()
        self.save_button.setEnabled(False)

        def write() -> int:
            if home is None:
                return registry.create_household(data)
            registry.update_household(home.id, data)
            return home.id

        self._tasks.submit(write, self._saved, self._failed, parent=self)

    def _saved(self, household_id: int) -> None:
        self.save_button.setEnabled(True)
        self.saved_id = household_id
        self.accept()

    def _failed(self, exc: UserError) -> None:
        self.save_button.setEnabled(True)
        self.errors.show_failure(exc)
