"""The editor's buttons that read or write outside the screen: the scanned blank under the
boxes, «Xem thử» through the renderer, «Lưu», «Mặc định», «Nhập tệp…» and «Xuất tệp…» (mixed
into LayoutEditor, which holds the layout on screen and the one saved)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QImage, QImageReader, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QMenu, QPushButton

from emulation_desktop.domain.certificate_layout import CertificateLayout, layout_problems
from emulation_desktop.domain.certificates import Certificate, PrintMode

from emulation_desktop.gui.certificates import files
from emulation_desktop.gui.certificates.preview import PreviewDialog
from emulation_desktop.gui.certificates.sample import sample_certificate
from emulation_desktop.gui.certificates.temp_files import temp_pdf
from emulation_desktop.gui.messages import confirm, show_error, show_info
from emulation_desktop.gui.widgets.controls import button

if TYPE_CHECKING:
    from emulation_desktop.gui.certificates.layout_editor import LayoutEditor

    _Base = LayoutEditor
else:
    _Base = object

Render = Callable[[Path, Certificate, CertificateLayout, PrintMode], None]


def render_sample(out: Path, certificate: Certificate, layout: CertificateLayout,
                  mode: PrintMode) -> None:  # fmt: skip
    from emulation_desktop.documents.certificates.render import write_certificates_pdf

    write_certificates_pdf(out, [certificate], {layout.kind: layout}, mode)


class LayoutActions(_Base):
    def _build_tools(self) -> QHBoxLayout:
        """The row of buttons under the page; they act through the methods of this class."""
        self.background_button = QPushButton("Ảnh phôi…")
        self.background_button.setObjectName("background_button")
        self.background_button.setToolTip(
            "Đặt ảnh quét của phôi dưới các khung để canh cho khớp (ảnh không được in)"
        )
        menu = QMenu(self.background_button)
        menu.addAction("Chọn ảnh phôi đã quét…", self.choose_background)
        self.clear_background_action = menu.addAction("Bỏ ảnh phôi",
                                                      lambda: self.set_background(""))  # fmt: skip
        self.background_button.setMenu(menu)
        self.preview_button = button(
            "Xem thử",
            self.preview,
            "preview_button",
            "In thử một tờ mẫu với vị trí đang chỉnh (chưa cần lưu)",
        )
        self.import_button = button(
            "Nhập tệp…",
            self.import_file,
            "import_button",
            "Dùng mẫu giấy khen từ tệp do xã khác hoặc máy khác xuất ra",
        )
        self.export_button = button(
            "Xuất tệp…",
            self.export_file,
            "export_button",
            "Lưu mẫu này ra tệp để dùng trên máy khác",
        )
        self.default_button = button(
            "Mặc định", self.reset, "default_button", "Đưa mẫu này về vị trí và cỡ chữ ban đầu"
        )
        self.save_button = button("Lưu", self.save, "save_button", "Lưu mẫu (Ctrl+S)")
        self.close_button = button("Đóng", self.reject, "close_button")
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self).activated.connect(self.save)
        tools = QHBoxLayout()
        for b in (self.background_button, self.preview_button, self.import_button,
                  self.export_button, self.default_button):  # fmt: skip
            tools.addWidget(b)
        tools.addStretch(1)
        return tools

    # Background -------------------------------------------------------------------------------

    def choose_background(self) -> None:
        path = self.ask_open(self, "Chọn ảnh phôi đã quét", files.IMAGE_FILTER)
        if path is not None:
            self.set_background(str(path))

    def set_background(self, path: str, remember: bool = True) -> None:
        image: QImage | None = None
        if path:
            reader = QImageReader(path)
            reader.setAutoTransform(True)
            image = reader.read()
            if image.isNull():
                if remember:
                    show_error(self, f"Không đọc được ảnh «{Path(path).name}». Hãy quét phôi ra "
                                     "tệp PNG hoặc JPG rồi chọn lại.")  # fmt: skip
                return
        self.scene.set_background(image)
        self.background_path = path if image is not None else ""
        if remember:
            self._settings.set(files.background_setting(self.kind), self.background_path)
        self._update_state()

    # Actions ----------------------------------------------------------------------------------

    def _problem(self) -> str:
        self.form.commit()
        assert self.layout_ is not None
        problems = layout_problems(self.layout_)
        return problems[0] if problems else ""

    def preview(self) -> None:
        if problem := self._problem():
            show_error(self, problem, "Chưa xem thử được")
            return
        assert self.layout_ is not None
        layout, mode = self.layout_, self.mode
        sample = self._samples.get(layout.kind) or sample_certificate(layout.kind)
        out = temp_pdf("xem-thu")

        def done(_r: object) -> None:
            PreviewDialog(out, f"Xem thử – {layout.kind.label} ({mode.label})", self).exec()

        self._tasks.submit(lambda: self.render(out, sample, layout, mode), done,
                           lambda exc: show_error(self, exc.message), parent=self)  # fmt: skip

    def save(self, then: Callable[[], None] | None = None) -> None:
        if problem := self._problem():
            show_error(self, problem, "Chưa lưu được mẫu")
            return
        layout = self.layout_

        def done(_r: object) -> None:
            self.saved = layout
            self._update_state()
            if then is not None:
                then()

        self._tasks.submit(lambda: self._service.save_layout(layout), done,
                           lambda exc: show_error(self, exc.message), parent=self)  # fmt: skip

    def reset(self) -> None:
        if not confirm(self, f"Đưa mẫu «{self.kind.label}» về mặc định? Vị trí, cỡ chữ và khổ "
                             "giấy đã chỉnh sẽ mất.", "Về mặc định"):  # fmt: skip
            return
        kind = self.kind

        def done(layout: CertificateLayout) -> None:
            self.saved = layout
            self._show(layout)

        self._tasks.submit(lambda: self._service.reset_layout(kind), done,
                           lambda exc: show_error(self, exc.message), parent=self)  # fmt: skip

    def import_file(self) -> None:
        self.form.commit()
        if self.dirty and not confirm(
            self, "Mẫu đang chỉnh chưa lưu sẽ được thay bằng mẫu trong tệp. Vẫn nhập?", "Nhập"
        ):
            return
        path = self.ask_open(self, "Nhập mẫu giấy khen", files.LAYOUT_FILTER)
        if path is None:
            return
        service, kind = self._service, self.kind

        def done(imported: CertificateLayout) -> None:
            # Shown, not saved: like any edit it reaches the database with «Lưu».
            self._show(imported)
            self._update_state()
            tail = " Bấm «Lưu» để dùng mẫu này." if self.dirty else ""
            show_info(self, f"Đã nhập mẫu «{kind.label}» từ tệp «{path.name}».{tail}")

        self._tasks.submit(
            lambda: service.read_layout_file(kind, path),
            done,
            lambda exc: show_error(self, exc.message),
            parent=self,
        )

    def export_file(self) -> None:
        self.form.commit()
        if self.dirty:
            if not confirm(self, "Mẫu đang chỉnh chưa lưu. Lưu rồi xuất ra tệp?", "Lưu và xuất"):
                return
            self.save(self.export_file)
            return
        proposed = Path.home() / f"Mẫu {self.kind.label}.json"
        path = self.ask_save(self, "Xuất mẫu giấy khen", proposed, files.LAYOUT_FILTER)
        if path is None:
            return
        service, kind = self._service, self.kind
        self._tasks.submit(
            lambda: service.export_layout(kind, path),
            lambda written: show_info(self, f"Đã xuất mẫu ra tệp «{Path(written).name}»."),
            lambda exc: show_error(self, exc.message),
            parent=self,
        )
