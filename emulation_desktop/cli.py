"""Headless commands (a stable contract for scripts and tests). No argument opens the window.

Exit codes: 0 success, 1 failure with a one-line Vietnamese message on stderr, 2 bad arguments.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from emulation_desktop import APP_NAME, __version__
from emulation_desktop.domain.enums import DocumentKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.logs import configure_logging
from emulation_desktop.paths import AppPaths

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2
log = logging.getLogger(__name__)

# argparse speaks English; these are the messages a user can provoke.
_ARGPARSE_VI = (
    ("the following arguments are required: ", "thiếu tham số bắt buộc: "),
    ("unrecognized arguments: ", "tham số không hiểu được: "),
    ("invalid choice: ", "lựa chọn không hợp lệ: "),
    ("choose from ", "hãy chọn một trong "),
    ("expected one argument", "cần một giá trị đi kèm"),
    ("invalid int value: ", "không phải số nguyên: "),
    ("argument ", "tham số "),
)


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        # argparse passes prefix="" when it builds a subcommand's name: keep that.
        super().add_usage(usage, actions, groups, "Cách dùng: " if prefix is None else prefix)


class _ListFormatter(_Formatter, argparse.RawDescriptionHelpFormatter):
    """Keeps the epilog's one-kind-per-line table as written."""


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "Tham số"
        self._optionals.title = "Tùy chọn"
        self.add_argument("-h", "--help", action="help", help="Hiện hướng dẫn này rồi thoát.")

    def error(self, message: str) -> NoReturn:
        for en, vi in _ARGPARSE_VI:
            message = message.replace(en, vi)
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"Lỗi tham số: {message}\n")


# Commands of the design that later versions fill in: name -> what the user calls the feature.
IMPORT_KINDS = ("people", "units", "households")
EXPORT_LISTS = {
    "people": "cá nhân",
    "units": "đơn vị",
    "households": "hộ gia đình",
    "awards": "khen thưởng",
}
DOCUMENT_KINDS = tuple(k.value for k in DocumentKind)


def _db_option(default: object) -> argparse.ArgumentParser:
    holder = argparse.ArgumentParser(add_help=False)
    holder.add_argument(
        "--db",
        metavar="TỆP",
        type=Path,
        default=default,
        help="Tệp cơ sở dữ liệu (mặc định: trong thư mục dữ liệu của người dùng).",
    )
    return holder


def _password_option() -> argparse.ArgumentParser:
    holder = argparse.ArgumentParser(add_help=False)
    holder.add_argument(
        "--password-file",
        type=Path,
        metavar="TỆP",
        help="Tệp văn bản chứa mật khẩu của bản sao lưu (dòng đầu tiên).",
    )
    return holder


def _password(args: argparse.Namespace) -> str | None:
    path = getattr(args, "password_file", None)
    if path is None:
        return None
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"Không đọc được tệp mật khẩu «{Path(path).name}».") from exc
    if not lines or not lines[0].strip():
        raise UserError(f"Tệp mật khẩu «{Path(path).name}» trống.")
    return lines[0].strip()


def _paper(text: str):  # type: ignore[no-untyped-def]
    from emulation_desktop.domain.certificate_layout import (
        A3_LANDSCAPE,
        A4_LANDSCAPE,
        CUSTOM,
        MAX_PAPER_MM,
        MIN_PAPER_MM,
        Paper,
    )

    presets = {"a4": A4_LANDSCAPE, "a3": A3_LANDSCAPE}
    key = text.strip().lower()
    if key in presets:
        return presets[key]
    parts = key.replace("×", "x").replace(",", ".").split("x")
    try:
        width, height = (float(p) for p in parts)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"khổ giấy «{text}» không hiểu được: dùng a4, a3 hoặc RỘNGxCAO (mm), ví dụ 400x300"
        ) from None
    if not (MIN_PAPER_MM <= width <= MAX_PAPER_MM and MIN_PAPER_MM <= height <= MAX_PAPER_MM):
        raise argparse.ArgumentTypeError(
            f"khổ giấy {width:g} × {height:g} mm: mỗi cạnh từ {MIN_PAPER_MM:g} đến "
            f"{MAX_PAPER_MM:g} mm"
        )
    return Paper(CUSTOM, width, height)


