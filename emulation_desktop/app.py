"""The composition root: builds paths, database, services and settings, and hands them on.

Nothing else constructs these; there are no module-level singletons.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from emulation_desktop import __version__
from emulation_desktop.domain.errors import UserError
from emulation_desktop.logs import configure_logging
from emulation_desktop.paths import DATA_DIR_ENV, AppPaths, ensure_writable_dir
from emulation_desktop.services.container import AppServices
from emulation_desktop.store import schema
from emulation_desktop.store.db import Database, open_database
from emulation_desktop.store.lock import InstanceLock

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class AppContext:
    paths: AppPaths
    services: AppServices
    database: Database  # for the commands and tests that work below the services (backup)


@contextlib.contextmanager
def open_context(db: Path | None = None) -> Iterator[AppContext]:
    """Open the database under the single-instance lock; close everything on exit."""
    paths = AppPaths.resolve(db)
    if db is None:
        ensure_writable_dir(paths.data_dir)
    configure_logging(paths.log_file)
    # A refused file must not even get a lock file beside it.
    schema.check_openable(paths.db_path, schema.inspect_file(paths.db_path))
    with InstanceLock(paths.db_path):
        database = open_database(paths.db_path)
        log.info("opened %s (version %s)", paths.db_path, __version__)
        try:
            yield AppContext(
                paths=paths, services=AppServices.build(database, paths.data_dir), database=database
            )
        finally:
            database.dispose()


def run_gui(db: Path | None = None, *, quit_when_shown: bool = False) -> int:
    """Open the main window (after the first-start dialog when the commune is not set up)."""
    from emulation_desktop.settings import Settings

    from emulation_desktop.gui import application

    qapp = application.create_qapplication()
    try:
        with open_context(db) as ctx:
            settings = Settings(application.ini_backend(ctx.paths.settings_file))
            return application.run_main_window(
                qapp, ctx.services, settings, ctx.paths, quit_when_shown=quit_when_shown
            )
    except UserError as exc:
        application.show_fatal_error(exc.message)
        return 1


def self_test(report: Callable[[str], None]) -> int:
    """Smoke test of a build: database, Vietnamese PDF and .docx, the main window offscreen."""
    import os

    from emulation_desktop.documents import selfcheck

    failures = 0

    def step(label: str, fn: Callable[[], str]) -> None:
        nonlocal failures
        try:
            detail = fn()
        except Exception as exc:
            failures += 1
            log.exception("self-test step failed: %s", label)
            message = exc.message if isinstance(exc, UserError) else f"{type(exc).__name__}: {exc}"
            report(f"[LỖI] {label}: {message}")
        else:
            report(f"[ĐẠT] {label}: {detail}")

    # A leftover temporary file is no failure of the build being tested.
    with tempfile.TemporaryDirectory(
        prefix="tdkt-selftest-", ignore_cleanup_errors=True
    ) as tmp_name:
        tmp = Path(tmp_name)
        old_env = os.environ.get(DATA_DIR_ENV)
        os.environ[DATA_DIR_ENV] = str(tmp / "data")
        try:

            def database() -> str:
                with open_context(tmp / "selftest.db") as ctx:
                    counts = ctx.services.demo.load()
                    summary = ctx.services.overview.summary()
                if summary.people != counts.people:
                    raise RuntimeError("số cá nhân đọc lại không khớp")
                return f"{counts.units} đơn vị, {counts.people} cá nhân, {counts.households} hộ"

            step("Cơ sở dữ liệu (tạo, nâng cấp, dữ liệu mẫu)", database)
            step("Excel (xuất rồi đọc lại danh sách)", lambda: _excel_roundtrip(tmp))
            step("Quy định khen thưởng và tiền thưởng", _rules_smoke)
            step("Sao lưu có mật khẩu (ghi, đọc lại)", lambda: _backup_roundtrip(tmp))
            step(
                "Văn bản .docx tiếng Việt", lambda: selfcheck.docx_roundtrip(tmp / "kiem-tra.docx")
            )
            step("Quyết định khen thưởng từ dữ liệu mẫu", lambda: _decision_smoke(tmp))
            step(
                "Mẫu Word riêng của xã",
                lambda: selfcheck.custom_form_roundtrip(tmp / "mau-rieng.docx"),
            )
            step(
                "PDF với phông chữ tiếng Việt",
                lambda: selfcheck.pdf_roundtrip(tmp / "kiem-tra.pdf"),
            )
            step("Giấy khen (PDF, phông chữ nhúng)", lambda: _certificate_smoke(tmp))
            step("Biểu tượng SVG", _icon_smoke)
            step("Giao diện (cửa sổ chính)", lambda: _gui_smoke(tmp / "selftest.db"))
        finally:
            if old_env is None:
                os.environ.pop(DATA_DIR_ENV, None)
            else:
                os.environ[DATA_DIR_ENV] = old_env
    report("Tự kiểm tra: " + ("tất cả đều đạt." if not failures else f"{failures} mục lỗi."))
    return 0 if failures == 0 else 1


def _decision_smoke(tmp: Path) -> str:
    """The real QĐ generator on the demo (docxtpl, python-docx templates and fonts in the build)."""
    import docx

    from emulation_desktop.domain.enums import DecisionKind, DocumentKind

    with open_context(tmp / "selftest.db") as ctx:
        decisions = ctx.services.decisions
        item = next(
            d for y in range(dt.date.today().year, 2020, -1) for d in decisions.list(y)
            if d.kind is DecisionKind.AWARD
        )  # fmt: skip
        out = ctx.services.documents.write(DocumentKind.DECISION, item.id, tmp / "qd.docx")
    rows = sum(len(t.rows) for t in docx.Document(str(out)).tables)
    return f"Quyết định số {item.number}, {item.lines} người, {rows} dòng bảng"


def _certificate_smoke(tmp: Path) -> str:
    """One Giấy khen through the real renderer: reportlab, the fonts and the border in the
    build."""
    from emulation_desktop.documents.certificates.render import write_certificates_pdf
    from emulation_desktop.domain.certificate_layout import default_layout
    from emulation_desktop.domain.certificates import (
        Certificate,
        CertificateKind,
        PrintMode,
        Recipient,
    )
    from emulation_desktop.domain.enums import Gender, SubjectKind

    kind = CertificateKind.GIAY_KHEN_PERSON
    sample = Certificate(
        award_id=1, kind=kind, number=1,
        recipient=Recipient(SubjectKind.PERSON, "Nguyễn Thị Ánh Tuyết", Gender.FEMALE,
                            "Giáo viên, Trường Tiểu học Cát Thành"),
        award_name="Giấy khen", issuer="CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ CÁT THÀNH",
        achievement="Đã có thành tích xuất sắc trong phong trào thi đua năm 2026",
        decision="Quyết định số 166/QĐ-UBND ngày 20/11/2026", register_number="12/2026",
        place_date="Cát Thành, ngày 20 tháng 11 năm 2026", signer_title=("CHỦ TỊCH",),
        signer_name="Nguyễn Văn Thắng",
    )  # fmt: skip
    out = tmp / "giay-khen.pdf"
    report = write_certificates_pdf(out, [sample], {kind: default_layout(kind)}, PrintMode.FULL)
    data = out.read_bytes()
    if report.pages != 1 or not data.startswith(b"%PDF") or b"LiberationSerif" not in data:
        raise RuntimeError("giấy khen mẫu không ra đúng một trang PDF có phông chữ nhúng")
    return f"1 trang, {len(data) // 1024} KB, phông Liberation Serif đã nhúng"


def _backup_roundtrip(tmp: Path) -> str:
    # Encryption (cryptography) and the backup format must both be in the build.
    usb = tmp / "usb"
    usb.mkdir(exist_ok=True)
    with open_context(tmp / "selftest.db") as ctx:
        path, manifest = ctx.services.backup.backup_to(usb, password="tự kiểm tra")
        again = ctx.services.backup.verify(path, "tự kiểm tra")
    if again.row_counts != manifest.row_counts:
        raise RuntimeError("bản sao lưu đọc lại không khớp")
    return f"{path.stat().st_size // 1024} KB, mã hóa AES-GCM, đọc lại đủ"


def _rules_smoke() -> str:
    # The shipped rule files are data beside the program: a build that misses them could not
    # check eligibility or compute money.
    import datetime as dt

    from emulation_desktop.domain.money import award_amount
    from emulation_desktop.domain.rules.shipped import load_shipped
    from emulation_desktop.domain.text import money_in_words

    shipped = load_shipped()
    day = dt.date(2026, 7, 1)
    rules = shipped.in_force(day)
    amount = award_amount(rules.award("LDTT").coefficient or 0, day, rounding=rules.rounding)
    if amount != 760_000:
        raise RuntimeError(f"tiền thưởng Lao động tiên tiến tính ra {amount}, cần 760.000")
    return (
        f"{len(shipped.rule_sets)} bộ quy định, {len(rules.criteria)} tiêu chuẩn; "
        f"LĐTT từ 01/07/2026: {money_in_words(amount)}"
    )


def _excel_roundtrip(tmp: Path) -> str:
    # Exporting the demo list and reading it back as an import proves openpyxl, the writer,
    # the reader and the row checks are all in the build.
    with open_context(tmp / "selftest.db") as ctx:
        out = tmp / "danh-sach.xlsx"
        rows = ctx.services.exports.people(out)
        imports = ctx.services.imports
        source = imports.open(out)
        preview = imports.preview(source, imports.plan(source))
    if preview.invalid_rows or len(preview.existing_rows) != rows:
        raise RuntimeError("danh sách đọc lại từ tệp Excel không khớp")
    return f"{rows} dòng, đọc lại đủ, không dòng lỗi"


def _icon_smoke() -> str:
    # Without Qt's SVG plugins a frozen build still opens, but every icon is blank.
    from emulation_desktop.gui import application
    from emulation_desktop.gui.icons import icon

    application.create_qapplication(headless=True)
    if icon("app").pixmap(32, 32).isNull():
        raise RuntimeError("không vẽ được biểu tượng SVG (thiếu trình cắm qsvg của Qt)")
    return "vẽ được"


def _gui_smoke(db: Path) -> str:
    from emulation_desktop.settings import MemoryBackend, Settings

    from emulation_desktop.gui import application

    application.create_qapplication(headless=True)
    with open_context(db) as ctx:
        return application.smoke_main_window(ctx.services, Settings(MemoryBackend()), ctx.paths)
