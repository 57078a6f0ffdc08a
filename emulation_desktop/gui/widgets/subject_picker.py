"""Choose a person, a collective or a household by typing part of the name (accents optional)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QHBoxLayout, QLineEdit, QWidget

from emulation_desktop.domain.enums import SubjectKind
from emulation_desktop.domain.subjects import SubjectRef
from emulation_desktop.services.subjects import SubjectService

SEARCH_DELAY_MS = 150


class SubjectPicker(QWidget):
    """A kind selector (hidden when only one kind is allowed) and a search field with a list.

    `changed` fires when the chosen subject changes (None when the text no longer names one).
    """

    changed = Signal()

    def __init__(
        self,
        subjects: SubjectService,
        kinds: Sequence[SubjectKind] = tuple(SubjectKind),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._subjects = subjects
        self._found: dict[str, SubjectRef] = {}
        self._chosen: SubjectRef | None = None
        self.kind = QComboBox()
        self.kind.setObjectName("subject_kind")
        for k in kinds:
            self.kind.addItem(k.label, k)
        self.kind.setVisible(len(kinds) > 1)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.edit = QLineEdit()
        self.edit.setObjectName("subject_search")
        self.edit.setClearButtonEnabled(True)
        self._model = QStringListModel(self)
        self.completer = QCompleter(self._model, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        # The service already matched without accents; show every row it returned.
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setMaxVisibleItems(12)
        self.completer.activated[str].connect(self._picked)
        self.edit.setCompleter(self.completer)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.edit.textEdited.connect(lambda _t: self._edited())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kind)
        layout.addWidget(self.edit, 1)
        self._placeholder()

    # Public -----------------------------------------------------------------------------------

    def subject(self) -> SubjectRef | None:
        return self._chosen

    def current_kind(self) -> SubjectKind:
        return SubjectKind(self.kind.currentData())

    def set_subject(self, ref: SubjectRef | None) -> None:
        if ref is not None:
            index = self.kind.findData(ref.kind)
            if index >= 0:
                self.kind.blockSignals(True)
                self.kind.setCurrentIndex(index)
                self.kind.blockSignals(False)
                self._placeholder()
        self._chosen = ref
        self.edit.setText(ref.label if ref else "")
        self.changed.emit()

    def search_now(self) -> None:
        """Fill the list for the text typed so far (tests call it instead of waiting)."""
        found = self._subjects.search(self.edit.text(), [self.current_kind()])
        self._found = {r.label: r for r in found}
        self._model.setStringList(list(self._found))
        if found and self.edit.hasFocus() and self.isVisible():
            self.completer.complete()

    def choose(self, label: str) -> None:
        """Pick one of the listed labels (what a click in the list does)."""
        self._picked(label)

    # Internals --------------------------------------------------------------------------------

    def _placeholder(self) -> None:
        hint = {
            SubjectKind.PERSON: "Gõ họ tên để tìm cá nhân…",
            SubjectKind.UNIT: "Gõ tên để tìm đơn vị…",
            SubjectKind.HOUSEHOLD: "Gõ họ tên chủ hộ để tìm hộ gia đình…",
        }[self.current_kind()]
        self.edit.setPlaceholderText(hint)

    def _kind_changed(self) -> None:
        self._placeholder()
        self.edit.clear()
        self._set_chosen(None)

    def _edited(self) -> None:
        if self._chosen is not None and self.edit.text() != self._chosen.label:
            self._set_chosen(None)
        self._timer.start()

    def _picked(self, label: str) -> None:
        ref = self._found.get(label)
        if ref is not None:
            self.edit.setText(ref.label)
            self._set_chosen(ref)

    def _set_chosen(self, ref: SubjectRef | None) -> None:
        if ref != self._chosen:
            self._chosen = ref
            self.changed.emit()
