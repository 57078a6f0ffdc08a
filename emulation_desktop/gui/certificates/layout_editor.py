"""Mẫu giấy khen: where each text of a certificate kind goes, edited on a picture of the paper
(drag, resize, arrow keys) or typed in millimetres beside it; a scanned blank under the boxes
helps match a pre-printed phôi. Nothing reaches the database until «Lưu», and a layout with a
field outside the paper is refused with the domain's message."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from emulation_desktop.domain.certificate_layout import (
    CUSTOM,
    MAX_PAPER_MM,
    MIN_PAPER_MM,
    PAPER_PRESETS,
    CertificateLayout,
    FieldBox,
    Paper,
    scaled,
)
from emulation_desktop.domain.certificates import (
    Certificate,
    CertificateKind,
    FieldKey,
    PrintMode,
)
from emulation_desktop.settings import Settings

from emulation_desktop.gui.certificates import files
from emulation_desktop.gui.certificates.field_form import FieldForm
from emulation_desktop.gui.certificates.layout_actions import LayoutActions, Render, render_sample
from emulation_desktop.gui.certificates.layout_scene import LayoutScene, LayoutView
from emulation_desktop.gui.certificates.sample import sample_certificate
from emulation_desktop.gui.evaluations.unsaved import DISCARD, SAVE, ask_unsaved
from emulation_desktop.gui.registry.form import em
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.controls import combo, muted


class LayoutEditor(QDialog, LayoutActions):
    """`service` is the CertificateService (layout, save_layout, reset_layout, export_layout,
    import_layout). `samples` gives a real certificate per kind when the decision on screen
    has one; `mode` is how «Xem thử» prints."""

    def __init__(
        self,
        service: Any,
        tasks: TaskRunner,
        settings: Settings,
        kind: CertificateKind = CertificateKind.GIAY_KHEN_PERSON,
        samples: Mapping[CertificateKind, Certificate] | None = None,
        mode: PrintMode = PrintMode.FULL,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("layout_editor")
        self.setWindowTitle("Mẫu giấy khen")
        self._service = service
        self._tasks = tasks
        self._settings = settings
        self._samples = dict(samples or {})
        self.mode = mode
        self.ask_save: files.AskSave = files.ask_save  # tests replace these
        self.ask_open: files.AskOpen = files.ask_open
        self.ask_unsaved = ask_unsaved
        self.render: Render = render_sample
        self.kind = kind
        self.layout_: CertificateLayout | None = None  # what is on screen
        self.saved: CertificateLayout | None = None  # what the database holds
        self.background_path = ""

        self.kind_combo = combo("kind_combo", [(k.label, k) for k in CertificateKind])
        self.paper_combo = combo(
            "paper_combo", [*((p.name, p.name) for p in PAPER_PRESETS), (CUSTOM, CUSTOM)]
        )
        self.paper_width = self._paper_spin("paper_width")
        self.paper_height = self._paper_spin("paper_height")
        top = QHBoxLayout()
        top.addWidget(_buddy("Loại &giấy:", self.kind_combo))
        top.addWidget(self.kind_combo, 2)
        top.addWidget(_buddy("&Khổ:", self.paper_combo))
        top.addWidget(self.paper_combo, 1)
        top.addWidget(self.paper_width)
        top.addWidget(QLabel("×"))
        top.addWidget(self.paper_height)

        self.scene = LayoutScene(self)
        self.view = LayoutView(self.scene)
        self.field_combo = combo("field_combo", [(k.label, k) for k in FieldKey])
        self.form = FieldForm()
        hint = muted(QLabel("Kéo khung để dời, kéo góc dưới phải để đổi cỡ khung. Phím mũi tên "
                            "dời 0,5 mm, giữ Shift: 5 mm."))  # fmt: skip
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(6, 0, 0, 0)
        side_layout.addWidget(_buddy("&Dòng chữ:", self.field_combo))
        side_layout.addWidget(self.field_combo)
        side_layout.addWidget(self.form)
        side_layout.addWidget(hint)
        side_layout.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)

        tools = self._build_tools()
        actions = QHBoxLayout()
        self.status = muted(QLabel())
        self.status.setObjectName("status_label")
        actions.addWidget(self.status, 1)
        actions.addWidget(self.save_button)
        actions.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(tools)
        layout.addLayout(actions)

        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))
        self.kind_combo.currentIndexChanged.connect(self._kind_chosen)
        self.paper_combo.currentIndexChanged.connect(self._paper_chosen)
        for spin in (self.paper_width, self.paper_height):
            spin.valueChanged.connect(lambda _v: self._custom_size())
        self.field_combo.currentIndexChanged.connect(self._field_chosen)
        self.scene.selectionChanged.connect(self._scene_selected)
        self.scene.geometry_edited.connect(self._dragged)
        self.form.edited.connect(self._typed)
        self.resize(em(self, 70), em(self, 44))
        self.load(kind)

    def _paper_spin(self, name: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setObjectName(name)
        spin.setRange(MIN_PAPER_MM, MAX_PAPER_MM)
        spin.setDecimals(1)
        spin.setSingleStep(1)
        spin.setSuffix(" mm")
        spin.setKeyboardTracking(False)
        return spin

    # Loading ----------------------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return self.layout_ is not None and self.layout_ != self.saved

    def load(self, kind: CertificateKind) -> None:
        """The saved layout of `kind` (or its default), with its scanned blank if one was set."""
        self.kind = kind
        saved = self._service.layout(kind)
        self.saved = saved
        self._show(saved, keep_selection=False)
        self.set_background(self._settings.get(files.background_setting(kind)), remember=False)

    def _show(self, layout: CertificateLayout, keep_selection: bool = True) -> None:
        key = self.scene.selected_key() if keep_selection else None
        self.layout_ = layout
        sample = self._samples.get(layout.kind) or sample_certificate(layout.kind)
        self.scene.show_layout(layout, {k: sample.text(k) for k in FieldKey})
        self._show_paper(layout.paper)
        self.view.fit_paper()
        self._select(key or FieldKey.RECIPIENT)
        self._update_state()

    def _show_paper(self, paper: Paper) -> None:
        widgets = (self.paper_combo, self.paper_width, self.paper_height)
        for w in widgets:
            w.blockSignals(True)
        preset = paper.name if paper in PAPER_PRESETS else CUSTOM
        self.paper_combo.setCurrentIndex(self.paper_combo.findData(preset))
        self.paper_width.setValue(paper.width_mm)
        self.paper_height.setValue(paper.height_mm)
        for w in widgets:
            w.blockSignals(False)
        custom = preset == CUSTOM
        self.paper_width.setEnabled(custom)
        self.paper_height.setEnabled(custom)

    def _update_state(self) -> None:
        name = self.kind.label
        self.status.setText(f"Mẫu «{name}» có thay đổi chưa lưu." if self.dirty else "")
        self.setWindowTitle(f"Mẫu giấy khen – {name}" + (" *" if self.dirty else ""))
        self.clear_background_action.setEnabled(self.scene.has_background())

    # Selection and edits ----------------------------------------------------------------------

    def _select(self, key: FieldKey) -> None:
        self.field_combo.blockSignals(True)
        self.field_combo.setCurrentIndex(self.field_combo.findData(key))
        self.field_combo.blockSignals(False)
        self.scene.select(key)
        assert self.layout_ is not None
        self.form.show_box(self.layout_.field(key))

    def _field_chosen(self, _index: int) -> None:
        self._select(FieldKey(self.field_combo.currentData()))

    def _scene_selected(self) -> None:
        key = self.scene.selected_key()
        if key is not None and key.value != self.field_combo.currentData():
            self._select(key)

    def _dragged(self, key: FieldKey, rect: QRectF) -> None:
        assert self.layout_ is not None
        box = replace(
            self.layout_.field(key),
            x_mm=round(rect.x(), 1),
            y_mm=round(rect.y(), 1),
            width_mm=round(rect.width(), 1),
            height_mm=round(rect.height(), 1),
        )
        self.layout_ = self.layout_.with_field(box)
        if self.form.box is not None and self.form.box.key is key:
            self.form.show_box(box)
        self._update_state()

    def _typed(self, box: FieldBox) -> None:
        assert self.layout_ is not None
        self.layout_ = self.layout_.with_field(box)
        self.scene.show_box(box)
        if box.visible:
            self.scene.select(box.key)
        self._update_state()

    # Paper ------------------------------------------------------------------------------------

    def _paper_chosen(self, _index: int) -> None:
        assert self.layout_ is not None
        name = self.paper_combo.currentData()
        current = self.layout_.paper
        if name == CUSTOM:
            paper = Paper(CUSTOM, current.width_mm, current.height_mm)
        else:
            paper = next(p for p in PAPER_PRESETS if p.name == name)
        same_size = (paper.width_mm, paper.height_mm) == (current.width_mm, current.height_mm)
        self._show(replace(self.layout_, paper=paper) if same_size else scaled(self.layout_, paper))

    def _custom_size(self) -> None:
        assert self.layout_ is not None
        paper = Paper(CUSTOM, self.paper_width.value(), self.paper_height.value())
        if paper != self.layout_.paper:
            self._show(scaled(self.layout_, paper))

    # Leaving ----------------------------------------------------------------------------------

    def _kind_chosen(self, _index: int) -> None:
        kind = CertificateKind(self.kind_combo.currentData())
        if kind is self.kind:
            return
        if self._settle(lambda: self.load(kind)):
            return
        self.kind_combo.blockSignals(True)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(self.kind))
        self.kind_combo.blockSignals(False)

    def _settle(self, then: Callable[[], None]) -> bool:
        """Ask about unsaved changes before `then`; False when the officer stays."""
        self.form.commit()
        if not self.dirty:
            then()
            return True
        answer = self.ask_unsaved(self, f"Lưu các thay đổi của mẫu «{self.kind.label}»?", True)
        if answer == SAVE:
            if self._problem():
                self.save()  # shows why; the officer stays with the changes
                return False
            self.save(then)
            return True
        if answer == DISCARD:
            then()
            return True
        return False

    def reject(self) -> None:
        self._settle(super().reject)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.dirty:
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)


def _buddy(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label
