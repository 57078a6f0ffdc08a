"""Câu chữ: the wording blocks of the documents (mục đích, yêu cầu, căn cứ…), grouped by
document, the commune's own ones marked; the chosen one in an editor with the fields it may use,
Lưu (Ctrl+S) and Khôi phục mặc định. A refused text is explained under the editor.

Switching to another block with unsaved edits asks Lưu / Không lưu first.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.text_blocks import FIELD_LABELS, TextBlockView
from emulation_desktop.services.container import AppServices

from emulation_desktop.gui.messages import confirm, show_error
from emulation_desktop.gui.registry.form import em, red_label
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.controls import button, empty_page, muted

KEY_ROLE = Qt.ItemDataRole.UserRole
CHANGED = " (xã đã sửa)"
EMPTY = (
    "Chưa có đoạn câu chữ nào sửa được. Các đoạn như «Mục đích», «Yêu cầu» của kế hoạch, "
    "«Phương hướng» của báo cáo tổng kết sẽ có ở đây khi chương trình có mẫu văn bản của chúng."
)


def fields_text(fields: tuple[str, ...]) -> str:
    if not fields:
        return "Đoạn này không dùng trường nào."
    parts = [f"{{{f}}} – {FIELD_LABELS[f]}" if f in FIELD_LABELS else f"{{{f}}}" for f in fields]
    return "Trường dùng được (chương trình thay khi tạo văn bản): " + "; ".join(parts) + "."


class BlocksEditor(QWidget):
    def __init__(self, services: AppServices, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("blocks_editor")
        self._service = services.text_blocks
        self._tasks = tasks
        self.views: dict[str, TextBlockView] = {}
        self._key: str | None = None  # the block in the editor
        self._loaded_text = ""  # what the editor held when the block was shown

        self.tree = QTreeWidget()
        self.tree.setObjectName("blocks_tree")
        self.tree.setHeaderHidden(True)
        self.tree.setMinimumWidth(em(self, 16))
        self.tree.currentItemChanged.connect(lambda item, previous: self._chosen(item, previous))
        self.title = QLabel()
        self.title.setObjectName("block_title")
        self.title.setWordWrap(True)
        self.fields = muted(QLabel())
        self.fields.setObjectName("block_fields")
        self.fields.setTextFormat(Qt.TextFormat.PlainText)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("block_text")
        self.editor.setTabChangesFocus(True)
        self.editor.setMinimumHeight(self.editor.fontMetrics().lineSpacing() * 8)
        self.editor.textChanged.connect(self._edited)
        self.error = red_label()
        self.error.setObjectName("block_error")
        self.save_button = button("Lưu", self.save, "save_block", "Lưu câu chữ của đoạn (Ctrl+S)")
        self.reset_button = button("Khôi phục mặc định", self.reset, "reset_block",
                                   "Dùng lại câu chữ có sẵn của chương trình")  # fmt: skip
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.reset_button)
        row.addStretch(1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        right_layout.addWidget(self.title)
        right_layout.addWidget(self.fields)
        right_layout.addWidget(self.editor, 1)
        right_layout.addWidget(self.error)
        right_layout.addLayout(row)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tree)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 45)
        splitter.setStretchFactor(1, 55)
        splitter.setSizes([450, 550])
        splitter.setChildrenCollapsible(False)

        self.empty_label = QLabel(EMPTY)
        self.empty_label.setObjectName("blocks_empty")
        self.stack = QStackedWidget()
        self.stack.addWidget(splitter)
        self.stack.addWidget(empty_page(self.empty_label))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.stack)
        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save)
        self._show_block(None)

    # Reading ----------------------------------------------------------------------------------

    def load(self, select_key: str | None = None, *, keep_edits: bool = True) -> None:
        """Read the blocks again; unsaved edits of the block shown stay (F5, coming back to
        Cài đặt) unless a write just replaced them."""
        keep = select_key or self._key
        pending = self.editor.toPlainText() if keep_edits and self.dirty() else None
        self._tasks.submit(self._service.blocks, lambda views: self._fill(views, keep, pending),
                           parent=self)  # fmt: skip

    def _fill(self, views: list[TextBlockView], select_key: str | None,
              pending: str | None = None) -> None:  # fmt: skip
        self.views = {v.block.key: v for v in views}
        self.tree.blockSignals(True)
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        chosen: QTreeWidgetItem | None = None
        for v in views:
            group = groups.get(v.block.group)
            if group is None:
                group = QTreeWidgetItem(self.tree, [v.block.group])
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading, not a choice
                font = QFont(group.font(0))
                font.setBold(True)
                group.setFont(0, font)
                groups[v.block.group] = group
            item = QTreeWidgetItem(group, [v.block.label + (CHANGED if v.changed else "")])
            item.setData(0, KEY_ROLE, v.block.key)
            item.setToolTip(0, v.block.label)
            if v.changed:
                font = QFont(item.font(0))
                font.setItalic(True)
                item.setFont(0, font)
            if chosen is None or v.block.key == select_key:
                chosen = item
        self.tree.expandAll()
        self.stack.setCurrentIndex(0 if views else 1)
        if chosen is not None:
            self.tree.setCurrentItem(chosen)
        self.tree.blockSignals(False)
        key = chosen.data(0, KEY_ROLE) if chosen is not None else None
        self._show_block(key)
        if pending is not None and key == select_key:
            self.editor.setPlainText(pending)

    def _show_block(self, key: str | None) -> None:
        self._key = key
        view = self.views.get(key) if key else None
        self.error.hide()
        self.editor.blockSignals(True)
        self.editor.setPlainText(view.text if view else "")
        self.editor.blockSignals(False)
        self._loaded_text = self.editor.toPlainText()
        self.editor.setEnabled(view is not None)
        if view is None:
            self.title.setText("")
            self.fields.setText("")
        else:
            state = "câu chữ xã đã sửa" if view.changed else "câu chữ mặc định"
            name = escape(f"{view.block.group} – {view.block.label}")
            self.title.setText(f"<b>{name}</b> ({state})")
            self.fields.setText(fields_text(view.block.fields))
        self._edited()

    def dirty(self) -> bool:
        return self._key is not None and self.editor.toPlainText() != self._loaded_text

    def _edited(self) -> None:
        view = self.views.get(self._key) if self._key else None
        self.save_button.setEnabled(self.dirty())
        differs = view is not None and self.editor.toPlainText() != view.block.default
        self.reset_button.setEnabled(view is not None and (view.changed or differs))

    def _chosen(self, item: QTreeWidgetItem | None, previous: QTreeWidgetItem | None) -> None:
        key = item.data(0, KEY_ROLE) if item is not None else None
        if key is None or key == self._key:
            return
        if self.dirty():
            old_key, text = self._key, self.editor.toPlainText()
            label = self.views[old_key].block.label if old_key in self.views else ""
            if confirm(self, f"Đoạn «{label}» có thay đổi chưa lưu. Lưu trước khi chuyển?",
                       "Lưu", "Không lưu"):  # fmt: skip
                assert old_key is not None
                self._save(old_key, text, then_key=key)
                return
        self._show_block(key)

    # Writing ----------------------------------------------------------------------------------

    def save(self) -> None:
        if self._key is not None and self.dirty():
            self._save(self._key, self.editor.toPlainText(), then_key=self._key)

    def _save(self, key: str, text: str, then_key: str) -> None:
        def failed(exc: UserError) -> None:
            # Back to the refused block with the officer's text, the reason under it.
            self._select(key)
            self.editor.setPlainText(text)
            if isinstance(exc, ValidationError):
                self.error.setText("\n".join(exc.field_errors.values()))
                self.error.show()
                self.editor.setFocus()
            else:
                show_error(self, exc.message)

        self._tasks.submit(lambda: self._service.save(key, text),
                           lambda _r: self.load(then_key, keep_edits=False), failed,
                           parent=self)  # fmt: skip

    def reset(self) -> None:
        view = self.views.get(self._key) if self._key else None
        if view is None:
            return
        if not view.changed:  # only unsaved edits: put the default back, nothing to write
            self.editor.setPlainText(view.block.default)
            return
        question = (f"Khôi phục câu chữ mặc định của đoạn «{view.block.label}»? Câu chữ xã đã "
                    "sửa sẽ không còn.")  # fmt: skip
        if not confirm(self, question, "Khôi phục"):
            return
        key = view.block.key
        self._tasks.submit(lambda: self._service.reset(key),
                           lambda _r: self.load(key, keep_edits=False),
                           lambda exc: show_error(self, exc.message), parent=self)  # fmt: skip

    def _select(self, key: str) -> None:
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount()):
                item = group.child(j)
                if item.data(0, KEY_ROLE) == key:
                    self.tree.blockSignals(True)
                    self.tree.setCurrentItem(item)
                    self.tree.blockSignals(False)
                    self._show_block(key)
                    return
