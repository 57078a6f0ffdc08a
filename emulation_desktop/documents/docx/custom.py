"""A commune's own Word form for a document kind, filled with docxtpl (Jinja tags in Word).

The form sees the document's data as `doc` (the same frozen data the built-in layout prints:
`{{ doc.header.number }}`, `{%tr for r in doc.rows %}` …) and a few ready-made texts
(`so`, `ngay_thang`, `trich_yeu`, `nguoi_ky`). docs/mau-van-ban.md lists them per kind.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from emulation_desktop.domain.errors import UserError

COMMON_FIELDS = ("doc", "so", "ngay_thang", "trich_yeu", "nguoi_ky", "chuc_vu_ky", "noi_nhan")


def template_fields(data: bytes) -> set[str]:
    """The names the form uses; UserError when Word's file is not a usable form."""
    from docxtpl import DocxTemplate

    try:
        tpl = DocxTemplate(io.BytesIO(data))
        return set(tpl.get_undeclared_template_variables(jinja_env=_environment()))
    except Exception as exc:  # docxtpl/jinja raise many kinds: the officer needs one sentence
        raise UserError(
            "Tệp mẫu không đọc được: cần một tệp Word (.docx) với các trường viết dạng "
            f"{{{{ tên_trường }}}} ({_short(exc)})."
        ) from exc


def check_template(data: bytes) -> None:
    unknown = sorted(template_fields(data) - set(COMMON_FIELDS))
    if unknown:
        raise UserError(
            f"Mẫu dùng trường không có: «{unknown[0]}». Các trường dùng được: "
            + ", ".join(COMMON_FIELDS) + "."
        )


def context(data: Any) -> dict[str, Any]:
    header = getattr(data, "header", None)
    signature = getattr(data, "signature", None)
    return {
        "doc": data,
        "so": getattr(header, "number", "") if header else "",
        "ngay_thang": getattr(header, "date_line", "") if header else "",
        "trich_yeu": getattr(header, "summary", "") if header else "",
        "nguoi_ky": getattr(signature, "name", "") if signature else "",
        "chuc_vu_ky": "\n".join(getattr(signature, "lines", ())) if signature else "",
        "noi_nhan": list(getattr(data, "recipients", ())),
    }


def render(data_bytes: bytes, data: Any, out: Path) -> Path:
    from docxtpl import DocxTemplate

    from emulation_desktop.documents.docx.save import save_docx

    tpl = DocxTemplate(io.BytesIO(data_bytes))
    try:
        tpl.render(context(data), jinja_env=_environment(), autoescape=True)
    except Exception as exc:
        raise UserError(
            f"Không điền được mẫu riêng của xã: {_short(exc)}. Hãy sửa tên trường trong tệp mẫu "
            "(xem docs/mau-van-ban.md) hoặc bỏ mẫu riêng."
        ) from exc
    return save_docx(tpl.docx, out)


def _environment():  # type: ignore[no-untyped-def]
    """Jinja with the two filters a Vietnamese form needs: `tien` (1.234.000) and `ngay`
    (05/01/2026)."""
    import jinja2

    from emulation_desktop.domain.dates import day_text
    from emulation_desktop.domain.text import thousands

    # A misspelt field ({{ doc.authoritee }}) is an error naming it, never a silent blank.
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    env.filters["tien"] = lambda v: thousands(int(v)) if v not in (None, "") else ""
    env.filters["ngay"] = lambda v: day_text(v) if v else ""
    return env


def _short(exc: Exception) -> str:
    return str(exc).splitlines()[0][:160] if str(exc) else type(exc).__name__

