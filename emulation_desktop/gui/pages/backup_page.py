"""Sao lưu – Phục hồi: backups to USB (optionally with a password), restore, handover, history."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from emulation_desktop.backup.drives import human_size
from emulation_desktop.backup.manifest import Manifest
from emulation_desktop.domain.errors import UserError
from emulation_desktop.services.backup import RestorePreview
from emulation_desktop.services.container import AppServices

from emulation_desktop.gui.messages import confirm, show_error, show_info
from emulation_desktop.gui.pages.base import Action, SectionPage, heading, paragraph
from emulation_desktop.gui.rules.tables import ReadOnlyTable
from emulation_desktop.gui.sections import Section
from emulation_desktop.gui.tasks import TaskRunner

BACKUP_FILTER = "Tệp sao lưu (*.tdkt)"
MIN_PASSWORD = 8
_OTHER_FOLDER = "__other__"


class BackupPage(SectionPage):
    """`ask_folder`, `ask_file` and `ask_password` are replaceable (native dialogs block tests)."""

    actions = frozenset({Action.REFRESH})

    def __init__(
        self,
        section: Section,
        services: AppServices,
        tasks: TaskRunner,
        on_changed: Callable[[bool], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(section, parent)
        self._backup = services.backup
        self._tasks = tasks
        self._on_changed = on_changed  # True: the data were replaced (reload every page)
        self.ask_folder: Callable[[], Path | None] = self._ask_folder
        self.ask_file: Callable[[], Path | None] = self._ask_file
        self.ask_password: Callable[[str], str | None] = self._ask_password

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(14)
        layout.addWidget(heading(section.title))
        layout.addWidget(
            paragraph(
                "Dữ liệu nằm trên máy này. Hãy sao lưu ra USB thường xuyên và cất USB ở nơi khác: "
                "khi máy hỏng, mất điện hay mất USB, dữ liệu vẫn còn. Mỗi bản sao lưu là một tệp, "
                "được kiểm tra lại ngay sau khi ghi."
            )
        )

        box = QGroupBox("Sao lưu ra USB hoặc thư mục")
        form = QFormLayout(box)
        self.target = QComboBox()
        self.target.setObjectName("target_combo")
        refresh = QPushButton("Tìm lại USB")
        refresh.setObjectName("refresh_drives")
        refresh.clicked.connect(self.refresh_drives)
        row = QHBoxLayout()
        row.addWidget(self.target, 1)
        row.addWidget(refresh)
        form.addRow("Lưu vào:", row)
        self.drive_hint = paragraph("")
        self.drive_hint.setObjectName("drive_hint")
        form.addRow("", self.drive_hint)
        self.use_password = QCheckBox("Đặt mật khẩu (nên dùng: tệp chứa thông tin cá nhân)")
        self.use_password.setObjectName("use_password")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_again = QLineEdit()
        self.password_again.setObjectName("password_again")
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        for w in (self.password, self.password_again):
            w.setEnabled(False)
        self.use_password.toggled.connect(self.password.setEnabled)
        self.use_password.toggled.connect(self.password_again.setEnabled)
        form.addRow(self.use_password)
        form.addRow("Mật khẩu:", self.password)
        form.addRow("Nhập lại mật khẩu:", self.password_again)
        buttons = QHBoxLayout()
        self.backup_button = QPushButton("Sao lưu")
        self.backup_button.setObjectName("backup_button")
        self.backup_button.clicked.connect(self.backup)
        self.handover_button = QPushButton("Tạo gói bàn giao (kèm bản tóm tắt PDF)…")
        self.handover_button.setObjectName("handover_button")
        self.handover_button.clicked.connect(lambda: self.backup(handover=True))
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.handover_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        layout.addWidget(box)

        box = QGroupBox("Kiểm tra và phục hồi")
        v = QVBoxLayout(box)
        v.addWidget(
            paragraph(
                "Phục hồi thay toàn bộ dữ liệu hiện có bằng dữ liệu trong tệp sao lưu. Trước khi "
                "thay, chương trình tự sao lưu dữ liệu hiện có để có thể quay lại."
            )
        )
        row = QHBoxLayout()
        self.verify_button = QPushButton("Kiểm tra tệp sao lưu…")
        self.verify_button.setObjectName("verify_button")
        self.verify_button.clicked.connect(self.verify)
        self.restore_button = QPushButton("Phục hồi từ tệp sao lưu…")
        self.restore_button.setObjectName("restore_button")
        self.restore_button.clicked.connect(self.restore)
        row.addWidget(self.verify_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        v.addLayout(row)
        layout.addWidget(box)

        box = QGroupBox("Lịch sử sao lưu")
        v = QVBoxLayout(box)
        self.history = ReadOnlyTable(
            ["Thời điểm", "Loại", "Tệp", "Dung lượng", "Mật khẩu", "Còn tệp"],
            "history_table",
        )
        self.history.set_widths([17, 16, 60, 11, 9, 12])
        self.history.setMinimumHeight(self.fontMetrics().height() * 10)
        v.addWidget(self.history)
        self.auto_label = paragraph("")
        v.addWidget(self.auto_label)
        open_auto = QPushButton("Mở thư mục sao lưu tự động")
        open_auto.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._backup.auto_folder)))
        )
        row = QHBoxLayout()
        row.addWidget(open_auto)
        row.addStretch(1)
        v.addLayout(row)
        layout.addWidget(box)
        layout.addStretch(1)
        self._loaded = False

    # Page -------------------------------------------------------------------------------------

    def activated(self) -> None:
        if not self._loaded:
            self.refresh()

    def trigger(self, action: Action) -> None:
        if action is Action.REFRESH:
            self.refresh()

    def refresh(self) -> None:
        self._loaded = True
        self.refresh_drives()
        self._tasks.submit(self._backup.history, self._show_history, parent=self)

    def refresh_drives(self) -> None:
        self._tasks.submit(self._backup.drives, self._show_drives, parent=self)

    def _show_drives(self, drives: list) -> None:  # type: ignore[type-arg]
        chosen = self.target.currentData()
        self.target.clear()
        for d in drives:
            self.target.addItem(d.display, str(d.path))
        self.target.addItem("Chọn thư mục khác…", _OTHER_FOLDER)
        self.drive_hint.setText(
            "Chưa thấy ổ USB nào: cắm USB rồi bấm «Tìm lại USB», hoặc chọn một thư mục khác."
            if not drives
            else "Sau khi sao lưu, hãy rút USB đúng cách rồi cất ở nơi khác máy tính này."
        )
        index = self.target.findData(chosen)
        self.target.setCurrentIndex(index if index >= 0 else 0)

    def _show_history(self, records: list) -> None:  # type: ignore[type-arg]
        self.history.fill(
            [
                (
                    f"{r.when:%d/%m/%Y %H:%M}",
                    r.kind_label,
                    str(r.path),
                    human_size(r.size),
                    "Có" if r.encrypted else "Không",
                    "Còn" if r.exists else "Không còn",
                )
                for r in records
            ]
        )
        autos = [r for r in records if r.kind == "auto"]
        last = f"{autos[0].when:%d/%m/%Y %H:%M}" if autos else "chưa có"
        self.auto_label.setText(
            f"Sao lưu tự động khi thoát chương trình và mỗi ngày một lần, giữ 7 bản theo ngày, "
            f"4 theo tuần, 12 theo tháng, tại {self._backup.auto_folder}. Lần gần nhất: {last}."
        )

    # Actions ----------------------------------------------------------------------------------

    def _password_or_error(self) -> str | None:
        if not self.use_password.isChecked():
            return None
        password, again = self.password.text(), self.password_again.text()
        if len(password) < MIN_PASSWORD:
            raise UserError(f"Mật khẩu cần ít nhất {MIN_PASSWORD} ký tự.")
        if password != again:
            raise UserError("Hai lần nhập mật khẩu không giống nhau; hãy nhập lại.")
        return password

    def _folder(self) -> Path | None:
        data = self.target.currentData()
        if data in (None, _OTHER_FOLDER):
            return self.ask_folder()
        return Path(data)

    def backup(self, handover: bool = False) -> None:
        try:
            password = self._password_or_error()
        except UserError as exc:
            show_error(self, exc.message)
            return
        folder = self._folder()
        if folder is None:
            return
        backup = self._backup

        def work(report, cancelled):  # type: ignore[no-untyped-def]
            if handover:
                return backup.handover(folder, password, report, cancelled)
            return backup.backup_to(folder, password, report, cancelled)

        def done(result: tuple[Path, object]) -> None:
            path = result[0]
            if handover:
                show_info(
                    self,
                    f"Đã tạo gói bàn giao: «{path.name}» và bản tóm tắt "
                    f"«{Path(result[1]).name}» trong {path.parent}. In bản tóm tắt "
                    "để hai bên ký.",
                )
            else:
                show_info(self, f"Đã sao lưu và kiểm tra lại: «{path.name}» trong {path.parent}.")
            self.password.clear()
            self.password_again.clear()
            self.refresh()
            self._on_changed(False)

        self._tasks.submit_steps(work, done, progress="Đang sao lưu…", parent=self)

    def _password_for(self, file: Path) -> str | bool | None:
        """The password of an encrypted file (asked), None for a plain one, False if cancelled."""
        try:
            needed = self._backup.needs_password(file)
        except UserError as exc:
            show_error(self, exc.message)
            return False
        if not needed:
            return None
        password = self.ask_password(file.name)
        return False if password is None else password

    def _chosen(self) -> tuple[Path, str | None] | None:
        """A backup file and its password (None when it has none); None if the user stops."""
        file = self.ask_file()
        if file is None:
            return None
        password = self._password_for(file)
        if password is False:
            return None
        return file, password

    def verify(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        file, password = chosen

        def done(m: Manifest) -> None:
            show_info(self, f"Tệp «{file.name}» hợp lệ. {_describe(m)}")

        self._tasks.submit(
            lambda: self._backup.verify(file, password),
            done,
            progress="Đang kiểm tra tệp sao lưu…",
            parent=self,
        )

    def restore(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        file, password = chosen

        def previewed(p: RestorePreview) -> None:
            changes = "\n".join(
                f"• {label}: hiện có {now} → {then}" for label, now, then in p.lines()
            )
            question = (
                f"Phục hồi dữ liệu từ «{file.name}»?\n{_describe(p.manifest)}\n\n{changes}\n\n"
                "Dữ liệu hiện có sẽ được tự sao lưu trước khi thay."
            )
            if confirm(self, question, "Phục hồi"):
                self._tasks.submit(
                    lambda: self._backup.restore(file, password),
                    restored,
                    progress="Đang phục hồi…",
                    parent=self,
                )

        def restored(result: tuple[Path | None, Manifest]) -> None:
            safety = result[0]
            where = f" Dữ liệu cũ đã được sao lưu tại «{safety}»." if safety else ""
            show_info(self, f"Đã phục hồi xong.{where}")
            self.refresh()
            self._on_changed(True)

        self._tasks.submit(
            lambda: self._backup.preview_restore(file, password),
            previewed,
            progress="Đang kiểm tra tệp sao lưu…",
            parent=self,
        )

    # Native dialogs ---------------------------------------------------------------------------

    def _ask_folder(self) -> Path | None:
        path = QFileDialog.getExistingDirectory(self, "Chọn thư mục lưu bản sao lưu")
        return Path(path) if path else None

    def _ask_file(self) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self, "Chọn tệp sao lưu", "", BACKUP_FILTER)
        return Path(path) if path else None

    def _ask_password(self, name: str) -> str | None:
        text, ok = QInputDialog.getText(
            self, "Mật khẩu", f"Mật khẩu của tệp «{name}»:", QLineEdit.EchoMode.Password
        )
        return text if ok else None


def _describe(m: Manifest) -> str:
    return (
        f"{m.commune}, sao lưu lúc {m.created_at:%H:%M ngày %d/%m/%Y}, chương trình phiên bản "
        f"{m.program_version}" + (", có mật khẩu." if m.encrypted else ".")
    )
