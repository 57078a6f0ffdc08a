"""Tạo văn bản: ask where to save the .docx (the last folder used is proposed), write it off the
GUI thread, then open it in the word processor the computer uses for .docx files.

    maker = DocumentMaker(self, services, tasks)
    maker.make(DocumentKind.DECISION, decision_id)

A refusal (no signer, an empty list, a file open in Word…) is shown as one message; nothing is
written then. Tests replace `ask_save_docx` and `open_in_word` (module functions, looked up at
call time) or a maker's `ask_save` / `open_file`: the native dialog blocks, and no real program
may open.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from emulation_desktop.domain.enums import DocumentKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.services.container import AppServices
from emulation_desktop.settings import DOCUMENTS_FOLDER, MemoryBackend, Settings

from emulation_desktop.gui.messages import show_error, show_info
from emulation_desktop.gui.tasks import TaskRunner

DOCX_FILTER = "Văn bản Word (*.docx)"
AskSave = Callable[[QWidget, Path], Path | None]
Opener = Callable[[Path], bool]

# A tab shown outside the main window (a test, a preview) still remembers the folder while the
# program runs.
_SESSION = Settings(MemoryBackend())


def ask_save_docx(parent: QWidget, proposed: Path) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, "Lưu văn bản", str(proposed), DOCX_FILTER)
    if not path:
        return None
    return Path(path if path.lower().endswith(".docx") else f"{path}.docx")


def open_in_word(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def open_folder(folder: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def settings_of(widget: QWidget) -> Settings:
    """The settings of the window the widget is in (the main window holds the app's)."""
    window = widget.window()
    found = getattr(window, "settings", None)
    return found if isinstance(found, Settings) else _SESSION


def default_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def documents_folder(settings: Settings) -> Path:
    """The folder documents were last saved in, while it still exists; else Documents."""
    remembered = settings.get(DOCUMENTS_FOLDER)
    if remembered and Path(remembered).is_dir():
        return Path(remembered)
    return default_folder()


class DocumentMaker:
    def __init__(self, parent: QWidget, services: AppServices, tasks: TaskRunner) -> None:
        self._parent = parent
        self._services = services
        self._tasks = tasks
        self.ask_save: AskSave | None = None  # None: the save dialog
        self.open_file: Opener | None = None  # None: the default word processor
        self.settings: Settings | None = None  # None: the window's
        self.written: Path | None = None  # the last file written

    def make(self, kind: DocumentKind, id_: int) -> None:
        """Read the document's data first: a document that cannot be made is refused before
        the officer chooses a file."""
        documents = self._services.documents
        self._tasks.submit(
            lambda: documents.suggested_name(kind, id_),
            lambda name: self._ask(kind, id_, name),
            self._failed,
            parent=self._parent,
        )

    def _settings(self) -> Settings:
        return self.settings if self.settings is not None else settings_of(self._parent)

    def _ask(self, kind: DocumentKind, id_: int, name: str) -> None:
        ask = self.ask_save or ask_save_docx
        path = ask(self._parent, documents_folder(self._settings()) / name)
        if path is None:
            return
        documents = self._services.documents
        self._tasks.submit(
            lambda: documents.write(kind, id_, path),
            self._written,
            self._failed,
            progress="Đang tạo văn bản…",
            parent=self._parent,
        )

    def _written(self, path: Path) -> None:
        path = Path(path)
        self.written = path
        self._settings().set(DOCUMENTS_FOLDER, str(path.parent))
        opener = self.open_file or open_in_word
        if not opener(path):
            show_info(
                self._parent,
                f"Đã lưu văn bản «{path.name}» vào thư mục «{path.parent}», nhưng máy chưa có "
                "chương trình mở được tệp .docx. Hãy mở tệp bằng Word hoặc LibreOffice.",
            )

    def _failed(self, exc: UserError) -> None:
        show_error(self._parent, exc.message, "Không tạo được văn bản")
