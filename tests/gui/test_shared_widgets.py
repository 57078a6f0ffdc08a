"""Widgets every form of the yearly cycle shares: typed dates, the subject picker, tabbed pages."""

from __future__ import annotations

import datetime as dt

from emulation_desktop.domain.enums import SubjectKind

from emulation_desktop.gui.pages.tabbed import SectionTab, TabbedSectionPage
from emulation_desktop.gui.sections import SECTION_BY_KEY
from emulation_desktop.gui.tasks import SyncTaskRunner
from emulation_desktop.gui.widgets.date_field import DateField
from emulation_desktop.gui.widgets.subject_picker import SubjectPicker


def test_date_field_reads_and_explains(qtbot) -> None:  # type: ignore[no-untyped-def]
    field = DateField(dt.date(2024, 5, 7))
    qtbot.addWidget(field)
    assert field.text() == "07/05/2024" and field.error() == ""
    field.setText("31/02/2024")
    assert field.date() is None and "không có trên lịch" in field.error()
    field.setText("")
    assert field.error() == "" and field.date() is None
    field.required = True
    assert field.error() == "Hãy nhập ngày (ngày/tháng/năm)."


def test_subject_picker_finds_and_chooses(qtbot, demo_context) -> None:  # type: ignore[no-untyped-def]
    picker = SubjectPicker(demo_context.services.subjects, [SubjectKind.PERSON, SubjectKind.UNIT])
    qtbot.addWidget(picker)
    seen: list[object] = []
    picker.changed.connect(lambda: seen.append(picker.subject()))
    picker.kind.setCurrentIndex(picker.kind.findData(SubjectKind.UNIT))
    qtbot.keyClicks(picker.edit, "to dan pho")
    picker.search_now()
    labels = picker.completer.model().stringList()
    assert labels and all("Tổ dân phố" in label for label in labels)
    picker.choose(labels[0])
    ref = picker.subject()
    assert ref is not None and ref.kind is SubjectKind.UNIT and picker.edit.text() == labels[0]
    # Editing the text drops the choice (typed keys would open the list popup, which the
    # offscreen platform cannot raise).
    picker.edit.setText(labels[0] + "x")
    picker.edit.textEdited.emit(picker.edit.text())
    assert picker.subject() is None and seen[-1] is None


def test_subject_picker_with_one_kind_hides_the_kind(qtbot, demo_context) -> None:  # type: ignore[no-untyped-def]
    picker = SubjectPicker(demo_context.services.subjects, [SubjectKind.PERSON])
    qtbot.addWidget(picker)
    picker.show()
    assert not picker.kind.isVisible()
    assert "cá nhân" in picker.edit.placeholderText()


class _Probe(SectionTab):
    title = "Thử"

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.calls: list[str] = []

    def reload(self) -> None:
        self.calls.append(f"reload {self.year}")

    def add(self) -> None:
        self.calls.append("add")


def test_tabbed_page_reloads_lazily_and_forwards_actions(qtbot, demo_context) -> None:  # type: ignore[no-untyped-def]
    from emulation_desktop.gui.pages.base import Action

    page = TabbedSectionPage(
        SECTION_BY_KEY["movements"], demo_context.services, SyncTaskRunner(), lambda: None,
        [_Probe, _Probe],
    )  # fmt: skip
    qtbot.addWidget(page)
    first, second = page.tab(0), page.tab(1)
    assert isinstance(first, _Probe) and isinstance(second, _Probe)
    page.set_year(2025)
    assert first.calls == []  # nothing read before the page is shown
    page.activated()
    assert first.calls == ["reload 2025"] and second.calls == []
    page.trigger(Action.ADD)
    assert first.calls[-1] == "add"
    page.tabs.setCurrentIndex(1)
    assert second.calls == ["reload 2025"]
    page.set_year(2024)
    assert second.calls[-1] == "reload 2024" and first.calls[-1] == "add"
    page.tabs.setCurrentIndex(0)
    assert first.calls[-1] == "reload 2024"
    page.trigger(Action.REFRESH)  # F5 rereads the tab in front, the others when shown
    assert first.calls[-1] == "reload 2024" and len(first.calls) == 4
    page.tabs.setCurrentIndex(1)
    second.on_changed()  # a write in the second tab marks the first one stale
    page.tabs.setCurrentIndex(0)
    assert len(first.calls) == 5
