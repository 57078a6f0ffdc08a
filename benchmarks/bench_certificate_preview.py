"""«Xem trước» of a decision's 300 certificates (issue 8 budget: first page on screen < 1 s).

Measured as the officer waits on the Giấy khen & In page (offscreen, tasks run in line): from the
click on «Xem trước» to the preview dialog shown with its QPdfDocument Ready and page 1 rendered
at the view's size. That includes the service's work: reading the decision's 300 awards, the
checks before printing (glyphs, layout, auto-fit of every field) and writing the 300-page PDF
with reportlab. The data: the demo commune's 2026 "Gia đình văn hóa" decision (158 households,
printed as Giấy chứng nhận with «In cả danh hiệu…») made 300 awards long with more households.
The baseline, in the same run, is QtPdf alone opening that PDF and rendering page 1.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from benchmarks.harness import Result, median_seconds

BUDGET_S = 1.0
SHEETS = 300
RUNS = 5
DECISION = "166/QĐ-UBND"


def _grow_decision(ctx) -> None:  # type: ignore[no-untyped-def]
    """More households in the decision until it holds SHEETS awards (copies of its own)."""
    from sqlalchemy import func, select

    from emulation_desktop.store.award_models import DecisionRow
    from emulation_desktop.store.models import AwardRow

    with ctx.database.session_scope() as s:
        decision = s.scalars(select(DecisionRow).where(DecisionRow.number == DECISION)).one()
        awards = s.scalars(select(AwardRow).where(AwardRow.decision_id == decision.id)
                           .order_by(AwardRow.id)).all()  # fmt: skip
        seq = s.scalar(select(func.max(AwardRow.register_seq))
                       .where(AwardRow.register_year == decision.issued_on.year)) or 0  # fmt: skip
        skip = {"id", "created_at", "register_seq", "register_number", "nomination_id"}
        for i in range(SHEETS - len(awards)):
            source = awards[i % len(awards)]
            seq += 1
            copy = {c.key: getattr(source, c.key) for c in AwardRow.__table__.columns
                    if c.key not in skip}  # fmt: skip
            s.add(AwardRow(**copy, register_seq=seq,
                           register_number=f"{seq}/{decision.issued_on.year}"))  # fmt: skip


def run() -> list[Result]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtWidgets import QApplication

    from emulation_desktop.app import open_context

    from emulation_desktop.gui import application
    from emulation_desktop.gui.certificates.page import CertificatesPage
    from emulation_desktop.gui.certificates.preview import PreviewDialog
    from emulation_desktop.gui.sections import SECTION_BY_KEY
    from emulation_desktop.gui.tasks import SyncTaskRunner

    with tempfile.TemporaryDirectory(prefix="tdkt-bench-") as tmp_name:
        tmp = Path(tmp_name)
        os.environ["EMULATION_DESKTOP_DATA_DIR"] = str(tmp / "data")
        application.create_qapplication(headless=True)
        with open_context(tmp / "demo.db") as ctx:
            ctx.services.demo.load()
            _grow_decision(ctx)
            page = CertificatesPage(SECTION_BY_KEY["certificates"], ctx.services,
                                    SyncTaskRunner())  # fmt: skip
            page.resize(1000, 700)
            page.set_year(2026)
            page.show()
            page.activated()
            page.decision.setCurrentIndex(
                page.decision.findText(DECISION, Qt.MatchFlag.MatchStartsWith)
            )
            page.all_titles.setChecked(True)
            assert page.model.rowCount() == SHEETS, page.model.rowCount()

            shown: list[tuple[float, Path]] = []

            def first_page(dialog: PreviewDialog) -> int:
                dialog.show()
                QApplication.processEvents()
                image = dialog.document.render(0, dialog.view.viewport().size())
                assert dialog.document.status() == QPdfDocument.Status.Ready
                assert dialog.document.pageCount() == SHEETS and not image.isNull()
                shown.append((time.perf_counter(), dialog.path))
                dialog.reject()
                return 0

            def preview() -> float:
                start = time.perf_counter()
                page.preview_button.click()
                return shown[-1][0] - start

            modal = PreviewDialog.exec
            PreviewDialog.exec = first_page  # type: ignore[method-assign]
            try:
                measured = median_seconds(preview, RUNS)
            finally:
                PreviewDialog.exec = modal  # type: ignore[method-assign]
            pdf = shown[-1][1]

            def qtpdf_alone() -> float:
                start = time.perf_counter()
                doc = QPdfDocument()
                doc.load(str(pdf))
                size = doc.pagePointSize(0).toSize()
                assert not doc.render(0, size).isNull()
                elapsed = time.perf_counter() - start
                doc.close()
                return elapsed

            baseline = median_seconds(qtpdf_alone, RUNS)
            page.close()
    return [Result(f"Xem trước {SHEETS} giấy chứng nhận: hiện trang 1", measured, BUDGET_S,
                   baseline=baseline)]  # fmt: skip