def build_parser() -> argparse.ArgumentParser:
    top_db = _db_option(default=None)
    # SUPPRESS: a subcommand without --db must not overwrite a --db given before it.
    db_opt = _db_option(default=argparse.SUPPRESS)
    parser = _Parser(
        prog="emulation-desktop",
        parents=[top_db],
        description=f"{APP_NAME}: không có lệnh thì mở cửa sổ chương trình.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"{APP_NAME} {__version__}",
        help="Hiện phiên bản rồi thoát.",
    )
    parser.add_argument("--quit-when-shown", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(
        dest="command", metavar="LỆNH", title="Các lệnh", parser_class=_Parser
    )

    p = sub.add_parser("demo", parents=[db_opt], help="Tạo xã mẫu với dữ liệu đầy đủ.")
    p.add_argument("--seed", type=int, default=2026, help="Số khởi tạo (cùng số, cùng dữ liệu).")
    sub.add_parser(
        "self-test", parents=[db_opt], help="Tự kiểm tra chương trình (dùng cho bản đóng gói)."
    )

    p = sub.add_parser(
        "import",
        parents=[db_opt],
        help="Nhập danh sách cá nhân, đơn vị hoặc hộ gia đình từ Excel (tất cả hoặc không gì).",
    )
    p.add_argument("file", metavar="TỆP.xlsx", type=Path)
    p.add_argument("--sheet", metavar="TÊN_TRANG", help="Trang cần nhập (mặc định: trang đầu).")
    p.add_argument(
        "--kind",
        choices=IMPORT_KINDS,
        metavar="LOẠI",
        help="people, units hoặc households (mặc định: đoán theo tiêu đề cột).",
    )
    p.add_argument(
        "--encoding",
        choices=("auto", "tcvn3", "vni", "none"),
        default="auto",
        metavar="BẢNG_MÃ",
        help="Chữ gõ bằng phông cũ: auto (tự nhận), tcvn3, vni hoặc none.",
    )
    p.add_argument(
        "--only-valid", action="store_true", help="Bỏ qua các dòng lỗi, chỉ nhập các dòng hợp lệ."
    )
    p = sub.add_parser(
        "document",
        parents=[db_opt],
        help="Tạo văn bản (.docx) theo Nghị định 30/2020/NĐ-CP.",
        formatter_class=_ListFormatter,
        epilog="Loại văn bản và ý nghĩa của --id:\n"
        + "\n".join(f"  {k.value:<22} {k.label} (--id: {k.id_label})" for k in DocumentKind),
    )
    p.add_argument("kind", choices=DOCUMENT_KINDS, metavar="LOẠI")
    p.add_argument("--id", type=int, required=True, metavar="SỐ")
    p.add_argument("--out", type=Path, required=True, metavar="TỆP.docx")
    p = sub.add_parser(
        "certificates",
        parents=[db_opt],
        help="In giấy khen, giấy chứng nhận của một quyết định ra tệp PDF (mỗi tờ một trang).",
    )
    p.add_argument(
        "--decision",
        required=True,
        metavar="QĐ",
        help="Số quyết định như đã in (ví dụ 121/QĐ-UBND) hoặc mã của quyết định.",
    )
    p.add_argument("--out", type=Path, required=True, metavar="TỆP.pdf", help="Tệp PDF sẽ tạo.")
    p.add_argument(
        "--printer",
        metavar="MÁY_IN",
        help="Dời chữ theo độ lệch đã căn chỉnh cho máy in này (mặc định: không dời).",
    )
    p.add_argument(
        "--mode",
        choices=("full", "overlay"),
        default="full",
        metavar="CÁCH_IN",
        help="full: giấy trắng, in cả khung và tiêu đề (mặc định); overlay: chỉ in chữ lên phôi.",
    )
    p.add_argument(
        "--order",
        choices=("ceremony", "list"),
        default="ceremony",
        metavar="THỨ_TỰ",
        help="ceremony: thứ tự đọc tên khi trao (mặc định); list: thứ tự danh sách đề nghị.",
    )
    p.add_argument(
        "--all-titles",
        action="store_true",
        help="In cả giấy chứng nhận cho danh hiệu không kèm giấy (Lao động tiên tiến…).",
    )
    p = sub.add_parser(
        "calibration-page",
        parents=[db_opt],
        help="In trang căn chỉnh (lưới mm) để đo độ lệch của máy in so với phôi.",
    )
    p.add_argument("--out", type=Path, required=True, metavar="TỆP.pdf", help="Tệp PDF sẽ tạo.")
    p.add_argument(
        "--paper",
        type=_paper,
        default="a4",
        metavar="KHỔ",
        help="a4, a3 (khổ ngang, mặc định a4) hoặc RỘNGxCAO tính bằng mm, ví dụ 400x300.",
    )
    password = _password_option()
    p = sub.add_parser(
        "backup",
        parents=[db_opt, password],
        help="Sao lưu thành một tệp trong THƯ_MỤC (ví dụ ổ USB), kiểm tra lại ngay sau khi ghi.",
    )
    p.add_argument("dir", metavar="THƯ_MỤC", type=Path)
    p = sub.add_parser(
        "verify-backup",
        parents=[db_opt, password],
        help="Kiểm tra một tệp sao lưu (không phục hồi).",
    )
    p.add_argument("file", metavar="TỆP", type=Path)
    p = sub.add_parser(
        "restore",
        parents=[db_opt, password],
        help="Phục hồi từ tệp sao lưu: in ra những gì sẽ thay; thêm --yes để thực hiện.",
    )
    p.add_argument("file", metavar="TỆP", type=Path)
    p.add_argument("--yes", action="store_true", help="Đồng ý thay thế dữ liệu hiện có.")
    p = sub.add_parser(
        "export",
        parents=[db_opt],
        help="Xuất danh sách ra Excel, theo thứ tự mặc định của màn hình.",
    )
    p.add_argument(
        "what",
        choices=tuple(EXPORT_LISTS),
        metavar="DANH_SÁCH",
        help="people (cá nhân), units (đơn vị), households (hộ gia đình), awards (khen thưởng).",
    )
    p.add_argument("--out", type=Path, required=True, metavar="TỆP.xlsx")
    return parser


def _cmd_demo(args: argparse.Namespace) -> int:
    from emulation_desktop import app

    with app.open_context(args.db) as ctx:
        counts = ctx.services.demo.load(seed=args.seed)
        profile = ctx.services.profile.get()
    assert profile is not None
    print(
        f"Đã tạo dữ liệu mẫu của {profile.display_name}: {counts.units} đơn vị, "
        f"{counts.people} cá nhân, {counts.households} hộ gia đình. Tệp: {ctx.paths.db_path}"
    )
    return EXIT_OK


def _cmd_import(args: argparse.Namespace) -> int:
    from emulation_desktop import app
    from emulation_desktop.domain.import_fields import ImportKind

    with app.open_context(args.db) as ctx:
        imports = ctx.services.imports
        source = imports.open(args.file)
        kind = ImportKind(args.kind) if args.kind else None
        preview = imports.preview(source, imports.plan(source, args.sheet, kind, args.encoding))
        for issue in preview.parse.issues:
            where = f", cột «{issue.column}»" if issue.column else ""
            print(f"Dòng {issue.row}{where}: {issue.message}")
        for warning in preview.warnings:
            print(f"Lưu ý dòng {warning.row}: {warning.message}")
        summary = imports.commit(preview, only_valid=args.only_valid)
    print(summary.message())
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    from emulation_desktop import app

    with app.open_context(args.db) as ctx:
        exports = ctx.services.exports
        write = {
            "people": exports.people,
            "units": exports.units,
            "households": exports.households,
            "awards": exports.awards,
        }[args.what]
        rows = write(args.out)
    print(f"Đã xuất {rows} dòng danh sách {EXPORT_LISTS[args.what]} ra {args.out}")
    return EXIT_OK


def _manifest_lines(manifest) -> list[str]:  # type: ignore[no-untyped-def]
    from emulation_desktop.services.backup import RestorePreview

    counts = ", ".join(
        f"{label.lower()} {count}"
        for label, _now, count in RestorePreview(manifest, {}, None).lines()
    )
    return [
        f"Xã: {manifest.commune}",
        f"Thời điểm sao lưu: {manifest.created_at:%d/%m/%Y %H:%M}",
        f"Phiên bản chương trình: {manifest.program_version}; cấu trúc dữ liệu: "
        f"{manifest.schema_revision}; mật khẩu: {'có' if manifest.encrypted else 'không'}",
        f"Số liệu: {counts}",
    ]


def _cmd_backup(args: argparse.Namespace) -> int:
    from emulation_desktop import app

    with app.open_context(args.db) as ctx:
        path, manifest = ctx.services.backup.backup_to(args.dir, _password(args))
    print(f"Đã sao lưu và kiểm tra lại: {path}")
    for line in _manifest_lines(manifest):
        print(line)
    return EXIT_OK


def _cmd_verify_backup(args: argparse.Namespace) -> int:
    from emulation_desktop.backup.archive import verify_backup

    manifest = verify_backup(args.file, _password(args))
    print(f"Tệp sao lưu hợp lệ: {args.file}")
    for line in _manifest_lines(manifest):
        print(line)
    return EXIT_OK


def _cmd_restore(args: argparse.Namespace) -> int:
    from emulation_desktop import app

    with app.open_context(args.db) as ctx:
        backup = ctx.services.backup
        password = _password(args)
        preview = backup.preview_restore(args.file, password)
        for line in _manifest_lines(preview.manifest):
            print(line)
        print("Dữ liệu hiện có sẽ được thay bằng dữ liệu trong bản sao lưu:")
        for label, now, then in preview.lines():
            print(f"  {label}: hiện có {now} → sau khi phục hồi {then}")
        if not args.yes:
            print(
                "Chưa phục hồi gì. Thêm --yes để thực hiện (dữ liệu hiện có được tự sao lưu trước)."
            )
            return EXIT_OK
        safety, _manifest = backup.restore(args.file, password)
    if safety is not None:
        print(f"Đã sao lưu dữ liệu cũ trước khi phục hồi: {safety}")
    print("Đã phục hồi xong.")
    return EXIT_OK


def _cmd_self_test(args: argparse.Namespace) -> int:
    from emulation_desktop import app

    return app.self_test(report=print)


def _require_database(args: argparse.Namespace) -> None:
    """Commands that read a commune's data never create an empty database by mistake."""
    if args.db is not None and not Path(args.db).exists():
        raise UserError(f"Không tìm thấy tệp cơ sở dữ liệu «{args.db}».")


def _cmd_document(args: argparse.Namespace) -> int:
    from emulation_desktop import app

    _require_database(args)
    kind = DocumentKind(args.kind)
    with app.open_context(args.db) as ctx:
        out = ctx.services.documents.write(kind, args.id, args.out)
    print(f"Đã tạo {kind.label[:1].lower()}{kind.label[1:]}: {out}")
    return EXIT_OK


def _cmd_certificates(args: argparse.Namespace) -> int:
    from emulation_desktop import app
    from emulation_desktop.domain.certificates import PrintMode
    from emulation_desktop.services.certificates import Offset

    _require_database(args)
    with app.open_context(args.db) as ctx:
        certificates = ctx.services.certificates
        decision = certificates.resolve_decision(args.decision)
        # Like «Lưu PDF…» in the window: a PDF is not shifted unless a printer is named.
        offset = Offset()
        if args.printer is not None:
            saved = certificates.saved_calibration(args.printer)
            if saved is None:
                raise UserError(
                    f"Máy in «{args.printer}» chưa được căn chỉnh; hãy căn chỉnh "
                    "trong chương trình, hoặc bỏ --printer để in không dời chữ."
                )
            offset = saved
        written = certificates.write_pdf(
            decision,
            args.out,
            PrintMode(args.mode),
            ceremony=args.order == "ceremony",
            offset=offset,
            all_titles=args.all_titles,
        )
    for notice in (*written.notices, *(i.message for i in written.issues)):
        print(f"Lưu ý: {notice}", file=sys.stderr)
    print(f"Đã tạo {written.summary}: {written.path}")
    return EXIT_OK


def _cmd_calibration_page(args: argparse.Namespace) -> int:
    # No database: the page is the same for every commune.
    from emulation_desktop.services.certificates import write_calibration_page

    out = write_calibration_page(args.paper, args.out)
    paper = args.paper
    print(f"Đã tạo trang căn chỉnh khổ {paper.width_mm:g} × {paper.height_mm:g} mm: {out}")
    return EXIT_OK


def _cmd_gui(args: argparse.Namespace) -> int:
    from emulation_desktop import app

    return app.run_gui(args.db, quit_when_shown=args.quit_when_shown)


COMMANDS: dict[str | None, Callable[[argparse.Namespace], int]] = {
    None: _cmd_gui,
    "demo": _cmd_demo,
    "self-test": _cmd_self_test,
    "export": _cmd_export,
    "backup": _cmd_backup,
    "verify-backup": _cmd_verify_backup,
    "restore": _cmd_restore,
    "import": _cmd_import,
    "document": _cmd_document,
    "certificates": _cmd_certificates,
    "calibration-page": _cmd_calibration_page,
}


def _utf8_streams() -> None:
    # A windowed frozen build has no console (None), and a Windows pipe is not UTF-8.
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
        elif hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_streams()
    args = build_parser().parse_args(argv)
    # Early, so that even a failure before the database opens leaves its detail in the log.
    configure_logging(AppPaths.resolve(None).log_file)
    try:
        return COMMANDS[args.command](args)
    except UserError as exc:
        print(f"Lỗi: {exc.message}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print("Đã dừng theo yêu cầu.", file=sys.stderr)
        return EXIT_FAILURE
    except Exception as exc:  # the last guard: never a traceback for the user
        log.exception("unexpected failure in %s", args.command)
        print(
            f"Lỗi: sự cố ngoài dự kiến ({type(exc).__name__}). "
            "Chi tiết đã ghi vào tệp nhật ký trong thư mục dữ liệu của chương trình.",
            file=sys.stderr,
        )
        return EXIT_FAILURE


if __name__ == "__main__":
    sys.exit(main())
