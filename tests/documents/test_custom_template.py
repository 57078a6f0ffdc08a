"""A commune's own Word form replaces the built-in layout of one kind, without code: checked
when chosen (a bad form is refused by name and nothing is stored), filled with the document's
data, kept in the database, and removable."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from emulation_desktop.domain.enums import DocumentKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.text import thousands
from tests.docx_checks import texts

QD = DocumentKind.DECISION


def _form(path: Path, *lines: str, table: bool = True) -> Path:
    doc = docx.Document()
    for line in lines:
        doc.add_paragraph(line)
    if table:
        t = doc.add_table(rows=3, cols=3)
        t.rows[0].cells[0].text = "{%tr for r in doc.rows %}"
        fields = ("{{ r.number }}", "{{ r.name }}", "{{ r.amount | tien }}")
        for cell, text in zip(t.rows[1].cells, fields, strict=True):
            cell.text = text
        t.rows[2].cells[0].text = "{%tr endfor %}"
    doc.save(str(path))
    return path


def _ldtt(demo) -> int:  # type: ignore[no-untyped-def]
    return next(d.id for d in demo.decisions.list(2025)
                if "Lao động tiên tiến" in d.summary and d.kind.value == "khen_thuong")  # fmt: skip


def test_the_communes_form_is_used_until_removed(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    form = _form(tmp_path / "mau-tinh.docx", "MẪU CỦA TỈNH", "Số: {{ so }}", "{{ ngay_thang }}",
                 "{{ trich_yeu }}", "{{ chuc_vu_ky }} – {{ nguoi_ky }}")  # fmt: skip
    custom = demo.documents.custom
    custom.add(QD, form)
    assert [(x.kind, x.file_name) for x in custom.list()] == [(QD, "mau-tinh.docx")]
    did = _ldtt(demo)
    data = demo.decisions.decision_list(did)
    out = demo.documents.write(QD, did, tmp_path / "qd.docx")
    doc = docx.Document(str(out))
    lines = texts(doc)
    assert lines[:4] == ["MẪU CỦA TỈNH", f"Số: {data.header.number}", data.header.date_line,
                         data.header.summary]  # fmt: skip
    rows = [[c.text for c in r.cells] for r in doc.tables[0].rows]
    assert len(rows) == len(data.rows)
    first = data.rows[0]
    assert rows[0] == [str(first.number), first.name, thousands(first.amount)]

    custom.remove(QD)
    assert custom.list() == []
    demo.documents.write(QD, did, out)
    assert "MẪU CỦA TỈNH" not in texts(docx.Document(str(out)))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a word file", "không đọc được"),
        (None, "trường không có: «ho_ten_sai»"),
        ("broken", "không đọc được"),
    ],
    ids=["not docx", "unknown field", "broken tag"],
)
def test_a_bad_form_is_refused_and_nothing_stored(
    demo, tmp_path: Path, content, message: str
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "mau.docx"
    if content is None:
        _form(path, "{{ ho_ten_sai }}", table=False)
    elif content == "broken":
        _form(path, "{% for x in %}", table=False)
    else:
        path.write_bytes(content)
    with pytest.raises(UserError, match=message):
        demo.documents.custom.add(QD, path)
    assert demo.documents.custom.list() == []


def test_only_docx_files(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "mau.doc"
    path.write_bytes(b"x")
    with pytest.raises(UserError, match=r"\.docx"):
        demo.documents.custom.add(QD, path)


def test_a_form_keeps_the_checks_and_names_a_misspelt_field(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import dataclasses

    did = _ldtt(demo)
    custom = demo.documents.custom
    custom.add(QD, _form(tmp_path / "sai.docx", "{{ doc.authoritee }}", table=False))
    entry = demo.documents._kinds[QD]
    try:
        with pytest.raises(UserError, match="authoritee"):
            demo.documents.write(QD, did, tmp_path / "qd.docx")
        data = demo.decisions.decision_list(did)
        unsigned = dataclasses.replace(data, signature=dataclasses.replace(data.signature, name=""))
        demo.documents._kinds[QD] = dataclasses.replace(entry, produce=lambda _s, _i: unsigned)
        with pytest.raises(UserError, match="người ký"):
            demo.documents.write(QD, did, tmp_path / "qd.docx")
    finally:
        demo.documents._kinds[QD] = entry
        custom.remove(QD)
    assert not (tmp_path / "qd.docx").exists()
