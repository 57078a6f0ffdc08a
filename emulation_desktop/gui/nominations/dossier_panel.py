"""Hồ sơ, công khai: the public notice of the round (first day, days, notice document, and the
day it ends), and the dossier checklist: the round's papers and each đề nghị's, ticked as they
arrive, with files attached into the managed folder, opened, removed; papers added by hand."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.nomination_dossier import DossierPaper
from emulation_desktop.domain.nominations import (
    MAX_NOTICE_DAYS,
    NOTICE_DAYS,
    NoticeInput,
    notice_end,
)
from emulation_desktop.services.container import AppServices
from emulation_desktop.services.rounds import NOTICE_STEPS, RoundWorkspace

from emulation_desktop.gui.messages import confirm, show_error
from emulation_desktop.gui.registry.form import FieldErrors
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.controls import button
from emulation_desktop.gui.widgets.date_field import DateField

PAPER_ROLE = Qt.ItemDataRole.UserRole + 1
NOMINATION_ROLE = Qt.ItemDataRole.UserRole + 2  # on a đề nghị's node: its id
ROUND_NODE = "Giấy tờ của đợt xét"


def ask_open_file(parent: QWidget) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(
        parent, "Chọn tệp đính kèm", "",
        "Tài liệu (*.pdf *.doc *.docx *.xls *.xlsx *.jpg *.jpeg *.png *.tif *.tiff);;"
        "Mọi tệp (*)",
    )  # fmt: skip
    return Path(path) if path else None


def open_with_system(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class DossierPanel(QWidget):
    """`changed()`: something was written (the tab reads the workspace again)."""

    changed = Signal()

    def __init__(self, services: AppServices, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("dossier_panel")
        self.services, self.tasks = services, tasks
        self.ask_open = ask_open_file  # tests replace these: native dialogs block
        self.open_file: Callable[[Path], None] = open_with_system
        self.ask_title: Callable[[QWidget], str | None] = _ask_title
        self.ws: RoundWorkspace | None = None
        self._filling = False

        # Two rows, no frame: the tab must fit a 500-pixel-high window with its list.
        self.notice_box = QWidget()
        self.notice_box.setObjectName("notice_box")
        self.notice_start = DateField()
        self.notice_start.setObjectName("notice_start")
        self.notice_days = QSpinBox()
        self.notice_days.setObjectName("notice_days")
        self.notice_days.setRange(NOTICE_DAYS, MAX_NOTICE_DAYS)
        self.notice_days.setSuffix(" ngày")
        self.notice_document = QLineEdit()
        self.notice_document.setObjectName("notice_document")
        self.notice_document.setPlaceholderText("Ví dụ: Thông báo số 12/TB-UBND ngày 01/12/2026")
        self.notice_end = QLabel()
        self.notice_end.setObjectName("notice_end")
        self.notice_end.setWordWrap(True)
        self.notice_save = button("Lưu", self.save_notice, "save_notice",
                                  "Lưu ngày công khai và văn bản công khai")  # fmt: skip
        self.notice_start.textChanged.connect(lambda _t: self._show_end())
        self.notice_days.valueChanged.connect(lambda _v: self._show_end())
        self.errors = FieldErrors()
        first = QHBoxLayout()
        first.addWidget(QLabel("Công khai từ ngày"))
        first.addWidget(self.errors.wrap("start", self.notice_start))
        first.addWidget(QLabel("trong"))
        first.addWidget(self.errors.wrap("days", self.notice_days))
        first.addWidget(self.notice_end, 1)
        second = QHBoxLayout()
        second.addWidget(QLabel("Văn bản công khai:"))
        second.addWidget(self.errors.wrap("document", self.notice_document), 1)
        second.addWidget(self.notice_save)
        notice = QVBoxLayout(self.notice_box)
        notice.setContentsMargins(0, 0, 0, 4)
        notice.addLayout(first)
        notice.addLayout(second)
        notice.addWidget(self.errors.general)

        self.tree = QTreeWidget()
        self.tree.setObjectName("papers")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Giấy tờ (đánh dấu khi đã có)", "Tệp đính kèm"])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.tree.header().setStretchLastSection(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.itemChanged.connect(self._ticked)
        self.tree.currentItemChanged.connect(lambda *_: self._enable())
        self.tree.itemDoubleClicked.connect(lambda *_: self.open_current())
        self.attach_button = button("Đính kèm tệp…", self.attach, "attach_file",
                                    "Sao chép tệp (PDF, Word, ảnh quét…) vào thư mục hồ sơ của "
                                    "chương trình; bản sao lưu có cả tệp này")  # fmt: skip
        self.open_button = button("Mở tệp", self.open_current, "open_file")
        self.detach_button = button("Bỏ tệp", self.detach, "detach_file")
        self.add_button = button("Thêm giấy tờ khác…", self.add_paper, "add_paper")
        self.remove_button = button("Xóa giấy tờ", self.remove_paper, "remove_paper")
        buttons = QHBoxLayout()
        for b in (self.attach_button, self.open_button, self.detach_button, self.add_button,
                  self.remove_button):  # fmt: skip
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.addWidget(self.notice_box)
        layout.addLayout(buttons)
        layout.addWidget(self.tree, 1)

    # Showing ----------------------------------------------------------------------------------

    def show_workspace(self, ws: RoundWorkspace | None) -> None:
        keep = self.current_paper()
        self.ws = ws
        self._filling = True
        self.tree.clear()
        if ws is None or ws.dossier is None:
            self._filling = False
            return
        r, d = ws.round, ws.dossier
        self.notice_box.setVisible(r.needs_notice)
        self.notice_start.set_date(r.notice_start)
        self.notice_days.setValue(r.notice_days)
        self.notice_document.setText(r.notice_document)
        self._show_end()
        open_ = r.status in NOTICE_STEPS
        for w in (self.notice_start, self.notice_days, self.notice_document, self.notice_save):
            w.setEnabled(open_)
        top = QTreeWidgetItem([ROUND_NODE, ""])
        self.tree.addTopLevelItem(top)
        self._papers(top, d.round_papers, open_)
        names = {i.id: f"{i.subject.name} – {i.award_name}" for i in ws.items}
        for nid, name, papers in d.item_papers:
            if not papers:  # Gia đình văn hóa: the households are listed, not filed one by one
                continue
            node = QTreeWidgetItem([names.get(nid, name), ""])
            node.setData(0, NOMINATION_ROLE, nid)
            node.setToolTip(0, names.get(nid, name))
            self.tree.addTopLevelItem(node)
            self._papers(node, papers, open_)
        self.tree.expandAll()
        self._filling = False
        self.tree.setToolTip(
            "Đánh dấu ô trước giấy tờ khi đã nhận đủ; bấm đúp để mở tệp đính kèm."
            if open_
            else "Đợt xét đã có quyết định: hồ sơ chỉ xem (vẫn mở được tệp)."
        )
        self._select(keep.id if keep else None)
        self.tree.resizeColumnToContents(1)
        self._enable()

    def _papers(
        self, parent: QTreeWidgetItem, papers: tuple[DossierPaper, ...], editable: bool
    ) -> None:
        for p in papers:
            node = QTreeWidgetItem([p.title, p.file_text])
            node.setData(0, PAPER_ROLE, p)
            checkable = Qt.ItemFlag.ItemIsUserCheckable  # read-only: the tick shows, stays
            node.setFlags(node.flags() | checkable if editable else node.flags() & ~checkable)
            node.setCheckState(0, Qt.CheckState.Checked if p.done else Qt.CheckState.Unchecked)
            node.setToolTip(0, p.title)
            node.setToolTip(1, p.file_text)
            parent.addChild(node)

    def _show_end(self) -> None:
        end = notice_end(self.notice_start.date(), self.notice_days.value())
        self.notice_end.setText(f"→ đến hết ngày {day_text(end)}" if end else "")

    def _select(self, paper_id: int | None) -> None:
        """The paper `paper_id` if still there, else the first one."""
        nodes = [n for n in self._nodes() if n.data(0, PAPER_ROLE) is not None]
        found = next((n for n in nodes if n.data(0, PAPER_ROLE).id == paper_id), None)
        if found or nodes:
            self.tree.setCurrentItem(found or nodes[0])

    def _nodes(self) -> list[QTreeWidgetItem]:
        out = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            out.extend(top.child(j) for j in range(top.childCount()))
        return out

    def current_paper(self) -> DossierPaper | None:
        node = self.tree.currentItem()
        return node.data(0, PAPER_ROLE) if node is not None else None

    def _enable(self) -> None:
        p = self.current_paper()
        open_ = bool(self.ws and self.ws.round.status in NOTICE_STEPS)
        self.attach_button.setEnabled(open_ and p is not None)
        self.open_button.setEnabled(p is not None and p.has_file)
        self.detach_button.setEnabled(open_ and p is not None and p.has_file)
        self.add_button.setEnabled(open_)
        self.remove_button.setEnabled(open_ and p is not None and not p.standard)

    # Writing ----------------------------------------------------------------------------------

    def _write(self, work: Callable[[], Any]) -> None:
        def failed(exc: UserError) -> None:
            show_error(self, exc.message)
            self.changed.emit()  # show the data as it is

        self.tasks.submit(work, lambda _r: self.changed.emit(), failed, parent=self)

    def _ticked(self, node: QTreeWidgetItem, column: int) -> None:
        p = node.data(0, PAPER_ROLE)
        if self._filling or column != 0 or p is None:
            return
        done = node.checkState(0) == Qt.CheckState.Checked
        if done != p.done:
            self.tree.setCurrentItem(node)
            # After this signal returns: the write reloads the tree, deleting `node`.
            QTimer.singleShot(0, lambda: self._write(
                lambda: self.services.rounds.dossier.set_done(p.id, done)))  # fmt: skip

    def save_notice(self) -> None:
        if self.ws is None:
            return
        if message := self.notice_start.error():
            self.errors.show({"start": message})
            return
        data = NoticeInput(self.notice_start.date(), self.notice_days.value(),
                           self.notice_document.text())  # fmt: skip
        rid = self.ws.round.id

        def failed(exc: UserError) -> None:
            self.errors.show_failure(exc)

        self.errors.clear()
        self.tasks.submit(lambda: self.services.rounds.set_notice(rid, data),
                          lambda _r: self.changed.emit(), failed, parent=self)  # fmt: skip

    def attach(self) -> None:
        p = self.current_paper()
        if p is None:
            return
        source = self.ask_open(self)
        if source is not None:
            self._write(lambda: self.services.rounds.dossier.attach(p.id, source))

    def open_current(self) -> None:
        p = self.current_paper()
        if p is None or not p.has_file:
            return
        try:
            path = self.services.rounds.dossier.file_path(p.id)
        except UserError as exc:
            show_error(self, exc.message)
            return
        self.open_file(path)

    def detach(self) -> None:
        p = self.current_paper()
        if (
            p is not None
            and p.has_file
            and confirm(self, f"Bỏ tệp «{p.file_name}» khỏi giấy tờ «{p.title}»?", "Bỏ tệp")
        ):
            self._write(lambda: self.services.rounds.dossier.detach(p.id))

    def add_paper(self) -> None:
        if self.ws is None:
            return
        node = self.tree.currentItem()
        p = self.current_paper()
        nid = p.nomination_id if p is not None else (
            node.data(0, NOMINATION_ROLE) if node is not None else None)  # fmt: skip
        title = self.ask_title(self)
        if title is not None:
            rid = self.ws.round.id
            self._write(lambda: self.services.rounds.dossier.add_paper(rid, title, nid))

    def remove_paper(self) -> None:
        p = self.current_paper()
        if p is not None and confirm(self, f"Xóa giấy tờ «{p.title}» khỏi hồ sơ?", "Xóa"):
            self._write(lambda: self.services.rounds.dossier.remove_paper(p.id))


def _ask_title(parent: QWidget) -> str | None:
    text, ok = QInputDialog.getText(parent, "Thêm giấy tờ khác",
                                    "Tên giấy tờ (ví dụ: Bản sao bằng khen năm 2025):")  # fmt: skip
    return text if ok else None
