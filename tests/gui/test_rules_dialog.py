"""Cài đặt → Quy định thi đua, khen thưởng, as the officer uses it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from PySide6.QtCore import QDate, Qt

from emulation_desktop.domain.rules.eligibility import Verdict

from emulation_desktop.gui import application, tasks
from emulation_desktop.gui.rules import eligibility_tab, rules_dialog
from emulation_desktop.gui.rules.rules_dialog import RulesDialog
from emulation_desktop.gui.tasks import SyncTaskRunner

pytestmark = pytest.mark.gui


@pytest.fixture
def dialog(demo_context, qtbot) -> RulesDialog:  # type: ignore[no-untyped-def]
    application.create_qapplication()
    d = RulesDialog(demo_context.services, SyncTaskRunner(), today=lambda: dt.date(2026, 11, 24))
    qtbot.addWidget(d)
    return d


def test_versions_are_listed_by_date_with_the_one_in_force(dialog) -> None:  # type: ignore[no-untyped-def]
    items = [dialog.versions_list.item(i).text() for i in range(dialog.versions_list.count())]
    assert items[0].startswith("Nghị định 98/2023/NĐ-CP\ntừ 01/01/2024 đến 30/06/2025")
    assert "đang áp dụng" in items[1] and "Nghị định 152/2025" in items[1]
    assert dialog.current().code == "nd152-2025"
    catalog = dialog.version_tabs.catalog
    names = [catalog.item(r, 1).text() for r in range(catalog.rowCount())]
    assert "Lao động tiên tiến" in names and "Gia đình văn hóa" in names
    # The demo decided awards under both versions: they are shown, not edited.
    assert not dialog.version_tabs.edit_award_button.isEnabled()
    assert "chỉ xem" in dialog.status.text()


def test_criteria_show_how_each_is_checked_and_its_basis(dialog) -> None:  # type: ignore[no-untyped-def]
    table = dialog.version_tabs.criteria
    rows = [[table.item(r, c).text() for c in range(5)] for r in range(table.rowCount())]
    ldtt = [r for r in rows if r[0] == "Lao động tiên tiến"]
    assert any("Hoàn thành tốt nhiệm vụ" in r[2] for r in ldtt)
    assert any(r[2] == "Cán bộ xác nhận" for r in ldtt)
    assert all(r[3] and r[4] for r in rows)


def test_a_new_version_can_be_edited(dialog, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(rules_dialog.NewVersionDialog, "exec", lambda self: 1)
    monkeypatch.setattr(
        rules_dialog.NewVersionDialog,
        "values",
        lambda self: ("Luật 06/2026/QH16", dt.date(2026, 10, 1)),
    )
    dialog.add_version()
    assert dialog.current().name == "Luật 06/2026/QH16"
    assert dialog.version_tabs.edit_award_button.isEnabled()

    def edit(self) -> int:  # type: ignore[no-untyped-def]
        self.coefficient.setValue(0.35)
        return 1

    monkeypatch.setattr(rules_dialog.AwardDialog, "exec", edit)
    dialog.version_tabs.catalog.selectRow(0)
    dialog.version_tabs.edit_award_button.click()
    assert dialog.version_tabs.catalog.item(0, 5).text() == "0,35"


def test_the_calculator_uses_the_base_salary_of_the_decision_date(dialog) -> None:  # type: ignore[no-untyped-def]
    calc = dialog.calculator_tab
    calc.date.setDate(QDate(2026, 6, 30))
    calc.award.setCurrentIndex(calc.award.findData("LDTT"))
    assert "710.000 đồng" in calc.result.text() and "Bảy trăm mười nghìn đồng" in calc.result.text()
    calc.date.setDate(QDate(2026, 7, 1))
    text = calc.result.text()
    assert "2.530.000" in text and "760.000 đồng" in text and "Bảy trăm sáu mươi nghìn" in text


def test_eligibility_check_lists_reasons_and_keeps_an_override(dialog, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    tab = dialog.eligibility_tab
    tab.year.setValue(2026)
    tab.award.setCurrentIndex(tab.award.findData("LDTT"))
    for i in range(tab.manual.count()):
        tab.manual.item(i).setCheckState(Qt.CheckState.Checked)
    tab.run_button.click()
    assert "Đủ điều kiện:" in tab.summary.text()
    verdicts = [tab.table.item(r, 2).text() for r in range(tab.table.rowCount())]
    row = verdicts.index(Verdict.NOT_ELIGIBLE.label)
    tab.table.setCurrentCell(row, 0)
    detail = tab.detail.toPlainText()
    assert "Không đạt" in detail and "Căn cứ:" in detail
    name = tab.table.item(row, 0).text()

    def decide(self) -> int:  # type: ignore[no-untyped-def]
        self.reason.setPlainText("Hội đồng phúc tra, xác nhận hoàn thành tốt nhiệm vụ.")
        return 1

    monkeypatch.setattr(eligibility_tab.OverrideDialog, "exec", decide)
    tab.override_button.click()
    names = [tab.table.item(r, 0).text() for r in range(tab.table.rowCount())]
    again = names.index(name)
    assert tab.table.item(again, 2).text() == Verdict.ELIGIBLE.label
    assert "phúc tra" in tab.table.item(again, 3).text()


def test_a_bad_rule_file_gives_one_message_and_changes_nothing(
    dialog, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    errors: list[str] = []
    monkeypatch.setattr(tasks, "show_error", lambda _p, m, *a: errors.append(m))
    out = tmp_path / "x.json"
    dialog._rules.export_file("nd152-2025", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    data["awards"][1]["coefficient"] = -2
    out.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    dialog.ask_open = lambda: out
    dialog.import_button.click()
    assert len(errors) == 1 and "dòng" in errors[0]
    assert dialog.versions_list.count() == 2


def test_fund_tab_shows_the_years_decisions_and_the_ceiling(dialog) -> None:  # type: ignore[no-untyped-def]
    tab = dialog.fund_tab
    tab.year.setValue(2025)
    assert tab.table.rowCount() >= 3
    assert "Nhập tổng chi thường xuyên" in tab.result.text()
    tab.spending.setValue(12_000_000_000)
    tab._save()
    assert "120.000.000 đồng" in tab.result.text()


def test_eligibility_results_export_for_the_council(dialog, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import openpyxl

    infos: list[str] = []
    monkeypatch.setattr(eligibility_tab, "show_info", lambda _w, m, *a: infos.append(m))
    tab = dialog.eligibility_tab
    assert not tab.export_button.isEnabled()
    tab.year.setValue(2026)
    tab.award.setCurrentIndex(tab.award.findData("CSTDCS"))
    tab.run_button.click()
    out = tmp_path / "cstdcs.xlsx"
    tab.ask_save = lambda _name: out
    tab.export_button.click()
    rows = list(openpyxl.load_workbook(out).worksheets[0].iter_rows(values_only=True))
    assert rows[0][0] == "KẾT QUẢ KIỂM TRA ĐIỀU KIỆN KHEN THƯỞNG"
    assert any("Chiến sĩ thi đua cơ sở" in str(r[0]) for r in rows[1:4])
    body = [r for r in rows if isinstance(r[0], int)]
    assert len(body) == tab.table.rowCount()
    assert all(r[3] for r in body)  # every line says why
    assert infos and "cstdcs.xlsx" in infos[0]
